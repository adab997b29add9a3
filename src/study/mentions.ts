/**
 * Mention spans: where each chapter first names each glossary entry (ambassadors, then treaties). Render
 * turns the spans into links to the entries and the entries link back; it never searches the text itself.
 * Also places that page references point at (`kind`): where each index entry stands in each block it lists
 * (first and last mention), and where the sentence each review question quotes starts. Print reads the page
 * of each such place from the PDF; a paragraph over a page break no longer gives the page it starts on.
 *
 * A span points into the block's mdast (`Block.node`), which survives serialisation as it is: `path` is the
 * child indexes from the block's node down to a text node (`[i]` in a paragraph, `[item, child, i]` in a
 * list), `start`–`end` a UTF-16 range of that text node's value. Only text nodes that are children of a
 * paragraph (the block itself, or one directly in a list item) are searched, so a mention never starts in
 * emphasis, code or a source's own link; text an earlier entry's span took is not searched again, and a
 * name is matched within one text node (what remains of it beside earlier spans).
 */
import type { Block, Book, Glossaries, IndexEntry, MentionSpan, PhrasingContent, StudyGuide } from '../model/index.js';
import { equivalentNames, foldSpelling, NAME_PATTERN, samePerson, surnameKey } from './names.js';
import { nameAt } from '../util/names.js';
import { memoize } from '../util/memo.js';
import { otherNamesOf } from './states.js';
import { blockIndex } from './text.js';

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

/** A block's text as one string, and the text node each stretch of it comes from. */
interface FlatText {
  value: string;
  runs: { path: number[]; from: number; length: number }[];
}

/** Phrasing that holds text a reader reads on in one line; any other parent starts a new stretch. */
const INLINE = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);

/**
 * The text nodes of a block in reading order, joined: inline siblings as they stand ("von " and an
 * emphasised "Ribbentrop" read as one name), each paragraph, item or cell after a line break.
 */
function flatText(node: Block['node']): FlatText {
  const out: FlatText = { value: '', runs: [] };
  let open = false;
  const walk = (n: { type: string; value?: unknown; children?: unknown[] }, path: number[]) => {
    if (n.type === 'text' && typeof n.value === 'string') {
      out.runs.push({ path, from: out.value.length, length: n.value.length });
      out.value += n.value;
      open = true;
      return;
    }
    if (!Array.isArray(n.children)) return;
    if (!INLINE.has(n.type) && open) {
      out.value += '\n';
      open = false;
    }
    n.children.forEach((c, i) => walk(c as typeof n, [...path, i]));
  };
  walk(node, []);
  return out;
}

/** The text node holding `at` of a flat text, and the range from `at` to `end` within it (cut at its end). */
function placeIn(flat: FlatText, at: number, end: number): Place | undefined {
  const run = flat.runs.find((r) => at >= r.from && at < r.from + r.length);
  if (!run) return undefined;
  return { path: run.path, start: at - run.from, end: Math.min(end, run.from + run.length) - run.from };
}

/** Every place `name` stands on its own in `text` (as the index finds it: util/names.ts `nameAt`). */
function placesOfName(text: string, name: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(name); name && at >= 0; at = text.indexOf(name, at + 1)) {
    const from = Math.max(0, at - 2);
    if (nameAt(text.slice(from, at + name.length + 3), name) === at - from) out.push(at);
  }
  return out;
}

/** The names an index entry's mentions stand under: its term (a person's uninverted), other spellings, surname. */
function indexNames(
  entry: IndexEntry,
  glossaries: Pick<Glossaries, 'ambassadors' | 'treaties'>,
  unique: Set<string>,
  terms: Set<string>,
) {
  const names = [entry.term];
  if (entry.kind === 'person' && entry.term.includes(', ')) {
    const [surname, given, suffix] = entry.term.split(', ');
    const full = `${given} ${surname}`;
    names.unshift(full, ...(suffix ? [`${full}, ${suffix}`, `${full} ${suffix}`] : []));
    if (unique.has(surname!)) names.push(surname!);
  }
  if (entry.kind === 'place') names.push(...otherNamesOf(entry.term));
  // "Communist Party of Germany (KPD)": a name filed with the acronym the text defines is found under both.
  const acronym = /^(.+) \((\p{Lu}{2,6})\)$/u.exec(entry.term);
  if (acronym) names.push(acronym[1]!, acronym[2]!);
  // The names the index merged into this entry ("Foreign Office" for "Foreign Ministry", "First World War").
  names.push(...equivalentNames(entry.term, entry.kind).filter((n) => !terms.has(n)));
  for (const e of [...glossaries.ambassadors, ...glossaries.treaties])
    if (names.includes(e.name) || names.includes(e.name.replace(/\s+\(\d{4}\)$/, ''))) names.push(e.name, ...e.aliases);
  return [...new Set(names)].filter((n) => n.length > 1);
}

const FULL_NAME = new RegExp(NAME_PATTERN, 'gu');

type Hits = readonly { at: number; end: number }[];

/**
 * Where in a block's flat text `firstAndLast` finds an entry, as offsets: remembered per text (the key is the
 * text itself, no copy), then per entry's names, so a warm edit searches again only the blocks whose text
 * changed and the entries whose names did.
 */
const hitsByText = memoize(
  (_text: string) => new Map<string, Hits>(),
  (text) => text,
  { keyChars: 4_000_000 },
  { name: 'index-spans' },
);

