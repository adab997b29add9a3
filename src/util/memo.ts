/**
 * Remembered results of pure functions over text (sentence splitting, word sets, date parsing), shared by
 * every build in the process. A watch session's edit changes a few sentences; the rest are looked up
 * instead of parsed again. Bounded (least recently used dropped), so a long session does not grow.
 * Results are shared: callers must not mutate them (the types say readonly).
 */
import { LRUCache } from 'lru-cache';

const caches: { clear(): void }[] = [];

/**
 * Forget every remembered result (the next build does all its text work again). For measuring a build
 * without any cache (`npm run bench`), and for tests; a running session has no reason to call it.
 */
export function forgetRemembered(): void {
  for (const cache of caches) cache.clear();
}

/**
 * `fn` remembered by `keyOf` of its arguments. `limit`: how many results are kept (least recently used
 * dropped first), or `{ keyChars }`: as many as fit in that many characters of keys (for results that grow
 * with their text, such as a parse tree kept per piece of text).
 */
export function memoize<A extends unknown[], R extends object | string | number | boolean | bigint | symbol>(
  fn: (...args: A) => R,
  keyOf: (...args: A) => string,
  limit: number | { keyChars: number } = 50_000,
): (...args: A) => R {
  const cache = new LRUCache<string, R>(
    typeof limit === 'number'
      ? { max: limit }
      : { maxSize: limit.keyChars, sizeCalculation: (_value, key) => Math.max(1, key.length) },
  );
  caches.push(cache);
  return (...args: A): R => {
    const key = keyOf(...args);
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = fn(...args)));
    return value;
  };
}
