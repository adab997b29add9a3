/**
 * The collation as data: `alignment.json`, CollateX's JSON alignment table (witnesses, a table of one row
 * per witness and one column per sentence of the book, each cell that witness's tokens or null, and a
 * status per column: true where the readings vary), so an editor can feed it to other collation tools.
 */
import { writeFile } from 'node:fs/promises';
import { hashOf } from '../util/hash.js';
import type { Writer } from './writer.js';

export const writer: Writer = {
  title: 'alignment.json',
  async write(ctx) {
    await ctx.timed('alignment', async () => {
      await ctx.output.output('alignment.json', 'alignment', hashOf(ctx.code, ctx.guideKey), (file) => {
        const collation = ctx.guide.collation ?? { witnesses: [], table: [], status: [] };
        const labels = Object.fromEntries(ctx.guide.sources.map((s) => [s.id, s.label ?? s.readerLabel]));
        return writeFile(file, `${JSON.stringify({ ...collation, labels }, null, 1)}\n`);
      });
    });
    return 'alignment.json';
  },
};
