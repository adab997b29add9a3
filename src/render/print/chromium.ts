/**
 * The browser: Debian's Chromium (or one named by QUIRE_CHROMIUM), launched once per build and reused.
 * Pages render with JavaScript off and may load only files from the build's own folder.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { QuireError } from '../../util/errors.js';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
];
export const BROWSER_ENV = ['QUIRE_CHROMIUM', 'PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH'];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  for (const name of BROWSER_ENV) {
    const value = env[name];
    if (value) {
      if (!existsSync(value))
        throw new QuireError(`${name} points to "${value}", which does not exist`, {
          hint: 'set it to a Chrome or Chromium executable',
        });
      return value;
    }
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new QuireError('Chromium not found (needed for the PDF)', {
      hint: 'install it with `apt-get install -y chromium`, or set QUIRE_CHROMIUM to a Chrome/Chromium executable',
    });
  }
  return found;
}

/** Milliseconds Chromium gets to start, and the base for page timeouts (QUIRE_BROWSER_TIMEOUT_MS). */
export function browserTimeout(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.QUIRE_BROWSER_TIMEOUT_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : 30_000;
}

const PROFILE = 'quire-chromium-';

/**
 * Chromium's profile folder, named by this process: removed when the browser goes and when the process exits
 * (a build stopped by a signal included); one left by a killed process is removed by the next launch.
 */
function profileFolder(): { dir: string; remove: () => void } {
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(name.startsWith(PROFILE) ? name.slice(PROFILE.length).split('-')[0] : NaN);
    if (pid > 0 && pid !== process.pid && !running(pid)) removeFolder(path.join(tmpdir(), name));
  }
  const dir = mkdtempSync(path.join(tmpdir(), `${PROFILE}${process.pid}-`));
  const remove = () => {
    removeFolder(dir);
    if (!existsSync(dir)) process.off('exit', remove);
  };
  process.on('exit', remove);
  return { dir, remove };
}

function removeFolder(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
  } catch {
    // Left for the next launch.
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  const timeout = browserTimeout();
  const profile = profileFolder();
  // Over a pipe, puppeteer's `timeout` does not cover the first exchange: a Chromium that hangs is stopped here
  // (aborting the launch kills its process group).
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeout);
  try {
    const browser = await puppeteer.launch({
      executablePath,
      headless: true,
      timeout,
      signal: abort.signal,
      userDataDir: profile.dir,
      // Chromium's own temporary folders (org.chromium.*) inside its profile, removed with it.
      env: { ...process.env, TMPDIR: profile.dir },
      // Talk to Chromium over a pipe, not a WebSocket: when Quire's process ends, killed or not, the pipe
      // closes and Chromium exits with all its processes (measured: none left after a SIGKILL of the build).
      pipe: true,
      // Quire's own handlers stop a build (pipeline/exits.ts); puppeteer's would exit first, with code 0.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-component-update',
        '--disable-background-networking',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        '--font-render-hinting=none',
        // `gc()` for the print passes (passes.ts, collectGarbage): pages run no JavaScript of their own.
        '--js-flags=--expose-gc',
        // Defence in depth behind the confined pages: every network request goes to a proxy that does not
        // exist, loopback included (a request left paused when a page closes would otherwise go out).
        '--proxy-server=http://127.0.0.1:9',
        '--proxy-bypass-list=<-loopback>',
      ],
    });
    browser.once('disconnected', profile.remove);
    return browser;
  } catch (error) {
    profile.remove();
    const reason = abort.signal.aborted ? `timed out after ${timeout} ms` : (error as Error).message.split('\n')[0];
    throw new QuireError(`Chromium failed to start: ${reason}`, {
      file: executablePath,
      hint: 'check that this Chromium runs (`chromium --headless --version`), or set QUIRE_CHROMIUM to another one',
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
}

/** A page that may read only files under `root`; every other request (network, other files) is refused. */
export async function confinedPage(browser: Browser, root: string): Promise<Page> {
  return confine(await browser.newPage(), root);
}

/** Confine a fresh page (opened ahead of time: opening one costs more than a small print). */
export async function confine(page: Page, root: string): Promise<Page> {
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  const allowed = pathToFileURL(path.resolve(root) + path.sep).href;
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(allowed) && !url.slice(allowed.length).split('/').includes('..')) void request.continue();
    else void request.abort('accessdenied');
  });
  return page;
}

/**
 * Wait until the page's web fonts have loaded: `load` can fire before them, and a page printed or
 * captured then shows fallback fonts (and differs from one build to the next). CDP evaluation works with
 * the page's own JavaScript off.
 */
export async function fontsReady(page: Page): Promise<void> {
  await page.evaluate('document.fonts.ready.then(() => document.fonts.status)');
}
