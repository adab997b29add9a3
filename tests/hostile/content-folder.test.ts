/**
 * The content folder is untrusted (a guide folder a colleague sent): nothing outside it is read, whatever
 * symbolic links it holds; URLs from its config are ones a reader may click; the output folder and the
 * content folder never feed each other. Each case was reproduced on the landed code first.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../../src/pipeline/build.js';
import { parseConfig } from '../../src/config/load.js';
import { runQuire } from '../support/cli.js';
import { failsCleanly } from '../support/hostile.js';

function folder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'quire-confined-'));
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), data);
  }
  return dir;
}

const PROSE = 'Title\n\nThe first paragraph has enough words to be a sentence of its own.\n';
const SECRET = 'Secret\n\nThe host secret sentence that must never reach any output of the guide.\n';

/** A folder outside the content folder, holding a secret text (and what else a case needs). */
const outside = (files: Record<string, string> = {}) => folder({ 'secret.txt': SECRET, ...files });

describe('symbolic links cannot take a build outside the content folder', () => {
  it('a symlinked source in a folder without a config is not read, and a warning says so', async () => {
    const secret = outside();
    const content = folder({ 'a.txt': PROSE });
    symlinkSync(path.join(secret, 'secret.txt'), path.join(content, 'b.txt'));
    const out = path.join(content, 'out');
    const result = await build({ contentDir: content, outDir: out, formats: ['json'], progress: 'silent' });
    expect(result.book.sources.map((s) => s.file)).toEqual(['a.txt']);
    expect(readFileSync(path.join(out, 'book.json'), 'utf8')).not.toContain('host secret');
    const warning = result.warnings.find((w) => w.rule === 'symlink-not-read');
    expect(warning?.file).toBe(path.join(content, 'b.txt'));
    expect(warning?.message).toMatch(/symbolic link is not read as a source/);
  });

  it('a symlinked source listed in quire.yaml', async () => {
    const secret = outside();
    const content = folder({ 'a.txt': PROSE, 'quire.yaml': 'sources:\n  - file: a.txt\n  - file: b.txt\n' });
    symlinkSync(path.join(secret, 'secret.txt'), path.join(content, 'b.txt'));
    expect(await failsCleanly(content)).toMatch(
      /b\.txt: source file is a symbolic link to .*secret\.txt, outside the content folder — copy the file/,
    );
  });

  it('a source listed through a symlinked folder', async () => {
    const secret = outside();
    const content = folder({ 'a.txt': PROSE, 'quire.yaml': 'sources:\n  - file: a.txt\n  - file: sub/secret.txt\n' });
    symlinkSync(secret, path.join(content, 'sub'));
    expect(await failsCleanly(content)).toMatch(/sub\/secret\.txt: source file is a symbolic link to .*outside/);
  });

  it('a symlink inside the content folder to a file inside it is read when listed', async () => {
    const content = folder({ 'a.txt': PROSE, 'quire.yaml': 'sources:\n  - file: b.txt\n' });
    symlinkSync(path.join(content, 'a.txt'), path.join(content, 'b.txt'));
    const out = path.join(content, 'out');
    const result = await build({ contentDir: content, outDir: out, formats: ['json'], progress: 'silent' });
    expect(result.book.sources.map((s) => s.file)).toEqual(['b.txt']);
  });

  it('a content folder reached through a symbolic link builds as the folder itself', async () => {
    const content = folder({ 'a.txt': PROSE, 'quire.yaml': 'sources:\n  - file: a.txt\n' });
    const link = path.join(outside(), 'guide');
    symlinkSync(content, link);
    const out = path.join(outside(), 'out');
    const result = await build({ contentDir: link, outDir: out, formats: ['json'], progress: 'silent' });
    expect(result.book.sources.map((s) => s.file)).toEqual(['a.txt']);
  });

  it('a symlinked edition snapshot, or editions folder', async () => {
    // A real snapshot, built elsewhere: had it been read, the build would compare with it.
    const elsewhere = outside({ 'a.txt': PROSE });
    await build({ contentDir: elsewhere, outDir: path.join(elsewhere, 'out'), formats: ['json'], progress: 'silent' });
    const snapshot = path.join(elsewhere, 'out', 'book.json');
    const content = folder({ 'a.txt': PROSE });
    mkdirSync(path.join(content, 'editions'));
    symlinkSync(snapshot, path.join(content, 'editions', 'edition-1.json'));
    expect(await failsCleanly(content)).toMatch(
      /editions\/edition-1\.json: recorded edition is a symbolic link to .*book\.json, outside the content folder/,
    );
    const linked = folder({ 'a.txt': PROSE });
    mkdirSync(path.join(elsewhere, 'editions'));
    writeFileSync(path.join(elsewhere, 'editions', 'edition-1.json'), readFileSync(snapshot));
    symlinkSync(path.join(elsewhere, 'editions'), path.join(linked, 'editions'));
    expect(await failsCleanly(linked)).toMatch(/editions: editions folder is a symbolic link to .*outside/);
  });

  it('a symlinked overrides.yaml or quire.yaml', async () => {
    const secret = outside({ 'overrides.yaml': 'glossary: {}\n', 'quire.yaml': 'title: Host secret title\n' });
    const withOverrides = folder({ 'a.txt': PROSE });
    symlinkSync(path.join(secret, 'overrides.yaml'), path.join(withOverrides, 'overrides.yaml'));
    expect(await failsCleanly(withOverrides)).toMatch(
      /overrides\.yaml: overrides file is a symbolic link to .*outside/,
    );
    const withConfig = folder({ 'a.txt': PROSE });
    symlinkSync(path.join(secret, 'quire.yaml'), path.join(withConfig, 'quire.yaml'));
    expect(await failsCleanly(withConfig)).toMatch(/quire\.yaml: config file is a symbolic link to .*outside/);
    const dangling = folder({ 'a.txt': PROSE });
    symlinkSync(path.join(secret, 'missing.yaml'), path.join(dangling, 'quire.yaml'));
    expect(await failsCleanly(dangling)).toMatch(/quire\.yaml: config file not found/);
  });
});

