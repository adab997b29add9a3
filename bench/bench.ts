/**
 * `npm run bench`: speed figures for the shipped (compiled) Quire, printed as a table and written to
 * output/bench.json. Noise between runs is large on small machines: compare figures from one run only.
 *
 *   stages   in-process milliseconds per stage of a whole build, no cache (median over runs after a warm-up)
 *   merge    reading and merging synthetic content at 1×, 4× and 10× the seeds, and the growth exponent
 *            (`--merge` runs this section alone)
 *   cold     whole-process `quire build` per format, no cache, a fresh output folder (median, min, max),
 *            and the peak memory of the whole process tree (Chromium included)
 *   warm     in one process with a session (what `quire watch` does): a rebuild with no change, and a
 *            one-paragraph edit → HTML + EPUB, and → PDF
 *   process  whole-process `quire build --formats html` with the cache folder present: nothing changed, and
 *            a one-paragraph edit (process.ts)
 *   scaling  whole-process `quire build` of synthetic content at 1×, 4× and 10×: seconds and peak memory
 *            (`--no-scaling` skips it; `--scaling` runs this section alone, `--sizes 1,10` picks the sizes)
 *   hostile  each reader on tables, deep nesting and long lines, and the merge on repetitive words, at 1×, 4×
 *            and 16× in child processes: best CPU ms of 3, growth exponent (flagged above 1.2), peak memory
 *            (flagged above 1 GB); see hostile.ts. `--hostile` runs this section alone.
 *   course   20 small guides in one `quire build --course` against 20 separate `quire build` processes:
 *            seconds and peak memory of each way (course.ts). `--course` runs this section alone.
 *   warm     the warm rebuilds alone: `--warm` (a few minutes instead of the whole bench's many).
 *
 * `--quick` does one run per case (to keep the bench working in CI); `--runs N` sets the count. The machine's
 * load average is printed at the start and the end: figures from a loaded machine are pessimistic.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../src/pipeline/build.js';
import { editSession } from './session.js';
import { parseSource, readSources } from '../src/sources/index.js';
import { prepareBook } from '../src/pipeline/prepare.js';
import { addStudyAids } from '../src/study/index.js';
import { TemplateSet, DEFAULT_TEMPLATES } from '../src/render/html/templates.js';
import { fontBundle } from '../src/render/html/fonts.js';
import { buildView } from '../src/render/view/index.js';
import { hyphenatorFor } from '../src/render/view/hyphenate.js';
import { mergeSources } from '../src/merge/index.js';
import { loadConfig } from '../src/config/load.js';
import { bookMeta } from '../src/pipeline/build.js';
import { packageRoot } from '../src/util/paths.js';
import { scaleSource } from './synthetic.js';
import { looksLikeDump } from '../src/sources/sniff.js';
import { forgetRemembered } from '../src/util/memo.js';
import { hostileScaling, type HostileRow } from './hostile.js';
import { courseFigures, type CourseFigures } from './course.js';
import { htmlProcesses } from './process.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const runsArg = args.indexOf('--runs');
const RUNS = quick ? 1 : runsArg >= 0 ? Number(args[runsArg + 1]) : 5;
const sizesArg = args.indexOf('--sizes');
/** The scaling section's sizes (the ratios compare the last with the first). */
const SIZES = sizesArg >= 0 ? args[sizesArg + 1]!.split(',').map(Number) : [1, 4, 10];
const root = packageRoot();
const content = path.join(root, 'content');
const cli = path.join(root, 'dist/cli/quire.js');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number, digits = 1) => Number(x.toFixed(digits));

