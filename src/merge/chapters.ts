/**
 * Step 6 of the merge, chapters: the working book's sections become the model's chapters, sections and
 * blocks, with their ids. The lead opens the book as "Introduction"; each top-level section is a chapter,
 * deeper ones its sections; apparatus sections (references, further reading, links) become back matter.
 * Every block with a sentence lands in the book (citations.ts numbers notes on that promise); a section
 * with no text is left out with a warning.
 */
import { joinSentences, sentenceGap } from './sentences.js';
import type { Blockquote, FootnoteReference, List, Paragraph, PhrasingContent } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { BackMatter, Block, Chapter, MergeReport, Section, Warning } from '../model/index.js';
import { slugify } from '../util/slug.js';
import type { Variant, WBlock, WSection, WSentence } from './work.js';
import { isBackMatterTitle } from '../util/language.js';

/** Headings whose sections are apparatus, not chapters. */

export interface Chaptered {
  chapters: Chapter[];
  backMatter: BackMatter[];
  /** The report's rows per section: which sources contributed. */
  sections: MergeReport['sections'];
  warnings: Warning[];
  /** The id each working section and block got in the book (sections left out have none). */
  sectionId: Map<WSection, string>;
  blockId: Map<WBlock, string>;
  /** The chapter id each kept section is in. */
  chapterOf: Map<WSection, string>;
  /** The block id each sentence of the book is in. */
  sentenceBlock: Map<WSentence, string>;
}

/** What is being built, passed to each part of the walk. */
interface Building extends Chaptered {
  ids: Set<string>;
  citationId: ReadonlyMap<string, string>;
  variantId: ReadonlyMap<Variant, { id: string }>;
  chapterLevel: number;
}

/**
 * @param citationId note id per qualified citation key (from `numberCitations`)
 * @param textSources how many text sources were merged (a section is "only in" one source when there are several)
 */
export function buildChapters(
  outline: readonly WSection[],
  citationId: ReadonlyMap<string, string>,
  textSources: number,
  variantId: ReadonlyMap<Variant, { id: string }> = new Map(),
  /** The lead's title, in the book's language. */
  introduction = 'Introduction',
): Chaptered {
  const b: Building = {
    chapters: [],
    backMatter: [],
    sections: [],
    warnings: [],
    sectionId: new Map(),
    blockId: new Map(),
    chapterOf: new Map(),
    sentenceBlock: new Map(),
    // Note ids are taken: no section or block may be called "note-1".
    ids: new Set([...citationId.values(), ...[...variantId.values()].map((v) => v.id)]),
    citationId,
    variantId,
    chapterLevel: Math.min(...outline.slice(1).map((s) => s.level), 2),
  };
  // Inside a chapter of back matter: its subsections are back matter too ("Bronnelys" › "Boeke").
  let inBackMatter = false;
  // The outline's top level (an article whose headings are all "=== … ===" has its back matter there).
  const top = Math.min(...outline.slice(1).map((s) => s.level));
  for (const [i, section] of outline.entries()) {
    const isLead = i === 0;
    const title = isLead ? introduction : section.title;
    const chapterLevel = isLead || section.level <= Math.max(b.chapterLevel, top);
    // A back-matter title heads back matter at a chapter's level only: "Literature" inside "Culture" is prose.
    if (!isLead && chapterLevel) inBackMatter = isBackMatterTitle(title);
    if (!isLead && inBackMatter) {
      const parent = chapterLevel && outline[i + 1] !== undefined && outline[i + 1]!.level > section.level;
      addBackMatter(b, section, title, parent);
      continue;
    }
    if (isLead && section.blocks.length === 0 && section.keyPoints.length === 0) continue;
    const level = isLead ? b.chapterLevel : section.level;
    const opens = isLead || level <= b.chapterLevel || b.chapters.length === 0;
    const madeId = opens ? addChapter(b, section, title) : addSubsection(b, section, title, level);
    const kept = b.chapters.at(-1)?.sections.some((s) => s.id === madeId) ?? false;
    if (!kept) continue;
    b.chapterOf.set(section, b.chapters.at(-1)!.id);
    const contributors = [...section.contributors];
    b.sections.push({
      id: b.sectionId.get(section) ?? madeId,
      title,
      sources: contributors,
      onlyIn: contributors.length === 1 && textSources > 1 ? contributors[0] : undefined,
    });
  }
  warnEmptyChapters(b, outline);
  const { chapters, backMatter, sections, warnings, sectionId, blockId, chapterOf, sentenceBlock } = b;
  return {
    chapters: chapters.filter((c) => c.sections.length > 0),
    backMatter,
    sections,
    warnings,
    sectionId,
    blockId,
    chapterOf,
    sentenceBlock,
  };
}

