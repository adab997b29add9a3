const { build } = await import((process.env.D ?? '/work/main/dist/') + 'src/build/pipeline.js');
const { BuildCache } = await import((process.env.D ?? '/work/main/dist/') + 'src/build/cache.js');
import { mkdtempSync, cpSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
const dir = mkdtempSync(path.join(tmpdir(), 'qw-'));
cpSync('/work/main/content', dir, { recursive: true });
const out = path.join(dir, 'out');
const session = { cache: new BuildCache(path.join(out, '.quire-cache')) };
const file = path.join(dir, 'later-revision.wiki');
const original = readFileSync(file, 'utf8');
let edits = 0;
const formats = (process.argv[2] ?? 'html,epub').split(',');
await build({ contentDir: dir, outDir: out, progress: 'silent', session, formats: ['html','epub','json','report'] });
for (let i = 0; i < (Number(process.env.N) || 10); i++) {
  writeFileSync(file, original.replace('annulling all mutual claims', `annulling all mutual claims (edit ${++edits})`));
  await session.cache.settle();
  const t = performance.now();
  const r = await build({ contentDir: dir, outDir: out, progress: 'silent', session, formats });
  console.log(Math.round(performance.now() - t), JSON.stringify(Object.fromEntries(Object.entries(r.stages).map(([k,v])=>[k,Math.round(v)]))));
}
await session.browser?.close();
await session.cache.settle();
rmSync(dir, { recursive: true, force: true });
