/**
 * Facts are content: the numbers, dates and names a reading states. Two readings of one sentence are the
 * same only when they state the same facts; one whose facts are a subset of the other's has a hole (the
 * fuller reading wins); two that each state a fact the other lacks disagree (a variant, classed by what
 * differs: date, number, name or place).
 *
 * Facts are found by mechanism, not by list: numbers are digit groups ("1.5", "100,000", "1920"); a date is
 * a number next to one of the language's month names (from Intl), or a year; names are capitalised words
 * that do not open the sentence, compared without case and diacritics. A name the other reading spells
 * close to it (edit distance) is the same name spelled differently: a name variant, never a hole.
 */
import { diffArrays } from 'diff';
import { distance } from 'fastest-levenshtein';
import { hashOf } from '../util/hash.js';
import { memoize } from '../util/memo.js';
import { baseLanguage, dateUnits } from '../util/language.js';
import { claimChange, isOperatorWord, type ClaimChange } from './claims.js';
import { monthsOf } from './clean.js';
import escape from 'escape-string-regexp';

export type FactClass = 'date' | 'number' | 'name' | 'place' | 'list';

export interface Facts {
  /** Numbers as written, thousands separators removed ("100000", "1.5", "1920"). */
  numbers: string[];
  /** Numbers that are part of a date (a year, or a day next to a month name), and month names. */
  dateParts: Set<string>;
  /** Capitalised words not opening the sentence, folded ("kopp", "tallinn"). */
  names: string[];
  /** Names written right after a word that introduces a place in the language ("in", "near", "at"). */
  places: Set<string>;
  /** Each folded fact as the text writes it. */
  written: Map<string, string>;
}

/** Letters NFKD does not decompose, by their base letter ("Białystok" is "Bialystok" spelled with care). */
const BASE: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th' };

const fold = (w: string) =>
  w
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[łøđħıßæœþ]/g, (c) => BASE[c]!);

/** "1919–20" → "1919–1920": a year range's abbreviated end is the same year written in full. */
const fullRanges = (text: string) =>
  text.replace(
    /\b(\d{2})(\d{2})(\s*[–-]\s*)(\d{2})\b(?![.,]?\d)/g,
    (_m, c: string, y: string, dash: string, e: string) => `${c}${y}${dash}${c}${e}`,
  );

/** Words that introduce places, per base language; languages without a row class places as names. */
const PLACE_WORDS: Record<string, string[]> = {
  en: ['in', 'at', 'near', 'to', 'from', 'outside', 'of'],
  de: ['in', 'bei', 'nach', 'aus', 'von'],
  fr: ['à', 'en', 'près', 'de'],
  es: ['en', 'cerca', 'a', 'de'],
  nl: ['in', 'bij', 'naar', 'uit'],
};

