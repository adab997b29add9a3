/**
 * The progress observers: the silent one prints nothing; the listr one with the 'simple' renderer (the one
 * CI logs get) prints a line per step as it starts and ends. listr2 writes straight to the process's
 * streams, keeping the `write` it found when the list was made: the spies go in before `plan`.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stripVTControlCharacters } from 'node:util';
import { progressFor, silentProgress, type Step } from '../../src/pipeline/progress.js';

/** Everything written to stdout and stderr from now on, as lines without colours. */
function capture() {
  const written = { stdout: [] as string[], stderr: [] as string[] };
  for (const stream of ['stdout', 'stderr'] as const) {
    vi.spyOn(process[stream], 'write').mockImplementation((chunk: string | Uint8Array) => {
      written[stream].push(stripVTControlCharacters(String(chunk)));
      return true;
    });
  }
  const lines = (stream: 'stdout' | 'stderr') =>
    written[stream]
      .join('')
      .split('\n')
      .filter((line) => line.trim() !== '');
  return { written, lines };
}

afterEach(() => {
  vi.restoreAllMocks();
});

const STEPS: Step[] = [
  { id: 'config', title: 'Load config' },
  { id: 'read', title: 'Read sources' },
  { id: 'merge', title: 'Merge' },
  { id: 'write', title: 'Write outputs' },
];

describe('silentProgress', () => {
  it('is what the silent style gives, and prints nothing whatever it is told', async () => {
    const out = capture();
    const progress = progressFor('silent');
    expect(progress).toBe(silentProgress);
    progress.plan(STEPS);
    progress.start('config');
    progress.update('config', 'reading quire.yaml');
    progress.done('config', 'Config: quire.yaml');
    progress.skip('read', 'nothing to read');
    await progress.end(new Error('stopped'));
    expect(out.written).toEqual({ stdout: [], stderr: [] });
  });
});

describe('the listr observer, simple renderer', () => {
  it("prints each planned step's final title in order; a skipped step its message, with no SKIPPED noise", async () => {
    const out = capture();
    const progress = progressFor('simple');
    progress.plan(STEPS);
    progress.start('config');
    progress.done('config', 'Config: quire.yaml; formats html');
    progress.start('read');
    progress.update('read', 'reading later-revision.wiki');
    progress.done('read', 'Read 4 sources');
    progress.start('merge');
    progress.skip('merge', 'nothing changed');
    progress.start('write');
    progress.done('write', 'Wrote 2 files to out');
    await progress.end();

    const lines = out.lines('stdout');
    const finished = lines.filter((line) => /^[✔↓]/.test(line));
    expect(finished).toEqual([
      '✔ Config: quire.yaml; formats html',
      '✔ Read 4 sources',
      '✔ nothing changed',
      '✔ Wrote 2 files to out',
    ]);
    // Each step is announced by its planned title before it ends; a running step shows what it does.
    expect(lines.filter((line) => line.startsWith('❯'))).toEqual(STEPS.map((s) => `❯ ${s.title}`));
    expect(lines).toContain('› reading later-revision.wiki');
    expect(out.lines('stderr')).toEqual([]);
  });

  it('end(error) after a failure stops the list: the running step fails, later steps never start', async () => {
    const out = capture();
    const progress = progressFor('simple');
    progress.plan(STEPS);
    progress.start('config');
    progress.done('config', 'Config: defaults');
    progress.start('read');
    await progress.end(new Error('later-revision.wiki:3: unclosed <ref>'));

    const stdout = out.lines('stdout');
    expect(stdout).toEqual(['❯ Load config', '✔ Config: defaults', '❯ Read sources']);
    expect(out.lines('stderr')).toEqual(['✖ Read sources [FAILED: later-revision.wiki:3: unclosed <ref>]']);
    expect([...stdout, ...out.lines('stderr')].join('\n')).not.toMatch(/Merge|Write outputs/);
  });

  it('end() with no error: steps the build never reached say they were not needed', async () => {
    const out = capture();
    const progress = progressFor('simple');
    progress.plan(STEPS.slice(0, 2));
    progress.start('config');
    progress.done('config', 'Config: defaults');
    await progress.end();

    expect(out.lines('stdout')).toEqual([
      '❯ Load config',
      '✔ Config: defaults',
      '❯ Read sources',
      '✔ Read sources: not needed',
    ]);
  });

  it('a step done before the plan is replayed when the list starts', async () => {
    const out = capture();
    const progress = progressFor('simple');
    progress.start('config');
    progress.done('config', 'Config: quire.yaml');
    progress.plan(STEPS.slice(0, 2));
    progress.start('read');
    progress.done('read', 'Read 1 source');
    await progress.end();

    expect(out.lines('stdout').filter((line) => line.startsWith('✔'))).toEqual([
      '✔ Config: quire.yaml',
      '✔ Read 1 source',
    ]);
  });
});
