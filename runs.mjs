import { pathToFileURL } from 'node:url';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
const { launchBrowser, confinedPage } = await import('/work/main/dist/src/render/print/chromium.js');
const { ChromiumPdf } = await import('/work/main/dist/src/render/print/pdf-file.js');
const file = process.argv[2]; const RUN = Number(process.argv[3] ?? 600000); const root = path.dirname(file);
const browser = await launchBrowser();
const page = await confinedPage(browser, root);
await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
await page.evaluate('document.fonts.ready');
await page.evaluate(`{ const s = document.createElement('style'); s.id='quire-measuring'; s.textContent='*, *::before, *::after, *::marker { visibility: hidden !important; }'; document.head.append(s); }`);
const opts = { format: 'a4', preferCSSPageSize: true, printBackground: true, timeout: 0 };
let t = performance.now();
const whole = ChromiumPdf.open(await page.pdf(opts)).destinations();
console.log('whole', ((performance.now() - t) / 1000).toFixed(2), 's', whole.pages, 'pages', whole.destinations.size);
t = performance.now();
await page.emulateMediaType('print');
const runs = await page.evaluate(`(() => {
  const RUN = ${RUN};
  const parts = [];
  for (const el of document.body.children) {
    if (el.tagName === 'MAIN') for (const c of el.children) parts.push([c, true]);
    else parts.push([el, false]);
  }
  const targets = new Set();
  for (const a of document.querySelectorAll('a[href^="#"]')) targets.add(decodeURIComponent(a.getAttribute('href').slice(1)));
  const groups = []; let cur = []; let size = 0;
  parts.forEach(([el, inMain], i) => {
    const prev = parts[i - 1]?.[0];
    const cut = prev && (getComputedStyle(el).breakBefore === 'page' || getComputedStyle(prev).breakAfter === 'page');
    if (cut && size >= RUN) { groups.push(cur); cur = []; size = 0; }
    const len = el.outerHTML.length;
    cur.push([el, inMain]); size += len;
  });
  groups.push(cur);
  const attrs = (el) => [...el.attributes].map((a) => ' ' + a.name + '="' + a.value.replace(/&/g, '&amp;').replace(/"/g, '&quot;') + '"').join('');
  const main = document.querySelector('body > main');
  return groups.map((g) => {
    let body = ''; let open = false;
    const ids = new Set();
    const clones = g.map(([el, inMain]) => { const c = el.cloneNode(true); return [c, inMain]; });
    for (const [c] of clones) { if (c.id) ids.add(c.id); for (const e of c.querySelectorAll('[id]')) ids.add(e.id); }
    for (const [c] of clones) for (const a of c.querySelectorAll('a[href^="#"]')) { const id = decodeURIComponent(a.getAttribute('href').slice(1)); if (!ids.has(id)) a.removeAttribute('href'); }
    for (const [c, inMain] of clones) {
      if (inMain && !open) { body += '<main' + attrs(main) + '>'; open = true; }
      if (!inMain && open) { body += '</main>'; open = false; }
      body += c.outerHTML;
    }
    if (open) body += '</main>';
    const links = [...ids].filter((id) => targets.has(id)).map((id) => '<a href="#' + encodeURIComponent(id) + '"></a>').join('');
    return '<!DOCTYPE html><html' + attrs(document.documentElement) + '>' + document.head.outerHTML + '<body' + attrs(document.body) + '>' + body + '<div hidden>' + links + '</div></body></html>';
  });
})()`);
await page.emulateMediaType();
console.log('runs', runs.length, 'split ms', (performance.now() - t).toFixed(0), runs.map((r) => r.length));
const p2 = await confinedPage(browser, root);
const found = new Map(); let offset = 0;
for (let i = 0; i < runs.length; i++) {
  const f = path.join(root, `.run-${i}.html`); writeFileSync(f, runs[i]);
  await p2.goto(pathToFileURL(f).href, { waitUntil: 'load' }); await p2.evaluate('document.fonts.ready');
  const d = ChromiumPdf.open(await p2.pdf(opts)).destinations();
  for (const [id, pg] of d.destinations) found.set(id, pg + offset);
  offset += d.pages;
}
console.log('runs total', ((performance.now() - t) / 1000).toFixed(2), 's', offset, 'pages', found.size);
let same = 0, diff = []; for (const [id, p] of whole.destinations) { if (found.get(id) === p) same++; else diff.push([id, p, found.get(id)]); }
console.log('same', same, 'diff', diff.length, diff.slice(0, 5));
await browser.close();
