/**
 * The writers, in the order a build runs them. Adding an output format is one module beside this file and
 * one entry here: the command line's and the config's format lists come from this list.
 *
 * The formats Node makes on its own come before the printed ones: on a cold build they run while Chromium,
 * started early, is still starting.
 */
import type { Writer, WriterEntry } from './writer.js';

/** One export's entry (as a one-element list, to spread into the registry with its literal format name). */
function exportEntry<F extends string>(format: F, ext: string, module: () => Promise<{ writer: Writer }>) {
  return [{ format, byDefault: false, needsBrowser: false, owns: top(ext), load: () => one(module()) }] as const;
}

const top = (ext: string) => (name: string) => !name.includes('/') && name.endsWith(ext) && name !== 'report.html';

export const WRITERS = [
  {
    format: 'html',
    byDefault: true,
    needsBrowser: false,
    owns: (n: string) => top('.html')(n) || n === 'media/',
    load: () => one(import('./html.js')),
  },
  {
    format: 'json',
    byDefault: true,
    needsBrowser: false,
    owns: (n: string) => n === 'book.json' || n === 'book.schema.json',
    load: () => one(import('./json.js')),
  },
  {
    format: 'alignment',
    byDefault: true,
    needsBrowser: false,
    owns: (n: string) => n === 'alignment.json',
    load: () => one(import('./alignment.js')),
  },
  {
    format: 'report',
    byDefault: true,
    needsBrowser: false,
    owns: (n: string) => n === 'report.html' || n === 'changelog.json',
    load: () => one(import('./report.js')),
  },
  // The exports for a class's tools: asked for by name (`--formats gift,qti,anki,csv`), not built by default —
  // a teacher imports one of them into the one tool the class uses, and each is a file to import, not to read.
  ...exportEntry('gift', '.gift', () => import('./exports/gift.js')),
  ...exportEntry('qti', '.qti.zip', () => import('./exports/qti.js')),
  ...exportEntry('anki', '.anki.txt', () => import('./exports/anki.js')),
  ...exportEntry('csv', '.flashcards.csv', () => import('./exports/csv.js')),
  { format: 'epub', byDefault: true, needsBrowser: false, owns: top('.epub'), load: () => one(import('./epub.js')) },
  { format: 'pdf', byDefault: true, needsBrowser: true, owns: top('.pdf'), load: () => one(import('./pdf.js')) },
  {
    format: 'handouts',
    byDefault: false,
    needsBrowser: true,
    owns: (n: string) => n === 'handouts/',
    load: () => one(import('./handouts.js')),
  },
] as const satisfies readonly WriterEntry[];

export type Format = (typeof WRITERS)[number]['format'];

/** Every output format, in build order. */
export const FORMATS = WRITERS.map((w) => w.format) as [Format, ...Format[]];

/** Formats built when neither the command line nor the config names any. */
export const DEFAULT_FORMATS: Format[] = WRITERS.filter((w) => w.byDefault).map((w) => w.format);

export function writerEntry(format: Format): WriterEntry<Format> {
  return WRITERS.find((w) => w.format === format)!;
}

/**
 * Whether a build of `formats` will print with nothing printed before to reuse: a writer that needs
 * Chromium has no file in the output folder's manifest (`names`, its entries).
 */
export function printsFromScratch(
  names: readonly string[],
  formats: readonly string[],
  registry: readonly WriterEntry[] = WRITERS,
): boolean {
  return registry.some((w) => w.needsBrowser && formats.includes(w.format) && !names.some((n) => w.owns(n)));
}

async function one(module: Promise<{ writer: import('./writer.js').Writer }>) {
  return (await module).writer;
}
