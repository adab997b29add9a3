/**
 * The hostile constructs at 1×, 4× and 16× (bench.ts's `hostile` section): each reader on the constructs
 * that once blew it up (tables, nesting, one long line) and the merge on repetitive vocabulary, each case
 * in a child process so that its peak memory is its own. The growth exponent is taken against the input's
 * size in characters (deep nesting needs a longer prefix per level: size grows faster than depth);
 * anything above 1.2 is flagged. Run as `node dist/bench/hostile.js <case> <scale>` it is that child: it
 * prints the CPU milliseconds of the read (and merge) on stdout.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { gfmTable, markdownNested, prose, repetitive, wikiNested, wikiTable } from './hostile-inputs.js';
import { parseSource } from '../src/sources/index.js';
import { mergeSources } from '../src/merge/index.js';
import type { SourceFormat } from '../src/model/index.js';

interface Case {
  format: SourceFormat;
  text: (scale: number) => string;
  merge?: boolean;
}

export const CASES: Record<string, Case> = {
  'wikitext table': { format: 'wikitext', text: (k) => wikiTable(6000 * k) },
  'wikitext list depth': { format: 'wikitext', text: (k) => wikiNested(125 * k) },
  'markdown table': { format: 'markdown', text: (k) => gfmTable(8000 * k) },
  'markdown list depth': { format: 'markdown', text: (k) => markdownNested(125 * k) },
  'markdown prose': { format: 'markdown', text: (k) => prose(4000 * k) },
  'plain-text prose': { format: 'plain-text', text: (k) => prose(4000 * k).replace(/^#+ /gm, '') },
  'plain-text long line': { format: 'plain-text', text: (k) => 'word '.repeat(100_000 * k) },
  'merge repetitive words': { format: 'markdown', text: (k) => repetitive(2000 * k), merge: true },
  'merge prose': { format: 'markdown', text: (k) => prose(2000 * k), merge: true },
};

const SCALES = [1, 4, 16];

/** The child: read (and merge) one case at one scale; CPU milliseconds and the input's size. */
async function child(name: string, scale: number): Promise<void> {
  const c = CASES[name]!;
  const texts = c.merge ? [c.text(scale), c.text(scale).replace(/\b(\p{L}{4,})\b/gu, '$1s')] : [c.text(scale)];
  const start = process.cpuUsage();
  const sources = await Promise.all(
    texts.map((text, i) => parseSource(text, { id: `s${i}`, file: `s${i}`, priority: 2 - i, format: c.format })),
  );
  if (c.merge) mergeSources(sources, { title: 'T', language: 'en' } as Parameters<typeof mergeSources>[1]);
  const used = process.cpuUsage(start);
  const chars = texts.reduce((n, t) => n + t.length, 0);
  process.stdout.write(JSON.stringify({ ms: (used.user + used.system) / 1000, chars }));
}

/** Run one child; its result and the peak resident memory of the process (sampled every 20 ms). */
function run(
  script: string,
  name: string,
  scale: number,
  rssMB: (pid: number) => number,
): Promise<{ ms: number; chars: number; peakMB: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [script, name, String(scale)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let peak = 0;
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setInterval(() => (peak = Math.max(peak, rssMB(proc.pid!))), 20);
    proc.on('error', reject);
    proc.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`hostile case "${name}" ×${scale} exited with ${code}`));
      else resolve({ ...(JSON.parse(out) as { ms: number; chars: number }), peakMB: Math.round(peak) });
    });
  });
}

export interface HostileRow {
  case: string;
  ms: number[];
  mb: number[];
  peakMB: number;
  exponent: number;
  flagged: boolean;
}

/** Every case at 1×, 4×, 16×: best CPU time of `runs`, the exponent, the peak memory at 16×. */
export async function hostileScaling(runs: number, rssMB: (pid: number) => number): Promise<HostileRow[]> {
  const script = fileURLToPath(import.meta.url);
  const rows: HostileRow[] = [];
  for (const name of Object.keys(CASES)) {
    const ms: number[] = [];
    const chars: number[] = [];
    let peakMB = 0;
    for (const scale of SCALES) {
      let best = Infinity;
      for (let i = 0; i < runs; i++) {
        const r = await run(script, name, scale, rssMB);
        best = Math.min(best, r.ms);
        chars[SCALES.indexOf(scale)] = r.chars;
        peakMB = Math.max(peakMB, r.peakMB);
      }
      ms.push(Math.round(best));
    }
    const exponent = Number((Math.log(ms[2]! / ms[0]!) / Math.log(chars[2]! / chars[0]!)).toFixed(2));
    const mb = chars.map((c) => Number((c / 1e6).toFixed(2)));
    rows.push({ case: name, ms, mb, peakMB, exponent, flagged: exponent > 1.2 || peakMB > 1024 });
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2])
  await child(process.argv[2], Number(process.argv[3] ?? 1));
