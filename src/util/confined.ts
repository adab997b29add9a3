/**
 * Reading files of a folder that is not ours (a guide folder a colleague sent): every file is opened by its
 * real path, which must stay inside the folder's real path. A symbolic link to /etc/passwd or to a folder
 * elsewhere is refused with one clear line, as `../` and absolute paths are.
 */
import { lstatSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { QuireError, systemErrorAt } from './errors.js';

/** Is `inner` the folder `outer` or inside it (both absolute and real)? */
export function isInside(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The real path of a path that may not exist yet: its nearest existing ancestor's real path, plus the rest. */
export async function realPathOf(file: string): Promise<string> {
  const absolute = path.resolve(file);
  let existing = absolute;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(await realpath(existing), ...rest);
    } catch {
      const up = path.dirname(existing);
      if (up === existing) return absolute;
      rest.unshift(path.basename(existing));
      existing = up;
    }
  }
}

/** Does a directory entry exist (a dangling symbolic link counts: it is then refused, not ignored)? */
export async function entryExists(file: string): Promise<boolean> {
  // Asked synchronously: a missing entry is then an answer, not an error built and thrown (most asked of
  // are missing: a wiki's images the editor did not save, the other spellings of a config's name).
  try {
    return lstatSync(file, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

/**
 * The real path of `file`, checked to be inside `root`'s real path. `what` names the file in messages
 * ("source file", "config file" …).
 */
export async function realPathInside(root: string, file: string, what = 'file'): Promise<string> {
  let real: string;
  try {
    real = await realpath(file);
  } catch (error) {
    throw systemErrorAt(error, file, what);
  }
  const realRoot = await realpath(root).catch(() => path.resolve(root));
  if (!isInside(real, realRoot)) {
    throw new QuireError(`${what} is a symbolic link to ${real}, outside the content folder`, {
      file,
      hint: 'copy the file into the content folder instead of linking to it',
    });
  }
  return real;
}

/**
 * The bytes of `file`, read by its real path once that is checked to be inside `root`. Only a regular file
 * is read (a FIFO would block the build for ever); `tooLarge` refuses one over a size before it is read.
 */
export async function readInside(
  root: string,
  file: string,
  what = 'file',
  tooLarge?: (size: number) => QuireError | undefined,
): Promise<Uint8Array> {
  const real = await realPathInside(root, file, what);
  try {
    const info = await stat(real);
    if (info.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR', syscall: 'read' });
    if (!info.isFile()) {
      throw new QuireError(`${what} is not a regular file (a device, pipe or socket)`, {
        file,
        hint: 'replace it with a text file, or remove it from the content folder',
      });
    }
    const refused = tooLarge?.(info.size);
    if (refused) throw refused;
    return await readFile(real);
  } catch (error) {
    throw systemErrorAt(error, file, what);
  }
}

/**
 * Strict UTF-8 (a byte order mark is dropped): a Latin-1 or damaged file is refused with the line of its
 * first bad byte, never read as mojibake.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstBadUtf8Byte(bytes);
    throw new QuireError('not valid UTF-8 text', {
      file,
      line: countLines(bytes, bad),
      hint: 're-save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)',
    });
  }
}

/** The line (from 1) of byte `upTo`. */
export function countLines(bytes: Uint8Array, upTo: number): number {
  let line = 1;
  for (let i = 0; i < upTo; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The offset of the first byte that starts an invalid UTF-8 sequence (linear; bytes.length if none). */
function firstBadUtf8Byte(bytes: Uint8Array): number {
  const cont = (j: number, lo = 0x80, hi = 0xbf) => j < bytes.length && bytes[j]! >= lo && bytes[j]! <= hi;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let n = 0;
    if (b < 0x80) n = 1;
    else if (b >= 0xc2 && b <= 0xdf) n = cont(i + 1) ? 2 : 0;
    else if (b >= 0xe0 && b <= 0xef) {
      const [lo, hi] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
      n = cont(i + 1, lo, hi) && cont(i + 2) ? 3 : 0;
    } else if (b >= 0xf0 && b <= 0xf4) {
      const [lo, hi] = b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
      n = cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    }
    if (n === 0) return i;
    i += n;
  }
  return bytes.length;
}

/** Files read at once: enough for the disk to answer in parallel, few enough for any limit on open files. */
const READ_AT_ONCE = 16;

/**
 * Every task's value, run `READ_AT_ONCE` at a time (tasks that read files); when some fail, the first
 * failure in the given order (not the first to fail in time), and no task after its group is started.
 */
export async function allInOrder<T>(tasks: (() => Promise<T>)[]): Promise<T[]> {
  const values: T[] = [];
  for (let i = 0; i < tasks.length; i += READ_AT_ONCE) {
    const settled = await Promise.allSettled(tasks.slice(i, i + READ_AT_ONCE).map((task) => task()));
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    for (const s of settled) values.push((s as PromiseFulfilledResult<T>).value);
  }
  return values;
}
