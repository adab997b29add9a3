/**
 * The writers' registry: the format lists come from the one list of writers, and `printsFromScratch` says
 * when a build will print with nothing printed before (then Chromium is started first).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FORMATS, FORMATS, printsFromScratch, WRITERS, writerEntry } from '../../src/render/registry.js';

describe('the format lists', () => {
  it('FORMATS is every writer, in build order: what Node makes before what Chromium prints', () => {
    expect(FORMATS).toEqual(WRITERS.map((w) => w.format));
    expect(FORMATS).toEqual([
      'html',
      'json',
      'alignment',
      'report',
      'gift',
      'qti',
      'anki',
      'csv',
      'epub',
      'pdf',
      'handouts',
    ]);
    const firstPrinted = WRITERS.findIndex((w) => w.needsBrowser);
    expect(firstPrinted).toBeGreaterThan(0);
    expect(WRITERS.slice(firstPrinted).every((w) => w.needsBrowser)).toBe(true);
  });

  it('DEFAULT_FORMATS is the writers marked byDefault, in the same order', () => {
    expect(DEFAULT_FORMATS).toEqual(WRITERS.filter((w) => w.byDefault).map((w) => w.format));
    expect(DEFAULT_FORMATS).toEqual(['html', 'json', 'alignment', 'report', 'epub', 'pdf']);
  });

  it('writerEntry finds each format, and every writer module loads', async () => {
    for (const format of FORMATS) {
      const entry = writerEntry(format);
      expect(entry.format).toBe(format);
      const writer = await entry.load();
      expect(typeof writer.write, format).toBe('function');
      expect(writer.title, format).toBeTruthy();
    }
  });
});

describe('printsFromScratch', () => {
  const cases: [names: string[], formats: string[], expected: boolean][] = [
    // A printed format asked for, with none of its files in the manifest.
    [[], ['pdf'], true],
    [[], ['handouts'], true],
    [['guide.html', 'book.json', 'report.html', 'guide.epub', 'assets/'], ['html', 'pdf'], true],
    // Another writer's file, or a PDF inside a folder, is not the PDF.
    [['handouts/'], ['pdf'], true],
    [['assets/guide.pdf'], ['pdf'], true],
    [['guide.pdf'], ['handouts'], true],
    [['guide.pdf'], ['pdf', 'handouts'], true],
    // Its file is there: a printed result to reuse.
    [['guide.pdf'], ['pdf'], false],
    [['other-name.pdf', 'guide.html'], ['html', 'pdf'], false],
    [['handouts/'], ['handouts'], false],
    [['guide.pdf', 'handouts/'], ['pdf', 'handouts'], false],
    // Nothing printed asked for.
    [[], [], false],
    [[], ['html', 'json', 'report', 'epub'], false],
  ];

  it.each(cases)('manifest %j, formats %j → %s', (names, formats, expected) => {
    expect(printsFromScratch(names, formats)).toBe(expected);
  });

  it('is true for exactly the writers that need Chromium, each asked for alone into an empty folder', () => {
    const printing = FORMATS.filter((format) => printsFromScratch([], [format]));
    expect(printing).toEqual(WRITERS.filter((w) => w.needsBrowser).map((w) => w.format));
    expect(printing).toEqual(['pdf', 'handouts']);
  });
});
