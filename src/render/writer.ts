/**
 * A writer turns the study guide into one output format (Pandoc's Writers.hs; Vivliostyle CLI loops over
 * its outputs the same way). Each writer owns its files, the key of the inputs each file is made from
 * (an equal key keeps the file already in the output folder), and its line in the progress display.
 * The build gives it a `WriteContext`; a writer never reaches back into the sources, the merge or study.
 */
import type { StudyGuide } from '../model/index.js';
import type { Changelog } from '../editions/changelog.js';
import type { Hashable } from '../util/hash.js';
import type { TemplateSet } from './html/templates.js';
import type { BrowserPool } from './print/browser-pool.js';
import type { ChapterBreaks } from './print/chapters.js';
import type { View } from './view/index.js';

export type Paper = 'A4' | 'Letter';

/** The folder beside the web page that holds the book's images (at their paths in the content folder). */
export const MEDIA = 'media/';

/** The build cache as writers use it: results keyed by a hash of their inputs (see pipeline/cache.ts). */
export interface ResultCache {
  json<T>(stage: string, key: string, compute: () => T | Promise<T>, options?: { disk?: boolean }): Promise<T>;
  bytes<M>(
    stage: string,
    key: string,
    compute: () => Promise<{ bytes: Uint8Array; meta: M }>,
  ): Promise<{ bytes: Uint8Array; meta: M }>;
  recall<T>(stage: string, key: string): Promise<T | undefined>;
  remember(stage: string, key: string, value: unknown): Promise<void>;
  ran(stage: string): void;
}

/** The output folder as writers use it (see pipeline/output-folder.ts). */
export interface OutputSink {
  /** The output folder's absolute path. */
  readonly dir: string;
  upToDate(name: string, key: string): Promise<boolean>;
  /**
   * One output file, or a folder when `name` ends in `/`: kept if the folder holds what `key` gives, else
   * `produce` writes it at `target` (in the staging folder). `stage` names the work for the build's counters.
   */
  output(
    name: string,
    stage: string,
    key: string,
    produce: (target: string) => Promise<{ pages?: number } | void>,
  ): Promise<void>;
  stagingDir(): Promise<string>;
  /** This build makes nothing of `stage` (an option turned it off): its earlier outputs are removed. */
  withdraw(stage: string): void;
}

export type ViewKind = 'html' | 'print' | 'epub';

export interface WriteContext {
  guide: StudyGuide;
  /** A hash of everything the guide depends on (sources, config, overrides, Quire's code). */
  guideKey: string;
  /** Quire's own code (version and modules): part of every output's key. */
  code: string;
  /** The guide's files' name without extension. */
  basename: string;
  paper: Paper;
  duplex: boolean;
  booklet: boolean;
  /** Where printed chapters start: a new page each, run on, or by length (print/chapters.ts). */
  chapters: ChapterBreaks;
  /** The web page as one file: style sheet, fonts and images inside it (no `assets/`, no `media/`). */
  embedResources: boolean;
  /** What changed since the last recorded edition, when there is one. */
  changelog?: Changelog;
  /** A hash of the "What changed" page's content ('' when the guide shows none). */
  changesKey: string;
  /** A hash of the changelog the report shows ('' when there is none). */
  reportKey: string;
  templates: TemplateSet;
  cache: ResultCache;
  output: OutputSink;
  browsers: BrowserPool;
  /** The guide's view for a kind of output, made once per build and shared between writers. */
  view(kind: ViewKind): Promise<View>;
  /** The bytes of one of the book's images (`Book.assets`), read from the content folder once per build. */
  asset(file: string): Promise<Uint8Array>;
  /** A value made once per build and shared between a writer's steps (e.g. the EPUB's cover). */
  once<T>(key: string, make: () => T): T;
  /** Time `fn` under `name` in the build's figures. */
  timed<T>(name: string, fn: () => Promise<T> | T): Promise<T>;
  /** Record a figure of the build (e.g. the PDF's passes). */
  figure(name: string, value: number): void;
  /** Show what the writer is doing now. */
  status(text: string): void;
}

/** A step a writer takes before all writers write (the EPUB's cover is drawn while the others work). */
export interface Preparation {
  title: string;
  /** Returns the progress line, or undefined when there was nothing to do. */
  run(ctx: WriteContext): Promise<{ done: string } | { skipped: string }>;
}

/** A writer module's export. */
export interface Writer {
  /** Progress title while it runs. */
  title: string;
  prepare?: Preparation;
  /** Write the outputs; returns the progress line. */
  write(ctx: WriteContext): Promise<string>;
}

/** A writer's entry in the registry: what the command line and the config need without loading it. */
export interface WriterEntry<F extends string = string> {
  format: F;
  /** Built when neither the command line nor the config names formats. */
  byDefault: boolean;
  /** Whether it prints with Chromium (the command starts Chromium early for it). */
  needsBrowser: boolean;
  /** Whether an entry of the output folder's manifest is one of its files. */
  owns(name: string): boolean;
  load(): Promise<Writer>;
}

/** Hash parts, for writers' keys. */
export type KeyPart = Hashable;
