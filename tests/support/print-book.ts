/**
 * What the print tests give renderPdf besides their own small books: the book's metadata (only the PDF's
 * info dictionary reads it) and a sentence long enough to wrap over lines.
 */
import type { BookMeta } from '../../src/model/index.js';

/** A book's metadata for a print test, under `title`. */
export const printMeta = (title: string) =>
  ({
    title,
    author: 'Quire',
    description: 'test',
    language: 'en',
    edition: { number: 1, date: '2026-01-01' },
  }) as unknown as BookMeta;

/** A sentence of long words (no trailing space). */
export const SENTENCE =
  'The international negotiations continued throughout the extraordinary conference, and representatives ' +
  'of both governments acknowledged considerable disagreements about the demilitarisation of the frontier.';
