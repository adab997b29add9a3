import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer';
import fc from 'fast-check';
import { dodge, timelineFigure, wrap, PRINT, TEXT, WIDTH } from '../../../src/render/view/figure.js';
import { launchBrowser } from '../../../src/render/print/chromium.js';
import type { StudyGuide } from '../../../src/model/index.js';
import { seedGuide } from '../../support/seed-guide.js';

const guide = seedGuide();

/** The seed guide with treaties whose names run long and crowd one year (labels of unknown length). */
function crowded(): StudyGuide {
  const long = (i: number) =>
    `The Supplementary Protocol on the Demarcation of the Frontier and the Exchange of Populations ${i}`;
  const extra = Array.from({ length: 12 }, (_, i) => ({
    ...guide.glossaries.treaties[0]!,
    id: `extra-${i}`,
    name: long(i),
    date: `1939-0${1 + (i % 9)}-1${i % 9}`,
  }));
  return { ...guide, glossaries: { ...guide.glossaries, treaties: [...guide.glossaries.treaties, ...extra] } };
}

interface TextBox {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** The font size as shown, in CSS pixels. */
  px: number;
}

/**
 * Each part shown as on a 390-px phone (a 345-px text column), or `column` px wide (80 mm on paper: 302.4 px),
 * and the boxes of its text as Chromium lays it out.
 */
async function textBoxes(page: Page, svg: string, column = 345): Promise<TextBox[]> {
  await page.setViewport({ width: Math.ceil(column + 45), height: 800 });
  await page.setContent(
    `<!doctype html><body style="margin:0;padding:0 22.5px"><div style="width:${column}px">${svg}</div></body>`,
  );
  return (await page.evaluate(`(() => {
    const svg = document.querySelector('svg');
    svg.style.width = '100%'; svg.style.height = 'auto';
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return [...svg.querySelectorAll('text')].map((t) => {
      const r = t.getBoundingClientRect();
      return { text: t.textContent, left: r.left, top: r.top, right: r.right, bottom: r.bottom,
        px: parseFloat(t.getAttribute('font-size')) * scale };
    });
  })()`)) as TextBox[];
}

const overlaps = (a: TextBox, b: TextBox) =>
  a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

