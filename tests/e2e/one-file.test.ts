/**
 * Issue 21: the web page as one file (`--embed-resources`). Copied alone into an empty folder and opened in
 * Chromium, it is styled, shows its fonts and image, and makes no request beyond itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer';
import { build } from '../../src/pipeline/build.js';
import { launchBrowser } from '../../src/render/print/chromium.js';
import { FIXTURES } from '../support/content.js';

const BASE = 'the-lighthouse-keepers';

/** What a reader sees when the page is opened from a folder that holds nothing else. */
async function openAlone(browser: Browser, html: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'quire-one-file-alone-'));
  const file = path.join(dir, 'guide.html');
  copyFileSync(html, file);
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const requests: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    requests.push(request.url());
    // Only the file itself is served: anything else would be a resource the page fetches.
    if (request.url() === pathToFileURL(file).href || request.url().startsWith('data:')) void request.continue();
    else void request.abort();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  await page.evaluate('document.fonts.ready');
  const seen = (await page.evaluate(`(() => {
    const h1 = document.querySelector('h1');
    const img = document.querySelector('.block img');
    return {
      headingFont: getComputedStyle(h1).fontFamily,
      bodyWidth: document.body.getBoundingClientRect().width,
      pageWidth: document.documentElement.clientWidth,
      fontsLoaded: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family),
      serifDrawn: document.fonts.check('16px "Source Serif 4"'),
      imageWidth: img ? img.naturalWidth : 0,
    };
  })()`)) as {
    headingFont: string;
    bodyWidth: number;
    pageWidth: number;
    fontsLoaded: string[];
    serifDrawn: boolean;
    imageWidth: number;
  };
  const screenshot = await page.screenshot({ type: 'png', path: path.join(dir, 'seen.png') });
  await page.close();
  // Data addresses are inside the file; any other request would leave it.
  const others = requests.filter((u) => u !== pathToFileURL(file).href && !u.startsWith('data:'));
  return { ...seen, others, screenshot, dir };
}

describe('the web page as one file', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'quire-one-file-'));
  const plain = mkdtempSync(path.join(tmpdir(), 'quire-one-file-plain-'));
  let browser: Browser;

  beforeAll(async () => {
    const contentDir = path.join(FIXTURES, 'rich');
    await build({ contentDir, outDir: out, formats: ['html'], progress: 'silent', embedResources: true });
    await build({ contentDir, outDir: plain, formats: ['html'], progress: 'silent' });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(() => browser?.close());

  it('is written alone: no assets/ or media/ folder beside it, nor those of an earlier build without it', async () => {
    const again = mkdtempSync(path.join(tmpdir(), 'quire-one-file-again-'));
    const contentDir = path.join(FIXTURES, 'rich');
    await build({ contentDir, outDir: again, formats: ['html'], progress: 'silent' });
    expect(readdirSync(again)).toEqual(expect.arrayContaining(['assets', 'media']));
    await build({ contentDir, outDir: again, formats: ['html'], progress: 'silent', embedResources: true });
    for (const dir of [out, again]) {
      const names = readdirSync(dir).filter((n) => !n.startsWith('.'));
      expect(names).toEqual([`${BASE}.html`]);
    }
  });

  it('opens styled from an empty folder, with its fonts and image, and requests nothing', async () => {
    const seen = await openAlone(browser, path.join(out, `${BASE}.html`));
    expect(seen.others).toEqual([]);
    // The screen style sheet applies: headings in the sans face, the text in a column narrower than the window.
    expect(seen.headingFont).toMatch(/Source Sans 3/);
    expect(seen.bodyWidth).toBeLessThan(seen.pageWidth * 0.9);
    expect(seen.fontsLoaded).toEqual(expect.arrayContaining(['Source Serif 4', 'Source Sans 3']));
    expect(seen.serifDrawn).toBe(true);
    expect(seen.imageWidth).toBeGreaterThan(0);
    expect(seen.screenshot.length).toBeGreaterThan(1000);
  });

  it('the ordinary page, copied alone, is not: the difference is the option', async () => {
    const seen = await openAlone(browser, path.join(plain, `${BASE}.html`));
    expect(seen.others.length).toBeGreaterThan(0);
    expect(seen.headingFont).not.toMatch(/Source Sans 3/);
    expect(seen.imageWidth).toBe(0);
  });
});
