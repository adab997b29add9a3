/**
 * Whole-process `quire build --formats html` with the cache folder of an earlier build present, as a person
 * runs it again from a terminal: with nothing changed, and after a one-paragraph edit (a new text each time:
 * the merge and the study aids run again, their work per text looked up in the cache folder). Cold figures
 * (no cache) are the bench's `cold` section.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Per run: wall seconds, and the CPU seconds of the process. */
export interface Runs {
  s: number[];
  cpu: number[];
}

export interface ProcessFigures {
  /** Nothing changed since the last build. */
  noChange: Runs;
  /** One paragraph of the later revision edited since the last build. */
  edit: Runs;
}

export async function htmlProcesses(
  cli: string,
  content: string,
  runs: number,
  measure: (argv: string[]) => Promise<{ s: number; cpuS: number }>,
): Promise<ProcessFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'quire-process-'));
  cpSync(content, dir, { recursive: true });
  const file = path.join(dir, 'later-revision.wiki');
  const original = readFileSync(file, 'utf8');
  const at = original.indexOf('\n\n', Math.floor(original.length / 2));
  const argv = [cli, 'build', '--content', dir, '--out', path.join(dir, 'out'), '--formats', 'html'];
  const html = () => measure([...argv, '--progress', 'silent']);
  const figures: ProcessFigures = { noChange: { s: [], cpu: [] }, edit: { s: [], cpu: [] } };
  try {
    await html();
    // A warm-up round, then the measured ones (one round only when the bench runs once per case).
    for (let i = 0; i <= runs; i++) {
      writeFileSync(file, `${original.slice(0, at)} The delegations met again (edit ${i}).${original.slice(at)}`);
      const edit = await html();
      const noChange = await html();
      if (i === 0 && runs > 1) continue;
      for (const [runs, r] of [
        [figures.edit, edit],
        [figures.noChange, noChange],
      ] as const) {
        runs.s.push(r.s);
        runs.cpu.push(r.cpuS);
      }
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
