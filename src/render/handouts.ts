/**
 * Handouts for the photocopier (`handouts/`): one PDF per chapter with its key points, notes, questions and
 * the glossary entries and timeline events it mentions, numbered "Handout N · page x of y"; with `booklet`,
 * each also imposed 2-up in folding order. Each handout is cached on its own: an edit reprints its chapter's.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer';
import { hashOf, type Hashable } from '../util/hash.js';
import { copyAssets } from './html/assets.js';
import { handoutView } from './view/handout.js';
import type { View, ViewChapter } from './view/index.js';
import type { Writer, WriteContext } from './writer.js';
import { plural } from '../util/words.js';

interface Handout {
  chapter: ViewChapter;
  html: string;
  name: string;
  meta: WriteContext['guide']['meta'];
  key: string;
}

function handoutsOf(ctx: WriteContext, view: View): Handout[] {
  const { guide, templates } = ctx;
  return view.chapters.map((chapter) => {
    const handout = handoutView(view, chapter, guide);
    const html = templates.render('handout.html.liquid', { ...handout, print: true, pages: {}, blankBefore: {} });
    const name = `${ctx.basename}-handout-${String(chapter.number).padStart(2, '0')}-${chapter.id}`;
    const meta = { ...guide.meta, title: `${guide.meta.title} — ${chapter.number}. ${chapter.title}` };
    const key = hashOf(ctx.code, html, templates.fingerprint, ctx.paper, ctx.booklet, meta as unknown as Hashable);
    return { chapter, html, name, meta, key };
  });
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Prints handouts on one page (a new page per handout costs more than the print itself). Its file is its
 * own (`lane`): two printers print side by side, each in its own renderer process.
 */
class HandoutPrinter {
  private page?: Page;
  printed = 0;

  constructor(
    private readonly ctx: WriteContext,
    private readonly printDir: string,
    /** The print folder's fonts and CSS, copied once for all printers when the first prints. */
    private readonly assets: () => Promise<void>,
    private readonly lane = 0,
  ) {}

  /** One entry holds the handout and its booklet: [length of the handout][handout][booklet]. */
  async print(h: Handout): Promise<{ bytes: Uint8Array; meta: { handout: number } }> {
    const { ctx, printDir } = this;
    this.printed++;
    await this.assets();
    const pool = ctx.browsers;
    if (!this.page || this.page.isClosed() || this.page.browser() !== pool.browser) {
      this.page = await pool.page(printDir);
    }
    const { renderPdf } = await import('./print/passes.js');
    const made = await pool.run(`printing handout ${h.chapter.number}`, async (browser) => {
      this.page = await pool.current(this.page, printDir);
      const file = path.join(printDir, `handout-${this.lane}.html`);
      return renderPdf(browser, file, printDir, () => h.html, h.meta, ctx.paper, {
        exactPages: false,
        page: this.page,
      });
    });
    const { imposeBooklet } = await import('./print/booklet.js');
    const booklet = ctx.booklet
      ? await imposeBooklet(made.bytes, ctx.paper, { title: `${ctx.guide.meta.title} — ${h.chapter.title}` })
      : new Uint8Array();
    return { bytes: concatBytes(made.bytes, booklet), meta: { handout: made.bytes.length } };
  }

  /** Closed on failure too: a session's browser outlives the build. */
  async close(): Promise<void> {
    await this.page?.close().catch(() => undefined);
  }
}

/**
 * Printers that print side by side: Chromium lays out and prints a page in its renderer process while Node
 * waits, so a second page on a second core prints the next handout meanwhile (a handout is small: two pages
 * hold little memory).
 */
export const HANDOUT_LANES = Math.max(1, Math.min(2, availableParallelism()));

async function writeHandouts(ctx: WriteContext, handouts: Handout[], dir: string, printers: HandoutPrinter[]) {
  await mkdir(dir, { recursive: true });
  const queue = [...handouts];
  const lane = async (printer: HandoutPrinter) => {
    try {
      for (let h = queue.shift(); h; h = queue.shift()) {
        const handout = h;
        ctx.status(`${handout.chapter.number}. ${handout.chapter.title}`);
        const pdf = await ctx.cache.bytes('handout', handout.key, () => printer.print(handout));
        await writeFile(path.join(dir, `${handout.name}.pdf`), pdf.bytes.subarray(0, pdf.meta.handout));
        if (ctx.booklet)
          await writeFile(path.join(dir, `${handout.name}-booklet.pdf`), pdf.bytes.subarray(pdf.meta.handout));
      }
    } catch (error) {
      // The build fails: the other printer takes no further handout.
      queue.length = 0;
      throw error;
    }
  };
  try {
    const lanes = await Promise.allSettled(printers.map(lane));
    const failed = lanes.find((l): l is PromiseRejectedResult => l.status === 'rejected');
    if (failed) throw failed.reason;
  } finally {
    await Promise.all(printers.map((p) => p.close()));
  }
}

export const writer: Writer = {
  title: 'Handouts',
  async write(ctx) {
    const handouts = handoutsOf(ctx, await ctx.view('print'));
    const printDir = path.join(await ctx.output.stagingDir(), '.handouts');
    const lanes = Math.min(HANDOUT_LANES, Math.max(1, handouts.length));
    let copied: Promise<void> | undefined;
    const assets = () =>
      (copied ??= existsSync(printDir) ? Promise.resolve() : copyAssets(ctx.templates, printDir, ['print.css']));
    const printers = Array.from({ length: lanes }, (_, lane) => new HandoutPrinter(ctx, printDir, assets, lane));
    const key = hashOf(ctx.basename, ...handouts.map((h) => h.key));
    await ctx.output.output('handouts/', 'handouts', key, async (dir) => {
      await ctx.timed('handouts', () => writeHandouts(ctx, handouts, dir, printers));
      await rm(printDir, { recursive: true, force: true });
    });
    const booklets = ctx.booklet ? ', with booklets' : '';
    const printed = printers.reduce((n, p) => n + p.printed, 0);
    return `Handouts: ${plural(handouts.length, 'chapter')} in handouts/${booklets} (${printed} printed)`;
  },
};