async function stages(): Promise<Record<string, number>> {
  const samples: Record<string, number[]> = {};
  // One warm-up run, then the measured ones, all in this process; no cache, a fresh output folder each.
  for (let i = 0; i <= RUNS; i++) {
    const out = mkdtempSync(path.join(tmpdir(), 'quire-bench-'));
    // No cache at all: neither on disk nor the text work remembered in the process by the last build.
    forgetRemembered();
    const result = await build({
      contentDir: content,
      outDir: out,
      progress: 'silent',
      cacheDir: false,
      formats: ['html', 'pdf', 'epub', 'json', 'report', 'handouts'],
    });
    rmSync(out, { recursive: true, force: true });
    if (i === 0 && RUNS > 1) continue;
    for (const [stage, ms] of Object.entries(result.stages)) (samples[stage] ??= []).push(ms);
    (samples['handout-each'] ??= []).push((result.stages.handouts ?? 0) / result.book.chapters.length);
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, round(median(v))]));
}

/**
 * The non-PDF formats (HTML, EPUB, book.json, report) of the seed guide in one process, no cache (nor
 * any text work remembered from the last build): the whole build's milliseconds, after a warm-up build
 * (module loading and JIT are the whole process's cost).
 */
async function nonPdfStages(): Promise<{ ms: number; stages: Record<string, number> }> {
  const runs: { ms: number; stages: Record<string, number> }[] = [];
  for (let i = 0; i <= Math.max(RUNS, 2); i++) {
    const out = mkdtempSync(path.join(tmpdir(), 'quire-bench-'));
    forgetRemembered();
    const result = await build({
      contentDir: content,
      outDir: out,
      progress: 'silent',
      cacheDir: false,
      formats: ['html', 'epub', 'json', 'report'],
    });
    rmSync(out, { recursive: true, force: true });
    if (i > 0) runs.push({ ms: result.ms, stages: result.stages });
  }
  const mid = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;
  return { ms: round(mid.ms), stages: mid.stages };
}

/**
 * Warm rebuilds in one process with a session, as `quire watch` runs them: no change; a one-paragraph
 * edit with HTML + EPUB; a one-paragraph edit with the PDF. Each edit changes the same paragraph anew.
 */
async function warm() {
  const session = editSession(content);
  try {
    await session.build(['html', 'pdf', 'epub', 'json', 'report']);
    const cases = {
      noChange: async () => session.build(['html', 'pdf', 'epub', 'json', 'report']),
      editHtmlEpub: async () => (session.edit(), session.build(['html', 'epub'])),
      editPdf: async () => (session.edit(), session.build(['pdf'])),
    };
    const results: Record<
      string,
      { median: number; min: number; max: number; cpu: number; stages: Record<string, number> }
    > = {};
    for (const [name, run] of Object.entries(cases)) {
      const times: number[] = [];
      const cpu: number[] = [];
      let last: Record<string, number> = {};
      // Warm-up rounds let the JIT settle, as it has in a watch session that has run for a while.
      for (let i = 0; i < RUNS + 2; i++) {
        const before = process.cpuUsage();
        const r = await run();
        const used = process.cpuUsage(before);
        if (i < 2) continue;
        times.push(r.ms);
        // The process's CPU time (its threads included): steadier than wall time on a loaded machine.
        cpu.push((used.user + used.system) / 1000);
        last = r.stages;
      }
      results[name] = {
        median: round(median(times)),
        min: round(Math.min(...times)),
        max: round(Math.max(...times)),
        cpu: round(median(cpu)),
        stages: last,
      };
    }
    return results;
  } finally {
    await session.close();
  }
}

