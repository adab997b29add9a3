/**
 * The passes end when the page numbers found give the HTML just printed (passes.ts): a linked target that
 * moved where no number shows it costs no further print, and one whose number shows is printed again until
 * the number is right.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { renderPdf } from '../../../src/render/print/passes.js';
import { printBench, printMeta, SENTENCE, writePdf } from '../../support/print-book.js';
import { pdfText } from '../../support/inspect.js';

const bench = printBench('settle');
const { dir } = bench;
const meta = printMeta('Settle');

/**
 * A book whose first pass (no page numbers known yet) has a short opening and later passes a long one, so
 * the heading "Target" moves from page 1 to a later page after the first pass. `showTarget`: the book also
 * prints the target's page number.
 */
const book =
  (showTarget: boolean) =>
  (pages: Record<string, number>): string => {
    const opening = `${SENTENCE} `.repeat(Object.keys(pages).length ? 40 : 2);
    const shown = showTarget ? `<p>The target is on page <span data-pages>${pages.target ?? '00'}</span>.</p>` : '';
    return (
      '<!doctype html><html lang="en"><head><style>@page { size: A5; margin: 12mm; } body { font: 11pt serif; }' +
      `</style></head><body><p><a href="#target">To the target</a></p>${shown}<p>${opening}</p>` +
      '<h2 id="target">Target</h2><p>The end.</p></body></html>'
    );
  };

/** A one-page book that shows the page of `gone`, a target it no longer has (as after an edit). */
const without = (pages: Record<string, number>): string =>
  '<!doctype html><html lang="en"><head><style>@page { size: A5; margin: 12mm; } body { font: 11pt serif; }' +
  `</style></head><body><p><a href="#here">Here</a> and gone: <span data-pages>${pages.gone ?? '00'}</span>.</p>` +
  '<h2 id="here">Here</h2></body></html>';

describe('page-number passes settle on the HTML', () => {
  /** Print a book: the result, and the text of each page as pdftotext reads it. */
  async function printed(showTarget: boolean, name: string) {
    const file = path.join(dir, `${name}.html`);
    const made = await renderPdf(bench.browser, file, dir, book(showTarget), meta, 'A4');
    const pages = pdfText(writePdf(dir, name, made.bytes)).split('\f');
    const targetPage = pages.findIndex((p) => /^\s*Target\s*$/m.test(p)) + 1;
    return { made, pages, targetPage };
  }

  it('a target that moved where no number shows it: two passes, its true page recorded', async () => {
    const { made, targetPage } = await printed(false, 'unshown');
    expect(targetPage).toBeGreaterThan(1);
    expect(made.destinations.get('target')).toBe(targetPage);
    expect(made.passes).toBe(2);
  }, 60_000);

  it('a target whose number shows: printed again until the number is its page', async () => {
    const { made, pages, targetPage } = await printed(true, 'shown');
    expect(targetPage).toBeGreaterThan(1);
    expect(made.destinations.get('target')).toBe(targetPage);
    expect(pages[0]).toMatch(new RegExp(`The target is on page ${targetPage}\\.`));
    expect(made.passes).toBe(3);
  }, 60_000);

  it('a number kept from the last layout for a target the book no longer has is not left in the PDF', async () => {
    const file = path.join(dir, 'gone.html');
    const made = await renderPdf(bench.browser, file, dir, without, meta, 'A4', { seed: { here: 1, gone: 7 } });
    const text = pdfText(writePdf(dir, 'gone', made.bytes));
    // What a build from nothing prints: the placeholder, as no page of this book holds the target.
    expect(text).toMatch(/and gone: 00\./);
    expect(made.destinations.has('gone')).toBe(false);
    expect(made.passes).toBe(2);
  }, 60_000);
});
