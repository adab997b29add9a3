/**
 * Wikitext nodes (wikiparser-node's tokens) to mdast: phrasing (emphasis, strong, links, code, math,
 * sub/superscript, breaks, footnote references) and, where the caller takes blocks, the blocks a template or
 * tag makes (quotes, lists, tables). Templates go through the table in templates.ts; citations become notes.
 */
import type Parser from 'wikiparser-node';
import { decodeHTML } from 'entities';
import type { Blockquote, FootnoteReference, List, Paragraph, PhrasingContent, RootContent, Table } from 'mdast';
import type { SourceCitation } from '../../model/index.js';
import { squash } from '../text.js';
import { tidyPhrasing } from '../builder.js';
import { formatCitation, looksLikeCitation, type Params } from './cite.js';
import { addressPieces } from '../../util/addresses.js';
import { labelsFor, noteWordsFor } from '../../util/labels.js';
import { baseLanguage } from '../../util/language.js';
import { captionNote, fileFigure, linkFigure, namedFigure } from './figures.js';
import { guessUnknown, isBox } from './guess.js';
import { namespaceOf } from './namespaces.js';
import { Phrasing, phrasingText } from './phrasing.js';
import { formatNumber, normaliseName, ruleFor, type Args, type Out } from './templates.js';
import { toTable, type CellReader, type TableNode } from './tables.js';

export type WikiNode = ReturnType<typeof Parser.parse>['childNodes'][number];

/** Options a reader is given (from the config). */
export interface WikiOptions {
  /** Infoboxes: dropped with a warning (the default), or kept as a two-column table. */
  infobox?: 'table' | 'drop';
}

export interface Ctx {
  citations: SourceCitation[];
  refCounter: number;
  /** Line of the top-level node being converted (nested nodes report it). */
  line: number;
  links: { target: string; label: string; line: number }[];
  warn: (rule: string, message: string, line?: number) => void;
  /** Dropped constructs counted by name (templates, categories): one warning each at the end, with a count. */
  dropped: Map<string, { rule: string; what: string; verb: string; count: number; line: number }>;
  /** Maintenance and layout templates by name: one summary warning. */
  maintenance: Map<string, number>;
  maintenanceLine: number;
  options: WikiOptions;
  /** The article's language (BCP 47), found when a template first needs it (a date, a country's name). */
  language: () => string;
}

/** How nodes are converted: whether citations count, and where blocks go (undefined: inline only). */
export interface Mode {
  withRefs: boolean;
  /** Takes a block made by a template or tag; false when a block cannot stand here (inside a list item). */
  block?: (node: RootContent) => boolean;
  /** Takes an image's figure, to stand after the paragraph it is in (undefined: images are dropped here). */
  figure?: (node: Paragraph) => void;
}

export function newCtx(warn: Ctx['warn'], options: WikiOptions = {}, language: () => string = () => 'en'): Ctx {
  return {
    language,
    citations: [],
    refCounter: 0,
    line: 1,
    links: [],
    warn,
    dropped: new Map(),
    maintenance: new Map(),
    maintenanceLine: 0,
    options,
  };
}

/** Counts one dropped construct; `report` turns the counts into warnings. */
export function drop(ctx: Ctx, rule: string, what: string, key = what, verb = 'dropped'): void {
  const k = `${rule}\0${key}`;
  const seen = ctx.dropped.get(k);
  if (seen) seen.count++;
  else ctx.dropped.set(k, { rule, what, verb, count: 1, line: ctx.line });
}

export function report(ctx: Ctx): void {
  for (const { rule, what, verb, count, line } of ctx.dropped.values())
    ctx.warn(rule, `${what} ${verb}${count > 1 ? ` (${count} times)` : ''}`, line);
  if (ctx.maintenance.size) {
    const names = [...ctx.maintenance].map(([name, n]) => (n > 1 ? `${name} (${n})` : name));
    const total = [...ctx.maintenance.values()].reduce((a, b) => a + b, 0);
    ctx.warn(
      'dropped-maintenance',
      `${total} maintenance, navigation and layout template${total > 1 ? 's' : ''} dropped: ${names.join(', ')}`,
      ctx.maintenanceLine,
    );
  }
}

