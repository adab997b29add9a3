/**
 * In a session (`quire watch`), a rebuild checks a source's images again each time: an image saved, edited or
 * removed beside an unchanged source changes the next build, though the source's parse and its checked tree
 * are reused while the images' answers stay the same.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type BuildResult, type BuildSession } from '../../src/pipeline/build.js';
import { allBlocks } from '../../src/model/index.js';
import { BuildCache } from '../../src/pipeline/cache.js';
import { checkImages } from '../../src/sources/assets.js';
import { parseSource } from '../../src/sources/index.js';

const PNG = path.join(import.meta.dirname, '../fixtures/rich/images/light.png');
const ARTICLE = [
  "The '''Vell light''' stands on the cape. It was first lit in 1802 by Ann Vell.",
  '',
  '[[File:Vell light.png|thumb|Keepers at the light in 1850]]Tom Vell kept it from 1830 to 1851.',
  '',
].join('\n');

describe('images in a session', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'quire-session-images-'));
  writeFileSync(path.join(dir, 'vell.wiki'), ARTICLE);
  const out = path.join(dir, 'out');
  const image = path.join(dir, 'Vell light.png');

  it('reuses a checked source while its images are unchanged, and sees an image saved, edited or removed', async () => {
    const source = await parseSource(ARTICLE, { file: 'vell.wiki', id: 'vell', priority: 0 });
    const missing = await checkImages(source, dir);
    expect(missing.warnings.map((w) => w.rule)).toContain('missing-image');
    expect(await checkImages(source, dir)).toBe(missing);

    copyFileSync(PNG, image);
    const saved = await checkImages(source, dir);
    expect(saved).not.toBe(missing);
    expect(saved.assets).toEqual([expect.objectContaining({ path: 'Vell light.png', type: 'image/png' })]);
    expect(saved.warnings.map((w) => w.rule)).not.toContain('missing-image');

    writeFileSync(image, Buffer.concat([readFileSync(PNG), Buffer.from([0])]));
    const edited = await checkImages(source, dir);
    expect(edited.assets?.[0]?.sha256).not.toBe(saved.assets?.[0]?.sha256);
    rmSync(image);
    expect((await checkImages(source, dir)).warnings.map((w) => w.rule)).toContain('missing-image');
  });

  it('a rebuild in the same session shows an image saved after the first build, drops it when removed', async () => {
    const session: BuildSession = { cache: new BuildCache(path.join(out, '.quire-cache')) };
    const run = async () => {
      await session.cache.settle();
      return build({ contentDir: dir, outDir: out, progress: 'silent', formats: ['json'], session });
    };
    const figures = (r: BuildResult) => allBlocks(r.book).filter((b) => b.kind === 'figure').length;
    const first = await run();
    expect(first.warnings.some((w) => w.rule === 'missing-image' && w.file === 'vell.wiki')).toBe(true);
    expect(figures(first)).toBe(0);

    copyFileSync(PNG, image);
    const second = await run();
    expect(second.warnings.some((w) => w.rule === 'missing-image')).toBe(false);
    expect(figures(second)).toBe(1);

    rmSync(image);
    const third = await run();
    expect(third.warnings.some((w) => w.rule === 'missing-image')).toBe(true);
    expect(figures(third)).toBe(0);
    await session.cache.settle();
  });
});
