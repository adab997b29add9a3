/* global console */
/**
 * The shipped `quire` command as one bundle (esbuild): dist/cli/quire.js, the entry, which holds the
 * command line and what every command needs, and beside it in dist/cli/chunks/ the parts a command loads
 * only when it runs them (one chunk per `import()` of Quire's own code: the build, the PDF writer, the
 * EPUB writer, the watch server…). Node then reads a few files instead of resolving and compiling the
 * hundreds of modules of Quire and its libraries one by one (`npm run profile` shows what is left).
 * dist/cli/cover-worker.js, a second entry, draws the EPUB cover on a worker thread (src/render/epub/cover-thread.ts).
 *
 * Libraries that cannot be bundled stay in node_modules and are loaded from there, only by the chunk that
 * uses them (so only by the command that runs it): wikiparser-node (loads its own files by path),
 * @resvg/resvg-js (a native addon), puppeteer (finds its config and its browser's files at run time) and
 * hyphen (whose patterns are loaded by language).
 *
 *   node scripts/bundle.mjs [OUTDIR] [--meta]
 *
 * OUTDIR: default dist/cli (`npm run compile` runs this after tsc); it must be inside Quire's folder, which
 * the command finds by walking up from its own file. --meta: also write esbuild's metafile there (meta.json:
 * which source files went into which output, and what each output imports), as tests/cli/bundle.test.ts reads.
 */
import { build } from 'esbuild';
import { realpathSync } from 'node:fs';
import { chmod, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outdir = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(root, 'dist/cli'));

const EXTERNAL = ['wikiparser-node', '@resvg/resvg-js', 'puppeteer', 'hyphen'];

/**
 * compromise's English lexicon as data, in place of src/util/english-lexicon.ts (which reads it from
 * compromise): a guide in another language reads the lexicon without loading compromise, whose start expands
 * it (~0.2 s). The same fields as `lexiconOf` in src/util/lexicon.ts (tests/cli/bundle.test.ts compares them).
 */
/**
 * zod's locales, but English: zod's schemas import their English messages themselves, and nothing in Quire
 * reads `z.locales` (its messages are its own). The other fifty (~370 kB) were parsed at every start.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: "export { default as en } from './en.js';",
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};

const englishLexicon = {
  name: 'english-lexicon',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]util[\\/]english-lexicon\.ts$/ }, async () => {
      const { default: nlp } = await import('compromise');
      const { model } = nlp.world();
      const lexicon = {
        words: model.one.lexicon,
        orgWords: Object.keys(model.two.orgWords),
        placeWords: Object.keys(model.two.placeWords),
      };
      // JSON.parse of a string: V8 reads data that way faster than an object literal.
      return {
        contents: `export const lexicon = JSON.parse(${JSON.stringify(JSON.stringify(lexicon))});`,
        loader: 'js',
      };
    });
  },
};

/**
 * compromise's tagging model with its lexicon already expanded. Loading compromise unpacks its packed word
 * lists and grows them by conjugating every verb and inflecting every noun and adjective
 * (src/2-two/preTagger/model/index.js: ~0.2–0.3 s of CPU at every start of an English build). The result is
 * plain data, the same at every start: it is computed here, once, by that module itself, and the bundle holds
 * the module with the result in place of the computation (JSON: V8 parses data faster than it runs code). The
 * module's other parts (its patterns, regular expressions and models) are imported as before, so the model is
 * the same objects but for the five expanded tables, which are equal in content and key order (checked here).
 * If compromise's module is not the one this was written for, the bundle fails rather than guessing.
 */
const PRETAGGER_MODEL = /[\\/]node_modules[\\/]compromise[\\/]src[\\/]2-two[\\/]preTagger[\\/]model[\\/]index\.js$/;
const MODEL_PARTS = [
  ['irregularPlurals', './irregulars/plurals.js'],
  ['clues', './clues/index.js'],
  ['suffixPatterns', './patterns/suffixes.js'],
  ['prefixPatterns', './patterns/prefixes.js'],
  ['endsWith', './patterns/endsWith.js'],
  ['neighbours', './patterns/neighbours.js'],
  ['models', './models/index.js'],
  ['regexNormal', './regex/regex-normal.js'],
  ['regexText', './regex/regex-text.js'],
  ['regexNumbers', './regex/regex-numbers.js'],
  ['orgWords', './orgWords.js'],
  ['placeWords', './placeWords.js'],
];
const EXPANDED_ONE = ['_multiCache', 'lexicon', 'frozenLex'];
const EXPANDED_TWO = ['switches', 'uncountable'];

