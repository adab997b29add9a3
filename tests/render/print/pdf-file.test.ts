import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { PDFDocument } from 'pdf-lib';
import { launchBrowser } from '../../../src/render/print/chromium.js';
import { ChromiumPdf, type PdfInfo } from '../../../src/render/print/pdf-file.js';
import { destinationsOf } from '../../../src/render/print/passes.js';
import { pdfInfo, pdfText } from '../../support/inspect.js';

const dir = mkdtempSync(path.join(tmpdir(), 'quire-pdffile-'));
const info: PdfInfo = {
  title: 'Łódź und Москва: a test',
  author: 'Quire contributors',
  subject: 'Reading a PDF where it is needed',
  keywords: ['study guide', 'test'],
  language: 'de',
  creator: 'Quire',
  producer: 'Quire (Chromium, pdf-lib)',
  date: new Date('2026-03-04T00:00:00Z'),
};

/** A document of several pages with linked targets on known pages. */
const html = `<!doctype html><html lang="en"><head><title>Chromium's own title</title>
<style>section { break-after: page; } </style></head><body>
<nav><a href="#one">One</a> <a href="#two">Two</a> <a href="#three">Three</a> <a href="#three-b">Three b</a></nav>
<section id="one"><h1>Page one</h1></section>
<section id="two"><h1>Page two</h1></section>
<section><h1 id="three">Page three</h1><p id="three-b">also three</p></section>
${Array.from({ length: 30 }, (_, i) => `<section><h1>Filler ${i + 4}</h1></section>`).join('')}
</body></html>`;

