import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { build } from '../../src/pipeline/build.js';
import { runQuire } from '../support/cli.js';
import { failsCleanly, folder } from '../support/hostile.js';
import { pdfText } from '../support/inspect.js';
import { DEFAULT_TEMPLATES } from '../../src/render/html/templates.js';
import { confinedPage, launchBrowser } from '../../src/render/print/chromium.js';
import { pathToFileURL } from 'node:url';

const PROSE = 'Title\n\nThe first paragraph has enough words to be a sentence of its own.\n';

describe('broken input: one clear line, exit 1, no stack trace, the earlier edition untouched', () => {
  it('an empty file and a file of whitespace', async () => {
    expect(await failsCleanly(folder({ 'a.txt': '' }))).toMatch(
      /a\.txt:1:1: source file is empty — add text to it or remove it/,
    );
    expect(await failsCleanly(folder({ 'a.txt': ' \n\t\n' }))).toMatch(/a\.txt:1:1: source file is empty/);
  });

  it('binary data, NUL bytes and Latin-1 text, with the line', async () => {
    expect(await failsCleanly(folder({ 'a.txt': new Uint8Array([0x54, 0x0a, 0x0a, 0x00, 0x01]) }))).toMatch(
      /a\.txt:3:1: binary data \(NUL byte\)/,
    );
    expect(
      await failsCleanly(folder({ 'a.txt': new Uint8Array([...Buffer.from('Title\n\nCaf'), 0xe9, 0x0a]) })),
    ).toMatch(/a\.txt:3:1: not valid UTF-8 text — re-save the file as UTF-8/);
  });

  it('of several broken files, the first in the folder is named (they are read at once)', async () => {
    // b.txt is refused on its size before a.txt is read and found empty: still a.txt is the one named.
    const both = folder({ 'a.txt': ' \n', 'b.txt': 'word '.repeat(2_000_000) });
    expect(await failsCleanly(both)).toMatch(/a\.txt:1:1: source file is empty/);
  });

  it('a file that is only headings: nothing to build', async () => {
    expect(await failsCleanly(folder({ 'a.wiki': '== One ==\n== Two ==\n' }))).toMatch(/no text to build/);
  });

  it('a source larger than the limit', async () => {
    expect(await failsCleanly(folder({ 'a.txt': 'word '.repeat(2_000_000) }))).toMatch(
      /a\.txt:1:1: source file is too large \(9\.5 MB; the limit is 8 MB\) — split it/,
    );
  });

  it('ten thousand nested templates', async () => {
    const deep = `== A ==\nSome text here for the section. ${'{{x|'.repeat(10_000)}${'}}'.repeat(10_000)}\n`;
    expect(await failsCleanly(folder({ 'a.wiki': deep }))).toMatch(
      /a\.wiki:1:1: markup nested too deeply to read as wikitext — remove the deeply nested templates/,
    );
  });

  it('a source path that escapes the content folder or does not exist', async () => {
    expect(
      await failsCleanly(folder({ 'quire.yaml': 'sources:\n  - file: ../../etc/passwd\n', 'a.txt': PROSE })),
    ).toMatch(/source "\.\.\/\.\.\/etc\/passwd" is outside the content folder/);
    expect(await failsCleanly(folder({ 'quire.yaml': 'sources:\n  - file: missing.txt\n', 'a.txt': PROSE }))).toMatch(
      /source file not found: missing\.txt/,
    );
  });

  it('broken templates: a syntax error and a field that does not exist, with file and line', async () => {
    const content = folder({ 'a.txt': PROSE, 'quire.yaml': 'templates: tpl\noutput:\n  formats: [html]\n' });
    const templates = path.join(content, 'tpl');
    cpSync(DEFAULT_TEMPLATES, templates, { recursive: true });
    writeFileSync(path.join(templates, 'guide.html.liquid'), '<html>\n<body>\n{% for x in %}\n</body>');
    expect(await failsCleanly(content)).toMatch(/guide\.html\.liquid:3:\d+: template error: .* — fix the template/);
    writeFileSync(path.join(templates, 'guide.html.liquid'), '<html>\n<body>\n{{ meta.nonexistent.field }}\n</body>');
    expect(await failsCleanly(content)).toMatch(/guide\.html\.liquid:3:\d+: template error: .*(undefined|null)/);
  });

  it('a templates folder outside the content folder is refused with the config line', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'quire-tpl-'));
    cpSync(DEFAULT_TEMPLATES, outside, { recursive: true });
    expect(await failsCleanly(folder({ 'a.txt': PROSE, 'quire.yaml': `templates: ${outside}\n` }))).toMatch(
      /quire\.yaml:1:12: templates: .*quire-tpl-.* is outside the content folder — give the folder made by/,
    );
  });

  it('an empty content folder, a missing template', async () => {
    expect(await failsCleanly(folder({}))).toMatch(
      /: no source files in the content folder — add a \.wiki, \.txt or \.md file/,
    );
    const missing = folder({ 'a.txt': PROSE, 'quire.yaml': 'templates: tpl\n' });
    cpSync(DEFAULT_TEMPLATES, path.join(missing, 'tpl'), { recursive: true });
    rmSync(path.join(missing, 'tpl', 'guide.html.liquid'));
    expect(await failsCleanly(missing)).toMatch(
      /guide\.html\.liquid: template "guide\.html\.liquid" is missing — restore it from Quire's templates\/ folder/,
    );
  });

  it('old Mac line ends (CR) and Windows ones (CRLF) build like any other', async () => {
    const content = folder({
      'a.txt':
        'Title\r\rThe first paragraph has enough words to be a sentence.\r\r' +
        'Second heading\r\rMore text follows here, in a second paragraph of prose.\r',
    });
    const result = await build({
      contentDir: content,
      outDir: path.join(content, 'out'),
      formats: ['json'],
      progress: 'silent',
    });
    expect(result.book.chapters.map((c) => c.title)).toEqual(['Introduction', 'Second heading']);
  });

  it('a Chromium that hangs: a timeout and a clear line', async () => {
    const fake = path.join(mkdtempSync(path.join(tmpdir(), 'quire-chrome-')), 'chromium');
    writeFileSync(fake, '#!/bin/sh\nsleep 30\n');
    chmodSync(fake, 0o755);
    const line = await failsCleanly(folder({ 'a.txt': PROSE }), ['--formats', 'pdf'], {
      QUIRE_CHROMIUM: fake,
      QUIRE_BROWSER_TIMEOUT_MS: '2000',
    });
    expect(line).toMatch(/Chromium failed to start: .*(Timed out|timed out|exited)/);
  });

  it('an output folder that cannot be written', async () => {
    const content = folder({ 'a.txt': PROSE });
    const notAFolder = path.join(content, 'file');
    writeFileSync(notAFolder, 'x');
    const r = await runQuire([
      'build',
      '--content',
      content,
      '--out',
      path.join(notAFolder, 'out'),
      '--progress',
      'silent',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      `quire: ${path.join(notAFolder, 'out')}: output folder is not writable — ` +
        'choose another folder with --out or fix its permissions',
    );
  });

  it('a Chromium that crashes', async () => {
    const fake = path.join(mkdtempSync(path.join(tmpdir(), 'quire-chrome-')), 'chromium');
    writeFileSync(fake, '#!/bin/sh\necho crashed >&2\nexit 1\n');
    chmodSync(fake, 0o755);
    const line = await failsCleanly(folder({ 'a.txt': PROSE }), ['--formats', 'pdf'], { QUIRE_CHROMIUM: fake });
    expect(line).toMatch(/^quire: .*chromium: Chromium failed to start: .* — check that this Chromium runs/);
  });
});

