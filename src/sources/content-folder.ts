/**
 * The content folder: the I/O edge of reading. A guide folder may come from anyone, so every file is read
 * by its real path, which must stay inside the folder's real path (util/confined.ts); the output folder,
 * when it lies inside the content folder, is never read as a source; and every source gets an id of its own.
 */
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { SourceFormat, Warning } from '../model/index.js';
import type { QuireConfig } from '../config/schema.js';
import { CONFIG_NAMES } from '../config/load.js';
import { isSystemError, QuireError } from '../util/errors.js';
import { isInside, realPathInside, realPathOf } from '../util/confined.js';
import { slugify } from '../util/slug.js';

/** Files in a content folder that are not sources. */
const NOT_SOURCES = new Set([...CONFIG_NAMES, 'overrides.yaml', 'overrides.yml', 'README.md']);

/** Without a `sources:` list, the files read as sources: these extensions only (any case). */
export const SOURCE_EXTENSIONS = ['.md', '.markdown', '.wiki', '.wikitext', '.mediawiki', '.txt'];

/** An editor's backup or swap file: `notes.md~`, `notes.bak`, `notes.md.orig`, `.notes.md.swp`. */
const isBackup = (name: string) => /(~|\.bak|\.orig|\.sw[a-p])$/i.test(name);

/** Whether a file name looks like a source: a known extension, not hidden, not a backup, not Quire's own. */
export const isSourceName = (name: string): boolean =>
  !name.startsWith('.') &&
  !NOT_SOURCES.has(name) &&
  !isBackup(name) &&
  SOURCE_EXTENSIONS.includes(path.extname(name).toLowerCase());

/** What a content folder holds: the sources, and the other files at its top level. */
export interface ContentListing {
  entries: SourceEntry[];
  /** Files that are not sources (without a list): other kinds, backups, hidden files. Names, in order. */
  others: string[];
  /** With a list: files that look like sources but are not listed. */
  unlisted: string[];
}

export interface SourceEntry {
  file: string;
  id: string;
  format?: SourceFormat;
  priority: number;
  label?: string;
  /** Warnings about the folder (a symbolic link not read), carried by the first source into the report. */
  notes?: Warning[];
}

/** An entry, and whether its id was written in the config (else it is made from the file name). */
interface Listed {
  entry: SourceEntry;
  explicit: boolean;
}

export interface ContentFolderOptions {
  /** The output folder: when it lies inside the content folder, nothing under it is a source. */
  outDir?: string;
  /** The config file read, named in messages about the sources it lists. */
  configFile?: string;
}

/**
 * Refuse an output folder that is the content folder, or that holds it: a build would read its own outputs
 * (or the next one would). An output folder inside the content folder is allowed: it is never read.
 */
export async function assertSeparateFolders(contentDir: string, outDir: string): Promise<void> {
  const [content, out] = await Promise.all([realPathOf(contentDir), realPathOf(outDir)]);
  if (content === out) {
    throw new QuireError('the output folder is the content folder', {
      file: outDir,
      hint: 'choose another folder with --out (e.g. dist/), so that outputs are never read as sources',
    });
  }
  if (isInside(content, out)) {
    throw new QuireError(`the output folder holds the content folder (${contentDir})`, {
      file: outDir,
      hint: 'choose an output folder outside the content folder with --out',
    });
  }
}

/**
 * The sources to read: those the config lists, else every file of the folder with a source's extension, in
 * name order (see `isSourceName`).
 */
export async function listSources(
  contentDir: string,
  config: QuireConfig,
  options: ContentFolderOptions = {},
): Promise<SourceEntry[]> {
  return (await listContent(contentDir, config, options)).entries;
}

/** The sources to read, and the folder's other files (for the warnings that name them). */
export async function listContent(
  contentDir: string,
  config: QuireConfig,
  options: ContentFolderOptions = {},
): Promise<ContentListing> {
  const files = await topLevelFiles(contentDir, options);
  if (config.sources?.length) {
    const listed = await listedSources(contentDir, config, options);
    const named = new Set(listed.map((l) => path.normalize(l.entry.file)));
    const unlisted = files.names.filter((n) => isSourceName(n) && !named.has(n));
    return {
      entries: withUniqueIds(listed, options.configFile ?? path.join(contentDir, CONFIG_NAMES[0]!)),
      others: [],
      unlisted,
    };
  }
  const sources = files.names.filter(isSourceName);
  const others = files.names.filter((n) => !isSourceName(n) && !NOT_SOURCES.has(n));
  const entries: Listed[] = sources.map((file, i) => ({
    entry: {
      file,
      id: slugify(path.parse(file).name),
      priority: 0,
      ...(i === 0 && files.notes.length ? { notes: files.notes } : {}),
    },
    explicit: false,
  }));
  return { entries: withUniqueIds(entries, path.join(contentDir, CONFIG_NAMES[0]!)), others, unlisted: [] };
}

