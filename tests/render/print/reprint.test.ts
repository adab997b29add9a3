/**
 * A warm edit prints again only the pages it changed (passes.ts, splice.ts). Two things make that print
 * cheaper, and neither may change what it gives:
 *
 * - what lies wholly on the other pages is hidden meanwhile (`quietScript`), so that Chromium's tagged print
 *   reads little more than it prints: the pages printed are the ones printed without it, and the page is
 *   as it was afterwards;
 * - the print page shows the edited book while the other page measures (`preshow`): the print takes that
 *   show when it showed the HTML the print needs, and prints the whole book when it did not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { confinedPage, launchBrowser } from '../../../src/render/print/chromium.js';
import { LOUD_SCRIPT, preshow, quietScript, renderPdf, show } from '../../../src/render/print/passes.js';
import type { BookMeta } from '../../../src/model/index.js';
import { pdfText } from '../../support/inspect.js';

const dir = mkdtempSync(path.join(tmpdir(), 'quire-reprint-'));
const meta = {
  title: 'Reprint',
  author: 'Quire',
  description: 'test',
  language: 'en',
  edition: { number: 1, date: '2026-01-01' },
} as unknown as BookMeta;

const words =
  'The international negotiations continued throughout the extraordinary conference, and representatives ' +
  'of both governments acknowledged considerable disagreements about the demilitarisation of the frontier. ';

/**
 * A book of twelve sections, each on its own pages, with a contents list the passes fill in, a box placed in
 * section 9 and (`fixed`) a note fixed on every page. `edit` replaces section 6's second paragraph.
 */
function book(edit = '', fixed = false) {
  return (pages: Record<string, number>) => {
    const ids = Array.from({ length: 12 }, (_, i) => `s${i}`);
    const contents = ids
      .map((id) => `<li><a href="#${id}">Section ${id} <span data-pages>${pages[id] ?? '00'}</span></a></li>`)
      .join('');
    const sections = ids.map(
      (id, i) =>
        `<section id="${id}"><h1>Section ${id}</h1>` +
        `<p id="${id}-a">${words.repeat(6)}</p>` +
        `<p id="${id}-b">${i === 6 && edit ? edit : words.repeat(6)}</p>` +
        (i === 9 ? `<div id="placed" style="position: absolute; top: 0">Placed box</div>` : '') +
        `<p id="${id}-c">${words.repeat(6)}</p></section>`,
    );
    return (
      '<!doctype html><html lang="en"><head><style>@page { size: A5; margin: 12mm; } body { font: 11pt serif; }' +
      'section { break-before: page; position: relative; } .fixed { position: fixed; bottom: 0; font-size: 7pt; }' +
      `</style></head><body>${fixed ? '<div class="fixed">Fixed note</div>' : ''}` +
      `<ol>${contents}</ol>${sections.join('')}</body></html>`
    );
  };
}

