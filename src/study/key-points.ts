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
import { diffArrays } from 'diff';
import { witnessesOf } from './witnesses.js';
import type { Book, Block, Section, StudyKeyPoint } from '../model/index.js';
import { contentWords, similarity, splitSentences } from '../merge/sentences.js';
import {
  concludes,
  discourse,
  fullerMention,
  hedged,
  knownPhrase,
  leansOnPerson,
  opening,
  partOfQuotation,
  relativeWord,
  timeFromBefore,
  turnsAgainst,
  wording,
} from './discourse.js';
import { bookDates, rawDatesIn, type BookDate } from './dates.js';
import { englishLexicon } from '../util/lexicon.js';
import { memoize } from '../util/memo.js';
import { baseLanguage, wordCount } from '../util/language.js';
import { longDateFormat } from '../util/dates.js';

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
  /** It leans on the text before in a way the point cannot mend ("a later offer"): taken only as a last resort. */
  leans: boolean;
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

/**
 * An English clause whose verb answers what the text told before, with no word of what ("Stalin replied,
 * referencing …", "Finland refused."): a reply to something named ("replied to the note", "replied on 3 May
 * to the note") does not lean, nor does a passive.
 */
const ANSWERS_BACK = new RegExp(
  String.raw`^(?![^,;:]{0,60}?\b(?:was|were|been|be|is|are)\s+\p{Ll}+ed\b)[^,;:]{0,60}?\b` +
    String.raw`(?:replied|responded|answered|retorted|reacted|objected|complied|refused|declined)` +
    String.raw`(?=\s*[,.;:]\s*(?!\p{Ll}+\s+to\b)|\s+that\b)`,
  'u',
);

/** What a sentence of a paragraph can lean on: the sentences before it, and the last date they gave. */
export interface Context {
  before: string;
  /** The date phrase of the last dated sentence before it in its paragraph ("On June 14, 1940"). */
  when?: string;
  /**
   * It is one half of a turn in its paragraph ("X. However, Y."): the next sentence turns against it, or it turns
   * against the one before. Alone, either says half of what the text does.
   */
  qualified?: boolean;
}

/** "their" owning a noun, with no plural (or pair of names) before it that it can stand for. */
function ownerUnnamed(text: string): boolean {
  const at = text.search(/(?<![\p{L}])their(?![\p{L}])/u);
  return at >= 0 && !/\p{L}{3,}s(?![\p{L}])|(?<![\p{L}])(?:and|both)(?![\p{L}])/u.test(text.slice(0, at));
}
/** A surname after an honorific ("Mr. Rapoport", "Dr. Weiss", "Herr Krause", "M. Blum"): a person not introduced. */
const HONORIFIC_ONLY = new RegExp(
  // Not after a given name ("Vyacheslav M. Molotov", "Henry Ford Sr.").
  String.raw`(?<![\p{L}]|\p{Lu}[\p{L}.'’-]*\s)(?:Mr|Mrs|Ms|Dr|Herr|Frau|M|Mme|Mlle|Sr|Sra)\.?\s+` +
    String.raw`\p{Lu}\p{Ll}+(?![\p{L}.]|\s+\p{Lu})`,
  'u',
);

/** "took it to …": a pronoun as an object, which only the text before can resolve. */
const OBJECT_PRONOUN =
  /\b\p{Ll}+\s+(?:it|them)\s+(?:by|to|into|from|with|in|on|at|for|over|across|through|back|out|off|up|down)\b/u;
/**
 * "… was clearly embarrassed by it.": a pronoun object at the end, which may stand for something the sentence
 * names ("executed most of them") or the text before: such a point is taken only when others are too few.
 */
const OBJECT_AT_END = /\b(?:by|of|to|with|for|about|from|against|over)\s+(?:it|them)\s*[.!?]$/u;

