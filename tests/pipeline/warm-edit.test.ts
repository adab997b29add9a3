import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { build, type BuildResult, type BuildSession } from '../../src/pipeline/build.js';
import { BuildCache } from '../../src/pipeline/cache.js';
import { forgetRemembered } from '../../src/util/memo.js';
import { CONTENT, SEEDS } from '../support/content.js';

/**
 * A warm edit in `quire watch` (one process, one session) redoes only the edited section's work: the
 * study aids remembered per sentence and per section, the partials of the page and of the EPUB per chapter.
 * What it writes must be what a build from nothing writes of the edited content: the same book.json, web
 * page and EPUB files, other chapters' questions, note numbers and links included.
 */
const FORMATS = ['html', 'epub', 'json'];
const count = (r: BuildResult, table: string) => r.counters[`text:${table}`] ?? { ran: 0, reused: 0 };

/** Every file a build wrote (the EPUB as its entries), as text, by name. */
function outputs(dir: string, r: BuildResult): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.epub')) {
      const bytes = readFileSync(path.join(dir, name));
      // The package as a whole too: the same entries in the same order, compressed alike.
      out.set(`${name} (sha-256)`, createHash('sha256').update(bytes).digest('hex'));
      const entries = unzipSync(bytes);
      for (const [entry, bytes] of Object.entries(entries)) out.set(`${name}/${entry}`, strFromU8(bytes));
    } else if (name.endsWith('.html') || name.endsWith('.json'))
      out.set(name, readFileSync(path.join(dir, name), 'utf8'));
  }
  expect(out.has(`${r.basename}.html`)).toBe(true);
  return out;
}

/** The same content built as a new process would, from nothing: nothing remembered, no cache. */
async function coldOutputs(content: string, into: string): Promise<Map<string, string>> {
  forgetRemembered();
  const r = await build({ contentDir: content, outDir: into, progress: 'silent', formats: FORMATS, cacheDir: false });
  return outputs(into, r);
}

/** A table's work in a warm edit: at least one entry and at most `ran` computed again, more than `reused` looked up. */
function expectOnlyEdited(c: { ran: number; reused: number }, ran: number, reused: number, table: string): void {
  expect(c.ran, table).toBeGreaterThanOrEqual(1);
  expect(c.ran, table).toBeLessThanOrEqual(ran);
  expect(c.reused, table).toBeGreaterThan(reused);
}

function expectSame(warm: Map<string, string>, cold: Map<string, string>): void {
  expect([...warm.keys()].sort()).toEqual([...cold.keys()].sort());
  for (const [name, text] of cold) expect(warm.get(name) === text, name).toBe(true);
}