/** A chapter left out: it had no text, or all its text is already in the book under other headings. */
function warnEmptyChapters(b: Building, outline: readonly WSection[]): void {
  const titled = new Map(outline.map((s) => [s.title, s]));
  for (const c of b.chapters.filter((c) => c.sections.length === 0)) {
    const folded = titled.get(c.title)?.hadText;
    b.warnings.push(
      folded
        ? {
            file: '',
            rule: 'duplicate-chapter',
            message: `chapter "${c.title}" repeats text the book already has and was left out (see duplicates)`,
          }
        : {
            file: '',
            rule: 'empty-chapter',
            message: `chapter "${c.title}" has no text in any source and was left out`,
          },
    );
  }
}

function uniqueId(b: Building, wanted: string): string {
  let id = wanted;
  for (let n = 2; b.ids.has(id); n++) id = `${wanted}-${n}`;
  b.ids.add(id);
  return id;
}

/** `parent`: its subsections follow as back matter of their own, so an empty one is no loss to report. */
function addBackMatter(b: Building, section: WSection, title: string, parent = false): void {
  const id = uniqueId(b, slugify(title));
  const blocks = toBlocks(b, section, id);
  if (blocks.length) {
    b.backMatter.push({ id, title, blocks });
    b.sectionId.set(section, id);
  } else if (!parent)
    b.warnings.push({
      file: section.sources[0]!.file,
      line: section.sources[0]!.line,
      rule: 'empty-back-matter',
      message: `"${title}" has no entries of its own and was left out`,
    });
}

/** A new chapter, its own text its opening section; returns that section's id. */
function addChapter(b: Building, section: WSection, title: string): string {
  const id = uniqueId(b, slugify(title));
  b.chapters.push({ id, title, sections: [] });
  b.sectionId.set(section, id);
  const made = makeSection(b, section, uniqueId(b, `${id}-intro`), 2, title);
  if (made.blocks.length || made.keyPoints.length) b.chapters.at(-1)!.sections.push(made);
  return made.id;
}

/** A section of the current chapter; returns its id. */
function addSubsection(b: Building, section: WSection, title: string, level: number): string {
  const made = makeSection(
    b,
    section,
    uniqueId(b, slugify(title)),
    Math.min(6, 3 + (level - b.chapterLevel - 1)),
    title,
  );
  if (made.blocks.length || made.keyPoints.length) {
    b.chapters.at(-1)!.sections.push(made);
    b.sectionId.set(section, made.id);
  } else
    b.warnings.push({
      file: section.sources[0]!.file,
      line: section.sources[0]!.line,
      rule: section.hadText ? 'duplicate-section' : 'empty-section',
      message: section.hadText
        ? `section "${title}" was left out: its text is in the book, where the other sources tell it (see duplicates)`
        : `section "${title}" has no text in any source and was left out`,
    });
  return made.id;
}

function makeSection(b: Building, section: WSection, id: string, level: number, title: string): Section {
  return {
    id,
    title,
    level,
    blocks: toBlocks(b, section, id),
    keyPoints: section.keyPoints.map((k, n) => ({ ...k, id: `${id}-key-${n + 1}` })),
    sources: section.sources,
  };
}

function toBlocks(b: Building, section: WSection, sectionId: string): Block[] {
  return section.blocks
    .filter((w) => w.sentences.length)
    .map((w, i) => {
      const id = uniqueId(b, `${sectionId}-${i + 1}`);
      b.blockId.set(w, id);
      for (const s of w.sentences) b.sentenceBlock.set(s, id);
      return toBlock(w, id, b.citationId, b.variantId);
    });
}

