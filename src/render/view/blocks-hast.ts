/**
 * mdast → hast for the block kinds and phrasing Quire adds to mdast (see model/mdast.ts): tables with
 * header cells, spans and a caption; quotations with their attribution; figures; definition lists; math as
 * MathML (temml); sub- and superscripts. Everything else is mdast-util-to-hast's own handling.
 * The output still goes through the sanitizer (content.ts) like any other content.
 */
import type { Element, ElementContent, Properties } from 'hast';
import type { Blockquote, Image, InlineCode, Paragraph, Table, TableCell, TableRow, Text as MdText } from 'mdast';
import type { InlineMath, Math } from 'mdast-util-math';
import { defaultHandlers, type Handler, type Handlers, type State } from 'mdast-util-to-hast';
import type { fromHtml as FromHtml } from 'hast-util-from-html';
import type Temml from 'temml';
import type { DefList, Subscript, Superscript } from '../../model/mdast.js';

/** Set by scripts/bundle.mjs (esbuild's `define`): this module is running in the bundled command. */
declare const QUIRE_BUNDLED: boolean | undefined;

/**
 * temml and the HTML parser that reads its MathML (~0.7 MB of code to parse, and temml's symbol tables to
 * build) are loaded only for a guide with maths in the bundled command: a view that meets maths before they
 * are loaded stops with `MathNotLoaded`, and its maker (`viewWithMath`) loads them and makes the view again.
 * Run from the sources, they are loaded with this module.
 */
let typesetter: { temml: typeof Temml; fromHtml: typeof FromHtml } | undefined;

/** Thrown by a view that meets maths before temml is loaded (see `viewWithMath`). */
export class MathNotLoaded extends Error {
  constructor() {
    super('maths met before temml was loaded (src/render/view/blocks-hast.ts)');
  }
}

async function loadMath(): Promise<void> {
  const [temml, { fromHtml }] = await Promise.all([import('temml'), import('hast-util-from-html')]);
  typesetter ??= { temml: temml.default, fromHtml };
}

if (typeof QUIRE_BUNDLED === 'undefined') await loadMath();

/**
 * `make()` (a view: pure, so it can be made again), with temml loaded first if the guide has maths. A guide
 * without maths never loads it.
 */
export async function viewWithMath<T>(make: () => T | Promise<T>): Promise<T> {
  try {
    return await make();
  } catch (error) {
    if (!(error instanceof MathNotLoaded)) throw error;
    await loadMath();
    return make();
  }
}

