/* global console */
/**
 * The shipped `quire` command as one bundle (esbuild): dist/cli/quire.js, the entry, which holds the
 * command line and what every command needs, and beside it in dist/cli/chunks/ the parts a command loads
 * only when it runs them (one chunk per `import()` of Quire's own code: the build, the PDF writer, the
 * EPUB writer, the watch server…). Node then reads a few files instead of resolving and compiling the
 * hundreds of modules of Quire and its libraries one by one (`npm run profile` shows what is left).
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
import { chmod, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

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

await rm(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { quire: 'src/cli.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Each `import()` of Quire's own code becomes a chunk, loaded when the command gets there.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  external: EXTERNAL,
  plugins: [englishLexicon, zodEnglishOnly],
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
console.log(
  `bundle: ${path.relative(root, outdir)}/quire.js and ${files.length - 1} chunks, ${(bytes / 1e6).toFixed(1)} MB`,
);
