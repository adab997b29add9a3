import { seedGuide } from '../support/seed-guide.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { mergeSources } from '../../src/merge/index.js';
import { addStudyAids } from '../../src/study/index.js';
import { OverridesSchema } from '../../src/study/overrides.js';
import { samePerson, foldSpelling } from '../../src/study/names.js';
import { datesIn } from '../../src/study/timeline.js';
import { bookDates } from '../../src/study/dates.js';
import { allBlocks, type StudyGuide } from '../../src/model/index.js';
import { QuireError } from '../../src/util/errors.js';
import { CORPUS, FIXTURES, parseText, TEST_META } from '../support/content.js';

const meta = TEST_META;

let book: StudyGuide;
beforeAll(() => {
  book = seedGuide();
});

/** Our own reading of the sources: who served, where, when (2008 list, later list, running text). */
const EXPECTED_AMBASSADORS: [string, string, string][] = [
  ['Adolf Ioffe', 'Soviet ambassador (chargé) to Berlin', '1918'],
  ['Nikolay Krestinsky', 'Soviet ambassador (chargé) to Berlin', '1921–1930'],
  ['Lev Khinchuk', 'Soviet ambassador (chargé) to Berlin', '1930–1934'],
  ['Yakov Surits', 'Soviet ambassador (chargé) to Berlin', '1934–1937'],
  ['Konstantin Yurenev', 'Soviet ambassador (chargé) to Berlin', '1937'],
  ['Alexey Merekalov', 'Soviet ambassador (chargé) to Berlin', '1938–1939'],
  ['Georgy Astakhov', 'Soviet ambassador (chargé) to Berlin', '1939'],
  ['Alexander Shkvartsev', 'Soviet ambassador (chargé) to Berlin', '1939–1940'],
  ['Vladimir Dekanozov', 'Soviet ambassador (chargé) to Berlin', '1940–1941'],
  ['Wilhelm Mirbach', 'German ambassador to Moscow', '1918'],
  ['Karl Helfferich', 'German ambassador to Moscow', ''],
  ['Kurt Wiedenfeld', 'German ambassador to Moscow', ''],
  ['Ulrich Graf von Brockdorff-Rantzau', 'German ambassador to Moscow', '1922–1928'],
  ['Herbert von Dirksen', 'German ambassador to Moscow', '1928–1933'],
  ['Rudolf Nadolny', 'German ambassador to Moscow', '1933–1934'],
  ['Friedrich Werner von der Schulenburg', 'German ambassador to Moscow', '1934–1941'],
  ['Robert Coulondre', 'French ambassador', ''],
  // Named in running text: "the new British and French ambassadors, (William Seeds, assisted by William
  // Strang, and Paul-Emile Naggiar)" (Strang assisted; he was not an ambassador).
  ['William Seeds', 'British ambassador', ''],
  ['Paul-Emile Naggiar', 'French ambassador', ''],
  // Envoys of the running text: "Victor Kopp, the RSFSR's special representative to Berlin", "Soviet trade
  // representative in Berlin David Kandelaki", "Soviet envoys Andrey Vyshinsky and Andrey Zhdanov".
  ['Victor Kopp', 'RSFSR special representative to Berlin', ''],
  ['David Kandelaki', 'Soviet trade representative in Berlin', ''],
  ['Andrey Vyshinsky', 'Soviet envoy', ''],
  ['Andrey Zhdanov', 'Soviet envoy', ''],
];

