import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type BuildResult } from '../../src/pipeline/build.js';
import { forgetRemembered } from '../../src/util/memo.js';
import { CONTENT, SEEDS } from '../support/content.js';

/**
 * The text work remembered per text (sentence splits, the facts and dates of a sentence, the tagger's reading
 * of it, the facts a question could blank) is kept in the cache folder, so that a new process that merges
 * again after an edit does only the edited text's work. Each build below starts as a new process would:
 * nothing remembered in memory (`forgetRemembered`), the cache folder on disk.
 */
const TABLES = ['sentences', 'facts', 'dates', 'entities', 'question-facts'] as const;
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