/** Resident memory (MB) of a process and all its descendants, from /proc. */
function treeRssMB(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const pages = Number(readFileSync(`/proc/${name}/statm`, 'utf8').split(' ')[1]);
      const pid = Number(name);
      rss.set(pid, (pages * 4096) / 1024 / 1024);
      const list = children.get(ppid) ?? [];
      list.push(pid);
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * Node's own CPU time (user + system) in a measured process, written at its exit: on a machine other work
 * shares, the wall time waits for the cores and this does not (Chromium's is not included).
 */
const cpuFile = path.join(mkdtempSync(path.join(tmpdir(), 'quire-bench-cpu-')), 'cpu.json');
const cpuHook =
  "data:text/javascript,import{writeFileSync}from'node:fs';process.on('exit',()=>{const u=process.cpuUsage();" +
  `writeFileSync(${JSON.stringify(cpuFile)},String((u.user+u.system)/1e6))})`;

/**
 * Run a process to its end: seconds, the peak memory of its process tree (sampled every 50 ms), and the
 * CPU seconds of its Node process.
 */
function measure(argv: string[]): Promise<{ s: number; peakMB: number; cpuS: number }> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    writeFileSync(cpuFile, '');
    const child = spawn(process.execPath, ['--import', cpuHook, ...argv], { stdio: 'ignore' });
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRssMB(child.pid!))), 50);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`${argv.join(' ')} exited with ${code}`));
      else {
        const cpuS = round(Number(readFileSync(cpuFile, 'utf8')) || 0, 2);
        resolve({ s: (performance.now() - t) / 1000, peakMB: Math.round(peak), cpuS });
      }
    });
  });
}

async function mergeScaling() {
  const { config } = await loadConfig(content);
  const entries = (config.sources ?? []).map((s, i, all) => ({
    file: s.file,
    id: path.parse(s.file).name,
    priority: all.length - i,
    format: s.format,
  }));
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
      // Each run reads and merges from nothing (a later run would otherwise find the text work remembered).
      forgetRemembered();
      const t0 = performance.now();
      const sources = await Promise.all(entries.map((e, j) => parseSource(texts[j]!, e)));
      const t1 = performance.now();
      const book = mergeSources(sources, bookMeta(config, sources, 'bench', '2026-01-01'));
      const t2 = performance.now();
      if (i === 0 && RUNS > 1) continue;
      reads.push(t1 - t0);
      merges.push(t2 - t1);
      sentences = book.chapters.reduce(
        (n, c) => n + c.sections.reduce((m, s) => m + s.blocks.reduce((k, b) => k + b.sentences.length, 0), 0),
        0,
      );
    }
    rows.push({ size, readMs: round(median(reads)), mergeMs: round(median(merges)), sentences });
  }
  const exponent = (key: 'readMs' | 'mergeMs') => round(Math.log(rows[2]![key] / rows[0]![key]) / Math.log(10), 2);
  return { rows, exponent: { read: exponent('readMs'), merge: exponent('mergeMs') } };
}

/**
 * Reading each article of the shared corpus (real Wikipedia wikitext, 0.7–157 k characters), from nothing:
 * milliseconds per article, and the growth exponent of read time against size (a least-squares fit of
 * log time on log size; 1 = linear).
 */
async function corpusReads() {
  const corpus = path.join(root, '../shared/corpus');
  let names: string[];
  try {
    names = readdirSync(corpus).filter((n) => !n.endsWith('.md'));
  } catch {
    return undefined;
  }
  const rows: { article: string; chars: number; readMs: number }[] = [];
  for (const name of names.sort()) {
    const file = `${name}.wiki`;
    let text: string;
    try {
      text = readFileSync(path.join(corpus, name, file), 'utf8');
    } catch {
      continue;
    }
    const reads: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      forgetRemembered();
      const t0 = performance.now();
      await parseSource(text, { file, id: name, priority: 1 });
      if (i > 0 || RUNS === 1) reads.push(performance.now() - t0);
    }
    rows.push({ article: name, chars: text.length, readMs: round(median(reads)) });
  }
  const xs = rows.map((r) => Math.log(r.chars));
  const ys = rows.map((r) => Math.log(Math.max(r.readMs, 0.01)));
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const [mx, my] = [mean(xs), mean(ys)];
  const slope = xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  return { rows, exponent: round(slope, 2) };
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
  const view = buildView(book, {
    paper: config.output.paper,
    assets: '',
    hyphenate: hyphenatorFor(book.meta.language),
  });
  const file = path.join(dir, 'print.html');
  writeFileSync(file, templates.render('print.html.liquid', { ...view, print: true, pages: {}, blankBefore: {} }));
  return file;
}

