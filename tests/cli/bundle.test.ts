/**
 * The shipped command is a bundle (scripts/bundle.mjs): it must run every command as the sources do, and a
 * command must load only what it runs — the heavy libraries (puppeteer, wikiparser-node, satori, resvg,
 * the EPUB packer, the NLP library, the maths typesetter) only when a build gets to them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FIXTURES, ROOT } from '../support/content.js';
import { pdfText } from '../support/inspect.js';
import { makeCourse } from '../course/guides.js';

interface Meta {
  outputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[]; inputs: object }>;
}

/** Libraries no command may load before it needs them. */
const HEAVY = /node_modules\/(puppeteer|wikiparser-node|satori|@resvg|epub-gen-memory|compromise|temml|pdf-lib)\//;

// Inside Quire's folder (the command finds its package.json by walking up), removed afterwards.
const dir = path.join(ROOT, 'dist', `.bundle-test-${process.pid}`);
const quire = path.join(dir, 'quire.js');
const scratch = mkdtempSync(path.join(tmpdir(), 'quire-bundle-'));

/** Run the bundled command; `loaded`: also record every module it imports (through a resolve hook). */
function run(args: string[], loaded?: string) {
  const hooks = path.join(scratch, 'hooks.mjs');
  writeFileSync(
    hooks,
    "import { appendFileSync } from 'node:fs';\n" +
      'export async function resolve(specifier, context, next) {\n' +
      '  const found = await next(specifier, context);\n' +
      "  appendFileSync(process.env.QUIRE_LOADED, found.url + '\\n');\n" +
      '  return found;\n}\n',
  );
  const url = JSON.stringify(pathToFileURL(hooks).href);
  const register = `data:text/javascript,import{register}from'node:module';register(${url})`;
  return spawnSync(process.execPath, [...(loaded ? ['--import', register] : []), quire, ...args], {
    cwd: scratch,
    encoding: 'utf8',
    env: { ...process.env, QUIRE_LOADED: loaded ?? '' },
  });
}

const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);

