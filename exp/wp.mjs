import Parser from 'wikiparser-node';
import { readFileSync } from 'node:fs';
import { splitDump } from '/work/main/dist/src/sources/wikitext.js';
const text = readFileSync('/work/main/content/2008-revision-with-citations.wiki', 'utf8');
const later = readFileSync('/work/main/content/later-revision.wiki', 'utf8');
const d = splitDump(text.split('\n')[0]);
for (let i = 0; i < 6; i++) {
  let t = performance.now();
  const r2 = Parser.parse(d.body, false, 2); const a = performance.now() - t; t = performance.now();
  Parser.parse(d.body); const b = performance.now() - t; t = performance.now();
  Parser.parse(later); const c = performance.now() - t;
  console.log('stage2', Math.round(a), 'full dump', Math.round(b), 'full later', Math.round(c));
}