async function cold(floorHtml: string) {
  const results: Record<string, { median: number; min: number; max: number; cpu?: number }> = {};
  const ratios: { pdf: number[]; all: number[] } = { pdf: [], all: [] };
  // Interleaved: floor, all, pdf in each round, so that drift affects all three alike.
  const floorArgv = [
    path.join(root, 'dist/bench/floor.js'),
    floorHtml,
    path.join(path.dirname(floorHtml), 'floor.pdf'),
  ];
  // Cold: no cache and a fresh output folder for every run.
  const time = async (argv: string[]) => (await measure(argv)).s;
  const coldBuild = async (formats?: string) => {
    const out = mkdtempSync(path.join(tmpdir(), 'quire-cold-'));
    try {
      return await measure([
        cli,
        'build',
        '--content',
        content,
        '--out',
        out,
        '--progress',
        'silent',
        '--no-cache',
        ...(formats ? ['--formats', formats] : []),
      ]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  };
  const rounds: Record<string, number[]> = { floor: [], all: [], pdf: [] };
  const peaks: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const floor = await time(floorArgv);
    const all = await coldBuild();
    const pdf = (await coldBuild('pdf')).s;
    if (i === 0 && RUNS > 1) continue;
    rounds.floor!.push(floor);
    rounds.all!.push(all.s);
    rounds.pdf!.push(pdf);
    peaks.push(all.peakMB);
    ratios.all.push(all.s / floor);
    ratios.pdf.push(pdf / floor);
  }
  const stats = (v: number[]) => ({
    median: round(median(v), 2),
    min: round(Math.min(...v), 2),
    max: round(Math.max(...v), 2),
  });
  for (const [k, v] of Object.entries(rounds)) results[k] = stats(v);
  for (const formats of ['html', 'epub', 'handouts']) {
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const r = await coldBuild(formats);
      if (i === 0 && RUNS > 1) continue;
      times.push(r.s);
      cpu.push(r.cpuS);
    }
    results[formats] = { ...stats(times), cpu: round(median(cpu), 2) };
  }
  return {
    results,
    ratio: { pdfToFloor: round(median(ratios.pdf), 2), allToFloor: round(median(ratios.all), 2) },
    peakMB: Math.round(median(peaks)),
  };
}

/** Whole-process builds of synthetic content at 1×, 4× and 10× the seeds: seconds and peak memory. */
async function scaling() {
  const { config } = await loadConfig(content);
  const rows: { size: number; s: number; peakMB: number; pages?: number }[] = [];
  const runs = Math.min(RUNS, 3);
  for (const size of SIZES) {
    const dir = mkdtempSync(path.join(tmpdir(), `quire-scale-${size}-`));
    for (const s of config.sources ?? []) {
      const text = readFileSync(path.join(content, s.file), 'utf8');
      writeFileSync(path.join(dir, s.file), scaleSource(text, size, looksLikeDump(text)));
    }
    copyFileSync(path.join(content, 'quire.yaml'), path.join(dir, 'quire.yaml'));
    const samples: { s: number; peakMB: number }[] = [];
    for (let i = 0; i < runs; i++) {
      const out = path.join(dir, `out-${i}`);
      samples.push(await measure([cli, 'build', '--content', dir, '--out', out, '--progress', 'silent', '--no-cache']));
    }
    rmSync(dir, { recursive: true, force: true });
    rows.push({
      size,
      s: round(median(samples.map((x) => x.s)), 2),
      peakMB: Math.round(median(samples.map((x) => x.peakMB))),
    });
  }
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  return {
    rows,
    timeRatio10x: round(last.s / first.s, 2),
    exponent: round(Math.log(last.s / first.s) / Math.log(last.size / first.size), 2),
    memoryRatio10x: round(last.peakMB / first.peakMB, 2),
  };
}

function printHostile(rows: HostileRow[]): void {
  console.log('\nHostile constructs at 1×, 4×, 16× (best CPU ms; exponent against input size; peak memory):');
  for (const r of rows)
    console.log(
      `  ${r.case.padEnd(24)} ${r.ms.map((m) => String(m).padStart(7)).join('')} ms ` +
        `(${r.mb.join(' / ')} MB)  exponent ${r.exponent}  peak ${r.peakMB} MB${r.flagged ? '  ← FLAG' : ''}`,
    );
}

