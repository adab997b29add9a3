/**
 * A course: several guides built in one run (`quire build --course DIR`). The course folder holds one folder
 * per guide, each a guide as `quire build` knows it (its quire.yaml, its sources, its own output folder).
 *
 * The guides share what a process can share: one Chromium (each lane of builds has its own pages in it),
 * the text work remembered in the process (util/memo.ts), the compiled templates, the loaded modules and the
 * thread pool. Each guide keeps its own output folder, build cache and lock, exactly as when built alone, so
 * a guide that fails (bad config, bad source) leaves its previous outputs in place and the other guides go
 * on; the run reports every guide and fails at the end.
 *
 * For a course larger than one machine, a CI matrix runs one `quire build --content DIR/NAME` per job
 * (docs/course.md): the builds are independent, so nothing else is needed to spread them.
 */
import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { CONFIG_NAMES, loadConfig } from '../config/load.js';
import { DEFAULT_FORMATS } from '../render/registry.js';
import { BrowserPool } from '../render/print/browser-pool.js';
import { QuireError } from '../util/errors.js';
import { build, type BuildOptions, type BuildResult, type BuildSession } from './build.js';
import { BuildCache, defaultCacheDir } from './cache.js';
import { onStop, removeNow } from './exits.js';
import { resolveFolders, type GuideFolders } from './folders.js';
import { printFolder, printsAhead } from './output-folder.js';

export interface CourseOptions extends Omit<BuildOptions, 'contentDir' | 'outDir' | 'session' | 'browser'> {
  /** The course folder: one folder per guide. */
  courseDir: string;
  /** Unset: each guide's own output folder (as `quire build` in it); else OUT/<guide folder name>. */
  outDir?: string;
  /** Guides built at the same time (default: 2, or 1 on a one-core machine). */
  jobs?: number;
  /** Told when a guide starts and when it ends (the command prints a line for each). */
  onGuide?: (event: { guide: string; outcome?: GuideOutcome }) => void;
}

export interface GuideOutcome {
  /** The guide's folder name in the course folder. */
  guide: string;
  contentDir: string;
  /** Its output folder, when it could be resolved. */
  outDir?: string;
  /** The build's result, when it succeeded. */
  result?: BuildResult;
  /** What stopped it, when it failed. */
  error?: unknown;
  ms: number;
}

export interface CourseResult {
  guides: GuideOutcome[];
  ms: number;
}

/** The guides of a course folder: its subfolders holding a quire.yaml, by name. */
export async function findGuides(courseDir: string): Promise<{ guide: string; dir: string }[]> {
  let entries;
  try {
    entries = await readdir(courseDir, { withFileTypes: true });
  } catch {
    throw new QuireError('course folder not found', { file: courseDir, hint: 'pass an existing folder with --course' });
  }
  const guides = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules')
    .filter((e) => CONFIG_NAMES.some((name) => existsSync(path.join(courseDir, e.name, name))))
    .map((e) => ({ guide: e.name, dir: path.join(courseDir, e.name) }))
    .sort((a, b) => (a.guide < b.guide ? -1 : a.guide > b.guide ? 1 : 0));
  if (guides.length) return guides;
  const isGuide = CONFIG_NAMES.some((name) => existsSync(path.join(courseDir, name)));
  throw new QuireError(
    isGuide ? 'this is one guide (it holds a quire.yaml), not a course' : 'no guides in the course folder',
    {
      file: courseDir,
      hint: isGuide
        ? 'build it with quire build --content DIR'
        : 'a course folder holds one folder per guide, each with its quire.yaml (quire init DIR/NAME starts one)',
    },
  );
}

/** One guide of the course, its folders resolved (or the error that stops it before it starts). */
interface Planned {
  guide: string;
  contentDir: string;
  folders?: GuideFolders;
  error?: unknown;
  /** Its build will print with nothing printed before (Chromium worth starting at once). */
  prints: boolean;
}

async function plan(options: CourseOptions): Promise<Planned[]> {
  const guides = await findGuides(options.courseDir);
  return Promise.all(
    guides.map(async ({ guide, dir }): Promise<Planned> => {
      try {
        const folders = await resolveFolders(dir, options.outDir && path.join(options.outDir, guide));
        const wanted = options.formats ?? (await loadConfig(dir)).config.output.formats ?? DEFAULT_FORMATS;
        const rebuild = options.cacheDir === false;
        const prints = await printsAhead(rebuild ? undefined : folders.outDir, wanted).catch(() => false);
        return { guide, contentDir: dir, folders, prints };
      } catch (error) {
        return { guide, contentDir: dir, error, prints: false };
      }
    }),
  );
}