const TOKEN = /\p{L}[\p{L}\p{M}'’]*|\d+(?:[.,]\d+)*/gu;

function extract(text: string, locale: string): Facts {
  const months = new Set(monthsOf(locale).map(fold));
  // A number written with a date's unit ("5月", "3일") is part of a date as one beside a month's name is.
  const units = dateUnits(locale);
  const placeWords = new Set(PLACE_WORDS[locale.slice(0, 2)] ?? []);
  const tokens = [...fullRanges(text).matchAll(TOKEN)].map((m) => m[0]);
  const facts: Facts = { numbers: [], dateParts: new Set(), names: [], places: new Set(), written: new Map() };
  tokens.forEach((t, i) => {
    if (/^\d/.test(t)) {
      const n = /^\d{1,3}(,\d{3})+$/.test(t) ? t.replace(/,/g, '') : t.replace(/,$/, '');
      facts.numbers.push(n);
      facts.written.set(n, t);
      const near = [tokens[i - 1], tokens[i + 1]].some((x) => x && (months.has(fold(x)) || units.has(x)));
      if (near || /^(1\d|20)\d\d$/.test(n)) facts.dateParts.add(n);
      return;
    }
    const f = fold(t);
    if (months.has(f)) {
      facts.dateParts.add(f);
      facts.numbers.push(f);
      facts.written.set(f, t);
      return;
    }
    if (!/^\p{Lu}/u.test(t)) return;
    // The first word is capitalised anyway: a name only when a capitalised word follows ("Victor Kopp").
    if (i === 0 && !/^\p{Lu}/u.test(tokens[1] ?? '')) return;
    // Nor is a word of the grammar there ("Einige Historiker": German capitalises the noun after it).
    if (i === 0 && isOperatorWord(t, locale)) return;
    facts.names.push(f);
    facts.written.set(f, t);
    if (placeWords.has(fold(tokens[i - 1] ?? ''))) facts.places.add(f);
  });
  return facts;
}

export const factsOf: (text: string, locale: string) => Facts = memoize(
  extract,
  (text, locale) => `${locale}\u0000${text}`,
  20_000,
  {
    name: 'facts',
    persist: true,
  },
);

/** What one multiset has that the other lacks. */
function minus(a: string[], b: string[]): string[] {
  const left = new Map<string, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  const out: string[] = [];
  for (const x of a) {
    const n = left.get(x) ?? 0;
    if (n > 0) left.set(x, n - 1);
    else out.push(x);
  }
  return out;
}

/** Two names that are spellings of one another ("Ioffe" / "Joffe"), not different names. */
export function sameNameSpelled(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 4 || b.length < 4) return false;
  return distance(a, b) / Math.max(a.length, b.length) <= 0.25;
}

/** One word inflected or derived from the other ("German" / "Germany", "Soviet" / "Soviets"). */
const inflected = (a: string, b: string) => a.length >= 4 && b.length >= 4 && (a.startsWith(b) || b.startsWith(a));

/** Words a run of a name may hold besides capitalised ones: a regnal number, a particle ("Mieszko I", "van Gogh"). */
const NAME_FILLER = /^(?:[IVXLC]+\.?|von|van|der|den|de|del|della|di|da|du|la|le|bin|ibn|al|y)$/u;
/** The most words one reading's name may have where the other has another (a full name with a particle). */
const NAME_RUN = 4;

/**
 * A name of `a` that `b` replaces by another name, everything around the same (one token each side of the
 * change): two readings naming different people or places in one statement. A name is one capitalised word,
 * with a regnal number or particles after it ("Mieszko I" / "Siemomysł"), up to `NAME_RUN` words.
 */
function swappedName(a: string, b: string, locale: string): [string, string] | undefined {
  const ta = a.match(/\S+/g) ?? [];
  const tb = b.match(/\S+/g) ?? [];
  const norm = (t: string) => fold(t).replace(/[^\p{L}\p{N}]/gu, '');
  const parts = diffArrays(ta, tb, { comparator: (x, y) => norm(x) === norm(y) });
  for (let i = 0; i + 1 < parts.length; i++) {
    const [removed, added] = parts[i]!.removed ? [parts[i]!, parts[i + 1]!] : [parts[i + 1]!, parts[i]!];
    if (!removed.removed || !added.added || removed.value.length > NAME_RUN || added.value.length > NAME_RUN) continue;
    // The words on either side are the same (at least one side: the swap may open or close the sentence).
    const around = [parts[i - 1], parts[i + 2]].filter((p) => p !== undefined);
    if (!around.length || around.some((p) => p.added || p.removed)) continue;
    // A sentence's first word is capitalised anyway: a name there is a long word ("Alexander", not "This").
    const word = i === 0 ? /^\p{Lu}\p{Ll}{4,}$/u : /^\p{Lu}\p{Ll}{2,}$/u;
    // The word after the change, the same in both readings ("… Moscow I met …": "I" there is the pronoun).
    const next = parts[i + 2]?.value[0] ?? '';
    const pronounI = (last: string) => last === 'I' && baseLanguage(locale) === 'en' && /^\p{Ll}/u.test(next);
    const asName = (tokens: string[]) => {
      const words = tokens.map((t) => t.replace(/^\P{L}+|\P{L}+$/gu, ''));
      const [first, last] = [words[0]!, words.at(-1)!];
      if (words.length > 1 && (pronounI(last) || !/^(?:\p{Lu}|[IVXLC]+\.?$)/u.test(last))) return undefined;
      // One word of the name besides its regnal number or particles: "Soviet Navy" / "Soviets", "the German Navy" /
      // "the Kriegsmarine" name one body two ways (rewordings), "Mieszko I" / "Siemomysł" two rulers.
      const core = words.filter((w, k) => !(k > 0 && NAME_FILLER.test(w)));
      const named = core.length === 1 && /^\p{Lu}/u.test(core[0]!);
      // Opens with a name's word, ends with one or a regnal number (a particle only inside); the first word alone
      // holds the sentence's opening rule.
      return named && word.test(first) ? words.join(' ') : undefined;
    };
    const [x, y] = [asName(removed.value), asName(added.value)];
    if (x && y) return [x, y];
  }
  return undefined;
}

