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
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer';
import { confinedPage } from '../../../src/render/print/chromium.js';
import { LOUD_SCRIPT, preshow, quietScript, renderPdf, show } from '../../../src/render/print/passes.js';
import { printBench, printMeta, SENTENCE, writePdf } from '../../support/print-book.js';
import { pdfText } from '../../support/inspect.js';

const bench = printBench('reprint');
const { dir } = bench;
const meta = printMeta('Reprint');

const words = `${SENTENCE} `;

/**
 * A book of twelve sections, each on its own pages, with a contents list the passes fill in. `extras`: what
 * is drawn away from its place in the text (a note fixed on every page, a box placed at the foot of
 * section 9, a float, an icon defined in section 0 and used in section 6) and a table over several pages
 * in section 8, with a header repeated on each. `edit` replaces section 6's second paragraph; `other`,
 * section 2's.
 */
function book(edit = '', extras = false, other = '') {
  const rows = Array.from({ length: 200 }, (_, r) => `<tr id="r${r}"><td>Row ${r}</td><td>Cell</td></tr>`);
  const extra = (i: number) => {
    if (!extras) return '';
    if (i === 0)
      return (
        '<svg style="position: absolute; width: 0; height: 0"><symbol id="icon" viewBox="0 0 10 10">' +
        '<circle cx="5" cy="5" r="4" /></symbol></svg>'
      );
    if (i === 3) return '<div id="floated" style="float: right; width: 30mm"><b>Floated</b> box</div>';
    if (i === 6) return '<p id="s6-icon"><svg width="20" height="20"><use href="#icon" /></svg> Icon</p>';
    if (i === 8)
      return `<table id="table"><thead><tr><th>Header</th><th>Cell</th></tr></thead>${rows.join('')}</table>`;
    if (i === 9) return '<div id="placed" style="position: absolute; bottom: 0"><b>Placed</b> box</div>';
    return '';
  };
  return (pages: Record<string, number>) => {
    const ids = Array.from({ length: 12 }, (_, i) => `s${i}`);
    const contents = ids
      .map((id) => `<li><a href="#${id}">Section ${id} <span data-pages>${pages[id] ?? '00'}</span></a></li>`)
      .join('');
    const sections = ids.map(
      (id, i) =>
        `<section id="${id}"><h1>Section ${id}</h1>` +
        `<p id="${id}-a">${words.repeat(6)}</p>` +
        `<p id="${id}-b">${i === 6 && edit ? edit : i === 2 && other ? other : words.repeat(6)}</p>` +
        extra(i) +
        `<p id="${id}-c">${words.repeat(6)}</p></section>`,
    );
    // Linked, as the guide links its paragraphs (from notes and the index): they are the PDF's destinations.
    const targets = [
      ...ids.flatMap((id) => [`${id}-a`, `${id}-b`, `${id}-c`]),
      ...(extras ? ['table', ...rows.map((_, r) => `r${r}`), 'floated', 'placed', 's6-icon'] : []),
    ];
    const links = `<p>${targets.map((id) => `<a href="#${id}">${id}</a>`).join(' ')}</p>`;
    return (
      '<!doctype html><html lang="en"><head><style>@page { size: A5; margin: 12mm; } body { font: 11pt serif; }' +
      'section { break-before: page; position: relative; } .fixed { position: fixed; bottom: 0; font-size: 7pt; }' +
      `</style></head><body>${extras ? '<div class="fixed"><b>Fixed</b> note</div>' : ''}` +
      `<ol>${contents}</ol>${links}${sections.join('')}</body></html>`
    );
  };
}

