/** Date formatters per locale and precision: making one costs far more than using it. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The locale's long date in UTC ("August 26, 1939"; without `day`, "August 1939"): one formatter per locale
 * and form, kept.
 */
export function longDateFormat(locale: string, day: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${day ? 'day' : 'month'}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'long',
      ...(day ? { day: 'numeric' } : {}),
    });
    formatters.set(key, format);
  }
  return format;
}

/** "1922-04-16" → "16 April 1922"; "1939-08" → "August 1939". */
export function formatDate(iso: string, locale = 'en'): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!m) return String(y);
  return longDateFormat(locale, !!d).format(new Date(Date.UTC(y!, m - 1, d ?? 1)));
}
