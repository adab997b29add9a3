/**
 * The writing half of a build: the writers asked for, each given the same context, then the commit that
 * moves their files into the output folder at once.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { StudyGuide } from '../model/index.js';
import type { Changelog } from '../editions/changelog.js';
import { WRITERS } from '../render/registry.js';
import { viewFor } from '../render/view/kinds.js';
import { viewWithMath } from '../render/view/blocks-hast.js';
import type { View } from '../render/view/index.js';
import { MEDIA, type ViewKind, type Writer, type WriteContext, type WriterEntry } from '../render/writer.js';
import { hashOf } from '../util/hash.js';
import { readInside } from '../util/confined.js';
import { slugify } from '../util/slug.js';
import { plural } from '../util/words.js';
import type { BuildRun, Settings } from './context.js';
import type { Step } from './progress.js';

/** What the last recorded edition says: its changelog and the keys of what shows it. */
export interface Edition {
  changelog?: Changelog;
  /** A hash of the "What changed" page's content ('' when there is none). */
  changesKey: string;
  /** A hash of the changelog the report shows ('' when there is none). */
  reportKey: string;
  /** The guide shows the changes ("What changed in this edition"): a release, or a rebuild of one. */
  inGuide: boolean;
}

export interface LoadedWriter {
  format: string;
  writer: Writer;
}

/** The writers of the formats asked for, in the registry's order (each module loaded only when asked for). */
export async function loadWriters(
  formats: readonly string[],
  registry: readonly WriterEntry[] = WRITERS,
): Promise<LoadedWriter[]> {
  const entries = registry.filter((w) => formats.includes(w.format));
  return Promise.all(entries.map(async (entry) => ({ format: entry.format, writer: await entry.load() })));
}

/** The steps a build with these writers shows, in order. */
export function planOf(writers: LoadedWriter[]): Step[] {
  return [
    { id: 'config', title: 'Load config' },
    { id: 'read', title: 'Read sources' },
    { id: 'merge', title: 'Merge' },
    { id: 'study', title: 'Study aids' },
    // Preparations (the EPUB's cover) run before the writers, so that their work overlaps the others'.
    ...writers.flatMap(({ format, writer }) =>
      writer.prepare ? [{ id: `${format}:prepare`, title: writer.prepare.title }] : [],
    ),
    ...writers.map(({ format, writer }) => ({ id: format, title: writer.title })),
    { id: 'write', title: 'Write outputs' },
  ];
}

function writeContext(run: BuildRun, settings: Settings, guide: StudyGuide, guideKey: string, edition: Edition) {
  const made = new Map<string, unknown>();
  const once = <T>(key: string, make: () => T): T => {
    if (!made.has(key)) made.set(key, make());
    return made.get(key) as T;
  };
  const changes = edition.inGuide ? edition.changelog : undefined;
  const { contentDir } = run.options;
  const asset = (file: string) =>
    once(`asset:${file}`, () => readInside(contentDir, path.join(contentDir, file), 'image'));
  const imagesFor = (kind: ViewKind) => imageAddresses(guide, kind, asset, contentDir);
  const ctx: WriteContext = {
    guide,
    guideKey,
    code: run.code,
    basename: settings.config.output.basename ?? basenameOf(guide.meta.title),
    paper: settings.paper,
    duplex: settings.duplex,
    booklet: settings.booklet,
    chapters: settings.chapters,
    embedResources: settings.embedResources,
    changelog: edition.changelog,
    changesKey: edition.changesKey,
    reportKey: edition.reportKey,
    templates: settings.templates,
    cache: run.cache,
    output: run.folder,
    browsers: run.browsers,
    // Views are cheap to remake but shared between formats in a build and between builds in a session.
    view: (kind: ViewKind): Promise<View> =>
      once(`view:${kind}`, () =>
        run.cache.json(
          'view',
          hashOf(run.code, guideKey, kind, settings.paper, edition.changesKey),
          async () => {
            const images = await imagesFor(kind);
            return viewWithMath(() => viewFor(guide, kind, settings.paper, changes, images));
          },
          { disk: false },
        ),
      ),
    asset,
    once,
    timed: run.timed,
    figure: (name, value) => (run.figures[name] = value),
    status: () => undefined,
  };
  return ctx;
}

/**
 * Where the book's images are found from an output: the web page's `media/` folder beside it; for the
 * EPUB, the content folder's file (epub-gen-memory packs what a file: address names; the image was checked
 * to be inside the folder when it was read); inside the print, its bytes. Set after sanitizing: these
 * addresses are Quire's, not the source's.
 */
async function imageAddresses(
  guide: StudyGuide,
  kind: ViewKind,
  bytes: (file: string) => Promise<Uint8Array>,
  contentDir: string,
): Promise<Map<string, string> | undefined> {
  const assets = guide.assets ?? [];
  if (!assets.length) return undefined;
  if (kind === 'html') return new Map(assets.map((a) => [a.path, encodeURI(`${MEDIA}${a.path}`)]));
  if (kind === 'epub')
    return new Map(assets.map((a) => [a.path, pathToFileURL(path.resolve(contentDir, ...a.path.split('/'))).href]));
  return new Map(
    await Promise.all(
      assets.map(
        async (a) => [a.path, `data:${a.type};base64,${Buffer.from(await bytes(a.path)).toString('base64')}`] as const,
      ),
    ),
  );
}

export async function writeGuide(
  run: BuildRun,
  settings: Settings,
  guide: StudyGuide,
  guideKey: string,
  edition: Edition,
): Promise<{ guide: StudyGuide; edition: Edition; basename: string }> {
  const ctx = writeContext(run, settings, guide, guideKey, edition);
  // Made before any writer runs: a killed build leaves it, and the next build removes it (see OutputFolder.lock).
  await run.folder.stagingDir();
  const writers = settings.writers;
  for (const { format, writer } of writers) {
    if (!writer.prepare) continue;
    const outcome = await writer.prepare.run({ ...ctx, status: (t) => run.progress.update(`${format}:prepare`, t) });
    if ('skipped' in outcome) run.progress.skip(`${format}:prepare`, outcome.skipped);
    else run.progress.done(`${format}:prepare`, outcome.done);
  }
  for (const { format, writer } of writers) await runWriter(run, ctx, format, writer);
  await run.step({ id: 'write', title: 'Write outputs' }, async () => {
    const moved = await run.timed('write', () => run.folder.commit());
    const kept = run.folder.files.length - moved.length;
    const where = path.relative(process.cwd(), run.folder.dir) || '.';
    const unchanged = kept ? ` (${kept} unchanged)` : '';
    const gone = run.folder.removed.map((f) => path.basename(f));
    const removed = gone.length ? `; removed ${gone.join(', ')} (no longer made)` : '';
    return `Wrote ${plural(moved.length, 'file')} to ${where}${unchanged}${removed}`;
  });
  return { guide, edition, basename: ctx.basename };
}

async function runWriter(run: BuildRun, ctx: WriteContext, format: string, writer: Writer): Promise<void> {
  await run.step({ id: format, title: writer.title }, () =>
    writer.write({ ...ctx, status: (text) => run.progress.update(format, text) }),
  );
}

/** The outputs' name from the title: a slug short enough for any file system (a title may be a paragraph). */
export function basenameOf(title: string): string {
  return slugify(title).slice(0, 100).replace(/-+$/, '');
}
