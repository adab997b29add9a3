/**
 * What one build carries from step to step: its options resolved once (command line > config > defaults),
 * the session that outlives it in `quire watch` (cache, Chromium, compiled templates), the output folder,
 * the progress observer and the build's figures. The orchestrator (build.ts) is plain code over it.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import type { QuireConfig } from '../config/schema.js';
import { DEFAULT_FORMATS, WRITERS } from '../render/registry.js';
import { DEFAULT_TEMPLATES, TemplateSet, templatesFingerprint } from '../render/html/templates.js';
import { BrowserPool } from '../render/print/browser-pool.js';
import type { Paper, WriterEntry } from '../render/writer.js';
import type { ChapterBreaks } from '../render/print/chapters.js';
import { BuildCache, codeFingerprint, defaultCacheDir } from './cache.js';
import { OutputFolder, printFolder } from './output-folder.js';
import { loadWriters, type LoadedWriter } from './write.js';
import { onStop, removeNow } from './exits.js';
import { progressFor, type ProgressObserver, type ProgressStyle, type Step } from './progress.js';
import { RememberedText } from './remembered.js';
import { startRememberedBuild } from '../util/memo.js';

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  /** Output formats: the registry's (`Format`), or those of writers given in `writers`. */
  formats?: string[];
  paper?: Paper;
  /** Chapters on right-hand pages; overrides the config. */
  duplex?: boolean;
  /** Handout booklets; overrides the config. */
  booklet?: boolean;
  /** Where printed chapters start; overrides the config. */
  chapters?: ChapterBreaks;
  /** The web page as one file; overrides the config. */
  embedResources?: boolean;
  /** Record this edition (a book.json snapshot in content/editions/) once the build has succeeded. */
  release?: boolean;
  /** Progress display: 'default' (live, for terminals), 'simple' (line per step, for CI logs), 'silent'. */
  progress?: ProgressStyle;
  /** Injected clock for the default edition date. */
  today?: () => string;
  /** The build cache's folder (default: .quire-cache in the output folder); false keeps it in memory only. */
  cacheDir?: string | false;
  /** What lives between builds in one process (`quire watch`): the cache, Chromium, compiled templates. */
  session?: BuildSession;
  /**
   * Chromium already being started by the caller for this build (the CLI starts it before loading the rest
   * of Quire when the build will print from scratch: see `printsAhead`). The build prints with it, and
   * closes it at the end unless it was given a session.
   */
  browser?: Promise<Browser>;
  /** The writers to choose from (default: the registry's). A writer of one's own is one more entry. */
  writers?: readonly WriterEntry[];
}

/** State kept between builds in one process. The owner closes `browsers` when done. */
export interface BuildSession {
  cache: BuildCache;
  browsers?: BrowserPool;
  templates?: TemplateSet;
}

/** The build's settings, resolved once: command line over config over defaults. */
export interface Settings {
  config: QuireConfig;
  /** The config file read, if any. */
  file?: string;
  formats: string[];
  paper: Paper;
  duplex: boolean;
  booklet: boolean;
  chapters: ChapterBreaks;
  embedResources: boolean;
  templates: TemplateSet;
  /** The writers to choose from, and those of `formats`, in build order. */
  registry: readonly WriterEntry[];
  writers: LoadedWriter[];
}

export async function resolveSettings(
  options: BuildOptions,
  config: QuireConfig,
  session: BuildSession,
): Promise<Settings> {
  const templatesDir = config.templates ? path.resolve(options.contentDir, config.templates) : DEFAULT_TEMPLATES;
  const fingerprint = templatesFingerprint(templatesDir);
  // Compiled templates are kept while the folder is unchanged.
  if (session.templates?.dir !== templatesDir || session.templates.fingerprint !== fingerprint) {
    session.templates = new TemplateSet(templatesDir);
  }
  const formats = options.formats ?? config.output.formats ?? [...DEFAULT_FORMATS];
  const registry = options.writers ?? WRITERS;
  return {
    config,
    formats,
    registry,
    writers: await loadWriters(formats, registry),
    paper: options.paper ?? config.output.paper,
    duplex: options.duplex ?? config.output.duplex,
    booklet: options.booklet ?? config.output.booklet,
    chapters: options.chapters ?? config.output.chapters,
    embedResources: options.embedResources ?? config.output.embedResources,
    templates: session.templates,
  };
}

