/**
 * Wiki tables (`{| … |}`) as mdast tables: `!` cells are header cells (`data.header`), `colspan`/`rowspan`
 * become `data.colSpan`/`data.rowSpan`, `|+` the caption; other cell attributes (style, class…) are dropped.
 *
 * A top-level table is parsed on its own, a few rows at a time: wikiparser-node's time grows faster than the
 * table's length, and rows are independent. The cut between two chunks is a row line (`|-`) outside any
 * nested table or template, so a chunk is a well-formed table of its own.
 */
import type { PhrasingContent, Table, TableCell, TableRow, Text } from 'mdast';
import { tidyPhrasing } from '../builder.js';
import { phrasingText } from './phrasing.js';

/** The parser's node, as much of it as this module reads. */
export interface TableNode {
  type: string;
  subtype?: string;
  childNodes?: readonly TableNode[];
  getAttr?(name: string): string | true | undefined;
  toString(): string;
}

/** Rows per chunk parsed at once. */
const CHUNK_ROWS = 50;

/**
 * Rows kept of one table: the parser needs about a millisecond a row, and a study guide of more rows than
 * this is not read. The rest are dropped with a warning.
 */
export const MAX_KEPT_ROWS = 2000;

/**
 * The texts to parse for one top-level table: the first holds the table's own line, caption and first rows;
 * each further one is `{|` + more rows + `|}`. `dropped`: the rows beyond `MAX_KEPT_ROWS`, not parsed.
 */
