/**
 * MediaWiki wikitext reader, on wikiparser-node's syntax tree.
 *
 * Handles both a normal wikitext file (`= Title =`, `==Section==`, `* items`) and a database-dump line:
 * revision metadata followed by the whole article on one line. For the dump, the parser's tree tells which
 * runs of text are at the top level (outside refs, templates and links); only there are line breaks restored
 * before headings and list markers, and the result is parsed again.
 */
import Parser from 'wikiparser-node';
import { decodeHTML } from 'entities';
import { memoize } from '../util/memo.js';
import { QuireError } from '../util/errors.js';
import type { Blockquote, PhrasingContent, RootContent } from 'mdast';
import type { DefList } from '../model/mdast.js';
import type { RevisionMeta } from '../model/index.js';
import { at, hasWords, tidyPhrasing, TreeBuilder } from './builder.js';
import { LineIndex } from './text.js';
import { detectLanguage } from '../util/language.js';
import { DUMP_HEAD } from './sniff.js';
import type { ReadInput, ReadResult } from './types.js';
import { configureParser, namespaceLanguages, redirectTarget } from './wiki/namespaces.js';
import {
  addNodes,
  childrenOf,
  drop,
  inline,
  newCtx,
  plain,
  report,
  tableBlocks,
  unclosedCut,
  type Ctx,
  type Mode,
  type WikiNode,
} from './wiki/inline.js';
import { Phrasing } from './wiki/phrasing.js';
import { MAX_KEPT_ROWS, tableChunks } from './wiki/tables.js';

configureParser();