if (args.includes('--hostile')) {
  const rows = await hostileScaling(quick ? 1 : 3, treeRssMB);
  printHostile(rows);
  mkdirSync(path.join(root, 'output'), { recursive: true });
  writeFileSync(path.join(root, 'output/bench-hostile.json'), `${JSON.stringify(rows, null, 2)}\n`);
  process.exit(rows.some((r) => r.flagged) ? 1 : 0);
}

function printCourse(c: CourseFigures): void {
  console.log(`\nA course of ${c.guides} small guides (all formats, no cache):`);
  console.log(
    `  ${c.guides} separate \`quire build\` processes  ${c.separateS} s  (one build's peak memory ${c.onePeakMB} MB)`,
  );
  console.log(`  one \`quire build --course\`          ${c.courseS} s  (peak memory ${c.coursePeakMB} MB)`);
  console.log(`  ${c.speedup}× faster (target ≥ 1.8), memory ${c.memoryRatio}× one build's (target < 2)`);
}

function printMerge(merge: Awaited<ReturnType<typeof mergeScaling>>): void {
  console.log('\nRead + merge of synthetic content (ms):');
  console.log('  size      read     merge  sentences');
  for (const r of merge.rows)
    console.log(
      `  ${`${r.size}×`.padEnd(6)} ${String(r.readMs).padStart(8)} ` +
        `${String(r.mergeMs).padStart(9)} ${String(r.sentences).padStart(10)}`,
    );
  console.log(`  growth exponent (10× vs 1×): read ${merge.exponent.read}, merge ${merge.exponent.merge} (1 = linear)`);
}

if (args.includes('--merge')) {
  printMerge(await mergeScaling());
  process.exit(0);
}

function printScaling(scale: Awaited<ReturnType<typeof scaling>>): void {
  console.log('\nWhole-process builds of synthetic content (all formats, no cache):');
  for (const r of scale.rows)
    console.log(`  ${`${r.size}×`.padEnd(4)} ${String(r.s).padStart(7)} s  peak ${r.peakMB} MB`);
  const sizes = `${scale.rows[scale.rows.length - 1]!.size}×/${scale.rows[0]!.size}×`;
  console.log(`  ${sizes}: time ${scale.timeRatio10x} (exponent ${scale.exponent}), memory ${scale.memoryRatio10x}`);
}

