/**
 * The build: content folder → outputs. I/O lives here; every stage in between is a pure function of the model.
 *
 *   loadConfig → readSources → mergeSources → (study aids) → buildView → html / pdf / epub / json → commit
 *
 * Outputs are written into a staging folder inside the output folder and renamed into place only when every
 * requested format has been produced, so a failed build leaves the previous edition untouched.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile, access } from 'node:fs/promises';
import { constants, existsSync } from 'node:fs';
import path from 'node:path';
import { Listr, type ListrRendererValue } from 'listr2';
import type { Browser, Page } from 'puppeteer';
import type { Book, BookMeta, Source, StudyGuide } from '../model/index.js';
import type { QuireConfig } from '../config/schema.js';
import { loadConfig, parseYaml } from '../config/load.js';
import { addStudyAids } from '../study/index.js';
import { OverridesSchema, type Overrides } from '../study/overrides.js';
import { parseSource, readSources, type SourceParser } from '../sources/index.js';
import {
  BuildCache,
  codeFingerprint,
  defaultCacheDir,
  hashOf,
  MANIFEST,
  printsFromScratch,
  readManifest,
  type Hashable,
  type Manifest,
  type StageCount,
} from './cache.js';
import { mergeSources } from '../merge/index.js';
import { buildView, type View } from '../render/view/index.js';
import { DEFAULT_TEMPLATES, TemplateSet, templatesFingerprint } from '../render/html/templates.js';
import { fontBundle } from '../render/html/fonts.js';
import { hyphenatorFor } from '../render/view/hyphenate.js';
import { handoutView, partIds, blanksBefore } from '../render/view/handout.js';
import { bookJsonSchema, renderBookJson, toBookJson } from '../model/book-json.js';
import { changelog, type Changelog } from '../editions/changelog.js';
import { assertNotRecorded, lastEditionText, recordEdition } from '../editions/store.js';
import { reportView } from '../render/view/report.js';
import { QuireError } from '../util/errors.js';
import { slugify } from '../util/slug.js';
import { DEFAULT_FORMATS, type Format } from './formats.js';

export { FORMATS, DEFAULT_FORMATS, type Format } from './formats.js';

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  formats?: Format[];
  paper?: 'A4' | 'Letter';
  /** Chapters on right-hand pages; overrides the config. */
  duplex?: boolean;
  /** Handout booklets; overrides the config. */
  booklet?: boolean;
  /** Record this edition (a book.json snapshot in content/editions/) once the build has succeeded. */
  release?: boolean;
  /** Progress display: 'default' (live, for terminals), 'simple' (line per step, for CI logs), 'silent'. */
  progress?: 'default' | 'simple' | 'silent';
  /** Injected clock for the default edition date. */
  today?: () => string;
  /** The build cache's folder (default: .quire-cache in the output folder); false keeps it in memory only. */
  cacheDir?: string | false;
  /** What lives between builds in one process (`quire watch`): the cache, Chromium, compiled templates. */
  session?: BuildSession;
  /**
   * Chromium already being started by the caller for this build (the CLI starts it before loading the rest
   * of Quire when the build will print from scratch: see `printsAhead`). The build prints with it, and
   * closes it at the end unless it was given a session.
   */
  browser?: Promise<Browser>;
}

/**
 * State kept between builds in one process. The owner closes `browser` when done (a build given a session
 * leaves Chromium running for the next one).
 */
export interface BuildSession {
  cache: BuildCache;
  browser?: Browser;
  /** A page opened ahead of time in `browser`, not yet confined to a folder (taken by the first print). */
  spare?: Page;
  /**
   * The PDF's page, kept open between builds (it shows the print folder's HTML, whose fonts and CSS were
   * copied for `assets`, a templates fingerprint): the next PDF replaces its content instead of loading anew.
   */
  print?: { page: Page; assets: string };
  templates?: TemplateSet;
}

export interface WrittenFile {
  path: string;
  bytes: number;
  pages?: number;
  /** Already in the output folder from an earlier build with the same inputs: not written again. */
  unchanged?: boolean;
}

export interface BuildResult {
  book: StudyGuide;
  /** What changed since the last recorded edition, when there is one. */
  changelog?: Changelog;
  /** The snapshot written by a release. */
  recorded?: string;
  files: WrittenFile[];
  warnings: StudyGuide['report']['warnings'];
  ms: number;
  /** Milliseconds per stage, for `npm run bench`. */
  stages: Record<string, number>;
  /** Per stage: how many times its work was done, and how many times a cached result was used. */
  counters: Record<string, StageCount>;
  /** Name of the guide's files without extension (guide.html, guide.pdf, guide.epub). */
  basename: string;
}

