/**
 * The printable guide (`<basename>.pdf`), printed by Chromium with exact page numbers (see print/passes.ts).
 * The print engine (browser pool, passes, the PDF file) is shared with the handouts.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer';
import { hashOf, type Hashable } from '../util/hash.js';
import { copyAssets } from './html/assets.js';
import { printFolder } from './print/folder.js';
import { blanksBefore, partIds } from './view/handout.js';
import { cssString, type View } from './view/index.js';
import type { Writer, WriteContext } from './writer.js';
import { plural } from '../util/words.js';
import { runOnParts } from './print/chapters.js';

/** The print HTML for a map of page numbers; `runOn` is set once the parts' heights are measured ("auto"). */
interface PrintHtml {
  (pages: Record<string, number>): string;
  /** The chapters and back-matter sections, in print order (their heights decide where "auto" breaks). */
  parts: string[];
  runOn: Record<string, boolean>;
  /** The print HTML with the parts given running on, whatever `runOn` says. */
  with(runOn: Record<string, boolean>, pages: Record<string, number>): string;
}

/**
 * The print HTML for a map of page numbers. Chapters run on or start a new page as `ctx.chapters` says
 * (print/chapters.ts). Duplex: measured once without blank pages, then a blank page before each part that
 * starts a page and would start it on a left-hand (even) page — Chromium has no `break-before: right`.
 */
function printHtmlOf(ctx: WriteContext, view: View): PrintHtml {
  let measured: Record<string, number> | undefined;
  const parts = [...view.chapters.map((c) => c.id), ...view.backMatter.map((b) => b.id)];
  const render = (runOn: Record<string, boolean>, pages: Record<string, number>) => {
    if (ctx.duplex && !measured && Object.keys(pages).length) measured = pages;
    const starts = partIds(view).filter((id) => !runOn[id]);
    const blank = ctx.duplex && measured ? blanksBefore(starts, measured) : {};
    return ctx.templates.render('print.html.liquid', {
      ...view,
      print: true,
      pages,
      blankBefore: blank,
      runOn,
      sharesPage: Object.fromEntries(parts.slice(0, -1).map((id, i) => [id, !!runOn[parts[i + 1]!]])),
      bookHead: cssString(view.meta.title),
    });
  };
  const html: PrintHtml = Object.assign((pages: Record<string, number>) => render(html.runOn, pages), {
    parts,
    runOn: runOnParts(parts, ctx.chapters === 'auto' ? 'new-page' : ctx.chapters),
    with: render,
  });
  return html;
}

/**
 * "auto": the parts' heights measured on the page as it prints, and which of them run on. In a session's
 * later builds on a page of its own (`measuring`), kept in the state it measures (placeholder numbers, no
 * part run on): an edit then changes only the edited part there, and the print page only its own.
 */
async function decideRunOn(ctx: WriteContext, page: Page, root: string, html: PrintHtml, measuring: boolean) {
  if (ctx.chapters !== 'auto' || html.parts.length < 2) return [];
  const { measureHeights } = await import('./print/passes.js');
  const selector = html.parts.map((id) => `[id="${id}"]`).join(', ');
  const file = path.join(root, measuring ? 'measure.html' : 'print.html');
  const { heights, shown } = await measureHeights(page, file, root, html({}), ctx.paper, selector, measuring);
  html.runOn = runOnParts(html.parts, 'auto', heights);
  return [measuring ? `measure-${shown}` : shown];
}

/**
 * The page the PDF is printed on. A page kept from the session's last build is reused only while the
 * templates (its CSS and fonts) are the same: Chromium could otherwise keep the old stylesheet of the same
 * address.
 */
async function printPage(ctx: WriteContext, printDir: string): Promise<{ page: Page; kept: boolean }> {
  const pool = ctx.browsers;
  let kept = pool.print;
  const stale =
    kept &&
    (kept.assets !== ctx.templates.fingerprint ||
      kept.page.isClosed() ||
      kept.page.browser() !== pool.browser ||
      !pool.browser?.connected);
  if (stale) {
    await kept!.page.close().catch(() => undefined);
    await pool.measure?.close().catch(() => undefined);
    kept = pool.print = pool.measure = undefined;
  }
  if (!kept || !existsSync(printDir)) {
    await ctx.timed('pdf-assets', () => copyAssets(ctx.templates, printDir, ['print.css']));
  }
  ctx.status('starting Chromium');
  const page = kept?.page ?? (await pool.page(printDir));
  pool.print = { page, assets: ctx.templates.fingerprint, runOn: kept?.runOn };
  // A renderer that crashed leaves a page that looks open: forget it.
  page.once('error', () => {
    if (pool.print?.page === page) pool.print = undefined;
  });
  return { page, kept: !!kept };
}

/** The session's measuring page (see decideRunOn), opened when first needed. */
async function measurePage(ctx: WriteContext, printDir: string): Promise<Page> {
  const pool = ctx.browsers;
  const page = await pool.current(pool.measure, printDir);
  if (page !== pool.measure) {
    await pool.measure?.close().catch(() => undefined);
    pool.measure = page;
    page.once('error', () => {
      if (pool.measure === page) pool.measure = undefined;
    });
  }
  return page;
}

