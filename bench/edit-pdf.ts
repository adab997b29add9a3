/**
 * Where a warm edit → PDF goes: a session over a copy of the seed guide (as `quire watch` keeps one), a
 * one-paragraph edit before each build of the PDF alone, and the median milliseconds of every figure the
 * build records (the print steps: `pdf-chapters` measures the parts' heights, `pdf-load` loads the page,
 * `pdf-hyphens` keeps the line-end hyphens, `pdf-print` is Chromium's tagged print of the whole book,
 * `pdf-reprint` its print of the pages an edit changed and `pdf-splice` putting them into the last PDF
 * (`pdf-reprinted`: how many pages), `pdf-read` reads a print's page tree and destinations, `pdf-info`
 * adds the metadata).
 *
 *   node dist/bench/edit-pdf.js [--runs N] [--content DIR]
 */
import path from 'node:path';
import { packageRoot } from '../src/util/paths.js';
import { editSession } from './session.js';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const RUNS = Number(option('--runs') ?? 7);
const content = path.resolve(option('--content') ?? path.join(packageRoot(), 'content'));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const session = editSession(content);
try {
  const first = await session.build(['pdf']);
  console.log(`first build ${Math.round(first.ms)} ms`);
  const samples: Record<string, number[]> = { total: [] };
  for (let i = 0; i < RUNS + 2; i++) {
    session.edit();
    const run = await session.build(['pdf']);
    // Two warm-up rounds let the JIT settle, as it has in a watch session that has run for a while.
    if (i < 2) continue;
    samples.total!.push(run.ms);
    for (const [name, ms] of Object.entries(run.stages)) (samples[name] ??= []).push(ms);
  }
  console.log(`warm edit → PDF, median of ${RUNS} (ms):`);
  for (const [name, xs] of Object.entries(samples)) {
    const line = `  ${name.padEnd(14)} ${median(xs).toFixed(1).padStart(8)}`;
    console.log(xs.length < RUNS ? `${line}  (in ${xs.length} of ${RUNS} runs)` : line);
  }
} finally {
  await session.close();
}