/**
 * A lane's browser pool over the course's one Chromium: whenever the lane needs a browser (a build starting
 * it ahead, a print asking for a page), it takes the course's, started on first need. Only a crash makes a
 * lane start one of its own (BrowserPool's retry).
 */
class CoursePool extends BrowserPool {
  constructor(private readonly shared: () => Promise<Browser>) {
    super();
  }

  override warm(given?: Promise<Browser>): void {
    // A lane with a browser keeps it (BrowserPool would close the one given: here, the course's).
    if (this.browser?.connected) return;
    super.warm(given ?? this.shared());
  }

  override async get(): Promise<Browser> {
    if (!this.browser?.connected) this.warm();
    return super.get();
  }
}

/** One lane of builds: its own pages in the shared Chromium, and its own compiled templates. */
interface Lane {
  browsers: BrowserPool;
  templates?: BuildSession['templates'];
  /** The output folder of the guide it is building, for the signal handler. */
  building?: string;
}

/** Build every guide of the course; never throws for one guide (its outcome holds the error). */
export async function buildCourse(options: CourseOptions): Promise<CourseResult> {
  const started = performance.now();
  const planned = await plan(options);
  const jobs = Math.max(1, Math.min(options.jobs ?? Math.min(2, availableParallelism()), planned.length));
  // One Chromium for the whole course, started on first need by any lane.
  let chromium: Promise<Browser> | undefined;
  const shared = () => {
    chromium ??= import('../render/print/chromium.js').then((m) => m.launchBrowser());
    // A failure is reported by the build that needs the browser.
    chromium.catch(() => undefined);
    return chromium;
  };
  const lanes: Lane[] = Array.from({ length: jobs }, () => ({ browsers: new CoursePool(shared) }));
  // Started now (while the first guides are read) if a guide will print with nothing printed before.
  if (planned.some((p) => p.prints)) for (const lane of lanes) lane.browsers.warm();
  // A signal: Chromium killed and the print folders removed at once (the builds undo their own folders).
  const unstop = onStop(() => {
    for (const lane of lanes) {
      lane.browsers.kill();
      if (lane.building) removeNow(printFolder(lane.building));
    }
  });
  const outcomes: GuideOutcome[] = [];
  const queue = [...planned];
  try {
    await Promise.all(
      lanes.map(async (lane) => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          options.onGuide?.({ guide: next.guide });
          const outcome = await buildOne(options, lane, next);
          outcomes.push(outcome);
          options.onGuide?.({ guide: next.guide, outcome });
        }
      }),
    );
  } finally {
    await Promise.all(lanes.map((lane) => lane.browsers.close()));
    unstop();
  }
  const order = new Map(planned.map((p, i) => [p.guide, i]));
  outcomes.sort((a, b) => order.get(a.guide)! - order.get(b.guide)!);
  return { guides: outcomes, ms: Math.round(performance.now() - started) };
}

/** One guide's build in a lane: a session of its own (its cache) over the lane's Chromium and templates. */
async function buildOne(options: CourseOptions, lane: Lane, planned: Planned): Promise<GuideOutcome> {
  const started = performance.now();
  const { guide, contentDir, folders } = planned;
  const done = (more: Partial<GuideOutcome>): GuideOutcome => ({
    guide,
    contentDir,
    outDir: folders?.outDir,
    ms: Math.round(performance.now() - started),
    ...more,
  });
  if (!folders) return done({ error: planned.error });
  const outDir = path.resolve(folders.outDir);
  const cacheDir = options.cacheDir === false ? undefined : (options.cacheDir ?? defaultCacheDir(outDir));
  const session: BuildSession = { cache: new BuildCache(cacheDir), browsers: lane.browsers, templates: lane.templates };
  lane.building = outDir;
  try {
    const { courseDir: _course, jobs: _jobs, onGuide: _onGuide, ...buildOptions } = options;
    const result = await build({ ...buildOptions, ...folders, session, progress: 'silent' });
    return done({ result });
  } catch (error) {
    return done({ error });
  } finally {
    lane.templates = session.templates;
    lane.building = undefined;
    // What a one-guide build does at its end, which a session leaves to its owner: the cache written, the
    // print page (confined to this guide's print folder) closed, the print folder removed.
    await session.cache.settle();
    await lane.browsers.print?.page.close().catch(() => undefined);
    lane.browsers.print = undefined;
    await rm(printFolder(outDir), { recursive: true, force: true }).catch(() => undefined);
  }
}
