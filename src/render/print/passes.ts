/**
 * PDF with exact page references, in passes over one browser page.
 *
 * Chromium cannot compute target-counter(), but it writes a /Dests dictionary into every PDF, mapping each
 * linked id to the page it landed on. So: render the print HTML with placeholder page numbers (same width),
 * read /Dests with pdf-lib, render again with the real numbers, and check that the numbers found give the
 * HTML just printed (render once more if they do not; a target that moved where no number shows it changes
 * nothing). The last pass is tagged and has bookmarks; the document metadata is set with pdf-lib.
 *
 * A measuring pass prints with every element `visibility: hidden`: the layout (and so every destination)
 * is the same, but Chromium paints no text, which makes that pass about five times faster.
 *
 * Each pass's page tree and /Dests are read without parsing the whole file, and the metadata is added as an
 * incremental update (pdf-file.ts); a file that is not laid out as Chromium writes it goes through pdf-lib's
 * full load and save instead.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Browser, Page } from 'puppeteer';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, ParseSpeeds } from 'pdf-lib';
import type { BookMeta } from '../../model/index.js';
import { browserTimeout, confinedPage, fontsReady } from './chromium.js';
import { ChromiumPdf, xmpOf, type PdfInfo } from './pdf-file.js';
import { patchScript } from './patch.js';
import { keptBook, pagesToReprint, splice, type PrintedBook } from './splice.js';

export interface PdfResult {
  bytes: Uint8Array;
  pages: number;
  /** Passes rendered (2 when page numbers settle at once). */
  passes: number;
  /** Page of every linked id. */
  destinations: Map<string, number>;
  /** How each pass's text came into the page (see `show`). */
  shows: Shown[];
  /** Pages printed again into the last print (splice.ts), when that is how this PDF was made. */
  reprinted?: number;
  /** Documents the measuring pass printed the book as (`measureInRuns`), when it was more than one. */
  measuredInRuns?: number;
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
  /** The file as Chromium wrote it, when it is read without pdf-lib (what a later edit reprints into). */
  file?: ChromiumPdf;
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
    return {
      ...layout,
      file,
      withInfo: async (info) => attempt(() => file.withInfo(info)) ?? (await fullSave(raw, info)),
    };
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
  const metadata = doc.context.stream(Buffer.from(xmpOf(info), 'utf8'), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(metadata));
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
const fillScript = (contents: string[], fresh: boolean) => `(() => {
  const contents = ${JSON.stringify(contents)};
  const regions = document.querySelectorAll('[data-pages]');
  if (regions.length !== contents.length) return false;
  // The regions changed join the elements a patch replaced (or are the only change: \`fresh\`).
  const changed = ${fresh ? '[]' : 'window.quireReplaced ?? []'};
  regions.forEach((el, i) => {
    if (el.innerHTML !== contents[i]) {
      el.innerHTML = contents[i];
      changed.push(el);
    }
  });
  window.quireReplaced = changed;
  document.getElementById('quire-measuring')?.remove();
  return true;
})()`;

/**
 * Script (in an async function): lay the page out, then wait for its fonts and images — after a patch, a new
 * element may use a face or an image not loaded yet, and none may be loading while the page is measured.
 */
const READY = `
  document.body?.getBoundingClientRect();
  await Promise.all([...document.images].filter((i) => !i.complete).map((i) => i.decode().catch(() => {})));
  await document.fonts.ready;`;

/** Paper sizes Quire prints on, as CSS lengths: width and height. */
const PAPER_SIZE: Record<'A4' | 'Letter', [string, string]> = { A4: ['210mm', '297mm'], Letter: ['8.5in', '11in'] };

/**
 * Script: the root made as wide as the printed page's text area (its style element is `style`); the text
 * area's size in CSS pixels is `textWidth` × `textHeight`. `kept`: the style element is meant to stay (a page
 * that only measures): it goes after the body, where a patch of the body or the head never meets it, and is
 * left as it is when it already sets this width (the page is then not laid out again for it).
 */
