/**
 * The timeline of events: every date of the book that marks an event (study/dates.ts gives each its year,
 * from the text or the narrative), each with a label of a few words — the clause that carries the date,
 * without the date — and a link to the block that tells it. Two sentences or two sources telling one event
 * (same date, overlapping words) are one event with every block that tells it. Incidental years (a book's
 * year, "the 1932 pact", a year in brackets, list lines such as "Adolf Ioffe (1918)") are not events.
 */
import nlp from 'compromise';
import type { Book, TimelineEvent } from '../model/index.js';
import { blocksOf } from './text.js';
import { bookDates, isoOf, rawDatesIn, type BookDate } from './dates.js';

export interface DateMention {
  /** ISO start by precision. */
  date: string;
  precision: TimelineEvent['precision'];
  end?: string;
  label: string;
  /** Offset of the date in its sentence. */
  index: number;
}

/**
 * Every date in one sentence on its own. A day or month without a year takes `lastYear`, else a year the
 * sentence writes; without either it is left out. (The book's dates take their years from the narrative:
 * `bookDates`.)
 */
export function datesIn(sentence: string, lastYear?: number, language?: string): DateMention[] {
  const raws = rawDatesIn(sentence, language);
  const own = raws.find((r) => r.start.year !== undefined && r.precision !== 'year')?.start.year;
  const fallback = lastYear ?? own ?? raws.find((r) => r.start.year !== undefined)?.start.year;
  const out: DateMention[] = [];
  for (const r of raws) {
    const year = r.start.year ?? fallback;
    if (year === undefined) continue;
    const end = r.end ? isoOf(r.end, r.end.year ?? year) : undefined;
    out.push({ date: isoOf(r.start, year), precision: r.precision, end, label: r.label, index: r.index });
  }
  return out;
}

/** Words that open a clause without saying anything of the event. */
const CONNECTIVES = new RegExp(
  String.raw`^(?:(?:however|then|thus|therefore|finally|also|and|but|so|yet|meanwhile|subsequently|moreover|` +
    String.raw`furthermore|already|respectively|later|soon|when|while|as|after|before|since|until)\b[\s,]*)+`,
  'i',
);
/** Prepositions and articles a date phrase leaves behind ("On …", "in early …", "by the end of …"). */
const DATE_LEFTOVER = new RegExp(
  String.raw`(?:\b(?:on|in|by|from|at|since|until|till|of|during|around|through|throughout|between|after|before|` +
    String.raw`as early as|as late as)\s+)?(?:\b(?:the\s+)?(?:early|late|mid|end|beginning|start|middle|summer|` +
    String.raw`spring|autumn|fall|winter|course)(?:-|\s+)(?:of\s+)?)*$`,
  'i',
);
/** Where a long label can end: before a subordinate or adverbial phrase. */
const BREAKS = new RegExp(
  String.raw`\s+(?=(?:which|who|whom|whose|that|whether|because|although|though|while|when|where|in order|so that|` +
    String.raw`thereby|as|after|before|during|for|with|despite|including|under|against|through|to the|from|in|at|on|` +
    String.raw`and|but)\b)|\s*(?=[,;:"“(])`,
  'gi',
);
const TRAILING_STOP = /\s+(?:the|a|an|of|in|on|at|to|for|and|or|by|with|from|as|that|which|who|its|their|his|her)$/i;
const MAX_WORDS = 12;

const words = (s: string) => s.split(/\s+/).filter(Boolean);
const hasVerb = (s: string) => nlp(s).verbs().length > 0;

/** Clauses of a sentence, split at commas, semicolons and dashes outside brackets and quotations. */
function clauses(sentence: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence[i]!;
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === '"' || c === '“' || c === '”') quoted = c === '“' ? true : c === '”' ? false : !quoted;
    else if (
      depth === 0 &&
      !quoted &&
      (c === ',' || c === ';' || c === ':' || (c === '–' && sentence[i - 1] === ' '))
    ) {
      out.push({ text: sentence.slice(start, i), start });
      start = i + 1;
    }
  }
  out.push({ text: sentence.slice(start), start });
  return out;
}

