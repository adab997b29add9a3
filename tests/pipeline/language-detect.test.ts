/**
 * The guide's language is told from its prose, not its tables: a page of baseball scores (names, figures,
 * dates) reads as French to franc. With too little prose, English is assumed.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../../src/pipeline/build.js';
import { detectLanguage, withDateRegion } from '../../src/util/language.js';
import { FIXTURES } from '../support/content.js';

describe('language detection', () => {
  it('reads a guide made of tables as English, not as what franc guesses from the cells', async () => {
    const contentDir = path.join(FIXTURES, 'tables-only');
    const cells = readFileSync(path.join(contentDir, 'game-log.wiki'), 'utf8').replace(/\[\[[^|\]]*\|/g, '');
    // The premise: the cells alone are read as another language.
    expect(detectLanguage(cells)).not.toBe('en');
    const out = mkdtempSync(path.join(tmpdir(), 'quire-lang-'));
    await build({ contentDir, outDir: out, formats: ['json'], progress: 'silent', cacheDir: false });
    const book = JSON.parse(readFileSync(path.join(out, 'book.json'), 'utf8'));
    expect(book.language).toBe('en');
    expect(JSON.stringify(book.chapters)).toContain('Hellickson');
  }, 120_000);
});

describe('the region of detected English, by how its text writes dates', () => {
  const built = async (text: string) => {
    const contentDir = mkdtempSync(path.join(tmpdir(), 'quire-region-'));
    writeFileSync(path.join(contentDir, 'article.md'), text);
    const out = path.join(contentDir, 'out');
    await build({ contentDir, outDir: out, formats: ['html', 'json'], progress: 'silent', cacheDir: false });
    return {
      book: JSON.parse(readFileSync(path.join(out, 'book.json'), 'utf8')) as { language: string },
      html: readFileSync(
        path.join(
          out,
          readdirSync(out).find((f) => f.endsWith('.html'))!,
        ),
        'utf8',
      ),
    };
  };
  const prose = (dates: string[]) =>
    '# Harbour\n\n' +
    dates
      .map((d, i) => `The harbour board of the town opened its ${i + 1}th new pier for the fishing fleet on ${d}.`)
      .join(' ') +
    '\n';

  it('writes the guide’s dates day first when the text does (en-GB), in the timeline too', async () => {
    const { book, html } = await built(prose(['12 November 1940', '5 December 1942', '3 March 1950']));
    expect(book.language).toBe('en-GB');
    const timeline = html.slice(html.indexOf('id="timeline"'));
    expect(timeline).toContain('12 November 1940');
    expect(timeline).not.toContain('November 12, 1940');
  }, 120_000);

  it('keeps English month first when the text writes its dates so', async () => {
    const { book, html } = await built(prose(['November 12, 1940', 'December 5, 1942', '3 March 1950']));
    expect(book.language).toBe('en');
    expect(html.slice(html.indexOf('id="timeline"'))).toContain('November 12, 1940');
  }, 120_000);

  it('leaves a language the config names as it is', () => {
    expect(withDateRegion('en', '12 November 1940 and 5 December 1942')).toBe('en-GB');
    expect(withDateRegion('en', 'November 12, 1940 and 5 December 1942 and May 3, 1950')).toBe('en');
    expect(withDateRegion('de', '12 November 1940')).toBe('de');
  });
});
