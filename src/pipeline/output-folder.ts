/**
 * The output folder: the one place where a build writes. It holds the lock (one build at a time), the
 * manifest (which inputs made each output), the staging folder (outputs are produced there) and the commit
 * (staged files renamed into place only when every format has been produced, so a failed build leaves the
 * previous edition untouched).
 */
import { constants } from 'node:fs';
import { access, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { QuireError } from '../util/errors.js';
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

export { printFolder } from '../render/print/folder.js';

export class OutputFolder {
  readonly dir: string;
  /** What the folder held before this build (its manifest). */
  manifest: Manifest = {};
  /** What it will hold after the commit. */
  private readonly next: Manifest = {};
  /** Every output of this build, written or kept. */
  readonly files: WrittenFile[] = [];
  private staging?: string;
  private unlock?: () => Promise<void>;

  constructor(
    dir: string,
    private readonly counter: WorkCounter,
  ) {
    this.dir = path.resolve(dir);
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
   * One build at a time per output folder: a lock file holding the builder's pid. A lock whose process is
   * gone (a killed build) is taken over, and that build's leftover staging and print folders are removed.
   */
  async lock(): Promise<void> {
    await mkdir(this.dir, { recursive: true }).catch(() => undefined);
    const file = path.join(this.dir, LOCK);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await writeFile(file, String(process.pid), { flag: 'wx' });
        await this.removeLeftovers();
        this.unlock = () => rm(file, { force: true });
        return;
      } catch (error) {
        // Unwritable: reported by ensureWritable.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return;
        const pid = Number(await readFile(file, 'utf8').catch(() => ''));
        if (pid > 0 && pid !== process.pid && alive(pid)) {
          throw new QuireError(`another Quire build (process ${pid}) is writing to this output folder`, {
            file: this.dir,
            hint: `wait for it to finish, or delete ${LOCK} there if no build is running`,
          });
        }
        await rm(file, { force: true });
      }
    }
  }

  /** Leftovers of killed builds: staging folders, and print folders of processes that are gone. */
  private async removeLeftovers(): Promise<void> {
    for (const name of await readdir(this.dir)) {
      const printer = printFolderPid(name);
      const deadPrinter = printer !== undefined && printer !== process.pid && !alive(printer);
      if (name.startsWith('.quire-staging-') || deadPrinter) {
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
    this.staging ??= await mkdtemp(path.join(this.dir, '.quire-staging-'));
    return this.staging;
  }

  /** Whether the folder holds what these inputs give: its manifest names the same key and the file is there. */
  async upToDate(name: string, key: string): Promise<boolean> {
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
    const known = this.manifest[name];
    if (known && (await this.upToDate(name, key))) {
      this.counter.reused(stage);
      this.next[name] = known;
      this.files.push({ path: path.join(this.dir, name), bytes: known.bytes, pages: known.pages, unchanged: true });
      return;
    }
    this.counter.ran(stage);
    const made = await produce(path.join(await this.stagingDir(), name));
    this.next[name] = { key, bytes: 0, pages: made?.pages ?? undefined };
  }

  /**
   * Move every staged file into the output folder (a rename each: whole files appear, never partial ones),
   * then record what the folder holds. The old manifest goes first, so that an interrupted commit never
   * leaves a manifest vouching for a file that was replaced. Returns the files moved.
   */
  async commit(): Promise<WrittenFile[]> {
    const staging = await this.stagingDir();
    const names = (await readdir(staging)).filter((n) => !n.startsWith('.'));
    const nextNames = Object.keys(this.next);
    const same =
      names.length === 0 &&
      nextNames.every((n) => this.manifest[n]?.key === this.next[n]!.key) &&
      nextNames.length === Object.keys(this.manifest).length;
    if (same) {
      this.files.sort((a, b) => a.path.localeCompare(b.path));
      return [];
    }
    await rm(path.join(this.dir, MANIFEST), { force: true });
    const written: WrittenFile[] = [];
    for (const name of names) written.push(await this.moveIn(staging, name));
    // Outputs this build did not ask for stay as they were, and so do their entries.
    const kept = Object.fromEntries(Object.entries(this.manifest).filter(([n]) => !(n in this.next)));
    const temp = path.join(this.dir, `${MANIFEST}.${process.pid}.tmp`);
    await writeFile(temp, `${JSON.stringify({ ...kept, ...this.next }, null, 1)}\n`);
    await rename(temp, path.join(this.dir, MANIFEST));
    for (const m of written) {
      const name = path.relative(this.dir, m.path) + (m.path.endsWith(path.sep) ? '/' : '');
      this.files.push({ ...m, pages: this.next[name]?.pages });
    }
    this.files.sort((a, b) => a.path.localeCompare(b.path));
    return written;
  }

  private async moveIn(staging: string, name: string): Promise<WrittenFile> {
    const from = path.join(staging, name);
    const to = path.join(this.dir, name);
    const info = await stat(from);
    this.counter.ran('write');
    if (!info.isDirectory()) {
      await rename(from, to);
      if (this.next[name]) this.next[name]!.bytes = info.size;
      return { path: to, bytes: info.size };
    }
    // Swap folders: move the old one aside, the new one in, then drop the old one.
    const old = path.join(staging, `.old-${name}`);
    await rename(to, old).catch(() => undefined);
    await rename(from, to);
    await rm(old, { recursive: true, force: true });
    const bytes = await folderSize(to);
    if (this.next[`${name}/`]) this.next[`${name}/`]!.bytes = bytes;
    return { path: to + path.sep, bytes };
  }

  /** Remove the staging folder and release the lock. */
  async close(): Promise<void> {
    if (this.staging) await rm(this.staging, { recursive: true, force: true });
    await this.unlock?.();
  }
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

async function folderSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? await folderSize(full) : (await stat(full)).size;
  }
  return total;
}

/**
 * Whether a build of `formats` into `outDir` will print with nothing printed before to reuse: then
 * Chromium is worth starting before anything else (the command line does, ahead of loading the pipeline).
 */
export async function printsAhead(outDir: string, formats: readonly string[]): Promise<boolean> {
  return printsFromScratch(Object.keys(await readManifest(outDir)), formats);
}