describe('printing some pages again', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const pdf = (name: string, bytes: Uint8Array) => {
    const file = path.join(dir, `${name}.pdf`);
    writeFileSync(file, bytes);
    return file;
  };
  const printRange = (page: Page, pageRanges: string) =>
    page.pdf({ pageRanges, format: 'a4', preferCSSPageSize: true, printBackground: true, tagged: true });

  it('hides only what lies wholly on other pages, prints the pages the same, and puts everything back', async () => {
    const page = await confinedPage(browser, dir);
    const file = path.join(dir, 'quiet.html');
    const made = await renderPdf(browser, file, dir, book('', true), meta, 'A4', { page });
    const pages = made.destinations;
    const at = (id: string) => pages.get(id)!;
    // Section 6 (two pages) and the page before it (section 5's last).
    const printed = [at('s6') - 1, at('s6'), at('s6') + 1];
    const before = (await page.evaluate('document.documentElement.outerHTML')) as string;
    const whole = pdfText(pdf('quiet-without', await printRange(page, printed.join(','))));

    const hid = (await page.evaluate(quietScript([...pages], printed))) as number;
    expect(hid).toBeGreaterThan(0);
    const hidden = (await page.evaluate(
      `[...document.querySelectorAll('[id], .fixed')]
        .filter((el) => getComputedStyle(el).visibility === 'hidden')
        .map((el) => el.id || el.className)`,
    )) as string[];
    // Sections wholly before the pages printed and after them are hidden; the ones on them are not.
    expect(hidden).toEqual(expect.arrayContaining(['s1', 's2', 's4', 's7', 's8', 's10', 's11']));
    for (const id of ['s5', 's5-c', 's6', 's6-a', 's6-b', 's6-c']) expect(hidden).not.toContain(id);
    // What is placed out of the flow is left as it is: the note fixed on every page, the box placed in s9.
    expect(hidden).not.toContain('fixed');
    expect(hidden).not.toContain('placed');
    expect(hidden).toContain('s9-c');
    const quiet = pdfText(pdf('quiet-with', await printRange(page, printed.join(','))));
    expect(quiet).toContain('Section s6');
    expect(quiet).toBe(whole);

    await page.evaluate(LOUD_SCRIPT);
    expect(await page.evaluate('document.documentElement.outerHTML')).toBe(before);
    await page.close();
  }, 120_000);

  it('an edit shown beforehand is printed again into the kept print, as a whole print gives it', async () => {
    const page = await confinedPage(browser, dir);
    const file = path.join(dir, 'pre.html');
    const first = await renderPdf(browser, file, dir, book(), meta, 'A4', { page, reprint: true });
    const edited = book(`${words.repeat(5)}An edited sentence closes the paragraph.`);
    const seed = Object.fromEntries(first.destinations);
    const shown = preshow(page, file, edited(seed));
    const made = await renderPdf(browser, file, dir, edited, meta, 'A4', { page, reprint: true, seed, shown });
    expect(made.shows).toEqual(['patched']);
    expect(made.reprinted).toBeGreaterThan(0);
    expect(made.reprinted).toBeLessThan(made.pages);

    const fresh = await renderPdf(browser, path.join(dir, 'fresh.html'), dir, edited, meta, 'A4');
    const text = pdfText(pdf('pre-made', made.bytes));
    expect(text.replace(/\s+/g, ' ')).toContain('An edited sentence closes the paragraph.');
    expect(text).toBe(pdfText(pdf('pre-fresh', fresh.bytes)));
    await page.close();
  }, 120_000);

  it('an edit shown beforehand that is not the one printed: changed again, and the whole book prints', async () => {
    const page = await confinedPage(browser, dir);
    const file = path.join(dir, 'other.html');
    const first = await renderPdf(browser, file, dir, book(), meta, 'A4', { page, reprint: true });
    const seed = Object.fromEntries(first.destinations);
    // Shown beforehand: one edit; printed: another (as when the parts run on otherwise than last time).
    const shown = preshow(page, file, book(`${words.repeat(5)}A guess that was wrong.`)(seed));
    const edited = book(`${words.repeat(5)}The edit that prints.`);
    const made = await renderPdf(browser, file, dir, edited, meta, 'A4', { page, reprint: true, seed, shown });
    expect(made.reprinted).toBeUndefined();
    const text = pdfText(pdf('other-made', made.bytes));
    expect(text.replace(/\s+/g, ' ')).toContain('The edit that prints.');
    expect(text.replace(/\s+/g, ' ')).not.toContain('A guess that was wrong.');
    const fresh = await renderPdf(browser, path.join(dir, 'other-fresh.html'), dir, edited, meta, 'A4');
    expect(text).toBe(pdfText(pdf('other-fresh', fresh.bytes)));
    // The page shows what was printed.
    expect(await show(page, file, edited(Object.fromEntries(made.destinations)))).toBe('same');
    await page.close();
  }, 120_000);
});
