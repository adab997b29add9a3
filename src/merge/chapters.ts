/**
 * Step 6 of the merge, chapters: the working book's sections become the model's chapters, sections and
 * blocks, with their ids. The lead opens the book as "Introduction"; each top-level section is a chapter,
 * deeper ones its sections; apparatus sections (references, further reading, links) become back matter.
 * Every block with a sentence lands in the book (citations.ts numbers notes on that promise); a section
 * with no text is left out with a warning.
 */
import type { FootnoteReference, List, PhrasingContent } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { BackMatter, Block, Chapter, MergeReport, Section, Warning } from '../model/index.js';
import { slugify } from '../util/slug.js';
import type { WBlock, WSection, WSentence } from './work.js';
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
}

/** What is being built, passed to each part of the walk. */
interface Building extends Chaptered {
  ids: Set<string>;
  citationId: ReadonlyMap<string, string>;
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
    ids: new Set(),
    citationId,
    chapterLevel: Math.min(...outline.slice(1).map((s) => s.level), 2),
  };
  for (const [i, section] of outline.entries()) {
    const isLead = i === 0;
    const title = isLead ? introduction : section.title;
    if (!isLead && isBackMatterTitle(title)) {
      addBackMatter(b, section, title);
      continue;
    }
    if (isLead && section.blocks.length === 0 && section.keyPoints.length === 0) continue;
    const level = isLead ? b.chapterLevel : section.level;
    const opens = isLead || level <= b.chapterLevel || b.chapters.length === 0;
    const madeId = opens ? addChapter(b, section, title) : addSubsection(b, section, title, level);
    const contributors = [...section.contributors];
    b.sections.push({
      id: b.sectionId.get(section) ?? madeId,
      title,
      sources: contributors,
      onlyIn: contributors.length === 1 && textSources > 1 ? contributors[0] : undefined,
    });
  }
  for (const c of b.chapters.filter((c) => c.sections.length === 0))
    b.warnings.push({
      file: '',
      rule: 'empty-chapter',
      message: `chapter "${c.title}" has no text in any source and was left out`,
    });
  const { chapters, backMatter, sections, warnings, sectionId, blockId } = b;
  return {
    chapters: chapters.filter((c) => c.sections.length > 0),
    backMatter,
    sections,
    warnings,
    sectionId,
    blockId,
  };
}

function uniqueId(b: Building, wanted: string): string {
  let id = wanted;
  for (let n = 2; b.ids.has(id); n++) id = `${wanted}-${n}`;
  b.ids.add(id);
  return id;
}

function addBackMatter(b: Building, section: WSection, title: string): void {
  const id = uniqueId(b, slugify(title));
  const blocks = toBlocks(b, section, id);
  if (blocks.length) {
    b.backMatter.push({ id, title, blocks });
    b.sectionId.set(section, id);
  } else
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
      rule: 'empty-section',
      message: `section "${title}" has no text in any source and was left out`,
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
      const id = `${sectionId}-${i + 1}`;
      b.blockId.set(w, id);
      return toBlock(w, id, b.citationId);
    });
}

/** A working block as the model's block: its mdast node with citations as footnote references. */
export function toBlock(block: WBlock, id: string, citationId: ReadonlyMap<string, string>): Block {
  const phrasing = (s: WSentence): PhrasingContent[] => {
    const out: PhrasingContent[] = s.nodes ? structuredClone(s.nodes) : [{ type: 'text', value: s.text }];
    for (const ref of s.refs) {
      const cid = citationId.get(ref);
      if (cid && !out.some((n) => n.type === 'footnoteReference' && n.identifier === cid))
        out.push({ type: 'footnoteReference', identifier: cid, label: cid });
    }
    return out;
  };
  const sources = block.sources.map((p) => p);
  const sentences = block.sentences.map((s) => s.text);
  if (block.node) return atomicBlock(block, id, citationId, sources);
  if (block.kind === 'list') {
    const node: List = {
      type: 'list',
      ordered: false,
      spread: false,
      children: block.sentences.map((s) => ({
        type: 'listItem',
        spread: false,
        children: [{ type: 'paragraph', children: phrasing(s) }],
      })),
    };
    return { id, kind: 'list', text: sentences.join('\n'), sentences, node, sources };
  }
  const children: PhrasingContent[] = [];
  block.sentences.forEach((s, i) => {
    if (i > 0) children.push({ type: 'text', value: ' ' });
    children.push(...phrasing(s));
  });
  return {
    id,
    kind: 'paragraph',
    text: sentences.join(' '),
    sentences,
    node: { type: 'paragraph', children },
    sources,
  };
}

/** An atomic block as it came from its source, its citations pointing to the book's notes. */
function atomicBlock(block: WBlock, id: string, citationId: ReadonlyMap<string, string>, sources: Block['sources']) {
  const node = structuredClone(block.node!);
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
