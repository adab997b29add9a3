/** A person's role in one line, in the text's own words: the apposition or the title it gives them. */
import { nameAt, nameParts } from '../util/names.js';
import escape from 'escape-string-regexp';
import { wordsOfText } from './per-text.js';
import { memoize } from '../util/memo.js';
import { splitSentences } from '../merge/sentences.js';

/** Per list of texts, which texts hold each word (runs of letters): a name is looked for only where it is. */
const wordIndexes = new WeakMap<readonly string[], Map<string, number[]>>();

/** The texts that hold the last word of `words` as a word of their own, in order. */
function textsWith(words: string, texts: readonly string[]): string[] {
  let index = wordIndexes.get(texts);
  if (!index) {
    index = new Map();
    for (const [i, text] of texts.entries())
      for (const word of wordsOfText(text)) {
        const list = index.get(word);
        if (list) list.push(i);
        else index.set(word, [i]);
      }
    wordIndexes.set(texts, index);
  }
  const key = words.match(/\p{L}+/gu)?.at(-1);
  return key ? (index.get(key) ?? []).map((i) => texts[i]!) : [];
}

/*
 * The patterns are compiled once, not per name: a pattern of Unicode classes costs a millisecond or more to
 * compile (most of the index's time, when it was built for each person). Where the name stood in them, the
 * name's occurrences are found as plain text and the pattern is matched at or before each, in order — the
 * same first match as one pattern over the whole text (tests/study/roles.test.ts compares the two).
 */

/** What follows a name in an apposition: ", chief of the Reichswehr," (matched where the name ends). */
const APPOSITION = new RegExp(
  String.raw`,\s+((?:the|a|an|chief|head|leader|minister|commissar|secretary|ambassador|president|` +
    String.raw`chancellor|general|historian|agent|envoy|representative|member|founder|director|commander)\b` +
    String.raw`[^,;.()]{3,70}?)[,;.)]`,
  'iuy',
);
/** A title before a name ("German Foreign Minister"); `NAME` stands for the name. */
const TITLE_SOURCE =
  String.raw`((?:\p{Lu}[\p{L}'’]+\s+){0,4}(?:Minister|Commissar|[Aa]mbassador|Chancellor|President|General|` +
  String.raw`Secretary|[Ll]eader|Premier|[Hh]istorian|[Aa]gent|[Rr]epresentative|Marshal|King|Admiral)` +
  String.raw`(?:\s+(?:of|for)(?:\s+\p{Lu}[\p{L}'’]+)+)?)\s+NAME`;
/** The title pattern matched in the stretch before one occurrence of the name, which `\0` stands for. */
const TITLE = new RegExp(
  TITLE_SOURCE.replace('NAME', () => '\\0'),
  'u',
);
/** What a title and the words before it are made of: the stretch before a name a title can take. */
const TITLE_CHAR = /^[\p{L}'’\s]$/u;
const WORD_EDGE = /\b/y;

/** The apposition after the first occurrence of `name` (in any case) that has one. */
function appositionOf(name: string, text: string): string | undefined {
  const occurrence = new RegExp(escape(name), 'giu');
  for (let m = occurrence.exec(text); m; m = occurrence.exec(text)) {
    APPOSITION.lastIndex = m.index + m[0].length;
    const a = APPOSITION.exec(text);
    if (a) return a[1]!;
    occurrence.lastIndex = m.index + (text.codePointAt(m.index)! > 0xffff ? 2 : 1);
  }
  return undefined;
}

/** Where the stretch of letters, apostrophes and spaces that ends at `end` starts. */
function stretchStart(text: string, end: number): number {
  let i = end;
  while (i > 0) {
    const pair = i >= 2 && /[\uDC00-\uDFFF]/.test(text[i - 1]!) && /[\uD800-\uDBFF]/.test(text[i - 2]!);
    const char = text.slice(pair ? i - 2 : i - 1, i);
    if (!TITLE_CHAR.test(char)) break;
    i -= char.length;
  }
  return i;
}

/** The title before the first occurrence of `name` (as written) that has one. */
function titleOf(name: string, text: string): string | undefined {
  const found: { at: number; start: number }[] = [];
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const start = stretchStart(text, at);
    // The stretch before an occurrence runs back over an earlier one: a title there could reach either, and
    // the whole pattern decides which, as it always did ("Minister Karl Minister Karl").
    const previous = found.at(-1);
    if (previous && start < previous.at + name.length) {
      const whole = new RegExp(
        TITLE_SOURCE.replace('NAME', () => `${escape(name)}\\b`),
        'u',
      );
      return whole.exec(text)?.[1];
    }
    found.push({ at, start });
  }
  for (const { at, start } of found) {
    WORD_EDGE.lastIndex = at + name.length;
    if (!WORD_EDGE.test(text)) continue;
    const t = TITLE.exec(`${text.slice(start, at)}\0`);
    if (t) return t[1]!;
  }
  return undefined;
}

