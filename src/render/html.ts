/** The guide as one web page (`<basename>.html`) with its stylesheet and fonts in `assets/`. */
import { writeFile } from 'node:fs/promises';
import { hashOf } from '../util/hash.js';
import { copyAssets } from './html/assets.js';
import type { Writer } from './writer.js';

export const writer: Writer = {
  title: 'HTML',
  async write(ctx) {
    const { templates, basename } = ctx;
    await ctx.timed('html', async () => {
      await ctx.output.output('assets/', 'assets', hashOf(ctx.code, templates.fingerprint, 'assets'), (dir) =>
        copyAssets(templates, dir, ['screen.css']),
      );
      const key = hashOf(ctx.code, ctx.guideKey, templates.fingerprint, ctx.paper, ctx.changesKey);
      await ctx.output.output(`${basename}.html`, 'html', key, async (file) => {
        await writeFile(file, templates.render('guide.html.liquid', await ctx.view('html')));
      });
    });
    return `HTML: ${basename}.html`;
  },
};
