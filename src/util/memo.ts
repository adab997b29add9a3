/**
 * Remembered results of pure functions over text (sentence splitting, word sets, date parsing, a tagger's
 * reading of a sentence), shared by every build in the process. A watch session's edit changes a few
 * sentences; the rest are looked up instead of parsed again. Bounded (least recently used dropped), so a
 * long session does not grow. Results are shared: callers must not mutate them (the types say readonly).
 *
 * A table with a `name` counts its work per build (`rememberedCounts`: how many results were computed, how
 * many looked up), which the build reports beside its stages' counters. A table that is also `persist`ed
 * outlives the process: the build keeps the results its last run used in its cache folder
 * (pipeline/remembered.ts), so a new process that re-merges after an edit computes only the edited text's.
 * Persisted results go through the structured clone (V8's serializer): sets, maps and properties set to
 * undefined come back as they were; class instances and functions do not belong in a persisted table.
 */
import { LRUCache } from 'lru-cache';

type Value = object | string | number | boolean | bigint | symbol;

interface Table {
  cache: LRUCache<string, Value>;
  name?: string;
  /** Kept in the cache folder between processes. */
  persist: boolean;
  ran: number;
  reused: number;
  /** The keys used since the build started (what a persisted table keeps). */
  used?: Set<string>;
}

const tables: Table[] = [];
/** The last snapshot restored: a table made later (its module loaded later) is filled from it when made. */
let restored: RememberedSnapshot = {};

/**
 * Forget every remembered result (the next build does all its text work again). For measuring a build
 * without any cache (`npm run bench`), and for tests; a running session has no reason to call it.
 */
export function forgetRemembered(): void {
  restored = {};
  for (const table of tables) {
    table.cache.clear();
    table.used?.clear();
  }
}

/** Start counting a build's text work: counters from zero, no key used yet. */
export function startRememberedBuild(): void {
  for (const table of tables) {
    table.ran = table.reused = 0;
    table.used?.clear();
  }
}

/**
 * Per named table, the results computed (`ran`) and looked up (`reused`) since the build started. The counts
 * are the process's: builds running at once in one process (a course's lanes) count into the same ones.
 */
export function rememberedCounts(): Record<string, { ran: number; reused: number }> {
  const out: Record<string, { ran: number; reused: number }> = {};
  for (const t of tables)
    if (t.name && (t.ran || t.reused)) {
      const c = (out[t.name] ??= { ran: 0, reused: 0 });
      c.ran += t.ran;
      c.reused += t.reused;
    }
  return out;
}

/** What a persisted table holds on disk: its results as [key, value] pairs. */
export type RememberedSnapshot = Record<string, [string, unknown][]>;

/** The persisted tables' results used since the build started, for the cache folder. */
export function snapshotRemembered(): RememberedSnapshot {
  const out: RememberedSnapshot = {};
  for (const t of tables) {
    if (!t.persist || !t.name || !t.used?.size) continue;
    const rows: [string, unknown][] = (out[t.name] = []);
    for (const key of t.used) {
      const value = t.cache.peek(key);
      if (value !== undefined) rows.push([key, value]);
    }
  }
  return out;
}

/**
 * Fill the persisted tables from a snapshot (results already remembered stay as they are); tables of modules
 * not loaded yet are filled when they are made.
 */
export function restoreRemembered(snapshot: RememberedSnapshot): void {
  restored = snapshot;
  for (const t of tables) fill(t);
}

function fill(t: Table): void {
  const rows = t.persist && t.name ? restored[t.name] : undefined;
  if (!Array.isArray(rows)) return;
  for (const row of rows)
    if (Array.isArray(row) && typeof row[0] === 'string' && row[1] !== undefined && !t.cache.has(row[0]))
      t.cache.set(row[0], row[1] as Value);
}

/** A table of remembered results that its caller fills itself (for work that is not one function call). */
export interface RememberedTable<R> {
  /** The result under `key`, counted as looked up; undefined when none is kept. */
  get(key: string): R | undefined;
  /** Keep a result just computed, counted as computed. */
  set(key: string, value: R): void;
}

/**
 * A table as `memoize` keeps one (the same `limit`, `name` and `persist`), filled by its caller; its limit may
 * also be `{ chars, sizeOf }`: as many results as fit in that many characters of keys and results, each
 * result's size told by `sizeOf` (for results of very different sizes: a rendered chapter, a rendered link).
 */
export function rememberedTable<R extends Value>(
  limit: TableLimit<R>,
  options: { name?: string; persist?: boolean } = {},
): RememberedTable<R> {
  const table = newTable(limit, options.name, options.persist);
  return {
    get: (key) => {
      const value = table.cache.get(key) as R | undefined;
      if (value !== undefined) {
        table.reused++;
        table.used?.add(key);
      }
      return value;
    },
    set: (key, value) => {
      table.cache.set(key, value);
      table.ran++;
      table.used?.add(key);
    },
  };
}

type Limit = number | { keyChars: number };
type TableLimit<R> = Limit | { chars: number; sizeOf: (value: R) => number };

function newTable<R extends Value>(limit: TableLimit<R>, name?: string, persist = false): Table {
  // A size limit instead of `max`: lru-cache allocates `max` slots up front, milliseconds per table at start.
  const cache = new LRUCache<string, Value>(
    typeof limit === 'number'
      ? { maxSize: limit, sizeCalculation: () => 1 }
      : 'keyChars' in limit
        ? { maxSize: limit.keyChars, sizeCalculation: (_value, key) => Math.max(1, key.length) }
        : { maxSize: limit.chars, sizeCalculation: (value, key) => Math.max(1, key.length + limit.sizeOf(value as R)) },
  );
  const table: Table = { cache, name, persist, ran: 0, reused: 0, used: persist ? new Set() : undefined };
  tables.push(table);
  fill(table);
  return table;
}

/**
 * `fn` remembered by `keyOf` of its arguments. `limit`: how many results are kept (least recently used
 * dropped first), or `{ keyChars }`: as many as fit in that many characters of keys (for results that grow
 * with their text, such as a parse tree kept per piece of text). `options.name` counts the table's work in
 * the build's counters; `options.persist` keeps its results in the cache folder between processes.
 */
export function memoize<A extends unknown[], R extends Value>(
  fn: (...args: A) => R,
  keyOf: (...args: A) => string,
  limit: Limit = 50_000,
  options: { name?: string; persist?: boolean } = {},
): (...args: A) => R {
  const table = newTable(limit, options.name, options.persist);
  const { cache } = table;
  return (...args: A): R => {
    const key = keyOf(...args);
    let value = cache.get(key) as R | undefined;
    if (value === undefined) {
      cache.set(key, (value = fn(...args)));
      table.ran++;
    } else table.reused++;
    table.used?.add(key);
    return value;
  };
}