const printAreaScript = (paper: [string, string], linked: Record<string, string>, kept = false) => `
  const linked = ${JSON.stringify(linked)};
  let left = '0px', right = '0px', top = '0px', bottom = '0px', width = '${paper[0]}', height = '${paper[1]}';
  // The page's size from \`size\`: a length (or two), or a paper name (portrait unless "landscape").
  const papers = { a5: ['148mm', '210mm'], a4: ['210mm', '297mm'], a3: ['297mm', '420mm'], letter: ['8.5in', '11in'],
    legal: ['8.5in', '14in'] };
  const length = (word) => /^[0-9.]+(mm|cm|in|pt|px)$/.test(word ?? '') ? word : '';
  const sizeOf = (size) => {
    const words = size.trim().toLowerCase().split(/\\s+/);
    const paper = papers[words.find((w) => papers[w])];
    if (paper) return words.includes('landscape') ? [paper[1], paper[0]] : paper;
    return [length(words[0]), length(words[1]) || length(words[0])];
  };
  // A file's style sheet is not readable from the page (file: addresses are opaque origins): parsed again.
  for (const el of document.querySelectorAll('style, link[rel~="stylesheet"]')) {
    const text = el.localName === 'style' ? el.textContent : linked[el.href];
    if (text === undefined) continue;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    for (const rule of sheet.cssRules)
      if (rule instanceof CSSPageRule && rule.selectorText === '') {
        left = rule.style.marginLeft || left;
        right = rule.style.marginRight || right;
        top = rule.style.marginTop || top;
        bottom = rule.style.marginBottom || bottom;
        const [w, h] = sizeOf(rule.style.getPropertyValue('size'));
        width = w || width;
        height = h || height;
      }
  }
  // Chromium prints on a text area of whole CSS pixels, rounded up (measured: lines then break as printed).
  // A probe measures it, which lays the whole page out; the page remembers the result for the same style
  // sheets with page geometry in absolute lengths, which give the same area whatever else the page holds.
  const geometry = [width, height, left, right, top, bottom];
  const sheets = [...document.querySelectorAll('style, link[rel~="stylesheet"]')]
    .filter((el) => el.id !== 'quire-print-area')
    .map((el) => (el.localName === 'style' ? el.textContent : linked[el.href]));
  const key = JSON.stringify([geometry, sheets]);
  const absolute = geometry.every((g) => /^[0-9.]+(mm|cm|in|pt|pc|px|q)$/i.test(g));
  let area = absolute && window.quirePrintArea?.key === key ? window.quirePrintArea : undefined;
  if (!area) {
    const probe = document.createElement('div');
    probe.style.width = 'calc(' + width + ' - (' + left + ') - (' + right + '))';
    probe.style.height = 'calc(' + height + ' - (' + top + ') - (' + bottom + '))';
    ${kept ? 'document.documentElement' : 'document.body'}.append(probe);
    const box = probe.getBoundingClientRect();
    area = { key, textWidth: Math.ceil(box.width), textHeight: box.height };
    probe.remove();
    if (absolute) window.quirePrintArea = area;
  }
  const { textWidth, textHeight } = area;
  const css = 'html { width: ' + textWidth + 'px !important; }';
  let style = ${kept ? "document.getElementById('quire-print-area')" : 'null'};
  if (style?.textContent !== css) {
    style?.remove();
    style = document.createElement('style');
    style.textContent = css;
    ${kept ? "style.id = 'quire-print-area'; document.documentElement.append(style);" : 'document.head.append(style);'}
  }
${READY}`;

/**
 * Soft hyphens only where a line breaks, printed as a hyphen-minus: the text layer then holds whole words
 * (search, copy and paste), and a word broken at a line end reads "gov-" + "ernment", which PDF viewers join.
 * (Chromium prints a soft hyphen that breaks a line as U+00AD U+2010, and keeps the others as invisible
 * U+00AD; headless Chromium has no hyphenation dictionaries, so `hyphens: auto` does nothing. The book's
 * fonts draw the soft hyphen with their hyphen-minus: U+2010 itself would come from a fallback font.)
 *
 * The page is measured as it will print: print media, and the root as wide as the page's text area (the
 * paper less the `@page` margins, read from the style sheets). Chromium breaks lines first-fit, so removing
 * break opportunities it did not take changes no line; the hyphen is as wide as the soft hyphen's was.
 * Returns how many soft hyphens were kept as line-end hyphens.
 */
export const lineEndHyphens = (paper: 'A4' | 'Letter', linked: Record<string, string>) => `(async () => {
${printAreaScript(PAPER_SIZE[paper], linked)}
${LINE_END_SCRIPT}
})()`;

/** Script: the soft hyphens replaced (after printAreaScript), and their count. */
const LINE_END_SCRIPT = `
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const rects = (node, i) => {
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    return range.getClientRects();
  };
  // The letter after the soft hyphen is on another line than the letter before it. (The soft hyphen's own box
  // does not tell: inside a ligature, af·ter, it has a share of the ligature's width.)
  const breaks = (node, i) => {
    const before = [...rects(node, i - 1)].pop();
    const after = [...rects(node, i + 1)].pop();
    return !!before && !!after && Math.abs(after.top - before.top) > before.height / 2;
  };
  const nodes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.data.includes('\u00ad')) nodes.push(node);
  // Measure everything first, then change: each change would otherwise lay the page out again.
  const plans = nodes.map((node) => {
    const text = node.data;
    const pieces = [''];
    const widths = [];
    for (let i = 0; i < text.length; i++) {
      if (text[i] !== '\u00ad') pieces[pieces.length - 1] += text[i];
      else if (i > 0 && i + 1 < text.length && breaks(node, i)) {
        pieces.push('');
        // The hyphen Chromium draws for it (its box at a line end is the hyphen's).
        widths.push(Math.max(0, ...[...rects(node, i)].map((r) => r.width)));
      }
    }
    return { node, pieces, widths };
  });
  // Each line-end piece ends in a hyphen-minus as wide as the soft hyphen's hyphen was (the book's font may
  // draw that one from another glyph), followed by a break opportunity.
  const hyphens = [];
  for (const { node, pieces, widths } of plans) {
    node.data = pieces[0];
    let after = node;
    pieces.slice(1).forEach((piece, i) => {
      const hyphen = document.createElement('span');
      hyphen.textContent = '-';
      // Shaped on its own, as Chromium shapes the soft hyphen's hyphen (no kerning with the letter before).
      hyphen.style.fontKerning = 'none';
      const rest = document.createTextNode(piece);
      after.after(hyphen, document.createElement('wbr'), rest);
      hyphens.push({ hyphen, width: widths[i] });
      after = rest;
    });
  }
  const drawn = hyphens.map(({ hyphen }) => hyphen.getBoundingClientRect().width);
  hyphens.forEach(({ hyphen, width }, i) => {
    if (width > 0 && Math.abs(width - drawn[i]) > 0.01) hyphen.style.marginRight = (width - drawn[i]) + 'px';
  });
  const total = hyphens.length;
  style.remove();
  return total;
`;

