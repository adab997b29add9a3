/**
 * Cited key sentences: one sentence (or short passage) per line, carrying `[n]` citation markers.
 * Each line becomes a paragraph whose markers are footnoteReference nodes; the text loses the markers.
 * A marker at the very start of a line belongs to the sentence before it in the original article.
 */
import type { PhrasingContent } from 'mdast';
import { TreeBuilder } from './builder.js';
import type { ReadInput, ReadResult } from './types.js';
import type { SourceCitation } from '../model/index.js';

const MARKER = /\[(\d{1,4})\]/g;

export function readCitedSentences(input: ReadInput): ReadResult {
  const builder = new TreeBuilder(input.file);
  const citations: SourceCitation[] = [];
  input.text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const text = raw.trim();
    if (!text) return;
    const children: PhrasingContent[] = [];
    let last = 0;
    for (const m of text.matchAll(MARKER)) {
      const before = text.slice(last, m.index);
      if (before) children.push({ type: 'text', value: before });
      const key = m[1]!;
      if (!citations.some((c) => c.key === key)) citations.push({ key, text: '', line });
      children.push({ type: 'footnoteReference', identifier: key, label: key });
      last = m.index + m[0].length;
    }
    if (last < text.length) children.push({ type: 'text', value: text.slice(last) });
    // A leading marker closes the previous (absent) sentence: keep it as a marker of this line, but not as text.
    builder.endBlock();
    builder.inline(children, line);
    builder.endParagraph();
  });
  return { tree: builder.root(), citations, warnings: builder.warnings };
}
