import * as chronoEn from 'chrono-node/en';
import { readFileSync } from 'node:fs';
const book = JSON.parse(readFileSync('/work/main/output/book.json', 'utf8'));
const sentences = [];
const walk = (o) => { if (Array.isArray(o)) o.forEach(walk); else if (o && typeof o === 'object') { if (Array.isArray(o.sentences)) sentences.push(...o.sentences.filter(s => typeof s === 'string')); Object.values(o).forEach(walk); } };
walk(book.chapters);
const only = process.argv[2];
const conf = chronoEn.configuration.createCasualConfiguration(false);
const names = conf.parsers.map(p => p.constructor.name);
if (only === 'list') { console.log(names.join(' ')); console.log(conf.refiners.map(p => p.constructor.name).join(' ')); process.exit(0); }
const drop = new Set((only ?? '').split(',').filter(Boolean));
conf.parsers = conf.parsers.filter(p => !drop.has(p.constructor.name));
const c = new chronoEn.Chrono(conf);
const t = performance.now();
for (const s of sentences) c.parse(s, new Date(Date.UTC(2000, 0, 1)), { forwardDate: false });
console.log((only || 'all').slice(0, 60), Math.round(performance.now() - t));
