/** A person's role in one line, in the text's own words: the apposition or the title it gives them. */
import { nameParts } from '../util/names.js';
import { memoize } from '../util/memo.js';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The two patterns that find a person's role, made once per name. */
const rolePatterns = memoize(
  (name: string) => ({
    apposition: new RegExp(
      String.raw`${esc(name)},\s+((?:the|a|an|chief|head|leader|minister|commissar|secretary|ambassador|president|` +
        String.raw`chancellor|general|historian|agent|envoy|representative|member|founder|director|commander)\b` +
        String.raw`[^,;.()]{3,70}?)[,;.)]`,
      'iu',
    ),
    title: new RegExp(
      String.raw`((?:\p{Lu}[\p{L}'’]+\s+){0,4}(?:Minister|Commissar|[Aa]mbassador|Chancellor|President|General|` +
        String.raw`Secretary|[Ll]eader|Premier|[Hh]istorian|[Aa]gent|[Rr]epresentative|Marshal|King|Admiral)` +
        String.raw`(?:\s+(?:of|for)(?:\s+\p{Lu}[\p{L}'’]+)+)?)\s+${esc(name)}\b`,
      'u',
    ),
  }),
  (name) => name,
  5_000,
);

/**
 * What one text says of people, remembered per text: per name, the apposition, the title and the line
 * describing them that this text alone gives ('' when none). A person's description is the first of these
 * over the book's texts in order, so a warm edit searches only the edited texts again.
 */
const textTable = memoize(
  (_text: string) => new Map<string, string>(),
  (text) => text,
  { keyChars: 4_000_000 },
  { name: 'role-texts' },
);

function inText(text: string, what: 'a' | 't' | 's', name: string, find: () => string): string {
  const table = textTable(text);
  const key = `${what}\u0000${name}`;
  let found = table.get(key);
  if (found === undefined) table.set(key, (found = find()));
  return found;
}

/** The apposition after `name` in `text` ("Hans von Seeckt, chief of the Reichswehr"), or ''. */
function appositionIn(name: string, text: string): string {
  return inText(text, 'a', name, () => {
    const a = rolePatterns(name).apposition.exec(text);
    return a && !/^(?:who|which|and|but)\b/.test(a[1]!) ? a[1]!.trim() : '';
  });
}

/** The title before `name` in `text` ("German Foreign Minister Walther Rathenau"), or ''. */
function titleIn(name: string, text: string): string {
  // The pattern holds the name as written: a text without it is not searched (the search costs more).
  if (!text.includes(name)) return '';
  return inText(text, 't', name, () => rolePatterns(name).title.exec(text)?.[1]!.trim() ?? '');
}

/**
 * "Hans von Seeckt, chief of the Reichswehr" → "chief of the Reichswehr";
 * "German Foreign Minister Walther Rathenau" → "German Foreign Minister".
 */
export function roleOf(name: string, texts: string[]): string {
  const surname = nameParts(name).surname;
  if (!surname) return '';
  for (const text of texts) {
    const a = appositionIn(name, text);
    if (a) return a;
  }
  for (const text of texts) {
    const t = titleIn(name, text);
    if (t) return t;
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
  for (const text of texts) {
    if (!text.includes(surname)) continue;
    const line = inText(text, 's', surname, () => lineIn(surname, text));
    if (line) return line;
  }
  return '';
}

/**
 * The first sentence of `text` naming `surname` that fits a line, or the part of one up to a comma past the
 * name when a verb follows the name there; '' when none.
 */
function lineIn(surname: string, text: string): string {
  const pattern = new RegExp(`(?<![\\p{L}'’-])${esc(surname)}(?![\\p{L}'’-])`, 'u');
  for (const sentence of text.split(/(?<=[.!?])\s+(?=\p{Lu})/u)) {
    const at = sentence.search(pattern);
    if (at < 0) continue;
    if (sentence.length <= LINE) return sentence.trim();
    // The sentence up to a comma or semicolon past the name, when a verb follows the name there.
    const cuts = [...sentence.matchAll(/[,;]\s/g)].map((c) => c.index!).filter((c) => c > at && c <= LINE);
    const head = cuts.length ? sentence.slice(0, cuts.at(-1)) : '';
    if (head && /\b(?:was|were|had|has|is|\p{Ll}+ed)\b/u.test(head.slice(at))) return `${head.trim()}.`;
  }
  return '';
}

/** One printed line of a glossary entry, roughly (a figure the print pages bear out). */
const LINE = 130;
