/**
 * Review questions of several kinds, each checked against its own answer (check.ts) and placed in the
 * chapter where its answer stands:
 *   cause (why, what aim, what effect: cause.ts) · disagreement (where the sources differ: disagreement.ts) ·
 *   choice and cloze (a key fact blanked: facts.ts) · short (when signed, who held a post: short.ts)
 * A chapter takes them in turns by kind, so every chapter that has causal sentences asks at least one
 * "why" and the kinds mix. One question per sentence and per answer: no two questions answer each other
 * (no mirror pairs). Sentences the key points chose are asked first (they carry the section's facts).
 */
import type { ReviewQuestion, StudyGuide } from '../../model/index.js';
import { makeContext, type BookSentence, type Candidate, type QuestionContext } from './context.js';
import { causeQuestions } from './cause.js';
import { clozeQuestion, choiceQuestion, factsIn } from './facts.js';
import { ambassadorQuestions, treatyQuestions } from './short.js';
import { disagreementQuestions } from './disagreement.js';
import { defectOf } from './check.js';
import { contentWords, similarity } from '../../merge/sentences.js';

/** Questions per chapter, at most. */
const PER_CHAPTER = 8;
/** The order kinds take turns in. */
const TURNS: Candidate['kind'][] = ['cause', 'disagreement', 'choice', 'cloze', 'short'];

function sentenceCandidates(ctx: QuestionContext): Candidate[] {
  const out: Candidate[] = [];
  const ordered: BookSentence[] = [
    ...ctx.sentences.filter((s) => ctx.keySentences.has(s.text)),
    ...ctx.sentences.filter((s) => !ctx.keySentences.has(s.text)),
  ];
  for (const s of ordered) {
    const readable = ctx.readable(s.text);
    if (readable === 'no') continue;
    // "This prompted…": asked only with the sentence before, which says what "this" is.
    const causes = causeQuestions(s, ctx);
    out.push(...(readable === 'pronoun' ? causes.filter((q) => q.quote !== s.text) : causes));
    if (readable !== 'alone') continue;
    const facts = factsIn(s.text, ctx);
    // The rarer kinds of fact first: a treaty or a person says more about a sentence than its date.
    const fact = facts.find((f) => f.kind === 'treaty') ?? facts.find((f) => f.kind === 'date') ?? facts[0];
    if (!fact) continue;
    const choice = choiceQuestion(s, fact, ctx);
    if (choice) out.push(choice);
    out.push(clozeQuestion(s, facts.find((f) => f !== fact) ?? fact, ctx));
  }
  return out;
}

/** All checked candidates, before choosing. */
export function candidateQuestions(guide: StudyGuide): { ctx: QuestionContext; candidates: Candidate[] } {
  const ctx = makeContext(guide);
  const all = [
    ...disagreementQuestions(ctx),
    ...sentenceCandidates(ctx),
    ...treatyQuestions(ctx),
    ...ambassadorQuestions(ctx),
  ];
  return { ctx, candidates: all.filter((q) => defectOf(q, ctx) === undefined) };
}

/** Quoted sentences that share this much of their content words (Dice) ask one thing twice. */
const ALIKE = 0.4;

/**
 * Two questions of one kind in one chapter on sentences that say much the same ("The conflict between the
 * Communist Party of Germany and the Social Democratic Party … contributed to …", "The conflict between the
 * KPD and the SPD … contributed to …"): a student answers the second from the first.
 */
function sameQuestion(a: Candidate, b: Candidate): boolean {
  if (a.kind !== b.kind || a.chapter !== b.chapter || !a.quote || !b.quote) return false;
  return similarity(contentWords(a.quote), contentWords(b.quote)) >= ALIKE;
}

function choose(candidates: Candidate[]): Candidate[] {
  const usedQuotes = new Set<string>();
  const usedAnswers = new Set<string>();
  const usedEntries = new Set<string>();
  const taken: Candidate[] = [];
  const free = (q: Candidate) =>
    !usedQuotes.has(q.quote ?? '') &&
    !usedAnswers.has(q.answer.toLowerCase()) &&
    !(q.entry && usedEntries.has(q.entry)) &&
    !taken.some(
      (t) => q.question.includes(t.answer.replace(/\.$/, '')) && t.question.includes(q.answer.replace(/\.$/, '')),
    ) &&
    !taken.some((t) => sameQuestion(t, q));
  const byChapter = new Map<string, Candidate[]>();
  for (const q of candidates) byChapter.set(q.chapter, [...(byChapter.get(q.chapter) ?? []), q]);
  for (const list of byChapter.values()) {
    let count = 0;
    for (let round = 0; count < PER_CHAPTER && round < PER_CHAPTER; round++) {
      let added = false;
      for (const kind of TURNS) {
        if (count >= PER_CHAPTER) break;
        const q = list.find((x) => x.kind === kind && free(x));
        if (!q) continue;
        taken.push(q);
        usedQuotes.add(q.quote ?? '');
        usedAnswers.add(q.answer.toLowerCase());
        if (q.entry) usedEntries.add(q.entry);
        count++;
        added = true;
      }
      if (!added) break;
    }
  }
  return taken;
}

export function generateQuestions(guide: StudyGuide): ReviewQuestion[] {
  const { candidates } = candidateQuestions(guide);
  const chosen = choose(candidates);
  // In book order: chapter by chapter, then where the answer stands.
  const chapterOrder = new Map(guide.chapters.map((c, i) => [c.id, i]));
  chosen.sort((a, b) => chapterOrder.get(a.chapter)! - chapterOrder.get(b.chapter)! || a.order - b.order);
  return chosen.map(({ order: _order, evidence: _evidence, ...q }, i) => ({ ...q, id: `q-${i + 1}` }));
}
