import Parser from 'wikiparser-node';
import { scaleSource } from '/work/main/dist/bench/synthetic.js';
import { readFileSync } from 'node:fs';
const text = readFileSync('/work/main/content/later-revision.wiki', 'utf8');
for (const size of [1, 4, 10]) {
  const s = scaleSource(text, size, false);
  const parts = s.split(/\n(?==)/);
  const chunks = parts.map((p, i) => i < parts.length - 1 ? p + '\n' : p);
  let t = performance.now();
  const nodes = chunks.flatMap(c => Parser.parse(c).childNodes);
  const a = performance.now() - t;
  t = performance.now();
  const whole = Parser.parse(s).childNodes;
  const b = performance.now() - t;
  console.log(size, 'chunks', chunks.length, 'chunked', Math.round(a), 'whole', Math.round(b), 'same', nodes.map(String).join('') === s, nodes.length, whole.length);
}
