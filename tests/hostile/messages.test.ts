/**
 * Every failure is one line — the file, the cause, what to do — with exit code 1, no stack trace and the
 * earlier outputs untouched: system errors (a full disk, a permission, a missing or too long path), an
 * unreadable source, impossible dates, a config that is not UTF-8, sources with the same id, and messages
 * that held a newline. Each case was reproduced on the landed code first.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../../src/pipeline/build.js';
import { parseConfig } from '../../src/config/load.js';
import { readSources } from '../../src/sources/index.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { FORMATS } from '../../src/render/registry.js';
import { describeError, QuireError } from '../../src/util/errors.js';
import { runQuire } from '../support/cli.js';
import { failsCleanly } from '../support/hostile.js';
import { outputNames } from '../support/inspect.js';

vi.mock('node:fs/promises', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs/promises')>();
  return { ...original, readFile: vi.fn(original.readFile) };
});

function folder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'quire-messages-'));
  for (const [name, data] of Object.entries(files)) writeFileSync(path.join(dir, name), data);
  return dir;
}

/** An error as Node's fs makes it. */
function systemError(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: raw message, ${syscall} '${file}'`), { code, syscall, path: file });
}

const PROSE = 'Title\n\nThe first paragraph has enough words to be a sentence of its own.\n';

describe('system errors become one line: the file, the cause, what to do', () => {
  it('ENOSPC, EACCES, ENOENT, ENOTDIR and ENAMETOOLONG are said in words, with the path', () => {
    const cases: [string, RegExp][] = [
      ['ENOSPC', /^out\/guide\.pdf: no space left on the disk — free some space, or choose .* --out$/],
      ['EACCES', /^out\/guide\.pdf: permission denied — fix the permissions/],
      ['ENOENT', /^out\/guide\.pdf: no such file or folder — check the path/],
      ['ENOTDIR', /^out\/guide\.pdf: a part of the path is a file, not a folder — check the path/],
      ['ENAMETOOLONG', /^out\/guide\.pdf: the file name is too long — choose a shorter name/],
    ];
    for (const [code, expected] of cases) {
      const line = describeError(systemError(code, 'open', 'out/guide.pdf'));
      expect(line).toMatch(expected);
      expect(line).not.toMatch(/raw message|\n/);
    }
  });

  it.skipIf(process.getuid?.() !== 0)('a full disk (a 1 MB tmpfs) leaves the earlier outputs whole', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'quire-full-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', out]);
    } catch {
      return; // No mount here (a container without the capability): the unit case above still holds.
    }
    try {
      mkdirSync(out, { recursive: true });
      writeFileSync(path.join(out, 'book.json'), '{"edition": "previous"}');
      writeFileSync(path.join(out, 'filler'), new Uint8Array(1024 * 1024 - 12 * 1024));
      const content = folder({ 'a.txt': PROSE.repeat(200) });
      const r = await runQuire(['build', '--content', content, '--out', out, '--progress', 'silent']);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/: no space left on the disk — free some space/);
      expect(readFileSync(path.join(out, 'book.json'), 'utf8')).toBe('{"edition": "previous"}');
      expect(outputNames(out)).toEqual(['book.json', 'filler']);
    } finally {
      execFileSync('umount', [out]);
    }
  });

  it('a templates: path that is missing or a file names the config line', async () => {
    const missing = folder({ 'a.txt': PROSE, 'quire.yaml': 'title: T\ntemplates: no-such-folder\n' });
    expect(await failsCleanly(missing)).toMatch(
      /quire\.yaml:2:12: templates: folder .*no-such-folder not found — give the folder made by `quire init`/,
    );
    const file = folder({ 'a.txt': PROSE, 'quire.yaml': 'templates: a.txt\n' });
    expect(await failsCleanly(file)).toMatch(/quire\.yaml:1:12: templates: .*a\.txt is a file, not a folder/);
  });

  it('a title too long for a file name still builds, with a shorter basename', async () => {
    const title = 'A very long title '.repeat(30);
    const content = folder({ 'a.txt': PROSE, 'quire.yaml': `title: ${title}\n` });
    const out = path.join(content, 'out');
    const result = await build({ contentDir: content, outDir: out, formats: ['html', 'json'], progress: 'silent' });
    expect(result.basename.length).toBeLessThanOrEqual(100);
    expect(result.basename).toMatch(/^a-very-long-title-a-very-long-title-.*[a-z]$/);
    expect(readdirSync(out)).toContain(`${result.basename}.html`);
    expect(() => parseConfig(`output:\n  basename: ${'x'.repeat(300)}\n`, 'q.yaml')).toThrow(/at most 100 characters/);
  });
});

describe('an unreadable source', () => {
  afterEach(() => vi.mocked(fsp.readFile).mockReset());

  it('is called unreadable (not "not found"), names the file and no quire.yaml that does not exist', async () => {
    const content = folder({ 'a.txt': PROSE, 'locked.txt': PROSE });
    const real = await fsp.realpath(path.join(content, 'locked.txt'));
    const original = (await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises')).readFile;
    vi.mocked(fsp.readFile).mockImplementation(((file: string, ...rest: []) =>
      file === real
        ? Promise.reject(systemError('EACCES', 'open', file))
        : original(file, ...rest)) as typeof fsp.readFile);
    const error = await readSources(content, ConfigSchema.parse({})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QuireError);
    const line = describeError(error);
    expect(line).toBe(
      `${path.join(content, 'locked.txt')}: source file cannot be read (permission denied) — ` +
        'make it readable (chmod a+r) or remove it from the content folder',
    );
    expect(line).not.toMatch(/quire\.yaml|not found/);
  });

  it('a folder listed as a source is said to be a folder', async () => {
    const content = folder({ 'a.txt': PROSE, 'quire.yaml': 'sources:\n  - file: a.txt\n  - file: sub\n' });
    mkdirSync(path.join(content, 'sub'));
    expect(await failsCleanly(content)).toMatch(/sub: source file cannot be read: is a folder, not a file/);
  });
});

describe('the config', () => {
  it('edition dates must be real calendar dates', () => {
    for (const date of ['2026-02-30', '2026-13-45', '2026-02-29', '2026-04-31', '2026-00-10']) {
      expect(() => parseConfig(`edition:\n  number: 2\n  date: ${date}\n`, 'q.yaml')).toThrow(
        expect.objectContaining({
          line: 3,
          reason: expect.stringMatching(/edition\.date: not a date in the calendar/),
        }),
      );
    }
    expect(parseConfig('edition:\n  date: 2024-02-29\n', 'q.yaml').edition.date).toBe('2024-02-29');
  });

  it('a Latin-1 quire.yaml is refused with the line of its first bad byte, not read as mojibake', async () => {
    const latin1 = new Uint8Array([...Buffer.from('language: fr\ntitle: Caf'), 0xe9, 0x0a]);
    const content = folder({ 'a.txt': PROSE, 'quire.yaml': latin1 });
    expect(await failsCleanly(content)).toMatch(/quire\.yaml:2:1: not valid UTF-8 text — re-save the file as UTF-8/);
  });
});

describe('source ids', () => {
  it('two file names that give the same id get distinct ids, the same on every build', async () => {
    const other = 'Title\n\nAnother paragraph has enough different words to be a sentence too.\n';
    // Names in another script are transliterated ("日本" → "riben"), so "北京" and "Beijing" give one id.
    const content = folder({
      '日本.txt': PROSE,
      '北京.txt': other,
      'Beijing.txt': PROSE,
      'a b.txt': other,
      'a-b.txt': PROSE,
    });
    const out = path.join(content, 'out');
    const result = await build({ contentDir: content, outDir: out, formats: ['json'], progress: 'silent' });
    const ids = Object.fromEntries(result.book.sources.map((s) => [s.file, s.id]));
    expect(ids).toEqual({
      'a b.txt': 'a-b',
      'a-b.txt': 'a-b-2',
      'Beijing.txt': 'beijing',
      '北京.txt': 'beijing-2',
      '日本.txt': 'riben',
    });
  });

  it('ids written in the config that repeat are refused, naming both files', async () => {
    const yaml = 'sources:\n  - file: a.txt\n    id: one\n  - file: b.txt\n    id: one\n';
    const content = folder({ 'a.txt': PROSE, 'b.txt': PROSE, 'quire.yaml': yaml });
    expect(await failsCleanly(content)).toMatch(
      /quire\.yaml: sources "a\.txt" and "b\.txt" have the same id "one" — give each source its own id/,
    );
  });
});

describe('one line, always', () => {
  it('a file name holding a newline does not break the line', async () => {
    const content = folder({ 'a.txt': PROSE, 'bad\nname.txt': '' });
    expect(await failsCleanly(content)).toMatch(/bad name\.txt:1:1: source file is empty/);
  });

  it('a library error of several lines, or starting with one, gives its first line of text', () => {
    expect(describeError(new Error('\nthe real cause\n    at frame (x.js:1:1)'))).toBe('the real cause');
    expect(describeError(new QuireError('two\nlines', { file: 'f', hint: 'do\nthis' }))).toBe('f: two lines — do this');
  });
});

describe('the command line', () => {
  it('a wrong option or command is one line with where to look, not the whole help', async () => {
    const bad = await runQuire(['build', '--formats', 'pdff,epub']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      'quire: --formats pdff,epub: unknown format "pdff" (did you mean "pdf"?): ' +
        `use ${FORMATS.join(', ')} — see quire --help\n`,
    );
    const typo = await runQuire(['bild']);
    expect(typo.stderr).toBe("quire: unknown command 'bild' (Did you mean build?) — see quire --help\n");
    const option = await runQuire(['build', '--fromats', 'pdf']);
    expect(option.stderr).toBe("quire: unknown option '--fromats' (Did you mean --formats?) — see quire --help\n");
    expect(option.stdout).toBe('');
  });

  it('--paper takes A4 or Letter in any case; another size is named', async () => {
    const content = folder({ 'a.txt': PROSE });
    const out = path.join(content, 'out');
    const ok = await runQuire([
      'build',
      '-c',
      content,
      '-o',
      out,
      '--paper',
      'letter',
      '-f',
      'json',
      '--progress',
      'simple',
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('✔ Config: none (defaults); formats json; Letter\n');
    const bad = await runQuire(['build', '-c', content, '--paper', 'A5']);
    expect(bad.stderr).toBe('quire: --paper A5: unknown paper size "A5": use A4 or Letter — see quire --help\n');
  });
});

describe('what a build says (#22)', () => {
  it('counts in the singular when there is one: "1 chapter", "1 note", "1 pass"', async () => {
    const content = folder({ 'a.md': '# T\n\nThe only paragraph has a note.[^1]\n\n[^1]: The note.\n' });
    const r = await runQuire([
      'build',
      '-c',
      content,
      '-o',
      path.join(content, 'out'),
      '-f',
      'json,report',
      '--progress',
      'simple',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✔ Merged: 1 chapter, 1 section, 1 block, 1 note, 0 duplicates folded\n');
    expect(r.stdout).toContain('✔ Read 1 source: a.md (markdown)\n');
    expect(r.stdout).not.toMatch(/\b1 (chapters|sections|blocks|notes|passes|sources)\b|SKIPPED/);
  });

  it('the conflicts between sources are listed by kind in the terminal, the first few of each', async () => {
    const content = folder({
      'a.txt':
        'Title\n\nThe treaty was signed by Georgy Chicherin in the city of Rapallo on that day.\n\n' +
        'The city hall held 1200 delegates from many countries for the whole conference.\n',
      'b.txt':
        'Title\n\nThe treaty was signed by Georgy Chicherin in the city of Genoa on that day.\n\n' +
        'The city hall held 1300 delegates from many countries for the whole conference.\n',
    });
    const r = await runQuire([
      'build',
      '-c',
      content,
      '-o',
      path.join(content, 'out'),
      '-f',
      'json',
      '--progress',
      'silent',
    ]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const head = lines.findIndex((l) => /^\d+ conflicts? between sources/.test(l));
    expect(lines[head]).toMatch(
      /^2 conflicts between sources \(the guide keeps the first reading; all in report\.html\):$/,
    );
    expect(lines.slice(head + 1, head + 3)).toEqual([
      '  names: Rapallo / Genoa (Introduction)',
      '  numbers and dates: 1200 / 1300 (Introduction)',
    ]);
  });

  it('a config key or value with a typo gets "did you mean"; a YAML error is placed where it starts', async () => {
    const cases: [string, string][] = [
      ['titel: X\n', 'quire.yaml:1:1: invalid config: unknown key "titel" in top level (did you mean "title"?)'],
      [
        'output:\n  formt: [pdf]\n',
        'quire.yaml:2:3: invalid config: unknown key "formt" in output (did you mean "formats"?)',
      ],
      [
        'output:\n  formats: [pdff]\n',
        `quire.yaml:2:13: invalid config: output.formats.0: "pdff" is not one of ${FORMATS.join(', ')} ` +
          '(did you mean "pdf"?)',
      ],
      ['title: "My guide\nsubtitle: x\nauthor: y\n', 'quire.yaml:1:8: YAML syntax error: Missing closing "quote'],
      [
        'title: x\nsubtitle: [a, b\nauthor: y\n',
        'quire.yaml:2:11: YAML syntax error: Flow sequence in block collection must be sufficiently indented ' +
          'and end with a ]',
      ],
    ];
    for (const [yaml, line] of cases) {
      const content = folder({ 'a.txt': PROSE, 'quire.yaml': yaml });
      expect(await failsCleanly(content)).toBe(
        `quire: ${path.join(content, line)} — ${
          line.includes('YAML')
            ? 'fix the YAML syntax (indentation, colons, quotes)'
            : 'see "The config file" in README.md for the allowed keys and types'
        }`,
      );
    }
  });

  it('a missing templates folder and an unknown template field are named, with what to do', async () => {
    const content = folder({ 'a.txt': PROSE, 'quire.yaml': 'templates: mine\n' });
    expect(await failsCleanly(content)).toBe(
      `quire: ${path.join(content, 'quire.yaml')}:1:12: templates: folder ${path.join(content, 'mine')} not found — ` +
        'give the folder made by `quire init` (relative to the content folder), or remove the line',
    );
  });

  it('in a guide folder, quire build builds it into its own output/ folder', async () => {
    const guide = folder({ 'quire.yaml': 'title: Rivers\n', 'a.txt': PROSE });
    const r = await runQuire(['build', '-f', 'json', '--progress', 'silent'], { cwd: guide });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\n  output/book.json  ');
    expect(readdirSync(path.join(guide, 'output')).filter((n) => !n.startsWith('.'))).toEqual([
      'book.json',
      'book.schema.json',
    ]);
  });

  it('quire init says how to build and what the language key does', async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'quire-init-'));
    const r = await runQuire(['init', 'rivers'], { cwd: parent });
    expect(r.stdout).toBe(
      'Created rivers: quire.yaml, sample.md, templates/\n' +
        'Its language is en-GB (dates such as "16 April 1922"): set "language" in rivers/quire.yaml to your ' +
        "text's (en-US, de, fr …).\n" +
        'Build it with: cd rivers && quire build   (the guide goes to rivers/output/)\n',
    );
    expect(readFileSync(path.join(parent, 'rivers/quire.yaml'), 'utf8')).toContain(
      'en-GB writes "16 April 1922", en-US\n# "April 16, 1922", de "16. April 1922"',
    );
  });

  it('outside a guide, quire says there is no guide here and what to do', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'quire-nowhere-'));
    const r = await runQuire(['build'], { cwd: empty });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `quire: ${empty}: no guide here: this folder has no quire.yaml and no content/ folder — run quire in a ` +
        'guide\'s folder, pass --content DIR, or start a guide with "quire init DIR"\n',
    );
  });
});
