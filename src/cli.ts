#!/usr/bin/env node
/** The `quire` command: arguments in, a command run, a summary or one clear error line out. */
import { Command } from 'commander';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { Browser } from 'puppeteer';
import { DEFAULT_FORMATS, type Format } from './render/registry.js';
import { describeError } from './util/errors.js';
import { packageRoot } from './util/paths.js';
import {
  withOptions,
  type BuildCommandOptions,
  type GuideOptions,
  type OptionName,
  type WatchCommandOptions,
} from './cli/options.js';
import { conflictLines, formatWarning, humanSize, shown } from './cli/report.js';
import { plural } from './util/words.js';
import type { BuildResult } from './pipeline/build.js';
import { exitOnSignals } from './pipeline/exits.js';
import type { GuideFolders } from './pipeline/folders.js';

const version = (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string })
  .version;

/**
 * Chromium started for a build that will print from scratch (a writer that needs it has no file in the
 * output folder yet, for the formats asked for, else the config's), before the pipeline's modules are loaded:
 * its start (~2 s) then overlaps Quire's loading as well as the reading and merging. Undefined when the build
 * will not print, or when the config cannot be read (the build reports that, with its line).
 */
async function chromiumAhead(
  contentDir: string,
  outDir: string,
  formats: Format[] | undefined,
  rebuild: boolean,
): Promise<{ browser?: Promise<Browser> }> {
  try {
    const [{ loadConfig }, { printsAhead }] = await Promise.all([
      import('./config/load.js'),
      import('./pipeline/output-folder.js'),
    ]);
    const wanted = formats ?? (await loadConfig(contentDir)).config.output.formats ?? DEFAULT_FORMATS;
    if (!(await printsAhead(rebuild ? undefined : outDir, wanted))) return {};
    const { launchBrowser } = await import('./render/print/chromium.js');
    const browser: Promise<Browser> = launchBrowser();
    // A failure is the build's to report, when it needs the browser.
    browser.catch(() => undefined);
    return { browser };
  } catch {
    return {};
  }
}

/** What a build made, for the terminal. */
function summarise(result: BuildResult, contentDir: string): void {
  for (const w of result.warnings) console.error(formatWarning(w, contentDir));
  console.log(`\nDone in ${(result.ms / 1000).toFixed(1)} s:`);
  for (const f of result.files) {
    const pages = f.pages ? `, ${plural(f.pages, 'page')}` : '';
    const unchanged = f.unchanged ? ' (unchanged)' : '';
    console.log(`  ${shown(f.path)}  ${humanSize(f.bytes)}${pages}${unchanged}`);
  }
  const log = result.changelog;
  if (log) {
    const { changed, added, removed } = log.sections;
    console.log(
      log.empty
        ? `No change since edition ${log.from.number}.`
        : `Changes since edition ${log.from.number}: ${plural(changed.length, 'section')} changed, ` +
            `${added.length} added, ${removed.length} removed (see report.html).`,
    );
  }
  for (const line of conflictLines(result.book)) console.log(line);
  if (result.recorded) {
    const where = shown(result.recorded);
    console.log(
      `Recorded edition ${result.book.meta.edition.number} in ${where}: a snapshot of its book.json, which later ` +
        'builds compare with ("What changed" in the guide and the report). Commit it with the content.',
    );
  }
}

/** The options every guide command shares, as the pipeline names them (folders resolved: folders.ts). */
const guideOptions = (opts: GuideOptions, folders: GuideFolders) => ({
  ...folders,
  formats: opts.formats,
  paper: opts.paper,
  duplex: opts.duplex,
  chapters: opts.chapters,
  embedResources: opts.embedResources,
});

/** The command's folders (folders.ts); undefined after reporting an error. */
async function foldersOf(opts: { content?: string; out?: string }, debug?: boolean): Promise<GuideFolders | undefined> {
  try {
    const { resolveFolders } = await import('./pipeline/folders.js');
    return await resolveFolders(opts.content, opts.out);
  } catch (error) {
    fail(error, debug);
    return undefined;
  }
}

async function buildCommand(opts: BuildCommandOptions, release: boolean): Promise<void> {
  // SIGINT, SIGTERM, SIGHUP: the build undoes its temporary files and Chromium, and exits with 128 + n.
  exitOnSignals();
  if (opts.course !== undefined) {
    const { courseCommand } = await import('./cli/course.js');
    await courseCommand(opts, release).catch((error: unknown) => fail(error, opts.debug));
    return;
  }
  const folders = await foldersOf(opts, opts.debug);
  if (!folders) return;
  // Chromium, when the build will print from scratch, starts before the rest of Quire is loaded.
  const { browser } = await chromiumAhead(folders.contentDir, folders.outDir, opts.formats, !opts.cache);
  try {
    // Each command loads only what it uses: Node's start is part of every build's time.
    const { build } = await import('./pipeline/build.js');
    const result = await build({
      ...guideOptions(opts, folders),
      booklet: opts.booklet,
      progress: opts.progress,
      release,
      cacheDir: opts.cache ? undefined : false,
      browser,
    });
    summarise(result, folders.contentDir);
  } catch (error) {
    fail(error, opts.debug);
  } finally {
    // The build closes the browser it was given; this also covers a build that failed before taking it.
    await browser?.then((b) => b.close()).catch(() => undefined);
  }
}

