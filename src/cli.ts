#!/usr/bin/env node
/** The `quire` command: arguments in, build() called, a summary or one clear error line out. */
import { Command, InvalidArgumentError, Option } from 'commander';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { DEFAULT_FORMATS, FORMATS, type Format } from './pipeline/formats.js';
import { describeError } from './util/errors.js';
import { packageRoot } from './util/paths.js';
import type { Browser } from 'puppeteer';

const version = (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string })
  .version;

function parseFormats(value: string): Format[] {
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad.length || list.length === 0)
    throw new InvalidArgumentError(`use a comma-separated list of ${FORMATS.join(', ')}`);
  return list as Format[];
}

function humanSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

/**
 * Chromium started for a build that will print from scratch (the formats asked for, else the config's,
 * include a PDF the output folder does not hold yet), before the pipeline's modules are loaded: its start
 * (~2 s) then overlaps Quire's loading as well as the reading and merging. Undefined when the build will
 * not print, or when the config cannot be read (the build reports that, with its line).
 */
async function chromiumAhead(
  contentDir: string,
  outDir: string,
  formats?: Format[],
): Promise<{ browser?: Promise<Browser> }> {
  try {
    const [{ loadConfig }, { printsAhead }] = await Promise.all([
      import('./config/load.js'),
      import('./pipeline/cache.js'),
    ]);
    const wanted = formats ?? (await loadConfig(contentDir)).config.output.formats ?? DEFAULT_FORMATS;
    if (!(await printsAhead(outDir, wanted))) return {};
    const { launchBrowser } = await import('./render/print/chromium.js');
    const browser = launchBrowser();
    // A failure is the build's to report, when it needs the browser.
    browser.catch(() => undefined);
    return { browser };
  } catch {
    return {};
  }
}

const program = new Command()
  .name('quire')
  .description('Turn several renditions of a text into one study guide: HTML, PDF, EPUB and book.json.')
  .version(version)
  .showHelpAfterError();

for (const [name, description] of [
  ['build', 'merge the sources in the content folder and write the guide to the output folder'],
  ['release', 'build, then record this edition (content/editions/edition-N.json) to compare later editions with'],
] as const) {
  program
    .command(name)
    .description(description)
    .option('-c, --content <dir>', 'content folder (sources and quire.yaml)', 'content')
    .option('-o, --out <dir>', 'output folder', 'output')
    .option(
      '-f, --formats <list>',
      `comma-separated formats: ${FORMATS.join(',')} (default: all but handouts, or the config's)`,
      parseFormats,
    )
    .addOption(new Option('--paper <size>', 'paper size for the PDF').choices(['A4', 'Letter']))
    .option('--duplex', 'start chapters on right-hand pages, for double-sided printing')
    .option('--booklet', 'with handouts: also a 2-up booklet of each, in folding order')
    .addOption(new Option('--progress <style>', 'progress display').choices(['default', 'simple', 'silent']))
    .option('--no-cache', 'do not use or fill the build cache (.quire-cache in the output folder)')
    .option('--debug', 'show stack traces for errors')
    .action(
      async (opts: {
        content: string;
        out: string;
        formats?: Format[];
        paper?: 'A4' | 'Letter';
        duplex?: boolean;
        booklet?: boolean;
        progress?: 'default' | 'simple' | 'silent';
        cache: boolean;
        debug?: boolean;
      }) => {
        // Chromium, when the build will print from scratch, starts before the rest of Quire is loaded.
        const { browser } = await chromiumAhead(opts.content, opts.out, opts.formats);
        try {
          // Each command loads only what it uses: Node's start is part of every build's time.
          const { build } = await import('./pipeline/pipeline.js');
          const result = await build({
            contentDir: opts.content,
            outDir: opts.out,
            formats: opts.formats,
            paper: opts.paper,
            duplex: opts.duplex,
            booklet: opts.booklet,
            progress: opts.progress,
            release: name === 'release',
            cacheDir: opts.cache ? undefined : false,
            browser,
          });
          for (const w of result.warnings)
            console.error(
              `warning: ${w.file ? path.join(opts.content, w.file) : opts.content}${w.line ? `:${w.line}` : ''}: ${w.message}`,
            );
          console.log(`\nDone in ${(result.ms / 1000).toFixed(1)} s:`);
          for (const f of result.files) {
            console.log(
              `  ${path.relative(process.cwd(), f.path) || f.path}  ${humanSize(f.bytes)}${f.pages ? `, ${f.pages} pages` : ''}${f.unchanged ? ' (unchanged)' : ''}`,
            );
          }
          const log = result.changelog;
          if (log)
            console.log(
              log.empty
                ? `No change since edition ${log.from.number}.`
                : `Changes since edition ${log.from.number}: ${log.sections.changed.length} sections changed, ${log.sections.added.length} added, ${log.sections.removed.length} removed (see report.html).`,
            );
          if (result.recorded)
            console.log(
              `Recorded edition ${result.book.meta.edition.number}: ${path.relative(process.cwd(), result.recorded)}`,
            );
        } catch (error) {
          console.error(`quire: ${describeError(error)}`);
          if (opts.debug && error instanceof Error) console.error(error.stack);
          process.exitCode = 1;
        } finally {
          // The build closes the browser it was given; this also covers a build that failed before taking it.
          await browser?.then((b) => b.close()).catch(() => undefined);
        }
      },
    );
}

