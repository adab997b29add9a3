/**
 * Key points on the seeds, as a teacher would check a summary box: every section of two or more paragraphs
 * has two to four, each a sentence of its section (or a key sentence matched to it) that stands alone, none
 * opening mid-thought, and they preview the section rather than repeat its first paragraph.
 */
import { seedGuide } from '../support/seed-guide.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergeSources } from '../../src/merge/index.js';
import { asPoint, extractKeyPoints, pointsFor } from '../../src/study/key-points.js';
import { opening, partOfQuotation, turnsAgainst } from '../../src/study/discourse.js';
import type { Book, StudyGuide } from '../../src/model/index.js';
import { parseText, TEST_META } from '../support/content.js';

let guide: StudyGuide;
beforeAll(() => {
  guide = seedGuide();
});

const sections = () => guide.chapters.flatMap((c) => c.sections);
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

describe('key points on the seeds', () => {
  it('gives every section of two or more paragraphs two to four points, and none to a shorter one', () => {
    let checked = 0;
    for (const s of sections()) {
      const paragraphs = s.blocks.filter((b) => b.kind === 'paragraph' && b.text.split(/\s+/).length >= 8).length;
      const points = guide.keyPoints.filter((k) => k.section === s.id);
      if (paragraphs >= 2) {
        expect(points.length, s.title).toBeGreaterThanOrEqual(2);
        expect(points.length, s.title).toBeLessThanOrEqual(4);
        checked++;
      } else expect(points, s.title).toEqual([]);
    }
    expect(checked).toBeGreaterThanOrEqual(20);
  });

  it('never gives a section a point that another of its points says again in more words', () => {
    const words = (s: string) =>
      new Set(
        norm(s)
          .split(' ')
          .filter((w) => w.length > 3),
      );
    for (const s of sections()) {
      const points = guide.keyPoints.filter((k) => k.section === s.id).map((k) => words(k.text));
      for (const a of points)
        for (const b of points) {
          if (a === b || a.size > b.size) continue;
          const shared = [...a].filter((w) => b.has(w)).length;
          expect(shared / a.size, s.title).toBeLessThan(0.8);
        }
    }
  });

  it('opens no point with a pronoun or a connective, and ends each as a sentence', () => {
    expect(guide.keyPoints.length).toBeGreaterThan(40);
    for (const k of guide.keyPoints) {
      expect(opening(k.text, 'en').kind, k.text).toBe('clear');
      // A capital, or the square bracket of the guide's own words ("[On June 14, 1940,] shortly before …").
      expect(k.text).toMatch(/^[\p{Lu}\d"“[]/u);
      expect(k.text).toMatch(/[.!?"”]$/);
      // No editorial tag of the source ("[1]", "[citation needed]"); a bracket opens only the guide's own date.
      expect(k.text).not.toMatch(/^\[(?!(?:On|In|By|From|During)\s[^\]]*\d,\]\s)/);
      // "The treaty was perceived…": which treaty, the sentence before said.
      expect(k.text, k.text).not.toMatch(/^(?:The|This|These)\s+\p{Ll}+\s+(?:was|were|had|\p{Ll}+ed)\b/u);
    }
  });

  it('takes each point from its section, or from the key sentences the merge matched to it', () => {
    // A point may name what its sentence leaves to the one before (its date, the fuller name of a noun), from
    // the same paragraph: every word of it is in its paragraph (or the key sentence it is), none is made up.
    const wordsOf = (s: string) => new Set(norm(s).split(' '));
    for (const k of guide.keyPoints) {
      const section = sections().find((s) => s.id === k.section)!;
      const block = section.blocks.find((b) => b.id === k.block)!;
      const source = wordsOf(`${block.text} ${section.keyPoints.map((x) => x.text).join(' ')}`);
      const missing = [...wordsOf(k.text)].filter((w) => !source.has(w));
      expect(missing, k.text).toEqual([]);
      if (k.origin === 'key-sentence')
        expect(
          section.keyPoints.some((x) => norm(k.text).endsWith(norm(x.text).split(' ').slice(-4).join(' '))),
          k.text,
        ).toBe(true);
      else expect(norm(block.text), k.text).toContain(norm(k.text).split(' ').slice(-6).join(' '));
    }
  });

  it('uses the cited key sentences that stand alone, with the citations of the sentence they match', () => {
    const fromKeys = guide.keyPoints.filter((k) => k.origin === 'key-sentence');
    expect(fromKeys.length).toBeGreaterThanOrEqual(10);
    expect(fromKeys.some((k) => k.citations.length > 0)).toBe(true);
    for (const k of guide.keyPoints)
      for (const id of k.citations)
        expect(
          guide.citations.some((c) => c.id === id),
          id,
        ).toBe(true);
    // "Thus, in 1930 and 1931, …" is used without its opening connective; "They were relatively…" is not used.
    expect(guide.keyPoints.some((k) => k.text.startsWith('In 1930 and 1931, a huge deluge of Soviet wheat'))).toBe(
      true,
    );
    expect(guide.keyPoints.some((k) => /^They were relatively well-educated/.test(k.text))).toBe(false);
    // "However, as the Red Army was perceived as not strong enough, …, he began…": who "he" is, it does not say.
    expect(guide.keyPoints.some((k) => k.text.includes('he began pursuing a policy of collective security'))).toBe(
      false,
    );
  });

  it('rarely repeats the paragraph printed right below the box', () => {
    let first = 0;
    for (const k of guide.keyPoints) {
      const section = sections().find((s) => s.id === k.section)!;
      if (section.blocks[0]!.id === k.block) first++;
    }
    // The first paragraph's sentences count for less, not nothing: a section's main fact (a dated event, a named
    // treaty) often stands there.
    expect(first / guide.keyPoints.length).toBeLessThan(1 / 3);
  });
});

describe('key points of a made-up section', () => {
  const text = (paragraphs: string[]) => `== Trade ==\n\n${paragraphs.join('\n\n')}\n`;
  const bookOf = (paragraphs: string[]): Book =>
    mergeSources([parseText(text(paragraphs), 'a.wiki', { priority: 1 })], TEST_META);

  it('sums up from sentences that stand alone, the first paragraph last, shown in reading order', () => {
    const book = bookOf([
      'The harbour of Kessel was opened to foreign ships in 1820 by a decree of the council.',
      'Grain from the northern provinces was shipped through the harbour of Kessel to the southern markets. ' +
        'It was cheap.',
      'They paid the merchants of the southern markets in silver every spring.',
      'By 1850 the trade had made the town of Kessel the richest in the kingdom.',
    ]);
    const points = extractKeyPoints(book);
    expect(pointsFor(4)).toBe(3);
    // "It was cheap." and "They paid…" lean on the sentence before; the first paragraph fills the box last.
    expect(points.map((p) => p.text)).toEqual([
      'The harbour of Kessel was opened to foreign ships in 1820 by a decree of the council.',
      'Grain from the northern provinces was shipped through the harbour of Kessel to the southern markets.',
      'By 1850 the trade had made the town of Kessel the richest in the kingdom.',
    ]);
    expect(points.every((p) => p.origin === 'section')).toBe(true);
  });

  it('takes no sentence that points back, keeps a phrase that only looks like a connective', () => {
    const book = bookOf([
      'The harbour of Kessel was opened to foreign ships in 1820 by a decree of the council of the town.',
      'In response to a written petition of the guilds, the council lowered the tolls of the northern gate.',
      'In 1822 the council closed the northern gate to the carts of the merchants of Lidia and Norvik. Concurrently ' +
        'all the smaller harbours of the coast except Norvik were closed to foreign ships.',
      'Concurrently the guilds of the southern towns lowered the prices of their grain and of their timber.',
      'According to others, the first sign of the new trade was the arrival of ships from Lidia in 1821.',
      'The merchants of Lidia gained access to these warehouses, as well as the markets of the southern towns.',
      'During this period, the trade of the guilds doubled as the northern roads were opened to carts.',
      'The council later concluded another treaty with the merchants of Lidia on the tolls of the gates.',
    ]);
    const points = extractKeyPoints(book).map((p) => p.text);
    // Five of the eight paragraphs point back (the second "Concurrently" has no date before it to take): the
    // box takes four points from the three that do not.
    expect(points).toHaveLength(4);
    expect(points).toContain(
      'In response to a written petition of the guilds, the council lowered the tolls of the northern gate.',
    );
    // "Concurrently" takes the date of the sentence before it.
    expect(points).toContain(
      '[In 1822,] all the smaller harbours of the coast except Norvik were closed to foreign ships.',
    );
    expect(points.join(' ')).not.toMatch(
      /According to others|these warehouses|this period|another treaty|guilds of the/,
    );
  });

  it('writes out the time and the name a point takes from the sentence before, and leaves out a view', () => {
    const book = bookOf([
      'On June 14, 1840, the council of Kessel closed the northern gate to the carts of Lidia. ' +
        'The guards of the harbour seized two barges of grain. ' +
        'Shortly before midnight, the council sent the envoy of Lidia a letter demanding the toll of the gates.',
      'Some historians argue that the guilds of Kessel had long wanted the gates closed to the carts of Lidia. ' +
        'Thus, the closing of the northern gate was the work of the guilds rather than of the council.',
      'In 1841 the council sold a small barge of the harbour to the merchants of Norvik. ' +
        'The merchants took up a later offer of a warehouse near the southern gate of the town.',
      'The Lidian barge Sela reached the harbour of Kessel on May 2, 1842, with grain from the north. ' +
        'The wardens of the harbour held the crew, yet the barge left the harbour of Kessel with its grain.',
    ]);
    const points = extractKeyPoints(book).map((p) => p.text);
    expect(points).toHaveLength(3);
    // The conclusion of a view given as someone's ("Some historians argue …") is not a fact to learn.
    expect(points.join(' ')).not.toMatch(/work of the guilds rather than/);
    // "a later offer": later than which, the point would not say; taken only if nothing else fills the box.
    expect(points.join(' ')).not.toMatch(/later offer/);
    expect(points.join(' ')).not.toMatch(/^Shortly/m);
  });

  it('reads a sentence as a point with what it takes from the sentences before it', () => {
    const before = 'On June 14, 1840, the council of Kessel closed the northern gate. The Lidian barge Sela was held.';
    const midnight = asPoint('Shortly before midnight, the council of Kessel sent the envoy of Lidia a letter.', 'en', {
      before,
      when: 'On June 14, 1840',
    });
    expect(midnight).toEqual({
      // The guide's words in square brackets: the point is quoted as the source's.
      text: '[On June 14, 1840,] shortly before midnight, the council of Kessel sent the envoy of Lidia a letter.',
      leans: false,
    });
    // Without a date before it in its paragraph, it is no point.
    expect(
      asPoint('Shortly before midnight, the council of Kessel sent the envoy of Lidia a letter.', 'en', { before }),
    ).toBe(undefined);
    const barge = asPoint('The wardens held the crew of the harbour, yet the barge left the harbour of Kessel.', 'en', {
      before,
    });
    expect(barge?.text).toBe(
      'The wardens held the crew of the harbour, yet the [Lidian] barge [Sela] left the harbour of Kessel.',
    );
    expect(
      asPoint('The merchants took up a later offer of a warehouse near the southern gate.', 'en', { before })?.leans,
    ).toBe(true);
    expect(
      asPoint('The merchants said that the attack was the work of the northern guilds of the town.', 'en', { before })
        ?.leans,
    ).toBe(true);
  });

  it('quotes a key sentence that is the words of a document the section quotes, and links to the quotation', () => {
    const wiki = [
      '== The pact ==',
      'The two kingdoms of Norvania and Lidia signed a pact of friendship at Kessel in 1820, after long talks.',
      'The pact was supplemented by a secret protocol, which divided the northern islands between the kingdoms:',
      '<blockquote>1. In the event of a rearrangement of the islands belonging to the Duchy of Vorsk the spheres ' +
        'of influence of Norvania and Lidia shall be bounded by the river Ostra.</blockquote>',
      'The merchants of both kingdoms gained the right to trade in every harbour of the coast from that year.',
      'Trade between the kingdoms doubled in the following decade as the harbours of the coast were opened.',
    ].join('\n\n');
    const key =
      'In the event of a rearrangement of the islands belonging to the Duchy of Vorsk the spheres of influence ' +
      'of Norvania and Lidia shall be bounded by the river Ostra.\n';
    const book = mergeSources(
      [
        parseText(wiki, 'a.wiki', { priority: 1 }),
        parseText(key, 'key.txt', { priority: 2, format: 'cited-sentences' }),
      ],
      TEST_META,
    );
    const quote = book.chapters.flatMap((c) => c.sections.flatMap((s) => s.blocks)).find((b) => b.kind === 'quote')!;
    const point = extractKeyPoints(book).find((p) => p.origin === 'key-sentence')!;
    expect(point.text).toMatch(/^“In the event of a rearrangement .* river Ostra\.”$/);
    expect(point.block).toBe(quote.id);
  });

  it('takes no reply that does not say to what', () => {
    const none = { before: '' };
    expect(
      asPoint('Queen Mara replied, referring to a "lasting peace" between the kingdoms.', 'en', none, new Set()),
    ).toBe(undefined);
    expect(asPoint('Lidia refused, and the talks of the two kingdoms ended in the spring.', 'en', none)).toBe(
      undefined,
    );
    expect(
      asPoint('Lidia refused the offer of the guilds and closed the harbour of Kessel to foreign ships.', 'en', none),
    ).toBeDefined();
    expect(
      asPoint(
        'Queen Mara replied to the petition of the guilds by lowering the tolls of the gate.',
        'en',
        none,
        new Set(),
      ),
    ).toBeDefined();
  });

  it('prefers points the text neither turns against at once nor leaves to an unnamed "Mr."', () => {
    const paragraphs = [
      'The harbour of Kessel was opened to foreign ships in 1820 by a decree of the council of the town.',
      'The council of Kessel concluded that its policy of open harbours was a success for the merchants. ' +
        'However, in 1830 the council learned that the guilds of the harbour had lost most of their trade.',
      'According to Mr. Lorne, the guilds of the harbour of Kessel paid the council in silver for their charters.',
      'Grain from the northern provinces of the kingdom was shipped through the harbour of Kessel to the south.',
      'By 1850 the grain trade of the harbour had made the town of Kessel the richest in the whole kingdom.',
      'The merchants of the southern markets bought the grain of the harbour of Kessel every single spring.',
    ];
    const texts = extractKeyPoints(bookOf(paragraphs)).map((p) => p.text);
    expect(texts.length).toBeGreaterThanOrEqual(3);
    for (const t of texts) expect(t).not.toMatch(/concluded that its policy|learned that the guilds|Mr\. Lorne/);
    // Where nothing else fills the box, they still may.
    const none = { before: '' };
    expect(asPoint(paragraphs[2]!, 'en', none)?.leans).toBe(true);
    expect(asPoint(paragraphs[3]!, 'en', none)?.leans).toBe(false);
    expect(asPoint(paragraphs[3]!, 'en', { before: '', qualified: true })?.leans).toBe(true);
    // A pronoun object at the end: it may stand for what the sentence names ("most of them") or for the text
    // before ("by it"), so such a point is kept for when others are too few.
    expect(
      asPoint('In retrospect the council of the town of Kessel was clearly embarrassed by it.', 'en', none)?.leans,
    ).toBe(true);
    expect(
      asPoint(
        'The police of Norvik arrested 2,000 merchants of Kessel in 1880 and later freed most of them.',
        'en',
        none,
      )?.leans,
    ).toBe(true);
    // A middle initial is no honorific; "Yet another …" and German "Dagegen protestierte …" turn against nothing.
    expect(asPoint('Piotr M. Holm replaced Karel Brant as the envoy of Norvik in May 1881.', 'en', none)?.leans).toBe(
      false,
    );
    expect(turnsAgainst('However, the council refused the offer.', 'en')).toBe(true);
    expect(turnsAgainst('Yet another treaty followed in 1882.', 'en')).toBe(false);
    expect(turnsAgainst('Jedoch lehnte der Rat ab.', 'de')).toBe(true);
    expect(turnsAgainst('Dagegen protestierte der Rat von Kessel.', 'de')).toBe(false);
  });

  it('leaves a section of one paragraph without points', () => {
    expect(
      extractKeyPoints(bookOf(['One paragraph only, which the box would simply repeat word for word here.'])),
    ).toEqual([]);
  });
});

describe('a quotation of several sentences (made up)', () => {
  const article = [
    '== Early life ==',
    'In 1961 the family moved from the harbour of Norvik to the small river town of Kessel in the hills.',
    ':"At the time, it was like moving to a village. The town had a slower pace and friendly people. ' +
      'It proved to be a good place to grow up."',
    'The children went to the river school of Kessel, where their father taught history for twenty years.',
  ].join('\n');
  const book = mergeSources([parseText(article, 'kessel.wiki')], TEST_META);

  it('takes no point from a sentence cut out of a longer quotation', () => {
    const points = extractKeyPoints(book).map((k) => k.text);
    expect(points.length).toBeGreaterThan(0);
    for (const p of points) expect(p).not.toMatch(/At the time|slower pace|grow up/);
  });

  it('tells a quotation cut out of a longer one from one that closes in its sentence, in any language’s marks', () => {
    expect(partOfQuotation('"At the time, it was like moving to a village.')).toBe(true);
    expect(partOfQuotation('It proved to be a good place to grow up.”')).toBe(true);
    expect(partOfQuotation('The regent called the truce "a peace for our time" in his speech.')).toBe(false);
    expect(partOfQuotation('Der Regent nannte ihn „einen Frieden für unsere Zeit“ in seiner Rede.')).toBe(false);
    expect(partOfQuotation('Il parla d’une « paix pour notre temps » devant les guildes.')).toBe(false);
    expect(partOfQuotation('Il parla d’une « paix pour notre temps.')).toBe(true);
    // Swedish and Finnish open and close with "”"; a figure's inch mark is no quotation mark.
    expect(partOfQuotation('Partiet kallade reformen ”en historisk seger” i sitt program.')).toBe(false);
    expect(partOfQuotation('He bought a 12" record in 1980.')).toBe(false);
  });
});

describe('the sources a key point names', () => {
  it('are the sources that read its sentence, not every source of its paragraph', () => {
    const first = 'The harbour of Lund was built in 1881 by the town council after a long dispute with the merchants.';
    const article = (opening: string) =>
      [
        '== Harbour ==',
        opening + 'The first ferry to the island of Vell sailed from it in 1882 with forty passengers on board.',
        '',
        'The merchants later bought the ferry company and ran it until the war came to the coast in 1940. ' +
          'In 1950 the town took the company back and built a second quay for the larger ferries of the time.',
        '',
        'The old quay was pulled down in 1975 to make room for a road along the water to the new station.',
      ].join('\n');
    const book = mergeSources(
      [parseText(article(`${first} `), 'wiki.wiki', { priority: 2 }), parseText(article(''), 'teacher.wiki')],
      TEST_META,
    );
    const points = extractKeyPoints(book);
    const only = points.find((p) => p.text === first);
    expect(only, JSON.stringify(points.map((p) => p.text))).toBeDefined();
    expect(only!.sources.map((s) => s.source)).toEqual(['wiki']);
    const shared = points.find((p) => p.text !== first);
    expect(shared!.sources.map((s) => s.source).sort()).toEqual(['teacher', 'wiki']);
  });
});

describe('key points in writing without spaces between words', () => {
  const section = (language: string, heading: string, paragraphs: string[]) =>
    extractKeyPoints(
      mergeSources([parseText(`= 記事 =\n== ${heading} ==\n${paragraphs.join('\n\n')}\n`, 'a.wiki')], {
        ...TEST_META,
        language,
      }),
    ).map((k) => k.text);

  it('counts a Japanese or Chinese sentence’s words as ICU reads them, and takes its points', () => {
    const points = section('ja', '関税同盟', [
      'ノルヴァニアとエストマルクの関税協定は1880年4月1日に首都ノルヴィクで結ばれ、両国の港の関税は半分に下げられた。',
      'しかし、協定の批准をめぐって両国の議会では長い論争が続き、最終的な発効は1882年まで遅れることになった。',
      '関税同盟の成立によって北方の交易路が再び開かれ、ケッセルの商人たちは東方の市場へ毛織物を運ぶようになった。',
    ]);
    expect(points.length).toBeGreaterThan(0);
    for (const p of points) expect(p, p).toMatch(/。$/);
    // A sentence that opens by pointing back ("しかし": however) does not stand alone in the box.
    expect(points.some((p) => p.startsWith('しかし'))).toBe(false);
    expect(opening('それは両国の関係を変えた。', 'ja').kind).toBe('pronoun');
    expect(opening('它被认为起源于人类早期的生产活动。', 'zh').kind).toBe('pronoun');
    expect(opening('그는 1944년에 태어났다.', 'ko').kind).toBe('pronoun');
    expect(opening('数学是研究数量、结构以及空间等概念的一门学科。', 'zh').kind).toBe('clear');
    // A name that opens with the letters of one (但丁: Dante; 那不勒斯: Naples; 이에야스: Ieyasu) is no pronoun.
    expect(opening('但丁是意大利诗人。', 'zh').kind).toBe('clear');
    expect(opening('那不勒斯是意大利南部的城市。', 'zh').kind).toBe('clear');
    expect(opening('彼岸は春と秋にある。', 'ja').kind).toBe('clear');
    expect(opening('이에야스는 장군이었다.', 'ko').kind).toBe('clear');
    expect(opening('但是条约没有被批准。', 'zh').kind).toBe('pronoun');
  });
});
