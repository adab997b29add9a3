/**
 * Cause and significance: "What reason…", "What aim…", "What effect…" from a sentence that joins a cause
 * to its effect with a causal connective of the book's language (discourse.ts). The sentence is split at the
 * connective; the question quotes one half and the answer is the other, as the text words it. A connective
 * that opens the sentence ("Because C, E") takes the clause up to the main clause's comma; an effect whose
 * cause is only "This" takes the sentence before.
 */
import { discourse, hasVerb, hedged, opening, reported, wording, wordsPattern, type CausalRole } from '../discourse.js';
import type { BookSentence, Candidate, QuestionContext } from './context.js';

const MIN_PART_WORDS = 4;
/** An English auxiliary that ends a cause before its verb ("… demographic change have | contributed to"). */
const AUXILIARY = /\s+(have|has|had|would|will|may|might|could|can|must|should)$/;
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const tidy = (s: string) =>
  s
    .trim()
    .replace(/^[,;:—–-]\s*/, '')
    .replace(/[,;:—–-]\s*$/, '')
    .replace(/[.!?]$/, '')
    .trim();
const capital = (s: string, language: string) => s.charAt(0).toLocaleUpperCase(language) + s.slice(1);

export interface CausalSplit {
  role: CausalRole;
  /** The half the question quotes. */
  given: string;
  /** The half that answers, with its connective where it reads as an answer ("Because of …"). */
  answer: string;
  /** The answer's words as they stand in the sentence (for the check). */
  evidence: string;
}

/** The main clause after an opening causal clause: from the first comma not followed by "and"/another cause. */
function splitOpening(rest: string, connective: RegExp): [string, string] | undefined {
  for (const m of rest.matchAll(/,\s+/g)) {
    const after = rest.slice(m.index + m[0].length);
    if (/^(?:and|or|but|und|oder|et|ou|y|o|en)\b/i.test(after) || connective.test(after.slice(0, 30))) continue;
    return [rest.slice(0, m.index), after];
  }
  return undefined;
}

