/**
 * A page that shows one text is changed into the next in place (print/patch.ts): the page is then the one a
 * fresh load gives, only the elements that changed are new, and anything whose layout could depend on what
 * is kept is replaced whole (or the page loaded again).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer';
import { confinedPage } from '../../../src/render/print/chromium.js';
import { renderPdf, show } from '../../../src/render/print/passes.js';
import { hyphenatorFor } from '../../../src/render/view/hyphenate.js';
import { printBench, printMeta, SENTENCE, writePdf } from '../../support/print-book.js';
import { pdfText as textOf } from '../../support/inspect.js';

const bench = printBench('patch');
const { dir } = bench;
const file = path.join(dir, 'print.html');
const meta = printMeta('Patch');

const words = SENTENCE;

/** A small book: a head with a style sheet, sections of paragraphs, a table, a float, page numbers. */
function book(change: Partial<Record<'style' | 'para' | 'cell' | 'float' | 'link' | 'page' | 'extra', string>> = {}) {
  return `<!doctype html><html lang="en"><head>
  <link rel="stylesheet" href="page.css">
  <style>${change.style ?? 'h1 { font-size: 14pt; }'}</style>
  ${change.link ? `<link rel="stylesheet" href="${change.link}">` : ''}
</head>
<body>
  <main>
    <section id="one">
      <h1>One</h1>
      <p id="p1">${change.para ?? words}</p>
      <p id="p2">${words}</p>
      ${change.extra ?? ''}
    </section>
    <section id="two">
      <table><tr><td id="c1">${change.cell ?? 'cell'}</td><td>${words}</td></tr></table>
      <p id="p3">${words}</p>
    </section>
    <section id="three">
      <div class="aside" style="float: left; width: 30mm">${change.float ?? 'aside'}</div>
      <p id="p4">${words}</p>
    </section>
    <nav><p>One, p. <span data-pages>${change.page ?? '1'}</span></p></nav>
  </main>
</body></html>`;
}

describe('patching a shown page', () => {
  let page: Page;
  let fresh: Page;

  beforeAll(async () => {
    writeFileSync(path.join(dir, 'page.css'), '@page { size: 120mm 200mm; margin: 10mm; } body { font: 11pt serif; }');
    writeFileSync(path.join(dir, 'other.css'), 'p { color: #222; }');
    page = await confinedPage(bench.browser, dir);
    fresh = await confinedPage(bench.browser, dir);
  }, 60_000);

  const dom = (p: Page) => p.evaluate('document.documentElement.outerHTML') as Promise<string>;
  /** Mark every element of the shown page; after a change, the ids (or tags) of those still marked. */
  const mark = () => page.evaluate(`document.querySelectorAll('body *').forEach((e) => { e.quireMark = true; })`);
  const kept = () =>
    page.evaluate(
      `[...document.querySelectorAll('body *')].filter((e) => e.quireMark).map((e) => e.id || e.localName)`,
    ) as Promise<string[]>;
  /** Show `after` in the page that shows `before`: how, which elements were kept, and whether it is a fresh load. */
  async function change(before: string, after: string) {
    await show(page, file, before);
    await mark();
    const how = await show(page, file, after);
    await show(fresh, path.join(dir, 'fresh.html'), after);
    return { how, kept: await kept(), same: (await dom(page)) === (await dom(fresh)) };
  }

  it('a changed paragraph is the only element replaced, and the page is the one a load gives', async () => {
    const result = await change(book(), book({ para: 'A new first paragraph.' }));
    expect(result.how).toBe('patched');
    expect(result.same).toBe(true);
    expect(result.kept).not.toContain('p1');
    expect(result.kept).toEqual(expect.arrayContaining(['main', 'one', 'p2', 'two', 'c1', 'p3', 'three', 'p4']));
  });

  it('a changed table cell replaces the whole table (its columns depend on every cell), not what follows', async () => {
    const result = await change(book(), book({ cell: 'a much longer cell than before' }));
    expect(result.how).toBe('patched');
    expect(result.same).toBe(true);
    expect(result.kept).not.toContain('table');
    expect(result.kept).not.toContain('c1');
    expect(result.kept).toEqual(expect.arrayContaining(['two', 'p3', 'one', 'p1', 'three', 'p4']));
  });

  it('a changed float replaces its section: the text beside it flows around it', async () => {
    const result = await change(book(), book({ float: 'a wider aside with more words in it' }));
    expect(result.same).toBe(true);
    expect(result.kept).not.toContain('p4');
    expect(result.kept).toEqual(expect.arrayContaining(['one', 'p1', 'two', 'p3']));
  });

  it('a new paragraph replaces its section; a changed style element is replaced; both as a load gives', async () => {
    const result = await change(book(), book({ extra: '<p>More.</p>', style: 'h1 { font-size: 18pt; }' }));
    expect(result.how).toBe('patched');
    expect(result.same).toBe(true);
    expect(result.kept).not.toContain('one');
    expect(result.kept).toEqual(expect.arrayContaining(['two', 'c1', 'three', 'p4']));
  });

  it('only page numbers: filled in; a new style sheet to load: loaded again; the same text: nothing', async () => {
    expect((await change(book(), book({ page: '7' }))).how).toBe('filled');
    const linked = await change(book(), book({ link: 'other.css' }));
    expect(linked.how).toBe('loaded');
    expect(linked.same).toBe(true);
    expect((await change(book(), book())).how).toBe('same');
  });

  it('a page printed after an edit is the page a fresh load prints, hyphens and all', async () => {
    const hyphenate = hyphenatorFor('en')!;
    const text = (extra: string) => book({ para: hyphenate(`${words} ${extra}`) });
    const pdfText = async (html: string, on?: Page) => {
      const made = await renderPdf(bench.browser, file, dir, () => html, meta, 'A4', { exactPages: false, page: on });
      return textOf(writePdf(dir, 'out', made.bytes));
    };
    await pdfText(text('First reading.'), page);
    const patched = await pdfText(text('Second reading, with considerably more international words.'), page);
    const loaded = await pdfText(text('Second reading, with considerably more international words.'));
    expect(patched).toBe(loaded);
    expect(patched).toContain('Second reading');
    expect(patched).not.toContain('\u00ad');
  }, 60_000);
});
