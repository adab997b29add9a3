/**
 * The EPUB 3 for e-readers (`<basename>.epub`). Its cover image is drawn in Node (no browser) by a step that
 * runs before the other writers, so that its raster is made while they work; the EPUB waits for it only
 * when it packages the book.
 */
import { writeFile } from 'node:fs/promises';
import { hashOf } from '../util/hash.js';
import type { View } from './view/index.js';
import type { Writer, WriteContext } from './writer.js';
import { plural } from '../util/words.js';

interface EpubInputs {
  view: View;
  coverHtml: string;
  key: string;
}

/** The EPUB's view, its cover's HTML (the cover template rendered with that view) and its output key. */
const inputs = (ctx: WriteContext): Promise<EpubInputs> =>
  ctx.once('epub-inputs', () =>
    ctx.view('epub').then((view) => {
      const coverHtml = ctx.templates.render('cover.html.liquid', view);
      const key = hashOf(ctx.code, ctx.guideKey, ctx.templates.fingerprint, ctx.changesKey, coverHtml);
      return { view, coverHtml, key };
    }),
  );

/** The cover image (PNG), kept in the cache while its HTML is the same. */
const cover = (ctx: WriteContext, coverHtml: string): Promise<Uint8Array> =>
  ctx.once('epub-cover', () => {
    const drawn = ctx.cache
      .bytes('cover', hashOf(ctx.code, coverHtml, ctx.templates.fingerprint), async () => {
        const { drawCoverAside } = await import('./epub/cover-thread.js');
        const file = ctx.templates.file('cover.html.liquid');
        return { bytes: await ctx.timed('cover', () => drawCoverAside(coverHtml, file)), meta: {} };
      })
      .then((c) => c.bytes);
    // Awaited by the EPUB step; a build that fails before it must not leave an unhandled rejection.
    drawn.catch(() => undefined);
    return drawn;
  });

export const writer: Writer = {
  title: 'EPUB',
  prepare: {
    title: 'Cover',
    async run(ctx) {
      const { key, coverHtml } = await inputs(ctx);
      if (await ctx.output.upToDate(`${ctx.basename}.epub`, key)) return { skipped: 'Cover: the EPUB is up to date' };
      void cover(ctx, coverHtml);
      return { done: 'Cover: drawing' };
    },
  },
  async write(ctx) {
    const { view, key, coverHtml } = await inputs(ctx);
    await ctx.output.output(`${ctx.basename}.epub`, 'epub', key, async (file) => {
      const { renderEpub } = await import('./epub/book.js');
      const scratch = await ctx.output.stagingDir();
      const bytes = await ctx.timed('epub', () => renderEpub(view, ctx.templates, cover(ctx, coverHtml), scratch));
      await writeFile(file, bytes);
    });
    return `EPUB: ${ctx.basename}.epub, ${plural(view.chapters.length, 'chapter')}`;
  },
};
