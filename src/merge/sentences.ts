/**
 * Sentences and their similarity: the unit the merge compares.
 * Segmentation uses ICU's sentence rules (Intl.Segmenter), so it follows Unicode's UAX #29.
 */
import type { PhrasingContent } from 'mdast';
import { memoize } from '../util/memo.js';
import { baseLanguage, sentenceRulesFor, WIDE_WRITING } from '../util/language.js';
import { cleanFlat } from './clean.js';

export interface Sentence {
  text: string;
  /** Citation keys (source-local) attached at the end of the sentence, in order. */
  refs: string[];
  /** Where the sentence is in the plain text of the phrasing it was cut from: [start, end) (see `sliceSentence`). */
  span?: readonly [number, number];
}

/** Common English abbreviations after which ICU would otherwise break a sentence (in any language). */
const ABBREVIATIONS = new RegExp(
  String.raw`\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Capt|Sgt|Jr|Sr|vs|etc|e\.g|i\.e|No|Vol|pp?|ed|eds|cf|ca|approx|` +
    String.raw`ibid|incl|esp|resp|viz|dept|govt|misc|trans)\.\s*$`,
  'i',
);
/** A piece that is only a clause or item number ("2. "): it belongs to the sentence it numbers. */
const ENUMERATOR = /^\s*\(?\d{1,2}[.)]\s*$/;
/** A clause number after a colon at the end of a piece ("…influence: 1. "): where the next sentence starts. */
const AFTER_COLON = /:\s+\(?\d{1,2}[.)]\s*$/;
/** A sentence in brackets opening a piece, with no stop of its own, before a capitalised word. */
const PARENTHETICAL = /^(\s*\(\p{Lu}[^()]{10,}[^.!?]\)\s+)(?=\p{Lu}\p{Ll})/u;
/** A single capital and a dot ("J. A. Large", "U.S.") does not end a sentence… */
const INITIAL = /(?:^|[\s(.])\p{Lu}\.\s*$/u;
/** …unless it is the Roman numeral I or X after a name ("World War I.", "Pius X."), which may end one. */
const NUMERAL = /\p{Lu}\p{Ll}+\s+[IX]\.\s*$/u;
/**
 * Where ICU does not break but a sentence may end: a full stop and a space before a number, which UAX #29
 * joins to the sentence before when a lower-case word follows the number ("… des Jahres. 2013 wird …",
 * "… in the EU. 67% of …"), or before a lower-case word that opens sentences in the language ("’n").
 */
const hiddenBreak = (opener?: RegExp) =>
  new RegExp(String.raw`[.!?]['"”’»)\]]*\s+(?=\d${opener ? `|${opener.source.replace(/^\^/, '')}` : ''})`, 'gu');
/**
 * A full stop after a whole lower-case word, then a space and a lower-case pronoun or article: a sentence
 * whose capital was lost in copying ("…but no matter. the tax escalated…"). ICU joins the two (a lower-case
 * letter after a full stop continues a sentence), which would print one source's two statements as one.
 * Per language; the word before the stop must be four letters or more, so no abbreviation ("approx.", "etc.",
 * "ibid.") and no initial qualifies, and an ellipsis ("... the") does not either.
 */
const LOST_CAPITAL: Record<string, RegExp> = {
  en: /(?<=(?:^|[^\p{L}.])\p{Ll}{4,})\.\s+(?=(?:the|this|these|those|they|there|it|he|she|we)\s)/gu,
};

/**
 * A short mark in brackets glued to a sentence's stop, then a space and what starts a sentence: "…transition
 * timeline.[GC] Finally, …", "…in 1922.[a] The …", a note call or label left in a rendition's text. The mark
 * ends the sentence before it; ICU either breaks inside it (after the opening bracket, when a capital or a
 * figure follows it) or not at all (after a lower-case one).
 */
const MARKED_STOP =
  /(?<=\p{Ll}{2}|\d)[.!?]['"”’»]*(?:\[[^[\]\s]{1,12}(?: [^[\]\s]{1,12})?\]|\([^()\s]{1,12}\))\s+(?=\p{Lu}|\d)/gu;
/** An ICU sentence that ends in an opening bracket right after a stop: the bracket belongs to the next. */
const OPEN_AFTER_STOP = /[.!?]['"”’»]*[[(]$/u;

/**
 * An abbreviation that stands before a number does not end a sentence there: a month ("Sept. 11", "Okt. 2005"),
 * "circa", "flourished", "born", "died" ("born c. 965", "fl. 1420", "d. 1040"), a number, page or volume
 * ("No. 5", "pp. 12–14"). Not "art.", which ends sentences ("he turned to art. 1920 was …").
 */
const BEFORE_NUMBER = new RegExp(
  String.raw`(?:^|[\s(])(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Okt|Nov|Dec|Dez|` +
    String.raw`[cC]|ca|fl|b|d|No|Nr|pp?|[vV]ol)\.\s*$`,
  'u',
);

/** A sentence ending in a full-width stop (Chinese, Japanese: "…である。"). */
const FULL_WIDTH_END = /[。！？．｡][」』）》】〉”’"]*$/u;
/** A sentence opening in Chinese or Japanese writing (or its punctuation), or with a number ("2001年，…"). */
const WIDE_START = new RegExp(`^[${WIDE_WRITING}\\d]`, 'u');

/**
 * What goes between a sentence and the next in running text: a space, none from a full-width stop to a sentence
 * in Chinese or Japanese ("…である。放送時間は…"; an English sentence after a quoted "…為す。」" keeps its space).
 */
export function sentenceGap(previous: string, next: string): string {
  return FULL_WIDTH_END.test(previous) && WIDE_START.test(next) ? '' : ' ';
}

/** Sentences as running text (the gap `sentenceGap` tells between each two). */
export function joinSentences(texts: readonly string[]): string {
  let out = '';
  texts.forEach((t, i) => (out += (i ? sentenceGap(texts[i - 1]!, t) : '') + t));
  return out;
}

/**
 * Split phrasing content into sentences, keeping each citation with the sentence it follows.
 * The text is segmented without the citations; each citation then goes to the sentence that ends at or
 * after its position (a citation right after a full stop belongs to the sentence before it).
 */
export function splitSentences(children: PhrasingContent[], locale = 'en'): readonly Readonly<Sentence>[] {
  const refs: { at: number; id: string }[] = [];
  let flat = '';
  for (const node of children) {
    if (node.type === 'footnoteReference') refs.push({ at: flat.length, id: node.identifier });
    else flat += plainOf(node);
  }
  const clean = cleanFlat(flat, refs, locale);
  const cut = segment(locale, clean.text, clean.refs);
  const back = clean.toOriginal;
  if (!back) return cut;
  // Spans count in the source's own text, which the mends changed.
  return cut.map((s) => (s.span ? { ...s, span: [back(s.span[0]), back(s.span[1])] as const } : s));
}

/** Remembered per text: a watch session's edit splits only the paragraphs it changed. */
const segment = memoize(
  segmentText,
  (locale, flat, refs) => `${locale}\u0000${flat}\u0000${refs.map((r) => `${r.at}:${r.id}`).join('\u0001')}`,
  50_000,
  { name: 'sentences', persist: true },
);

function segmentText(locale: string, flat: string, refs: { at: number; id: string }[]): Sentence[] {
  const segmenter = segmenterFor(locale);
  const rules = sentenceRulesFor(locale);
  const french = baseLanguage(locale) === 'fr';
  // A lower-case start continues the sentence; so does what the language's own rules say.
  const continues = (before: string, after: string) =>
    /^[\s\p{Ll},;:)]/u.test(after) || (rules?.continues(before, after) ?? false);
  const initial = (before: string) => INITIAL.test(before) && !NUMERAL.test(before);
  const pieces: { text: string; start: number; end: number; lostCapital?: boolean }[] = [];
  for (const { segment, index, forced } of cutHidden(segmenter, flat, locale, rules?.opener)) {
    const prev = pieces[pieces.length - 1];
    const end = index + segment.length;
    // A clause or item number on its own opens the sentence it numbers: it never continues the one before.
    const opensClause =
      prev !== undefined &&
      ENUMERATOR.test(segment) &&
      /[.!?]\s*$/.test(prev.text) &&
      !ABBREVIATIONS.test(prev.text) &&
      !initial(prev.text) &&
      !(rules?.continues(prev.text, segment) ?? false);
    // A dot after a space and right before a letter opens a word (".NET", ".com"): it ends no sentence.
    const wordDot = prev !== undefined && /(?:^|\s)\.$/.test(prev.text) && /^[\p{L}\p{N}]/u.test(segment);
    const joins =
      prev &&
      !opensClause &&
      !forced &&
      (wordDot || ABBREVIATIONS.test(prev.text) || initial(prev.text) || continues(prev.text, segment));
    if (prev && (joins || ENUMERATOR.test(prev.text))) {
      prev.text += segment;
      prev.end = end;
      continue;
    }
    // "…zones of influence: 1." — a clause number after a colon opens the next sentence, not this one.
    const tail = AFTER_COLON.exec(segment);
    if (tail) {
      pieces.push({
        text: segment.slice(0, tail.index + 1),
        start: index,
        end: index + tail.index + 1,
        lostCapital: forced,
      });
      pieces.push({ text: segment.slice(tail.index + 1), start: index + tail.index + 1, end });
    } else {
      // "(Although Italy had signed in 1933) Economically, …": a sentence in brackets with no full stop of
      // its own ends at its closing bracket when a capital follows.
      const aside = PARENTHETICAL.exec(segment);
      const cut = aside ? aside[1]!.length : segment.length;
      pieces.push({ text: segment.slice(0, cut), start: index, end: index + cut, lostCapital: forced });
      if (aside) pieces.push({ text: segment.slice(cut), start: index + cut, end });
    }
  }
  const out: Sentence[] = [];
  let r = 0;
  for (const piece of pieces) {
    const sentenceRefs: string[] = [];
    // A citation at the very end of the piece's text (before trailing spaces) belongs to it.
    const textEnd = piece.end - (piece.text.length - piece.text.trimEnd().length);
    while (r < refs.length && refs[r]!.at <= textEnd) sentenceRefs.push(refs[r++]!.id);
    // A space left before a stop or a comma (where a note or a template stood) goes; French sets a space before
    // ";", ":", "!" and "?", which stays, unbreakable ("suivante : version", "vrai ?").
    const text = piece.text
      .replace(/\s+/g, ' ')
      .replace(
        /\s+([.,;:!?])(?![\p{L}\p{N}])/gu,
        (_, mark: string) => (french && /[;:!?]/.test(mark) ? '\u00a0' : '') + mark,
      )
      .trim();
    if (!text) {
      if (out.length) out[out.length - 1]!.refs.push(...sentenceRefs);
      continue;
    }
    // A sentence cut where its capital was lost gets it back (see `LOST_CAPITAL`).
    const shown = piece.lostCapital ? text.charAt(0).toLocaleUpperCase(locale) + text.slice(1) : text;
    out.push({ text: shown, refs: sentenceRefs, span: [piece.start, piece.end] });
  }
  // Citations after the last sentence (trailing spaces) belong to it.
  if (out.length) while (r < refs.length) out[out.length - 1]!.refs.push(refs[r++]!.id);
  return out;
}

/** ICU's sentences, each cut again where a sentence may end that ICU joins (see `hiddenBreak`). */
function* cutHidden(segmenter: Intl.Segmenter, flat: string, locale: string, opener?: RegExp) {
  const hidden = hiddenBreak(opener);
  const lost = LOST_CAPITAL[baseLanguage(locale)];
  // A line break inside a paragraph (Markdown's soft break, a wrapped line) is a space, not the end of a
  // sentence as UAX #29 would have it; one character for one keeps every offset.
  for (const { segment, index } of icuSentences(segmenter, flat.replace(/[\n\r\v\f\u0085\u2028\u2029]/g, ' '))) {
    const cuts = new Map<number, boolean>();
    for (const m of segment.matchAll(MARKED_STOP)) cuts.set(m.index + m[0].length, false);
    for (const m of segment.matchAll(hidden)) {
      const at = m.index + m[0].length;
      if (!(/\d/.test(segment[at] ?? '') && BEFORE_NUMBER.test(segment.slice(0, at)))) cuts.set(at, false);
    }
    if (lost) {
      for (const m of segment.matchAll(lost)) {
        const at = m.index + m[0].length;
        if (!ABBREVIATIONS.test(segment.slice(0, at))) cuts.set(at, true);
      }
    }
    let from = 0;
    let forced = false;
    for (const [at, lostCapital] of [...cuts].sort((a, b) => a[0] - b[0])) {
      yield { segment: segment.slice(from, at), index: index + from, forced };
      [from, forced] = [at, lostCapital];
    }
    yield { segment: segment.slice(from), index: index + from, forced };
  }
}

/** ICU's sentences, but none that ends in an opening bracket (`OPEN_AFTER_STOP`): it runs on into the next. */
function* icuSentences(segmenter: Intl.Segmenter, text: string): Generator<{ segment: string; index: number }> {
  let held: { segment: string; index: number } | undefined;
  for (const { segment, index } of segmenter.segment(text)) {
    const piece = held ? { segment: held.segment + segment, index: held.index } : { segment, index };
    held = OPEN_AFTER_STOP.test(segment) ? piece : undefined;
    if (!held) yield piece;
  }
  if (held) yield held;
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) segmenters.set(locale, (segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' })));
  return segmenter;
}

/** A phrasing node's text as the sentence splitter sees it (`sliceSentence` counts the same way). */
export function plainOf(node: PhrasingContent): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'inlineMath') return node.value;
  if (node.type === 'break') return ' ';
  if ('children' in node) return (node.children as PhrasingContent[]).map(plainOf).join('');
  return '';
}

/** Words for comparison: lower-case letters and digits, diacritics folded. */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Dice coefficient of two word sets: 1 for the same words, 0 for none in common. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const w of small) if (large.has(w)) common++;
  return (2 * common) / (a.size + b.size);
}

