import { readFileSync } from 'node:fs';
const p = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const target = process.argv[3];
const byId = new Map(p.nodes.map(n => [n.id, n]));
const parent = new Map(); for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map(); p.samples.forEach((s, i) => self.set(s, (self.get(s) ?? 0) + p.timeDeltas[i] / 1000));
const agg = new Map();
for (const n of p.nodes) {
  if (n.callFrame.functionName !== target) continue;
  const ms = self.get(n.id) ?? 0; if (!ms) continue;
  const chain = []; let id = parent.get(n.id);
  for (let k = 0; k < 4 && id; k++) { const q = byId.get(id); chain.push(`${q.callFrame.functionName || '(anon)'}@${q.callFrame.url.replace(/.*\//, '')}:${q.callFrame.lineNumber + 1}`); id = parent.get(id); }
  const key = chain.join(' < ');
  agg.set(key, (agg.get(key) ?? 0) + ms);
}
for (const [k, v] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(v.toFixed(0).padStart(6), k);
