import { describe, expect, it } from 'vitest';
import { mergeSources } from '../../src/merge/index.js';
import { allBlocks, type BookMeta } from '../../src/model.js';
import { parseSeed, parseText, SEEDS } from '../support/content.js';
import { headingSimilarity } from '../../src/merge/sections.js';
import { splitSentences } from '../../src/merge/sentences.js';

const meta: BookMeta = {
  title: 'T',
  language: 'en',
  author: 'A',
  description: 'D',
  attribution: 'X',
  license: { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' },
  edition: { number: 1, date: '2026-01-01' },
};

describe('merge of the four seeds', () => {
  const sources = [parseSeed(SEEDS.later, 4), parseSeed(SEEDS.plain, 3), parseSeed(SEEDS.dump, 2), parseSeed(SEEDS.key, 1)];
  const book = mergeSources(sources, meta);
  const titles = book.chapters.map((c) => c.title);

  it('has each chapter once, in the preferred source’s order, the lead first', () => {
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles).toEqual([
      'Introduction',
      'The Soviet Union and Weimar Germany',
      'Nazi Germany and the Soviet Union before World War II',
      'Molotov–Ribbentrop Pact',
      'World War II',
      'Volksdeutsche in the Soviet Union',
      'Aftermath',
      'Soviet ambassadors (chargés) to Berlin',
      'German ambassadors to Moscow',
    ]);
  });

  it('keeps ids and section titles unique and leaves no section empty', () => {
    const ids = book.chapters.flatMap((c) => [c.id, ...c.sections.map((s) => s.id), ...c.sections.flatMap((s) => s.blocks.map((b) => b.id))]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of book.chapters) {
      const sectionTitles = c.sections.filter((s) => s.level > 2).map((s) => s.title);
      expect(new Set(sectionTitles).size).toBe(sectionTitles.length);
      for (const s of c.sections) expect(s.blocks.length + s.keyPoints.length).toBeGreaterThan(0);
    }
  });

  it('aligns renamed headings instead of duplicating them', () => {
    const all = book.chapters.flatMap((c) => c.sections.map((s) => s.title));
    expect(all).toContain('Revolution and end of World War I');
    expect(all).not.toContain('Revolution, end of World War I');
    expect(all).toContain('Third Period');
    expect(all).not.toContain('The "Third Period"');
    expect(titles).not.toContain('Soviet Russia and Weimar Germany');
  });

  it('records which sources carry each block, with lines', () => {
    const blocks = allBlocks(book);
    const brest = blocks.find((b) => b.text.includes('The Treaty of Brest-Litovsk, dictated by Germany'))!;
    expect(brest.sources.map((p) => p.source).sort()).toEqual(['2008-revision-with-citations', 'later-revision', 'plain-text-rendition']);
    expect(brest.sources.find((p) => p.source === 'later-revision')!.line).toBe(9);
    expect(blocks.every((b) => b.sources.length > 0)).toBe(true);
  });

  it('turns the 2008 refs into numbered notes attached to the merged sentences', () => {
    expect(book.citations.length).toBeGreaterThan(100);
    expect(book.citations.map((c) => c.number)).toEqual(book.citations.map((_, i) => i + 1));
    expect(book.citations[0]!.text).toBe('Full text in English: The Peace Treaty of Brest-Litovsk; March 3, 1918');
  });

  it('makes the cited key sentences key points of their sections', () => {
    const keyPoints = book.chapters.flatMap((c) => c.sections.flatMap((s) => s.keyPoints.map((k) => ({ section: s.title, text: k.text }))));
    expect(keyPoints.length).toBeGreaterThanOrEqual(25);
    const kopp = keyPoints.find((k) => k.text.startsWith('On July 19, 1920, Victor Kopp'))!;
    expect(kopp.section).toBe('Plans for Poland');
  });

  it('puts lists of further reading and links in back matter', () => {
    expect(book.backMatter.map((b) => b.title)).toEqual(expect.arrayContaining(['Further reading', 'External links', 'See also']));
  });
});

describe('merge of small fixtures', () => {
  const a = parseText(
    ['= City =', 'The city lies on a river. It has a cathedral.', '', '== History ==', 'It was founded in 1200 by monks.', '', '== Economy ==', 'Trade in wool made it rich.'].join('\n'),
    'a.wiki',
    { priority: 2 },
  );
  const b = parseText(
    [
      'City',
      '',
      'The city lies on a broad river. It has a cathedral.',
      '',
      'Economic life',
      '',
      'Trade in wool made the city rich. A railway arrived in 1850.',
      '',
      'The history of the town',
      '',
      'It was founded in 1200 by monks. A fire destroyed it in 1400.',
      '',
      'Sport',
      '',
      'The football club was founded in 1901.',
    ].join('\n'),
    'b.txt',
    { priority: 1 },
  );
  const book = mergeSources([a, b], meta);

  it('aligns reordered and renamed sections and adds a section only one source has', () => {
    // A section only one source has follows its predecessor in that source (History).
    expect(book.chapters.map((c) => c.title)).toEqual(['Introduction', 'History', 'Sport', 'Economy']);
  });

  it('folds near-duplicates and anchors new sentences after their neighbours', () => {
    const history = book.chapters[1]!.sections.flatMap((s) => s.blocks.map((x) => x.text));
    expect(history).toEqual(['It was founded in 1200 by monks.', 'A fire destroyed it in 1400.']);
    const economy = book.chapters[3]!.sections.flatMap((s) => s.blocks.map((x) => x.text));
    expect(economy).toEqual(['Trade in wool made it rich.', 'A railway arrived in 1850.']);
    const intro = book.chapters[0]!.sections.flatMap((s) => s.blocks.map((x) => x.text));
    expect(intro).toEqual(['The city lies on a river. It has a cathedral.']);
    expect(book.report.duplicates.map((d) => d.dropped)).toContain('The city lies on a broad river.');
  });
});

describe('sentence tools', () => {
  it('compares headings ignoring articles and punctuation', () => {
    expect(headingSimilarity("The 'Third Period'", 'Third Period')).toBe(1);
    expect(headingSimilarity('Revolution, end of World War I', 'Revolution and end of World War I')).toBe(1);
    expect(headingSimilarity('Trade', 'Spanish Civil War')).toBe(0);
  });

  it('splits sentences but not after initials or abbreviations, keeping citations', () => {
    const s = splitSentences([
      { type: 'text', value: 'Large, J. A. wrote it in 1978.' },
      { type: 'footnoteReference', identifier: 'r1' },
      { type: 'text', value: ' Mr. Smith agreed. The end.' },
    ]);
    expect(s).toEqual([
      { text: 'Large, J. A. wrote it in 1978.', refs: ['r1'] },
      { text: 'Mr. Smith agreed.', refs: [] },
      { text: 'The end.', refs: [] },
    ]);
  });
});
