/**
 * A build stopped from outside, as a teacher's terminal or a machine going down stops it: SIGKILL leaves no
 * Chromium running (Chromium dies with its parent), SIGTERM, SIGINT and SIGHUP stop a build or a watch
 * within seconds with exit code 128 + n, the earlier outputs whole and no temporary file left; and after
 * kills at random moments the visible outputs are always one build's set.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../support/content.js';
import { runQuire } from '../support/cli.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function scratch(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A copy of the seed guide whose subtitle says `mark` (it shows in book.json and in the HTML). */
function seed(dir: string, mark: string): string {
  const content = path.join(dir, 'content');
  cpSync(path.join(ROOT, 'content'), content, { recursive: true });
  setMark(content, mark);
  return content;
}

function setMark(content: string, mark: string): void {
  const file = path.join(content, 'quire.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^subtitle: .*$/m, `subtitle: Mark ${mark}`));
}

interface Proc {
  pid: number;
  start: string;
  cmdline: string;
}

/** Every process now running: pid, start time (so that a reused pid is not taken for the same one), ppid. */
function processes(): (Proc & { ppid: number })[] {
  const all: (Proc & { ppid: number })[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z') continue;
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ');
      all.push({ pid: Number(name), ppid: Number(fields[1]), start: fields[19]!, cmdline });
    } catch {
      // Gone meanwhile.
    }
  }
  return all;
}

/** The processes descended from `pid`. */
function descendants(pid: number): Proc[] {
  const all = processes();
  const found: Proc[] = [];
  let parents = new Set([pid]);
  while (parents.size) {
    const children = all.filter((p) => parents.has(p.ppid));
    found.push(...children);
    parents = new Set(children.map((p) => p.pid));
  }
  return found;
}

/** Which of `procs` still run, within `ms`; those left are killed (so that a failure leaks nothing). */
async function survivors(procs: Proc[], ms: number): Promise<Proc[]> {
  const deadline = Date.now() + ms;
  let left = procs;
  while (Date.now() < deadline) {
    const now = processes();
    left = procs.filter((p) => now.some((q) => q.pid === p.pid && q.start === p.start));
    if (left.length === 0) return [];
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const p of left) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // Gone.
    }
  }
  return left;
}

function quire(args: string[]): ChildProcess & { output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli.ts'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code, signal) => resolve(signal ? -1 : code)),
  );
  return Object.assign(child, { output: () => output, exited });
}

