/**
 * `; Term` on a line of its own, with no `:` description after it, is MediaWiki's bold pseudo-heading ("; Комментарии"
 * over a notes list): a bold paragraph, never a definition list that ends with a term (an EPUB reader's XHTML
 * requires a description after the last term; epubcheck refused the book).
 */
import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import { readWikitext } from '../../src/sources/wikitext.js';

const read = (text: string) => readWikitext({ text, file: 'a.wiki', format: 'wikitext' }).tree.children;

describe('a term with no description', () => {
  it('is a bold paragraph', () => {
    const blocks = read('== Примечания ==\n; Комментарии\n{{примечания|group=К}}\n; Источники\n{{примечания}}');
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'paragraph']);
    expect(
      blocks.slice(1).map((b) => [(b as { children: { type: string }[] }).children[0]!.type, toString(b)]),
    ).toEqual([
      ['strong', 'Комментарии'],
      ['strong', 'Источники'],
    ]);
  });

  it('after a list’s last description, leaves the list ending with its description', () => {
    const blocks = read('; Quay\n: A landing place.\n; Neap\nAfter the list, prose.');
    expect(blocks.map((b) => b.type)).toEqual(['defList', 'paragraph', 'paragraph']);
    const list = blocks[0] as { children: { type: string }[] };
    expect(list.children.at(-1)!.type).toBe('defListDescription');
  });

  it('shares the description that follows it with the term after it, as a list', () => {
    const blocks = read('; Ebb\n; Low water\n: The falling tide.');
    expect(blocks.map((b) => b.type)).toEqual(['defList']);
  });
});
