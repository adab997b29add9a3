/**
 * Book content → safe HTML fragments: mdast → hast (mdast-util-to-hast) → rehype-sanitize with an explicit
 * schema → rehype-stringify. Content is untrusted: only the elements and attributes listed here survive.
 */
import { createHash } from 'node:crypto';
import { unified } from 'unified';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { toHast, type Handler } from 'mdast-util-to-hast';
import type { Root as HastRoot, Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { FootnoteReference, Image, RootContent } from 'mdast';
import type { Schema as SanitizeSchema } from 'hast-util-sanitize';
import { hyphenateTree } from './hyphenate.js';
import { blockHandlers } from './blocks-hast.js';
import { visit } from 'unist-util-visit';
import { memoize } from '../../util/memo.js';
import { addressPieces } from '../../util/addresses.js';

/** The MathML elements temml writes (Presentation MathML Core), and the TeX source annotation. */
const MATHML = [
  ...['math', 'semantics', 'annotation', 'mrow', 'mi', 'mo', 'mn', 'ms', 'mtext', 'mspace', 'msub', 'msup'],
  ...['msubsup', 'mfrac', 'msqrt', 'mroot', 'mover', 'munder', 'munderover', 'mtable', 'mtr', 'mtd', 'mstyle'],
  ...['mpadded', 'mphantom', 'menclose', 'merror', 'mmultiscripts', 'mprescripts', 'none'],
];

export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  // Ids come from Quire, not from sources; keep them as they are.
  clobberPrefix: '',
  clobber: [],
  tagNames: [
    ...['p', 'ul', 'ol', 'li', 'a', 'em', 'strong', 'sup', 'sub', 'code', 'pre', 'br', 'span', 'blockquote', 'del'],
    // Right-to-left text isolated in left-to-right text (blocks-hast.ts).
    'bdi',
    ...['div', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'figure', 'figcaption', 'img', 'dl', 'dt', 'dd'],
    ...MATHML,
  ],
  attributes: {
    a: ['href', 'id', 'className', 'role', 'title'],
    sup: ['className', 'id'],
    span: ['className', 'id'],
    div: [['className', 'table-wrap', 'math']],
    code: [['className', /^language-[\w-]+$/, 'math-source']],
    figure: [['className', 'quote', 'figure']],
    figcaption: [['className', 'attribution']],
    th: ['colSpan', 'rowSpan', ['scope', 'col', 'row']],
    td: ['colSpan', 'rowSpan'],
    img: ['src', 'alt'],
    li: ['id'],
    math: [
      ['display', 'block', 'inline'],
      ['xmlns', 'http://www.w3.org/1998/Math/MathML'],
    ],
    mo: ['stretchy', 'fence', 'separator', 'lspace', 'rspace', 'form', 'largeop', 'movablelimits', 'accent'],
    mi: ['mathvariant'],
    mstyle: ['mathvariant', 'displaystyle', 'scriptlevel'],
    mspace: ['width'],
    mpadded: ['width', 'lspace', 'voffset'],
    mover: ['accent'],
    munder: ['accentunder'],
    menclose: ['notation'],
    mtd: ['columnalign'],
    mtable: ['columnalign', 'rowspacing', 'columnspacing'],
    annotation: [['encoding', 'application/x-tex']],
    '*': [],
  },
  // Only same-document and web links; no javascript:, data:, file: or anything else. Images come only from
  // the guide's own files (a relative address, see `image` in blocks-hast.ts): the renderer fetches nothing
  // from the network. (An empty list would allow every protocol; this one matches none a URL can have.)
  protocols: { href: ['http', 'https', 'mailto'], src: ['quire-no-protocol'] },
  strip: ['script', 'style', 'iframe', 'object', 'embed', 'meta', 'link', 'template'],
};

const processor = unified().use(rehypeSanitize, sanitizeSchema).use(rehypeStringify);

export interface ContentContext {
  /** Prefix for note anchors, so notes are unique within a document holding several chapters. */
  notePrefix: string;
  /** Note number by citation id. */
  noteNumber: (citationId: string) => number | undefined;
  /**
   * Prefix of the ids of note calls in these nodes (unique in the document, e.g. the block's id): each call
   * gets the id `<callPrefix>-<citation id>` (`-2`, `-3`… for further calls of one note here), for the note
   * to link back to. Without it, calls have no id.
   */
  callPrefix?: string;
  /** Told of each call, in document order, with its id. */
  onCall?: (citationId: string, callId: string) => void;
  /** Print only: insert soft hyphens. */
  hyphenate?: (text: string) => string;
  /** EPUB only: mark note references with epub:type, so readers can show notes as pop-ups. */
  epub?: boolean;
  /** Where each image of the content folder is found from this output (by its path); others are left out. */
  images?: ReadonlyMap<string, string>;
}

/**
 * One mdast block (or several) as a sanitized HTML string. Remembered for the process by everything the
 * HTML depends on: the nodes (without their source positions), the note prefix and the numbers of the notes
 * they cite, the hyphenator and the target — a watch session's edit converts only the blocks it changed.
 */
