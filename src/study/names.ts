/**
 * Personal names across transliterations: "Adolf Ioffe" / "Adolph Joffe", "Aleksey" / "Alexey",
 * "Wilhelm Mirbach" / "Wilhelm von Mirbach", "Ulrich Graf von Brockdorff-Rantzau". A name's key folds the
 * spellings that transliteration varies; two names are one person when their surnames fold to the same key
 * and their given names are compatible.
 */
import { distance } from 'fastest-levenshtein';
import { memoize } from '../util/memo.js';
import { nameParts } from '../util/names.js';

export { nameParts, type NameParts } from '../util/names.js';

/** A name pattern: capitalised words, with particles between them. Used to find names in prose. */
export const NAME_WORD = String.raw`\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?\p{Ll}+)*`;
const NAME_PARTICLE = String.raw`(?:von|van|der|den|de|zu|Graf|Freiherr)`;
export const NAME_PATTERN = String.raw`${NAME_WORD}(?:\s+(?:${NAME_PARTICLE}\s+)*${NAME_WORD}){1,3}`;

/** Fold what transliteration varies: diacritics, ph/f, ks/x, j/i/y, w/v, kh/h, doubled letters. */
export const foldSpelling: (word: string) => string = memoize(fold, (word) => word, 100_000, { name: 'spellings' });

function fold(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ph/g, 'f')
    .replace(/ks/g, 'x')
    .replace(/kh/g, 'h')
    .replace(/ck/g, 'k')
    .replace(/[jy]/g, 'i')
    .replace(/w/g, 'v')
    .replace(/(.)\1+/g, '$1')
    .replace(/[^a-z]/g, '');
}

/** A regnal number, I to XXXIX: "William II", "Pius XII" (an "L" or a "C" alone is an initial: "Richard L."). */
export const REGNAL_NUMBER = String.raw`(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})`;
const REGNAL_ALONE = new RegExp(`^${REGNAL_NUMBER}$`);

/**
 * A surname's key: its spelling folded, but a regnal number as written ("William I" and "William II" are two
 * people, though folding doubled letters would make "II" one "I").
 */
function foldSurname(surname: string): string {
  return REGNAL_ALONE.test(surname) ? `#${surname}` : foldSpelling(surname);
}

/** The key under which variants of one person's name meet. */
export function surnameKey(name: string): string {
  return foldSurname(nameParts(name).surname);
}

/** What `samePerson` compares of a name: its first given name and its surname, both folded. */
export interface PersonKey {
  /** The first given name, folded; undefined when the name gives none. */
  given?: string;
  surname: string;
}

export function personKey(name: string): PersonKey {
  const { given, surname } = nameParts(name);
  return { given: given.length ? foldSpelling(given[0]!) : undefined, surname: foldSurname(surname) };
}

/**
 * The same person: folded surnames equal, or spelled close (a letter apart, or a quarter of the letters for
 * a long one: a transliteration, "Potemkin" / "Potyomkin") when both give a given name, and the given names
 * compatible: equal after folding, or close ("Alexey"/"Aleksey"), or one of them not given.
 */
export function samePersonKey(a: PersonKey, b: PersonKey): boolean {
  const [sa, sb] = [a.surname, b.surname];
  if (!sa || !sb) return false;
  if (sa !== sb) {
    if (Math.min(sa.length, sb.length) < 4 || a.given === undefined || b.given === undefined) return false;
    const allowed = Math.max(1, Math.floor(Math.max(sa.length, sb.length) / 4));
    // The edit distance is at least the difference in length: not computed when that is already too far.
    if (Math.abs(sa.length - sb.length) > allowed || distance(sa, sb) > allowed) return false;
  }
  if (a.given === undefined || b.given === undefined) return true;
  return a.given === b.given || distance(a.given, b.given) <= 1;
}

/** `samePersonKey` of two names (see there). */
export function samePerson(a: string, b: string): boolean {
  return samePersonKey(personKey(a), personKey(b));
}

/** Same surname but given names that differ: one person named differently by two sources, or two people. */
export function sameSurname(a: string, b: string): boolean {
  return surnameKey(a) !== '' && surnameKey(a) === surnameKey(b);
}

/** Titles and roles written before names: "General Hans von Seeckt", "Foreign Minister Walther Rathenau". */
export const TITLES = new RegExp(
  // A nation's adjective may stand before a title: "the Roman General Publius Quinctilius Varus".
  String.raw`^(?:\p{Lu}\p{Ll}+(?:an|ese|ish|i)\s+(?=(?:General|Marshal|Admiral|Colonel|Captain|President|Chancellor|` +
    String.raw`Premier|Prime|Foreign|Minister|Commissar|Ambassador|Secretary|Emperor|Senator|Governor)\s))?` +
    String.raw`(?:(?:General|Marshal|Admiral|Colonel|Captain|President|Chancellor|Premier|Prime|Foreign|Deputy|` +
    String.raw`Minister|Commissar|Ambassador|Secretary|State|King|Queen|Emperor|Pope|Count|Prince|Mr|Mrs|Dr|` +
    String.raw`Senator|Governor|Congressman|Congresswoman|Representative|Judge|Justice|Mayor|Bishop|Cardinal|` +
    String.raw`Professor|German|Soviet|British|French|Russian|Polish|Italian|Japanese)\s+)+(?=\p{Lu})`,
  'u',
);

export function stripTitles(name: string): string {
  return name.replace(TITLES, '');
}

const ORDINALS = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth', 'Tenth'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
/** Words that head the name of one kind of body: "German Foreign Ministry" is the "German Foreign Office". */
export const BODY_HEADS: Readonly<Record<string, string>> = {
  ministry: 'ministry',
  office: 'ministry',
  department: 'ministry',
};

/** An event's name written with an ordinal instead of its roman number ("World War II" → "Second World War"). */
export function ordinalName(term: string): string | undefined {
  const m = /^(.+?)\s+([IVX]+)$/.exec(term);
  const n = m ? ROMAN.indexOf(m[2]!) : -1;
  return m && n >= 0 ? `${ORDINALS[n]} ${m[1]}` : undefined;
}

/**
 * The other names the index merges into one entry of `kind` (English usage): an event numbered the other way,
 * a body under another head word of its kind ("Foreign Office" for "Foreign Ministry").
 */
export function equivalentNames(term: string, kind: string): string[] {
  if (kind === 'event') return [ordinalName(term)].filter((n): n is string => !!n);
  const words = term.split(/\s+/);
  const head = BODY_HEADS[words.at(-1)!.toLowerCase()];
  if (kind !== 'organisation' || !head || words.length < 3) return [];
  const heads = Object.keys(BODY_HEADS).filter((h) => BODY_HEADS[h] === head && h !== words.at(-1)!.toLowerCase());
  return heads.map((h) => [...words.slice(0, -1), h.charAt(0).toUpperCase() + h.slice(1)].join(' '));
}
