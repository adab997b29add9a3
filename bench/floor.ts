/**
 * The floor: a bare puppeteer `page.pdf()` of a ready print HTML file, in a fresh process, with the same
 * Chromium and flags as Quire, and no page-number pass. `node dist/bench/floor.js FILE.html OUT.pdf`.
 */
import { pathToFileURL } from 'node:url';
import { writeFileSync } from 'node:fs';
import { launchBrowser } from '../src/render/print/chromium.js';

const [html, out] = process.argv.slice(2);
const browser = await launchBrowser();
const page = await browser.newPage();
await page.goto(pathToFileURL(html!).href, { waitUntil: 'load' });
writeFileSync(out!, await page.pdf({ format: 'a4', preferCSSPageSize: true, printBackground: true }));
await browser.close();
