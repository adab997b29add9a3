import { parseSource } from '/work/main/dist/src/sources/index.js';
import { scaleSource } from '/work/main/dist/bench/synthetic.js';
import { forgetRemembered } from '/work/main/dist/src/memo.js';
import { readFileSync } from 'node:fs';
const size = Number(process.argv[2] ?? 10);
for (const f of ['later-revision.wiki', '2008-revision-with-citations.wiki']) {
  const text = readFileSync('/work/main/content/' + f, 'utf8');
  parseSource(scaleSource(text, size, f.startsWith('2008')), { file: f, id: f, priority: 0 });
}
global.gc(); const a = process.memoryUsage().heapUsed;
forgetRemembered(); global.gc(); const b = process.memoryUsage().heapUsed;
console.log(size + 'x heap with memo', Math.round(a / 1e6), 'MB, after forgetting', Math.round(b / 1e6), 'MB');