program
  .command('watch')
  .description('build, then rebuild on every change to the content or templates, with a live preview on localhost')
  .option('-c, --content <dir>', 'content folder (sources and quire.yaml)', 'content')
  .option('-o, --out <dir>', 'output folder', 'output')
  .option(
    '-f, --formats <list>',
    `comma-separated formats: ${FORMATS.join(',')} (default: all but handouts, or the config's)`,
    parseFormats,
  )
  .addOption(new Option('--paper <size>', 'paper size for the PDF').choices(['A4', 'Letter']))
  .option('--duplex', 'start chapters on right-hand pages, for double-sided printing')
  .option(
    '-p, --port <number>',
    'port of the preview server (0: any free port)',
    (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535)
        throw new InvalidArgumentError('use a port number from 0 to 65535');
      return n;
    },
    4173,
  )
  .option('--host <address>', 'address the preview server listens on', '127.0.0.1')
  .action(
    async (opts: {
      content: string;
      out: string;
      formats?: Format[];
      paper?: 'A4' | 'Letter';
      duplex?: boolean;
      port: number;
      host: string;
    }) => {
      try {
        const { startWatch } = await import('./pipeline/watch.js');
        const watcher = await startWatch({
          contentDir: opts.content,
          outDir: opts.out,
          formats: opts.formats,
          paper: opts.paper,
          duplex: opts.duplex,
          port: opts.port,
          host: opts.host,
        });
        console.log(`Preview: ${watcher.url}  (watching ${opts.content}; Ctrl-C to stop)`);
        const stop = () => void watcher.close().then(() => process.exit(0));
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      } catch (error) {
        console.error(`quire: ${describeError(error)}`);
        process.exitCode = 1;
      }
    },
  );

program
  .command('clean')
  .description('delete the build cache (the next build redoes every stage; outputs stay)')
  .option('-o, --out <dir>', 'output folder', 'output')
  .action(async (opts: { out: string }) => {
    try {
      const { cleanCache } = await import('./pipeline/clean.js');
      const removed = await cleanCache(opts.out);
      console.log(removed ? `Removed the build cache: ${removed}` : 'No build cache to remove.');
    } catch (error) {
      console.error(`quire: ${describeError(error)}`);
      process.exitCode = 1;
    }
  });

program
  .command('init')
  .description('start a guide of your own: a commented config, a sample source, and the templates to customise')
  .argument('<dir>', 'a new or empty folder')
  .action(async (dir: string) => {
    try {
      const { initGuide } = await import('./pipeline/init.js');
      const made = await initGuide(dir);
      console.log(
        `Created ${dir}: ${made.join(', ')}\nBuild it with: npx quire build --content ${dir} --out ${path.join(dir, 'output')}`,
      );
    } catch (error) {
      console.error(`quire: ${describeError(error)}`);
      process.exitCode = 1;
    }
  });

await program.parseAsync(process.argv);
