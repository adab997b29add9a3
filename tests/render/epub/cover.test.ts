import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, { type Browser } from 'puppeteer';
import { drawCover, coverTree } from '../../../src/render/epub/cover.js';
import { findChromium } from '../../../src/render/print/chromium.js';
import { DEFAULT_TEMPLATES, TemplateSet } from '../../../src/render/html/templates.js';
import { QuireError } from '../../../src/util/errors.js';

const templates = new TemplateSet(DEFAULT_TEMPLATES);
const meta = (title: string) => ({
  meta: {
    title,
    subtitle: 'Отношения, 1918–1941',
    author: 'Quire contributors',
    edition: { number: 2, date: '2026-11-24' },
  },
});
const pngSize = (png: Uint8Array) => {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return {
    signature: Buffer.from(png.subarray(1, 4)).toString('latin1'),
    width: view.getUint32(16),
    height: view.getUint32(20),
  };
};

describe('the EPUB cover image, drawn without a browser', () => {
  let browser: Browser;
  /** Share of non-background pixels in each horizontal band of the image, as a person would see it. */
  let inkByBand: (png: Uint8Array, bands: number) => Promise<number[]>;

  beforeAll(async () => {
    browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox'] });
    inkByBand = async (png, bands) => {
      const page = await browser.newPage();
      try {
        // Evaluated in the page (the test's own page, with its JavaScript): the tests are not typed for the DOM.
        return (await page.evaluate(`(async () => {
          const img = new Image();
          img.src = ${JSON.stringify(`data:image/png;base64,${Buffer.from(png).toString('base64')}`)};
          await img.decode();
          const canvas = document.createElement('canvas');
          canvas.width = img.width;
          canvas.height = img.height;
          const g = canvas.getContext('2d');
          g.drawImage(img, 0, 0);
          const out = [];
          const h = (img.height - 80) / ${bands};
          for (let b = 0; b < ${bands}; b++) {
            const data = g.getImageData(40, 40 + b * h, img.width - 80, h).data;
            let ink = 0;
            for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 3 * 140) ink++;
            out.push(ink / (data.length / 4));
          }
          return out;
        })()`)) as number[];
      } finally {
        await page.close();
      }
    };
  }, 60_000);
  afterAll(async () => browser?.close());

  it('is a 1600 × 2400 PNG with the text in the middle and nothing in the margins', async () => {
    const png = await drawCover(
      templates.render('cover.html.liquid', meta('Germany–Soviet Union relations, 1918–1941')),
      'cover.html.liquid',
    );
    expect(pngSize(png)).toEqual({ signature: 'PNG', width: 1600, height: 2400 });
    const ink = await inkByBand(png, 12);
    // Title, subtitle, author and edition sit in the middle bands; the top and bottom bands are blank.
    expect(ink[0]).toBe(0);
    expect(ink[11]).toBe(0);
    expect(Math.max(...ink.slice(3, 9))).toBeGreaterThan(0.05);
  });

  it('shows the title as text: markup and character references in it are not interpreted or left raw', () => {
    const tree = coverTree(templates.render('cover.html.liquid', meta('Fish & <b>Chips</b>')), 'cover.html.liquid');
    const texts: string[] = [];
    const walk = (n: unknown): void => {
      if (typeof n === 'string') texts.push(n);
      else if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === 'object') walk((n as { props: { children?: unknown } }).props.children);
    };
    walk(tree);
    expect(texts.map((t) => t.trim())).toContain('Fish & <b>Chips</b>');
  });

  it('draws a longer title in more lines, and the same title the same way every time', async () => {
    const short = await drawCover(templates.render('cover.html.liquid', meta('Short')), 'cover.html.liquid');
    const again = await drawCover(templates.render('cover.html.liquid', meta('Short')), 'cover.html.liquid');
    const long = await drawCover(
      templates.render(
        'cover.html.liquid',
        meta('A considerably longer title that cannot possibly fit on a single line of the cover'),
      ),
      'cover.html.liquid',
    );
    expect(Buffer.from(again).equals(Buffer.from(short))).toBe(true);
    const inkShort = (await inkByBand(short, 24)).filter((x) => x > 0).length;
    const inkLong = (await inkByBand(long, 24)).filter((x) => x > 0).length;
    expect(inkLong).toBeGreaterThan(inkShort);
  });

  it('refuses a template that would fetch an image or a background', async () => {
    for (const markup of [
      '<div style="display: flex;"><img src="http://127.0.0.1:9/logo.png" width="10" height="10" /></div>',
      '<div style="display: flex; background-image: url(https://example.com/bg.png);">x</div>',
      `<div style='display: flex; background-image: url("https://example.com/bg.png");'>x</div>`,
      '<div style="display: flex; background-image: URL( https://example.com/bg.png );">x</div>',
    ]) {
      const error = await drawCover(markup, '/guide/templates/cover.html.liquid').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(QuireError);
      expect((error as QuireError).oneLine()).toMatch(
        new RegExp(
          /^\/guide\/templates\/cover\.html\.liquid: the cover template refers to "http.*", /.source +
            /which would be fetched — embed images as data: URIs/.source,
        ),
      );
    }
  });

  it('draws every script of a title in the title’s own family: its script subsets are its fallbacks', () => {
    const tree = coverTree(templates.render('cover.html.liquid', meta('Łódź – Отношения')), 'cover.html.liquid');
    type El = { props: { style?: { fontFamily?: string }; children?: unknown } };
    const find = (n: unknown): El | undefined => {
      if (Array.isArray(n)) return n.map(find).find(Boolean);
      if (!n || typeof n !== 'object') return undefined;
      const el = n as El;
      const kids = Array.isArray(el.props.children) ? el.props.children : [el.props.children];
      return kids.some((k) => typeof k === 'string' && k.includes('Łódź')) ? el : find(kids);
    };
    const families = find(tree)!.props.style!.fontFamily!.split(', ');
    expect(families[0]).toBe("'Source Sans 3'");
    expect(families).toContain("'Source Sans 3 cyrillic'");
    expect(families).toContain("'Source Sans 3 latin-ext'");
    expect(families.every((f) => f.includes('Source Sans 3'))).toBe(true);
  });

  it('a cover template written as a page with <style> (the old form) is refused with what to do', async () => {
    const error = await drawCover(
      '<html><head><style>h1 { color: red }</style></head><body><h1>T</h1></body></html>',
      '/guide/templates/cover.html.liquid',
    ).catch((e: unknown) => e);
    expect((error as QuireError).oneLine()).toBe(
      '/guide/templates/cover.html.liquid: the cover template is a page with <style> or <link>, ' +
        'which the cover drawing ignores — give its elements inline styles instead ' +
        "(Quire's own templates/cover.html.liquid shows how)",
    );
  });

  it('a template satori cannot draw is one clear line naming the file', async () => {
    const error = await drawCover(
      '<div style="display: flex; flex-direction: sideways">x</div>',
      '/guide/templates/cover.html.liquid',
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QuireError);
    expect((error as QuireError).oneLine()).toMatch(
      new RegExp(
        /^\/guide\/templates\/cover\.html\.liquid: the cover template cannot be drawn: /.source +
          /Invalid value for CSS property "flexDirection".* — the cover supports inline styles/.source,
      ),
    );
  });
});
