/**
 * Per-text work of the study aids' whole-book passes, remembered per text (util/memo.ts): the index, the
 * role lines and the treaties scan every block or sentence on each build, and in a watch session an edit
 * changes one block; the other blocks' results are looked up. Shared: callers never change what they get.
 */
import { memoize } from '../util/memo.js';

/** The distinct words (runs of letters) of a text, in the order they first stand there. */
export const wordsOfText: (text: string) => readonly string[] = memoize(
  (text: string) => [...new Set(text.match(/\p{L}+/gu))],
  (text) => text,
  { keyChars: 4_000_000 },
  { name: 'text-words' },
);

const matchTables = new Map<string, (text: string) => readonly RegExpExecArray[]>();

/**
 * `text.matchAll(pattern)` as an array, remembered per text and pattern (its source and flags: the same
 * matches). For a pattern a module makes once (a table is kept per pattern), with the `g` flag.
 */
export function matchesOf(pattern: RegExp, text: string): readonly RegExpExecArray[] {
  const id = `${pattern.flags}/${pattern.source}`;
  let table = matchTables.get(id);
  if (!table) {
    table = memoize(
      (t: string) => [...t.matchAll(pattern)],
      (t) => t,
      { keyChars: 4_000_000 },
      { name: 'matches' },
    );
    matchTables.set(id, table);
  }
  return table(text);
}
