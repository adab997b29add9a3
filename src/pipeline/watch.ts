/**
 * `quire watch`: rebuild on every change under the content and templates folders, and serve a live
 * preview on localhost that reloads itself after each rebuild.
 *
 * Saves are debounced (a burst of saves is one rebuild); a change during a build queues one more build.
 * Builds share one session: the cache, the compiled templates and a running Chromium. A failed build
 * leaves the last good output in place and served; its error shows in the terminal and on the page.
 */
import { EventEmitter } from 'node:events';
import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { watch as chokidar, type FSWatcher } from 'chokidar';
import { build, printFolder, type BuildOptions, type BuildResult, type BuildSession } from './pipeline.js';
import { BuildCache, defaultCacheDir } from './cache.js';
import { DEFAULT_TEMPLATES, TemplateSet } from '../render/html/templates.js';
import { describeError } from '../util/errors.js';
import { loadConfig } from '../config/load.js';

export interface WatchOptions extends Omit<BuildOptions, 'session' | 'progress' | 'release'> {
  /** Port of the preview server; 0 picks a free one. */
  port?: number;
  host?: string;
  /** Quiet time after the last change before rebuilding, in milliseconds. */
  debounceMs?: number;
  /** Where the one-line reports go (default: the console). */
  log?: (line: string) => void;
}

export interface BuildReport {
  /** 1 for the first build, then one more per rebuild. */
  number: number;
  ok: boolean;
  ms: number;
  /** The files whose change started this build (relative to the content or templates folder). */
  changed: string[];
  /** Output files written (the others were unchanged). */
  written: string[];
  error?: string;
  /** When it finished (ISO time). */
  at: string;
}

interface PreviewState {
  title: string;
  chapters: { id: string; title: string }[];
  has: { ambassadors: boolean; treaties: boolean; timeline: boolean; questions: boolean; index: boolean };
  /** Output files to link to, relative to the output folder (absent when not built). */
  files: { html?: string; pdf?: string; epub?: string; report?: string };
}

export class Watcher extends EventEmitter<{ build: [BuildReport] }> {
  readonly session: BuildSession;
  /** Reports of every build so far, in order. */
  readonly builds: BuildReport[] = [];
  url = '';
  private server?: http.Server;
  private watcher?: FSWatcher;
  private timer?: NodeJS.Timeout;
  private pending = new Set<string>();
  private running?: Promise<void>;
  private again = false;
  private closed = false;
  private preview?: PreviewState;
  private warnings = '';
  private readonly clients = new Set<http.ServerResponse>();
  private readonly outDir: string;
  private readonly shell = new TemplateSet(DEFAULT_TEMPLATES);

  constructor(private readonly options: WatchOptions) {
    super();
    this.outDir = path.resolve(options.outDir);
    this.session = {
      cache: new BuildCache(
        options.cacheDir === false ? undefined : (options.cacheDir ?? defaultCacheDir(this.outDir)),
      ),
    };
  }

  private log(line: string): void {
    (this.options.log ?? console.log)(line);
  }

