/** Generated dates follow the book's language and region (Intl), as its text writes them. */
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/util/dates.js';

describe('formatDate', () => {
  it('writes a day, a month or a year in the order and words of the locale', () => {
    expect(formatDate('1922-04-16', 'en-GB')).toBe('16 April 1922');
    expect(formatDate('1922-04-16', 'en-US')).toBe('April 16, 1922');
    expect(formatDate('1922-04-16', 'de')).toBe('16. April 1922');
    expect(formatDate('1922-04-16', 'fr')).toBe('16 avril 1922');
    expect(formatDate('1939-08', 'en-GB')).toBe('August 1939');
    expect(formatDate('1939-08', 'de')).toBe('August 1939');
    expect(formatDate('1941', 'de')).toBe('1941');
  });
});
