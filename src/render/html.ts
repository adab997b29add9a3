/**
 * The guide as one web page (`<basename>.html`) with its stylesheet and fonts in `assets/` and the images
 * its sources show in `media/` (at their paths in the content folder) — or, with `embedResources`, all of
 * them inside the one file (html/embed.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hashOf } from '../util/hash.js';
import { copyAssets } from './html/assets.js';
import { MEDIA, type Writer, type WriteContext } from './writer.js';
import { dataUrl, embedResources } from './html/embed.js';

export const writer: Writer = {
  title: 'HTML',
  async write(ctx) {
    const { templates, basename } = ctx;
    await ctx.timed('html', async () => {
      if (ctx.embedResources) return writeOneFile(ctx);
      await ctx.output.output('assets/', 'assets', hashOf(ctx.code, templates.fingerprint, 'assets'), (dir) =>
        copyAssets(templates, dir, ['screen.css']),
      );
      const assets = ctx.guide.assets ?? [];
      if (assets.length)
        await ctx.output.output(MEDIA, 'media', hashOf(assets.map((a) => [a.path, a.sha256])), async (dir) => {
          for (const a of assets) {
            const file = path.join(dir, ...a.path.split('/'));
            await mkdir(path.dirname(file), { recursive: true });
            await writeFile(file, await ctx.asset(a.path));
          }
        });
      const key = hashOf(ctx.code, ctx.guideKey, templates.fingerprint, ctx.paper, ctx.changesKey);
      await ctx.output.output(`${basename}.html`, 'html', key, async (file) => {
        await writeFile(file, templates.render('guide.html.liquid', await ctx.view('html')));
      });
    });
    return `HTML: ${basename}.html${ctx.embedResources ? ' (one file: styles, fonts and images inside)' : ''}`;
  },
};

/** The web page with its style sheets, fonts and images inside it. */
async function writeOneFile(ctx: WriteContext): Promise<void> {
  const { templates, basename } = ctx;
  const assets = ctx.guide.assets ?? [];
  // The folders beside the page, from an earlier build without the option, go.
  ctx.output.withdraw('assets');
  ctx.output.withdraw('media');
  const key = hashOf(ctx.code, ctx.guideKey, templates.fingerprint, ctx.paper, ctx.changesKey, 'embedded');
  await ctx.output.output(`${basename}.html`, 'html', key, async (file) => {
    const view = await ctx.view('html');
    const images = new Map(
      await Promise.all(
        assets.map(async (a) => [encodeURI(`${MEDIA}${a.path}`), dataUrl(a.type, await ctx.asset(a.path))] as const),
      ),
    );
    const html = templates.render('guide.html.liquid', view);
    await writeFile(file, await embedResources(html, { templates, assets: view.assets, images }));
  });
}
