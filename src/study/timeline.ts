/**
 * The timeline: every date in the book, parsed by chrono-node ("March 3, 1918", "11 November 1918",
 * "August 1939"), plus two rules chrono does not cover: bare years ("in 1933") and year ranges
 * ("1919–20", "1935–1937"). A day or month without a year ("On May 15, …") takes the last year the same
 * block named before it. Each event keeps its sentence and the block it stands in.
 */
// Only the English locale: the package's index loads every locale (~0.2 s of start-up).
import * as chronoEn from 'chrono-node/en';
import type { Book, TimelineEvent } from '../model/index.js';
import { blocksOf } from './text.js';
import { memoize } from '../util/memo.js';

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
 * chrono's casual English parsers without the relative durations ("two weeks after 3 March 1918", "within
 * a year", "three days ago"): the timeline dates what the text writes out ("3 March 1918" there), not
 * arithmetic the text leaves to the reader. Their patterns are also two thirds of chrono's first-use cost
 * (~0.15 s of a cold build). Matched by class name: if a later chrono renames them they are kept (slower,
 * dated as chrono dates them), never lost.
 */
const RELATIVE_DURATIONS = new Set([
  'ENTimeUnitWithinFormatParser',
  'ENTimeUnitAgoFormatParser',
  'ENTimeUnitLaterFormatParser',
  'ENTimeUnitCasualRelativeFormatParser',
]);
const chrono = (() => {
  const configuration = chronoEn.configuration.createCasualConfiguration(false);
  configuration.parsers = configuration.parsers.filter((parser) => !RELATIVE_DURATIONS.has(parser.constructor.name));
  return new chronoEn.Chrono(configuration);
})();

const pad = (n: number) => String(n).padStart(2, '0');
const MONTH_OR_YEAR = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\b|\b\d{4}\b/;

/** Bare years and year ranges: 1000–2099, not part of a larger number, not a quantity. */
const YEAR = new RegExp(
  String.raw`(?<![\d,.])\b(1\d{3}|20\d{2})(?:\s*[–-]\s*(\d{4}|\d{2}))?\b(?![,.]\d)` +
    String.raw`(?!\s*(?:%|km|kilometres|kilometers|miles|men|people|tons|tonnes|soldiers|troops)\b)`,
  'g',
);

/**
 * Every date in a sentence. `lastYear` fills in a year the sentence leaves out. Remembered per sentence and
 * year (chrono's parse is the timeline's main cost, and most sentences are the same from one build to the next).
 */
export const datesIn: (sentence: string, lastYear?: number) => readonly Readonly<DateMention>[] = memoize(
  parseDates,
  (sentence, lastYear) => `${lastYear ?? ''}\u0000${sentence}`,
);

function parseDates(sentence: string, lastYear?: number): DateMention[] {
  const out: DateMention[] = [];
  const taken: [number, number][] = [];
  // A day without a year takes the block's last year, else a year the sentence itself names.
  const fallbackYear =
    lastYear ?? (/\b(1\d{3}|20\d{2})\b/.exec(sentence) ? Number(/\b(1\d{3}|20\d{2})\b/.exec(sentence)![1]) : undefined);
  const ref = new Date(Date.UTC(fallbackYear ?? 2000, 0, 1));
  for (const r of chrono.parse(sentence, ref, { forwardDate: false })) {
    // Only dates the text writes out: a month name or a year ("a few months later" is not a date).
    if (!MONTH_OR_YEAR.test(r.text)) continue;
    const s = r.start;
    const yearKnown = s.isCertain('year');
    const year = yearKnown ? s.get('year')! : fallbackYear;
    if (year === undefined || year === null) continue;
    if (!s.isCertain('month')) continue;
    const month = s.get('month')!;
    const day = s.isCertain('day') ? s.get('day') : null;
    const precision = day ? 'day' : 'month';
    const date = day ? `${year}-${pad(month)}-${pad(day)}` : `${year}-${pad(month)}`;
    let end: string | undefined;
    if (r.end && r.end.isCertain('month')) {
      const ey = r.end.isCertain('year') ? r.end.get('year')! : year;
      const em = r.end.get('month')!;
      const ed = r.end.isCertain('day') ? r.end.get('day') : null;
      end = ed ? `${ey}-${pad(em)}-${pad(ed)}` : `${ey}-${pad(em)}`;
    }
    out.push({ date, precision, end, label: r.text, index: r.index });
    taken.push([r.index, r.index + r.text.length]);
  }
  for (const m of sentence.matchAll(YEAR)) {
    const at = m.index;
    if (taken.some(([a, b]) => at >= a && at < b)) continue;
    const start = Number(m[1]);
    let end: number | undefined;
    if (m[2]) {
      end = m[2].length === 2 ? Number(String(start).slice(0, 2) + m[2]) : Number(m[2]);
      if (end <= start || end - start > 100) end = undefined;
    }
    out.push({ date: String(start), precision: 'year', end: end ? String(end) : undefined, label: m[0], index: at });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** A one-line event: the sentence, shortened at a word boundary when long. */
export function eventLine(sentence: string, max = 220): string {
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' '))} …`;
}

export function extractTimeline(book: Book): TimelineEvent[] {
  const events: (TimelineEvent & { order: number })[] = [];
  let order = 0;
  for (const ref of blocksOf(book)) {
    let lastYear: number | undefined;
    for (const sentence of ref.block.sentences) {
      for (const d of datesIn(sentence, lastYear)) {
        lastYear = Number(d.date.slice(0, 4));
        if (events.some((e) => e.block === ref.block.id && e.date === d.date && e.precision === d.precision)) continue;
        events.push({
          id: '',
          date: d.date,
          precision: d.precision,
          end: d.end,
          label: d.label,
          text: eventLine(sentence),
          block: ref.block.id,
          order: order++,
        });
      }
    }
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
  return events.map(({ order: _order, ...e }, i) => ({ ...e, id: `time-${i + 1}` }));
}
