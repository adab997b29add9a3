/**
 * Clean readings: what the merge does to a paragraph's flat text before it cuts it into sentences, so that
 * an artifact of how a source was rendered never reaches the book or counts as a disagreement between
 * sources. Each rule is a mechanism, not an example:
 * - a dump-era date link pair ("[[September 14]][[1939]]", flattened to "September 141939") gets its
 *   separator back, in the order the language writes dates ("September 14, 1939", "14 September 1939");
 * - inline maintenance tags of wikis ("[citation needed]", "[when?]", "[dubious – discuss]") are dropped;
 * - a full stop glued to the next sentence's capital ("aims.Historian") gets its space back;
 * - brackets left empty where a rendition removed what they held (a template: "7.5 million dollars ().")
 *   are dropped.
 * Citation positions (offsets into the flat text) move with the edits.
 */
import { memoize } from '../util/memo.js';
import { monthIndex } from './dates.js';
import escape from 'escape-string-regexp';

export interface Ref {
  at: number;
  id: string;
}

/** Month names of a language, long and short forms, lower case (from the month table of dates.ts). */
export const monthsOf: (locale: string) => readonly string[] = memoize(
  (locale: string) => [...monthIndex(locale).keys()],
  (locale) => locale,
);

/** "September 141939" → "September 14, 1939"; "14 September1939" → "14 September 1939". */
const gluedDates = memoize(
  (locale: string) => {
    const months = monthsOf(locale)
      .map(escape)
      .sort((a, b) => b.length - a.length)
      .join('|');
    return [
      // Month, day and a four-digit year with nothing between day and year.
      {
        pattern: new RegExp(String.raw`\b(${months}) (\d{1,2})((?:1\d|20)\d\d)\b`, 'giu'),
        replace: (m: RegExpExecArray) => `${m[1]} ${m[2]}, ${m[3]}`,
      },
      // Day, month and year with nothing between month and year.
      {
        pattern: new RegExp(String.raw`\b(\d{1,2}\.? (?:${months}))((?:1\d|20)\d\d)\b`, 'giu'),
        replace: (m: RegExpExecArray) => `${m[1]} ${m[2]}`,
      },
    ];
  },
  (locale) => locale,
);

/**
 * Wiki maintenance tags as they show in rendered text: a short bracketed note that asks for something
 * ("[citation needed]", "[clarification needed]", "[page needed]") or questions the text ("[who?]",
 * "[when?]", "[dubious – discuss]"). Short: a bracket of up to five words ending in "needed" or "?", or
 * naming a dispute.
 */
const MAINTENANCE = /\s?\[(?:[^[\]\d]{1,40}\bneeded|[^[\]\d]{1,30}\?|dubious[^[\]]{0,20}|disputed[^[\]]{0,20})\]/giu;

/** A full stop (or ! ?) glued to the capital that starts the next sentence: "aims.Historian". */
const GLUED_STOP = /(\p{Ll}{2}[.!?])(?=\p{Lu}\p{Ll})/gu;

/** Brackets holding nothing but spaces and separators, after a space ("f()" in code is not one). */
const EMPTY_BRACKETS = /\s\((?:\s|[,;:])*\)/gu;

/** One replacement: where it stands in the new text and where it stood in the old. */
interface Edit {
  newStart: number;
  newLength: number;
  oldStart: number;
  oldLength: number;
}

/** A position of the new text as a position of the old one, given one pass's edits (in order). */
function backOne(edits: readonly Edit[], pos: number): number {
  let delta = 0;
  for (const e of edits) {
    if (pos < e.newStart) break;
    if (pos < e.newStart + e.newLength) return e.oldStart + Math.min(pos - e.newStart, e.oldLength);
    delta = e.oldStart + e.oldLength - (e.newStart + e.newLength);
  }
  return pos + delta;
}

function edit(
  text: string,
  refs: Ref[],
  pattern: RegExp,
  replace: (m: RegExpExecArray) => string,
): { text: string; refs: Ref[]; edits: Edit[] } {
  const edits: Edit[] = [];
  let out = '';
  let last = 0;
  let shifted = refs.map((r) => ({ ...r }));
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const replacement = replace(m);
    const start = m.index;
    const end = start + m[0].length;
    out += text.slice(last, start) + replacement;
    last = end;
    const delta = replacement.length - m[0].length;
    const newStart = out.length - replacement.length;
    edits.push({ newStart, newLength: replacement.length, oldStart: start, oldLength: m[0].length });
    // Offsets in `shifted` are still those of `text` past `start`: move them by what was replaced.
    shifted = shifted.map((r, i) => {
      const original = refs[i]!.at;
      if (original >= end) return { ...r, at: r.at + delta };
      if (original > start) return { ...r, at: newStart + replacement.length };
      return r;
    });
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return { text: out + text.slice(last), refs: shifted, edits };
}

/** A paragraph's text mended, its citations where they now stand, and the way back to its own offsets. */
export interface Cleaned {
  text: string;
  /** Shared with every build that mends the same text: read, never changed. */
  refs: Ref[];
  toOriginal?: (pos: number) => number;
}

/**
 * The paragraph's flat text with its rendering artifacts mended, and its citations where they now stand.
 * Remembered per text (a warm edit mends only its own paragraphs again); the result is shared, not to be
 * changed.
 */
export const cleanFlat: (flat: string, refs: Ref[], locale: string) => Cleaned = memoize(
  cleanedFlat,
  (flat, refs, locale) => `${locale}\u0000${flat}\u0000${refs.map((r) => `${r.at}:${r.id}`).join('\u0001')}`,
  { keyChars: 4_000_000 },
  { name: 'mends' },
);

function cleanedFlat(flat: string, refs: Ref[], locale: string): Cleaned {
  let state = { text: flat, refs };
  const passes: Edit[][] = [];
  const run = (pattern: RegExp, replace: (m: RegExpExecArray) => string) => {
    const next = edit(state.text, state.refs, pattern, replace);
    if (next.edits.length) passes.push(next.edits);
    state = next;
  };
  for (const rule of gluedDates(locale)) run(rule.pattern, rule.replace);
  run(MAINTENANCE, () => '');
  run(GLUED_STOP, (m) => `${m[1]} `);
  run(EMPTY_BRACKETS, () => '');
  if (!passes.length) return state;
  // Offsets into the mended text, back to the text as the source has it (for slicing its phrasing).
  const toOriginal = (pos: number) => passes.reduceRight((p, edits) => backOne(edits, p), pos);
  return { ...state, toOriginal };
}
