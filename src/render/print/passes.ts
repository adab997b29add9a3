/**
 * PDF with exact page references, in passes over one browser page.
 *
 * Chromium cannot compute target-counter(), but it writes a /Dests dictionary into every PDF, mapping each
 * linked id to the page it landed on. So: render the print HTML with placeholder page numbers (same width),
 * read /Dests with pdf-lib, render again with the real numbers, and check that no target moved (render once
 * more if one did). The last pass is tagged and has bookmarks; the document metadata is set with pdf-lib.
 *
 * A measuring pass prints with every element `visibility: hidden`: the layout (and so every destination)
 * is the same, but Chromium paints no text, which makes that pass about five times faster.
 *
 * Each pass's page tree and /Dests are read without parsing the whole file, and the metadata is added as an
 * incremental update (pdf-file.ts); a file that is not laid out as Chromium writes it goes through pdf-lib's
 * full load and save instead.
 */
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, ParseSpeeds } from 'pdf-lib';
import type { BookMeta } from '../../model/index.js';
import { browserTimeout, confinedPage, fontsReady } from './chromium.js';
import { ChromiumPdf, type PdfInfo } from './pdf-file.js';

export interface PdfResult {
  bytes: Uint8Array;
  pages: number;
  /** Passes rendered (2 when page numbers settle at once). */
  passes: number;
  /** Page of every linked id. */
  destinations: Map<string, number>;
}

const MAX_PASSES = 4;

/** The page of every named destination (linked id) in a PDF. */
export function destinationsOf(doc: PDFDocument): Map<string, number> {
  const pageOf = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const out = new Map<string, number>();
  const dests = doc.catalog.lookup(PDFName.of('Dests'));
  if (!(dests instanceof PDFDict)) return out;
  for (const [key, value] of dests.entries()) {
    const target = doc.context.lookup(value);
    const array = target instanceof PDFDict ? target.lookup(PDFName.of('D')) : target;
    const ref = array instanceof PDFArray ? array.get(0) : undefined;
    const page = ref instanceof PDFRef ? pageOf.get(ref.toString()) : undefined;
    if (page) out.set(key.decodeText(), page);
  }
  return out;
}

/** What a pass needs of a printed PDF, and the final file with its metadata. */
interface Printed {
  pages: number;
  destinations: Map<string, number>;
  withInfo(info: PdfInfo): Promise<Uint8Array>;
}

/** Returns undefined instead of throwing: an unexpected file goes the full way. */
const attempt = <T>(fn: () => T | undefined): T | undefined => {
  try {
    return fn();
  } catch {
    return undefined;
  }
};

async function readPrinted(raw: Uint8Array): Promise<Printed> {
  const file = attempt(() => ChromiumPdf.open(raw));
  const layout = file && attempt(() => file.destinations());
  if (file && layout) {
    return { ...layout, withInfo: async (info) => attempt(() => file.withInfo(info)) ?? (await fullSave(raw, info)) };
  }
  const doc = await PDFDocument.load(raw, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  return {
    pages: doc.getPageCount(),
    destinations: destinationsOf(doc),
    withInfo: async (info) => saveWithInfo(doc, info),
  };
}

async function fullSave(raw: Uint8Array, info: PdfInfo): Promise<Uint8Array> {
  return saveWithInfo(await PDFDocument.load(raw, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest }), info);
}

async function saveWithInfo(doc: PDFDocument, info: PdfInfo): Promise<Uint8Array> {
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setAuthor(info.author);
  doc.setSubject(info.subject);
  doc.setKeywords(info.keywords);
  doc.setLanguage(info.language);
  doc.setCreator(info.creator);
  doc.setProducer(info.producer);
  doc.setCreationDate(info.date);
  doc.setModificationDate(info.date);
  // pdf-lib yields to the event loop every 50 objects by default: nothing else runs meanwhile.
  return doc.save({ objectsPerTick: Infinity });
}

/** The document information Quire gives a guide or handout. */
export function pdfInfo(meta: BookMeta): PdfInfo {
  return {
    title: meta.subtitle ? `${meta.title}: ${meta.subtitle}` : meta.title,
    author: meta.author,
    subject: meta.description,
    keywords: ['study guide', meta.title],
    language: meta.language,
    creator: 'Quire',
    producer: 'Quire (Chromium, pdf-lib)',
    date: new Date(`${meta.edition.date}T00:00:00Z`),
  };
}

/**
 * Parts of the print HTML that show page numbers: elements whose opening tag ends in ` data-pages>` (the
 * templates' `page` macro, index entries). Two renderings that differ only inside them have the same DOM
 * elsewhere, so the second can be made by replacing their contents in the page already laid out.
 */
const PAGE_REGION = /(<([a-z][a-z0-9-]*)\b[^<>]* data-pages>)([\s\S]*?)(<\/\2>)/g;

