/**
 * `quire watch` takes the page options `quire build` takes (issue 21's `--chapters` and `--embed-resources`),
 * so a preview shows the guide as the build will print it.
 */
import { describe, expect, it } from 'vitest';
import { runQuire } from '../support/cli.js';

describe('quire watch options', () => {
  it('lists --chapters and --embed-resources in its help', async () => {
    const help = await runQuire(['watch', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--chapters <mode>/);
    expect(help.stdout).toMatch(/--embed-resources/);
  });

  it('checks --chapters as build does: a wrong value is one line naming the option', async () => {
    const run = await runQuire(['watch', '--chapters', 'sometimes']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^quire: --chapters sometimes: /);
  });
});
