/**
 * Templates: Liquid files in a templates folder that users can copy and edit. A guide folder (templates
 * included) comes from colleagues and is untrusted, so the engine is LiquidJS, made for untrusted
 * templates: a template reads the view's own fields and nothing else (no prototypes, no functions to call,
 * no `process` or `require`), and includes resolve inside the templates folder only, symbolic links refused.
 * Output is escaped (`| safe` keeps HTML the view marks as safe), and a template that uses a field the view
 * does not have is an error naming the file and line (not a silent blank).
 *
 * Whitespace follows the rules the templates were written for (Jinja's `trim_blocks` and `lstrip_blocks`):
 * the newline right after a tag, and the indentation before a tag that starts a line, are not output;
 * comments keep both.
 */
import { Liquid, type FS } from 'liquidjs';
import {
  closeSync,
  constants,
  existsSync,
  openSync,
  lstatSync,
  readdirSync,
  readFileSync,
  realpathSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { QuireError } from '../../util/errors.js';
import type { View } from '../view/index.js';
import { packageRoot } from '../../util/paths.js';
import { rememberIncludes } from './remembered-include.js';

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
 * Why `file` may not be read as part of the templates folder `dir` (whose real path is `realDir`), or
 * undefined if it may: it must lie inside the folder, and neither it nor a folder on the way may be a
 * symbolic link (a link could point anywhere on the host).
 */
export function outsideReason(dir: string, realDir: string, file: string): string | undefined {
  const relative = path.relative(dir, path.resolve(dir, file));
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative))
    return 'lies outside the templates folder';
  let real: string;
  try {
    real = realpathSync(path.join(dir, relative));
  } catch {
    return undefined; // missing: reported as missing by whoever reads it
  }
  if (real !== path.join(realDir, relative) || lstatSync(path.join(dir, relative)).isSymbolicLink())
    return 'is a symbolic link (or lies in a linked folder)';
  return undefined;
}

/** Tags whose surrounding whitespace is kept, as Jinja keeps it around comments. */
const KEEPS_WHITESPACE = /^-?\s*(#|comment\b|endcomment\b|raw\b|endraw\b)/;

/**
 * `trim_blocks` and `lstrip_blocks` as a change of the source that keeps every line and column: the
 * newline after a tag, and the indentation before a tag that starts a line, move inside the tag, where
 * Liquid ignores them.
 */
export function trimBlocks(source: string): string {
  return source.replace(
    /([ \t]*)\{%([\s\S]*?)%\}(\r?\n)?/g,
    (match, indent: string, body: string, newline: string | undefined, offset: number) => {
      if (KEEPS_WHITESPACE.test(body)) return match;
      const lineStart = offset === 0 || source[offset - 1] === '\n';
      const inner = lineStart && !body.startsWith('-') ? indent + body : body;
      const outer = inner === body ? indent : '';
      const end = newline && !body.endsWith('-') ? newline : '';
      return `${outer}{%${inner}${end}%}${end ? '' : (newline ?? '')}`;
    },
  );
}

/**
 * Liquid's file access, confined to the templates folder. `files` learns which file each source text came
 * from: some of Liquid's errors know the text they are in but not its file.
 */
function confinedFs(dir: string, files: Map<string, string>): FS {
  const realDir = realpathSync(dir);
  const read = (file: string): string => {
    const reason = outsideReason(dir, realDir, file);
    if (reason) throw new Error(`"${path.relative(dir, file)}" ${reason}: a template may include only files in it`);
    // O_NOFOLLOW: a link put in place after the check above is refused too.
    const fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW);
    let source: string;
    try {
      source = trimBlocks(readFileSync(fd, 'utf8'));
    } finally {
      closeSync(fd);
    }
    files.set(source, file);
    return source;
  };
  const exists = (file: string): boolean => {
    try {
      lstatSync(file);
      return true;
    } catch {
      return false;
    }
  };
  return {
    exists: (file) => Promise.resolve(exists(file)),
    existsSync: exists,
    readFile: (file) => Promise.resolve().then(() => read(file)),
    readFileSync: read,
    resolve: (root, file) => path.resolve(root, file),
    contains: () => Promise.resolve(true), // checked when read, to say why a file is refused
    containsSync: () => true,
    sep: path.sep,
    dirname: (file) => path.dirname(file),
  };
}

/** Escapes text as the templates always have: `&`, `<`, `>`, `"` and `'`. */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * Print: the distinct pages a list of links lands on, in order ("00" placeholders before they are known).
 * A link to a page already listed is kept as a target only (`same`, printed without text): the PDF then
 * still records where it lands, so the next layout knows its page and lists it again if it moves.
 */