/** Where the article body starts after the edit comment: the first piece of wiki markup. */
const BODY_START = /\{\{|\[\[|'''|<[a-z!]|^=|\s=/;

export function splitDump(text: string): { meta: RevisionMeta; body: string; bodyOffset: number } | undefined {
  const m = DUMP_HEAD.exec(text);
  if (!m) return undefined;
  const rest = text.slice(m[0].length);
  const start = rest.search(BODY_START);
  const commentEnd = start === -1 ? 0 : start;
  const meta: RevisionMeta = {
    title: m[1]!,
    pageId: m[2]!,
    revisionId: m[3]!,
    timestamp: m[4]!,
    user: m[5]!,
    userId: m[6]!,
    comment: rest.slice(0, commentEnd).trim(),
  };
  return { meta, body: rest.slice(commentEnd), bodyOffset: m[0].length + commentEnd };
}

/** Restore the line structure a dump flattened: before `==Heading==` and ` *item` at the top level. */
function restoreLines(body: string): { text: string } {
  // Stage 2 is enough: comments, extension tags (<ref>) and templates are the spans to keep whole.
  const root = Parser.parse(body, false, 2);
  let out = '';
  for (const node of root.childNodes) {
    const raw = String(node);
    if (node.type !== 'text') {
      out += raw;
      continue;
    }
    // Within a top-level text run: a heading is `==x==` between spaces; a list item is ` *` or ` #` before a word.
    out += raw.replace(
      /(^|\s+)(={2,6}[^=\n]+={2,6})(?=\s|$)|\s+(?=[*#]+(?:\s*\S|$))/g,
      (_whole, _lead: string, heading: string | undefined) => (heading ? `\n${heading}\n` : '\n'),
    );
  }
  return { text: out };
}

/** Drop "Infobox" blocks that cleaned exports render as a title line followed by `- key: value` lines. */
function removeInfoboxes(builder: TreeBuilder): void {
  const kids = builder.children;
  for (let i = 0; i < kids.length; i++) {
    const node = kids[i]!;
    if (node.type !== 'paragraph') continue;
    const text = node.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
    if (!/^infobox\b/i.test(text) || text.split(/\s+/).length > 4) continue;
    const next = kids[i + 1];
    const removeList = next?.type === 'list';
    kids.splice(i, removeList ? 2 : 1);
    builder.warn('dropped-infobox', 'Infobox removed from the prose', node.position?.start.line);
    i--;
  }
}

/**
 * The text cut before heading lines, to be parsed piece by piece: wikiparser-node's brace stage rebuilds
 * the rest of the text at every heading, so a whole article's parse grows with the square of its length
 * (10× the later revision: 60× the time). A line starting with `=` is a cut only where every construct
 * before it is closed, paired as the parser pairs them: templates and arguments (`{{ }}`, `{{{ }}}`),
 * tables (`{| |}` at line starts), conversions (`-{ }-`), links (`[[ ]]`, `[ ]`), HTML tags on one
 * line; comments and extension tags (`<ref>`, `<pre>`, `<nowiki>`) are found by the parser's first stage
 * and never cut. Anything else — a lone brace, a closer that does not match, four braces in a row, a
 * comment or tag while something is open, a tag running over a line end — ends the cutting: the rest is
 * parsed as one piece (correct, only slower). The pieces are of the parser's own text (it drops NUL, DEL
 * and a CR before a line end).
 */
export function pieces(text: string, options: { blankTables?: boolean } = {}): string[] {
  const root = Parser.parse(text, false, 1);
  const cuts: number[] = [];
  const open: string[] = [];
  /** Interiors of top-level tables: from the end of the `{|` line to the start of the `|}`. */
  const tables: [number, number][] = [];
  let tableStart = 0;
  // Whether only blanks (or `:` indents) stand before `at` on its line; `fromLineStart`: the node starts a line.
  let fromLineStart = true;
  const lineStart = (raw: string, at: number) => {
    const newline = raw.lastIndexOf('\n', at - 1);
    return (newline !== -1 || fromLineStart) && /^[\t :]*$/.test(raw.slice(newline + 1, at));
  };
  let offset = 0;
  scan: for (const node of root.childNodes) {
    const raw = String(node);
    if (node.type !== 'text') {
      // Between an opener and its closer, a comment or tag may change how the parser pairs them (a table
      // pairs by line starts: a <ref> in a cell does not).
      if (open.some((o) => o !== '{|')) break;
      offset += raw.length;
      fromLineStart = raw.endsWith('\n');
      continue;
    }
    for (let i = 0; i < raw.length;) {
      const c = raw[i]!;
      const top = open[open.length - 1];
      if (c === '{' || c === '[' || c === '}' || c === ']') {
        let n = 1;
        while (raw[i + n] === c) n++;
        if (c === '{') {
          if (n === 1 && raw[i + 1] === '|' && lineStart(raw, i)) {
            if (!open.length) tableStart = lineEnd(offset, raw, i);
            open.push('{|');
          } else if (n === 1 && raw[i - 1] === '-') open.push('-{');
          else if (n === 2 || n === 3) open.push(c.repeat(n));
          else break scan;
        } else if (c === '[') {
          if (n > 2) break scan;
          open.push(c.repeat(n));
        } else if (c === '}') {
          if (n === 1 && raw[i + 1] === '-' && top === '-{') open.pop();
          else {
            // A run of closers must close the innermost openers exactly: `}}}}` two templates, `}}}}}` an
            // argument and a template.
            let left = n;
            while (
              left > 0 &&
              (open[open.length - 1] === '{{' || open[open.length - 1] === '{{{') &&
              left >= open[open.length - 1]!.length
            )
              left -= open.pop()!.length;
            if (left) break scan;
          }
        } else {
          if (n > 2 || top !== '['.repeat(n)) break scan;
          open.pop();
        }
        i += n;
        continue;
      }
      if (c === '|' && raw[i + 1] === '}' && top === '{|' && lineStart(raw, i)) {
        open.pop();
        if (!open.length && tableStart < offset + i) tables.push([tableStart, offset + i]);
        i += 2;
        continue;
      }
      if (c === '<' && /[a-z/]/i.test(raw[i + 1] ?? '')) {
        const end = raw.indexOf('>', i);
        const newline = raw.indexOf('\n', i);
        if (end === -1 || (newline !== -1 && newline < end)) break scan;
        i = end + 1;
        continue;
      }
      if (c === '\n' && raw[i + 1] === '=' && open.length === 0) cuts.push(offset + i + 1);
      i++;
    }
    offset += raw.length;
    fromLineStart = raw.endsWith('\n');
  }
  const source = options.blankTables ? blank(String(root), tables) : String(root);
  // Copies, not slices: a slice keeps the whole text alive, and pieces are remembered between builds.
  // (UTF-16 both ways: every code unit kept as it is, a lone surrogate too.)
  return [0, ...cuts].map((from, i) =>
    Buffer.from(source.slice(from, cuts[i] ?? source.length), 'utf16le').toString('utf16le'),
  );
}

/** The offset just after the line end following `raw[i]` (the text's end if none in `raw`). */
function lineEnd(offset: number, raw: string, i: number): number {
  const newline = raw.indexOf('\n', i);
  return offset + (newline === -1 ? raw.length : newline + 1);
}

/**
 * The text with every character of the given spans but line ends made a space: the parser sees an empty
 * table (its line and attributes kept), offsets and lines unchanged. The walk reads each table from the
 * original text, a few rows at a time (see wiki/tables.ts): wikiparser-node's time on one whole table grows
 * faster than its length (a 6.6 MB table did not finish in 300 s).
 */
function blank(text: string, spans: [number, number][]): string {
  if (!spans.length) return text;
  let out = '';
  let at = 0;
  for (const [from, to] of spans) {
    out += text.slice(at, from) + text.slice(from, to).replace(/[^\n]/g, ' ');
    at = to;
  }
  return out + text.slice(at);
}

/** Table rows left after blanking (a table the scan could not pair) at most: the parser's cost grows with them. */
export const MAX_TABLE_ROWS = 20_000;

/** Fails with one clear line when more table rows are left than `MAX_TABLE_ROWS`, before any parse. */
function checkTableRows(parts: readonly string[], file: string, lineAt: (offset: number) => number): void {
  let rows = 0;
  let offset = 0;
  let first = -1;
  for (const part of parts) {
    for (const m of part.matchAll(/^[ \t:]*(\{\||\|-)/gm)) {
      if (m[1] === '{|' && first === -1) first = offset + m.index;
      if (m[1] === '|-' && ++rows > MAX_TABLE_ROWS)
        throw new QuireError(`a table of more than ${MAX_TABLE_ROWS} rows`, {
          file,
          line: lineAt(first === -1 ? offset + m.index : first),
          hint: 'split the table into smaller ones',
        });
    }
    offset += part.length;
  }
}

/**
 * A piece's parse, remembered per text: an edit in a watch session parses only the sections it changed.
 * The reader only reads the tokens (shared between builds, never changed). Up to 512 k characters of
 * wikitext (~25 MB of tokens; the seed guide's two wikitext sources are ~140 k).
 */
const parsePiece: (piece: string) => readonly WikiNode[] = memoize(
  (piece: string) => Parser.parse(piece).childNodes,
  (piece) => piece,
  { keyChars: 512 * 1024 },
);

/** The text to parse, and the line of each offset in it. */
interface Body {
  body: string;
  lineAt: (offset: number) => number;
  /** A dump line's parts, for a `wikitext-dump` source. */
  dump?: NonNullable<ReturnType<typeof splitDump>>;
}

/**
 * The text the parser is given. What the parser drops from any text (NUL, DEL, a CR before a line end) is
 * dropped first, so that offsets in the parsed nodes are offsets in this text. A dump's revision line is split
 * off and the line breaks its body lost are restored.
 */
function bodyOf(input: ReadInput, escaped: boolean): Body {
  const cleaned = input.text.replace(/[\0\x7F]|\r$/gm, '');
  const text = escaped ? unescapedXml(cleaned) : cleaned;
  const dump = input.format === 'wikitext-dump' ? splitDump(text.split('\n')[0] ?? '') : undefined;
  if (input.format === 'wikitext-dump' && !dump) {
    throw new Error('not a dump line: expected "title pageid revid timestamp user userid comment" before the wikitext');
  }
  // Lines are computed from offsets accumulated while walking the top level (the parser's own
  // getAbsoluteIndex walks siblings on every call, which is quadratic on a long dump line).
  if (!dump) {
    const target = redirectTarget(text);
    if (target !== undefined)
      throw new QuireError(`${input.file} is a redirect to "${target}": use that article's text instead`, {
        file: input.file,
        line: 1,
      });
    return inlineHeadings(text);
  }
  const firstLineEnd = text.indexOf('\n');
  const rest = firstLineEnd === -1 ? '' : text.slice(firstLineEnd);
  const restored = restoreLines(dump.body);
  // A dump is one line: every node is on line 1 (later lines, if any, keep their own numbers).
  const restIndex = new LineIndex(rest);
  return {
    body: restored.text + rest,
    lineAt: (offset) => (offset < restored.text.length ? 1 : restIndex.line(offset - restored.text.length)),
    dump,
  };
}

/**
 * Wikitext copied out of an XML dump's `<text>` element without its XML escaping undone: tags are written
 * `&lt;ref&gt;…&lt;/ref&gt;` and no tag is written `<…>`. MediaWiki would show such tags as text, so the
 * guide would print every citation's markup. Several escaped tags and no raw one tell such a file.
 */
const ESCAPED_TAG = /&lt;\/?(?:ref|references|br|small|nowiki|blockquote|sup|sub|span|div|gallery|math)\b|&lt;!--/gi;
const RAW_TAG = /<\/?(?:ref|references|br|small|nowiki|blockquote|sup|sub|span|div|gallery|math)\b|<!--/i;

/** Whether `text` is wikitext with the XML escaping of a dump's `<text>` element still on. */
export function isXmlEscaped(text: string): boolean {
  return !RAW_TAG.test(text) && (text.match(ESCAPED_TAG)?.length ?? 0) >= 3;
}

/** The wikitext of a still-escaped dump `<text>` element, unescaped once (the five XML entities; `&amp;` last). */
function unescapedXml(text: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", '#039': "'", '#39': "'" };
  return text.replace(/&(lt|gt|quot|apos|#0?39);/g, (_, n: string) => named[n]!).replace(/&amp;/g, '&');
}

/** A heading written in the middle of a line (an article flattened onto one line): `text ==Heading== text`. */
const MID_LINE_HEADING = /(?<=\S[ \t]*)(={2,6})[^=\n]+\1(?=[ \t]|$)/gm;

/**
 * An article flattened onto lines of prose with `==Heading==` inside them gets its headings on lines of their
 * own (only when no heading starts a line: a normal article is left as it is). Only line breaks are inserted,
 * in top-level text runs; lines are mapped back to the file's.
 */
function inlineHeadings(text: string): Body {
  const index = new LineIndex(text);
  const plainBody = { body: text, lineAt: (offset: number) => index.line(offset) };
  if (/^={2,6}[^=\n]+={2,6}\s*$/m.test(text) || !new RegExp(MID_LINE_HEADING.source, 'm').test(text)) return plainBody;
  const inserted: number[] = [];
  let out = '';
  for (const node of Parser.parse(text, false, 2).childNodes) {
    const raw = String(node);
    if (node.type !== 'text') {
      out += raw;
      continue;
    }
    let here = 0;
    out += raw.replace(MID_LINE_HEADING, (heading: string, _eq: string, at: number) => {
      const start = out.length + at + here;
      inserted.push(start, start + heading.length + 1);
      here += 2;
      return `\n${heading}\n`;
    });
  }
  // Offsets in the restored text back to the file's: minus the breaks inserted before them.
  return {
    body: out,
    lineAt: (offset) => index.line(offset - inserted.filter((at) => at < offset).length),
  };
}

type DefKind = 'defListTerm' | 'defListDescription';

/** Whether a node (the one after a `<math>`) starts with a line end, or there is none: the math ends its line. */
function endsLine(next: WikiNode | undefined): boolean {
  return !next || (next.type === 'text' && /^[ \t]*(\n|$)/.test(String((next as { data?: string }).data ?? next)));
}

/**
 * Turns the top-level nodes into blocks, line by line: headings and list markers only count at the start
 * of a line. A line's phrasing is assembled in one `Phrasing` (apostrophes and tags nest across nodes) and
 * handed to the open paragraph or list item at each line end; templates and tags that make blocks (quotes,
 * lists, tables, code, math) close the paragraph and stand between paragraphs.
 */
class TopLevelWalk {
  title: string | undefined;
  private atLineStart = true;
  /** Nothing but indentation on the current line so far. */
  private lineEmpty = true;
  /** The open list item, or definition-list term or description (`; term : description`). */
  private item:
    { children: PhrasingContent[]; line: number; ordered: boolean; depth?: number; kind?: DefKind } | undefined;
  /** No prose yet since the start or the last heading: an indented italic line here is a hatnote. */
  private proseSinceHeading = false;
  /** The current line is an indented line that may be a hatnote (`:''For the country, see X.''`). */
  private indentLine = false;
  /** The line is an indented one: its paragraph ends with it. */
  private indented = false;
  /** The open definition list: closed by the first line that is not `;` or `:`. */
  private defList: DefList | undefined;
  private readonly phrasing = new Phrasing();
  private phrasingLine = 1;
  /** The blocks inside an open `<blockquote>`. */
  private quote: TreeBuilder | undefined;
  private readonly mode: Mode = {
    withRefs: true,
    block: (node) => this.block(node),
    figure: (node) => this.builder.figure(node, this.ctx.line),
  };

  constructor(
    private readonly builder: TreeBuilder,
    private readonly ctx: Ctx,
    /** In a dump, every node of the restored body is on line 1. */
    private readonly oneLine: boolean,
    title: string | undefined,
    /** The source text of a top-level table (the parse saw it blanked). */
    private readonly tableText: (offset: number, node: WikiNode) => string,
  ) {
    this.title = title;
  }

  private get out(): TreeBuilder {
    return this.quote ?? this.builder;
  }

  node(node: WikiNode, line: number, offset: number, next: WikiNode | undefined): void {
    this.ctx.line = line;
    const html = node as unknown as { name?: string; closing?: boolean };
    if (node.type === 'heading') this.heading(node, line);
    else if (node.type === 'list' || node.type === 'dd') this.listMarker(node, line);
    else if (node.type === 'text') this.text(String((node as { data?: string }).data ?? node), line);
    else if (node.type === 'table') this.table(this.tableText(offset, node), line);
    else if (node.type === 'html' && html.name?.toLowerCase() === 'blockquote') this.blockquote(!!html.closing, line);
    else if (node.type === 'ext' && html.name === 'math' && this.lineEmpty && !this.item && endsLine(next)) {
      const value = childrenOf(node)
        .filter((c) => c.type === 'ext-inner')
        .join('')
        .trim();
      if (value) this.block({ type: 'math', value });
      this.atLineStart = false;
    } else {
      if (this.atLineStart && this.defList && !this.item && node.type !== 'comment') this.endDefList();
      if (this.phrasing.empty) this.phrasingLine = line;
      addNodes([node], this.ctx, this.phrasing, this.mode);
      this.atLineStart = false;
      if (node.type !== 'comment' && node.type !== 'category') this.lineEmpty = false;
    }
  }

  endItem(): void {
    this.flush();
    const item = this.item;
    this.item = undefined;
    if (!item) return;
    if (!item.kind) return this.out.listItem(item.children, item.line, item.ordered, item.depth);
    const children = tidyPhrasing(item.children);
    if (hasWords(children)) this.defList?.children.push({ type: item.kind, children });
  }

  /**
   * An indented line before any prose of the article or section that is all in italics is a hand-written
   * hatnote ("For the country, see …"): dropped and counted with the hatnote templates.
   */
  private hatnote(): void {
    this.indentLine = false;
    const nodes = this.phrasing.take();
    const shown = nodes.filter((n) => n.type !== 'text' || n.value.trim());
    if (shown.length === 1 && shown[0]!.type === 'emphasis') drop(this.ctx, 'dropped-hatnote', 'hatnote');
    else this.phrasing.add(...nodes);
  }

  /**
   * Ends the open definition list: a block of its own. Terms at its end that no description follows (`; Notes`
   * on a line of its own, a bold pseudo-heading, as MediaWiki shows it) are bold paragraphs after it: a list
   * cannot end with a term.
   */
  private endDefList(): void {
    this.endItem();
    const list = this.defList;
    this.defList = undefined;
    if (!list) return;
    const alone: typeof list.children = [];
    while (list.children.at(-1)?.type === 'defListTerm') alone.unshift(list.children.pop()!);
    if (list.children.length) this.block(list);
    for (const term of alone)
      this.block({ type: 'paragraph', children: [{ type: 'strong', children: term.children as PhrasingContent[] }] });
  }

  finish(): void {
    this.endDefList();
    if (this.quote) this.blockquote(true, this.ctx.line);
  }

  /** A block made by a template or tag: ends the paragraph; refused inside a list item. */
  private block(node: RootContent): boolean {
    if (this.item) return false;
    this.flush();
    node.position ??= at(this.ctx.line);
    this.out.block(node);
    return true;
  }

  /** The line's phrasing so far, to the open list item or paragraph. */
  private flush(): void {
    const nodes = this.phrasing.take();
    if (!nodes.length) return;
    if (hasWords(nodes)) this.proseSinceHeading = true;
    if (this.item) this.item.children.push(...nodes);
    else this.out.inline(nodes, this.phrasingLine);
  }

  private emit(children: PhrasingContent[], line: number): void {
    if (this.phrasing.empty) this.phrasingLine = line;
    this.phrasing.add(...children);
  }

  private heading(node: WikiNode, line: number): void {
    this.endDefList();
    this.proseSinceHeading = false;
    const level = (node as unknown as { level: number }).level;
    const titleNode = childrenOf(node).find((c) => c.type === 'heading-title');
    if (level === 1 && !this.title) this.title = plain(titleNode ? childrenOf(titleNode) : [], this.ctx);
    else this.out.heading(level, titleNode ? inline(childrenOf(titleNode), this.ctx) : [], line);
    this.atLineStart = false;
  }

  private listMarker(node: WikiNode, line: number): void {
    const marker = String(node).trim();
    this.atLineStart = false;
    const def = this.defMarker(node, marker);
    if (def) {
      this.endItem();
      if (!this.defList) {
        this.out.endBlock();
        this.defList = { type: 'defList', children: [], position: at(line) };
      }
      this.item = { children: [], line, ordered: false, kind: def };
      return;
    }
    // Indent lines (`:` without a term): a paragraph of their own (MediaWiki indents them: a quotation, a
    // reply), unless a hatnote opens the article or section.
    if (/^[;:]+$/.test(marker)) {
      this.flush();
      if (!this.proseSinceHeading) this.indentLine = true;
      // A paragraph of its own after a finished sentence; after one that goes on ("… told the House that" /
      // ":we shall fight …"), the sentence's next line.
      if (!this.item && /(?:^|[.!?:;"”»)])\s*$/u.test(this.out.openText())) {
        this.out.endParagraph();
        this.indented = true;
      }
      return;
    }
    this.endDefList();
    this.out.endParagraph();
    // "**" is an item of a list inside the item before: its depth is the number of markers.
    this.item = { children: [], line, ordered: marker.endsWith('#'), depth: marker.replace(/[^*#]/g, '').length };
  }

  /** What a `;` or `:` marker opens in a definition list: a term, a description, or nothing (an indent). */
  private defMarker(node: WikiNode, marker: string): DefKind | undefined {
    if (marker.startsWith(';')) return 'defListTerm';
    if (node.type === 'dd' && this.item?.kind) return 'defListDescription';
    return /^:+$/.test(marker) && this.defList ? 'defListDescription' : undefined;
  }

  private table(text: string, line: number): void {
    this.endDefList();
    const { chunks, dropped } = tableChunks(text);
    if (dropped)
      this.ctx.warn('truncated-table', `table cut after ${MAX_KEPT_ROWS} rows: ${dropped} more rows dropped`, line);
    const tables = chunks.flatMap((chunk) => parsePiece(chunk).filter((n) => n.type === 'table'));
    for (const made of tableBlocks(tables, this.ctx)) {
      made.position = at(line);
      this.block(made);
    }
    this.lineEmpty = false;
  }

  /** `<blockquote>…</blockquote>` at the top level: the paragraphs and lists between become one quote. */
  private blockquote(closing: boolean, line: number): void {
    this.endDefList();
    if (!closing) {
      if (this.quote) return;
      this.out.endBlock();
      this.quote = new TreeBuilder(this.builder.file);
      return;
    }
    if (!this.quote) return;
    const inner = this.quote.root().children.filter((n) => n.type === 'paragraph' || n.type === 'list');
    this.quote = undefined;
    if (inner.length) this.block({ type: 'blockquote', children: inner as Blockquote['children'], position: at(line) });
  }

  /**
   * Plain text: newlines end items, blank lines end paragraphs; "- x" at a line start is a list item in
   * cleaned exports.
   */
  private text(data: string, line: number): void {
    const lines = decodeHTML(unclosedCut(data, this.ctx, line)).split('\n');
    lines.forEach((piece, i) => {
      const pieceLine = this.oneLine ? line : line + i;
      if (i > 0) {
        // A newline: close an item; a blank line closes the paragraph.
        this.phrasing.lineEnd();
        if (this.indentLine) this.hatnote();
        if (this.indented && !this.item) {
          this.flush();
          this.out.endParagraph();
        }
        this.indented = false;
        this.lineEmpty = true;
        if (this.item) this.endItem();
        else if (piece.trim() === '' && i < lines.length - 1) {
          this.flush();
          this.out.endParagraph();
        } else this.emit([{ type: 'text', value: ' ' }], pieceLine);
        this.atLineStart = true;
      }
      let rest = piece;
      if (this.atLineStart && /^\s*[-•]\s+\S/.test(rest)) {
        this.endDefList();
        this.flush();
        this.out.endParagraph();
        this.item = { children: [], line: pieceLine, ordered: false };
        rest = rest.replace(/^\s*[-•]\s+/, '');
      }
      if (rest.trim() && this.atLineStart && this.defList && !this.item) this.endDefList();
      if (rest) {
        this.emit([{ type: 'text', value: rest }], pieceLine);
        if (rest.trim()) {
          this.atLineStart = false;
          this.lineEmpty = false;
        }
      }
      if (i > 0 && piece.trim() === '' && i === lines.length - 1) this.atLineStart = true;
    });
  }
}

/**
 * The article's language, detected (when first asked) from its top-level prose, as the build detects the
 * guide's: a flag template's country and a date template's date are written in it.
 */
function articleLanguage(nodes: readonly WikiNode[], candidates: string[] | undefined): () => string {
  let language: string | undefined;
  return () => {
    if (language === undefined) {
      const prose = nodes.filter((n) => n.type === 'text').map((n) => String((n as { data?: string }).data ?? n));
      language = detectLanguage(prose.join(' '), candidates);
    }
    return language;
  };
}

export function readWikitext(input: ReadInput): ReadResult {
  const escaped = isXmlEscaped(input.text);
  const { body, lineAt, dump } = bodyOf(input, escaped);
  const parts = pieces(body, { blankTables: true });
  checkTableRows(parts, input.file, lineAt);
  const nodes = parts.flatMap((piece) => parsePiece(piece));
  const builder = new TreeBuilder(input.file);
  if (escaped) {
    builder.warn(
      'xml-escaped',
      'the wikitext is still XML-escaped as in a dump\'s <text> element ("&lt;ref&gt;"); it was unescaped once: ' +
        'save the text itself to silence this',
      1,
    );
  }
  const languages = namespaceLanguages(body);
  const ctx = newCtx((r, m, l) => builder.warn(r, m, l), input.options, articleLanguage(nodes, languages));
  // A top-level table's own text: the parse saw it blanked (same length, same lines).
  const tableText = (offset: number, node: WikiNode) => {
    const raw = String(node);
    const text = body.slice(offset, offset + raw.length);
    return text.trimStart().startsWith(raw.trimStart().slice(0, 2)) ? text : raw;
  };
  const walk = new TopLevelWalk(builder, ctx, dump !== undefined, dump?.meta.title, tableText);
  let offset = 0;
  nodes.forEach((node, i) => {
    const line = lineAt(offset);
    walk.node(node, line, offset, nodes[i + 1]);
    offset += String(node).length;
  });
  walk.finish();
  report(ctx);
  const tree = builder.root();
  removeInfoboxes(builder);
  return {
    tree,
    citations: ctx.citations,
    warnings: builder.warnings,
    title: walk.title,
    revision: dump?.meta,
    links: ctx.links,
    ...(languages ? { languages } : {}),
  };
}
