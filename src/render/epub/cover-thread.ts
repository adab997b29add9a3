/**
 * The EPUB cover drawn beside the build: in the bundled command, on a worker thread (cover-worker.ts), so that
 * satori's layout, its fonts and resvg's PNG are made on the other core while the main thread makes the
 * EPUB's pages; run from the sources, or when the worker cannot start, on this thread (cover.ts). The image is
 * the same either way: the same code draws it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { QuireError } from '../../util/errors.js';

/** Set by scripts/bundle.mjs (esbuild's `define`): this module is running in the bundled command. */
declare const QUIRE_BUNDLED: boolean | undefined;

type Answer = { png: Uint8Array } | { error: { reason: string; file?: string; hint?: string } };

/** The PNG of the rendered cover template (cover.ts's `drawCover`); `file` names the template in errors. */
export async function drawCoverAside(markup: string, file: string): Promise<Uint8Array> {
  const answer = typeof QUIRE_BUNDLED === 'undefined' ? undefined : await onWorker(markup, file);
  if (!answer) return (await import('./cover.js')).drawCover(markup, file);
  if ('error' in answer)
    throw new QuireError(answer.error.reason, { file: answer.error.file, hint: answer.error.hint });
  return Buffer.from(answer.png.buffer, answer.png.byteOffset, answer.png.byteLength);
}

/** The worker's answer; undefined when it could not run (no worker file beside the bundle's chunks, a crash). */
function onWorker(markup: string, file: string): Promise<Answer | undefined> {
  // This module is in one of the bundle's chunks (dist/cli/chunks/), the worker an entry beside the command.
  const url = new URL('../cover-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(url))) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    // No execArgv: the command's own --import hooks and flags are not the drawing's.
    const worker = new Worker(url, { workerData: { markup, file }, execArgv: [] });
    worker.once('message', (answer: Answer) => resolve(answer));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
}