const el = (tagName: string, properties: Properties, children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

/** A table's rows that are headers: the cells that say so, else the first row (GFM's convention). */
function headerCells(table: Table): (cell: TableCell, row: number) => boolean {
  const says = table.children.some((r) => r.children.some((c) => c.data?.header !== undefined));
  return says ? (cell) => cell.data?.header === true : (_cell, row) => row === 0;
}

const table: Handler = (state: State, node: Table) => {
  const isHeader = headerCells(node);
  const rows = node.children.map((row: TableRow, r) => {
    const cells = row.children.map((cell, c): Element => {
      const header = isHeader(cell, r);
      const properties: Properties = {};
      if (cell.data?.colSpan && cell.data.colSpan > 1) properties.colSpan = cell.data.colSpan;
      if (cell.data?.rowSpan && cell.data.rowSpan > 1) properties.rowSpan = cell.data.rowSpan;
      if (header)
        properties.scope = row.children.every((x) => x.data?.header ?? r === 0) ? 'col' : c === 0 ? 'row' : 'col';
      return el(header ? 'th' : 'td', properties, state.all(cell) as ElementContent[]);
    });
    return { all: row.children.every((cell) => isHeader(cell, r)), tr: el('tr', {}, cells) };
  });
  // Leading rows of header cells only are the table's head: print repeats them on every page.
  let head = 0;
  while (head < rows.length - 1 && rows[head]!.all) head++;
  const parts: Element[] = [];
  if (node.data?.caption) parts.push(el('caption', {}, [{ type: 'text', value: node.data.caption }]));
  if (head)
    parts.push(
      el(
        'thead',
        {},
        rows.slice(0, head).map((r) => r.tr),
      ),
    );
  parts.push(
    el(
      'tbody',
      {},
      rows.slice(head).map((r) => r.tr),
    ),
  );
  // The wrapper lets a wide table scroll on a narrow screen instead of widening the page.
  return el('div', { className: ['table-wrap'] }, [el('table', {}, parts)]);
};

const blockquote: Handler = (state: State, node: Blockquote) => {
  const quote = el('blockquote', {}, state.wrap(state.all(node), true) as ElementContent[]);
  const by = node.data?.attribution?.trim();
  if (!by) return quote;
  return el('figure', { className: ['quote'] }, [
    quote,
    el('figcaption', { className: ['attribution'] }, [{ type: 'text', value: `— ${by}` }]),
  ]);
};

const paragraph: Handler = (state: State, node: Paragraph) => {
  if (!node.data?.figure) return el('p', {}, state.all(node) as ElementContent[]);
  const caption = node.data.caption?.trim();
  return el('figure', { className: ['figure'] }, [
    ...(state.all(node) as ElementContent[]),
    ...(caption ? [el('figcaption', {}, [{ type: 'text' as const, value: caption }])] : []),
  ]);
};

/** A relative address inside the guide's files: no scheme, no host, no way up and out. */
export const isLocalAddress = (url: string) =>
  !/^[a-z][a-z\d+.-]*:/i.test(url) &&
  !url.startsWith('//') &&
  !url.startsWith('/') &&
  !url.split(/[\\/]/).includes('..');

/** Images only from the guide's own files; anything else is left out (the reader has warned). */
const image: Handler = (_state, node: Image) =>
  isLocalAddress(node.url) ? el('img', { src: node.url, alt: node.alt ?? '' }, []) : undefined;

const defList: Handler = (state: State, node: DefList) =>
  el(
    'dl',
    {},
    node.children.map((c) => el(c.type === 'defListTerm' ? 'dt' : 'dd', {}, state.all(c) as ElementContent[])),
  );

/** TeX as MathML; TeX that temml cannot read stays visible as its source. */
function mathml(value: string, display: boolean): ElementContent {
  if (!typesetter) throw new MathNotLoaded();
  const { temml, fromHtml } = typesetter;
  try {
    const markup = temml.renderToString(value, { displayMode: display, throwOnError: true, annotate: true });
    const math = fromHtml(markup, { fragment: true }).children.find((c) => c.type === 'element');
    if (math) return math;
  } catch {
    // fall through: the source is shown as code
  }
  return el('code', { className: ['math-source'] }, [{ type: 'text', value }]);
}

const math: Handler = (_state, node: Math) => el('div', { className: ['math'] }, [mathml(node.value, true)]);
const inlineMath: Handler = (_state, node: InlineMath) => mathml(node.value, false);
const inlineCode: Handler = (_state, node: InlineCode) => el('code', {}, [{ type: 'text', value: node.value }]);
const subscript: Handler = (state: State, node: Subscript) => el('sub', {}, state.all(node) as ElementContent[]);
const superscript: Handler = (state: State, node: Superscript) => el('sup', {}, state.all(node) as ElementContent[]);

/** Letters written right to left: Hebrew, Arabic (Urdu, Persian), Syriac, Thaana, N'Ko, and their forms. */
const RTL = String.raw`\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC`;
/** A run of right-to-left text: from its first such letter to its last, with what stands between. */
const RTL_RUN = new RegExp(
  String.raw`[${RTL}](?:[${RTL}\s\d.,:;'"()\-\u060C\u061B\u061F\u066B\u066C]*[${RTL}])?`,
  'gu',
);

/** Whether a text holds a right-to-left letter. */
export const hasRightToLeft = (value: string): boolean => new RegExp(`[${RTL}]`, 'u').test(value);

/**
 * Plain text (a key point, a timeline line, a question) with each right-to-left run between the Unicode
 * isolates (U+2068 … U+2069), which the page's text is shown with as a `<bdi>` element is.
 */
export function isolateRightToLeft(value: string): string {
  return hasRightToLeft(value) ? value.replace(RTL_RUN, (run) => `\u2068${run}\u2069`) : value;
}

/**
 * Text as mdast-util-to-hast makes it, with each run of right-to-left letters in a left-to-right text isolated
 * (`<bdi>`): "(Urdu: انور کمال خان; 19 November 1946 –" would otherwise show the day before the name.
 */
const text: Handler = (state: State, node: MdText) => {
  const made = defaultHandlers.text(state, node);
  if (made.type !== 'text' || !hasRightToLeft(made.value)) return made;
  const out: ElementContent[] = [];
  let last = 0;
  for (const m of made.value.matchAll(RTL_RUN)) {
    if (m.index > last) out.push({ type: 'text', value: made.value.slice(last, m.index) });
    out.push(el('bdi', {}, [{ type: 'text', value: m[0] }]));
    last = m.index + m[0].length;
  }
  if (last < made.value.length) out.push({ type: 'text', value: made.value.slice(last) });
  return out;
};

export const blockHandlers: Handlers = {
  text,
  table,
  blockquote,
  paragraph,
  image,
  defList,
  math,
  inlineMath,
  inlineCode,
  subscript,
  superscript,
};
