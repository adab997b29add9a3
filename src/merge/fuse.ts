/**
 * Step 2 of the merge, fusion: the text of a source section goes into the book section it was aligned to,
 * sentence by sentence. A sentence whose near-duplicate is already in the book is folded into it (its
 * source and citations added, the preferred wording kept, a variant recorded where the two disagree);
 * runs of new sentences are placed after the block holding the preceding matched sentence, list items
 * inside the list they belong to. Near-duplicates are found through an inverted word index, never by
 * comparing all pairs, so the merge grows near-linearly with the sources.
 */
import type { FootnoteReference, List, PhrasingContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { BlockNode, MergeReport, Provenance, Source } from '../model/index.js';
import { blockKindOf, isAtomic, textUnits } from '../model/blocks.js';
import { isPlain, sliceSentence } from './phrasing.js';
import type { Outline } from './outline.js';
import { contentWords, isNearDuplicate, SentenceIndex, splitSentences, type Sentence } from './sentences.js';
import type { SourceSection } from './align.js';
import { wordingVariant } from './variants.js';
import { provenance, qualify, type Duplicate, type Hit, type Variant, type WBlock, type WSection } from './work.js';
import type { WSentence } from './work.js';

/** What fusing gathers across all sources: the index of the book's sentences and the report's records. */
export interface Fusion {
  index: SentenceIndex<Hit>;
  duplicates: Duplicate[];
  variants: Variant[];
  omitted: MergeReport['omitted'];
}

export function newFusion(): Fusion {
  return { index: new SentenceIndex<Hit>(), duplicates: [], variants: [], omitted: [] };
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
  for (const node of section.blocks) {
    anchor = fuseBlock(fusion, outline, toWBlock(node, how.source, how.locale), { into, anchor, how });
    // The structure source keeps its own paragraph breaks: its next block starts a new paragraph.
    if (how.isBase) anchor = undefined;
  }
}

interface At {
  into: WSection;
  anchor: Anchor | undefined;
  how: FuseSource;
}

/** Fuse one block's sentences; returns where the next block's new text goes. */
function fuseBlock(fusion: Fusion, outline: Outline, block: WBlock, at: At): Anchor | undefined {
  if (isAtomic(block.kind)) return fuseAtomic(fusion, block, at);
  let anchor = at.anchor;
  let run: WSentence[] = [];
  let matchedInBlock = false;
  for (const sentence of block.sentences) {
    // Prose folds into prose of its kind, or into a quotation that says it (a source may quote a passage
    // that another gives as running text); never into a table or any other atomic block.
    const best = fusion.index.best(
      sentence.text,
      (h) => (h.block.kind === block.kind && !h.block.node) || h.block.kind === 'quote',
    );
    if (!best || !foldable(best, sentence, at.how.threshold)) {
      run.push(sentence);
      continue;
    }
    anchor = placeRun(fusion, run, block, { ...at, anchor }, matchedInBlock);
    run = [];
    fold(fusion, best.value, sentence, Math.round(Math.max(best.score, best.containment) * 100) / 100);
    if (outline.within(best.value.section, at.into)) {
      anchor = {
        block: best.value.block,
        section: best.value.section,
        item: best.value.block.sentences.indexOf(best.value.sentence),
      };
      matchedInBlock = true;
    }
  }
  return placeRun(fusion, run, block, { ...at, anchor }, matchedInBlock);
}

/** Similarity at which an atomic block (a table, a quotation…) of another source is the same block. */
const SAME_ATOMIC = 0.95;

/**
 * An atomic block goes in whole: folded into the same block of another source when one of its kind says
 * (nearly) the same, else placed after the anchor as a block of its own. Nothing is ever inserted into it.
 */
function fuseAtomic(fusion: Fusion, block: WBlock, at: At): Anchor | undefined {
  const whole = block.sentences.map((s) => s.text).join(' ');
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
    const best = fusion.index.best(sentence.text, (h) => h.block.kind === 'paragraph' && !h.block.node);
    return best && foldable(best, sentence, at.how.threshold) ? best : undefined;
  });
  const found = hits.filter(Boolean).length;
  if (!found || found < 0.8 * block.sentences.length) return undefined;
  let anchor = at.anchor;
  const rest: WSentence[] = [];
  block.sentences.forEach((sentence, i) => {
    const best = hits[i];
    if (!best) return void rest.push(sentence);
    fold(fusion, best.value, sentence, Math.round(Math.max(best.score, best.containment) * 100) / 100);
    const { value } = best;
    anchor = { block: value.block, section: value.section, item: value.block.sentences.indexOf(value.sentence) };
  });
  const prose: WBlock = { kind: 'paragraph', sentences: rest, sources: block.sources };
  return placeRun(fusion, rest, prose, { ...at, anchor }, true) ?? anchor;
}