/** Keep only the soft hyphens that end a line (see lineEndHyphens), measured in print media. */
async function keepLineEndHyphens(page: Page, root: string, paper: 'A4' | 'Letter'): Promise<number> {
  return inPrintLayout(page, root, (linked) => lineEndHyphens(paper, linked));
}

/**
 * The height of each element that matches `selector`, by id, in pages (of the text area), laid out as it
 * prints but without page breaks: how much of a page a chapter fills.
 */
export const heightsScript = (
  paper: 'A4' | 'Letter',
  linked: Record<string, string>,
  selector: string,
  kept = false,
) => `(async () => {
${printAreaScript(PAPER_SIZE[paper], linked, kept)}
  const heights = {};
  for (const el of document.querySelectorAll(${JSON.stringify(selector)}))
    if (el.id) heights[el.id] = el.getBoundingClientRect().height / textHeight;
  ${kept ? '' : 'style.remove();'}
  return heights;
})()`;

/**
 * Show `text` in the page (at `htmlFile`'s address; see `show`) and measure, as it prints, how many pages each
 * element matching `selector` fills (see heightsScript); also how the text came into the page. The passes
 * that follow show their own HTML. `measuring`: the page only ever measures (a session keeps one beside the
 * print page): it stays in print media at the text area's width, so that the next text is laid out only
 * where it differs.
 */
export async function measureHeights(
  page: Page,
  htmlFile: string,
  root: string,
  text: string,
  paper: 'A4' | 'Letter',
  selector: string,
  measuring = false,
): Promise<{ heights: Record<string, number>; shown: Shown }> {
  if (measuring && !printMedia.has(page)) {
    await page.emulateMediaType('print');
    printMedia.add(page);
  }
  const shown = await show(page, htmlFile, text);
  const script = (linked: Record<string, string>) => heightsScript(paper, linked, selector, measuring);
  return { heights: await inPrintLayout(page, root, script, measuring), shown };
}

/** Pages kept in print media (measuring pages). */
const printMedia = new WeakSet<Page>();

/** Evaluate a script made with the page's linked style sheets, in print media. */
async function inPrintLayout<T>(
  page: Page,
  root: string,
  script: (linked: Record<string, string>) => string,
  stay = false,
) {
  const hrefs = (await page.evaluate(
    `[...document.querySelectorAll('link[rel~="stylesheet"]')].map((l) => l.href)`,
  )) as string[];
  const linked: Record<string, string> = {};
  const inside = path.resolve(root) + path.sep;
  for (const href of hrefs) {
    const file = href.startsWith('file:') ? fileURLToPath(href) : '';
    if (file.startsWith(inside)) linked[href] = await readFile(file, 'utf8').catch(() => '');
  }
  if (stay) return (await page.evaluate(script(linked))) as T;
  await page.emulateMediaType('print');
  try {
    return (await page.evaluate(script(linked))) as T;
  } finally {
    await page.emulateMediaType();
  }
}

/** What each page shows: the address and the text last loaded or patched into it (page numbers as filled). */
const shown = new WeakMap<Page, { url: string; text: string; parsed?: number }>();
/** Tokens of the parses a page keeps (patch.ts). */
let parses = 0;

/** How `show` brought a text into the page. */
export type Shown = 'same' | 'filled' | 'patched' | 'loaded';

/**
 * Show `text` in the page at `htmlFile`'s address, its fonts loaded. A page that shows an earlier text at
 * that address is changed in place: the page numbers filled in when nothing else differs, else only the
 * elements that changed replaced (patch.ts); otherwise the text is loaded.
 */