/** A template's name as written, without `Template:` and underscores. */
export function templateName(node: WikiNode): string {
  const name = String((node as { name?: string }).name ?? '');
  return name
    .replace(/^[^:]*:/, '')
    .replace(/_/g, ' ')
    .trim();
}

export function childrenOf(node: WikiNode): WikiNode[] {
  return ((node as unknown as { childNodes?: readonly WikiNode[] }).childNodes ?? []) as WikiNode[];
}

/** A template's parameter values by key (lower case, `_` as space; positional ones by number). */
function paramNodes(node: WikiNode): Map<string, WikiNode[]> {
  const params = new Map<string, WikiNode[]>();
  for (const part of childrenOf(node)) {
    if (part.type !== 'parameter') continue;
    const value = childrenOf(part).find((p) => p.type === 'parameter-value');
    const key = String((part as { name?: string }).name ?? '')
      .toLowerCase()
      .replace(/_/g, ' ')
      .trim();
    params.set(key, value ? childrenOf(value) : []);
  }
  return params;
}

/** A template's parameters as plain text (positional ones by number). */
export function templateParams(node: WikiNode, ctx: Ctx): Params {
  const params: Params = new Map();
  for (const [key, nodes] of paramNodes(node)) params.set(key, plain(nodes, ctx));
  return params;
}

export function plain(nodes: WikiNode[], ctx: Ctx): string {
  return squash(phrasingText(inline(nodes, ctx, false)));
}

/** Convert wiki nodes to phrasing. `withRefs` false drops citations (inside a citation or a heading). */
export function inline(nodes: readonly WikiNode[], ctx: Ctx, withRefs = true): PhrasingContent[] {
  const sink = new Phrasing();
  addNodes(nodes, ctx, sink, { withRefs });
  return sink.take();
}

export function addNodes(nodes: readonly WikiNode[], ctx: Ctx, sink: Phrasing, mode: Mode): void {
  for (const node of nodes) addNode(node, ctx, sink, mode);
}

/** Image options in any language: English ones, sizes, and the common localised thumbnail words. */
const IMAGE_OPTION = new RegExp(
  '^\\s*(thumb|thumbnail|frame|framed|frameless|upright|border|left|right|center|centre|none|' +
    'mini|miniatur|vignette|duimnael|\\d*x?\\d+\\s*(px|pt))\\s*$',
  'i',
);

/** A link to an unknown namespace whose options include an image option (`[[Xyz:a.jpg|thumb|caption]]`). */
function looksLikeImage(target: string, label: string): boolean {
  return (
    /^[^:]+:/.test(target) &&
    label
      .split('|')
      .slice(0, -1)
      .some((part) => IMAGE_OPTION.test(part))
  );
}

