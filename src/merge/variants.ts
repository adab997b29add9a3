/**
 * Disagreements between two wordings of one sentence: a different number ("1918" / "1921") or a
 * differently spelled name ("Ioffe" / "Joffe", "Alexey" / "Alexander"). One side merely saying more
 * (an added year, an added name) is an extension, not a disagreement: both sides must differ.
 */
import { distance } from 'fastest-levenshtein';
import type { Conflict } from '../model/index.js';

const NUMBER = /\d+(?:[.,]\d+)*/g;
/** Capitalised words (a sentence's first word too: only spelling variants of each other count). */
const NAME = /\p{Lu}[\p{L}'’]+/gu;

function onlyIn(a: string[], b: string[]): string[] {
  const other = new Set(b);
  return [...new Set(a)].filter((x) => !other.has(x));
}

/** Two names that are spellings of one another rather than different names. */
function spellingVariants(x: string, y: string): boolean {
  const a = x.toLowerCase();
  const b = y.toLowerCase();
  if (a === b) return false;
  const prefix = a.slice(0, 4) === b.slice(0, 4) && a.length >= 4 && b.length >= 4;
  return prefix || distance(a, b) / Math.max(a.length, b.length) <= 0.4;
}

export function differences(kept: string, other: string): { kind: Conflict['kind']; differs: string[] } | undefined {
  const numbersA = onlyIn(kept.match(NUMBER) ?? [], other.match(NUMBER) ?? []);
  const numbersB = onlyIn(other.match(NUMBER) ?? [], kept.match(NUMBER) ?? []);
  if (numbersA.length && numbersB.length) return { kind: 'number', differs: [...numbersA, ...numbersB] };
  const namesA = onlyIn(kept.match(NAME) ?? [], other.match(NAME) ?? []);
  const namesB = onlyIn(other.match(NAME) ?? [], kept.match(NAME) ?? []);
  const pairs = namesA.flatMap((x) => namesB.filter((y) => spellingVariants(x, y)).map((y) => [x, y]));
  if (pairs.length) return { kind: 'name', differs: pairs.flat() };
  return undefined;
}
