/**
 * A guide's templates folder is as untrusted as its content: a template must not reach the host (no
 * prototype escapes to `process` or `require`), includes and assets resolve inside the folder only, and
 * symbolic links are refused. Each failure is one line naming the file (and the line, for a template).
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runQuire } from '../support/cli.js';
import { DEFAULT_TEMPLATES, TemplateSet } from '../../src/render/html/templates.js';
import { QuireError } from '../../src/util/errors.js';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};

const PROSE = 'Title\n\nThe first paragraph has enough words to be a sentence of its own.\n';

/** A guide folder with its own copy of Quire's templates (as `quire init` makes), HTML output only. */
function guide(): { content: string; templates: string; out: string } {
  const content = tempDir('quire-tpl-guide-');
  const templates = path.join(content, 'templates');
  cpSync(DEFAULT_TEMPLATES, templates, { recursive: true });
  writeFileSync(path.join(content, 'a.txt'), PROSE);
  writeFileSync(path.join(content, 'quire.yaml'), 'templates: templates\noutput:\n  formats: [html]\n');
  return { content, templates, out: path.join(content, 'out') };
}

/** The guide's main template, whichever engine's name it has, replaced by `body` for that engine. */
function setGuideTemplate(templates: string, body: { liquid: string; njk: string }): void {
  writeFileSync(path.join(templates, 'guide.html.liquid'), body.liquid);
  writeFileSync(path.join(templates, 'guide.html.njk'), body.njk);
}

async function buildGuide(g: { content: string; out: string }) {
  const r = await runQuire(['build', '--content', g.content, '--out', g.out, '--progress', 'silent']);
  return { ...r, stderr: r.stderr.trim() };
}

/** A failed build: exit 1, one line, no stack trace. */
function oneLine(r: { code: number | null; stderr: string }): string {
  expect(r.code).toBe(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr.split('\n')).toHaveLength(1);
  return r.stderr;
}

/** Every HTML file of an output folder, concatenated ('' if there is none). */
const htmlOf = (out: string): string =>
  existsSync(out)
    ? readdirSync(out)
        .filter((f) => f.endsWith('.html'))
        .map((f) => readFileSync(path.join(out, f), 'utf8'))
        .join('\n')
    : '';

const outsideFile = (): string => {
  const dir = tempDir('quire-outside-');
  const file = path.join(dir, 'secret.txt');
  writeFileSync(file, 'TOP-SECRET-OUTSIDE-THE-GUIDE');
  return file;
};

