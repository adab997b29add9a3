import { describe, expect, it } from 'vitest';
import { eventLabel, extractTimeline } from '../../src/study/timeline.js';
import { mergeSources } from '../../src/merge/index.js';
import { parseText, TEST_META } from '../support/content.js';

/** The label of the date `label` in a sentence (the first place it stands). */
const labelOf = (sentence: string, label: string) => eventLabel(sentence, { label, index: sentence.indexOf(label) });

describe('timeline labels read alone (made-up sentences)', () => {
  it('gives a date inside a "why" or "when" clause that clause’s event', () => {
    const why = labelOf(
      'The ratification of the treaty by Lidia provided one of the reasons why the regent closed the harbour ' +
        'on March 7, 1886.',
      'March 7, 1886',
    );
    expect(why).toMatch(/^The regent closed the harbour/);
  });

  it('keeps where a passive sent something, and the name an "of" gives a noun', () => {
    const diverted = labelOf(
      'On May 4, 1871, as Lidia blockaded the coast, wooden grain barges heading towards the royal granaries ' +
        'were diverted to the northern river port of Kessel.',
      'May 4, 1871',
    );
    expect(diverted).toMatch(/were diverted to the northern river port of Kessel$/);
    const attitude = labelOf(
      'In May 1872, Brant assured the Lidian envoy Karl Ostrow that Norvanian-Lidian relations would depend ' +
        'solely on the attitude of Norvania towards Lidia.',
      'May 1872',
    );
    expect(attitude).toMatch(/on the attitude of Norvania\b/);
  });

  it('keeps the agents a claim holds of, the whole list of them ("for the first time by …")', () => {
    const label = labelOf(
      'In 1871–72 the Duchy of Vorsk was formally recognized for the first time by Lidia, the Free City of Ostrel, ' +
        'Kessel, Norvania, and Estmark, and later joined the League of Ports in May 1872.',
      '1871–72',
    );
    expect(label).toBe(
      'The Duchy of Vorsk was formally recognized for the first time by Lidia, the Free City of Ostrel, Kessel, ' +
        'Norvania, and Estmark',
    );
  });

  it('gives a relative clause after a clause its object, not the whole clause', () => {
    expect(labelOf('On 3 May 1801, the regent founded the Kessel Company, which was sold in 1843.', '1843')).toBe(
      'The Kessel Company was sold',
    );
    expect(
      labelOf('In 1880 the guild moved to Kessel, which hosted the first fair on 1 August 1886.', '1 August 1886'),
    ).toBe('Kessel hosted the first fair');
  });

  it('runs past a line rather than lose a short tail, but not to the first name of a list', () => {
    const war = labelOf(
      'On May 3, 1883, the Kingdom of Lidia, the Duchy of Vorsk, Kessel and the Free City of Ostrel declared war ' +
        'on Norvania.',
      'May 3, 1883',
    );
    expect(war).toMatch(/declared war on Norvania$/);
    const recognised = labelOf(
      'In 1884 the Republic of Norvania was diplomatically recognized for the first time by Lidia, Kessel, ' +
        'Vorsk, Ostrel and the Duchy of Marn.',
      '1884',
    );
    expect(recognised).not.toMatch(/by Lidia$/);
    // A link's page title in brackets, nested: no bracket is left.
    const invaded = labelOf(
      'A week after the talks, on May 5, 1885, Lidia invaded its zone of influence in the northern valleys of ' +
        'Norvania (see Invasion of Norvania (1885)).',
      'May 5, 1885',
    );
    expect(invaded).not.toMatch(/[()]/);
  });

  it('names the person an apposition stands for when a "who" clause tells the event', () => {
    const fled = labelOf(
      'Olaf Tarvo, an agent of the guild, who fled to Kessel in 1887, wrote in his memoirs that the regent had lied.',
      '1887',
    );
    expect(fled).toBe('Olaf Tarvo fled to Kessel');
  });

  it('does not end a label on a verb whose infinitive or object follows', () => {
    const forced = labelOf(
      'By 1881, shortages in the supply of timber and grain across the valleys forced the ' +
        'council to open the southern ports to foreign ships.',
      '1881',
    );
    expect(forced).not.toMatch(/forced the council$/);
    expect(forced).toMatch(/forced the council to open the southern ports/);
    const demanding = labelOf(
      'On May 3, 1880, the harbour board issued orders demanding that the merchants of Norvik ' +
        'pay the new tariff at every one of the eastern gates.',
      'May 3, 1880',
    );
    expect(demanding).not.toMatch(/demanding$/);
  });

  it('does not cut a part from its whole, nor a clause before its verb', () => {
    const one = labelOf(
      "The council's refusal of the tariff provided one of the reasons why the merchants left " +
        'the harbour on March 7, 1882.',
      'March 7, 1882',
    );
    expect(one).not.toMatch(/provided one$/);
    const told = labelOf(
      'On August 25, 1883, the regent told the envoy of the northern league that the treaty with ' +
        'the southern ports freed Norvik from the prospect of a war on two fronts.',
      'August 25, 1883',
    );
    // What the regent told is the event: the label keeps the complement clause a telling verb governs.
    expect(told).toMatch(
      /^The regent told the envoy of the northern league that the treaty with the southern ports freed/,
    );
  });

  it('gives "who" the noun it speaks of, past an aside', () => {
    const label = labelOf(
      'The kingdom had a large population of coastal settlers, especially in the Lower Valley ' +
        'Autonomous Province of Estmark, who were distrusted and taxed by the crown in 1870.',
      '1870',
    );
    expect(label).toBe('Coastal settlers were distrusted and taxed by the crown');
  });
});

