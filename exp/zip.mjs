import { unzipSync, zipSync } from 'fflate';
import { readFileSync, readdirSync } from 'node:fs';
const f = readdirSync('/work/main/output').find(n => n.endsWith('.epub'));
const files = unzipSync(readFileSync('/work/main/output/' + f));
console.log(Object.entries(files).map(([k,v]) => k.replace('OEBPS/','') + ':' + v.length).join(' '));
const packed = /\.(png|jpe?g|woff2?|gif)$/;
for (const mode of ['9', '6', '9+store', '6+store', '5+store']) {
  const lvl = Number(mode[0]); const store = mode.includes('store');
  const z = {}; for (const [k, v] of Object.entries(files)) z[k] = [v, { level: store && packed.test(k) ? 0 : lvl }];
  const ts = [];
  let out;
  for (let i = 0; i < 8; i++) { const t = performance.now(); out = zipSync(z); ts.push(performance.now() - t); }
  ts.sort((a,b)=>a-b);
  console.log(mode, 'bytes', out.length, 'median ms', ts[4].toFixed(1));
}