/** The first word in lower case, where it is a common word ("All German …" → "all German …", not "Molotov"). */
function lowerFirst(text: string, language: string): string {
  const first = /^\p{Lu}\p{Ll}*/u.exec(text)?.[0];
  if (!first) return text;
  const tags = englishLexicon().words[first.toLowerCase()];
  // An adverb ("Shortly before midnight") or a word of relative time is never a name.
  if (/ly$/.test(first) || (discourse(language)?.temporal ?? []).includes(first.toLowerCase()))
    return text.charAt(0).toLocaleLowerCase(language) + text.slice(1);
  const common =
    baseLanguage(language) === 'en'
      ? tags !== undefined && ![tags].flat().some((t) => /Name|Place|Country|Organization|Person/.test(t))
      : /^(?:Der|Die|Das|Ein|Eine|Le|La|Les|Un|Une|Des|Alle|Tous|Toutes)$/.test(first);
  return common ? text.charAt(0).toLocaleLowerCase(language) + text.slice(1) : text;
}

/**
 * A sentence as a point: an opening connective dropped, bracketed editorial tags removed, a time it takes from
 * the sentence before written out ("Concurrently all … were abolished" → "In 1937–1938, all … were
 * abolished"), a noun phrase the paragraph named more fully named so ("the submarine" → "the Polish submarine
 * ORP Orzeł"); or none. `leans`: it still leans on the text before ("a later offer", "the Japanese attack").
 */
