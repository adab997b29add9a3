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
    return `${place}${this.reason}${this.hint ? ` — ${this.hint}` : ''}`;
  }
}

/** Turn anything thrown into one line for the terminal. */
export function describeError(error: unknown): string {
  if (error instanceof QuireError) return error.oneLine();
  if (error instanceof Error) return error.message.split('\n')[0] ?? String(error);
  return String(error);
}
