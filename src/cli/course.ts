/**
 * `quire build --course DIR` (and `quire release --course DIR`): every guide of a course folder in one run
 * (pipeline/course.ts), a line per guide as it ends, its warnings and errors as a one-guide build prints
 * them, then a table of the guides. Exit code 1 if any guide failed; the others' outputs are written.
 */
import { describeError } from '../util/errors.js';
import { plural } from '../util/words.js';
import type { CourseResult, GuideOutcome } from '../pipeline/course.js';
import type { BuildCommandOptions } from './options.js';
import { formatWarning, shown } from './report.js';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The printed pages of a guide's PDF, when it has one. */
const pagesOf = (outcome: GuideOutcome) => outcome.result?.files.find((f) => f.path.endsWith('.pdf'))?.pages;

function status(outcome: GuideOutcome): string {
  if (outcome.error !== undefined) return 'failed';
  const recorded = outcome.result?.recorded ? `, edition ${outcome.result.book.meta.edition.number} recorded` : '';
  return `built${recorded}`;
}

/** The course's table: one row per guide, columns padded to their widest cell. */
export function courseTable(course: CourseResult): string[] {
  const rows = course.guides.map((g) => [
    g.guide,
    String(pagesOf(g) ?? '—'),
    g.result ? String(g.result.warnings.length) : '—',
    seconds(g.ms),
    status(g),
    g.outDir ? shown(g.outDir) : '—',
  ]);
  const header = ['guide', 'pages', 'warnings', 'time', 'status', 'output'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  // Numbers to the right, words to the left.
  const right = new Set([1, 2, 3]);
  const line = (cells: string[]) =>
    `  ${cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)];
}

/** One guide has ended: its warnings and error (stderr), and a line saying so unless the display is silent. */
function reportGuide(outcome: GuideOutcome, opts: BuildCommandOptions): void {
  for (const w of outcome.result?.warnings ?? []) console.error(formatWarning(w, outcome.contentDir));
  const { error } = outcome;
  if (error !== undefined) console.error(`quire: ${outcome.guide}: ${describeError(error)}`);
  if (error instanceof Error && opts.debug) console.error(error.stack);
  if (opts.progress === 'silent') return;
  const mark = outcome.error === undefined ? '✔' : '✖';
  const warned = outcome.result?.warnings.length ? `, ${plural(outcome.result.warnings.length, 'warning')}` : '';
  console.log(`${mark} ${outcome.guide}: ${status(outcome)} in ${seconds(outcome.ms)}${warned}`);
}

export async function courseCommand(opts: BuildCommandOptions, release: boolean): Promise<void> {
  const { buildCourse, findGuides } = await import('../pipeline/course.js');
  const quiet = opts.progress === 'silent';
  const guides = await findGuides(opts.course!);
  if (!quiet) console.log(`Course ${shown(opts.course!)}: ${plural(guides.length, 'guide')}`);
  const course = await buildCourse({
    courseDir: opts.course!,
    outDir: opts.out,
    formats: opts.formats,
    paper: opts.paper,
    duplex: opts.duplex,
    booklet: opts.booklet,
    chapters: opts.chapters,
    embedResources: opts.embedResources,
    release,
    cacheDir: opts.cache ? undefined : false,
    onGuide: ({ outcome }) => outcome && reportGuide(outcome, opts),
  });
  const failed = course.guides.filter((g) => g.error !== undefined);
  const built = course.guides.length - failed.length;
  console.log(
    `\nCourse done in ${seconds(course.ms)}: ${plural(built, 'guide')} built` +
      `${failed.length ? `, ${failed.length} failed (${failed.map((g) => g.guide).join(', ')})` : ''}`,
  );
  for (const line of courseTable(course)) console.log(line);
  if (failed.length) process.exitCode = 1;
}
