/**
 * The build cache: every stage's result, keyed by a hash of everything it depends on (the stage's inputs,
 * Quire's version and its own code). Results live in memory for the life of the process (`quire watch`) and
 * on disk in a cache folder (`.quire-cache` in the output folder by default), so a later `quire build`
 * reuses them too. The folder can be deleted at any time (`quire clean`) with no effect but speed.
 *
 * A disk entry is used only if it names the key it was stored under and its bytes hash to the digest
 * stored beside them: an entry that does not match its inputs, or a damaged one, is recomputed.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { packageRoot } from '../util/paths.js';
import { hashOf } from '../util/hash.js';

export { hashOf, type Hashable } from '../util/hash.js';

/** Bumped when the shape of a cached value changes. */
const CACHE_FORMAT = 1;
/** Disk entries kept per stage (the most recently used). */
const KEEP_PER_STAGE = 64;

let codeHash: string | undefined;
/**
 * Quire's version, the state of its own code (the name, size and time of every module file) and the
 * libraries installed beside it, so that a changed Quire — or an updated library (a new wiki parser, a new
 * tagger) — never reuses results made by another one.
 */
export function codeFingerprint(): string {
  codeHash ??= fingerprintOf(packageRoot());
  return codeHash;
}

/** The fingerprint of the Quire installed at `root` (see `codeFingerprint`). */
export function fingerprintOf(root: string): string {
  const pkg = readFileSync(path.join(root, 'package.json'), 'utf8');
  const parts: string[] = [`format ${CACHE_FORMAT}`, pkg, ...librariesOf(root, pkg)];
  // The bundled command (dist/cli, what an installed Quire runs), the compiled modules, the sources.
  for (const dir of ['dist/cli', 'dist/src', 'src']) {
    const full = path.join(root, dir);
    let entries: string[];
    try {
      entries = readdirSync(full, { recursive: true }) as string[];
    } catch {
      continue;
    }
    for (const name of entries.sort()) {
      if (!/\.(js|ts)$/.test(name)) continue;
      const info = statSync(path.join(full, name));
      parts.push(`${dir}/${name} ${info.size} ${info.mtimeMs}`);
    }
  }
  return hashOf(...parts);
}

/**
 * The installed libraries: npm's record of the whole installed tree (`node_modules/.package-lock.json`, every
 * package and version, written by each `npm install`) when there is one, else each dependency's package.json.
 */
function librariesOf(root: string, pkg: string): string[] {
  const installed = readOptional(path.join(root, 'node_modules', '.package-lock.json'));
  if (installed !== undefined) return [installed];
  const dependencies = Object.keys((JSON.parse(pkg) as { dependencies?: Record<string, string> }).dependencies ?? {});
  return dependencies.sort().map((name) => `${name} ${installedManifest(root, name) ?? 'not installed'}`);
}

/**
 * The package.json of `name` as Node would load it from `root` (its node_modules, then each folder above): its
 * version with it, and nothing parsed (a damaged one changes the fingerprint, it does not stop the build).
 */
