/** PDF: the print HTML rendered by Chromium, then document metadata set with pdf-lib. */
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer';
import { PDFDocument } from 'pdf-lib';
import type { BookMeta } from '../model.js';
import { confinedPage } from './chromium.js';

export interface PdfResult {
  bytes: Uint8Array;
  pages: number;
}

export async function renderPdf(browser: Browser, htmlFile: string, root: string, meta: BookMeta, paper: 'A4' | 'Letter'): Promise<PdfResult> {
  const page = await confinedPage(browser, root);
  try {
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load', timeout: 60_000 });
    await page.evaluateHandle('document.fonts.ready').catch(() => undefined);
    const raw = await page.pdf({
      format: paper === 'A4' ? 'a4' : 'letter',
      preferCSSPageSize: true,
      printBackground: true,
      outline: true,
      tagged: true,
      timeout: 120_000,
    });
    const doc = await PDFDocument.load(raw, { updateMetadata: false });
    const date = new Date(`${meta.edition.date}T00:00:00Z`);
    doc.setTitle(meta.subtitle ? `${meta.title}: ${meta.subtitle}` : meta.title, { showInWindowTitleBar: true });
    doc.setAuthor(meta.author);
    doc.setSubject(meta.description);
    doc.setKeywords(['study guide', meta.title]);
    doc.setLanguage(meta.language);
    doc.setCreator('Quire');
    doc.setProducer('Quire (Chromium, pdf-lib)');
    doc.setCreationDate(date);
    doc.setModificationDate(date);
    const bytes = await doc.save();
    return { bytes, pages: doc.getPageCount() };
  } finally {
    await page.close();
  }
}
