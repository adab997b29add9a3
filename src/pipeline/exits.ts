/**
 * Stopping cleanly: SIGINT (Ctrl-C), SIGTERM and SIGHUP (a closed terminal) stop a build or a watch within
 * moments, with exit code 128 + the signal's number (as a shell reports a process ended by it).
 *
 * What a build must undo if stopped (its staging folder, print folder and lock; Chromium) registers here
 * while it runs. The undoing is synchronous on purpose: it runs to its end and the process exits in the
 * same turn, so no step of the interrupted build can run between them (a writer recreating a folder just
 * removed, a commit renaming half a set). listr2's and puppeteer's own signal handlers are turned off
 * (progress.ts, chromium.ts): this is the only signal path. SIGKILL runs nothing: Chromium then ends by
 * itself (its pipe closes, see chromium.ts) and the next build removes what the killed one left.
 */
import { rmSync } from 'node:fs';
import { constants } from 'node:os';

type Undo = () => void;

const undos = new Set<Undo>();
let installed = false;

/** Run `undo` if the process is stopped by a signal; the returned function unregisters it. */
export function onStop(undo: Undo): () => void {
  undos.add(undo);
  return () => void undos.delete(undo);
}

/** Install the handlers (once): undo what is registered, newest first, then exit with 128 + n. */
export function exitOnSignals(): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => stopNow(signal));
  }
}

function stopNow(signal: 'SIGINT' | 'SIGTERM' | 'SIGHUP'): never {
  undoAll();
  // File operations already handed to Node's thread pool (a font being copied into the print folder) finish
  // during this wait, in which no JavaScript runs; a second pass removes what they made.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  undoAll();
  process.exit(128 + constants.signals[signal]);
}

/** Every undo registered, newest first; each is idempotent (it runs twice) and best effort. */
function undoAll(): void {
  for (const undo of [...undos].reverse()) {
    try {
      undo();
    } catch {
      // The next build removes what is left.
    }
  }
}

/** Remove a file or folder now, synchronously, never throwing (a folder refilled meanwhile is retried). */
export function removeNow(file: string): void {
  try {
    rmSync(file, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
  } catch {
    // Left to the next build.
  }
}