describe('only regular files are read', () => {
  it('a FIFO listed in quire.yaml is refused at once (reading it would wait for ever)', async () => {
    const content = folder({ 'a.txt': PROSE, 'quire.yaml': 'sources:\n  - file: a.txt\n  - file: pipe.txt\n' });
    execFileSync('mkfifo', [path.join(content, 'pipe.txt')]);
    expect(await failsCleanly(content)).toMatch(
      /pipe\.txt: source file is not a regular file \(a device, pipe or socket\) — replace it with a text file/,
    );
  }, 20_000);
});

describe('URLs from the config pass the same scheme allow-list as links in the content', () => {
  it('refuses license.url javascript:, data: and file:, with the line and column', () => {
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', 'file:///etc/passwd']) {
      const text = `title: T\nlicense:\n  name: Free\n  url: "${url}"\n`;
      expect(() => parseConfig(text, 'content/quire.yaml')).toThrow(
        expect.objectContaining({
          line: 4,
          column: 8,
          reason: expect.stringMatching(/^invalid config: license\.url: use an absolute URL starting with http:/),
        }),
      );
    }
    for (const url of ['https://example.org/l', 'http://example.org/', 'mailto:editor@example.org']) {
      expect(parseConfig(`license:\n  name: Free\n  url: ${url}\n`, 'q.yaml').license.url).toBe(url);
    }
  });

  it('the CLI refuses it in one line and writes nothing', async () => {
    const content = folder({ 'a.txt': PROSE, 'quire.yaml': 'license:\n  name: Free\n  url: javascript:alert(1)\n' });
    expect(await failsCleanly(content)).toMatch(/quire\.yaml:3:8: invalid config: license\.url: use an absolute URL/);
  });
});

