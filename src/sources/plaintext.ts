/**
 * Plain-text reader: paragraphs are lines, headings are bare lines (short, no closing punctuation),
 * `==x==` lines are headings with explicit levels, and stray fragments (a lower-case start with no
 * sentence before it) are dropped with a warning.
 *
 * Heading levels are not written in plain text; they are recovered from the layout: a heading followed
 * directly by another heading opens a part (level 2) whose following headings are its sections (level 3).
 */
import type { PhrasingContent } from 'mdast';
import { TreeBuilder } from './builder.js';
import type { ReadInput, ReadResult } from './types.js';
import { isUnspaced } from '../util/language.js';

const EXPLICIT_HEADING = /^(={1,6})\s*(.+?)\s*\1\s*$/;
const MAX_HEADING_CHARS = 120;
/**
 * What an export of a wiki page leaves of an interlanguage link: ":ru:Target page#Anchor|Label" stands
 * for "Label". The prefix (a language code between colons) and the pipe are what mark it.
 */
const INTERWIKI_RESIDUE = /(^|[\s(“"‘])(:[a-z]{2,3}(?:-[a-z]{2,8})?:[^\s|:][^|\n]{0,200}?)\|(?=\S)/gu;

/** The line with each interlanguage link residue reduced to its label, and the targets dropped. */
export function dropLinkResidue(text: string): { text: string; dropped: string[] } {
  const dropped: string[] = [];
  const out = text.replace(INTERWIKI_RESIDUE, (_all, before: string, target: string) => {
    dropped.push(target);
    return before;
  });
  return { text: out, dropped };
}

/**
 * Closing punctuation of a sentence, ignoring closing quotes and brackets: Latin and Cyrillic, the full-width
 * forms of Chinese and Japanese, Arabic's, Devanagari's, Ethiopic's, Burmese's, Khmer's and Tibetan's.
 */
function endsLikeSentence(line: string): boolean {
  return /[.!?:;,…。！？：；，、؟؛،।॥።။។།]$/.test(line.replace(/["'”’»)\]」』）〕】]+$/, ''));
}

const CASELESS = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Arabic}`;
const CAN_OPEN_HEADING = new RegExp(
  String.raw`^["'“‘(「『（]?[\p{Lu}\p{N}${CASELESS}\p{Script=Hebrew}\p{Script=Devanagari}]`,
  'u',
);

export function isBareHeading(line: string): boolean {
  const t = line.trim();
  // Unspaced writing says as much in a third of the characters.
  if (!t || t.length > (isUnspaced(t) ? MAX_HEADING_CHARS / 3 : MAX_HEADING_CHARS)) return false;
  if (endsLikeSentence(t)) return false;
  // A capital, a digit, or a letter of a script without case whose sentences end in a mark (Chinese, Japanese,
  // Korean, Arabic, Hebrew, Devanagari; not Thai, which ends a sentence with a space).
  if (!CAN_OPEN_HEADING.test(t)) return false;
  return t.split(/\s+/).length <= 16;
}

/** A fragment is a lower-case start that cannot begin a sentence: debris of a cut paragraph. */
export function isStrayFragment(line: string): boolean {
  const t = line.trim();
  return /^[\p{Ll}]/u.test(t) && t.split(/\s+/).length < 12;
}

interface Line {
  text: string;
  line: number;
  kind: 'blank' | 'heading' | 'explicit' | 'prose' | 'item';
  level?: number;
}

export function readPlainText(input: ReadInput): ReadResult {
  const builder = new TreeBuilder(input.file);
  const lines: Line[] = input.text.split('\n').map((text, i) => {
    const t = text.trim();
    const explicit = EXPLICIT_HEADING.exec(t);
    if (!t) return { text, line: i + 1, kind: 'blank' };
    if (explicit) return { text: explicit[2]!, line: i + 1, kind: 'explicit', level: explicit[1]!.length };
    if (/^[-*•]\s+\S/.test(t)) return { text: t.replace(/^[-*•]\s+/, ''), line: i + 1, kind: 'item' };
    return { text: t, line: i + 1, kind: isBareHeading(t) ? 'heading' : 'prose' };
  });

  // The title: the first non-blank line when it is a bare heading.
  let title: string | undefined;
  const firstIndex = lines.findIndex((l) => l.kind !== 'blank');
  const first = lines[firstIndex];
  if (first && (first.kind === 'heading' || (first.kind === 'explicit' && first.level === 1))) {
    title = first.text;
    first.kind = 'blank';
  }

  // Hard-wrapped text (most lines short) joins lines into paragraphs until a blank line, and a bare
  // heading there must stand between blank lines; otherwise each line is a paragraph of its own.
  const prose = lines.filter((l) => l.kind === 'prose' || l.kind === 'heading');
  const wrapped = prose.length > 3 && prose.filter((l) => l.text.length <= 100).length / prose.length > 0.8;
  if (wrapped) {
    for (const [i, l] of lines.entries()) {
      if (l.kind !== 'heading') continue;
      const before = lines[i - 1];
      const after = lines[i + 1];
      if ((before && before.kind !== 'blank') || (after && after.kind !== 'blank')) l.kind = 'prose';
    }
  }
  const nextNonBlank = (i: number) => lines.slice(i + 1).find((l) => l.kind !== 'blank');
  const headings = lines.filter((l) => l.kind === 'heading');
  const hasParts = headings.some((h) => nextNonBlank(lines.indexOf(h))?.kind === 'heading');
  let inPart = false;
  for (const [i, l] of lines.entries()) {
    if (l.kind !== 'heading') continue;
    const next = nextNonBlank(i);
    if (next?.kind === 'heading') {
      l.level = 2;
      inPart = true;
    } else {
      l.level = hasParts && inPart ? 3 : 2;
    }
  }

  let inParagraph = false;
  for (const l of lines) {
    if (l.kind !== 'prose') inParagraph = false;
    switch (l.kind) {
      case 'blank':
        builder.endBlock();
        break;
      case 'heading':
      case 'explicit':
        if (l.kind === 'explicit' && l.level === 1 && !title) title = l.text;
        else builder.heading(l.level ?? 2, [{ type: 'text', value: l.text }], l.line);
        break;
      case 'item':
        builder.listItem([{ type: 'text', value: l.text }], l.line);
        break;
      case 'prose': {
        const residue = dropLinkResidue(l.text);
        for (const target of residue.dropped)
          builder.warn('link-residue', `link target left in the text dropped, its label kept: "${target}"`, l.line);
        l.text = residue.text;
        // A lower-case line continues a hard-wrapped paragraph; elsewhere it is debris.
        if (isStrayFragment(l.text) && !(wrapped && inParagraph)) {
          builder.warn('stray-fragment', `stray fragment dropped: "${l.text}"`, l.line);
          break;
        }
        if (!wrapped) builder.endBlock();
        builder.inline([{ type: 'text', value: `${l.text} ` } as PhrasingContent], l.line);
        inParagraph = true;
        break;
      }
    }
  }
  return { tree: builder.root(), citations: [], warnings: builder.warnings, title };
}