/** A link's target as shown without a label; a visible link to a category or file (`[[:Kategorie:X]]`): `X`. */
function shownTarget(target: string, namespaced: boolean): string {
  const shown = target.replace(/^\s*:/, '').replace(/#.*$/, '').replace(/_/g, ' ');
  return namespaced ? shown.replace(/^[^:]*:/, '') : shown;
}

/** A dropped link: an image is a warning of its own (quoting its caption), a category counted. */
function droppedLink(kind: 'file' | 'category', target: string, ctx: Ctx, figure?: Paragraph): void {
  if (kind === 'file') {
    const what = `image "${target.trim()}"${captionNote(figure?.data?.caption)}`;
    ctx.warn('dropped-image', `${what} removed: an image cannot stand here (in a list, table or template)`, ctx.line);
  } else drop(ctx, 'dropped-category', 'category link');
}

/** An image: a figure after its paragraph where the caller takes one, else dropped with a warning. */
function image(figure: Paragraph | undefined, target: string, ctx: Ctx, mode: Mode): void {
  if (figure && mode.figure) mode.figure(figure);
  else droppedLink('file', target, ctx, figure);
}

/** A link to the same page in another Wikipedia: "[[de:Deutschland]]", "[[zh-min-nan:…]]", "[[simple:Germany]]". */
function isInterwiki(target: string): boolean {
  return /^:?(?:[a-z]{2,3}|simple)(-[a-z]+)*:/.test(target.trim());
}

const SKIP_TYPES = new Set([
  'arg',
  'comment',
  'noinclude',
  'include',
  'double-underscore',
  'gallery-image',
  'imagemap-image',
  'hr',
  'converter',
  'heading',
]);

const textNode = (value: string): PhrasingContent => ({ type: 'text', value });

/** Text with its entities decoded; apostrophe formatting ends at each line end. */
function addText(data: string, sink: Phrasing): void {
  const lines = decodeHTML(data).split('\n');
  lines.forEach((line, i) => {
    if (i > 0) {
      sink.lineEnd();
      sink.add(sink.lineBreaks && line.trim() && !sink.empty ? { type: 'break' } : textNode(' '));
    }
    if (line) sink.add(textNode(line));
  });
}

/**
 * Text without a template left open (`{{DEFAULTSORT: Dan, Ben Yosef` with no `}}`, which the parser leaves as
 * text): from its braces to the end of the line, said dropped. Braces closed in the same text (`<nowiki>{{x}}`)
 * stay.
 */
export function unclosedCut(data: string, ctx: Ctx, line = ctx.line): string {
  if (!data.includes('{{')) return data;
  return data.replace(/\{\{(?![^\n]*\}\})[^\n]*/g, (open: string, at: number) => {
    const where = line + (data.slice(0, at).match(/\n/g)?.length ?? 0);
    ctx.warn('unclosed-template', `unclosed template "${open.slice(0, 40).trim()}" dropped: close it with }}`, where);
    return '';
  });
}

function addNode(node: WikiNode, ctx: Ctx, sink: Phrasing, mode: Mode): void {
  switch (node.type) {
    case 'text':
      addText(unclosedCut(String((node as { data?: string }).data ?? node), ctx), sink);
      break;
    case 'quote':
      sink.quote(String(node).length);
      break;
    case 'html': {
      const html = node as unknown as { name: string; closing: boolean };
      sink.tag(html.name, html.closing);
      break;
    }
    case 'file': {
      const target = String(childrenOf(node).find((p) => p.type === 'link-target') ?? node);
      image(fileFigure(node, target, ctx), target, ctx, mode);
      break;
    }
    case 'category':
      drop(ctx, 'dropped-category', 'category link');
      break;
    case 'template':
      template(node, ctx, sink, mode);
      break;
    case 'magic-word':
      magicWord(node, ctx, sink, mode);
      break;
    case 'link':
      link(node, ctx, sink, mode);
      break;
    case 'ext-link':
      extLink(node, ctx, sink, mode);
      break;
    case 'free-ext-link':
    case 'magic-link': {
      // "&amp;" in an address is "&", as MediaWiki reads it.
      const url = decodeHTML(String(node));
      if (/^https?:\/\//i.test(url)) sink.add({ type: 'link', url, children: [textNode(url)] });
      else sink.add(textNode(url));
      break;
    }
    case 'ext':
      extension(node, ctx, sink, mode);
      break;
    case 'table':
      table(node, ctx, sink, mode);
      break;
    case 'list':
    case 'dd':
      // A list or indent inside a template's parameter or a cell: a line of its own.
      if (!sink.empty) sink.add({ type: 'break' });
      break;
    default:
      if (!SKIP_TYPES.has(node.type)) addNodes(childrenOf(node), ctx, sink, mode);
  }
}

function link(node: WikiNode, ctx: Ctx, sink: Phrasing, mode: Mode): void {
  const parts = childrenOf(node);
  const target = parts.find((p) => p.type === 'link-target');
  const label = parts.find((p) => p.type === 'link-text');
  const targetText = target ? String(target) : '';
  const ns = namespaceOf(targetText) ?? (label && looksLikeImage(targetText, String(label)) ? 'file' : undefined);
  if (ns && !targetText.trim().startsWith(':')) {
    if (ns === 'file') image(linkFigure(targetText, label ? String(label) : ''), targetText, ctx, mode);
    else droppedLink(ns, targetText, ctx);
    return;
  }
  if (isInterwiki(targetText)) {
    drop(ctx, 'dropped-interwiki', 'interlanguage link');
    return;
  }
  const shown = label ? inline(childrenOf(label), ctx, mode.withRefs) : [textNode(shownTarget(targetText, !!ns))];
  sink.add(...shown);
  if (mode.withRefs) {
    const to = targetText.replace(/^:/, '').replace(/#.*$/, '').replace(/_/g, ' ').trim();
    const text = squash(phrasingText(shown));
    if (to && text) ctx.links.push({ target: to, label: text, line: ctx.line });
  }
}

/**
 * `[http://x label]`: a link (http, https, mailto). Without a label, the address: in a citation as its text; in
 * running text a note of its own, as MediaWiki numbers it ("… au bench TPC-C [1]").
 */
function extLink(node: WikiNode, ctx: Ctx, sink: Phrasing, mode: Mode): void {
  const label = childrenOf(node).find((p) => p.type === 'ext-link-text');
  const url = decodeHTML(String(childrenOf(node).find((p) => p.type === 'ext-link-url') ?? '').trim());
  const children = label ? inline(childrenOf(label), ctx, mode.withRefs) : [];
  if (!phrasingText(children).trim()) {
    // In a citation, the address as its text, apart from the text before it ("Прибалтика.[https://…][http://…]").
    if (!mode.withRefs && url) sink.add(textNode(/[^\s([{«„“"'‘]$/u.test(sink.lastChar) ? ` ${url}` : url));
    else if (url && /^https?:\/\//i.test(url)) sink.add(note(ctx, url, undefined)!);
    return;
  }
  if (/^(https?:\/\/|mailto:)/i.test(url)) sink.add({ type: 'link', url, children });
  else sink.add(...children);
}

function innerOf(node: WikiNode): WikiNode[] {
  const inner = childrenOf(node).find((p) => p.type === 'ext-inner');
  return inner ? childrenOf(inner) : [];
}

function extension(node: WikiNode, ctx: Ctx, sink: Phrasing, mode: Mode): void {
  const name = ((node as { name?: string }).name ?? '').toLowerCase();
  if (name === 'ref') {
    if (mode.withRefs) {
      const ref = citation(node, ctx);
      if (ref) sink.add(ref);
    }
  } else if (name === 'nowiki' || name === 'poem' || name === 'blockquote') {
    addNodes(innerOf(node), ctx, sink, mode);
  } else if (name === 'math' || name === 'chem' || name === 'ce') {
    const value = String(innerOf(node).join('')).trim();
    if (value) sink.add({ type: 'inlineMath', value });
  } else if (name === 'pre' || name === 'syntaxhighlight' || name === 'source' || name === 'code') {
    const value = innerOf(node)
      .join('')
      .replace(/^\n+|\s+$/g, '');
    const lang = (node as unknown as { getAttr(k: string): unknown }).getAttr('lang');
    if (value && !mode.block?.({ type: 'code', value, lang: typeof lang === 'string' ? lang : undefined }))
      sink.add({ type: 'inlineCode', value });
  }
  // <references>: the notes themselves, and the refs defined inside it (list-defined references).
  else if (name === 'references') defineRefs(innerOf(node), ctx);
  // <gallery>, <score>, <timeline>…: not prose, counted.
  else if (name && name !== 'templatestyles') drop(ctx, 'dropped-tag', `<${name}>`);
}

/** A cell reader for tables: cells are phrasing; `lift` takes nested tables out (else they are flattened). */
function cellReader(ctx: Ctx, withRefs: boolean, lift?: (table: Table) => void): CellReader {
  return {
    phrasing: (nodes) => {
      const sink = new Phrasing(true);
      addNodes(nodes as readonly WikiNode[], ctx, sink, { withRefs });
      return sink.take();
    },
    lift,
    flattened: () => drop(ctx, 'nested-table', 'nested table', 'nested', 'flattened into its cell'),
  };
}

/** A table met inside other markup (a template's parameter): a block where one may stand, else its text. */
function table(node: WikiNode, ctx: Ctx, sink: Phrasing, mode: Mode): void {
  const made = toTable([node as unknown as TableNode], cellReader(ctx, mode.withRefs));
  if (!made) {
    ctx.warn('dropped-table', 'table with no text dropped', ctx.line);
    return;
  }
  if (mode.block?.(made)) return;
  const rows = made.children.map((r) => r.children.map((c) => squash(phrasingText(c.children))).join(', '));
  sink.add(textNode(` ${rows.join('; ')} `));
}

/**
 * The tables of one top-level table's parsed chunks: the table, then the tables nested in its cells (a
 * layout table of collapsible frames holds the real ones). Warns when there is no text at all.
 */
export function tableBlocks(tables: readonly WikiNode[], ctx: Ctx): Table[] {
  const lifted: Table[] = [];
  const made = toTable(
    tables as unknown as TableNode[],
    cellReader(ctx, true, (t) => lifted.push(t)),
  );
  const all = made ? [made, ...lifted] : lifted;
  if (!all.length) ctx.warn('dropped-table', 'table with no text dropped', ctx.line);
  return all;
}

/** A footnote reference to a note made by a template (efn, sfn): reused when `key` is known. */
function note(ctx: Ctx, text: string, key: string | undefined): FootnoteReference | undefined {
  const existing = key ? ctx.citations.find((c) => c.key === key) : undefined;
  if (existing) {
    if (!existing.text && text) existing.text = text;
    return { type: 'footnoteReference', identifier: existing.key, label: existing.key };
  }
  if (!text) return undefined;
  const id = key ?? `note-${++ctx.refCounter}`;
  ctx.citations.push({ key: id, text, line: ctx.line });
  return { type: 'footnoteReference', identifier: id, label: id };
}

function argsOf(node: WikiNode, ctx: Ctx, mode: Mode): Args {
  const params = paramNodes(node);
  const positional = [...params.keys()].filter((k) => /^\d+$/.test(k)).sort((a, b) => Number(a) - Number(b));
  const rich = new Map<string, PhrasingContent[]>();
  const richOf = (key: string) => {
    let made = rich.get(key);
    if (!made) rich.set(key, (made = inline(params.get(key) ?? [], ctx, mode.withRefs)));
    return made;
  };
  const firstKey = (keys: string[]) => keys.find((k) => (params.get(k) ?? []).join('').trim() !== '');
  return {
    positional,
    keys: [...params.keys()],
    get language() {
      return ctx.language();
    },
    has: (key) => params.has(key),
    rich: (...keys) => {
      const key = firstKey(keys);
      return key ? richOf(key) : [];
    },
    text: (...keys) => {
      const key = firstKey(keys);
      return key ? squash(phrasingText(richOf(key))) : '';
    },
    items: (key) => items(params.get(key) ?? [], ctx, mode),
    raw: (key) => (params.get(key) ?? []).join('').trim(),
  };
}

/** The items of a bullet list written in a parameter (`* a\n* b`): one per marker or line. */
function items(nodes: WikiNode[], ctx: Ctx, mode: Mode): PhrasingContent[][] {
  const out: PhrasingContent[][] = [];
  const sink = new Phrasing();
  const next = () => out.push(sink.take());
  for (const node of nodes) {
    if (node.type === 'list' || node.type === 'dd') next();
    else if (node.type === 'text') {
      String((node as { data?: string }).data ?? node)
        .split('\n')
        .forEach((piece, i) => {
          if (i > 0) next();
          if (piece) addText(piece, sink);
        });
    } else addNode(node, ctx, sink, { withRefs: mode.withRefs });
  }
  next();
  return out.filter((g) => phrasingText(g).trim());
}

function outFor(ctx: Ctx, sink: Phrasing, mode: Mode): Out {
  return {
    inline: (nodes) => sink.add(...nodes),
    quote: (body, attribution) => {
      const paragraph = { type: 'paragraph' as const, children: body };
      const quote: Blockquote = { type: 'blockquote', children: [paragraph] };
      if (attribution) quote.data = { attribution };
      if (mode.block?.(quote)) return;
      sink.add(textNode(' “'), ...body, textNode(`”${attribution ? ` (${attribution})` : ''} `));
    },
    list: (entries) => {
      const list: List = {
        type: 'list',
        ordered: false,
        spread: false,
        children: entries.map((children) => ({
          type: 'listItem',
          spread: false,
          children: [{ type: 'paragraph', children }],
        })),
      };
      if (mode.block?.(list)) return;
      entries.forEach((entry, i) => sink.add(...(i ? [textNode(', ')] : []), ...entry));
    },
    paragraph: (children) => {
      if (!mode.block?.({ type: 'paragraph', children: tidyPhrasing(children) }))
        sink.add(textNode(' '), ...children, textNode(' '));
    },
    note: (text, key) => {
      // Inside a citation (a `{{harvnb}}` in a <ref>): the short citation is the citation's text.
      if (!mode.withRefs) return sink.add(textNode(text));
      const ref = note(ctx, text, key);
      if (ref) sink.add(ref);
    },
  };
}

/** Infobox keys that hold no text of the article (images, sizes, map settings). */
const INFOBOX_SKIP = /image|logo|map|caption|alt$|signature|coat|seal|pushpin|module|embed|size|width|upright|coor/;

/**
 * The named `<ref name=x>…</ref>` definitions inside a box that is dropped: the article cites them by name
 * elsewhere (`<ref name=x />` in the lead), and a dropped box must not take their notes with it.
 */
function keepNamedRefs(node: WikiNode, ctx: Ctx): void {
  for (const child of childrenOf(node)) {
    if (child.type === 'ext' && (child as { name?: string }).name?.toLowerCase() === 'ref') {
      const getAttr = (child as unknown as { getAttr(name: string): unknown }).getAttr.bind(child);
      const named = getAttr('name');
      if (typeof named === 'string' && named.trim() && innerOf(child).length) citation(child, ctx);
    } else keepNamedRefs(child, ctx);
  }
}

/** An infobox as a two-column table (label | value), or dropped with a warning. */
function infobox(node: WikiNode, name: string, ctx: Ctx, mode: Mode): void {
  if (ctx.options.infobox !== 'table' || !mode.block) {
    keepNamedRefs(node, ctx);
    drop(ctx, 'dropped-infobox', `infobox "${name}"`, normaliseName(name));
    return;
  }
  const args = argsOf(node, ctx, { withRefs: mode.withRefs });
  const rows = [...paramNodes(node).keys()]
    .filter((k) => !/^\d+$/.test(k) && !INFOBOX_SKIP.test(k) && k !== 'name' && k !== 'title')
    .map((key) => ({ key, value: tidyPhrasing(args.rich(key)) }))
    .filter(({ value }) => /[\p{L}\p{N}]/u.test(phrasingText(value)));
  if (!rows.length) return;
  const label = (key: string) => key.replace(/\d+$/, '').replace(/^./, (c) => c.toUpperCase());
  const made: Table = {
    type: 'table',
    children: rows.map(({ key, value }) => ({
      type: 'tableRow',
      children: [
        { type: 'tableCell', children: [textNode(label(key))], data: { header: true } },
        { type: 'tableCell', children: value },
      ],
    })),
    data: { caption: args.text('name', 'title') || name },
  };
  if (!mode.block(made)) {
    keepNamedRefs(node, ctx);
    drop(ctx, 'dropped-infobox', `infobox "${name}"`, normaliseName(name));
  }
}

/** The `<ref name=x>…</ref>` definitions inside `<references>` or `{{reflist|refs=…}}`: notes for their uses. */
function defineRefs(nodes: readonly WikiNode[], ctx: Ctx): void {
  for (const node of nodes) {
    if (node.type === 'ext' && (node as { name?: string }).name === 'ref') citation(node, ctx);
    else if (node.type !== 'template') defineRefs(childrenOf(node), ctx);
  }
}

function countMaintenance(ctx: Ctx, name: string): void {
  const key = normaliseName(name);
  if (!ctx.maintenance.size) ctx.maintenanceLine = ctx.line;
  ctx.maintenance.set(key, (ctx.maintenance.get(key) ?? 0) + 1);
}

/** Magic words that change a text's case (`{{lc:…}}`, `{{ucfirst:…}}`): the text, changed. */
const TEXT_CASE: Record<string, (text: string, language: string) => string> = {
  lc: (t, l) => t.toLocaleLowerCase(l),
  uc: (t, l) => t.toLocaleUpperCase(l),
  lcfirst: (t, l) => t.charAt(0).toLocaleLowerCase(l) + t.slice(1),
  ucfirst: (t, l) => t.charAt(0).toLocaleUpperCase(l) + t.slice(1),
};

/**
 * `{{#tag:ref|text|name=x}}`: a citation (reused by `<ref name=x/>`). Variables and behaviour words
 * (`{{DEFAULTSORT:…}}`, `{{PAGENAME}}`) are counted as maintenance; other parser functions (`{{#if:…}}`)
 * are unknown templates.
 */
function magicWord(node: WikiNode, ctx: Ctx, sink: Phrasing, mode: Mode): void {
  const name = String((node as { name?: string }).name ?? '').toLowerCase();
  const args = argsOf(node, ctx, { withRefs: false });
  if (name === 'tag' && args.text('1').toLowerCase() === 'ref') {
    const ref = note(ctx, args.text('2'), args.text('name') || undefined);
    if (ref && mode.withRefs) sink.add(ref);
  } else if (name === 'formatnum') {
    // A number shown grouped as the article's language groups it: a figure of the text, never dropped.
    const value = formatNumber(args.text('1'), ctx.language(), /^(?:R|NOSEP)$/.test(args.text('2')));
    if (value) sink.add(textNode(value));
  } else if (TEXT_CASE[name] && args.text('1')) sink.add(textNode(TEXT_CASE[name](args.text('1'), ctx.language())));
  else if (String(node).trimStart().slice(2).trimStart().startsWith('#'))
    drop(ctx, 'unknown-template', `parser function "#${name}"`);
  else countMaintenance(ctx, name);
}

function template(node: WikiNode, ctx: Ctx, sink: Phrasing, mode: Mode): void {
  const name = templateName(node);
  const rule = ruleFor(name);
  switch (rule.kind) {
    case 'render':
      rule.render(argsOf(node, ctx, mode), outFor(ctx, sink, mode));
      break;
    case 'citation':
      sink.add(...citationPhrasing(formatCitation(templateParams(node, ctx), ...pageWords(ctx))));
      break;
    case 'hatnote':
      drop(ctx, 'dropped-hatnote', 'hatnote');
      break;
    case 'maintenance':
      countMaintenance(ctx, name);
      keepMarkedText(node, ctx, sink, mode);
      defineRefs(paramNodes(node).get('refs') ?? [], ctx);
      break;
    case 'infobox':
      infobox(node, name, ctx, mode);
      break;
    default:
      unknown(node, name, ctx, sink, mode);
  }
}

/**
 * A maintenance mark written around the text it marks (`{{refnec|Il est notamment l'inspirateur…}}`,
 * `{{citation needed span|…}}` under another wiki's name), inside a line: the mark goes, the marked text
 * stays. Marked text is prose: four words or more; a mark's settings, dates and page names are not.
 */
function keepMarkedText(node: WikiNode, ctx: Ctx, sink: Phrasing, mode: Mode): void {
  const value = paramNodes(node).get('1');
  if (!value || standsAlone(node)) return;
  const raw = value.map(String).join('').trim();
  if (raw.split(/\s+/).length < 4 || !/\p{Ll}{2}/u.test(raw) || /^[^\s]*:/.test(raw)) return;
  addNodes(value, ctx, sink, mode);
}

/** Whether a node stands on a line of its own at the top level (nothing but blanks around it on its line). */
function standsAlone(node: WikiNode): boolean {
  const at = node as unknown as { parentNode?: { type: string }; previousSibling?: unknown; nextSibling?: unknown };
  if (at.parentNode && at.parentNode.type !== 'root') return false;
  const before = at.previousSibling === undefined || at.previousSibling === null ? '\n' : String(at.previousSibling);
  const after = at.nextSibling === undefined || at.nextSibling === null ? '\n' : String(at.nextSibling);
  return /\n[ \t]*$/.test(before) && /^[ \t]*(\n|$)/.test(after);
}

/** The abbreviations before a page and before pages in the article's language ("p.", "pp." in English). */
function pageWords(ctx: Ctx): [string, string, (text: string) => string] {
  const page = labelsFor(ctx.language()).pageAbbr;
  return [page, baseLanguage(ctx.language()) === 'en' ? 'pp.' : page, noteWordsFor(ctx.language()).quote];
}

/** A formatted citation as phrasing: its web addresses links (a reference list's entries are followed). */
function citationPhrasing(text: string): PhrasingContent[] {
  return addressPieces(text).map((p) =>
    p.url ? { type: 'link', url: p.url, children: [textNode(p.text)] } : textNode(p.text),
  );
}

/** A template the table does not know: what guess.ts makes of it, or dropped with a warning that names it. */
function unknown(node: WikiNode, name: string, ctx: Ctx, sink: Phrasing, mode: Mode): void {
  const alone = standsAlone(node);
  if ((!alone || !mode.withRefs) && looksLikeCitation([...paramNodes(node).keys()])) {
    sink.add(...citationPhrasing(formatCitation(templateParams(node, ctx), ...pageWords(ctx))));
    const verb = 'read as a citation';
    drop(ctx, 'guessed-template', `unknown template "${name}"`, `${normaliseName(name)}\0${verb}`, verb);
    return;
  }
  const args = argsOf(node, ctx, mode);
  const inCell = (node as unknown as { parentNode?: { type: string } }).parentNode?.type === 'td-inner';
  const guess = guessUnknown({
    name,
    args,
    source: String(node),
    alone,
    inCell,
    inCitation: !mode.withRefs,
    language: args.language,
  });
  if (guess?.kind === 'figures') {
    for (const { file, caption } of guess.images) image(namedFigure(file, caption), file, ctx, mode);
    // An infobox with a picture (`{{영화인 정보|이름=…|그림=…|출생일=…}}`): its picture, and the box said dropped.
    if (guess.box) {
      keepNamedRefs(node, ctx);
      drop(ctx, 'dropped-infobox', `infobox "${name}"`, normaliseName(name));
    }
  } else if (guess) {
    if (guess.kind === 'list') outFor(ctx, sink, mode).list(guess.items);
    else sink.add(...guess.nodes);
    if (guess.warn) {
      const { rule, verb } = guess.warn;
      drop(ctx, rule, `unknown template "${name}"`, `${normaliseName(name)}\0${verb}`, verb);
    }
  } else if (isBox(args, alone)) infobox(node, name, ctx, mode);
  else drop(ctx, 'unknown-template', `unknown template "${name}"`, normaliseName(name));
}

function citation(node: WikiNode, ctx: Ctx): FootnoteReference | undefined {
  const getAttr = (node as unknown as { getAttr(name: string): string | true | undefined }).getAttr.bind(node);
  const nameAttr = getAttr('name');
  const name = typeof nameAttr === 'string' && nameAttr.trim() ? nameAttr.trim() : undefined;
  const text = refText(innerOf(node), ctx);
  const line = ctx.line;
  let key: string;
  if (name) {
    key = name;
    const existing = ctx.citations.find((c) => c.key === key);
    if (!existing) ctx.citations.push({ key, text, line });
    else if (!existing.text && text) existing.text = text; // a reuse that appears before the definition
  } else {
    if (!text) {
      ctx.warn('empty-ref', 'empty <ref> without a name skipped', line);
      return undefined;
    }
    key = `ref-${++ctx.refCounter}`;
    ctx.citations.push({ key, text, line });
  }
  return { type: 'footnoteReference', identifier: key, label: key };
}

/**
 * A note's text with the addresses its links point to (`[https://… Senate of Pakistan]`) after it, each once,
 * unless the text already writes it: a reader can then open or type the source (the notes are text).
 */
function withAddresses(text: string, phrasing: PhrasingContent[]): string {
  const urls = new Set<string>();
  // Written as a word of its own (an archived copy's address holds the original's, which is not written then).
  const written = new Set(text.split(/\s+/).map((w) => w.replace(/[.,;:)]+$/, '')));
  const walk = (nodes: readonly PhrasingContent[]) => {
    for (const n of nodes) {
      if (n.type === 'link' && /^https?:\/\//i.test(n.url) && !written.has(n.url)) urls.add(n.url);
      if ('children' in n) walk(n.children as PhrasingContent[]);
    }
  };
  walk(phrasing);
  if (!urls.size) return text;
  return `${text.replace(/[\s.]+$/, '')}. ${[...urls].join(' ')}`;
}

/**
 * A citation's text: its prose and templates as text (citation templates formatted into a note). A ref of
 * nothing but templates the reader does not know: their parameters' values.
 */
function refText(nodes: WikiNode[], ctx: Ctx): string {
  const phrasing = inline(nodes, ctx, false);
  const text = squash(phrasingText(phrasing));
  if (text) return withAddresses(text, phrasing);
  const templates = nodes.filter((n) => n.type === 'template' && ruleFor(templateName(n)).kind === 'unknown');
  return squash(templates.map((t) => formatCitation(templateParams(t, ctx), ...pageWords(ctx))).join(' '));
}
