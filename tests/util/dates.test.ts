/** Generated dates follow the book's language and region (Intl), as its text writes them. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../../src/pipeline/build.js';
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

describe('the dates a guide writes', () => {
  it('follow the config’s language and region: the timeline and questions of en-GB and en-US guides', async () => {
    const text = 'Rapallo\n\nOn 16 April 1922 the two governments signed a treaty at Rapallo, near Genoa in Italy.\n';
    const html = async (language: string) => {
      const content = mkdtempSync(path.join(tmpdir(), 'quire-dates-'));
      writeFileSync(path.join(content, 'a.txt'), text);
      writeFileSync(path.join(content, 'quire.yaml'), `title: Rapallo\nlanguage: ${language}\n`);
      const out = path.join(content, 'out');
      await build({ contentDir: content, outDir: out, formats: ['html'], progress: 'silent' });
      return readFileSync(
        path.join(
          out,
          readdirSync(out).find((n) => n.endsWith('.html'))!,
        ),
        'utf8',
      );
    };
    // The prose writes "16 April 1922"; what Quire writes (the timeline's dates) follows the region.
    const gb = await html('en-GB');
    const us = await html('en-US');
    expect(gb).not.toContain('April 16, 1922');
    expect(us).toContain('April 16, 1922');
  });
});
