/**
 * The merge's working book: what the steps build before it becomes a `Book`. Sections hold blocks of
 * sentences, each sentence with every source that carries it; the steps fill it in place (align adds
 * sections, fuse adds and folds sentences, key sentences add key points), and chapters turns it into the
 * model once it is complete. Records for the report refer to these objects; ids are given only at the end.
 */
import type { PhrasingContent } from 'mdast';
import type { BlockKind, BlockNode, Conflict, KeyPoint, Provenance, Source, VariantClass } from '../model/index.js';
import type { Sentence } from './sentences.js';

export interface WSentence extends Sentence {
  /** Every source carrying this sentence (in any wording), first the one whose wording is kept. */
  sources: Provenance[];
  priority: number;
  /** Each witness's reading of this sentence, by source id (the kept wording for the ones that agree). */
  witnesses?: Map<string, string>;
  /** Variants shown at this sentence (a marker after it). */
  variants?: Variant[];
  /** The sentence's own phrasing (emphasis, links…) when it has more than text; citations left out. */
  nodes?: PhrasingContent[];
  /** A list item's depth: 2 and more for an item of a list inside another item (absent: the outermost). */
  depth?: number;
  /** An item of a numbered list inside another item ("##"); the outermost list's numbering is the block's. */
  ordered?: boolean;
}

export interface WBlock {
  kind: BlockKind;
  /** Prose: its sentences or list items. An atomic block: its units of text (rows, lines), for comparison. */
  sentences: WSentence[];
  sources: Provenance[];
  /** A numbered list. */
  ordered?: boolean;
  /** An atomic block's node as its source has it, citation identifiers qualified (see `qualify`). */
  node?: BlockNode;
  /** A quotation made of the book's running text (no node): where its paragraphs start (sentence indices). */
  breaks?: number[];
  /** Such a quotation's attribution, from the source that marked the quote. */
  attribution?: string;
}

export interface WSection {
  title: string;
  level: number;
  blocks: WBlock[];
  keyPoints: KeyPoint[];
  sources: Provenance[];
  /** Ids of the sources whose text (or key sentences) went into the section, in the order they came. */
  contributors: Set<string>;
  /** Some source aligned a section with text to this one (its text may all have folded elsewhere). */
  hadText?: boolean;
}

/** Where a sentence of the working book is: what a sentence index lookup returns. */
export interface Hit {
  block: WBlock;
  sentence: WSentence;
  section: WSection;
}

/** A wording folded into a kept near-duplicate (the report's `duplicates`, resolved at the end). */
export interface Duplicate {
  dropped: string;
  source: Provenance;
  kept: Hit;
  similarity: number;
}

/** Classes a reader sees in the guide (the others stay in the editor's report). */
export const SUBSTANTIVE: ReadonlySet<VariantClass> = new Set([
  'date',
  'number',
  'name',
  'place',
  'list',
  'claim',
  'spelling',
]);

/** A disagreement between sources (the report's `variants` and `conflicts`, resolved at the end). */
export interface Variant {
  section: WSection;
  kind: VariantClass;
  differs: string[];
  /** The first reading is the one the book keeps. */
  readings: { text: string; sources: Provenance[] }[];
  /** The sentence whose marker shows it (substantive variants). */
  at?: WSentence;
}

/** The model's conflict kind of a substantive variant (what the study aids read). */
export function conflictKind(kind: VariantClass): Conflict['kind'] | undefined {
  if (kind === 'date' || kind === 'number') return 'number';
  if (kind === 'name' || kind === 'place') return 'name';
  if (kind === 'list') return 'membership';
  return undefined;
}

export function provenance(source: Source, line: number): Provenance {
  return { source: source.info.id, file: source.info.file, line };
}

/** A citation key made unique across sources (keys are local to their source). */
export const qualify = (source: Source, key: string) => `${source.info.id}\u0000${key}`;

export function newSection(title: string, level: number, heading: Provenance): WSection {
  return { title, level, blocks: [], keyPoints: [], sources: [heading], contributors: new Set() };
}
