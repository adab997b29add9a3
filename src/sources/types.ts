import type { Root } from 'mdast';
import type { RevisionMeta, SourceCitation, SourceFormat, Warning } from '../model/index.js';

/** What a reader gets: the decoded text and where it came from. */
export interface ReadInput {
  text: string;
  /** Path relative to the content folder, for messages and provenance. */
  file: string;
  format: SourceFormat;
  /** Reader options from the config (only the wikitext reader reads any yet). */
  options?: ReaderOptions;
}

/** Options a reader may be given. `infobox`: an infobox is dropped with a warning (default) or kept as a table. */
export interface ReaderOptions {
  infobox?: 'table' | 'drop';
}

/** What a reader returns: an mdast tree whose block nodes carry line positions. */
export interface ReadResult {
  tree: Root;
  citations: SourceCitation[];
  warnings: Warning[];
  title?: string;
  revision?: RevisionMeta;
  links?: { target: string; label: string; line: number }[];
  /** The only languages the text can be in, by its markup (see SourceInfo.languages). */
  languages?: string[];
}

/** A reader: text in, tree out; pure. The registry (registry.ts) names each one and loads it. */
export type ReaderFn = (input: ReadInput) => ReadResult;
