/** Aligning sources: cutting a source's flat mdast into sections, and aligning sections across sources. */
import type { Heading, List, Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Source } from '../model/index.js';
import { similarity, words } from './sentences.js';
import { memoize } from '../util/memo.js';

export interface SourceSection {
  /** Position of the section within its source (0 = lead). */
  index: number;
  title: string;
  /** Heading depth in the source; 1 for the lead. */
  level: number;
  line: number;
  blocks: (Paragraph | List)[];
}

/** The lead (text before the first heading) and one entry per heading, in order. */
export function sectionsOf(source: Source): SourceSection[] {
  const out: SourceSection[] = [{ index: 0, title: '', level: 1, line: 1, blocks: [] }];
  for (const node of source.tree.children) {
    if (node.type === 'heading') {
      out.push({
        index: out.length,
        title: toString(node as Heading),
        level: node.depth,
        line: node.position?.start.line ?? 1,
        blocks: [],
      });
    } else if (node.type === 'paragraph' || node.type === 'list') {
      out[out.length - 1]!.blocks.push(node);
    }
  }
  return out;
}

const SMALL = new Set(['the', 'a', 'an', 'of', 'and', 'in', 'to', 'for', 'on', 'with', 'before', 'after']);

/** Heading words with small words and articles dropped: "The 'Third Period'" ≈ "Third Period". */
const headingWords: (title: string) => ReadonlySet<string> = memoize(
  (title: string) => new Set(words(title).filter((w) => !SMALL.has(w))),
  (title) => title,
  10_000,
);

export function headingSimilarity(a: string, b: string): number {
  return similarity(headingWords(a), headingWords(b));
}

export interface Alignment {
  /** For each section of the other source, the index of the base section it aligns to, or -1. */
  target: number[];
  score: number[];
}

/**
 * Align the sections of `other` to those of `base`. Score = heading similarity, plus content overlap
 * (share of the section's words found in the base section), plus a small bonus for keeping the order.
 * Each base section takes at most one section per source; the lead aligns with the lead.
 */
export function alignSections(
  base: SourceSection[],
  other: SourceSection[],
  contentWordsOf: (s: SourceSection) => ReadonlySet<string>,
): Alignment {
  const target = other.map(() => -1);
  const score = other.map(() => 0);
  target[0] = 0;
  score[0] = 1;
  const baseWords = base.map(contentWordsOf);
  // Candidate pairs share a heading word or a content word found in few sections: an inverted index keeps
  // the alignment near-linear in the number of sections instead of scoring every pair.
  const byWord = new Map<string, number[]>();
  const post = (w: string, b: number) => {
    let list = byWord.get(w);
    if (!list) byWord.set(w, (list = []));
    if (list[list.length - 1] !== b) list.push(b);
  };
  for (let b = 1; b < base.length; b++) {
    for (const w of headingWords(base[b]!.title)) post(`h:${w}`, b);
    for (const w of baseWords[b]!) post(w, b);
  }
  const rareLimit = Math.max(8, Math.ceil(Math.sqrt(base.length)));
  const candidates: { o: number; b: number; s: number }[] = [];
  for (let o = 1; o < other.length; o++) {
    const ow = contentWordsOf(other[o]!);
    const pool = new Set<number>();
    for (const w of headingWords(other[o]!.title)) for (const b of byWord.get(`h:${w}`) ?? []) pool.add(b);
    for (const w of ow) {
      const list = byWord.get(w);
      if (list && list.length <= rareLimit) for (const b of list) pool.add(b);
    }
    for (const b of pool) {
      const heading = headingSimilarity(other[o]!.title, base[b]!.title);
      const content = ow.size && baseWords[b]!.size ? similarity(ow, baseWords[b]!) : 0;
      // Relative position in the document: near-same positions are a weak hint, never decisive alone.
      const order = 1 - Math.abs(o / other.length - b / base.length);
      const s = heading * 0.6 + content * 0.3 + order * 0.1;
      if (heading >= 0.5 || (content >= 0.45 && heading >= 0.2) || content >= 0.6) candidates.push({ o, b, s });
    }
  }
  candidates.sort((x, y) => y.s - x.s);
  const taken = new Set<number>();
  for (const c of candidates) {
    if (target[c.o] !== -1 || taken.has(c.b)) continue;
    target[c.o] = c.b;
    score[c.o] = c.s;
    taken.add(c.b);
  }
  return { target, score };
}
