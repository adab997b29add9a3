/**
 * The EPUB cover drawn on a thread of its own: the bundled command's `cover-worker.js` (scripts/bundle.mjs),
 * started by cover-thread.ts with the cover's HTML and its template's file, answering with the PNG or the error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { QuireError } from '../../util/errors.js';
import { drawCover } from './cover.js';

const { markup, file } = workerData as { markup: string; file: string };
try {
  parentPort!.postMessage({ png: await drawCover(markup, file) });
} catch (error) {
  parentPort!.postMessage({
    error:
      error instanceof QuireError
        ? { reason: error.reason, file: error.file, hint: error.hint }
        : { reason: String((error as Error)?.message ?? error) },
  });
}
