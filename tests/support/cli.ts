import { spawn } from 'node:child_process';
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