/**
 * Whether `incoming` folds into the book's near-duplicate `best`: never when that would lose what it says.
 * A sentence that carries words the kept one lacks stays a sentence of its own when it comes from the
 * same source (a source's text is all kept: an extended restatement is not a duplicate of itself), and
 * when it matched only by containment (it extends the kept sentence) and its wording would not win.
 */
function foldable(
  best: { value: Hit; score: number; containment: number; smaller: number },
  incoming: WSentence,
  threshold: number,
): boolean {
  if (!isNearDuplicate(best, threshold)) return false;
  const kept = best.value.sentence;
  const mine = contentWords(incoming.text);
  const theirs = contentWords(kept.text);
  let extra = 0;
  for (const w of mine) if (!theirs.has(w)) extra++;
  if (extra === 0) return true;
  if (kept.sources.some((p) => p.source === incoming.sources[0]!.source)) return false;
  const extends_ = best.score < threshold && mine.size > theirs.size;
  return !extends_ || incoming.priority > kept.priority;
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
  const target = anchor?.section ?? at.into;
  let holder: WBlock;
  let next: Anchor;
  const intoList = block.kind === 'list' && anchor?.block.kind === 'list';
  const intoParagraph = block.kind === 'paragraph' && anchor?.block.kind === 'paragraph' && matchedInBlock;
  if (anchor && (intoList || intoParagraph)) {
    holder = anchor.block;
    holder.sentences.splice(anchor.item + 1, 0, ...run);
    next = { ...anchor, item: anchor.item + run.length };
    if (!holder.sources.some((p) => p.source === how.source.info.id)) holder.sources.push(block.sources[0]!);
  } else {
    holder = { kind: block.kind, sentences: run, sources: block.sources };
    const after = anchor ? target.blocks.indexOf(anchor.block) : how.isBase ? target.blocks.length - 1 : -1;
    target.blocks.splice(after + 1, 0, holder);
    next = { block: holder, section: target, item: run.length - 1 };
  }
  for (const sentence of run) fusion.index.add(sentence.text, { block: holder, sentence, section: target });
  target.contributors.add(how.source.info.id);
  return next;
}

/** Fold `incoming` into the kept sentence `hit`: provenance, citations, variants, and the preferred wording. */
function fold(fusion: Fusion, hit: Hit, incoming: WSentence, similarity: number): void {
  const kept = hit.sentence;
  for (const r of incoming.refs) if (!kept.refs.includes(r)) kept.refs.push(r);
  const incomingWins = incoming.priority > kept.priority;
  const variant = wordingVariant(hit.section, kept, incoming, incomingWins);
  if (variant) fusion.variants.push(variant);
  if (incomingWins) {
    fusion.duplicates.push({ dropped: kept.text, source: kept.sources[0]!, kept: hit, similarity });
    kept.text = incoming.text;
    kept.nodes = incoming.nodes;
    kept.priority = incoming.priority;
    kept.sources.unshift(...incoming.sources);
  } else {
    fusion.duplicates.push({ dropped: incoming.text, source: incoming.sources[0]!, kept: hit, similarity });
    kept.sources.push(...incoming.sources);
  }
  const src = incoming.sources[0]!;
  if (!hit.block.sources.some((p) => p.source === src.source)) hit.block.sources.push(src);
  hit.section.contributors.add(src.source);
}

/**
 * A paragraph as its sentences; a list as its items (an item is one unit, however many sentences it has);
 * any other block whole, with its units of text (a table's rows…) for comparison.
 */
export function toWBlock(node: BlockNode, source: Source, locale: string): WBlock {
  const prov = provenance(source, node.position?.start.line ?? 1);
  const sentence = (s: Sentence, nodes?: PhrasingContent[]): WSentence => ({
    text: s.text,
    refs: s.refs.map((r) => qualify(source, r)),
    sources: [prov],
    priority: source.info.priority,
    ...(nodes ? { nodes } : {}),
  });
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

function listBlock(node: List, prov: Provenance, sentence: MakeSentence, locale: string): WBlock {
  const items = node.children.map((item) => {
    const phrasing = item.children.flatMap((c) => (c.type === 'paragraph' ? c.children : []));
    const parts = splitSentences(phrasing, locale);
    // A list item is one unit even when it holds several sentences; it keeps its own line.
    const unit = sentence(
      { text: parts.map((s) => s.text).join(' '), refs: parts.flatMap((s) => s.refs) },
      isPlain(phrasing) ? undefined : sliceSentence(phrasing, 0, Infinity),
    );
    unit.sources = [{ ...prov, line: item.position?.start.line ?? prov.line }];
    return unit;
  });
  return { kind: 'list', sentences: items.filter((s) => s.text), sources: [prov] };
}

/** An atomic block: a copy of its node with citation keys qualified; its citations on its first unit. */
function atomicBlock(
  node: BlockNode,
  source: Source,
  prov: Provenance,
  sentence: MakeSentence,
  locale: string,
): WBlock {
  const copy = structuredClone(node);
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
