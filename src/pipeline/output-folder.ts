/**
 * The output folder: the one place where a build writes. It holds the lock (one build at a time), the
 * manifest (which inputs made each output), the staging folder (outputs are produced there) and the commit:
 * when every format has been produced, the staging folder, completed with the outputs kept and the
 * manifest, becomes the current generation in one rename (generation.ts), so that a failed or killed build
 * leaves the previous set of outputs whole, and the visible files are always one build's set.
 */
import { constants, existsSync } from 'node:fs';
import {
  access,
  chmod,
  link,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  realpath,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { removeNow } from './exits.js';
import { CURRENT, currentGeneration, GENERATION, isLeftover, linkTree, switchTo } from './generation.js';
import { CONFIG_NAMES } from '../config/load.js';
import { QuireError } from '../util/errors.js';
import { allInOrder } from '../util/confined.js';
import { MANIFEST, readManifest, type Manifest } from './cache.js';
import { printFolderPid } from '../render/print/folder.js';
import { printsFromScratch } from '../render/registry.js';

export interface WrittenFile {
  path: string;
  bytes: number;
  pages?: number;
  /** Already in the output folder from an earlier build with the same inputs: not written again. */
  unchanged?: boolean;
}

/** Counts a stage's work done or reused (the build cache's counters). */
export interface WorkCounter {
  ran(stage: string): void;
  reused(stage: string): void;
}

const LOCK = '.quire-lock';
/** The file naming the guide whose outputs the folder holds (see `claim`). */
const OWNER = '.quire-guide';
const STAGING = '.quire-staging-';

export { printFolder } from '../render/print/folder.js';

export class OutputFolder {
  readonly dir: string;
  /** What the folder held before this build (its manifest). */
  manifest: Manifest = {};
  /** What it will hold after the commit. */
  private readonly next: Manifest = {};
  /** Every output of this build, written or kept. */
  readonly files: WrittenFile[] = [];
  /** Outputs of an earlier build this build no longer makes (removed at the commit). */
  readonly removed: string[] = [];
  private staging?: string;
  private unlock?: () => Promise<void>;
  /** This build holds the lock. */
  private held = false;
  /** The claim to write at the commit, when the folder has none for this guide yet. */
  private owner?: string;
  /** The stages (writers' parts) this build ran or reused: their earlier outputs not made again are stale. */
  private readonly stages = new Set<string>();

  /** `rebuild`: every output asked for is produced again, whatever the manifest says (`--no-cache`). */
  constructor(
    dir: string,
    private readonly counter: WorkCounter,
    private readonly rebuild = false,
  ) {
    this.dir = path.resolve(dir);
  }

  /**
   * Claim the folder for the guide of `contentDir`: a folder holding another guide's outputs (or another
   * guide's quire.yaml) is refused, never written into. The claim (`.quire-guide`) holds the content
   * folder's path relative to this one, so that a guide moved with its output folder stays its owner.
   */
  async claim(contentDir: string): Promise<void> {
    const file = path.join(this.dir, OWNER);
    const [content, out] = await Promise.all([realpath(contentDir), realpath(this.dir)]).catch(() => []);
    // A folder that could not be made is reported by ensureWritable, a missing content folder by the read.
    if (!content || !out) return;
    if (CONFIG_NAMES.some((name) => existsSync(path.join(out, name)))) {
      throw new QuireError('the output folder is the content folder of another guide (it holds a quire.yaml)', {
        file: this.dir,
        hint: 'choose another folder with --out, or leave out --out: outputs then go to output/ in the content folder',
      });
    }
    const recorded = await readFile(file, 'utf8').catch(() => undefined);
    const owner = recorded && (await realpath(path.resolve(out, recorded.trim())).catch(() => undefined));
    if (recorded && owner !== content && Object.keys(await readManifest(this.dir)).length) {
      throw new QuireError(`the output folder holds the outputs of another guide (${owner ?? recorded.trim()})`, {
        file: this.dir,
        hint: 'choose another folder with --out, or leave out --out: outputs then go to output/ in the content folder',
      });
    }
    // Written with the first outputs (see `commit`): a build that fails writes nothing.
    if (owner !== content) this.owner = `${path.relative(out, content) || '.'}\n`;
  }

  /** The folder exists and can be written, or one clear error. */
  async ensureWritable(): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true });
      await access(this.dir, constants.W_OK);
    } catch {
      throw new QuireError('output folder is not writable', {
        file: this.dir,
        hint: 'choose another folder with --out or fix its permissions',
      });
    }
  }

  /**
   * One build at a time per output folder: a lock file holding the builder's pid, made with O_EXCL. A lock
   * whose process is gone (a killed build) is taken over atomically (see `takeOver`), and that build's
   * leftovers are removed.
   */
  async lock(): Promise<void> {
    await mkdir(this.dir, { recursive: true }).catch(() => undefined);
    const file = path.join(this.dir, LOCK);
    for (let attempt = 0; attempt < 100; attempt++) {
      const made = await createLock(file);
      if (made === 'made') return await this.locked(file);
      // Unwritable: reported by ensureWritable.
      if (made === 'failed') return;
      if (made === 'retry') continue;
      const holder = await readFile(file, 'utf8').catch(() => undefined);
      if (holder === undefined) continue;
      const pid = Number(holder);
      // A lock with no pid yet (written by an older Quire, not atomically) is held while it is young.
      const young =
        !(pid > 0) &&
        (await stat(file).then(
          (s) => Date.now() - s.mtimeMs < 5_000,
          () => false,
        ));
      if (young) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      if (pid > 0 && pid !== process.pid && alive(pid)) {
        throw new QuireError(`another Quire build (process ${pid}) is writing to this output folder`, {
          file: this.dir,
          hint: `wait for it to finish, or delete ${LOCK} there if no build is running`,
        });
      }
      if (await this.takeOver(file, holder)) return await this.locked(file);
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40));
    }
    throw new QuireError('could not take the lock of the output folder', {
      file: this.dir,
      hint: `delete ${LOCK} and ${LOCK}.takeover there if no build is running`,
    });
  }

  private async locked(file: string): Promise<void> {
    this.unlock = () => rm(file, { force: true });
    this.held = true;
    await this.removeLeftovers();
  }

  /**
   * Replace a stale lock that still holds `stale` with this process's. Only the process that creates the
   * takeover file (O_EXCL) may do it, and only if the lock is unchanged: of builds started together over a
   * stale lock, one takes the folder and the others then find it held by a live process. A takeover file
   * left by a process killed during its few milliseconds is removed once it is old.
   */
  private async takeOver(file: string, stale: string): Promise<boolean> {
    const guard = `${file}.takeover`;
    try {
      await writeFile(guard, String(process.pid), { flag: 'wx' });
    } catch {
      const age = await stat(guard).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > 10_000) await rm(guard, { force: true });
      return false;
    }
    try {
      if ((await readFile(file, 'utf8').catch(() => undefined)) !== stale) return false;
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, String(process.pid));
      await rename(temp, file);
      return true;
    } finally {
      await rm(guard, { force: true });
    }
  }

  /**
   * Leftovers of killed builds: staging folders, generations that never became current, temporary links
   * and manifests, and print folders of processes that are gone.
   */
  private async removeLeftovers(): Promise<void> {
    const current = await currentGeneration(this.dir);
    for (const name of await readdir(this.dir)) {
      const printer = printFolderPid(name);
      const deadPrinter = printer !== undefined && printer !== process.pid && !alive(printer);
      const temporary = /^\.quire-(manifest\.json|lock)\.\d+\.tmp$/.test(name);
      if (name.startsWith('.quire-staging-') || deadPrinter || temporary || isLeftover(name, current)) {
        await rm(path.join(this.dir, name), { recursive: true, force: true });
      }
    }
  }

  async readManifest(): Promise<Manifest> {
    this.manifest = await readManifest(this.dir);
    return this.manifest;
  }

  /** The staging folder of this build (made on first use). */
  async stagingDir(): Promise<string> {
    this.staging ??= await mkdtemp(path.join(this.dir, STAGING));
    return this.staging;
  }

  /** Whether the folder holds what these inputs give: its manifest names the same key and the file is there. */
  async upToDate(name: string, key: string): Promise<boolean> {
    if (this.rebuild) return false;
    const known = this.manifest[name];
    if (known?.key !== key) return false;
    const target = path.join(this.dir, name);
    const size = name.endsWith('/')
      ? await folderSize(target).catch(() => -1)
      : await stat(target).then(
          (s) => s.size,
          () => -1,
        );
    return size === known.bytes;
  }

  /** This build makes nothing of `stage` (an option turned it off): its earlier outputs are stale. */
  withdraw(stage: string): void {
    this.stages.add(stage);
  }

  /**
   * One output file or folder (a name ending in `/`): kept when the folder already holds what these inputs
   * give, else produced into the staging folder.
   */
  async output(
    name: string,
    stage: string,
    key: string,
    produce: (target: string) => Promise<{ pages?: number } | void>,
  ): Promise<void> {
    this.stages.add(stage);
    const known = this.manifest[name];
    if (known && (await this.upToDate(name, key))) {
      this.counter.reused(stage);
      this.next[name] = { ...known, stage };
      this.files.push({ path: path.join(this.dir, name), bytes: known.bytes, pages: known.pages, unchanged: true });
      return;
    }
    this.counter.ran(stage);
    const made = await produce(path.join(await this.stagingDir(), name));
    this.next[name] = { key, bytes: 0, pages: made?.pages ?? undefined, stage };
  }

  /**
   * Make this build's outputs the folder's, at once: the staging folder is completed with the outputs kept
   * (hard links from the current set: those this build kept, and those it did not ask for, which stay as
   * they were) and the manifest, then becomes the current generation (generation.ts). Returns the files
   * this build wrote.
   */
  async commit(): Promise<WrittenFile[]> {
    const staging = await this.stagingDir();
    const names = (await readdir(staging)).filter((n) => !n.startsWith('.'));
    const nextNames = Object.keys(this.next);
    // An earlier output of a stage this build ran, but not made by it (the title, and so the name, changed):
    // stale, removed. Outputs of formats not asked for stay as they were.
    const stale = Object.keys(this.manifest).filter(
      (n) => !(n in this.next) && this.stages.has(this.manifest[n]!.stage!),
    );
    this.removed.push(...stale.map((n) => path.join(this.dir, n)));
    const same =
      names.length === 0 &&
      stale.length === 0 &&
      nextNames.every(
        (n) => this.manifest[n]?.key === this.next[n]!.key && this.manifest[n]?.stage === this.next[n]!.stage,
      ) &&
      nextNames.length === Object.keys(this.manifest).length;
    if (same) {
      this.files.sort((a, b) => a.path.localeCompare(b.path));
      return [];
    }
    const written: WrittenFile[] = [];
    for (const name of names) written.push(await this.measure(staging, name));
    const kept = Object.fromEntries(
      Object.entries(this.manifest).filter(([n]) => !(n in this.next) && !stale.includes(n)),
    );
    const all: Manifest = { ...kept, ...this.next };
    // The kept outputs linked into the new generation, several at once. A kept output that is gone
    // meanwhile is no longer vouched for.
    await allInOrder(
      Object.keys(all)
        .filter((key) => !names.includes(key.replace(/\/$/, '')))
        .map((key) => async () => {
          const name = key.replace(/\/$/, '');
          await linkTree(path.join(this.dir, name), path.join(staging, name)).catch(() => delete all[key]);
        }),
    );
    await writeFile(path.join(staging, MANIFEST), `${JSON.stringify(all, null, 1)}\n`);
    // A staging folder is private (mkdtemp); the outputs, read through it, are as readable as any file.
    await chmod(staging, 0o777 & ~process.umask());
    const generation = path.join(this.dir, GENERATION + path.basename(staging).slice(STAGING.length));
    await rename(staging, generation);
    this.staging = undefined;
    await switchTo(this.dir, generation, [...Object.keys(all).map((k) => k.replace(/\/$/, '')), MANIFEST]);
    for (const name of stale) await removeLink(path.join(this.dir, name.replace(/\/$/, '')));
    if (this.owner) await writeFile(path.join(this.dir, OWNER), this.owner);
    for (const m of written) {
      const name = path.relative(this.dir, m.path) + (m.path.endsWith(path.sep) ? '/' : '');
      this.files.push({ ...m, pages: this.next[name]?.pages });
    }
    this.files.sort((a, b) => a.path.localeCompare(b.path));
    return written;
  }

  /** A staged output's size, recorded in the manifest; its path is the visible one. */
  private async measure(staging: string, name: string): Promise<WrittenFile> {
    const from = path.join(staging, name);
    const to = path.join(this.dir, name);
    const info = await stat(from);
    this.counter.ran('write');
    if (!info.isDirectory()) {
      if (this.next[name]) this.next[name]!.bytes = info.size;
      return { path: to, bytes: info.size };
    }
    const bytes = await folderSize(from);
    if (this.next[`${name}/`]) this.next[`${name}/`]!.bytes = bytes;
    return { path: to + path.sep, bytes };
  }

  /**
   * The build is stopped by a signal (exits.ts): synchronously, its staging folder, a generation it had not
   * yet made current and its temporary links removed, its lock released. The current set stays whole.
   * It may run twice (see exits.ts).
   */
  abandon(): void {
    if (!this.held) return;
    // Only what is this build's alone: the commit's renames may still be in flight on the thread pool, so
    // which generation is current cannot be known here. A generation or link left behind is removed by the
    // next build, under the lock.
    if (this.staging) removeNow(this.staging);
    removeNow(path.join(this.dir, LOCK));
  }

  /** Remove the staging folder and release the lock. */
  async close(): Promise<void> {
    if (this.staging) await rm(this.staging, { recursive: true, force: true });
    await this.unlock?.();
    this.held = false;
  }
}

