/**
 * Issue 19: the merge stays near-linear. Its comparisons — sentences of the book compared with each
 * sentence looked up in the index, pairs of sections scored by the alignment — are counted (never timed)
 * at the hostile inputs of `npm run bench` (1× and 4×: 2,000 and 8,000 sentences in two renditions).
 * Four times the input may cost at most a quarter more than four times the work. A lookup that compared
 * every sentence with every earlier one, or with a window still growing at these sizes (4,096 sentences,
 * as before), does ten to sixteen times the work at four times the input.
 */
import { describe, expect, it } from 'vitest';
import { prose, repetitive } from '../../bench/hostile-inputs.js';
import { mergeSources, type MergeWork } from '../../src/merge/index.js';
import type { Book, Source } from '../../src/model/index.js';
import { parseText, TEST_META } from '../support/content.js';

/** Four times the input: at most this many times the work (linear is 4). */
const GROWTH = 5;
const LONG = 120_000;

/** A Markdown text and a second rendition of it, every word of four letters or more inflected (as the bench). */
function merged(text: string): { work: MergeWork; book: Book } {
  const sources: Source[] = [
    parseText(text, 'a.md', { priority: 2 }),
    parseText(text.replace(/\b(\p{L}{4,})\b/gu, '$1s'), 'b.md', { priority: 1 }),
  ];
  const work: MergeWork = { sentences: 0, sections: 0 };
  const book = mergeSources(sources, TEST_META, { work });
  return { work, book };
}

const sentenceCount = (book: Book) =>
  book.chapters
    .flatMap((c) => c.sections)
    .reduce((n, s) => n + s.blocks.reduce((k, b) => k + b.sentences.length, 0), 0);

describe('the merge’s work grows linearly with its sources', () => {
  const cases: [string, (sentences: number) => string][] = [
    ['prose drawn from a small vocabulary (every sentence shares most words with many)', repetitive],
    ['prose of distinct words around a few words every sentence has', prose],
  ];
  for (const [name, text] of cases) {
    it(
      name,
      () => {
        const one = merged(text(2000));
        const four = merged(text(8000));
        // The merge did the work: four times the sentences reached the book, each compared with others.
        expect(sentenceCount(four.book)).toBeGreaterThan(3.5 * sentenceCount(one.book));
        expect(one.work.sentences).toBeGreaterThan(sentenceCount(one.book));
        expect(four.work.sentences).toBeLessThanOrEqual(GROWTH * one.work.sentences);
        expect(one.work.sections).toBeGreaterThan(0);
        expect(four.work.sections).toBeLessThanOrEqual(GROWTH * one.work.sections);
      },
      LONG,
    );
  }
});