export interface FactComparison {
  /** `same`: the same facts; `a-fuller`/`b-fuller`: one states all the other's and more; `conflict`. */
  relation: 'same' | 'a-fuller' | 'b-fuller' | 'conflict';
  /** For a conflict: what kind of fact differs (the first that does, dates before numbers before names). */
  kind?: FactClass;
  /** The facts only one side states: A's, then B's. */
  onlyA: string[];
  onlyB: string[];
  /** For a conflict: the same name spelled two ways ("Ioffe" / "Joffe"), not two different names. */
  spelling?: boolean;
  /**
   * Where the facts agree: the change of claim the wording makes (claims.ts: a negation, a hedge, a quantity,
   * an outcome, a stance, a reported statement's standing), A's words first; none for a paraphrase.
   */
  claim?: ClaimChange;
}

/**
 * How the facts of reading `a` and reading `b` relate. Remembered per pair, in the cache folder too: a warm
 * edit's merge, in a watch session or a new `quire build`, compares again only the pairs with an edited
 * sentence. The result is shared: callers must not change it.
 */
export const compareFacts: (a: string, b: string, locale: string) => Readonly<FactComparison> = memoize(
  comparedFacts,
  (a, b, locale) => `${locale}\u0000${textId(a)}\u0000${textId(b)}`,
  20_000,
  { name: 'fact-comparisons', persist: true },
);

/**
 * A short name for each text compared lately (a digest of it), for short keys of `compareFacts`: a key made of
 * two whole sentences is a new long string to build and hash at each of the merge's thousand lookups, while a
 * sentence already seen is found in a map under the string it is (whose hash is kept). A digest, not a
 * counter, so that a key means the same pair in the next process that loads the table from the cache folder.
 * Two generations of maps, the older dropped when the newer is full.
 */
const TEXT_IDS = 20_000;
let textIds = new Map<string, string>();
let olderTextIds = new Map<string, string>();
function textId(text: string): string {
  let id = textIds.get(text);
  if (id !== undefined) return id;
  id = olderTextIds.get(text) ?? hashOf(text).slice(0, 24);
  if (textIds.size >= TEXT_IDS) [olderTextIds, textIds] = [textIds, new Map()];
  textIds.set(text, id);
  return id;
}

function comparedFacts(a: string, b: string, locale: string): FactComparison {
  const facts = factRelation(a, b, locale);
  if (facts.relation === 'conflict') return facts;
  const claim = claimChange(a, b, locale);
  return claim ? { ...facts, claim } : facts;
}

