/**
 * Short answers from the glossaries, each asked where a sentence of the running text states the answer:
 * when a treaty was signed (only an instrument that was signed: not a proposal, not a negotiation that
 * failed), and who held an ambassador's post in a term (from a sentence that names the person as
 * ambassador, so the list of ambassadors is not what answers it).
 */
import { formatDate } from '../../util/dates.js';
import type { Treaty } from '../../model/index.js';
import { datesIn } from '../timeline.js';
import { discourse, wording, wordsPattern } from '../discourse.js';
import { writtenYear, type Candidate, type QuestionContext } from './context.js';
import escape from 'escape-string-regexp';

// A plain `includes` first: the pattern is compiled only for a sentence that holds the name.
const mentions = (sentence: string, names: string[]) =>
  names.some(
    (n) =>
      sentence.includes(n) && new RegExp(String.raw`(?<![\p{L}\p{N}])${escape(n)}(?![\p{L}\p{N}])`, 'u').test(sentence),
  );

/** Statuses that mean the instrument was signed. */
const SIGNED = new Set<Treaty['status']>(['signed', 'ratified', 'denounced']);

/**
 * Whether the guide holds the treaty as signed: by its status, which the treaties' study reads from the text
 * (null: the text only names it, so it is not asked about); a model without statuses falls back to the
 * sentence saying so.
 */
function signed(t: Treaty, sentence: string, signWords: RegExp): boolean {
  if (t.status !== undefined) return SIGNED.has(t.status);
  return signWords.test(sentence);
}

export function treatyQuestions(ctx: QuestionContext): Candidate[] {
  const table = discourse(ctx.language);
  if (!table) return [];
  const signWords = wordsPattern(table.signed);
  const w = wording(ctx.language);
  const out: Candidate[] = [];
  for (const t of ctx.guide.glossaries.treaties) {
    if (!t.date || t.date.length !== 10) continue;
    const names = [t.name, ...t.aliases];
    // The sentence the treaties' study read the signing from, else one naming the treaty with that date.
    const signedIn = new Set((t.history ?? []).filter((h) => h.date === t.date).map((h) => h.block));
    const fits = (x: (typeof ctx.sentences)[number]) =>
      mentions(x.text, names) &&
      signed(t, x.text, signWords) &&
      datesIn(x.text, undefined, ctx.language).some((d) => d.date === t.date && writtenYear(d.label));
    const s = ctx.sentences.find((x) => signedIn.has(x.block) && fits(x)) ?? ctx.sentences.find(fits);
    if (!s) continue;
    out.push({
      kind: 'short',
      chapter: s.chapter.id,
      order: s.order,
      question: w.signedWhen(t.name),
      answer: formatDate(t.date, ctx.language),
      quote: s.text,
      block: s.block,
      entry: t.id,
      evidence: t.date,
    });
  }
  return out;
}

/** The first and last year a term names ("1918", "1922–1930"), if any. */
function years(term: string): [number, number] | undefined {
  const found = (term.match(/\b\d{4}\b/g) ?? []).map(Number);
  return found.length ? [Math.min(...found), Math.max(...found)] : undefined;
}

/**
 * Whether "Who was the … in <term>?" has another answer in the guide's own list: a holder of the same post
 * in that year (for a term of one year), or for more than its first or last year (a longer term: handovers
 * share a year); or, for a term of one year, a holder listed next to it with no term at all (the list does
 * not say when one ended and the other began).
 */
function sharedTerm(a: { id: string; post: string; term?: string }, all: readonly (typeof a)[]): boolean {
  const mine = a.term ? years(a.term) : undefined;
  if (!mine) return true;
  const single = mine[0] === mine[1];
  const post = all.filter((b) => b.post === a.post);
  const at = post.findIndex((b) => b.id === a.id);
  if (single && [post[at - 1], post[at + 1]].some((b) => b && !(b.term && years(b.term)))) return true;
  return post.some((b) => {
    const theirs = b.id !== a.id && b.term ? years(b.term) : undefined;
    if (!theirs) return false;
    const overlap = Math.min(mine[1], theirs[1]) - Math.max(mine[0], theirs[0]);
    return single ? overlap >= 0 : overlap > 0;
  });
}

export function ambassadorQuestions(ctx: QuestionContext): Candidate[] {
  const table = discourse(ctx.language);
  if (!table) return [];
  const post = wordsPattern(table.ambassador);
  const w = wording(ctx.language);
  const out: Candidate[] = [];
  for (const a of ctx.guide.glossaries.ambassadors) {
    if (!a.term || a.disagreements.some((d) => d.field === 'name' || d.field === 'term' || d.field === 'date'))
      continue;
    if (sharedTerm(a, ctx.guide.glossaries.ambassadors)) continue;
    const names = [a.name, ...a.aliases].filter((n) => n.split(/\s+/).length >= 2);
    const s = ctx.sentences.find((x) => mentions(x.text, names) && post.test(x.text));
    if (!s) continue;
    const written = names.find((n) => s.text.includes(n))!;
    out.push({
      kind: 'short',
      chapter: s.chapter.id,
      order: s.order,
      question: w.whoHeld(a.post, a.term),
      answer: written,
      quote: s.text,
      block: s.block,
      entry: a.id,
      evidence: written,
    });
  }
  return out;
}