  /** Serve, build once, then watch. Resolves when the first build has finished (well or not). */
  async start(): Promise<void> {
    await this.listen();
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

  /** One build; its report goes to the log, the preview pages and the 'build' listeners. */
  private async rebuild(changed: string[]): Promise<void> {
    const run = (async () => {
      const number = this.builds.length + 1;
      const started = performance.now();
      let report: BuildReport;
      try {
        const result = await build({ ...this.options, progress: 'silent', session: this.session });
        report = {
          number,
          ok: true,
          ms: Math.round(performance.now() - started),
          changed,
          written: written(result, this.outDir),
          at: new Date().toISOString(),
        };
        this.preview = previewState(result, this.outDir);
        const what = report.written.length ? `wrote ${report.written.join(', ')}` : 'no output changed';
        this.log(
          `${clock()} build ${number}${changed.length ? ` (${changed.join(', ')})` : ''}: ${what} in ${report.ms} ms`,
        );
        // Warnings when they change (the same ones after every rebuild would bury the build lines).
        const warnings = result.warnings.map(
          (w) => `  warning: ${w.file || this.options.contentDir}${w.line ? `:${w.line}` : ''}: ${w.message}`,
        );
        if (warnings.join('\n') !== this.warnings) for (const line of warnings) this.log(line);
        this.warnings = warnings.join('\n');
      } catch (error) {
        report = {
          number,
          ok: false,
          ms: Math.round(performance.now() - started),
          changed,
          written: [],
          error: describeError(error),
          at: new Date().toISOString(),
        };
        this.log(
          `${clock()} build ${number}${changed.length ? ` (${changed.join(', ')})` : ''} failed: ${report.error} — the last good output stays`,
        );
      }
      this.builds.push(report);
      for (const client of this.clients) client.write(`event: build\ndata: ${JSON.stringify(report)}\n\n`);
      this.emit('build', report);
    })();
    this.running = run;
    try {
      await run;
    } finally {
      this.running = undefined;
    }
  }

  private async listen(): Promise<void> {
    this.server = http.createServer((req, res) => void this.serve(req, res));
    const port = this.options.port ?? 4173;
    const host = this.options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, host, () => resolve());
    }).catch((error: NodeJS.ErrnoException) => {
      throw new Error(error.code === 'EADDRINUSE' ? `port ${port} is in use: pass another with --port` : error.message);
    });
    const address = this.server.address() as AddressInfo;
    this.url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/`;
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/') {
      const last = this.builds.at(-1);
      const html = this.shell.render('preview.html.njk', {
        preview: this.preview ?? null,
        last: last ?? null,
        lastGood: this.builds.filter((b) => b.ok).at(-1) ?? null,
      });
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy':
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; frame-src 'self'; object-src 'self'",
      });
      res.end(html);
      return;
    }
    if (url.pathname === '/__quire/preview.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      sendFile(this.shell.file('preview.js'), res);
      return;
    }
    if (url.pathname === '/__quire/status') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ builds: this.builds, preview: this.preview ?? null }));
      return;
    }
    if (url.pathname === '/__quire/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      this.clients.add(res);
      req.on('close', () => this.clients.delete(res));
      return;
    }
    // Everything else: a file of the output folder, never one outside it.
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname).replace(/^\/+/, '');
    } catch {
      relative = '\0';
    }
    const file = path.resolve(this.outDir, relative);
    const info =
      file.startsWith(this.outDir + path.sep) && !relative.split('/').some((p) => p.startsWith('.'))
        ? await stat(file).catch(() => undefined)
        : undefined;
    if (!info?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found in the output folder.\n');
      return;
    }
    res.writeHead(200, {
      'content-type': MEDIA_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': 'no-store',
      // The guide is content, not code: it runs no script and loads nothing from elsewhere.
      'content-security-policy':
        "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
    });
    sendFile(file, res);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.watcher?.close();
    await this.running;
    for (const client of this.clients) client.end();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    await this.session.browser?.close().catch(() => undefined);
    // The last builds' cache entries are written behind them.
    await this.session.cache.settle();
    await rm(printFolder(this.outDir), { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Stream a file; a file moved away by a rebuild meanwhile ends the response instead of the process. */
function sendFile(file: string, res: http.ServerResponse): void {
  pipeline(createReadStream(file), res).catch(() => res.destroy());
}

const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.epub': 'application/epub+zip',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

function written(result: BuildResult, outDir: string): string[] {
  return result.files
    .filter((f) => !f.unchanged)
    .map((f) => path.relative(outDir, f.path) + (f.path.endsWith(path.sep) ? '/' : ''));
}

function previewState(result: BuildResult, outDir: string): PreviewState {
  const book = result.book;
  const names = result.files.map((f) => path.relative(outDir, f.path));
  const named = (name: string) => (names.includes(name) ? name : undefined);
  return {
    title: book.meta.title,
    chapters: book.chapters.map((c) => ({ id: c.id, title: c.title })),
    has: {
      ambassadors: book.glossaries.ambassadors.length > 0,
      treaties: book.glossaries.treaties.length > 0,
      timeline: book.glossaries.timeline.length > 0,
      questions: book.questions.length > 0,
      index: book.index.length > 0,
    },
    files: {
      html: named(`${result.basename}.html`),
      pdf: named(`${result.basename}.pdf`),
      epub: named(`${result.basename}.epub`),
      report: named('report.html'),
    },
  };
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
