/**
 * The live preview's bar at phone width (#22): everything in it reachable, nothing wider than the screen,
 * and a failed build's error box never under or over another part of the bar. Laid out by Chromium.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer';
import { PreviewServer, type BuildReport, type PreviewState } from '../../src/pipeline/preview-server.js';
import { findChromium } from '../../src/render/print/chromium.js';

const dir = mkdtempSync(path.join(tmpdir(), 'quire-preview-layout-'));
let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const PREVIEW: PreviewState = {
  title: 'Germany–Soviet Union relations, 1918–1941: a study guide with a long title',
  chapters: Array.from({ length: 12 }, (_, i) => ({ id: `c${i}`, title: `A chapter with a long title, number ${i}` })),
  has: { ambassadors: true, treaties: true, timeline: true, questions: true, index: true },
  files: { html: 'guide.html', pdf: 'guide.pdf', epub: 'guide.epub', report: 'report.html' },
};

const failed: BuildReport = {
  number: 3,
  ok: false,
  ms: 120,
  changed: ['quire.yaml'],
  written: [],
  at: '2026-12-01T10:00:00.000Z',
  pending: [],
  error:
    'content/quire.yaml:14:1: invalid config: unknown key "paper" in top level (did you mean "output"?) — see ' +
    '"The config file" in README.md for the allowed keys and types',
};

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}
interface Layout {
  width: number;
  error: Box;
  errorShown: boolean;
  parts: (Box & { name: string })[];
  frameTop: number;
}

describe('the preview bar', () => {
  it('at 360 px wide: nothing overflows, and the error box overlaps no other part of the bar', async () => {
    const server = new PreviewServer(dir);
    await server.listen(0, '127.0.0.1');
    try {
      server.publish([failed], PREVIEW);
      browser = await puppeteer.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
      const page = await browser.newPage();
      await page.setViewport({ width: 360, height: 740 });
      await page.goto(server.url);
      // Run in the page (a string: the tests are type-checked without the DOM's types).
      const layout = (await page.evaluate(`(() => {
        const box = (el) => {
          const r = el.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        };
        const error = document.getElementById('error');
        const parts = [...document.querySelectorAll('header h1, header nav a, header nav select, #status')];
        return {
          width: document.documentElement.scrollWidth,
          error: box(error),
          errorShown: getComputedStyle(error).display !== 'none',
          parts: parts.map((p) => ({ name: p.textContent.trim().slice(0, 20), ...box(p) })),
          frameTop: box(document.getElementById('view')).top,
        };
      })()`)) as Layout;
      expect(layout.width).toBeLessThanOrEqual(360);
      expect(layout.errorShown).toBe(true);
      for (const part of layout.parts) {
        expect(part.right, part.name).toBeLessThanOrEqual(360);
        const overlaps =
          part.left < layout.error.right &&
          layout.error.left < part.right &&
          part.top < layout.error.bottom &&
          layout.error.top < part.bottom;
        expect(overlaps, part.name).toBe(false);
      }
      // The guide starts below the error box, which is never covered.
      expect(layout.frameTop).toBeGreaterThanOrEqual(layout.error.bottom);
    } finally {
      await server.close();
    }
  });
});