export function tableChunks(text: string): { chunks: string[]; dropped: number } {
  const lines = text.split('\n');
  const chunks: string[] = [];
  let current: string[] = [];
  let rows = 0;
  let total = 0;
  let depth = 0;
  let braces = 0;
  for (const [i, line] of lines.entries()) {
    const trimmed = line.trimStart();
    if (i > 0 && depth === 1 && braces === 0 && trimmed.startsWith('|-')) {
      if (++total > MAX_KEPT_ROWS) {
        const rest = lines.slice(i).filter((l) => l.trimStart().startsWith('|-')).length;
        chunks.push(`${current.join('\n')}\n|}`);
        return { chunks, dropped: rest };
      }
      if (++rows > CHUNK_ROWS) {
        chunks.push(`${current.join('\n')}\n|}`);
        current = ['{|'];
        rows = 1;
      }
    }
    current.push(line);
    if (/^[:\s]*\{\|/.test(line)) depth++;
    else if (trimmed.startsWith('|}')) depth--;
    braces = Math.max(0, braces + (line.match(/\{\{/g)?.length ?? 0) - (line.match(/\}\}/g)?.length ?? 0));
  }
  chunks.push(current.join('\n'));
  return { chunks, dropped: 0 };
}

/** How cells and captions become phrasing, and what becomes of a table nested in a cell. */
export interface CellReader {
  phrasing(nodes: readonly TableNode[]): PhrasingContent[];
  /** A nested table made a table of its own (after the outer one); without `lift`, flattened into its cell. */
  lift?(table: Table): void;
  /** A nested table flattened into its cell's text. */
  flattened(): void;
}

const kids = (node: TableNode): readonly TableNode[] => node.childNodes ?? [];

function span(node: TableNode, name: string): number | undefined {
  const value = node.getAttr?.(name);
  const n = typeof value === 'string' ? parseInt(value, 10) : NaN;
  return Number.isFinite(n) && n > 1 ? Math.min(n, 1000) : undefined;
}

/** The longest text before a nested table that is taken as its caption (a NavFrame's head line). */
const MAX_CAPTION = 200;

/**
 * A cell's inner nodes. A nested table is lifted out (the text just before it in the cell, such as a
 * collapsible frame's head line, becomes its caption) or flattened to its text ("a, b; c, d").
 */
function cellPhrasing(cell: TableNode, reader: CellReader): PhrasingContent[] {
  const inner = kids(cell).find((c) => c.type === 'td-inner');
  if (!inner) return [];
  const out: PhrasingContent[] = [];
  let run: TableNode[] = [];
  for (const node of kids(inner)) {
    if (node.type !== 'table') {
      run.push(node);
      continue;
    }
    const before = reader.phrasing(run);
    run = [];
    const nested = toTable([node], reader);
    if (nested && reader.lift) {
      const caption = phrasingText(before).replace(/\s+/g, ' ').trim();
      if (caption && caption.length <= MAX_CAPTION && !nested.data) nested.data = { caption };
      else out.push(...before);
      reader.lift(nested);
      continue;
    }
    out.push(...before);
    if (!nested) continue;
    reader.flattened();
    const text = nested.children
      .map((r) =>
        r.children
          .map((c) => phrasingText(c.children).trim())
          .filter(Boolean)
          .join(', '),
      )
      .join('; ');
    out.push({ type: 'text', value: ` ${text} ` });
  }
  out.push(...reader.phrasing(run));
  return out;
}

interface Rows {
  caption: string | undefined;
  rows: TableCell[][];
}

/** The caption and rows of the table tokens of one table's chunks. */
function tableOf(tables: readonly TableNode[], reader: CellReader): Rows | undefined {
  let caption: string | undefined;
  const rows: TableCell[][] = [];
  let loose: TableCell[] = [];
  const addCell = (node: TableNode, into: TableCell[]) => {
    const data: NonNullable<TableCell['data']> & { header?: boolean; colSpan?: number; rowSpan?: number } = {};
    if (node.subtype === 'th') data.header = true;
    const colSpan = span(node, 'colspan');
    const rowSpan = span(node, 'rowspan');
    if (colSpan) data.colSpan = colSpan;
    if (rowSpan) data.rowSpan = rowSpan;
    const cell: TableCell = { type: 'tableCell', children: cellPhrasing(node, reader) };
    if (Object.keys(data).length) cell.data = data;
    into.push(cell);
  };
  for (const table of tables) {
    for (const child of kids(table)) {
      if (child.type === 'td' && child.subtype === 'caption') {
        const text = phrasingText(cellPhrasing(child, reader)).replace(/\s+/g, ' ').trim();
        if (text) caption = caption ? `${caption} ${text}` : text;
      } else if (child.type === 'td') addCell(child, loose);
      else if (child.type === 'tr') {
        const row: TableCell[] = [];
        for (const cell of kids(child)) if (cell.type === 'td') addCell(cell, row);
        if (row.length) rows.push(row);
      }
    }
    if (loose.length) rows.unshift(loose);
    loose = [];
  }
  if (!rows.length && !caption) return undefined;
  return { caption, rows };
}

/** An mdast table from the parsed chunks of one wiki table, or undefined when it holds no text. */
export function toTable(tables: readonly TableNode[], reader: CellReader): Table | undefined {
  const found = tableOf(tables, reader);
  if (!found) return undefined;
  const rows = found.rows.filter((r) => r.some((c) => /[\p{L}\p{N}]/u.test(phrasingText(c.children))));
  if (!rows.length) return undefined;
  for (const row of rows) for (const cell of row) cell.children = trimPhrasing(cell.children);
  const table: Table = {
    type: 'table',
    children: rows.map((cells): TableRow => ({ type: 'tableRow', children: cells })),
  };
  if (found.caption) table.data = { caption: found.caption };
  return table;
}

/** Whitespace collapsed and trimmed at the ends of a cell, no break at either end. */
function trimPhrasing(nodes: PhrasingContent[]): PhrasingContent[] {
  const out = [...nodes];
  while (out[0]?.type === 'break' || (out[0]?.type === 'text' && !out[0].value.trim())) out.shift();
  while (out.at(-1)?.type === 'break' || (out.at(-1)?.type === 'text' && !(out.at(-1) as Text).value.trim())) out.pop();
  return tidyPhrasing(out);
}
