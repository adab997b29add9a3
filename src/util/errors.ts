import { VFileMessage } from 'vfile-message';

/**
 * An error the user can act on: where (file, line, column), what is wrong, and what to do.
 * Built on vfile-message so positions are reported the way the unified tools report them.
 */
export class QuireError extends VFileMessage {
  readonly hint: string | undefined;
  constructor(
    reason: string,
    where: { file?: string; line?: number; column?: number; hint?: string; cause?: unknown } = {},
  ) {
    super(reason, {
      place: where.line !== undefined ? { line: where.line, column: where.column ?? 1 } : undefined,
      cause: where.cause instanceof Error ? where.cause : undefined,
      ruleId: 'quire',
      source: 'quire',
    });
    this.file = where.file ?? '';
    this.hint = where.hint;
    this.fatal = true;
  }

  /** `content/x.wiki:12:5: unclosed <ref> — close it with </ref>` */
  oneLine(): string {
    const column = this.column !== undefined ? `:${this.column}` : '';
    const place = this.file ? `${this.file}${this.line !== undefined ? `:${this.line}${column}` : ''}: ` : '';
    return singleLine(`${place}${this.reason}${this.hint ? ` — ${this.hint}` : ''}`);
  }
}

/** A Node.js system error (from fs, net …): it carries an errno code and usually the path concerned. */
export interface SystemError extends Error {
  code: string;
  path?: string;
  dest?: string;
  syscall?: string;
}

export function isSystemError(error: unknown): error is SystemError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string' && 'syscall' in error;
}

/** What each system error means to the user, and what to do about it: one place for all of them. */
const SYSTEM_ERRORS: Record<string, [reason: string, hint: string]> = {
  ENOSPC: ['no space left on the disk', 'free some space, or choose a folder on another disk with --out'],
  EDQUOT: ['the disk quota is used up', 'free some space, or choose a folder on another disk with --out'],
  EACCES: ['permission denied', 'fix the permissions (chmod / chown), or choose another folder'],
  EPERM: ['operation not permitted', 'fix the permissions (chmod / chown), or choose another folder'],
  EROFS: ['the disk is read-only', 'choose a folder on a writable disk with --out'],
  ENOENT: ['no such file or folder', 'check the path (in quire.yaml or on the command line)'],
  ENOTDIR: ['a part of the path is a file, not a folder', 'check the path (in quire.yaml or on the command line)'],
  EISDIR: ['is a folder, not a file', 'give the path of a file'],
  ENAMETOOLONG: ['the file name is too long', 'choose a shorter name (output.basename in quire.yaml, or the title)'],
  EMFILE: ['too many open files', 'raise the limit (ulimit -n) or close other programs'],
  ENFILE: ['too many open files', 'raise the limit (ulimit -n) or close other programs'],
  ELOOP: ['too many symbolic links (a loop)', 'replace the symbolic link with the file itself'],
  EEXIST: ['already exists', 'remove it or choose another name'],
  EBUSY: ['the file is in use', 'close the program that holds it and build again'],
  EIO: ['input/output error on the disk', 'check the disk, or choose another folder'],
};

/** A system error as one line: `path: cause — what to do` (or undefined if it is not one). */
export function describeSystemError(error: unknown): string | undefined {
  if (!isSystemError(error)) return undefined;
  const known = SYSTEM_ERRORS[error.code];
  const reason = known ? known[0] : `${error.syscall ?? 'system'} failed (${error.code})`;
  const hint = known ? known[1] : 'check the path and the disk, and build again';
  const place = error.path ? `${error.path}: ` : '';
  return singleLine(`${place}${reason} — ${hint}`);
}

/** A system error as a QuireError naming `file` (with a cause that says what to do). */
export function systemErrorAt(error: unknown, file: string, what = 'file'): QuireError {
  if (error instanceof QuireError) return error;
  const code = isSystemError(error) ? error.code : '';
  const known = SYSTEM_ERRORS[code];
  const reason =
    code === 'ENOENT'
      ? `${what} not found`
      : code === 'EACCES' || code === 'EPERM'
        ? `${what} cannot be read (permission denied)`
        : `${what} cannot be read: ${known ? known[0] : (error as Error).message}`;
  const hint =
    code === 'EACCES' || code === 'EPERM'
      ? 'make it readable (chmod a+r) or remove it from the content folder'
      : (known?.[1] ?? 'check the file and build again');
  return new QuireError(reason, { file, hint, cause: error });
}

/** Newlines and other control characters (a file name may hold them) cannot break or colour the line. */
function singleLine(text: string): string {
  return (
    text
      .replace(/\s*[\r\n\u2028\u2029]+\s*|\t/g, ' ')
      // eslint-disable-next-line no-control-regex -- control characters are what this replaces
      .replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .trim()
  );
}

/** Turn anything thrown into one line for the terminal. */
export function describeError(error: unknown): string {
  if (error instanceof QuireError) return error.oneLine();
  const system = describeSystemError(error);
  if (system) return system;
  // A library's message may run on (a log, a call stack): its first line says what happened.
  if (error instanceof Error) return singleLine(error.message.split('\n').find((l) => l.trim()) ?? error.name);
  return singleLine(String(error));
}
