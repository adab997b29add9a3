/** Date formatters per locale and precision: making one costs far more than using it. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** "1922-04-16" → "16 April 1922"; "1939-08" → "August 1939". */
export function formatDate(iso: string, locale = 'en'): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!m) return String(y);
  const date = new Date(Date.UTC(y!, m - 1, d ?? 1));
  const key = `${locale}|${d ? 'day' : 'month'}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'long',
      ...(d ? { day: 'numeric' } : {}),
    });
    formatters.set(key, format);
  }
  return format.format(date);
}
