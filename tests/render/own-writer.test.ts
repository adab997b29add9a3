/**
 * Adding an output format is one module and one registry entry: a tiny plain-text writer, given to the
 * build as one more entry, writes its file beside the others, and keeps it when nothing changed.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../../src/pipeline/build.js';
import { WRITERS } from '../../src/render/registry.js';
import type { Writer, WriterEntry } from '../../src/render/writer.js';
import { hashOf } from '../../src/util/hash.js';

/** The whole "module": chapter titles and their first block, one per line. */
const plainText: Writer = {
  title: 'Plain text',
  async write(ctx) {
    await ctx.output.output(`${ctx.basename}.txt`, 'txt', hashOf(ctx.code, ctx.guideKey), (file) =>
      writeFile(file, ctx.guide.chapters.map((c) => `${c.title}: ${c.sections[0]!.blocks[0]!.text}`).join('\n')),
    );
    return `Plain text: ${ctx.basename}.txt`;
  },
};

/** The whole "registry line". */
const entry: WriterEntry = {
  format: 'txt',
  byDefault: false,
  needsBrowser: false,
  owns: (name) => name.endsWith('.txt'),
  load: async () => plainText,
};

describe('a writer of ones own', () => {
  it('is one more registry entry: the build runs it, writes its file, and keeps it when nothing changed', async () => {
    const content = mkdtempSync(path.join(tmpdir(), 'quire-writer-'));
    const text = [
      '# The canal',
      'The canal was dug in 1820 by many workers.',
      '## Locks',
      'Eleven locks lift boats over the hill.',
    ];
    writeFileSync(path.join(content, 'canal.md'), `${text.join('\n\n')}\n`);
    const out = path.join(content, 'out');
    const options = { contentDir: content, outDir: out, writers: [...WRITERS, entry], progress: 'silent' as const };
    const first = await build({ ...options, formats: ['txt', 'json'] });
    const file = path.join(out, 'the-canal.txt');
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('Locks: Eleven locks lift boats over the hill.');
    expect(first.files.map((f) => path.basename(f.path))).toEqual(['book.json', 'book.schema.json', 'the-canal.txt']);
    expect(first.counters.txt).toEqual({ ran: 1, reused: 0 });
    const again = await build({ ...options, formats: ['txt'] });
    expect(again.counters.txt).toEqual({ ran: 0, reused: 1 });
    expect(again.files.find((f) => f.path === file)?.unchanged).toBe(true);
  });
});