/** Pure: the book's metadata from the config, falling back to what the sources say. */
export function bookMeta(config: QuireConfig, sources: Source[], fallbackTitle: string, today: string): BookMeta {
  const byPriority = [...sources].sort((a, b) => b.info.priority - a.info.priority);
  const title = config.title ?? byPriority.find((s) => s.info.title)?.info.title ?? fallbackTitle;
  const revisions = sources
    .filter((s) => s.info.revision)
    .map(
      (s) =>
        `revision ${s.info.revision!.revisionId} of “${s.info.revision!.title}” (${s.info.revision!.timestamp.slice(0, 10)})`,
    );
  const attribution =
    config.attribution ??
    `Text adapted from ${sources.length === 1 ? 'its source' : `${sources.length} sources`}${revisions.length ? `, including ${revisions.join(', ')}` : ''}, by ${config.author}, under ${config.license.name}.`;
  return {
    title,
    subtitle: config.subtitle,
    language: config.language,
    author: config.author,
    publisher: config.publisher,
    description: config.description ?? `A study guide to ${title}.`,
    attribution,
    license: config.license,
    edition: { number: config.edition.number, date: config.edition.date ?? today },
  };
}

/** Pure: sources → merged book. */
export function prepareBook(sources: Source[], meta: BookMeta, config: QuireConfig): Book {
  return mergeSources(sources, meta, { policy: config.merge.policy, threshold: config.merge.threshold });
}

/** The editor's overrides file, checked. */
function parseOverrides(text: string, file: string): Overrides {
  return parseYaml(text, file, OverridesSchema, { what: 'overrides', hint: 'see "Overrides" in README.md' });
}

async function ensureWritable(outDir: string): Promise<void> {
  try {
    await mkdir(outDir, { recursive: true });
    await access(outDir, constants.W_OK);
  } catch {
    throw new QuireError('output folder is not writable', {
      file: outDir,
      hint: 'choose another folder with --out or fix its permissions',
    });
  }
}

