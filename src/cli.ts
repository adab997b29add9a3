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
import { formatWarning, humanSize } from './cli/report.js';
import type { BuildResult } from './pipeline/build.js';
import { exitOnSignals } from './pipeline/exits.js';

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
  formats?: Format[],
): Promise<{ browser?: Promise<Browser> }> {
  try {
    const [{ loadConfig }, { printsAhead }] = await Promise.all([
      import('./config/load.js'),
      import('./pipeline/output-folder.js'),
    ]);
    const wanted = formats ?? (await loadConfig(contentDir)).config.output.formats ?? DEFAULT_FORMATS;
    if (!(await printsAhead(outDir, wanted))) return {};
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
    const pages = f.pages ? `, ${f.pages} pages` : '';
    const unchanged = f.unchanged ? ' (unchanged)' : '';
    console.log(`  ${path.relative(process.cwd(), f.path) || f.path}  ${humanSize(f.bytes)}${pages}${unchanged}`);
  }
  const log = result.changelog;
  if (log) {
    const { changed, added, removed } = log.sections;
    console.log(
      log.empty
        ? `No change since edition ${log.from.number}.`
        : `Changes since edition ${log.from.number}: ${changed.length} sections changed, ${added.length} added, ` +
            `${removed.length} removed (see report.html).`,
    );
  }
  if (result.recorded) {
    const where = path.relative(process.cwd(), result.recorded);
    console.log(`Recorded edition ${result.book.meta.edition.number}: ${where}`);
  }
}

/** The options every guide command shares, as the pipeline names them. */
const guideOptions = (opts: GuideOptions) => ({
  contentDir: opts.content,
  outDir: opts.out,
  formats: opts.formats,
  paper: opts.paper,
  duplex: opts.duplex,
});

async function buildCommand(opts: BuildCommandOptions, release: boolean): Promise<void> {
  // SIGINT, SIGTERM, SIGHUP: the build undoes its temporary files and Chromium, and exits with 128 + n.
  exitOnSignals();
  // Chromium, when the build will print from scratch, starts before the rest of Quire is loaded.
  const { browser } = await chromiumAhead(opts.content, opts.out, opts.formats);
  try {
    // Each command loads only what it uses: Node's start is part of every build's time.
    const { build } = await import('./pipeline/build.js');
    const result = await build({
      ...guideOptions(opts),
      booklet: opts.booklet,
      progress: opts.progress,
      release,
      cacheDir: opts.cache ? undefined : false,
      browser,
    });
    summarise(result, opts.content);
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
  const { startWatch } = await import('./pipeline/watch.js');
  const watcher = await startWatch({
    ...guideOptions(opts),
    port: opts.port,
    host: opts.host,
  });
  console.log(`Preview: ${watcher.url}  (watching ${opts.content}; Ctrl-C to stop)`);
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
  .configureOutput({
    outputError: (text, write) => write(`${text.trim().replace(/\s*\n\s*/g, ' ')} (see quire --help)\n`),
  });

const BUILD_OPTIONS: OptionName[] = [
  'content',
  'out',
  'formats',
  'paper',
  'duplex',
  'booklet',
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
  ['content', 'out', 'formats', 'paper', 'duplex', 'port', 'host'],
).action(guarded(watchCommand));

withOptions(
  program.command('clean').description('delete the build cache (the next build redoes every stage; outputs stay)'),
  ['out'],
).action(
  guarded(async (opts: { out: string }) => {
    const { cleanCache } = await import('./pipeline/clean.js');
    const removed = await cleanCache(opts.out);
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
      const out = path.join(dir, 'output');
      console.log(`Created ${dir}: ${made.join(', ')}\nBuild it with: npx quire build --content ${dir} --out ${out}`);
    }),
  );

await program.parseAsync(process.argv);
