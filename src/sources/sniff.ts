/**
 * What the readers' `sniff` functions look for, kept apart from the readers themselves: detection must not
 * load a reader (the wikitext one brings a whole wiki parser), so these are plain regular expressions.
 *
 * Scores order the evidence; the registry picks the highest, and on a tie the reader listed first. The tiers
 * reproduce the decision list detection used to be: a dump line beats everything, then a file name ending a
 * reader claims, then Markdown headings, then wiki markup, then citation markers; plain text is the fallback.
 */
import path from 'node:path';

export const SNIFF = {
  /** Content no other format produces (a dump's revision line). */
  certain: 1,
  /** The file name ends in one of the reader's extensions. */
  extension: 0.9,
  /** Two or more `#` headings, more than `==` ones. */
  markdownHeadings: 0.6,
  /** Two or more `==` headings, or five pieces of wiki markup. */
  wikiMarkup: 0.5,
  /** Most lines carry `[n]` markers. */
  citationMarkers: 0.3,
  /** Any text at all reads as plain text. */
  fallback: 0.1,
  none: 0,
} as const;

/** Metadata in front of a dump line: title, page id, revision id, ISO timestamp, user, user id, comment. */
export const DUMP_HEAD = /^(.+?) (\d+) (\d+) (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ) (.+?) (\d+) /;

/** A database-dump line: revision metadata, then the whole article, on a first line over 200 characters. */
export function looksLikeDump(text: string): boolean {
  const first = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  return DUMP_HEAD.test(first) && first.length > 200;
}

/** True when most non-blank lines carry `[n]` markers and none looks like a heading block. */
export function looksLikeCitedSentences(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim());
  if (lines.length === 0) return false;
  const marked = lines.filter((l) => /\[\d{1,4}\]/.test(l)).length;
  return marked / lines.length >= 0.3 && !/^={2,}.+={2,}\s*$/m.test(text);
}

/** `== x ==` heading lines. */
export function wikiHeadingCount(text: string): number {
  return (text.match(/^={1,6}[^=\n]+={1,6}\s*$/gm) ?? []).length;
}

/** Links, one-line templates, `<ref>` tags and bold quotes. */
export function wikiMarkupCount(text: string): number {
  return (text.match(/\[\[[^\]\n]+\]\]|\{\{[^}\n]*\}\}|<ref[\s>]|'''/g) ?? []).length;
}

/** `# x` heading lines. */
export function markdownHeadingCount(text: string): number {
  return (text.match(/^#{1,6} \S/gm) ?? []).length;
}

/** Whether the file's extension (any case) is one of `extensions` (each with its dot). */
export function hasExtension(file: string, extensions: readonly string[]): boolean {
  return extensions.includes(path.extname(file).toLowerCase());
}
