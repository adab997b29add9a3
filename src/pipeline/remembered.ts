/**
 * The text work a build remembers per text (util/memo.ts: sentence splits, facts and dates of a sentence, the
 * tagger's reading of a sentence, …) kept in the cache folder between processes. A `quire build` after an
 * edit loads what the last build used before it merges, so the merge and the study aids compute only the
 * edited text's results and look the rest up, as a watch session does within one process.
 *
 * One cache entry (stage `text`) under a key of Quire's code and of Node's serializer (the entry is V8's
 * structured clone of the results, which keeps their sets, maps and unset properties): a changed Quire or
 * Node starts afresh. Loaded only when a stage that does text work runs (a build with nothing changed reads
 * nothing), written behind the build like every cache entry, with the results this build used (and, for
 * tables it did not use, what the last entry held). Results are pure functions of their keys, so a stale or
 * partial entry costs only speed.
 */
import { deserialize, serialize } from 'node:v8';
import { rememberedCounts, restoreRemembered, snapshotRemembered, type RememberedSnapshot } from '../util/memo.js';
import { hashOf } from '../util/hash.js';
import type { BuildCache, StageCount } from './cache.js';

const STAGE = 'text';

/** Caches (so sessions) whose remembered text was loaded in this process: loaded once per session. */
const loaded = new WeakMap<BuildCache, RememberedSnapshot>();

export class RememberedText {
  private used = false;

  constructor(
    private readonly cache: BuildCache,
    private readonly code: string,
  ) {}

  private get key(): string {
    return hashOf(this.code, STAGE, process.versions.v8);
  }

  /** Before a stage does text work: the last build's results loaded (once per session). */
  async restore(): Promise<void> {
    this.used = true;
    if (loaded.has(this.cache) || !this.cache.dir) return;
    const snapshot =
      (await this.cache
        .recall(STAGE, this.key, (bytes) => deserialize(bytes) as RememberedSnapshot)
        .catch(() => undefined)) ?? {};
    loaded.set(this.cache, snapshot && typeof snapshot === 'object' ? snapshot : {});
    try {
      restoreRemembered(loaded.get(this.cache)!);
    } catch {
      // A damaged entry only costs speed.
    }
  }

  /** After the build, if it did text work: this build's results kept (written behind the build). */
  async keep(): Promise<void> {
    if (!this.used || !this.cache.dir) return;
    const snapshot = { ...loaded.get(this.cache), ...snapshotRemembered() };
    loaded.set(this.cache, snapshot);
    await this.cache.remember(STAGE, this.key, snapshot, () => serialized(snapshot));
  }
}

/**
 * The snapshot as V8 serializes it. A table holding something the structured clone cannot copy (a function, a
 * template's object with one) is left out; the other tables are kept.
 */
export function serialized(snapshot: RememberedSnapshot): Uint8Array {
  try {
    return serialize(snapshot);
  } catch {
    const kept: RememberedSnapshot = {};
    for (const [name, rows] of Object.entries(snapshot))
      try {
        serialize(rows);
        kept[name] = rows;
      } catch {
        // That table's results are computed again by the next process: only speed.
      }
    return serialize(kept);
  }
}

/**
 * The text work remembered per text as counters named `text:<table>`: results computed (`ran`) and looked
 * up (`reused`) in this build, for the build's counters beside its stages'.
 */
export function textCounters(): Record<string, StageCount> {
  return Object.fromEntries(Object.entries(rememberedCounts()).map(([name, c]) => [`text:${name}`, c]));
}
