/** A person's role in one line, in the text's own words: the apposition or the title it gives them. */
import { nameParts } from '../util/names.js';
import escape from 'escape-string-regexp';

/** Per list of texts, which texts hold each word (runs of letters): a name is looked for only where it is. */
const wordIndexes = new WeakMap<readonly string[], Map<string, number[]>>();

/** The texts that hold the last word of `words` as a word of their own, in order. */
function textsWith(words: string, texts: readonly string[]): string[] {
  let index = wordIndexes.get(texts);
  if (!index) {
    index = new Map();
    for (const [i, text] of texts.entries())
      for (const word of new Set(text.match(/\p{L}+/gu) ?? [])) {
        const list = index.get(word);
        if (list) list.push(i);
        else index.set(word, [i]);
      }
    wordIndexes.set(texts, index);
  }
  const key = words.match(/\p{L}+/gu)?.at(-1);
  return key ? (index.get(key) ?? []).map((i) => texts[i]!) : [];
}

export /**
 * "Hans von Seeckt, chief of the Reichswehr" → "chief of the Reichswehr";
 * "German Foreign Minister Walther Rathenau" → "German Foreign Minister".
 */
function roleOf(name: string, all: string[]): string {
  const surname = nameParts(name).surname;
  if (!surname) return '';
  // The patterns hold the name as written: only texts with it are searched, and none are built without one.
  const texts = textsWith(surname, all).filter((text) => text.includes(name));
  if (!texts.length) return '';
  const apposition = new RegExp(
    String.raw`${escape(name)},\s+((?:the|a|an|chief|head|leader|minister|commissar|secretary|ambassador|president|` +
      String.raw`chancellor|general|historian|agent|envoy|representative|member|founder|director|commander)\b` +
      String.raw`[^,;.()]{3,70}?)[,;.)]`,
    'iu',
  );
  const title = new RegExp(
    String.raw`((?:\p{Lu}[\p{L}'’]+\s+){0,4}(?:Minister|Commissar|[Aa]mbassador|Chancellor|President|General|` +
      String.raw`Secretary|[Ll]eader|Premier|[Hh]istorian|[Aa]gent|[Rr]epresentative|Marshal|King|Admiral)` +
      String.raw`(?:\s+(?:of|for)(?:\s+\p{Lu}[\p{L}'’]+)+)?)\s+${escape(name)}\b`,
    'u',
  );
  for (const text of texts) {
    const a = apposition.exec(text);
    if (a && !/^(?:who|which|and|but)\b/.test(a[1]!)) return a[1]!.trim();
  }
  for (const text of texts) {
    const t = title.exec(text);
    if (t) return t[1]!.trim();
  }
  return '';
}

/**
 * What the text tells of a person, in one line: the apposition or title, when it says more than `known`
 * (an ambassador's post), else the first sentence naming them that fits a line (the text's own words, never
 * cut), else the part of it up to a comma, when that part says what they did.
 */
export function describePerson(name: string, texts: string[], known = ''): string {
  const role = roleOf(name, texts);
  const same = (a: string, b: string) => a.toLowerCase().replace(/\s+to\s+\S+$/, '') === b.toLowerCase();
  if (role && !(known && (same(known, role) || known.toLowerCase().startsWith(role.toLowerCase())))) return role;
  const surname = nameParts(name).surname;
  if (!surname) return '';
  const candidates = textsWith(surname, texts);
  const pattern = new RegExp(`(?<![\\p{L}'’-])${escape(surname)}(?![\\p{L}'’-])`, 'u');
  for (const text of candidates) {
    if (!text.includes(surname)) continue;
    for (const sentence of text.split(/(?<=[.!?])\s+(?=\p{Lu})/u)) {
      const at = sentence.search(pattern);
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