export function blockHtml(nodes: RootContent | RootContent[], ctx: ContentContext): string {
  const cited: string[] = [];
  const callId = callIds(ctx.callPrefix);
  // One walk over the nodes, in document order, as their JSON is written (without source positions): the
  // notes they call and the images they show are read on the way.
  const json = JSON.stringify(nodes, (name, value: unknown) => {
    if (name === 'position') return undefined;
    const type = (value as { type?: unknown } | null)?.type;
    if (type === 'footnoteReference') {
      const { identifier } = value as FootnoteReference;
      const n = ctx.noteNumber(identifier);
      cited.push(`${identifier}=${n ?? ''}`);
      const id = n === undefined ? undefined : callId(identifier);
      if (id) ctx.onCall?.(identifier, id);
    }
    // An image's address in this output (a file beside the page, or its bytes) is part of the HTML.
    else if (type === 'image') cited.push(`${(value as Image).url}>${ctx.images?.get((value as Image).url) ?? ''}`);
    return value;
  });
  // A digest, not the text itself: the cache holds many blocks for the life of the process.
  const key = createHash('sha1')
    .update(json)
    .update(
      [
        '',
        ctx.notePrefix,
        ctx.callPrefix ?? '',
        cited.join(','),
        ctx.hyphenate ? hyphenatorId(ctx.hyphenate) : '',
        ctx.epub ? 'epub' : '',
      ].join('\u0000'),
    )
    .digest('base64');
  return rememberedHtml(key, nodes, ctx);
}

/** The ids of note calls in one conversion, in document order (undefined without a prefix). */
function callIds(prefix: string | undefined): (citationId: string) => string | undefined {
  const seen = new Map<string, number>();
  return (citationId) => {
    if (prefix === undefined) return undefined;
    const n = (seen.get(citationId) ?? 0) + 1;
    seen.set(citationId, n);
    return `${prefix}-${citationId}${n > 1 ? `-${n}` : ''}`;
  };
}

const hyphenatorIds = new WeakMap<(text: string) => string, number>();
let hyphenatorCount = 0;
const hyphenatorId = (fn: (text: string) => string) => {
  let id = hyphenatorIds.get(fn);
  if (id === undefined) hyphenatorIds.set(fn, (id = ++hyphenatorCount));
  return id;
};

const rememberedHtml = memoize(
  (_key: string, nodes: RootContent | RootContent[], ctx: ContentContext) => convert(nodes, ctx),
  (key) => key,
  20_000,
);

function convert(nodes: RootContent | RootContent[], ctx: ContentContext): string {
  const callId = callIds(ctx.callPrefix);
  const footnoteReference: Handler = (_state, node: FootnoteReference, parent): Element | undefined => {
    const n = ctx.noteNumber(node.identifier);
    if (n === undefined) return undefined;
    // Calls side by side ([^1][^2]) are separated by a comma inside the second call: a CSS sibling rule would
    // also fire across text between them.
    const siblings = parent?.children ?? [];
    const before = siblings[siblings.indexOf(node) - 1];
    const follows = before?.type === 'footnoteReference' && ctx.noteNumber(before.identifier) !== undefined;
    const id = callId(node.identifier);
    return {
      type: 'element',
      tagName: 'sup',
      properties: { className: ['noteref'] },
      children: [
        ...(follows ? [{ type: 'text' as const, value: ',' }] : []),
        {
          type: 'element',
          tagName: 'a',
          properties: { href: `#${ctx.notePrefix}${node.identifier}`, role: 'doc-noteref', ...(id ? { id } : {}) },
          children: [{ type: 'text', value: String(n) }],
        },
      ],
    };
  };
  const root = { type: 'root' as const, children: Array.isArray(nodes) ? nodes : [nodes] };
  const hast = processor.runSync(
    toHast(root, { handlers: { ...blockHandlers, footnoteReference } }) as HastRoot,
  ) as HastRoot;
  if (ctx.hyphenate) hyphenateTree(hast, ctx.hyphenate);
  // After sanitizing: the image's address in this output is Quire's (a file it copied, or the image's bytes).
  visit(hast, 'element', (el: Element, index, parent) => {
    if (el.tagName !== 'img') return undefined;
    const src = ctx.images?.get(String(el.properties.src));
    if (src) el.properties.src = src;
    else if (parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
  // After sanitizing: Quire's own semantics, not the source's.
  if (ctx.epub)
    visit(hast, 'element', (el: Element) => {
      if (el.tagName === 'a' && el.properties.role === 'doc-noteref') el.properties['epub:type'] = 'noteref';
    });
  return processor.stringify(hast);
}

/**
 * A note's text as HTML: its web addresses links a reader can follow (a cited page, its archived copy), the
 * rest escaped text.
 */
export function noteHtml(text: string): string {
  const children: ElementContent[] = addressPieces(text).map((p) =>
    p.url
      ? { type: 'element', tagName: 'a', properties: { href: p.url }, children: [{ type: 'text', value: p.text }] }
      : { type: 'text', value: p.text },
  );
  return toHtml({ type: 'root', children });
}