/** Print the book: returns the PDF with its page count and the passes it took. */
async function print(ctx: WriteContext, html: PrintHtml) {
  // A folder of its own beside the outputs (the output lock keeps it to this build), so that a session's
  // print page keeps its address from one build to the next.
  const printDir = printFolder(ctx.output.dir);
  const printing = await printPage(ctx, printDir);
  let page = printing.page;
  const { renderPdf, preshow } = await import('./print/passes.js');
  ctx.status('rendering (page numbers in two passes)');
  // The last layout's page numbers (not for duplex, whose blank pages are placed from a layout without
  // them): after a small edit, the first pass is then usually the last.
  const layoutKey = hashOf(ctx.code, ctx.basename, ctx.paper, ctx.duplex, ctx.chapters);
  const seed = ctx.duplex ? undefined : await ctx.cache.recall<Record<string, number>>('layout', layoutKey);
  const pool = ctx.browsers;
  const shows: string[] = [];
  // The parts that ran on in this print, for the next one with the same settings.
  let ranOn: Record<string, boolean> | undefined;
  const runOnKey = hashOf(ctx.paper, ctx.duplex, ctx.chapters);
  const made = await ctx
    .timed('pdf', () =>
      pool.run('printing the PDF', async (browser) => {
        // After a crash the retry has a new browser, and needs a page of its own.
        page = await pool.current(page, printDir);
        const file = path.join(printDir, 'print.html');
        // A session's later builds measure on a page of their own (the first one loads the book there).
        const measure = printing.kept && ctx.chapters === 'auto' ? await measurePage(ctx, printDir) : page;
        // While the other page measures, this one shows the book as the last print broke it into pages,
        // in Chromium's other renderer: the first pass uses it if the parts run on as before.
        const last = pool.print?.runOn?.key === runOnKey ? pool.print.runOn.parts : undefined;
        const text = measure !== page && last ? html.with(last, seed ?? {}) : undefined;
        const shown = text === undefined ? undefined : ctx.timed('pdf-show', () => preshow(page, file, text));
        // Not unhandled while the other page measures: the print awaits it, and throws.
        shown?.catch(() => undefined);
        try {
          shows.push(
            ...(await ctx.timed('pdf-chapters', () => decideRunOn(ctx, measure, printDir, html, measure !== page))),
          );
          const options = { seed, page, timed: ctx.timed, reprint: true, shown };
          const made = await renderPdf(browser, file, printDir, html, ctx.guide.meta, ctx.paper, options);
          ranOn = html.runOn;
          return made;
        } finally {
          // Not still changing the page when this attempt ends (a failed one leaves the page to the next).
          await shown?.catch(() => undefined);
        }
      }),
    )
    .finally(() => {
      // Kept for the session's next build; otherwise closed with the browser.
      if (pool.print) {
        pool.print.page = page;
        pool.print.runOn = ranOn && { key: runOnKey, parts: ranOn };
      }
    });
  await ctx.cache.remember('layout', layoutKey, Object.fromEntries(made.destinations));
  ctx.figure('pdf-passes', made.passes);
  // Pages printed again into the last print (print/splice.ts) instead of the whole book.
  if (made.reprinted !== undefined) ctx.figure('pdf-reprinted', made.reprinted);
  // A long book's measuring pass, printed as this many documents (print/passes.ts, `measureInRuns`).
  if (made.measuredInRuns) ctx.figure('pdf-runs', made.measuredInRuns);
  // How the book came into the page, each time (loaded, patched, filled): what the tests of a session check.
  shows.push(...made.shows);
  for (const how of new Set(shows)) ctx.figure(`pdf-${how}`, shows.filter((h) => h === how).length);
  return { bytes: made.bytes, meta: { pages: made.pages, passes: made.passes } };
}

export const writer: Writer = {
  title: 'PDF',
  async write(ctx) {
    // The print view and its HTML, made when first needed: a rebuild with nothing changed needs neither.
    let made: PrintHtml | undefined;
    const htmlOf = async () => (made ??= printHtmlOf(ctx, await ctx.timed('print-view', () => ctx.view('print'))));
    // The first pass's HTML is what the PDF shows (with placeholder numbers): an edit that does not change
    // it (a source's line numbers, the report) does not reprint. Rendering it first also stops a build
    // with a template error before Chromium starts. What it is made from (the guide, its changes, the
    // templates and settings) keys it in turn, so that a rebuild with nothing changed renders nothing.
    const settings = [ctx.templates.fingerprint, ctx.paper, ctx.duplex, ctx.chapters] as const;
    const inputs = hashOf(ctx.code, ctx.guideKey, ctx.changesKey, ...settings);
    const key = await ctx.cache.json('print-key', inputs, async () => {
      const html = await htmlOf();
      const first = await ctx.timed('pdf-html', () => html({}));
      return hashOf(ctx.code, first, ...settings, ctx.guide.meta as unknown as Hashable);
    });
    let summary = '';
    await ctx.output.output(`${ctx.basename}.pdf`, 'pdf', key, async (file) => {
      const pdf = await ctx.cache.bytes('print', key, async () => print(ctx, await htmlOf()));
      await writeFile(file, pdf.bytes);
      const passes = plural(pdf.meta.passes, 'pass', 'passes');
      summary = `${plural(pdf.meta.pages, 'page')} (${ctx.paper}${ctx.duplex ? ', duplex' : ''}), ${passes}`;
      return { pages: pdf.meta.pages };
    });
    return `PDF: ${ctx.basename}.pdf${summary ? `, ${summary}` : ', unchanged'}`;
  },
};