describe('events and non-events of a made-up article (the timeline as built)', () => {
  const article = [
    '# Norvania',
    [
      'On 11 November 1880, the council signed an armistice with the river towns.',
      'On August 23, 1881, a delegation headed by Chancellor Mira Voss arrived to Norvik, and in the following ' +
        'night, the Harbour Pact was signed by her and her colleague Piet Holmgaard.',
      'In mid-February, 1882, the Estmark troops finally managed to break through the Kessel Line, and Lidia ' +
        'sought an armistice.',
      'Craft guilds played a major role at first, giving way after 1883 to ties of kinship as the chief criterion.',
      'Jon Aske, a merchant who left for Lidia in 1884, reported in his memoirs in 1885 that the council had ' +
        'sought better relations with Estmark.',
      'However, Norvania was engaged in its conflict with the islands in 1886.',
      'His point of view, supported by other historians, is that it was not until the end of July 1887 that ' +
        'the policy change occurred.',
      'Ethnic Lidians were distrusted and persecuted by the council from 1888 to 1893.',
    ].join(' '),
  ].join('\n\n');
  const events = extractTimeline(mergeSources([parseText(article, 'norvania.md')], TEST_META));
  const at = (date: string) => events.filter((e) => e.date === date).map((e) => e.text);

  it('tells the second event of a day told "in the following night"', () => {
    const day = at('1881-08-23');
    expect(day).toHaveLength(2);
    expect(day[0]).toMatch(/arrived to Norvik$/);
    expect(day[1]).toMatch(/^The Harbour Pact was signed\b/);
  });

  it('keeps a verb with what it governs past ", and" a clause of its own', () => {
    expect(at('1882-02')).toEqual(['The Estmark troops managed to break through the Kessel Line']);
  });

  it('shows the date without the preposition the parser took in, and a span "from … to …" as one', () => {
    expect(events.find((e) => e.date === '1880-11-11')!.label).toBe('11 November 1880');
    expect(events.find((e) => e.date === '1888')).toMatchObject({ label: '1888–1893', end: '1893' });
  });

  it('leaves out a year that bounds a state, a publication year, a state of things and a view', () => {
    for (const year of ['1883', '1885', '1886', '1887']) expect(at(year), year).toEqual([]);
    expect(events.map((e) => e.date)).not.toContain('1887-07');
  });
});