describe('the bundled quire command', () => {
  let meta: Meta;
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/bundle.mjs'), dir, '--meta'], { stdio: 'pipe' });
    meta = JSON.parse(readFileSync(path.join(dir, 'meta.json'), 'utf8')) as Meta;
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });

  it('loads at start only the entry and its own chunks: no library from node_modules, none of the heavy ones', () => {
    // The static import closure of the entry, from the bundle's metafile.
    const entry = Object.keys(meta.outputs).find((o) => o.endsWith('/quire.js'))!;
    const seen = new Set([entry]);
    for (const file of seen)
      for (const i of meta.outputs[file]!.imports) if (i.kind === 'import-statement' && !i.external) seen.add(i.path);
    const inputs = [...seen].flatMap((o) => Object.keys(meta.outputs[o]!.inputs));
    expect(inputs.filter((i) => HEAVY.test(i))).toEqual([]);
    const externals = [...seen].flatMap((o) =>
      meta.outputs[o]!.imports.filter((i) => i.external && !/^node:/.test(i.path)),
    );
    expect(externals).toEqual([]);
    // And at run time: `quire --version` imports nothing from node_modules.
    const loaded = path.join(scratch, 'version.txt');
    writeFileSync(loaded, '');
    const version = run(['--version'], loaded);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    expect(lines(loaded).filter((u) => u.includes('/node_modules/'))).toEqual([]);
  });

  it('builds HTML without loading Chromium, the EPUB or the cover libraries', () => {
    const course = makeCourse();
    const loaded = path.join(scratch, 'html.txt');
    writeFileSync(loaded, '');
    const out = path.join(scratch, 'html');
    const built = run(['build', '--content', path.join(course, 'canal'), '--out', out, '--formats', 'html'], loaded);
    expect(built.status, built.stderr).toBe(0);
    expect(readFileSync(path.join(out, 'the-grand-meridian-canal.html'), 'utf8')).toContain('Brandvold');
    // Neither from node_modules nor from the bundle's chunks (what went into each chunk: the metafile).
    const printing = /node_modules\/(puppeteer|satori|@resvg|epub-gen-memory|pdf-lib)\//;
    expect(lines(loaded).filter((u) => printing.test(u))).toEqual([]);
    const chunks = lines(loaded)
      .filter((u) => u.startsWith(pathToFileURL(dir).href))
      .map((u) => path.relative(ROOT, fileURLToPath(u)).split(path.sep).join('/'));
    expect(chunks.length).toBeGreaterThan(5);
    const inputs = chunks.flatMap((c) => Object.keys(meta.outputs[c]!.inputs));
    expect(inputs.filter((i) => printing.test(i))).toEqual([]);
    expect(inputs.some((i) => i.includes('src/render/html.ts'))).toBe(true);
    // The wikitext reader's library is loaded: the guide's source is wikitext.
    expect(lines(loaded).some((u) => u.includes('/node_modules/wikiparser-node/'))).toBe(true);
    // A guide without maths loads neither the typesetter nor the parser of its MathML.
    const maths = /node_modules\/(temml|hast-util-from-html|parse5)\//;
    expect(inputs.filter((i) => maths.test(i))).toEqual([]);
    rmSync(course, { recursive: true, force: true });
  });

  it('typesets maths when a guide has some: the same page and book as the sources make', async () => {
    const loaded = path.join(scratch, 'maths.txt');
    writeFileSync(loaded, '');
    const out = path.join(scratch, 'maths');
    const args = ['build', '--content', path.join(FIXTURES, 'rich'), '--out', out, '--formats', 'html,json'];
    const built = run([...args, '--no-cache', '--progress', 'silent'], loaded);
    expect(built.status, built.stderr).toBe(0);
    const inputs = lines(loaded)
      .filter((u) => u.startsWith(pathToFileURL(dir).href))
      .flatMap((u) =>
        Object.keys(meta.outputs[path.relative(ROOT, fileURLToPath(u)).split(path.sep).join('/')]!.inputs),
      );
    expect(inputs.some((i) => i.includes('node_modules/temml/'))).toBe(true);
    // `--progress silent` shows nothing, so it loads no display either.
    expect(inputs.filter((i) => i.includes('node_modules/listr2/'))).toEqual([]);
    const fromSources = path.join(scratch, 'maths-sources');
    const { build } = await import('../../src/pipeline/build.js');
    await build({
      contentDir: path.join(FIXTURES, 'rich'),
      outDir: fromSources,
      formats: ['html', 'json'],
      cacheDir: false,
      progress: 'silent',
    });
    const page = readFileSync(path.join(out, 'the-lighthouse-keepers.html'), 'utf8');
    expect(page).toContain('<math');
    expect(page).toBe(readFileSync(path.join(fromSources, 'the-lighthouse-keepers.html'), 'utf8'));
    expect(readFileSync(path.join(out, 'book.json'), 'utf8')).toBe(
      readFileSync(path.join(fromSources, 'book.json'), 'utf8'),
    );
  });

  it('draws the EPUB cover on a thread of its own: the EPUB the sources make, a bad template its error', async () => {
    const loaded = path.join(scratch, 'cover.txt');
    writeFileSync(loaded, '');
    const out = path.join(scratch, 'cover');
    const content = path.join(FIXTURES, 'canal');
    const built = run(['build', '--content', content, '--out', out, '--formats', 'epub', '--no-cache'], loaded);
    expect(built.status, built.stderr).toBe(0);
    // The worker is an entry of the bundle; the main thread loads neither satori nor resvg.
    expect(Object.keys(meta.outputs).some((o) => o.endsWith('/cover-worker.js'))).toBe(true);
    expect(lines(loaded).filter((u) => /node_modules\/(satori|@resvg)\//.test(u))).toEqual([]);
    const fromSources = path.join(scratch, 'cover-sources');
    const { build } = await import('../../src/pipeline/build.js');
    await build({ contentDir: content, outDir: fromSources, formats: ['epub'], cacheDir: false, progress: 'silent' });
    const epub = (dir: string) => readdirSync(dir).find((f) => f.endsWith('.epub'))!;
    expect(readFileSync(path.join(out, epub(out)))).toEqual(readFileSync(path.join(fromSources, epub(fromSources))));
    // A cover template the drawing refuses: the error the sources give, from the worker.
    const bad = mkdtempSync(path.join(tmpdir(), 'quire-bad-cover-'));
    cpSync(content, bad, { recursive: true });
    cpSync(path.join(ROOT, 'templates'), path.join(bad, 'tpl'), { recursive: true });
    writeFileSync(
      path.join(bad, 'tpl', 'cover.html.liquid'),
      '<div style="display: flex"><img src="https://x.test/a.png"></div>',
    );
    writeFileSync(path.join(bad, 'quire.yaml'), 'templates: tpl\n');
    const failed = run(['build', '--content', bad, '--out', path.join(scratch, 'bad-cover'), '--formats', 'epub']);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(
      /cover\.html\.liquid: the cover template refers to "https:\/\/x\.test\/a\.png", which would/,
    );
    rmSync(bad, { recursive: true, force: true });
  });

  it("tags English with compromise's model expanded when bundled: the same book as the sources", async () => {
    // The bundle holds the expanded lexicon as data, not the code that expands it (scripts/bundle.mjs).
    const inputs = Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs));
    expect(inputs.some((i) => i.includes('node_modules/compromise/src/2-two/preTagger/model/index.js'))).toBe(true);
    expect(inputs.filter((i) => /compromise\/src\/2-two\/preTagger\/model\/(_expand|lexicon)\//.test(i))).toEqual([]);
    const out = path.join(scratch, 'english');
    const args = ['build', '--content', path.join(FIXTURES, 'canal'), '--out', out, '--formats', 'json', '--no-cache'];
    const built = run(args);
    expect(built.status, built.stderr).toBe(0);
    const fromSources = path.join(scratch, 'english-sources');
    const { build } = await import('../../src/pipeline/build.js');
    await build({
      contentDir: path.join(FIXTURES, 'canal'),
      outDir: fromSources,
      formats: ['json'],
      cacheDir: false,
      progress: 'silent',
    });
    const book = readFileSync(path.join(out, 'book.json'), 'utf8');
    const guide = JSON.parse(book) as { language: string; index: unknown[] };
    expect(guide.language.startsWith('en')).toBe(true);
    expect(guide.index.length).toBeGreaterThan(0);
    expect(book).toBe(readFileSync(path.join(fromSources, 'book.json'), 'utf8'));
  });

  it('builds a guide in another language without loading compromise, with the same book as the sources', async () => {
    const loaded = path.join(scratch, 'german.txt');
    writeFileSync(loaded, '');
    const out = path.join(scratch, 'german');
    const args = ['build', '--content', path.join(FIXTURES, 'german'), '--out', out, '--formats', 'json'];
    const built = run([...args, '--no-cache'], loaded);
    expect(built.status, built.stderr).toBe(0);
    const chunks = lines(loaded).filter((u) => u.startsWith(pathToFileURL(dir).href));
    const inputs = chunks.flatMap((u) =>
      Object.keys(meta.outputs[path.relative(ROOT, fileURLToPath(u)).split(path.sep).join('/')]!.inputs),
    );
    // The study aids ran (their chunk was loaded), reading compromise's lexicon from the bundle's data.
    expect(inputs.some((i) => i.endsWith('src/study/index.ts'))).toBe(true);
    expect(inputs.some((i) => i.endsWith('src/util/english-lexicon.ts'))).toBe(true);
    expect(inputs.filter((i) => i.includes('node_modules/compromise/'))).toEqual([]);
    expect(lines(loaded).filter((u) => u.includes('/node_modules/compromise/'))).toEqual([]);
    // The same book as the sources make, where compromise is loaded: its index and people included.
    const fromSources = path.join(scratch, 'german-sources');
    const { build } = await import('../../src/pipeline/build.js');
    await build({
      contentDir: path.join(FIXTURES, 'german'),
      outDir: fromSources,
      formats: ['json'],
      cacheDir: false,
      progress: 'silent',
    });
    const book = readFileSync(path.join(out, 'book.json'), 'utf8');
    expect(JSON.parse(book).index.length).toBeGreaterThan(0);
    expect(book).toBe(readFileSync(path.join(fromSources, 'book.json'), 'utf8'));
  });

  it("holds compromise's lexicon as the sources read it from compromise", async () => {
    const output = Object.entries(meta.outputs).find(([, o]) =>
      Object.keys(o.inputs).some((i) => i.endsWith('src/util/english-lexicon.ts')),
    )![0];
    const bundled = (await import(pathToFileURL(path.join(ROOT, output)).href)) as { lexicon: object };
    const { lexicon } = await import('../../src/util/english-lexicon.js');
    expect(bundled.lexicon).toEqual(lexicon);
    expect(Object.keys(lexicon.words).length).toBeGreaterThan(10_000);
  });

  it("leaves out zod's locales but English, whose messages a config error still gives", () => {
    const inputs = Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs));
    const locales = inputs.filter((i) => /node_modules\/zod\/v4\/locales\/(?!index\.js)/.test(i));
    expect([...new Set(locales)].map((i) => path.basename(i))).toEqual(['en.js']);
    const content = mkdtempSync(path.join(tmpdir(), 'quire-bad-config-'));
    writeFileSync(path.join(content, 'quire.yaml'), 'title: T\nsources:\n  - file: 5\n');
    const failed = run(['build', '--content', content, '--out', path.join(scratch, 'bad'), '--formats', 'html']);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('sources.0.file: Invalid input: expected string, received number');
    rmSync(content, { recursive: true, force: true });
  });

  it('rebuilds with nothing changed without loading the merge, the study aids or the NLP library', () => {
    const course = makeCourse();
    const out = path.join(scratch, 'again');
    const args = ['build', '--content', path.join(course, 'canal'), '--out', out, '--formats', 'html'];
    const first = path.join(scratch, 'first.txt');
    const again = path.join(scratch, 'again.txt');
    writeFileSync(first, '');
    writeFileSync(again, '');
    expect(run(args, first).status).toBe(0);
    expect(run(args, again).status).toBe(0);
    const inputsOf = (file: string) =>
      lines(file)
        .filter((u) => u.startsWith(pathToFileURL(dir).href))
        .flatMap((u) =>
          Object.keys(meta.outputs[path.relative(ROOT, fileURLToPath(u)).split(path.sep).join('/')]!.inputs),
        );
    const analyses = /src\/(merge|study)\/index\.ts|node_modules\/compromise\//;
    // The first build merged and studied (so the pattern names what it loads); the second reused the book.
    expect(inputsOf(first).filter((i) => analyses.test(i)).length).toBeGreaterThanOrEqual(3);
    expect(inputsOf(again).filter((i) => analyses.test(i))).toEqual([]);
    rmSync(course, { recursive: true, force: true });
  });

  it('builds every default format, and a course, with the libraries it keeps outside the bundle', () => {
    const course = makeCourse();
    const out = path.join(scratch, 'course');
    const built = run(['build', '--course', course, '--out', out, '--progress', 'simple']);
    expect(built.status, built.stderr).toBe(0);
    for (const [guide, base] of [
      ['canal', 'the-grand-meridian-canal'],
      ['keepers', 'the-lighthouse-keepers'],
    ]) {
      expect(pdfText(path.join(out, guide!, `${base}.pdf`))).toContain(guide === 'canal' ? 'Meridian' : 'Keepers');
      expect(
        readFileSync(path.join(out, guide!, `${base}.epub`))
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');
    }
    rmSync(course, { recursive: true, force: true });
  });
});
