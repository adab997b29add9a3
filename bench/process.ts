/**
 * Whole-process `quire build --formats html` with the cache folder of an earlier build present, as a person
 * runs it again from a terminal: with nothing changed, and after a one-paragraph edit (a new text each time:
 * the merge and the study aids run again, their work per text looked up in the cache folder). Cold figures
 * (no cache) are the bench's `cold` section.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ProcessFigures {
  /** Seconds per run: nothing changed since the last build. */
  noChange: number[];
  /** Seconds per run: one paragraph of the later revision edited since the last build. */
  edit: number[];
}

export async function htmlProcesses(
  cli: string,
  content: string,
  runs: number,
  measure: (argv: string[]) => Promise<{ s: number }>,
): Promise<ProcessFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'quire-process-'));
  cpSync(content, dir, { recursive: true });
  const file = path.join(dir, 'later-revision.wiki');
  const original = readFileSync(file, 'utf8');
  const at = original.indexOf('\n\n', Math.floor(original.length / 2));
  const argv = [cli, 'build', '--content', dir, '--out', path.join(dir, 'out'), '--formats', 'html'];
  const html = () => measure([...argv, '--progress', 'silent']);
  const figures: ProcessFigures = { noChange: [], edit: [] };
  try {
    await html();
    // A warm-up round, then the measured ones (one round only when the bench runs once per case).
    for (let i = 0; i <= runs; i++) {
      writeFileSync(file, `${original.slice(0, at)} The delegations met again (edit ${i}).${original.slice(at)}`);
      const edit = await html();
      const noChange = await html();
      if (i === 0 && runs > 1) continue;
      figures.edit.push(edit.s);
      figures.noChange.push(noChange.s);
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
