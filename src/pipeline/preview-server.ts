/**
 * The live preview of `quire watch`: a page on localhost that shows the guide's outputs and reloads itself
 * after each rebuild (server-sent events), and serves the files of the output folder, never one outside it.
 * Its shell (preview.html.liquid, preview.js) is Quire's own, in preview/ beside this file: a guide's templates
 * cannot change it.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import http from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { StudyGuide } from '../model/index.js';
import { TemplateSet } from '../render/html/templates.js';
import { packageRoot } from '../util/paths.js';

/** Quire's own preview shell (not a guide's templates). */
export const PREVIEW_SHELL = path.join(packageRoot(), 'src', 'pipeline', 'preview');

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
  /**
   * Formats still being made: the HTML of this build is written and shown, the PDF and EPUB follow (a
   * later report of the same number says when they are ready). Empty or absent: the build is complete.
   */
  pending?: string[];
}

export interface PreviewState {
  title: string;
  chapters: { id: string; title: string }[];
  has: { ambassadors: boolean; treaties: boolean; timeline: boolean; questions: boolean; index: boolean };
  /** Output files to link to, relative to the output folder (absent when not built). */
  files: { html?: string; pdf?: string; epub?: string; report?: string };
}

/** What the preview page shows of a built guide; `names`: the output files, relative to the output folder. */
export function previewState(guide: StudyGuide, basename: string, names: string[]): PreviewState {
  const named = (name: string) => (names.includes(name) ? name : undefined);
  return {
    title: guide.meta.title,
    chapters: guide.chapters.map((c) => ({ id: c.id, title: c.title })),
    has: {
      ambassadors: guide.glossaries.ambassadors.length > 0,
      treaties: guide.glossaries.treaties.length > 0,
      timeline: guide.glossaries.timeline.length > 0,
      questions: guide.questions.length > 0,
      index: guide.index.length > 0,
    },
    files: {
      html: named(`${basename}.html`),
      pdf: named(`${basename}.pdf`),
      epub: named(`${basename}.epub`),
      report: named('report.html'),
    },
  };
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

const SHELL_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; frame-src 'self'; object-src 'self'";
// The guide is content, not code: it runs no script and loads nothing from elsewhere.
const GUIDE_POLICY = "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * The `Host` values the server answers: those of the address it listens on, with its port (a browser omits
 * port 80). A page of another site whose name is rebound to this address (DNS rebinding) sends its own name
 * and gets nothing. Loopback answers to each of its usual names; a wildcard address (0.0.0.0, ::) to IP
 * addresses and localhost, never to a name that DNS could rebind.
 */
export function hostAllowed(header: string | undefined, host: string, port: number): boolean {
  if (!header) return false;
  const match = /^(\[[^\]]+\]|[^:[\]]+)(?::(\d+))?$/.exec(header.trim().toLowerCase());
  if (!match || Number(match[2] ?? 80) !== port) return false;
  const name = match[1]!;
  const bare = name.replace(/^\[|\]$/g, '');
  const given = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (given === '0.0.0.0' || given === '::') return isIP(bare) !== 0 || name === 'localhost';
  const loopback = given === 'localhost' || given === '::1' || given.startsWith('127.');
  return bare === given || (loopback && LOOPBACK.includes(name));
}

/** Stream a file; a file moved away by a rebuild meanwhile ends the response instead of the process. */
function sendFile(file: string, res: http.ServerResponse): void {
  pipeline(createReadStream(file), res).catch(() => res.destroy());
}

export class PreviewServer {
  url = '';
  private server?: http.Server;
  private readonly clients = new Set<http.ServerResponse>();
  private readonly shell = new TemplateSet(PREVIEW_SHELL);
  private builds: BuildReport[] = [];
  private preview?: PreviewState;
  private host = '';
  private port = 0;

  constructor(private readonly outDir: string) {}

  async listen(port: number, host: string): Promise<void> {
    this.server = http.createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, host, () => resolve());
    }).catch((error: NodeJS.ErrnoException) => {
      throw new Error(error.code === 'EADDRINUSE' ? `port ${port} is in use: pass another with --port` : error.message);
    });
    const address = this.server.address() as AddressInfo;
    this.host = host;
    this.port = address.port;
    this.url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/`;
  }

  /** A build ended: the page's state is updated and every open page is told. */
  publish(builds: BuildReport[], preview: PreviewState | undefined): void {
    this.builds = builds;
    this.preview = preview;
    const report = builds.at(-1);
    for (const client of this.clients) client.write(`event: build\ndata: ${JSON.stringify(report)}\n\n`);
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, this.host, this.port)) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end(`This preview answers only at ${this.url}\n`);
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/') return this.page(res);
    if (url.pathname === '/__quire/preview.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      return sendFile(this.shell.file('preview.js'), res);
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
    return this.file(url, res);
  }

  private page(res: http.ServerResponse): void {
    const html = this.shell.render('preview.html.liquid', {
      preview: this.preview ?? null,
      last: this.builds.at(-1) ?? null,
      lastGood: this.builds.filter((b) => b.ok).at(-1) ?? null,
    });
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': SHELL_POLICY,
    });
    res.end(html);
  }

  /** A file of the output folder, never one outside it. */
  private async file(url: URL, res: http.ServerResponse): Promise<void> {
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname).replace(/^\/+/, '');
    } catch {
      relative = '\0';
    }
    const file = await this.inside(relative);
    const info = file ? await stat(file).catch(() => undefined) : undefined;
    if (!file || !info?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found in the output folder.\n');
      return;
    }
    res.writeHead(200, {
      'content-type': MEDIA_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': 'no-store',
      'content-security-policy': GUIDE_POLICY,
    });
    sendFile(file, res);
  }

  /**
   * The real path of `relative` (no dot-segment: neither `..` nor Quire's hidden files), if it lies inside
   * the output folder's real path: a symlink that leads outside is refused, one that stays inside (as the
   * outputs themselves do, into the current generation) is followed.
   */
  private async inside(relative: string): Promise<string | undefined> {
    if (relative.split('/').some((p) => p.startsWith('.'))) return undefined;
    try {
      const root = await realpath(this.outDir);
      const file = await realpath(path.resolve(this.outDir, relative));
      return file.startsWith(root + path.sep) ? file : undefined;
    } catch {
      return undefined;
    }
  }

  async close(): Promise<void> {
    for (const client of this.clients) client.end();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
