import { parseSource } from '/work/main/dist/src/sources/index.js';
import { scaleSource } from '/work/main/dist/bench/synthetic.js';
import { looksLikeDump } from '/work/main/dist/src/sources/wikitext.js';
import { loadConfig } from '/work/main/dist/src/config/load.js';
import { bookMeta } from '/work/main/dist/src/build/pipeline.js';
import { mergeSources } from '/work/main/dist/src/merge/index.js';
import { addStudyAids } from '/work/main/dist/src/study/index.js';
import { forgetRemembered } from '/work/main/dist/src/memo.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
const content = '/work/main/content';
const { config } = await loadConfig(content);
const entries = config.sources.map((s, i, all) => ({ file: s.file, id: path.parse(s.file).name, priority: all.length - i, format: s.format }));
const sizes = (process.argv[2] ?? '1,4,10').split(',').map(Number);
for (const size of sizes) {
  const texts = entries.map(e => { const t = readFileSync(path.join(content, e.file), 'utf8'); return scaleSource(t, size, looksLikeDump(t)); });
  for (let r = 0; r < 2; r++) {
    forgetRemembered();
    const sources = entries.map((e, j) => parseSource(texts[j], e));
    const t1 = performance.now();
    const book = mergeSources(sources, bookMeta(config, sources, 'bench', '2026-01-01'));
    const t2 = performance.now();
    addStudyAids(book);
    const t3 = performance.now();
    if (r === 1) console.log(size + 'x merge', Math.round(t2 - t1), 'study', Math.round(t3 - t2));
  }
}