export /**
 * "Hans von Seeckt, chief of the Reichswehr" → "chief of the Reichswehr";
 * "German Foreign Minister Walther Rathenau" → "German Foreign Minister".
 */
function roleOf(name: string, all: string[]): string {
  const surname = nameParts(name).surname;
  return surname ? roleIn(name, textsWith(surname, all)) : '';
}

/** `roleOf` over the texts that hold the surname (in order). */
function roleIn(name: string, holding: readonly string[]): string {
  // Only texts with the name as written are searched.
  const texts = holding.filter((text) => text.includes(name));
  if (!texts.length) return '';
  for (const text of texts) {
    const a = appositionOf(name, text);
    if (a !== undefined && !/^(?:who|which|and|but)\b/.test(a)) return a.trim();
  }
  for (const text of texts) {
    const t = titleOf(name, text);
    if (t !== undefined) return t.trim();
  }
  return '';
}

/**
 * What the text tells of a person, in one line: the apposition or title, when it says more than `known`
 * (an ambassador's post), else the first sentence naming them that fits a line (the text's own words, never
 * cut), else the part of it up to a comma, when that part says what they did.
 */
export function describePerson(name: string, texts: string[], known = '', locale = 'en'): string {
  const surname = nameParts(name).surname;
  if (!surname) return '';
  return described(name, known, textsWith(surname, texts), locale);
}

/** A number per text (the same while the text is remembered): a short key for a list of texts. */
let serial = 0;
const textId = memoize(
  (_text: string) => String(++serial),
  (text) => text,
  { keyChars: 8_000_000 },
);

/**
 * `describePerson` over the texts that hold the surname: a pure function of the name, what is known and those
 * texts, remembered by them — a warm edit describes again only the people its edited text names.
 */
const described = memoize(
  (name: string, known: string, holding: readonly string[], locale: string): string =>
    describeIn(name, known, holding, locale),
  (name, known, holding, locale) => [name, known, locale, ...holding.map(textId)].join('\u0000'),
  { keyChars: 4_000_000 },
  { name: 'person-descriptions' },
);

function describeIn(name: string, known: string, holding: readonly string[], locale: string): string {
  const role = roleIn(name, holding);
  const same = (a: string, b: string) => a.toLowerCase().replace(/\s+to\s+\S+$/, '') === b.toLowerCase();
  if (role && !(known && (same(known, role) || known.toLowerCase().startsWith(role.toLowerCase())))) return role;
  const surname = nameParts(name).surname;
  for (const text of holding) {
    if (!text.includes(surname)) continue;
    // The merge's splitter: "Alan S. Milward and W. Medicott show …" is one sentence, not three.
    for (const { text: sentence } of splitSentences([{ type: 'text', value: text }], locale)) {
      const at = nameAt(sentence, surname);
      if (at < 0) continue;
      if (sentence.length <= LINE) return sentence.trim();
      // The sentence up to a comma or semicolon past the name, when a verb follows the name there.
      const cuts = [...sentence.matchAll(/[,;]\s/g)].map((c) => c.index!).filter((c) => c > at && c <= LINE);
      const head = cuts.length ? sentence.slice(0, cuts.at(-1)) : '';
      if (head && /\b(?:was|were|had|has|is|\p{Ll}+ed)\b/u.test(head.slice(at))) return `${head.trim()}.`;
    }
  }
  return '';
}
/** One printed line of a glossary entry, roughly (a figure the print pages bear out). */
const LINE = 130;
