/**
 * Step 3 of the merge, variants: where the sources disagree, with every reading and its sources.
 * Two readings of one sentence disagree in a fact (facts.ts): a date or number ("1918" / "1921"), a
 * differently spelled name ("Ioffe" / "Joffe"); one side merely stating more (an added year, an added
 * name) is an omission in the other, not a disagreement: both sides must differ. Two renditions of one
 * list disagree in its items (membership). Readings that differ only in wording are wording variants.
 */
import { differingSpans } from './apparatus.js';
import { readsSpan, type ClaimChange } from './claims.js';
import { compareFacts, type FactComparison } from './facts.js';
import type { Variant, WSection, WSentence } from './work.js';
import { memoize } from '../util/memo.js';

/** A text's words, lower-case, one space between: remembered per text (a warm edit re-merges the same sentences). */
const norm = memoize(
  (t: string) => (t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' '),
  (t) => t,
  20_000,
);

/** Two texts that differ in more than case, spacing and punctuation. */
const wordsDiffer = (a: string, b: string) => a !== b && norm(a) !== norm(b);

/**
 * The variant of folding `incoming` into `kept` (before the fold), if the readings differ: a substantive
 * one (date, number, name, place: shown at the sentence) where each states a fact the other contradicts,
 * an omission where one has a hole the other fills, a wording variant where only the words differ.
 */
export function readingVariant(
  section: WSection,
  kept: WSentence,
  incoming: WSentence,
  how: { facts: FactComparison; incomingWins: boolean; whole?: boolean; locale?: string },
): Variant | undefined {
  if (!wordsDiffer(kept.text, incoming.text)) return undefined;
  const found = variantOf(section, kept, incoming, how);
  // A reading the book drops that states what the book does not (or words a quoted document otherwise): the
  // reader sees it whole, whatever the class (only a disagreement in one fact is quoted in part).
  if (how.whole && found && found.kind !== 'list' && (!found.at || found.kind === 'claim'))
    return { ...found, kind: 'claim', differs: [], at: kept };
  return found;
}

function variantOf(
  section: WSection,
  kept: WSentence,
  incoming: WSentence,
  how: { facts: FactComparison; incomingWins: boolean; locale?: string },
): Variant | undefined {
  const { facts, incomingWins } = how;
  // The kept reading is carried by the sources that read it: one whose own reading differs (a third
  // witness folded earlier) is not counted for it.
  const carriers = kept.sources.filter((p) => {
    const own = kept.witnesses?.get(p.source);
    return own === undefined || !wordsDiffer(own, kept.text);
  });
  const keptReading = { text: kept.text, sources: carriers.length ? carriers : [...kept.sources] };
  const other = { text: incoming.text, sources: [...incoming.sources] };
  const readings = incomingWins ? [other, keptReading] : [keptReading, other];
  if (facts.relation === 'conflict' && facts.kind) {
    const onlyKept = incomingWins ? facts.onlyB : facts.onlyA;
    const onlyOther = incomingWins ? facts.onlyA : facts.onlyB;
    // Other figures in other words: no span of the sentence says what differs, so the whole reading does.
    if ((facts.kind === 'date' || facts.kind === 'number') && rewordedAround(kept.text, incoming.text))
      return { section, kind: 'claim', differs: [], readings, at: kept };
    const kind = facts.spelling ? 'spelling' : facts.kind;
    // A witness worded otherwise that still reads the kept sentence's own figures or names (and none of the
    // other's), and states no fact against it, carries its reading: "In April 1939, Litvinov launched …"
    // without the bracket ("In May 1939" would state another month).
    const own = (w: string) =>
      facts.onlyA.every((f) => w.includes(f)) &&
      !facts.onlyB.some((f) => w.includes(f)) &&
      compareFacts(w, kept.text, how.locale ?? 'en').relation !== 'conflict';
    const alike = kept.sources.filter((p) => {
      const witness = kept.witnesses?.get(p.source);
      return witness === undefined || !wordsDiffer(witness, kept.text) || (facts.onlyA.length > 0 && own(witness));
    });
    if (alike.length > keptReading.sources.length) keptReading.sources = alike;
    // A list member: the reading that lists it first ("“Ukraine” is listed in …; not listed in …").
    const listing = kind === 'list' && !onlyKept.length ? [readings[1]!, readings[0]!] : readings;
    return { section, kind, differs: [...onlyKept, ...onlyOther], readings: listing, at: kept };
  }
  if (facts.relation === 'a-fuller' || facts.relation === 'b-fuller')
    return { section, kind: 'omission', differs: [...facts.onlyA, ...facts.onlyB], readings };
  if (facts.claim) return claimVariant(section, kept, other, { claim: facts.claim, incomingWins, keptReading });
  return { section, kind: 'wording', differs: [], readings };
}

/**
 * Same facts, but one reading claims otherwise (claims.ts: "in favour of neutrality" / "sympathetic", "one
 * author" / "some authors"): a claim variant shown at the sentence, quoting the words that differ. The kept
 * reading is carried by every source whose own reading has its words, a third witness worded otherwise too.
 */
function claimVariant(
  section: WSection,
  kept: WSentence,
  other: Variant['readings'][number],
  how: { claim: ClaimChange; incomingWins: boolean; keptReading: Variant['readings'][number] },
): Variant {
  const [keptSpan, otherSpan] = how.claim.spans;
  const carriers = kept.sources.filter((p) => readsSpan(kept.witnesses?.get(p.source) ?? kept.text, keptSpan));
  const keptReading = carriers.length ? { text: kept.text, sources: carriers } : how.keptReading;
  return how.incomingWins
    ? { section, kind: 'claim', differs: [otherSpan, keptSpan], readings: [other, keptReading], at: kept }
    : { section, kind: 'claim', differs: [keptSpan, otherSpan], readings: [keptReading, other], at: kept };
}

/**
 * Whether two readings differ across so many of their words that a note could not quote the differing
 * part of either (see `differingSpans`): one claim worded incompatibly, not one fact changed.
 */
function rewordedAround(a: string, b: string): boolean {
  const [spanA, spanB] = differingSpans(a, b);
  return spanA === a && spanB === b;
}

/** A list-membership reading: "listed: Name" from a source that lists the item, "not listed" from one that does not. */
const LISTED = 'listed: ';
const NOT_LISTED = 'not listed';

/** A list-membership reading read back: the item when it is listed, null when not, undefined if no such reading. */
export function membershipOf(reading: string): string | null | undefined {
  if (reading === NOT_LISTED) return null;
  return reading.startsWith(LISTED) ? reading.slice(LISTED.length) : undefined;
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
        const variant: Variant = {
          section,
          kind: 'list',
          differs: [item.text],
          readings: [
            { text: `${LISTED}${item.text}`, sources: item.sources },
            { text: NOT_LISTED, sources: block.sources.filter((p) => missing.includes(p.source)) },
          ],
          at: item,
        };
        out.push(variant);
        (item.variants ??= []).push(variant);
      }
    }
  }
  return out;
}
