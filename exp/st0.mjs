import Parser from 'wikiparser-node';
import { scaleSource } from '/work/main/dist/bench/synthetic.js';
import { readFileSync } from 'node:fs';
const text = readFileSync('/work/main/content/later-revision.wiki', 'utf8');
for (const size of [1, 10]) {
  const s = scaleSource(text, size, false);
  const t = performance.now();
  const root = Parser.parse(s, false, Number(process.argv[2]));
  console.log(size, '"stage"+process.argv[2]', Math.round(performance.now() - t), root.childNodes.length, [...new Set(root.childNodes.map(n => n.type))]);
}
