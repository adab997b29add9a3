/**
 * The course figure of `npm run bench`: 20 small guides built by one `quire build --course` against 20
 * separate `quire build` processes, all formats (the default set), no cache. Each guide is one top-level
 * part of the seeds' later revision, its words transformed per guide (synthetic.ts) so that no two guides
 * share their text work; they run from a few pages to a dozen.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { transformWords } from './synthetic.js';

export interface CourseFigures {
  guides: number;
  /** Seconds of the 20 separate processes, one after the other. */
  separateS: number;
  /** Seconds of the one course run. */
  courseS: number;
  /** separateS / courseS. */
  speedup: number;
  /** Peak memory of one separate build (median of the 20), of the course run, and their ratio. */
  onePeakMB: number;
  coursePeakMB: number;
  memoryRatio: number;
}

/** The parts of a wikitext article: its text cut before each top-level (`==`) heading. */
function parts(wikitext: string): string[] {
  return wikitext
    .split(/\n(?===[^=])/)
    .slice(1)
    .filter((p) => !/^==\s*See also/i.test(p) && p.length > 2000);
}

/** A course folder of `n` small guides made from the seeds (see above). */
export function makeCourse(content: string, n: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'quire-course-'));
  const pieces = parts(readFileSync(path.join(content, 'later-revision.wiki'), 'utf8'));
  for (let i = 0; i < n; i++) {
    const guide = path.join(dir, `guide-${String(i + 1).padStart(2, '0')}`);
    mkdirSync(guide);
    const text = `= Guide ${i + 1} =\n\n${transformWords(pieces[i % pieces.length]!, i)}`;
    writeFileSync(path.join(guide, 'article.wiki'), text);
    writeFileSync(
      path.join(guide, 'quire.yaml'),
      `title: Guide ${i + 1}\nlanguage: en\nsources:\n  - file: article.wiki\n`,
    );
  }
  return dir;
}

/**
 * Both ways of building the course, once each: `measure` runs one process to its end and gives its seconds
 * and the peak memory of its process tree.
 */
export async function courseFigures(
  cli: string,
  content: string,
  measure: (argv: string[]) => Promise<{ s: number; peakMB: number }>,
  n = 20,
): Promise<CourseFigures> {
  const dir = makeCourse(content, n);
  try {
    const guides = Array.from({ length: n }, (_, i) => path.join(dir, `guide-${String(i + 1).padStart(2, '0')}`));
    const quiet = ['--progress', 'silent', '--no-cache'];
    const separate: { s: number; peakMB: number }[] = [];
    for (const guide of guides) separate.push(await measure([cli, 'build', '--content', guide, ...quiet]));
    for (const guide of guides) rmSync(path.join(guide, 'output'), { recursive: true, force: true });
    const course = await measure([cli, 'build', '--course', dir, ...quiet]);
    const peaks = separate.map((r) => r.peakMB).sort((a, b) => a - b);
    const separateS = separate.reduce((sum, r) => sum + r.s, 0);
    const onePeakMB = peaks[Math.floor(peaks.length / 2)]!;
    return {
      guides: n,
      separateS: round(separateS),
      courseS: round(course.s),
      speedup: round(separateS / course.s),
      onePeakMB,
      coursePeakMB: course.peakMB,
      memoryRatio: round(course.peakMB / onePeakMB),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (x: number) => Number(x.toFixed(2));
