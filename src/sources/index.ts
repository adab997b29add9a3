/**
 * Reading content: the I/O edge of the pipeline. Lists the sources (from the config or the folder: see
 * content-folder.ts), decodes each file, detects its format and hands it to the reader for that format.
 */
import path from 'node:path';
import type { Source, SourceFormat, SourceInfo, Warning } from '../model/index.js';
import type { QuireConfig } from '../config/schema.js';
import { QuireError } from '../util/errors.js';
import { allInOrder, countLines, decodeUtf8, readInside } from '../util/confined.js';
import { normaliseText } from './text.js';
import {
  listContent,
  SOURCE_EXTENSIONS,
  type ContentFolderOptions,
  type ContentListing,
  type SourceEntry,
} from './content-folder.js';
import { builtInReaders, detectReader, readerFor, type Reader } from './registry.js';
import type { ReaderFn, ReaderOptions, ReadResult } from './types.js';
import { checkImages } from './assets.js';

export {
  assertSeparateFolders,
  isSourceName,
  listContent,
  listSources,
  SOURCE_EXTENSIONS,
  type ContentFolderOptions,
  type SourceEntry,
} from './content-folder.js';

/** Larger sources are refused: a guide is read in seconds, and a parser on a 20 MB line would not be. */
export const MAX_SOURCE_BYTES = 8 * 1024 * 1024;

/** Decode a source's bytes: UTF-16 with a byte order mark, else strict UTF-8 (naming the first bad byte's line). */
export function decode(bytes: Uint8Array, file: string): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    return normaliseText(new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2)));
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new QuireError('binary data (NUL byte) in a source file', {
      file,
      line: countLines(bytes, nul),
      hint: 'remove the file from the content folder or save it as UTF-8 text',
    });
  }
  return normaliseText(decodeUtf8(bytes, file));
}

/** The reader of a source: the one its entry names, else the one whose sniff scores its text highest. */
export function readerOf(text: string, entry: SourceEntry, list: readonly Reader[] = builtInReaders): Reader {
  return entry.format ? readerFor(entry.format, list) : detectReader(text, entry.file, list);
}

/** Parse one source text: its reader is loaded on first use, then the parse is pure (see `parseWith`). */
export async function parseSource(
  text: string,
  entry: SourceEntry,
  list: readonly Reader[] = builtInReaders,
  options?: ReaderOptions,
): Promise<Source> {
  const reader = readerOf(text, entry, list);
  return parseWith(reader, await reader.load(), text, entry, options);
}

/** Parse one source text with a loaded reader function: pure. A reader that fails becomes one clear error. */
export function parseWith(
  reader: Reader,
  read: ReaderFn,
  text: string,
  entry: SourceEntry,
  options?: ReaderOptions,
): Source {
  // A built-in format; a reader from another list (a test's) carries its own name through as it is.
  const format = reader.format as SourceFormat;
  let result: ReadResult;
  try {
    result = read({ text, file: entry.file, format, options });
  } catch (error) {
    throw readerError(error, format, entry.file);
  }
  const info: SourceInfo = {
    id: entry.id,
    file: entry.file,
    format,
    role: reader.role,
    readerLabel: reader.label,
    priority: entry.priority,
    title: result.title,
    revision: result.revision,
    label: entry.label,
    ...(result.languages ? { languages: result.languages } : {}),
  };
  const warnings = entry.notes ? [...entry.notes, ...result.warnings] : result.warnings;
  return { info, tree: result.tree, citations: result.citations, warnings, links: result.links };
}

/** What a reader threw, as one QuireError naming the file (a QuireError passes as it is). */
function readerError(error: unknown, format: string, file: string): QuireError {
  if (error instanceof QuireError) return error;
  const deep = error instanceof RangeError;
  return new QuireError(
    deep
      ? `markup nested too deeply to read as ${format}`
      : `could not be read as ${format}: ${(error as Error).message.split('\n')[0]}`,
    {
      file,
      line: 1,
      hint: deep
        ? 'remove the deeply nested templates or brackets'
        : 'fix the markup, or set another "format" for this source in quire.yaml',
      cause: error,
    },
  );
}

/** How a source's text becomes a Source: `parseSource`, or a cached version of it (the build's). */
export type SourceParser = (text: string, entry: SourceEntry, bytes: Uint8Array) => Source | Promise<Source>;

