/**
 * Templates: Nunjucks files in a templates folder that users can copy and edit. Autoescaping is on, and a
 * template that uses a field the view does not have is an error (not a silent blank).
 */
import nunjucks from 'nunjucks';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { QuireError } from '../../util/errors.js';
import type { View } from '../view/index.js';
import { packageRoot } from '../../util/paths.js';

/** Quire's own templates, shipped with the package. */
export const DEFAULT_TEMPLATES = path.join(packageRoot(), 'templates');

/** A hash of every file in a templates folder (names and bytes): what cached renderings are keyed by. */
export function templatesFingerprint(dir: string): string {
  const hash = createHash('sha256');
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort()) {
    hash.update(path.relative(dir, entry)).update('\0').update(readFileSync(entry)).update('\0');
  }
  return hash.digest('hex');
}

/**
 * A templates folder, compiled once: a TemplateSet is for one state of the folder (see `fingerprint`);
 * after an edit, make a new one.
 */
export class TemplateSet {
  private readonly env: nunjucks.Environment;
  readonly fingerprint: string;
  constructor(readonly dir: string) {
    if (!existsSync(dir))
      throw new QuireError('templates folder not found', {
        file: dir,
        hint: 'fix "templates" in the config or copy Quire\'s templates/ there',
      });
    this.fingerprint = templatesFingerprint(dir);
    this.env = new nunjucks.Environment(new nunjucks.FileSystemLoader(dir, { noCache: false }), {
      autoescape: true,
      throwOnUndefined: true,
      trimBlocks: true,
      lstripBlocks: true,
    });
    // Print: the distinct pages a list of links lands on, in order ("00" placeholders before they are known).
    this.env.addFilter('pageList', (links: { href: string }[], pages: Record<string, number>) => {
      const out: { href: string; page: string }[] = [];
      for (const l of links) {
        const page = pages[l.href.replace(/^#/, '')];
        if (page === undefined) out.push({ href: l.href, page: '00' });
        else if (!out.some((o) => o.page === String(page))) out.push({ href: l.href, page: String(page) });
      }
      return out.sort((a, b) => Number(a.page) - Number(b.page));
    });
  }

  /** Path of a template or asset file, checked to exist. */
  file(name: string): string {
    const full = path.join(this.dir, name);
    if (!existsSync(full))
      throw new QuireError(`template "${name}" is missing`, {
        file: full,
        hint: `restore it from Quire's templates/ folder`,
      });
    return full;
  }

  render(name: string, view: View | Record<string, unknown>): string {
    const full = this.file(name);
    try {
      return this.env.render(name, view);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Nunjucks: "(path/file.njk) [Line 3, Column 5]\n  unexpected token: ..."
      const where = /\(([^)]+)\)\s*\[Line (\d+), Column (\d+)\]/.exec(message);
      const reason =
        message
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l && !l.startsWith('(') && !/^Template render error/.test(l))
          .pop() ?? message;
      throw new QuireError(`template error: ${reason}`, {
        file: where?.[1] && where[1] !== 'unknown path' ? where[1] : full,
        line: where ? Number(where[2]) : undefined,
        column: where ? Number(where[3]) : undefined,
        hint: "fix the template, or restore the original from Quire's templates/ folder",
      });
    }
  }
}
