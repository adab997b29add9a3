/** What the command prints: warnings through the one reporter (util/messages.ts), sizes of files. */
export { formatWarning } from '../util/messages.js';

export function humanSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} kB`;
}
