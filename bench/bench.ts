/**
 * `npm run bench`: speed figures for the shipped (compiled) Quire, printed as a table and written to
 * output/bench.json. Noise between runs is large on small machines: compare figures from one run only.
 *
 *   stages   in-process milliseconds per stage of a whole build (median over runs after a warm-up)
 *   merge    reading and merging synthetic content at 1×, 4× and 10× the seeds, and the growth exponent
 *   cold     whole-process `quire build` per format (median, min, max)
 *
 * `--quick` does one run per case (to keep the bench working in CI); `--runs N` sets the count.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../src/build/pipeline.js';
import { parseSource, readSources } from '../src/sources/index.js';
import { prepareBook } from '../src/build/pipeline.js';
import { addStudyAids } from '../src/study/index.js';
import { TemplateSet, DEFAULT_TEMPLATES } from '../src/render/templates.js';
import { fontBundle } from '../src/render/fonts.js';
import { buildView } from '../src/render/view.js';
import { hyphenatorFor } from '../src/render/hyphenate.js';
import { mergeSources } from '../src/merge/index.js';
import { loadConfig } from '../src/config/load.js';
import { bookMeta } from '../src/build/pipeline.js';
import { packageRoot } from '../src/paths.js';
import { scaleSource } from './synthetic.js';
import { looksLikeDump } from '../src/sources/wikitext.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const runsArg = args.indexOf('--runs');
const RUNS = quick ? 1 : runsArg >= 0 ? Number(args[runsArg + 1]) : 5;
const root = packageRoot();
const content = path.join(root, 'content');
const cli = path.join(root, 'dist/src/cli.js');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number, digits = 1) => Number(x.toFixed(digits));

async function stages(): Promise<Record<string, number>> {
  const out = mkdtempSync(path.join(tmpdir(), 'quire-bench-'));
  const samples: Record<string, number[]> = {};
  // One warm-up run, then the measured ones, all in this process.
  for (let i = 0; i <= RUNS; i++) {
    const result = await build({ contentDir: content, outDir: out, progress: 'silent' });
    if (i === 0 && RUNS > 1) continue;
    for (const [stage, ms] of Object.entries(result.stages)) (samples[stage] ??= []).push(ms);
  }
  rmSync(out, { recursive: true, force: true });
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, round(median(v))]));
}

async function mergeScaling() {
  const { config } = await loadConfig(content);
  const entries = (config.sources ?? []).map((s, i, all) => ({ file: s.file, id: path.parse(s.file).name, priority: all.length - i, format: s.format }));
  const rows: { size: number; readMs: number; mergeMs: number; sentences: number }[] = [];
  for (const size of [1, 4, 10]) {
    const texts = entries.map((e) => {
      const text = readFileSync(path.join(content, e.file), 'utf8');
      return scaleSource(text, size, looksLikeDump(text));
    });
    const reads: number[] = [];
    const merges: number[] = [];
    let sentences = 0;
    for (let i = 0; i <= RUNS; i++) {
      const t0 = performance.now();
      const sources = entries.map((e, j) => parseSource(texts[j]!, e));
      const t1 = performance.now();
      const book = mergeSources(sources, bookMeta(config, sources, 'bench', '2026-01-01'));
      const t2 = performance.now();
      if (i === 0 && RUNS > 1) continue;
      reads.push(t1 - t0);
      merges.push(t2 - t1);
      sentences = book.chapters.reduce((n, c) => n + c.sections.reduce((m, s) => m + s.blocks.reduce((k, b) => k + b.sentences.length, 0), 0), 0);
    }
    rows.push({ size, readMs: round(median(reads)), mergeMs: round(median(merges)), sentences });
  }
  const exponent = (key: 'readMs' | 'mergeMs') => round(Math.log(rows[2]![key] / rows[0]![key]) / Math.log(10), 2);
  return { rows, exponent: { read: exponent('readMs'), merge: exponent('mergeMs') } };
}

/** Quire's own print HTML (final page numbers) with its assets, for the floor measurement. */
async function printHtmlFile(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'quire-floor-'));
  const { config } = await loadConfig(content);
  const sources = await readSources(content, config);
  const book = addStudyAids(prepareBook(sources, bookMeta(config, sources, 'bench', '2026-01-01'), config));
  const templates = new TemplateSet(DEFAULT_TEMPLATES);
  const fonts = fontBundle();
  mkdirSync(path.join(dir, 'fonts'));
  writeFileSync(path.join(dir, 'fonts.css'), fonts.css);
  for (const f of fonts.files) copyFileSync(f, path.join(dir, 'fonts', path.basename(f)));
  copyFileSync(templates.file('print.css'), path.join(dir, 'print.css'));
  const view = buildView(book, { paper: config.output.paper, assets: '', hyphenate: hyphenatorFor(book.meta.language) });
  const file = path.join(dir, 'print.html');
  writeFileSync(file, templates.render('print.html.njk', { ...view, print: true, pages: {}, blank: {} }));
  return file;
}

