/** Walking the book's text for the study aids. */
import type { Block, Book, Chapter, Section } from '../model/index.js';
import type { Emphasis } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

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

export const NO_TITLES: readonly string[] = [];

/**
 * The texts a block sets in italics with a capital: in Wikipedia's style the titles of works ("Eat, Pray,
 * Love", "Big Magic"), and names of ships and foreign terms.
 */
export function italicTitles(node: Block['node']): readonly string[] {
  const out: string[] = [];
  visit(node, 'emphasis', (e: Emphasis) => {
    const text = toString(e).trim();
    if (/^\p{Lu}/u.test(text)) out.push(text);
  });
  return out.length ? out : NO_TITLES;
}

/** Where `titles` stand in `text`: [start, end) ranges. */
export function titleRanges(text: string, titles: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  for (const title of titles)
    for (let at = text.indexOf(title); at >= 0; at = text.indexOf(title, at + title.length))
      out.push([at, at + title.length]);
  return out;
}
