/**
 * Chromium for the printed formats, kept between builds of one process (`quire watch`): started ahead of
 * need while the sources are read, pages confined to one folder, a job retried once on a fresh browser if
 * Chromium crashes or hangs, and the PDF's page kept open from one build to the next.
 *
 * Puppeteer is imported only when a page is asked for: a build that prints nothing never loads it.
 */
import type { Browser, Page } from 'puppeteer';
import { QuireError } from '../../util/errors.js';

const chromium = () => import('./chromium.js');

export class BrowserPool {
  browser?: Browser;
  /** A page opened ahead of time in `browser`, not yet confined to a folder (taken by the first print). */
  private spare?: Page;
  /**
   * The PDF's page, kept open between builds (it shows the print folder's HTML, whose fonts and CSS were
   * copied for `assets`, a templates fingerprint): the next PDF replaces its content instead of loading anew.
   */
  print?: {
    page: Page;
    assets: string;
    /**
     * The parts that ran on in its last print ("auto" chapters), under the settings `key`: the next print
     * with the same settings shows them first (pdf.ts).
     */
    runOn?: { key: string; parts: Record<string, boolean> };
  };
  /**
   * A second page beside `print`, opened by a session's second PDF: it only measures the chapters' heights
   * (print/passes.ts, `measureHeights`), so that neither page goes back and forth between two layouts.
   */
  measure?: Page;
  private launching?: Promise<void>;
  /** A start in progress (see `start`). */
  private starting?: Promise<Browser>;
  /** The restart after a failure of `from` (see `restart`). */
  private restarting?: { from: Browser; to: Promise<Browser> };
  /** Milliseconds spent starting Chromium (and waiting for it) since the last `takeTimes`. */
  private times: Record<string, number> = {};

  /**
   * Start Chromium now, on the other core, while the build reads and merges: `given` is one the caller has
   * already started (the CLI starts it before loading the rest of Quire). Its failure is reported by the
   * first job that needs the browser (and ignored if none does).
   */
  warm(given?: Promise<Browser>): void {
    if (this.launching) return;
    if (this.browser?.connected) {
      // This pool's browser is used: one started by the caller is not needed.
      given?.then((b) => b.close()).catch(() => undefined);
      return;
    }
    const t = performance.now();
    this.launching = (async () => {
      this.browser = await (given ?? (await chromium()).launchBrowser());
      // Without a spare page the first print opens one (and reports any failure clearly).
      this.spare = await this.browser.newPage().catch(() => undefined);
      this.times.browser = round(performance.now() - t);
    })();
    this.launching.catch(() => undefined);
  }

  /** The running browser, started if needed. */
  async get(): Promise<Browser> {
    if (this.launching) await this.timed('browser-wait', () => this.launching);
    if (this.browser?.connected) return this.browser;
    return this.start();
  }

  /** Start Chromium: once, however many jobs ask at the same time (handouts print two at a time). */
  private start(): Promise<Browser> {
    this.starting ??= (async () => {
      try {
        const { launchBrowser } = await chromium();
        this.browser = await this.timed('browser', () => launchBrowser());
        return this.browser;
      } finally {
        this.starting = undefined;
      }
    })();
    return this.starting;
  }

  /** A page that may read only files under `root`: the one opened ahead if there is one. */
  async page(root: string): Promise<Page> {
    const browser = await this.get();
    const { confine, confinedPage } = await chromium();
    const spare = this.spare;
    this.spare = undefined;
    return spare && !spare.isClosed() && spare.browser() === browser
      ? confine(spare, root)
      : confinedPage(browser, root);
  }

  /** A page for `root` that belongs to the current browser: `page` itself, or a new one after a restart. */
  async current(page: Page | undefined, root: string): Promise<Page> {
    if (page && !page.isClosed() && page.browser() === this.browser) return page;
    const { confinedPage } = await chromium();
    return confinedPage(await this.get(), root);
  }

  /**
   * Run a browser job; if Chromium crashes or hangs (a timeout), start it again and retry once, then give up
   * with one clear line.
   */
  async run<T>(what: string, job: (browser: Browser) => Promise<T>): Promise<T> {
    const browser = await this.get();
    try {
      return await job(browser);
    } catch (first) {
      if (first instanceof QuireError) throw first;
      const fresh = await this.restart(browser);
      try {
        return await job(fresh);
      } catch (second) {
        if (second instanceof QuireError) throw second;
        throw new QuireError(`Chromium failed twice while ${what}: ${(second as Error).message.split('\n')[0]}`, {
          hint:
            'check that Chromium runs (`chromium --headless --version`) or point QUIRE_CHROMIUM to another ' +
            'browser; --debug shows details',
          cause: second,
        });
      }
    }
  }

  /**
   * A fresh browser in place of `failed`, started once however many jobs failed on it (handouts print two
   * at a time: both fail when Chromium crashes, and both retry on the one new browser).
   */
  private restart(failed: Browser): Promise<Browser> {
    if (this.restarting?.from !== failed) {
      const to = (async () => {
        await failed.close().catch(() => undefined);
        // Another job may have started one meanwhile (`get`, after the failed browser disconnected).
        return this.browser !== failed && this.browser?.connected ? this.browser : this.start();
      })();
      this.restarting = { from: failed, to };
    }
    return this.restarting.to;
  }

  /** Wait for a start in progress (so that it is closed or kept, never left behind). */
  async settle(): Promise<void> {
    await this.launching?.catch(() => undefined);
    this.launching = undefined;
    await this.starting?.catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.settle();
    await this.browser?.close().catch(() => undefined);
    this.browser = undefined;
    this.print = undefined;
    this.measure = undefined;
    this.spare = undefined;
  }

  /**
   * End Chromium at once, synchronously (a build stopped by a signal): its whole process group (puppeteer
   * starts it as a group leader), else its main process. One still starting ends with Quire (its pipe).
   */
  kill(): void {
    const pid = this.browser?.process()?.pid;
    if (!pid) return;
    for (const target of [-pid, pid]) {
      try {
        process.kill(target, 'SIGKILL');
        return;
      } catch {
        // No such group: try the process itself.
      }
    }
  }

  /** The start-up timings since the last call, for a build's figures. */
  takeTimes(): Record<string, number> {
    const times = this.times;
    this.times = {};
    return times;
  }

  private async timed<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
    const t = performance.now();
    try {
      return await fn();
    } finally {
      this.times[name] = round((this.times[name] ?? 0) + performance.now() - t);
    }
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;
