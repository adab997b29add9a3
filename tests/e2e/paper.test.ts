/**
 * Issue 21, paper: short chapters run on after the one before; long ones start a new page (output.chapters).
 * A small guide is built with each setting and its PDF read page by page with poppler.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../../src/pipeline/build.js';
import { LONG_PART, runOnParts } from '../../src/render/print/chapters.js';
import { folder } from '../support/hostile.js';
import { pdfText } from '../support/inspect.js';

const CHAPTERS = ['Harbour Beginnings', 'Quay Disputes', 'Fleet Records', 'Lighthouse Keepers', 'Closing Remarks'];
const LONG = 'Fleet Records';

/** A paragraph of its own words for each number (no two sentences alike: the merge keeps them all). */
const paragraph = (n: number) =>
  `In year ${1800 + n} the harbour master number ${n} counted ${n * 7 + 3} vessels, ` +
  `and the register of berth ${n} names ${n % 9} pilots, ${n % 5} tugs and ${n % 3} dredgers for that season.`;

function guideFolder(): string {
  const body = CHAPTERS.map((title, c) => {
    const paragraphs = title === LONG ? 60 : 2;
    return `## ${title}\n\n${Array.from({ length: paragraphs }, (_, i) => paragraph(c * 100 + i)).join('\n\n')}\n`;
  }).join('\n');
  const config =
    'title: Harbour records\nlanguage: en\nauthor: Quire tests\nedition:\n  number: 1\n  date: 2026-01-01\n';
  return folder({ 'quire.yaml': config, 'harbour.md': `# Harbour records\n\n${body}` }, 'quire-paper-');
}

const pageCount = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

/** Each chapter's page (where its numbered heading stands), and the pages a chapter opens at the top. */
function chapterPages(file: string): { page: Record<string, number>; opensPage: Record<string, boolean> } {
  const page: Record<string, number> = {};
  const opensPage: Record<string, boolean> = {};
  for (let p = 1; p <= pageCount(file); p++) {
    const lines = pdfText(file, p)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    CHAPTERS.forEach((title, i) => {
      const at = lines.findIndex((l) => l === `${i + 1} ${title}`);
      if (at < 0 || page[title]) return;
      page[title] = p;
      // The first line is the running head (when there is one), then the chapter's heading.
      opensPage[title] = at <= 1;
    });
  }
  return { page, opensPage };
}

async function built(options: { chapters?: 'auto' | 'new-page' | 'run-on'; duplex?: boolean }) {
  const out = mkdtempSync(path.join(tmpdir(), 'quire-paper-out-'));
  await build({ contentDir: guideFolder(), outDir: out, formats: ['pdf'], progress: 'silent', ...options });
  return chapterPages(path.join(out, 'harbour-records.pdf'));
}

describe('where printed chapters start', () => {
  it('by default, short chapters share a page; a long one, and the chapter after it, start a page', async () => {
    const { page, opensPage } = await built({});
    const [first, second, long, after, last] = CHAPTERS.map((t) => page[t]!);
    expect(second).toBe(first);
    expect(long).toBeGreaterThan(second!);
    expect(opensPage[LONG]).toBe(true);
    expect(after).toBeGreaterThan(long!);
    expect(opensPage[CHAPTERS[3]!]).toBe(true);
    // Two short chapters in a row run on.
    expect(last).toBe(after);
  });

  it('new-page starts every chapter on a page of its own', async () => {
    const { page, opensPage } = await built({ chapters: 'new-page' });
    const pages = CHAPTERS.map((t) => page[t]!);
    expect(new Set(pages).size).toBe(CHAPTERS.length);
    expect(CHAPTERS.every((t) => opensPage[t])).toBe(true);
  });

  it('run-on continues every chapter on the page where the one before ends, the long one too', async () => {
    const { page, opensPage } = await built({ chapters: 'run-on' });
    expect(page[CHAPTERS[1]!]).toBe(page[CHAPTERS[0]!]);
    expect(page[LONG]).toBe(page[CHAPTERS[1]!]);
    expect(opensPage[LONG]).toBe(false);
  });

  it('duplex: a chapter that starts a page starts a right-hand one; those that run on stay', async () => {
    const { page, opensPage } = await built({ duplex: true });
    for (const title of CHAPTERS.filter((t) => opensPage[t])) expect(page[title]! % 2, title).toBe(1);
    expect(page[CHAPTERS[1]!]).toBe(page[CHAPTERS[0]!]);
    expect(page[CHAPTERS[4]!]).toBe(page[CHAPTERS[3]!]);
  });
});

describe('the rule for "auto"', () => {
  const ids = ['a', 'b', 'c', 'd'];
  it('runs a part on only when it and the part before are both short', () => {
    const heights = { a: 0.2, b: LONG_PART, c: LONG_PART + 0.01, d: 0.1 };
    expect(runOnParts(ids, 'auto', heights)).toEqual({ b: true });
  });
  it('a part not measured starts a new page; the first part always does', () => {
    expect(runOnParts(ids, 'auto', { a: 0.1, b: 0.1 })).toEqual({ b: true });
    expect(runOnParts(ids, 'run-on')).toEqual({ b: true, c: true, d: true });
    expect(runOnParts(ids, 'new-page', { a: 0, b: 0 })).toEqual({});
  });
});