describe('glossary of ambassadors (the seeds)', () => {
  it('recall and precision against our own list: everyone, once, nobody else', () => {
    const got = book.glossaries.ambassadors;
    for (const [name, post, term] of EXPECTED_AMBASSADORS) {
      const entry = got.find((a) => samePerson(a.name, name));
      expect(entry, name).toBeDefined();
      expect([entry!.post, entry!.term]).toEqual([post, term]);
    }
    expect(got).toHaveLength(EXPECTED_AMBASSADORS.length);
    expect(new Set(got.map((a) => a.id)).size).toBe(got.length);
  });

  it('merges spelling variants into one entry and keeps both readings where sources disagree', () => {
    const find = (name: string) => book.glossaries.ambassadors.find((a) => a.name === name)!;
    expect(find('Adolf Ioffe').aliases).toContain('Adolph Joffe');
    expect(find('Alexey Merekalov').aliases).toContain('Aleksey Merekalov');
    expect(find('Wilhelm Mirbach').aliases).toContain('Wilhelm von Mirbach');
    const shkvartsev = find('Alexander Shkvartsev');
    expect(shkvartsev.aliases).toContain('Alexey Shkvartsev');
    const name = shkvartsev.disagreements.find((d) => d.field === 'name')!;
    expect(name.readings.map((r) => [r.value, r.sources[0]!.source])).toEqual([
      ['Alexander Shkvartsev (1939–1940)', 'later-revision'],
      ['Alexey Shkvartsev (1939-1940)', '2008-revision-with-citations'],
    ]);
    expect(find('Kurt Wiedenfeld').disagreements.map((d) => d.field)).toEqual(['membership']);
  });

  it('finds every mention, also under a variant or the surname alone', () => {
    const text = (id: string) => allBlocks(book).find((b) => b.id === id)!.text;
    const ioffe = book.glossaries.ambassadors.find((a) => a.name === 'Adolf Ioffe')!;
    expect(ioffe.mentions.map(text).some((t) => t.includes('The entire Soviet embassy under Adolph Joffe'))).toBe(true);
    const schulenburg = book.glossaries.ambassadors.find((a) => a.name.endsWith('Schulenburg'))!;
    expect(schulenburg.mentions.length).toBeGreaterThanOrEqual(3);
    for (const a of book.glossaries.ambassadors) expect(a.mentions.length, a.name).toBeGreaterThan(0);
  });
});

/** Treaties we read in the text, by a name the glossary must carry (as its name or an alias), with dates. */
const EXPECTED_TREATIES: [string, string | null][] = [
  ['Treaty of Brest-Litovsk', '1918-03-03'],
  ['Treaty of Versailles', null],
  ['Treaty of Rapallo', '1922-04-16'],
  ['Treaty of Berlin', '1926-04-24'],
  // "Also in 1925, Germany … took part in the Locarno Treaties with France and Belgium".
  ['Locarno Treaties', '1925'],
  // "the so-called Baltic Entente dating back to 1934" / "the so-called Baltic Entente of 1934".
  ['Baltic Entente', '1934'],
  ['Soviet-Polish Non-Aggression Pact', '1932-07-25'],
  ['German-Polish Non-Aggression Pact', '1934-01-26'],
  ['Franco-Soviet Treaty of Mutual Assistance', '1935-05-02'],
  ['Anti-Comintern Pact', '1936-11-25'],
  ['Munich Agreement', '1938-09-29'],
  ['Molotov–Ribbentrop Pact', '1939-08-23'],
  ['Nazi-Soviet Pact', '1939-08-23'],
  ['German–Soviet Commercial Agreement (1939)', '1939-08-19'],
  ['Soviet–Finnish Non-Aggression Pact', '1932'],
  ['German–Soviet Boundary and Friendship Treaty', '1939-09-28'],
  ['Moscow Peace Treaty', '1940-03-12'],
  ['Tripartite Pact', null],
  ['Neutrality pact with Japan', '1941-04-13'],
];

