import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimChange } from '../../src/merge/claims.js';
import { FIXTURES, parseText, readContent, SEEDS, TEST_META } from '../support/content.js';
import { mergeSources } from '../../src/merge/index.js';
import { seedGuide } from '../support/seed-guide.js';
import { disagreementQuestions } from '../../src/study/questions/disagreement.js';
import { makeContext } from '../../src/study/questions/context.js';

/** The sentence of a wikitext or text starting with `opening` (up to its full stop), markup taken out. */
function sentenceOf(source: string, opening: string): string {
  const text = source
    .replace(/<ref[^>]*\/>|<ref[^>]*>[\s\S]*?<\/ref>/g, '')
    .replace(/\[\[(?:[^|\]]*\|)?([^\]]*)\]\]/g, '$1')
    .replace(/'{2,3}/g, '');
  const at = text.indexOf(opening);
  expect(at, opening).toBeGreaterThanOrEqual(0);
  return text.slice(at, text.indexOf('.', at + opening.length) + 1);
}

const seedSentence = (file: string, opening: string) => sentenceOf(readContent(file), opening);

describe('a rewording that changes the claim', () => {
  it('is found in the stance, the holders, the outcome and the hedge the seeds disagree on', () => {
    const molotov = [SEEDS.later, SEEDS.dump].map((f) => seedSentence(f, 'Litvinov was dismissed'));
    expect(claimChange(molotov[0]!, molotov[1]!, 'en')).toMatchObject({
      shift: 'stance',
      spans: ['always been in favour of neutrality towards Germany', 'always been sympathetic towards Germany'],
    });
    const author = [
      seedSentence(SEEDS.later, 'One author has claimed'),
      seedSentence(SEEDS.dump, 'Some authors claim'),
    ];
    const holders = claimChange(author[0]!, author[1]!, 'en');
    expect(holders?.shift).toBe('quantity');
    expect(holders?.spans[0]).toMatch(/^One author has claimed/);
    expect(holders?.spans[1]).toMatch(/^Some authors claim.*many others$/);
    const outcome = [
      seedSentence(SEEDS.later, "The countries' economic relationship dwindled"),
      seedSentence(SEEDS.dump, 'Cooperation ended in 1933'),
    ];
    const ended = claimChange(outcome[0]!, outcome[1]!, 'en');
    expect(ended?.shift).toBe('outcome');
    expect(ended?.spans[0]).toContain('dwindled');
    expect(ended?.spans[1]).toContain('ended');
    const kaunas = [SEEDS.later, SEEDS.plain].map((f) => seedSentence(f, 'On May 25, 1940, after several'));
    expect(claimChange(kaunas[0]!, kaunas[1]!, 'en')).toMatchObject({
      shift: 'modality',
      spans: ['soldiers had allegedly disappeared from', 'soldiers had disappeared from'],
    });
  });

  it('is found in a negation, a modal, a reported claim and another language', () => {
    expect(claimChange('Stalin may have sought a war in Europe.', 'Stalin sought a war in Europe.', 'en')?.shift).toBe(
      'modality',
    );
    expect(claimChange('The two states distrusted each other.', 'The two states distrusted one another.', 'en')).toBe(
      undefined,
    );
    // "Both" stresses, it does not count: the same two countries.
    expect(
      claimChange(
        'By 1919, both Germany and Russia were isolated.',
        'By 1919, Germany and Russia were isolated.',
        'en',
      ),
    ).toBe(undefined);
    expect(claimChange('Britain and France did not intervene.', 'Britain and France intervened.', 'en')?.shift).toBe(
      'negation',
    );
    expect(claimChange("Britain and France didn't intervene.", 'Britain and France did not intervene.', 'en')).toBe(
      undefined,
    );
    expect(
      claimChange('Molotov claimed that peace was near.', 'Molotov showed that peace was near.', 'en')?.shift,
    ).toBe('report');
    const de = claimChange(
      'Molotow stand Deutschland immer neutral gegenüber.',
      'Molotow stand Deutschland immer freundlich gegenüber.',
      'de',
    );
    expect(de?.shift).toBe('stance');
    expect(
      claimChange(
        'Einige Historiker meinen, der Pakt sei defensiv.',
        'Viele Historiker meinen, der Pakt sei defensiv.',
        'de',
      )?.shift,
    ).toBe('quantity');
  });

  it('is not a paraphrase: synonyms, tense, articles, asides, an added clause, a hedge worded otherwise', () => {
    const pairs: [string, string][] = [
      [SEEDS.later, SEEDS.dump].map((f) => seedSentence(f, 'From the outset, both states sought')) as [string, string],
      [
        seedSentence(SEEDS.later, 'Few questions concerning the causes'),
        seedSentence(SEEDS.dump, 'Few questions concerning the origins'),
      ],
      [
        seedSentence(SEEDS.later, 'The turn towards Germany could also have been made'),
        seedSentence(SEEDS.dump, 'The turn towards Germany could also be made'),
      ],
      [
        seedSentence(SEEDS.later, 'However, perhaps Moscow sought'),
        seedSentence(SEEDS.dump, 'However, it might well be the case'),
      ],
      [
        'Germans were mostly (albeit not completely) deported from the region.',
        'Germans were mostly deported from the region.',
      ],
      [
        'Maxim Litvinov considered Nazi Germany to be the greatest threat to the Soviet Union.',
        'Maxim Litvinov perceived Nazi Germany as the greatest threat.',
      ],
    ];
    const canal = (file: string) => readFileSync(path.join(FIXTURES, 'canal', file), 'utf8');
    const links = (text: string) => sentenceOf(text, 'The Grand Meridian Canal is a fictional');
    pairs.push([links(canal('canal-2012.wiki')), links(canal('canal-plain.txt'))]);
    for (const [a, b] of pairs) expect(claimChange(a, b, 'en'), `${a} / ${b}`).toBe(undefined);
  });

  it('reads no operator in a name or a month ("May 25")', () => {
    const a = 'On May 25, 1940, several soldiers had allegedly disappeared.';
    expect(claimChange(a, 'On May 25, 1940, several soldiers had disappeared.', 'en')?.shift).toBe('modality');
  });
});

