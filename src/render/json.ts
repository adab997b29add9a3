/** The study guide as data: `book.json` and its JSON Schema, `book.schema.json`. */
import { writeFile } from 'node:fs/promises';
import { bookJsonSchema, renderBookJson } from '../model/book-json.js';
import { hashOf } from '../util/hash.js';
import type { Writer } from './writer.js';

export const writer: Writer = {
  title: 'book.json',
  async write(ctx) {
    await ctx.timed('json', async () => {
      await ctx.output.output('book.json', 'json', hashOf(ctx.code, ctx.guideKey), (file) =>
        writeFile(file, renderBookJson(ctx.guide)),
      );
      await ctx.output.output('book.schema.json', 'json', hashOf(ctx.code, 'schema'), (file) =>
        writeFile(file, bookJsonSchema()),
      );
    });
    return 'book.json';
  },
};
