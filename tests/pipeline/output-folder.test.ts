/**
 * The output folder on its own, in temporary folders: the lock (one build at a time, stale locks taken
 * over), the leftovers of killed builds, outputs kept or produced into staging, the commit and the manifest.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { utimesSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OutputFolder } from '../../src/pipeline/output-folder.js';
import { BuildCache, MANIFEST, type Manifest } from '../../src/pipeline/cache.js';
import { QuireError } from '../../src/util/errors.js';

const LOCK = '.quire-lock';
const LONG_AGO = new Date('2001-01-01T00:00:00Z');

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new output folder holding `files` (name → text; a name ending in `/` is a folder) and `manifest`. */
function outDir(files: Record<string, string> = {}, manifest?: Manifest): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'quire-out-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    utimesSync(file, LONG_AGO, LONG_AGO);
  }
  if (manifest) writeFileSync(path.join(dir, MANIFEST), JSON.stringify(manifest));
  return dir;
}

/** An output folder over `dir` counting into an in-memory cache, with its manifest read. */
async function open(dir: string, rebuild = false) {
  const cache = new BuildCache();
  const folder = new OutputFolder(dir, cache, rebuild);
  await folder.readManifest();
  return { folder, cache };
}

const manifestOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8')) as Manifest;
const lockHolder = (dir: string) => readFileSync(path.join(dir, LOCK), 'utf8');
/** Quire's hidden files but for the current set's own (its manifest, `.quire-current` and its generation). */
const hidden = (dir: string) =>
  readdirSync(dir).filter(
    (n) => n.startsWith('.quire-') && n !== MANIFEST && n !== '.quire-current' && !n.startsWith('.quire-gen-'),
  );

/** A process id that is not running: a child that has already exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

/** Another live process, as a second build would be (stopped after the tests). */
const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)'], { stdio: 'ignore' });
afterAll(() => {
  other.kill();
});

describe('OutputFolder: the lock', () => {
  it('takes a free folder: the lock file holds this process id', async () => {
    const dir = outDir();
    const { folder } = await open(dir);
    await folder.lock();
    expect(lockHolder(dir)).toBe(String(process.pid));
    await folder.close();
  });

  it('refuses a second live build with a QuireError naming its process, and leaves its files alone', async () => {
    const dir = outDir({ '.quire-staging-live/guide.html': 'half' });
    writeFileSync(path.join(dir, LOCK), String(other.pid));
    const { folder } = await open(dir);
    const refusal = await folder.lock().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(QuireError);
    expect((refusal as QuireError).reason).toContain(`process ${other.pid}`);
    expect((refusal as QuireError).file).toBe(path.resolve(dir));
    expect(lockHolder(dir)).toBe(String(other.pid));
    expect(existsSync(path.join(dir, '.quire-staging-live/guide.html'))).toBe(true);
  });

  it('takes over a stale lock and removes staging folders and the print folders of dead processes', async () => {
    const dead = deadPid();
    const dir = outDir({
      'guide.html': 'kept',
      'assets/screen.css': 'kept',
      '.quire-staging-abc123/guide.pdf': 'half a PDF',
      '.quire-staging-def456/handouts/a.pdf': 'half a booklet',
      [`.quire-print-${dead}/print.html`]: 'dead',
      [`.quire-print-${other.pid}/print.html`]: 'a live build prints here',
      [`.quire-print-${process.pid}/print.html`]: "this process's own",
    });
    writeFileSync(path.join(dir, LOCK), String(dead));
    const { folder } = await open(dir);
    await folder.lock();
    expect(lockHolder(dir)).toBe(String(process.pid));
    expect(hidden(dir).sort()).toEqual([LOCK, `.quire-print-${other.pid}`, `.quire-print-${process.pid}`].sort());
    expect(
      readdirSync(dir)
        .filter((n) => !n.startsWith('.'))
        .sort(),
    ).toEqual(['assets', 'guide.html']);
    await folder.close();
  });
});

