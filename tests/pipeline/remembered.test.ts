import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deserialize } from 'node:v8';
import { build, type BuildResult } from '../../src/pipeline/build.js';
import { forgetRemembered, memoize, startRememberedBuild } from '../../src/util/memo.js';
import { BuildCache } from '../../src/pipeline/cache.js';
import { RememberedText, serialized } from '../../src/pipeline/remembered.js';
import type { Format } from '../../src/render/registry.js';
import { CONTENT, SEEDS } from '../support/content.js';

/**
 * The text work remembered per text (sentence splits, the facts and dates of a sentence, the tagger's reading
 * of it, how two readings' facts compare, a sentence's dated events, key point and checked questions, the
 * names the index reads in a text) is kept in the cache folder, so that a new process that merges again
 * after an edit does only the edited text's work. Each build below starts as a new process would: nothing
 * remembered in memory (`forgetRemembered`), the cache folder on disk.
 */
const TABLES = [
  'sentences',
  'facts',
  'dates',
  'entities',
  'question-facts',
  'fact-comparisons',
  'claim-changes',
  'role-terms',
  'timeline-clauses',
  'key-point-sentences',
  'question-sentences',
  'index-usage',
  'index-people-written',
  'acronyms',
] as const;
const FIRST_READ: readonly string[] = [
  'sentences',
  'fact-comparisons',
  'timeline-clauses',
  'key-point-sentences',
  'question-sentences',
  'index-usage',
  'index-people-written',
];
const count = (r: BuildResult, table: string) => r.counters[`text:${table}`] ?? { ran: 0, reused: 0 };

function guideCopy(): { content: string; out: string; later: string } {
  const content = mkdtempSync(path.join(tmpdir(), 'quire-remembered-'));
  cpSync(CONTENT, content, { recursive: true });
  return { content, out: path.join(content, 'out'), later: path.join(content, SEEDS.later) };
}

/** One sentence added at the end of a paragraph in the middle of the source. */
function editOneParagraph(file: string): void {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf('\n\n', Math.floor(text.length / 2));
  writeFileSync(file, `${text.slice(0, at)} The delegations met again in the spring.${text.slice(at)}`);
}

const newProcessBuild = (content: string, out: string, cacheDir?: false) => {
  forgetRemembered();
  return build({ contentDir: content, outDir: out, progress: 'silent', formats: ['json'], cacheDir });
};

