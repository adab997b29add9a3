/**
 * Issue 17, item 8: inputs under the 8 MB limit that made a reader or the merge blow up on the landed code
 * (a 6.6 MB wikitext table did not finish in 300 s, a 7.3 MB GFM table reached the 4.3 GB heap limit,
 * Markdown list nesting took 228 s at depth 2,000, repetitive vocabulary made the merge quadratic).
 * Functional checks only (no timing assertions: `npm run bench` prints the growth exponents and peak
 * memory): each input is read, or refused with one clear line, within a generous timeout; the merge's
 * work per lookup is counted.
 */
import { describe, expect, it } from 'vitest';
import type { List } from 'mdast';
import { gfmTable, markdownNested, repetitive, wikiTable } from '../../bench/hostile-inputs.js';
import { MAX_CANDIDATES, SentenceIndex, splitSentences } from '../../src/merge/sentences.js';
import { QuireError } from '../../src/util/errors.js';
import { MAX_TABLE_ROWS } from '../../src/sources/wikitext.js';
import { MAX_KEPT_ROWS } from '../../src/sources/wiki/tables.js';
import { parseText } from '../support/content.js';

const LONG = 120_000;

describe('inputs that blew up a reader', () => {
  it(
    'a 6.6 MB wikitext table is read: its first rows kept, the rest dropped with a warning, the prose kept',
    () => {
      const text = wikiTable(100_000);
      expect(text.length).toBeGreaterThan(6_600_000);
      const source = parseText(text, 'table.wiki', { format: 'wikitext' });
      expect(source.warnings.map((w) => [w.rule, w.line])).toEqual([['truncated-table', 6]]);
      const table = source.tree.children.find((n) => n.type === 'table');
      expect(table?.type === 'table' && table.children.length).toBe(MAX_KEPT_ROWS + 1);
      const prose = source.tree.children.filter((n) => n.type === 'paragraph');
      expect(prose.map((p) => p.position?.start.line)).toEqual([5, 200_010]);
    },
    LONG,
  );

  it('a wikitext table the scan cannot pair is refused before the parse when it is huge, with file and line', () => {
    // A lone `{` in a cell stops the scan that finds tables: the rows would reach the parser.
    const text = wikiTable(MAX_TABLE_ROWS + 10).replace('| cell 5 ||', '| cell { 5 ||');
    let error: unknown;
    try {
      parseText(text, 'table.wiki', { format: 'wikitext' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QuireError);
    expect((error as QuireError).oneLine()).toBe(
      `table.wiki:6:1: a table of more than ${MAX_TABLE_ROWS} rows — split the table into smaller ones`,
    );
  });

  it(
    'a 7.3 MB GFM table is read: the table dropped with a warning, the prose around it kept',
    () => {
      const text = gfmTable(130_000);
      expect(text.length).toBeGreaterThan(7_300_000);
      const source = parseText(text, 'table.md', { format: 'markdown' });
      expect(source.warnings.map((w) => [w.rule, w.line])).toEqual([['dropped-table', 7]]);
      const prose = source.tree.children.filter((n) => n.type === 'paragraph');
      expect(prose.map((p) => p.position?.start.line)).toEqual([5, 130_010]);
    },
    LONG,
  );

  it(
    'a Markdown list nested 2,000 deep is read: every item kept, the deep levels flattened with a warning',
    () => {
      const source = parseText(markdownNested(2000), 'deep.md', { format: 'markdown' });
      expect(source.warnings.map((w) => w.rule)).toEqual(['flattened-nesting']);
      const list = source.tree.children.find((n) => n.type === 'list');
      // Nested as deep as the indentation kept allows, every item in it.
      const count = (l: List): number =>
        l.children.reduce(
          (n, item) => n + 1 + item.children.reduce((m, c) => m + (c.type === 'list' ? count(c) : 0), 0),
          0,
        );
      expect(list?.type === 'list' && count(list)).toBe(2000);
    },
    LONG,
  );
});

describe('the merge on repetitive vocabulary', () => {
  it('compares each sentence with a bounded number of others', () => {
    const sentences = repetitive(12_000)
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .flatMap((p) => splitSentences([{ type: 'text', value: p }]).map((s) => s.text));
    const index = new SentenceIndex<number>();
    for (const [i, s] of sentences.entries()) {
      index.best(s);
      index.add(s, i);
    }
    expect(sentences.length).toBe(12_000);
    // On the landed code every sentence was compared with every earlier one: ~72 million comparisons.
    expect(index.compared).toBeLessThanOrEqual(sentences.length * MAX_CANDIDATES);
    expect(index.compared).toBeGreaterThan(sentences.length);
  });
});
