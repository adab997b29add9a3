/** `quire clean`: delete the build cache of an output folder. The outputs stay; the next build is slower. */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { defaultCacheDir, MANIFEST } from './cache.js';

/**
 * Removes the cache folder and the output folder's manifest (which lets a build skip rewriting unchanged
 * files), so the next build redoes and rewrites everything. The folder removed, or undefined if none.
 */
export async function cleanCache(outDir: string): Promise<string | undefined> {
  const dir = defaultCacheDir(path.resolve(outDir));
  await rm(path.join(path.resolve(outDir), MANIFEST), { force: true });
  if (!existsSync(dir)) return undefined;
  await rm(dir, { recursive: true, force: true });
  return dir;
}