/**
 * The near-duplicate rule: two sentences are one sentence lightly edited when their content words are
 * similar enough, or when nearly all of a sentence of five or more words is contained in the other
 * (a sentence extended or cut).
 */
export function isNearDuplicate(
  match: { score: number; containment: number; smaller: number },
  threshold: number,
): boolean {
  return match.score >= threshold || (match.containment >= 0.9 && match.smaller >= 5);
}

const STOP = new Set(
  [
    'the a an of and or to in on at by for with from as is was were be been that this which it its',
    'their his her they he she but not had has have into than then also',
  ]
    .join(' ')
    .split(' '),
);

/** The words that carry meaning (no articles, prepositions, auxiliaries). */
export function wordSet(text: string): Set<string> {
  return new Set(words(text).filter((w) => !STOP.has(w)));
}

/** `wordSet` of a sentence, remembered per text (for whole sections, which change with any edit, use `wordSet`). */
export const contentWords: (text: string) => ReadonlySet<string> = memoize(wordSet, (text) => text, 50_000, {
  name: 'words',
});

/**
 * An inverted index of sentences by content word, so a sentence is compared only with the few that share
 * its words — the merge stays near-linear instead of comparing every sentence with every other.
 */
const MAX_POSTINGS = 64;
/**
 * At most this many sentences are compared with one made only of frequent words: no more than a sentence
 * of eight rare words meets (8 × MAX_POSTINGS). The window is full after a few hundred sentences, so the
 * work per lookup stops growing with the book early (at 4096 it kept growing up to 16 times the hostile
 * inputs: a measured exponent of 1.45); the largest real lookup seen, in the corpus and the seeds
 * scaled tenfold, met fewer than 300.
 */