/** A label ends at a phrase boundary within MAX_WORDS words, never mid-phrase and never with "…". */
function shorten(label: string): string {
  let text = label
    .replace(/\s*\([^()]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (words(text).length > MAX_WORDS) {
    let best = '';
    for (const m of text.matchAll(BREAKS)) {
      const head = text.slice(0, m.index).trim();
      if (words(head).length > MAX_WORDS) break;
      if (words(head).length >= 3 && hasVerb(head)) best = head;
    }
    text = best || words(text).slice(0, MAX_WORDS).join(' ');
  }
  for (let before = ''; before !== text;) {
    before = text;
    text = text.replace(TRAILING_STOP, '').replace(/[\s,;:–-]+$/, '');
  }
  return text;
}

/** The first name a sentence gives, for a label that opens with a pronoun ("it was signed …"). */
function subjectOf(text: string): string | undefined {
  return /(?:^|\s)((?:The\s+)?\p{Lu}[\p{L}'’-]*(?:\s+(?:of|and|for|the)?\s*\p{Lu}[\p{L}'’-]*)*)/u.exec(text)?.[1];
}

/** The event a date marks, in a few words: the clause carrying the date, without the date. */
export function eventLabel(sentence: string, date: Pick<BookDate, 'label' | 'index'>): string {
  // The date itself can hold commas ("March 3, 1918"): take it out before splitting.
  const marker = '\u2060'.repeat(date.label.length);
  const masked = sentence.slice(0, date.index) + marker + sentence.slice(date.index + date.label.length);
  const parts = clauses(masked);
  let i = parts.findIndex((p) => date.index >= p.start && date.index < p.start + p.text.length + 1);
  if (i < 0) i = 0;
  const strip = (s: string) =>
    s
      .replace(new RegExp(`${DATE_LEFTOVER.source.slice(0, -1)}\\s*\u2060+\\s*(?:respectively)?`, 'i'), ' ')
      .replace(/\u2060+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(CONNECTIVES, '');
  let label = strip(parts[i]!.text);
  // An opening date phrase ("On 11 November 1918,"): the event is the clause after it.
  for (let j = i + 1; j < parts.length && (words(label).length < 3 || !hasVerb(label)); j++) {
    const next = strip(parts[j]!.text);
    if (!next) continue;
    // An apposition ("Victor Kopp, the RSFSR's representative, asked …") adds no verb: pass over it.
    if (words(label).length >= 1 && !hasVerb(next) && j + 1 < parts.length && /^(?:the|a|an)\b/i.test(next)) continue;
    label = label ? `${label} ${next}` : next;
  }
  if (/^(?:it|they|this|these|he|she)\b/i.test(label) && i > 0) {
    const subject = subjectOf(
      parts
        .slice(0, i)
        .map((p) => p.text)
        .join(','),
    );
    if (subject) label = label.replace(/^\S+/, subject.replace(/^The\s+/, 'the '));
  }
  label = shorten(label);
  return label ? label[0]!.toUpperCase() + label.slice(1) : '';
}

/** Content words of a label, to tell whether two labels tell one event. */
function contentWords(label: string): Set<string> {
  return new Set(
    label
      .toLowerCase()
      .split(/[^\p{L}\d]+/u)
      .filter((w) => w.length >= 4 && !/^(?:that|this|with|from|were|was|have|had|been|their|which)$/.test(w)),
  );
}
function sameEvent(a: Set<string>, b: Set<string>): boolean {
  if (!a.size || !b.size) return false;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.min(a.size, b.size) >= 0.4 || shared >= 3;
}

type Draft = TimelineEvent & { order: number; words: Set<string> };

export function extractTimeline(book: Book): TimelineEvent[] {
  const dates = bookDates(book);
  const events: Draft[] = [];
  let order = 0;
  for (const ref of blocksOf(book)) {
    const perSentence = dates.get(ref.block.id) ?? [];
    ref.block.sentences.forEach((sentence, si) => {
      for (const d of perSentence[si] ?? []) {
        if (!d.event) continue;
        // List lines ("Adolf Ioffe (1918)") date a person, not an event.
        if (ref.block.kind === 'list' && d.precision === 'year') continue;
        const text = eventLabel(sentence, d);
        if (!text) continue;
        const words = contentWords(text);
        const same = events.find(
          (e) => e.date === d.date && e.precision === d.precision && e.end === d.end && sameEvent(e.words, words),
        );
        if (same) {
          if (!same.blocks!.includes(ref.block.id)) same.blocks!.push(ref.block.id);
          continue;
        }
        events.push({
          id: '',
          date: d.date,
          precision: d.precision,
          end: d.end,
          label: d.label,
          text,
          block: ref.block.id,
          blocks: [ref.block.id],
          sentence,
          yearFrom: d.yearFrom,
          uncertain: d.uncertain,
          order: order++,
          words,
        });
      }
    });
  }
  // Chronological; the more precise first on the same start; then reading order.
  const rank = { day: 0, month: 1, year: 2 } as const;
  events.sort(
    (a, b) =>
      a.date.slice(0, 4).localeCompare(b.date.slice(0, 4)) ||
      a.date.localeCompare(b.date) ||
      rank[a.precision] - rank[b.precision] ||
      a.order - b.order,
  );
  return events.map(({ order: _order, words: _words, ...e }, i) => ({ ...e, id: `time-${i + 1}` }));
}
