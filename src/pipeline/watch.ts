/**
 * `quire watch`: rebuild on every change under the content and templates folders, and serve a live
 * preview on localhost that reloads itself after each rebuild.
 *
 * Saves are debounced (a burst of saves is one rebuild); a change during a build queues one more build.
 * Builds share one session: the cache, the compiled templates and a running Chromium. A failed build
 * leaves the last good output in place and served; its error shows in the terminal and on the page.
 */
import { EventEmitter } from 'node:events';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { watch as chokidar, type FSWatcher } from 'chokidar';
import { build, type BuildOptions, type BuildResult, type BuildSession } from './build.js';
import { printFolder } from './output-folder.js';
import { BuildCache, defaultCacheDir } from './cache.js';
import { DEFAULT_TEMPLATES } from '../render/html/templates.js';
import { onStop, removeNow } from './exits.js';
import { PreviewServer, previewState, type BuildReport, type PreviewState } from './preview-server.js';

export type { BuildReport } from './preview-server.js';
import { describeError } from '../util/errors.js';
import { formatWarning } from '../util/messages.js';
import { loadConfig } from '../config/load.js';
import { DEFAULT_FORMATS } from '../render/registry.js';

export interface WatchOptions extends Omit<BuildOptions, 'session' | 'progress' | 'release'> {
  /** Port of the preview server; 0 picks a free one. */
  port?: number;
  host?: string;
  /** Quiet time after the last change before rebuilding, in milliseconds. */
  debounceMs?: number;
  /** Where the one-line reports go (default: the console). */
  log?: (line: string) => void;
}

/** Formats printed by Chromium or packed: slower than the HTML, so shown after it (see `rebuild`). */
const PRINTED = ['pdf', 'epub', 'handouts'];

export class Watcher extends EventEmitter<{ build: [BuildReport]; preview: [BuildReport] }> {
  readonly session: BuildSession;
  /** Reports of every build so far, in order. */
  readonly builds: BuildReport[] = [];
  url = '';
  private readonly server: PreviewServer;
  private watcher?: FSWatcher;
  private timer?: NodeJS.Timeout;
  private pending = new Set<string>();
  private running?: Promise<void>;
  private again = false;
  private closed = false;
  private warnings = '';
  private preview?: PreviewState;
  private readonly outDir: string;
  /** Unregisters the watch's undo on a signal (see exits.ts): Chromium killed, the print folder removed. */
  private readonly unstop: () => void;

  constructor(private readonly options: WatchOptions) {
    super();
    this.outDir = path.resolve(options.outDir);
    this.server = new PreviewServer(this.outDir);
    this.session = {
      cache: new BuildCache(
        options.cacheDir === false ? undefined : (options.cacheDir ?? defaultCacheDir(this.outDir)),
      ),
    };
    this.unstop = onStop(() => {
      this.session.browsers?.kill();
      removeNow(printFolder(this.outDir));
    });
  }

  private log(line: string): void {
    (this.options.log ?? console.log)(line);
  }

  /** Serve, build once, then watch. Resolves when the first build has finished (well or not). */
  async start(): Promise<void> {
    await this.server.listen(this.options.port ?? 4173, this.options.host ?? '127.0.0.1');
    this.url = this.server.url;
    // Watch first, so that a save during the first build is not missed (it queues one more build).
    const contentDir = path.resolve(this.options.contentDir);
    const folders = new Set([contentDir, await this.templatesDir()]);
    this.watcher = chokidar([...folders], {
      ignoreInitial: true,
      // The output folder may sit inside the content folder; dot-files are editors' swap files and caches.
      ignored: (file) =>
        file.startsWith(this.outDir + path.sep) ||
        file === this.outDir ||
        path.basename(file).startsWith('.') ||
        file.endsWith('~'),
      awaitWriteFinish: false,
    });
    this.watcher.on('all', (_event, file) =>
      this.changed(
        path.relative(contentDir, file).startsWith('..') ? path.basename(file) : path.relative(contentDir, file),
      ),
    );
    await new Promise<void>((resolve) => this.watcher!.once('ready', () => resolve()));
    await this.flushNow();
  }

  /** Build now (the first build), then any build the changes during it asked for. */
  private async flushNow(): Promise<void> {
    await this.rebuild([]);
    this.again = false;
    if (this.pending.size && !this.closed) await this.flush();
  }

  private async templatesDir(): Promise<string> {
    try {
      const { config } = await loadConfig(this.options.contentDir);
      return config.templates ? path.resolve(this.options.contentDir, config.templates) : DEFAULT_TEMPLATES;
    } catch {
      return DEFAULT_TEMPLATES;
    }
  }

