/** Small helpers for the lines a user reads: plurals, "did you mean" for a typo, a source's short label. */
import { closest, distance } from 'fastest-levenshtein';
import type { SourceInfo } from '../model/index.js';

/** "1 pass", "2 passes", "0 notes": the count and the word, singular only for one. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** ` (did you mean "x"?)` when one of `known` is close to `given` (a typo, any case), else ''. */
export function didYouMean(given: string, known: readonly string[]): string {
  if (!given || !known.length) return '';
  const lower = given.toLowerCase();
  const best = closest(
    lower,
    known.map((k) => k.toLowerCase()),
  );
  const index = known.findIndex((k) => k.toLowerCase() === best);
  const near = distance(lower, best) <= (best.length <= 3 ? 1 : Math.max(2, Math.floor(best.length / 3)));
  return near || best.startsWith(lower) ? ` (did you mean "${known[index]}"?)` : '';
}

/** A source as readers know it: its label without the parenthesised detail, else its reader's label. */
export function shortLabel(info: Pick<SourceInfo, 'id' | 'label' | 'title' | 'readerLabel'>): string {
  const label = info.label ?? info.title ?? info.readerLabel ?? info.id;
  return label.replace(/\s*\([^)]*\)\s*$/, '').trim() || info.id;
}