async function expandedModelModule(file) {
  const source = await readFile(file, 'utf8');
  const imports = [...source.matchAll(/^import (.+) from '(.+)'$/gm)].map((m) => `${m[1]} ${m[2]}`);
  const expected = [
    ...MODEL_PARTS.map(([name, from]) => `${name} ${from}`),
    '{ lexicon, switches, frozenLex } ./lexicon/index.js',
    'expandLexicon ./_expand/index.js',
  ];
  if (imports.sort().join('\n') !== expected.sort().join('\n') || !/^model = expandLexicon\(model\)$/m.test(source))
    throw new Error(`bundle: ${file} is not the module scripts/bundle.mjs expands ahead (compromise changed?)`);
  const parts = {};
  for (const [name, from] of MODEL_PARTS)
    parts[name] = (await import(pathToFileURL(path.resolve(path.dirname(file), from)).href)).default;
  const { default: model } = await import(pathToFileURL(file).href);
  const two = Object.keys(model.two);
  if (Object.keys(model.one).join() !== EXPANDED_ONE.join() || MODEL_PARTS.some(([n]) => model.two[n] !== parts[n]))
    throw new Error(`bundle: compromise's expanded model has other parts than scripts/bundle.mjs knows`);
  const expanded = { one: {}, two: {} };
  for (const key of EXPANDED_ONE) expanded.one[key] = model.one[key];
  for (const key of EXPANDED_TWO) expanded.two[key] = model.two[key];
  const json = JSON.stringify(expanded);
  if (!isDeepStrictEqual(JSON.parse(json), expanded) || two.some((k) => !(k in parts) && !EXPANDED_TWO.includes(k)))
    throw new Error(`bundle: compromise's expanded model is not plain data`);
  const value = (where, key) => (key in parts ? key : `expanded.${where}[${JSON.stringify(key)}]`);
  return [
    ...MODEL_PARTS.map(([name, from]) => `import ${name} from ${JSON.stringify(from)};`),
    `const expanded = JSON.parse(${JSON.stringify(json)});`,
    `const model = {`,
    `  one: { ${EXPANDED_ONE.map((k) => `${k}: ${value('one', k)}`).join(', ')} },`,
    `  two: { ${two.map((k) => `${k}: ${value('two', k)}`).join(', ')} },`,
    `};`,
    `export default model;`,
  ].join('\n');
}

// Made before anything else here loads compromise (english-lexicon below does), from the module alone.
const compromiseModel = await realpath(path.join(root, 'node_modules/compromise/src/2-two/preTagger/model/index.js'));
const expandedModel = await expandedModelModule(compromiseModel);

/**
 * compromise's plugins are merged into its model key by key, each value through a new one-key object and
 * `Object.assign` (src/API/extend.js), and its lexicon has ~24,000 keys: ~0.1 s of every English start. The
 * bundle sets the key directly: the same [[Set]] on the same object in the same order (`__proto__` and the
 * like are skipped before either).
 */
const MERGE_SET = { from: 'Object.assign(model, { [key]: plugin[key] })', to: 'model[key] = plugin[key]' };

const compromiseExpanded = {
  name: 'compromise-expanded',
  setup(b) {
    b.onLoad({ filter: PRETAGGER_MODEL }, (args) => {
      if (realpathSync(args.path) !== compromiseModel) throw new Error(`bundle: a second compromise at ${args.path}`);
      return { contents: expandedModel, resolveDir: path.dirname(args.path), loader: 'js' };
    });
    b.onLoad({ filter: /[\\/]node_modules[\\/]compromise[\\/]src[\\/]API[\\/]extend\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (source.split(MERGE_SET.from).length !== 2)
        throw new Error(`bundle: ${args.path} does not merge as scripts/bundle.mjs expects (compromise changed?)`);
      return {
        contents: source.replace(MERGE_SET.from, MERGE_SET.to),
        resolveDir: path.dirname(args.path),
        loader: 'js',
      };
    });
  },
};

await rm(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  // The EPUB cover's worker thread is an entry of its own (src/render/epub/cover-thread.ts starts it).
  entryPoints: { quire: 'src/cli.ts', 'cover-worker': 'src/render/epub/cover-worker.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Each `import()` of Quire's own code becomes a chunk, loaded when the command gets there.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  external: EXTERNAL,
  plugins: [englishLexicon, zodEnglishOnly, compromiseExpanded],
  // src/util/lexicon.ts: compromise is loaded for a guide in English only, not when the module is.
  define: { QUIRE_BUNDLED: 'true' },
  // For `npm run profile` (which maps a profile back to the source files) and `node --enable-source-maps`.
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  // The bundled CommonJS libraries call require() for Node's own modules: give an ES module one.
  banner: {
    js:
      "import { createRequire as __quireRequire } from 'node:module'; " +
      'const require = __quireRequire(import.meta.url);',
  },
});
// The entry is the `quire` command (package.json "bin"): executable, for a clone's `npm link` too.
await chmod(path.join(outdir, 'quire.js'), 0o755);
if (args.includes('--meta')) await writeFile(path.join(outdir, 'meta.json'), JSON.stringify(result.metafile));
const files = Object.entries(result.metafile.outputs).filter(([name]) => name.endsWith('.js'));
const bytes = files.reduce((sum, [, out]) => sum + out.bytes, 0);
const chunks = files.filter(([name]) => name.includes('/chunks/')).length;
console.log(
  `bundle: ${path.relative(root, outdir)}/quire.js, cover-worker.js and ${chunks} chunks, ` +
    `${(bytes / 1e6).toFixed(1)} MB`,
);
