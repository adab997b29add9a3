// Snapshot the read results of all wikitext inputs at hand: seeds, synthetic 1/4x, fixtures.
import { parseSource } from '/work/main/dist/src/sources/index.js';
import { scaleSource } from '/work/main/dist/bench/synthetic.js';
import { readFileSync, readdirSync, writeFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
const inputs = [];
for (const f of ['later-revision.wiki', '2008-revision-with-citations.wiki']) {
  const text = readFileSync('/work/main/content/' + f, 'utf8');
  for (const size of [1, 4, 10]) inputs.push([`${f}@${size}`, scaleSource(text, size, f.startsWith('2008')), f]);
}
const walk = (d) => readdirSync(d).flatMap(n => { const p = path.join(d, n); return statSync(p).isDirectory() ? walk(p) : [p]; });
for (const p of walk('/work/main/tests/fixtures').filter(p => /\.(wiki|txt)$/.test(p))) inputs.push([p, readFileSync(p, 'utf8'), path.basename(p)]);
const out = {};
for (const [name, text, file] of inputs) {
  const t = performance.now();
  let r;
  try { r = parseSource(text, { file, id: 'x', priority: 0 }); } catch (e) { r = { error: String(e.message) }; }
  const ms = performance.now() - t;
  out[name] = createHash('sha1').update(JSON.stringify(r)).digest('hex');
  if (/@/.test(name)) console.log(name, Math.round(ms));
}
writeFileSync(process.argv[2], JSON.stringify(out, null, 1));
console.log(Object.keys(out).length, 'inputs');
