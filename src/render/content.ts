/**
 * Book content → safe HTML fragments: mdast → hast (mdast-util-to-hast) → rehype-sanitize with an explicit
 * schema → rehype-stringify. Content is untrusted: only the elements and attributes listed here survive.
 */
import { unified } from 'unified';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { toHast, type Handler } from 'mdast-util-to-hast';
import type { Root as HastRoot, Element } from 'hast';
import type { FootnoteReference, RootContent } from 'mdast';
import type { Schema as SanitizeSchema } from 'hast-util-sanitize';
import { hyphenateTree } from './hyphenate.js';
import { visit } from 'unist-util-visit';

export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  // Ids come from Quire, not from sources; keep them as they are.
  clobberPrefix: '',
  clobber: [],
  tagNames: ['p', 'ul', 'ol', 'li', 'a', 'em', 'strong', 'sup', 'sub', 'code', 'br', 'span', 'blockquote', 'del'],
  attributes: {
    a: ['href', 'id', 'className', 'role', 'title'],
    sup: ['className', 'id'],
    span: ['className'],
    li: ['id'],
    '*': [],
  },
  // Only same-document and web links; no javascript:, data:, file: or anything else.
  protocols: { href: ['http', 'https', 'mailto'] },
  strip: ['script', 'style', 'iframe', 'object', 'embed', 'meta', 'link', 'template'],
};

const processor = unified().use(rehypeSanitize, sanitizeSchema).use(rehypeStringify);

export interface ContentContext {
  /** Prefix for note anchors, so notes are unique within a document holding several chapters. */
  notePrefix: string;
  /** Note number by citation id. */
  noteNumber: (citationId: string) => number | undefined;
  /** Print only: insert soft hyphens. */
  hyphenate?: (text: string) => string;
  /** EPUB only: mark note references with epub:type, so readers can show notes as pop-ups. */
  epub?: boolean;
}

/** One mdast block (or several) as a sanitized HTML string. */
export function blockHtml(nodes: RootContent | RootContent[], ctx: ContentContext): string {
  const footnoteReference: Handler = (_state, node: FootnoteReference): Element | undefined => {
    const n = ctx.noteNumber(node.identifier);
    if (n === undefined) return undefined;
    return {
      type: 'element',
      tagName: 'sup',
      properties: { className: ['noteref'] },
      children: [
        {
          type: 'element',
          tagName: 'a',
          properties: { href: `#${ctx.notePrefix}${node.identifier}`, role: 'doc-noteref' },
          children: [{ type: 'text', value: String(n) }],
        },
      ],
    };
  };
  const root = { type: 'root' as const, children: Array.isArray(nodes) ? nodes : [nodes] };
  const hast = processor.runSync(toHast(root, { handlers: { footnoteReference } }) as HastRoot) as HastRoot;
  if (ctx.hyphenate) hyphenateTree(hast, ctx.hyphenate);
  // After sanitizing: Quire's own semantics, not the source's.
  if (ctx.epub) visit(hast, 'element', (el: Element) => {
    if (el.tagName === 'a' && el.properties.role === 'doc-noteref') el.properties['epub:type'] = 'noteref';
  });
  return processor.stringify(hast);
}
