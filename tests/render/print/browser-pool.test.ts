import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'puppeteer';

// A stand-in for Chromium: each start is counted, each browser knows whether it was closed.
const started: FakeBrowser[] = [];
interface FakeBrowser {
  connected: boolean;
  closed: number;
  close(): Promise<void>;
}
const fake = (): FakeBrowser => ({
  connected: true,
  closed: 0,
  async close() {
    this.closed++;
    this.connected = false;
  },
});
vi.mock('../../../src/render/print/chromium.js', () => ({
  launchBrowser: async () => {
    const b = fake();
    started.push(b);
    return b;
  },
}));

const { BrowserPool } = await import('../../../src/render/print/browser-pool.js');

describe('BrowserPool.run: a job retried once on a fresh browser', () => {
  it('two jobs that fail on the same crashed browser retry on one new browser, not two', async () => {
    started.length = 0;
    const pool = new BrowserPool();
    const first = (await pool.get()) as unknown as FakeBrowser;
    expect(started).toHaveLength(1);
    const used: FakeBrowser[][] = [[], []];
    // Both jobs fail on the first browser (a crash), and succeed on the next.
    const job = (lane: number) => async (browser: Browser) => {
      const b = browser as unknown as FakeBrowser;
      used[lane]!.push(b);
      await new Promise((r) => setTimeout(r, lane));
      if (b === first) throw new Error('Target closed');
      return lane;
    };
    expect(await Promise.all([pool.run('a', job(0)), pool.run('b', job(1))])).toEqual([0, 1]);
    expect(started).toHaveLength(2);
    expect(first.closed).toBe(1);
    expect(started[1]!.closed).toBe(0);
    expect(used[0]).toEqual([first, started[1]]);
    expect(used[1]).toEqual([first, started[1]]);
  });

  it('starts one browser for jobs that ask for one at the same time, and none beside a restart', async () => {
    started.length = 0;
    const pool = new BrowserPool();
    const [a, b] = await Promise.all([pool.get(), pool.get()]);
    expect(started).toHaveLength(1);
    expect(a).toBe(b);
    // Chromium crashes during a job; another job asks for the browser before the first one's retry starts one.
    let asked: Promise<Browser> | undefined;
    const retried = pool.run('printing', async (browser) => {
      if (browser !== a) return browser;
      (a as unknown as FakeBrowser).connected = false;
      asked = pool.get();
      throw new Error('Target closed');
    });
    expect(await retried).toBe(await asked);
    expect(started).toHaveLength(2);
  });

  it('a job that fails twice stops with one line that says what it was doing', async () => {
    started.length = 0;
    const pool = new BrowserPool();
    const run = pool.run('printing handout 3', async () => {
      throw new Error('Protocol error\nat somewhere');
    });
    await expect(run).rejects.toThrow(/^Chromium failed twice while printing handout 3: Protocol error$/);
    expect(started).toHaveLength(2);
  });
});
