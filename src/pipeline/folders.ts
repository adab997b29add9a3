/**
 * Which folders a command works on, when the command line does not say: the guide's content folder (the
 * current folder when it holds a quire.yaml, else `content/` under it), and its output folder (the config's
 * `output.dir`, else `output/` inside the content folder), so that a guide's outputs stay with the guide and
 * never land in another guide's folder.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_NAMES, loadConfig } from '../config/load.js';
import { QuireError } from '../util/errors.js';
import { isInside } from '../util/confined.js';

export interface GuideFolders {
  contentDir: string;
  outDir: string;
}

/** The default name of the output folder, inside the content folder. */
export const DEFAULT_OUTPUT = 'output';

const isFolder = (dir: string) => existsSync(dir) && statSync(dir).isDirectory();

/** A few names, then an ellipsis. */
const listed = (names: string[], shown = 3) => names.slice(0, shown).join(', ') + (names.length > shown ? ' …' : '');

/** The content folder when `--content` is not given. */
export function defaultContentDir(cwd = process.cwd()): string {
  if (CONFIG_NAMES.some((name) => existsSync(path.join(cwd, name)))) return '.';
  if (isFolder(path.join(cwd, 'content'))) return 'content';
  // A folder of guides (a course): say how to build them all.
  const guides = readdirSync(cwd, { withFileTypes: true }).filter(
    (e) => e.isDirectory() && CONFIG_NAMES.some((name) => existsSync(path.join(cwd, e.name, name))),
  );
  throw new QuireError('no guide here: this folder has no quire.yaml and no content/ folder', {
    file: cwd,
    hint: guides.length
      ? `its folders ${listed(guides.map((e) => e.name))} are guides: build them all with "quire build --course ."`
      : 'run quire in a guide\'s folder, pass --content DIR, or start a guide with "quire init DIR"',
  });
}

/**
 * The content and output folders of a command: the ones given, else the defaults above. The config's
 * `output.dir` must stay inside the content folder (a guide folder from anyone never makes Quire write
 * elsewhere on the machine); `--out` may be anywhere.
 */
export async function resolveFolders(content?: string, out?: string): Promise<GuideFolders> {
  const contentDir = content ?? defaultContentDir();
  if (out !== undefined) return { contentDir, outDir: out };
  if (!isFolder(contentDir)) {
    throw new QuireError('content folder not found', {
      file: contentDir,
      hint: 'pass an existing folder with --content',
    });
  }
  const { config, file } = await loadConfig(contentDir);
  const dir = config.output.dir ?? DEFAULT_OUTPUT;
  const resolved = path.resolve(contentDir, dir);
  if (path.isAbsolute(dir) || !isInside(resolved, path.resolve(contentDir)) || resolved === path.resolve(contentDir)) {
    throw new QuireError(`output.dir: "${dir}" is not a folder inside the content folder`, {
      file,
      hint: 'give a folder name such as "output" (relative to the content folder), or pass --out DIR',
    });
  }
  return { contentDir, outDir: path.join(contentDir, dir) };
}