export async function readSources(
  contentDir: string,
  config: QuireConfig,
  parse: SourceParser = (text, entry) => parseSource(text, entry),
  options: ContentFolderOptions = {},
): Promise<Source[]> {
  const listing = await listContent(contentDir, config, options);
  if (listing.entries.length === 0) {
    const others = listing.others.length ? ` (not sources: ${listNames(listing.others)})` : '';
    throw new QuireError(`no source files in the content folder${others}`, {
      file: contentDir,
      hint: 'add a .wiki, .txt or .md file (see "Adding a source" in README.md)',
    });
  }
  // Several at once (the disk answers in parallel); a refusal is the first file's in the listing's order.
  const read = await allInOrder(listing.entries.map((entry) => () => readText(contentDir, entry)));
  const texts = read.map((r) => r.text);
  const entries = withFolderNotes(listing, texts, !config.sources?.length);
  const sources: Source[] = [];
  for (const [i, entry] of entries.entries()) {
    const full = path.join(contentDir, entry.file);
    try {
      sources.push(await checkImages(await parse(read[i]!.text, entry, read[i]!.bytes), contentDir));
    } catch (error) {
      // Name the file as the user knows it (with the content folder).
      if (error instanceof QuireError && error.file === entry.file) error.file = full;
      throw error;
    }
  }
  return config.sources?.length ? sources : rankByStructure(sources);
}

/** One source's text: read inside the content folder, size-checked, decoded, not empty. */
async function readText(contentDir: string, entry: SourceEntry): Promise<{ text: string; bytes: Uint8Array }> {
  const full = path.join(contentDir, entry.file);
  const bytes = await readInside(contentDir, full, 'source file', (size) => {
    if (size <= MAX_SOURCE_BYTES) return undefined;
    const mb = (size / 1024 / 1024).toFixed(1);
    return new QuireError(`source file is too large (${mb} MB; the limit is ${MAX_SOURCE_BYTES / 1024 / 1024} MB)`, {
      file: full,
      line: 1,
      hint: 'split it into several files (one per part or chapter)',
    });
  });
  const text = decode(bytes, full);
  if (!text.trim()) {
    throw new QuireError('source file is empty', {
      file: full,
      line: 1,
      hint: 'add text to it or remove it from the content folder',
    });
  }
  return { text, bytes };
}

const listNames = (names: string[], max = 8) =>
  names.length > max ? `${names.slice(0, max).join(', ')} and ${names.length - max} more` : names.join(', ');

/**
 * The folder's files that are not read, as warnings carried by the first source: without a list, one
 * warning names every file that is neither a source nor an asset (a file a source names, such as an image);
 * with a list, each file that looks like a source but is not listed gets one.
 */
function withFolderNotes(listing: ContentListing, texts: string[], folderRead: boolean): SourceEntry[] {
  const notes: Warning[] = [];
  const others = listing.others.filter((name) => !texts.some((t) => t.includes(name)));
  if (folderRead && others.length) {
    notes.push({
      file: '',
      rule: 'not-a-source',
      message:
        `not read as source${others.length === 1 ? '' : 's'}: ${listNames(others)} ` +
        `(sources are ${SOURCE_EXTENSIONS.join(' ')} files; hidden files and editor backups are never read)`,
    });
  }
  for (const name of listing.unlisted) {
    notes.push({
      file: name,
      rule: 'unlisted-source',
      message:
        'not listed under "sources" in quire.yaml, so not read: add it to the list, or move it out of the folder',
    });
  }
  if (!notes.length) return listing.entries;
  const [first, ...rest] = listing.entries;
  return [{ ...first!, notes: [...(first!.notes ?? []), ...notes] }, ...rest];
}

/**
 * Without a config, the source with the finest structure (most headings) is preferred: it gives the
 * canonical sections and its text wins. Ties keep the folder's name order.
 */
export function rankByStructure(sources: Source[]): Source[] {
  const headings = (s: Source) =>
    s.info.role === 'key-sentences' ? -1 : s.tree.children.filter((n) => n.type === 'heading').length;
  const order = sources.map((s, i) => ({ s, i })).sort((a, b) => headings(b.s) - headings(a.s) || a.i - b.i);
  const priority = new Map(order.map(({ s }, rank) => [s, sources.length - rank]));
  // New objects: a Source may be shared with the build cache.
  return sources.map((s) => ({ ...s, info: { ...s.info, priority: priority.get(s)! } }));
}