async function copyAssets(templates: TemplateSet, dir: string, css: string[]): Promise<void> {
  const fonts = fontBundle();
  await mkdir(path.join(dir, 'fonts'), { recursive: true });
  await writeFile(path.join(dir, 'fonts.css'), fonts.css);
  await Promise.all(fonts.files.map((f) => copyFile(f, path.join(dir, 'fonts', path.basename(f)))));
  await Promise.all(css.map((name) => copyFile(templates.file(name), path.join(dir, name))));
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const stages: Record<string, number> = {};
  const timed = async <T>(name: string, fn: () => Promise<T> | T): Promise<T> => {
    const t = performance.now();
    try {
      return await fn();
    } finally {
      stages[name] = Math.round(((stages[name] ?? 0) + performance.now() - t) * 10) / 10;
    }
  };
  const contentDir = options.contentDir;
  const outDir = path.resolve(options.outDir);
  const session: BuildSession = options.session ?? {
    cache: new BuildCache(options.cacheDir === false ? undefined : (options.cacheDir ?? defaultCacheDir(outDir))),
  };
  const cache = session.cache;
  cache.startBuild();
  const code = codeFingerprint();

  interface Ctx {
    config: QuireConfig;
    formats: Format[];
    paper: 'A4' | 'Letter';
    duplex: boolean;
    booklet: boolean;
    templates: TemplateSet;
    sources: Source[];
    /** Hash of everything the merged book (with its study aids) depends on. */
    bookKey: string;
    /** The book's metadata, computed once (its date may come from the clock) and part of bookKey. */
    meta: BookMeta;
    merged: Book;
    book: StudyGuide;
    staging: string;
    basename: string;
    manifest: Manifest;
    next: Manifest;
    files: WrittenFile[];
    changelog?: Changelog;
    /** Hash of the "What changed" page's content ('' when there is none). */
    changesKey: string;
    reportKey: string;
    /** The EPUB's cover, being drawn while the other formats are made (undefined: the EPUB is up to date). */
    cover?: Promise<Uint8Array>;
  }
  const ctx = { files: [] as WrittenFile[], next: {} as Manifest } as Ctx;
  /** A release shows what changed since the last recorded edition in the guide itself. */
  const releaseChanges = () => (options.release ? ctx.changelog : undefined);
  /** Views are cheap to remake but shared between formats in a build and between builds in a session. */
  const viewOf = (kind: 'html' | 'print' | 'epub') =>
    cache.json(
      'view',
      hashOf(code, ctx.bookKey, kind, ctx.paper, ctx.changesKey),
      () =>
        buildView(ctx.book, {
          paper: ctx.paper,
          assets: kind === 'html' ? 'assets/' : '',
          target: kind === 'epub' ? 'epub' : 'html',
          hyphenate: kind === 'print' ? hyphenatorFor(ctx.book.meta.language) : undefined,
          changes: releaseChanges(),
        }),
      { disk: false },
    );
  /**
   * Chromium started ahead: a build that will print and has nothing printed to reuse starts it (and opens
   * its first page) while the sources are read and merged, on the other core.
   */
  let launching: Promise<void> | undefined;
  const chromium = () => import('../render/print/chromium.js');
  const startBrowserEarly = () => {
    if (launching) return;
    if (session.browser?.connected) {
      // The session's browser is used: one started by the caller is not needed.
      options.browser?.then((b) => b.close()).catch(() => undefined);
      return;
    }
    const t = performance.now();
    launching = (async () => {
      session.browser = await (options.browser ?? (await chromium()).launchBrowser());
      // Without a spare page the first print opens one (and reports any failure clearly).
      session.spare = await session.browser.newPage().catch(() => undefined);
      stages.browser = Math.round((performance.now() - t) * 10) / 10;
    })();
    // Its failure is reported by the stage that needs Chromium (and ignored if none does).
    launching.catch(() => undefined);
  };
  // One started by the caller is taken at once (and so closed at the end, even if the build fails early).
  if (options.browser) startBrowserEarly();
  const browser = async () => {
    if (launching) await timed('browser-wait', () => launching);
    const { launchBrowser } = await chromium();
    if (!session.browser?.connected) session.browser = await timed('browser', () => launchBrowser());
    return session.browser;
  };
  /** A page confined to `root`: the one opened ahead if there is one. */
  const printPage = async (root: string) => {
    const b = await browser();
    const { confine, confinedPage } = await chromium();
    const spare = session.spare;
    session.spare = undefined;
    return spare && !spare.isClosed() && spare.browser() === b ? confine(spare, root) : confinedPage(b, root);
  };

  /** Whether the output folder holds what these inputs give: its manifest names the same key and the file is there. */
  const upToDate = async (name: string, key: string): Promise<boolean> => {
    const target = path.join(outDir, name);
    const known = ctx.manifest[name];
    if (known?.key !== key) return false;
    return (
      (name.endsWith('/')
        ? await folderSize(target).catch(() => -1)
        : await stat(target).then(
            (s) => s.size,
            () => -1,
          )) === known.bytes
    );
  };
  /**
   * One output file or folder: skipped when the output folder already holds what these inputs give (its
   * manifest names the same key and the file is there), else produced into the staging folder.
   */
  const output = async (
    name: string,
    stage: string,
    key: string,
    produce: (target: string) => Promise<{ pages?: number } | void>,
  ): Promise<void> => {
    const target = path.join(outDir, name);
    const known = ctx.manifest[name];
    if (await upToDate(name, key)) {
      cache.reused(stage);
      ctx.next[name] = known!;
      ctx.files.push({ path: target, bytes: known!.bytes, pages: known!.pages, unchanged: true });
      return;
    }
    cache.ran(stage);
    const made = await produce(path.join(ctx.staging, name));
    ctx.next[name] = { key, bytes: 0, pages: made?.pages ?? undefined };
  };

  /** The EPUB's cover image (PNG), drawn in Node (no browser) and kept while its HTML is the same. */
  const drawCover = (coverHtml: string): Promise<Uint8Array> => {
    const drawn = cache
      .bytes('cover', hashOf(code, coverHtml, ctx.templates.fingerprint), async () => {
        const { drawCover: draw } = await import('../render/epub/cover.js');
        return { bytes: await timed('cover', () => draw(coverHtml, ctx.templates.file('cover.html.njk'))), meta: {} };
      })
      .then((c) => c.bytes);
    // Awaited by the EPUB step; a build that fails before it must not leave an unhandled rejection.
    drawn.catch(() => undefined);
    return drawn;
  };

  /**
   * The EPUB's view, its cover's HTML (the cover template rendered with that view), and its output key;
   * made once per build (by the Cover step, after the study aids, when all of them are known).
   */
  let epub: Promise<{ view: View; coverHtml: string; key: string }> | undefined;
  const epubInputs = () =>
    (epub ??= viewOf('epub').then((view) => {
      const coverHtml = ctx.templates.render('cover.html.njk', view);
      return { view, coverHtml, key: hashOf(code, ctx.bookKey, ctx.templates.fingerprint, ctx.changesKey, coverHtml) };
    }));

  const progress = options.progress ?? (process.stdout.isTTY ? 'default' : 'simple');
  const renderer: ListrRendererValue = progress === 'silent' ? 'silent' : progress === 'simple' ? 'simple' : 'default';

  const tasks = new Listr<Ctx>(
    [
      {
        title: 'Load config',
        task: async (_c, task) => {
          const loaded = await timed('config', () => loadConfig(contentDir));
          ctx.config = loaded.config;
          ctx.formats = options.formats ?? loaded.config.output.formats ?? [...DEFAULT_FORMATS];
          ctx.paper = options.paper ?? loaded.config.output.paper;
          ctx.duplex = options.duplex ?? loaded.config.output.duplex;
          ctx.booklet = options.booklet ?? loaded.config.output.booklet;
          const templatesDir = loaded.config.templates
            ? path.resolve(contentDir, loaded.config.templates)
            : DEFAULT_TEMPLATES;
          const fingerprint = templatesFingerprint(templatesDir);
          // Compiled templates are kept while the folder is unchanged.
          if (session.templates?.dir !== templatesDir || session.templates.fingerprint !== fingerprint)
            session.templates = new TemplateSet(templatesDir);
          ctx.templates = session.templates;
          task.title = `Config: ${loaded.file ?? 'none (defaults)'}; formats ${ctx.formats.join(', ')}; ${ctx.paper}`;
          await ensureWritable(outDir);
          if (options.release) assertNotRecorded(contentDir, loaded.config.edition.number);
          ctx.manifest = await readManifest(outDir);
          if (printsFromScratch(Object.keys(ctx.manifest), ctx.formats)) startBrowserEarly();
        },
      },
      {
        title: 'Read sources',
        task: async (_c, task) => {
          const keys = new Map<string, string>();
          const parse: SourceParser = (text, entry, bytes) => {
            const key = hashOf(code, bytes, { ...entry });
            keys.set(entry.file, key);
            return cache.json('read', key, () => parseSource(text, entry));
          };
          ctx.sources = await timed('read', () => readSources(contentDir, ctx.config, parse));
          const meta = (ctx.meta = bookMeta(
            ctx.config,
            ctx.sources,
            path.basename(path.resolve(contentDir)),
            (options.today ?? todayUtc)(),
          ));
          ctx.bookKey = hashOf(
            code,
            ctx.sources.map((s) => [keys.get(s.info.file)!, s.info.priority]),
            meta as unknown as Hashable,
            ctx.config.merge as unknown as Hashable,
          );
          const read = cache.counters.read ?? { ran: 0, reused: 0 };
          task.title = `Read ${ctx.sources.length} source${ctx.sources.length === 1 ? '' : 's'}${read.reused ? ` (${read.reused} unchanged)` : ''}: ${ctx.sources.map((s) => `${s.info.file} (${s.info.format})`).join(', ')}`;
        },
      },
      {
        title: 'Merge',
        task: async (_c, task) => {
          ctx.merged = await timed('merge', () =>
            cache.json('merge', ctx.bookKey, () => prepareBook(ctx.sources, ctx.meta, ctx.config)),
          );
          if (ctx.merged.chapters.length === 0) {
            throw new QuireError('no text to build: the sources hold only headings, lists of links or fragments', {
              file: contentDir,
              hint: 'add paragraphs to a source (see "Adding a source" in README.md)',
            });
          }
          const sections = ctx.merged.chapters.reduce((n, c) => n + c.sections.length, 0);
          const blocks = ctx.merged.chapters.reduce(
            (n, c) => n + c.sections.reduce((m, s) => m + s.blocks.length, 0),
            0,
          );
          task.title = `Merged: ${ctx.merged.chapters.length} chapters, ${sections} sections, ${blocks} blocks, ${ctx.merged.citations.length} notes, ${ctx.merged.report.duplicates.length} duplicates folded`;
        },
      },
      {
        title: 'Study aids',
        task: async (_c, task) => {
          const overridesFile = ['overrides.yaml', 'overrides.yml']
            .map((n) => path.join(contentDir, n))
            .find((f) => existsSync(f));
          const overridesText = overridesFile ? await readFile(overridesFile, 'utf8') : '';
          ctx.bookKey = hashOf(ctx.bookKey, overridesText);
          ctx.book = await timed('study', () =>
            cache.json('study', ctx.bookKey, () =>
              addStudyAids(
                ctx.merged,
                overridesFile ? { data: parseOverrides(overridesText, overridesFile), file: overridesFile } : undefined,
              ),
            ),
          );
          const g = ctx.book.glossaries;
          task.title = `Study aids: ${g.ambassadors.length} ambassadors, ${g.treaties.length} treaties, ${g.timeline.length} dates, ${ctx.book.questions.length} questions, ${ctx.book.index.length} index entries${overridesFile ? ' (with overrides)' : ''}`;
          ctx.basename = ctx.config.output.basename ?? slugify(ctx.book.meta.title);
          const previous = await lastEditionText(
            contentDir,
            options.release ? ctx.book.meta.edition.number : undefined,
          );
          ctx.reportKey = '';
          ctx.changesKey = '';
          if (previous) {
            const key = hashOf(code, ctx.bookKey, previous.text);
            ctx.changelog = await timed('changelog', () =>
              cache.json('changelog', key, () => changelog(previous.parse(), toBookJson(ctx.book))),
            );
            ctx.reportKey = key;
            if (options.release && !ctx.changelog.empty) ctx.changesKey = key;
          }
          await mkdir(outDir, { recursive: true });
          ctx.staging = await mkdtemp(path.join(outDir, '.quire-staging-'));
        },
      },
      {
        // The EPUB's cover is drawn while the HTML, book.json and the report are made (its raster is made
        // off the main thread); the EPUB waits for it when it packages the book.
        title: 'Cover',
        skip: () => !ctx.formats.includes('epub'),
        task: async (_c, task) => {
          const { key, coverHtml } = await epubInputs();
          if (await upToDate(`${ctx.basename}.epub`, key)) return task.skip('Cover: the EPUB is up to date');
          ctx.cover = drawCover(coverHtml);
          task.title = 'Cover: drawing';
        },
      },
      {
        title: 'HTML',
        skip: () => !ctx.formats.includes('html'),
        task: async (_c, task) => {
          await timed('html', async () => {
            await output('assets/', 'assets', hashOf(code, ctx.templates.fingerprint, 'assets'), (dir) =>
              copyAssets(ctx.templates, dir, ['screen.css']),
            );
            await output(
              `${ctx.basename}.html`,
              'html',
              hashOf(code, ctx.bookKey, ctx.templates.fingerprint, ctx.paper, ctx.changesKey),
              async (file) => {
                await writeFile(file, ctx.templates.render('guide.html.njk', await viewOf('html')));
              },
            );
          });
          task.title = `HTML: ${ctx.basename}.html`;
        },
      },
      // The formats Node makes on its own come before the printed ones: on a cold build they run while
      // Chromium, started early, is still starting.
      {
        title: 'book.json',
        skip: () => !ctx.formats.includes('json'),
        task: async () => {
          await timed('json', async () => {
            await output('book.json', 'json', hashOf(code, ctx.bookKey), (file) =>
              writeFile(file, renderBookJson(ctx.book)),
            );
            await output('book.schema.json', 'json', hashOf(code, 'schema'), (file) =>
              writeFile(file, bookJsonSchema()),
            );
          });
        },
      },
      {
        title: 'Editor’s report',
        skip: () => !ctx.formats.includes('report'),
        task: async (_c, task) => {
          await timed('report', async () => {
            await output(
              'report.html',
              'report',
              hashOf(code, ctx.bookKey, ctx.templates.fingerprint, ctx.reportKey),
              (file) =>
                writeFile(
                  file,
                  ctx.templates.render('report.html.njk', {
                    ...reportView(ctx.book),
                    changelog: ctx.changelog ?? null,
                  }),
                ),
            );
            if (ctx.changelog)
              await output('changelog.json', 'report', ctx.reportKey, (file) =>
                writeFile(file, `${JSON.stringify(ctx.changelog, null, 2)}\n`),
              );
          });
          const r = ctx.book.report;
          task.title = `Report: report.html (${r.conflicts.length} conflicts, ${r.duplicates.length} duplicates, ${r.omitted.length} omitted, ${r.unattachedCitations.length} unattached notes)`;
        },
      },
      {
        title: 'EPUB',
        skip: () => !ctx.formats.includes('epub'),
        task: async (_c, task) => {
          const { view, key, coverHtml } = await epubInputs();
          await output(`${ctx.basename}.epub`, 'epub', key, async (file) => {
            const { renderEpub } = await import('../render/epub/book.js');
            // The cover (started by the Cover step) is needed only to package the book.
            const bytes = await timed('epub', () => renderEpub(view, ctx.templates, ctx.cover ?? drawCover(coverHtml)));
            await writeFile(file, bytes);
          });
          task.title = `EPUB: ${ctx.basename}.epub, ${view.chapters.length} chapters`;
        },
      },
      {
        title: 'PDF',
        skip: () => !ctx.formats.includes('pdf'),
        task: async (_c, task) => {
          const printView = await timed('print-view', () => viewOf('print'));
          // Duplex: measured once without blank pages, then a blank page before each part that would start on
          // a left-hand (even) page — Chromium has no `break-before: right`.
          let measured: Record<string, number> | undefined;
          const printHtml = (pages: Record<string, number>) => {
            if (ctx.duplex && !measured && Object.keys(pages).length) measured = pages;
            const blank = ctx.duplex && measured ? blanksBefore(partIds(printView), measured) : {};
            return ctx.templates.render('print.html.njk', { ...printView, print: true, pages, blank });
          };
          // The first pass's HTML is what the PDF shows (with placeholder numbers): an edit that does not change
          // it (a source's line numbers, the report) does not reprint. Rendering it first also stops a build
          // with a template error before Chromium starts.
          const first = await timed('pdf-html', () => printHtml({}));
          const key = hashOf(
            code,
            first,
            ctx.templates.fingerprint,
            ctx.paper,
            ctx.duplex,
            ctx.book.meta as unknown as Hashable,
          );
          let summary = '';
          await output(`${ctx.basename}.pdf`, 'pdf', key, async (file) => {
            const pdf = await cache.bytes('print', key, async () => {
              // A folder of its own beside the outputs (the output lock keeps it to this build), so that a
              // session's print page keeps its address from one build to the next.
              const printDir = printFolder(outDir);
              // A page kept from the last build is reused only while the templates (its CSS and fonts) are the
              // same: Chromium could otherwise keep the old stylesheet of the same address.
              let kept = session.print;
              if (
                kept &&
                (kept.assets !== ctx.templates.fingerprint ||
                  kept.page.isClosed() ||
                  kept.page.browser() !== session.browser ||
                  !session.browser?.connected)
              ) {
                await kept.page.close().catch(() => undefined);
                kept = session.print = undefined;
              }
              if (!kept || !existsSync(printDir))
                await timed('pdf-assets', () => copyAssets(ctx.templates, printDir, ['print.css']));
              task.output = 'starting Chromium';
              let page = kept?.page ?? (await printPage(printDir));
              session.print = { page, assets: ctx.templates.fingerprint };
              // A renderer that crashed leaves a page that looks open: forget it.
              page.once('error', () => {
                if (session.print?.page === page) session.print = undefined;
              });
              const { confinedPage } = await chromium();
              const { renderPdf } = await import('../render/print/passes.js');
              task.output = 'rendering (page numbers in two passes)';
              // The last layout's page numbers (not for duplex, whose blank pages are placed from a layout
              // without them): after a small edit, the first pass is then usually the last.
              const layoutKey = hashOf(code, ctx.basename, ctx.paper, ctx.duplex);
              const seed = ctx.duplex ? undefined : await cache.recall<Record<string, number>>('layout', layoutKey);
              const made = await timed('pdf', () =>
                withBrowserRetry(session, 'printing the PDF', async () => {
                  // After a crash the retry has a new browser, and needs a page of its own.
                  if (page.isClosed() || page.browser() !== session.browser)
                    page = await confinedPage(session.browser!, printDir);
                  return renderPdf(
                    session.browser!,
                    path.join(printDir, 'print.html'),
                    printDir,
                    printHtml,
                    ctx.book.meta,
                    ctx.paper,
                    { seed, page },
                  );
                }),
              ).finally(() => {
                // Kept for the session's next build; otherwise closed with the browser.
                if (session.print) session.print.page = page;
              });
              await cache.remember('layout', layoutKey, Object.fromEntries(made.destinations));
              stages['pdf-passes'] = made.passes;
              return { bytes: made.bytes, meta: { pages: made.pages, passes: made.passes } };
            });
            await writeFile(file, pdf.bytes);
            summary = `${pdf.meta.pages} pages (${ctx.paper}${ctx.duplex ? ', duplex' : ''}), ${pdf.meta.passes} passes`;
            return { pages: pdf.meta.pages };
          });
          task.title = `PDF: ${ctx.basename}.pdf${summary ? `, ${summary}` : ', unchanged'}`;
        },
      },
      {
        title: 'Handouts',
        skip: () => !ctx.formats.includes('handouts'),
        task: async (_c, task) => {
          const view = await viewOf('print');
          const handouts = view.chapters.map((chapter) => {
            const handout = handoutView(view, chapter, ctx.book);
            const html = ctx.templates.render('handout.html.njk', { ...handout, print: true, pages: {}, blank: {} });
            const name = `${ctx.basename}-handout-${String(chapter.number).padStart(2, '0')}-${chapter.id}`;
            const meta = { ...ctx.book.meta, title: `${ctx.book.meta.title} — ${chapter.number}. ${chapter.title}` };
            return {
              chapter,
              html,
              name,
              meta,
              key: hashOf(code, html, ctx.templates.fingerprint, ctx.paper, ctx.booklet, meta as unknown as Hashable),
            };
          });
          let rendered = 0;
          let page: Page | undefined;
          const { confinedPage } = await chromium();
          const { renderPdf } = await import('../render/print/passes.js');
          const { imposeBooklet } = await import('../render/print/booklet.js');
          await output('handouts/', 'handouts', hashOf(ctx.basename, ...handouts.map((h) => h.key)), async (dir) => {
            await mkdir(dir, { recursive: true });
            const printDir = path.join(ctx.staging, '.handouts');
            await timed('handouts', async () => {
              try {
                for (const h of handouts) {
                  task.output = `${h.chapter.number}. ${h.chapter.title}`;
                  const pdf = await cache.bytes('handout', h.key, async () => {
                    rendered++;
                    if (!existsSync(printDir)) await copyAssets(ctx.templates, printDir, ['print.css']);
                    // One page for every handout: a new page per handout costs more than the print itself.
                    if (!page || page.isClosed() || page.browser() !== session.browser)
                      page = await printPage(printDir);
                    const made = await withBrowserRetry(session, `printing handout ${h.chapter.number}`, async () => {
                      if (page!.browser() !== session.browser) page = await confinedPage(session.browser!, printDir);
                      return renderPdf(
                        session.browser!,
                        path.join(printDir, 'handout.html'),
                        printDir,
                        () => h.html,
                        h.meta,
                        ctx.paper,
                        { exactPages: false, page },
                      );
                    });
                    const booklet = ctx.booklet
                      ? await imposeBooklet(made.bytes, ctx.paper, {
                          title: `${ctx.book.meta.title} — ${h.chapter.title}`,
                        })
                      : new Uint8Array();
                    // One entry holds the handout and its booklet: [length of the handout][handout][booklet].
                    return { bytes: concatBytes(made.bytes, booklet), meta: { handout: made.bytes.length } };
                  });
                  await writeFile(path.join(dir, `${h.name}.pdf`), pdf.bytes.subarray(0, pdf.meta.handout));
                  if (ctx.booklet)
                    await writeFile(path.join(dir, `${h.name}-booklet.pdf`), pdf.bytes.subarray(pdf.meta.handout));
                }
              } finally {
                // Closed on failure too: a session's browser outlives the build.
                await page?.close().catch(() => undefined);
              }
            });
            await rm(printDir, { recursive: true, force: true });
          });
          task.title = `Handouts: ${handouts.length} chapters in handouts/${ctx.booklet ? ', with booklets' : ''} (${rendered} printed)`;
        },
      },
      {
        title: 'Write outputs',
        task: async (_c, task) => {
          const moved = await timed('write', () => commit(ctx.staging, outDir, ctx.manifest, ctx.next));
          for (const m of moved) {
            cache.ran('write');
            const name = path.relative(outDir, m.path) + (m.path.endsWith(path.sep) ? '/' : '');
            ctx.files.push({ ...m, pages: ctx.next[name]?.pages });
          }
          ctx.files.sort((a, b) => a.path.localeCompare(b.path));
          const kept = ctx.files.length - moved.length;
          task.title = `Wrote ${moved.length} file${moved.length === 1 ? '' : 's'} to ${path.relative(process.cwd(), outDir) || '.'}${kept ? ` (${kept} unchanged)` : ''}`;
        },
      },
    ],
    // listr2's option types are keyed to one renderer; the renderer here is chosen at run time.
    {
      renderer,
      fallbackRenderer: 'simple',
      exitOnError: true,
      rendererOptions: { collapseErrors: false, showErrorMessage: false },
    } as never,
  );

  await mkdir(outDir, { recursive: true }).catch(() => undefined);
  let unlock: (() => Promise<void>) | undefined;
  try {
    // Inside the try: a build refused by the lock still closes a browser it was given.
    unlock = await lockOutput(outDir);
    await tasks.run(ctx);
  } finally {
    // A browser still starting is waited for, so that it is closed (or handed to the session) and not left behind.
    await launching?.catch(() => undefined);
    if (!options.session) {
      await session.browser?.close().catch(() => undefined);
      await rm(printFolder(outDir), { recursive: true, force: true }).catch(() => undefined);
    }
    if (ctx.staging) await rm(ctx.staging, { recursive: true, force: true });
    // The disk cache is written behind the build: a one-shot build waits for it (a failed one too: what
    // it read and merged is reused by the next), a session (watch) writes it after returning.
    const settled = cache.settle();
    if (!options.session) await settled;
    await unlock?.();
  }
  const recorded = options.release ? await recordEdition(contentDir, toBookJson(ctx.book)) : undefined;
  return {
    book: ctx.book,
    changelog: ctx.changelog,
    recorded,
    files: ctx.files,
    warnings: ctx.book.report.warnings,
    ms: Math.round(performance.now() - started),
    stages,
    counters: structuredClone(cache.counters),
    basename: ctx.basename,
  };
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Run a browser job; if Chromium crashes or hangs (a timeout), start it again and retry once, then give up
 * with one clear line.
 */
async function withBrowserRetry<T>(ctx: { browser?: Browser }, what: string, job: () => Promise<T>): Promise<T> {
  try {
    return await job();
  } catch (first) {
    if (first instanceof QuireError) throw first;
    await ctx.browser?.close().catch(() => undefined);
    const { launchBrowser } = await import('../render/print/chromium.js');
    ctx.browser = await launchBrowser();
    try {
      return await job();
    } catch (second) {
      if (second instanceof QuireError) throw second;
      throw new QuireError(`Chromium failed twice while ${what}: ${(second as Error).message.split('\n')[0]}`, {
        hint: 'check that Chromium runs (`chromium --headless --version`) or point QUIRE_CHROMIUM to another browser; --debug shows details',
        cause: second,
      });
    }
  }
}

const LOCK = '.quire-lock';
/**
 * The folder this process prints the PDF from (print HTML, fonts, CSS), beside the outputs; a session keeps
 * it between builds. Named by process, so that a session's folder is never another process's to delete.
 */
export const printFolder = (outDir: string) => path.join(outDir, `.quire-print-${process.pid}`);

/** Whether a process is still running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One build at a time per output folder: a lock file holding the builder's pid. A lock whose process is
 * gone (a killed build) is taken over, and that build's leftover staging folders are removed.
 */
async function lockOutput(outDir: string): Promise<() => Promise<void>> {
  const file = path.join(outDir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      for (const name of await readdir(outDir)) {
        // Leftovers of killed builds: staging folders, and print folders of processes that are gone.
        const printer = /^\.quire-print-(\d+)$/.exec(name);
        if (
          name.startsWith('.quire-staging-') ||
          (printer && Number(printer[1]) !== process.pid && !alive(Number(printer[1])))
        ) {
          await rm(path.join(outDir, name), { recursive: true, force: true });
        }
      }
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return async () => undefined; // unwritable: reported by the build
      const pid = Number(await readFile(file, 'utf8').catch(() => ''));
      let alive = false;
      try {
        if (pid > 0) process.kill(pid, 0);
        alive = pid > 0;
      } catch {
        alive = false;
      }
      if (alive && pid !== process.pid) {
        throw new QuireError(`another Quire build (process ${pid}) is writing to this output folder`, {
          file: outDir,
          hint: `wait for it to finish, or delete ${LOCK} there if no build is running`,
        });
      }
      await rm(file, { force: true });
    }
  }
  return async () => undefined;
}

