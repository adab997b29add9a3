/**
 * The output folder under a build killed at the worst moment and builds started together: a commit cut
 * short at any step leaves one build's set of visible files (never a new book.json beside the old HTML);
 * of several builds that find a stale lock at once, exactly one runs; a killed build's temporary files are
 * removed by the next.
 */
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { OutputFolder } from '../../src/pipeline/output-folder.js';
import { BuildCache } from '../../src/pipeline/cache.js';
import { ROOT } from '../support/content.js';

/** Every rename of the output folder goes through here: a test makes the n-th one the moment of a kill. */
const cut = vi.hoisted(() => ({ at: Infinity, count: 0 }));
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  const rename: typeof fs.rename = async (from, to) => {
    if (++cut.count >= cut.at) throw new Error('killed');
    return fs.rename(from, to);
  };
  return { ...fs, default: { ...fs, rename }, rename };
});

const made: string[] = [];
afterEach(() => {
  cut.at = Infinity;
  cut.count = 0;
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function scratch(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'quire-folder-'));
  made.push(dir);
  return dir;
}

const NAMES = ['guide.html', 'book.json', 'guide.pdf', 'assets/screen.css'];

/** One build of `edition` into `dir`: every output says the edition; the commit may be cut short. */
async function buildEdition(dir: string, edition: string): Promise<void> {
  const folder = new OutputFolder(dir, new BuildCache());
  await folder.lock();
  await folder.readManifest();
  for (const name of ['guide.html', 'book.json', 'guide.pdf']) {
    await folder.output(name, name, `${name}-${edition}`, (target) => fsp.writeFile(target, `${name} ${edition}`));
  }
  await folder.output('assets/', 'assets', `assets-${edition}`, async (target) => {
    await fsp.mkdir(target, { recursive: true });
    await fsp.writeFile(path.join(target, 'screen.css'), `assets/screen.css ${edition}`);
  });
  await folder.commit();
  await folder.close();
}

/** Which edition each visible output shows (undefined: missing). */
function editions(dir: string): (string | undefined)[] {
  return NAMES.map((name) => {
    try {
      return readFileSync(path.join(dir, name), 'utf8').split(' ')[1];
    } catch {
      return undefined;
    }
  });
}

describe('commit: the visible files switch as one set', () => {
  it('a commit cut short at each of its renames leaves the old set or the new, never a mix', async () => {
    let steps = 0;
    for (let at = 1; ; at++) {
      const dir = scratch();
      await buildEdition(dir, 'one');
      expect(editions(dir)).toEqual(['one', 'one', 'one', 'one']);
      cut.count = 0;
      cut.at = at;
      const killed = await buildEdition(dir, 'two').then(
        () => false,
        () => true,
      );
      cut.at = Infinity;
      const seen = editions(dir);
      expect(new Set(seen).size, `cut at rename ${at}: ${seen.join(', ')}`).toBe(1);
      expect(['one', 'two']).toContain(seen[0]);
      if (!killed) break;
      // The next build finds the folder as a killed build left it, and completes it.
      await buildEdition(dir, 'three');
      expect(editions(dir)).toEqual(['three', 'three', 'three', 'three']);
      steps++;
    }
    expect(steps).toBeGreaterThanOrEqual(2);
  });
});

describe('a build stopped by a signal', () => {
  it('abandons only its own staging folder and lock, never a generation (its commit may be in flight)', async () => {
    const dir = scratch();
    await buildEdition(dir, 'one');
    const current = readdirSync(dir).filter((n) => n.startsWith('.quire-gen-'));
    expect(current).toHaveLength(1);
    const folder = new OutputFolder(dir, new BuildCache());
    await folder.lock();
    const staging = await folder.stagingDir();
    // Another generation the stopped build had made and was switching to when the signal came.
    const next = path.join(dir, '.quire-gen-inflight');
    await fsp.mkdir(next);
    folder.abandon();
    expect(existsSync(staging)).toBe(false);
    expect(existsSync(path.join(dir, '.quire-lock'))).toBe(false);
    expect(existsSync(next)).toBe(true);
    expect(existsSync(path.join(dir, current[0]!))).toBe(true);
    expect(editions(dir)).toEqual(['one', 'one', 'one', 'one']);
    // The next build, under the lock, removes the generation that never became current.
    await buildEdition(dir, 'two');
    expect(readdirSync(dir).filter((n) => n.startsWith('.quire-gen-'))).toHaveLength(1);
    expect(editions(dir)).toEqual(['two', 'two', 'two', 'two']);
  });
});

