/**
 * Key points: two to four self-contained sentences that sum up each section of two or more paragraphs.
 * Extractive, so a point never says what the text does not:
 * - the merge's matched key sentences (cited sentences of another rendition) come first where they stand
 *   alone, linked to the sentence of the text they match and carrying its citations;
 * - the rest are the section's most central sentences (each sentence's summed tf–idf cosine similarity to
 *   the section's others, idf over the whole book: the sentences that share most of the section's words);
 * - no point opens with a pronoun it leaves unresolved ("They…", "In 1925, it…") or speaks of a person it does
 *   not name ("…, he began…"); an opening connective ("Thus,", "However,") is dropped and the point reads
 *   without it (discourse.ts, per language);
 * - the box stands right above the section's first paragraph, so that paragraph's sentences are taken only
 *   when the others cannot fill the box: the points preview the section rather than repeat its first lines;
 * - no two points say the same thing (content-word overlap), at most one per paragraph while others remain.
 * A section of one paragraph of prose has none: the box would repeat the paragraph right below it (a line of
 * a few words over a list, "Monographs", is not a paragraph of prose).
 */
import type { Book, Block, Section, StudyKeyPoint } from '../model/index.js';
import { contentWords, similarity, splitSentences } from '../merge/sentences.js';
import { leansOnPerson, opening } from './discourse.js';
import { memoize } from '../util/memo.js';
import { baseLanguage } from '../util/language.js';

const MIN_WORDS = 8;
const MAX_WORDS = 50;
/** Dice similarity at which two sentences say the same thing (a key sentence and its match in the text). */
const SAME = 0.5;
/** The share of a shorter sentence's content words in a longer one at which it says nothing more. */
const CONTAINED = 0.8;

interface Candidate {
  text: string;
  block: Block;
  /** Index of the block among the section's paragraphs. */
  paragraph: number;
  citations: string[];
  score: number;
  /** A key sentence's own fields, when it is one. */
  key?: { markers: string[]; sources: StudyKeyPoint['sources'] };
}

/** How many points a section of `paragraphs` paragraphs gets. */
export function pointsFor(paragraphs: number): number {
  if (paragraphs < 2) return 0;
  return paragraphs >= 7 ? 4 : paragraphs >= 4 ? 3 : 2;
}

/**
 * An English sentence that opens with a bare definite noun phrase and goes straight on with its verb ("The
 * treaty was perceived…", "The reshuffle was…", "The agreement covered…"): "the treaty" is the one the
 * sentence before named, so out of its paragraph the point would not say which. A noun that the sentence
 * qualifies ("The conflict between the KPD and the SPD…") or a name ("The Nationalists…") stands alone.
 */
const LEANS_BACK =
  /^(?:The|This|That|These|Those)\s+\p{Ll}[\p{L}-]*\s+(?:was|were|is|are|had|has|have|did|\p{Ll}+ed)\b/u;
/**
 * English words inside a sentence that point back to what the paragraph said before ("gained access to these
 * training facilities", "During this period", "sign another secret protocol"): out of the paragraph, the
 * point would not say which.
 */
const POINTS_BACK =
  /\b(?:(?:this|these|those)\s+(?!(?:is|was|are|were|has|had|who|which|that|of|in)\b)\p{Ll}|another\s+\p{Ll})/u;

/** A sentence as a point: an opening connective dropped, bracketed editorial tags removed; or none. */
function asPoint(sentence: string, language: string): string | undefined {
  const text = sentence.replace(/\[[^\]]{0,40}\]\s*/g, '').trim();
  const open = opening(text, language);
  if (open.kind === 'pronoun' || leansOnPerson(open.rest, language)) return undefined;
  if (baseLanguage(language) === 'en' && (LEANS_BACK.test(open.rest) || POINTS_BACK.test(open.rest))) return undefined;
  const words = open.rest.split(/\s+/).length;
  if (words < MIN_WORDS || words > MAX_WORDS || !/[.!?…"”»]$/.test(open.rest)) return undefined;
  // A sentence that introduces a list ("…zones of influence: 1.") is not a point of its own.
  if (/:\s*\S{0,3}[.:]?$/.test(open.rest)) return undefined;
  return open.rest;
}

type Weights = Map<string, number>;

function idfOf(book: Book): Weights {
  const df = new Map<string, number>();
  let n = 0;
  for (const c of book.chapters)
    for (const s of c.sections)
      for (const b of s.blocks)
        for (const sentence of b.sentences) {
          n++;
          for (const w of contentWords(sentence)) df.set(w, (df.get(w) ?? 0) + 1);
        }
  return new Map([...df].map(([w, d]) => [w, Math.log((n + 1) / (d + 0.5))]));
}

function cosine(a: ReadonlySet<string>, b: ReadonlySet<string>, idf: Weights): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const w of a) {
    const x = (idf.get(w) ?? 0) ** 2;
    na += x;
    if (b.has(w)) dot += x;
  }
  for (const w of b) nb += (idf.get(w) ?? 0) ** 2;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

