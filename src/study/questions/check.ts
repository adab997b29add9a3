/**
 * Every question checked against its own answer before it is asked. A defect names why a question is
 * dropped; a question with none is one a teacher can hand out:
 * - the answer is in the sentence the answer key quotes, and that sentence is in the block it links to;
 * - the question does not give its answer away, and the text printed right above the chapter's questions
 *   (its last block) does not hold the answer or the quoted sentence (`answeredAbove`, told apart: a date there
 *   is still asked where the chapter would ask almost nothing else); a fact question (cloze, choice, short)
 *   is not on a sentence the chapter prints as a key point (the student would copy the box, not recall);
 * - nothing the sources dispute is asked as settled (disagreement questions ask about the dispute itself);
 * - a multiple-choice question has its answer once among its choices, and no distractor stands in the sentence.
 */
import { datesIn } from '../timeline.js';
import type { Candidate, QuestionContext } from './context.js';
import { contentWords, similarity } from '../../merge/sentences.js';

const norm = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export type Defect =
  'no-answer' | 'not-in-text' | 'gives-answer' | 'key-point' | 'disputed' | 'choices' | 'distractor-in-sentence';

/** Content-word similarity from which a key point is the quoted sentence (trimmed or resolved). */
const SAME_POINT = 0.6;

/** A fact question whose answer a key point printed in the chapter states, in the quoted sentence's words. */
function inKeyPoints(q: Candidate, ctx: QuestionContext): boolean {
  if (q.kind === 'cause' || q.kind === 'disagreement' || !q.quote) return false;
  const answer = coreOf(q);
  const quote = contentWords(q.quote);
  return keyPointsOf(ctx, q.chapter).some(
    (k) => similarity(contentWords(k), quote) >= SAME_POINT && (norm(k).includes(answer) || holds(k, q, ctx)),
  );
}

const pointsByChapter = new WeakMap<QuestionContext, Map<string, string[]>>();

/** The key points a chapter prints (at the head of its sections). */
export function keyPointsOf(ctx: QuestionContext, chapter: string): string[] {
  let map = pointsByChapter.get(ctx);
  if (!map) {
    map = new Map();
    const chapterOf = new Map(ctx.guide.chapters.flatMap((c) => c.sections.map((s) => [s.id, c.id] as const)));
    for (const k of ctx.guide.keyPoints) {
      const id = chapterOf.get(k.section);
      if (id) map.set(id, [...(map.get(id) ?? []), k.text]);
    }
    pointsByChapter.set(ctx, map);
  }
  return map.get(chapter) ?? [];
}

/** A date answer (ISO, as the timeline writes it): its evidence is checked among the dates a text states. */
const ISO_DATE = /^\d{4}(-\d{2}){0,2}$/;

/** Whether `text` states the question's answer: its date among the text's dates, else its words. */
function holds(text: string, q: Candidate, ctx: QuestionContext): boolean {
  const evidence = q.evidence ?? q.answer;
  if (ISO_DATE.test(evidence)) return datesIn(text, undefined, ctx.language).some((d) => d.date === evidence);
  return norm(text).includes(norm(evidence));
}

/** The words a question must not give away: its evidence, unless that is an ISO date (then the answer). */
const coreOf = (q: Candidate) => norm(q.evidence && !/^\d{4}-/.test(q.evidence) ? q.evidence : q.answer);

function blockHolds(q: Candidate, ctx: QuestionContext): boolean {
  if (q.kind === 'disagreement') return true;
  const quote = q.quote ?? '';
  return ctx.sentences.some((s) => s.block === q.block && quote.includes(s.text));
}

/**
 * The answer (or the quoted sentence) stands in the chapter's last block, right above its questions: asked only
 * where the chapter would otherwise ask almost nothing (questions/index.ts).
 */
export function answeredAbove(q: Candidate, ctx: QuestionContext): boolean {
  if (q.kind === 'disagreement') return false;
  const above = ctx.lastBlock.get(q.chapter) ?? '';
  const shown = (text: string) => text.length > 0 && above.includes(text.toLowerCase());
  return shown(q.answer.replace(/\.$/, '')) || shown(q.quote ?? '');
}

/** What is wrong with a question, if anything (`answered-above` is told apart by `answeredAbove`). */
export function defectOf(q: Candidate, ctx: QuestionContext): Defect | undefined {
  if (!q.answer.trim()) return 'no-answer';
  if (!blockHolds(q, ctx) || (q.kind !== 'disagreement' && !holds(q.quote ?? '', q, ctx))) return 'not-in-text';
  const core = coreOf(q);
  if (q.kind !== 'disagreement' && norm(q.question).includes(core)) return 'gives-answer';
  if (inKeyPoints(q, ctx)) return 'key-point';
  if (q.kind !== 'disagreement' && q.quote && ctx.disputed(q.quote)) return 'disputed';
  if (q.kind === 'choice') {
    const choices = q.choices ?? [];
    if (choices.filter((c) => c === q.answer).length !== 1 || new Set(choices.map(norm)).size !== choices.length)
      return 'choices';
    if (choices.some((c) => c !== q.answer && norm(q.quote ?? '').includes(norm(c)))) return 'distractor-in-sentence';
  }
  return undefined;
}
