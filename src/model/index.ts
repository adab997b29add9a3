/**
 * The one data model that flows through Quire:
 *   content files ──read──▶ Source[] ──merge──▶ Book ──study──▶ StudyGuide ──render──▶ outputs
 * Every stage takes these types and returns new values; no stage reaches back to the files.
 * The types are inferred from the zod schemas in schema.ts, the one place they are defined.
 */
import type { PhrasingContent } from 'mdast';
import type { Block, Book } from './schema.js';

export * from './schema.js';

/** Every block of the book in reading order. */
export function allBlocks(book: Book): Block[] {
  return book.chapters.flatMap((c) => c.sections.flatMap((s) => s.blocks));
}

export type { PhrasingContent };
