// Summarise a .cpuprofile: self time by function and by package/file.
import { readFileSync } from 'node:fs';
const p = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const dt = new Map();
for (let i = 0; i < p.samples.length; i++) dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
const byFn = new Map(), byPkg = new Map();
let total = 0;
for (const n of p.nodes) {
  const ms = dt.get(n.id) ?? 0; if (!ms) continue; total += ms;
  const { functionName, url, lineNumber } = n.callFrame;
  const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  const pkg = m ? m[1] : url.includes('/dist/src/') ? url.replace(/.*\/dist\//, '') : url ? url.replace(/.*\//, '') : functionName;
  byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + ms);
  const k = `${functionName || '(anon)'} ${pkg}:${lineNumber}`;
  byFn.set(k, (byFn.get(k) ?? 0) + ms);
}
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(0).padStart(6)}  ${k}`).join('\n');
console.log('total', total.toFixed(0), '\n-- by package/file\n' + top(byPkg, 25) + '\n-- by function\n' + top(byFn, 30));