describe('the seed guide', () => {
  const guide = seedGuide();
  const variants = guide.report.variants ?? [];
  const notes = guide.apparatus?.notes ?? [];

  it('shows a few rewordings that change a claim as notes, and keeps the paraphrases in the report', () => {
    const wording = variants.filter((v) => v.class === 'wording').length;
    const claims = notes.filter((n) => n.class === 'claim' && /^Sources differ/.test(n.text));
    expect(claims.length).toBeGreaterThanOrEqual(3);
    // A note on every rewording would bury the reader: the paraphrases stay many times more.
    expect(wording).toBeGreaterThan(10 * claims.length);
    // The 2008 reading also adds Molotov's post, which no other reading states: the note quotes it whole.
    const molotov = notes.find((n) => n.class === 'claim' && n.text.includes('sympathetic'));
    expect(molotov?.text).toMatch(/reads “.*Chairman of the Council.*always been sympathetic towards Germany/);
  });

  it('asks about a claim the sources make differently, with every reading, never as settled', () => {
    const ctx = makeContext(guide);
    const asked = disagreementQuestions(ctx).filter((q) => /same claim/.test(q.question));
    expect(asked.length).toBeGreaterThan(0);
    for (const q of asked) {
      const note = notes.find((n) => n.block === q.block && n.readings[0]!.text === q.quote)!;
      expect(note.class).toBe('claim');
      // Every source of the note is named in the answer.
      for (const r of note.readings) for (const p of r.sources) expect(q.answer).toContain(sourceName(guide, p.source));
      expect(q.answer).toContain(' against ');
    }
  });
});

function sourceName(guide: ReturnType<typeof seedGuide>, id: string): string {
  const s = guide.sources.find((x) => x.id === id)!;
  return (s.label ?? s.title ?? s.id).replace(/\s*[(,:;].*$/, '').trim() || s.id;
}

describe('two renditions of a German article', () => {
  const first = [
    '# Beziehungen zwischen Norvanien und Estmark',
    '',
    '## Frühe Kontakte',
    '',
    'Zwischen 1870 und 1872 belastete ein Grenzstreit die Beziehungen. Einige Historiker halten den Streit für ' +
      'einen Vorwand der Regierung. Der Botschafter Jonas Feld stand dem Abkommen stets wohlwollend gegenüber.',
  ].join('\n');
  const second = [
    '# Beziehungen zwischen Norvanien und Estmark',
    '',
    '## Frühe Kontakte',
    '',
    'Zwischen 1870 und 1872 belastete ein Streit um die Grenze die Beziehungen. Viele Historiker halten den ' +
      'Streit für einen Vorwand der Regierung. ' +
      'Der Botschafter Jonas Feld stand dem Abkommen stets feindlich gegenüber.',
  ].join('\n');
  const book = mergeSources([parseText(first, 'a.md', { priority: 2 }), parseText(second, 'b.md', { priority: 1 })], {
    ...TEST_META,
    language: 'de',
  });
  const variants = book.report.variants ?? [];

  it('notes how many hold a view and the stance, and keeps the reworded dispute in the report', () => {
    expect(variants.filter((v) => v.class === 'claim').map((v) => v.differs)).toEqual([
      ['Einige Historiker halten', 'Viele Historiker halten'],
      ['Abkommen stets wohlwollend gegenüber', 'Abkommen stets feindlich gegenüber'],
    ]);
    expect(variants.filter((v) => v.class === 'wording').map((v) => v.readings[0]!.text)).toEqual([
      'Zwischen 1870 und 1872 belastete ein Grenzstreit die Beziehungen.',
    ]);
    expect(book.apparatus?.notes.filter((n) => n.class === 'claim')).toHaveLength(2);
  });
});
