/**
 * Lists inside list items (wikitext `**`, Markdown indented items) stay nested from the source to the page,
 * and a numbered list stays numbered: an island's two states under the island, not three peers beside it.
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, ElementContent } from 'hast';
import type { List } from 'mdast';
import { describe, expect, it } from 'vitest';
import { mergeSources } from '../../src/merge/index.js';
import { allBlocks } from '../../src/model/index.js';
import { parseText, TEST_META } from '../support/content.js';
import { builtPage } from '../support/cli.js';

const WIKI = [
  "The '''Vell Isles''' lie north of the strait.",
  '',
  '== Territories ==',
  'The isles hold these territories.',
  '* Vell',
  '** Upper Vell',
  '** Lower Vell',
  '*** Lower Vell harbour',
  '* Sund',
  '',
  '== Crossings ==',
  'The ferry calls in this order.',
  '# Vellmouth',
  '# Sundhaven',
  '# Oreby',
  '## Oreby north pier',
  '## Oreby south pier',
  '',
].join('\n');

/** A list node's items as [text, nested items] pairs. */
type Item = [string, Item[]];
type Shape = Item[];
const shapeOf = (list: List): Shape =>
  list.children.map((item) => [
    item.children
      .filter((c) => c.type === 'paragraph')
      .flatMap((p) => p.children.map((c) => ('value' in c ? c.value : '')))
      .join(''),
    item.children.flatMap((c) => (c.type === 'list' ? shapeOf(c) : [])),
  ]);

const EXPECTED: Shape = [
  [
    'Vell',
    [
      ['Upper Vell', []],
      ['Lower Vell', [['Lower Vell harbour', []]]],
    ],
  ],
  ['Sund', []],
];

describe('nested and numbered lists', () => {
  it('keeps wikitext nesting and numbering in the book, items in reading order', () => {
    const book = mergeSources([parseText(WIKI, 'isles.wiki')], TEST_META);
    const lists = allBlocks(book).filter((b) => b.kind === 'list');
    expect(lists).toHaveLength(2);
    expect(shapeOf(lists[0]!.node as List)).toEqual(EXPECTED);
    expect(lists[0]!.sentences).toEqual(['Vell', 'Upper Vell', 'Lower Vell', 'Lower Vell harbour', 'Sund']);
    expect((lists[0]!.node as List).ordered).toBe(false);
    expect((lists[1]!.node as List).ordered).toBe(true);
    expect(shapeOf(lists[1]!.node as List).map(([t]) => t)).toEqual(['Vellmouth', 'Sundhaven', 'Oreby']);
    // A numbered list inside a numbered item is numbered too.
    const piers = (lists[1]!.node as List).children[2]!.children[1];
    expect(piers?.type === 'list' && [piers.ordered, piers.children.length]).toEqual([true, 2]);
  });

  it('keeps Markdown nesting the same way, without a warning', () => {
    const md = [
      '# Territories',
      '',
      'The isles hold these territories.',
      '',
      '- Vell',
      '  - Upper Vell',
      '  - Lower Vell',
      '    - Lower Vell harbour',
      '- Sund',
      '',
    ].join('\n');
    const source = parseText(md, 'isles.md');
    expect(source.warnings).toEqual([]);
    const book = mergeSources([source], TEST_META);
    expect(shapeOf(allBlocks(book).find((b) => b.kind === 'list')!.node as List)).toEqual(EXPECTED);
  });

  it('shows the nesting and the numbers on the web page', async () => {
    const tree = fromHtml(await builtPage({ 'isles.wiki': WIKI }));
    const elements: Element[] = [];
    const walk = (n: { children?: ElementContent[] }) =>
      n.children?.forEach((c) => {
        if (c.type === 'element') {
          elements.push(c);
          walk(c);
        }
      });
    walk(tree as { children?: ElementContent[] });
    const text = (n: ElementContent): string =>
      n.type === 'text' ? n.value : n.type === 'element' ? n.children.map(text).join('') : '';
    const itemsOf = (list: Element): Shape =>
      list.children
        .filter((c): c is Element => c.type === 'element' && c.tagName === 'li')
        .map((li) => {
          const inner = li.children.find((c): c is Element => c.type === 'element' && /^[ou]l$/.test(c.tagName));
          const own = li.children.filter((c) => c !== inner);
          return [own.map(text).join('').trim(), inner ? itemsOf(inner) : []];
        });
    const blocks = elements.filter((e) => String(e.properties.className ?? '').includes('list'));
    const lists = blocks.map((b) =>
      b.children.find((c): c is Element => c.type === 'element' && /^[ou]l$/.test(c.tagName))!,
    );
    expect(lists.map((l) => l.tagName)).toEqual(['ul', 'ol']);
    expect(itemsOf(lists[0]!)).toEqual(EXPECTED);
  });
});
