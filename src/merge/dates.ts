/**
 * When a passage is about: the dates its sentences name, as months since year 0, so passages can be put in
 * the order of what they tell. "On September 14, 1939" and "in October 1939" are months; a year alone is
 * its middle; a month without a year ("On June 17") takes the year the passage named last.
 */
import { baseLanguage, monthNames } from '../util/language.js';
import { memoize } from '../util/memo.js';

/** Month names (long and short, lower case) of a language → month number 0–11. */
export const monthIndex: (locale: string) => ReadonlyMap<string, number> = memoize(
  (locale: string) => {
    const out = new Map<string, number>();
    (monthNames(locale) ?? []).forEach((name, m) => out.set(name.toLowerCase(), m));
    for (const month of ['long', 'short'] as const) {
      let format: Intl.DateTimeFormat;
      try {
        format = new Intl.DateTimeFormat(baseLanguage(locale), { month, timeZone: 'UTC' });
      } catch {
        format = new Intl.DateTimeFormat('en', { month, timeZone: 'UTC' });
      }
      for (let m = 0; m < 12; m++) {
        const name = format.format(new Date(Date.UTC(2000, m, 15))).replace(/\.$/, '');
        if (/^\p{L}{3,}$/u.test(name)) out.set(name.toLowerCase(), m);
      }
    }
    return out;
  },
  (locale) => locale,
);

const WORD = /\p{L}+|\d+/gu;
const isYear = (t: string) => /^(?:1\d|20)\d\d$/.test(t);

/** The months (year × 12 + month) the sentences name, in order; `year` carries from one to the next. */
export function monthsNamed(sentences: readonly string[], locale: string): number[] {
  const months = monthIndex(locale);
  const out: number[] = [];
  let year: number | undefined;
  for (const text of sentences) {
    const tokens = text.match(WORD) ?? [];
    tokens.forEach((t, i) => {
      const m = months.get(t.toLowerCase());
      if (m !== undefined) {
        const near = tokens.slice(i + 1, i + 4).find(isYear) ?? tokens.slice(Math.max(0, i - 3), i).find(isYear);
        if (near) year = Number(near);
        if (year !== undefined) out.push(year * 12 + m);
      } else if (isYear(t)) {
        year = Number(t);
        const monthNear = [tokens[i - 1], tokens[i - 2], tokens[i - 3]].some((x) => x && months.has(x.toLowerCase()));
        if (!monthNear) out.push(year * 12 + 6);
      }
    });
  }
  return out;
}

/** The middle of the months a passage names (undefined when it names none). */
export function medianMonth(sentences: readonly string[], locale: string): number | undefined {
  const months = monthsNamed(sentences, locale).sort((a, b) => a - b);
  return months.length ? months[Math.floor(months.length / 2)] : undefined;
}
