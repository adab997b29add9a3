/**
 * Step 5 of the merge, citations: the sources' citations become the book's notes, numbered in reading
 * order; one source-local key is one note however often it is used. A citation whose sentence is not in
 * the book is listed as unattached.
 */
import type { Citation, MergeReport, Source } from '../model/index.js';
import { provenance, qualify, SUBSTANTIVE, type Variant, type WSection } from './work.js';

/** A citation with text, by qualified key (see `qualify`). */
export type CitationTable = Map<string, { key: string; text: string; source: Source; line: number }>;

export function citationTable(sources: Source[]): CitationTable {
  const table: CitationTable = new Map();
  for (const source of sources)
    for (const c of source.citations)
      if (c.text) table.set(qualify(source, c.key), { key: c.key, text: c.text, source, line: c.line });
  return table;
}

/**
 * The qualified citation keys of the book's sentences in reading order: the sections in outline order
 * (back matter where it stands), their blocks, sentences and keys. Every block with a sentence is in the
 * book (see chapters.ts), so this is the order in which the book uses them.
 */
export function* refsInReadingOrder(sections: readonly WSection[], withVariants = false): Generator<string | Variant> {
  for (const section of sections)
    for (const block of section.blocks)
      for (const sentence of block.sentences) {
        yield* sentence.refs;
        // Only the variants readers see get a note (and a number).
        if (withVariants) yield* (sentence.variants ?? []).filter((v) => SUBSTANTIVE.has(v.kind));
      }
}

/**
 * Notes numbered by first use; `idOf` maps a qualified key to its note's id. Variant notes (see
 * apparatus.ts) share the numbering, so a reader meets notes 1, 2, 3… in reading order whatever they are.
 */
export function numberCitations(
  table: CitationTable,
  refs: Iterable<string | Variant>,
): { citations: Citation[]; idOf: Map<string, string>; variantId: Map<Variant, { id: string; number: number }> } {
  const citations: Citation[] = [];
  const idOf = new Map<string, string>();
  const variantId = new Map<Variant, { id: string; number: number }>();
  let count = 0;
  for (const qualified of refs) {
    if (typeof qualified !== 'string') {
      if (!variantId.has(qualified)) variantId.set(qualified, { id: `note-${++count}`, number: count });
      continue;
    }
    if (idOf.has(qualified)) continue;
    const found = table.get(qualified);
    if (!found) continue;
    const number = ++count;
    const id = `note-${number}`;
    citations.push({ id, number, text: found.text, sources: [provenance(found.source, found.line)] });
    idOf.set(qualified, id);
  }
  return { citations, idOf, variantId };
}

/** Citations no sentence of the book uses, in the order of their sources. */
export function unattachedCitations(
  table: CitationTable,
  idOf: ReadonlyMap<string, string>,
): MergeReport['unattachedCitations'] {
  const out: MergeReport['unattachedCitations'] = [];
  for (const [qualified, c] of table) {
    if (idOf.has(qualified)) continue;
    out.push({
      key: c.key,
      text: c.text,
      source: provenance(c.source, c.line),
      reason: 'the sentence carrying it is not in the book (see omitted)',
    });
  }
  return out;
}