/** The sources the config lists, each checked: inside the content folder (real path), not an output. */
async function listedSources(
  contentDir: string,
  config: QuireConfig,
  { outDir, configFile = path.join(contentDir, CONFIG_NAMES[0]!) }: ContentFolderOptions,
): Promise<Listed[]> {
  const list = config.sources ?? [];
  const realOut = outDir ? await realPathOf(outDir) : undefined;
  const entries: Listed[] = [];
  for (const [i, s] of list.entries()) {
    const resolved = path.resolve(contentDir, s.file);
    if (!isInside(resolved, path.resolve(contentDir)) || resolved === path.resolve(contentDir)) {
      throw new QuireError(`source "${s.file}" is outside the content folder`, {
        file: configFile,
        hint: 'give a path inside the content folder',
      });
    }
    const real = await realPathInside(contentDir, path.join(contentDir, s.file), 'source file').catch((error) => {
      if (!isSystemError(error?.cause) || error.cause.code !== 'ENOENT') throw error;
      throw new QuireError(`source file not found: ${s.file}`, {
        file: configFile,
        hint: 'fix the path under "sources" or add the file',
      });
    });
    if (realOut && isInside(real, realOut)) {
      throw new QuireError(`source "${s.file}" is in the output folder: Quire's own outputs are not sources`, {
        file: configFile,
        hint: 'list the source files themselves, or choose another output folder with --out',
      });
    }
    const id = s.id ?? slugify(path.parse(s.file).name);
    const entry = { file: s.file, id, format: s.format, priority: s.priority ?? list.length - i, label: s.label };
    entries.push({ entry, explicit: s.id !== undefined });
  }
  return entries;
}

/**
 * The regular files at the top of the content folder, in name order, but those inside the output folder;
 * symbolic links are not read (one warning each).
 */
async function topLevelFiles(
  contentDir: string,
  { outDir }: ContentFolderOptions,
): Promise<{ names: string[]; notes: Warning[] }> {
  let names: string[];
  try {
    names = (await readdir(contentDir)).sort();
  } catch {
    throw new QuireError('content folder not found', {
      file: contentDir,
      hint: 'pass an existing folder with --content',
    });
  }
  const realOut = outDir ? await realPathOf(outDir) : undefined;
  const files: string[] = [];
  const notes: Warning[] = [];
  for (const name of names) {
    const full = path.join(contentDir, name);
    const info = await lstat(full);
    if (info.isSymbolicLink()) {
      if (!isSourceName(name)) continue;
      notes.push({
        file: full,
        rule: 'symlink-not-read',
        message: 'a symbolic link is not read as a source: copy the file into the content folder instead',
      });
    } else if (info.isFile() && !(realOut && isInside(await realPathOf(full), realOut))) files.push(name);
  }
  return { names: files, notes };
}

/**
 * Ids must differ (provenance and book.json name sources by id). Ids written in the config are the user's
 * choice: a repeat is refused. Ids made from file names may meet ("北京" and "Beijing" both give "beijing",
 * "a b.txt" and "a-b.txt" to "a-b"): the later file in list order gets "-2", "-3" …, so the folder builds
 * without a config and the same folder always gives the same ids.
 */
function withUniqueIds(entries: Listed[], configFile: string): SourceEntry[] {
  const given = new Map<string, string>();
  for (const { entry } of entries.filter((e) => e.explicit)) {
    const other = given.get(entry.id);
    if (other !== undefined) {
      throw new QuireError(`sources "${other}" and "${entry.file}" have the same id "${entry.id}"`, {
        file: configFile,
        hint: 'give each source its own id under "sources"',
      });
    }
    given.set(entry.id, entry.file);
  }
  const taken = new Set(given.keys());
  return entries.map(({ entry, explicit }) => {
    if (explicit) return entry;
    let id = entry.id;
    for (let n = 2; taken.has(id); n++) id = `${entry.id}-${n}`;
    taken.add(id);
    return id === entry.id ? entry : { ...entry, id };
  });
}
