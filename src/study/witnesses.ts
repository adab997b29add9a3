/**
 * Which sources read a sentence of the book, from the merge's collation: a sentence only one rendition has
 * is not credited to every source of the paragraph (or list) it joined. For the study aids that quote or
 * name what a sentence says (key points, envoys): each credits the sources that read it, at their lines.
 */
import type { Book, Provenance } from '../model/index.js';

/** Per book, each sentence's witnesses (by block and text) from the merge's collation, with their lines. */
const witnessTables = new WeakMap<object, Map<string, { source: string; line: number }[]>>();

function tableOf(collation: NonNullable<Book['collation']>): Map<string, { source: string; line: number }[]> {
  let table = witnessTables.get(collation);
  if (!table) {
    table = new Map();
    const columns = collation.status.length;
    for (let c = 0; c < columns; c++) {
      const column = collation.witnesses.flatMap((source, w) => {
        const token = collation.table[w]?.[c]?.[0];
        return token ? [{ source, line: token.line, block: token.block, t: token.t }] : [];
      });
      for (const token of column)
        if (token.block)
          table.set(
            `${token.block}\u0000${token.t}`,
            column.map(({ source, line }) => ({ source, line })),
          );
    }
    witnessTables.set(collation, table);
  }
  return table;
}

/**
 * Of `sources` (a block's), those that read `text`, a sentence or list item of block `block`, each at the line
 * it reads it on. Undefined without a collation, or when the collation has no such sentence or none of them.
 */
export function witnessesOf(
  book: Pick<Book, 'collation'>,
  block: string,
  text: string,
  sources: readonly Provenance[],
): Provenance[] | undefined {
  if (!book.collation) return undefined;
  const found = tableOf(book.collation).get(`${block}\u0000${text}`);
  if (!found) return undefined;
  const out = sources.flatMap((p) => {
    const w = found.find((f) => f.source === p.source);
    return w ? [{ ...p, line: w.line }] : [];
  });
  return out.length ? out : undefined;
}
