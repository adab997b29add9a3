/**
 * Markdown reader: CommonMark with GitHub's extensions (remark-parse, remark-gfm) and `$$` math
 * (remark-math); the first `#` heading is the title. Paragraphs keep their phrasing (emphasis, links,
 * code, images), GFM tables, block quotes (a last line "— Author" is the attribution), code blocks and math
 * are blocks of the book, footnotes its notes, and a paragraph holding one image is a figure. Images come
 * only from the content folder: a remote image is left out with a warning (Quire fetches nothing), and
 * the content folder's reader (index.ts) checks that local ones exist.
 *
 * Before remark sees the text, two constructs on which it grows far faster than the text are taken out
 * (a cheap line scan, see `prepare`): GFM tables of more than `MAX_TABLE_ROWS` rows (micromark keeps ~64
 * events per row: a 7 MB table needed over 4 GB) — their lines are blanked with a `dropped-table` warning
 * — and container nesting (lists, block quotes) deeper than `MAX_PREFIX` characters of indentation, whose
 * cost grows with the square of the depth: deeper lines are brought back to that depth, so their text
 * stays, flattened, with a warning. Nested list items are flattened into their parent list (the merge
 * reads a list as a flat run of items), with a warning.
 */
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import type { Blockquote, Definition, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ReadInput, ReadResult } from './types.js';
import type { SourceCitation } from '../model/index.js';
import { Messages } from '../util/messages.js';

