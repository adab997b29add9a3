/**
 * Acronyms and the names they stand for, so that two readings of one statement that name a party once as
 * "the KPD" and once as "the Communist Party of Germany" are compared as saying the same.
 *
 * An acronym is a word of two to six capitals. It stands for a name (a run of capitalised words, small
 * joining words allowed between them: "Union of Soviet Socialist Republics") when a source defines it
 * ("Communist Party of Germany (KPD)", "NATO (North Atlantic Treaty Organization)"), or when its letters
 * are the initials of the name's words, first letter first ("SPD" / "Social Democratic Party of Germany"):
 * a mechanism, not a list, so it works for any text in a language that capitalises names.
 */
import { contentWords } from './sentences.js';
import { memoize } from '../util/memo.js';

const ACRONYM = /^\p{Lu}{2,6}$/u;
/**
 * A run of capitalised words, with at most one short lower-case word between two of them (nine words at
 * most, each starting a word and at most 40 letters long, so that matching stays linear on any text).
 */
const WORD = String.raw`(?<![\p{L}\p{M}'’-])\p{Lu}[\p{L}\p{M}'’-]{0,40}`;
const NAME = new RegExp(String.raw`${WORD}(?:\s+(?:\p{Ll}{1,3}\s+)?${WORD}){1,8}`, 'gu');
const DEFINED = new RegExp(String.raw`(${NAME.source})\s*\((\p{Lu}{2,6})\)`, 'gu');
const DEFINING = new RegExp(String.raw`(?<![\p{L}\p{M}])(\p{Lu}{2,6})\s*\((${NAME.source})\)`, 'gu');

/** The acronyms the texts define, each with the name it stands for (the first definition wins). */
export function acronymDefinitions(texts: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  const add = ([acronym, name]: readonly [string, string]) => {
    if (!out.has(acronym)) out.set(acronym, name.replace(/\s+/g, ' '));
  };
  for (const text of texts) {
    // A text's definitions "Name (ACR)" first, then its "ACR (Name)", each in the order of the text.
    const found = text.split(PIECE).map(definitionsIn);
    for (const f of found) f.defined.forEach(add);
    for (const f of found) f.defining.forEach(add);
  }
  return out;
}

/**
 * Where a text is cut into pieces that no definition spans: after a full stop, question or exclamation mark
 * or semicolon (a definition is made of letters, spaces, apostrophes, hyphens and brackets only), so each
 * piece finds what the whole text finds there. The pieces are remembered: an edit searches its own again.
 */
const PIECE = /(?<=[.!?;])/;

interface Definitions {
  defined: readonly (readonly [string, string])[];
  defining: readonly (readonly [string, string])[];
}
const NONE: Definitions = { defined: [], defining: [] };

function definitionsIn(piece: string): Definitions {
  // Both forms hold a bracket: a piece without one defines nothing.
  return piece.includes('(') ? rememberedDefinitions(piece) : NONE;
}

const rememberedDefinitions = memoize(
  (piece: string): Definitions => ({
    defined: [...piece.matchAll(DEFINED)].map((m) => [m[2]!, m[1]!] as const),
    defining: [...piece.matchAll(DEFINING)].map((m) => [m[1]!, m[2]!] as const),
  }),
  (piece) => piece,
  { keyChars: 2_000_000 },
  { name: 'acronyms', persist: true },
);

/** Whether `acronym`'s letters are initials of `name`'s capitalised words, the first the first. */
export function initialsOf(acronym: string, name: string): boolean {
  const initials = (name.match(/\p{Lu}[\p{L}\p{M}'’-]*/gu) ?? []).map((w) => w[0]!);
  if (initials[0] !== acronym[0] || initials.length > acronym.length + 1 || initials.length < acronym.length)
    return false;
  const left = [...initials];
  for (const letter of acronym) {
    const at = left.indexOf(letter);
    if (at < 0) return false;
    left.splice(at, 1);
  }
  return true;
}

/**
 * The content words of `text` for comparison with `other`: each acronym that stands for a name (defined,
 * or matching the initials of a name `other` writes out) counts as that name's words.
 */
export function wordsSpelledOut(text: string, other: string, defined: ReadonlyMap<string, string>): Set<string> {
  const names = other.match(NAME) ?? [];
  const spelled = text.replace(/[\p{L}\p{N}]+/gu, (token) => {
    if (!ACRONYM.test(token)) return token;
    return defined.get(token) ?? names.find((n) => initialsOf(token, n)) ?? token;
  });
  return new Set(contentWords(spelled));
}
