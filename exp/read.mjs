import { parseSource } from '/work/main/dist/src/sources/index.js';
import { readFileSync, readdirSync } from 'node:fs';
const files = readdirSync('/work/main/content').filter(f => !f.endsWith('.yaml'));
for (let i = 0; i < 6; i++) {
  const row = [];
  for (const f of files) {
    const bytes = readFileSync('/work/main/content/' + f, 'utf8');
    const t = performance.now();
    parseSource(bytes, { file: '/work/main/content/' + f, id: f, priority: 0 });
    row.push(f.slice(0, 12) + ' ' + Math.round(performance.now() - t));
  }
  console.log(row.join(' | '));
}
