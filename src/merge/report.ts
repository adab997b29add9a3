/**
 * The merge's report: everything the steps recorded, its references to the working book resolved to the
 * ids the book gave (none for what was left out). Everything not taken into the book is listed here.
 */
import type { MergeReport, Source } from '../model/index.js';
import type { AlignmentRow } from './align.js';
import type { Chaptered } from './chapters.js';
import { conflictKind, type Duplicate, type Variant } from './work.js';

export interface Recorded {
  policy: MergeReport['policy'];
  threshold: number;
  structure: Source;
  preferred: Source;
  alignment: AlignmentRow[];
  duplicates: Duplicate[];
  variants: Variant[];
  omitted: MergeReport['omitted'];
  unattachedCitations: MergeReport['unattachedCitations'];
  warnings: MergeReport['warnings'];
}

export function mergeReport(r: Recorded, book: Pick<Chaptered, 'sections' | 'sectionId' | 'blockId'>): MergeReport {
  return {
    policy: r.policy,
    threshold: r.threshold,
    structureFrom: r.structure.info.id,
    preferred: r.preferred.info.id,
    sections: book.sections,
    alignment: r.alignment.map((a) => ({
      source: a.source.info.id,
      file: a.source.info.file,
      line: a.section.line,
      title: a.section.index === 0 ? '(lead)' : a.section.title,
      section: (a.into && book.sectionId.get(a.into)) ?? '',
      score: a.score,
    })),
    duplicates: r.duplicates.map((d) => ({
      dropped: d.dropped,
      source: d.source,
      kept: d.kept.sentence.text,
      keptBlock: book.blockId.get(d.kept.block) ?? '',
      similarity: d.similarity,
    })),
    // The substantive variants, in the shape the study aids read (see `variants` for every class).
    conflicts: r.variants.flatMap((v) => {
      const kind = conflictKind(v.kind);
      return kind
        ? [{ section: book.sectionId.get(v.section) ?? '', kind, differs: v.differs, readings: v.readings }]
        : [];
    }),
    omitted: r.omitted,
    unattachedCitations: r.unattachedCitations,
    warnings: r.warnings,
  };
}
