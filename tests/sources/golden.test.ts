/**
 * Golden tests per reader, as Pandoc pairs test/mediawiki-reader.wiki with its .native: each input
 * tests/golden/<format>/<case>.<ext> is read as <format> (through `parseSource`, as a build reads it) and the
 * result — title, revision, links, citations, warnings and the tree, or the error — must equal
 * tests/golden/<format>/<case>.json.
 *
 * The .json files record what the readers do today, good or bad: review a change to one by eye. After a
 * deliberate change to a reader, rewrite them with
 *
 *     UPDATE_GOLDEN=1 npx vitest run tests/sources/golden.test.ts
 *
 * and read the diff before committing it. A new reader needs a folder here with at least one case.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decode, parseSource } from '../../src/sources/index.js';
import { readerFormats } from '../../src/sources/registry.js';
import type { SourceFormat } from '../../src/model/index.js';
import { QuireError } from '../../src/util/errors.js';

const GOLDEN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface Case {
  format: SourceFormat;
  input: string;
  expected: string;
}

function cases(): Case[] {
  return readdirSync(GOLDEN)
    .sort()
    .flatMap((format) =>
      readdirSync(path.join(GOLDEN, format))
        .filter((name) => !name.endsWith('.json'))
        .sort()
        .map((name) => ({
          format: format as SourceFormat,
          input: path.join(GOLDEN, format, name),
          expected: path.join(GOLDEN, format, `${path.parse(name).name}.json`),
        })),
    );
}

/** What a reader made of an input, as plain JSON (no undefined fields), or the one-line error it gave. */
async function read(c: Case): Promise<unknown> {
  const file = path.basename(c.input);
  try {
    const text = decode(readFileSync(c.input), file);
    const source = await parseSource(text, { file, id: path.parse(file).name, priority: 1, format: c.format });
    const { title, revision } = source.info;
    const { links, citations, warnings, tree } = source;
    return JSON.parse(JSON.stringify({ title, revision, links, citations, warnings, tree }));
  } catch (error) {
    if (error instanceof QuireError) return { error: error.oneLine() };
    throw error;
  }
}

describe('golden tests: each reader on its fixtures', () => {
  const all = cases();

  it('has cases for every format, each with its expected result', () => {
    expect([...new Set(all.map((c) => c.format))].sort()).toEqual([...readerFormats].sort());
    const inputs = new Set(all.map((c) => c.expected));
    for (const format of readdirSync(GOLDEN)) {
      for (const name of readdirSync(path.join(GOLDEN, format)).filter((n) => n.endsWith('.json'))) {
        expect(inputs.has(path.join(GOLDEN, format, name)), `${format}/${name} has no input`).toBe(true);
      }
    }
    expect(all.length).toBeGreaterThanOrEqual(readerFormats.length * 2);
  });

  for (const c of all) {
    it(`${c.format}: ${path.basename(c.input)}`, async () => {
      const actual = await read(c);
      if (UPDATE) writeFileSync(c.expected, `${JSON.stringify(actual, null, 2)}\n`);
      expect(existsSync(c.expected), `${c.expected} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
      expect(actual).toEqual(JSON.parse(readFileSync(c.expected, 'utf8')));
    });
  }
});
