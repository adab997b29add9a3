/**
 * The timeline: every date in the book, parsed by chrono-node ("March 3, 1918", "11 November 1918",
 * "August 1939"), plus two rules chrono does not cover: bare years ("in 1933") and year ranges
 * ("1919–20", "1935–1937"). A day or month without a year ("On May 15, …") takes the last year the same
 * block named before it. Each event keeps its sentence and the block it stands in.
 * Other languages: chrono's locale where it has one (German, French, Dutch, Spanish, Portuguese …), then the
 * language's month names (src/util/language.ts) for day–month–year and month–year dates chrono leaves
 * ("1. november 2009", "19 Oktober 1963", "Mai 1932").
 */
// Only the English locale up front: the package's index loads every locale (~0.2 s of start-up). Another
// language's locale is loaded (synchronously, from chrono's CommonJS build) the first time a book needs it.
import { createRequire } from 'node:module';
import * as chronoEn from 'chrono-node/en';
import type { Book, TimelineEvent } from '../model/index.js';
import { blocksOf } from './text.js';
import { memoize } from '../util/memo.js';
import { baseLanguage, monthNames } from '../util/language.js';

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

/** Languages chrono-node has a locale for (besides English). */
const CHRONO_LOCALES = new Set(['de', 'fr', 'nl', 'es', 'pt', 'it', 'sv', 'fi', 'ru', 'uk', 'ja', 'zh']);
interface DateParser {
  parse: typeof chrono.parse;
}
const require = createRequire(import.meta.url);
const parsers = new Map<string, DateParser | undefined>();
/** chrono's strict parser for a language (no casual words such as "heute"), or none. */
function parserFor(language: string): DateParser | undefined {
  if (language === 'en') return chrono;
  if (!parsers.has(language)) {
    let parser: DateParser | undefined;
    if (CHRONO_LOCALES.has(language)) {
      try {
        parser = (require(`chrono-node/${language}`) as { strict: DateParser }).strict;
      } catch {
        parser = undefined;
      }
    }
    parsers.set(language, parser);
  }
  return parsers.get(language);
}

const monthPatterns = new Map<string, RegExp | undefined>();
/** Day–month–year, day–month and month–year in a language's month names ("1. november 2009", "Mai 1932"). */
function monthPattern(language: string): RegExp | undefined {
  if (!monthPatterns.has(language)) {
    const months = monthNames(language);
    const names = months?.flatMap((m) => m.split('|')).join('|');
    monthPatterns.set(
      language,
      names
        ? new RegExp(
            String.raw`(?<![\p{L}\d.])(?:(\d{1,2})\.?\s+(?:de\s+)?)?(${names})(?![\p{L}])\.?` +
              String.raw`(?:\s+(?:de\s+)?(\d{3,4})(?![\d.,]\d))?`,
            'giu',
          )
        : undefined,
    );
  }
  return monthPatterns.get(language);
}

const pad = (n: number) => String(n).padStart(2, '0');
/** In other languages (chrono's strict parsers): a word of three letters or more, or a year. */
const WRITTEN_OUT = /\p{L}{3,}|\b\d{4}\b/u;
const MONTH_OR_YEAR = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\b|\b\d{4}\b/;

/** Measurements and head counts in other languages ("1800 Metern", "1500 Einwohner"), either case. */
const UNITS = [
  'm',
  'cm',
  'mm',
  'kg',
  'ha',
  'ft',
  'meter',
  'metern',
  'metres',
  'mètres',
  'metros',
  'einwohner',
  'inwoners',
  'innbyggere',
  'invånare',
  'habitants',
  'habitantes',
  'menschen',
  'mense',
  'mensen',
  'personen',
  'personer',
  'soldaten',
  'tonnen',
]
  .map((u) => `[${u[0]}${u[0]!.toUpperCase()}]${u.slice(1)}`)
  .join('|');

/** Bare years and year ranges: 1000–2099, not part of a larger number, not a quantity. */
const YEAR = new RegExp(
  String.raw`(?<![\d,.])\b(1\d{3}|20\d{2})(?:\s*[–-]\s*(\d{4}|\d{2}))?\b(?![,.]\d)` +
    String.raw`(?!\s*(?:%|km|kilometres|kilometers|miles|men|people|tons|tonnes|soldiers|troops)\b)` +
    // Measurements and head counts in other languages ("1800 Metern", "1500 Einwohner", "2000 inwoners").
    String.raw`(?!\s*(?:${UNITS})(?!\p{L}))`,
  'gu',
);

/**
 * Every date in a sentence. `lastYear` fills in a year the sentence leaves out. Remembered per sentence and
 * year (chrono's parse is the timeline's main cost, and most sentences are the same from one build to the next).
 */
export const datesIn: (sentence: string, lastYear?: number, language?: string) => readonly Readonly<DateMention>[] =
  memoize(parseDates, (sentence, lastYear, language) => `${language ?? 'en'}\u0000${lastYear ?? ''}\u0000${sentence}`);

function parseDates(sentence: string, lastYear?: number, tag = 'en'): DateMention[] {
  const language = baseLanguage(tag);
  const out: DateMention[] = [];
  const taken: [number, number][] = [];
  // A day without a year takes the block's last year, else a year the sentence itself names.
  const fallbackYear =
    lastYear ?? (/\b(1\d{3}|20\d{2})\b/.exec(sentence) ? Number(/\b(1\d{3}|20\d{2})\b/.exec(sentence)![1]) : undefined);
  const ref = new Date(Date.UTC(fallbackYear ?? 2000, 0, 1));
  for (const r of parserFor(language)?.parse(sentence, ref, { forwardDate: false }) ?? []) {
    // Only dates the text writes out: a month name or a year ("a few months later" is not a date).
    if (!(language === 'en' ? MONTH_OR_YEAR : WRITTEN_OUT).test(r.text)) continue;
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
  for (const m of sentence.matchAll(monthPattern(language) ?? /$^/g)) {
    const at = m.index;
    if (taken.some(([a, b]) => at < b && at + m[0].length > a)) continue;
    const year = m[3] ? Number(m[3]) : m[1] ? fallbackYear : undefined;
    if (year === undefined || (m[1] && (Number(m[1]) < 1 || Number(m[1]) > 31))) continue;
    const months = monthNames(language)!;
    const month = months.findIndex((names) => names.split('|').includes(m[2]!.toLowerCase())) + 1;
    const date = m[1] ? `${year}-${pad(month)}-${pad(Number(m[1]))}` : `${year}-${pad(month)}`;
    out.push({ date, precision: m[1] ? 'day' : 'month', label: m[0].trim(), index: at });
    taken.push([at, at + m[0].length]);
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
      for (const d of datesIn(sentence, lastYear, book.meta.language)) {
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
