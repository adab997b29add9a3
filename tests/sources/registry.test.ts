/**
 * The readers' registry: detection gives exactly the format the old decision list gave (copied below as the
 * oracle) for every real file we have and for thousands of generated texts; config enum, roles and labels
 * come from the list; a reader's module is loaded only when a source of its format is read; and a reader
 * added to a list (a toy one here) is detected and reads a file.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { builtInReaders, detectReader, readerFor, readerFormats, type Reader } from '../../src/sources/registry.js';
import { parseSource, readSources } from '../../src/sources/index.js';
import { SourceConfigSchema, type QuireConfig } from '../../src/config/schema.js';
import type { ReaderFn } from '../../src/sources/types.js';

// Records whether the wikitext reader's module (and its wiki parser) was imported.
const imported = vi.hoisted(() => ({ wikitext: false }));
vi.mock('../../src/sources/wikitext.js', async (importOriginal) => {
  imported.wikitext = true;
  return importOriginal();
});

// Not from ../support/content.js: it loads every reader, and this file checks that detection loads none.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CONTENT = path.join(ROOT, 'content');
const FIXTURES = path.join(ROOT, 'tests/fixtures');
/** The shared corpus of real articles beside the project (as CI lays it out), where this machine has it. */
const CORPUS = process.env.QUIRE_CORPUS ?? path.join(ROOT, '..', 'shared', 'corpus');

// ---- The oracle: detection as it was before the registry (src/sources/detect.ts and its two helpers). ----

const OLD_DUMP_HEAD = /^(.+?) (\d+) (\d+) (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ) (.+?) (\d+) /;

function oldLooksLikeDump(text: string): boolean {
  const first = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  return OLD_DUMP_HEAD.test(first) && first.length > 200;
}

function oldLooksLikeCitedSentences(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim());
  if (lines.length === 0) return false;
  const marked = lines.filter((l) => /\[\d{1,4}\]/.test(l)).length;
  return marked / lines.length >= 0.3 && !/^={2,}.+={2,}\s*$/m.test(text);
}

function oldDetectFormat(text: string, file: string): string {
  const ext = path.extname(file).toLowerCase();
  if (oldLooksLikeDump(text)) return 'wikitext-dump';
  const wikiHeadings = (text.match(/^={1,6}[^=\n]+={1,6}\s*$/gm) ?? []).length;
  const wikiMarkup = (text.match(/\[\[[^\]\n]+\]\]|\{\{[^}\n]*\}\}|<ref[\s>]|'''/g) ?? []).length;
  const mdHeadings = (text.match(/^#{1,6} \S/gm) ?? []).length;
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  if (ext === '.wiki' || ext === '.wikitext' || ext === '.mediawiki') return 'wikitext';
  if (mdHeadings >= 2 && mdHeadings > wikiHeadings) return 'markdown';
  if (wikiHeadings >= 2 || wikiMarkup >= 5) return 'wikitext';
  if (oldLooksLikeCitedSentences(text)) return 'cited-sentences';
  return 'plain-text';
}

// ---- Inputs ----

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile())
    .sort();
}

/** Each real file is also tried under other names: the extension rules then meet real content. */
const NAMES = ['x.md', 'x.MARKDOWN', 'x.wiki', 'x.Wikitext', 'x.mediawiki', 'x.txt', 'x', '.md', 'x.md.txt', 'x.json'];

const FRAGMENTS = [
  '== Heading ==\n',
  '=== Sub ===\n',
  '= Title =\n',
  '==x==',
  '== ==\n',
  '# Heading\n',
  '\n## Part\n',
  '\n# One\n## Two\n',
  '#nospace\n',
  '[[Target|label]]',
  '[[broken\n]]',
  '{{Template}}',
  "[[a]] {{b}} '''c''' <ref>d",
  '{{multi\nline}}',
  '<ref>',
  '<ref name="a"/>',
  "'''",
  '[1]',
  '[12]',
  '[12345]',
  'First.[1]\nSecond.[2]\n',
  ' [3] ',
  'Some words. ',
  'Sentence with a marker.[4]\n',
  '\n',
  '\n\n',
  '* item\n',
  '- item\n',
  'lorem ipsum dolor sit amet '.repeat(9),
];

