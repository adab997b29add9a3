/**
 * The command line's options, defined once: every command that takes one adds the same definition.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { FORMATS, type Format } from '../render/registry.js';
import type { Paper } from '../render/writer.js';
import type { ProgressStyle } from '../pipeline/progress.js';
import { CHAPTER_BREAKS, type ChapterBreaks } from '../render/print/chapters.js';
import { didYouMean } from '../util/words.js';

const PAPERS: readonly Paper[] = ['A4', 'Letter'];

export interface GuideOptions {
  /** Unset: the current folder if it holds a quire.yaml, else content/ (pipeline/folders.ts). */
  content?: string;
  /** Unset: the config's output.dir, else output/ inside the content folder. */
  out?: string;
  formats?: Format[];
  paper?: Paper;
  duplex?: boolean;
  chapters?: ChapterBreaks;
  embedResources?: boolean;
}

export interface BuildCommandOptions extends GuideOptions {
  /** A course folder: every guide in it built in one run (pipeline/course.ts). */
  course?: string;
  booklet?: boolean;
  progress?: ProgressStyle;
  cache: boolean;
  debug?: boolean;
}

export interface WatchCommandOptions extends GuideOptions {
  port: number;
  host: string;
}

function parseFormats(value: string): Format[] {
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.find((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad !== undefined) {
    throw new InvalidArgumentError(`unknown format "${bad}"${didYouMean(bad, FORMATS)}: use ${FORMATS.join(', ')}`);
  }
  if (list.length === 0) throw new InvalidArgumentError(`use a comma-separated list of ${FORMATS.join(', ')}`);
  return list as Format[];
}

/** A paper size in any case: "letter" is Letter. */
function parsePaper(value: string): Paper {
  const paper = PAPERS.find((p) => p.toLowerCase() === value.trim().toLowerCase());
  if (!paper) throw new InvalidArgumentError(`unknown paper size "${value}": use ${PAPERS.join(' or ')}`);
  return paper;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('use a port number from 0 to 65535');
  return n;
}

const formatsHelp = `comma-separated formats: ${FORMATS.join(',')} (default: all but handouts, or the config's)`;

export const OPTIONS = {
  content: () =>
    new Option(
      '-c, --content <dir>',
      'content folder: sources and quire.yaml (default: this folder if it holds a quire.yaml, else content/)',
    ),
  out: () =>
    new Option(
      '-o, --out <dir>',
      "output folder (default: the config's output.dir, else output/ in the content folder)",
    ),
  course: () =>
    new Option(
      '--course <dir>',
      'build every guide of a course folder in one run (a folder per guide, each with its quire.yaml); ' +
        'with --out, guide NAME goes to OUT/NAME',
    ).conflicts('content'),
  formats: () => new Option('-f, --formats <list>', formatsHelp).argParser(parseFormats),
  paper: () => new Option('--paper <size>', `paper size for the PDF: ${PAPERS.join(' or ')}`).argParser(parsePaper),
  duplex: () => new Option('--duplex', 'start chapters on right-hand pages, for double-sided printing'),
  booklet: () => new Option('--booklet', 'with handouts: also a 2-up booklet of each, in folding order'),
  chapters: () =>
    new Option('--chapters <mode>', 'where printed chapters start: auto (by length), new-page or run-on').choices(
      CHAPTER_BREAKS,
    ),
  embedResources: () =>
    new Option('--embed-resources', 'the web page as one file: CSS, fonts and images inside it, nothing beside it'),
  progress: () => new Option('--progress <style>', 'progress display').choices(['default', 'simple', 'silent']),
  noCache: () => new Option('--no-cache', 'do not use or fill the build cache (.quire-cache in the output folder)'),
  debug: () => new Option('--debug', 'show stack traces for errors'),
  port: () =>
    new Option('-p, --port <number>', 'port of the preview server (0: any free port)')
      .argParser(parsePort)
      .default(4173),
  host: () => new Option('--host <address>', 'address the preview server listens on').default('127.0.0.1'),
};

export type OptionName = keyof typeof OPTIONS;

/** Add the named options to a command. */
export function withOptions(command: Command, names: OptionName[]): Command {
  for (const name of names) command.addOption(OPTIONS[name]());
  return command;
}