function cold(floorHtml: string) {
  const results: Record<string, { median: number; min: number; max: number }> = {};
  const ratios: { pdf: number[]; all: number[] } = { pdf: [], all: [] };
  // Interleaved: floor, all, pdf in each round, so that drift affects all three alike.
  const floorArgv = [path.join(root, 'dist/bench/floor.js'), floorHtml, path.join(path.dirname(floorHtml), 'floor.pdf')];
  const out = mkdtempSync(path.join(tmpdir(), 'quire-cold-'));
  const time = (argv: string[]) => {
    const t = performance.now();
    execFileSync(process.execPath, argv, { stdio: 'ignore' });
    return (performance.now() - t) / 1000;
  };
  const buildArgv = (formats?: string) => [cli, 'build', '--content', content, '--out', out, '--progress', 'silent', ...(formats ? ['--formats', formats] : [])];
  const rounds: Record<string, number[]> = { floor: [], all: [], pdf: [] };
  for (let i = 0; i <= RUNS; i++) {
    const floor = time(floorArgv);
    const all = time(buildArgv());
    const pdf = time(buildArgv('pdf'));
    if (i === 0 && RUNS > 1) continue;
    rounds.floor!.push(floor);
    rounds.all!.push(all);
    rounds.pdf!.push(pdf);
    ratios.all.push(all / floor);
    ratios.pdf.push(pdf / floor);
  }
  rmSync(out, { recursive: true, force: true });
  for (const [k, v] of Object.entries(rounds)) results[k] = { median: round(median(v), 2), min: round(Math.min(...v), 2), max: round(Math.max(...v), 2) };
  Object.assign(results, coldFormats(['html', 'epub']));
  return { results, ratio: { pdfToFloor: round(median(ratios.pdf), 2), allToFloor: round(median(ratios.all), 2) } };
}

function coldFormats(list: string[]) {
  const results: Record<string, { median: number; min: number; max: number }> = {};
  for (const formats of list) {
    const out = mkdtempSync(path.join(tmpdir(), 'quire-cold-'));
    const times: number[] = [];
    const argv = [cli, 'build', '--content', content, '--out', out, '--progress', 'silent', '--formats', formats];
    for (let i = 0; i <= RUNS; i++) {
      const t = performance.now();
      execFileSync(process.execPath, argv, { stdio: 'ignore' });
      if (i === 0 && RUNS > 1) continue;
      times.push((performance.now() - t) / 1000);
    }
    rmSync(out, { recursive: true, force: true });
    results[formats] = { median: round(median(times), 2), min: round(Math.min(...times), 2), max: round(Math.max(...times), 2) };
  }
  return results;
}

const report = {
  date: new Date().toISOString(),
  node: process.version,
  runs: RUNS,
  stages: await stages(),
  merge: await mergeScaling(),
};
const coldRun = cold(await printHtmlFile());
Object.assign(report, { cold: coldRun.results, ratio: coldRun.ratio });

console.log(`\nQuire bench (${RUNS} run${RUNS === 1 ? '' : 's'} per case, median)\n`);
console.log('In-process stages of one build (ms):');
for (const [k, v] of Object.entries(report.stages)) console.log(`  ${k.padEnd(10)} ${String(v).padStart(8)}`);
console.log('\nRead + merge of synthetic content (ms):');
console.log('  size      read     merge  sentences');
for (const r of report.merge.rows) console.log(`  ${`${r.size}×`.padEnd(6)} ${String(r.readMs).padStart(8)} ${String(r.mergeMs).padStart(9)} ${String(r.sentences).padStart(10)}`);
console.log(`  growth exponent (10× vs 1×): read ${report.merge.exponent.read}, merge ${report.merge.exponent.merge} (1 = linear)`);
console.log('\nWhole-process `quire build` (s); floor = bare page.pdf() of the same print HTML in a fresh process:');
for (const [k, v] of Object.entries(coldRun.results)) console.log(`  ${k.padEnd(6)} median ${v.median}  min ${v.min}  max ${v.max}`);
console.log(`  pdfToFloor ${coldRun.ratio.pdfToFloor}  allToFloor ${coldRun.ratio.allToFloor} (medians of per-round ratios)`);
mkdirSync(path.join(root, 'output'), { recursive: true });
writeFileSync(path.join(root, 'output/bench.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log('\nWritten: output/bench.json');
