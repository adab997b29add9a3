/**
 * Warnings as vfile messages: each has a rule id (what kind of thing happened, e.g. `dropped-table`), a
 * place and a reason, as the unified tools report theirs. The model keeps them as plain data (they are
 * cached and serialised with the book); one reporter (cli/report.ts) prints them.
 */
import path from 'node:path';
import { VFile } from 'vfile';
import type { Warning } from '../model/index.js';

export class Messages {
  private readonly vfile: VFile;

  /** `file`: the path relative to the content folder ('' for the book as a whole). */
  constructor(readonly file: string) {
    this.vfile = new VFile({ path: file || undefined });
  }

  warn(rule: string, reason: string, line?: number): void {
    this.vfile.message(reason, {
      place: line !== undefined ? { line, column: 1 } : undefined,
      ruleId: rule,
      source: 'quire',
    });
  }

  get warnings(): Warning[] {
    return this.vfile.messages.map((m) => ({
      file: this.file,
      line: m.line ?? undefined,
      rule: m.ruleId ?? 'quire',
      message: m.reason,
    }));
  }
}

/**
 * The one reporter of warnings, for the command and watch mode:
 * `warning: content/x.wiki:12: Infobox removed from the prose [dropped-infobox]`: the file under the content
 * folder, the line, what happened and the rule id.
 */
export function formatWarning(warning: Warning, contentDir: string): string {
  const file = warning.file ? path.join(contentDir, warning.file) : contentDir;
  const rule = warning.rule ? ` [${warning.rule}]` : '';
  return `warning: ${file}${warning.line ? `:${warning.line}` : ''}: ${warning.message}${rule}`;
}