describe('labels that read alone, plans and one event told twice (a made-up article, built)', () => {
  const article = [
    '# Estmark',
    [
      "On April 16, 1890, Jon Aske, the council's special envoy to Lidia, asked at the Lidian Chancery whether " +
        '"there was any chance of joining the river guard and the Lidian fleet for a common war on Kessel".',
      'On December 4, 1891, Jon Aske, worried that the expected entry of Lidia into the League was a hostile move, ' +
        'offered Chancellor Mira Voss to cooperate against the river towns, and talks were approved.',
      'The first Estmark engineers went to Lidia for these purposes in March 1892.',
      'The two guilds acceded to the council\'s demands and signed the "harbour charters" on June 3, June 9, ' +
        'and June 20, 1893, respectively (for ten years).',
      'On May 8, 1894 the harbour board agreed to ship it by river to the Lidian port of Kessel.',
      'After the regent had scheduled his march on Kessel on August 25, 1895, the guilds closed the southern gates.',
      'The fleet arrived late that day, causing the regent to delay the planned August 26 march of the river guard.',
      'At the request of the council, the Lidian wardens held the crew, yet the barge managed to escape, ' +
        "creating the 'Kessel affair' on September 18, 1896, the day after the fleet left.",
      'Karl Brenner also secretly funded the printers of Norvik in 1897.',
      'Some historians say that the Voss–Holmgard meeting of April 1898 opened the talks.',
      'Others name the conversation between the envoy Mira Voss and Piet Holmgaard, the chancellor of Lidia, on ' +
        'April 17, 1898, when the former hinted at a truce.',
      'In 1899, Mira Voss co-wrote, staged and printed a play for the harbour guilds.',
      'In 1900, the guild masters broke away from the council and formed a league of their own in Kessel.',
      '84 shipwrecks were recorded in 1901.',
      'The council banned the salvage of any shipwreck in 1901.',
      'A proposed tariff on salt was rejected in 1902.',
    ].join(' '),
  ].join('\n\n');
  const events = extractTimeline(mergeSources([parseText(article, 'estmark.md')], TEST_META));
  const at = (date: string) => events.filter((e) => e.date === date).map((e) => e.text);
  /** Words a label cannot end on: it would stop before what the word opens. */
  const cut = /\s(?:the|a|an|of|to|that|which|who|whether|and|signed|told|asked)$/;

  it('keeps what a telling verb asks or tells, and the object of a verb, marking the cut in a quotation', () => {
    const [asked] = at('1890-04-16');
    expect(asked).toMatch(/^Jon Aske asked at the Lidian Chancery whether "there was any chance of joining/);
    // The quotation goes on in the text: the label marks what it leaves out before closing it.
    expect(asked).toMatch(/\S …"$/);
    expect(at('1893-06-03')[0] ?? events.find((e) => e.date.startsWith('1893'))?.text).toMatch(
      /signed the "harbour charters"$/,
    );
    for (const e of events) expect(e.text, e.text).not.toMatch(cut);
  });

  it('passes over an aside between a subject and its verb, and keeps a participle with its clause', () => {
    expect(at('1891-12-04')[0]).toMatch(/^Jon Aske offered Chancellor Mira Voss to cooperate/);
    expect(at('1896-09-18')).toEqual(["The barge managed to escape, creating the 'Kessel affair'"]);
  });

  it('drops a focus adverb and a phrase that points back, and an event whose object is a bare pronoun', () => {
    expect(at('1897')).toEqual(['Karl Brenner secretly funded the printers of Norvik']);
    expect(at('1892-03')).toEqual(['The first Estmark engineers went to Lidia']);
    expect(at('1894-05-08')).toEqual([]);
  });

  it('does not date a plan as an event of the day it was planned for', () => {
    expect(at('1895-08-25')).toEqual([]);
    expect(at('1895-08-26')).toEqual([]);
  });

  it('reads a list of verbs as one clause, and cuts a second verb only where the date follows it', () => {
    expect(at('1899')).toEqual(['Mira Voss co-wrote, staged and printed a play for the harbour guilds']);
    expect(at('1900')[0]).toMatch(/^The guild masters broke away from the council\b/);
  });

  it('keeps an event told of a proposal, and does not merge two events by an inflected word', () => {
    expect(at('1902')).toEqual(['A proposed tariff on salt was rejected']);
    expect(at('1901')).toHaveLength(2);
    expect(at('1901').some((t) => /84 shipwrecks/.test(t))).toBe(true);
  });

  it('merges one meeting told at two precisions, the names spelt two ways', () => {
    expect(events.filter((e) => e.date.startsWith('1898'))).toHaveLength(1);
    expect(at('1898-04-17')[0]).toMatch(/^The conversation between the envoy Mira Voss and Piet Holmgaard/);
  });
});

describe('timeline labels that lean on the text before (made-up article)', () => {
  const article = [
    '# Norvik',
    [
      'On March 3, 1901, the regent told the envoy of Lidia that the harbour would stay closed.',
      'However, the regent was surprised when Lidia signed a trade treaty with Kessel that day, ' +
        'causing him to delay the planned March 5 closure of the gates.',
      'The council signed a truce on May 2, 1902, and at dawn the following day, the guards opened the gates.',
      'In 1903 the council decided to build a new customs wall along the river, and in 1904–1905 the smaller ' +
        'guilds were mostly moved from this strip of land to the hills above the town by order of the council.',
      'On June 9, 1906, the Lidian barge Sela reached the harbour of Norvik.',
      'At the request of the council, the wardens held the crew, yet the barge managed to escape on June 12, 1906.',
      'The council cut the tolls of the southern gate to a tenth of their level by 1907.',
      'This level is calculated as the average of the tolls between 1890–1895.',
    ].join(' '),
  ].join('\n\n');
  const events = extractTimeline(mergeSources([parseText(article, 'norvik.md')], TEST_META));
  const at = (date: string) => events.filter((e) => e.date === date);

  it('dates "that day" and "the following day" by the day written before them, and shows that day', () => {
    expect(at('1901-03-03').map((e) => e.text)).toContain('Lidia signed a trade treaty with Kessel');
    expect(at('1901-03-03').find((e) => /Lidia signed/.test(e.text))!.label).toBe('March 3, 1901');
    expect(at('1902-05-03').map((e) => e.label)).toEqual(['May 3, 1902']);
    expect(at('1902-05-03')[0]!.text).toMatch(/guards opened the gates/);
  });

  it('names what a demonstrative points to, or leaves the event out', () => {
    expect(events.find((e) => e.date === '1904')!.text).toMatch(/moved from the new customs wall$/);
    expect(events.some((e) => /^This level/.test(e.text))).toBe(false);
  });

  it('names a subject the sentence before named more fully', () => {
    expect(at('1906-06-12')[0]!.text).toMatch(/^The Lidian barge Sela managed to escape/);
  });
});

describe('a subject named more fully before it, never after (a made-up article, built)', () => {
  const article = [
    '# Salt',
    [
      'The old river toll of Kessel was raised in 1880.',
      'This toll was abolished in 1885.',
      'The first group is committed to reducing its salt trade to 15% of their baseline by 1890.',
      'This baseline is calculated as the average salt trade between 1886–1888, plus a "buffer" of 15% of ' +
        "the party's salt baseline to account for the transition.",
    ].join(' '),
  ].join('\n\n');
  const events = extractTimeline(mergeSources([parseText(article, 'salt.md')], TEST_META));

  it('names a demonstrative subject by the sentence before it', () => {
    expect(events.find((e) => e.date === '1885')?.text).toBe('The old river toll was abolished');
  });

  it('does not name it by a phrase later in its own sentence (another thing): with nothing before, no event', () => {
    expect(events.filter((e) => e.date.startsWith('1886')).map((e) => e.text)).toEqual([]);
    expect(events.map((e) => e.text).filter((t) => /salt baseline/.test(t))).toEqual([]);
  });
});

describe('two dated predicates of one subject (a made-up article, built)', () => {
  const article = [
    '# Lund',
    [
      'The Lund Convention was signed in 1881 by the four harbour towns and came into effect in 1883.',
      'The ferryman Oskar Vall was arrested in 1902 and executed in 1903.',
      'The salt charter was sealed in 1750 and entered into force in 1752.',
      'The guild was founded in 1916 and held its first fair in the market square on March 16, 1917.',
      'The harbour master resigned and left the town in 1920.',
    ].join(' '),
  ].join('\n\n');
  const events = extractTimeline(mergeSources([parseText(article, 'lund.md')], TEST_META));
  const textAt = (date: string) => events.filter((e) => e.date === date && !e.end).map((e) => e.text);

  it('labels each date with its own predicate, the second with the subject again', () => {
    expect(textAt('1881')).toEqual(['The Lund Convention was signed by the four harbour towns']);
    expect(textAt('1883')).toEqual(['The Lund Convention came into effect']);
    expect(events.some((e) => e.end !== undefined)).toBe(false);
  });

  it('carries a passive’s auxiliary to a bare participle, not to a verb of its own', () => {
    expect(textAt('1903')).toEqual(['The ferryman Oskar Vall was executed']);
    expect(textAt('1752')).toEqual(['The salt charter entered into force']);
  });

  it('takes the subject past a noun the lexicon also files as a verb, and keeps one date’s verbs together', () => {
    expect(textAt('1917-03-16')).toEqual(['The guild held its first fair in the market square']);
    expect(textAt('1920')).toEqual(['The harbour master resigned and left the town']);
  });
});

describe('lives in a list, and a relative clause about the subject (a made-up article, built)', () => {
  const article = [
    '# Piet Holmgaard',
    'Piet Holmgaard (April 11, 1850 – June 20, 1919) was a Norvanian trader.',
    'In 1875, Holmgaard married Anna Lind from Kessel, and they had three sons: Jonas Erik Holmgaard ' +
      '(September 5, 1876 – June 14, 1930), Piet Holmgaard, Jr. (September 12, 1878 – March 30, 1940), and ' +
      'Sten Holmgaard (January 26, 1880 – April 15, 1891).',
    'Holmgaard owned several farms, one in northern Mexico, where he hosted the Duke of Vorsk in 1901.',
    'Holmgaard sent Jonas Brask to Kessel, where he met the regent in November 1903.',
    "Holmgaard's wife bought a farm in Lidia, where she hosted the court in 1905.",
  ].join('\n\n');
  const timeline = extractTimeline(mergeSources([parseText(article, 'holmgaard.md')], TEST_META));
  const line = (date: string) => timeline.filter((t) => t.date === date).map((t) => t.text);

  it('gives each life of the list its birth and its death, a short life and a suffixed name too', () => {
    expect(line('1878-09-12')).toEqual(['Piet Holmgaard, Jr. born']);
    expect(line('1940-03-30')).toEqual(['Piet Holmgaard, Jr. died']);
    // Eleven years, and a given name the lexicon does not know: a brother's life all the same.
    expect(line('1880-01-26')).toEqual(['Sten Holmgaard born']);
    expect(line('1891-04-15')).toEqual(['Sten Holmgaard died']);
    expect(timeline.some((t) => /three sons/.test(t.text))).toBe(false);
  });

  it('names the subject a "where he" clause speaks of, only when no one else may be meant', () => {
    // A place between ("one in northern Mexico") is no one.
    expect(line('1901')).toEqual(['Holmgaard hosted the Duke of Vorsk']);
    // "he" may be Holmgaard or Brask; "she" is not "Holmgaard's": no line rather than a wrong one.
    expect(line('1903-11')).toEqual([]);
    expect(line('1905')).toEqual([]);
    expect(timeline.some((t) => /^Where\b/.test(t.text))).toBe(false);
  });
});

describe('timeline: a target or a deadline is no event (made-up article)', () => {
  const article = [
    '# Salt accord',
    [
      'The Salt Accord was signed in 1991 by the twelve harbour towns and came into force in 1993.',
      'The first group of towns is committed to reducing salt imports to 15% of their level by 2036.',
      'A second group will cut its imports by half by 2040.',
      'Ending the trade could greatly lower the cost of bread by 2050.',
      'By 2060, the remaining towns are expected to close their salt markets.',
      'The council cut the tolls of the southern gate to a tenth by 1997.',
    ].join(' '),
  ].join('\n\n');
  const events = extractTimeline(mergeSources([parseText(article, 'salt.md')], TEST_META));
  const years = events.map((e) => e.date.slice(0, 4));

  it('keeps what happened and leaves out what a party promised, must or may do by a date', () => {
    expect(years).toEqual(expect.arrayContaining(['1991', '1993']));
    for (const year of ['2036', '2040', '2050', '2060']) expect(years).not.toContain(year);
  });
});

describe('timeline: clauses after a semicolon, years that qualify a noun, perfect participles (made up)', () => {
  const article = [
    '# Norvik',
    [
      'The northern towns, held by Lidia and Kessel, were merged on 3 May 1881, to form the Free State of Norvik; ' +
        'on 7 October 1881, the southern march became the Republic of Estmark.',
      'The council of Norvik works under a framework laid out in the 1882 founding charter of the guilds.',
      'The most successful captain of the fleet, Jon Aske, set many records, having won more races than any ' +
        'other captain since the first season of the league in 1890.',
    ].join(' '),
  ].join('\n\n');
  const events = extractTimeline(mergeSources([parseText(article, 'norvik.md')], TEST_META));
  const at = (date: string) => events.filter((e) => e.date === date).map((e) => e.text);

  it('labels a date that opens the clause after a semicolon with that clause', () => {
    expect(at('1881-10-07')).toEqual(['The southern march became the Republic of Estmark']);
    expect(at('1881-05-03')[0]).toMatch(/^The northern towns were merged/);
  });

  it('dates no event by a year that qualifies a noun, nor by a perfect participle', () => {
    expect(at('1882')).toEqual([]);
    expect(at('1890')).toEqual([]);
  });
});

describe('timeline: the part of a period the text gives (made up)', () => {
  const article = [
    '# Norvik',
    [
      'In mid-February, 1890, the guards of Norvik finally broke through the river wall of Kessel.',
      'In early November 1890 the council of Norvik annexed the river towns.',
      'Norvik started its quest for a harbour treaty in the spring of 1891 in order to prevent a blockade.',
    ].join(' '),
  ].join('\n\n');
  const events = extractTimeline(mergeSources([parseText(article, 'norvik.md')], TEST_META));
  const labelAt = (date: string) => events.find((e) => e.date === date)?.label;

  it('shows "mid-", "early" or "spring of" before the date, as the text does', () => {
    expect(labelAt('1890-02')).toBe('mid-February, 1890');
    expect(labelAt('1890-11')).toBe('early November 1890');
    expect(labelAt('1891')).toBe('spring of 1891');
  });
});

describe('timeline: a second predicate that alone carries the date (made up)', () => {
  const article = [
    '# Norvik',
    [
      'The guild of Norvik grew out of the eastern half of the old council and existed in many forms from 1862 ' +
        'until 1906.',
      'The river towns of the north were distrusted and persecuted by the regent from 1870 to 1890.',
    ].join(' '),
  ].join('\n\n');
  const events = extractTimeline(mergeSources([parseText(article, 'norvik.md')], TEST_META));
  const at = (date: string) => events.filter((e) => e.date === date).map((e) => e.text);

  it('labels the date with the predicate it ends, and keeps two participles of one passive together', () => {
    expect(at('1862')[0]).toMatch(/^The guild of Norvik existed in many forms/);
    expect(at('1870')[0]).toMatch(/^The river towns of the north were distrusted and persecuted/);
  });
});