function installedManifest(root: string, name: string): string | undefined {
  for (let dir = root; ; dir = path.dirname(dir)) {
    const manifest = readOptional(path.join(dir, 'node_modules', name, 'package.json'));
    if (manifest !== undefined) return manifest;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function readOptional(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export interface StageCount {
  /** Times the stage's work was done. */
  ran: number;
  /** Times a cached result was used instead. */
  reused: number;
}

interface MemoryEntry {
  value: unknown;
  generation: number;
}

export class BuildCache {
  private readonly memory = new Map<string, MemoryEntry>();
  /** The build number, to drop memory entries no build has used lately. */
  private generation = 0;
  counters: Record<string, StageCount> = {};
  /** Disk writes not yet done (see `settle`). */
  private readonly writes: (() => Promise<void>)[] = [];
  private settling: Promise<void> = Promise.resolve();

  /** `dir`: where entries are kept on disk; undefined keeps them in memory only. */
  constructor(readonly dir?: string) {}

  /** Start a build: counters from zero; memory entries unused for two builds are dropped. */
  startBuild(): void {
    this.generation++;
    this.counters = {};
    for (const [key, entry] of this.memory) if (entry.generation < this.generation - 2) this.memory.delete(key);
  }

  private count(stage: string, field: keyof StageCount): void {
    (this.counters[stage] ??= { ran: 0, reused: 0 })[field]++;
  }

  /** Record work done, or a result reused, outside `json`/`bytes` (e.g. an output file already in place). */
  ran(stage: string): void {
    this.count(stage, 'ran');
  }

  reused(stage: string): void {
    this.count(stage, 'reused');
  }

  /** A JSON-serialisable result. The value returned must not be mutated by the caller: it is shared. */
  async json<T>(
    stage: string,
    key: string,
    compute: () => T | Promise<T>,
    options: { disk?: boolean } = {},
  ): Promise<T> {
    const found = await this.lookup(
      stage,
      key,
      options.disk ?? true,
      (bytes) => JSON.parse(Buffer.from(bytes).toString('utf8')) as T,
    );
    if (found !== undefined) return found.value;
    const value = await compute();
    await this.store(stage, key, value, (options.disk ?? true) ? () => Buffer.from(JSON.stringify(value)) : undefined);
    return value;
  }

  /** A result that is bytes plus a little JSON (e.g. a PDF and its page count). */
  async bytes<M>(
    stage: string,
    key: string,
    compute: () => Promise<{ bytes: Uint8Array; meta: M }>,
  ): Promise<{ bytes: Uint8Array; meta: M }> {
    const decode = (raw: Uint8Array) => {
      const view = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
      const length = view.readUInt32BE(0);
      const meta = JSON.parse(view.subarray(4, 4 + length).toString('utf8')) as M;
      return { bytes: new Uint8Array(view.subarray(4 + length)), meta };
    };
    const found = await this.lookup(stage, key, true, decode);
    if (found !== undefined) return found.value;
    const value = await compute();
    await this.store(stage, key, value, () => {
      const meta = Buffer.from(JSON.stringify(value.meta));
      const head = Buffer.alloc(4);
      head.writeUInt32BE(meta.length);
      return Buffer.concat([head, meta, value.bytes]);
    });
    return value;
  }

  /**
   * A remembered value (not a result of its key's inputs: e.g. the last layout's page numbers), or undefined.
   * On disk as JSON, or as `remember` was told to encode it (`decode` reads it back).
   */
  async recall<T>(
    stage: string,
    key: string,
    decode: (bytes: Uint8Array) => T = (bytes) => JSON.parse(Buffer.from(bytes).toString('utf8')) as T,
  ): Promise<T | undefined> {
    const hit = this.memory.get(`${stage}/${key}`);
    if (hit) return hit.value as T;
    if (!this.dir) return undefined;
    const raw = await readFile(this.file(stage, key)).catch(() => undefined);
    return raw ? checked(raw, key, decode) : undefined;
  }

  async remember(
    stage: string,
    key: string,
    value: unknown,
    encode: () => Uint8Array = () => Buffer.from(JSON.stringify(value)),
  ): Promise<void> {
    await this.store(stage, key, value, encode);
  }

  private file(stage: string, key: string): string {
    return path.join(this.dir!, stage, `${key}.entry`);
  }

  private async lookup<T>(
    stage: string,
    key: string,
    disk: boolean,
    decode: (bytes: Uint8Array) => T,
  ): Promise<{ value: T } | undefined> {
    const memoryKey = `${stage}/${key}`;
    const hit = this.memory.get(memoryKey);
    if (hit) {
      hit.generation = this.generation;
      this.count(stage, 'reused');
      return { value: hit.value as T };
    }
    if (this.dir && disk) {
      const file = this.file(stage, key);
      const raw = await readFile(file).catch(() => undefined);
      const value = raw ? checked(raw, key, decode) : undefined;
      if (value !== undefined) {
        this.memory.set(memoryKey, { value, generation: this.generation });
        const now = new Date();
        await utimes(file, now, now).catch(() => undefined);
        this.count(stage, 'reused');
        return { value };
      }
    }
    this.count(stage, 'ran');
    return undefined;
  }

  /**
   * Keep a result: in memory at once, on disk behind the build (`settle`). Encoding and writing a stage's
   * result costs as much as some stages; an edit's outputs should not wait for it.
   */
  private async store(stage: string, key: string, value: unknown, encode?: () => Uint8Array): Promise<void> {
    this.memory.set(`${stage}/${key}`, { value, generation: this.generation });
    if (!this.dir || !encode) return;
    this.writes.push(async () => {
      try {
        const file = this.file(stage, key);
        await mkdir(path.dirname(file), { recursive: true });
        const body = encode();
        const digest = createHash('sha256').update(body).digest('hex');
        // Header: the key and the body's digest; written to a temporary name and renamed (never half an entry).
        const temp = `${file}.${process.pid}.tmp`;
        await writeFile(temp, Buffer.concat([Buffer.from(`quire-cache ${CACHE_FORMAT} ${key} ${digest}\n`), body]));
        await rename(temp, file);
      } catch {
        // A cache that cannot be written only costs speed.
      }
    });
  }

  /**
   * Write the results kept since the last call to disk, one at a time (never two writes of one entry at
   * once), then prune. A one-shot build waits for it; a watch session lets it run after the build has
   * written its outputs, and waits for it before it exits.
   */
  settle(): Promise<void> {
    this.settling = this.settling
      .then(async () => {
        // The writes queued so far; a later build's are the next settle's.
        for (const write of this.writes.splice(0)) await write();
        await this.prune();
      })
      .catch(() => undefined);
    return this.settling;
  }

  /** Keep the most recently used entries of each stage on disk; drop the rest. */
  private async prune(): Promise<void> {
    if (!this.dir) return;
    const stages = await readdir(this.dir).catch(() => [] as string[]);
    for (const stage of stages) {
      const dir = path.join(this.dir, stage);
      const names = await readdir(dir).catch(() => [] as string[]);
      if (names.length <= KEEP_PER_STAGE) continue;
      const dated = await Promise.all(
        names.map(async (n) => ({ n, t: (await stat(path.join(dir, n)).catch(() => undefined))?.mtimeMs ?? 0 })),
      );
      dated.sort((a, b) => b.t - a.t);
      await Promise.all(dated.slice(KEEP_PER_STAGE).map((e) => rm(path.join(dir, e.n), { force: true })));
    }
  }
}

/** The value of a disk entry if its header names this key and its body matches its digest. */
function checked<T>(raw: Buffer, key: string, decode: (bytes: Uint8Array) => T): T | undefined {
  const newline = raw.indexOf(10);
  if (newline < 0) return undefined;
  const [magic, format, storedKey, digest] = raw.subarray(0, newline).toString('latin1').split(' ');
  if (magic !== 'quire-cache' || Number(format) !== CACHE_FORMAT || storedKey !== key) return undefined;
  const body = raw.subarray(newline + 1);
  if (createHash('sha256').update(body).digest('hex') !== digest) return undefined;
  try {
    return decode(body);
  } catch {
    return undefined;
  }
}

/** The output folder's record of which inputs made each output (see `build`). */
export const MANIFEST = '.quire-manifest.json';

/** What the output folder holds: for each output, the key of the inputs it was made from. */
export interface Manifest {
  /** `stage`: the writer's stage that made it (html, pdf …): a build that runs it drops its outputs it did not make. */
  [name: string]: { key: string; bytes: number; pages?: number; stage?: string };
}

export async function readManifest(outDir: string): Promise<Manifest> {
  try {
    const data = JSON.parse(await readFile(path.join(outDir, MANIFEST), 'utf8')) as Manifest;
    return data && typeof data === 'object' ? data : {};
  } catch {
    return {};
  }
}

/** The default cache folder for an output folder. */
export function defaultCacheDir(outDir: string): string {
  return path.join(outDir, '.quire-cache');
}
