/**
 * The merge: several renditions of one text → one Book.
 *
 * 1. The source with the finest structure (most headings) gives the canonical sections; the preferred
 *    source (highest priority) gives the headings and wins wherever two wordings of a sentence compete.
 * 2. Every other source is aligned to the canonical sections (heading similarity, content overlap, order);
 *    a section with no counterpart becomes a new canonical section after its predecessor.
 * 3. Text is fused sentence by sentence. A sentence whose near-duplicate is already in the book adds its
 *    source and citations to it (and, when it differs in a name or number, a conflict to the report);
 *    runs of new sentences are placed after the block holding the preceding matched sentence, list items
 *    inside the list they belong to.
 * 4. Cited key sentences become key points of the section holding their closest match.
 * Near-duplicates are found through an inverted word index, never by comparing all pairs, so the merge
 * grows near-linearly with the sources. Everything not taken into the book is listed in the report.
 */
import type { List, Paragraph, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type {
  BackMatter,
  Block,
  Book,
  BookMeta,
  Chapter,
  Citation,
  Conflict,
  KeyPoint,
  MergeReport,
  Provenance,
  Section,
  Source,
} from '../model/index.js';
import { slugify } from '../util/slug.js';
import { alignSections, sectionsOf, type SourceSection } from './align.js';
import { isNearDuplicate, SentenceIndex, splitSentences, wordSet, type Sentence } from './sentences.js';
import { differences } from './variants.js';

export type MergePolicy = 'prefer' | 'union';

export interface MergeOptions {
  /** `union` (default) adds what only other sources have; `prefer` keeps the preferred source's text only. */
  policy?: MergePolicy;
  /** Dice similarity of content words at or above which two sentences are one sentence lightly edited. */
  threshold?: number;
}

export const DEFAULT_THRESHOLD = 0.6;

/** Headings whose sections are apparatus, not chapters. */
const BACK_MATTER =
  /^(references|notes|footnotes|citations|sources|bibliography|further reading|external links|see also|literature)$/i;

interface WSentence extends Sentence {
  /** Every source carrying this sentence (in any wording), first the one whose wording is kept. */
  sources: Provenance[];
  priority: number;
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
  id?: string;
}

interface Hit {
  block: WBlock;
  sentence: WSentence;
  section: WSection;
}

interface Pending {
  dropped: string;
  source: Provenance;
  kept: Hit;
  similarity: number;
}

function provenance(source: Source, line: number): Provenance {
  return { source: source.info.id, file: source.info.file, line };
}

const qualify = (source: Source, key: string) => `${source.info.id}\u0000${key}`;

function toWBlock(node: Paragraph | List, source: Source, locale: string): WBlock {
  const prov = provenance(source, node.position?.start.line ?? 1);
  const sentence = (s: Sentence): WSentence => ({
    text: s.text,
    refs: s.refs.map((r) => qualify(source, r)),
    sources: [prov],
    priority: source.info.priority,
  });
  if (node.type === 'list') {
    const items = node.children.map((item) => {
      const parts = splitSentences(
        item.children.flatMap((c) => (c.type === 'paragraph' ? c.children : [])),
        locale,
      );
      // A list item is one unit even when it holds several sentences; it keeps its own line.
      const unit = sentence({ text: parts.map((s) => s.text).join(' '), refs: parts.flatMap((s) => s.refs) });
      unit.sources = [{ ...prov, line: item.position?.start.line ?? prov.line }];
      return unit;
    });
    return { kind: 'list', sentences: items.filter((s) => s.text), sources: [prov] };
  }
  return { kind: 'paragraph', sentences: splitSentences(node.children, locale).map(sentence), sources: [prov] };
}

export function mergeSources(sources: Source[], meta: BookMeta, options: MergeOptions = {}): Book {
  const policy = options.policy ?? 'union';
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const locale = meta.language;
  const ordered = [...sources].sort((a, b) => b.info.priority - a.info.priority);
  const sectioned = ordered.filter((s) => s.info.role !== 'key-sentences');
  const keySources = ordered.filter((s) => s.info.role === 'key-sentences');
  const preferred = sectioned[0] ?? ordered[0]!;
  const headingCount = (s: Source) => s.tree.children.filter((n) => n.type === 'heading').length;
  const structure = sectioned.reduce((best, s) => (headingCount(s) > headingCount(best) ? s : best), preferred);

  const index = new SentenceIndex<Hit>();
  const pending: Pending[] = [];
  const conflicts: {
    section: WSection;
    kind: Conflict['kind'];
    differs: string[];
    readings: { text: string; sources: Provenance[] }[];
  }[] = [];
  const omitted: MergeReport['omitted'] = [];
  const warnings: MergeReport['warnings'] = sources.flatMap((s) => s.warnings);
  const alignment: { source: Source; section: SourceSection; into: WSection | undefined; score: number }[] = [];

  const canonical: WSection[] = [];
  // Positions of canonical sections, recomputed only after a section is inserted (rare), so that
  // `within` costs O(1) per matched sentence instead of a scan of the whole book.
  let positions: Map<WSection, number> | undefined;
  const subtreeEnd = new Map<WSection, number>();
  const positionOf = (section: WSection): number => {
    if (!positions) {
      positions = new Map(canonical.map((c, i) => [c, i]));
      subtreeEnd.clear();
    }
    return positions.get(section) ?? -1;
  };
  const invalidatePositions = () => (positions = undefined);

  const baseSections = sectionsOf(structure);
  for (const s of baseSections) {
    const section: WSection = {
      title: s.title,
      level: s.level,
      blocks: [],
      keyPoints: [],
      sources: [provenance(structure, s.line)],
      contributors: new Set(),
    };
    canonical.push(section);
    alignment.push({ source: structure, section: s, into: section, score: 1 });
  }
  baseSections.forEach((s, i) => fuse(s, canonical[i]!, structure));

  for (const source of sectioned) {
    if (source === structure) continue;
    const theirs = sectionsOf(source);
    const ours: SourceSection[] = canonical.map((c, i) => ({
      index: i,
      title: c.title,
      level: c.level,
      line: 0,
      blocks: [],
    }));
    const wordsOf = new Map<SourceSection, ReadonlySet<string>>();
    canonical.forEach((c, i) =>
      wordsOf.set(ours[i]!, wordSet(c.blocks.flatMap((b) => b.sentences.map((s) => s.text)).join(' '))),
    );
    theirs.forEach((s) => wordsOf.set(s, wordSet(s.blocks.map((b) => toString(b)).join(' '))));
    const { target, score } = alignSections(ours, theirs, (s) => wordsOf.get(s)!);
    // Resolve to sections now: inserting new sections below shifts the indices.
    const targets = target.map((t) => (t >= 0 ? canonical[t]! : undefined));

    let previous: WSection = canonical[0]!;
    const grouping: { section: SourceSection; at: number }[] = [];
    for (const [i, section] of theirs.entries()) {
      let into: WSection;
      const aligned = targets[i];
      if (aligned) {
        into = aligned;
        into.sources.push(provenance(source, section.line));
        // Headings come from the preferred source.
        if (source === preferred && i > 0) into.title = section.title;
      } else if (section.blocks.length === 0 && theirs[i + 1] && theirs[i + 1]!.level > section.level) {
        // A heading that only groups sections the book has elsewhere: it lands where its first section lands.
        grouping.push({ section, at: alignment.length });
        alignment.push({ source, section, into: undefined, score: 0 });
        continue;
      } else {
        into = {
          title: section.title,
          level: Math.max(section.level, previous.level === 1 ? 2 : Math.min(previous.level, section.level)),
          blocks: [],
          keyPoints: [],
          sources: [provenance(source, section.line)],
          contributors: new Set(),
        };
        canonical.splice(positionOf(previous) + 1, 0, into);
        invalidatePositions();
      }
      for (const g of grouping.splice(0)) {
        alignment[g.at]!.into = into;
        warnings.push({
          file: source.info.file,
          line: g.section.line,
          message: `heading "${g.section.title}" only groups sections aligned one by one; it is not a section of the book`,
        });
      }
      alignment.push({ source, section, into, score: Math.round((score[i] ?? 0) * 100) / 100 });
      previous = into;
      fuse(section, into, source);
    }
  }

  /** True when `section` is `into` or one of its subsections (a coarser source's section spans them). */
  function within(section: WSection, into: WSection): boolean {
    const start = positionOf(into);
    const at = positionOf(section);
    if (at < start) return false;
    let end = subtreeEnd.get(into);
    if (end === undefined) {
      end = start + 1;
      while (end < canonical.length && canonical[end]!.level > into.level) end++;
      subtreeEnd.set(into, end);
    }
    return at < end;
  }

  /** Fold `incoming` into the kept sentence `hit`: provenance, citations, conflicts, and the preferred wording. */
  function fold(hit: Hit, incoming: WSentence, similarity: number): void {
    const kept = hit.sentence;
    for (const r of incoming.refs) if (!kept.refs.includes(r)) kept.refs.push(r);
    const diff = differences(kept.text, incoming.text);
    const incomingWins = incoming.priority > kept.priority;
    if (diff) {
      const keptReading = { text: kept.text, sources: [...kept.sources] };
      const other = { text: incoming.text, sources: incoming.sources };
      conflicts.push({
        section: hit.section,
        kind: diff.kind,
        differs: diff.differs,
        readings: incomingWins ? [other, keptReading] : [keptReading, other],
      });
    }
    if (incomingWins) {
      pending.push({ dropped: kept.text, source: kept.sources[0]!, kept: hit, similarity });
      kept.text = incoming.text;
      kept.priority = incoming.priority;
      kept.sources.unshift(...incoming.sources);
    } else {
      pending.push({ dropped: incoming.text, source: incoming.sources[0]!, kept: hit, similarity });
      kept.sources.push(...incoming.sources);
    }
    const src = incoming.sources[0]!;
    if (!hit.block.sources.some((p) => p.source === src.source)) hit.block.sources.push(src);
    hit.section.contributors.add(src.source);
  }

  function match(sentence: WSentence, kind: WBlock['kind']) {
    const best = index.best(sentence.text, (h) => h.block.kind === kind);
    if (!best) return undefined;
    return isNearDuplicate(best, threshold) ? best : undefined;
  }

  function fuse(section: SourceSection, into: WSection, source: Source): void {
    // New text goes after the block holding the previous matched sentence, which may sit in a subsection
    // of `into` when this source is coarser than the canonical structure.
    let anchor: { block: WBlock; section: WSection; item: number } | undefined;
    const isBase = source === structure;
    for (const node of section.blocks) {
      const block = toWBlock(node, source, locale);
      let run: WSentence[] = [];
      let matchedInBlock = false;
      const flush = () => {
        if (!run.length) return;
        if (policy === 'prefer' && !isBase && source !== preferred) {
          for (const s of run)
            omitted.push({
              text: s.text,
              source: s.sources[0]!,
              reason: 'policy "prefer": only the preferred source’s text is kept',
            });
          run = [];
          return;
        }
        const target = anchor?.section ?? into;
        let holder: WBlock;
        // Items a list lacks go into that list, after the item they follow in their source; sentences a
        // paragraph lacks go into it after the sentence they follow, when that sentence is in the same
        // paragraph of their source. A paragraph of new sentences stays a paragraph of its own.
        const intoList = block.kind === 'list' && anchor?.block.kind === 'list';
        const intoParagraph = block.kind === 'paragraph' && anchor?.block.kind === 'paragraph' && matchedInBlock;
        if (anchor && (intoList || intoParagraph)) {
          holder = anchor.block;
          holder.sentences.splice(anchor.item + 1, 0, ...run);
          anchor = { ...anchor, item: anchor.item + run.length };
          if (!holder.sources.some((p) => p.source === source.info.id)) holder.sources.push(block.sources[0]!);
        } else {
          holder = { kind: block.kind, sentences: run, sources: block.sources };
          const at = anchor ? target.blocks.indexOf(anchor.block) : isBase ? target.blocks.length - 1 : -1;
          target.blocks.splice(at + 1, 0, holder);
          anchor = { block: holder, section: target, item: run.length - 1 };
        }
        for (const sentence of run) index.add(sentence.text, { block: holder, sentence, section: target });
        target.contributors.add(source.info.id);
        run = [];
      };
      for (const sentence of block.sentences) {
        const best = match(sentence, block.kind);
        if (best) {
          flush();
          fold(best.value, sentence, Math.round(Math.max(best.score, best.containment) * 100) / 100);
          if (within(best.value.section, into)) {
            anchor = {
              block: best.value.block,
              section: best.value.section,
              item: best.value.block.sentences.indexOf(best.value.sentence),
            };
            matchedInBlock = true;
          }
        } else run.push(sentence);
      }
      flush();
      // The structure source keeps its own paragraph breaks: its next block starts a new paragraph.
      if (isBase) anchor = undefined;
    }
  }

  // Key sentences: key points of the section that holds their closest match.
  for (const source of keySources) {
    for (const node of source.tree.children) {
      if (node.type !== 'paragraph') continue;
      const prov = provenance(source, node.position?.start.line ?? 1);
      for (const sentence of splitSentences(node.children, locale)) {
        const best = index.best(sentence.text);
        const section = best && best.score >= 0.35 ? best.value.section : undefined;
        if (!section) {
          omitted.push({ text: sentence.text, source: prov, reason: 'key sentence matches no section of the book' });
          continue;
        }
        section.keyPoints.push({ id: '', text: sentence.text, markers: [...sentence.refs], sources: [prov] });
        section.contributors.add(source.info.id);
      }
    }
  }

  // Lists whose items differ between sources: membership conflicts.
  for (const section of canonical) {
    for (const block of section.blocks) {
      if (block.kind !== 'list' || block.sources.length < 2) continue;
      const carriers = new Set(block.sources.map((p) => p.source));
      for (const item of block.sentences) {
        const has = new Set(item.sources.map((p) => p.source));
        const missing = [...carriers].filter((c) => !has.has(c));
        if (missing.length) {
          conflicts.push({
            section,
            kind: 'membership',
            differs: [item.text],
            readings: [
              { text: `listed: ${item.text}`, sources: item.sources },
              { text: 'not listed', sources: block.sources.filter((p) => missing.includes(p.source)) },
            ],
          });
        }
      }
    }
  }

  // Citations: numbered in reading order; one source-local key is one note however often it is used.
  const citationText = new Map<string, { key: string; text: string; source: Source; line: number }>();
  for (const source of sources)
    for (const c of source.citations)
      if (c.text) citationText.set(qualify(source, c.key), { key: c.key, text: c.text, source, line: c.line });
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

  // Chapters: the lead opens the book; each top-level section is a chapter.
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
  const reportSections: MergeReport['sections'] = [];
  const toBlocks = (section: WSection, sectionId: string): Block[] =>
    section.blocks
      .filter((b) => b.sentences.length)
      .map((b, i) => {
        b.id = `${sectionId}-${i + 1}`;
        return toBlock(b, b.id, useCitation);
      });
  const makeSection = (section: WSection, id: string, level: number, title: string): Section => ({
    id,
    title,
    level,
    blocks: toBlocks(section, id),
    keyPoints: section.keyPoints.map((k, n) => ({ ...k, id: `${id}-key-${n + 1}` })),
    sources: section.sources,
  });

  for (const [i, section] of canonical.entries()) {
    const isLead = i === 0;
    const title = isLead ? 'Introduction' : section.title;
    if (!isLead && BACK_MATTER.test(title.trim())) {
      const id = uniqueId(slugify(title));
      const blocks = toBlocks(section, id);
      if (blocks.length) {
        backMatter.push({ id, title, blocks });
        section.id = id;
      } else
        warnings.push({
          file: section.sources[0]!.file,
          line: section.sources[0]!.line,
          message: `"${title}" has no entries of its own and was left out`,
        });
      continue;
    }
    if (isLead && section.blocks.length === 0 && section.keyPoints.length === 0) continue;
    const level = isLead ? chapterLevel : section.level;
    let made: Section | undefined;
    if (isLead || level <= chapterLevel || chapters.length === 0) {
      const id = uniqueId(slugify(title));
      chapters.push({ id, title, sections: [] });
      section.id = id;
      made = makeSection(section, uniqueId(`${id}-intro`), 2, title);
      if (made.blocks.length || made.keyPoints.length) chapters.at(-1)!.sections.push(made);
    } else {
      made = makeSection(section, uniqueId(slugify(title)), Math.min(6, 3 + (level - chapterLevel - 1)), title);
      if (made.blocks.length || made.keyPoints.length) {
        chapters.at(-1)!.sections.push(made);
        section.id = made.id;
      } else
        warnings.push({
          file: section.sources[0]!.file,
          line: section.sources[0]!.line,
          message: `section "${title}" has no text in any source and was left out`,
        });
    }
    const contributors = [...section.contributors];
    reportSections.push({
      id: section.id ?? made.id,
      title,
      sources: contributors,
      onlyIn: contributors.length === 1 && sectioned.length > 1 ? contributors[0] : undefined,
    });
  }
  for (const c of chapters.filter((c) => c.sections.length === 0))
    warnings.push({ file: '', message: `chapter "${c.title}" has no text in any source and was left out` });

  const usedCitations = new Set(citationId.keys());
  const unattachedCitations: MergeReport['unattachedCitations'] = [];
  for (const [qualified, c] of citationText) {
    if (usedCitations.has(qualified)) continue;
    unattachedCitations.push({
      key: c.key,
      text: c.text,
      source: provenance(c.source, c.line),
      reason: 'the sentence carrying it is not in the book (see omitted)',
    });
  }

  const report: MergeReport = {
    policy,
    threshold,
    structureFrom: structure.info.id,
    preferred: preferred.info.id,
    sections: reportSections,
    alignment: alignment.map((a) => ({
      source: a.source.info.id,
      file: a.source.info.file,
      line: a.section.line,
      title: a.section.index === 0 ? '(lead)' : a.section.title,
      section: a.into?.id ?? '',
      score: a.score,
    })),
    duplicates: pending.map((p) => ({
      dropped: p.dropped,
      source: p.source,
      kept: p.kept.sentence.text,
      keptBlock: p.kept.block.id ?? '',
      similarity: p.similarity,
    })),
    conflicts: conflicts.map((c) => ({
      section: c.section.id ?? '',
      kind: c.kind,
      differs: c.differs,
      readings: c.readings,
    })),
    omitted,
    unattachedCitations,
    warnings,
  };
  return {
    meta,
    sources: sources.map((s) => s.info),
    chapters: chapters.filter((c) => c.sections.length > 0),
    backMatter,
    citations,
    links: sources.flatMap((s) =>
      (s.links ?? []).map((l) => ({ target: l.target, label: l.label, source: s.info.id })),
    ),
    report,
  };
}

function toBlock(block: WBlock, id: string, useCitation: (qualified: string) => string | undefined): Block {
  const phrasing = (s: WSentence): PhrasingContent[] => {
    const out: PhrasingContent[] = [{ type: 'text', value: s.text }];
    for (const ref of s.refs) {
      const cid = useCitation(ref);
      if (cid && !out.some((n) => n.type === 'footnoteReference' && n.identifier === cid))
        out.push({ type: 'footnoteReference', identifier: cid, label: cid });
    }
    return out;
  };
  const sources = block.sources.map((p) => p);
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
    return {
      id,
      kind: 'list',
      text: block.sentences.map((s) => s.text).join('\n'),
      sentences: block.sentences.map((s) => s.text),
      node,
      sources,
    };
  }
  const children: PhrasingContent[] = [];
  block.sentences.forEach((s, i) => {
    if (i > 0) children.push({ type: 'text', value: ' ' });
    children.push(...phrasing(s));
  });
  return {
    id,
    kind: 'paragraph',
    text: block.sentences.map((s) => s.text).join(' '),
    sentences: block.sentences.map((s) => s.text),
    node: { type: 'paragraph', children },
    sources,
  };
}
