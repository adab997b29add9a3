/**
 * Quire as a teacher installs it (#22): packed into a tarball (`npm pack` compiles it: prepack), installed
 * as a command into an empty prefix, then run in a guide folder far from the clone. Outside `npm test`: it
 * takes a few minutes (the compile, and npm fetching the dependencies); run it with `npm run test:install`.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../support/content.js';

const run = (command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) =>
  execFileSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', stdio: 'pipe' });

describe('npm pack, npm install -g, quire in any folder', () => {
  it('installs as the quire command; a guide built outside the clone gets its outputs in its own folder', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'quire-install-'));
    const packed = run('npm', ['pack', '--pack-destination', work], ROOT).trim().split('\n').at(-1)!;
    const prefix = path.join(work, 'prefix');
    run(
      'npm',
      ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', path.join(work, packed)],
      work,
    );
    const env = { PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH}` };
    // The installed command, found on PATH, from a folder that is not the clone.
    expect(run('quire', ['--version'], work, env).trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const made = run('quire', ['init', 'rivers'], work, env);
    expect(made).toContain('Build it with: cd rivers && quire build');
    const guide = path.join(work, 'rivers');
    const built = run('quire', ['build', '--progress', 'simple'], guide, env);
    expect(built).toContain('Wrote ');
    const outputs = readdirSync(path.join(guide, 'output')).filter((n) => !n.startsWith('.'));
    expect(outputs.sort()).toEqual([
      'assets',
      'book.json',
      'book.schema.json',
      'my-study-guide.epub',
      'my-study-guide.html',
      'my-study-guide.pdf',
      'report.html',
    ]);
    // Nothing went anywhere else: not into the folder quire was run from, not into the clone.
    expect(readdirSync(guide).sort()).toEqual(['output', 'quire.yaml', 'sample.md', 'templates']);
    expect(existsSync(path.join(work, 'output'))).toBe(false);
  });
});