describe('the output folder and the content folder never feed each other', () => {
  it('refuses --out equal to --content, and a content folder inside the output folder', async () => {
    const content = folder({ 'a.txt': PROSE });
    const same = await runQuire(['build', '--content', content, '--out', content, '--progress', 'silent']);
    expect(same.code).toBe(1);
    expect(same.stderr.trim()).toBe(
      `quire: ${content}: the output folder is the content folder — choose another folder with --out ` +
        '(e.g. dist/), so that outputs are never read as sources',
    );
    expect(readdirSync(content)).toEqual(['a.txt']);
    const parent = path.dirname(content);
    const holds = await runQuire(['build', '--content', content, '--out', parent, '--progress', 'silent']);
    expect(holds.code).toBe(1);
    expect(holds.stderr.trim().split('\n')).toHaveLength(1);
    expect(holds.stderr).toMatch(/the output folder holds the content folder .* — choose an output folder outside/);
    // The same folder spelt another way (a trailing "/." or a symbolic link) is the same folder.
    const link = path.join(outside(), 'link');
    symlinkSync(content, link);
    const linked = await runQuire(['build', '--content', content, '--out', link, '--progress', 'silent']);
    expect(linked.stderr).toMatch(/the output folder is the content folder/);
  });

  it('an output folder inside the content folder is never read as a source, listed or not', async () => {
    const content = folder({ 'a.txt': PROSE });
    const out = path.join(content, 'out');
    await build({ contentDir: content, outDir: out, formats: ['html', 'json'], progress: 'silent' });
    const again = await build({ contentDir: content, outDir: out, formats: ['html', 'json'], progress: 'silent' });
    expect(again.book.sources.map((s) => s.file)).toEqual(['a.txt']);
    const before = readFileSync(path.join(out, 'book.json'), 'utf8');
    writeFileSync(path.join(content, 'quire.yaml'), 'sources:\n  - file: a.txt\n  - file: out/book.json\n');
    const r = await runQuire(['build', '--content', content, '--out', out, '--progress', 'silent']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(
      /^quire: \S+quire\.yaml: source "out\/book\.json" is in the output folder: Quire's own outputs are not sources/,
    );
    expect(readFileSync(path.join(out, 'book.json'), 'utf8')).toBe(before);
  });
});

describe('which files of a content folder are sources (#22)', () => {
  it('without a list: known extensions only; backups, .DS_Store, a stray image named in one warning', async () => {
    const content = folder({
      'a.txt': `${PROSE}\nThe map is in map.png, next to this file.\n`,
      'b.md': '# Title\n\nA second rendition has enough words to be a sentence of its own.\n',
      'q.bak': '# Not a chapter\n\nA backup that must not be read as Markdown at all.\n',
      'quire.yaml.bak': 'title: An old config\n',
      'a.txt~': 'Title\n\nAn editor backup with a sentence that must never reach the guide.\n',
      '.DS_Store': new Uint8Array([0, 0, 0, 1, 66, 117, 100, 49]),
      'map.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      'stray.jpg': new Uint8Array([0xff, 0xd8, 0xff]),
    });
    const out = path.join(content, 'out');
    const result = await build({ contentDir: content, outDir: out, formats: ['json'], progress: 'silent' });
    expect(result.book.sources.map((s) => s.file).sort()).toEqual(['a.txt', 'b.md']);
    expect(readFileSync(path.join(out, 'book.json'), 'utf8')).not.toMatch(/Not a chapter|must never reach the guide/);
    const folderWarnings = result.warnings.filter((w) => w.rule === 'not-a-source');
    expect(folderWarnings).toHaveLength(1);
    // The image a source names is an asset, not named; everything else is.
    expect(folderWarnings[0]!.message).toBe(
      'not read as sources: .DS_Store, a.txt~, q.bak, quire.yaml.bak, stray.jpg (sources are .md .markdown ' +
        '.wiki .wikitext .mediawiki .txt files; hidden files and editor backups are never read)',
    );
    const r = await runQuire(['build', '-c', content, '-o', out, '-f', 'json', '--progress', 'silent']);
    expect(r.stderr).toContain(`warning: ${content}: not read as sources: .DS_Store, a.txt~, q.bak`);
  });

  it('with a list: a source-like file that is not listed gets a warning', async () => {
    const content = folder({
      'a.txt': PROSE,
      'extra.md': '# Extra\n\nDropped into the folder, but not listed in the config.\n',
      'quire.yaml': 'sources:\n  - file: a.txt\n',
    });
    const result = await build({
      contentDir: content,
      outDir: path.join(content, 'out'),
      formats: ['json'],
      progress: 'silent',
    });
    expect(result.book.sources.map((s) => s.file)).toEqual(['a.txt']);
    expect(result.warnings.filter((w) => w.rule === 'unlisted-source')).toEqual([
      {
        file: 'extra.md',
        rule: 'unlisted-source',
        message:
          'not listed under "sources" in quire.yaml, so not read: add it to the list, or move it out of the folder',
      },
    ]);
  });
});
