/**
 * The merge: several renditions of one text → one Book.
 *
 * 1. The preferred source (highest priority among the sectioned ones) gives the canonical sections.
 * 2. Every other sectioned source is aligned to them (heading similarity, content overlap, order);
 *    its sections with no counterpart become new canonical sections after their predecessor.
 * 3. Text is fused sentence by sentence: a sentence whose near-duplicate is already in the book adds
 *    provenance and citations to it; runs of new sentences become paragraphs anchored after the block that
 *    holds the preceding matched sentence.
 * 4. Cited key sentences become key points of the section holding their closest match.
 * Near-duplicates are found through an inverted word index, never by comparing all pairs.
 */
import type { List, Paragraph, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { BackMatter, Block, Book, BookMeta, Chapter, Citation, KeyPoint, MergeReport, Provenance, Section, Source } from '../model.js';
import { slugify } from '../sources/text.js';
import { alignSections, sectionsOf, type SourceSection } from './sections.js';
import { contentWords, SentenceIndex, splitSentences, type Sentence } from './sentences.js';

export type MergePolicy = 'prefer' | 'union';

export interface MergeOptions {
  /** `union` (default) adds what only other sources have; `prefer` keeps the preferred source's text only. */
  policy?: MergePolicy;
  /** Dice similarity at or above which two sentences are the same sentence lightly edited. */
  duplicateThreshold?: number;
}

/** Headings whose sections are apparatus, not chapters. */
const BACK_MATTER = /^(references|notes|footnotes|citations|sources|bibliography|further reading|external links|see also|literature)$/i;

interface WSentence extends Sentence {
  source: string;
}

interface WBlock {
  kind: 'paragraph' | 'list';
  sentences: WSentence[];
  sources: Provenance[];
  id?: string;
}

interface WSection {
  title: string;
  level: number;
  blocks: WBlock[];
  keyPoints: KeyPoint[];
  sources: Provenance[];
  contributors: Set<string>;
}

interface Hit {
  block: WBlock;
  sentence: WSentence;
  section: WSection;
}

function provenance(source: Source, line: number): Provenance {
  return { source: source.info.id, file: source.info.file, line };
}

function listItems(list: List): PhrasingContent[][] {
  return list.children.map((item) => item.children.flatMap((c) => (c.type === 'paragraph' ? c.children : [])));
}

function toWBlock(node: Paragraph | List, source: Source, locale: string): WBlock {
  const line = node.position?.start.line ?? 1;
  if (node.type === 'list') {
    const sentences = listItems(node).map((children) => {
      const [first, ...rest] = splitSentences(children, locale);
      // A list item is one unit even when it holds several sentences.
      const text = [first, ...rest].filter(Boolean).map((s) => s!.text).join(' ');
      const refs = [first, ...rest].filter(Boolean).flatMap((s) => s!.refs);
      return { text, refs, source: source.info.id };
    });
    return { kind: 'list', sentences: sentences.filter((s) => s.text), sources: [provenance(source, line)] };
  }
  return {
    kind: 'paragraph',
    sentences: splitSentences(node.children, locale).map((s) => ({ ...s, source: source.info.id })),
    sources: [provenance(source, line)],
  };
}

export function mergeSources(sources: Source[], meta: BookMeta, options: MergeOptions = {}): Book {
  const policy = options.policy ?? 'union';
  const threshold = options.duplicateThreshold ?? 0.6;
  const locale = meta.language;
  const report: MergeReport = { sections: [], duplicates: [], warnings: sources.flatMap((s) => s.warnings) };
  const ordered = [...sources].sort((a, b) => b.info.priority - a.info.priority);
  const sectioned = ordered.filter((s) => s.info.format !== 'cited-sentences');
  const keySources = ordered.filter((s) => s.info.format === 'cited-sentences');
  const base = sectioned[0] ?? ordered[0]!;

  const index = new SentenceIndex<Hit>();
  const duplicates: { dropped: string; kept: WBlock; source: Provenance; similarity: number }[] = [];
  const canonical: WSection[] = sectionsOf(base).map((s) => ({
    title: s.title,
    level: s.level,
    blocks: s.blocks.map((b) => toWBlock(b, base, locale)),
    keyPoints: [],
    sources: [provenance(base, s.line)],
    contributors: new Set(s.blocks.length ? [base.info.id] : []),
  }));
  for (const section of canonical) for (const block of section.blocks) for (const sentence of block.sentences) index.add(sentence.text, { block, sentence, section });

  for (const source of sectioned) {
    if (source === base) continue;
    const theirs = sectionsOf(source);
    const ours: SourceSection[] = canonical.map((c, i) => ({ index: i, title: c.title, level: c.level, line: 0, blocks: [] }));
    const wordsOf = new Map<SourceSection, Set<string>>();
    canonical.forEach((c, i) => wordsOf.set(ours[i]!, contentWords(c.blocks.flatMap((b) => b.sentences.map((s) => s.text)).join(' '))));
    theirs.forEach((s) => wordsOf.set(s, contentWords(s.blocks.map((b) => toString(b)).join(' '))));
    const { target } = alignSections(ours, theirs, (s) => wordsOf.get(s)!);

    // Map each of their sections to a canonical section, creating new ones after their predecessor.
    let previous: WSection = canonical[0]!;
    for (const [i, section] of theirs.entries()) {
      let into: WSection;
      const t = target[i]!;
      if (t >= 0) {
        into = canonical[t]!;
        into.sources.push(provenance(source, section.line));
      } else {
        if (section.blocks.length === 0 && theirs[i + 1] && theirs[i + 1]!.level > section.level) {
          // A heading that only groups sections the base already has elsewhere: nothing to add.
          report.warnings.push({ file: source.info.file, line: section.line, message: `heading "${section.title}" has no text of its own and no counterpart; its sections were aligned individually` });
          continue;
        }
        into = {
          title: section.title,
          level: Math.max(section.level, previous.level === 1 ? 2 : Math.min(previous.level, section.level)),
          blocks: [],
          keyPoints: [],
          sources: [provenance(source, section.line)],
          contributors: new Set(),
        };
        canonical.splice(canonical.indexOf(previous) + 1, 0, into);
      }
      previous = into;
      fuse(section, into, source);
    }
  }

  /** True when `section` is `into` or one of its subsections (a coarser source's section spans them). */
  function within(section: WSection, into: WSection): boolean {
    const start = canonical.indexOf(into);
    for (let i = start; i < canonical.length; i++) {
      const s = canonical[i]!;
      if (i > start && s.level <= into.level) return false;
      if (s === section) return true;
    }
    return false;
  }

  function fuse(section: SourceSection, into: WSection, source: Source): void {
    // New text goes after the block holding the previous matched sentence, which may sit in a subsection
    // of `into` when this source is coarser than the canonical structure.
    let anchor: { block: WBlock; section: WSection } | undefined;
    for (const node of section.blocks) {
      const block = toWBlock(node, source, locale);
      let run: WSentence[] = [];
      const flush = () => {
        if (!run.length) return;
        if (policy === 'union') {
          const fresh: WBlock = { kind: block.kind, sentences: run, sources: block.sources };
          const target = anchor?.section ?? into;
          const at = anchor ? target.blocks.indexOf(anchor.block) : -1;
          target.blocks.splice(at + 1, 0, fresh);
          for (const sentence of run) index.add(sentence.text, { block: fresh, sentence, section: target });
          target.contributors.add(source.info.id);
          anchor = { block: fresh, section: target };
        } else {
          for (const s of run) report.warnings.push({ file: source.info.file, line: block.sources[0]!.line, message: `not taken (policy "prefer"): "${s.text}"` });
        }
        run = [];
      };
      for (const sentence of block.sentences) {
        const best = index.best(sentence.text);
        if (best && best.score >= threshold) {
          flush();
          const kept = best.value;
          kept.sentence.refs.push(...sentence.refs.filter((r) => !kept.sentence.refs.includes(r)).map((r) => `${source.info.id}\u0000${r}`));
          if (!kept.block.sources.some((p) => p.source === source.info.id)) kept.block.sources.push(block.sources[0]!);
          kept.section.contributors.add(source.info.id);
          duplicates.push({ dropped: sentence.text, kept: kept.block, source: block.sources[0]!, similarity: Math.round(best.score * 100) / 100 });
          if (within(kept.section, into)) anchor = { block: kept.block, section: kept.section };
        } else {
          run.push({ ...sentence, refs: sentence.refs.map((r) => `${source.info.id}\u0000${r}`) });
        }
      }
      flush();
    }
  }

  // Citation keys of the base are qualified the same way as the others'.
  for (const section of canonical)
    for (const block of section.blocks)
      for (const s of block.sentences) if (s.source === base.info.id) s.refs = s.refs.map((r) => (r.includes('\u0000') ? r : `${base.info.id}\u0000${r}`));

  // Key sentences: key points of the section that holds their closest match.
  for (const source of keySources) {
    for (const node of source.tree.children) {
      if (node.type !== 'paragraph') continue;
      const line = node.position?.start.line ?? 1;
      for (const sentence of splitSentences(node.children, locale)) {
        const best = index.best(sentence.text);
        const section = best && best.score >= 0.35 ? best.value.section : undefined;
        if (!section) {
          report.warnings.push({ file: source.info.file, line, message: `key sentence matches no section: "${sentence.text.slice(0, 80)}"` });
          continue;
        }
        section.keyPoints.push({ id: '', text: sentence.text, markers: sentence.refs, sources: [provenance(source, line)] });
        section.contributors.add(source.info.id);
      }
    }
  }

  // Citations: numbered in reading order; the same source-local key is one note however often it is used.
  const citationText = new Map<string, { text: string; source: Source; line: number }>();
  for (const source of sources) for (const c of source.citations) if (c.text) citationText.set(`${source.info.id}\u0000${c.key}`, { text: c.text, source, line: c.line });
  const citations: Citation[] = [];
  const citationId = new Map<string, string>();
  const useCitation = (qualified: string): string | undefined => {
    const known = citationId.get(qualified);
    if (known) return known;
    const found = citationText.get(qualified);
    if (!found) return undefined;
    const number = citations.length + 1;
    const id = `note-${number}`;
    citations.push({ id, number, text: found.text, sources: [provenance(found.source, found.line)] });
    citationId.set(qualified, id);
    return id;
  };

  // Build chapters: the lead opens the book; each top-level section is a chapter.
  const ids = new Set<string>();
  const uniqueId = (wanted: string) => {
    let id = wanted;
    for (let n = 2; ids.has(id); n++) id = `${wanted}-${n}`;
    ids.add(id);
    return id;
  };
  const chapterLevel = Math.min(...canonical.slice(1).map((s) => s.level), 2);
  const chapters: Chapter[] = [];
  const backMatter: BackMatter[] = [];
  const toBlocks = (section: WSection, sectionId: string): Block[] =>
    section.blocks
      .filter((b) => b.sentences.length)
      .map((b, i) => {
        b.id = `${sectionId}-${i + 1}`;
        return toBlock(b, b.id, useCitation);
      });

  for (const [i, section] of canonical.entries()) {
    const isLead = i === 0;
    const title = isLead ? 'Introduction' : section.title;
    if (!isLead && BACK_MATTER.test(title.trim())) {
      const id = uniqueId(slugify(title));
      const blocks = toBlocks(section, id);
      if (blocks.length) backMatter.push({ id, title, blocks });
      continue;
    }
    if (isLead && section.blocks.length === 0) continue;
    const level = isLead ? chapterLevel : section.level;
    if (isLead || level <= chapterLevel || chapters.length === 0) {
      const id = uniqueId(slugify(title));
      chapters.push({ id, title, sections: [] });
      const opening = makeSection(section, uniqueId(`${id}-intro`), 2, title);
      if (opening.blocks.length || opening.keyPoints.length) chapters[chapters.length - 1]!.sections.push(opening);
    } else {
      const id = uniqueId(slugify(title));
      const made = makeSection(section, id, Math.min(6, 3 + (level - chapterLevel - 1)), title);
      if (made.blocks.length || made.keyPoints.length) chapters[chapters.length - 1]!.sections.push(made);
      else report.warnings.push({ file: section.sources[0]?.file ?? '', line: section.sources[0]?.line, message: `section "${title}" has no text and was left out` });
    }
    report.sections.push({
      id: chapters[chapters.length - 1]!.sections.at(-1)?.id ?? chapters[chapters.length - 1]!.id,
      title,
      sources: [...section.contributors],
      onlyIn: section.contributors.size === 1 ? [...section.contributors][0] : undefined,
    });
  }

  function makeSection(section: WSection, id: string, level: number, title: string): Section {
    return {
      id,
      title,
      level,
      blocks: toBlocks(section, id),
      keyPoints: section.keyPoints.map((k, n) => ({ ...k, id: `${id}-key-${n + 1}` })),
      sources: section.sources,
    };
  }

  const emptyChapters = chapters.filter((c) => c.sections.length === 0);
  for (const c of emptyChapters) report.warnings.push({ file: '', message: `chapter "${c.title}" has no text and was left out` });

  report.duplicates = duplicates.map((d) => ({ dropped: d.dropped, keptBlock: d.kept.id ?? '', source: d.source, similarity: d.similarity }));
  return {
    meta,
    sources: sources.map((s) => s.info),
    chapters: chapters.filter((c) => c.sections.length > 0),
    backMatter,
    citations,
    glossaries: { ambassadors: [], treaties: [], timeline: [] },
    report,
  };
}

function toBlock(block: WBlock, id: string, useCitation: (qualified: string) => string | undefined): Block {
  const phrasing = (s: WSentence): PhrasingContent[] => {
    const out: PhrasingContent[] = [{ type: 'text', value: s.text }];
    for (const ref of s.refs) {
      const cid = useCitation(ref);
      if (cid && !out.some((n) => n.type === 'footnoteReference' && n.identifier === cid)) out.push({ type: 'footnoteReference', identifier: cid, label: cid });
    }
    return out;
  };
  const text = block.kind === 'list' ? block.sentences.map((s) => s.text).join('\n') : block.sentences.map((s) => s.text).join(' ');
  if (block.kind === 'list') {
    const node: List = {
      type: 'list',
      ordered: false,
      spread: false,
      children: block.sentences.map((s) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: phrasing(s) }] })),
    };
    return { id, kind: 'list', text, node, sources: block.sources };
  }
  const children: PhrasingContent[] = [];
  block.sentences.forEach((s, i) => {
    if (i > 0) children.push({ type: 'text', value: ' ' });
    children.push(...phrasing(s));
  });
  return { id, kind: 'paragraph', text, node: { type: 'paragraph', children }, sources: block.sources };
}
