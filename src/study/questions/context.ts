/**
 * What every kind of question reads: the book's sentences with where they stand, which of them the sources
 * dispute, what each chapter prints right above its questions, and the guide's own lists of things of one
 * kind (dates, people, treaties) that multiple-choice distractors come from.
 */
import type { Chapter, Conflict, ReviewQuestion, StudyGuide } from '../../model/index.js';
import { datesIn } from '../timeline.js';
import { contentWords, similarity } from '../../merge/sentences.js';
import { hedged, isPersonName, leansOnDemonstrative, leansOnPerson, opening, partOfQuotation } from '../discourse.js';
import { distance } from 'fastest-levenshtein';
import { italicTitles } from '../text.js';

export interface BookSentence {
  text: string;
  chapter: Chapter;
  section: string;
  block: string;
  /** Position in reading order (over the whole book). */
  order: number;
  /** The previous sentence of the same block, if any. */
  previous?: string;
  /** The titles in italics the sentence holds (`italicTitles`): no question blanks a part of one. */
  titles?: readonly string[];
}

/** A question before it is numbered and placed: generators make these, the checks judge them. */
export type Candidate = Omit<ReviewQuestion, 'id' | 'chapter'> & {
  chapter: string;
  order: number;
  /** What the answer is found as in the quote (a date's ISO form, a name as written), for the checks. */
  evidence?: string;
  /** What a choice or cloze blanks (`FactKind`: a date, a person, a treaty, a figure). */
  fact?: string;
  /** Its answer stands right above the chapter's questions: asked only where the chapter has too few others. */
  fallback?: boolean;
};

export interface QuestionContext {
  guide: StudyGuide;
  language: string;
  sentences: BookSentence[];
  /** Sentences the sources disagree on (real disagreements, not spelling): never asked as settled. */
  disputed(sentence: string): boolean;
  /**
   * Whether a sentence can be asked about: `alone` (it stands alone), `connective` (it opens with a connective
   * that a question quoting part of it can leave out), `pronoun` (it opens with a pronoun: only the sentence
   * before can say what it means), `no` (a hedged claim, an editor's tag, too short or too long).
   */
  readable(sentence: string): 'alone' | 'connective' | 'pronoun' | 'no';
  /** The text each chapter prints right above its questions (its last block), lower-cased. */
  lastBlock: Map<string, string>;
  /** Real disagreements among the merge's conflicts. */
  disagreements: Conflict[];
  /** Every date the text writes with its year: ISO → how often. */
  dates: Map<string, number>;
  /** People's names (full names, two words or more). */
  people: string[];
  /** Sentences that are key points (asked first). */
  keySentences: Set<string>;
}

const MIN_WORDS = 8;
const MAX_WORDS = 60;

export function isDate(iso: string): boolean {
  return /^\d{4}(-\d{2}(-\d{2})?)?$/.test(iso);
}

/** A year written in a date's label ("May 2, 1935", "1939"), so its year is the text's, not inferred. */
export function writtenYear(label: string): boolean {
  return /(?<!\d)\d{4}(?!\d)/.test(label);
}

/**
 * A person as running text writes the name: the index files people by surname ("Havet, Louis", "Saussure,
 * Ferdinand de", "Murchison, Clint, Jr."), the text says "Louis Havet", "Ferdinand de Saussure".
 */
export function asWritten(term: string): string {
  const [surname, given, suffix] = term.split(', ');
  if (!given) return term;
  return `${given} ${surname}` + (suffix ? ` ${suffix}` : '');
}

/**
 * Where the language has no tagger to ask: whether a capitalised word of a name is a word the text writes
 * in lower case elsewhere, a common word that opened a sentence ("Nel Settecento Linneo istituì…" files
 * "Nel Settecento Linneo" as a person; the text writes "nel" in every other paragraph).
 */
function commonWordIn(name: string, sentences: readonly BookSentence[]): boolean {
  let lower = lowerWords.get(sentences);
  if (!lower) {
    lower = new Set(sentences.flatMap((s) => s.text.match(/(?<![\p{L}\p{N}])\p{Ll}+(?![\p{L}\p{N}])/gu) ?? []));
    lowerWords.set(sentences, lower);
  }
  const words = name.match(/\p{Lu}\p{Ll}+/gu) ?? [];
  return words.some((w) => lower.has(w.toLowerCase()));
}
const lowerWords = new WeakMap<readonly BookSentence[], Set<string>>();