describe('a guide folder whose templates are hostile', () => {
  it('prototype escapes (constructor, __proto__, process, require) run no command', async () => {
    const g = guide();
    const marker = path.join(g.content, 'pwned');
    const shell = `touch ${marker}`;
    const njkRun = (root: string) =>
      `{{ ${root}.constructor("return process.getBuiltinModule('child_process').execSync('${shell}')")() }}`;
    setGuideTemplate(g.templates, {
      njk: ['<html><body>', njkRun('range'), njkRun('cycler'), njkRun('joiner'), '</body></html>'].join('\n'),
      liquid: [
        '<html><body>',
        '<p>{{ meta.constructor }}|{{ meta.__proto__ }}|{{ meta.title.constructor.constructor }}</p>',
        '<p>{{ process }}|{{ require }}|{{ constructor.constructor }}|{{ __proto__.constructor }}</p>',
        `{% assign f = meta.constructor.constructor %}{{ f | append: "return process" }}`,
        `<p>{{ "${shell}" | split: " " | map: "constructor" | join: "," }}</p>`,
        `{% include "${path.join(process.execPath)}" %}`,
        '</body></html>',
      ].join('\n'),
    });
    const r = await buildGuide(g);
    expect(existsSync(marker)).toBe(false);
    if (r.code !== 0) oneLine(r);
    else {
      const html = htmlOf(g.out);
      expect(html).not.toMatch(/function|\[native code\]|process|ELF/);
    }
  });

  it('the same escapes with nothing else in the template: inert text, or one clear line', async () => {
    const g = guide();
    const marker = path.join(g.content, 'pwned');
    setGuideTemplate(g.templates, {
      njk: `{{ range.constructor("return process.getBuiltinModule('child_process').execSync('touch ${marker}')")() }}`,
      liquid: `{{ meta.constructor.constructor }}{{ meta.__proto__.constructor }}{{ process.mainModule }}`,
    });
    const r = await buildGuide(g);
    expect(existsSync(marker)).toBe(false);
    if (r.code !== 0) expect(oneLine(r)).toMatch(/guide\.html\.liquid:1:\d+: template error: /);
  });

  it('an include of a symbolic link to a file outside the folder is refused, naming the template', async () => {
    const g = guide();
    symlinkSync(outsideFile(), path.join(g.templates, 'partials', 'evil.liquid'));
    symlinkSync(outsideFile(), path.join(g.templates, 'partials', 'evil.njk'));
    setGuideTemplate(g.templates, {
      liquid: '<html>\n<body>\n{% include "partials/evil.liquid" %}\n</body></html>',
      njk: '<html>\n<body>\n{% include "partials/evil.njk" %}\n</body></html>',
    });
    const r = await buildGuide(g);
    expect(r.stderr + htmlOf(g.out)).not.toMatch(/TOP-SECRET/);
    expect(oneLine(r)).toMatch(
      /templates\/guide\.html\.liquid:3:\d+: template error: .*partials\/evil\.liquid.*symbolic link.* — /,
    );
  });

  it('an include that leaves the folder (../ or an absolute path) is refused', async () => {
    const g = guide();
    const secret = outsideFile();
    setGuideTemplate(g.templates, {
      liquid: `<html>\n<body>\n{% include "../../../../../../..${secret}" %}\n</body></html>`,
      njk: `<html>\n<body>\n{% include "../../../../../../..${secret}" %}\n</body></html>`,
    });
    const r = await buildGuide(g);
    expect(r.stderr).not.toMatch(/TOP-SECRET/);
    expect(oneLine(r)).toMatch(/guide\.html\.liquid:3:\d+: template error: .*outside the templates folder/);
  });

  it('a symlinked screen.css is refused with one line naming it', async () => {
    const g = guide();
    rmSync(path.join(g.templates, 'screen.css'));
    symlinkSync(outsideFile(), path.join(g.templates, 'screen.css'));
    const r = await buildGuide(g);
    expect(existsSync(path.join(g.out, 'assets', 'screen.css'))).toBe(false);
    expect(oneLine(r)).toMatch(/templates\/screen\.css: .*symbolic link.* — /);
  });

  it('a templates folder reached through a symlinked partials folder is refused', async () => {
    const g = guide();
    const elsewhere = tempDir('quire-partials-');
    cpSync(path.join(g.templates, 'partials'), elsewhere, { recursive: true });
    rmSync(path.join(g.templates, 'partials'), { recursive: true });
    symlinkSync(elsewhere, path.join(g.templates, 'partials'));
    const r = await buildGuide(g);
    expect(oneLine(r)).toMatch(/templates\/guide\.html\.liquid:\d+:\d+: template error: .*partials\/.*symbolic link/);
  });

  it('a template error names the file and the line', async () => {
    const g = guide();
    mkdirSync(path.join(g.templates, 'partials'), { recursive: true });
    writeFileSync(path.join(g.templates, 'partials', 'credits.liquid'), '<p>\n\n{{ meta.nosuchfield }}</p>\n');
    writeFileSync(path.join(g.templates, 'partials', 'credits.njk'), '<p>\n\n{{ meta.nosuchfield }}</p>\n');
    const r = await buildGuide(g);
    expect(oneLine(r)).toMatch(/templates\/partials\/credits\.liquid:3:\d+: template error: .*nosuchfield/);
  });

  it('a template that loops a billion times or includes itself stops with one line', async () => {
    const g = guide();
    const loop = '{% for i in (1..1000000000) %}{{ i }}{% endfor %}';
    setGuideTemplate(g.templates, { liquid: loop, njk: '{% for i in range(1000000000) %}{{ i }}{% endfor %}' });
    expect(oneLine(await buildGuide(g))).toMatch(
      /guide\.html\.liquid:1:\d+: template error: memory alloc limit exceeded/,
    );
    setGuideTemplate(g.templates, {
      liquid: '{% include "guide.html.liquid" %}',
      njk: '{% include "guide.html.njk" %}',
    });
    expect(oneLine(await buildGuide(g))).toMatch(/guide\.html\.liquid:1:\d+: template error: /);
  });

  it('each escape on its own renders nothing of the host, or fails with one line', () => {
    const dir = tempDir('quire-tpl-unit-');
    const payloads = [
      '{{ meta.constructor }}',
      '{{ meta.__proto__ }}',
      '{{ meta["constructor"]["constructor"] }}',
      '{% assign k = "constructor" %}{{ meta[k][k] }}',
      '{{ meta.title.constructor }}',
      '{{ meta.toString }}{{ meta.hasOwnProperty }}',
      '{{ chapters.constructor }}',
      '{{ chapters | map: "constructor" | join: "," }}',
      '{{ meta.title | split: "" | map: "__proto__" | join: "," }}',
      '{{ process }}{{ require }}{{ globalThis }}{{ global }}',
      '{{ constructor }}{{ __proto__ }}',
    ];
    const view = { meta: { title: 'T' }, chapters: [{ id: 'a' }] };
    payloads.forEach((payload, i) => {
      writeFileSync(path.join(dir, `p${i}.liquid`), payload);
      let out = '';
      try {
        out = new TemplateSet(dir).render(`p${i}.liquid`, view);
      } catch (error) {
        expect(error).toBeInstanceOf(QuireError);
        expect((error as QuireError).oneLine()).toMatch(new RegExp(`p${i}\\.liquid:1:\\d+: template error: [^\\n]+$`));
      }
      expect(out).not.toMatch(/function|native code|object|process|require/i);
    });
  });
});
