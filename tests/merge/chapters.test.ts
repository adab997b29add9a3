import { describe, expect, it } from 'vitest';
import { buildChapters } from '../../src/merge/chapters.js';
import { mergeSources } from '../../src/merge/index.js';
import { newSection, type WSection } from '../../src/merge/work.js';
import type { Book } from '../../src/model/index.js';
import { parseSeed, parseText, SEEDS, TEST_META } from '../support/content.js';

const at = (line: number) => ({ source: 'a', file: 'a.wiki', line });
function section(title: string, level: number, ...paragraphs: string[]): WSection {
  const s = newSection(title, level, at(level));
  for (const text of paragraphs)
    s.blocks.push({ kind: 'paragraph', sentences: [{ text, refs: [], sources: [at(1)], priority: 1 }], sources: [] });
  s.contributors.add('a');
  return s;
}

describe('chapters from the working outline', () => {
  const lead = section('', 1, 'Lead text.');
  const history = section('History', 2, 'Old.');
  const early = section('Early years', 3, 'Early.', 'More.');
  const empty = section('Empty', 3);
  const again = section('History', 2, 'Again.');
  const refs = section('References', 2, 'A book.');
  const links = section('External links', 2);
  const built = buildChapters([lead, history, early, empty, again, refs, links], new Map(), 1);

  it('opens with the lead as "Introduction" and makes each top-level section a chapter', () => {
    expect(built.chapters.map((c) => [c.id, c.title])).toEqual([
      ['introduction', 'Introduction'],
      ['history', 'History'],
      ['history-2', 'History'],
    ]);
    expect(built.chapters[1]!.sections.map((s) => [s.id, s.level])).toEqual([
      ['history-intro', 2],
      ['early-years', 3],
    ]);
  });

  it('numbers blocks within their section', () => {
    expect(built.chapters[1]!.sections[1]!.blocks.map((b) => b.id)).toEqual(['early-years-1', 'early-years-2']);
    expect(built.blockId.get(early.blocks[1]!)).toBe('early-years-2');
  });

  it('puts apparatus in back matter and leaves out what has no text, with a warning', () => {
    expect(built.backMatter.map((m) => m.id)).toEqual(['references']);
    expect(built.sectionId.has(empty)).toBe(false);
    expect(built.sectionId.has(links)).toBe(false);
    expect(built.warnings.map((w) => w.message)).toEqual([
      'section "Empty" has no text in any source and was left out',
      '"External links" has no entries of its own and was left out',
    ]);
  });

  it('gives each working section the id of what it became', () => {
    expect([lead, history, early, again, refs].map((s) => built.sectionId.get(s))).toEqual([
      'introduction',
      'history',
      'early-years',
      'history-2',
      'references',
    ]);
  });
});

function allIds(book: Book): string[] {
  return [
    ...book.chapters.flatMap((c) => [
      c.id,
      ...c.sections.flatMap((s) => [s.id, ...s.blocks.map((b) => b.id), ...s.keyPoints.map((k) => k.id)]),
    ]),
    ...book.backMatter.flatMap((m) => [m.id, ...m.blocks.map((b) => b.id)]),
  ];
}

describe('ids of merged books', () => {
  it('are unique across chapters, sections, blocks, key points and back matter', () => {
    const seeds = mergeSources(
      [parseSeed(SEEDS.later, 4), parseSeed(SEEDS.plain, 3), parseSeed(SEEDS.dump, 2), parseSeed(SEEDS.key, 1)],
      TEST_META,
    );
    const repeated = mergeSources(
      [
        parseText(
          '= A =\nLead.\n\n== Notes ==\nOne.\n\n== Notes ==\nTwo.\n\n== B ==\nThree.\n\n== B ==\nFour.',
          'r.wiki',
        ),
      ],
      TEST_META,
    );
    for (const book of [seeds, repeated]) {
      const ids = allIds(book);
      expect(ids.length).toBeGreaterThan(5);
      expect(new Set(ids).size).toBe(ids.length);
    }
    expect(repeated.chapters.map((c) => c.id)).toEqual(['introduction', 'b', 'b-2']);
    expect(repeated.backMatter.map((m) => m.id)).toEqual(['notes', 'notes-2']);
  });
});

describe('back matter by its place in the outline (a made-up article)', () => {
  const article = [
    'Norvik is a harbour town on the northern coast.',
    '== Culture ==',
    'The town keeps its own theatre and two choirs.',
    '=== Literature ===',
    'The poet [[Mira Voss]] wrote her first book in Norvik in 1881.',
    '== Bibliography ==',
    '=== Novels ===',
    '* The Long Quay (1990)',
    '=== Essays ===',
    '* Salt and Stone (1994)',
    '== External links ==',
    '* [https://example.org Norvik]',
  ].join('\n\n');
  const book = mergeSources([parseText(article, 'norvik.wiki')], TEST_META);
  const sections = book.chapters.flatMap((c) => c.sections.map((s) => s.title));

  it('keeps a subsection of prose under a back-matter title in its chapter', () => {
    expect(book.chapters.find((c) => c.title === 'Culture')!.sections.map((s) => s.title)).toContain('Literature');
    expect(book.backMatter.map((m) => m.title)).not.toContain('Literature');
  });

  it('puts the subsections of a back-matter chapter in the back matter, not in the chapter before', () => {
    expect(sections).not.toContain('Novels');
    expect(book.backMatter.map((m) => m.title)).toEqual(['Novels', 'Essays', 'External links']);
    expect(book.report.warnings.filter((w) => /Bibliography/.test(w.message))).toEqual([]);
  });
});

describe('back matter in an article whose headings are all of the third level (made up)', () => {
  const article = [
    'Norvik is a harbour town on the northern coast.',
    '=== History ===',
    'The town was founded by fishermen.',
    '=== References ===',
    '* Lund, Jon. The Harbours. 1990.',
    '=== External links ===',
    '* [https://example.org Norvik]',
  ].join('\n\n');
  const book = mergeSources([parseText(article, 'norvik.wiki')], TEST_META);

  it('puts its references and links in the back matter', () => {
    expect(book.backMatter.map((m) => m.title)).toEqual(['References', 'External links']);
  });
});