describe('OutputFolder: outputs', () => {
  it('keeps an up-to-date file: counted as reused, not produced, not rewritten', async () => {
    const dir = outDir({ 'guide.html': 'old' }, { 'guide.html': { key: 'k1', bytes: 3 } });
    const { folder, cache } = await open(dir);
    let produced = 0;
    await folder.output('guide.html', 'html', 'k1', async () => {
      produced++;
    });
    expect(produced).toBe(0);
    expect(cache.counters.html).toEqual({ ran: 0, reused: 1 });
    expect(folder.files).toEqual([{ path: path.join(dir, 'guide.html'), bytes: 3, unchanged: true }]);
    expect(readFileSync(path.join(dir, 'guide.html'), 'utf8')).toBe('old');
    expect(statSync(path.join(dir, 'guide.html')).mtimeMs).toBe(LONG_AGO.getTime());
  });

  it('produces a changed file into staging (counted as ran); the old one stays until the commit', async () => {
    const dir = outDir({ 'guide.html': 'old' }, { 'guide.html': { key: 'k1', bytes: 3 } });
    const { folder, cache } = await open(dir);
    const targets: string[] = [];
    await folder.output('guide.html', 'html', 'k2', async (target) => {
      targets.push(target);
      await writeFile(target, 'new!');
    });
    expect(targets).toHaveLength(1);
    expect(path.basename(path.dirname(targets[0]!))).toMatch(/^\.quire-staging-/);
    expect(path.dirname(path.dirname(targets[0]!))).toBe(path.resolve(dir));
    expect(cache.counters.html).toEqual({ ran: 1, reused: 0 });
    expect(readFileSync(path.join(dir, 'guide.html'), 'utf8')).toBe('old');
    await folder.close();
  });

  it('produces again a file whose size is not what the manifest recorded (edited, or cut short)', async () => {
    const dir = outDir({ 'guide.html': 'edited by hand' }, { 'guide.html': { key: 'k1', bytes: 3 } });
    const { folder, cache } = await open(dir);
    let produced = 0;
    await folder.output('guide.html', 'html', 'k1', async (target) => {
      produced++;
      await writeFile(target, 'old');
    });
    expect(produced).toBe(1);
    expect(cache.counters.html).toEqual({ ran: 1, reused: 0 });
    await folder.close();
  });
});

describe('OutputFolder: commit and close', () => {
  it('moves staged files and folders into place, records their sizes, keeps the other entries', async () => {
    const dir = outDir(
      { 'guide.html': 'old', 'guide.pdf': 'old pdf', 'guide.epub': 'epub', 'assets/old.css': 'gone' },
      {
        'guide.html': { key: 'h1', bytes: 3 },
        'guide.pdf': { key: 'p1', bytes: 7, pages: 10 },
        'guide.epub': { key: 'e1', bytes: 4 },
        'assets/': { key: 'a1', bytes: 4 },
      },
    );
    const { folder, cache } = await open(dir);
    await folder.lock();
    await folder.output('assets/', 'assets', 'a2', async (target) => {
      await mkdir(path.join(target, 'fonts'), { recursive: true });
      await writeFile(path.join(target, 'screen.css'), 'body{}');
      await writeFile(path.join(target, 'fonts/serif.woff2'), '0123456789');
    });
    await folder.output('guide.html', 'html', 'h2', (target) => writeFile(target, 'hello'));
    await folder.output('guide.pdf', 'pdf', 'p2', async (target) => {
      await writeFile(target, 'new pdf!');
      return { pages: 12 };
    });
    const written = await folder.commit();

    expect(written.map((w) => [w.path, w.bytes]).sort()).toEqual([
      [path.join(dir, 'assets') + path.sep, 16],
      [path.join(dir, 'guide.html'), 5],
      [path.join(dir, 'guide.pdf'), 8],
    ]);
    expect(cache.counters.write).toEqual({ ran: 3, reused: 0 });
    expect(readFileSync(path.join(dir, 'guide.html'), 'utf8')).toBe('hello');
    expect(readFileSync(path.join(dir, 'guide.pdf'), 'utf8')).toBe('new pdf!');
    expect(readdirSync(path.join(dir, 'assets')).sort()).toEqual(['fonts', 'screen.css']);
    expect(manifestOf(dir)).toEqual({
      'assets/': { key: 'a2', bytes: 16, stage: 'assets' },
      'guide.html': { key: 'h2', bytes: 5, stage: 'html' },
      'guide.pdf': { key: 'p2', bytes: 8, pages: 12, stage: 'pdf' },
      // Not asked for by this build: the file and its entry stay.
      'guide.epub': { key: 'e1', bytes: 4 },
    });
    expect(readFileSync(path.join(dir, 'guide.epub'), 'utf8')).toBe('epub');
    expect(folder.files.map((f) => [f.path, f.pages])).toEqual([
      [path.join(dir, 'assets') + path.sep, undefined],
      [path.join(dir, 'guide.html'), undefined],
      [path.join(dir, 'guide.pdf'), 12],
    ]);

    await folder.close();
    expect(hidden(dir)).toEqual([]);
    // What was recorded is what a next build finds up to date.
    const next = await open(dir);
    for (const [name, entry] of Object.entries(manifestOf(dir))) {
      expect(await next.folder.upToDate(name, entry.key), name).toBe(true);
    }
  });

  it('writes nothing when nothing changed: no file moved, the manifest untouched', async () => {
    const manifest = {
      'guide.html': { key: 'h1', bytes: 3, stage: 'html' },
      'book.json': { key: 'j1', bytes: 2, stage: 'json' },
    };
    const dir = outDir({ 'guide.html': 'old', 'book.json': '{}' }, manifest);
    utimesSync(path.join(dir, MANIFEST), LONG_AGO, LONG_AGO);
    const before = statSync(path.join(dir, MANIFEST));
    const { folder, cache } = await open(dir);
    await folder.output('guide.html', 'html', 'h1', async () => expect.unreachable('up to date'));
    await folder.output('book.json', 'json', 'j1', async () => expect.unreachable('up to date'));

    expect(await folder.commit()).toEqual([]);
    const after = statSync(path.join(dir, MANIFEST));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    expect(manifestOf(dir)).toEqual(manifest);
    expect(cache.counters.write).toBeUndefined();
    expect(folder.files.map((f) => path.basename(f.path))).toEqual(['book.json', 'guide.html']);
    await folder.close();
  });

  it('close() removes staging and the lock; a build that fails before committing changes nothing', async () => {
    const dir = outDir({ 'guide.html': 'old' }, { 'guide.html': { key: 'h1', bytes: 3 } });
    const { folder } = await open(dir);
    await folder.lock();
    await folder.output('guide.html', 'html', 'h2', (target) => writeFile(target, 'half'));
    expect(hidden(dir).filter((n) => n.startsWith('.quire-staging-'))).toHaveLength(1);
    expect(hidden(dir)).toContain(LOCK);

    await folder.close();
    expect(hidden(dir)).toEqual([]);
    expect(readFileSync(path.join(dir, 'guide.html'), 'utf8')).toBe('old');
    expect(manifestOf(dir)).toEqual({ 'guide.html': { key: 'h1', bytes: 3 } });
    // The lock is free again.
    const next = await open(dir);
    await next.folder.lock();
    expect(lockHolder(dir)).toBe(String(process.pid));
    await next.folder.close();
  });
});

