/** What the command prints: warnings through the one reporter (util/messages.ts), sizes of files. */
export { formatWarning } from '../util/messages.js';
import type { Conflict, StudyGuide } from '../model/index.js';
import { plural } from '../util/words.js';
import path from 'node:path';

/** A path as the terminal shows it: relative to the current folder when under it, else whole. */
export function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : file;
}

export function humanSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

/** The kinds of disagreement between sources, as the summary names them. */
const CONFLICT_KINDS: Record<Conflict['kind'], string> = {
  name: 'names',
  number: 'numbers and dates',
  membership: 'list members',
};

/**
 * Where the sources disagree, for the terminal: a count, then the first few disagreements of each kind
 * (what differs, and in which section); the report lists them all.
 */
export function conflictLines(book: StudyGuide, perKind = 3): string[] {
  const conflicts = book.report.conflicts;
  if (!conflicts.length) return [];
  const titles = new Map(
    book.chapters.flatMap((c) => [[c.id, c.title] as const, ...c.sections.map((s) => [s.id, s.title] as const)]),
  );
  const lines = [
    `${plural(conflicts.length, 'conflict')} between sources (the guide keeps the first reading; all in report.html):`,
  ];
  for (const [kind, label] of Object.entries(CONFLICT_KINDS)) {
    const ofKind = conflicts.filter((c) => c.kind === kind);
    if (!ofKind.length) continue;
    const shown = ofKind
      .slice(0, perKind)
      .map((c) => `${c.differs.join(' / ')} (${titles.get(c.section) ?? c.section})`);
    const more = ofKind.length > perKind ? `; ${ofKind.length - perKind} more` : '';
    lines.push(`  ${label}: ${shown.join('; ')}${more}`);
  }
  return lines;
}
