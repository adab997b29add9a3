/**
 * A stage's cache key comes from what it declares (its inputs) and Quire's code, nothing else; runStage
 * runs a stage once per key, reuses the result after that, and times it under the stage's name.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runStage, stageKey, type Stage, type StageHost } from '../../src/pipeline/stage.js';
import { BuildCache, fingerprintOf } from '../../src/pipeline/cache.js';

interface Input {
  text: string;
  config: { paper: string; duplex: boolean };
  /** Not declared as an input: changing it must not change the key. */
  note: string;
}

const base: Input = { text: 'Karl Radek', config: { paper: 'a4', duplex: false }, note: 'first' };

/** A stage that counts its runs and declares `text` and `config` as what its result depends on. */
function counting(name = 'upper', keep?: 'memory'): Stage<Input, { upper: string }> & { runs: Input[] } {
  const runs: Input[] = [];
  return {
    name,
    keep,
    runs,
    inputs: (input) => [input.text, input.config],
    run: (input) => {
      runs.push(input);
      return { upper: input.text.toUpperCase() };
    },
  };
}

interface RecordingHost extends StageHost {
  /** The names timed, in order. */
  names: string[];
  /** The name being timed now, if any. */
  inside(): string | undefined;
}

/** A host over a cache (in memory unless given) that records what it timed and what ran inside a timing. */
function host(cache = new BuildCache(), code = 'code-1'): RecordingHost {
  const names: string[] = [];
  let timing: string | undefined;
  return {
    cache,
    code,
    names,
    inside: () => timing,
    timed: async (name, fn) => {
      names.push(name);
      timing = name;
      try {
        return await fn();
      } finally {
        timing = undefined;
      }
    },
  };
}

describe('stageKey', () => {
  const stage = counting();
  const key = (input: Input, code = 'code-1') => stageKey(stage, input, code);

  it('is the same for the same declared inputs and code, whatever else differs', () => {
    expect(key(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(key({ ...base })).toBe(key(base));
    expect(key({ ...base, note: 'second' })).toBe(key(base));
    expect(key({ ...base, config: { ...base.config } })).toBe(key(base));
  });

  it('changes when any declared input changes', () => {
    const changed: Input[] = [
      { ...base, text: 'Karl Radek.' },
      { ...base, config: { ...base.config, paper: 'letter' } },
      { ...base, config: { ...base.config, duplex: true } },
    ];
    const keys = changed.map((input) => key(input));
    expect(new Set([key(base), ...keys]).size).toBe(changed.length + 1);
  });

  it("changes when Quire's code fingerprint changes, and with the stage's name", () => {
    expect(key(base, 'code-2')).not.toBe(key(base));
    expect(stageKey(counting('lower'), base, 'code-1')).not.toBe(key(base));
  });
});

describe('runStage', () => {
  it('runs a stage once, then reuses its result for the same inputs; counts both', async () => {
    const stage = counting();
    const h = host();
    const first = await runStage(stage, base, h);
    const again = await runStage(stage, { ...base, note: 'not an input' }, h);

    expect(stage.runs).toHaveLength(1);
    expect(first).toEqual({ output: { upper: 'KARL RADEK' }, key: stageKey(stage, base, 'code-1') });
    expect(again).toEqual(first);
    expect(h.cache.counters).toEqual({ upper: { ran: 1, reused: 1 } });
  });

  it('runs again when a declared input or the code changes', async () => {
    const stage = counting();
    const cache = new BuildCache();
    await runStage(stage, base, host(cache));
    const edited = await runStage(stage, { ...base, text: 'Radek' }, host(cache));
    await runStage(stage, base, host(cache, 'code-2'));

    expect(edited.output).toEqual({ upper: 'RADEK' });
    expect(stage.runs.map((r) => r.text)).toEqual(['Karl Radek', 'Radek', 'Karl Radek']);
    expect(cache.counters).toEqual({ upper: { ran: 3, reused: 0 } });
  });

  it('times the stage under its name, with the run inside the timing', async () => {
    const h = host();
    const seen: (string | undefined)[] = [];
    const stage: Stage<Input, number> = {
      name: 'merge',
      inputs: (input) => [input.text],
      run: () => {
        seen.push(h.inside());
        return 1;
      },
    };
    await runStage(stage, base, h);
    await runStage(stage, base, h);
    expect(seen).toEqual(['merge']);
    // A reused result is timed too (the lookup is the stage's time in that build).
    expect(h.names).toEqual(['merge', 'merge']);
  });

  it("keeps a result on disk by default, and in memory only for a stage that says 'memory'", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quire-stage-'));
    try {
      const cache = new BuildCache(dir);
      await runStage(counting('kept'), base, host(cache));
      await runStage(counting('passing', 'memory'), base, host(cache));
      await cache.settle();
      expect(readdirSync(dir)).toEqual(['kept']);
      expect(readdirSync(path.join(dir, 'kept'))).toEqual([`${stageKey(counting('kept'), base, 'code-1')}.entry`]);

      // A new process (a new cache over the same folder) reuses the disk result without running the stage.
      const later = counting('kept');
      const fresh = new BuildCache(dir);
      expect((await runStage(later, base, host(fresh))).output).toEqual({ upper: 'KARL RADEK' });
      expect(later.runs).toHaveLength(0);
      expect(fresh.counters).toEqual({ kept: { ran: 0, reused: 1 } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("Quire's code fingerprint", () => {
  /** An installed Quire: its package.json, one module, one library at `version`, with or without npm's record. */
  function installed(version: string, record: boolean): string {
    const root = mkdtempSync(path.join(tmpdir(), 'quire-fingerprint-'));
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    };
    write('package.json', JSON.stringify({ name: 'quire', version: '0.1.0', dependencies: { parser: '^1.0.0' } }));
    write('dist/src/a.js', 'export {};');
    write('node_modules/parser/package.json', JSON.stringify({ name: 'parser', version }));
    if (record)
      write('node_modules/.package-lock.json', JSON.stringify({ packages: { 'node_modules/parser': { version } } }));
    // The same time on the module in every copy: only the library differs.
    utimesSync(path.join(root, 'dist/src/a.js'), 1_700_000_000, 1_700_000_000);
    return root;
  }

  it('changes when a library is updated, with or without npm’s record of the installed tree', () => {
    for (const record of [true, false]) {
      const [one, same, two] = [installed('1.0.0', record), installed('1.0.0', record), installed('1.0.1', record)];
      expect(fingerprintOf(one), `record ${record}`).toBe(fingerprintOf(same));
      expect(fingerprintOf(one), `record ${record}`).not.toBe(fingerprintOf(two));
      for (const root of [one, same, two]) rmSync(root, { recursive: true, force: true });
    }
  });

  it('finds a library installed in a folder above, as Node would load it', () => {
    const root = installed('2.0.0', false);
    const nested = path.join(root, 'node_modules', 'quire');
    mkdirSync(path.join(nested, 'dist/src'), { recursive: true });
    writeFileSync(path.join(nested, 'package.json'), readFileSync(path.join(root, 'package.json')));
    const before = fingerprintOf(nested);
    writeFileSync(path.join(root, 'node_modules/parser/package.json'), JSON.stringify({ version: '2.0.1' }));
    expect(fingerprintOf(nested)).not.toBe(before);
    rmSync(root, { recursive: true, force: true });
  });
});
