import * as chronoEn from 'chrono-node/en';
import { readFileSync } from 'node:fs';
const book = JSON.parse(readFileSync('/work/main/output/book.json', 'utf8'));
const sentences = [];
const walk = (o) => { if (Array.isArray(o)) o.forEach(walk); else if (o && typeof o === 'object') { if (Array.isArray(o.sentences)) sentences.push(...o.sentences.filter(s => typeof s === 'string')); Object.values(o).forEach(walk); } };
walk(book.chapters);
const pre = /(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|\d{4}/;
const pass = sentences.filter(s => pre.test(s));
console.log('sentences', sentences.length, 'pass', pass.length);
const mode = process.argv[2];
const list = mode === 'pre' ? pass : sentences;
const t = performance.now();
for (const s of list) chronoEn.parse(s, new Date(Date.UTC(2000,0,1)), { forwardDate: false });
console.log(mode, 'first pass ms', Math.round(performance.now() - t));
const t2 = performance.now();
for (const s of list) chronoEn.parse(s, new Date(Date.UTC(2000,0,1)), { forwardDate: false });
console.log(mode, 'second pass ms', Math.round(performance.now() - t2));
if (mode === 'strict') {
  const t3 = performance.now();
  const r = [];
  for (const s of sentences) r.push(chronoEn.strict.parse(s, new Date(Date.UTC(2000,0,1)), { forwardDate: false }));
  console.log('strict first ms', Math.round(performance.now() - t3));
}