describe('a warm edit redoes only its section’s work and writes what a cold build writes', () => {
  it('an edited sentence, a disputed date, an added paragraph: warm outputs equal cold ones', async () => {
    const content = mkdtempSync(path.join(tmpdir(), 'quire-warm-edit-'));
    cpSync(CONTENT, content, { recursive: true });
    const out = path.join(content, 'out');
    const later = path.join(content, SEEDS.later);
    const session: BuildSession = { cache: new BuildCache(path.join(out, '.quire-cache')) };
    const warmBuild = async () => {
      await session.cache.settle();
      return build({ contentDir: content, outDir: out, progress: 'silent', formats: FORMATS, session });
    };
    try {
      forgetRemembered();
      const first = await warmBuild();
      const sections = first.book.chapters.reduce((n, c) => n + c.sections.length, 0);

      // 1. A few words added to one sentence of one section (the Treaty of Rapallo's).
      const text = readFileSync(later, 'utf8');
      writeFileSync(later, text.replace('annulling all mutual claims', 'annulling all mutual claims at once'));
      const warm = await warmBuild();
      expect(warm.counters.study).toEqual({ ran: 1, reused: 0 });
      // The edited section's work is redone; the other sections' and sentences' is looked up.
      expect(count(warm, 'key-point-sections').ran).toBeGreaterThanOrEqual(1);
      expect(count(warm, 'key-point-sections').ran).toBeLessThan(sections / 2);
      expect(count(warm, 'question-sentences').ran).toBeLessThanOrEqual(3);
      expect(count(warm, 'question-sentences').reused).toBeGreaterThan(100);
      expect(count(warm, 'timeline-clauses').ran).toBeLessThanOrEqual(3);
      // The whole-book passes' per-text work (role lines' tagging, each block's words and capitalised phrases, where
      // an index entry stands in a block): only the edited sentence's and block's is done again.
      expect(count(warm, 'role-terms').ran).toBeLessThanOrEqual(2);
      expect(count(warm, 'role-terms').reused).toBeGreaterThan(10);
      expect(count(warm, 'text-words').ran).toBeLessThanOrEqual(2);
      expect(count(warm, 'text-words').reused).toBeGreaterThan(100);
      // Each remembered pattern reads again only the edited block or sentence.
      const matches = count(warm, 'matches');
      expect(matches.ran).toBeGreaterThanOrEqual(1);
      expect(matches.ran * 50).toBeLessThan(matches.reused);
      const spans = count(warm, 'index-spans');
      expect(spans.ran).toBeLessThan((spans.ran + spans.reused) / 10);
      // The study aids' other per-text tables (the timeline's relative days, the index's tallies and the names
      // it reads as people's, the treaties' names and where each sentence names them, the envoys each sentence
      // names, each key point's reading of its sentence, the people's descriptions, the claims' changes, the
      // treaties' names each sentence writes, for the questions): the edited sentence's or block's entries are
      // computed again, every other text's looked up.
      for (const table of ['relative-days', 'treaty-names', 'treaty-named-in', 'envoys', 'treaty-names-written'])
        expectOnlyEdited(count(warm, table), 2, 100, table);
      for (const table of ['index-usage', 'index-people-written']) expectOnlyEdited(count(warm, table), 2, 50, table);
      // Only the sections whose points are made again read their sentences; the unedited ones are looked up.
      expectOnlyEdited(count(warm, 'key-point-sentences'), 2, 10, 'key-point-sentences');
      // A person is described again only where the edited block names them.
      expectOnlyEdited(count(warm, 'person-descriptions'), 5, 20, 'person-descriptions');
      // Where each question's quotation starts: looked up again only in the edited block.
      expectOnlyEdited(count(warm, 'quote-places'), 2, 10, 'quote-places');
      expect(count(warm, 'claim-changes').ran, 'claim-changes').toBe(0);
      expect(count(warm, 'claim-changes').reused, 'claim-changes').toBeGreaterThan(0);
      // The timeline figure (the web page's, its print's, the EPUB's): no term or treaty changed, none drawn again.
      expect(count(warm, 'timeline-figures')).toEqual({ ran: 0, reused: 3 });
      // The page's and the EPUB's partials (a chapter each, the glossaries, the answer key…): those showing the
      // edited sentence are rendered again (its chapter, its treaty's entry, its question), the rest looked up.
      const partials = count(warm, 'partials');
      expect(partials.ran).toBeGreaterThanOrEqual(2);
      expect(partials.ran).toBeLessThan((partials.ran + partials.reused) / 3);
      // The merge diffs again only the pairs of readings with the edited sentence (here none: it is no variant).
      expect(count(warm, 'added-words').reused).toBeGreaterThan(count(warm, 'added-words').ran);
      const afterEdit = outputs(out, warm);
      expect(afterEdit.get(`${warm.basename}.html`)).toContain('annulling all mutual claims at once');
      expectSame(afterEdit, await coldOutputs(content, path.join(content, 'cold-1')));

      // 2. A date in the introduction changed in one source only: a disagreement between the sources, so the
      // questions and their numbers change in other chapters too (the answer key, "Answer" links).
      writeFileSync(later, readFileSync(later, 'utf8').replace('November 6, 1918', 'November 9, 1918'));
      const second = await warmBuild();
      const afterDate = outputs(out, second);
      expect(second.book.questions.map((q) => q.question)).not.toEqual(warm.book.questions.map((q) => q.question));
      expectSame(afterDate, await coldOutputs(content, path.join(content, 'cold-2')));

      // 3. A paragraph only the plain-text rendition has, added to a section: the alignment's section words and
      // the fusion change there; the EPUB converts that chapter's page again and looks the other pages up.
      const plain = path.join(content, SEEDS.plain);
      const added = 'A delegation of engineers later reported on the talks held at Genoa with the Italian hosts.';
      writeFileSync(
        plain,
        readFileSync(plain, 'utf8').replace(/(Rumors of a secret military supplement[^\n]*\n)/, `$1${added}\n`),
      );
      const third = await warmBuild();
      const afterParagraph = outputs(out, third);
      expect(afterParagraph.get(`${third.basename}.html`)).toContain(added);
      const pages = count(third, 'epub-pages');
      expect(pages.ran).toBeGreaterThanOrEqual(1);
      expect(pages.reused).toBeGreaterThan(pages.ran);
      expectSame(afterParagraph, await coldOutputs(content, path.join(content, 'cold-3')));
    } finally {
      await session.cache.settle();
      rmSync(content, { recursive: true, force: true });
    }
  });
});
