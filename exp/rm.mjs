// bench's mergeScaling, alone
import { parseSource } from '/work/main/dist/src/sources/index.js';
import { scaleSource } from '/work/main/dist/bench/synthetic.js';
import { looksLikeDump } from '/work/main/dist/src/sources/wikitext.js';
import { loadConfig } from '/work/main/dist/src/config/load.js';
import { bookMeta } from '/work/main/dist/src/build/pipeline.js';
import { mergeSources } from '/work/main/dist/src/merge/index.js';
import { forgetRemembered } from '/work/main/dist/src/memo.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
const content = '/work/main/content';
const { config } = await loadConfig(content);
const entries = config.sources.map((s, i, all) => ({ file: s.file, id: path.parse(s.file).name, priority: all.length - i, format: s.format }));
const med = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const rows = [];
for (const size of [1, 4, 10]) {
  const texts = entries.map(e => { const t = readFileSync(path.join(content, e.file), 'utf8'); return scaleSource(t, size, looksLikeDump(t)); });
  const reads = [], merges = [];
  for (let i = 0; i <= 3; i++) {
    forgetRemembered();
    const t0 = performance.now();
    const sources = entries.map((e, j) => parseSource(texts[j], e));
    const t1 = performance.now();
    mergeSources(sources, bookMeta(config, sources, 'bench', '2026-01-01'));
    const t2 = performance.now();
    if (i) { reads.push(t1 - t0); merges.push(t2 - t1); }
  }
  rows.push([size, med(reads), med(merges)]);
  console.log(size + 'x read', Math.round(med(reads)), 'merge', Math.round(med(merges)));
}
console.log('exponents read', (Math.log(rows[2][1] / rows[0][1]) / Math.log(10)).toFixed(2), 'merge', (Math.log(rows[2][2] / rows[0][2]) / Math.log(10)).toFixed(2));
