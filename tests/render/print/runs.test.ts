/**
 * A long book's measuring pass prints it as several documents, each a run of parts that starts a page
 * (passes.ts, `measureInRuns`): one document's print costs Chromium its pages × its internal links. The
 * pages it finds are the whole book's (each run's offset by the runs before it), so the PDF is the one a
 * whole-book measuring pass gives: the same pages, page numbers, links and text, in as many passes.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { MEASURE_IN_RUNS_ABOVE, renderPdf } from '../../../src/render/print/passes.js';
import { printBench, printMeta, SENTENCE, writePdf } from '../../support/print-book.js';
import { pdfText } from '../../support/inspect.js';

const bench = printBench('runs');
const { dir } = bench;
const meta = printMeta('Runs');

const ids = Array.from({ length: 10 }, (_, i) => `s${i}`);
/** Sections that run on after the one before (no page break): never the first part of a run. */
const runOn = new Set(['s3', 's4', 's7']);

/**
 * A book of sections of different lengths (some running on after the one before), inside `main` as Quire's
 * print HTML has them, with a contents list whose page numbers the passes fill in, a note at the end linking
 * back to a mention in a section, and an index entry after the sections that points at that mention.
 */
function book(pages: Record<string, number>): string {
  const page = (id: string) => `<span data-pages>${pages[id] ?? '00'}</span>`;
  const contents = ids.map((id) => `<li><a href="#${id}">Section ${id} ${page(id)}</a></li>`).join('');
  const sections = ids.map(
    (id, i) =>
      `<section id="${id}"${runOn.has(id) ? ' class="on"' : ''}><h1>Section ${id}</h1>` +
      `<p>${`${SENTENCE} `.repeat(3 + (i % 4) * 5)}` +
      (id === 's6' ? '<span id="mention">the treaty</span> ' : '') +
      `${SENTENCE}</p></section>`,
  );
  return (
    '<!doctype html><html lang="en"><head><style>@page { size: A5; margin: 12mm; } body { font: 11pt serif; }' +
    'section { break-before: page; } section.on { break-before: auto; } .index { break-before: page; }</style>' +
    `</head><body><nav class="contents"><ol>${contents}</ol></nav><main>${sections.join('')}</main>` +
    `<section class="index"><p>Treaty <a href="#mention">${pages.mention ?? '00'}</a></p></section></body></html>`
  );
}

describe('a long book measured in runs', () => {
  async function printed(runsAbove: number, name: string) {
    const steps: string[] = [];
    const timed = async <T>(step: string, fn: () => Promise<T> | T) => (steps.push(step), fn());
    const file = path.join(dir, `${name}.html`);
    const made = await renderPdf(bench.browser, file, dir, book, meta, 'A4', { timed, runsAbove, runChars: 2000 });
    const text = pdfText(writePdf(dir, name, made.bytes));
    return { steps, made, text };
  }

  it('finds every page a whole-book measure finds, and prints the same book', async () => {
    const open = (await bench.browser.pages()).length;
    const runs = await printed(0, 'in-runs');
    // One measuring step (the runs), in a page of their own that is closed after them.
    expect(runs.steps.filter((s) => s === 'pdf-measure')).toHaveLength(1);
    expect((await bench.browser.pages()).length).toBe(open);
    const whole = await printed(Infinity, 'whole');
    expect(runs.made.measuredInRuns).toBeGreaterThanOrEqual(3);
    expect(whole.made.measuredInRuns).toBeUndefined();
    expect(runs.made.passes).toBe(whole.made.passes);
    expect(runs.made.pages).toBe(whole.made.pages);
    expect([...runs.made.destinations].sort()).toEqual([...whole.made.destinations].sort());
    // The contents' numbers and the index's, filled from pages found in other runs.
    const found = Object.fromEntries(runs.made.destinations);
    expect(found.s9).toBeGreaterThan(found.s0!);
    expect(found.mention).toBeGreaterThanOrEqual(found.s6!);
    expect(found.mention).toBeLessThan(found.s8!);
    expect(runs.text).toMatch(new RegExp(`Section s9 ${found.s9}\\b`));
    expect(runs.text).toMatch(new RegExp(`Treaty ${found.mention}\\b`));
    expect(runs.text).toBe(whole.text);
    // The runs' scratch file is gone.
    expect(readdirSync(dir).filter((f) => f.startsWith('.quire-run'))).toEqual([]);
  }, 120_000);

  it('by default a book of the seed guide’s length is measured whole', async () => {
    const steps: string[] = [];
    const timed = async <T>(step: string, fn: () => Promise<T> | T) => (steps.push(step), fn());
    expect(book({}).length).toBeLessThan(MEASURE_IN_RUNS_ABOVE);
    const made = await renderPdf(bench.browser, path.join(dir, 'short.html'), dir, book, meta, 'A4', { timed });
    expect(made.measuredInRuns).toBeUndefined();
    expect(steps.filter((s) => s === 'pdf-measure')).toHaveLength(1);
  }, 60_000);
});