describe("reading Chromium's PDF where it is needed, and adding the metadata as an incremental update", () => {
  let browser: Browser;
  let raw: Uint8Array;
  let untagged: Uint8Array;

  beforeAll(async () => {
    browser = await launchBrowser();
    const page = await browser.newPage();
    await page.setContent(html);
    raw = await page.pdf({ format: 'a4', tagged: true, outline: true });
    untagged = await page.pdf({ format: 'a4', tagged: false });
    await page.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds the pages and every destination where a full parse finds them', async () => {
    for (const bytes of [raw, untagged]) {
      const read = ChromiumPdf.open(bytes)!.destinations()!;
      const doc = await PDFDocument.load(bytes);
      expect(read.pages).toBe(doc.getPageCount());
      expect(read.pages).toBe(33);
      expect(Object.fromEntries(read.destinations)).toEqual(Object.fromEntries(destinationsOf(doc)));
      expect(Object.fromEntries(read.destinations)).toMatchObject({ one: 1, two: 2, three: 3, 'three-b': 3 });
    }
  });

  it('appends the metadata: the original bytes stay as they were, and readers see the new values', async () => {
    const file = path.join(dir, 'updated.pdf');
    const updated = ChromiumPdf.open(raw)!.withInfo(info)!;
    writeFileSync(file, updated);
    expect(Buffer.from(updated.subarray(0, raw.length)).equals(Buffer.from(raw))).toBe(true);
    // qpdf follows the update's cross-reference section and finds nothing wrong.
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain(
      'No syntax or stream encoding errors',
    );
    const shown = pdfInfo(file);
    expect(shown.Title).toBe(info.title);
    expect(shown.Author).toBe(info.author);
    expect(shown.Subject).toBe(info.subject);
    expect(shown.Keywords).toBe('study guide test');
    expect(shown.Creator).toBe('Quire');
    expect(shown.Pages).toBe('33');
    expect(shown.Tagged).toBe('yes');
    // The catalog now says German (the page said English) and to show the title, not the file name.
    const catalog = execFileSync('qpdf', ['--show-object=trailer', file], { encoding: 'utf8' });
    const root = /\/Root (\d+) 0 R/.exec(catalog)![1]!;
    const shownCatalog = execFileSync('qpdf', [`--show-object=${root}`, file], { encoding: 'utf8' });
    expect(shownCatalog).toContain('/Lang (de)');
    expect(shownCatalog).toMatch(/\/DisplayDocTitle true/);
    // Another reader (pdf-lib) sees the same; the text is unchanged.
    const doc = await PDFDocument.load(updated);
    expect(doc.getTitle()).toBe(info.title);
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-03-04T00:00:00.000Z');
    expect(pdfText(file, 3)).toContain('Page three');
    // A file with an update already in it is not Chromium's own any more: it is left to the full parse.
    expect(ChromiumPdf.open(updated)).toBeUndefined();
  });

  /** The file with its trailer dictionary rewritten (the cross-reference table stays where it is). */
  const withTrailer = (bytes: Uint8Array, edit: (trailer: string) => string) => {
    const text = Buffer.from(bytes).toString('latin1');
    const at = text.lastIndexOf('trailer');
    const [, dict, startxref] = /^trailer\s*(<<[\s\S]*?>>)\s*(startxref[\s\S]*)$/.exec(text.slice(at))!;
    return Buffer.from(`${text.slice(0, at)}trailer\n${edit(dict!)}\n${startxref}`, 'latin1');
  };

  it('appends the info, the XMP metadata (PDF/UA) and the catalog; a file without /Info gets a new object', () => {
    const same = ChromiumPdf.open(raw)!.withInfo({ ...info, language: 'en' })!;
    const appended = Buffer.from(same.subarray(raw.length)).toString('utf8');
    expect(appended).toContain('/Author');
    expect(appended).toMatch(/\/Type \/Catalog[^]*\/Metadata \d+ 0 R/);
    expect(appended).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(appended).toContain('<rdf:li xml:lang="x-default">Łódź und Москва: a test</rdf:li>');
    const withXmp = path.join(dir, 'xmp.pdf');
    writeFileSync(withXmp, same);
    expect(execFileSync('qpdf', ['--check', withXmp], { encoding: 'utf8' })).toContain(
      'No syntax or stream encoding errors',
    );

    const noInfo = withTrailer(raw, (t) => t.replace(/\/Info \d+ 0 R/, ''));
    const size = Number(/\/Size (\d+)/.exec(Buffer.from(noInfo).toString('latin1').slice(-300))![1]);
    const file = path.join(dir, 'no-info.pdf');
    writeFileSync(file, ChromiumPdf.open(noInfo)!.withInfo(info)!);
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain(
      'No syntax or stream encoding errors',
    );
    expect(execFileSync('qpdf', ['--show-object=trailer', file], { encoding: 'utf8' })).toContain(`/Info ${size} 0 R`);
    expect(pdfInfo(file).Title).toBe(info.title);
  });

  it('leaves files not laid out as Chromium writes them to the full parse', async () => {
    // pdf-lib's own save: object streams and a cross-reference stream.
    const saved = await (await PDFDocument.load(raw)).save();
    expect(ChromiumPdf.open(saved)).toBeUndefined();
    // A damaged cross-reference table.
    const damaged = Buffer.from(raw);
    const xref = damaged.lastIndexOf('\nxref\n') + 1;
    // The entry after the free one: its generation number is no longer five digits.
    const entry = damaged.indexOf(' 65535 f', xref) + 20;
    damaged.write('xx', entry + 3, 'latin1');
    expect(ChromiumPdf.open(damaged)?.destinations()).toBeUndefined();
    // Not a PDF at all.
    expect(ChromiumPdf.open(Buffer.from('hello'))).toBeUndefined();
    // Encrypted, or hybrid (objects in streams the table does not list): refused.
    expect(ChromiumPdf.open(withTrailer(raw, (t) => t.replace('>>', ' /Encrypt 5 0 R>>')))).toBeUndefined();
    expect(ChromiumPdf.open(withTrailer(raw, (t) => t.replace('>>', ' /XRefStm 100 >>')))).toBeUndefined();
    // Offsets past the end of the file: no exception, just no fast path.
    const text = Buffer.from(raw).toString('latin1');
    const cut = text.lastIndexOf('startxref');
    expect(
      ChromiumPdf.open(Buffer.from(`${text.slice(0, cut)}startxref\n99999999\n%%EOF\n`, 'latin1')),
    ).toBeUndefined();
    const far = Buffer.from(raw);
    // Every object of the table moved far beyond the end: nothing can be read, and nothing throws.
    const table = far.lastIndexOf('\nxref\n') + 1;
    const moved = Buffer.from(
      far
        .subarray(table)
        .toString('latin1')
        .replace(/^\d{10} (\d{5}) n/gm, '9999999999 $1 n'),
      'latin1',
    );
    const unreadable = ChromiumPdf.open(Buffer.concat([far.subarray(0, table), moved]));
    expect(unreadable?.destinations()).toBeUndefined();
  });
});