describe('text work remembered per text, between processes', () => {
  it('a warm edit of one paragraph redoes only that text’s work, and the book is what a cold build makes', async () => {
    const { content, out, later } = guideCopy();
    try {
      const cold = await newProcessBuild(content, out);
      for (const table of TABLES) expect(count(cold, table).ran, table).toBeGreaterThan(10);

      editOneParagraph(later);
      const warm = await newProcessBuild(content, out);
      // The merge and the study aids ran again (the sources changed)…
      expect(warm.counters.merge).toEqual({ ran: 1, reused: 0 });
      expect(warm.counters.study).toEqual({ ran: 1, reused: 0 });
      // …but their work per text was done for the edited paragraph only, the rest looked up.
      expect(count(warm, 'sentences').ran).toBeGreaterThan(0);
      for (const table of TABLES) {
        expect(count(warm, table).ran, table).toBeLessThanOrEqual(3);
        // Consulted and found in what the last process kept (a sentence's facts: only where not compared yet).
        if (table !== 'facts') expect(count(warm, table).reused, table).toBeGreaterThan(0);
        // A table read only inside another's work (a sentence's facts, to compare two readings) is not read
        // at all where that work is remembered: the tables read first look up nearly all the cold one made.
        if (FIRST_READ.includes(table))
          expect(count(warm, table).reused, table).toBeGreaterThanOrEqual(count(cold, table).ran - 3);
      }
      const warmBook = readFileSync(path.join(out, 'book.json'));

      // The same content built from nothing: the same book, byte for byte.
      const fresh = await newProcessBuild(content, path.join(content, 'fresh'), false);
      for (const table of TABLES) expect(count(fresh, table).ran, table).toBeGreaterThan(10);
      expect(readFileSync(path.join(content, 'fresh', 'book.json')).equals(warmBook)).toBe(true);
    } finally {
      rmSync(content, { recursive: true, force: true });
    }
  });

  it('an edit that disputes a sentence elsewhere gives the questions a build from nothing gives', async () => {
    // One source now words a claim the others make the opposite way: the sentence itself is unchanged, but
    // the sources dispute it (a claim note), so no question may ask it as settled.
    const { content, out } = guideCopy();
    const plain = path.join(content, SEEDS.plain);
    try {
      await newProcessBuild(content, out);
      const text = readFileSync(plain, 'utf8');
      expect(text).toContain('Because Poland was a traditional enemy');
      writeFileSync(
        plain,
        text.replace('Because Poland was a traditional enemy', 'Because Poland was not a traditional enemy'),
      );
      await newProcessBuild(content, out);
      const warm = JSON.parse(readFileSync(path.join(out, 'book.json'), 'utf8')) as { questions: unknown };
      await newProcessBuild(content, path.join(content, 'fresh'), false);
      const fresh = JSON.parse(readFileSync(path.join(content, 'fresh', 'book.json'), 'utf8')) as {
        questions: unknown;
      };
      expect(warm.questions).toEqual(fresh.questions);
      expect(
        readFileSync(path.join(out, 'book.json')).equals(readFileSync(path.join(content, 'fresh', 'book.json'))),
      ).toBe(true);
    } finally {
      rmSync(content, { recursive: true, force: true });
    }
  });

  it('a new build after an edit renders and converts only the edited chapter’s page parts', async () => {
    const { content, out, later } = guideCopy();
    const formats: Format[] = ['html', 'epub'];
    const newProcess = (dir: string, cacheDir?: false) => {
      forgetRemembered();
      return build({ contentDir: content, outDir: dir, progress: 'silent', formats, cacheDir });
    };
    const files = (dir: string) =>
      readdirSync(dir)
        .filter((f) => /\.(html|epub)$/.test(f) && f !== 'report.html')
        .sort()
        .map((f) => [f, readFileSync(path.join(dir, f))] as const);
    try {
      const cold = await newProcess(out);
      expect(count(cold, 'partials').ran).toBeGreaterThan(20);
      expect(count(cold, 'epub-pages').ran).toBeGreaterThan(10);

      editOneParagraph(later);
      const warm = await newProcess(out);
      // The edited chapter's partials (its page and EPUB chapter), the parts of them it changed, and the
      // book-wide ones whose data it changed; of the cold build's thousand (links, answers, entries), a handful.
      expect(count(cold, 'partials').ran).toBeGreaterThan(500);
      expect(count(warm, 'partials').ran).toBeLessThanOrEqual(6);
      expect(count(warm, 'partials').reused).toBeGreaterThan(100);
      expect(count(warm, 'epub-pages').ran).toBeLessThanOrEqual(2);
      expect(count(warm, 'epub-pages').reused).toBeGreaterThan(10);

      // The page and the EPUB are the ones a build from nothing makes of the edited content, byte for byte.
      const fresh = path.join(content, 'fresh');
      await newProcess(fresh, false);
      const made = files(out);
      expect(made.map(([f]) => f)).toEqual(files(fresh).map(([f]) => f));
      expect(made).toHaveLength(2);
      for (const [[name, bytes], [, other]] of made.map((m, i) => [m, files(fresh)[i]!] as const))
        expect(bytes.equals(other), name).toBe(true);
    } finally {
      rmSync(content, { recursive: true, force: true });
    }
  });

  it('a build with nothing changed loads no remembered text and the book stays byte-identical', async () => {
    const { content, out } = guideCopy();
    try {
      await newProcessBuild(content, out);
      const first = readFileSync(path.join(out, 'book.json'));
      const again = await newProcessBuild(content, out);
      expect(again.counters.merge).toEqual({ ran: 0, reused: 1 });
      for (const table of TABLES) expect(count(again, table)).toEqual({ ran: 0, reused: 0 });
      expect(readFileSync(path.join(out, 'book.json')).equals(first)).toBe(true);
    } finally {
      rmSync(content, { recursive: true, force: true });
    }
  });
});

describe('what the cache folder keeps of a remembered result', () => {
  it('comes back as it was: sets, maps and properties left undefined', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quire-remembered-kept-'));
    let calls = 0;
    // `end: undefined` overrides a date's end where the result is spread over it; a JSON round trip drops it.
    const clauseOf = memoize(
      (text: string) => {
        calls++;
        return { words: new Set(text.split(' ')), spans: new Map([[text, 1]]), date: { end: undefined, at: 2 } };
      },
      (text) => text,
      100,
      { name: 'test-kept-results', persist: true },
    );
    try {
      // One process: the result computed and kept in the cache folder.
      const first = new BuildCache(dir);
      startRememberedBuild();
      const text = new RememberedText(first, 'code');
      await text.restore();
      clauseOf('the pact was signed');
      await text.keep();
      await first.settle();

      // The next process: nothing in memory, the cache folder read back.
      forgetRemembered();
      startRememberedBuild();
      await new RememberedText(new BuildCache(dir), 'code').restore();
      const again = clauseOf('the pact was signed');
      expect(calls).toBe(1);
      expect(again.words).toEqual(new Set(['the', 'pact', 'was', 'signed']));
      expect(again.spans.get('the pact was signed')).toBe(1);
      expect('end' in again.date).toBe(true);
      expect({ ...{ end: '1941', at: 0 }, ...again.date }).toEqual({ end: undefined, at: 2 });
    } finally {
      forgetRemembered();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves out a table whose results hold a function, and keeps the others', () => {
    const snapshot = { kept: [['a', { words: new Set(['a']) }]], unclonable: [['b', { at: () => 1 }]] } as const;
    const back = deserialize(serialized(snapshot as never)) as Record<string, unknown>;
    expect(Object.keys(back)).toEqual(['kept']);
    expect(back.kept).toEqual([['a', { words: new Set(['a']) }]]);
  });
});
