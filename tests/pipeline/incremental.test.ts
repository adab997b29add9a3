import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type BuildResult, type BuildSession, type Format } from '../../src/pipeline/build.js';
import { BuildCache, defaultCacheDir } from '../../src/pipeline/cache.js';
import { CONTENT, SEEDS } from '../support/content.js';
import { runQuire } from '../support/cli.js';
import { contentsEntries, pdfText } from '../support/inspect.js';

const ran = (r: BuildResult, stage: string) => r.counters[stage]?.ran ?? 0;
const reused = (r: BuildResult, stage: string) => r.counters[stage]?.reused ?? 0;
const mtimes = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .filter((n) => !n.startsWith('.'))
      .map((n) => [n, statSync(path.join(dir, n)).mtimeMs]),
  );

describe('incremental builds (each build a new process: the cache on disk)', () => {
  const content = mkdtempSync(path.join(tmpdir(), 'quire-incr-'));
  cpSync(CONTENT, content, { recursive: true });
  const out = path.join(content, 'out');
  const later = path.join(content, SEEDS.later);
  const run = () => build({ contentDir: content, outDir: out, progress: 'silent' });
  const guide = () =>
    readFileSync(
      path.join(
        out,
        readdirSync(out).find((n) => n.endsWith('.html') && n !== 'report.html')!,
      ),
      'utf8',
    );
  const pdf = () =>
    path.join(
      out,
      readdirSync(out).find((n) => n.endsWith('.pdf'))!,
    );

  it('a cold build does every stage; a rebuild with no change does none and writes nothing', async () => {
    const cold = await run();
    expect(ran(cold, 'read')).toBe(4);
    for (const stage of ['merge', 'study', 'html', 'pdf', 'print-key', 'print', 'epub', 'cover', 'json', 'report'])
      expect(ran(cold, stage), stage).toBeGreaterThanOrEqual(1);
    const before = mtimes(out);

    const again = await run();
    expect(reused(again, 'read')).toBe(4);
    const stages = ['read', 'merge', 'study', 'html', 'pdf', 'print-key', 'print', 'epub', 'cover', 'json', 'report'];
    for (const stage of [...stages, 'write']) expect(ran(again, stage), stage).toBe(0);
    expect(again.stages.browser).toBeUndefined();
    // Not even the print view or its HTML is made: what they are made from is unchanged.
    expect(again.stages['print-view']).toBeUndefined();
    expect(again.stages['pdf-html']).toBeUndefined();
    expect(again.files.every((f) => f.unchanged)).toBe(true);
    expect(mtimes(out)).toEqual(before);
  });

  it('after a one-paragraph edit, only that source is read again, and every output shows the edit', async () => {
    writeFileSync(
      later,
      readFileSync(later, 'utf8').replace('annulling all mutual claims', 'cancelling all mutual claims'),
    );
    const edited = await run();
    expect(ran(edited, 'read')).toBe(1);
    expect(reused(edited, 'read')).toBe(3);
    for (const stage of ['merge', 'study', 'html', 'pdf', 'print', 'epub']) expect(ran(edited, stage), stage).toBe(1);
    // The cover shows the title only: the same image is used again.
    expect(reused(edited, 'cover')).toBe(1);
    expect(guide()).toContain('cancelling all mutual claims');
    expect(pdfText(pdf()).replace(/\s+/g, ' ')).toContain('cancelling all mutual claims');
    // Printed once, with the last build's page numbers, which nothing moved; they are still exact.
    expect(edited.stages['pdf-passes']).toBe(1);
    const entries = contentsEntries(pdf());
    expect(entries.length).toBeGreaterThanOrEqual(10);
    for (const e of entries) expect(e.found, `"${e.title}" on page ${e.page}`).toBe(true);
  });

  it('an edit that changes no printed text (blank lines at the end of a source) prints no new PDF', async () => {
    const pdfBefore = readFileSync(pdf());
    writeFileSync(later, `${readFileSync(later, 'utf8')}\n\n`);
    const edited = await run();
    // The source's bytes changed, so it is read again and the stages after it run; what they give is the
    // same, so the PDF's input is the same and Chromium is not even started.
    expect(ran(edited, 'read')).toBe(1);
    expect(ran(edited, 'merge')).toBe(1);
    expect(ran(edited, 'print')).toBe(0);
    expect(reused(edited, 'pdf')).toBe(1);
    expect(edited.stages.browser).toBeUndefined();
    expect(readFileSync(pdf()).equals(pdfBefore)).toBe(true);
  });

  it('a damaged cache entry is never used: it is recomputed and the build is right', async () => {
    const dir = path.join(out, '.quire-cache', 'read');
    const entries = readdirSync(dir).map((n) => path.join(dir, n));
    // Flip one byte in the body of every entry for the reader (a header names the key and the body's hash).
    for (const file of entries) {
      const bytes = readFileSync(file);
      bytes[bytes.length - 2]! ^= 0x20;
      writeFileSync(file, bytes);
    }
    const rebuilt = await run();
    expect(ran(rebuilt, 'read')).toBe(4);
    expect(reused(rebuilt, 'merge')).toBe(1);
    expect(guide()).toContain('cancelling all mutual claims');
  });

  it('`quire clean` deletes the cache; the next build does every stage again', async () => {
    const r = await runQuire(['clean', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Removed the build cache');
    expect(existsSync(path.join(out, '.quire-cache'))).toBe(false);
    const after = await build({ contentDir: content, outDir: out, formats: ['html', 'json'], progress: 'silent' });
    expect(ran(after, 'read')).toBe(4);
    expect(ran(after, 'merge')).toBe(1);
    expect(ran(after, 'html')).toBe(1);
    expect(guide()).toContain('cancelling all mutual claims');
  });
});

describe('a session (quire watch) writes the disk cache behind its builds', () => {
  it('its outputs are complete when a build returns; once it settles, a new process reuses every stage', async () => {
    const content = mkdtempSync(path.join(tmpdir(), 'quire-settle-'));
    cpSync(CONTENT, content, { recursive: true });
    const out = path.join(content, 'out');
    const formats: Format[] = ['html', 'epub', 'json'];
    const session: BuildSession = { cache: new BuildCache(defaultCacheDir(out)) };
    const first = await build({ contentDir: content, outDir: out, progress: 'silent', session, formats });
    for (const ext of ['.epub', '.html', '.json'])
      expect(
        first.files.some((f) => f.path.endsWith(ext)),
        ext,
      ).toBe(true);
    for (const f of first.files)
      if (statSync(f.path).isFile()) expect(statSync(f.path).size, f.path).toBeGreaterThan(0);
    await session.cache.settle();
    const stored = readdirSync(defaultCacheDir(out));
    for (const stage of ['read', 'merge', 'study', 'cover']) expect(stored, stage).toContain(stage);
    // A one-shot build has its own cache object: what it reuses comes from the disk.
    const next = await build({ contentDir: content, outDir: out, progress: 'silent', formats });
    expect(reused(next, 'read')).toBe(4);
    for (const stage of ['read', 'merge', 'study', 'html', 'epub', 'json']) expect(ran(next, stage), stage).toBe(0);
  });
});
