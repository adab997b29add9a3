/**
 * Which folders a command works on when the command line does not say (#22): a guide's outputs go next to
 * its own content (output/ inside it, or the config's output.dir), never into the folder quire was run from.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultContentDir, resolveFolders } from '../../src/pipeline/folders.js';
import { QuireError } from '../../src/util/errors.js';

const guide = (config?: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'quire-folders-'));
  if (config !== undefined) writeFileSync(path.join(dir, 'quire.yaml'), config);
  return dir;
};

describe('the default folders', () => {
  it('the content folder: this folder if it holds a quire.yaml, else content/, else an error saying what to do', () => {
    expect(defaultContentDir(guide('title: T\n'))).toBe('.');
    const clone = guide();
    mkdirSync(path.join(clone, 'content'));
    expect(defaultContentDir(clone)).toBe('content');
    const nowhere = guide();
    expect(() => defaultContentDir(nowhere)).toThrow(QuireError);
  });

  it('the output folder: output/ inside the content folder, or output.dir; --out wins', async () => {
    const content = guide('title: T\n');
    expect(await resolveFolders(content)).toEqual({ contentDir: content, outDir: path.join(content, 'output') });
    const named = guide('output:\n  dir: print\n');
    expect((await resolveFolders(named)).outDir).toBe(path.join(named, 'print'));
    expect((await resolveFolders(named, '/tmp/elsewhere')).outDir).toBe('/tmp/elsewhere');
  });

  it('output.dir may not leave the content folder: a guide from anyone never writes elsewhere', async () => {
    for (const dir of ['../other-guide', '/tmp/x', '.']) {
      const content = guide(`output:\n  dir: ${dir}\n`);
      const error = await resolveFolders(content).catch((e: unknown) => e);
      expect((error as QuireError).oneLine()).toBe(
        `${path.join(content, 'quire.yaml')}: output.dir: "${dir}" is not a folder inside the content folder — ` +
          'give a folder name such as "output" (relative to the content folder), or pass --out DIR',
      );
    }
  });
});
