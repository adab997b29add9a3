import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fontBundle } from './fonts.js';
import type { TemplateSet } from './templates.js';

/** The fonts (with their CSS) and the named stylesheets of a templates folder, copied into `dir`. */
export async function copyAssets(templates: TemplateSet, dir: string, css: string[]): Promise<void> {
  const fonts = fontBundle();
  await mkdir(path.join(dir, 'fonts'), { recursive: true });
  await writeFile(path.join(dir, 'fonts.css'), fonts.css);
  await Promise.all(fonts.files.map((f) => copyFile(f, path.join(dir, 'fonts', path.basename(f)))));
  await Promise.all(css.map((name) => copyFile(templates.file(name), path.join(dir, name))));
}
