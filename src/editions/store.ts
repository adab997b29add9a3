/**
 * Recorded editions: snapshots of book.json kept in the content folder (content/editions/edition-N.json),
 * so they are committed with the content and a later build can say what changed since.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { QuireError } from '../util/errors.js';
import { decodeUtf8, readInside, realPathInside } from '../util/confined.js';
import { BookJsonSchema, type BookJson } from '../model/book-json.js';

export const EDITIONS_DIR = 'editions';

const fileOf = (contentDir: string, number: number) => path.join(contentDir, EDITIONS_DIR, `edition-${number}.json`);

/** The latest recorded edition before `number` (or the latest of all), if any. */
export async function lastEdition(contentDir: string, before?: number): Promise<BookJson | undefined> {
  return (await lastEditionText(contentDir, before))?.parse();
}

/** The latest recorded edition's file and text (cheap: a build hashes it), and how to parse it. */
export async function lastEditionText(
  contentDir: string,
  before?: number,
): Promise<{ file: string; text: string; parse: () => BookJson } | undefined> {
  const dir = path.join(contentDir, EDITIONS_DIR);
  if (!existsSync(dir)) return undefined;
  // A snapshot (or the folder) linked from elsewhere is refused: it would be read into the changes.
  const numbers = (await readdir(await realPathInside(contentDir, dir, 'editions folder')))
    .map((n) => /^edition-(\d+)\.json$/.exec(n)?.[1])
    .filter((n): n is string => Boolean(n))
    .map(Number)
    .filter((n) => before === undefined || n < before)
    .sort((a, b) => b - a);
  if (!numbers.length) return undefined;
  const file = fileOf(contentDir, numbers[0]!);
  const text = decodeUtf8(await readInside(contentDir, file, 'recorded edition'), file);
  const parse = () => {
    try {
      return BookJsonSchema.parse(JSON.parse(text));
    } catch {
      throw new QuireError('recorded edition is not a valid book.json snapshot', {
        file,
        hint: 'restore it from version control, or delete it to stop comparing with it',
      });
    }
  };
  return { file, text, parse };
}

/** Whether edition `number` is recorded (a build of it then reproduces the release). */
export function isRecorded(contentDir: string, number: number): boolean {
  return existsSync(fileOf(contentDir, number));
}

/**
 * The date edition `number` was recorded with, if it was: a rebuild of a released edition whose config
 * gives no date keeps the release's (not the day of the rebuild), so that it reproduces the release.
 */
export async function recordedDate(contentDir: string, number: number): Promise<string | undefined> {
  if (!isRecorded(contentDir, number)) return undefined;
  const file = fileOf(contentDir, number);
  // Read as every snapshot is: never through a link that leads outside the content folder.
  await realPathInside(contentDir, path.dirname(file), 'editions folder');
  const text = decodeUtf8(await readInside(contentDir, file, 'recorded edition'), file);
  try {
    const data = JSON.parse(text) as { edition?: { date?: unknown } };
    return typeof data.edition?.date === 'string' ? data.edition.date : undefined;
  } catch {
    return undefined;
  }
}

/** Stop before building when an edition is already recorded (raise edition.number for the next one). */
export function assertNotRecorded(contentDir: string, number: number): void {
  const file = fileOf(contentDir, number);
  if (existsSync(file)) {
    throw new QuireError(`edition ${number} is already recorded`, {
      file,
      hint: 'raise edition.number (and its date) in quire.yaml to release a new edition',
    });
  }
}

/** Record an edition: a book.json snapshot, written whole (temporary name, then renamed). */
export async function recordEdition(contentDir: string, book: BookJson): Promise<string> {
  const file = fileOf(contentDir, book.edition.number);
  assertNotRecorded(contentDir, book.edition.number);
  await mkdir(path.dirname(file), { recursive: true });
  // Never write through a linked editions folder to a place outside the content folder.
  await realPathInside(contentDir, path.dirname(file), 'editions folder');
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, `${JSON.stringify(book, null, 2)}\n`);
  await rename(tmp, file);
  return file;
}