/** Wait until the child has printed `pattern` and runs Chromium; resolves with its process tree then. */
async function whenPrinting(child: ReturnType<typeof quire>): Promise<Proc[]> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const tree = descendants(child.pid!);
    if (/starting Chromium|rendering/.test(child.output()) && tree.some((p) => /chrom/i.test(p.cmdline))) return tree;
    if (child.exitCode !== null) throw new Error(`quire ended before printing:\n${child.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`quire never printed:\n${child.output()}`);
}

/** Quire's temporary files in an output folder: staging, print folders, temporary manifests, a lock. */
const temporary = (out: string) =>
  readdirSync(out).filter(
    (n) => /^\.quire-(staging|print|lock)/.test(n) || n.endsWith('.tmp') || /^\.quire-current\./.test(n),
  );

/** The visible outputs, each file's bytes. */
function visible(out: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(out).filter((n) => !n.startsWith('.'))) {
    try {
      files.set(name, readFileSync(path.join(out, name)));
    } catch {
      // A folder (assets/).
    }
  }
  return files;
}

const buildArgs = (content: string, out: string, more: string[] = []) => [
  'build',
  '--content',
  content,
  '--out',
  out,
  '--progress',
  'simple',
  '--no-cache',
  ...more,
];

describe('SIGKILL of a build leaves no Chromium running', () => {
  it('every process of the killed build is gone within seconds', async () => {
    const dir = scratch('quire-kill-');
    const args = buildArgs(seed(dir, 'k'), path.join(dir, 'out'), ['--formats', 'pdf']);
    const child = quire(args);
    const tree = await whenPrinting(child);
    const chromium = tree.filter((p) => /chrom/i.test(p.cmdline));
    expect(chromium.length).toBeGreaterThan(0);
    child.kill('SIGKILL');
    await child.exited;
    expect(await survivors(tree, 5000)).toEqual([]);
    // Chromium's profile, named by the killed process, is removed by the next build that starts Chromium (a
    // build of another test running at the same time may be that one: then it is gone already).
    const profiles = () => readdirSync(tmpdir()).filter((n) => n.startsWith(`quire-chromium-${child.pid}-`));
    expect(profiles().length).toBeLessThanOrEqual(1);
    const next = await runQuire([...args, '--progress', 'silent']);
    expect(next.code, next.stderr).toBe(0);
    expect(profiles()).toEqual([]);
  }, 90_000);
});

describe('SIGTERM, SIGINT and SIGHUP stop a build promptly and cleanly', () => {
  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
    ['SIGHUP', 129],
  ] as const) {
    it(`${signal}: exit ${code} within seconds, earlier outputs whole, nothing temporary left`, async () => {
      const dir = scratch('quire-signal-');
      const content = seed(dir, 'before');
      const out = path.join(dir, 'out');
      const first = await runQuire(buildArgs(content, out, ['--formats', 'html,json', '--progress', 'silent']));
      expect(first.code, first.stderr).toBe(0);
      const before = visible(out);
      expect(before.size).toBe(3);
      setMark(content, 'after');
      const child = quire(buildArgs(content, out, ['--formats', 'html,json,pdf']));
      const tree = await whenPrinting(child);
      const sent = Date.now();
      child.kill(signal);
      expect(await child.exited).toBe(code);
      expect(Date.now() - sent).toBeLessThan(5000);
      expect(await survivors(tree, 5000)).toEqual([]);
      const after = visible(out);
      for (const [name, bytes] of before) expect(after.get(name)?.equals(bytes), name).toBe(true);
      expect(temporary(out)).toEqual([]);
    }, 90_000);
  }

  it('SIGTERM stops a watch: exit 143, nothing temporary left', async () => {
    const dir = scratch('quire-watch-');
    const out = path.join(dir, 'out');
    const args = ['watch', '--content', seed(dir, 'w'), '--out', out, '--port', '0', '--formats', 'html,pdf'];
    const child = quire(args);
    const deadline = Date.now() + 60_000;
    while (!/Preview: /.test(child.output()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 1500));
    const tree = descendants(child.pid!);
    const sent = Date.now();
    child.kill('SIGTERM');
    expect(await child.exited).toBe(143);
    expect(Date.now() - sent).toBeLessThan(5000);
    expect(await survivors(tree, 5000)).toEqual([]);
    expect(temporary(out)).toEqual([]);
  }, 90_000);
});

describe('SIGKILL at random moments of cold builds', () => {
  it('no Chromium left, the visible outputs always one set, nothing temporary after the next build', async () => {
    const dir = scratch('quire-kills-');
    const content = seed(dir, '0');
    const out = path.join(dir, 'out');
    const kills = Number(process.env.QUIRE_KILLS ?? 10);
    // A first whole build: every kill then has a set to keep whole, and gives the span to kill within.
    const started = Date.now();
    const first = await runQuire(buildArgs(content, out, ['--formats', 'html,json,pdf', '--progress', 'silent']));
    expect(first.code, first.stderr).toBe(0);
    const span = Date.now() - started;
    let checked = 0;
    for (let n = 1; n <= kills; n++) {
      setMark(content, String(n));
      const child = quire(buildArgs(content, out, ['--formats', 'html,json,pdf']));
      // Anywhere from the start to a little past the end (the commit included).
      await new Promise((r) => setTimeout(r, 300 + Math.random() * span * 1.1));
      const tree = descendants(child.pid!);
      child.kill('SIGKILL');
      await child.exited;
      expect(await survivors(tree, 5000), `kill ${n}`).toEqual([]);
      const files = visible(out);
      const html = [...files].find(([name]) => name.endsWith('.html') && name !== 'report.html')?.[1];
      const json = files.get('book.json');
      // The HTML and book.json always come from one build: both name the same mark, or neither is there.
      expect(Boolean(html), `kill ${n}`).toBe(Boolean(json));
      if (html && json) {
        const jsonMark = /"subtitle": ?"Mark (\d+)"/.exec(json.toString())?.[1];
        const htmlMark = /Mark (\d+)/.exec(html.toString())?.[1];
        expect(jsonMark, `kill ${n}`).toBeDefined();
        expect(htmlMark, `kill ${n}`).toBe(jsonMark);
        checked++;
      }
    }
    const last = await runQuire(buildArgs(content, out, ['--formats', 'html,json,pdf', '--progress', 'silent']));
    expect(last.code, last.stderr).toBe(0);
    expect(temporary(out)).toEqual([]);
    expect(readdirSync(out).filter((n) => n.startsWith('.quire-gen-'))).toHaveLength(1);
    expect(checked).toBe(kills);
    console.log(`${kills} kills within ${span} ms builds: every set whole, no Chromium left`);
    // Each kill waits up to 1.1 × one build, so the whole test scales with the machine's load.
  }, 600_000);
});