function sectionCandidates(section: Section, paragraphs: Block[], idf: Weights, language: string): Candidate[] {
  const all = paragraphs.flatMap((block, paragraph) =>
    block.node.type === 'paragraph'
      ? splitSentences(block.node.children, language).map((s) => ({ ...s, block, paragraph }))
      : [],
  );
  const words = all.map((s) => contentWords(s.text));
  const out: Candidate[] = [];
  all.forEach((s, i) => {
    const text = asPoint(s.text, language);
    if (!text) return;
    const score = words.reduce((sum, w, j) => (j === i ? sum : sum + cosine(words[i]!, w, idf)), 0);
    out.push({ text, block: s.block, paragraph: s.paragraph, citations: [...s.refs], score });
  });
  // The matched key sentences: placed where they match the text, ahead of every sentence of the section.
  for (const k of section.keyPoints) {
    const text = asPoint(k.text, language);
    if (!text) continue;
    const mine = contentWords(text);
    let best: { i: number; score: number } | undefined;
    all.forEach((s, i) => {
      const score = similarity(mine, words[i]!);
      if (!best || score > best.score) best = { i, score };
    });
    const match = best && best.score >= SAME ? all[best.i]! : undefined;
    out.push({
      text,
      block: match?.block ?? paragraphs[0]!,
      paragraph: match?.paragraph ?? 0,
      citations: match ? [...match.refs] : [],
      score: Number.POSITIVE_INFINITY,
      key: { markers: k.markers, sources: k.sources },
    });
  }
  return out;
}

/**
 * One sentence said again inside a longer one ("The reshuffle was warily perceived …" and "As evident from …,
 * the reshuffle was warily perceived …"): most of the shorter one's words are in the longer one.
 */
function within(a: string, b: string): boolean {
  const [x, y] = [contentWords(a), contentWords(b)].sort((p, q) => p.size - q.size) as [Set<string>, Set<string>];
  if (!x.size) return false;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / x.size >= CONTAINED;
}

function choose(candidates: Candidate[], want: number): Candidate[] {
  const ranked = [...candidates].sort((a, b) => b.score - a.score);
  const chosen: Candidate[] = [];
  const fits = (c: Candidate, oneEach: boolean, firstToo: boolean) =>
    (firstToo || c.paragraph > 0) &&
    !(oneEach && chosen.some((x) => x.paragraph === c.paragraph)) &&
    !chosen.some((x) => similarity(contentWords(x.text), contentWords(c.text)) >= SAME || within(x.text, c.text));
  for (const [oneEach, firstToo] of [
    [true, false],
    [false, false],
    [true, true],
    [false, true],
  ] as const)
    for (const c of ranked)
      if (chosen.length < want && !chosen.includes(c) && fits(c, oneEach, firstToo)) chosen.push(c);
  return chosen;
}

export function extractKeyPoints(book: Book): StudyKeyPoint[] {
  const language = book.meta.language;
  const idf = idfOf(book);
  // A sentence's notes include the apparatus's variant notes (one numbering): a key point cites sources only.
  const cited = new Set(book.citations.map((c) => c.id));
  return book.chapters.flatMap((chapter) =>
    chapter.sections.flatMap((section) => {
      // Paragraphs of prose: a one-line label over a list ("Monographs") is not one.
      const paragraphs = section.blocks.filter(
        (b) => b.kind === 'paragraph' && b.text.split(/\s+/).length >= MIN_WORDS,
      );
      // A copy: the remembered points are shared with earlier builds, whose books their readers may change.
      return pointsFor(paragraphs.length)
        ? structuredClone(sectionPoints({ section, paragraphs, idf, language, cited }))
        : [];
    }),
  );
}

interface SectionInput {
  section: Section;
  paragraphs: Block[];
  idf: Weights;
  language: string;
  cited: ReadonlySet<string>;
}

/** One section's key points (it has enough paragraphs for some). */
function pointsOf({ section, paragraphs, idf, language, cited }: SectionInput): StudyKeyPoint[] {
  const chosen = choose(sectionCandidates(section, paragraphs, idf, language), pointsFor(paragraphs.length));
  const order = new Map(section.blocks.map((b, i) => [b.id, i]));
  chosen.sort((a, b) => order.get(a.block.id)! - order.get(b.block.id)! || a.text.localeCompare(b.text));
  // Its own copy of what it takes from the book (sources, markers): remembered, it outlives that book.
  const points = chosen.map((c, i): StudyKeyPoint => ({
    id: `${section.id}-point-${i + 1}`,
    section: section.id,
    origin: c.key ? 'key-sentence' : 'section',
    text: c.text,
    markers: c.key?.markers ?? [],
    sources: c.key?.sources ?? c.block.sources,
    block: c.block.id,
    citations: c.citations.filter((id) => cited.has(id)),
  }));
  return structuredClone(points);
}

/**
 * Everything a section's key points depend on: its id, its matched key sentences, its paragraphs (ids,
 * sources, sentences with their notes), the weights (idf over the whole book) of its sentences' words and
 * which of its notes are citations. An edit elsewhere that changes none of these leaves its points as they
 * were; one that changes a word's weight redoes every section that has the word.
 */
function sectionKey({ section, paragraphs, idf, language, cited }: SectionInput): string {
  const sentences = paragraphs.map((b) =>
    b.node.type === 'paragraph' ? splitSentences(b.node.children, language).map((s) => [s.text, s.refs]) : [],
  );
  const words = new Set<string>();
  for (const list of sentences) for (const [text] of list) for (const w of contentWords(text as string)) words.add(w);
  const refs = sentences.flat().flatMap(([, r]) => r as string[]);
  return JSON.stringify([
    language,
    section.id,
    section.keyPoints,
    paragraphs.map((b, i) => [b.id, section.blocks.indexOf(b), b.sources, sentences[i]]),
    [...words].map((w) => idf.get(w) ?? 0),
    refs.filter((r) => cited.has(r)),
  ]);
}

/** A section's key points, remembered by everything they depend on (`sectionKey`). */
const sectionPoints = memoize(pointsOf, sectionKey, { keyChars: 4_000_000 }, { name: 'key-point-sections' });
