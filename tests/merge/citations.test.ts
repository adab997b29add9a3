import { describe, expect, it } from 'vitest';
import { mergeSources } from '../../src/merge/index.js';
import { citationTable, numberCitations, refsInReadingOrder, unattachedCitations } from '../../src/merge/citations.js';
import { newSection, qualify, type WSection } from '../../src/merge/work.js';
import type { Book, Source } from '../../src/model/index.js';
import { parseSeed, SEEDS, TEST_META } from '../support/content.js';

const source = (id: string, citations: Source['citations']): Source => ({
  info: { id, file: `${id}.wiki`, format: 'wikitext', role: 'text', readerLabel: 'MediaWiki wikitext', priority: 1 },
  tree: { type: 'root', children: [] },
  citations,
  warnings: [],
});

describe('citation numbering', () => {
  const a = source('a', [
    { key: 'x', text: 'Note X', line: 3 },
    { key: 'y', text: 'Note Y', line: 4 },
    { key: 'bare', text: '', line: 5 },
  ]);
  const b = source('b', [{ key: 'x', text: 'Other X', line: 9 }]);
  const table = citationTable([a, b]);

  it('numbers notes by first use, one note per source-local key, skipping keys without text', () => {
    const refs = [qualify(b, 'x'), qualify(a, 'bare'), qualify(a, 'x'), qualify(b, 'x'), qualify(a, 'nowhere')];
    const { citations, idOf } = numberCitations(table, refs);
    expect(citations).toEqual([
      { id: 'note-1', number: 1, text: 'Other X', sources: [{ source: 'b', file: 'b.wiki', line: 9 }] },
      { id: 'note-2', number: 2, text: 'Note X', sources: [{ source: 'a', file: 'a.wiki', line: 3 }] },
    ]);
    expect(idOf.get(qualify(a, 'x'))).toBe('note-2');
    expect(idOf.has(qualify(a, 'bare'))).toBe(false);
  });

  it('lists the citations no sentence uses, in source order', () => {
    const { idOf } = numberCitations(table, [qualify(a, 'x')]);
    expect(unattachedCitations(table, idOf).map((u) => `${u.source.source}:${u.key}`)).toEqual(['a:y', 'b:x']);
  });

  it('reads the keys section by section, block by block, sentence by sentence', () => {
    const sentence = (...refs: string[]) => ({ text: 't', refs, sources: [], priority: 1 });
    const one: WSection = newSection('One', 2, { source: 'a', file: 'a', line: 1 });
    const two: WSection = newSection('Two', 2, { source: 'a', file: 'a', line: 2 });
    one.blocks.push({ kind: 'paragraph', sentences: [sentence('1', '2'), sentence('3')], sources: [] });
    one.blocks.push({ kind: 'list', sentences: [sentence('4')], sources: [] });
    two.blocks.push({ kind: 'paragraph', sentences: [sentence('5')], sources: [] });
    expect([...refsInReadingOrder([one, two])]).toEqual(['1', '2', '3', '4', '5']);
  });
});

/** Note ids in the order the book's text uses them: chapters, then back matter. */
function notesInReadingOrder(book: Book): string[] {
  const ids: string[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; identifier?: string; children?: unknown[] };
    if (n.type === 'footnoteReference' && !ids.includes(n.identifier!)) ids.push(n.identifier!);
    n.children?.forEach(visit);
  };
  for (const c of book.chapters) for (const s of c.sections) for (const b of s.blocks) visit(b.node);
  for (const m of book.backMatter) for (const b of m.blocks) visit(b.node);
  return ids;
}

describe('citations of the merged seeds', () => {
  const sources = [parseSeed(SEEDS.later, 4), parseSeed(SEEDS.plain, 3), parseSeed(SEEDS.dump, 2)];
  const book = mergeSources(sources, TEST_META);

  it('are numbered in the order the book first cites them, and every note is cited', () => {
    expect(book.citations.length).toBeGreaterThan(100);
    // Citations and variant notes share one numbering, 1, 2, 3… in reading order.
    const notes = [...book.citations, ...(book.apparatus?.notes ?? [])].sort((x, y) => x.number - y.number);
    expect(notesInReadingOrder(book)).toEqual(notes.map((c) => c.id));
    expect(notes.map((c) => c.number)).toEqual(notes.map((_, i) => i + 1));
    expect(notes.map((c) => c.id)).toEqual(notes.map((c) => `note-${c.number}`));
  });
});
