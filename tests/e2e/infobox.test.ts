import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../../src/pipeline/build.js';
import { allBlocks } from '../../src/model/index.js';

const ARTICLE = [
  '{{Infobox river',
  '| name = Vell',
  '| length = 42 km',
  '| mouth = Vellmouth harbour',
  '}}',
  "The '''Vell''' is a short river that reaches the sea at Vellmouth.",
  '',
  '== Course ==',
  'It rises in the hills and runs south for most of its length.',
  '',
].join('\n');

async function guideWith(config: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'quire-infobox-'));
  writeFileSync(path.join(dir, 'vell.wiki'), ARTICLE);
  writeFileSync(path.join(dir, 'quire.yaml'), config);
  return build({ contentDir: dir, outDir: path.join(dir, 'out'), formats: ['json'], progress: 'silent' });
}

describe('the infobox key', () => {
  it('leaves an infobox out by default, saying so', async () => {
    const { book } = await guideWith('title: The Vell\n');
    expect(allBlocks(book).some((b) => b.kind === 'table')).toBe(false);
    expect(book.report.warnings.map((w) => w.rule)).toContain('dropped-infobox');
  });

  it('keeps it as a two-column table with `infobox: table`', async () => {
    const { book } = await guideWith('title: The Vell\ninfobox: table\n');
    const table = allBlocks(book).find((b) => b.kind === 'table');
    expect(table?.sentences).toEqual(expect.arrayContaining(['Length | 42 km', 'Mouth | Vellmouth harbour']));
    expect(book.report.warnings.map((w) => w.rule)).not.toContain('dropped-infobox');
  });
});