export async function show(page: Page, htmlFile: string, text: string): Promise<Shown> {
  const url = pathToFileURL(htmlFile).href;
  // Written either way, so that the folder holds what the page shows.
  await writeFile(htmlFile, text);
  const last = shown.get(page);
  shown.delete(page);
  let how: Shown = 'loaded';
  let parsed: number | undefined;
  if (last && last.url === url && page.url() === url) {
    const before = pageRegions(last.text);
    const after = before && pageRegions(text);
    if (last.text === text) [how, parsed] = ['same', last.parsed];
    else if (before && after && before.skeleton === after.skeleton) {
      if (await page.evaluate(fillScript(after.contents, true))) [how, parsed] = ['filled', last.parsed];
    } else if (before && after) {
      parsed = await patched(page, last.parsed, before.skeleton, after.skeleton);
      // New elements may use a face or an image not loaded yet: laid out, then waited for.
      if (parsed !== undefined && (await page.evaluate(fillScript(after.contents, false)))) {
        // A new element may use a face or an image not loaded yet: the print steps that follow lay the page
        // out and wait for them (printAreaScript), where a wait here would lay it out once more.
        how = 'patched';
      }
    }
  }
  if (how === 'loaded') {
    parsed = undefined;
    await load(page, url, text);
  }
  shown.set(page, { url, text, parsed });
  return how;
}

/** A show begun before the print (`renderPdf`'s `shown`): what the page showed before it, and how it went. */
export interface Preshown {
  before: string | undefined;
  text: string;
  how: Shown;
}

/**
 * Show `text` in the page now (see `show`), for a print that follows (renderPdf's `shown`, which awaits it
 * and throws its failure): a session's print page shows the book while its measuring page measures.
 */
export function preshow(page: Page, htmlFile: string, text: string): Promise<Preshown> {
  const before = shown.get(page)?.text;
  const out = show(page, htmlFile, text).then((how) => ({ before, text, how }));
  // Not unhandled meanwhile: renderPdf awaits it and throws.
  out.catch(() => undefined);
  return out;
}

async function load(page: Page, url: string, text: string): Promise<void> {
  if (page.url() === url) {
    // The page already shows a document at this address (the last pass, the last handout): replacing its
    // content keeps the renderer and its decoded fonts, and relative addresses resolve the same.
    await page.setContent(text, { waitUntil: 'load', timeout: 2 * browserTimeout() });
  } else {
    await page.goto(url, { waitUntil: 'load', timeout: 2 * browserTimeout() });
  }
  await fontsReady(page);
}

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

/**
 * Print HTML (characters) above which the page's garbage is collected before each whole-book print. The
 * passes before a print (the book loaded, patched, filled, its hyphens replaced) leave the renderer hundreds
 * of megabytes of garbage on a long book, which the print's own allocations would otherwise stack on
 * (measured on ten times the seed guide, 491 pages: the renderer at about 800 MB before a print, 350 MB after
 * the collection). On a small book there is little to collect and the collection is not worth its time.
 */
export const COLLECT_ABOVE = 1_500_000;

/**
 * Collect the page's garbage (JavaScript and DOM, one heap) with `gc()` where the browser exposes it
 * (launchBrowser asks for it), else through the DevTools protocol; and, meanwhile, this process's own (the
 * print HTML of each pass and what the other formats left behind: V8 gives the memory back once collected).
 * Layout and output are unchanged.
 */
async function collectGarbage(page: Page): Promise<void> {
  const inPage = page.evaluate(`typeof gc === 'function' ? (gc(), true) : false`);
  nodeGc()?.();
  if (await inPage) return;
  const session = await page.createCDPSession();
  try {
    await session.send('HeapProfiler.collectGarbage');
  } finally {
    await session.detach().catch(() => undefined);
  }
}

let gcOfNode: (() => void) | null | undefined;
/** This process's `gc()` (as Jest gets it for --logHeapUsage): null if V8 refuses. */
function nodeGc(): (() => void) | null {
  if (gcOfNode !== undefined) return gcOfNode;
  try {
    if (typeof globalThis.gc !== 'function') v8.setFlagsFromString('--expose-gc');
    gcOfNode = (globalThis.gc as (() => void) | undefined) ?? (runInNewContext('gc') as () => void);
  } catch {
    gcOfNode = null;
  }
  return gcOfNode;
}

