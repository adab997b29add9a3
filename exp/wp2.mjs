import Parser from 'wikiparser-node';
import { readFileSync } from 'node:fs';
import { splitDump } from '/work/main/dist/src/sources/wikitext.js';
const text = readFileSync('/work/main/content/2008-revision-with-citations.wiki', 'utf8');
const d = splitDump(text.split('\n')[0]);
// restore lines like readWikitext
const root = Parser.parse(d.body, false, 2);
let out = '';
for (const node of root.childNodes) { const raw = String(node); if (node.type !== 'text') { out += raw; continue; }
  out += raw.replace(/(^|\s+)(={2,6}[^=\n]+={2,6})(?=\s|$)|\s+(?=[*#]+(?:\s*\S|$))/g, (_w, _l, h) => h ? `\n${h}\n` : '\n'); }
console.log('lines', out.split('\n').length, 'refs', (out.match(/<ref/g)||[]).length, 'templates', (out.match(/\{\{/g)||[]).length);
const later = readFileSync('/work/main/content/later-revision.wiki', 'utf8');
console.log('later lines', later.split('\n').length, 'refs', (later.match(/<ref/g)||[]).length, 'templates', (later.match(/\{\{/g)||[]).length);
for (let i = 0; i < 8; i++) {
  let t = performance.now();
  Parser.parse(out); const b = performance.now() - t;
  console.log('full restored', Math.round(b));
}
for (let s = 1; s <= 11; s++) { const t = performance.now(); Parser.parse(out, false, s); console.log('stage', s, Math.round(performance.now() - t)); }