describe('OutputFolder: outputs no longer made, --no-cache, and whose folder it is', () => {
  it('removes the outputs of a stage it ran but did not make again (a new title), and nothing else', async () => {
    const dir = outDir(
      { 'old-title.html': 'old', 'old-title.pdf': 'pdf', 'notes.txt': 'the user’s own' },
      {
        'old-title.html': { key: 'h1', bytes: 3, stage: 'html' },
        'old-title.pdf': { key: 'p1', bytes: 3, stage: 'pdf' },
      },
    );
    // A first build through Quire makes the visible names links into the current set.
    const first = await open(dir);
    await first.folder.lock();
    await first.folder.output('old-title.html', 'html', 'h0', (target) => writeFile(target, 'old'));
    await first.folder.output('old-title.pdf', 'pdf', 'p0', (target) => writeFile(target, 'pdf'));
    await first.folder.commit();
    await first.folder.close();

    const { folder } = await open(dir);
    await folder.lock();
    await folder.output('new-title.html', 'html', 'h2', (target) => writeFile(target, 'new'));
    await folder.commit();
    await folder.close();
    expect(folder.removed).toEqual([path.join(dir, 'old-title.html')]);
    // The PDF was not asked for: it stays; the user's own file is never touched.
    expect(
      readdirSync(dir)
        .filter((n) => !n.startsWith('.'))
        .sort(),
    ).toEqual(['new-title.html', 'notes.txt', 'old-title.pdf']);
    expect(Object.keys(manifestOf(dir)).sort()).toEqual(['new-title.html', 'old-title.pdf']);
  });

  it('with rebuild (--no-cache) an up-to-date output, the PDF too, is produced again', async () => {
    const dir = outDir({ 'guide.pdf': 'old' }, { 'guide.pdf': { key: 'p1', bytes: 3, stage: 'pdf' } });
    const cached = await open(dir);
    expect(await cached.folder.upToDate('guide.pdf', 'p1')).toBe(true);
    const { folder, cache } = await open(dir, true);
    expect(await folder.upToDate('guide.pdf', 'p1')).toBe(false);
    await folder.output('guide.pdf', 'pdf', 'p1', (target) => writeFile(target, 'new'));
    expect(cache.counters.pdf).toEqual({ ran: 1, reused: 0 });
  });

  it('refuses a folder holding another guide’s outputs, or another guide’s quire.yaml', async () => {
    const mine = mkdtempSync(path.join(tmpdir(), 'quire-guide-a-'));
    const theirs = mkdtempSync(path.join(tmpdir(), 'quire-guide-b-'));
    made.push(mine, theirs);
    const dir = outDir();
    const first = await open(dir);
    await first.folder.lock();
    await first.folder.claim(theirs);
    await first.folder.output('guide.html', 'html', 'h1', (target) => writeFile(target, 'theirs'));
    await first.folder.commit();
    await first.folder.close();

    const { folder } = await open(dir);
    const refusal = await folder.claim(mine).catch((error: unknown) => error);
    expect((refusal as QuireError).oneLine()).toBe(
      `${dir}: the output folder holds the outputs of another guide (${realpathSync(theirs)}) — choose another ` +
        'folder with --out, or leave out --out: outputs then go to output/ in the content folder',
    );
    // Its own guide builds there again.
    await expect(folder.claim(theirs)).resolves.toBeUndefined();

    writeFileSync(path.join(mine, 'quire.yaml'), 'title: Mine\n');
    const intoGuide = await new OutputFolder(mine, new BuildCache()).claim(theirs).catch((error: unknown) => error);
    expect((intoGuide as QuireError).reason).toBe(
      'the output folder is the content folder of another guide (it holds a quire.yaml)',
    );
  });
});
