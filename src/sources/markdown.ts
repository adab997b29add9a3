/**
 * Markdown reader: remark-parse gives mdast directly; the first `#` heading is the title.
 *
 * Before remark sees the text, two constructs on which it grows far faster than the text are taken out
 * (a cheap line scan, see `prepare`): GFM tables (micromark keeps ~64 events per row: a 7 MB table needed
 * over 4 GB) — they are not carried into the guide yet, so their lines are blanked and a `dropped-table`
 * warning given — and container nesting (lists, block quotes) deeper than `MAX_PREFIX` characters of
 * indentation, whose cost grows with the square of the depth: deeper lines are brought back to that
 * depth, so their text stays, flattened, with a warning. Nested list items are flattened into their
 * parent list (the merge reads a list as a flat run of items), with a warning.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { List, ListItem, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ReadInput, ReadResult } from './types.js';
import type { SourceCitation } from '../model/index.js';
import { Messages } from '../util/messages.js';

/** Container prefix (indentation and `>`) kept at most: some 30 levels of list or block quote. */
export const MAX_PREFIX = 64;
const PREFIX = /^[ \t>]*/;
const DELIMITER_ROW = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const FENCE = /^(`{3,}|~{3,})/;

function cellCount(row: string): number {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/).length;
}

/**
 * The text remark is given, and the lines of the tables taken out of it. Line numbers are kept: a table's
 * lines become their container prefix alone, a too-deep prefix is cut to `MAX_PREFIX` characters.
 */
export function prepare(text: string, messages: Messages): { text: string; tables: number[] } {
  const lines = text.split('\n');
  const tables: number[] = [];
  let fence: string | undefined;
  let deep = 0;
  for (let i = 0; i < lines.length; i++) {
    let prefix = PREFIX.exec(lines[i]!)![0];
    if (prefix.length > MAX_PREFIX) {
      if (!deep) deep = i + 1;
      lines[i] = prefix.slice(0, MAX_PREFIX) + lines[i]!.slice(prefix.length);
      prefix = prefix.slice(0, MAX_PREFIX);
    }
    const body = lines[i]!.slice(prefix.length);
    const marker = FENCE.exec(body)?.[1];
    if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence ? undefined : marker;
      continue;
    }
    if (fence || !body.includes('|') || i + 1 >= lines.length) continue;
    const next = lines[i + 1]!;
    const nextBody = next.slice(PREFIX.exec(next)![0].length);
    if (!nextBody.includes('|') || !DELIMITER_ROW.test(nextBody) || cellCount(nextBody) !== cellCount(body)) continue;
    tables.push(i + 1);
    let j = i;
    for (; j < lines.length; j++) {
      const row = lines[j]!;
      const rowPrefix = PREFIX.exec(row)![0].slice(0, MAX_PREFIX);
      const rowBody = row.slice(PREFIX.exec(row)![0].length);
      if (j > i + 1 && (!rowBody.trim() || !rowBody.includes('|'))) break;
      lines[j] = rowPrefix;
    }
    i = j - 1;
  }
  if (deep)
    messages.warn(
      'flattened-nesting',
      `lists or quotes nested deeper than ${MAX_PREFIX} characters of indentation: the deeper levels are flattened`,
      deep,
    );
  return { text: lines.join('\n'), tables };
}

/** A list whose nested lists' items follow the item holding them (depth first); the first nested list's line. */
function flatten(list: List): number | undefined {
  const items: ListItem[] = [];
  let nested: number | undefined;
  const walk = (l: List) => {
    for (const item of l.children) {
      const inner = item.children.filter((c): c is List => c.type === 'list');
      items.push(inner.length ? { ...item, children: item.children.filter((c) => c.type !== 'list') } : item);
      for (const sub of inner) {
        nested ??= sub.position?.start.line ?? 1;
        walk(sub);
      }
    }
  };
  walk(list);
  list.children = items;
  return nested;
}

export function readMarkdown(input: ReadInput): ReadResult {
  const messages = new Messages(input.file);
  const prepared = prepare(input.text, messages);
  const tree = unified().use(remarkParse).use(remarkGfm).parse(prepared.text) as Root;
  const citations: SourceCitation[] = [];
  let title: string | undefined;
  const kept: RootContent[] = [];
  const tables = prepared.tables;
  let t = 0;
  const tablesBefore = (line: number) => {
    for (; t < tables.length && tables[t]! < line; t++)
      messages.warn('dropped-table', 'table not carried into the guide', tables[t]);
  };
  for (const node of tree.children) {
    const line = node.position?.start.line;
    tablesBefore(line ?? Infinity);
    if (node.type === 'heading' && node.depth === 1 && title === undefined) {
      title = toString(node);
      continue;
    }
    if (node.type === 'footnoteDefinition') {
      citations.push({ key: node.identifier, text: toString(node), line: line ?? 1 });
      continue;
    }
    const nested = node.type === 'list' ? flatten(node) : undefined;
    if (nested) messages.warn('flattened-list', 'nested list flattened into its parent list', nested);
    if (node.type === 'heading' || node.type === 'paragraph' || node.type === 'list') kept.push(node);
    else if (node.type === 'blockquote') kept.push(...node.children.filter((c) => c.type === 'paragraph'));
    else if (node.type !== 'html' && node.type !== 'thematicBreak' && node.type !== 'definition')
      messages.warn(`dropped-${node.type}`, `${node.type} not carried into the guide`, line);
    else if (node.type === 'html') messages.warn('dropped-html', 'raw HTML removed', line);
  }
  tablesBefore(Infinity);
  return { tree: { type: 'root', children: kept }, citations, warnings: messages.warnings, title };
}
