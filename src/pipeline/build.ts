/**
 * The build: content folder → outputs, as plain async code (Vivliostyle CLI's core/build.ts is the model).
 *
 *   config → read (parse each source) → merge → study aids → editions → writers → commit
 *
 * The stages between the reading and the writing are pure (stages.ts, run through the cache by runStage);
 * the I/O is here, in the readers' content-folder edge and in the output folder. Outputs are written into a
 * staging folder and renamed into place only when every format has been produced, so a failed build leaves
 * the previous edition untouched.
 */
import path from 'node:path';
import type { Source, StudyGuide } from '../model/index.js';
import { loadConfig } from '../config/load.js';
import { assertSeparateFolders, readSources, type SourceParser } from '../sources/index.js';
import { assertNotRecorded, recordEdition } from '../editions/store.js';
import type { Changelog } from '../editions/changelog.js';
import { toBookJson } from '../model/book-json.js';
import { printsFromScratch } from '../render/registry.js';
import { QuireError } from '../util/errors.js';
import { decodeUtf8, entryExists, readInside } from '../util/confined.js';
import { runStage, type StageResult } from './stage.js';
import { bookMeta, mergeStage, parseStage, studyStage } from './stages.js';
import { compareEditions, editionDay } from './editions.js';
import { BuildRun, resolveSettings, type BuildOptions, type Settings } from './context.js';
import { planOf, writeGuide, type Edition } from './write.js';
import type { StageCount } from './cache.js';
import type { WrittenFile } from './output-folder.js';
import { textCounters } from './remembered.js';

export type { BuildOptions, BuildSession } from './context.js';
export type { WrittenFile } from './output-folder.js';
export { FORMATS, DEFAULT_FORMATS, type Format } from '../render/registry.js';
export { bookMeta } from './stages.js';

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
  /**
   * Per stage: how many times its work was done, and how many times a cached result was used; per table of
   * text work remembered per text (`text:sentences`, `text:entities`, …): results computed and looked up.
   */
  counters: Record<string, StageCount>;
  /** Name of the guide's files without extension (guide.html, guide.pdf, guide.epub). */
  basename: string;
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const run = new BuildRun(options);
  let made: { guide: StudyGuide; edition: Edition; basename: string };
  try {
    // Inside the try: a build refused by the lock still closes a browser it was given.
    await assertSeparateFolders(options.contentDir, options.outDir);
    await run.folder.lock();
    await run.folder.claim(options.contentDir);
    const settings = await configure(run);
    const { output: guide, key } = await studyGuide(run, settings);
    made = await writeGuide(run, settings, guide, key, await compareEditions(run, guide, key));
  } catch (error) {
    await run.close(error);
    throw error;
  }
  await run.close();
  const recorded = options.release ? await recordEdition(options.contentDir, toBookJson(made.guide)) : undefined;
  return {
    book: made.guide,
    changelog: made.edition.changelog,
    recorded,
    files: run.folder.files,
    warnings: made.guide.report.warnings,
    ms: Math.round(performance.now() - run.started),
    stages: run.figures,
    counters: { ...structuredClone(run.cache.counters), ...textCounters() },
    basename: made.basename,
  };
}

/** Load the config, resolve the settings, check the output folder; start Chromium if this build prints anew. */
async function configure(run: BuildRun): Promise<Settings> {
  const loaded = await run.timed('config', () => loadConfig(run.options.contentDir));
  const settings = { ...(await resolveSettings(run.options, loaded.config, run.session)), file: loaded.file };
  run.progress.plan(planOf(settings.writers));
  await run.folder.ensureWritable();
  if (run.options.release) assertNotRecorded(run.options.contentDir, loaded.config.edition.number);
  const manifest = await run.folder.readManifest();
  const made = run.options.cacheDir === false ? [] : Object.keys(manifest);
  if (printsFromScratch(made, settings.formats, settings.registry)) run.browsers.warm();
  const formats = settings.formats.join(', ');
  run.progress.done('config', `Config: ${loaded.file ?? 'none (defaults)'}; formats ${formats}; ${settings.paper}`);
  return settings;
}

/** Read and parse every source (each parse cached by its file's bytes), merge them, add the study aids. */
async function studyGuide(run: BuildRun, settings: Settings): Promise<StageResult<StudyGuide>> {
  const { contentDir } = run.options;
  const keys = new Map<string, string>();
  const parse: SourceParser = async (text, entry, bytes) => {
    const options = { infobox: settings.config.infobox };
    const parsed = await runStage(parseStage, { text, entry, bytes, options }, run);
    keys.set(entry.file, parsed.key);
    return parsed.output;
  };
  let sources: Source[] = [];
  await run.step({ id: 'read', title: 'Read sources' }, async () => {
    sources = await readSources(contentDir, settings.config, parse, {
      outDir: run.folder.dir,
      configFile: settings.file,
    });
    const reused = run.cache.counters.read?.reused ?? 0;
    const list = sources.map((s) => `${s.info.file} (${s.info.format})`).join(', ');
    const unchanged = reused ? ` (${reused} unchanged)` : '';
    return `Read ${sources.length} source${sources.length === 1 ? '' : 's'}${unchanged}: ${list}`;
  });
  const today = await editionDay(run, settings.config);
  const meta = bookMeta(settings.config, sources, path.basename(path.resolve(contentDir)), today);
  const sourceKeys = sources.map((s) => keys.get(s.info.file)!);
  const merged = await runStage(mergeStage, { sources, sourceKeys, meta, config: settings.config }, run);
  const book = merged.output;
  if (book.chapters.length === 0) {
    throw new QuireError('no text to build: the sources hold only headings, lists of links or fragments', {
      file: contentDir,
      hint: 'add paragraphs to a source (see "Adding a source" in README.md)',
    });
  }
  const overrides = await readOverrides(contentDir);
  const studied = await runStage(studyStage, { book, bookKey: merged.key, overrides }, run);
  return studied;
}

/** The editor's overrides file of the content folder, if there is one. */
async function readOverrides(contentDir: string): Promise<{ text: string; file: string } | undefined> {
  for (const file of ['overrides.yaml', 'overrides.yml'].map((n) => path.join(contentDir, n))) {
    if (await entryExists(file))
      return { text: decodeUtf8(await readInside(contentDir, file, 'overrides file'), file), file };
  }
  return undefined;
}
