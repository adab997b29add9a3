/**
 * Links between the text and the study aids. The study stage found the first mention of each glossary entry
 * in each chapter (`StudyGuide.mentions`, see study/mentions.ts); here each span becomes a link to the entry,
 * with an anchor id so the entry can link back to it. Works on mdast, before HTML; no text is searched here.
 */
import type { Block, MentionSpan, StudyGuide } from '../../model/index.js';
import type { Link, Nodes, Parent, Text } from 'mdast';

export interface MentionAnchor {
  entry: string;
  chapter: string;
  block: string;
  anchor: string;
}

/** The id of a linked first mention: one per entry and chapter. */
export const mentionAnchor = (span: Pick<MentionSpan, 'entry' | 'chapter'>) => `m-${span.entry}-${span.chapter}`;

/** The text node a span's path leads to, and the children array holding it. */
function textAt(node: Block['node'], span: MentionSpan): { siblings: Parent['children']; text: Text } {
  let siblings: Parent['children'] | undefined;
  let at: Nodes | undefined = node;
  for (const i of span.path) {
    siblings = at && 'children' in at ? at.children : undefined;
    at = siblings?.[i];
  }
  if (!siblings || at?.type !== 'text')
    throw new Error(`mention span of ${span.entry} in ${span.block}: no text node at [${span.path.join(', ')}]`);
  return { siblings, text: at };
}

/** A text node with spans linked: text before, between and after the links (empty text left out). */
function linked(
  text: Text,
  spans: MentionSpan[],
  link: (span: MentionSpan, value: string) => Link,
): Parent['children'] {
  const out: Parent['children'] = [];
  let cursor = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < cursor || span.end < span.start || span.end > text.value.length)
      throw new Error(`mention span of ${span.entry} in ${span.block}: [${span.start}, ${span.end}) does not fit`);
    if (span.start > cursor) out.push({ type: 'text', value: text.value.slice(cursor, span.start) });
    out.push(link(span, text.value.slice(span.start, span.end)));
    cursor = span.end;
  }
  if (cursor < text.value.length) out.push({ type: 'text', value: text.value.slice(cursor) });
  return out;
}

/** A copy of a block's node with the given spans (all in this block) linked. */
function linkBlock(
  node: Block['node'],
  spans: MentionSpan[],
  link: (span: MentionSpan, value: string) => Link,
): Block['node'] {
  const copy = structuredClone(node);
  const byText = new Map<Text, { siblings: Parent['children']; spans: MentionSpan[] }>();
  for (const span of spans) {
    const { siblings, text } = textAt(copy, span);
    const entry = byText.get(text) ?? { siblings, spans: [] };
    entry.spans.push(span);
    byText.set(text, entry);
  }
  for (const [text, { siblings, spans: here }] of byText)
    siblings.splice(siblings.indexOf(text), 1, ...linked(text, here, link));
  return copy;
}

/**
 * Pure: copies of the block nodes that hold first mentions, with the mentions linked, and the anchors made.
 * `hrefFor` gives the link to an entry from a chapter (same page in HTML, another file in an EPUB).
 */
export function linkMentions(
  book: StudyGuide,
  hrefFor: (entryId: string) => string,
): { nodes: Map<string, Block['node']>; anchors: MentionAnchor[] } {
  const link = (span: MentionSpan, value: string): Link => ({
    type: 'link',
    url: hrefFor(span.entry),
    children: [{ type: 'text', value }],
    data: { hProperties: { id: mentionAnchor(span), className: ['gloss-ref'] } },
  });
  const byBlock = new Map<string, MentionSpan[]>();
  for (const span of book.mentions) byBlock.set(span.block, [...(byBlock.get(span.block) ?? []), span]);
  const nodes = new Map<string, Block['node']>();
  for (const chapter of book.chapters)
    for (const section of chapter.sections)
      for (const block of section.blocks) {
        const spans = byBlock.get(block.id);
        if (spans && !nodes.has(block.id)) nodes.set(block.id, linkBlock(block.node, spans, link));
      }
  const anchors = book.mentions.map((s) => ({
    entry: s.entry,
    chapter: s.chapter,
    block: s.block,
    anchor: mentionAnchor(s),
  }));
  return { nodes, anchors };
}