async function watchCommand(opts: WatchCommandOptions): Promise<void> {
  // A signal ends the watch at once (exits.ts): Chromium killed, a build in progress undone, 128 + n.
  exitOnSignals();
  const folders = await foldersOf(opts);
  if (!folders) return;
  const { startWatch } = await import('./pipeline/watch.js');
  const watcher = await startWatch({
    ...guideOptions(opts, folders),
    port: opts.port,
    host: opts.host,
  });
  console.log(`Preview: ${watcher.url}  (watching ${folders.contentDir}; Ctrl-C to stop)`);
}

function fail(error: unknown, debug?: boolean): void {
  console.error(`quire: ${describeError(error)}`);
  if (debug && error instanceof Error) console.error(error.stack);
  process.exitCode = 1;
}

/** Run a command's action; any error becomes one line and exit code 1. */
const guarded =
  <A extends unknown[]>(action: (...args: A) => Promise<void>) =>
  async (...args: A) => {
    try {
      await action(...args);
    } catch (error) {
      fail(error);
    }
  };

const program = new Command()
  .name('quire')
  .description('Turn several renditions of a text into one study guide: HTML, PDF, EPUB and book.json.')
  .version(version)
  // A wrong option is one line that says what is wrong and where the options are, not the whole help.
  .configureOutput({ outputError: (text, write) => write(`${oneErrorLine(text)}\n`) });

/**
 * Commander's error as the one line every error of Quire's is: `quire: what is wrong — where to look`.
 * "error: option '-f, --formats <list>' argument 'pdff' is invalid. unknown format …" becomes
 * "quire: --formats pdff: unknown format …".
 */
function oneErrorLine(text: string): string {
  const flat = text
    .trim()
    .replace(/\s*\n\s*/g, ' ')
    .replace(/^error: /, '');
  const invalid = /^option '(?:-\w, )?(--[\w-]+)[^']*' argument '(.*)' is invalid\. (.*)$/.exec(flat);
  const reason = invalid ? `${invalid[1]} ${invalid[2]}: ${invalid[3]}` : flat;
  return `quire: ${reason} — see quire --help`;
}

const BUILD_OPTIONS: OptionName[] = [
  'content',
  'course',
  'out',
  'formats',
  'paper',
  'duplex',
  'booklet',
  'chapters',
  'embedResources',
  'progress',
  'noCache',
  'debug',
];
withOptions(
  program
    .command('build')
    .description('merge the sources in the content folder and write the guide to the output folder'),
  BUILD_OPTIONS,
).action((opts: BuildCommandOptions) => buildCommand(opts, false));

withOptions(
  program
    .command('release')
    .description('build, then record this edition (content/editions/edition-N.json) to compare later editions with'),
  BUILD_OPTIONS,
).action((opts: BuildCommandOptions) => buildCommand(opts, true));

withOptions(
  program
    .command('watch')
    .description('build, then rebuild on every change to the content or templates, with a live preview on localhost'),
  ['content', 'out', 'formats', 'paper', 'duplex', 'chapters', 'embedResources', 'port', 'host'],
).action(guarded(watchCommand));

withOptions(
  program.command('clean').description('delete the build cache (the next build redoes every stage; outputs stay)'),
  ['content', 'out'],
).action(
  guarded(async (opts: { content?: string; out?: string }) => {
    const folders = await foldersOf(opts);
    if (!folders) return;
    const { cleanCache } = await import('./pipeline/clean.js');
    const removed = await cleanCache(folders.outDir);
    console.log(removed ? `Removed the build cache: ${removed}` : 'No build cache to remove.');
  }),
);

program
  .command('init')
  .description('start a guide of your own: a commented config, a sample source, and the templates to customise')
  .argument('<dir>', 'a new or empty folder')
  .action(
    guarded(async (dir: string) => {
      const { initGuide } = await import('./pipeline/init.js');
      const made = await initGuide(dir);
      console.log(
        `Created ${dir}: ${made.join(', ')}\n` +
          `Its language is en-GB (dates such as "16 April 1922"): set "language" in ` +
          `${path.join(dir, 'quire.yaml')} to your text's (en-US, de, fr …).\n` +
          `Build it with: cd ${dir} && quire build   (the guide goes to ${path.join(dir, 'output')}/)`,
      );
    }),
  );

await program.parseAsync(process.argv);
