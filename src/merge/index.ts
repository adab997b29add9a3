/**
 * The merge: several renditions of one text → one Book, in named steps that hand each other explicit
 * values (the working book they fill is the one thing they share; see work.ts).
 *
 * 1. align (align.ts): the source with the finest structure (most headings) gives the canonical sections;
 *    the preferred source (highest priority) gives the headings and wins wherever two wordings of a
 *    sentence compete. Every other source is aligned to the book's sections (heading similarity, content
 *    overlap, order); a section with no counterpart becomes a new section after its predecessor.
 * 2. fuse (fuse.ts): text is fused sentence by sentence, near-duplicates folded into the sentence the
 *    book has; sources are fused in priority order, each right after it is aligned (the alignment of the
 *    next source compares with the text fused so far).
 * 3. variants (variants.ts): where two wordings or two lists disagree, every reading with its sources.
 * 4. key sentences (key-sentences.ts): cited key sentences become key points of the section holding
 *    their closest match.
 * 5. citations (citations.ts): the sources' citations numbered in reading order.
 * 6. chapters (chapters.ts): sections → chapters, back matter and ids; then the report (report.ts).
 */
import type { Image } from 'mdast';
import { labelsFor } from '../util/labels.js';
import { visit } from 'unist-util-visit';
import type { ApparatusMode, Asset, BackMatter, Book, BookMeta, Chapter, Source, Warning } from '../model/index.js';
import { apparatusNotes, collation, variantRecords } from './apparatus.js';
import { shortLabel } from '../util/words.js';
import { alignSource, baseOutline, castSources, land, type AlignmentRow, type Cast } from './align.js';
import { buildChapters } from './chapters.js';
import { citationTable, numberCitations, refsInReadingOrder, unattachedCitations } from './citations.js';
import { fuseSection, newFusion } from './fuse.js';
import { acronymDefinitions } from './acronyms.js';
import { danglingColons } from './dangling.js';
import { toString } from 'mdast-util-to-string';
import { addKeyPoints, matchKeySentences } from './key-sentences.js';
import { mergeReport, type Recorded } from './report.js';
import { membershipVariants } from './variants.js';

export type MergePolicy = 'prefer' | 'union';

export interface MergeOptions {
  /** `union` (default) adds what only other sources have; `prefer` keeps the preferred source's text only. */
  policy?: MergePolicy;
  /** Dice similarity of content words at or above which two sentences are one sentence lightly edited. */
  threshold?: number;
  /** How readers see substantive variants: notes at the sentence (default), a chapter summary, or not. */
  apparatus?: ApparatusMode;
  /** Filled with the comparisons the merge made (tests check that they grow linearly with the sources). */
  work?: MergeWork;
}

/** The merge's work, counted: what would grow faster than the sources if a step compared all pairs. */
export interface MergeWork {
  /** Sentences of the book compared with a sentence looked up in the index (fusion and key sentences). */
  sentences: number;
  /** Pairs of sections scored by the alignment of the sources' sections to the book's. */
  sections: number;
}

export const DEFAULT_THRESHOLD = 0.6;

