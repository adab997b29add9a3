/**
 * The guide as one web page (`<basename>.html`) with its stylesheet and fonts in `assets/` and the images
 * its sources show in `media/` (at their paths in the content folder).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hashOf } from '../util/hash.js';
import { copyAssets } from './html/assets.js';
import { MEDIA, type Writer } from './writer.js';

export const writer: Writer = {
  title: 'HTML',
  async write(ctx) {
    const { templates, basename } = ctx;
    await ctx.timed('html', async () => {
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
    return `HTML: ${basename}.html`;
  },
};
