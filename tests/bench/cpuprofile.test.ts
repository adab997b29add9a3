import { describe, expect, it } from 'vitest';
import { Session } from 'node:inspector/promises';
import { formatSummary, placeOf, summarise, type CpuProfile } from '../../bench/cpuprofile.js';

/** Busy for `ms` milliseconds of CPU, in a function of its own (so a profile can name it). */
function spinFor(ms: number): number {
  const end = performance.now() + ms;
  let x = 0;
  while (performance.now() < end) x = (x * 31 + 7) % 1_000_003;
  return x;
}

describe('CPU profile summary (npm run profile)', () => {
  it('charges each sample to its function and groups functions by where they live', () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 9 });
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', '') },
        { id: 2, callFrame: frame('best', 'file:///x/quire/dist/src/merge/sentences.js') },
        { id: 3, callFrame: frame('parse', 'file:///x/quire/node_modules/wikiparser-node/dist/index.js') },
        { id: 4, callFrame: frame('(garbage collector)', '') },
        { id: 5, callFrame: frame('compileSourceTextModule', 'node:internal/modules/esm/utils') },
      ],
      startTime: 0,
      endTime: 100_000,
      samples: [2, 2, 3, 4, 5, 2],
      timeDeltas: [10_000, 20_000, 5_000, 4_000, 1_000, 30_000],
    };
    const summary = summarise(profile);
    expect(summary.wallMs).toBe(100);
    expect(summary.groups).toEqual([
      { name: 'quire src/merge/sentences.js', ms: 60 },
      { name: 'wikiparser-node', ms: 5 },
      { name: '(garbage collector)', ms: 4 },
      { name: 'node: modules', ms: 1 },
    ]);
    expect(summary.functions[0]).toEqual({ name: 'best', where: 'quire src/merge/sentences.js:10', ms: 60 });
    expect(formatSummary('t', summary)).toMatch(/60 ms\s+60 %\s+best\s+\(quire src\/merge\/sentences\.js:10\)/);
  });

  it("charges the inspector's own calls, and what they call, to the profiler", () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', ''), children: [2, 4] },
        { id: 2, callFrame: frame('post', 'node:inspector'), children: [3] },
        { id: 3, callFrame: frame('dispatch', '') },
        { id: 4, callFrame: frame('work', 'file:///x/dist/src/a.js') },
      ],
      startTime: 0,
      endTime: 30_000,
      samples: [3, 2, 4],
      timeDeltas: [10_000, 5_000, 15_000],
    };
    expect(summarise(profile).groups).toEqual([
      { name: '(profiler)', ms: 15 },
      { name: 'quire src/a.js', ms: 15 },
    ]);
  });

  it('names places by package, own file or Node part', () => {
    expect(placeOf('file:///r/node_modules/@resvg/resvg-js/index.js', 'f')).toBe('@resvg/resvg-js');
    expect(placeOf('file:///r/dist/bench/bench.js', 'f')).toBe('quire bench/bench.js');
    expect(placeOf('node:fs', 'readFileSync')).toBe('node: other');
    expect(placeOf('', '(idle)')).toBe('(idle)');
    expect(placeOf('', 'readFileUtf8')).toBe('(native)');
  });

  it('finds the function that took the time in a real profile', async () => {
    const session = new Session();
    session.connect();
    try {
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
      spinFor(300);
      const { profile } = await session.post('Profiler.stop');
      const summary = summarise(profile as CpuProfile);
      const spin = summary.functions.find((f) => f.name === 'spinFor');
      expect(spin?.where).toMatch(/cpuprofile\.test\.ts:\d+$/);
      // It is the function that took the time (with the clock it reads; the rest is the profiler's own).
      expect(
        spin!.ms + summary.functions.filter((f) => f.name === 'now').reduce((s, f) => s + f.ms, 0),
      ).toBeGreaterThan(0.3 * summary.wallMs);
      expect(summary.functions.filter((f) => !f.where.startsWith('(') && f.name !== 'now')[0]?.name).toBe('spinFor');
    } finally {
      session.disconnect();
    }
  });
});
