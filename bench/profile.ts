/**
 * `npm run profile`: where the time goes, as CPU profiles of the shipped (compiled) Quire, summed up in
 * the terminal and kept in output/profiles/ (open a `.cpuprofile` in Chrome DevTools' Performance panel).
 *
 *   cold-html, cold-pdf, cold-epub
 *                         a whole-process `quire build --formats html|pdf|epub`, no cache (`node --cpu-prof`)
 *   warm-edit             one-paragraph edits → HTML + EPUB in a running session (what `quire watch`
 *                         does), profiled in-process after two warm-up edits
 *
 * A profile is of Node's main thread: Chromium's own work shows as "(idle)" (the main thread waiting).
 * `--edits N` sets the number of profiled edits (default 10).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packageRoot } from '../src/util/paths.js';
import { formatSummary, summarise, type CpuProfile, type ProfileSummary } from './cpuprofile.js';
import { editSession } from './session.js';

const args = process.argv.slice(2);
const editsArg = args.indexOf('--edits');
const EDITS = editsArg >= 0 ? Number(args[editsArg + 1]) : 10;
if (!Number.isInteger(EDITS) || EDITS < 1) {
  console.error('npm run profile: --edits takes a whole number of edits, 1 or more');
  process.exit(2);
}
const root = packageRoot();
const content = path.join(root, 'content');
const cli = path.join(root, 'dist/cli/quire.js');
const outDir = path.join(root, 'output/profiles');
mkdirSync(outDir, { recursive: true });

function keep(name: string, profile: CpuProfile): ProfileSummary {
  writeFileSync(path.join(outDir, `${name}.cpuprofile`), JSON.stringify(profile));
  return summarise(profile);
}

/** A whole-process cold build under `node --cpu-prof`. */
function coldProfile(formats: string): ProfileSummary {
  const scratch = mkdtempSync(path.join(tmpdir(), 'quire-profile-'));
  try {
    const run = spawnSync(
      process.execPath,
      [
        '--cpu-prof',
        '--cpu-prof-dir',
        path.join(scratch, 'prof'),
        cli,
        'build',
        '--content',
        content,
        '--out',
        path.join(scratch, 'out'),
        '--no-cache',
        '--progress',
        'silent',
        '--formats',
        formats,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    if (run.status !== 0) throw new Error(`quire build --formats ${formats} exited with ${run.status}`);
    const [file] = readdirSync(path.join(scratch, 'prof'));
    const profile = JSON.parse(readFileSync(path.join(scratch, 'prof', file!), 'utf8')) as CpuProfile;
    copyFileSync(path.join(scratch, 'prof', file!), path.join(outDir, `cold-${formats}.cpuprofile`));
    return summarise(profile);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Edits → HTML + EPUB in a running session, profiled in this process. */
async function warmProfile(): Promise<ProfileSummary> {
  const session = editSession(content);
  const inspector = new Session();
  inspector.connect();
  try {
    await session.build(['html', 'pdf', 'epub', 'json', 'report']);
    for (let i = 0; i < 2; i++) {
      session.edit();
      await session.build(['html', 'epub']);
    }
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.start');
    for (let i = 0; i < EDITS; i++) {
      session.edit();
      await session.build(['html', 'epub']);
    }
    const { profile } = await inspector.post('Profiler.stop');
    return keep('warm-edit', profile as CpuProfile);
  } finally {
    inspector.disconnect();
    await session.close();
  }
}

const summaries: Record<string, ProfileSummary> = {
  'cold-html': coldProfile('html'),
  'cold-pdf': coldProfile('pdf'),
  'cold-epub': coldProfile('epub'),
  'warm-edit': await warmProfile(),
};
const titles: Record<string, string> = {
  'cold-html': '`quire build --formats html`, whole process, no cache',
  'cold-pdf': '`quire build --formats pdf`, whole process, no cache',
  'cold-epub': '`quire build --formats epub`, whole process, no cache',
  'warm-edit': `${EDITS} one-paragraph edits → HTML + EPUB in a running session`,
};
for (const [name, summary] of Object.entries(summaries)) console.log(`\n${formatSummary(titles[name]!, summary)}`);
writeFileSync(path.join(outDir, 'summary.json'), `${JSON.stringify(summaries, null, 2)}\n`);
console.log(`\nWritten: output/profiles/{${Object.keys(summaries).join(',')}}.cpuprofile and summary.json`);
