/**
 * The data flows one way (sources → merge → study → editions → render), and the seams stay where the
 * architecture puts them. Each rule names folders of src/ that a folder's modules may not import from
 * (type-only imports included: a type is a dependency too). The test reads every module's import
 * specifiers, resolves the relative ones and checks every rule; it counts what it checked.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './support/content.js';

const SRC = path.join(ROOT, 'src');

/** Folder of src/ → folders (or files) it must not import from. */
const FORBIDDEN: Record<string, string[]> = {
  sources: ['merge', 'study', 'editions', 'render', 'pipeline', 'cli'],
  merge: ['sources', 'study', 'editions', 'render', 'pipeline', 'cli'],
  study: ['sources', 'editions', 'render', 'pipeline', 'cli'],
  editions: ['sources', 'render', 'pipeline', 'cli'],
  render: ['sources', 'merge', 'study', 'pipeline', 'cli'],
  model: ['merge', 'study', 'editions', 'render', 'pipeline', 'cli'],
  util: ['sources', 'merge', 'study', 'editions', 'render', 'pipeline', 'cli'],
  pipeline: ['cli'],
};

function modules(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((n) => n.endsWith('.ts'))
    .map((n) => path.join(dir, n));
}

/** The src-relative paths a module imports (relative specifiers only; packages are not src). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specifiers.map((s) => path.relative(SRC, path.resolve(path.dirname(file), s)));
}

describe('architecture', () => {
  it('no module imports against the direction of the data or across the seams', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const file of modules(SRC)) {
      const folder = path.relative(SRC, file).split(path.sep)[0]!;
      for (const target of importsOf(file)) {
        checked++;
        const into = target.split(path.sep)[0]!;
        if (FORBIDDEN[folder]?.includes(into)) broken.push(`${path.relative(SRC, file)} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
    // Every module's imports were read (a change of layout that hid them would check nothing).
    expect(checked).toBeGreaterThan(200);
  });

  it('the merge asks a source its role, never its format name', () => {
    for (const file of modules(path.join(SRC, 'merge'))) {
      expect(readFileSync(file, 'utf8'), path.relative(SRC, file)).not.toMatch(/info\.format\b/);
    }
  });

  it('the orchestrator is plain code of under 150 lines', () => {
    const lines = readFileSync(path.join(SRC, 'pipeline', 'build.ts'), 'utf8').split('\n').length;
    expect(lines).toBeLessThan(150);
  });
});
