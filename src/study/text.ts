/** Walking the book's text for the study aids. */
import type { Block, Book, Chapter, Section } from '../model/index.js';

export interface BlockRef {
  chapter: Chapter;
  section: Section;
  block: Block;
}

/** Every block of the chapters, in reading order, with where it stands. */
export function blocksOf(book: Book): BlockRef[] {
  const out: BlockRef[] = [];
  for (const chapter of book.chapters)
    for (const section of chapter.sections) for (const block of section.blocks) out.push({ chapter, section, block });
  return out;
}

/** Where each block stands, by id. */
export function blockIndex(book: Book): Map<string, BlockRef> {
  return new Map(blocksOf(book).map((r) => [r.block.id, r]));
}
