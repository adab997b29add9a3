/**
 * What the print tests share besides their own small books: a browser and a scratch folder for a file's
 * tests, the book's metadata (only the PDF's info dictionary reads it), a sentence long enough to wrap over
 * lines, and a PDF written where pdftotext and pdftoppm can read it.
 */
import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import type { BookMeta } from '../../src/model/index.js';
import { launchBrowser } from '../../src/render/print/chromium.js';

/**
 * For a file of print tests (called at its top level): a scratch folder, and a browser launched before its
 * tests (`browser`, read in a test or a hook); both gone after them.
 */
export function printBench(name: string): { dir: string; readonly browser: Browser } {
  const dir = mkdtempSync(path.join(tmpdir(), `quire-${name}-`));
  let launched: Browser | undefined;
  beforeAll(async () => {
    launched = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await launched?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir,
    get browser() {
      if (!launched) throw new Error('printBench: the browser is launched before the tests, not while collecting them');
      return launched;
    },
  };
}

/** `bytes` written as `<dir>/<name>.pdf`: the file's path. */
export function writePdf(dir: string, name: string, bytes: Uint8Array): string {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  return file;
}

/** A book's metadata for a print test, under `title`. */
export const printMeta = (title: string) =>
  ({
    title,
    author: 'Quire',
    description: 'test',
    language: 'en',
    edition: { number: 1, date: '2026-01-01' },
  }) as unknown as BookMeta;

/** A sentence of long words (no trailing space). */
export const SENTENCE =
  'The international negotiations continued throughout the extraordinary conference, and representatives ' +
  'of both governments acknowledged considerable disagreements about the demilitarisation of the frontier.';