describe('hostile content renders harmlessly and fetches nothing', () => {
  let server: Server;
  let port = 0;
  const requests: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('the renderer itself refuses the network and files outside the build folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quire-confined-'));
    writeFileSync(path.join(dir, 'ok.css'), 'p { color: black; }');
    const html = path.join(dir, 'page.html');
    writeFileSync(
      html,
      `<link rel="stylesheet" href="ok.css"><img src="http://127.0.0.1:${port}/direct.png"><img src="file:///etc/hostname"><img src="../outside.png"><p style="background: url(http://127.0.0.1:${port}/css.png)">x</p>`,
    );
    const browser = await launchBrowser();
    try {
      const page = await confinedPage(browser, dir);
      const loaded: string[] = [];
      const refused: string[] = [];
      page.on('requestfinished', (r) => loaded.push(r.url()));
      page.on('requestfailed', (r) => refused.push(r.url()));
      await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
      expect(loaded.map((u) => path.basename(u)).sort()).toEqual(['ok.css', 'page.html']);
      expect(refused.some((u) => u === 'file:///etc/hostname')).toBe(true);
      expect(refused.some((u) => u.endsWith('/outside.png'))).toBe(true);
      expect(requests).toEqual([]);
      await page.close();
    } finally {
      await browser.close();
    }
    // Nothing goes out late either (a request still paused when its page closes).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requests).toEqual([]);
  });

  it('neutralises scripts, handlers, javascript: and data: URLs, frames, remote images and local files', async () => {
    const url = `http://127.0.0.1:${port}`;
    const md = [
      '# Hostile notes',
      '',
      '## Attack',
      '',
      'A paragraph with a [link](javascript:alert(1)) and a [data link](data:text/html,<script>alert(1)</script>) ' +
        `and an ![image](${url}/img.png) here.`,
      '',
      `<script>fetch('${url}/script')</script>`,
      '',
      `<iframe src="${url}/frame"></iframe><object data="${url}/object"></object>` +
        `<meta http-equiv="refresh" content="0;url=${url}/meta">`,
      '',
      `<img src="${url}/img2.png" onerror="fetch('${url}/onerror')"> <img src="file:///etc/passwd">`,
      '',
      `<style>@import url(${url}/import.css); body { background: url(${url}/bg.png) }</style>`,
      '',
      'The last paragraph is plain and must survive the cleaning.',
    ].join('\n');
    const wiki =
      `== Wiki attack ==\nText <script>alert(1)</script> with [${url}/ext external] and [[File:${url}/x.png]] ` +
      'and <span onclick="x()">a span</span> in it.\n';
    const content = folder({ 'notes.md': md, 'attack.wiki': wiki });
    const out = path.join(content, 'out');
    await build({ contentDir: content, outDir: out, formats: ['html', 'pdf', 'epub', 'json'], progress: 'silent' });
    expect(requests).toEqual([]);
    const html = readFileSync(
      path.join(
        out,
        readdirSync(out).find((n) => n.endsWith('.html'))!,
      ),
      'utf8',
    );
    const epub = Object.entries(
      unzipSync(
        readFileSync(
          path.join(
            out,
            readdirSync(out).find((n) => n.endsWith('.epub'))!,
          ),
        ),
      ),
    )
      .filter(([n]) => n.endsWith('.xhtml'))
      .map(([, d]) => strFromU8(d))
      .join('\n');
    for (const doc of [html, epub]) {
      expect(doc).not.toMatch(
        /<script|<iframe|<object|<style>@import|javascript:|data:text|onerror=|onclick=|http-equiv|file:\/\/\/etc/i,
      );
      // A link the reader follows is not a fetch (wikitext `[http://… label]` is a link): no other reference.
      expect(doc).toContain(`<a href="${url}/ext">external</a>`);
      expect(doc.replaceAll(`<a href="${url}/ext">`, '<a>')).not.toContain(`${url}/`);
      expect(doc).toContain('The last paragraph is plain and must survive the cleaning.');
    }
    const pdf = pdfText(
      path.join(
        out,
        readdirSync(out).find((n) => n.endsWith('.pdf'))!,
      ),
    );
    expect(pdf).toContain('The last paragraph is plain');
    // Text such as "alert(1)" may remain, as MediaWiki shows unknown tags' text: it is text, not code.
  });
});
