import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { runQuire } from './cli.js';
import { outputNames } from './inspect.js';

/** A new folder in the system's temporary folder holding these files. */
export function folder(files: Record<string, string | Uint8Array>, prefix = 'quire-hostile-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const [name, data] of Object.entries(files)) writeFileSync(path.join(dir, name), data);
  return dir;
}

/**
 * Runs the CLI on a folder whose output folder already holds an earlier edition, and checks that the build
 * failed as a user should see it: exit 1, one line, no stack trace, the earlier edition untouched and
 * nothing else written. Returns the line.
 */
export async function failsCleanly(content: string, args: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const out = path.join(content, 'out');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'book.json'), '{"edition": "previous"}');
  const r = await runQuire(['build', '--content', content, '--out', out, '--progress', 'silent', ...args], { env });
  expect(r.code).toBe(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(readFileSync(path.join(out, 'book.json'), 'utf8')).toBe('{"edition": "previous"}');
  expect(outputNames(out)).toEqual(['book.json']);
  return r.stderr.trim();
}
