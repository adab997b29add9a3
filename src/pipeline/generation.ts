/**
 * The output folder's files as one set that changes at once. A build's outputs (and the manifest that
 * vouches for them) form a generation, `.quire-gen-<id>/`; `.quire-current` is a symlink to the current one,
 * and each visible output is a symlink through it (`guide.pdf → .quire-current/guide.pdf`). A commit
 * renames one new `.quire-current` link over the old: every visible file changes in that one rename, so a
 * build killed at any moment leaves the previous set or the next one, never a mix, and the paths people
 * and scripts use (output/guide.pdf) stay the same. Outputs a build keeps are hard links, not copies.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, link, lstat, mkdir, readdir, readlink, realpath, rename, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { allInOrder } from '../util/confined.js';

export const CURRENT = '.quire-current';
export const GENERATION = '.quire-gen-';

/** The current generation's folder name, if the folder has one. */
export async function currentGeneration(dir: string): Promise<string | undefined> {
  const target = await readlink(path.join(dir, CURRENT)).catch(() => undefined);
  return target && path.basename(target).startsWith(GENERATION) ? path.basename(target) : undefined;
}

/** Hard-link `from` (a file, or a folder recursively, its symlinks resolved) to `to`; a copy if links fail. */
export async function linkTree(from: string, to: string): Promise<void> {
  const real = await realpath(from);
  const info = await lstat(real);
  if (!info.isDirectory()) {
    await link(real, to).catch(() => copyFile(real, to));
    return;
  }
  await mkdir(to, { recursive: true });
  // Several entries at once (a folder of fonts or images: each a link, so the disk's round trips overlap).
  await allInOrder((await readdir(real)).map((name) => () => linkTree(path.join(real, name), path.join(to, name))));
}

/** Replace `file` with a symlink to `target` in one rename (whatever `file` was, even a folder). */
export async function replaceWithLink(file: string, target: string): Promise<void> {
  const info = await lstat(file).catch(() => undefined);
  if (info?.isSymbolicLink() && (await readlink(file)) === target) return;
  const temp = `${path.dirname(file)}/.quire-link-${randomBytes(6).toString('hex')}.tmp`;
  await symlink(target, temp);
  if (info?.isDirectory()) {
    // A folder cannot be renamed over: moved aside first (the only moment the name is missing).
    const aside = `${temp}.old`;
    await rename(file, aside);
    await rename(temp, file);
    await rm(aside, { recursive: true, force: true });
    return;
  }
  await rename(temp, file);
}

/**
 * Make `folder` (inside `dir`, complete with its manifest) the current generation, in one rename; then
 * each of `names` (visible outputs, and the manifest) a link through `.quire-current`; then drop the
 * previous generation.
 */
export async function switchTo(dir: string, folder: string, names: string[]): Promise<void> {
  const previous = await currentGeneration(dir);
  await replaceWithLink(path.join(dir, CURRENT), path.basename(folder));
  // Each name its own link (none depends on another's): several at once.
  await allInOrder(names.map((name) => () => replaceWithLink(path.join(dir, name), `${CURRENT}/${name}`)));
  if (previous && previous !== path.basename(folder)) {
    await rm(path.join(dir, previous), { recursive: true, force: true });
  }
}

/** A leftover of a killed build: a generation that is not the current one, or a temporary link. */
export function isLeftover(name: string, current: string | undefined): boolean {
  return (name.startsWith(GENERATION) && name !== current) || /^\.quire-link-.*\.tmp(\.old)?$/.test(name);
}
