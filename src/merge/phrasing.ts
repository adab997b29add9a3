/**
 * A sentence's own phrasing: the part of a paragraph's mdast children that a sentence covers, with its
 * emphasis, links, code, sub/superscripts and line breaks, so the merge keeps a source's inline markup
 * instead of flattening each sentence to text. Offsets count text the way the sentence splitter does
 * (`plainOf`); citations are left out (the merge places them after the sentence).
 */
import type { PhrasingContent, Text } from 'mdast';
import { plainOf } from './sentences.js';

/** True when phrasing holds nothing but text and citations: the sentence's text says it all. */
export const isPlain = (children: readonly PhrasingContent[]) =>
  children.every((c) => c.type === 'text' || c.type === 'footnoteReference');

/**
 * The phrasing of `children` within [start, end) of their plain text, whitespace collapsed and trimmed
 * at both ends as the sentence's text is. Wrappers (emphasis, strong, link…) are kept around the part
 * of their content inside the range; nodes without text (an image) go with the range they start in.
 */
export function sliceSentence(children: readonly PhrasingContent[], start: number, end: number): PhrasingContent[] {
  const out = slice(children, { at: 0 }, start, end);
  tidy(out);
  return out;
}

function slice(nodes: readonly PhrasingContent[], pos: { at: number }, start: number, end: number): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    if (node.type === 'footnoteReference') continue;
    const from = pos.at;
    if ('children' in node) {
      const inner = slice(node.children as PhrasingContent[], pos, start, end);
      if (inner.length) out.push({ ...node, children: inner } as PhrasingContent);
      continue;
    }
    const length = plainOf(node).length;
    pos.at += length;
    if (node.type === 'text') {
      const a = Math.max(start, from);
      const b = Math.min(end, from + length);
      if (b > a) out.push({ type: 'text', value: node.value.slice(a - from, b - from) });
    } else if (length ? from < end && from + length > start : from >= start && from < end) {
      out.push(node);
    }
  }
  return out;
}

/** Collapse runs of white space in text nodes, and trim the first and last text of the sentence. */
function tidy(nodes: PhrasingContent[]): void {
  const texts: Text[] = [];
  const collect = (list: PhrasingContent[]) => {
    for (const n of list) {
      if (n.type === 'text') texts.push(n);
      else if ('children' in n) collect(n.children as PhrasingContent[]);
    }
  };
  collect(nodes);
  for (const t of texts) t.value = t.value.replace(/\s+/g, ' ');
  if (texts.length) {
    texts[0]!.value = texts[0]!.value.trimStart();
    texts[texts.length - 1]!.value = texts[texts.length - 1]!.value.trimEnd();
  }
}
