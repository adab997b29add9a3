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
import { bookInputs, clozeQuestion, choiceQuestion, dateBefore, sentenceFacts, yearsWritten } from './facts.js';
import { ambassadorQuestions, treatyQuestions } from './short.js';
import { disagreementQuestions } from './disagreement.js';
import { answeredAbove, defectOf, keyPointsOf } from './check.js';
import { contentWords, similarity } from '../../merge/sentences.js';
import { hashOf } from '../../util/hash.js';
import { memoize } from '../../util/memo.js';
import { NO_TITLES } from '../text.js';

/** Questions per chapter, at most. */
const PER_CHAPTER = 8;
/** Questions per chapter below which dates answered right above them are asked too (up to this many). */
const FEW = 2;
/** The order kinds take turns in. */
const TURNS: Candidate['kind'][] = ['cause', 'disagreement', 'choice', 'cloze', 'short'];

/** One sentence's questions, before they are checked. */
function questionsOf(s: BookSentence, ctx: QuestionContext): Candidate[] {
  const out: Candidate[] = [];
  const readable = ctx.readable(s.text);
  if (readable === 'no') return out;
  // "This prompted…": asked only with the sentence before, which says what "this" is.
  const causes = causeQuestions(s, ctx);
  out.push(...(readable === 'pronoun' ? causes.filter((q) => q.quote !== s.text) : causes));
  if (readable !== 'alone') return out;
  const facts = sentenceFacts(s, ctx);
  // The rarer kinds of fact first: a treaty or a person says more about a sentence than its date.
  const fact = facts.find((f) => f.kind === 'treaty') ?? facts.find((f) => f.kind === 'date') ?? facts[0];
  if (!fact) return out;
  const choice = choiceQuestion(s, fact, ctx);
  if (choice) out.push(choice);
  out.push(clozeQuestion(s, facts.find((f) => f !== fact) ?? fact, ctx));
  return out;
}

/**
 * What a sentence's checked questions depend on besides the sentence, the one before it and the years written
 * nearest before it: the guide's lists distractors and facts come from (language, people, treaties with their
 * status, envoys, dates), the disputed readings (the conflicts and the claim notes), what the questions read
 * of the whole book (`bookInputs`: treaties' written names, people's years, the text before each name), and
 * per chapter and block what the checks read (the chapter's last block, its key points, the people it names,
 * the block's sentences). Made once per build; a sentence's key is these and its own text. A result that read
 * anything else would be reused where a build from nothing gives another (tests/pipeline/remembered.test.ts).
 */
function keysOf(ctx: QuestionContext): { book: string; chapter: Map<string, string>; block: Map<string, string> } {
  const { treaties } = ctx.guide.glossaries;
  const book = hashOf(
    ctx.language,
    ctx.people,
    treaties.map((t) => [t.id, t.name, t.date, t.status ?? null, ...t.aliases]),
    // A person's distractors are envoys of near terms (facts.ts).
    ctx.guide.glossaries.ambassadors.map((a) => [a.name, a.post, a.term, a.from, a.to]),
    [...ctx.dates.keys()],
    ctx.disagreements.map((c) => c.readings.map((r) => r.text)),
    (ctx.guide.apparatus?.notes ?? []).filter((n) => n.class === 'claim').map((n) => n.readings.map((r) => r.text)),
    bookInputs(ctx),
  );
  const chapter = new Map(
    ctx.guide.chapters.map((c) => {
      const text = c.sections.flatMap((x) => x.blocks.map((b) => b.text)).join('\n');
      const near = ctx.people.filter((p) => text.includes(p));
      return [c.id, hashOf(c.id, ctx.lastBlock.get(c.id) ?? '', near, keyPointsOf(ctx, c.id))];
    }),
  );
  const sentences = new Map<string, string[]>();
  for (const s of ctx.sentences) sentences.set(s.block, [...(sentences.get(s.block) ?? []), s.text]);
  const block = new Map([...sentences].map(([id, list]) => [id, hashOf(id, list)]));
  return { book, chapter, block };
}