export function asPoint(
  sentence: string,
  language: string,
  context: Context,
  heading: ReadonlySet<string> = new Set(),
): { text: string; leans: boolean } | undefined {
  const text = sentence.replace(/\[[^\]]{0,40}\]\s*/g, '').trim();
  if (partOfQuotation(text)) return undefined;
  const open = opening(text, language);
  if (open.kind === 'pronoun' || leansOnPerson(open.rest, language)) return undefined;
  // "Thus, Litvinov's line did not enjoy …" after "Some argue that …": the conclusion of a view, not a fact.
  if (concludes(text, language) && hedged(context.before, language)) return undefined;
  const english = baseLanguage(language) === 'en';
  if (
    english &&
    (LEANS_BACK.test(open.rest) ||
      POINTS_BACK.test(open.rest) ||
      OBJECT_PRONOUN.test(open.rest) ||
      ANSWERS_BACK.test(open.rest))
  )
    return undefined;
  let rest = open.rest;
  if (timeFromBefore(text, language) && !rawDatesIn(text, language).length) {
    if (!context.when) return undefined;
    const base = open.kind === 'connective' ? rest : text;
    // In square brackets: the words are the guide's, not the source's (the point is quoted as the source's).
    rest = `[${context.when},] ${lowerFirst(base, language)}`;
  }
  // Taken only when the section has too few others: one half of a turn ("X. However, Y."), and a point that
  // names someone only by an honorific ("According to Mr. Rapoport, …"): the box does not say who that is.
  let leans =
    !!relativeWord(rest, language) ||
    (english && ownerUnnamed(rest)) ||
    !!context.qualified ||
    HONORIFIC_ONLY.test(rest) ||
    (english && OBJECT_AT_END.test(rest));
  const known = knownPhrase(rest, context.before, language);
  // A noun the heading names is known to the reader of the box ("the protocol" under "… Secret Protocol …").
  if (known && !heading.has(known.head.toLowerCase())) {
    const fuller = fullerMention(known.head, known.modifiers, context.before);
    if (fuller) {
      const the = rest.slice(known.index, known.index + 3);
      const named = bracketAdded(known.phrase, the + fuller.slice(3));
      rest = rest.slice(0, known.index) + named + rest.slice(known.index + known.phrase.length);
    } else leans = true;
  }
  const words = wordCount(rest);
  if (words < MIN_WORDS || words > MAX_WORDS || !/[.!?…"”»。！？」』]$/.test(rest)) return undefined;
  // A sentence that introduces a list ("…zones of influence: 1.") is not a point of its own.
  if (/:\s*\S{0,3}[.:]?$/.test(rest)) return undefined;
  return { text: rest, leans };
}

/**
 * `fuller` (a fuller mention of `phrase`) with the words it adds in square brackets, as an editor marks words put
 * into a quotation: "the protocol" → "the [secret] protocol", "the submarine" → "the [Polish] submarine [ORP
 * Orzeł]".
 */
function bracketAdded(phrase: string, fuller: string): string {
  const parts = diffArrays(phrase.split(/\s+/), fuller.split(/\s+/));
  return parts
    .filter((p) => !p.removed)
    .map((p) => (p.added ? `[${p.value.join(' ')}]` : p.value.join(' ')))
    .join(' ');
}

/** A date as a phrase that opens a sentence ("On June 14, 1940", "In 1937–1938"), in the book's language. */
function datePhrase(d: BookDate, language: string): string | undefined {
  const preps = discourse(language)?.datePrepositions;
  if (!preps || d.uncertain) return undefined;
  const shown = d.label.replace(/^\p{L}{1,3}\s+(?=\d)/u, '');
  let label = shown;
  if (d.yearFrom === 'context' && d.precision !== 'year' && !d.end) {
    const [y, m, day] = d.date.split('-').map(Number);
    label = longDateFormat(language, !!day).format(new Date(Date.UTC(y!, (m ?? 1) - 1, day ?? 1)));
  } else if (d.yearFrom === 'context') return undefined;
  return `${d.precision === 'day' ? preps.day : preps.other} ${label}`;
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

/** How much a sentence's words carry the section: heading words, a date, a named instrument ("Treaty of …"). */
function weight(text: string, heading: ReadonlySet<string>, language: string): number {
  let shared = 0;
  for (const w of contentWords(text)) if (heading.has(w)) shared++;
  const dated = rawDatesIn(text, language).some((d) => d.event);
  const events = discourse(language)?.events ?? [];
  const named = [...text.matchAll(/(?<=\p{Lu}[\p{L}-]*\s+)\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+(?=\s+of\s+\p{Lu})/gu)].some((m) =>
    events.includes(m[0].toLowerCase()),
  );
  return 1 + 0.4 * Math.min(shared, 2) + (dated ? 0.3 : 0) + (named ? 1 : 0);
}
/** The box stands above the first paragraph: its sentences count for less (the points preview the rest). */
const FIRST_PARAGRAPH = 0.6;

interface Sentence {
  text: string;
  refs: readonly string[];
  block: Block;
  paragraph: number;
  context: Context;
}

function sectionCandidates(section: Section, all: Sentence[], idf: Weights, language: string): Candidate[] {
  const words = all.map((s) => contentWords(s.text));
  const headingWords = headingWordsOf(section.title);
  const out: Candidate[] = [];
  all.forEach((s, i) => {
    const { point, weight: w } = sentencePoint(s.text, s.context, section.title, language);
    if (!point) return;
    const central = words.reduce((sum, x, j) => (j === i ? sum : sum + cosine(words[i]!, x, idf)), 0);
    const score = central * w * (s.paragraph === 0 ? FIRST_PARAGRAPH : 1);
    out.push({ ...point, block: s.block, paragraph: s.paragraph, citations: [...s.refs], score });
  });
  // The matched key sentences: placed where they match the text, ahead of every sentence of the section.
  for (const k of section.keyPoints) {
    const mine = contentWords(k.text);
    let best: { i: number; score: number } | undefined;
    all.forEach((s, i) => {
      const score = similarity(mine, words[i]!);
      if (!best || score > best.score) best = { i, score };
    });
    const match = best && best.score >= SAME ? all[best.i]! : undefined;
    const point = asPoint(
      k.text,
      language,
      // A key sentence is the sources' own choice: a turn after it ("However, …") does not set it back.
      match ? { before: match.context.before, when: match.context.when } : { before: '' },
      headingWords,
    );
    if (!point) continue;
    // Words of a document the section quotes (the protocol's clause): a point in quotation marks, linked there.
    const quoted = match ? undefined : quotedIn(section, mine);
    out.push({
      ...point,
      ...(quoted ? { text: wording(language).quote(point.text) } : {}),
      block: match?.block ?? quoted ?? all[0]!.block,
      paragraph: match?.paragraph ?? 0,
      citations: match ? [...match.refs] : [],
      score: Number.POSITIVE_INFINITY,
      key: { markers: k.markers, sources: k.sources },
    });
  }
  return out;
}

/** The section's quotation (a quote block) one of whose sentences says what `words` say, if any. */
function quotedIn(section: Section, words: ReadonlySet<string>): Block | undefined {
  return section.blocks.find(
    (b) => b.kind === 'quote' && b.sentences.some((x) => similarity(words, contentWords(x)) >= SAME),
  );
}

/** The words of a heading, lower case: a noun it names is known to the reader of the box (see `asPoint`). */
const headingWordsOf = (title: string) =>
  new Set(
    title
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter(Boolean),
  );

/**
 * A sentence as a point (`asPoint`) and how much its words carry the section (`weight`): a pure function of
 * the sentence, what it leans on in its paragraph, the section's heading and the language, remembered per
 * sentence — a section whose points are made again (its words' weights changed) reads only its edited
 * sentences anew.
 */
const sentencePoint = memoize(
  (
    text: string,
    context: Context,
    title: string,
    language: string,
  ): { point?: { text: string; leans: boolean }; weight: number } => {
    const point = asPoint(text, language, context, headingWordsOf(title));
    return point ? { point, weight: weight(point.text, contentWords(title), language) } : { weight: 0 };
  },
  (text, context, title, language) =>
    JSON.stringify([language, title, context.when ?? null, !!context.qualified, context.before, text]),
  { keyChars: 4_000_000 },
  { name: 'key-point-sentences', persist: true },
);

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

/** The idf-weighted likeness at which two points speak of one subject ("the submarine" twice). */
const TOPIC = 0.3;

function choose(candidates: Candidate[], want: number, idf: Weights): Candidate[] {
  const ranked = [...candidates].sort((a, b) => b.score - a.score);
  const chosen: Candidate[] = [];
  const fits = (c: Candidate, oneEach: boolean, topics: boolean, leaning: boolean) =>
    (leaning || !c.leans) &&
    !(oneEach && chosen.some((x) => x.paragraph === c.paragraph)) &&
    !(topics && chosen.some((x) => cosine(contentWords(x.text), contentWords(c.text), idf) >= TOPIC)) &&
    !chosen.some((x) => similarity(contentWords(x.text), contentWords(c.text)) >= SAME || within(x.text, c.text));
  for (const [oneEach, topics, leaning] of [
    [true, true, false],
    [false, true, false],
    [false, false, false],
    [false, false, true],
  ] as const)
    for (const c of ranked)
      if (chosen.length < want && !chosen.includes(c) && fits(c, oneEach, topics, leaning)) chosen.push(c);
  return chosen;
}

export function extractKeyPoints(book: Book): StudyKeyPoint[] {
  const language = book.meta.language;
  const idf = idfOf(book);
  const dates = bookDates(book);
  // A sentence's notes include the apparatus's variant notes (one numbering): a key point cites sources only.
  const cited = new Set(book.citations.map((c) => c.id));
  return book.chapters.flatMap((chapter) =>
    chapter.sections.flatMap((section) => {
      // Paragraphs of prose: a one-line label over a list ("Monographs") is not one.
      const paragraphs = section.blocks.filter((b) => b.kind === 'paragraph' && wordCount(b.text) >= MIN_WORDS);
      if (!pointsFor(paragraphs.length)) return [];
      const sentences = sentencesOf(paragraphs, dates, language);
      // A copy: the remembered points are shared with earlier builds, whose books their readers may change.
      const points = structuredClone(sectionPoints({ section, paragraphs, sentences, idf, language, cited }));
      return points.map((p) =>
        p.origin === 'section' ? { ...p, sources: witnessesOf(book, p.block, p.text, p.sources) ?? p.sources } : p,
      );
    }),
  );
}

/** The sentences of a section's paragraphs, each with what it can lean on in its paragraph. */
function sentencesOf(paragraphs: Block[], dates: ReturnType<typeof bookDates>, language: string): Sentence[] {
  return paragraphs.flatMap((block, paragraph) => {
    if (block.node.type !== 'paragraph') return [];
    const perSentence = dates.get(block.id) ?? [];
    let when: string | undefined;
    const before: string[] = [];
    const split = splitSentences(block.node.children, language);
    return split.map((s, i) => {
      // One half of a turn ("X. However, Y."): the sentence before it, or the turn itself, which loses its
      // "However" as a point and would read as if nothing came before.
      const qualified =
        (i + 1 < split.length && turnsAgainst(split[i + 1]!.text, language)) ||
        (i > 0 && turnsAgainst(s.text, language));
      const context: Context = { before: before.join(' '), when, ...(qualified ? { qualified } : {}) };
      before.push(s.text);
      const at = block.sentences.findIndex((x) => x.trim() === s.text.trim());
      // A date that marks an event, or a time adverbial ("In 1937–1938 NKVD conducted …").
      const adverbial = (d: BookDate) =>
        /(?:^|\s)(?:in|on|during|by|from|am|im|le|en)\s+$/i.test(s.text.slice(0, d.index));
      const own = (perSentence[at] ?? []).filter((d) => (d.event || adverbial(d)) && !d.uncertain);
      if (own.length) when = datePhrase(own.at(-1)!, language);
      return { text: s.text, refs: s.refs, block, paragraph, context };
    });
  });
}

interface SectionInput {
  section: Section;
  paragraphs: Block[];
  sentences: Sentence[];
  idf: Weights;
  language: string;
  cited: ReadonlySet<string>;
}

/** One section's key points (it has enough paragraphs for some). */
function pointsOf({ section, paragraphs, sentences, idf, language, cited }: SectionInput): StudyKeyPoint[] {
  const want = pointsFor(paragraphs.length);
  const candidates = sectionCandidates(section, sentences, idf, language);
  const chosen = choose(candidates, want, idf);
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
 * Everything a section's key points depend on: its id and title, its matched key sentences, its paragraphs
 * (ids, sources, sentences with their notes and the dates they lean on), the quotations a key sentence can be
 * found in (ids, places, sources, sentences), the weights (idf over the whole book) of every word a point can
 * be compared by (its sentences', its key sentences' and its date phrases') and which of its notes are
 * citations. An edit elsewhere that changes none of these leaves its points as they were; one that changes a
 * word's weight redoes every section that has the word.
 */
function sectionKey({ section, paragraphs, sentences, idf, language, cited }: SectionInput): string {
  const words = new Set<string>();
  const texts = [...sentences.flatMap((s) => [s.text, s.context.when ?? '']), ...section.keyPoints.map((k) => k.text)];
  for (const text of texts) for (const w of contentWords(text)) words.add(w);
  const refs = sentences.flatMap((s) => s.refs);
  return JSON.stringify([
    language,
    section.id,
    section.title,
    section.keyPoints,
    paragraphs.map((b) => [b.id, section.blocks.indexOf(b), b.sources]),
    section.blocks
      .filter((b) => b.kind === 'quote')
      .map((b) => [b.id, section.blocks.indexOf(b), b.sources, b.sentences]),
    sentences.map((s) => [s.block.id, s.text, s.refs, s.context.when]),
    [...words].map((w) => [w, idf.get(w) ?? 0]),
    refs.filter((r) => cited.has(r)),
  ]);
}

/** A section's key points, remembered by everything they depend on (`sectionKey`). */
const sectionPoints = memoize(
  pointsOf,
  sectionKey,
  { keyChars: 4_000_000 },
  {
    name: 'key-point-sections',
    persist: true,
  },
);
