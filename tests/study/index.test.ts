/**
 * The index as a reader uses it: the main subjects present under the kind they are, people by surname,
 * no generic words; names the lexicon does not know are read by compromise's named-entity recognition or
 * from a title before them; a French guide falls back to the lexicon and the guide's own names.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { mergeSources } from '../../src/merge/index.js';
import { addStudyAids } from '../../src/study/index.js';
import { seedGuide } from '../support/seed-guide.js';
import { FIXTURES, parseText, TEST_META } from '../support/content.js';

const index = seedGuide().index;
const find = (term: string) => index.find((e) => e.term === term);

describe('the index of the seed guide', () => {
  it('has the main subjects under their kinds, people filed by surname', () => {
    expect(find('Soviet Union')).toMatchObject({ kind: 'place' });
    expect(find('Germany')).toMatchObject({ kind: 'place' });
    expect(find('Stalin, Joseph')).toMatchObject({ kind: 'person' });
    expect(find('Molotov, Vyacheslav')).toMatchObject({ kind: 'person' });
    expect(find('Red Army')).toMatchObject({ kind: 'organisation' });
    expect(find('Winter War')).toMatchObject({ kind: 'event' });
    const s = index.filter((e) => e.sortKey!.startsWith('s')).map((e) => e.term);
    expect(s).toContain('Stalin, Joseph');
  });

  it('keeps two treaties of one name apart by their years, each with its own places', () => {
    const named = index.filter((e) => /^German–Soviet Commercial Agreement/.test(e.term));
    expect(named.map((e) => e.term).sort()).toEqual([
      'German–Soviet Commercial Agreement (1939)',
      'German–Soviet Commercial Agreement (1940)',
    ]);
    expect(named[0]!.mentions).not.toEqual(named[1]!.mentions);
  });

  it('has no generic word, adjective or month as an entry', () => {
    for (const word of ['Affairs', 'Union', 'Boundary', 'Soviet', 'German', 'November', 'Minister', 'Pact'])
      expect(find(word), word).toBeUndefined();
  });

  it('gives one person spelled two ways by the sources one entry, found under both spellings', () => {
    // The later revision writes "Vladimir Potemkin", the 2008 one "Vladimir Potyomkin".
    const entries = index.filter((e) => /^Pot(?:e|yo)mkin, Vladimir$/.test(e.term));
    expect(entries).toHaveLength(1);
    expect(entries[0]!.mentions.length).toBeGreaterThanOrEqual(2);
  });

  it('files a name after a title as a person ("Foreign Minister Joachim von Ribbentrop")', () => {
    const ribbentrop = index.find((e) => /^Ribbentrop\b/.test(e.term));
    expect(ribbentrop).toMatchObject({ kind: 'person' });
    expect(index.find((e) => /Minister/.test(e.term) && e.kind === 'person')).toBeUndefined();
  });

  it('asks compromise’s named-entity recognition about names the lexicon does not know', () => {
    // "Christian Rakovsky": neither name is in compromise's lexicon; the tagger reads him as a person in context.
    expect(index.find((e) => /^Rakovsky\b/.test(e.term))).toMatchObject({ kind: 'person' });
  });
});

describe('the index of a French guide (compromise reads English only)', () => {
  it('falls back to the lexicon and the guide’s own names', () => {
    const text = readFileSync(path.join(FIXTURES, 'study/traite-de-norvik.md'), 'utf8');
    const guide = addStudyAids(
      mergeSources([parseText(text, 'traite-de-norvik.md')], { ...TEST_META, language: 'fr' }),
    );
    expect(guide.index.filter((e) => e.kind === 'person').map((e) => e.term)).toEqual(
      expect.arrayContaining(['Feld, Jonas', 'Lund, Petra']),
    );
    for (const e of guide.index) expect(e.term).not.toMatch(/^(?:Le|La|Les|En)\b/);
  });
});

describe('the index of an Afrikaans guide (made up)', () => {
  it('files no prize, publisher or institution under a given name as a person', () => {
    const text = [
      '# Anna Lund',
      'Anna Lund werk by die Wilfrid Laurier Universiteit in Kanada. Die universiteit gee haar in 1995 ’n beurs. ' +
        'Haar boek wen die Betty Trask-toekenning en verskyn by Madison Press Books in Toronto. ' +
        'Later word Anna Lund dosent aan die Wilfrid Laurier Universiteit. Sy skryf ook vir Madison Press Books.',
      'Die Betty Trask-toekenning word in 1996 weer aan haar toegeken ' +
        '(ISBN 978-1-77578-243-8, ISBN 978-1-77578-244-5).',
    ].join('\n\n');
    const guide = addStudyAids(mergeSources([parseText(text, 'lund.md')], { ...TEST_META, language: 'af' }));
    const people = guide.index.filter((e) => e.kind === 'person').map((e) => e.term);
    expect(people).toContain('Lund, Anna');
    for (const p of people) expect(p, p).not.toMatch(/Universiteit|Trask|Books/);
    expect(guide.index.find((e) => e.term === 'ISBN')).toBeUndefined();
  });
});

describe('the index of a German guide (made up)', () => {
  it('files a person named after a common noun under the name alone, and keeps a body named after a place', () => {
    const text = [
      '# Anna Lund',
      'Anna Lund studierte an der Universität von New York. Die Kurzgeschichte gefiel ihr sehr. ' +
        'Ihr Film beruht auf einer Kurzgeschichte von Eileen Chang, die sie in Taipeh las.',
      'Eileen Chang schrieb die Geschichte in Shanghai. Später lehrte Anna Lund an der Universität von New York.',
    ].join('\n\n');
    const guide = addStudyAids(mergeSources([parseText(text, 'lund.md')], { ...TEST_META, language: 'de' }));
    const terms = guide.index.map((e) => e.term);
    expect(terms).toContain('Chang, Eileen');
    expect(terms.filter((t) => /Kurzgeschichte/.test(t))).toEqual([]);
    expect(terms).toContain('Universität von New York');
  });
});

describe('the index of a Russian guide (made up)', () => {
  it('has no entry for a century written as a Roman numeral; keeps the acronyms of bodies', () => {
    const text = [
      '== Зарождение государства ==',
      'Становление государственности на территории Литвы относят к XIII веку, при этом само название «Литва» ' +
        'впервые упомянуто в [[Кведлинбургские анналы|Кведлинбургских анналах]] под 1009 годом.',
      '',
      'В начале XIII века в земли балтов-язычников с запада началось вторжение немецких рыцарей-крестоносцев. ' +
        'Они покорили [[Пруссия|Пруссию]] и [[Ливония|Ливонию]]. В 2004 году Литва вступила в [[НАТО]].',
    ].join('\n');
    const guide = addStudyAids(mergeSources([parseText(text, 'lt.wiki')], { ...TEST_META, language: 'ru' }));
    const terms = guide.index.map((e) => e.term);
    expect(terms.filter((t) => /^X/.test(t))).toEqual([]);
    expect(terms).toContain('НАТО');
  });
});

describe('given names with their accents, and prizes written as one word', () => {
  it('files "Émile Benveniste" and "André Martinet" as people, and no prize as a person', () => {
    const french = [
      '# Lund',
      'Il forma de nombreux linguistes, parmi lesquels [[Émile Benveniste]], [[Marcel Cohen]], [[André Martinet]] ' +
        'et [[Joseph Vendryes]], qui enseignèrent tous à Paris.',
    ].join('\n\n');
    const guide = addStudyAids(mergeSources([parseText(french, 'lund.wiki')], { ...TEST_META, language: 'fr' }));
    const people = guide.index.filter((e) => e.kind === 'person').map((e) => e.term);
    expect(people).toEqual(expect.arrayContaining(['Benveniste, Émile', 'Martinet, André', 'Cohen, Marcel']));
    const afrikaans = [
      '# Anna Lund',
      'Anna Lund wen in 1996 die Eugène Maraisprys vir haar eerste roman. ' +
        'Sy ontvang die Eugène Maraisprys weer in 1998, saam met André Brink, vir haar tweede roman.',
    ].join('\n\n');
    const af = addStudyAids(mergeSources([parseText(afrikaans, 'lund.md')], { ...TEST_META, language: 'af' }));
    const afPeople = af.index.filter((e) => e.kind === 'person').map((e) => e.term);
    expect(afPeople.filter((t) => /prys/i.test(t))).toEqual([]);
  });
});

describe('people the lexicon does not know (a made-up article)', () => {
  const article = [
    '# Norvania',
    'In 1880, [[Maxim Kolnov]] led the talks with the river towns, and [[Ilsa Varnek]] kept the accounts.',
    "Kolnov's dismissal in 1881 surprised the council. Kolnov was replaced by Varnek in the spring.",
    'The [[Popular Front]] of the guilds held the front of the hall; popular songs were sung.',
    'In 1882, [[Britain]] sent an envoy; Britain and Norvania later signed a treaty on the tolls.',
    'In 1883 the Kolnov–Varnek Compromise on tolls was signed by the guilds.',
  ].join('\n\n');
  const book = addStudyAids(mergeSources([parseText(article, 'norvania.wiki')], TEST_META));
  const entry = (term: string) => book.index.find((e) => e.term === term);

  it('files a name the text also gives by its last word alone as a person, possessives included', () => {
    expect(entry('Kolnov, Maxim')).toMatchObject({ kind: 'person' });
    expect(entry('Kolnov, Maxim')!.mentions).toHaveLength(2);
    expect(entry('Varnek, Ilsa')).toMatchObject({ kind: 'person' });
  });

  it('does not count a name joined by a dash into another name as a mention of the person', () => {
    expect(entry('Varnek, Ilsa')!.mentions).toHaveLength(2);
  });

  it('does not make a person of words the text also writes in lower case', () => {
    expect(book.index.find((e) => /Front/.test(e.term) && e.kind === 'person')).toBeUndefined();
  });

  it('files a state’s short name under the state', () => {
    expect(entry('United Kingdom')!.mentions).toHaveLength(1);
  });
});

describe('names inside names, descriptions and places told by their nouns (a made-up article)', () => {
  const article = [
    '# Norvania',
    'In 1880 the council met in [[Ostrava Minor]], and the Treaty of Ostrava Minor was signed there.',
    'In 1881 the Treaty of Ostrava Minor was renewed by the guilds.',
    'The [[Swedish invasion]] of the valley began in 1882; a Swedish invasion of the coast followed in 1883.',
    'The grain went by barge to the city of Kelmarsk. In 1884 the port of Kelmarsk froze.',
    'In 1885 the fleet left the naval base of [[Vorsund]]. The [[Vorsund]] garrison stayed.',
    'The guilds kept three depots (Kelmarsk, Ostrel, and Darnow) until 1886.',
    'The envoys Kelm Orvald, Tarak Belsen and Mira Sol met in 1887.',
    'In 1888 the Vistral States joined the league; the Vistral States left it in 1889.',
  ].join('\n\n');
  const book = addStudyAids(mergeSources([parseText(article, 'norvania.wiki')], TEST_META));
  const entry = (term: string) => book.index.find((e) => e.term === term);

  it('does not count a place where it stands only inside a longer name of the index', () => {
    expect(entry('Treaty of Ostrava Minor')).toBeDefined();
    expect(entry('Ostrava Minor')!.mentions).toHaveLength(1);
  });

  it('files no nation’s adjective with a common noun ("Swedish invasion", a link) as an entry', () => {
    expect(book.index.find((e) => /invasion/i.test(e.term))).toBeUndefined();
  });

  it('files a name after "the city of", "the port of", "the naval base of" as a place', () => {
    expect(entry('Kelmarsk')).toMatchObject({ kind: 'place' });
    expect(entry('Vorsund')).toMatchObject({ kind: 'place' });
    // A group of lands is a place, though the text writes it with "the".
    expect(entry('Vistral States')).toMatchObject({ kind: 'place' });
  });

  it('files the other names of a list beside a place of the index as places, not a list of people', () => {
    expect(entry('Ostrel')).toMatchObject({ kind: 'place' });
    expect(entry('Darnow')).toMatchObject({ kind: 'place' });
    expect(book.index.filter((e) => /Orvald|Belsen|Sol\b/.test(e.term) && e.kind === 'place')).toEqual([]);
  });
});

describe('people written as people, one body named two ways, treaties under all names (a made-up article)', () => {
  const article = [
    '# Norvania',
    'Historian Orel D. Maskin discussed the guilds. According to Mr. Tavrick, the guilds were old.',
    'The Norvanian Foreign Office under Ostap von Kelm sent envoys; the British historians Iver S. Holk and ' +
      'W. Pellin wrote on it.',
    'In 1880 the Norvanian Foreign Ministry recalled the envoys.',
    'In 1881 the Norvanian Foreign Office was blamed by the guilds.',
    'In 1882 the Norvanian Foreign Ministry sent the envoys back.',
    'Prisoners were exchanged, among them [[Ilsa Varnek]], [[Maxim Kolnov]], Dara Vesk and Anton Brill.',
    'The fair had songs from [[Ilsa Varnek]], [[Maxim Kolnov]], Dara Vesk and La Mafia.',
    'Guests came, among them John Harwick, Mary Tolland, Pearl Vance and Chip Shop.',
    'Dancers came: John Harwick, Mary Tolland, Rusty Vane and Dara Vesk.',
    'The new cabinet served under [[Ilgvars Dravnieks]] and John Harwick.',
    'In 1884 the Norvanian Workers Party (NWP) was founded; the [[NWP]] met in Kessel.',
    'In 1885 the NWP was banned.',
    'The road ran between [[Kessel Falls]] and John Harwick’s farm.',
    'Engineers came: [[Ilsa Varnek]], [[Maxim Kolnov]], [[Tomas Vell]] and [[Oren Brask Holm]].',
    'In 1881 Portugal and Brazil concluded the Treaty of Lisbon.',
    'In 1882 the Lisbon Treaty was read aloud.',
    'The [[Siege of Kessel (1883)]] ended the war.',
    'In 1886 the N.V. Food and Drug Administration opened its doors in Kessel.',
  ].join('\n\n');
  const book = addStudyAids(mergeSources([parseText(article, 'norvania.wiki')], TEST_META));
  const entry = (term: string) => book.index.find((e) => e.term === term);

  it('files a given name with initials or a particle, and a name after an honorific, as people', () => {
    for (const term of ['Maskin, Orel D.', 'Kelm, Ostap von', 'Holk, Iver S.', 'Tavrick'])
      expect(entry(term), term).toMatchObject({ kind: 'person' });
    // A surname after initials, beside a full name ("Iver S. Holk and W. Pellin"); not a body's words.
    expect(entry('Pellin, W.')).toMatchObject({ kind: 'person' });
    expect(book.index.filter((e) => /Food/.test(e.term) && e.kind === 'person')).toEqual([]);
  });

  it('files the other names of a list of people as people', () => {
    expect(entry('Vesk, Dara')).toMatchObject({ kind: 'person' });
    expect(entry('Brill, Anton')).toMatchObject({ kind: 'person' });
    expect(book.index.find((e) => /Mafia/.test(e.term))?.kind).not.toBe('person');
    expect(book.index.find((e) => e.term === 'Brask, Oren')).toBeUndefined();
    // A given name the lexicon knows only as a common noun, before a surname it does not know.
    expect(entry('Vance, Pearl')).toMatchObject({ kind: 'person' });
    expect(book.index.filter((e) => /Chip|Rusty/.test(e.term) && e.kind === 'person')).toEqual([]);
  });

  it('files an acronym the text defines under its name, one entry found under both', () => {
    const party = entry('Norvanian Workers Party (NWP)');
    expect(party).toMatchObject({ kind: 'organisation' });
    expect(party?.mentions.length).toBeGreaterThanOrEqual(2);
    // The places page references point at: under the name as defined, and under the acronym alone.
    const spans = book.mentions.filter((m) => m.entry === party?.id && m.kind === 'index');
    expect(new Set(spans.map((m) => m.block)).size).toBe(party?.mentions.length);
    expect(book.index.filter((e) => e.term === 'NWP' || e.term === 'Norvanian Workers Party')).toEqual([]);
  });

  it('files a name the tagger does not know, joined to a person’s by "and", as a person', () => {
    expect(entry('Dravnieks, Ilgvars')).toMatchObject({ kind: 'person' });
    expect(book.index.find((e) => /Falls/.test(e.term))?.kind).not.toBe('person');
  });

  it('makes one entry of a body named with "Office" and with "Ministry"', () => {
    const bodies = book.index.filter((e) => /^Norvanian Foreign/.test(e.term));
    expect(bodies).toHaveLength(1);
    expect(bodies[0]!.mentions).toHaveLength(4);
  });

  it('counts "Lisbon Treaty" as a mention of the "Treaty of Lisbon"', () => {
    const treaty = book.index.find((e) => e.kind === 'treaty' && /Lisbon/.test(e.term));
    expect(treaty!.mentions).toHaveLength(2);
  });

  it('makes no entry of a page title with its disambiguator', () => {
    expect(book.index.some((e) => /Siege|\(\d/.test(e.term))).toBe(false);
  });
});

describe('initials that make no name (a made-up article)', () => {
  const article = [
    '# Norvania',
    'The road joins U.S. Route 9 near the mill. The mill is listed at Grade I. There are two chapels.',
    'Ms Surface wave magnitude is one of the scales.',
    'The writer Jack Pellin lived here. His niece Ada M. Pellin wrote about Pellin, and Pellin wrote back.',
  ].join('\n\n');
  const book = addStudyAids(mergeSources([parseText(article, 'norvania.wiki')], TEST_META));

  it('makes no person of initials before a common noun or a sentence’s first word', () => {
    expect(book.index.filter((e) => /Route|There|Grade|Surface/.test(e.term) && e.kind === 'person')).toEqual([]);
  });

  it('adds no second person of a surname the index gives another person', () => {
    expect(book.index.filter((e) => e.term.startsWith('Pellin,')).map((e) => e.term)).toEqual(['Pellin, Jack']);
  });
});

describe('an event numbered two ways (a made-up article)', () => {
  const article = [
    '# Norvania',
    'Norvania stayed neutral in [[World War II]], as it had in [[World War I]].',
    'After the Second World War the guilds were rebuilt.',
    'The First World War had closed the ports.',
  ].join('\n\n');
  const book = addStudyAids(mergeSources([parseText(article, 'norvania.wiki')], TEST_META));

  it('files "the Second World War" under "World War II", and the First under "World War I"', () => {
    expect(book.index.find((e) => e.term === 'World War II')!.mentions).toHaveLength(2);
    expect(book.index.find((e) => e.term === 'World War I')!.mentions).toHaveLength(2);
    expect(book.index.some((e) => /^(?:First|Second) World War$/.test(e.term))).toBe(false);
  });
});

describe('possessives and regnal numbers (a made-up article)', () => {
  const article = [
    '# Norvania',
    "In 1601 [[Henry IV of Norvania|Henry IV's]] reforms opened the ports. Henry IV died in 1610.",
    "Henry V succeeded him in 1610, and Henry V's fleet sailed in 1612.",
    "In 1700 Peter Brask's Ostreform was debated. Chancellor Peter Brask's Ostreform failed in 1701.",
    'In 1880 [[Jonas Ferris]] became mayor.',
    "Ferris' first term ended in 1884; Ferris' second began in 1888.",
    "In 1990 [[Dolan's Pizza]] opened in the square. Dolan's Pizza had ten stores by 1995.",
    'Roman Catholicism was the faith of the guilds. Roman Catholicism spread to the coast in 1650.',
    "In 1618 the Thirty Years' War began. The Thirty Years' War ended in 1648.",
    "In 1920 the Workers' Party was founded. The Workers' Party won in 1924.",
    'In 1966 John V. Lindsay became mayor. John V. Lindsay served until 1973.',
  ].join('\n\n');
  const book = addStudyAids(mergeSources([parseText(article, 'norvania.wiki')], TEST_META));
  const entry = (term: string) => book.index.find((e) => e.term === term);

  it('files no person’s possessive as a name, and finds a person under a possessive ending in an apostrophe', () => {
    // A possessive inside a name stays ("Thirty Years' War"); a person's before a noun does not.
    expect(book.index.filter((e) => /['’]/.test(e.term)).map((e) => e.term)).toEqual([
      "Dolan's Pizza",
      "Thirty Years' War",
      "Workers' Party",
    ]);
    expect(entry('Ferris, Jonas')!.mentions).toHaveLength(2);
    expect(entry('Brask, Peter')).toMatchObject({ kind: 'person' });
  });

  it('takes no candidate from the words after a possessive, nor a brand’s owner alone', () => {
    expect(book.index.filter((e) => /^(?:Ostreform|Pizza|Dolan)$/.test(e.term))).toEqual([]);
  });

  it('makes no person of a doctrine after a given name ("Roman Catholicism")', () => {
    expect(book.index.filter((e) => /Catholicism/.test(e.term) && e.kind === 'person')).toEqual([]);
  });

  it('makes no monarch of a name cut at a middle initial ("John V. Lindsay")', () => {
    expect(book.index.filter((e) => /Lindsay|John V/.test(e.term)).map((e) => e.term)).toEqual(['Lindsay, John V.']);
  });

  it('files two monarchs of one name apart, each found where the text names him', () => {
    const [iv, v] = [entry('Henry IV'), entry('Henry V')];
    expect(iv).toMatchObject({ kind: 'person' });
    expect(v).toMatchObject({ kind: 'person' });
    expect(iv!.mentions).toHaveLength(1);
    expect(v!.mentions).toHaveLength(1);
    expect(iv!.mentions).not.toEqual(v!.mentions);
  });
});

describe('names that context or recognition reads as people’s, and are not (a made-up article)', () => {
  const article = [
    '== Norvania ==',
    'In 1990 the writer [[Jonas Feld]] won the [[Hemingway Award]]. The Hemingway Award is given each spring.',
    'In 1992 Feld appeared on The Oprah Winfrey Show, and he went back to the show in 1994.',
    'In 1995 the Suncoast Emmy Chapter honoured him. The Chapter meets in Tampa.',
    'The canton holds the communes of [[Saint-Aubin, Pas-de-Calais|Saint-Aubin]], [[Saint-Josse, Pas-de-Calais|' +
      'Saint-Josse]] and [[Merlimont]], in the [[Pas-de-Calais]].',
  ].join('\n\n');
  const book = addStudyAids(mergeSources([parseText(article, 'norvania.wiki')], TEST_META));
  const people = book.index.filter((e) => e.kind === 'person').map((e) => e.term);

  it('files no compound of places ("Pas-de-Calais", "Saint-Aubin") as a person', () => {
    expect(people.filter((t) => /Calais|Saint-/.test(t))).toEqual([]);
  });

  it('files no prize, show or chapter as a person, and the person beside them', () => {
    expect(people.filter((t) => /Award|Show|Chapter/.test(t))).toEqual([]);
    expect(people).toContain('Feld, Jonas');
  });
});

describe('names that open with a given name and are no person’s (a made-up article)', () => {
  const article = [
    '== History ==',
    'The tribes lived outside the [[Roman Empire]] and fought it. Under [[Augustus]], the Roman General ' +
      '[[Publius Quinctilius Varus]] marched north. The [[Roman Empire]] fell. The valleys stayed ' +
      '[[Roman Catholic]] while the towns turned Protestant. Varus lost three legions.',
  ].join('\n\n');
  const book = addStudyAids(mergeSources([parseText(article, 'tribes.wiki')], TEST_META));
  const people = book.index.filter((e) => e.kind === 'person').map((e) => e.term);

  it('files a realm as a place and a faith as no person', () => {
    expect(book.index.find((e) => e.term === 'Roman Empire')).toMatchObject({ kind: 'place' });
    expect(people.filter((t) => /Empire|Catholic/.test(t))).toEqual([]);
  });

  it('files a person under one name, without a nation’s adjective and title before it', () => {
    expect(people.filter((t) => /Varus/.test(t))).toEqual(['Varus, Publius Quinctilius']);
  });
});

describe('titles of works in italics (a made-up article)', () => {
  const article = [
    '== Career ==',
    "Mara Lind wrote the memoir ''[[Sail, Row, Drift]]'' in 2004. She met her husband in [[Lisbon]] while on " +
      "her travels in ''Sail, Row, Drift''. The book made her famous in [[Norway]].",
    "In 2012 she published ''Small Harbours: Notes from the Coast''. Advice in ''Small Harbours'' is practical, " +
      "and readers found much to like in ''Small Harbours''.",
  ].join('\n\n');
  const book = addStudyAids(mergeSources([parseText(article, 'lind.wiki')], TEST_META));
  const terms = book.index.map((e) => e.term);

  it('makes no entry of a part of a title, nor a place of a title after "in"', () => {
    expect(terms).not.toContain('Sail');
    expect(book.index.filter((e) => e.kind === 'place' && /Harbours|Sail/.test(e.term))).toEqual([]);
  });

  it('keeps the places the text names outside the titles', () => {
    expect(book.index.find((e) => e.term === 'Lisbon')).toMatchObject({ kind: 'place' });
    expect(book.index.find((e) => e.term === 'Norway')).toMatchObject({ kind: 'place' });
  });
});

describe('a place the text names before a noun of land (a made-up article)', () => {
  const article = [
    '== Norvania ==',
    'In 2009 the chief [[Abdul Rahim Khan]] led his tribe against the raiders in the [[Tarkan Dalwat]] area.',
    'The raiders had crossed from the [[Selim Varra]] region in the spring.',
  ].join('\n\n');
  const book = addStudyAids(mergeSources([parseText(article, 'norvania.wiki')], TEST_META));
  const entry = (term: string) => book.index.find((e) => e.term === term);

  it('files "the Tarkan Dalwat area" and "the Selim Varra region" as places, not people', () => {
    expect(entry('Tarkan Dalwat')).toMatchObject({ kind: 'place' });
    expect(entry('Selim Varra')).toMatchObject({ kind: 'place' });
    expect(book.index.filter((e) => /Dalwat|Varra/.test(e.term) && e.kind === 'person')).toEqual([]);
  });
});

describe('the index of a biography (made up)', () => {
  const entryOf = (guide: ReturnType<typeof addStudyAids>, term: string) => guide.index.find((e) => e.term === term);

  it('files the subject, whom the text calls by the surname a relative shares, and her birth name with her', () => {
    const text = [
      "'''Anna C. Lund''' (née ''Anna Marie Kvale''; born 3 May 1932 in Kiel) was a Danish harbour doctor.",
      '',
      '== Life ==',
      'In 1950 she married [[Peter Lund]], a ship owner of Kiel.',
      '',
      'Lund opened the first harbour clinic of the town in 1961. The clinic treated sailors of every flag.',
      '',
      'The couple had two sons, Kvale and Jon. Lund retired in 1990 and wrote a history of the clinic.',
    ].join('\n');
    const guide = addStudyAids(mergeSources([parseText(text, 'lund.wiki')], TEST_META));
    const anna = entryOf(guide, 'Lund, Anna C.');
    expect(anna).toMatchObject({ kind: 'person' });
    const peter = entryOf(guide, 'Lund, Peter');
    expect(peter?.mentions).toEqual([guide.chapters[1]!.sections[0]!.blocks[0]!.id]);
    // "Lund opened …", "Lund retired …" are hers.
    expect(anna!.mentions).toEqual(
      expect.arrayContaining(guide.chapters[1]!.sections[0]!.blocks.slice(1).map((b) => b.id)),
    );
    // Her birth name is hers, and her son Kvale is not taken for it.
    expect(guide.index.some((e) => /Kvale/.test(e.term))).toBe(false);
  });

  it('reads the subject’s name past a nickname in quotation marks', () => {
    const text = [
      "'''Clinton Peter \"Clint\" Vell Sr.''' (April 11, 1895 – June 20, 1969) was a Texas oil man.",
      '',
      '== Business ==',
      'Vell drilled his first well in 1919. His son Clinton Peter Vell Jr. ran the football club of Dallas.',
    ].join('\n');
    const guide = addStudyAids(mergeSources([parseText(text, 'vell.wiki')], TEST_META));
    const terms = guide.index.map((e) => e.term);
    expect(terms).toContain('Vell, Clinton Peter, Sr.');
    expect(terms).not.toContain('Vell Sr.');
  });

  it('takes no subject from an opening that is not a name', () => {
    const text = [
      'The pact by Anna Lund (1890–1986) opened the harbour of Norvik to the ships of Kessel.',
      '',
      '== Trade ==',
      'Lund later sold the harbour tolls to the town.',
    ].join('\n');
    const guide = addStudyAids(mergeSources([parseText(text, 'pact.wiki')], TEST_META));
    expect(guide.index.map((e) => e.term).filter((t) => /pact/i.test(t))).toEqual([]);
  });
});

describe('names the newer rules must leave alone (a made-up article)', () => {
  const article = [
    '== Norvania ==',
    'In 1990 the singer [[Brian King Edwards]] moved to Norvik. Edwards sang in the [[NATO]] area for a year.',
    'The NATO area was closed in 1991, and Edwards went back to the coast.',
  ].join('\n\n');
  const book = addStudyAids(mergeSources([parseText(article, 'edwards.wiki')], TEST_META));
  const entry = (term: string) => book.index.find((e) => e.term === term);

  it('keeps a given name that looks like a nation’s adjective before a title word', () => {
    expect(entry('Edwards, Brian King')).toMatchObject({ kind: 'person' });
  });

  it('files no initials before "area" as a place', () => {
    expect(book.index.filter((e) => e.term === 'NATO' && e.kind === 'place')).toEqual([]);
  });
});
