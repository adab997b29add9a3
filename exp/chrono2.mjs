import * as chronoEn from 'chrono-node/en';
import { readFileSync } from 'node:fs';
const book = JSON.parse(readFileSync('/work/main/output/book.json', 'utf8'));
const sentences = [];
const walk = (o) => { if (Array.isArray(o)) o.forEach(walk); else if (o && typeof o === 'object') { if (Array.isArray(o.sentences)) sentences.push(...o.sentences.filter(s => typeof s === 'string')); Object.values(o).forEach(walk); } };
walk(book.chapters);
const MONTH_OR_YEAR = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\b|\b\d{4}\b/;
const which = process.argv[2];
let parser = which === 'strict' ? chronoEn.strict : chronoEn.casual;
if (which === 'lean') { const conf = chronoEn.configuration.createCasualConfiguration(false); const drop = new Set(['ENTimeUnitWithinFormatParser','ENTimeUnitAgoFormatParser','ENTimeUnitLaterFormatParser','ENTimeUnitCasualRelativeFormatParser']); conf.parsers = conf.parsers.filter(p => !drop.has(p.constructor.name)); parser = new chronoEn.Chrono(conf); }
const t = performance.now();
const out = [];
for (const s of sentences) {
  const y = /\b(1\d{3}|20\d{2})\b/.exec(s);
  for (const r of parser.parse(s, new Date(Date.UTC(y ? Number(y[1]) : 2000, 0, 1)), { forwardDate: false })) {
    if (!MONTH_OR_YEAR.test(r.text) || !r.start.isCertain('month')) continue;
    out.push([r.index, r.text, r.start.get('year'), r.start.get('month'), r.start.isCertain('day') ? r.start.get('day') : null, r.end ? [r.end.get('year'), r.end.get('month'), r.end.isCertain('day') ? r.end.get('day') : null] : null].join('|'));
  }
}
console.log(which, 'ms', Math.round(performance.now() - t), 'results', out.length);
import('node:fs').then(fs => fs.writeFileSync('/tmp/exp/chrono-' + which + '.txt', out.join('\n')));