export const MAX_CANDIDATES = 8 * MAX_POSTINGS;

export class SentenceIndex<T> {
  private readonly byWord = new Map<string, number[]>();
  private readonly entries: { words: ReadonlySet<string>; value: T }[] = [];
  /** Sentences compared by `best` so far: the work a lookup does (tests check it stays bounded). */
  compared = 0;
  /** Scratch space for `best`: shared words per entry, zeroed after each lookup. */
  private counts = new Uint16Array(256);

  /** Call `fn` on every indexed value (a merge step that moves sentences between blocks updates them). */
  forEachValue(fn: (value: T) => void): void {
    for (const entry of this.entries) fn(entry.value);
  }

  add(text: string, value: T): void {
    const ws = contentWords(text);
    const id = this.entries.push({ words: ws, value }) - 1;
    for (const w of ws) {
      let list = this.byWord.get(w);
      if (!list) this.byWord.set(w, (list = []));
      list.push(id);
    }
  }

  /**
   * The most similar indexed sentence, if any shares words with `text`: its Dice score, and how much of the
   * smaller of the two sentences the other contains (an extended or cut sentence scores high there).
   */
  best(
    text: string,
    accept: (value: T) => boolean = () => true,
  ): { value: T; score: number; containment: number; smaller: number } | undefined {
    const ws = contentWords(text);
    // Candidates share at least one word that is not in very many sentences (those say little and
    // would make the lookup quadratic). Shared rare words are counted from the postings; the few
    // frequent words are then checked on each candidate.
    let rare: number[][] = [];
    let frequent: string[] = [];
    for (const w of ws) {
      const list = this.byWord.get(w);
      if (!list) continue;
      if (list.length <= MAX_POSTINGS) rare.push(list);
      else frequent.push(w);
    }
    if (!rare.length) {
      ({ lists: rare, rest: frequent } = this.frequentCandidates(frequent));
    }
    if (this.counts.length < this.entries.length)
      this.counts = new Uint16Array(Math.max(this.entries.length, this.counts.length * 2));
    const counts = this.counts;
    const touched: number[] = [];
    for (const list of rare) {
      for (const id of list) {
        if (counts[id] === 0) touched.push(id);
        counts[id]!++;
      }
    }
    let best: { value: T; score: number; containment: number; smaller: number } | undefined;
    this.compared += touched.length;
    for (const id of touched) {
      let common = counts[id]!;
      counts[id] = 0;
      const entry = this.entries[id]!;
      const sizes = ws.size + entry.words.size;
      // Even with every frequent word shared, a candidate scoring below the leader could not take the lead:
      // its frequent words need not be counted (the same leaders, tested in the same order, as counting them).
      if (best && (2 * (common + frequent.length)) / sizes < best.score) continue;
      for (const w of frequent) if (entry.words.has(w)) common++;
      const score = (2 * common) / sizes;
      const smaller = Math.min(ws.size, entry.words.size);
      const containment = smaller ? common / smaller : 0;
      // The caller's test runs only on a candidate that would take the lead (it may compare texts itself).
      const leads = !best || score > best.score || (score === best.score && containment > best.containment);
      if (leads && accept(entry.value)) best = { value: entry.value, score, containment, smaller };
    }
    return best;
  }

  /**
   * Candidates for a sentence whose every word is frequent: all their postings while they are few, else
   * the latest `MAX_CANDIDATES` sentences of the word in the fewest (a source of repetitive vocabulary
   * would otherwise compare every sentence with every other: quadratic). The other words are then
   * counted on each candidate.
   */
  private frequentCandidates(frequent: string[]): { lists: number[][]; rest: string[] } {
    const lists = frequent.map((w) => this.byWord.get(w)!);
    if (lists.reduce((sum, l) => sum + l.length, 0) <= MAX_CANDIDATES) return { lists, rest: [] };
    const shortest = lists.reduce((a, b) => (b.length < a.length ? b : a));
    const kept = frequent[lists.indexOf(shortest)]!;
    return { lists: [shortest.slice(-MAX_CANDIDATES)], rest: frequent.filter((w) => w !== kept) };
  }
}
