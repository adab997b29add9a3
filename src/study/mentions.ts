/**
 * Mention spans: where each chapter first names each glossary entry (ambassadors, then treaties). Render
 * turns the spans into links to the entries and the entries link back; it never searches the text itself.
 *
 * A span points into the block's mdast (`Block.node`), which survives serialisation as it is: `path` is the
 * child indexes from the block's node down to a text node (`[i]` in a paragraph, `[item, child, i]` in a
 * list), `start`–`end` a UTF-16 range of that text node's value. Only text nodes that are children of a
 * paragraph (the block itself, or one directly in a list item) are searched, so a mention never starts in
 * emphasis, code or a source's own link; text an earlier entry's span took is not searched again, and a
 * name is matched within one text node (what remains of it beside earlier spans).
 */
import type { Block, Book, Glossaries, MentionSpan, PhrasingContent } from '../model/index.js';
import { foldSpelling, surnameKey } from './names.js';

export interface GlossaryTarget {
  id: string;
  /** Names to look for: the entry's name, aliases and (for people) the surname when unambiguous. */
  names: string[];
  surname?: string;
}

export function glossaryTargets(glossaries: Pick<Glossaries, 'ambassadors' | 'treaties'>): GlossaryTarget[] {
  const surnames = new Map<string, number>();
  for (const a of glossaries.ambassadors) surnames.set(surnameKey(a.name), (surnames.get(surnameKey(a.name)) ?? 0) + 1);
  return [
    ...glossaries.ambassadors.map((a) => ({
      id: a.id,
      names: [a.name, ...a.aliases],
      surname: surnames.get(surnameKey(a.name)) === 1 ? surnameKey(a.name) : undefined,
    })),
    ...glossaries.treaties.map((t) => ({ id: t.id, names: [t.name, ...t.aliases] })),
  ];
}

const norm = (s: string) => s.replace(/[–—−]/g, '-').toLowerCase();

/** Where in `text` a target is named: the longest name first; a lone surname last. */
export function findIn(text: string, target: GlossaryTarget): { at: number; length: number } | undefined {
  const low = norm(text);
  for (const name of [...target.names].sort((a, b) => b.length - a.length)) {
    const at = low.indexOf(norm(name));
    if (at >= 0 && !/\p{L}/u.test(low[at - 1] ?? '') && !/\p{L}/u.test(low[at + name.length] ?? ''))
      return { at, length: name.length };
  }
  if (target.surname) {
    for (const m of text.matchAll(/\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?\p{Ll}+)*/gu))
      if (foldSpelling(m[0]) === target.surname) return { at: m.index, length: m[0].length };
  }
  return undefined;
}

/** What is left of a text node to search: its path, and where in its value the run starts. */
interface Run {
  path: number[];
  offset: number;
  value: string;
}

/** A paragraph's children as the search sees them: runs of text, and null for anything else or text taken. */
type Slots = (Run | null)[];

function slotsOf(children: PhrasingContent[], path: number[]): Slots {
  return children.map((c, i) => (c.type === 'text' ? { path: [...path, i], offset: 0, value: c.value } : null));
}

/** The paragraphs of a block: the block itself, or the paragraphs directly in its list items (no others). */
function paragraphSlots(node: Block['node']): Slots[] {
  if (node.type === 'paragraph') return [slotsOf(node.children, [])];
  if (node.type !== 'list') return [];
  return node.children.flatMap((item, i) =>
    item.children.flatMap((c, j) => (c.type === 'paragraph' ? [slotsOf(c.children, [i, j])] : [])),
  );
}

type Place = Pick<MentionSpan, 'path' | 'start' | 'end'>;

/** The first mention of a target in a paragraph's runs; the span found is taken out of them. */
function takeFirst(slots: Slots, target: GlossaryTarget): Place | undefined {
  for (let i = 0; i < slots.length; i++) {
    const run = slots[i];
    if (!run) continue;
    const hit = findIn(run.value, target);
    if (!hit) continue;
    const at = Math.min(hit.at, run.value.length);
    const end = Math.min(hit.at + hit.length, run.value.length);
    const before: Run = { path: run.path, offset: run.offset, value: run.value.slice(0, at) };
    const after: Run = { path: run.path, offset: run.offset + end, value: run.value.slice(end) };
    slots.splice(i, 1, ...[before, null, after].filter((r) => r === null || r.value));
    return { path: run.path, start: run.offset + at, end: run.offset + end };
  }
  return undefined;
}

/** The first mention of a target in a block: in its first paragraph that has one. */
function takeFirstIn(paragraphs: Slots[], target: GlossaryTarget): Place | undefined {
  for (const slots of paragraphs) {
    const place = takeFirst(slots, target);
    if (place) return place;
  }
  return undefined;
}

/**
 * Pure: the first mention of each glossary entry in each chapter, in reading order of the chapters and in
 * glossary order within a chapter (an earlier entry's span is not searched for a later one). Only the blocks
 * an entry lists as its mentions are searched.
 */
export function findMentionSpans(book: Book, glossaries: Pick<Glossaries, 'ambassadors' | 'treaties'>): MentionSpan[] {
  const targets = glossaryTargets(glossaries);
  const mentionedIn = new Map<string, Set<string>>();
  for (const e of [...glossaries.ambassadors, ...glossaries.treaties]) mentionedIn.set(e.id, new Set(e.mentions));
  const paragraphs = new Map<string, Slots[]>();
  const paragraphsOf = (block: Block) => {
    let slots = paragraphs.get(block.id);
    if (!slots) paragraphs.set(block.id, (slots = paragraphSlots(block.node)));
    return slots;
  };
  const spans: MentionSpan[] = [];
  for (const chapter of book.chapters) {
    const blocks = chapter.sections.flatMap((s) => s.blocks);
    for (const target of targets) {
      const mentioned = mentionedIn.get(target.id)!;
      for (const block of blocks.filter((b) => mentioned.has(b.id))) {
        const found = takeFirstIn(paragraphsOf(block), target);
        if (!found) continue;
        spans.push({ entry: target.id, chapter: chapter.id, block: block.id, ...found });
        break;
      }
    }
  }
  return spans;
}