describe('glossary of treaties (the seeds)', () => {
  const lookup = (name: string) =>
    book.glossaries.treaties.find((t) =>
      [t.name, ...t.aliases].some((n) => n.replace(/[–-]/g, '-') === name.replace(/[–-]/g, '-')),
    );

  it('recall: every treaty we read is there, with its date', () => {
    for (const [name, date] of EXPECTED_TREATIES) {
      const t = lookup(name);
      expect(t, name).toBeDefined();
      expect(t!.date, name).toBe(date);
    }
  });

  it('precision: every entry names a treaty-like thing, and no two entries are one treaty', () => {
    const treatyWord = new RegExp(
      String.raw`\b(Treaty|Treaties|Pact|Agreements?|Protocols?|Accords?|Alliance|Entente|Convention|` +
        String.raw`pact|treaty|agreement|protocol)\b`,
    );
    for (const t of book.glossaries.treaties) expect(t.name).toMatch(treatyWord);
    const names = book.glossaries.treaties.flatMap((t) =>
      [t.name, ...t.aliases].map((n) => n.replace(/[–-]/g, '-').toLowerCase()),
    );
    expect(new Set(names).size).toBe(names.length);
    expect(lookup('Molotov–Ribbentrop Pact')).toBe(lookup('Nazi-Soviet Pact'));
    expect(lookup('Treaty of Berlin')).toBe(lookup('Berlin Treaty'));
  });

  it('tells each instrument apart, with its status and the date of each step', () => {
    // Never concluded: negotiated, no date of signing.
    expect(lookup('Triple Alliance')).toMatchObject({ status: 'negotiated', date: null });
    // Signed in 1932, denounced on November 28 of the 1939 the narrative is in (not 1932).
    const finnish = lookup('Soviet–Finnish Non-Aggression Pact')!;
    expect(finnish.status).toBe('denounced');
    expect(finnish.history!.find((h) => h.status === 'denounced')!.date).toBe('1939-11-28');
    // One name, two years: two instruments.
    const commercial = book.glossaries.treaties.filter((t) => t.name.startsWith('German–Soviet Commercial Agreement'));
    expect(commercial.map((t) => t.name)).toEqual([
      'German–Soviet Commercial Agreement (1939)',
      'German–Soviet Commercial Agreement (1940)',
    ]);
    // Protocols belong to their treaty.
    expect(lookup('Molotov–Ribbentrop Pact')!.protocols).toContain('Secret additional protocol');
    expect(lookup('German–Soviet Boundary and Friendship Treaty')!.protocols).toContain(
      'Secret supplementary protocol',
    );
    expect(book.glossaries.treaties.some((t) => /^secret/i.test(t.name))).toBe(false);
    // "Secret protocols in the new agreement stated …" (the January 1941 agreement), and "… adherence to the
    // Treaty of Berlin (1926), but the pact was also supplemented by a secret additional protocol" (the pact's).
    expect(lookup('Border and Commercial Agreement')!.protocols).toEqual(['Secret protocol']);
    expect(lookup('Treaty of Berlin')!.protocols).toEqual([]);
    expect(lookup('Molotov–Ribbentrop Pact')!.history!.map((h) => [h.status, h.date])).toEqual([
      ['signed', '1939-08-23'],
      ['ratified', '1939-08-31'],
      ['denounced', '1941-06-22'],
    ]);
  });

  it('gives parties, signatories and a describing sentence from the text', () => {
    const rapallo = lookup('Treaty of Rapallo')!;
    expect(rapallo.signatories).toEqual(['Walther Rathenau', 'Georgy Chicherin']);
    // Parties as states: "Weimar Germany" is Germany; "German–Soviet" is Germany and the Soviet Union.
    expect(rapallo.parties).toEqual(['Germany', 'Soviet Russia']);
    expect(rapallo.description).toMatch(/^The Treaty of Rapallo between Weimar Germany and Soviet Russia was signed/);
    expect(lookup('German–Soviet Boundary and Friendship Treaty')!.parties).toEqual(['Germany', 'Soviet Union']);
    expect(lookup('Franco-Soviet Treaty of Mutual Assistance')!.parties).toEqual(['France', 'Soviet Union']);
    // "… the Molotov–Ribbentrop Pact was signed by him and his Soviet colleague Vyacheslav Molotov": "him" is
    // the Foreign Minister named before, not the "Ribbentrop" of the pact's own name.
    expect(lookup('Molotov–Ribbentrop Pact')!.signatories).toEqual(['Joachim von Ribbentrop', 'Vyacheslav Molotov']);
    // "in Moscow Molotov and Ribbentrop signed the …": people, under their full names.
    expect(lookup('German–Soviet Boundary and Friendship Treaty')!.signatories).toEqual([
      'Vyacheslav Molotov',
      'Joachim von Ribbentrop',
    ]);
    // "the Soviets signed a neutrality pact with Axis power Japan"; "Germany entered a Tripartite Pact with …".
    expect(lookup('Neutrality pact with Japan')!.parties).toEqual(['Soviet Union', 'Japan']);
    expect(lookup('Tripartite Pact')!.parties).toEqual(['Germany', 'Japan', 'Italy']);
    // "… entered an intricate trade pact on February 11, 1940": the 1940 Commercial Agreement, with its day.
    expect(lookup('German–Soviet Commercial Agreement (1940)')).toMatchObject({ date: '1940-02-11', status: 'signed' });
    // "the Soviet-French non-aggression pact on November 29, 1932": an instrument, named in lowercase.
    expect(lookup('Soviet-French non-aggression pact')).toMatchObject({
      date: '1932-11-29',
      parties: ['Soviet Union', 'France'],
    });
    // The line says what the pact did, not what happened a week after it.
    expect(lookup('Molotov–Ribbentrop Pact')!.description).toMatch(/^The ten-year pact of non-aggression declared/);
  });
});