async function print(page: Page, paper: 'A4' | 'Letter', final: boolean, pageRanges = ''): Promise<Uint8Array> {
  return page.pdf({
    pageRanges,
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
 * Print HTML (characters) above which the measuring pass prints the book as several documents. Chromium's
 * print of one document costs its pages × its internal links (every page it prints looks at every link of
 * the document, see docs/performance.md): ten times the seed guide, one hidden print 14–16 s; the same book
 * as 11 documents, 5.8 s, with every linked element on the page it had. The seed guide (0.5 million) is
 * measured whole, as are books up to twice its length.
 */
export const MEASURE_IN_RUNS_ABOVE = 1_000_000;
/** A run's print HTML, at least (characters): each document costs a load and a print of its own. */
export const RUN_CHARS = 400_000;

/**
 * Script: the shown book (every element hidden for measuring) as documents that each start a page, for the
 * measuring pass: the parts of the body (and of its `main`) in order, cut only between two parts where a
 * page break is forced (`break-after: page` on the first, or `break-before: page` on the second, in print
 * media), into runs of at least `runChars` characters. A part that starts a page lays out the same whatever
 * came before it, so each run's pages are the book's, offset by the pages of the runs before it (the final
 * print, one document, checks that: a page that differs costs a pass more, never a wrong number). Each run
 * keeps the head (styles, page rules), its parts (cloned, the page left as it is), and `<a href="#…">` links
 * only to ids it has (a link to an id a document lacks costs Chromium a search of the whole document); an id
 * that the book links to from another run gets a link in a hidden element (display: none, no layout) so that
 * Chromium writes its named destination. The break after a run's last part is left to the next run. Returns
 * the documents' HTML, or an empty list when the book is one run. Written for Quire's print HTML (its parts
 * are elements, its styles in the head); a template that lays a part out otherwise alone (text between parts,
 * `:first-child`, left and right pages) costs the final print a pass more.
 */
const runsScript = (runChars: number) => `(() => {
  const runChars = ${JSON.stringify(runChars)};
  const main = document.querySelector('body > main');
  const parts = [];
  for (const el of document.body.children) {
    if (el === main) for (const child of main.children) parts.push({ el: child, inMain: true });
    else if (el.id !== 'quire-measuring') parts.push({ el, inMain: false });
  }
  const forced = (value) => value === 'page';
  const runs = [];
  let run = [];
  let size = 0;
  parts.forEach((part, i) => {
    const before = parts[i - 1];
    const cut =
      before && (forced(getComputedStyle(part.el).breakBefore) || forced(getComputedStyle(before.el).breakAfter));
    if (cut && size >= runChars) {
      runs.push(run);
      run = [];
      size = 0;
    }
    run.push(part);
    size += part.el.outerHTML.length;
  });
  runs.push(run);
  if (runs.length < 2) return [];
  const linked = new Set();
  for (const a of document.querySelectorAll('a[href^="#"]')) linked.add(a.getAttribute('href').slice(1));
  const escape = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const attributes = (el) => [...el.attributes].map((a) => ' ' + a.name + '="' + escape(a.value) + '"').join('');
  const head = document.head.outerHTML;
  return runs.map((parts, r) => {
    const clones = parts.map((p) => ({ el: p.el.cloneNode(true), inMain: p.inMain }));
    // The page break after a run's last part is the next run's start: not a page at the end of this one.
    if (r < runs.length - 1) clones[clones.length - 1].el.style.breakAfter = 'auto';
    const ids = new Set();
    for (const { el } of clones) {
      if (el.id) ids.add(el.id);
      for (const inner of el.querySelectorAll('[id]')) ids.add(inner.id);
    }
    for (const { el } of clones)
      for (const a of el.querySelectorAll('a[href^="#"]'))
        if (!ids.has(a.getAttribute('href').slice(1))) a.removeAttribute('href');
    let body = '';
    let inMain = false;
    for (const part of clones) {
      if (part.inMain !== inMain) body += part.inMain ? '<main' + attributes(main) + '>' : '</main>';
      inMain = part.inMain;
      body += part.el.outerHTML;
    }
    if (inMain) body += '</main>';
    const links = [...ids].filter((id) => linked.has(id)).map((id) => '<a href="#' + escape(id) + '"></a>');
    return '<!DOCTYPE html><html' + attributes(document.documentElement) + '>' + head + '<body' +
      attributes(document.body) + '>' + body + '<div hidden>' + links.join('') + '</div></body></html>';
  });
})()`;

/**
 * The measuring pass of a long book as several documents (`runsScript`), printed one after another in a page
 * of their own: the page of every linked element, as one print of the whole book gives it. Undefined when the
 * book is one run (the caller prints it whole, as it does when this throws).
 */
async function measureInRuns(
  browser: Browser,
  page: Page,
  htmlFile: string,
  root: string,
  paper: 'A4' | 'Letter',
  runChars: number,
): Promise<{ documents: number; destinations: Map<string, number> } | undefined> {
  await page.emulateMediaType('print');
  let documents: string[];
  try {
    documents = (await page.evaluate(runsScript(runChars))) as string[];
  } finally {
    await page.emulateMediaType();
  }
  if (documents.length < 2) return undefined;
  // One file for every run, beside the book's (its fonts and styles resolve the same): the page keeps its
  // renderer and decoded fonts from one run to the next (`load`).
  const file = path.join(path.dirname(htmlFile), `.quire-run-${path.basename(htmlFile)}`);
  const url = pathToFileURL(file).href;
  const runPage = await confinedPage(browser, root);
  try {
    const destinations = new Map<string, number>();
    let offset = 0;
    for (const html of documents) {
      await writeFile(file, html);
      await load(runPage, url, html);
      // Laid out, its images decoded and its fonts loaded, as the book's page is before it prints.
      await runPage.evaluate(`(async () => {${READY}})()`);
      const read = await readPrinted(await print(runPage, paper, false));
      for (const [id, at] of read.destinations) if (!destinations.has(id)) destinations.set(id, at + offset);
      offset += read.pages;
    }
    return { documents: documents.length, destinations };
  } finally {
    await runPage.close().catch(() => undefined);
    await rm(file, { force: true });
  }
}

type Timed = <T>(name: string, fn: () => Promise<T> | T) => Promise<T>;

/**
 * One pass's print: the measuring pass (every element hidden; a long book as several documents,
 * `measureInRuns`) or the final print (always one document), and the page of every linked element.
 */
async function printPass(p: {
  browser: Browser;
  page: Page;
  htmlFile: string;
  root: string;
  paper: 'A4' | 'Letter';
  final: boolean;
  /** The print HTML's length (characters). */
  length: number;
  options: { collectAbove?: number; runsAbove?: number; runChars?: number };
  timed: Timed;
}): Promise<{ found: Record<string, number>; printed?: Printed; runs?: number }> {
  const { page, paper, final, timed } = p;
  const unhide = () => page.evaluate(`document.getElementById('quire-measuring')?.remove()`);
  if (!final) await hideForMeasuring(page);
  // Before the runs too: the book's page stays open beside theirs (a long book's garbage is hundreds of MB).
  if (p.length > (p.options.collectAbove ?? COLLECT_ABOVE)) await timed('pdf-gc', () => collectGarbage(page));
  // A run that fails (a load or a print that times out) costs the whole print, not the build.
  const runs =
    !final && p.length > (p.options.runsAbove ?? MEASURE_IN_RUNS_ABOVE)
      ? await timed('pdf-measure', () =>
          measureInRuns(p.browser, page, p.htmlFile, p.root, paper, p.options.runChars ?? RUN_CHARS).catch(
            () => undefined,
          ),
        )
      : undefined;
  if (runs) {
    await unhide();
    return { found: Object.fromEntries(runs.destinations), runs: runs.documents };
  }
  const raw = await timed(final ? 'pdf-print' : 'pdf-measure', () => print(page, paper, final));
  if (!final) await unhide();
  const printed = await timed('pdf-read', () => readPrinted(raw));
  return { found: Object.fromEntries(printed.destinations), printed };
}

/** How `renderPdf` prints (all optional). */
export interface RenderOptions {
  exactPages?: boolean;
  page?: Page;
  /**
   * Page numbers from an earlier layout (the last build's): the first pass prints with them and is final
   * if no target moved — one pass instead of two after an edit that moves nothing.
   */
  seed?: Record<string, number>;
  /** Times each step under a name (the build's figures). */
  timed?: Timed;
  /**
   * The page keeps this print for the next one, which prints again only the pages its edit changed when
   * it moves no page (splice.ts). For a page that prints one book, edit after edit (a session's).
   */
  reprint?: boolean;
  /** Print HTML (characters) above which garbage is collected before each whole-book print (COLLECT_ABOVE). */
  collectAbove?: number;
  /** Print HTML (characters) above which the measuring pass prints the book in runs (MEASURE_IN_RUNS_ABOVE). */
  runsAbove?: number;
  /** The print HTML of one run, at least (characters; RUN_CHARS). */
  runChars?: number;
  /** The page's show begun beforehand (`preshow`): the first pass takes it if it showed that pass's HTML. */
  shown?: Promise<Preshown>;
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
  options: RenderOptions = {},
): Promise<PdfResult> {
  const exactPages = options.exactPages ?? true;
  const timed = options.timed ?? (<T>(_name: string, fn: () => Promise<T> | T) => Promise.resolve(fn()));
  // A page given by the caller (handouts: one page for all of them) is reused and left open.
  const page = options.page ?? (await confinedPage(browser, root));
  try {
    let pages: Record<string, number> = exactPages && options.seed ? { ...options.seed } : {};
    const seeded = Object.keys(pages).length > 0;
    const pre = await options.shown;
    // The last print of this page, if it printed what the page showed before this build.
    const last = options.reprint ? kept.get(page) : undefined;
    kept.delete(page);
    const before = pre ? pre.before : shown.get(page)?.text;
    let valid = last && last.text === before && last.paper === paper ? last.book : undefined;
    let printed: Printed | undefined;
    let passes = 0;
    /** Documents the measuring pass printed, when it printed the book as several (`measureInRuns`). */
    let measuredRuns = 0;
    /** The next pass's HTML, when it was made to see whether this pass is final. */
    let upcoming: string | undefined;
    const shows: Shown[] = [];
    for (;;) {
      passes++;
      // Only what changed from the page already shown: the page numbers, or the elements an edit changed.
      const text = upcoming ?? html(pages);
      upcoming = undefined;
      // The HTML shown beforehand, if it is this one. Otherwise the page is changed once more, and the
      // elements the first change replaced would be missing from what the reprint looks at: it prints all.
      const taken = passes === 1 && pre?.text === text ? pre.how : undefined;
      if (passes === 1 && pre && !taken) valid = undefined;
      const how = taken ?? (await timed('pdf-show', () => show(page, htmlFile, text)));
      shows.push(how);
      const final = passes > 1 || !exactPages || seeded;
      // On the layout about to be printed (a filled page number could move a line of the contents).
      await timed('pdf-hyphens', () => keepLineEndHyphens(page, root, paper));
      if (final && valid && passes === 1 && how !== 'loaded') {
        const book = await reprintChanged(page, paper, valid, how, timed);
        const bytes =
          book && (await timed('pdf-info', () => attempt(() => book.base.withInfo(pdfInfo(meta), book.overrides))));
        if (book && bytes) {
          if (options.reprint) kept.set(page, { book, text, paper });
          const { destinations } = book;
          return { bytes, pages: book.pages.length, passes, destinations, shows, reprinted: book.reprinted };
        }
      }
      // The last pass's PDF is read (its page numbers are in `pages`): not kept alive through this print.
      printed = undefined;
      const where = { browser, page, htmlFile, root, paper };
      const pass = await printPass({ ...where, final, length: text.length, options, timed });
      printed = pass.printed;
      measuredRuns = Math.max(measuredRuns, pass.runs ?? 0);
      const found = pass.found;
      // A target that moved, or that this print no longer has (a number shown for it would be stale).
      const moved =
        Object.keys(found).some((id) => pages[id] !== found[id]) || Object.keys(pages).some((id) => !(id in found));
      pages = found;
      // Targets that moved but whose pages the book does not show (or shows the same) change nothing: the
      // HTML with the pages found is the one just printed, so printing it again would give this PDF.
      let settled = !moved;
      if (moved && exactPages) {
        upcoming = html(pages);
        settled = upcoming === text;
      }
      if (final && printed && (!exactPages || settled || passes >= MAX_PASSES)) {
        const book = options.reprint && printed.file ? keptBook(printed.file) : undefined;
        if (book) kept.set(page, { book, text, paper });
        break;
      }
    }
    const done = printed;
    const bytes = await timed('pdf-info', () => done.withInfo(pdfInfo(meta)));
    const runs = measuredRuns ? { measuredInRuns: measuredRuns } : {};
    return { bytes, pages: done.pages, passes, destinations: new Map(Object.entries(pages)), shows, ...runs };
  } finally {
    if (!options.page) await page.close();
  }
}

/** The last print of each page that keeps one (`reprint`), and the print HTML it printed. */
const kept = new WeakMap<Page, { book: PrintedBook; text: string; paper: string }>();

/** Pages printed again at most (or a third of the book): past that, the whole book prints. */
const MAX_REPRINT = 12;

/**
 * Script: for each element the last patch replaced (and each page region it filled), the pages of the
 * linked elements around it in the last print (`pages`: id → page): the last one before it or holding it,
 * and the first one after it (null at the end). Null if an element is not in the body, or a heading's
 * text changed (patch.ts).
 */
const spansScript = (pages: [string, number][]) => `(() => {
  const pages = new Map(${JSON.stringify(pages)});
  const changed = window.quireReplaced ?? [];
  if (window.quireHeadings || changed.some((el) => !document.body.contains(el))) return null;
  const anchors = [...document.body.querySelectorAll('[id]')].filter((el) => pages.has(el.id));
  return changed.map((el) => {
    let first = 1;
    for (const anchor of anchors) {
      if (anchor === el) continue;
      const where = anchor.compareDocumentPosition(el);
      if (where & Node.DOCUMENT_POSITION_FOLLOWING) first = pages.get(anchor.id);
      else if (!(where & Node.DOCUMENT_POSITION_CONTAINS)) return [first, pages.get(anchor.id)];
    }
    return [first, null];
  });
})()`;

/**
 * Script: hide every element of the body that lies wholly on pages not `printed`, by the pages of the linked
 * elements around it in the last print (`pages`: id → page), as spansScript finds them. `visibility` moves
 * nothing, and a hidden element is left out of the accessibility tree that a tagged print builds. Only what
 * is in the flow, where the document's order is the pages' order, is judged so:
 *
 * - an element placed, fixed or floated, an SVG drawing (whose parts may be used elsewhere) and all they
 *   hold are left as they are, their ancestors are never hidden whole, and their ids place nothing;
 * - a table, flex or grid container (whose parts may be drawn in another order, or repeated on each page:
 *   a table's header) is hidden whole or not at all.
 *
 * Evaluated in print media. The pages the splice takes are then printed as before: the first and last of
 * each run are checked byte for byte (splice.ts). Returns how many elements it hid.
 */
export const quietScript = (pages: [string, number][], printed: number[]) => `(() => {
  const pages = new Map(${JSON.stringify(pages)});
  const printed = ${JSON.stringify(printed)};
  const all = [...document.body.querySelectorAll('*')];
  const order = new Map(all.map((el, i) => [el, i]));
  // Out of the flow, or inside what is; its ancestors (never hidden whole); units (hidden whole or not).
  const loose = new Set();
  const pinned = new Set();
  const units = new Set();
  const anchors = [];
  for (const [i, el] of all.entries()) {
    if (loose.has(el.parentElement)) { loose.add(el); continue; }
    const style = getComputedStyle(el);
    const placed = style.position === 'absolute' || style.position === 'fixed' || style.float !== 'none';
    if (placed || el instanceof SVGElement) {
      loose.add(el);
      for (let at = el.parentElement; at && !pinned.has(at); at = at.parentElement) pinned.add(at);
      continue;
    }
    if (/^(inline-)?(table|flex|grid)$/.test(style.display)) units.add(el);
    if (el.id && pages.has(el.id)) anchors.push([i, pages.get(el.id)]);
  }
  // The index of the first anchor after i; the page of the last anchor at or before i (the element starts
  // there or later), and of the first after i (it ends there or earlier).
  const next = (i) => {
    let lo = 0, hi = anchors.length;
    while (lo < hi) { const m = (lo + hi) >> 1; if (anchors[m][0] > i) hi = m; else lo = m + 1; }
    return lo;
  };
  const before = (i) => { const at = next(i) - 1; return at >= 0 ? anchors[at][1] : 1; };
  const after = (i) => { const at = next(i); return at < anchors.length ? anchors[at][1] : Infinity; };
  const lastOf = (el) => { while (el.lastElementChild) el = el.lastElementChild; return order.get(el); };
  const hidden = [];
  window.quireQuiet = hidden;
  const visit = (el) => {
    if (loose.has(el)) return;
    if (!pinned.has(el)) {
      const from = before(order.get(el)), to = after(lastOf(el));
      if (from <= to && !printed.some((p) => p >= from && p <= to)) {
        // Through the attribute, not the style object (whose changes come back as style="" when restored).
        const style = el.getAttribute('style');
        hidden.push([el, style]);
        el.setAttribute('style', (style === null ? '' : style + '; ') + 'visibility: hidden !important');
        return;
      }
    }
    if (units.has(el)) return;
    for (const kid of el.children) visit(kid);
  };
  for (const kid of document.body.children) visit(kid);
  return hidden.length;
})()`;

/** Script: show again what quietScript hid, its style attribute as it was. */
export const LOUD_SCRIPT = `(() => {
  for (const [el, style] of window.quireQuiet ?? []) {
    if (style === null) el.removeAttribute('style');
    else el.setAttribute('style', style);
  }
  window.quireQuiet = [];
})()`;

/** "3-5,9": the page ranges Chromium prints. */
const rangesOf = (pages: number[]) =>
  pages
    .reduce<[number, number][]>((runs, p) => {
      const run = runs[runs.length - 1];
      if (run && run[1] === p - 1) run[1] = p;
      else runs.push([p, p]);
      return runs;
    }, [])
    .map(([a, b]) => (a === b ? String(a) : `${a}-${b}`))
    .join(',');

/**
 * The kept print with the pages the last patch changed printed again and put in (splice.ts); undefined if
 * the whole book must print.
 */
async function reprintChanged(
  page: Page,
  paper: 'A4' | 'Letter',
  book: PrintedBook,
  how: Shown,
  timed: <T>(name: string, fn: () => Promise<T> | T) => Promise<T>,
): Promise<(PrintedBook & { reprinted: number }) | undefined> {
  if (how === 'same') return { ...book, reprinted: 0 };
  const spans = (await page.evaluate(spansScript([...book.destinations]))) as [number, number | null][] | null;
  const printed =
    spans &&
    pagesToReprint(
      spans.map(([a, b]) => [a, b ?? undefined]),
      book.pages.length,
    );
  if (!printed || printed.length > Math.max(MAX_REPRINT, book.pages.length / 3)) return undefined;
  if (!printed.length) return { ...book, reprinted: 0 };
  // Chromium's tagged print reads the whole document's accessibility tree, whatever the pages it prints:
  // what lies wholly on the other pages is hidden meanwhile, so that it reads little more than it prints.
  // In print media throughout, as the print lays the page out.
  await page.emulateMediaType('print');
  let raw: Uint8Array;
  try {
    await timed('pdf-quiet', () => page.evaluate(quietScript([...book.destinations], printed)));
    raw = await timed('pdf-reprint', () => print(page, paper, true, rangesOf(printed)));
  } finally {
    await page.evaluate(LOUD_SCRIPT);
    await page.emulateMediaType();
  }
  const spliced = await timed('pdf-splice', () => attempt(() => splice(book, printed, raw)));
  return spliced && { ...spliced, reprinted: printed.length };
}

/**
 * Change the page from `before` to `after` in place (patch.ts), with the parse of `before` the page keeps
 * (under the token `kept`) if it has it: the token of the parse of `after` it keeps then, undefined if the
 * page must be loaded instead.
 */
async function patched(page: Page, kept: number | undefined, before: string, after: string) {
  const token = ++parses;
  let replaced = -2;
  if (kept !== undefined) replaced = (await page.evaluate(patchScript(undefined, after, kept, token))) as number;
  if (replaced === -2) replaced = (await page.evaluate(patchScript(before, after, -1, token))) as number;
  return replaced >= 0 ? token : undefined;
}