/**
 * Move every staged file into the output folder (a rename each: whole files appear, never partial ones),
 * then record what the folder holds. The old manifest goes first, so that an interrupted commit never
 * leaves a manifest vouching for a file that was replaced.
 */
async function commit(staging: string, outDir: string, manifest: Manifest, next: Manifest): Promise<WrittenFile[]> {
  const written: WrittenFile[] = [];
  const names = (await readdir(staging)).filter((n) => !n.startsWith('.'));
  const same =
    names.length === 0 &&
    Object.keys(next).every((n) => manifest[n]?.key === next[n]!.key) &&
    Object.keys(next).length === Object.keys(manifest).length;
  if (same) return written;
  await rm(path.join(outDir, MANIFEST), { force: true });
  for (const name of await readdir(staging)) {
    if (name.startsWith('.')) continue;
    const from = path.join(staging, name);
    const to = path.join(outDir, name);
    const info = await stat(from);
    if (info.isDirectory()) {
      // Swap folders: move the old one aside, the new one in, then drop the old one.
      const old = path.join(staging, `.old-${name}`);
      await rename(to, old).catch(() => undefined);
      await rename(from, to);
      await rm(old, { recursive: true, force: true });
      written.push({ path: to + path.sep, bytes: await folderSize(to) });
      if (next[`${name}/`]) next[`${name}/`]!.bytes = written.at(-1)!.bytes;
    } else {
      await rename(from, to);
      written.push({ path: to, bytes: info.size });
      if (next[name]) next[name]!.bytes = info.size;
    }
  }
  // Outputs this build did not ask for stay as they were, and so do their entries.
  const kept = Object.fromEntries(Object.entries(manifest).filter(([n]) => !(n in next)));
  const temp = path.join(outDir, `${MANIFEST}.${process.pid}.tmp`);
  await writeFile(temp, `${JSON.stringify({ ...kept, ...next }, null, 1)}\n`);
  await rename(temp, path.join(outDir, MANIFEST));
  return written;
}

async function folderSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? await folderSize(full) : (await stat(full)).size;
  }
  return total;
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