describe('leftovers of a killed build', () => {
  it("the next build removes a dead build's temporary manifest, lock, staging and link files", async () => {
    const dir = scratch();
    await buildEdition(dir, 'one');
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const leftovers = [
      `.quire-manifest.json.${dead}.tmp`,
      `.quire-lock.${dead}.tmp`,
      '.quire-staging-abc123',
      '.quire-gen-abc123',
      '.quire-link-0123456789ab.tmp',
      `.quire-print-${dead}`,
    ];
    for (const name of leftovers) writeFileSync(path.join(dir, name), 'left');
    writeFileSync(path.join(dir, '.quire-lock'), String(dead));
    await buildEdition(dir, 'two');
    expect(readdirSync(dir).filter((n) => leftovers.includes(n) || n === '.quire-lock')).toEqual([]);
    expect(readdirSync(dir).filter((n) => n.startsWith('.quire-gen-'))).toHaveLength(1);
    expect(editions(dir)).toEqual(['two', 'two', 'two', 'two']);
  });
});

describe('a stale lock, and builds started together', () => {
  /** Processes that each take the lock of a folder when told, and say whether they got it. */
  const WORKER = `
    import { createInterface } from 'node:readline';
    const { OutputFolder } = await import(${JSON.stringify(path.join(ROOT, 'src/pipeline/output-folder.ts'))});
    const { BuildCache } = await import(${JSON.stringify(path.join(ROOT, 'src/pipeline/cache.ts'))});
    let folder;
    for await (const line of createInterface({ input: process.stdin })) {
      const [verb, dir] = line.split(' ');
      if (verb === 'lock') {
        folder = new OutputFolder(dir, new BuildCache());
        const won = await folder.lock().then(() => true, () => false);
        if (!won) folder = undefined;
        console.log(won ? 'won' : 'lost');
      } else {
        await folder?.close();
        folder = undefined;
        console.log('released');
      }
    }`;
  const workers: (ChildProcess & { answer: () => Promise<string> })[] = [];
  afterAll(() => {
    for (const w of workers) w.kill();
  });

  function worker() {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', WORKER], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    return Object.assign(child, { answer: async () => String((await lines.next()).value) });
  }

  it('a lock being written (no pid in it yet) is held, not taken over as stale', async () => {
    const dir = scratch();
    const lock = path.join(dir, '.quire-lock');
    writeFileSync(lock, '');
    const folder = new OutputFolder(dir, new BuildCache());
    const taking = folder.lock().then(
      () => 'taken',
      (error: Error) => error.message,
    );
    // The other build finishes writing its lock: this one must then see it held by a live process.
    await new Promise((resolve) => setTimeout(resolve, 150));
    writeFileSync(lock, String(process.ppid));
    expect(await taking).toMatch(new RegExp(`another Quire build \\(process ${process.ppid}\\)`));
  });

  it('exactly one of four builds takes over a stale lock, every time', async () => {
    for (let i = 0; i < 4; i++) workers.push(worker());
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const rounds = 30;
    const winners: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const dir = scratch();
      writeFileSync(path.join(dir, '.quire-lock'), String(dead));
      for (const w of workers) w.stdin!.write(`lock ${dir}\n`);
      const answers = await Promise.all(workers.map((w) => w.answer()));
      winners.push(answers.filter((a) => a === 'won').length);
      for (const w of workers) w.stdin!.write('release\n');
      await Promise.all(workers.map((w) => w.answer()));
      expect(existsSync(path.join(dir, '.quire-lock'))).toBe(false);
    }
    expect(winners).toEqual(Array(rounds).fill(1));
  }, 120_000);
});
