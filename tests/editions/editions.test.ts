import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../../src/pipeline/build.js';
import { CONTENT, ROOT, SEEDS } from '../support/content.js';
import { runQuire } from '../support/cli.js';
import { pdfText } from '../support/inspect.js';

describe('editions and the changelog', () => {
  it('two recorded editions with one edit between them: the changelog names exactly that edit', async () => {
    const content = mkdtempSync(path.join(tmpdir(), 'quire-editions-'));
    cpSync(CONTENT, content, { recursive: true });
    const out = path.join(content, 'out');
    const first = await build({
      contentDir: content,
      outDir: out,
      formats: ['json', 'report'],
      release: true,
      progress: 'silent',
    });
    expect(first.changelog).toBeUndefined();
    expect(existsSync(path.join(content, 'editions/edition-1.json'))).toBe(true);

    // The editor rewords one sentence of the preferred source and raises the edition.
    const file = path.join(content, SEEDS.later);
    const before = 'Karl Radek also illegally supported communist subversive activities in Weimar Germany in 1919.';
    const after = 'Karl Radek also secretly supported communist subversive activities in Weimar Germany in 1919.';
    writeFileSync(file, readFileSync(file, 'utf8').replace(before, after));
    writeFileSync(
      path.join(content, 'quire.yaml'),
      readFileSync(path.join(content, 'quire.yaml'), 'utf8').replace(
        /number: 1\n {2}date: [\d-]+/,
        'number: 2\n  date: 2026-12-01',
      ),
    );
    const second = await build({
      contentDir: content,
      outDir: out,
      formats: ['json', 'report', 'html'],
      release: true,
      progress: 'silent',
    });
    const log = second.changelog!;
    expect(log.from).toEqual({ number: 1, date: '2026-11-23' });
    expect(log.to).toEqual({ number: 2, date: '2026-12-01' });
    expect(log.sections.changed).toHaveLength(1);
    expect(log.sections.changed[0]).toMatchObject({ title: 'Introduction', added: [], removed: [] });
    const reworded = log.sections.changed[0]!.reworded;
    expect(reworded).toHaveLength(1);
    expect(reworded[0]!.before).toBe(before);
    expect(reworded[0]!.after).toBe(after);
    expect(reworded[0]!.words.filter((w) => w.change !== 'same').map((w) => `${w.change}:${w.text}`)).toEqual([
      'removed:illegally',
      'added:secretly',
    ]);
    for (const part of [
      log.chapters.added,
      log.chapters.removed,
      log.sections.added,
      log.sections.removed,
      log.glossaries.added,
      log.glossaries.removed,
    ])
      expect(part).toEqual([]);
    // A question that quotes the edited sentence is asked in its new words; no other question changes.
    for (const q of log.questions.added) expect(q).toContain('secretly');
    for (const q of log.questions.removed) expect(q).toContain('illegally');
    expect(existsSync(path.join(content, 'editions/edition-2.json'))).toBe(true);
    // A release says what changed in the guide itself.
    const html = readFileSync(
      path.join(
        out,
        readdirSync(out).find((n) => n.endsWith('.html') && n !== 'report.html')!,
      ),
      'utf8',
    );
    expect(html).toContain('What changed in this edition');
    expect(html).toContain('<del>illegally</del>');
    const report = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(report).toContain('What changed since edition 1');
    expect(report).toContain('<del>illegally</del>');
    expect(report).toContain('<ins>secretly</ins>');
  });

  it('an edition is recorded once: releasing it again is a clear error', async () => {
    const content = mkdtempSync(path.join(tmpdir(), 'quire-editions-'));
    writeFileSync(
      path.join(content, 'a.txt'),
      'Title\n\nThe first paragraph has enough words to be a sentence of its own.\n',
    );
    const out = path.join(content, 'out');
    expect(
      (await runQuire(['release', '--content', content, '--out', out, '--formats', 'json', '--progress', 'silent']))
        .code,
    ).toBe(0);
    const again = await runQuire([
      'release',
      '--content',
      content,
      '--out',
      out,
      '--formats',
      'json',
      '--progress',
      'silent',
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(
      `quire: ${path.join(content, 'editions/edition-1.json')}: edition 1 is already recorded — ` +
        'raise edition.number (and its date) in quire.yaml to release a new edition',
    );
    // Refused before building: the outputs of the recorded edition are untouched.
    expect(readFileSync(path.join(out, 'book.json'), 'utf8')).toBe(
      readFileSync(path.join(content, 'editions/edition-1.json'), 'utf8'),
    );
  });
});

describe('safe outputs', () => {
  const PROSE =
    'Title\n\nThe first paragraph has enough words to be a sentence of its own.\n\n' +
    'Second part\n\nAnother paragraph follows here with words enough to count.\n';

  it('a build killed while printing the PDF leaves the earlier outputs intact; the next build cleans up', async () => {
    const content = mkdtempSync(path.join(tmpdir(), 'quire-kill-'));
    writeFileSync(path.join(content, 'a.txt'), PROSE);
    const out = path.join(content, 'out');
    await build({ contentDir: content, outDir: out, progress: 'silent' });
    const before = new Map(
      readdirSync(out)
        .filter((n) => !n.startsWith('.') && n.includes('.'))
        .map((n) => [n, readFileSync(path.join(out, n))]),
    );
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(ROOT, 'src/cli.ts'),
        'build',
        '--content',
        content,
        '--out',
        out,
        '--progress',
        'simple',
        '--no-cache',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    // Killed once the PDF is being printed and the staging folder holds the other outputs: the writers run
    // side by side, so Chromium may start before the first output is staged (on a loaded machine).
    let said = '';
    child.stdout.on('data', (d: Buffer) => (said += String(d)));
    child.stderr.on('data', (d: Buffer) => (said += String(d)));
    const closed = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('close', (_code, signal) => resolve(signal)),
    );
    const poll = setInterval(() => {
      const printing = /❯ PDF|starting Chromium|rendering/.test(said);
      if (printing && readdirSync(out).some((n) => n.startsWith('.quire-staging-'))) child.kill('SIGKILL');
    }, 10);
    const signal = await closed;
    clearInterval(poll);
    expect(signal, said).toBe('SIGKILL');
    for (const [name, bytes] of before) expect(readFileSync(path.join(out, name)).equals(bytes), name).toBe(true);
    expect(readdirSync(out).some((n) => n.startsWith('.quire-staging-'))).toBe(true);
    await build({ contentDir: content, outDir: out, formats: ['json'], progress: 'silent' });
    expect(readdirSync(out).filter((n) => n.startsWith('.quire-staging') || n === '.quire-lock')).toEqual([]);
  });

  it('two builds at once on one output folder: the second stops with a clear line', async () => {
    const content = mkdtempSync(path.join(tmpdir(), 'quire-lock-'));
    writeFileSync(path.join(content, 'a.txt'), PROSE);
    const out = path.join(content, 'out');
    mkdirSync(out);
    // A live process holds the lock (this test runner itself, as far as the CLI child can tell).
    writeFileSync(path.join(out, '.quire-lock'), String(process.pid));
    // A PDF build: the command has started Chromium before the lock refuses it, and must still close it and
    // exit (a browser left open would keep the process running).
    const r = await runQuire(['build', '--content', content, '--out', out, '--formats', 'pdf', '--progress', 'silent']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      `quire: ${out}: another Quire build (process ${process.pid}) is writing to this output folder — ` +
        'wait for it to finish, or delete .quire-lock there if no build is running',
    );
    // A lock left by a process that is gone is taken over.
    writeFileSync(path.join(out, '.quire-lock'), '999999');
    expect(
      (await runQuire(['build', '--content', content, '--out', out, '--formats', 'json', '--progress', 'silent'])).code,
    ).toBe(0);
  });
});

describe('quire init', () => {
  it('scaffolds a guide that builds, and refuses a folder that is not empty', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'quire-init-')), 'guide');
    expect((await runQuire(['init', dir])).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['quire.yaml', 'sample.md', 'templates']);
    const result = await build({
      contentDir: dir,
      outDir: path.join(dir, 'output'),
      formats: ['json', 'html'],
      progress: 'silent',
    });
    expect(result.book.chapters.map((c) => c.title)).toEqual(['Introduction', 'The first part', 'The second part']);
    const again = await runQuire(['init', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(`quire: ${dir}: folder is not empty — choose a new or empty folder for the guide`);
  });
});

