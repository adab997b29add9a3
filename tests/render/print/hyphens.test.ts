import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer';
import { launchBrowser } from '../../../src/render/print/chromium.js';
import { renderPdf } from '../../../src/render/print/passes.js';
import { hyphenatorFor } from '../../../src/render/view/hyphenate.js';
import { printMeta } from '../../support/print-book.js';

const dir = mkdtempSync(path.join(tmpdir(), 'quire-hyphens-'));
const meta = printMeta('Hyphens');

const paragraph =
  'The international negotiations continued throughout the extraordinary conference, and representatives ' +
  'of both governments acknowledged considerable disagreements about the demilitarisation of the frontier ' +
  'territories, the reparations, and the interpretation of previous commitments undertaken by predecessors. ' +
  // Ligatures (ffi, ft) hold soft hyphens that do not end a line.
  'In the aftermath, officials affirmed that the effect of different afterthoughts was insignificant.';

/** The text layer as poppler extracts it, nothing dropped. */
const rawText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

describe('print hyphenation: soft hyphens only where a line breaks', () => {
  let browser: Browser;
  let text: string;
  let unchanged: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const hyphenate = hyphenatorFor('en')!;
    // A narrow page (margins in a linked style sheet, as the print templates have them): many line ends.
    writeFileSync(path.join(dir, 'page.css'), '@page { size: 120mm 200mm; margin: 10mm 30mm 10mm 25mm; }');
    const html = `<!doctype html><html lang="en"><head><link rel="stylesheet" href="page.css"></head>
      <body style="margin:0;font:11pt serif;text-align:justify">
      ${[1, 2, 3].map(() => `<p>${hyphenate(paragraph)}</p>`).join('')}</body></html>`;
    expect(html).toContain('\u00ad');
    const made = await renderPdf(browser, path.join(dir, 'print.html'), dir, () => html, meta, 'A4', {
      exactPages: false,
    });
    writeFileSync(path.join(dir, 'out.pdf'), made.bytes);
    text = rawText(path.join(dir, 'out.pdf'));
    // The same page printed as it is, every soft hyphen kept.
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.join(dir, 'print.html')).href);
    await page.evaluate('document.fonts.ready');
    writeFileSync(path.join(dir, 'as-is.pdf'), await page.pdf({ preferCSSPageSize: true }));
    unchanged = rawText(path.join(dir, 'as-is.pdf'));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('leaves no soft hyphen in the text layer', () => {
    expect(text).not.toContain('\u00ad');
  });

  it('still breaks words at line ends, with a hyphen at the end of the line only', () => {
    const lines = text.split('\n').map((l) => l.trimEnd());
    const broken = lines.filter((l) => /\p{L}-$/u.test(l));
    expect(broken.length).toBeGreaterThan(3);
    // The text has no hyphen of its own: any other would be a soft hyphen drawn where no line ends.
    expect(lines.filter((l) => l.slice(0, -1).includes('-'))).toEqual([]);
  });

  it('breaks every line where the page printed with all its soft hyphens breaks it', () => {
    expect(unchanged).toContain('\u00ad');
    // (Chromium's own line-end hyphen is U+2010 in the text layer; Quire's is a hyphen-minus.)
    const lines = (t: string) => t.split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
    expect(lines(text)).toEqual(lines(unchanged.replace(/\u00ad/g, '').replace(/\u2010/g, '-')));
  });

  it('has every word of the text, once line-end hyphens are joined as a viewer joins them', () => {
    const words = text
      .replace(/-[ \t]*\n\s*/g, '')
      .split(/\s+/)
      .filter(Boolean);
    for (const word of paragraph.split(/\s+/)) expect(words, word).toContain(word);
    expect(words.length).toBe(3 * paragraph.split(/\s+/).length);
  });
});