function factRelation(a: string, b: string, locale: string): FactComparison {
  const fa = factsOf(a, locale);
  const fb = factsOf(b, locale);
  const plainWords = (text: string) => new Set((text.match(/\p{L}+/gu) ?? []).map(fold));
  // A capitalised word the other reading has in lower case ("Soviet" / "soviet") is not a name difference.
  const wa = plainWords(a);
  const wb = plainWords(b);
  const numbersA = minus(fa.numbers, fb.numbers);
  const numbersB = minus(fb.numbers, fa.numbers);
  const related = (n: string, words: Set<string>) => words.has(n) || [...words].some((w) => inflected(n, w));
  const namesA = minus(fa.names, fb.names).filter((n) => !related(n, wb));
  const namesB = minus(fb.names, fa.names).filter((n) => !related(n, wa));
  // The same name spelled two ways is a name disagreement, never a hole.
  const spelled = namesA.flatMap((x) => namesB.filter((y) => sameNameSpelled(x, y)).map((y) => [x, y] as const));
  const shownA = (xs: Iterable<string>) => [...xs].map((x) => fa.written.get(x) ?? x);
  const shownB = (xs: Iterable<string>) => [...xs].map((x) => fb.written.get(x) ?? x);
  if (spelled.length) {
    const xs = new Set(spelled.map((p) => p[0]));
    const ys = new Set(spelled.map((p) => p[1]));
    const kind = spelled.some(([x, y]) => fa.places.has(x) || fb.places.has(y)) ? 'place' : 'name';
    return { relation: 'conflict', kind, onlyA: shownA(xs), onlyB: shownB(ys), spelling: true };
  }
  if (numbersA.length && numbersB.length) {
    const isDate = (n: string) => fa.dateParts.has(n) || fb.dateParts.has(n);
    const kind = [...numbersA, ...numbersB].some(isDate) ? 'date' : 'number';
    return { relation: 'conflict', kind, onlyA: shownA(numbersA), onlyB: shownB(numbersB) };
  }
  // Numbers a reading lacks are a hole in it. Names one reading adds are not: they may stand in a
  // neighbouring sentence of the other, and a name is often a rewording ("Moscow" for "the Soviet Union").
  // Nor is a number one reading adds where the other names what it stands for ("after Operation Barbarossa"
  // / "after the German invasion of 1941"): each states what the other words otherwise, a rewording.
  if ((numbersB.length && namesA.length) || (numbersA.length && namesB.length))
    return { relation: 'same', onlyA: shownA([...numbersA, ...namesA]), onlyB: shownB([...numbersB, ...namesB]) };
  if (numbersB.length)
    return { relation: 'b-fuller', onlyA: shownA([...numbersA, ...namesA]), onlyB: shownB([...numbersB, ...namesB]) };
  if (numbersA.length)
    return { relation: 'a-fuller', onlyA: shownA([...numbersA, ...namesA]), onlyB: shownB([...numbersB, ...namesB]) };
  // A list both readings give, one with an item more ("…Lithuania and Poland" / "…Lithuania, Poland, and
  // Ukraine"): a member one reading lacks, which the reader sees (a name added elsewhere is a rewording).
  const shared = [...fa.names].filter((n) => fb.names.includes(n));
  if (
    !namesA.length &&
    listed(
      b,
      shownB(namesB),
      shared.map((n) => fb.written.get(n) ?? n),
    )
  )
    return { relation: 'conflict', kind: 'list', onlyA: [], onlyB: shownB(namesB) };
  if (
    !namesB.length &&
    listed(
      a,
      shownA(namesA),
      shared.map((n) => fa.written.get(n) ?? n),
    )
  )
    return { relation: 'conflict', kind: 'list', onlyA: shownA(namesA), onlyB: [] };
  // One name put for another in the same words ("in Saratov Oblast" / "in Samara Oblast"): a disagreement.
  if (namesA.length && namesB.length) {
    const swapped = swappedName(a, b, locale);
    // Each reading's name is of its names (every capitalised word of it: "Mieszko I" is "Mieszko" and "I").
    const of = (name: string, names: string[]) =>
      name.split(' ').every((w) => !/^\p{Lu}/u.test(w) || names.includes(fold(w)));
    if (swapped && of(swapped[0], fa.names) && of(swapped[1], fb.names)) {
      const [x, y] = swapped;
      const place = (name: string, places: ReadonlySet<string>) => name.split(' ').some((w) => places.has(fold(w)));
      const kind = place(x, fa.places) || place(y, fb.places) ? 'place' : 'name';
      return { relation: 'conflict', kind, onlyA: [x], onlyB: [y] };
    }
  }
  // Different names, none a spelling of the other: a rewording ("the USSR" / "Moscow").
  return { relation: 'same', onlyA: shownA(namesA), onlyB: shownB(namesB) };
}

