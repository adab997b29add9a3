/**
 * Property-based tests: random mutations of the real sources (cut, duplicate, shuffle, inject markup and
 * bytes) never make a reader or the merge throw, finish within a time bound, and keep well-formed
 * sentences. tests/fixtures/fuzz/ holds regression inputs, replayed every run: hand-made hard cases so
 * far (campaigns of 150 random runs per reader found no failure); a failing input found later goes there.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseText, readContent, SEEDS, FIXTURES, TEST_META } from '../support/content.js';
import { mergeSources } from '../../src/merge/index.js';
import { QuireError } from '../../src/util/errors.js';
import type { SourceFormat } from '../../src/model/index.js';
import { allBlocks } from '../../src/model/index.js';
import { readerFormats } from '../../src/sources/registry.js';

const meta = TEST_META;

const INJECTIONS = [
  '<ref>',
  '</ref>',
  '{{',
  '}}',
  '[[',
  ']]',
  "'''",
  '<!--',
  '-->',
  '== ==',
  '\n==X==\n',
  '<script>',
  '\u0000',
  '\uFFFD',
  '\r',
  '[12]',
  '* ',
  '\n\n',
  '{|',
  '|}',
  '<ref name="a"/>',
];

/** A mutation of a text: cut a span, duplicate one, swap two lines, or inject markup or odd bytes. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.nat({ max: 400 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.nat({ max: 400 }) }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('inject' as const), at: fc.nat(), text: fc.constantFrom(...INJECTIONS) }),
  fc.record({ kind: fc.constant('junk' as const), at: fc.nat(), text: fc.string({ maxLength: 8 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, mutations: Mutation[]): string {
  let t = text;
  for (const m of mutations) {
    const n = Math.max(t.length, 1);
    if (m.kind === 'cut') t = t.slice(0, m.at % n) + t.slice((m.at % n) + m.length);
    else if (m.kind === 'duplicate')
      t = t.slice(0, (m.at % n) + m.length) + t.slice(m.at % n, (m.at % n) + m.length) + t.slice((m.at % n) + m.length);
    else if (m.kind === 'swap') {
      const lines = t.split('\n');
      const i = m.a % lines.length;
      const j = m.b % lines.length;
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      t = lines.join('\n');
    } else t = t.slice(0, m.at % n) + m.text + t.slice(m.at % n);
  }
  return t;
}

const SEED_FORMATS: [string, SourceFormat][] = [
  [SEEDS.later, 'wikitext'],
  [SEEDS.dump, 'wikitext-dump'],
  [SEEDS.plain, 'plain-text'],
  [SEEDS.key, 'cited-sentences'],
];

/** Reading may refuse with a QuireError (one clear line); anything else is a bug. */
function read(text: string, file: string, format: SourceFormat) {
  try {
    return parseText(text, file, { format });
  } catch (e) {
    if (e instanceof QuireError) return undefined;
    throw e;
  }
}

/**
 * Regression fixtures a reader is meant to refuse, each with the reason its QuireError must give. Every
 * other fixture must read, merge and keep at least one block: none is dropped without a stated reason.
 */
const REFUSED: Record<string, RegExp> = {};

/** The message of the QuireError with which a reader refuses a text, or undefined if it reads it. */
function refusalOf(text: string, file: string, format: SourceFormat): string | undefined {
  try {
    parseText(text, file, { format });
    return undefined;
  } catch (e) {
    if (e instanceof QuireError) return e.message;
    throw e;
  }
}

describe('fuzzing the readers and the merge', () => {
  for (const [file, format] of SEED_FORMATS) {
    it(`${format}: mutated ${file} never throws and reads in bounded time`, () => {
      const original = readContent(file);
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
          const started = performance.now();
          const source = read(apply(original, mutations), file, format);
          if (source) mergeSources([source], meta);
          // A bound far above the normal time (tens of ms), to catch runaway parsing, not to measure speed.
          return performance.now() - started < 20_000;
        }),
        { numRuns: format === 'wikitext-dump' ? 15 : 40, seed: 20261123 },
      );
    });
  }

  it('merging mutated renditions never throws, and keeps the sentences of an untouched source', () => {
    const later = parseText(readContent(SEEDS.later), SEEDS.later, { priority: 3 });
    const wellFormed = allBlocks(mergeSources([later], meta))
      .flatMap((b) => b.sentences)
      .filter((s) => /^[A-Z].{40,}[.!?]$/.test(s));
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (mutations) => {
        const plain = read(apply(readContent(SEEDS.plain), mutations), SEEDS.plain, 'plain-text');
        const book = mergeSources(plain ? [later, { ...plain, info: { ...plain.info, priority: 1 } }] : [later], meta);
        const inBook = new Set(allBlocks(book).flatMap((b) => b.sentences));
        // A preferred sentence with a hole (a number left out) gives way to the fuller reading, in the report.
        const filled = new Set(
          (book.report.variants ?? [])
            .filter((v) => v.class === 'omission')
            .flatMap((v) => v.readings.map((r) => r.text)),
        );
        // The preferred source is intact: each of its well-formed sentences is in the book.
        return wellFormed.every((s) => inBook.has(s) || filled.has(s));
      }),
      { numRuns: 25, seed: 7 },
    );
  });

  it('replays the regression fixtures (hand-made hard cases, and any failing input the fuzzer finds)', () => {
    const dir = path.join(FIXTURES, 'fuzz');
    const names = readdirSync(dir).sort();
    expect(names.length, 'fixtures in tests/fixtures/fuzz').toBeGreaterThan(0);
    let merged = 0;
    let refused = 0;
    for (const name of names) {
      // Named <case>.<format>.<ext>: the format is the reader the input is replayed through.
      const format = name.split('.')[1] as SourceFormat;
      expect(readerFormats as readonly string[], `${name}: the reader named by the file`).toContain(format);
      const text = readFileSync(path.join(dir, name), 'utf8');
      const expected = REFUSED[name];
      if (expected) {
        expect(refusalOf(text, name, format) ?? '(read, not refused)', `${name}: why it is refused`).toMatch(expected);
        refused++;
        continue;
      }
      // Not listed as refused: it must read (a QuireError here fails the test) and keep some text.
      const book = mergeSources([parseText(text, name, { format })], meta);
      expect(allBlocks(book).length, `${name}: blocks merged`).toBeGreaterThan(0);
      merged++;
    }
    expect(merged + refused, 'fixtures replayed').toBe(names.length);
    expect(
      Object.keys(REFUSED).filter((name) => !names.includes(name)),
      'refusals listed for fixtures that are gone',
    ).toEqual([]);
  });
});
