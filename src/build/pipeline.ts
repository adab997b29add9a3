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
import type { Browser } from 'puppeteer';
import type { Book, BookMeta, Source } from '../model.js';
import type { QuireConfig } from '../config/schema.js';
import { loadConfig, parseYaml } from '../config/load.js';
import { addStudyAids } from '../study/index.js';
import { OverridesSchema, type Overrides } from '../study/overrides.js';
import { readSources } from '../sources/index.js';
import { mergeSources } from '../merge/index.js';
import { buildView, type View } from '../render/view.js';
import { DEFAULT_TEMPLATES, TemplateSet } from '../render/templates.js';
import { fontBundle } from '../render/fonts.js';
import { hyphenatorFor } from '../render/hyphenate.js';
import { launchBrowser, renderCover } from '../render/chromium.js';
import { renderPdf } from '../render/pdf.js';
import { imposeBooklet } from '../render/booklet.js';
import { handoutView, partIds, blanksBefore } from '../render/handout.js';
import { renderEpub } from '../render/epub.js';
import { bookJsonSchema, renderBookJson, toBookJson } from '../render/json.js';
import { changelog, type Changelog } from '../editions/changelog.js';
import { assertNotRecorded, lastEdition, recordEdition } from '../editions/store.js';
import { reportView } from '../render/report.js';
import { QuireError } from '../errors.js';
import { slugify } from '../sources/text.js';

export const FORMATS = ['html', 'pdf', 'epub', 'json', 'report', 'handouts'] as const;
/** Formats built when neither the command line nor the config names any: all but the handouts. */
export const DEFAULT_FORMATS: Format[] = ['html', 'pdf', 'epub', 'json', 'report'];
export type Format = (typeof FORMATS)[number];

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
}

export interface WrittenFile {
  path: string;
  bytes: number;
  pages?: number;
}

export interface BuildResult {
  book: Book;
  /** What changed since the last recorded edition, when there is one. */
  changelog?: Changelog;
  /** The snapshot written by a release. */
  recorded?: string;
  files: WrittenFile[];
  warnings: Book['report']['warnings'];
  ms: number;
  /** Milliseconds per stage, for `npm run bench`. */
  stages: Record<string, number>;
}