function pageList(
  links: { href: string }[],
  pages: Record<string, number>,
): { href: string; page: string; same: boolean }[] {
  const out: { href: string; page: string; same: boolean }[] = [];
  for (const l of links) {
    const page = Object.hasOwn(pages, l.href.replace(/^#/, '')) ? pages[l.href.replace(/^#/, '')] : undefined;
    const same = page !== undefined && out.some((o) => o.page === String(page));
    out.push({ href: l.href, page: page === undefined ? '00' : String(page), same });
  }
  return out.sort((a, b) => Number(a.same) - Number(b.same) || Number(a.page) - Number(b.page));
}

/** A LiquidJS error as file, line, column and the reason alone (Liquid appends the place to its message). */
function liquidPlace(
  error: unknown,
  files: Map<string, string>,
): { file?: string; line?: number; column?: number; reason: string } {
  const message = error instanceof Error ? error.message : String(error);
  const reason = message.replace(/(, file:.*)?, line:\d+, col:\d+$/s, '').split('\n')[0]!;
  const token = (error as { token?: { file?: string; input?: string; getPosition?: () => [number, number] } }).token;
  const [line, column] = token?.getPosition?.() ?? [];
  return {
    file: token?.file ?? (token?.input !== undefined ? files.get(token.input) : undefined),
    line,
    column,
    reason,
  };
}

/**
 * A templates folder, compiled once: a TemplateSet is for one state of the folder (see `fingerprint`);
 * after an edit, make a new one.
 */
export class TemplateSet {
  private readonly engine: Liquid;
  private readonly realDir: string;
  private readonly sources = new Map<string, string>();
  readonly fingerprint: string;
  constructor(readonly dir: string) {
    if (!existsSync(dir))
      throw new QuireError('templates folder not found', {
        file: dir,
        hint: 'fix "templates" in the config or copy Quire\'s templates/ there',
      });
    this.dir = path.resolve(dir);
    this.realDir = realpathSync(this.dir);
    this.fingerprint = templatesFingerprint(this.dir);
    this.engine = new Liquid({
      root: [this.dir],
      partials: [this.dir],
      layouts: [this.dir],
      extname: '',
      fs: confinedFs(this.dir, this.sources),
      relativeReference: false,
      cache: true,
      strictVariables: true,
      strictFilters: true,
      lenientIf: true, // `{% if meta.subtitle %}` and `| default` may test an optional field
      jsTruthy: true, // an empty string or 0 is false, as the templates expect
      ownPropertyOnly: true,
      outputEscape: escapeHtml,
      // A template that loops for ever or builds huge strings stops instead of hanging the build.
      renderLimit: 10_000, // ms for one render: a guide's largest renders take well under a second
      memoryLimit: 1e7, // characters and elements that filters and ranges may make in one render
    });
    for (const name of ['safe', 'raw']) this.engine.registerFilter(name, { handler: (v: unknown) => v, raw: true });
    this.engine.registerFilter('pageList', pageList);
    // A chapter's partial renders again only when what it reads changed (a warm edit's other chapters do not).
    rememberIncludes(this.engine, `${this.dir}\u0000${this.fingerprint}`);
  }

  /** Path of a template or asset file, checked to exist and to be a file of the folder (not a link). */
  file(name: string): string {
    const full = path.join(this.dir, name);
    const reason = outsideReason(this.dir, this.realDir, full);
    if (reason)
      throw new QuireError(`template file "${name}" ${reason}`, {
        file: full,
        hint: "put a real file (not a link) in the templates folder, or copy it from Quire's templates/ folder",
      });
    if (!existsSync(full)) {
      const old = name.replace(/\.liquid$/, '.njk');
      throw new QuireError(`template "${name}" is missing`, {
        file: full,
        hint:
          old !== name && existsSync(path.join(this.dir, old))
            ? "Quire's templates are Liquid now, not Nunjucks: copy the .liquid files from its templates/ folder" +
              ' and redo your edits'
            : `restore it from Quire's templates/ folder`,
      });
    }
    return full;
  }

  render(name: string, view: View | Record<string, unknown>): string {
    const full = this.file(name);
    try {
      return this.engine.renderFileSync(name, view) as string;
    } catch (error) {
      const where = liquidPlace(error, this.sources);
      throw new QuireError(`template error: ${where.reason}`, {
        file: where.file ?? full,
        line: where.line,
        column: where.column,
        hint: "fix the template, or restore the original from Quire's templates/ folder",
      });
    }
  }
}