describe('printing some pages again', () => {
  const pdf = (name: string, bytes: Uint8Array) => writePdf(dir, name, bytes);
  const printRange = (page: Page, pageRanges: string) =>
    page.pdf({ pageRanges, format: 'a4', preferCSSPageSize: true, printBackground: true, tagged: true });
  /** Each page of a PDF as a picture (PNG bytes). */
  const pictures = (name: string, bytes: Uint8Array) => {
    const file = pdf(name, bytes);
    execFileSync('pdftoppm', ['-r', '40', '-png', file, path.join(dir, name)]);
    return readdirSync(dir)
      .filter((n) => n.startsWith(`${name}-`) && n.endsWith('.png'))
      .sort()
      .map((n) => readFileSync(path.join(dir, n)));
  };

  /**
   * `printed` printed with and without quietScript (in print media, as reprintChanged runs it): the same
   * pictures; the page as it was afterwards. Returns the ids (or classes) of the elements then hidden.
   */
  async function quietly(page: Page, pages: Map<string, number>, printed: number[], name: string) {
    const before = (await page.evaluate('document.documentElement.outerHTML')) as string;
    const plain = pictures(`${name}-plain`, await printRange(page, printed.join(',')));
    await page.emulateMediaType('print');
    expect(await page.evaluate(quietScript([...pages], printed))).toBeGreaterThan(0);
    const hidden = (await page.evaluate(
      `[...document.querySelectorAll('[id], .fixed, b, thead')]
        .filter((el) => getComputedStyle(el).visibility === 'hidden')
        .map((el) => el.id || el.className || el.localName)`,
    )) as string[];
    const quiet = pictures(`${name}-quiet`, await printRange(page, printed.join(',')));
    await page.evaluate(LOUD_SCRIPT);
    await page.emulateMediaType();
    expect(quiet.length).toBe(printed.length);
    quiet.forEach((picture, i) => expect(picture.equals(plain[i]!), `page ${printed[i]}`).toBe(true));
    expect(await page.evaluate('document.documentElement.outerHTML')).toBe(before);
    return hidden;
  }

  it('hides only what lies wholly on other pages, prints the pages the same, and puts everything back', async () => {
    const page = await confinedPage(bench.browser, dir);
    const file = path.join(dir, 'quiet.html');
    const made = await renderPdf(bench.browser, file, dir, book('', true), meta, 'A4', { page });
    const pages = made.destinations;
    const at = (id: string) => pages.get(id)!;
    // Section 6 and the page before it (section 5's last), where the icon defined in section 0 is drawn.
    const hidden = await quietly(page, pages, [at('s6') - 1, at('s6'), at('s6') + 1], 'section');
    // Sections wholly before the pages printed and after them are hidden; the ones on them are not.
    expect(hidden).toEqual(expect.arrayContaining(['s1', 's2', 's4', 's7', 's10', 's11']));
    for (const id of ['s5', 's5-c', 's6', 's6-a', 's6-b', 's6-c', 's6-icon']) expect(hidden).not.toContain(id);
    // What is drawn away from its place is left as it is, with all it holds: the note fixed on every page,
    // the placed box, the float; so are the sections that hold them (their other parts are hidden).
    for (const id of ['fixed', 'placed', 'floated', 's0', 's3', 's9']) expect(hidden).not.toContain(id);
    expect(hidden).toEqual(expect.arrayContaining(['s0-a', 's3-a', 's9-a']));

    // The table's middle pages: it is hidden whole or not at all (its header is repeated on each page).
    const middle = at('r100');
    expect(at('table')).toBeLessThan(middle - 1);
    expect(at('r199')).toBeGreaterThan(middle + 1);
    const inTable = await quietly(page, pages, [middle - 1, middle, middle + 1], 'table');
    for (const id of ['table', 'r100', 'r0', 'thead']) expect(inTable).not.toContain(id);
    expect(inTable).toEqual(expect.arrayContaining(['s6-a', 's7', 's8-a']));
    await page.close();
  }, 120_000);

  /** A page of its own that printed the book and keeps the print: the page, its file and its page numbers. */
  async function keptPrint(name: string) {
    const page = await confinedPage(bench.browser, dir);
    const file = path.join(dir, `${name}.html`);
    const first = await renderPdf(bench.browser, file, dir, book(), meta, 'A4', { page, reprint: true });
    return { page, file, seed: Object.fromEntries(first.destinations) };
  }

  it('an edit shown beforehand is printed again into the kept print, as a whole print gives it', async () => {
    const { page, file, seed } = await keptPrint('pre');
    const edited = book(`${words.repeat(5)}An edited sentence closes the paragraph.`);
    const shown = preshow(page, file, edited(seed));
    const made = await renderPdf(bench.browser, file, dir, edited, meta, 'A4', { page, reprint: true, seed, shown });
    expect(made.shows).toEqual(['patched']);
    expect(made.reprinted).toBeGreaterThan(0);
    expect(made.reprinted).toBeLessThan(made.pages);

    const fresh = await renderPdf(bench.browser, path.join(dir, 'fresh.html'), dir, edited, meta, 'A4');
    const text = pdfText(pdf('pre-made', made.bytes));
    expect(text.replace(/\s+/g, ' ')).toContain('An edited sentence closes the paragraph.');
    expect(text).toBe(pdfText(pdf('pre-fresh', fresh.bytes)));
    await page.close();
  }, 120_000);

  it('an edit shown beforehand that is not the one printed: changed again, and the whole book prints', async () => {
    const { page, file, seed } = await keptPrint('other');
    // Shown beforehand: the edit and a change elsewhere (as when the parts run on otherwise than last
    // time); printed: the edit alone. Printed again from the second change only, the edit would be lost.
    const edit = `${words.repeat(5)}The edit that prints.`;
    const shown = preshow(page, file, book(edit, false, `${words.repeat(5)}A guess that was wrong.`)(seed));
    const edited = book(edit);
    const made = await renderPdf(bench.browser, file, dir, edited, meta, 'A4', { page, reprint: true, seed, shown });
    expect(made.reprinted).toBeUndefined();
    const text = pdfText(pdf('other-made', made.bytes));
    expect(text.replace(/\s+/g, ' ')).toContain('The edit that prints.');
    expect(text.replace(/\s+/g, ' ')).not.toContain('A guess that was wrong.');
    const fresh = await renderPdf(bench.browser, path.join(dir, 'other-fresh.html'), dir, edited, meta, 'A4');
    expect(text).toBe(pdfText(pdf('other-fresh', fresh.bytes)));
    // The page shows what was printed.
    expect(await show(page, file, edited(Object.fromEntries(made.destinations)))).toBe('same');
    await page.close();
  }, 120_000);
});
