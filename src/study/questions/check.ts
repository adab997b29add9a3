/**
 * Every question checked against its own answer before it is asked. A defect names why a question is
 * dropped; a question with none is one a teacher can hand out:
 * - the answer is in the sentence the answer key quotes, and that sentence is in the block it links to;
 * - the question does not give its answer away, and the text printed right above the chapter's questions
 *   (its last block) does not hold the answer or the quoted sentence;
 * - nothing the sources dispute is asked as settled (disagreement questions ask about the dispute itself);
 * - a multiple-choice question has its answer once among its choices, and no distractor stands in the sentence.
 */
import { datesIn } from '../timeline.js';
import type { Candidate, QuestionContext } from './context.js';

const norm = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export type Defect =
  'no-answer' | 'not-in-text' | 'gives-answer' | 'answered-above' | 'disputed' | 'choices' | 'distractor-in-sentence';

function inQuote(q: Candidate, ctx: QuestionContext): boolean {
  const quote = q.quote ?? '';
  const evidence = q.evidence ?? q.answer;
  if (/^\d{4}(-\d{2}){0,2}$/.test(evidence))
    return datesIn(quote, undefined, ctx.language).some((d) => d.date === evidence);
  return norm(quote).includes(norm(evidence));
}

function blockHolds(q: Candidate, ctx: QuestionContext): boolean {
  if (q.kind === 'disagreement') return true;
  const quote = q.quote ?? '';
  return ctx.sentences.some((s) => s.block === q.block && quote.includes(s.text));
}

export function defectOf(q: Candidate, ctx: QuestionContext): Defect | undefined {
  if (!q.answer.trim()) return 'no-answer';
  if (!blockHolds(q, ctx) || (q.kind !== 'disagreement' && !inQuote(q, ctx))) return 'not-in-text';
  const core = norm(q.evidence && !/^\d{4}-/.test(q.evidence) ? q.evidence : q.answer);
  if (q.kind !== 'disagreement' && norm(q.question).includes(core)) return 'gives-answer';
  const above = ctx.lastBlock.get(q.chapter) ?? '';
  const shown = (text: string) => text.length > 0 && above.includes(text.toLowerCase());
  if (q.kind !== 'disagreement' && (shown(q.answer.replace(/\.$/, '')) || shown(q.quote ?? '')))
    return 'answered-above';
  if (q.kind !== 'disagreement' && q.quote && ctx.disputed(q.quote)) return 'disputed';
  if (q.kind === 'choice') {
    const choices = q.choices ?? [];
    if (choices.filter((c) => c === q.answer).length !== 1 || new Set(choices.map(norm)).size !== choices.length)
      return 'choices';
    if (choices.some((c) => c !== q.answer && norm(q.quote ?? '').includes(norm(c)))) return 'distractor-in-sentence';
  }
  return undefined;
}