  private changed(file: string): void {
    if (this.closed) return;
    this.pending.add(file);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.options.debounceMs ?? 150);
  }

  private async flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    const changed = [...this.pending].sort();
    this.pending.clear();
    await this.rebuild(changed);
    if (this.again && !this.closed) {
      this.again = false;
      await this.flush();
    }
  }

  /** The formats the watch builds: the command line's, else the config's, else the defaults. */
  private async formats(): Promise<string[]> {
    if (this.options.formats) return this.options.formats;
    const config = await loadConfig(this.options.contentDir).then(
      (loaded) => loaded.config,
      () => undefined,
    );
    return config?.output.formats ?? [...DEFAULT_FORMATS];
  }

  /**
   * One build; its report goes to the log, the preview pages and the 'build' listeners. When it makes
   * both quick formats (HTML …) and printed ones (PDF, EPUB), the quick ones are built and shown first,
   * then the printed ones follow in a second pass over the same session (everything else comes from the
   * cache): the preview shows an edit as soon as its HTML is written.
   */
  private async rebuild(changed: string[]): Promise<void> {
    const run = (async () => {
      const number = this.builds.length + 1;
      const started = performance.now();
      const formats = await this.formats();
      const quick = formats.filter((f) => !PRINTED.includes(f));
      const printed = formats.filter((f) => PRINTED.includes(f));
      if (quick.length && printed.length) {
        const first = await this.pass(number, started, changed, quick, printed);
        // A change meanwhile starts the next build at once; this one's printed formats come with it.
        if (!first.ok || this.pending.size || this.closed) return this.finish(first);
        this.builds.pop();
        return this.finish(await this.pass(number, started, changed, formats, []));
      }
      this.finish(await this.pass(number, started, changed, formats, []));
    })();
    this.running = run;
    try {
      await run;
    } finally {
      this.running = undefined;
    }
  }

  /** One pass of a build: build `formats`, log it, and show it on the preview (`pending`: to follow). */
  private async pass(
    number: number,
    started: number,
    changed: string[],
    formats: string[],
    pending: string[],
  ): Promise<BuildReport> {
    const base = { number, changed, pending };
    const what = changed.length ? ` (${changed.join(', ')})` : '';
    const follow = pending.length
      ? `; ${pending.map((f) => f.toUpperCase()).join(', ')} follow${pending.length === 1 ? 's' : ''}`
      : '';
    let report: BuildReport;
    try {
      const result = await build({ ...this.options, formats, progress: 'silent', session: this.session });
      const ms = Math.round(performance.now() - started);
      report = { ...base, ok: true, ms, written: written(result, this.outDir), at: new Date().toISOString() };
      const names = (await readdir(this.outDir)).filter((n) => !n.startsWith('.'));
      this.preview = previewState(result.book, result.basename, names);
      const wrote = report.written.length ? `wrote ${report.written.join(', ')}` : 'no output changed';
      this.log(`${clock()} build ${number}${what}: ${wrote} in ${ms} ms${follow}`);
      // Warnings when they change (the same ones after every rebuild would bury the build lines).
      const warnings = result.warnings.map((w) => `  ${formatWarning(w, this.options.contentDir)}`);
      if (warnings.join('\n') !== this.warnings) for (const line of warnings) this.log(line);
      this.warnings = warnings.join('\n');
    } catch (error) {
      const ms = Math.round(performance.now() - started);
      report = {
        ...base,
        pending: [],
        ok: false,
        ms,
        written: [],
        error: describeError(error),
        at: new Date().toISOString(),
      };
      this.log(`${clock()} build ${number}${what} failed: ${report.error} — the last good output stays`);
    }
    this.builds.push(report);
    this.server.publish(this.builds, this.preview);
    if (pending.length && report.ok) this.emit('preview', report);
    return report;
  }

  /** The build's last report: told to the 'build' listeners. */
  private finish(report: BuildReport): void {
    this.emit('build', report);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.watcher?.close();
    await this.running;
    await this.server.close();
    await this.session.browsers?.close().catch(() => undefined);
    // The last builds' cache entries are written behind them.
    await this.session.cache.settle();
    await rm(printFolder(this.outDir), { recursive: true, force: true }).catch(() => undefined);
    this.unstop();
  }
}

function written(result: BuildResult, outDir: string): string[] {
  return result.files
    .filter((f) => !f.unchanged)
    .map((f) => path.relative(outDir, f.path) + (f.path.endsWith(path.sep) ? '/' : ''));
}

function clock(): string {
  return new Date().toTimeString().slice(0, 8);
}

/** Start watching; the returned watcher runs until `close()`. */
export async function startWatch(options: WatchOptions): Promise<Watcher> {
  const watcher = new Watcher(options);
  try {
    await watcher.start();
  } catch (error) {
    await watcher.close();
    throw error;
  }
  return watcher;
}