export function mergeSources(sources: Source[], meta: BookMeta, options: MergeOptions = {}): Book {
  const policy = options.policy ?? 'union';
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const locale = meta.language;
  const cast = castSources(sources);
  const { outline, fusion, alignment, warnings, sectionsCompared } = alignAndFuse(cast, { policy, threshold, locale });

  const keys = matchKeySentences(cast.keySentences, fusion.index, locale);
  if (options.work) {
    options.work.sentences += fusion.index.compared;
    options.work.sections += sectionsCompared;
  }
  addKeyPoints(keys.matches);
  const variants = [...fusion.variants, ...membershipVariants(outline.sections)];
  const mode = options.apparatus ?? 'notes';

  const table = citationTable(sources);
  const { citations, idOf, variantId } = numberCitations(table, refsInReadingOrder(outline.sections, mode === 'notes'));
  const introduction = labelsFor(locale).introduction;
  const book = buildChapters(outline.sections, idOf, cast.texts.length, variantId, introduction);
  const inOrder = [...refsInReadingOrder(outline.sections, true)].filter((r) => typeof r !== 'string');
  const labels = new Map(sources.map((s) => [s.info.id, shortLabel(s.info)]));
  const labelOf = (id: string) => labels.get(id) ?? id;
  const { notes, noteOf } = apparatusNotes(mode, { variantId, inOrder }, book, labelOf, locale);

  const recorded: Recorded = {
    policy,
    threshold,
    structure: cast.structure,
    preferred: cast.preferred,
    alignment,
    duplicates: fusion.duplicates,
    variants,
    omitted: [...fusion.omitted, ...keys.omitted],
    unattachedCitations: unattachedCitations(table, idOf),
    warnings: [
      ...sources.flatMap((s) => s.warnings),
      ...warnings,
      ...book.warnings,
      ...danglingColons(outline.sections, locale),
    ],
  };
  return {
    meta,
    sources: sources.map((s) => s.info),
    chapters: book.chapters,
    backMatter: book.backMatter,
    citations,
    links: sources.flatMap((s) =>
      (s.links ?? []).map((l) => ({ target: l.target, label: l.label, source: s.info.id })),
    ),
    ...assetsShown(sources, book.chapters, book.backMatter),
    report: { ...mergeReport(recorded, book), variants: variantRecords(variants, mode, noteOf, book) },
    apparatus: { mode, notes },
    collation: collation(
      outline.sections,
      cast.texts.map((s) => s.info.id),
      book.sentenceBlock,
    ),
  };
}

/** The sources' images that the book's blocks show, once each, in the order of the sources. */
function assetsShown(sources: Source[], chapters: Chapter[], backMatter: BackMatter[]): { assets?: Asset[] } {
  const all = sources.flatMap((s) => s.assets ?? []);
  if (!all.length) return {};
  const shown = new Set<string>();
  const blocks = [
    ...chapters.flatMap((c) => c.sections.flatMap((s) => s.blocks)),
    ...backMatter.flatMap((b) => b.blocks),
  ];
  for (const block of blocks) visit(block.node, 'image', (image: Image) => void shown.add(image.url));
  const assets = all.filter((a, i) => shown.has(a.path) && all.findIndex((b) => b.path === a.path) === i);
  return assets.length ? { assets } : {};
}

/**
 * Steps 1–2: the book's outline from the structure source, then each text source in priority order
 * aligned to the book as it stands (the alignment compares with the text fused so far) and fused in,
 * section by section (a new section enters the outline just before its text is fused).
 */
function alignAndFuse(cast: Cast, settings: { policy: MergePolicy; threshold: number; locale: string }) {
  const { structure, preferred } = cast;
  const base = baseOutline(structure);
  const { outline } = base;
  const fusion = newFusion(acronymDefinitions(cast.texts.map((s) => toString(s.tree))));
  const alignment: AlignmentRow[] = [];
  const warnings: Warning[] = [];
  let sectionsCompared = 0;
  for (const source of [structure, ...cast.texts.filter((s) => s !== structure)]) {
    const isBase = source === structure;
    const isPreferred = source === preferred;
    const placed = isBase ? base : alignSource(outline, source, isPreferred);
    alignment.push(...placed.alignment);
    warnings.push(...placed.warnings);
    sectionsCompared += placed.compared ?? 0;
    // Under "prefer" only the preferred source's text is kept: the structure source gives sections only.
    const addsText = settings.policy !== 'prefer' || isPreferred;
    const how = { source, isBase, addsText, locale: settings.locale, threshold: settings.threshold };
    for (const placement of placed.placements) {
      land(outline, placement);
      fuseSection(fusion, outline, placement.section, placement.into, how);
    }
  }
  return { outline, fusion, alignment, warnings, sectionsCompared };
}
