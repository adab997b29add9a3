/** Small helpers for the lines a user reads: plurals, and "did you mean" for a typo. */
import { closest, distance } from 'fastest-levenshtein';

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
