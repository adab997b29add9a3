import { parseSource } from '/work/main/dist/src/sources/index.js';
import { scaleSource } from '/work/main/dist/bench/synthetic.js';
import { looksLikeDump } from '/work/main/dist/src/sources/wikitext.js';
import { readFileSync, readdirSync } from 'node:fs';
const files = readdirSync('/work/main/content').filter(f => !f.endsWith('.yaml'));
for (const size of [1, 4, 10]) {
  const row = [];
  for (const f of files) {
    const text = readFileSync('/work/main/content/' + f, 'utf8');
    const scaled = scaleSource(text, size, looksLikeDump(text));
    parseSource(scaled, { file: '/work/main/content/' + f, id: f, priority: 0 });
    const t = performance.now();
    parseSource(scaled, { file: '/work/main/content/' + f, id: f, priority: 0 });
    row.push(f.slice(0, 12) + ' ' + Math.round(performance.now() - t));
  }
  console.log(size + 'x', row.join(' | '));
}
