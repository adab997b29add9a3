/**
 * Instruments the text dates but does not name: "On October 12, 1925, a commercial agreement between the two
 * nations was concluded", "Britain signed a mutual-assistance treaty with Poland that day", "The Baltic states
 * … signed mutual assistance treaties on September 28, October 5, and October 10, 1939, respectively".
 *
 * An instrument counts only when the sentence tells it concluded (a signing verb, not "would sign"), calls it
 * by a kind ("treaty", "pact", "agreement") with a word of what it is about ("commercial", "non-aggression",
 * "mutual assistance"), indefinitely (a definite "the pact" speaks of one already named), gives a date, and
 * names at least two parties that are states (an agreement with a company is no treaty). It is not one the
 * text names elsewhere: a named instrument of its kind and year is that one ("an intricate trade pact on
 * February 11, 1940" is "the 1940 German–Soviet Commercial Agreement").
 * Plural instruments with "respectively" are one per date, each with the state at its place in the list of
 * states the paragraph gave before ("Estonia, Latvia and Lithuania"). "The two countries" are the two states
 * the book's title names, else the two last named before.
 * English usage: another language's text gives no unnamed instruments here.
 */
import type { Book, Treaty } from '../model/index.js';
import { slugify } from '../util/slug.js';
import { blocksOf } from './text.js';
import { datesOfSentence, type BookDate, type BookDates } from './dates.js';
import { isState, stateOf, stateOfDemonym } from './states.js';
import { INSTRUMENT_TOPICS } from './treaty-words.js';
import { opening } from './discourse.js';

const ABOUT = INSTRUMENT_TOPICS;
const ABOUT_WORDS = Object.keys(ABOUT)
  .sort((a, b) => b.length - a.length)
  .join('|');
/** "a commercial agreement", "an additional credit agreement", "mutual assistance treaties" (a bare plural). */
const INSTRUMENT = new RegExp(
  String.raw`(?:\b(an?)\s+|(?<!\b(?:the|this|that|these|those|its|their)\s+)\b)` +
    String.raw`((?:(?!an?\s)[\p{Ll}-]+\s+){0,2}?)(${ABOUT_WORDS})\s+` +
    String.raw`(treaty|treaties|pact|pacts|agreement|agreements)\b`,
  'gu',
);
const SIGNED = /\b(?:signed|concluded|signing\s+of|conclusion\s+of)\b/;
/** A signing the clause tells as not done: "would sign", "never concluded", "to prevent the signing of". */
const UNDONE = new RegExp(
  String.raw`\b(?:(?:would|could|might|should|will|shall|to|not|never)\s+(?:have\s+|be\s+)?(?:sign|conclud)\w*|` +
    String.raw`about\s+to|hinder\w*|prevent\w*|avoid\w*|propos\w+|offer\w*|seek\w*|attempt\w*|failed)\b`,
);
const STATE_RUN = /\p{Lu}[\p{L}’']+(?:\s+\p{Lu}[\p{L}]+)?/gu;

/** States a text names, in order, each once ("the USSR" → Soviet Union, "Soviet demands" → Soviet Union). */
function statesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(STATE_RUN)) {
    const whole = stateOf(m[0]);
    const states = isState(whole)
      ? [whole]
      : m[0].split(/\s+/).flatMap((w) => stateOfDemonym(w) ?? (isState(stateOf(w)) ? [stateOf(w)] : []));
    for (const state of states) if (!out.includes(state)) out.push(state);
  }
  return out;
}

/** The last list of states ("Estonia, Latvia and Lithuania") in a text, in its order. */
function lastListOf(text: string): string[] {
  const lists = [
    ...text.matchAll(/(?:\p{Lu}[\p{L}]+(?:\s\p{Lu}[\p{L}]+)?,\s+)+\p{Lu}[\p{L}]+(?:,)?\s+and\s+\p{Lu}[\p{L}]+/gu),
  ];
  for (const l of lists.reverse()) {
    const names = l[0].split(/,\s+(?:and\s+)?|\s+and\s+/).map((n) => stateOf(n.trim()));
    if (names.every(isState)) return names;
  }
  return [];
}