function hitsOf(text: string, names: readonly string[], person?: string): Hits {
  const byNames = hitsByText(text);
  const key = `${person ?? ''}\u0001${names.join('\u0002')}`;
  let hits = byNames.get(key);
  if (!hits) byNames.set(key, (hits = findHits(text, names, person)));
  return hits;
}

/**
 * The first and the last place a block names an entry (one place when it names it once): under one of its
 * names, or for a person (`person`, the full name) under another spelling the index took as the same person's
 * ("Vladimir Potyomkin" for "Vladimir Potemkin").
 */
function firstAndLast(flat: FlatText, names: string[], person?: string): Place[] {
  return hitsOf(flat.value, names, person).flatMap((h) => placeIn(flat, h.at, h.end) ?? []);
}

function findHits(text: string, names: readonly string[], person?: string): { at: number; end: number }[] {
  const hits = names.flatMap((name) => placesOfName(text, name).map((at) => ({ at, end: at + name.length })));
  // A capitalised word before a name is no part of it ("Then Karl Ostrowsky"): the name may start at any word.
  if (person)
    for (const m of text.matchAll(FULL_NAME))
      for (const w of m[0].matchAll(/(?<=^|\s)\S+(?=\s+\S)/gu)) {
        if (!samePerson(person, m[0].slice(w.index))) continue;
        hits.push({ at: m.index + w.index, end: m.index + m[0].length });
        break;
      }
  if (!hits.length) return [];
  // At one place, the longest name ("Adolf Hitler", not "Hitler").
  hits.sort((a, b) => a.at - b.at || b.end - a.end);
  const first = hits[0]!;
  const last = hits.filter((h) => h.at >= first.end).at(-1);
  return [first, ...(last ? [last] : [])];
}

/**
 * Pure: where each index entry stands in each block it lists, its first mention and its last (a paragraph
 * that runs over a page break may name it on both pages). A block that names the entry only in a way the
 * names do not find (an alias the index merged) has no span: render then points at the block.
 */
export function findIndexSpans(book: StudyGuide): MentionSpan[] {
  const refs = blockIndex(book);
  const surnames = book.index
    .filter((e) => e.kind === 'person')
    .map((e) => e.term.split(', ')[0]!)
    .reduce((m, s) => m.set(s, (m.get(s) ?? 0) + 1), new Map<string, number>());
  const unique = new Set([...surnames].filter(([, n]) => n === 1).map(([s]) => s));
  // Another entry's own name is never this one's.
  const terms = new Set(book.index.map((e) => e.term));
  const flats = new Map<string, FlatText>();
  const spans: MentionSpan[] = [];
  for (const entry of book.index) {
    const names = indexNames(entry, book.glossaries, unique, terms);
    const person = entry.kind === 'person' && entry.term.includes(', ') ? names[0] : undefined;
    for (const blockId of new Set(entry.mentions)) {
      const ref = refs.get(blockId);
      if (!ref) continue;
      let flat = flats.get(blockId);
      if (!flat) flats.set(blockId, (flat = flatText(ref.block.node)));
      for (const place of firstAndLast(flat, names, person))
        spans.push({ entry: entry.id, kind: 'index', chapter: ref.chapter.id, block: blockId, ...place });
    }
  }
  return spans;
}

/** Text as compared for quotations: its letters and digits, each run of anything else one space (soft hyphens
 * nothing); and where each of its characters stands in the original. */
function comparable(text: string): { value: string; at: number[] } {
  let value = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\u00ad') continue;
    const word = /[\p{L}\p{N}\p{M}]/u.test(c);
    if (!word && (!value || value.endsWith(' '))) continue;
    value += word ? c : ' ';
    at.push(i);
  }
  return { value: value.trimEnd(), at };
}

/**
 * Where a quotation starts in a text (its first letter or digit): the whole of it, else its first words
 * (eight, five, three) — a quotation may be worded by another source than the one the block shows — in the
 * text's case, then in any case; -1 if neither is found. Punctuation and white space are not compared.
 */
export function quoteAt(text: string, quote: string): number {
  const hay = comparable(text);
  const words = comparable(quote).value.split(' ');
  for (const fold of [(s: string) => s, (s: string) => s.toLowerCase()])
    for (const n of [words.length, 8, 5, 3]) {
      if (n > words.length) continue;
      const at = ` ${fold(hay.value)} `.indexOf(` ${fold(words.slice(0, n).join(' '))} `);
      if (at >= 0) return hay.at[at]!;
    }
  return -1;
}

/** `quoteAt`, remembered per block text and quotation: a warm edit looks again only in the edited blocks. */
const quoteIn = memoize(
  quoteAt,
  (text, quote) => `${quote}\u0000${text}`,
  { keyChars: 4_000_000 },
  { name: 'quote-places' },
);

/**
 * Pure: where the sentence each review question quotes starts in its block (the answer key's page reference
 * points there); its first word is the span. A question without a quotation, or whose quotation is not in its
 * block, has none.
 */
export function findQuoteSpans(book: StudyGuide): MentionSpan[] {
  const refs = blockIndex(book);
  const spans: MentionSpan[] = [];
  for (const q of book.questions) {
    const ref = refs.get(q.block);
    if (!q.quote || !ref) continue;
    const flat = flatText(ref.block.node);
    const at = quoteIn(flat.value, q.quote);
    if (at < 0) continue;
    const word = /^[\p{L}\p{N}\p{M}]+/u.exec(flat.value.slice(at))?.[0].length ?? 1;
    const place = placeIn(flat, at, at + word);
    if (place) spans.push({ entry: q.id, kind: 'quote', chapter: ref.chapter.id, block: q.block, ...place });
  }
  return spans;
}