/** Whether the match stands inside brackets or quotation marks the sentence opened before it. */
function enclosed(sentence: string, at: number): boolean {
  const before = sentence.slice(0, at);
  const count = (re: RegExp) => (before.match(re) ?? []).length;
  return count(/\(/g) > count(/\)/g) || count(/"/g) % 2 === 1 || count(/[“«„]/g) > count(/[”»“](?=\W|$)/g);
}

const pointingBack = new WeakMap<readonly string[], RegExp>();
/** Whether a text opens with one of a language's relative pronouns (`which`, `которой`). */
function pointsBack(text: string, pronouns: readonly string[]): boolean {
  let pattern = pointingBack.get(pronouns);
  if (!pattern)
    pointingBack.set(pronouns, (pattern = new RegExp(String.raw`^\s*${wordsPattern(pronouns).source}`, 'iu')));
  return pattern.test(text);
}

function reasonAt(sentence: string, reasons: string[], at: number): boolean {
  const r = new RegExp(wordsPattern(reasons).source, 'giu');
  return [...sentence.matchAll(r)].some((x) => x.index === at);
}

interface Halves {
  cause: string;
  effect: string;
}

/** The halves of a sentence at a causal connective `m` of `role`, or none when they cannot be told apart. */
function halves(
  sentence: string,
  m: RegExpExecArray,
  role: CausalRole,
  s: Pick<BookSentence, 'previous'>,
  language: string,
) {
  const table = discourse(language)!;
  const before = sentence.slice(0, m.index);
  const after = sentence.slice(m.index + m[0].length);
  const phrasal = wordsPattern(table.phrasal).test(m[0]) && role === 'reason';
  const opensClause = words(before) <= 1 || (/,\s*$/.test(before) && words(before) <= 6);
  if (role !== 'effect' && opensClause) {
    // "Because C, E" / "By 1938, because C, E": the opening clause is the cause (or the aim).
    const parts = phrasal ? undefined : splitOpening(after, wordsPattern(Object.values(table.causal).flat()));
    if (parts && hasVerb(parts[1], language) !== false) {
      const intro = words(before) > 1 ? `${tidy(before)}, ` : '';
      return { cause: parts[0], effect: intro + parts[1] };
    }
    // No main clause after it: "E, because C" with a short E is read below.
    if (words(before) <= 1) return undefined;
  }
  if (role === 'effect' && words(tidy(before)) <= 1) {
    // "This prompted E" / "As a result, E": the cause is the sentence before.
    const previous = s.previous;
    if (!previous || opening(previous, language).kind === 'pronoun' || hedged(previous, language)) return undefined;
    return { cause: previous, effect: after };
  }
  // "While imports had fallen …, shortages caused …": the cause is the main clause's subject, not the concession.
  if (role === 'effect') return { cause: withoutConcession(before, table.concessive ?? []), effect: after };
  // "E because of C": C must be a noun phrase that ends the sentence, not a clause the sentence goes on with.
  if (phrasal && (hasVerb(after, language) ?? after.includes(','))) return undefined;
  if (hasVerb(before, language) === false) return undefined;
  return { cause: after, effect: before };
}

/**
 * The cause half without a clause of concession: one that opens it ("While imports had fallen …, shortages"),
 * or the clause before ", while …" when the cause is what follows it ("attendance has fallen, while
 * immigration and demographic change"); each only when the rest is long enough to quote.
 */
function withoutConcession(half: string, concessive: string[]): string {
  if (!concessive.length) return half;
  const words_ = wordsPattern(concessive).source;
  const opening = new RegExp(String.raw`^\s*${words_}(?:,[^,;]{1,25},)?[^,;]*,\s+`, 'iu').exec(half);
  let rest = opening && words(half.slice(opening[0].length)) >= MIN_PART_WORDS ? half.slice(opening[0].length) : half;
  // Only a last clause: "The pact, while never ratified, led to …" is an aside inside the subject.
  const inner = new RegExp(String.raw`[,;]\s+${words_}\s+(?=[^,;]+$)`, 'iu').exec(rest);
  if (inner && words(rest.slice(inner.index + inner[0].length)) >= MIN_PART_WORDS)
    rest = rest.slice(inner.index + inner[0].length);
  return rest;
}

export function splitCausal(sentence: string, s: Pick<BookSentence, 'previous'>, language: string): CausalSplit[] {
  const table = discourse(language);
  if (!table) return [];
  const out: CausalSplit[] = [];
  // A word that leans on what was cut off ("…, especially", "…fundamentally") goes with it.
  const dangling = new RegExp(String.raw`(?:[\s,]+(?:${table.dangling.join('|')}))+$`, 'iu');
  // The half that opens the sentence may open with a connective ("Thus, …"): the question quotes it without.
  const clean = (x: string) => tidy(sentence.startsWith(x.trimStart()) ? opening(x, language).rest : x);
  const quoted = (x: string) => tidy(x.replace(dangling, ''));
  for (const role of ['reason', 'purpose', 'effect'] as CausalRole[]) {
    const m = wordsPattern(table.causal[role]).exec(sentence);
    if (!m || enclosed(sentence, m.index)) continue;
    // "X told Y that A, thereby B": the link is X's claim, not the text's (a question would state it as fact).
    if (reported(sentence, m.index, language)) continue;
    // "… and are consequently used …", "lag damit vor": an adverb inside a clause joins no two halves.
    if (table.clauseOnly?.includes(m[0].toLowerCase()) && !/(?:^|[,;:])\s*$/.test(sentence.slice(0, m.index))) continue;
    // "as a result of" is a reason's phrase, not the effect's "as a result".
    if (role !== 'reason' && reasonAt(sentence, table.causal.reason, m.index)) continue;
    // "…, as a result of which E", "…, в результате которой E": the phrase points back to the clause before as
    // the cause; what follows is an effect, not a reason.
    const after = sentence.slice(m.index + m[0].length);
    if (role === 'reason' && table.relativePronouns && pointsBack(after, table.relativePronouns)) continue;
    const h: Halves | undefined = halves(sentence, m, role, s, language);
    if (!h) continue;
    const cause = clean(h.cause);
    const effect = clean(h.effect);
    if (words(cause) < MIN_PART_WORDS || words(effect) < MIN_PART_WORDS) continue;
    // The half a question quotes must say whom it is about: "…this: “they are especially likely to…”?"
    // names no one (the pronoun's antecedent is in the half that is the answer).
    if (opening(role === 'effect' ? cause : effect, language).kind === 'pronoun') continue;
    const connective = m[0].toLowerCase();
    if (role === 'effect') {
      // A verb ("caused", "led to") stays with the effect it governs; an adverb ("…; as a result, …") does not.
      const before = sentence.slice(0, m.index);
      const verb =
        /\S/.test(before) && !/[,;:]\s*$/.test(before) && !/^\s*,/.test(sentence.slice(m.index + m[0].length));
      // "… change have | contributed to …": the auxiliary goes with its verb, in the answer.
      const aux = verb ? AUXILIARY.exec(cause) : null;
      const answer = verb ? `${aux ? `${aux[1]} ` : ''}${connective} ${effect}` : effect;
      const given = aux ? cause.slice(0, aux.index) : cause;
      out.push({ role, given: quoted(given), answer: capital(answer, language) + '.', evidence: effect });
    } else
      out.push({ role, given: quoted(effect), answer: `${capital(connective, language)} ${cause}.`, evidence: cause });
  }
  return out;
}

export function causeQuestions(s: BookSentence, ctx: QuestionContext): Candidate[] {
  const w = wording(ctx.language);
  return splitCausal(s.text, s, ctx.language).map((split) => ({
    kind: 'cause' as const,
    chapter: s.chapter.id,
    order: s.order,
    question:
      split.role === 'reason'
        ? w.reason(split.given)
        : split.role === 'purpose'
          ? w.purpose(split.given)
          : w.effect(split.given),
    answer: split.answer,
    quote: split.given === s.previous ? `${s.previous} ${s.text}` : s.text,
    block: s.block,
    evidence: split.evidence,
  }));
}