describe('the timeline figure', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });

  for (const [name, book] of [
    ['the seed guide', guide],
    ['a guide with long, crowded labels', crowded()],
  ] as const) {
    it(`${name}: every label at least 12 px on a phone, inside the figure, none overlapping`, async () => {
      const figure = timelineFigure(book)!;
      expect(figure.parts.length).toBeGreaterThanOrEqual(1);
      let checked = 0;
      for (const part of figure.parts) {
        const boxes = await textBoxes(page, part.svg);
        expect(boxes.length).toBeGreaterThan(5);
        for (const box of boxes) {
          expect(box.px, box.text).toBeGreaterThanOrEqual(12);
          expect(box.right, `"${box.text}" runs out of the figure`).toBeLessThanOrEqual(22.5 + 345 + 0.5);
          expect(box.left).toBeGreaterThanOrEqual(22.5 - 0.5);
        }
        for (const [i, a] of boxes.entries())
          for (const b of boxes.slice(i + 1)) {
            expect(overlaps(a, b), `"${a.text}" and "${b.text}" overlap`).toBe(false);
            checked++;
          }
      }
      expect(checked).toBeGreaterThan(100);
    }, 60_000);
  }

  it('on paper: parts 80 mm wide, every label at body size (10.5 pt) or more, inside, none overlapping', async () => {
    const column = (80 / 25.4) * 96;
    for (const book of [guide, crowded()]) {
      const figure = timelineFigure(book, PRINT)!;
      // The seed's 24 years and 55 labels in parts that stand two side by side on a page: two pages at most.
      if (book === guide) expect(figure.parts.length).toBeGreaterThanOrEqual(2);
      if (book === guide) expect(figure.parts.length).toBeLessThanOrEqual(4);
      for (const part of figure.parts) {
        const boxes = await textBoxes(page, part.svg, column);
        for (const box of boxes) {
          expect(box.px, box.text).toBeGreaterThanOrEqual(14 - 1e-6);
          expect(box.right, `"${box.text}" runs out of the figure`).toBeLessThanOrEqual(22.5 + column + 0.5);
        }
        for (const [i, a] of boxes.entries())
          for (const b of boxes.slice(i + 1)) expect(overlaps(a, b), `"${a.text}" and "${b.text}" overlap`).toBe(false);
        const height = Number(/viewBox="0 0 \d+ (\d+)"/.exec(part.svg)![1]);
        // A part runs over only where one year holds more than a page (the crowded guide's 1939).
        if (book === guide) expect(height).toBeLessThanOrEqual(700);
      }
    }
  }, 60_000);

  it('labels every treaty and term, and gives the same facts as table rows and text alternatives', () => {
    const figure = timelineFigure(guide)!;
    const dated = guide.glossaries.treaties.filter((t) => t.date);
    const terms = guide.glossaries.ambassadors.filter((a) => a.from !== null);
    expect(figure.rows).toHaveLength(dated.length + terms.length);
    // The figure's text as shown: labels wrap over several lines (tspans).
    const svg = figure.parts
      .map((p) => p.svg.replace(/<title>[^<]*<\/title>/g, '').replace(/<[^>]+>/g, ' '))
      .join(' ')
      .replace(/\s+/g, ' ');
    const alt = figure.parts.map((p) => p.alt).join(' ');
    for (const t of dated) {
      // A name that carries its year ("… Agreement (1939)", "… (Soviet Union–Estonia, 1939)") is not given it twice.
      const year = t.date!.slice(0, 4);
      expect(svg).toContain(t.name.includes(year) ? t.name : `${t.name} (${year})`);
      expect(svg).not.toMatch(/(\d{4})\) \(\1\)/);
      expect(alt).toContain(t.name);
      expect(figure.rows).toContainEqual({ when: t.date, what: t.name, lane: 'Treaty' });
    }
    for (const a of terms) expect(figure.rows).toContainEqual({ when: a.term, what: a.name, lane: a.post });
  });

  it('sets every label beside its mark: a crowded year is drawn taller, each year still labelled in order', () => {
    let leaders = 0;
    for (const shape of [undefined, PRINT])
      for (const part of timelineFigure(guide, shape)!.parts) {
        // A leader line runs from the mark (its first point) to the label's middle (its last).
        const drops = [...part.svg.matchAll(/<polyline points="[\d.]+,([\d.]+) [\d.]+,[\d.]+ [\d.]+,([\d.]+)"/g)].map(
          (m) => Math.abs(Number(m[2]) - Number(m[1])),
        );
        expect(drops.length).toBeGreaterThan(2);
        leaders += drops.length;
        // Three lines of labels at most (15 units each; things of one date stack): the teacher's "1932" pact stood a
        // year and a half (120 units) away.
        expect(Math.max(...drops), part.period).toBeLessThanOrEqual(45);
        const years = [...part.svg.matchAll(/<text x="31" y="([\d.]+)"[^>]*text-anchor="end"[^>]*>(\d{4})</g)];
        const [from, to] = part.period.split('–').map(Number);
        expect(years.map((m) => Number(m[2]))).toEqual(Array.from({ length: to! - from! + 1 }, (_, i) => from! + i));
        const ys = years.map((m) => Number(m[1]));
        for (const [i, y] of ys.entries()) if (i) expect(y - ys[i - 1]!).toBeGreaterThanOrEqual(15);
      }
    // Every treaty and term has its leader line, in each shape.
    expect(leaders).toBe(2 * timelineFigure(guide)!.rows.length);
  });

  it('follows a dark colour scheme (colours are classes, with a dark set)', () => {
    const svg = timelineFigure(guide)!.parts[0]!.svg;
    expect(svg).toContain('prefers-color-scheme: dark');
    expect(svg).not.toMatch(/<text[^>]* fill=/);
  });

  it('wraps text to the width and places labels without overlap, near where they belong', () => {
    expect(wrap('a'.repeat(10) + ' ' + 'b'.repeat(10), 10 * TEXT * 0.56)).toEqual(['a'.repeat(10), 'b'.repeat(10)]);
    fc.assert(
      fc.property(
        fc.array(fc.record({ want: fc.integer({ min: 0, max: 500 }), height: fc.integer({ min: 10, max: 50 }) }), {
          maxLength: 40,
        }),
        (labels) => {
          const sorted = [...labels].sort((a, b) => a.want - b.want);
          const placed = dodge(sorted, 0);
          for (const [i, p] of placed.entries()) {
            expect(p.top).toBeGreaterThanOrEqual(0);
            if (i) expect(p.top).toBeGreaterThanOrEqual(placed[i - 1]!.top + placed[i - 1]!.height + 3 - 1e-9);
          }
          // Alone, a label stands where it wants to.
          if (sorted.length === 1) expect(placed[0]!.top).toBe(sorted[0]!.want);
        },
      ),
    );
    expect(WIDTH).toBeLessThanOrEqual(345);
  });
});
