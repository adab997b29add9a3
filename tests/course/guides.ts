/**
 * A small course folder for the course tests: two good guides (one Markdown, one wikitext) and, when asked,
 * a broken one whose config names a source that is not there.
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FIXTURES } from '../support/content.js';

export const KEEPERS = `# The Lighthouse Keepers

## Keepers

The first keeper, Ann Vell, took the post in 1802 and kept the lamp burning for twenty-eight years.
Her son Tom Vell followed her in 1830 and stayed until the light was rebuilt.

## The light

The lamp burned whale oil until 1851, when the harbour board paid for a new lens.
The new light could be seen from thirty kilometres away on a clear night.
`;

export function makeCourse(options: { broken?: boolean } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'quire-course-test-'));
  const guide = (name: string, config: string, files: Record<string, string> = {}) => {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, 'quire.yaml'), config);
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, name, file), text);
  };
  guide('keepers', 'title: The Lighthouse Keepers\nlanguage: en\nsources:\n  - file: keepers.md\n', {
    'keepers.md': KEEPERS,
  });
  guide('canal', 'title: The Grand Meridian Canal\nlanguage: en\nsources:\n  - file: canal-2012.wiki\n');
  copyFileSync(path.join(FIXTURES, 'canal/canal-2012.wiki'), path.join(dir, 'canal/canal-2012.wiki'));
  if (options.broken) guide('broken', 'title: A broken guide\nsources:\n  - file: missing.md\n');
  // Not a guide: no quire.yaml (notes beside the guides are left alone).
  mkdirSync(path.join(dir, 'notes'));
  writeFileSync(path.join(dir, 'notes', 'todo.txt'), 'Add a third guide.\n');
  return dir;
}