describe('timeline (the seeds)', () => {
  it('holds every full date in the text, found independently by a plain pattern', () => {
    const months = 'January|February|March|April|May|June|July|August|September|October|November|December';
    const full = new RegExp(`\\b(?:(${months}) (\\d{1,2}), (\\d{4})|(\\d{1,2}) (${months}) (\\d{4}))\\b`, 'g');
    const iso = (m: string, d: string, y: string) =>
      `${y}-${String(months.split('|').indexOf(m) + 1).padStart(2, '0')}-${d.padStart(2, '0')}`;
    const dates = book.glossaries.timeline.filter((e) => e.precision === 'day');
    let checked = 0;
    for (const block of allBlocks(book)) {
      for (const m of block.text.matchAll(full)) {
        // "extended … until August 1, 1942": the bound of a state of things, not an event.
        if (/\buntil\s+$/.test(block.text.slice(0, m.index))) continue;
        const want = m[1] ? iso(m[1], m[2]!, m[3]!) : iso(m[5]!, m[4]!, m[6]!);
        checked++;
        // A date can also close a range ("May 11 – September 16, 1939").
        expect(
          dates.some((e) => (e.date === want || e.end === want) && (e.blocks ?? [e.block]).includes(block.id)),
          `${want} in ${block.id}`,
        ).toBe(true);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(50);
  });

  it('is in chronological order, with precision and ranges', () => {
    const tl = book.glossaries.timeline;
    for (let i = 1; i < tl.length; i++) expect(tl[i]!.date.slice(0, 4) >= tl[i - 1]!.date.slice(0, 4)).toBe(true);
    expect(tl.find((e) => e.label === 'August 1933')).toMatchObject({ date: '1933-08', precision: 'month' });
    expect(tl.find((e) => e.label === '1935–1937')).toMatchObject({ date: '1935', end: '1937', precision: 'year' });
    // "In late July and early August, talks …": one event over both months, its date printed without the comma.
    expect(tl.find((e) => e.label === 'late July–early August')).toMatchObject({ date: '1939-07', end: '1939-08' });
    for (const e of tl) expect(e.label, e.label).not.toMatch(/[,;]$/);
    expect(tl.find((e) => e.label === '1933–1934')).toMatchObject({ date: '1933', end: '1934' });
    expect(tl.find((e) => e.label === 'May 11 – September 16, 1939')).toMatchObject({
      date: '1939-05-11',
      end: '1939-09-16',
      precision: 'day',
    });
  });

  it('understands the forms the rules add to chrono-node', () => {
    expect(datesIn('On May 15, the Netherlands capitulated.', 1940).map((d) => d.date)).toEqual(['1940-05-15']);
    expect(datesIn('A few months later, nothing.')).toEqual([]);
    expect(datesIn('It had 100,000 men in 1921 and 1,500 tanks.').map((d) => d.date)).toEqual(['1921']);
  });

  it('dates a relative phrase by the date it writes out, not by arithmetic on it', () => {
    expect(datesIn('Two weeks after 3 March 1918, the army withdrew.')).toEqual([
      expect.objectContaining({ date: '1918-03-03', precision: 'day', label: '3 March 1918' }),
    ]);
    expect(datesIn('Three days before 22 June 1941, Hitler ordered the attack.').map((d) => d.date)).toEqual([
      '1941-06-22',
    ]);
    expect(datesIn('Within a year the treaty had lapsed; three days ago nothing happened.')).toEqual([]);
    // A weekday and a time beside a date stay part of its label.
    expect(datesIn('On Sunday, 22 June 1941 at 3:15 am, the invasion began.')).toEqual([
      expect.objectContaining({ date: '1941-06-22', precision: 'day' }),
    ]);
  });
});

describe('review questions and index (the seeds)', () => {
  it('asks when and who, per chapter, with answers pointing at the text', () => {
    const q = book.questions.find((x) => x.question === 'When was the Treaty of Rapallo signed?')!;
    expect(q.answer).toBe('April 16, 1922');
    expect(allBlocks(book).find((b) => b.id === q.block)!.text).toContain('April 16, 1922');
    expect(q.quote).toContain('April 16, 1922');
    const perChapter = new Map<string, number>();
    for (const x of book.questions) perChapter.set(x.chapter, (perChapter.get(x.chapter) ?? 0) + 1);
    expect(Math.max(...perChapter.values())).toBeLessThanOrEqual(8);
    expect(perChapter.size).toBeGreaterThanOrEqual(6);
  });

  it('indexes people, places, organisations, treaties and events, people by surname', () => {
    const entry = (term: string) => book.index.find((e) => e.term === term);
    // The main subjects: the Soviet Union (also written USSR) and Stalin, as a person, under his surname.
    expect(entry('Soviet Union')).toMatchObject({ kind: 'place' });
    expect(entry('Soviet Union')!.mentions.length).toBeGreaterThan(30);
    expect(entry('Stalin, Joseph')).toMatchObject({ kind: 'person' });
    // "Stalin" alone is filed under the full name, not apart.
    expect(book.index.filter((e) => /^Stalin\b/.test(e.term))).toHaveLength(1);
    expect(entry('Stalin, Joseph')!.mentions.length).toBeGreaterThan(10);
    expect(entry('Moscow')).toMatchObject({ kind: 'place' });
    expect(entry('Treaty of Rapallo')).toMatchObject({ kind: 'treaty' });
    expect(entry('NKVD')).toMatchObject({ kind: 'organisation' });
    expect(entry('Winter War')).toMatchObject({ kind: 'event' });
    // Generic words, adjectives and months are not entries.
    for (const word of ['Affairs', 'Union', 'Boundary', 'Soviet', 'German', 'March', 'Minister'])
      expect(entry(word), word).toBeUndefined();
    // Sorted word by word on the sort key (a person's is the surname first): the heading's first word, then the rest.
    const keys = book.index.map((e) => e.sortKey!);
    const head = (k: string) => /^[^,\s]*/u.exec(k)![0];
    expect(keys).toEqual([...keys].sort((a, b) => head(a).localeCompare(head(b), 'en') || a.localeCompare(b, 'en')));
    const at = (term: string) => book.index.findIndex((e) => e.term === term);
    expect(at('Molotov, Vyacheslav')).toBeLessThan(at('Molotov–Ribbentrop Pact'));
    expect(at('Franco, Francisco')).toBeLessThan(at('Franco-Soviet Treaty of Mutual Assistance'));
    // The main subjects: a person the text names in full once and by surname after ("Maxim Litvinov" …
    // "Litvinov was dismissed"), possessives ("Hitler's government") and a state's short name ("Britain").
    expect(entry('Litvinov, Maxim')).toMatchObject({ kind: 'person' });
    expect(entry('Litvinov, Maxim')!.mentions.length).toBeGreaterThanOrEqual(8);
    expect(entry('Hitler, Adolf')!.mentions.length).toBeGreaterThanOrEqual(15);
    expect(entry('United Kingdom')!.mentions.length).toBeGreaterThanOrEqual(10);
    for (const name of ['Voroshilov, Kliment', 'Timoshenko, Semyon', 'Smetona, Antanas'])
      expect(entry(name), name).toMatchObject({ kind: 'person' });
    expect(entry('Rathenau, Walther')!.description).toBe('German Foreign Minister');
  });
});

describe('another article, in Markdown (not tuned to the seeds)', () => {
  const other = addStudyAids(
    mergeSources([parseText(readFileSync(path.join(FIXTURES, 'study/lakeland.md'), 'utf8'), 'lakeland.md')], meta),
  );
  const g = other.glossaries;

  it('extracts both embassies from their lists and the running text, variants merged', () => {
    expect(g.ambassadors.map((a) => [a.name, a.post, a.term])).toEqual([
      ['Karel Brant', 'Norvanian ambassador to Estburg', '1861–1870'],
      ['Lise Amund', 'Norvanian ambassador to Estburg', '1870–1879'],
      ['Olaf Rind', 'Norvanian ambassador to Estburg', '1879–1885'],
      ['Jonas Feld', 'Estmark ambassador to Norvik', '1862–1875'],
      ['Hanna Kroll', 'Estmark ambassador to Norvik', '1875–1884'],
      // "signed … by the Norvanian envoy Piet Holmgaard": an envoy the running text names with his post.
      ['Piet Holmgaard', 'Norvanian envoy', ''],
    ]);
    expect(g.ambassadors.find((a) => a.name === 'Jonas Feld')!.aliases).toContain('Jonas Feldt');
  });

  it('extracts treaties with aliases, dates and signatories, and the dates of the text', () => {
    expect(g.treaties.map((t) => [t.name, t.date])).toEqual([
      ['Treaty of Kessel', '1861-06-02'],
      ['Norvanian–Estmark Customs Agreement', '1880-04-01'],
    ]);
    expect(g.treaties[0]!.aliases).toEqual(['Kessel Treaty']);
    expect(g.treaties[1]!.signatories).toEqual(['Mira Voss', 'Karel Brant']);
    expect(g.timeline.filter((e) => e.precision !== 'year').map((e) => e.date)).toEqual([
      '1861-06-02',
      '1862-03',
      '1874-10-09',
      '1880-04-01',
    ]);
    expect(g.timeline.find((e) => e.label === '1870–1872')).toMatchObject({ end: '1872' });
  });
});

describe('names', () => {
  it('folds transliterations and particles', () => {
    expect(samePerson('Adolf Ioffe', 'Adolph Joffe')).toBe(true);
    expect(samePerson('Alexey Merekalov', 'Aleksey Merekalov')).toBe(true);
    expect(samePerson('Wilhelm Mirbach', 'Wilhelm von Mirbach')).toBe(true);
    expect(samePerson('Ulrich Graf von Brockdorff-Rantzau', 'Ulrich von Brockdorff-Rantzau')).toBe(true);
    expect(samePerson('Karl Radek', 'Karl Helfferich')).toBe(false);
    expect(foldSpelling('Weizsäcker')).toBe(foldSpelling('Weizsacker'));
    expect(samePerson('Jonas Feld', 'Jonas Feldt')).toBe(true);
    expect(samePerson('Feld', 'Feldt')).toBe(false);
    // A long surname may be a quarter of its letters apart, not more; given names must agree, or be absent.
    expect(samePerson('Grigory Potemkin', 'Grigory Potyomkin')).toBe(true);
    expect(samePerson('Grigory Potemkin', 'Grigory Potemkinovich')).toBe(false);
    expect(samePerson('Karl Radek', 'Otto Radek')).toBe(false);
    expect(samePerson('Radek', 'Karl Radek')).toBe(true);
    expect(samePerson('', 'Karl Radek')).toBe(false);
    // A regnal number is no surname to fold: "II" is not "I" with a doubled letter.
    expect(samePerson('William I', 'William II')).toBe(false);
    expect(samePerson('William II', 'William II')).toBe(true);
  });
});

describe('overrides', () => {
  const file = 'content/overrides.yaml';
  it('renames, merges, splits, suppresses and adds; overrides win over extraction', () => {
    const sources = [parseText(readFileSync(path.join(FIXTURES, 'study/lakeland.md'), 'utf8'), 'lakeland.md')];
    const data = OverridesSchema.parse({
      ambassadors: {
        rename: { 'amb-karel-brant': 'Karel B. Brant' },
        suppress: ['amb-olaf-rind'],
        add: [{ name: 'Petra Lund', post: 'Estmark ambassador to Norvik', from: 1884, to: 1890 }],
        split: { 'amb-jonas-feld': ['Jonas Feldt'] },
      },
      treaties: { merge: [['treaty-treaty-of-kessel', 'treaty-norvanian-estmark-customs-agreement']] },
      questions: {
        add: [
          {
            chapter: 'early-contacts',
            question: 'Who signed the Treaty of Kessel?',
            answer: 'Piet Holmgaard and Mira Voss.',
          },
        ],
      },
    });
    const b = addStudyAids(mergeSources(sources, meta), { data, file });
    const names = b.glossaries.ambassadors.map((a) => a.name);
    expect(names).toContain('Karel B. Brant');
    expect(names).not.toContain('Olaf Rind');
    expect(names).toContain('Petra Lund');
    expect(names).toContain('Jonas Feldt');
    expect(b.glossaries.treaties).toHaveLength(1);
    expect(b.glossaries.treaties[0]!.aliases).toContain('Norvanian–Estmark Customs Agreement');
    expect(b.questions.some((q) => q.question === 'Who signed the Treaty of Kessel?')).toBe(true);
  });

  it('an unknown id is a clear error naming the overrides file', () => {
    const sources = [parseText(readFileSync(path.join(FIXTURES, 'study/lakeland.md'), 'utf8'), 'lakeland.md')];
    const data = OverridesSchema.parse({ ambassadors: { suppress: ['amb-nobody'] } });
    expect(() => addStudyAids(mergeSources(sources, meta), { data, file })).toThrow(QuireError);
    try {
      addStudyAids(mergeSources(sources, meta), { data, file });
    } catch (e) {
      expect((e as QuireError).oneLine()).toMatch(
        /^content\/overrides\.yaml: overrides: no ambassador with id "amb-nobody" — use an id from book\.json/,
      );
    }
  });
});

describe('years from the narrative (the seeds)', () => {
  const event = (pattern: RegExp) => book.glossaries.timeline.filter((e) => pattern.test(e.sentence ?? ''));

  it('gives a day without a year the year of its passage, not a year its sentence names in passing', () => {
    // "On November 28, the Soviet Union denounced the 1932 Soviet–Finnish Non-Aggression Pact" (Winter War, 1939).
    const winter = event(/^On November 28, the Soviet Union denounced/).map((e) => e.date);
    expect(winter).toContain('1939-11-28');
    for (const date of winter) expect(date.startsWith('1939')).toBe(true);
    // "On September 7 Stalin once again outlined a new line … popular front policy of 1934–1939."
    expect(event(/^On September 7 Stalin/).map((e) => e.date)).toEqual(['1939-09-07']);
    // "The 1931 extension of the Berlin Treaty was ratified in Germany on May 5." (after January 30, 1933)
    expect(event(/ratified in Germany on May 5/).map((e) => e.date)).toEqual(['1933-05-05']);
    // August 24–26 after a paragraph that ends in 1945, 1989, 1990: still 1939.
    expect(event(/announced by Pravda and Izvestia on August 24/).map((e) => e.date)).toEqual(['1939-08-24']);
  });

  it('finds at least 85% of the dates whose year comes from context, found independently by a plain pattern', () => {
    const dates = bookDates(book);
    const months = 'January|February|March|April|May|June|July|August|September|October|November|December';
    let written = 0;
    let found = 0;
    for (const block of allBlocks(book).filter((b) => b.kind !== 'list'))
      block.sentences.forEach((sentence, i) => {
        for (const m of sentence.matchAll(new RegExp(`\\b(${months})( \\d{1,2}(?:st|nd|rd|th)?)?\\b`, 'g'))) {
          const after = sentence.slice(m.index + m[0].length);
          // With its year ("March 3, 1918", "May 11 – September 16, 1939"), or part of a name ("May Coup").
          if (/^,? \d{4}|^ \p{Lu}|^ ?[–-] ?\p{Lu}\p{Ll}+ \d{1,2},? \d{4}|^[–-]\p{Lu}\p{Ll}+ \d{4}/u.test(after))
            continue;
          if (/\p{Lu}\p{Ll}+ $/u.test(sentence.slice(0, m.index)) && !/(?:On|In|By) $/.test(sentence.slice(0, m.index)))
            continue;
          written++;
          const hit = (dates.get(block.id)?.[i] ?? []).find(
            (d) => d.index <= m.index + 3 && d.index + d.label.length >= m.index + m[0].length - 1,
          );
          if (hit?.yearFrom === 'context') found++;
        }
      });
    expect(written).toBeGreaterThanOrEqual(40);
    expect(found / written).toBeGreaterThanOrEqual(0.85);
    for (const e of book.glossaries.timeline.filter((x) => x.yearFrom === 'context')) {
      expect(Number(e.date.slice(0, 4)), e.sentence).toBeGreaterThanOrEqual(1918);
      expect(Number(e.date.slice(0, 4)), e.sentence).toBeLessThanOrEqual(1942);
    }
  });

  it('has no event twice and no label cut off', () => {
    const keys = book.glossaries.timeline.map((e) => `${e.date}|${e.text}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of book.glossaries.timeline) {
      // An ellipsis only marks a quotation the label cuts short, before its closing mark ("a common frontier …").
      expect(e.text.replace(/ …["”]$/, '"'), e.sentence).not.toMatch(/…|\.\.\.|\b(?:the|of|and|to)$/);
      // A bracket or quotation opened in a label is closed in it ("… another treaty (Treaty" is cut off).
      expect(e.text.split('(').length, e.text).toBe(e.text.split(')').length);
      expect(e.text.split('"').length % 2, e.text).toBe(1);
    }
    // A list line ("Adolf Ioffe (1918)") is no event.
    expect(book.glossaries.timeline.some((e) => /^Adolf Ioffe/.test(e.text))).toBe(false);
  });
});

const corpusGuide = (name: string, language: string) =>
  addStudyAids(
    mergeSources([parseText(readFileSync(path.join(CORPUS, name, `${name}.wiki`), 'utf8'), `${name}.wiki`)], {
      ...meta,
      language,
    }),
  );

describe.skipIf(!existsSync(CORPUS))('real articles (the corpus)', () => {
  it('a writer’s biography has no treaties and no ambassadors', () => {
    const g = corpusGuide('Elizabeth-Gilbert', 'en').glossaries;
    expect(g.treaties).toEqual([]);
    expect(g.ambassadors).toEqual([]);
  });

  it('German dates are events', () => {
    const tl = corpusGuide('Sara-C.-Bisel', 'de').glossaries.timeline;
    // Birth and death told in one sentence are one span.
    const dates = tl.flatMap((e) => (e.end ? [e.date, e.end] : [e.date]));
    expect(dates).toEqual(expect.arrayContaining(['1932-05-13', '1996-02-04', '1982-06']));
  });
});

describe('a date inside a description of a noun', () => {
  const guideOf = (text: string) =>
    addStudyAids(mergeSources([parseText(`# Harbour\n\n## Events\n\n${text}\n`, 'harbour.md')], meta));

  it('does not date the event the sentence tells ("the district annexed by the Duchy in 1820")', () => {
    const tl = guideOf(
      'On 4 May 1861, the town received the district of Arn annexed by the Duchy in 1820. ' +
        'The district was annexed by the Duchy in 1820 after a short war.',
    ).glossaries.timeline;
    // The second sentence tells the annexation: 1820 is its date. The first tells what happened in 1861.
    expect(tl.filter((e) => e.date === '1820').map((e) => e.text)).toEqual([
      expect.stringMatching(/^The district was annexed by the Duchy/),
    ]);
    expect(tl.some((e) => e.date === '1861-05-04' && /received the district/.test(e.text))).toBe(true);
  });
});
