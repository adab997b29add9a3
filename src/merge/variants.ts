/**
 * Step 3 of the merge, variants: where the sources disagree, with every reading and its sources.
 * Two wordings of one sentence disagree in a number ("1918" / "1921") or a differently spelled name
 * ("Ioffe" / "Joffe", "Alexey" / "Alexander"); one side merely saying more (an added year, an added name)
 * is an extension, not a disagreement: both sides must differ. Two renditions of one list disagree in
 * its items (membership).
 */
import { distance } from 'fastest-levenshtein';
import type { Conflict } from '../model/index.js';
import type { Variant, WSection, WSentence } from './work.js';

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

/** The variant of folding `incoming` into the near-duplicate `kept` (before the fold), if they disagree. */
export function wordingVariant(
  section: WSection,
  kept: WSentence,
  incoming: WSentence,
  incomingWins: boolean,
): Variant | undefined {
  const diff = differences(kept.text, incoming.text);
  if (!diff) return undefined;
  const keptReading = { text: kept.text, sources: [...kept.sources] };
  const other = { text: incoming.text, sources: incoming.sources };
  return {
    section,
    kind: diff.kind,
    differs: diff.differs,
    readings: incomingWins ? [other, keptReading] : [keptReading, other],
  };
}

/** Lists whose items differ between the sources that carry them: one variant per item some lack. */
export function membershipVariants(sections: readonly WSection[]): Variant[] {
  const out: Variant[] = [];
  for (const section of sections) {
    for (const block of section.blocks) {
      if (block.kind !== 'list' || block.sources.length < 2) continue;
      const carriers = new Set(block.sources.map((p) => p.source));
      for (const item of block.sentences) {
        const has = new Set(item.sources.map((p) => p.source));
        const missing = [...carriers].filter((c) => !has.has(c));
        if (!missing.length) continue;
        out.push({
          section,
          kind: 'membership',
          differs: [item.text],
          readings: [
            { text: `listed: ${item.text}`, sources: item.sources },
            { text: 'not listed', sources: block.sources.filter((p) => missing.includes(p.source)) },
          ],
        });
      }
    }
  }
  return out;
}
