/**
 * The one reporter of Quire's messages in a terminal: the build command and watch mode print warnings with
 * the same words.
 */
import path from 'node:path';
import type { Warning } from '../model/index.js';

/**
 * `warning: content/x.wiki:12: Infobox removed from the prose [dropped-infobox]`: the file under the content
 * folder, the line, what happened and the rule id.
 */
export function formatWarning(warning: Warning, contentDir: string): string {
  const file = warning.file ? path.join(contentDir, warning.file) : contentDir;
  const rule = warning.rule ? ` [${warning.rule}]` : '';
  return `warning: ${file}${warning.line ? `:${warning.line}` : ''}: ${warning.message}${rule}`;
}

export function humanSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} kB`;
}