describe('reproducible builds', () => {
  it('same content, templates and edition: byte-identical HTML, EPUB, book.json, report; same PDF text', async () => {
    const a = mkdtempSync(path.join(tmpdir(), 'quire-repro-a-'));
    const b = mkdtempSync(path.join(tmpdir(), 'quire-repro-b-'));
    await build({ contentDir: CONTENT, outDir: a, progress: 'silent' });
    await build({ contentDir: CONTENT, outDir: b, progress: 'silent' });
    const files = readdirSync(a).filter((n) => !n.startsWith('.') && /\.(html|pdf|epub|json)$/.test(n));
    expect(files.length).toBe(7); // HTML, EPUB, PDF, book.json, its schema, alignment.json, report
    for (const name of files.filter((n) => !n.endsWith('.pdf')))
      expect(readFileSync(path.join(a, name)).equals(readFileSync(path.join(b, name))), name).toBe(true);
    // The PDF: Chromium's font subsets are named in the order fonts finish loading, which a busy machine
    // can change; pages and text are the same (and so are the bytes on a quiet machine).
    const pdf = files.find((n) => n.endsWith('.pdf'))!;
    expect(pdfText(path.join(b, pdf))).toBe(pdfText(path.join(a, pdf)));
  });
});

describe('a released edition rebuilt (#22)', () => {
  it('release says what it recorded; a rebuild of that edition reproduces it, "What changed" page too', async () => {
    const content = mkdtempSync(path.join(tmpdir(), 'quire-rerelease-'));
    cpSync(CONTENT, content, { recursive: true });
    const config = path.join(content, 'quire.yaml');
    // Edition 1 released from the command line: the line names the snapshot and what it is for.
    const first = await runQuire([
      'release',
      '-c',
      content,
      '-o',
      path.join(content, 'out1'),
      '-f',
      'json',
      '--progress',
      'silent',
    ]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      `Recorded edition 1 in ${path.join(content, 'editions/edition-1.json')}: a snapshot ` +
        'of its book.json, which later builds compare with ("What changed" in the guide and the report). ' +
        'Commit it with the content.\n',
    );
    // Edition 2: one sentence reworded, released, then built again elsewhere (no output reused).
    const file = path.join(content, SEEDS.later);
    writeFileSync(file, readFileSync(file, 'utf8').replace('illegally supported', 'secretly supported'));
    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace(/number: 1\n {2}date: [\d-]+/, 'number: 2\n  date: 2026-12-01'),
    );
    const released = path.join(content, 'released');
    const rebuilt = path.join(content, 'rebuilt');
    await build({ contentDir: content, outDir: released, formats: ['html', 'pdf'], release: true, progress: 'silent' });
    const again = await build({ contentDir: content, outDir: rebuilt, formats: ['html', 'pdf'], progress: 'silent' });
    expect(again.changelog?.from.number).toBe(1);
    const html = readdirSync(released).find((n) => n.endsWith('.html'))!;
    const pdf = readdirSync(released).find((n) => n.endsWith('.pdf'))!;
    const releasedHtml = readFileSync(path.join(released, html), 'utf8');
    expect(releasedHtml).toContain('What changed in this edition');
    expect(readFileSync(path.join(rebuilt, html), 'utf8')).toBe(releasedHtml);
    expect(pdfText(path.join(rebuilt, pdf))).toBe(pdfText(path.join(released, pdf)));
    expect(pdfText(path.join(rebuilt, pdf))).toContain('What changed in this edition');
  });
});
