import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './content.js';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the quire CLI from the TypeScript sources, as a user would run it, in a child process. */
export function runQuire(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', import.meta.resolve('tsx'), path.join(ROOT, 'src/cli.ts'), ...args],
      {
        cwd: options.cwd ?? ROOT,
        env: { ...process.env, ...options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * The web page `quire build --formats html` makes of a content folder holding these files (a new folder in
 * the system's temporary folder), as its HTML text; the build must succeed.
 */
export async function builtPage(files: Record<string, string>): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'quire-page-'));
  const content = path.join(dir, 'content');
  mkdirSync(content);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(content, name), text);
  const out = path.join(dir, 'out');
  const r = await runQuire(['build', '--content', content, '--out', out, '--formats', 'html', '--progress', 'silent']);
  if (r.code !== 0) throw new Error(`quire build failed: ${r.stderr}`);
  const page = readdirSync(out).find((f) => f.endsWith('.html'));
  if (!page) throw new Error('quire build wrote no web page');
  return readFileSync(path.join(out, page), 'utf8');
}
