/**
 * Step 1 of the merge, alignment: which source gives the book its sections and which its wording; each
 * source cut into sections; every other source's sections aligned to the book's (heading similarity,
 * content overlap, order), and a section with no counterpart placed as a new one after its predecessor.
 */
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { BlockNode, Provenance, Source, Warning } from '../model/index.js';
import { isBlockNode } from '../model/blocks.js';
import { contentWords, similarity, wordSet, words } from './sentences.js';
import { memoize } from '../util/memo.js';
import { Outline } from './outline.js';
import { newSection, provenance, type WSection } from './work.js';

export interface SourceSection {
  /** Position of the section within its source (0 = lead). */
  index: number;
  title: string;
  /** Heading depth in the source; 1 for the lead. */
  level: number;
  line: number;
  blocks: BlockNode[];
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
    } else if (isBlockNode(node)) {
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

/**
 * A content word in at most this many of the book's sections makes them candidates for one another. A fixed
 * number, not one that grows with the book (it was the square root of the number of sections, the same up
 * to 64 sections): the pairs scored then grow linearly with the sections.
 */
const RARE_IN_SECTIONS = 8;

export interface Alignment {
  /** For each section of the other source, the index of the base section it aligns to, or -1. */
  target: number[];
  score: number[];
  /** Pairs of sections scored: the alignment's work (tests check that it grows linearly). */
  compared: number;
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
  const candidates: { o: number; b: number; s: number }[] = [];
  let compared = 0;
  for (let o = 1; o < other.length; o++) {
    const ow = contentWordsOf(other[o]!);
    const pool = new Set<number>();
    for (const w of headingWords(other[o]!.title)) for (const b of byWord.get(`h:${w}`) ?? []) pool.add(b);
    for (const w of ow) {
      const list = byWord.get(w);
      if (list && list.length <= RARE_IN_SECTIONS) for (const b of list) pool.add(b);
    }
    compared += pool.size;
    for (const b of pool) {
      const heading = headingSimilarity(other[o]!.title, base[b]!.title);
      // Two word sets of sizes m ≤ n share at most m words (Dice ≤ 2m / (m + n)): a pair whose headings differ
      // and whose sizes alone keep the content below what it would need is no candidate, without counting.
      const [m, n] = [Math.min(ow.size, baseWords[b]!.size), Math.max(ow.size, baseWords[b]!.size)];
      if (heading < 0.5 && (2 * m) / (m + n) < (heading >= 0.2 ? 0.45 : 0.6)) continue;
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
  return { target, score, compared };
}

/** The sources by what the merge does with them. */
export interface Cast {
  /** Sources of prose (role `text`), highest priority first. */
  texts: Source[];
  /** Sources of key sentences, highest priority first. */
  keySentences: Source[];
  /** The source whose wording and headings win: the text source of highest priority. */
  preferred: Source;
  /** The source with the finest structure (most headings): it gives the book its sections. */
  structure: Source;
}

export function castSources(sources: Source[]): Cast {
  const ordered = [...sources].sort((a, b) => b.info.priority - a.info.priority);
  const texts = ordered.filter((s) => s.info.role !== 'key-sentences');
  const keySentences = ordered.filter((s) => s.info.role === 'key-sentences');
  const preferred = texts[0] ?? ordered[0]!;
  const headingCount = (s: Source) => s.tree.children.filter((n) => n.type === 'heading').length;
  const structure = texts.reduce((best, s) => (headingCount(s) > headingCount(best) ? s : best), preferred);
  return { texts, keySentences, preferred, structure };
}

/** One section of one source and the book section it landed in (none for a heading that only groups). */
export interface AlignmentRow {
  source: Source;
  section: SourceSection;
  into: WSection | undefined;
  score: number;
}

/** A section of a source and the book section its text is fused into. */
export interface Placement {
  section: SourceSection;
  into: WSection;
  /** For a section new to the book: the book section it goes in after. */
  after?: WSection;
  /** For a section aligned to one of the book: the heading line this source gives it. */
  heading?: Provenance;
  /** For a section aligned to one of the book: the title it takes (the preferred source's headings win). */
  title?: string;
  /** For a new section: book sections this source aligns text to (it is never moved past them). */
  keepBefore?: ReadonlySet<WSection>;
}

export interface Placed {
  placements: Placement[];
  alignment: AlignmentRow[];
  warnings: Warning[];
  /** Pairs of sections the alignment scored. */
  compared?: number;
}

/** The book's first outline: one section per section of the structure source, each aligned to itself. */
export function baseOutline(structure: Source): Placed & { outline: Outline } {
  const sections = sectionsOf(structure);
  const outline = new Outline(sections.map((s) => newSection(s.title, s.level, provenance(structure, s.line))));
  const placements = sections.map((section, i) => ({ section, into: outline.sections[i]! }));
  const alignment = placements.map((p) => ({ source: structure, section: p.section, into: p.into, score: 1 }));
  return { outline, placements, alignment, warnings: [] };
}

/** The sections of another source aligned to the book as it stands, and where each one goes. */
export function alignSource(outline: Outline, source: Source, isPreferred: boolean): Placed {
  const theirs = sectionsOf(source);
  const aligned = alignToBook(outline.sections, theirs);
  const placed = placeSections(source, theirs, aligned, { isPreferred, lead: outline.sections[0]! });
  return { ...placed, compared: aligned.compared };
}

/** For each section of another source, the book section it aligns to (if any) and the score. */
export function alignToBook(
  book: readonly WSection[],
  theirs: SourceSection[],
): { targets: (WSection | undefined)[]; score: number[]; compared: number } {
  const ours: SourceSection[] = book.map((c, i) => ({ index: i, title: c.title, level: c.level, line: 0, blocks: [] }));
  const wordsOf = new Map<SourceSection, ReadonlySet<string>>();
  book.forEach((c, i) =>
    wordsOf.set(ours[i]!, unionOf(c.blocks.flatMap((b) => b.sentences.map((s) => contentWords(s.text))))),
  );
  theirs.forEach((s) => wordsOf.set(s, unionOf(s.blocks.map(blockWords))));
  const { target, score, compared } = alignSections(ours, theirs, (s) => wordsOf.get(s)!);
  // Resolved to sections now: sections inserted later shift the indices.
  return { targets: target.map((t) => (t >= 0 ? book[t]! : undefined)), score, compared };
}

/**
 * The content words of texts read as one (joined by spaces): the union of each text's, in the order they
 * first occur — the same set, in the same order, as `wordSet` of the joined text (no word spans a space, and
 * case and diacritics fold per word), made from per-sentence and per-block sets that a warm edit looks up.
 */
function unionOf(sets: readonly ReadonlySet<string>[]): Set<string> {
  const out = new Set<string>();
  for (const set of sets) for (const w of set) out.add(w);
  return out;
}

/**
 * A source block's content words, remembered per block (a parsed source is shared between builds and never
 * changed) and per text (an edited source is parsed anew: its blocks are new, their texts mostly not).
 */
const blockWordSets = new WeakMap<BlockNode, ReadonlySet<string>>();
const textWords = memoize(wordSet, (text) => text, { keyChars: 4_000_000 });
function blockWords(block: BlockNode): ReadonlySet<string> {
  let set = blockWordSets.get(block);
  if (!set) blockWordSets.set(block, (set = textWords(toString(block))));
  return set;
}

/**
 * Where each section of another source goes, in order: the book section it aligns to, or a new section
 * after the one its predecessor went to. A heading with no text of its own that only groups sections
 * the book has elsewhere is no section: it lands where its next section lands.
 */
export function placeSections(
  source: Source,
  theirs: SourceSection[],
  aligned: { targets: (WSection | undefined)[]; score: number[] },
  options: { isPreferred: boolean; lead: WSection },
): Placed {
  const out: Placed = { placements: [], alignment: [], warnings: [] };
  let previous = options.lead;
  const grouping: AlignmentRow[] = [];
  for (const [i, section] of theirs.entries()) {
    const target = aligned.targets[i];
    if (!target && section.blocks.length === 0 && theirs[i + 1] && theirs[i + 1]!.level > section.level) {
      grouping.push({ source, section, into: undefined, score: 0 });
      out.alignment.push(grouping.at(-1)!);
      continue;
    }
    const placement: Placement = target
      ? { section, into: target, heading: provenance(source, section.line) }
      : {
          section,
          into: sectionAfter(previous, section, source),
          after: previous,
          keepBefore: new Set(aligned.targets.filter((t): t is WSection => t !== undefined)),
        };
    // Headings come from the preferred source.
    if (target && options.isPreferred && i > 0) placement.title = section.title;
    for (const g of grouping.splice(0)) {
      g.into = placement.into;
      out.warnings.push({
        file: source.info.file,
        line: g.section.line,
        rule: 'grouping-heading',
        message:
          `heading "${g.section.title}" only groups sections aligned one by one; ` + 'it is not a section of the book',
      });
    }
    out.alignment.push({
      source,
      section,
      into: placement.into,
      score: Math.round((aligned.score[i] ?? 0) * 100) / 100,
    });
    out.placements.push(placement);
    previous = placement.into;
  }
  return out;
}

/** A section only this source has, at a level that fits under the section it follows. */
function sectionAfter(previous: WSection, section: SourceSection, source: Source): WSection {
  const level = Math.max(section.level, previous.level === 1 ? 2 : Math.min(previous.level, section.level));
  return newSection(section.title, level, provenance(source, section.line));
}

/** The years a text names (four digits from 1000 to 2099), in order of size. */
function yearsIn(text: string): number[] {
  return (text.match(/\b(?:1\d|20)\d\d\b/g) ?? []).map(Number).sort((a, b) => a - b);
}
const median = (xs: number[]) => (xs.length ? xs[Math.floor(xs.length / 2)] : undefined);

/**
 * Where a section only one source has goes: after the section its predecessor went to, then past the
 * following sections of its level whose dates come before its own (a passage about 1937–1939 never stands
 * before one about 1933), never past a section this source itself puts text in later.
 */
function placeByDates(outline: Outline, placement: Placement & { after: WSection }): WSection {
  const year = median(yearsIn(placement.section.blocks.map((b) => toString(b)).join(' ')));
  let after = placement.after;
  if (year === undefined) return after;
  for (;;) {
    const next = outline.nextSibling(after, placement.into.level);
    if (!next || placement.keepBefore?.has(next)) return after;
    const theirs = median(yearsIn(next.blocks.flatMap((b) => b.sentences.map((x) => x.text)).join(' ')));
    if (theirs === undefined || theirs >= year) return after;
    after = next;
  }
}

/** Puts a placement into the book: a new section into the outline, an aligned one's heading and title. */
export function land(outline: Outline, placement: Placement): void {
  const { into, after, heading, title } = placement;
  if (after) outline.insertAfter(placeByDates(outline, { ...placement, after }), into);
  if (heading) into.sources.push(heading);
  if (title !== undefined) into.title = title;
}
