/**
 * Questions on where the sources disagree, from the merge's conflicts that are real disagreements
 * (context.ts: a different number or name, a list's membership; not a spelling), and from its claim notes
 * (the same facts, another claim: a stance, how many hold a view, an outcome, a hedge; merge/claims.ts).
 * The question quotes the book's reading; the answer gives every reading with the sources that have it, so
 * the question never settles what the sources leave open.
 */
import { labelsFor } from '../../util/labels.js';
import type { Conflict, VariantNote } from '../../model/index.js';
import { claimChange } from '../../merge/claims.js';
import { memoize } from '../../util/memo.js';
import { baseLanguage } from '../../util/language.js';
import { contentWords, similarity } from '../../merge/sentences.js';
import { factSpan } from '../../merge/apparatus.js';
import { membershipOf } from '../../merge/variants.js';
import { wording } from '../discourse.js';
import { datesIn } from '../timeline.js';
import type { Candidate, QuestionContext } from './context.js';

/** A source by its label's first words ("Later revision"), else its id. */
function sourceNames(ctx: QuestionContext): Map<string, string> {
  return new Map(
    ctx.guide.sources.map((s) => [s.id, (s.label ?? s.title ?? s.id).replace(/\s*[(,:;].*$/, '').trim() || s.id]),
  );
}

/**
 * Where a reading differs, as the reader's note quotes it (the merge's `factSpan`: "April 16, 1920", "Saratov
 * Oblast"); else the date with a differing number, else the word and its neighbours.
 */
function excerpt(text: string, differs: string[], language: string): string | undefined {
  const fact = factSpan(text, differs, language);
  if (fact) return fact;
  const date = datesIn(text, undefined, language).find((d) => differs.some((x) => d.label.match(/\d+/g)?.includes(x)));
  if (date) return date.label;
  const tokens = text.split(/\s+/);
  const at = tokens.findIndex((t) => differs.some((d) => t.replace(/[^\p{L}\p{N}'’]/gu, '') === d));
  if (at < 0) return undefined;
  return tokens
    .slice(Math.max(0, at - 1), at + 2)
    .join(' ')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N})]+$/gu, '');
}

function blockOf(conflict: Conflict, ctx: QuestionContext) {
  const kept = contentWords(conflict.readings[0]!.text);
  let best: { s: QuestionContext['sentences'][number]; score: number } | undefined;
  for (const s of ctx.sentences) {
    if (s.section !== conflict.section && s.chapter.id !== conflict.section) continue;
    const score = similarity(kept, contentWords(s.text));
    if (!best || score > best.score) best = { s, score };
  }
  if (best && best.score >= 0.6) return { chapter: best.s.chapter.id, block: best.s.block, order: best.s.order };
  // A list (the membership of a list of ambassadors): the section's first block. The merge names a chapter's
  // opening section by the chapter.
  for (const c of ctx.guide.chapters)
    for (const [i, s] of c.sections.entries())
      if ((s.id === conflict.section || (i === 0 && c.id === conflict.section)) && s.blocks[0])
        return { chapter: c.id, block: s.blocks[0].id, order: Number.MAX_SAFE_INTEGER };
  return undefined;
}

/**
 * The question on a claim the sources make differently, per language (the languages claims.ts reads; the
 * readings are worded by discourse.ts).
 */
const CLAIM_QUESTION: Record<string, (sentence: string) => string> = {
  en: (s) => `The sources do not make the same claim in this sentence. Where, and what does each read? “${s}”`,
  de: (s) => `Die Quellen behaupten in diesem Satz nicht dasselbe. Wo, und was steht in jeder? „${s}“`,
  fr: (s) => `Les sources n’affirment pas la même chose dans cette phrase. Où, et que dit chacune ? « ${s} »`,
};

/**
 * Questions on the claim notes: each quotes the book's reading and answers with the words each reading has
 * (the note's), with their sources.
 */
function claimQuestions(ctx: QuestionContext, names: Map<string, string>): Candidate[] {
  const ask = CLAIM_QUESTION[baseLanguage(ctx.language)];
  if (!ask) return [];
  const w = wording(ctx.language);
  const out: Candidate[] = [];
  for (const note of ctx.guide.apparatus?.notes ?? []) {
    if (note.class !== 'claim') continue;
    const readings = claimReadings(note, ctx.language, names);
    const at = readings && ctx.sentences.find((s) => s.block === note.block && s.text === note.readings[0]!.text);
    if (!readings || !at) continue;
    out.push({
      kind: 'disagreement',
      chapter: at.chapter.id,
      block: at.block,
      order: at.order,
      question: ask(at.text),
      answer: w.readings(readings),
      quote: at.text,
    });
  }
  return out;
}

/**
 * `claimChange` of two readings, remembered per pair (a pure function of the texts and the language): a warm
 * edit compares again only the readings of a note it changed.
 */
const changeBetween = memoize(
  (a: string, b: string, language: string) => ({ change: claimChange(a, b, language) }),
  (a, b, language) => JSON.stringify([language, a, b]),
  { keyChars: 4_000_000 },
  { name: 'claim-changes', persist: true },
);

/**
 * Each reading's words that differ from the book's, with the sources that have them (one entry per wording);
 * a reading that differs from the book elsewhere than the first one does is left out of this question.
 */
function claimReadings(note: VariantNote, language: string, names: Map<string, string>) {
  const [kept, ...others] = note.readings;
  const label = (r: VariantNote['readings'][number]) => r.sources.map((p) => names.get(p.source)!);
  let book: string | undefined;
  const byValue = new Map<string, string[]>();
  for (const other of others) {
    const { change } = changeBetween(kept!.text, other.text, language);
    if (!change || (book !== undefined && change.spans[0] !== book)) continue;
    book ??= change.spans[0];
    byValue.set(change.spans[1], [...(byValue.get(change.spans[1]) ?? []), ...label(other)]);
  }
  if (book === undefined) return undefined;
  return [
    { value: book, sources: [...new Set(label(kept!))] },
    ...[...byValue].map(([value, sources]) => ({ value, sources: [...new Set(sources)] })),
  ];
}

export function disagreementQuestions(ctx: QuestionContext): Candidate[] {
  return [...conflictQuestions(ctx), ...claimQuestions(ctx, sourceNames(ctx))];
}

function conflictQuestions(ctx: QuestionContext): Candidate[] {
  const w = wording(ctx.language);
  const names = sourceNames(ctx);
  const out: Candidate[] = [];
  for (const c of ctx.disagreements) {
    const where = blockOf(c, ctx);
    if (!where) continue;
    const sources = (r: Conflict['readings'][number]) => [...new Set(r.sources.map((p) => names.get(p.source)!))];
    let question: string;
    let readings: { value: string; sources: string[] }[];
    // A list's membership ("listed: Name", "not listed"); in a sentence ("…, Poland, and Ukraine."), a name one
    // source writes and another does not: asked as a name the sources disagree on, quoting the sentence.
    const listed = c.kind === 'membership' && c.readings.every((r) => membershipOf(r.text) !== undefined);
    let quote = c.readings[0]!.text;
    if (c.kind === 'membership' && !listed) {
      // The sentence as the book prints it (the reading that lists the name comes first in the record).
      quote = c.readings.find((r) => ctx.sentences.some((s) => s.text === r.text))?.text ?? quote;
      question = w.disagreement('name', quote);
      readings = c.readings.map((r) => ({ value: r.text, sources: sources(r) }));
    } else if (c.kind === 'membership') {
      const title =
        ctx.guide.chapters.flatMap((ch) => ch.sections).find((s) => s.id === c.section)?.title ??
        ctx.guide.chapters.find((ch) => ch.id === c.section)?.title ??
        c.section;
      question = w.membership(c.differs[0]!, title);
      // The merge words a membership reading "listed: Name" or "not listed": in the book's language here.
      const words = labelsFor(ctx.language);
      readings = c.readings.map((r) => ({
        value: membershipOf(r.text) === null ? words.notListed : words.listed,
        sources: sources(r),
      }));
    } else {
      question = w.disagreement(c.kind, c.readings[0]!.text);
      const values = c.readings.map((r) => excerpt(r.text, c.differs, ctx.language));
      if (values.some((v) => !v) || new Set(values).size < 2) continue;
      readings = c.readings.map((r, i) => ({ value: values[i]!, sources: sources(r) }));
    }
    out.push({
      kind: 'disagreement',
      ...where,
      question,
      answer: w.readings(readings),
      quote,
    });
  }
  return out;
}