/** Pure: the book's metadata from the config, falling back to what the sources say. */
export function bookMeta(config: QuireConfig, sources: Source[], fallbackTitle: string, today: string): BookMeta {
  const byPriority = [...sources].sort((a, b) => b.info.priority - a.info.priority);
  const title = config.title ?? byPriority.find((s) => s.info.title)?.info.title ?? fallbackTitle;
  const revisions = sources.filter((s) => s.info.revision).map((s) => `revision ${s.info.revision!.revisionId} of “${s.info.revision!.title}” (${s.info.revision!.timestamp.slice(0, 10)})`);
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

/** The editor's overrides file, if the content folder has one. */
async function loadOverrides(contentDir: string): Promise<{ data: Overrides; file: string } | undefined> {
  const file = ['overrides.yaml', 'overrides.yml'].map((n) => path.join(contentDir, n)).find((f) => existsSync(f));
  if (!file) return undefined;
  const data = parseYaml(await readFile(file, 'utf8'), file, OverridesSchema, { what: 'overrides', hint: 'see "Overrides" in README.md' });
  return { data, file };
}

async function ensureWritable(outDir: string): Promise<void> {
  try {
    await mkdir(outDir, { recursive: true });
    await access(outDir, constants.W_OK);
  } catch {
    throw new QuireError('output folder is not writable', { file: outDir, hint: 'choose another folder with --out or fix its permissions' });
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
      stages[name] = Math.round((performance.now() - t) * 10) / 10;
    }
  };
  const contentDir = options.contentDir;
  const outDir = path.resolve(options.outDir);

  interface Ctx {
    config: QuireConfig;
    formats: Format[];
    paper: 'A4' | 'Letter';
    templates: TemplateSet;
    sources: Source[];
    book: Book;
    view: View;
    staging: string;
    basename: string;
    files: WrittenFile[];
    browser?: Browser;
    changelog?: Changelog;
  }
  const ctx = { files: [] as WrittenFile[] } as Ctx;
  /** A release shows what changed since the last recorded edition in the guide itself. */
  const releaseChanges = () => (options.release ? ctx.changelog : undefined);
  /** The print view (hyphenated), built once for the PDF and the handouts. */
  let printView: View | undefined;
  const printViewOf = () => (printView ??= buildView(ctx.book, { paper: ctx.paper, assets: '', hyphenate: hyphenatorFor(ctx.book.meta.language), changes: releaseChanges() }));
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
          const templatesDir = loaded.config.templates ? path.resolve(contentDir, loaded.config.templates) : DEFAULT_TEMPLATES;
          ctx.templates = new TemplateSet(templatesDir);
          task.title = `Config: ${loaded.file ?? 'none (defaults)'}; formats ${ctx.formats.join(', ')}; ${ctx.paper}`;
          await ensureWritable(outDir);
          if (options.release) assertNotRecorded(contentDir, loaded.config.edition.number);
        },
      },
      {
        title: 'Read sources',
        task: async (_c, task) => {
          ctx.sources = await timed('read', () => readSources(contentDir, ctx.config));
          task.title = `Read ${ctx.sources.length} source${ctx.sources.length === 1 ? '' : 's'}: ${ctx.sources.map((s) => `${s.info.file} (${s.info.format})`).join(', ')}`;
        },
      },
      {
        title: 'Merge',
        task: async (_c, task) => {
          const meta = bookMeta(ctx.config, ctx.sources, path.basename(path.resolve(contentDir)), (options.today ?? todayUtc)());
          ctx.book = await timed('merge', () => prepareBook(ctx.sources, meta, ctx.config));
          if (ctx.book.chapters.length === 0) {
            throw new QuireError('no text to build: the sources hold only headings, lists of links or fragments', {
              file: contentDir,
              hint: 'add paragraphs to a source (see "Adding a source" in README.md)',
            });
          }
          const sections = ctx.book.chapters.reduce((n, c) => n + c.sections.length, 0);
          const blocks = ctx.book.chapters.reduce((n, c) => n + c.sections.reduce((m, s) => m + s.blocks.length, 0), 0);
          task.title = `Merged: ${ctx.book.chapters.length} chapters, ${sections} sections, ${blocks} blocks, ${ctx.book.citations.length} notes, ${ctx.book.report.duplicates.length} duplicates folded`;
        },
      },
      {
        title: 'Study aids',
        task: async (_c, task) => {
          const overrides = await loadOverrides(contentDir);
          ctx.book = await timed('study', () => addStudyAids(ctx.book, overrides));
          const g = ctx.book.glossaries;
          task.title = `Study aids: ${g.ambassadors.length} ambassadors, ${g.treaties.length} treaties, ${g.timeline.length} dates, ${ctx.book.questions.length} questions, ${ctx.book.index.length} index entries${overrides ? ' (with overrides)' : ''}`;
          ctx.basename = ctx.config.output.basename ?? slugify(ctx.book.meta.title);
          const previous = await lastEdition(contentDir, options.release ? ctx.book.meta.edition.number : undefined);
          if (previous) ctx.changelog = await timed('changelog', () => changelog(previous, toBookJson(ctx.book)));
          ctx.view = buildView(ctx.book, { paper: ctx.paper, assets: 'assets/', changes: releaseChanges() });
          await mkdir(outDir, { recursive: true });
          ctx.staging = await mkdtemp(path.join(outDir, '.quire-staging-'));
        },
      },
      {
        title: 'HTML',
        skip: () => !ctx.formats.includes('html'),
        task: async (_c, task) => {
          await timed('html', async () => {
            const html = ctx.templates.render('guide.html.njk', ctx.view);
            await copyAssets(ctx.templates, path.join(ctx.staging, 'assets'), ['screen.css']);
            await writeFile(path.join(ctx.staging, `${ctx.basename}.html`), html);
          });
          task.title = `HTML: ${ctx.basename}.html`;
        },
      },
      {
        title: 'PDF',
        skip: () => !ctx.formats.includes('pdf'),
        task: async (_c, task) => {
          const printDir = path.join(ctx.staging, '.print');
          const htmlFile = path.join(printDir, 'print.html');
          await timed('pdf-assets', () => copyAssets(ctx.templates, printDir, ['print.css']));
          // Render the template once up front, so a template error stops the build before Chromium starts.
          const printView = printViewOf();
          const duplex = options.duplex ?? ctx.config.output.duplex;
          // Duplex: measured once without blank pages, then a blank page before each part that would start on
          // a left-hand (even) page — Chromium has no `break-before: right`.
          let measured: Record<string, number> | undefined;
          const printHtml = (pages: Record<string, number>) => {
            if (duplex && !measured && Object.keys(pages).length) measured = pages;
            const blank = duplex && measured ? blanksBefore(partIds(printView), measured) : {};
            return ctx.templates.render('print.html.njk', { ...printView, print: true, pages, blank });
          };
          printHtml({});
          task.output = 'starting Chromium';
          ctx.browser = await timed('browser', () => launchBrowser());
          task.output = 'rendering (page numbers in two passes)';
          const pdf = await timed('pdf', () => withBrowserRetry(ctx, 'printing the PDF', () => renderPdf(ctx.browser!, htmlFile, printDir, printHtml, ctx.book.meta, ctx.paper)));
          stages['pdf-passes'] = pdf.passes;
          await writeFile(path.join(ctx.staging, `${ctx.basename}.pdf`), pdf.bytes);
          ctx.files.push({ path: path.join(outDir, `${ctx.basename}.pdf`), bytes: pdf.bytes.length, pages: pdf.pages });
          await rm(printDir, { recursive: true, force: true });
          task.title = `PDF: ${ctx.basename}.pdf, ${pdf.pages} pages (${ctx.paper}${duplex ? ', duplex' : ''}), ${pdf.passes} passes`;
        },
      },
      {
        title: 'Handouts',
        skip: () => !ctx.formats.includes('handouts'),
        task: async (_c, task) => {
          const dir = path.join(ctx.staging, 'handouts');
          const printDir = path.join(ctx.staging, '.handouts');
          await mkdir(dir, { recursive: true });
          await copyAssets(ctx.templates, printDir, ['print.css']);
          ctx.browser ??= await timed('browser', () => launchBrowser());
          const view = printViewOf();
          const booklet = options.booklet ?? ctx.config.output.booklet;
          let count = 0;
          await timed('handouts', async () => {
            for (const chapter of view.chapters) {
              task.output = `${chapter.number}. ${chapter.title}`;
              const handout = handoutView(view, chapter, ctx.book);
              const name = `${ctx.basename}-handout-${String(chapter.number).padStart(2, '0')}-${chapter.id}`;
              const html = () => ctx.templates.render('handout.html.njk', { ...handout, print: true, pages: {}, blank: {} });
              const pdf = await withBrowserRetry(ctx, `printing handout ${chapter.number}`, () =>
                renderPdf(ctx.browser!, path.join(printDir, 'handout.html'), printDir, html, { ...ctx.book.meta, title: `${ctx.book.meta.title} — ${chapter.number}. ${chapter.title}` }, ctx.paper, { exactPages: false }),
              );
              await writeFile(path.join(dir, `${name}.pdf`), pdf.bytes);
              if (booklet) await writeFile(path.join(dir, `${name}-booklet.pdf`), await imposeBooklet(pdf.bytes, ctx.paper, { title: `${ctx.book.meta.title} — ${chapter.title}` }));
              count++;
            }
          });
          await rm(printDir, { recursive: true, force: true });
          task.title = `Handouts: ${count} chapters in handouts/${booklet ? ', with booklets' : ''}`;
        },
      },
      {
        title: 'EPUB',
        skip: () => !ctx.formats.includes('epub'),
        task: async (_c, task) => {
          const view = buildView(ctx.book, { paper: ctx.paper, assets: '', target: 'epub', changes: releaseChanges() });
          // The cover image needs Chromium; without one the EPUB is still built, without a cover.
          let cover: Uint8Array | undefined;
          try {
            ctx.browser ??= await timed('browser', () => launchBrowser());
            const dir = path.join(ctx.staging, '.cover');
            await copyAssets(ctx.templates, dir, []);
            cover = await timed('cover', () => renderCover(ctx.browser!, dir, ctx.templates.render('cover.html.njk', view)));
          } catch (error) {
            if (!(error instanceof QuireError)) throw error;
            ctx.book.report.warnings.push({ file: '', message: `EPUB built without a cover image: ${error.oneLine()}` });
          }
          const bytes = await timed('epub', () => renderEpub(view, ctx.templates, cover));
          await writeFile(path.join(ctx.staging, `${ctx.basename}.epub`), bytes);
          task.title = `EPUB: ${ctx.basename}.epub, ${ctx.view.chapters.length} chapters`;
        },
      },
      {
        title: 'book.json',
        skip: () => !ctx.formats.includes('json'),
        task: async () => {
          await timed('json', async () => {
            await writeFile(path.join(ctx.staging, 'book.json'), renderBookJson(ctx.book));
            await writeFile(path.join(ctx.staging, 'book.schema.json'), bookJsonSchema());
          });
        },
      },
      {
        title: 'Editor’s report',
        skip: () => !ctx.formats.includes('report'),
        task: async (_c, task) => {
          await timed('report', async () => {
            await writeFile(path.join(ctx.staging, 'report.html'), ctx.templates.render('report.html.njk', { ...reportView(ctx.book), changelog: ctx.changelog ?? null }));
            if (ctx.changelog) await writeFile(path.join(ctx.staging, 'changelog.json'), `${JSON.stringify(ctx.changelog, null, 2)}\n`);
          });
          const r = ctx.book.report;
          task.title = `Report: report.html (${r.conflicts.length} conflicts, ${r.duplicates.length} duplicates, ${r.omitted.length} omitted, ${r.unattachedCitations.length} unattached notes)`;
        },
      },
      {
        title: 'Write outputs',
        task: async (_c, task) => {
          const moved = await timed('write', () => commit(ctx.staging, outDir));
          ctx.files = moved.map((m) => ({ ...m, pages: ctx.files.find((f) => f.path === m.path)?.pages }));
          task.title = `Wrote ${moved.length} files to ${path.relative(process.cwd(), outDir) || '.'}`;
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
  const unlock = await lockOutput(outDir);
  try {
    await tasks.run(ctx);
  } finally {
    await ctx.browser?.close().catch(() => undefined);
    if (ctx.staging) await rm(ctx.staging, { recursive: true, force: true });
    await unlock();
  }
  const recorded = options.release ? await recordEdition(contentDir, toBookJson(ctx.book)) : undefined;
  return { book: ctx.book, changelog: ctx.changelog, recorded, files: ctx.files, warnings: ctx.book.report.warnings, ms: Math.round(performance.now() - started), stages };
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
 * One build at a time per output folder: a lock file holding the builder's pid. A lock whose process is
 * gone (a killed build) is taken over, and that build's leftover staging folders are removed.
 */
async function lockOutput(outDir: string): Promise<() => Promise<void>> {
  const file = path.join(outDir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      for (const name of await readdir(outDir)) if (name.startsWith('.quire-staging-')) await rm(path.join(outDir, name), { recursive: true, force: true });
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

/** Move every staged file into the output folder (a rename each: whole files appear, never partial ones). */
async function commit(staging: string, outDir: string): Promise<WrittenFile[]> {
  const written: WrittenFile[] = [];
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
    } else {
      await rename(from, to);
      written.push({ path: to, bytes: info.size });
    }
  }
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