const sentenceKeys = new WeakMap<QuestionContext, ReturnType<typeof keysOf>>();

/** A sentence's checked questions (their `order` is the sentence's), remembered by what they depend on. */
const checkedQuestions = memoize(
  (s: BookSentence, ctx: QuestionContext) =>
    questionsOf(s, ctx).flatMap((q) => {
      if (defectOf(q, ctx) !== undefined) return [];
      if (!answeredAbove(q, ctx)) return [q];
      // A date the chapter's last paragraph states: still worth asking where the chapter asks little else (see
      // `choose`). Only a date: a name or a figure there is what a short article's lead gives least reliably.
      return q.fact === 'date' ? [{ ...q, fallback: true }] : [];
    }),
  (s, ctx) => {
    let keys = sentenceKeys.get(ctx);
    if (!keys) sentenceKeys.set(ctx, (keys = keysOf(ctx)));
    const { book, chapter, block } = keys;
    // What the date choices read before the sentence (`dateBefore`): the narrative's last date.
    const years = `${yearsWritten(s, ctx).join(' ')}|${dateBefore(s, ctx) ?? ''}`;
    const titles = (s.titles ?? NO_TITLES).join('\u0001');
    return [
      book,
      chapter.get(s.chapter.id),
      block.get(s.block),
      s.section,
      s.previous ?? '',
      years,
      titles,
      s.text,
    ].join('\u0000');
  },
  20_000,
  { name: 'question-sentences', persist: true },
);

/** The sentences' checked questions, the key points' sentences first. */
function sentenceCandidates(ctx: QuestionContext): Candidate[] {
  const ordered: BookSentence[] = [
    ...ctx.sentences.filter((s) => ctx.keySentences.has(s.text)),
    ...ctx.sentences.filter((s) => !ctx.keySentences.has(s.text)),
  ];
  // Copies: the remembered questions are shared with earlier builds, whose guides their readers may change.
  return ordered.flatMap((s) =>
    checkedQuestions(s, ctx).map((q) => ({ ...q, order: s.order, ...(q.choices ? { choices: [...q.choices] } : {}) })),
  );
}

/** All checked candidates, before choosing. */
export function candidateQuestions(guide: StudyGuide): { ctx: QuestionContext; candidates: Candidate[] } {
  const ctx = makeContext(guide);
  const checked = (list: Candidate[]) => list.filter((q) => defectOf(q, ctx) === undefined && !answeredAbove(q, ctx));
  // Figures fill the turns of choices and clozes that dates, people and treaties leave (a chapter of figures
  // does not crowd out its people); each kind keeps its order.
  const sentences = sentenceCandidates(ctx);
  const all = [
    ...checked(disagreementQuestions(ctx)),
    ...sentences.filter((q) => q.fact !== 'number'),
    ...sentences.filter((q) => q.fact === 'number'),
    ...checked(treatyQuestions(ctx)),
    ...checked(ambassadorQuestions(ctx)),
  ];
  return { ctx, candidates: all };
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
  for (const all of byChapter.values()) {
    let count = 0;
    // Dates answered right above the questions only where the chapter asks fewer than `FEW` others (a chapter
    // of one paragraph: every answer stands above), and then up to `FEW` questions.
    const others = all.filter((q) => !q.fallback);
    const list = others.length >= FEW ? others : [...others, ...all.filter((q) => q.fallback)];
    const most = others.length >= FEW ? PER_CHAPTER : FEW;
    for (let round = 0; count < most && round < PER_CHAPTER; round++) {
      let added = false;
      for (const kind of TURNS) {
        if (count >= most) break;
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
  return chosen.map(({ order: _order, evidence: _evidence, fact: _fact, fallback: _fallback, ...q }, i) => ({
    ...q,
    id: `q-${i + 1}`,
  }));
}
