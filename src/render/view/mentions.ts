/**
 * Links between the text and the study aids. The study stage found the first mention of each glossary entry
 * in each chapter (`StudyGuide.mentions`, see study/mentions.ts); here each span becomes a link to the entry,
 * with an anchor id so the entry can link back to it. The other spans (an index entry's mentions, where a
 * question's quotation starts) become anchors only: the index and the answer key link to them, so print gives
 * the page the words stand on. Works on mdast, before HTML; no text is searched here.
 */
import type { Block, MentionSpan, StudyGuide } from '../../model/index.js';
import type { Link, Nodes, Parent, PhrasingContent, Text } from 'mdast';

export interface MentionAnchor {
  entry: string;
  chapter: string;
  block: string;
  anchor: string;
  /** A place page references point at (an index entry's mention, a quotation's start), not a linked mention. */
  kind?: MentionSpan['kind'];
}

/** The id of a linked first mention: one per entry and chapter. */
export const mentionAnchor = (span: Pick<MentionSpan, 'entry' | 'chapter'>) => `m-${span.entry}-${span.chapter}`;

/**
 * The text node a span's path leads to, and the children array holding it, in `copy`: the parents on the
 * way are copied (each once, `copied` holds the copies), so that the block's own node is left as it is and
 * the rest of it is shared, not cloned.
 */
function textAt(
  copy: Parent,
  span: MentionSpan,
  copied: Set<Nodes>,
): { siblings: Parent['children']; text: Text } | undefined {
  let siblings: Parent['children'] | undefined;
  let at: Nodes | undefined = copy as Nodes;
  for (const i of span.path) {
    if (!at || !('children' in at)) return undefined;
    siblings = at.children;
    let next: Nodes | undefined = siblings[i];
    if (next && 'children' in next && !copied.has(next)) {
      next = { ...next, children: [...next.children] } as Nodes;
      copied.add(next);
      siblings[i] = next as (typeof siblings)[number];
    }
    at = next;
  }
  return siblings && at?.type === 'text' ? { siblings, text: at } : undefined;
}

/** A span's anchor id: the glossary's (one per entry and chapter), an index entry's in a block, a quotation's. */
function anchorOf(span: MentionSpan, nth: number): string {
  if (span.kind === 'quote') return quoteAnchor(span.entry);
  if (span.kind === 'index') return `${span.entry}-in-${span.block}${nth > 1 ? `-${nth}` : ''}`;
  return mentionAnchor(span);
}

/** The id of the place where the sentence a question quotes starts. */
export const quoteAnchor = (questionId: string) => `src-${questionId}`;

/** An element that marks a place with an id (a `<span>`: it may stand inside a link). */
const marker = (id: string, children: PhrasingContent[]): PhrasingContent => ({
  type: 'emphasis',
  data: { hName: 'span', hProperties: { id } },
  children,
});

/**
 * A text node with its glossary spans linked and its places marked: text before, between and after the links
 * (empty text left out); a place's marker holds the text from where it starts to the next cut (a link's edge,
 * another place, the place's end), inside the link when it starts in one.
 */
function linked(text: Text, spans: Anchored[], link: (span: MentionSpan, value: string) => Link): Parent['children'] {
  const len = text.value.length;
  const links = spans.filter((s) => !s.span.kind).sort((a, b) => a.span.start - b.span.start);
  const places = spans.filter((s) => s.span.kind);
  let cursor = 0;
  for (const { span } of [...links, ...places]) {
    if (span.end < span.start || span.end > len || span.start >= len || (!span.kind && span.start < cursor))
      throw new Error(`mention span of ${span.entry} in ${span.block}: [${span.start}, ${span.end}) does not fit`);
    if (!span.kind) cursor = span.end;
  }
  const cuts = [0, len, ...spans.flatMap(({ span }) => [span.start, span.end])];
  const sorted = [...new Set(cuts)].sort((a, b) => a - b);
  const out: Parent['children'] = [];
  let open: { span: MentionSpan; node: Link } | undefined;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [a, b] = [sorted[i]!, sorted[i + 1]!];
    let node: PhrasingContent = { type: 'text', value: text.value.slice(a, b) };
    for (const { id } of places.filter((p) => p.span.start === a)) node = marker(id, [node]);
    const inLink = links.find(({ span }) => span.start <= a && b <= span.end)?.span;
    if (!inLink) out.push(node);
    else if (open?.span === inLink) open.node.children.push(node);
    else {
      open = { span: inLink, node: link(inLink, '') };
      open.node.children = [node];
      out.push(open.node);
    }
  }
  return out;
}

/** A span and the id of its anchor. */
interface Anchored {
  span: MentionSpan;
  id: string;
}

/**
 * A copy of a block's node with the given spans (all in this block) linked or marked: the node and the parents
 * of the spans' texts are copied, the rest shared with the block (the view never changes a node).
 */
function linkBlock(
  node: Block['node'],
  spans: Anchored[],
  link: (span: MentionSpan, value: string) => Link,
): Block['node'] {
  if (!('children' in node)) throw new Error(`mention spans in a block without text: ${spans[0]?.span.block}`);
  const copy = { ...node, children: [...node.children] } as Block['node'] & Parent;
  const copied = new Set<Nodes>([copy]);
  const byText = new Map<Text, { siblings: Parent['children']; spans: Anchored[] }>();
  for (const anchored of spans) {
    const found = textAt(copy, anchored.span, copied);
    if (!found) {
      const { entry, block, path } = anchored.span;
      throw new Error(`mention span of ${entry} in ${block}: no text node at [${path.join(', ')}]`);
    }
    const entry = byText.get(found.text) ?? { siblings: found.siblings, spans: [] };
    entry.spans.push(anchored);
    byText.set(found.text, entry);
  }
  for (const [text, { siblings, spans: here }] of byText)
    siblings.splice(siblings.indexOf(text), 1, ...linked(text, here, link));
  return copy;
}

/**
 * Pure: copies of the block nodes that hold spans, with the glossary's first mentions linked and the other
 * places marked, and the anchors made. `hrefFor` gives the link to an entry from a chapter (same page in
 * HTML, another file in an EPUB).
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
  const nth = new Map<string, number>();
  const anchored = book.mentions.map((span): Anchored => {
    const key = `${span.kind ?? ''}|${span.entry}|${span.block}`;
    nth.set(key, (nth.get(key) ?? 0) + 1);
    return { span, id: anchorOf(span, nth.get(key)!) };
  });
  const byBlock = new Map<string, Anchored[]>();
  for (const a of anchored) {
    const list = byBlock.get(a.span.block);
    if (list) list.push(a);
    else byBlock.set(a.span.block, [a]);
  }
  const nodes = new Map<string, Block['node']>();
  for (const chapter of book.chapters)
    for (const section of chapter.sections)
      for (const block of section.blocks) {
        const spans = byBlock.get(block.id);
        if (spans && !nodes.has(block.id)) nodes.set(block.id, linkBlock(block.node, spans, link));
      }
  const anchors = anchored.map(({ span, id }) => ({
    entry: span.entry,
    chapter: span.chapter,
    block: span.block,
    anchor: id,
    ...(span.kind ? { kind: span.kind } : {}),
  }));
  return { nodes, anchors };
}
