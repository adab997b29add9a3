/**
 * Step 2 of the merge, fusion: the text of a source section goes into the book section it was aligned to,
 * sentence by sentence. A sentence whose near-duplicate is already in the book is folded into it (its
 * source and citations added, the preferred wording kept, a variant recorded where the two disagree);
 * runs of new sentences are placed after the block holding the preceding matched sentence, list items
 * inside the list they belong to. Near-duplicates are found through an inverted word index, never by
 * comparing all pairs, so the merge grows near-linearly with the sources.
 */
import type { FootnoteReference, List, ListItem, PhrasingContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { BlockNode, MergeReport, Provenance, Source } from '../model/index.js';
import { blockKindOf, isAtomic, textUnits } from '../model/blocks.js';
import { isPlain, sliceSentence } from './phrasing.js';
import type { Outline } from './outline.js';
import {
  contentWords,
  isNearDuplicate,
  joinSentences,
  SentenceIndex,
  similarity,
  plainOf,
  splitSentences,
  type Sentence,
} from './sentences.js';
import { compareFacts, factsAdded, type FactComparison } from './facts.js';
import { wordsSpelledOut } from './acronyms.js';
import { medianMonth } from './dates.js';
import type { SourceSection } from './align.js';
import { readingVariant } from './variants.js';
import { copyTree } from './chapters.js';
import { provenance, qualify, type Duplicate, type Hit, type Variant, type WBlock, type WSection } from './work.js';
import type { WSentence } from './work.js';

/** What fusing gathers across all sources: the index of the book's sentences and the report's records. */
export interface Fusion {
  index: SentenceIndex<Hit>;
  duplicates: Duplicate[];
  variants: Variant[];
  omitted: MergeReport['omitted'];
  /** Acronyms the sources define, with the names they stand for (see acronyms.ts). */
  acronyms: ReadonlyMap<string, string>;
  /**
   * The openings (`OPENING` words) of every reading a source has given of a sentence of the book, by source
   * (`openingKey`): a sentence can restate (`restates`) only a sentence whose reading by its source opens as it
   * does, so one whose opening is not here needs no lookup.
   */
  openings: Set<string>;
}

export function newFusion(acronyms: ReadonlyMap<string, string> = new Map()): Fusion {
  return { index: new SentenceIndex<Hit>(), duplicates: [], variants: [], omitted: [], acronyms, openings: new Set() };
}

/** A text's first `OPENING` words under `source`, when it has more (else undefined: it restates nothing). */
function openingKey(source: string, text: string): string | undefined {
  // The words `restates` reads, up to the one after the opening (a reading may be a long text).
  const word = /[\p{L}\p{N}]+/gu;
  const lower = text.toLowerCase();
  const words: string[] = [];
  for (let m = word.exec(lower); m && words.length <= OPENING; m = word.exec(lower)) words.push(m[0]);
  return words.length > OPENING ? `${source}\u0000${words.slice(0, OPENING).join(' ')}` : undefined;
}

/** Record that `source` reads a sentence of the book as `text` (what `restates` compares with). */
function noteReading(fusion: Fusion, source: string, text: string): void {
  const key = openingKey(source, text);
  if (key !== undefined) fusion.openings.add(key);
}

/** How one source is fused. */
export interface FuseSource {
  source: Source;
  /** The structure source: its blocks keep their own paragraph breaks and come in at the section's end. */
  isBase: boolean;
  /** False under policy "prefer" for any source but the preferred (and the structure) one: its new text is omitted. */
  addsText: boolean;
  locale: string;
  /** Dice similarity at or above which two sentences are one. */
  threshold: number;
}

/** Where new text goes: after sentence `item` of `block`, in `section`. */
interface Anchor {
  block: WBlock;
  section: WSection;
  item: number;
}

/** Fuse the text of `section` (of `how.source`) into the book section `into`. */
export function fuseSection(fusion: Fusion, outline: Outline, section: SourceSection, into: WSection, how: FuseSource) {
  // New text goes after the block holding the previous matched sentence, which may sit in a subsection
  // of `into` when this source is coarser than the canonical structure.
  let anchor: Anchor | undefined;
  if (section.blocks.length) into.hadText = true;
  const blocks = section.blocks.map((node) => toWBlock(node, how.source, how.locale));
  // Each sentence's successor in this source's section, across paragraph breaks: the collation's next anchor.
  const flat = blocks.flatMap((b) => b.sentences);
  const following = new Map(flat.map((s, i) => [s, flat[i + 1]] as const));
  for (const block of blocks) {
    anchor = fuseBlock(fusion, outline, block, { into, anchor, how, outline, following });
    // The structure source keeps its own paragraph breaks: its next block starts a new paragraph.
    if (how.isBase) anchor = undefined;
  }
}

interface At {
  outline: Outline;
  into: WSection;
  anchor: Anchor | undefined;
  how: FuseSource;
  /** The source's next sentence after each of its sentences in this section (none after the last). */
  following: ReadonlyMap<WSentence, WSentence | undefined>;
}

/** Months between a passage's dates and a section's before the passage moves to an earlier section. */
const DATE_GAP = 6;

/**
 * A paragraph only one source has, about events well before those of the section it would join: the
 * last earlier section of the same chapter whose dates come no later than the paragraph's own (its dates
 * put it there; it is never put before what it presupposes). Undefined when it stays.
 */
function sectionByDates(outline: Outline, target: WSection, run: WSentence[], locale: string): WSection | undefined {
  const own = medianMonth(
    run.map((s) => s.text),
    locale,
  );
  const theirs = sectionMonth(target, locale);
  if (own === undefined || theirs === undefined || theirs - own < DATE_GAP) return undefined;
  const chapterLevel = Math.min(...outline.sections.slice(1).map((s) => s.level), 2);
  let found: WSection | undefined;
  for (const section of outline.earlierInChapter(target, chapterLevel)) {
    const when = sectionMonth(section, locale);
    if (when !== undefined && when <= own) found = section;
  }
  return found;
}

/** A section's middle month, remembered while its number of paragraphs stays (the merge adds to sections). */
const sectionMonths = new WeakMap<WSection, { blocks: number; month: number | undefined }>();
function sectionMonth(section: WSection, locale: string): number | undefined {
  const known = sectionMonths.get(section);
  if (known && known.blocks === section.blocks.length) return known.month;
  const month = medianMonth(
    section.blocks.flatMap((b) => b.sentences.map((x) => x.text)),
    locale,
  );
  sectionMonths.set(section, { blocks: section.blocks.length, month });
  return month;
}

/** A sentence in brackets, an aside to the one before it ("(Although Italy had signed in 1933)"). */
const ASIDE = /^[([]/;

/** A sentence opening with a clause number ("2. In the event…", "(3) The parties…"). */
const CLAUSE = /^\(?\d{1,2}[.)]\s/;

/** Fuse one block's sentences; returns where the next block's new text goes. */
function fuseBlock(fusion: Fusion, outline: Outline, block: WBlock, at: At): Anchor | undefined {
  if (isAtomic(block.kind)) return fuseAtomic(fusion, block, at);
  let anchor = at.anchor;
  let run: WSentence[] = [];
  let matchedInBlock = false;
  const own = block.sources[0]!.source;
  // A section only this source has, whose sentences the book tells elsewhere: what it adds follows the
  // sentences it aligned with there (its neighbours), not its own heading.
  const onlyOwn = !at.how.isBase && at.into.sources.every((p) => p.source === own);
  for (const sentence of block.sentences) {
    // Within one source nothing is folded: a source's repeats are its author's text. A sentence of the book
    // that this source already carries takes another of its sentences only when that one is not a repeat
    // of the first (one source splits in two what another says in one sentence).
    const accept = (h: Hit) => {
      // Prose folds into prose of its kind, or into a quotation that says it (a source may quote a passage
      // that another gives as running text); never into a table or any other atomic block.
      if (!((h.block.kind === block.kind && !h.block.node) || h.block.kind === 'quote')) return false;
      const mine = h.sentence.witnesses?.get(own);
      if (mine === undefined) return !h.sentence.sources.some((p) => p.source === own);
      return similarity(contentWords(mine), contentWords(sentence.text)) < at.how.threshold;
    };
    const match = matchOf(fusion, outline, sentence, { accept, anchor, at, run: run.length });
    if (!match) {
      run.push(sentence);
      continue;
    }
    const opens = opensPassage(run, anchor, match.hit);
    anchor = placeRun(fusion, run.slice(0, run.length - opens), block, { ...at, anchor }, matchedInBlock);
    if (opens) {
      const { block: holder, section } = match.hit;
      const before = { block: holder, section, item: holder.sentences.indexOf(match.hit.sentence) - 1 };
      anchor = placeRun(fusion, run.slice(run.length - opens), block, { ...at, anchor: before }, true);
    }
    run = [];
    fold(fusion, match.hit, sentence, { ...match, score: match.similarity }, at.how.locale);
    // New text follows the sentence it aligned with: in this section, or in another of the same chapter
    // (a coarser source's section spans several of the book's).
    if (outline.within(match.hit.section, at.into) || onlyOwn || outline.sameChapter(match.hit.section, at.into)) {
      anchor = {
        block: match.hit.block,
        section: match.hit.section,
        item: match.hit.block.sentences.indexOf(match.hit.sentence),
      };
      matchedInBlock = true;
    }
  }
  return placeRun(fusion, run, block, { ...at, anchor }, matchedInBlock);
}

/**
 * How many of a run's last sentences open the passage that follows in their source, when the sentences
 * around the run are told in two places of the book (the source's last match in one section, its next in
 * another): each shares more of its stems with that next sentence (two at least) than with the sentence
 * before it ("Thus, the collective security doctrine was abandoned." before "Some scholars argue that the
 * collective security doctrine…"). Those go before the next match, the others after the last one.
 */
function opensPassage(run: readonly WSentence[], anchor: Anchor | undefined, next: Hit): number {
  if (!run.length || next.block.kind !== 'paragraph' || anchor?.section === next.section) return 0;
  const shared = (a: string, b: string) => {
    const mine = stemsOf(a);
    return [...stemsOf(b)].filter((x) => mine.has(x)).length;
  };
  let n = 0;
  while (n < run.length) {
    const sentence = run[run.length - 1 - n]!.text;
    const previous = run[run.length - 2 - n]?.text ?? (anchor && anchor.block.sentences[anchor.item]?.text) ?? '';
    const after = shared(sentence, next.sentence.text);
    if (after < 2 || after <= shared(sentence, previous)) break;
    n++;
  }
  return n;
}

/** Similarity at which an atomic block (a table, a quotation…) of another source is the same block. */
const SAME_ATOMIC = 0.95;

/**
 * An atomic block goes in whole: folded into the same block of another source when one of its kind says
 * (nearly) the same, else placed after the anchor as a block of its own. Nothing is ever inserted into it.
 */
function fuseAtomic(fusion: Fusion, block: WBlock, at: At): Anchor | undefined {
  const whole = joinSentences(block.sentences.map((s) => s.text));
  const best = fusion.index.best(whole, (h) => h.block.kind === block.kind && h.block.node !== undefined);
  const source = block.sources[0]!;
  if (best && best.score >= SAME_ATOMIC && !best.value.block.sources.some((p) => p.source === source.source)) {
    const kept = best.value.block;
    kept.sources.push(source);
    best.value.section.contributors.add(source.source);
    fusion.duplicates.push({ dropped: whole, source, kept: best.value, similarity: best.score });
    return { block: kept, section: best.value.section, item: kept.sentences.length - 1 };
  }
  if (block.kind === 'quote') {
    const asProse = quotedAsProse(fusion, block, at);
    if (asProse) return asProse;
  }
  if (!at.how.addsText) {
    fusion.omitted.push({ text: whole, source, reason: 'policy "prefer": only the preferred source’s text is kept' });
    return at.anchor;
  }
  const target = at.anchor?.section ?? at.into;
  const after = at.anchor ? target.blocks.indexOf(at.anchor.block) : at.how.isBase ? target.blocks.length - 1 : -1;
  target.blocks.splice(after + 1, 0, block);
  // Indexed by its whole text (not its rows): prose is never folded into a table. A quotation's sentences
  // are indexed too, so a source that gives the quoted passage as running text folds into it.
  if (block.sentences.length) fusion.index.add(whole, { block, sentence: block.sentences[0]!, section: target });
  if (block.kind === 'quote' && block.sentences.length > 1)
    for (const sentence of block.sentences) fusion.index.add(sentence.text, { block, sentence, section: target });
  target.contributors.add(at.how.source.info.id);
  return { block, section: target, item: block.sentences.length - 1 };
}

/**
 * A quotation whose sentences the book already has as running text (another source did not mark the
 * quote): its sentences fold into that text, as a sentence of prose would, and the few it adds follow
 * them as a paragraph. Undefined when most of the quotation is new: then it is placed whole.
 */
function quotedAsProse(fusion: Fusion, block: WBlock, at: At): Anchor | undefined {
  const hits = block.sentences.map((sentence) => {
    // Running text, or a quotation already made of it (a third source quoting the passage again).
    const best = fusion.index.best(
      sentence.text,
      (h) => ['paragraph', 'quote'].includes(h.block.kind) && !h.block.node,
    );
    return best && foldable(best, sentence, at.how) ? best : undefined;
  });
  const found = hits.filter(Boolean).length;
  if (!found || found < 0.8 * block.sentences.length) return undefined;
  const span = quotedSpan(hits);
  let anchor = at.anchor;
  const rest: WSentence[] = [];
  block.sentences.forEach((sentence, i) => {
    const best = hits[i];
    if (!best) return void rest.push(sentence);
    const score = Math.round(Math.max(best.score, best.containment) * 100) / 100;
    fold(fusion, best.value, sentence, { score, quoted: true }, at.how.locale);
    const { value } = best;
    anchor = { block: value.block, section: value.section, item: value.block.sentences.indexOf(value.sentence) };
  });
  if (span) return asQuotation(fusion, span, block, hits);
  const prose: WBlock = { kind: 'paragraph', sentences: rest, sources: [...block.sources] };
  return placeRun(fusion, rest, prose, { ...at, anchor }, true) ?? anchor;
}

/** Where a quotation's sentences stand as running text: one section, in order, with nothing between them. */
interface QuotedSpan {
  section: WSection;
  /** The section's sentences in reading order, each with its block. */
  flat: { block: WBlock; sentence: WSentence }[];
  first: number;
  last: number;
}

/**
 * The running text a quotation's sentences were found in, when it is one stretch of one section in the
 * quotation's order (every sentence of the stretch a sentence of the quotation); undefined otherwise.
 */
function quotedSpan(hits: readonly ({ value: Hit } | undefined)[]): QuotedSpan | undefined {
  const found = hits.filter((h) => h !== undefined).map((h) => h.value);
  const section = found[0]?.section;
  if (!section || found.length < 2 || found.some((h) => h.section !== section || h.block.kind !== 'paragraph'))
    return undefined;
  // Every block's units, so that a table or quotation inside the stretch breaks it.
  const flat = section.blocks.flatMap((b) => b.sentences.map((sentence) => ({ block: b, sentence })));
  const at = found.map((h) => flat.findIndex((x) => x.sentence === h.sentence));
  if (at.some((i, n) => i < 0 || (n > 0 && i <= at[n - 1]!))) return undefined;
  const first = at[0]!;
  const last = at[at.length - 1]!;
  if (last - first + 1 !== new Set(at).size) return undefined;
  return { section, flat, first, last };
}

/**
 * One source marks as a quotation what the book has as running text: the quotation is structure the prose
 * lacks, so the stretch becomes a block quote (its wording and notes the book's, one paragraph per paragraph
 * of the running text); what stood before it in its first paragraph and after it in its last stays prose
 * around it. Sentences only the quotation has join it after the sentence they follow.
 */
function asQuotation(
  fusion: Fusion,
  span: QuotedSpan,
  quote: WBlock,
  hits: readonly ({ value: Hit } | undefined)[],
): Anchor {
  const { section, flat, first, last } = span;
  const firstBlock = flat[first]!.block;
  const lastBlock = flat[last]!.block;
  const inside = flat.slice(first, last + 1);
  // The quotation's own sentences, in place: after the sentence of the stretch that precedes them.
  const sentences: WSentence[] = [];
  const breaks: number[] = [];
  const added: WSentence[] = [];
  let taken = 0;
  quote.sentences.forEach((s, i) => {
    const hit = hits[i];
    if (!hit) {
      sentences.push(s);
      added.push(s);
      return;
    }
    // The stretch is the hits in order: this takes exactly the hit's own sentence.
    const x = inside[taken]!;
    if (taken > 0 && x.block !== inside[taken - 1]!.block) breaks.push(sentences.length);
    sentences.push(x.sentence);
    taken++;
  });
  const sources = [...quote.sources];
  for (const x of inside)
    for (const p of x.block.sources) if (!sources.some((q) => q.source === p.source)) sources.unshift(p);
  const attribution = quote.node?.type === 'blockquote' ? quote.node.data?.attribution : undefined;
  const quoted: WBlock = { kind: 'quote', sentences, sources, breaks, ...(attribution ? { attribution } : {}) };
  const before = firstBlock.sentences.slice(0, firstBlock.sentences.indexOf(flat[first]!.sentence));
  const after = lastBlock.sentences.slice(lastBlock.sentences.indexOf(flat[last]!.sentence) + 1);
  const start = section.blocks.indexOf(firstBlock);
  const blocks: WBlock[] = [];
  if (before.length) blocks.push({ ...firstBlock, sentences: before });
  blocks.push(quoted);
  const rest: WBlock | undefined = after.length ? { ...lastBlock, sentences: after } : undefined;
  if (rest) blocks.push(rest);
  section.blocks.splice(start, section.blocks.indexOf(lastBlock) - start + 1, ...blocks);
  // The index's entries follow their sentences into the blocks that now hold them.
  const holder = new Map(blocks.flatMap((b) => b.sentences.map((s) => [s, b] as const)));
  fusion.index.forEachValue((hit) => {
    const now = holder.get(hit.sentence);
    if (now) hit.block = now;
  });
  for (const s of added) {
    s.witnesses = new Map([[quote.sources[0]!.source, s.text]]);
    noteReading(fusion, quote.sources[0]!.source, s.text);
    fusion.index.add(s.text, { block: quoted, sentence: s, section });
  }
  section.contributors.add(quote.sources[0]!.source);
  // What the quoting source says next follows the running text that closed the stretch's paragraph.
  return rest
    ? { block: rest, section, item: rest.sentences.length - 1 }
    : { block: quoted, section, item: sentences.length - 1 };
}

/** A sentence of the book that an incoming sentence is a reading of, and how (see `fold`). */
interface Match {
  hit: Hit;
  similarity: number;
  pair?: boolean;
  claim?: boolean;
  continues?: boolean;
  swap?: boolean;
  restates?: boolean;
}

/**
 * The book's sentence that `sentence` is a reading of, if any: its near-duplicate anywhere in the book
 * (found through the index), or else — the collation's alignment of neighbours — the sentence that comes
 * next in the book after the previous match, when the two are close paraphrases stating the same facts.
 */
function matchOf(
  fusion: Fusion,
  outline: Outline,
  sentence: WSentence,
  ctx: { accept: (h: Hit) => boolean; anchor: Anchor | undefined; at: At; run: number },
): Match | undefined {
  const best = fusion.index.best(sentence.text, ctx.accept);
  if (best && foldable(best, sentence, ctx.at.how)) {
    return { hit: best.value, similarity: Math.round(Math.max(best.score, best.containment) * 100) / 100 };
  }
  const inOne = best ? saidInOne(best.value, sentence, ctx.at) : 0;
  if (best && inOne) return { hit: best.value, similarity: Math.round(inOne * 100) / 100, pair: true };
  // After sentences of its own, a source is still aligned at its last match: the book's next sentence there
  // may be this one paraphrased (the run put in between is this source's own).
  // Last, a sentence of the book that opens as this one does: one sentence whose claim was changed.
  const reworded =
    best &&
    !best.value.sentence.sources.some((p) => p.source === ctx.at.how.source.info.id) &&
    sameOpening(best.value.sentence.text, sentence.text)
      ? { hit: best.value, similarity: Math.round(best.score * 100) / 100, claim: true }
      : undefined;
  // Last of all, a sentence of the book this source said before, that it says again (see `restates`).
  const restated = () => {
    // Only a sentence whose reading by this source opens as this one does can be restated (see `restates`).
    const key = openingKey(ctx.at.how.source.info.id, sentence.text);
    if (key === undefined || !fusion.openings.has(key)) return undefined;
    const said = fusion.index.best(
      sentence.text,
      (h) => h.block.kind === 'paragraph' && !h.block.node && restates(h.sentence, sentence, ctx.at),
    );
    return said && { hit: said.value, similarity: Math.round(said.score * 100) / 100, restates: true };
  };
  if (ctx.run > 0 && !ctx.anchor) return reworded ?? restated();
  // The book's next sentences there, as many as this source has said since (its own run), and one more.
  let paraphrase: { hit: Hit; similarity: number } | undefined;
  // The sentence this source is anchored at without having matched it (an atomic block's placement left
  // it there) may be one this source says in two.
  const here = ctx.anchor && ctx.run === 0 ? sentenceAt(ctx.anchor) : undefined;
  const inTwo = here && ctx.accept(here) ? saidInTwo(here.sentence, sentence, ctx.at) : 0;
  if (here && inTwo) paraphrase = { hit: here, similarity: Math.round(inTwo * 100) / 100 };
  const goesOn = here && ctx.accept(here) ? continuation(here.sentence, sentence, ctx.at) : 0;
  if (here && goesOn) return { hit: here, similarity: Math.round(goesOn * 100) / 100, continues: true };
  let from = ctx.anchor;
  for (let k = 0; k <= Math.min(ctx.run, 2); k++) {
    const next = nextInBook(from, ctx.at.into);
    if (!next) break;
    from = { block: next.block, section: next.section, item: next.block.sentences.indexOf(next.sentence) };
    // The book's text this source aligns with: its section, its chapter, or where its last match was.
    const near =
      next.section === ctx.anchor?.section ||
      outline.within(next.section, ctx.at.into) ||
      outline.sameChapter(next.section, ctx.at.into);
    if (!near || !ctx.accept(next)) continue;
    const score = paraphraseScore(fusion, next, sentence, ctx.at);
    if (score && !(paraphrase && paraphrase.similarity >= score))
      paraphrase = { hit: next, similarity: Math.round(score * 100) / 100 };
  }
  return paraphrase ?? reworded ?? swapped(sentence, ctx) ?? restated();
}

/**
 * The source says again, elsewhere, what it said in a sentence of the book whose wording a more preferred
 * source gives: its two sentences open alike for `OPENING` words or more ("Few questions concerning the
 * origins of the Second World War are more controversial…" / "… are as controversial as…"). The more
 * preferred source says it once: the restatement is a reading of that sentence (a note), not a sentence.
 */
function restates(kept: WSentence, incoming: WSentence, at: At): boolean {
  const said = kept.witnesses?.get(at.how.source.info.id);
  if (said === undefined || kept.priority <= incoming.priority) return false;
  const wa = said.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const wb = incoming.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  let n = 0;
  while (n < wa.length && n < wb.length && wa[n] === wb[n]) n++;
  return n >= OPENING && n < Math.min(wa.length, wb.length);
}

/**
 * The book's sentence right after this source's last match, when this source puts `incoming` in its place:
 * both alone between the same two aligned sentences (the next ones are one), and opening alike with the
 * same word set off by a comma ("However, the revolution was put down…" / "However, the attempts to set up
 * republics… failed"). One passage a revision rewrote: one sentence stays, the other reading is a note.
 */
function swapped(
  incoming: WSentence,
  ctx: { accept: (h: Hit) => boolean; anchor: Anchor | undefined; at: At; run: number },
) {
  if (ctx.run > 0 || !ctx.anchor) return undefined;
  const next = nextInBook(ctx.anchor, ctx.at.into);
  if (!next || next.block.kind !== 'paragraph' || !ctx.accept(next)) return undefined;
  if (next.sentence.sources.some((p) => p.source === ctx.at.how.source.info.id)) return undefined;
  if (!sameSlot(next, ctx.at.following.get(incoming), ctx.at.into)) return undefined;
  const opening = (t: string) => /^(\p{L}+),\s/u.exec(t)?.[1]?.toLowerCase();
  const word = opening(incoming.text);
  return word && word === opening(next.sentence.text) ? { hit: next, similarity: 0, swap: true } : undefined;
}

/**
 * How surely the book's sentence `next` (right after this source's last match) and `incoming` are one
 * statement paraphrased; 0 when they are not. Close paraphrases stating the same facts are. So are two
 * sentences that fill one slot of the collation — both right before the same aligned sentence, or both
 * ending their sections — with fewer words in common: half their stems (acronyms spelled out), or
 * nearly all of the shorter's stems when the longer would not lose what it adds. A slot's two readings
 * may name a person or place differently (a variant); other numbers are other statements.
 */
function paraphraseScore(fusion: Fusion, next: Hit, incoming: WSentence, at: At): number {
  const kept = next.sentence;
  const close = Math.max(stemSimilarity(incoming.text, kept.text), stemContainment(incoming.text, kept.text));
  const slot = close < PARAPHRASE && sameSlot(next, at.following.get(incoming), at.into);
  const facts = compareFacts(kept.text, incoming.text, at.how.locale);
  if (close < PARAPHRASE && !slot) return saidInTwo(kept, incoming, at);
  if (facts.relation === 'conflict' && !(slot && (facts.kind === 'name' || facts.kind === 'place'))) {
    return slot ? oneClaim(incoming.text, kept.text) : 0;
  }
  if (!slot) return close;
  const loose = slotSimilarity(incoming.text, kept.text, fusion.acronyms);
  if (loose.dice >= SLOT) return loose.dice;
  // The longer of the two says more: it folds only where its reading wins (more facts, or preferred).
  const incomingWins = facts.relation === 'b-fuller' || incoming.priority > kept.priority;
  return loose.contained >= SLOT_CONTAINED && (!loose.incomingLonger || incomingWins) ? loose.contained : 0;
}

/**
 * This source says in two sentences what the book's `kept` (another source's) says in one, and says more:
 * three quarters of `kept`'s stems (at least five) recur in `incoming` and the source's next sentence —
 * most of them, but not three quarters, in `incoming` alone (else it is one sentence saying more, not two)
 * — and `incoming` states a fact `kept` lacks ("Though the parties denied its existence, the protocol was
 * rumoured to exist from the start." / "The protocol was rumoured to exist from the start and was found in
 * 1945. The Soviet Union denied its existence until 1989."). Returns the share, or 0.
 */
function saidInTwo(kept: WSentence, incoming: WSentence, at: At): number {
  const next = at.following.get(incoming);
  if (!next || kept.sources.some((p) => p.source === at.how.source.info.id)) return 0;
  if (compareFacts(kept.text, incoming.text, at.how.locale).relation !== 'b-fuller') return 0;
  const theirs = stemsOf(kept.text);
  const first = stemsOf(incoming.text);
  const both = new Set([...first, ...stemsOf(next.text)]);
  if (theirs.size < 5) return 0;
  const inBoth = [...theirs].filter((x) => both.has(x)).length / theirs.size;
  const inFirst = [...theirs].filter((x) => first.has(x)).length / theirs.size;
  return inBoth >= SLOT_CONTAINED && inFirst >= 0.6 && inFirst < SLOT_CONTAINED ? inBoth : 0;
}

/**
 * This source says in one sentence what the book says in two, wherever the book has them (another section,
 * when the sources divide the text differently): most of the book's sentence `first` is in `incoming`, and
 * the book's next sentence supplies most of the rest — at least three stems of its own, and between them
 * the two hold seven tenths of `incoming`'s stems, with no fact contradicted ("X entered Poland, citing Y as
 * the pretext." / "X entered Poland. As the pretext, X cited Y."). Returns the share covered, or 0.
 */
function saidInOne(first: Hit, incoming: WSentence, at: At): number {
  const own = at.how.source.info.id;
  const item = first.block.sentences.indexOf(first.sentence);
  const second = nextInBook({ block: first.block, section: first.section, item }, first.section);
  if (!second || first.block.kind !== 'paragraph' || second.block.kind !== 'paragraph') return 0;
  if ([first, second].some((h) => h.sentence.sources.some((p) => p.source === own))) return 0;
  // A bracketed aside ("(see …)") is said besides the statement: the statement is what the two must hold.
  const mine = stemsOf(incoming.text.replace(/\s*\((?:[^()]|\([^()]*\))*\)/g, ''));
  const a = stemsOf(first.sentence.text);
  const b = stemsOf(second.sentence.text);
  if (mine.size < 8 || a.size < 5) return 0;
  const firstIn = [...a].filter((x) => mine.has(x)).length / a.size;
  const fromSecond = [...mine].filter((x) => b.has(x) && !a.has(x)).length;
  const covered = [...mine].filter((x) => a.has(x) || b.has(x)).length / mine.size;
  if (firstIn < 0.6 || fromSecond < 3 || covered < 0.7) return 0;
  const both = `${first.sentence.text} ${second.sentence.text}`;
  // A name spelled otherwise ("Belorussian" / "Belarusian") is the same fact; another date or name is not.
  const facts = compareFacts(both, incoming.text, at.how.locale);
  return facts.relation === 'conflict' && !facts.spelling ? 0 : covered;
}

/**
 * The source goes on, in its next sentence, saying what the book's sentence it was just folded into says and
 * its reading there did not: three quarters of the sentence's stems (at least four) are in it ("…the Soviets
 * demanded that Finland be included in the Soviet sphere of influence." / "…demanded occupation of Latvia
 * … . Finland was to be included in Soviet sphere of influence as well."). Returns the share, or 0.
 */
function continuation(kept: WSentence, incoming: WSentence, at: At): number {
  const said = kept.witnesses?.get(at.how.source.info.id);
  if (said === undefined) return 0;
  const mine = stemsOf(incoming.text);
  const theirs = stemsOf(kept.text);
  if (mine.size < 4) return 0;
  const share = [...mine].filter((x) => theirs.has(x)).length / mine.size;
  // It says what the book's sentence says and the source's reading of it did not (at least two stems).
  const before = stemsOf(said);
  const supplies = [...mine].filter((x) => theirs.has(x) && !before.has(x)).length;
  return share >= SLOT_CONTAINED && supplies >= 2 ? share : 0;
}

/** Words of an opening two sentences share, at the least, from which they are one sentence reworded. */
const OPENING = 8;

/**
 * Two sentences that open alike for at least `OPENING` words and half of the shorter are one sentence
 * whose claim a later revision changed ("From the beginning of the negotiations with France and Britain,
 * the Soviets demanded that Finland …" / "… Soviet position demanded occupation of Latvia …"): one reading
 * stays, the other is a variant the reader sees, instead of two sentences in a row that contradict.
 */
function sameOpening(a: string, b: string): boolean {
  const wa = a.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const wb = b.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  let n = 0;
  while (n < wa.length && n < wb.length && wa[n] === wb[n]) n++;
  return n >= OPENING && n * 2 >= Math.min(wa.length, wb.length) && n < Math.min(wa.length, wb.length);
}

/** Stems besides figures two readings of one slot share from which their other figures are one claim. */
const CLAIM_CORE = 8;

/**
 * Two sentences of one slot that state other figures are other statements ("300 tons of rye" / "450 tons
 * of barley"), unless they share a long core of words besides the figures — at least `CLAIM_CORE` stems,
 * half of all — : one claim that the sources word incompatibly (a variant whose note quotes the other
 * reading whole). Returns the similarity, or 0.
 */
function oneClaim(incoming: string, kept: string): number {
  const a = stemsOf(incoming, true);
  const b = stemsOf(kept, true);
  const shared = [...a].filter((x) => b.has(x)).length;
  const dice = similarity(a, b);
  return shared >= CLAIM_CORE && dice >= SLOT ? dice : 0;
}

/** Stem similarity from which two sentences in the same place of their sections are one paraphrased. */
const PARAPHRASE = 0.6;
/** Stem similarity from which two sentences filling one slot between aligned sentences are one paraphrased. */
const SLOT = 0.5;
/** Share of the shorter sentence's stems in the longer from which two sentences of one slot are one. */
const SLOT_CONTAINED = 0.75;

/**
 * Whether the book's sentence after `candidate` and the source's sentence after the one being fused are one
 * (a near-duplicate, or a close paraphrase): the aligned anchor that closes the slot both sentences fill.
 * Two section ends close a slot too.
 */
function sameSlot(candidate: Hit, sourceNext: WSentence | undefined, into: WSection): boolean {
  const item = candidate.block.sentences.indexOf(candidate.sentence);
  const bookNext = nextInBook({ block: candidate.block, section: candidate.section, item }, into);
  if (!sourceNext || !bookNext) return !sourceNext && !bookNext && candidate.section === into;
  const a = contentWords(sourceNext.text);
  const b = contentWords(bookNext.sentence.text);
  const smaller = Math.min(a.size, b.size);
  const common = [...a].filter((w) => b.has(w)).length;
  const contained = smaller >= 5 && common / smaller >= 0.9;
  return (
    similarity(a, b) >= PARAPHRASE || contained || stemSimilarity(sourceNext.text, bookNext.sentence.text) >= PARAPHRASE
  );
}

/**
 * How far two sentences of one slot share their stems (acronyms spelled out): Dice similarity, and the
 * share of the shorter's stems found in the longer (when at least three are), with which one is longer.
 */
function slotSimilarity(
  incoming: string,
  kept: string,
  acronyms: ReadonlyMap<string, string>,
): { dice: number; contained: number; incomingLonger: boolean } {
  const stems = (words: Iterable<string>) => new Set([...words].map(stemOf));
  const a = stems(wordsSpelledOut(incoming, kept, acronyms));
  const b = stems(wordsSpelledOut(kept, incoming, acronyms));
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const shared = [...small].filter((x) => large.has(x)).length;
  return {
    dice: similarity(a, b),
    contained: shared >= 3 ? shared / small.size : 0,
    incomingLonger: a.size > b.size,
  };
}

/** The book's sentence at `anchor`, if it is one. */
function sentenceAt(anchor: Anchor): Hit | undefined {
  const sentence = anchor.block.sentences[anchor.item];
  return sentence && anchor.block.kind === 'paragraph'
    ? { block: anchor.block, section: anchor.section, sentence }
    : undefined;
}

/** The book's sentence right after `anchor` (the first of `into` when there is none). */
function nextInBook(anchor: Anchor | undefined, into: WSection): Hit | undefined {
  if (!anchor) {
    const block = into.blocks.find((b) => b.sentences.length);
    return block && { block, section: into, sentence: block.sentences[0]! };
  }
  const { block, section, item } = anchor;
  if (item + 1 < block.sentences.length) return { block, section, sentence: block.sentences[item + 1]! };
  const following = section.blocks[section.blocks.indexOf(block) + 1];
  return following?.sentences.length ? { block: following, section, sentence: following.sentences[0]! } : undefined;
}

/**
 * A short reading whose every stem the next sentence of the book has (at least three): the same statement
 * cut short ("The consequences were multiplex." / "The consequences were multiple: …"). Otherwise 0.
 */
function stemContainment(incoming: string, kept: string): number {
  const mine = stemsOf(incoming);
  const theirs = stemsOf(kept);
  if (mine.size < 3 || mine.size >= theirs.size) return 0;
  return [...mine].every((s) => theirs.has(s)) ? 1 : 0;
}

/**
 * A word's stem as the paraphrase measures count it: its first four letters, after a plural ending "-s" or
 * "-es" (a three-letter word's plural, "tax" / "taxes", would otherwise be two stems).
 */
/** The stems of a text's content words (`stemOf`), figures left out when `withoutFigures`. */
function stemsOf(text: string, withoutFigures = false): Set<string> {
  const words = [...contentWords(text)];
  return new Set((withoutFigures ? words.filter((w) => !/^\d/.test(w)) : words).map(stemOf));
}

function stemOf(word: string): string {
  return word.replace(/(?<=\p{L}{3})e?s$/u, '').slice(0, 4);
}

/** Dice similarity of word stems (the first four letters), so inflections and derivations count as one. */
function stemSimilarity(a: string, b: string): number {
  return similarity(stemsOf(a), stemsOf(b));
}

/**
 * Whether `incoming` folds into the book's near-duplicate `best`: never when that would lose what it says.
 * A sentence stating facts the kept one lacks folds (the fuller reading wins); one that merely carries
 * more words stays a sentence of its own when it matched only by containment (it extends the kept
 * sentence) and its wording would not win.
 */
function foldable(
  best: { value: Hit; score: number; containment: number; smaller: number },
  incoming: WSentence,
  how: FuseSource,
): boolean {
  if (!isNearDuplicate(best, how.threshold)) return false;
  const kept = best.value.sentence;
  const relation = compareFacts(kept.text, incoming.text, how.locale).relation;
  if (relation === 'b-fuller') return true;
  const mine = contentWords(incoming.text);
  const theirs = contentWords(kept.text);
  const extra = [...mine].filter((w) => !theirs.has(w));
  if (extra.length === 0) return true;
  const extends_ = best.score < how.threshold && mine.size > theirs.size;
  if (!extends_ || incoming.priority > kept.priority) return true;
  // One sentence of this source saying what two of the book's say: its extra words are the next one's.
  const { block } = best.value;
  const next = block.sentences[block.sentences.indexOf(kept) + 1];
  if (!next) return false;
  const following = contentWords(next.text);
  return extra.filter((w) => !following.has(w)).length <= extra.length * 0.2;
}

/**
 * Put a run of sentences the book lacks into it; returns the anchor after them. Items a list lacks go into
 * that list, after the item they follow in their source; sentences a paragraph lacks go into it after the
 * sentence they follow, when that sentence is in the same paragraph of their source. A paragraph of new
 * sentences stays a paragraph of its own.
 */
function placeRun(fusion: Fusion, run: WSentence[], block: WBlock, at: At, matchedInBlock: boolean) {
  const { anchor, how } = at;
  if (!run.length) return anchor;
  if (!how.addsText) {
    for (const s of run)
      fusion.omitted.push({
        text: s.text,
        source: s.sources[0]!,
        reason: 'policy "prefer": only the preferred source’s text is kept',
      });
    return anchor;
  }
  let target = anchor?.section ?? at.into;
  let holder: WBlock;
  let next: Anchor;
  const intoList = block.kind === 'list' && anchor?.block.kind === 'list';
  // A paragraph holding a numbered clause of a quoted document is atomic: nothing goes inside it.
  const clause = anchor?.block.sentences.some((s) => CLAUSE.test(s.text)) ?? false;
  const intoParagraph = block.kind === 'paragraph' && anchor?.block.kind === 'paragraph' && matchedInBlock && !clause;
  if (anchor && (intoList || intoParagraph)) {
    holder = anchor.block;
    // A bracketed aside belongs to the sentence before it: what another source adds goes after the aside.
    let item = anchor.item;
    while (intoParagraph && ASIDE.test(holder.sentences[item + 1]?.text ?? '')) item++;
    holder.sentences.splice(item + 1, 0, ...run);
    next = { ...anchor, item: item + run.length };
    if (!holder.sources.some((p) => p.source === how.source.info.id)) holder.sources.push(block.sources[0]!);
  } else {
    holder = {
      kind: block.kind,
      sentences: run,
      sources: [...block.sources],
      ...(block.ordered ? { ordered: true } : {}),
    };
    let after = anchor ? target.blocks.indexOf(anchor.block) : how.isBase ? target.blocks.length - 1 : -1;
    const earlier = how.isBase ? undefined : sectionByDates(at.outline, target, run, how.locale);
    if (earlier) {
      target = earlier;
      after = target.blocks.length - 1;
    }
    target.blocks.splice(after + 1, 0, holder);
    next = { block: holder, section: target, item: run.length - 1 };
  }
  for (const sentence of run) {
    sentence.witnesses = new Map([[how.source.info.id, sentence.text]]);
    noteReading(fusion, how.source.info.id, sentence.text);
    fusion.index.add(sentence.text, { block: holder, sentence, section: target });
  }
  target.contributors.add(how.source.info.id);
  return next;
}

/**
 * Fold `incoming` into the kept sentence `hit`: provenance, citations, and the reading that stays. Facts
 * decide first: the reading stating facts the other lacks wins (the other has a hole); where each states
 * a fact the other contradicts, the preferred reading stays and the other becomes a variant shown to
 * readers; where the facts agree, the preferred wording stays (a wording variant for the report).
 */
function fold(
  fusion: Fusion,
  hit: Hit,
  incoming: WSentence,
  match: {
    score: number;
    pair?: boolean | undefined;
    claim?: boolean | undefined;
    continues?: boolean | undefined;
    /** The incoming sentence is part of a quotation: its words are a document's, each one counts. */
    quoted?: boolean;
    /** The incoming sentence stands where the kept one does in another telling: neither is the fuller. */
    swap?: boolean | undefined;
    /** The incoming sentence says again what its source said in this one: a reading shown whole. */
    restates?: boolean | undefined;
  },
  locale: string,
): void {
  const { score, pair, claim, continues, swap } = match;
  const kept = hit.sentence;
  for (const r of incoming.refs) if (!kept.refs.includes(r)) kept.refs.push(r);
  const src = incoming.sources[0]!;
  if (!kept.witnesses) {
    kept.witnesses = new Map([[kept.sources[0]!.source, kept.text]]);
    noteReading(fusion, kept.sources[0]!.source, kept.text);
  }
  const before = kept.witnesses.get(src.source);
  const reading = before === undefined ? incoming.text : `${before} ${incoming.text}`;
  kept.witnesses.set(src.source, reading);
  noteReading(fusion, src.source, reading);
  let facts = compareFacts(kept.text, incoming.text, locale);
  // Facts the book states in the kept sentence's neighbours are no hole in it: the incoming sentence says
  // in one what the book says in two.
  if (facts.relation === 'b-fuller') {
    const around = neighbours(hit).join(' ');
    if (facts.onlyB.every((f) => around.includes(f))) facts = { ...facts, relation: 'same' };
  }
  // Said in one what the book says in two: the book's two sentences stay (the reading is a variant).
  const incomingWins = swap
    ? incoming.priority > kept.priority
    : !pair && (facts.relation === 'b-fuller' || (facts.relation !== 'a-fuller' && incoming.priority > kept.priority));
  // A source folded into this sentence before (going on about it, or saying it twice) has its reading there
  // already: its witness, now longer. A second variant of one source would stand against its first.
  const again = continues || (before !== undefined && !match.restates);
  // A quotation's words are a document's: a reading that words it otherwise is shown whole.
  const quoted = hit.block.kind === 'quote' || !!match.quoted;
  const whole =
    quoted || !!swap || !!match.restates || statesMore(fusion, hit, [incomingWins ? kept : incoming, incoming], facts);
  const found = again ? undefined : readingVariant(hit.section, kept, incoming, { facts, incomingWins, whole, locale });
  // One sentence whose claim a revision changed: the reader sees the other reading whole.
  const variant = claim && found?.kind === 'wording' ? { ...found, kind: 'claim' as const, at: kept } : found;
  // One variant per sentence and class: a third reading joins the variant the second one opened.
  const opened = openVariants.get(kept) ?? [];
  const open = variant && opened.find((v) => v.kind === variant.kind && !!v.at === !!variant.at);
  if (open) addReadings(open, variant);
  else if (variant) {
    fusion.variants.push(variant);
    openVariants.set(kept, [...opened, variant]);
    if (variant.at) (kept.variants ??= []).push(variant);
  }
  if (incomingWins) {
    fusion.duplicates.push({ dropped: kept.text, source: kept.sources[0]!, kept: hit, similarity: score });
    kept.text = incoming.text;
    kept.nodes = incoming.nodes;
    kept.priority = Math.max(kept.priority, incoming.priority);
    kept.sources.unshift(...incoming.sources);
  } else {
    fusion.duplicates.push({ dropped: incoming.text, source: src, kept: hit, similarity: score });
    kept.sources.push(...incoming.sources);
  }
  if (!hit.block.sources.some((p) => p.source === src.source)) hit.block.sources.push(src);
  hit.section.contributors.add(src.source);
}

/**
 * Whether the reading the book drops (`dropped`: the kept sentence or the incoming one) adds a fact — a
 * number, a name — that neither the reading that stays nor the sentences around it state: a fact lost
 * unless the reader sees that reading. An acronym the book spells out is no fact of its own.
 */
function statesMore(
  fusion: Fusion,
  hit: Hit,
  [dropped, incoming]: [WSentence, WSentence],
  facts: Readonly<FactComparison>,
): boolean {
  const [own, theirs] = dropped === hit.sentence ? [facts.onlyA, facts.onlyB] : [facts.onlyB, facts.onlyA];
  // Facts only the staying reading states stand for the dropped one's, worded otherwise ("the Soviet Union" /
  // "Russia", "Operation Barbarossa" / "the invasion of 1941"): a fact is lost where it was added.
  if (!own.length || theirs.length) return false;
  const staying = dropped === hit.sentence ? incoming.text : hit.sentence.text;
  const around = [staying, ...neighbours(hit)].join(' ').toLowerCase();
  const spelled = (f: string) => fusion.acronyms.get(f)?.toLowerCase();
  const unsaid = own.filter((f) => !around.includes(f.toLowerCase()) && !around.includes(spelled(f) ?? '\u0000'));
  // Nor are facts put for words the staying reading has in their place ("the Supreme Soviet" / "the Supreme
  // Council"): only facts the dropped reading adds are.
  return factsAdded(dropped.text, staying, unsaid).length > 0;
}

/** The sentences before and after a sentence of the book, across paragraph breaks within its section. */
function neighbours(hit: Hit): string[] {
  const flat = hit.section.blocks.flatMap((b) => b.sentences);
  const at = flat.indexOf(hit.sentence);
  return [flat[at - 1]?.text ?? '', flat[at + 1]?.text ?? ''];
}

/** The variants opened at each sentence of the book, so that a third reading joins the one of its class. */
const openVariants = new WeakMap<WSentence, Variant[]>();

/**
 * The readings of `from` added to `into`: a text it has gains the sources, a new text is a new reading; the
 * reading the book keeps (the first of `from`) comes first. A source is counted for one reading only.
 */
function addReadings(into: Variant, from: Variant): void {
  for (const r of from.readings) {
    const same = into.readings.find((x) => x.text === r.text);
    for (const x of into.readings)
      if (x !== same) x.sources = x.sources.filter((p) => !r.sources.some((q) => q.source === p.source));
    if (!same) into.readings.push({ text: r.text, sources: [...r.sources] });
    else for (const p of r.sources) if (!same.sources.some((q) => q.source === p.source)) same.sources.push(p);
  }
  into.readings = into.readings.filter((x) => x.sources.length);
  const first = into.readings.findIndex((x) => x.text === from.readings[0]!.text);
  if (first > 0) into.readings.unshift(...into.readings.splice(first, 1));
  for (const d of from.differs) if (!into.differs.includes(d)) into.differs.push(d);
}

/**
 * The prose blocks read before, per block node of a source and the source's reading of it: a warm edit
 * re-parses only the edited source, and the other sources' trees are the same objects (the parse stage keeps
 * them in memory), so their paragraphs and lists are not split into sentences again. The fusion changes its
 * blocks in place: each build gets copies (`fresh`). Atomic blocks are read every time.
 */
const readBlocks = new WeakMap<BlockNode, Map<string, WBlock>>();

/** A copy of a block `readBlock` made: its own arrays and sentences (strings, provenance, phrasing shared). */
function fresh(block: WBlock): WBlock {
  return {
    kind: block.kind,
    sentences: block.sentences.map((s) => ({ ...s, refs: [...s.refs], sources: [...s.sources] })),
    sources: [...block.sources],
    ...(block.ordered ? { ordered: true } : {}),
  };
}

/**
 * A paragraph as its sentences; a list as its items (an item is one unit, however many sentences it has);
 * any other block whole, with its units of text (a table's rows…) for comparison.
 */
export function toWBlock(node: BlockNode, source: Source, locale: string): WBlock {
  if (node.type !== 'list' && (node.type !== 'paragraph' || node.data?.figure)) return readBlock(node, source, locale);
  const { id, file, priority } = source.info;
  const key = `${id}\u0000${file}\u0000${priority}\u0000${locale}`;
  let byReading = readBlocks.get(node);
  if (!byReading) readBlocks.set(node, (byReading = new Map()));
  let block = byReading.get(key);
  if (!block) byReading.set(key, (block = readBlock(node, source, locale)));
  return fresh(block);
}

function readBlock(node: BlockNode, source: Source, locale: string): WBlock {
  const prov = provenance(source, node.position?.start.line ?? 1);
  const sentence = (s: Sentence, phrasing?: PhrasingContent[]): WSentence => {
    // Phrasing that still says what the reading's mends took out (a glued date…) gives way to the text.
    const nodes = phrasing && sameText(phrasing, s.text) ? phrasing : undefined;
    return {
      text: s.text,
      refs: s.refs.map((r) => qualify(source, r)),
      sources: [prov],
      priority: source.info.priority,
      ...(nodes ? { nodes } : {}),
    };
  };
  if (node.type === 'list') return listBlock(node, prov, sentence, locale);
  if (node.type === 'paragraph' && !node.data?.figure) {
    const rich = !isPlain(node.children);
    const sentences = splitSentences(node.children, locale).map((s) =>
      sentence(s, rich && s.span ? sliceSentence(node.children, s.span[0], s.span[1]) : undefined),
    );
    return { kind: 'paragraph', sentences, sources: [prov] };
  }
  return atomicBlock(node, source, prov, sentence, locale);
}

type MakeSentence = (s: Sentence, nodes?: PhrasingContent[]) => WSentence;

/** Whether phrasing reads as `text` (spacing aside). */
function sameText(phrasing: PhrasingContent[], text: string): boolean {
  const squeeze = (t: string) => t.replace(/\s+/g, '');
  return squeeze(phrasing.map(plainOf).join('')) === squeeze(text);
}

function listBlock(node: List, prov: Provenance, sentence: MakeSentence, locale: string): WBlock {
  // Depth first: an item, then the items of the lists inside it, each unit with its depth (1: outermost).
  const entries: { item: ListItem; depth: number; ordered: boolean }[] = [];
  const walk = (list: List, depth: number) => {
    for (const item of list.children) {
      entries.push({ item, depth, ordered: list.ordered ?? false });
      for (const inner of item.children) if (inner.type === 'list') walk(inner, depth + 1);
    }
  };
  walk(node, 1);
  const items = entries.map(({ item, depth, ordered }) => {
    const phrasing = item.children.flatMap((c) => (c.type === 'paragraph' ? c.children : []));
    const parts = splitSentences(phrasing, locale);
    // A list item is one unit even when it holds several sentences; it keeps its own line.
    const unit = sentence(
      { text: joinSentences(parts.map((s) => s.text)), refs: parts.flatMap((s) => s.refs) },
      isPlain(phrasing) ? undefined : sliceSentence(phrasing, 0, Infinity),
    );
    unit.sources = [{ ...prov, line: item.position?.start.line ?? prov.line }];
    if (depth > 1) unit.depth = depth;
    if (depth > 1 && ordered) unit.ordered = true;
    return unit;
  });
  return {
    kind: 'list',
    sentences: items.filter((s) => s.text),
    sources: [prov],
    ...(node.ordered ? { ordered: true } : {}),
  };
}

/** An atomic block: a copy of its node with citation keys qualified; its citations on its first unit. */
function atomicBlock(
  node: BlockNode,
  source: Source,
  prov: Provenance,
  sentence: MakeSentence,
  locale: string,
): WBlock {
  const copy = copyTree(node);
  const refs: string[] = [];
  visit(copy, 'footnoteReference', (ref: FootnoteReference) => {
    refs.push(ref.identifier);
    ref.identifier = qualify(source, ref.identifier);
  });
  // A quotation is compared sentence by sentence (prose may carry the same passage); other blocks by unit.
  const units =
    node.type === 'blockquote'
      ? textUnits(node).flatMap((u) => splitSentences([{ type: 'text', value: u }], locale).map((s) => s.text))
      : textUnits(node);
  const sentences = units.map((text, i) => sentence({ text, refs: i === 0 ? refs : [] }));
  return { kind: blockKindOf(node)!, sentences, sources: [prov], node: copy };
}
