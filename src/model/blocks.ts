/**
 * Block nodes by kind: which mdast nodes are blocks of the book, what kind each is, and its units of text
 * (the sentences of prose, the rows of a table, the items of a list), for every stage that reads blocks
 * without caring how they are rendered.
 */
import type { PhrasingContent, RootContent, TableRow } from 'mdast';
import type { BlockKind, BlockNode } from './schema.js';

/** The kind of a block node, or undefined for a node that is not a block of the book (a heading, html…). */
export function blockKindOf(node: RootContent): BlockKind | undefined {
  switch (node.type) {
    case 'paragraph':
      return node.data?.figure ? 'figure' : 'paragraph';
    case 'list':
      return 'list';
    case 'table':
      return 'table';
    case 'blockquote':
      return 'quote';
    case 'code':
      return 'code';
    case 'defList':
      return 'definitions';
    case 'math':
      return 'math';
    default:
      return undefined;
  }
}

export const isBlockNode = (node: RootContent): node is BlockNode => blockKindOf(node) !== undefined;

/** Whether the merge treats blocks of this kind as one unit (placed whole, never fused into). */
export const isAtomic = (kind: BlockKind) => kind !== 'paragraph' && kind !== 'list';

/** The plain text of phrasing content, citations left out; math as its source. */
export function phrasingText(nodes: readonly PhrasingContent[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'inlineMath') out += node.value;
    else if (node.type === 'break') out += ' ';
    else if (node.type === 'image') out += node.alt ?? '';
    else if ('children' in node) out += phrasingText(node.children as PhrasingContent[]);
  }
  return out;
}

const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();

const rowText = (row: TableRow) =>
  row.children
    .map((cell) => tidy(phrasingText(cell.children)))
    .filter(Boolean)
    .join(' | ');

/**
 * The text units of a block node, in reading order: a table's rows, a quotation's paragraphs and items,
 * the lines of a definition list, the whole of code, math or a figure's caption and alt text.
 * (Prose blocks are cut into sentences by the merge, which knows the language.)
 */
export function textUnits(node: BlockNode): string[] {
  switch (node.type) {
    case 'table':
      return [...(node.data?.caption ? [tidy(node.data.caption)] : []), ...node.children.map(rowText)].filter(Boolean);
    case 'blockquote': {
      const units = node.children.flatMap((c) =>
        c.type === 'paragraph' || c.type === 'list' || c.type === 'table' ? textUnits(c) : [],
      );
      const by = node.data?.attribution ? [`— ${tidy(node.data.attribution)}`] : [];
      return [...units, ...by].filter(Boolean);
    }
    case 'list':
      // An item, then the items of the lists inside it.
      return node.children
        .flatMap((item) => [
          tidy(item.children.map((c) => (c.type === 'paragraph' ? phrasingText(c.children) : '')).join(' ')),
          ...item.children.flatMap((c) => (c.type === 'list' ? textUnits(c) : [])),
        ])
        .filter(Boolean);
    case 'defList':
      return node.children.map((c) => tidy(phrasingText(c.children))).filter(Boolean);
    case 'code':
    case 'math':
      return node.value.trim() ? [node.value.trim()] : [];
    case 'paragraph': {
      const caption = node.data?.caption ? tidy(node.data.caption) : '';
      const text = tidy(phrasingText(node.children));
      const image = node.children.find((c) => c.type === 'image');
      return [caption || text || (image?.url.split('/').pop() ?? '')].filter(Boolean);
    }
  }
}