/** Container prefix (indentation and `>`) kept at most: some 30 levels of list or block quote. */
export const MAX_PREFIX = 64;
const PREFIX = /^[ \t>]*/;
const DELIMITER_ROW = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const FENCE = /^(`{3,}|~{3,})/;
/** GFM tables longer than this are left out (with a warning): remark's memory grows ~64 events per row. */
export const MAX_TABLE_ROWS = 5_000;

function cellCount(row: string): number {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/).length;
}

function isRow(line: string): boolean {
  const body = line.slice(PREFIX.exec(line)![0].length);
  return body.trim() !== '' && body.includes('|');
}

/**
 * The text remark is given, and the lines of the over-long tables taken out of it. Line numbers are kept: a table's
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
    let j = i + 2;
    while (j < lines.length && isRow(lines[j]!)) j++;
    if (j - i - 2 > MAX_TABLE_ROWS) {
      tables.push(i + 1);
      for (let k = i; k < j; k++) lines[k] = PREFIX.exec(lines[k]!)![0].slice(0, MAX_PREFIX);
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

export function readMarkdown(input: ReadInput): ReadResult {
  const messages = new Messages(input.file);
  const prepared = prepare(input.text, messages);
  const tree = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkMath, { singleDollarTextMath: false })
    .parse(prepared.text) as Root;
  const definitions = new Map<string, Definition>();
  for (const node of tree.children) if (node.type === 'definition') definitions.set(node.identifier, node);
  const reading: Reading = { messages, definitions, file: input.file };
  const citations: SourceCitation[] = [];
  let title: string | undefined;
  const kept: RootContent[] = [];
  const tables = prepared.tables;
  let t = 0;
  const tablesBefore = (line: number) => {
    for (; t < tables.length && tables[t]! < line; t++)
      messages.warn(
        'dropped-table',
        `table of more than ${MAX_TABLE_ROWS} rows not carried into the guide: split it into smaller tables`,
        tables[t],
      );
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
    kept.push(...blockOf(node, reading));
  }
  tablesBefore(Infinity);
  return { tree: { type: 'root', children: kept }, citations, warnings: messages.warnings, title };
}

interface Reading {
  messages: Messages;
  definitions: Map<string, Definition>;
  file: string;
}

/** One top-level node as the book's blocks (none when it carries nothing, with a warning when dropped). */
function blockOf(node: RootContent, r: Reading): RootContent[] {
  const line = node.position?.start.line;
  switch (node.type) {
    case 'heading':
      return [{ ...node, children: phrasing(node.children, r, line) }];
    case 'paragraph':
      return paragraph(node, r);
    case 'list':
      // Nested lists stay nested (the guide shows them so); `prepare` bounded how deep.
      for (const item of node.children) dropInItem(item, r);
      return [node];
    case 'blockquote':
      return [quote(node, r)];
    case 'table':
      for (const row of node.children)
        for (const cell of row.children) cell.children = phrasing(cell.children, r, line);
      return [node];
    case 'code':
      return [{ type: 'code', lang: node.lang, value: node.value, position: node.position }];
    case 'math':
      return [{ type: 'math', value: node.value, position: node.position }];
    case 'html':
      r.messages.warn('dropped-html', 'raw HTML removed', line);
      return [];
    case 'thematicBreak':
    case 'definition':
      return [];
    default:
      r.messages.warn(`dropped-${node.type}`, `${node.type} not carried into the guide`, line);
      return [];
  }
}

/** A paragraph; one holding a single image (and nothing else) is a figure, its title or alt text the caption. */
function paragraph(node: Paragraph, r: Reading): Paragraph[] {
  const line = node.position?.start.line;
  const children = phrasing(node.children, r, line);
  const visible = children.filter((c) => c.type !== 'text' || c.value.trim());
  if (visible.length === 1 && visible[0]!.type === 'image') {
    const image = visible[0]!;
    return [{ ...node, children: [image], data: { figure: true, caption: image.title ?? image.alt ?? undefined } }];
  }
  return children.length ? [{ ...node, children }] : [];
}

/** A block quote of paragraphs and lists; a last paragraph "— Author, Work" is its attribution. */
function quote(node: Blockquote, r: Reading): Blockquote {
  const children: Blockquote['children'] = [];
  const walk = (nodes: Blockquote['children']) => {
    for (const c of nodes) {
      if (c.type === 'blockquote') walk(c.children);
      else if (c.type === 'paragraph') children.push(...paragraph(c, r));
      else if (c.type === 'list' || c.type === 'code' || c.type === 'table')
        children.push(...(blockOf(c, r) as Blockquote['children']));
      else
        r.messages.warn(
          `dropped-${c.type}`,
          `${c.type} in a block quote not carried into the guide`,
          c.position?.start.line,
        );
    }
  };
  walk(node.children);
  const last = children.at(-1);
  const by = last?.type === 'paragraph' ? /^\s*(?:—|–|--|~)\s*(.+)$/s.exec(toString(last)) : null;
  if (by && children.length > 1) {
    children.pop();
    return { type: 'blockquote', children, position: node.position, data: { attribution: by[1]!.trim() } };
  }
  return { type: 'blockquote', children, position: node.position };
}

/** What a list item holds beyond paragraphs is not carried (the merge reads an item's paragraphs). */
function dropInItem(item: ListItem, r: Reading): void {
  for (const c of item.children) {
    if (c.type === 'paragraph') c.children = phrasing(c.children, r, c.position?.start.line);
    else if (c.type === 'list') for (const inner of c.children) dropInItem(inner, r);
    else
      r.messages.warn(
        `dropped-${c.type}`,
        `${c.type} inside a list item not carried into the guide`,
        c.position?.start.line,
      );
  }
}

/**
 * Phrasing as the book keeps it: references resolved to links and images through their definitions, images
 * addressed from the content folder (remote ones left out with a warning), raw HTML removed.
 */
function phrasing(children: PhrasingContent[], r: Reading, line: number | undefined): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const c of children) {
    const at = c.position?.start.line ?? line;
    if (c.type === 'linkReference') {
      const d = r.definitions.get(c.identifier);
      const inner = phrasing(c.children, r, at);
      out.push(...(d ? [{ type: 'link' as const, url: d.url, title: d.title, children: inner }] : inner));
    } else if (c.type === 'imageReference' || c.type === 'image') {
      const d = c.type === 'image' ? c : r.definitions.get(c.identifier);
      const image = d && localImage(d.url, c.alt ?? '', d.title, r, at);
      if (image) out.push(image);
    } else if (c.type === 'html') {
      r.messages.warn('dropped-html', 'raw HTML removed', at);
    } else if ('children' in c) {
      out.push({ ...c, children: phrasing(c.children as PhrasingContent[], r, at) } as PhrasingContent);
    } else out.push(c);
  }
  return out;
}

/** An image of the content folder, addressed from the folder's root; anything else is a warning. */
function localImage(
  url: string,
  alt: string,
  title: string | null | undefined,
  r: Reading,
  line: number | undefined,
): PhrasingContent | undefined {
  if (/^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//')) {
    r.messages.warn(
      'remote-image',
      `image "${url}" not carried: Quire fetches nothing from the network — ` +
        'save it in the content folder and link it by its path',
      line,
    );
    return undefined;
  }
  const decoded = safeDecode(url.split(/[?#]/)[0]!);
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(r.file.split(path.sep).join('/')), decoded));
  if (resolved.startsWith('../') || resolved === '..' || path.posix.isAbsolute(decoded)) {
    r.messages.warn('missing-image', `image "${url}" is outside the content folder: move it into the folder`, line);
    return undefined;
  }
  return { type: 'image', url: resolved, alt, title: title ?? undefined };
}

function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}
