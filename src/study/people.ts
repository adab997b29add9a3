/**
 * The people a book names, as a lexicon read from the book itself: a name written after a title or a role
 * ("Foreign Minister Joachim von Ribbentrop", "his Soviet colleague Vyacheslav Molotov", "the Estmark
 * chancellor Mira Voss") or as the one who signed ("signed by Gustav Stresemann"), else what compromise's
 * tagger knows (English given names). A surname alone ("Molotov") is a person when the lexicon holds one
 * full name with it, and stands for that name.
 */
import { englishLexicon, tagger } from '../util/lexicon.js';
import type { Book } from '../model/index.js';
import { baseLanguage } from '../util/language.js';
import { foldSpelling, NAME_WORD, nameParts } from './names.js';
import { blocksOf } from './text.js';
import { stateOf, stateOfDemonym } from './states.js';
import { memoize } from '../util/memo.js';
import { matchesOf } from './per-text.js';

const PARTICLE = String.raw`(?:von|van|der|den|de|zu|Graf|Freiherr)`;
/** One to four capitalised words, with particles between them: "Joachim von Ribbentrop", "Molotov". */
export const PERSON_RUN = String.raw`${NAME_WORD}(?:\s+(?:${PARTICLE}\s+)*${NAME_WORD}){0,3}`;
/** Titles and role nouns that stand right before a person's name. */
const ROLE =
  String.raw`(?:Minister|Commissar|Chancellor|President|General|Secretary|Premier|Marshal|King|Queen|Admiral|` +
  String.raw`Ambassador|Leader|Envoy|ambassador|envoy|chancellor|colleague|leader|deputy|diplomat|minister|` +
  String.raw`commissar|general|president|premier|historian|aide|counterpart|secretary|negotiator)`;
const AFTER_ROLE = new RegExp(String.raw`\b${ROLE}\s+(${PERSON_RUN})`, 'gu');
const SIGNED_BY = new RegExp(
  String.raw`\bsigned\s+by\s+(${NAME_WORD}(?:\s+(?:${PARTICLE}\s+)*${NAME_WORD}){1,3})`,
  'gu',
);

export interface People {
  /** Whether a name (titles stripped) is a person's. */
  isPerson(name: string): boolean;
  /** The full name a surname alone stands for, when the lexicon holds exactly one; else the name itself. */
  fullName(name: string): string;
}

const cache = new WeakMap<Book, People>();

const PLACE_TAGS = new Set(['Country', 'City', 'Place', 'Region', 'Organization']);

/** Not a person: a state, a demonym, or a word compromise's lexicon files as a place or organisation. */
function notPerson(name: string): boolean {
  if (stateOfDemonym(name) || stateOf(name) !== name.replace(/^the\s+/i, '')) return true;
  const tagsOf = (w: string) => [englishLexicon().words[w.toLowerCase()] ?? []].flat();
  return [name, ...name.split(/\s+/)].some((w) => tagsOf(w).some((t) => PLACE_TAGS.has(t)));
}

/** Whether compromise's tagger reads a name as a person's; remembered per name. */
const taggedPerson = memoize(
  (name: string) => tagger()(name).has('#Person') as boolean,
  (name) => name,
  10_000,
);

export function peopleOf(book: Book): People {
  const known = cache.get(book);
  if (known) return known;
  // Full names by folded full name, and the full names each folded surname belongs to (with counts).
  const full = new Map<string, string>();
  const bySurname = new Map<string, Map<string, number>>();
  const note = (name: string) => {
    const parts = nameParts(name);
    if (!parts.surname || notPerson(name)) return;
    if (parts.given.length) full.set(foldSpelling(name), name);
    const s = foldSpelling(parts.surname);
    const names = bySurname.get(s) ?? new Map<string, number>();
    if (parts.given.length) names.set(name, (names.get(name) ?? 0) + 1);
    bySurname.set(s, names);
  };
  for (const ref of blocksOf(book))
    for (const sentence of ref.block.sentences) {
      for (const m of matchesOf(AFTER_ROLE, sentence)) note(m[1]!);
      for (const m of matchesOf(SIGNED_BY, sentence)) note(m[1]!);
    }
  const english = baseLanguage(book.meta.language) === 'en';
  const people: People = {
    isPerson(name) {
      const parts = nameParts(name);
      if (!parts.surname || notPerson(name)) return false;
      if (full.has(foldSpelling(name))) return true;
      if (!parts.given.length && bySurname.has(foldSpelling(parts.surname))) return true;
      return english && taggedPerson(name);
    },
    fullName(name) {
      const parts = nameParts(name);
      if (parts.given.length) return name;
      const names = [...(bySurname.get(foldSpelling(parts.surname)) ?? new Map<string, number>()).entries()];
      // One person under several spellings ("Joachim Ribbentrop", "Joachim von Ribbentrop"): the longest.
      const given = new Set(names.map(([n]) => foldSpelling(nameParts(n).given.join(' '))));
      if (given.size !== 1) return name;
      return names.sort((a, b) => b[0].length - a[0].length || b[1] - a[1])[0]![0];
    },
  };
  cache.set(book, people);
  return people;
}