/** A dump's revision head: title, page id, revision id, timestamp, user, user id, then a space. */
const dumpHead = fc
  .tuple(fc.constantFrom('Some title', 'A', 'Title with 12 34'), fc.nat(), fc.nat(), fc.constantFrom('User', 'X Y'))
  .map(([title, page, revision, user]) => `${title} ${page} ${revision} 2008-06-24T18:31:34Z ${user} ${page + 1} `);

/** A dump head, short or made long enough for a dump line (over 200 characters) by its edit comment. */
const dumpLine = fc
  .tuple(dumpHead, fc.boolean())
  .map(([head, long]) => (long ? head + 'the edit comment, then the article '.repeat(6) : head));

/** Texts from a few fragments each (a pool drawn per case), so that rules meet: headings of both kinds, say. */
const generatedText = fc
  .tuple(
    fc.option(dumpLine, { freq: 3 }),
    fc.subarray(FRAGMENTS, { minLength: 1, maxLength: 4 }).chain((pool) =>
      fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fc.string() }), {
        maxLength: 24,
      }),
    ),
  )
  .map(([head, parts]) => (head ?? '') + parts.join(''));

/** The conditions of the old decision list that hold for a text, in the list's order (the first decides). */
function conditions(text: string, file: string): string[] {
  const ext = path.extname(file).toLowerCase();
  const wikiHeadings = (text.match(/^={1,6}[^=\n]+={1,6}\s*$/gm) ?? []).length;
  const wikiMarkup = (text.match(/\[\[[^\]\n]+\]\]|\{\{[^}\n]*\}\}|<ref[\s>]|'''/g) ?? []).length;
  const mdHeadings = (text.match(/^#{1,6} \S/gm) ?? []).length;
  const holds: [string, boolean][] = [
    ['dump', oldLooksLikeDump(text)],
    ['md-ext', ext === '.md' || ext === '.markdown'],
    ['wiki-ext', ext === '.wiki' || ext === '.wikitext' || ext === '.mediawiki'],
    ['md-headings', mdHeadings >= 2 && mdHeadings > wikiHeadings],
    ['wiki-markup', wikiHeadings >= 2 || wikiMarkup >= 5],
    ['cited', oldLooksLikeCitedSentences(text)],
  ];
  return holds.filter(([, h]) => h).map(([name]) => name);
}

const generatedName = fc.constantFrom(...NAMES, 'notes.MD', 'a.b.wiki', 'dir.md/file', 'file.txt', 'file.wiki.bak');

describe('format detection from the registry', () => {
  it('agrees with the old decision list on the seeds, the fixtures and the corpus, under several names', () => {
    const files = [...filesUnder(CONTENT), ...filesUnder(FIXTURES), ...(existsSync(CORPUS) ? filesUnder(CORPUS) : [])];
    expect(files.length).toBeGreaterThanOrEqual(10);
    const formats = new Map<string, number>();
    let checked = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const name of [path.basename(file), file, ...NAMES]) {
        const expected = oldDetectFormat(text, name);
        expect(detectReader(text, name).format, `${file} as ${name}`).toBe(expected);
        formats.set(expected, (formats.get(expected) ?? 0) + 1);
        checked++;
      }
    }
    expect(checked).toBe(files.length * (NAMES.length + 2));
    // The real files reach every format (the seeds alone have a dump, wikitext, plain text, key sentences).
    expect([...formats.keys()].sort()).toEqual([...readerFormats].sort());
  });

  it('agrees with the old decision list on generated texts and file names', () => {
    const formats = new Map<string, number>();
    // How often each pair of conditions held together: the earlier one must win over the later.
    const contests = new Map<string, number>();
    fc.assert(
      fc.property(generatedText, generatedName, (text, name) => {
        const expected = oldDetectFormat(text, name);
        formats.set(expected, (formats.get(expected) ?? 0) + 1);
        const held = conditions(text, name);
        for (const [i, first] of held.entries()) {
          for (const later of held.slice(i + 1))
            contests.set(`${first} > ${later}`, (contests.get(`${first} > ${later}`) ?? 0) + 1);
        }
        expect(detectReader(text, name).format).toBe(expected);
      }),
      { numRuns: 4000, seed: 20261201 },
    );
    for (const format of readerFormats) expect(formats.get(format), format).toBeGreaterThan(100);
    // Every pair that can hold together did, often enough (only the two extensions exclude each other).
    const order = ['dump', 'md-ext', 'wiki-ext', 'md-headings', 'wiki-markup', 'cited'];
    const pairs = order.flatMap((a, i) => order.slice(i + 1).map((b) => `${a} > ${b}`));
    for (const pair of pairs.filter((p) => p !== 'md-ext > wiki-ext')) {
      expect(contests.get(pair) ?? 0, pair).toBeGreaterThanOrEqual(20);
    }
  });

  it('does not load a reader: loading is on first read', async () => {
    expect(detectReader("== A ==\n[[x]] '''y'''\n== B ==\n", 'a.wiki').format).toBe('wikitext');
    expect(imported.wikitext).toBe(false);
    const read = await readerFor('wikitext').load();
    expect(imported.wikitext).toBe(true);
    // The two wikitext formats share one reader function.
    expect(await readerFor('wikitext-dump').load()).toBe(read);
  });
});

describe('the registry as the one list of formats', () => {
  it('gives the config its format enum, in list order', () => {
    expect(readerFormats).toEqual(['wikitext', 'wikitext-dump', 'plain-text', 'cited-sentences', 'markdown']);
    for (const format of readerFormats) expect(SourceConfigSchema.parse({ file: 'a', format }).format).toBe(format);
    expect(SourceConfigSchema.safeParse({ file: 'a', format: 'toy' }).success).toBe(false);
  });

  it('gives each source its role and label', async () => {
    const key = await parseSource('One sentence.[1]\nTwo.[2]\n', { file: 'k.txt', id: 'k', priority: 1 });
    expect(key.info).toMatchObject({
      format: 'cited-sentences',
      role: 'key-sentences',
      readerLabel: 'key sentences with citation markers',
    });
    const md = await parseSource('# T\n\ntext\n', { file: 'n.md', id: 'n', priority: 1 });
    expect(md.info).toMatchObject({ format: 'markdown', role: 'text', readerLabel: 'Markdown' });
    expect(new Set(builtInReaders.map((r) => r.label)).size).toBe(builtInReaders.length);
  });
});

describe('a reader added to the list', () => {
  /** A toy format: every line `> x` is a heading, any other line a paragraph. */
  const readToy: ReaderFn = ({ text }) => {
    const children = text.split('\n').flatMap((line, i): Root['children'] => {
      const position = { start: { line: i + 1, column: 1 }, end: { line: i + 1, column: 1 } };
      if (line.startsWith('> ')) {
        return [{ type: 'heading', depth: 2, children: [{ type: 'text', value: line.slice(2) }], position }];
      }
      return line ? [{ type: 'paragraph', children: [{ type: 'text', value: line }], position }] : [];
    });
    return { tree: { type: 'root', children }, citations: [], warnings: [] };
  };
  const toy: Reader<'toy'> = {
    format: 'toy',
    role: 'text',
    label: 'toy lines',
    extensions: ['.toy'],
    sniff: (text) => (text.startsWith('> ') ? 0.95 : 0),
    load: async () => readToy,
  };
  const list = [...builtInReaders, toy];

  it('is detected by its extension or its sniff, and only in the list that has it', () => {
    expect(detectReader('plain words', 'a.toy', list).format).toBe('toy');
    expect(detectReader('> Heading\nwords', 'a.txt', list).format).toBe('toy');
    expect(detectReader('> Heading\nwords', 'a.md', list).format).toBe('toy');
    expect(detectReader('plain words', 'a.toy').format).toBe('plain-text');
    expect(() => readerFor('toy')).toThrow(/no reader for the format "toy"/);
  });

  it('reads a file of the content folder', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'quire-toy-'));
    try {
      await writeFile(path.join(dir, 'notes.toy'), '> Origins\nThe town began at a ford.\n\n> Later\nIt grew.\n');
      const config = { sources: [{ file: 'notes.toy' }] } as QuireConfig;
      const [source] = await readSources(dir, config, (text, entry) => parseSource(text, entry, list));
      expect(source!.info).toMatchObject({ id: 'notes', format: 'toy', role: 'text', readerLabel: 'toy lines' });
      expect(source!.tree.children.map((n) => n.type)).toEqual(['heading', 'paragraph', 'heading', 'paragraph']);
      expect(source!.tree.children[3]).toMatchObject({
        children: [{ value: 'It grew.' }],
        position: { start: { line: 5 } },
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