if (args.includes('--course')) {
  const figures = await courseFigures(cli, content, measure);
  printCourse(figures);
  mkdirSync(path.join(root, 'output'), { recursive: true });
  writeFileSync(path.join(root, 'output/bench-course.json'), `${JSON.stringify(figures, null, 2)}\n`);
  process.exit(0);
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');

if (args.includes('--scaling')) {
  const start = load();
  printScaling(await scaling());
  console.log(`  (load average ${start} at the start, ${load()} at the end)`);
  process.exit(0);
}

function printWarm(figures: Awaited<ReturnType<typeof warm>>): void {
  for (const [k, v] of Object.entries(figures))
    console.log(
      `  ${k.padEnd(13)} median ${v.median}  min ${v.min}  max ${v.max}  (CPU ${v.cpu})   ` +
        `stages ${JSON.stringify(v.stages)}`,
    );
}

if (args.includes('--warm')) {
  const start = load();
  const figures = await warm();
  console.log(`Warm rebuilds in one process (what \`quire watch\` does) (ms; load ${start} → ${load()}):`);
  printWarm(figures);
  process.exit(0);
}
const loadAtStart = load();
const report = {
  date: new Date().toISOString(),
  node: process.version,
  runs: RUNS,
  stages: await stages(),
  nonPdf: await nonPdfStages(),
  merge: await mergeScaling(),
  corpus: await corpusReads(),
};
const warmRun = await warm();
const coldRun = await cold(await printHtmlFile());
const processRun = await htmlProcesses(cli, content, RUNS, measure);
const scale = args.includes('--no-scaling') ? undefined : await scaling();
const hostile = await hostileScaling(quick ? 1 : 3, treeRssMB);
const courseRun = await courseFigures(cli, content, measure);
Object.assign(report, {
  course: courseRun,
  cold: coldRun.results,
  ratio: coldRun.ratio,
  peakMB: coldRun.peakMB,
  warm: warmRun,
  process: processRun,
  scaling: scale,
  hostile,
});

console.log(`\nQuire bench (${RUNS} run${RUNS === 1 ? '' : 's'} per case, median)`);
console.log(
  `Machine: ${availableParallelism()} cores; load average (1 / 5 / 15 min) ${loadAtStart} at the start, ` +
    `${load()} at the end. Above the core count, other work shared the machine: whole-process and warm ` +
    'figures are then pessimistic.\n',
);
console.log('In-process stages of one build (ms):');
for (const [k, v] of Object.entries(report.stages)) console.log(`  ${k.padEnd(10)} ${String(v).padStart(8)}`);
console.log(
  '\nHTML, EPUB, book.json and report only, in one process after a warm-up, no cache: ' +
    `${report.nonPdf.ms} ms ${JSON.stringify(report.nonPdf.stages)}`,
);
printMerge(report.merge);
if (report.corpus) {
  console.log('\nReading the real articles of ../shared/corpus (ms, from nothing):');
  for (const r of report.corpus.rows)
    console.log(`  ${r.article.padEnd(32)} ${String(r.chars).padStart(7)} chars ${String(r.readMs).padStart(8)} ms`);
  console.log(`  growth exponent of read time against size: ${report.corpus.exponent} (1 = linear)`);
} else console.log(`\nReading the real articles: skipped, no corpus at ${path.join(root, '../shared/corpus')}`);
console.log('\nWhole-process `quire build` (s); floor = bare page.pdf() of the same print HTML in a fresh process:');
for (const [k, v] of Object.entries(coldRun.results))
  console.log(
    `  ${k.padEnd(8)} median ${v.median}  min ${v.min}  max ${v.max}` +
      (v.cpu === undefined ? '' : `   (Node's CPU ${v.cpu} s)`),
  );
console.log(
  `  pdfToFloor ${coldRun.ratio.pdfToFloor}  allToFloor ${coldRun.ratio.allToFloor} (medians of per-round ratios); ` +
    `peak memory of an all-formats build ${coldRun.peakMB} MB (Chromium included)`,
);
console.log('\nWarm rebuilds in one process (what `quire watch` does) (ms):');
printWarm(warmRun);
console.log('\nWhole-process `quire build --formats html` with the cache folder present (s):');
for (const [k, { s, cpu }] of Object.entries(processRun))
  console.log(
    `  ${k.padEnd(9)} median ${round(median(s), 2)}  min ${round(Math.min(...s), 2)}  ` +
      `max ${round(Math.max(...s), 2)}   (CPU ${round(median(cpu), 2)} s)`,
  );
if (scale) printScaling(scale);
printHostile(hostile);
printCourse(courseRun);
/**
 * Pandoc's Markdown → EPUB of the article, as the issue measured it: the guide's longest wikitext source
 * (not a dump) converted to Markdown by pandoc first (not timed), then timed as a whole process. Only if
 * pandoc is installed (it is not a dependency).
 */
async function pandocEpub(): Promise<number | undefined> {
  if (spawnSync('pandoc', ['--version'], { stdio: 'ignore' }).status !== 0) return undefined;
  const { config } = await loadConfig(content);
  const wikitext = (config.sources ?? [])
    .map((s) => path.join(content, s.file))
    .filter((f) => f.endsWith('.wiki') && !looksLikeDump(readFileSync(f, 'utf8')))
    .sort((a, b) => readFileSync(b).length - readFileSync(a).length)[0];
  if (!wikitext) return undefined;
  const out = mkdtempSync(path.join(tmpdir(), 'quire-pandoc-'));
  try {
    const md = path.join(out, 'article.md');
    spawnSync('pandoc', ['-f', 'mediawiki', wikitext, '-t', 'markdown', '-o', md], { stdio: 'ignore' });
    const times: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const t = performance.now();
      spawnSync('pandoc', [md, '--metadata', 'title=Article', '-o', path.join(out, 'pandoc.epub')], {
        stdio: 'ignore',
      });
      if (i > 0 || RUNS === 1) times.push((performance.now() - t) / 1000);
    }
    return round(median(times), 2);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

// The issue's targets, each with the figure of this run (null: not measured in this run).
const st = report.stages as Record<string, number>;
const nonPdf = report.nonPdf.ms;
const pandoc = await pandocEpub();
const warmMs = (k: string) => warmRun[k]?.median ?? Infinity;
const htmlCold = coldRun.results.html!.median;
const targets: { target: string; value: number | null; met: boolean; missing?: string }[] = [
  { target: 'html whole process ≤ 0.6 s (no cache)', value: htmlCold, met: htmlCold <= 0.6 },
  { target: 'pdfToFloor ≤ 1.4', value: coldRun.ratio.pdfToFloor, met: coldRun.ratio.pdfToFloor <= 1.4 },
  { target: 'allToFloor ≤ 1.7', value: coldRun.ratio.allToFloor, met: coldRun.ratio.allToFloor <= 1.7 },
  {
    target: 'handouts ≤ 100 ms per chapter',
    value: st['handout-each'] ?? null,
    met: (st['handout-each'] ?? Infinity) <= 100,
  },
  { target: 'non-PDF stages < 300 ms in-process', value: nonPdf, met: nonPdf < 300 },
  {
    target: 'EPUB whole process ≤ 2× pandoc',
    value: pandoc === undefined ? null : round(coldRun.results.epub!.median / pandoc, 2),
    met: pandoc !== undefined && coldRun.results.epub!.median <= 2 * pandoc,
    missing: 'pandoc not installed',
  },
  { target: 'warm no change < 50 ms', value: warmMs('noChange'), met: warmMs('noChange') < 50 },
  { target: 'warm edit → HTML+EPUB < 200 ms', value: warmMs('editHtmlEpub'), met: warmMs('editHtmlEpub') < 200 },
  { target: 'warm edit → PDF < 1000 ms', value: warmMs('editPdf'), met: warmMs('editPdf') < 1000 },
  {
    target: 'scaling time 10×/1× ≤ 8',
    value: scale?.timeRatio10x ?? null,
    met: scale !== undefined && scale.timeRatio10x <= 8,
    missing: 'skipped (--no-scaling)',
  },
  {
    target: 'scaling memory 10×/1× ≤ 1.5',
    value: scale?.memoryRatio10x ?? null,
    met: scale !== undefined && scale.memoryRatio10x <= 1.5,
    missing: 'skipped (--no-scaling)',
  },
];
targets.push(
  { target: 'course of 20: ≥ 1.8× faster than 20 runs', value: courseRun.speedup, met: courseRun.speedup >= 1.8 },
  {
    target: 'course peak memory < 2× one build',
    value: courseRun.memoryRatio,
    met: courseRun.memoryRatio < 2,
  },
);
targets.push({
  target: 'hostile exponents ≤ 1.2, peak < 1 GB',
  value: Math.max(...hostile.map((r) => r.exponent)),
  met: !hostile.some((r) => r.flagged),
});
Object.assign(report, { pandocEpubS: pandoc ?? null, targets });
console.log('\nTargets (from the speed issue):');
for (const t of targets)
  console.log(
    `  ${t.value === null ? '—  ' : t.met ? 'met' : 'not'}  ${t.target.padEnd(40)} ` +
      `${t.value === null ? (t.missing ?? 'not measured in this run') : t.value}`,
  );

mkdirSync(path.join(root, 'output'), { recursive: true });
writeFileSync(path.join(root, 'output/bench.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log('\nWritten: output/bench.json');
