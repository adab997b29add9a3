import { describe, expect, it } from 'vitest';
import { eventLabel, extractTimeline } from '../../src/study/timeline.js';
import { mergeSources } from '../../src/merge/index.js';
import { parseText, TEST_META } from '../support/content.js';

/** The label of the date `label` in a sentence (the first place it stands). */
const labelOf = (sentence: string, label: string) => eventLabel(sentence, { label, index: sentence.indexOf(label) });

describe('timeline labels read alone (made-up sentences)', () => {
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
    expect(told).toBe('The regent told the envoy of the northern league');
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
    expect(at('1882-02')).toEqual(['The Estmark troops finally managed to break through the Kessel Line']);
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
