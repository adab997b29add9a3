/**
 * Before each whole-book print of a long book, the page's garbage is collected (passes.ts, COLLECT_ABOVE):
 * once per pass printed, never for a short book, and the PDF is the one printed without it — the same pages,
 * links and text.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { COLLECT_ABOVE, renderPdf } from '../../../src/render/print/passes.js';
import { printBench, printMeta, SENTENCE, writePdf } from '../../support/print-book.js';
import { pdfText } from '../../support/inspect.js';

const bench = printBench('collect');
const { dir } = bench;
const meta = printMeta('Collect');

const words = `${SENTENCE} `;

/** A book of sections with a contents list whose page numbers the passes fill in. */
function book(pages: Record<string, number>): string {
  const ids = Array.from({ length: 12 }, (_, i) => `s${i}`);
  const contents = ids
    .map((id) => `<li><a href="#${id}">Section ${id} <span data-pages>${pages[id] ?? '00'}</span></a></li>`)
    .join('');
  const sections = ids.map((id) => `<section id="${id}"><h1>Section ${id}</h1><p>${words.repeat(12)}</p></section>`);
  return (
    '<!doctype html><html lang="en"><head><style>@page { size: A5; margin: 12mm; } body { font: 11pt serif; }' +
    `section { break-before: page; }</style></head><body><ol>${contents}</ol>${sections.join('')}</body></html>`
  );
}

describe('garbage collected before a long book prints', () => {
  /** Print with a threshold: the steps timed, the PDF and its text. */
  async function printed(collectAbove: number, name: string) {
    const steps: string[] = [];
    const timed = async <T>(step: string, fn: () => Promise<T> | T) => (steps.push(step), fn());
    const file = path.join(dir, `${name}.html`);
    const made = await renderPdf(bench.browser, file, dir, book, meta, 'A4', { timed, collectAbove });
    const text = pdfText(writePdf(dir, name, made.bytes));
    return { steps, made, text };
  }

  it('collects once per whole-book print above the threshold, and prints the same book', async () => {
    const collected = await printed(0, 'collected');
    const plain = await printed(Infinity, 'plain');
    const prints = collected.steps.filter((s) => s === 'pdf-measure' || s === 'pdf-print').length;
    expect(prints).toBeGreaterThanOrEqual(2);
    expect(collected.steps.filter((s) => s === 'pdf-gc')).toHaveLength(prints);
    expect(plain.steps).not.toContain('pdf-gc');
    expect(collected.made.pages).toBe(plain.made.pages);
    expect(collected.made.pages).toBeGreaterThan(12);
    expect([...collected.made.destinations]).toEqual([...plain.made.destinations]);
    expect(collected.text).toBe(plain.text);
    expect(collected.text).toContain('Section s11');
  }, 60_000);

  it('by default a short book prints without a collection', async () => {
    const steps: string[] = [];
    const timed = async <T>(step: string, fn: () => Promise<T> | T) => (steps.push(step), fn());
    expect(book({}).length).toBeLessThan(COLLECT_ABOVE);
    await renderPdf(bench.browser, path.join(dir, 'short.html'), dir, book, meta, 'A4', { timed });
    expect(steps).toContain('pdf-print');
    expect(steps).not.toContain('pdf-gc');
  }, 60_000);
});
