/**
 * The readers Quire knows, in one list (as Pandoc's Readers.hs): each names its format, declares what the
 * merge does with its sources (its role), gives the label the credits page shows, and says how much a text
 * looks like its format. The reader function itself is imported only when a source of that format is read.
 *
 * The config's format enum, the model's `SourceFormat` and format detection all come from this list: adding
 * a reader is one module plus one entry here. The order is the config enum's (its error messages list the
 * formats in this order), and breaks ties between equal sniff scores: the earlier reader wins.
 */
import type { SourceRole } from '../model/index.js';
import type { ReaderFn } from './types.js';
import {
  SNIFF,
  hasExtension,
  looksLikeCitedSentences,
  looksLikeDump,
  markdownHeadingCount,
  wikiHeadingCount,
  wikiMarkupCount,
} from './sniff.js';

export interface Reader<F extends string = string> {
  /** The format's name: `format:` in quire.yaml, `format` in book.json. */
  readonly format: F;
  /** What the merge does with the source: prose to fuse, or key sentences to match to chapters. */
  readonly role: SourceRole;
  /** The format in words, for the credits page. */
  readonly label: string;
  /** File-name endings (lower case, with the dot) that claim a file for this reader: they score `SNIFF.extension`. */
  readonly extensions: readonly string[];
  /** How much the text looks like this format, from 0 (not at all) to 1 (certainly); see `SNIFF`. */
  sniff(text: string, file: string): number;
  /** The reader function, imported on first use. */
  load(): Promise<ReaderFn>;
}

/** Keeps an entry's format as a literal type, so that the list's formats make a union. */
function reader<const F extends string>(entry: Reader<F>): Reader<F> {
  return entry;
}

const markdownWins = (text: string) => {
  const headings = markdownHeadingCount(text);
  return headings >= 2 && headings > wikiHeadingCount(text);
};

const loadWikitext = () => import('./wikitext.js').then((m) => m.readWikitext);

export const builtInReaders = [
  reader({
    format: 'wikitext',
    role: 'text',
    label: 'MediaWiki wikitext',
    extensions: ['.wiki', '.wikitext', '.mediawiki'],
    sniff: (text) => (wikiHeadingCount(text) >= 2 || wikiMarkupCount(text) >= 5 ? SNIFF.wikiMarkup : SNIFF.none),
    load: loadWikitext,
  }),
  reader({
    format: 'wikitext-dump',
    role: 'text',
    label: 'MediaWiki wikitext (database dump)',
    extensions: [],
    sniff: (text) => (looksLikeDump(text) ? SNIFF.certain : SNIFF.none),
    // The same reader: it tells a dump from its format and splits the revision line off.
    load: loadWikitext,
  }),
  reader({
    format: 'plain-text',
    role: 'text',
    label: 'plain text',
    extensions: [],
    sniff: () => SNIFF.fallback,
    load: () => import('./plaintext.js').then((m) => m.readPlainText),
  }),
  reader({
    format: 'cited-sentences',
    role: 'key-sentences',
    label: 'key sentences with citation markers',
    extensions: [],
    sniff: (text) => (looksLikeCitedSentences(text) ? SNIFF.citationMarkers : SNIFF.none),
    load: () => import('./cited.js').then((m) => m.readCitedSentences),
  }),
  reader({
    format: 'markdown',
    role: 'text',
    label: 'Markdown',
    extensions: ['.md', '.markdown'],
    sniff: (text) => (markdownWins(text) ? SNIFF.markdownHeadings : SNIFF.none),
    load: () => import('./markdown.js').then((m) => m.readMarkdown),
  }),
] as const;

/** A format name of the built-in readers. */
export type ReaderFormat = (typeof builtInReaders)[number]['format'];

/** The built-in formats, in list order, as zod's `z.enum` wants them (a non-empty tuple). */
export const readerFormats = builtInReaders.map((r) => r.format) as [ReaderFormat, ...ReaderFormat[]];

/** The reader of a format. */
export function readerFor(format: string, list: readonly Reader[] = builtInReaders): Reader {
  const found = list.find((r) => r.format === format);
  if (!found) throw new Error(`no reader for the format "${format}"`);
  return found;
}

/** A reader's score for a file: its sniff, or its claim on the file's extension if that is higher. */
export function scoreOf(entry: Reader, text: string, file: string): number {
  return Math.max(entry.sniff(text, file), hasExtension(file, entry.extensions) ? SNIFF.extension : SNIFF.none);
}

/** The reader for a text whose format is not given: the highest score; on a tie, the earlier in the list. */
export function detectReader(text: string, file: string, list: readonly Reader[] = builtInReaders): Reader {
  let best: Reader | undefined;
  let bestScore = -Infinity;
  for (const entry of list) {
    const score = scoreOf(entry, text, file);
    if (score > bestScore) [best, bestScore] = [entry, score];
  }
  if (!best) throw new Error('no readers to detect a format with');
  return best;
}
