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

/** The key under which variants of one person's name meet. */
export function surnameKey(name: string): string {
  return foldSpelling(nameParts(name).surname);
}

/** True when two given names can be one person's: equal after folding, or close ("Alexey"/"Aleksey"). */
function givenCompatible(a: string[], b: string[]): boolean {
  if (!a.length || !b.length) return true;
  const x = foldSpelling(a[0]!);
  const y = foldSpelling(b[0]!);
  return x === y || distance(x, y) <= 1;
}

/**
 * The same person: folded surnames equal, or spelled close (a letter apart, or a quarter of the letters for
 * a long one: a transliteration, "Potemkin" / "Potyomkin") when both give a given name, and the given names
 * compatible.
 */
export function samePerson(a: string, b: string): boolean {
  const pa = nameParts(a);
  const pb = nameParts(b);
  const sa = foldSpelling(pa.surname);
  const sb = foldSpelling(pb.surname);
  if (!sa || !sb) return false;
  if (
    sa !== sb &&
    !(
      Math.min(sa.length, sb.length) >= 4 &&
      distance(sa, sb) <= Math.max(1, Math.floor(Math.max(sa.length, sb.length) / 4)) &&
      pa.given.length > 0 &&
      pb.given.length > 0
    )
  )
    return false;
  return givenCompatible(pa.given, pb.given);
}

/** Same surname but given names that differ: one person named differently by two sources, or two people. */
export function sameSurname(a: string, b: string): boolean {
  return surnameKey(a) !== '' && surnameKey(a) === surnameKey(b);
}

/** Titles and roles written before names: "General Hans von Seeckt", "Foreign Minister Walther Rathenau". */
export const TITLES = new RegExp(
  String.raw`^(?:(?:General|Marshal|Admiral|Colonel|Captain|President|Chancellor|Premier|Prime|Foreign|Deputy|` +
    String.raw`Minister|Commissar|Ambassador|Secretary|State|King|Queen|Emperor|Pope|Count|Prince|Mr|Mrs|Dr|` +
    String.raw`Senator|Governor|Congressman|Congresswoman|Representative|Judge|Justice|Mayor|Bishop|Cardinal|` +
    String.raw`Professor|German|Soviet|British|French|Russian|Polish|Italian|Japanese)\s+)+(?=\p{Lu})`,
  'u',
);

export function stripTitles(name: string): string {
  return name.replace(TITLES, '');
}