/** The words that join a list's last items, in the languages the merge reads. */
const LIST_JOINS = 'and|or|und|oder|et|ou|y|o|e|en|of|og|eller|i|oraz|и|или';

/**
 * Whether every name of `extra` stands in `text` as an item of a list of three or more whose other items are
 * of `shared` (the names both readings have): next to one of them, after a comma or a joining word.
 */
function listed(text: string, extra: string[], shared: string[]): boolean {
  if (!extra.length || shared.length < 2) return false;
  const others = shared.map((n) => escape(n)).join('|');
  const join = String.raw`(?:,\s*(?:(?:${LIST_JOINS})\s+)?|\s+(?:${LIST_JOINS})\s+)`;
  // A list of three or more: two shared items in a row, after a comma ("Finland, Estonia, Latvia …").
  if (!new RegExp(String.raw`(?<!\p{L})(?:${others}),\s*(?:${others})(?!\p{L})`, 'u').test(text)) return false;
  return extra.every((n) => {
    const name = escape(n);
    return new RegExp(
      String.raw`(?<!\p{L})(?:(?:${others})${join}${name}|${name}${join}(?:${others}))(?!\p{L})`,
      'u',
    ).test(text);
  });
}

/** Tokens a stretch of one reading must add to the other's at the same place for its facts to be additions. */
const ADDED_TOKENS = 3;

/**
 * The facts of `facts` (as `a` writes them) that `a` adds to `b` rather than words otherwise: they stand in a
 * stretch of two tokens or more that `b` lacks ("established at Vivupal, near Lipetsk" / "established near
 * Lipetsk"; one capitalised word more extends a name: "Soviet Union" / "Soviet") or one far longer
 * than what `b` has in its place (twice as long and `ADDED_TOKENS` more), not in words put for others ("the
 * Supreme Soviet" / "the Supreme Council", "Germany and Soviet Union" / "German–Soviet").
 */
export function factsAdded(a: string, b: string, facts: readonly string[]): string[] {
  if (!facts.length) return [];
  const words = addedWords(a, b);
  return facts.filter((f) => (f.match(TOKEN) ?? []).some((w) => words.has(fold(w))));
}

/**
 * The words (folded) of the stretches `a` adds to `b` (see `factsAdded`). Remembered per pair, as
 * `compareFacts` is: a warm edit's merge diffs again only the pairs with an edited sentence.
 */
const addedWords: (a: string, b: string) => ReadonlySet<string> = memoize(
  (a, b) => {
    const ta = a.match(/\S+/g) ?? [];
    const tb = b.match(/\S+/g) ?? [];
    const norm = (t: string) => fold(t).replace(/[^\p{L}\p{N}]/gu, '');
    const parts = diffArrays(ta, tb, { comparator: (x, y) => norm(x) === norm(y) });
    const added: string[] = [];
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (!part.removed) continue;
      const next = parts[i + 1];
      const instead = next?.added ? next.value.length : 0;
      const length = part.value.length;
      if ((instead === 0 && length >= 2) || length >= 2 * instead + ADDED_TOKENS) added.push(...part.value);
    }
    return new Set(added.flatMap((t) => t.match(TOKEN) ?? []).map(fold));
  },
  (a, b) => `${textId(a)}\u0000${textId(b)}`,
  20_000,
  { name: 'added-words' },
);