export function makeContext(guide: StudyGuide): QuestionContext {
  const language = guide.meta.language;
  const sentences: BookSentence[] = [];
  const lastBlock = new Map<string, string>();
  for (const chapter of guide.chapters) {
    const blocks = chapter.sections.flatMap((s) => s.blocks.map((b) => ({ s, b })));
    const last = blocks.at(-1);
    if (last) lastBlock.set(chapter.id, last.b.text.toLowerCase());
    for (const { s, b } of blocks) {
      if (b.kind !== 'paragraph') continue;
      const titles = italicTitles(b.node);
      b.sentences.forEach((text, i) => {
        const inSentence = titles.filter((t) => text.includes(t));
        sentences.push({
          text,
          chapter,
          section: s.id,
          block: b.id,
          order: sentences.length,
          previous: i > 0 ? b.sentences[i - 1] : undefined,
          ...(inSentence.length ? { titles: inSentence } : {}),
        });
      });
    }
  }
  const disagreements = guide.report.conflicts.filter(realDisagreement);
  // Disputed too: a sentence whose claim the sources word differently (a claim note), as much as a figure.
  const claims = (guide.apparatus?.notes ?? []).filter((n) => n.class === 'claim');
  const disputedWords = [...disagreements, ...claims].flatMap((c) => c.readings.map((r) => contentWords(r.text)));
  const disputed = (sentence: string) => {
    const w = contentWords(sentence);
    return disputedWords.some((d) => similarity(d, w) >= 0.8);
  };
  const readable = (sentence: string) => {
    const n = sentence.split(/\s+/).length;
    if (n < MIN_WORDS || n > MAX_WORDS || hedged(sentence, language) || /\[[^\]]*\]/.test(sentence)) return 'no';
    // A sentence of a longer quotation: the rest of the quotation is not in the question.
    if (partOfQuotation(sentence)) return 'no';
    // A sentence that introduces a list ("…zones of influence: 1.") says its point in the list.
    if (/:\s*\S{0,3}[.:]?$/.test(sentence)) return 'no';
    const leans = leansOnPerson(sentence, language) || leansOnDemonstrative(sentence, language);
    const kind = leans ? 'pronoun' : opening(sentence, language).kind;
    return kind === 'clear' ? 'alone' : kind;
  };
  const dates = new Map<string, number>();
  for (const s of sentences)
    for (const d of datesIn(s.text, undefined, language))
      if (writtenYear(d.label) && !d.end) dates.set(d.date, (dates.get(d.date) ?? 0) + 1);
  // People: the glossary's, and the index's that a tagger (where the language has one) agrees are people.
  const people = [
    ...new Set([
      ...guide.glossaries.ambassadors.map((a) => a.name),
      ...guide.index
        .filter((e) => e.kind === 'person')
        .map((e) => asWritten(e.term))
        .filter((name) => isPersonName(name, language) ?? !commonWordIn(name, sentences)),
    ]),
  ].filter((n) => n.split(/\s+/).length >= 2);
  const keySentences = new Set(guide.keyPoints.map((k) => k.text));
  return {
    guide,
    language,
    sentences,
    disputed,
    readable,
    lastBlock,
    disagreements,
    dates,
    people,
    keySentences,
  };
}

/**
 * Words for one kind of instrument, in the languages whose treaty words Quire reads, accents folded: a treaty,
 * a pact, an agreement are one thing named two ways. An alliance, a protocol, an armistice or a peace is another.
 */
const INSTRUMENT_KINDS = new Set(
  (
    'treaty|treaties|pact|pacts|agreement|accord|vertrag|vertrage|abkommen|pakt|vereinbarung|ubereinkommen|' +
    'traite|pacte|tratado|pacto|acuerdo|acordo|verdrag|overeenkomst|trattato|patto|accordo|traktat|avtale|' +
    'aftale|pagt|fordrag|avtal'
  ).split('|'),
);

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * Whether a conflict of the merge is a disagreement a student can weigh: two numbers that are not the same
 * number written two ways ("1920" / "20") nor two numbers run together by a reader ("7" / "71939");
 * two names that are different names, not one spelled with or without accents, inflected, or mistyped
 * ("Alexander" / "Alexey", not "Bialystok" / "Białystok" or "Germany's" / "German"), nor two words for an
 * instrument's kind ("Treaty" / "Pact", "Traité" / "Pacte"; not "Alliance" / "Pact"); a list's membership.
 */
export function realDisagreement(conflict: Conflict): boolean {
  const d = conflict.differs;
  if (conflict.kind === 'membership') return d.length > 0;
  if (d.length < 2) return false;
  if (conflict.kind === 'number') {
    // "7" / "71939" (a day and its year run together), "20" / "1920" (a year shortened).
    return !d.some((x) => d.some((y) => y !== x && (y.startsWith(x) || y.endsWith(x))));
  }
  const [a, b] = [fold(d[0]!), fold(d[1]!)];
  if (a === b || a.startsWith(b) || b.startsWith(a)) return false;
  // "Treaty" / "Pact" of one instrument: two words for its kind, which name no other thing.
  if (INSTRUMENT_KINDS.has(a) && INSTRUMENT_KINDS.has(b)) return false;
  return distance(a, b) / Math.max(a.length, b.length) > 0.3;
}