/** The HTML with its page regions emptied, and their contents; undefined if a region nests its own tag. */
export function pageRegions(html: string): { skeleton: string; contents: string[] } | undefined {
  const contents: string[] = [];
  let nested = false;
  const skeleton = html.replace(PAGE_REGION, (_all, open: string, tag: string, inner: string, close: string) => {
    if (inner.includes(`<${tag}`)) nested = true;
    contents.push(inner);
    return `${open}${close}`;
  });
  return nested ? undefined : { skeleton, contents };
}

/**
 * The script that puts `contents` into the page's regions, in document order, and removes the measuring
 * style; it returns false (and changes nothing) if the page's regions are not the ones parsed from the
 * HTML. Evaluated by CDP: the page's own JavaScript stays off.
 */
const fillScript = (contents: string[]) => `(() => {
  const contents = ${JSON.stringify(contents)};
  const regions = document.querySelectorAll('[data-pages]');
  if (regions.length !== contents.length) return false;
  regions.forEach((el, i) => { el.innerHTML = contents[i]; });
  document.getElementById('quire-measuring')?.remove();
  return true;
})()`;

/** Hide everything without changing the layout (the measuring pass needs only where targets land). */
async function hideForMeasuring(page: Page): Promise<void> {
  // CDP evaluation works with the page's own JavaScript off.
  await page.evaluate(`{
    const style = document.createElement('style');
    style.id = 'quire-measuring';
    style.textContent = '*, *::before, *::after, *::marker { visibility: hidden !important; }';
    (document.head ?? document.documentElement).append(style);
  }`);
}

async function print(page: Page, paper: 'A4' | 'Letter', final: boolean): Promise<Uint8Array> {
  return page.pdf({
    format: paper === 'A4' ? 'a4' : 'letter',
    preferCSSPageSize: true,
    printBackground: true,
    // Tags and bookmarks only where they are kept: they double Chromium's print time.
    outline: final,
    tagged: final,
    timeout: 4 * browserTimeout(),
  });
}

/**
 * `html(pages)` gives the print HTML for a map of page numbers (empty on the first pass: the templates
 * print placeholders of the same width).
 */
export async function renderPdf(
  browser: Browser,
  htmlFile: string,
  root: string,
  html: (pages: Record<string, number>) => string,
  meta: BookMeta,
  paper: 'A4' | 'Letter',
  options: {
    exactPages?: boolean;
    page?: Page;
    /**
     * Page numbers from an earlier layout (the last build's): the first pass prints with them and is final
     * if no target moved — one pass instead of two after an edit that moves nothing.
     */
    seed?: Record<string, number>;
  } = {},
): Promise<PdfResult> {
  const exactPages = options.exactPages ?? true;
  // A page given by the caller (handouts: one page for all of them) is reused and left open.
  const page = options.page ?? (await confinedPage(browser, root));
  try {
    let pages: Record<string, number> = exactPages && options.seed ? { ...options.seed } : {};
    const seeded = Object.keys(pages).length > 0;
    let printed: Printed | undefined;
    let passes = 0;
    let loaded: string | undefined;
    for (;;) {
      passes++;
      const text = html(pages);
      // The page numbers are the only change from the page already loaded: fill them in (Chromium lays out
      // only what changed) instead of loading the whole book again.
      const before = loaded === undefined ? undefined : pageRegions(loaded);
      const after = before && pageRegions(text);
      const filled =
        before && after && before.skeleton === after.skeleton && (await page.evaluate(fillScript(after.contents)));
      if (!filled) {
        const url = pathToFileURL(htmlFile).href;
        // Written either way, so that the folder holds what the page shows.
        await writeFile(htmlFile, text);
        if (page.url() === url) {
          // The page already shows a document at this address (the last pass, the last handout): replacing its
          // content keeps the renderer and its decoded fonts, and relative addresses resolve the same.
          await page.setContent(text, { waitUntil: 'load', timeout: 2 * browserTimeout() });
        } else {
          await page.goto(url, { waitUntil: 'load', timeout: 2 * browserTimeout() });
        }
        await fontsReady(page);
      }
      loaded = text;
      const final = passes > 1 || !exactPages || seeded;
      if (!final) await hideForMeasuring(page);
      printed = await readPrinted(await print(page, paper, final));
      const found = Object.fromEntries(printed.destinations);
      const moved = Object.keys(found).some((id) => pages[id] !== found[id]);
      pages = found;
      if (final && (!exactPages || !moved || passes >= MAX_PASSES)) break;
    }
    const bytes = await printed.withInfo(pdfInfo(meta));
    return { bytes, pages: printed.pages, passes, destinations: new Map(Object.entries(pages)) };
  } finally {
    if (!options.page) await page.close();
  }
}
