import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseWith, readerOf, type SourceEntry } from '../../src/sources/index.js';
import { builtInReaders } from '../../src/sources/registry.js';
import { withoutImages } from '../../src/sources/assets.js';
import type { ReaderFn } from '../../src/sources/types.js';
import type { BookMeta, Source } from '../../src/model/index.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CONTENT = path.join(ROOT, 'content');
export const FIXTURES = path.join(ROOT, 'tests/fixtures');
/**
 * The shared corpus of real articles (one folder per article): QUIRE_CORPUS, else beside the project (as CI
 * lays it out) or beside a folder of worktrees; '' where this machine has none.
 */
export const CORPUS =
  process.env.QUIRE_CORPUS ??
  [path.join(ROOT, '..', 'shared', 'corpus'), path.join(ROOT, '..', '..', 'shared', 'corpus')].find((p) =>
    existsSync(p),
  ) ??
  '';

export const SEEDS = {
  dump: '2008-revision-with-citations.wiki',
  later: 'later-revision.wiki',
  plain: 'plain-text-rendition.txt',
  key: 'key-sentences-cited.txt',
} as const;

export function readContent(file: string): string {
  return readFileSync(path.join(CONTENT, file), 'utf8');
}

/**
 * Every built-in reader, loaded once, so that tests can parse synchronously (a build loads each reader when
 * it first reads a source of its format: `parseSource`; tests/sources/golden.test.ts reads through it).
 */
const LOADED = new Map<string, ReaderFn>(
  await Promise.all(builtInReaders.map(async (r) => [r.format, await r.load()] as const)),
);

/** A source read as `parseSource` reads it (format from `extra`, else detected), with the readers loaded. */
export function parseText(text: string, file: string, extra: Partial<SourceEntry> = {}): Source {
  const entry = { file, id: extra.id ?? path.parse(file).name, priority: extra.priority ?? 1, ...extra };
  const reader = readerOf(text, entry);
  return parseWith(reader, LOADED.get(reader.format)!, text, entry);
}

/**
 * A seed as a build reads it: the figures whose images are not in the content folder left out (a build
 * does so where it reads the folder, sources/assets.ts, with a warning).
 */
export function parseSeed(file: string, priority = 1): Source {
  return withoutImages(parseText(readContent(file), file, { priority }), (url) => existsSync(path.join(CONTENT, url)));
}

/** Headings of a parsed source as [depth, text]. */
export function headings(source: Source): [number, string][] {
  return source.tree.children.flatMap((n) =>
    n.type === 'heading'
      ? [[n.depth, n.children.map((c) => ('value' in c ? c.value : '')).join('')] as [number, string]]
      : [],
  );
}

/** Book metadata for tests that merge sources directly. */
export const TEST_META: BookMeta = {
  title: 'T',
  language: 'en',
  author: 'A',
  description: 'D',
  attribution: 'X',
  license: { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' },
  edition: { number: 1, date: '2026-01-01' },
};
