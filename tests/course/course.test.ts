import { describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runQuire } from '../support/cli.js';
import { pdfInfo, pdfText } from '../support/inspect.js';
import { findChromium } from '../../src/render/print/chromium.js';
import { makeCourse } from './guides.js';

const KEEPERS = 'the-lighthouse-keepers';
const CANAL = 'the-grand-meridian-canal';

/** The table's row of a guide, as cells. */
function row(stdout: string, guide: string): string[] {
  const line = stdout.split('\n').find((l) => l.trim().startsWith(`${guide} `));
  expect(line, `a row for ${guide} in:\n${stdout}`).toBeDefined();
  return line!.trim().split(/\s{2,}/);
}

describe('quire build --course: several guides in one run', () => {
  it('builds each guide into its own output folder; a broken guide fails alone, the run fails at the end', async () => {
    const course = makeCourse({ broken: true });
    // Chromium through a wrapper that counts its starts.
    const launches = path.join(course, 'launches.log');
    const wrapper = path.join(course, 'chromium.sh');
    writeFileSync(wrapper, `#!/bin/sh\necho start >> '${launches}'\nexec '${findChromium()}' "$@"\n`);
    chmodSync(wrapper, 0o755);
    const run = await runQuire(['build', '--course', course, '--formats', 'html,pdf,json', '--progress', 'simple'], {
      env: { QUIRE_CHROMIUM: wrapper },
    });
    expect(run.code).toBe(1);
    // Both guides printed with one Chromium.
    expect(readFileSync(launches, 'utf8').trim().split('\n')).toEqual(['start']);
    // The good guides: their outputs, with their own text, in their own folders.
    const keepers = path.join(course, 'keepers/output');
    const canal = path.join(course, 'canal/output');
    expect(readFileSync(path.join(keepers, `${KEEPERS}.html`), 'utf8')).toContain('Ann Vell');
    expect(readFileSync(path.join(canal, `${CANAL}.html`), 'utf8')).toContain('Brandvold');
    expect(pdfText(path.join(canal, `${CANAL}.pdf`))).toContain('Grand Meridian Canal');
    expect(pdfText(path.join(keepers, `${KEEPERS}.pdf`))).toContain('Lighthouse Keepers');
    // No print folder left behind by the shared Chromium's pages.
    for (const dir of [keepers, canal])
      expect(readdirSync(dir).filter((n) => n.startsWith('.quire-print'))).toEqual([]);
    // The table: pages as the PDF has them, the failed guide marked, every output folder named.
    const [, pages, warnings, time, status] = row(run.stdout, 'canal');
    expect(Number(pages)).toBe(Number(pdfInfo(path.join(canal, `${CANAL}.pdf`)).Pages));
    expect(warnings).toMatch(/^\d+$/);
    expect(time).toMatch(/^\d+\.\d s$/);
    expect(status).toBe('built');
    expect(row(run.stdout, 'keepers')[4]).toBe('built');
    expect(row(run.stdout, 'broken').slice(1, 3)).toEqual(['—', '—']);
    expect(row(run.stdout, 'broken')[4]).toBe('failed');
    expect(run.stdout).toContain('2 guides built, 1 failed (broken)');
    // The failure is one line naming the guide, its config file and what to do; no stack trace.
    const errors = run.stderr.split('\n').filter((l) => l.startsWith('quire:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^quire: broken: .*broken[/\\]quire\.yaml: source file not found: missing\.md — /);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    // A folder without a quire.yaml is not a guide: left as it was.
    expect(readdirSync(path.join(course, 'notes'))).toEqual(['todo.txt']);
    rmSync(course, { recursive: true, force: true });
  });

  it('a failed guide keeps its last outputs, the others are rebuilt; --out puts guide NAME in OUT/NAME', async () => {
    const course = makeCourse();
    const first = await runQuire(['build', '--course', course, '--formats', 'html', '--progress', 'silent']);
    expect(first.code, first.stderr).toBe(0);
    const canalHtml = path.join(course, 'canal/output', `${CANAL}.html`);
    const before = readFileSync(canalHtml, 'utf8');
    rmSync(path.join(course, 'canal/canal-2012.wiki'));
    const second = await runQuire(['build', '--course', course, '--formats', 'html', '--progress', 'silent']);
    expect(second.code).toBe(1);
    expect(row(second.stdout, 'canal')[4]).toBe('failed');
    expect(row(second.stdout, 'keepers')[4]).toBe('built');
    expect(readFileSync(canalHtml, 'utf8')).toBe(before);

    const out = mkdtempSync(path.join(tmpdir(), 'quire-course-out-'));
    const third = await runQuire([
      'build',
      '--course',
      course,
      '--out',
      out,
      '--formats',
      'json',
      '--progress',
      'silent',
    ]);
    expect(third.code).toBe(1);
    const book = JSON.parse(readFileSync(path.join(out, 'keepers/book.json'), 'utf8')) as { title: string };
    expect(book.title).toBe('The Lighthouse Keepers');
    expect(existsSync(path.join(out, 'canal/book.json'))).toBe(false);
    expect(existsSync(path.join(course, 'keepers/output/book.json'))).toBe(false);
    rmSync(course, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it('says in one line what is wrong with the course folder', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'quire-course-empty-'));
    const none = await runQuire(['build', '--course', empty]);
    expect(none.code).toBe(1);
    expect(none.stderr.trim()).toMatch(/^quire: .*: no guides in the course folder — .*quire\.yaml/);
    const course = makeCourse();
    const guide = await runQuire(['build', '--course', path.join(course, 'keepers')]);
    expect(guide.stderr.trim()).toMatch(/this is one guide .* — build it with quire build --content DIR$/);
    const both = await runQuire(['build', '--course', course, '--content', path.join(course, 'keepers')]);
    expect(both.code).not.toBe(0);
    expect(both.stderr.trim()).toMatch(/^quire: .*--course.*--content.* — see quire --help$/);
    // `quire build` in a course folder says how to build the course.
    const inside = await runQuire(['build'], { cwd: course });
    expect(inside.code).toBe(1);
    expect(inside.stderr.trim()).toMatch(/its folders canal, keepers are guides: .*"quire build --course \."$/);
    rmSync(empty, { recursive: true, force: true });
    rmSync(course, { recursive: true, force: true });
  });
});