/** The parties a sentence gives an instrument (see the module's comment); `before` is its paragraph so far. */
function partiesOf(sentence: string, at: number, before: string, title: string[]): string[] {
  const after = sentence.slice(at);
  const between =
    /\bbetween\s+(?:the\s+)?([^;.()]+?)(?=\s+(?:on|in|was|were|which|that)\b|[;.]|,\s+(?!(?:and\s+)?\p{Lu})|$)/u.exec(
      after,
    );
  if (between && !/^(?:the\s+)?two\b/.test(between[1]!)) return statesIn(between[1]!);
  if (/\b(?:the|both)\s+two\s+(?:countries|nations|states|governments|sides)\b/i.test(sentence))
    return title.length === 2 ? title : statesIn(before).slice(-2);
  const subject = statesIn(sentence.slice(0, at));
  const with_ = /^[^,;.]*?\bwith\s+(?:the\s+)?([^,;.]+)/u.exec(after);
  return [...new Set([...subject, ...(with_ ? statesIn(with_[1]!) : [])])];
}

/** The dates a sentence gives its instrument: its own, else "that day" is the day the sentence before gave. */
function datesOf(sentence: string, dates: BookDate[], previous: BookDate[]): BookDate[] {
  const own = dates.filter(
    (d) => !d.uncertain && !/\b(?:planned|scheduled|until|by)\s+$/.test(sentence.slice(0, d.index)),
  );
  if (own.length) return own;
  if (/\b(?:that|the\s+same)\s+day\b/.test(sentence)) return previous.filter((d) => d.precision === 'day').slice(-1);
  return [];
}

const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** An instrument the named ones already are: of the same kind and year. */
function known(named: Treaty[], about: string, year: string): boolean {
  return named.some(
    (t) =>
      (t.date ?? '').startsWith(year) &&
      Object.entries(ABOUT).some(([w, k]) => k === about && t.name.toLowerCase().includes(w)),
  );
}

interface Context {
  title: string[];
  named: Treaty[];
  out: Treaty[];
}

function instrumentsIn(
  sentence: string,
  block: string,
  dates: { own: BookDate[]; previous: BookDate[] },
  before: string,
  ctx: Context,
): void {
  if (!SIGNED.test(sentence)) return;
  for (const m of sentence.matchAll(INSTRUMENT)) {
    const plural = /s$/.test(m[4]!);
    if (!m[1] && !plural) continue;
    const clause = sentence.slice(
      Math.max(0, sentence.lastIndexOf(';', m.index)),
      sentence.indexOf(';', m.index) >>> 0,
    );
    if (UNDONE.test(clause) || !SIGNED.test(clause)) continue;
    const about = ABOUT[m[3]!.toLowerCase()]!;
    const when = datesOf(sentence, dates.own, dates.previous);
    const parties = partiesOf(sentence, m.index, before, ctx.title);
    const each = plural && /\brespectively\b/.test(sentence) ? lastListOf(before) : [];
    const split = each.length > 1 && each.length === when.length;
    const rows = split
      ? when.map((d, i) => ({ date: d.date, parties: [...parties.filter((p) => !each.includes(p)), each[i]!] }))
      : when.slice(0, plural ? 0 : 1).map((d) => ({ date: d.date, parties }));
    for (const row of rows) {
      if (row.parties.length < 2 || known(ctx.named, about, row.date.slice(0, 4))) continue;
      const kind = m[4]!.replace(/ies$/, 'y').replace(/s$/, '');
      const name = `${capital(about)} ${kind} (${row.parties.join('–')}, ${row.date.slice(0, 4)})`;
      if (ctx.out.some((t) => t.name === name)) continue;
      ctx.out.push({
        id: `treaty-${slugify(name)}`,
        name,
        aliases: [],
        date: row.date,
        status: 'signed',
        history: [{ status: 'signed', date: row.date, block }],
        parties: row.parties,
        signatories: [],
        // "However, Hitler was surprised when …": without the connective that joins it to the sentence before.
        description: opening(sentence.trim(), 'en').rest,
        protocols: [],
        mentions: [block],
      });
    }
  }
}

/** The unnamed instruments of an English book (see the module's comment), beside the `named` ones. */
export function unnamedTreaties(book: Book, dates: BookDates, named: Treaty[]): Treaty[] {
  const ctx: Context = { title: statesIn(book.meta.title ?? ''), named, out: [] };
  for (const ref of blocksOf(book)) {
    let previous: BookDate[] = [];
    ref.block.sentences.forEach((sentence, si) => {
      const own = datesOfSentence(dates, ref.block.id, si);
      const before = ref.block.sentences.slice(0, si).join(' ');
      instrumentsIn(sentence, ref.block.id, { own, previous }, before, ctx);
      previous = own;
    });
  }
  return ctx.out;
}