/** A working block as the model's block: its mdast node with citations as footnote references. */
export function toBlock(
  block: WBlock,
  id: string,
  citationId: ReadonlyMap<string, string>,
  variantId: ReadonlyMap<Variant, { id: string }> = new Map(),
): Block {
  const phrasing = (s: WSentence): PhrasingContent[] => {
    const out: PhrasingContent[] = s.nodes ? copyTree(s.nodes) : [{ type: 'text', value: s.text }];
    const ids = [...s.refs.map((ref) => citationId.get(ref)), ...(s.variants ?? []).map((v) => variantId.get(v)?.id)];
    for (const cid of ids)
      if (cid && !out.some((n) => n.type === 'footnoteReference' && n.identifier === cid))
        out.push({ type: 'footnoteReference', identifier: cid, label: cid });
    return out;
  };
  const sources = block.sources.map((p) => ({ ...p }));
  const sentences = block.sentences.map((s) => s.text);
  if (block.node) return atomicBlock(block, id, citationId, sources);
  if (block.kind === 'quote') return quotation(block, id, phrasing, sources);
  if (block.kind === 'list') {
    const node = nestedList(block.sentences, phrasing, block.ordered ?? false);
    return { id, kind: 'list', text: sentences.join('\n'), sentences, node, sources };
  }
  const children: PhrasingContent[] = [];
  block.sentences.forEach((s, i) => {
    const gap = i > 0 ? sentenceGap(block.sentences[i - 1]!.text, s.text) : '';
    if (gap) children.push({ type: 'text', value: gap });
    children.push(...phrasing(s));
  });
  return {
    id,
    kind: 'paragraph',
    text: joinSentences(sentences),
    sentences,
    node: { type: 'paragraph', children },
    sources,
  };
}

/**
 * A quotation made of the book's running text (one source marked the passage as quoted): a block quote of
 * its paragraphs, the sentences with their notes as in prose.
 */
function quotation(
  block: WBlock,
  id: string,
  phrasing: (s: WSentence) => PhrasingContent[],
  sources: Block['sources'],
): Block {
  const starts = new Set([0, ...(block.breaks ?? [])]);
  const paragraphs: Paragraph[] = [];
  block.sentences.forEach((s, i) => {
    if (starts.has(i) || !paragraphs.length) paragraphs.push({ type: 'paragraph', children: [] });
    const children = paragraphs[paragraphs.length - 1]!.children;
    const gap = i > 0 ? sentenceGap(block.sentences[i - 1]!.text, s.text) : '';
    if (children.length && gap) children.push({ type: 'text', value: gap });
    children.push(...phrasing(s));
  });
  const node: Blockquote = {
    type: 'blockquote',
    children: paragraphs,
    ...(block.attribution ? { data: { attribution: block.attribution } } : {}),
  };
  const sentences = block.sentences.map((s) => s.text);
  return { id, kind: 'quote', text: sentences.join('\n'), sentences, node, sources };
}

/** An atomic block as it came from its source, its citations pointing to the book's notes. */
function atomicBlock(block: WBlock, id: string, citationId: ReadonlyMap<string, string>, sources: Block['sources']) {
  const node = copyTree(block.node!);
  visit(node, 'footnoteReference', (ref: FootnoteReference, index, parent) => {
    const cid = citationId.get(ref.identifier);
    if (cid) {
      ref.identifier = cid;
      ref.label = cid;
      return;
    }
    // A citation with no note (its text was empty): nothing to point to.
    if (parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index] as const;
    }
    return undefined;
  });
  const sentences = block.sentences.map((s) => s.text);
  const text = sentences.join('\n');
  return { id, kind: block.kind, text, sentences, node, sources } satisfies Block;
}

/**
 * A deep copy of an mdast tree: its plain objects and arrays copied, key by key in their order, anything
 * else (not made by a reader) copied by `structuredClone`. What `structuredClone` gives for such trees, in
 * a fraction of its time (it serialises and parses every node: a tenth of a warm edit's merge).
 */
export function copyTree<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyTree) as T;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copyTree((value as Record<string, unknown>)[key]);
  return out as T;
}

/**
 * A list block's items as a list, an item of depth n + 1 in a list inside the item before it (the sources'
 * nesting); a depth deeper than the item before allows goes one level in.
 */
function nestedList(items: WSentence[], phrasing: (s: WSentence) => PhrasingContent[], ordered: boolean): List {
  const root: List = { type: 'list', ordered, spread: false, children: [] };
  const levels: List[] = [root];
  for (const s of items) {
    const depth = Math.max(1, s.depth ?? 1);
    levels.length = Math.min(levels.length, depth);
    const holder = levels.at(-1)!.children.at(-1);
    if (levels.length < depth && holder) {
      const inner: List = { type: 'list', ordered: s.ordered ?? false, spread: false, children: [] };
      holder.children.push(inner);
      levels.push(inner);
    }
    levels.at(-1)!.children.push({
      type: 'listItem',
      spread: false,
      children: [{ type: 'paragraph', children: phrasing(s) }],
    });
  }
  return root;
}