/** One build's context: everything but the model, which the orchestrator passes from stage to stage. */
export class BuildRun {
  readonly started = performance.now();
  readonly session: BuildSession;
  readonly cache: BuildCache;
  readonly browsers: BrowserPool;
  readonly folder: OutputFolder;
  readonly progress: ProgressObserver;
  readonly code = codeFingerprint();
  /** The text work remembered per text, kept in the cache folder between processes. */
  readonly remembered: RememberedText;
  /** Milliseconds per stage (and a few counts, such as the PDF's passes), for `npm run bench`. */
  readonly figures: Record<string, number> = {};
  /** Unregisters `stopNow` from the signal handlers (at the end of `close`). */
  private readonly unstop: () => void;

  constructor(readonly options: BuildOptions) {
    const outDir = path.resolve(options.outDir);
    const cacheDir = options.cacheDir === false ? undefined : (options.cacheDir ?? defaultCacheDir(outDir));
    this.session = options.session ?? { cache: new BuildCache(cacheDir) };
    this.cache = this.session.cache;
    this.cache.startBuild();
    startRememberedBuild();
    this.remembered = new RememberedText(this.cache, this.code);
    this.browsers = this.session.browsers ??= new BrowserPool();
    // One started by the caller is taken at once (and so closed at the end, even if the build fails early).
    if (options.browser) this.browsers.warm(options.browser);
    // Without the cache (--no-cache), every output is made again too, the PDF included.
    this.folder = new OutputFolder(outDir, this.cache, options.cacheDir === false);
    this.progress = progressFor(options.progress ?? (process.stdout.isTTY ? 'default' : 'simple'));
    this.unstop = onStop(() => this.stopNow());
  }

  /**
   * The build is stopped by a signal (exits.ts): synchronously, Chromium killed (unless a session keeps it:
   * its owner kills it), print and staging folders removed, the lock released. The earlier outputs stay.
   */
  stopNow(): void {
    if (!this.options.session) {
      this.browsers.kill();
      removeNow(printFolder(this.folder.dir));
    }
    this.folder.abandon();
  }

  timed = async <T>(name: string, fn: () => Promise<T> | T): Promise<T> => {
    const t = performance.now();
    try {
      return await fn();
    } finally {
      this.figures[name] = Math.round(((this.figures[name] ?? 0) + performance.now() - t) * 10) / 10;
    }
  };

  /** A stage's summary line ends its step in the progress display. */
  report = (stage: string, line: string): void => this.progress.done(stage, line);

  /** Run one step of the progress display: `fn` returns the line that says what it did. */
  async step(step: Step, fn: () => Promise<string>): Promise<void> {
    this.progress.start(step.id);
    this.progress.done(step.id, await fn());
  }

  /** After the build, well or not: Chromium closed (unless a session keeps it), staging and lock removed. */
  async close(error?: unknown): Promise<void> {
    await this.progress.end(error);
    // A browser still starting is waited for, so that it is closed (or kept by the session), not left behind.
    await this.browsers.settle();
    Object.assign(this.figures, this.browsers.takeTimes());
    if (!this.options.session) {
      await this.browsers.close();
      await rm(printFolder(this.folder.dir), { recursive: true, force: true }).catch(() => undefined);
    }
    // The disk cache is written behind the build: a one-shot build waits for it (a failed one too: what it
    // read and merged is reused by the next), before unlocking; a session (watch) writes it after returning.
    await this.remembered.keep();
    const settled = this.cache.settle();
    if (!this.options.session) await settled;
    await this.folder.close();
    this.unstop();
  }
}