/**
 * Make the lock file with this process's pid in it, atomically: written to a temporary file, then linked to
 * the lock's name (link fails if the name exists), so that no other build ever reads a lock without a pid.
 */
async function createLock(file: string): Promise<'made' | 'exists' | 'retry' | 'failed'> {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temp, String(process.pid));
    await link(temp, file);
    return 'made';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOENT: the temporary file was removed meanwhile (by a build cleaning leftovers): try again.
    return code === 'EEXIST' ? 'exists' : code === 'ENOENT' ? 'retry' : 'failed';
  } finally {
    await rm(temp, { force: true }).catch(() => undefined);
  }
}

/** Remove a visible output's link into the current generation: only a link this folder made, nothing else. */
async function removeLink(file: string): Promise<void> {
  const target = await readlink(file).catch(() => undefined);
  if (target?.startsWith(`${CURRENT}/`)) await rm(file, { force: true });
}

/** Whether a process is still running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The bytes of a folder's files, all of them asked for at once (a no-change rebuild waits for this). */
async function folderSize(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true });
  const sizes = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? folderSize(full) : stat(full).then((s) => s.size);
    }),
  );
  return sizes.reduce((a, b) => a + b, 0);
}

/**
 * Whether a build of `formats` into `outDir` will print with nothing printed before to reuse: then
 * Chromium is worth starting before anything else (the command line does, ahead of loading the pipeline).
 */
export async function printsAhead(outDir: string | undefined, formats: readonly string[]): Promise<boolean> {
  return printsFromScratch(outDir ? Object.keys(await readManifest(outDir)) : [], formats);
}
