/**
 * The one data model that flows through Quire:
 *   content files ──read──▶ Source[] ──merge──▶ Book ──study──▶ StudyGuide ──render──▶ outputs
 * Every stage takes these types and returns new values; no stage reaches back to the files.
 */
import type { Root as MdastRoot, Paragraph, List, PhrasingContent } from 'mdast';

/** Where a piece of text came from. */
export interface Provenance {
  /** Source id (from the config, or derived from the file name). */
  source: string;
  /** File path relative to the content folder. */
  file: string;
  /** 1-based line in that file. */
  line: number;
}

export type SourceRole = 'text' | 'key-sentences';

export type SourceFormat = 'wikitext' | 'wikitext-dump' | 'plain-text' | 'cited-sentences' | 'markdown';

/** Revision metadata carried by a dump line (title, page id, revision id, timestamp, user, comment). */
export interface RevisionMeta {
  title: string;
  pageId: string;
  revisionId: string;
  timestamp: string;
  user: string;
  userId?: string;
  comment: string;
}

export interface SourceInfo {
  id: string;
  file: string;
  format: SourceFormat;
  /**
   * What the merge does with it: `text` is prose to fuse into chapters; `key-sentences` are a list of
   * sentences matched to the chapters as key points. Declared by the source's reader.
   */
  role: SourceRole;
  /** Higher wins where sources disagree. */
  priority: number;
  /** Title found in the source itself (first heading, dump title...). */
  title?: string;
  revision?: RevisionMeta;
  /** Plain-language description for credits pages ("2008 revision with citations"). */
  label?: string;
}

/** A citation as it appears in a source: `<ref>` in wikitext, `[n]` in cited sentences. */
export interface SourceCitation {
  /** Identifier inside its source: the ref name, or a generated one for anonymous refs, or the marker number. */
  key: string;
  /** The citation text (empty for bare `[n]` markers). */
  text: string;
  line: number;
}

/**
 * One parsed input. `tree` is mdast: `heading` nodes open sections, `paragraph` and `list` nodes are blocks,
 * and `footnoteReference` nodes mark citations (their `identifier` is a key into `citations`).
 * Every block node carries `position` (line in the file); provenance is (info.id, info.file, line).
 */
export interface Source {
  info: SourceInfo;
  tree: MdastRoot;
  citations: SourceCitation[];
  warnings: Warning[];
  /** Internal links in the prose (wikitext `[[target|label]]`): named things the source itself marks. */
  links?: { target: string; label: string; line: number }[];
}

export interface Warning {
  file: string;
  line?: number;
  message: string;
}

export type BlockNode = Paragraph | List;

export interface Block {
  id: string;
  kind: 'paragraph' | 'list';
  /** Plain text, citations removed. */
  text: string;
  /** The sentences (or list items) of the block, in order, as the merge compared them. */
  sentences: string[];
  /** The block as mdast; citations are footnoteReference nodes whose identifier is a Citation id. */
  node: BlockNode;
  /** Every source that carries this block (or a near-duplicate of it), with the line. */
  sources: Provenance[];
}

export interface Section {
  id: string;
  title: string;
  /** Heading level in the book: 2 for a chapter's opening section, 3+ below. */
  level: number;
  blocks: Block[];
  /** Key sentences matched to this section (study aid). */
  keyPoints: KeyPoint[];
  /** Headings this section carries in the sources. */
  sources: Provenance[];
}

export interface Chapter {
  id: string;
  title: string;
  sections: Section[];
}

export interface Citation {
  /** Stable id used in links (`note-3`). */
  id: string;
  /** 1-based number in reading order. */
  number: number;
  text: string;
  sources: Provenance[];
}

export interface KeyPoint {
  id: string;
  text: string;
  /** Citation markers the sentence carried in its source. */
  markers: string[];
  sources: Provenance[];
}

/** Where sources disagree about a glossary entry: each reading with the sources that give it. */
export interface Disagreement {
  field: 'name' | 'term' | 'membership' | 'date';
  readings: { value: string; sources: Provenance[] }[];
}

export interface Ambassador {
  id: string;
  /** The name as the preferred source spells it. */
  name: string;
  /** Every other spelling seen (transliterations, with or without particles). */
  aliases: string[];
  /** "Soviet ambassador to Berlin". */
  post: string;
  /** The sending side as the text names it ("Soviet", "German", "French"). */
  country: string;
  /** Where the post is, when the text says ("Berlin", "Moscow"). */
  capital: string | null;
  from: number | null;
  to: number | null;
  /** "1921–1930", "1937", or "" when no source gives it. */
  term: string;
  /** Block ids where the person appears. */
  mentions: string[];
  disagreements: Disagreement[];
  sources: Provenance[];
}

export interface Treaty {
  id: string;
  name: string;
  aliases: string[];
  /** ISO date (YYYY-MM-DD, YYYY-MM or YYYY) when the text gives it. */
  date: string | null;
  parties: string[];
  signatories: string[];
  description: string;
  mentions: string[];
}

export interface TimelineEvent {
  id: string;
  /** ISO start: YYYY-MM-DD, YYYY-MM or YYYY by precision. */
  date: string;
  precision: 'day' | 'month' | 'year';
  /** ISO end for ranges ("1935–1937"). */
  end?: string;
  /** The date as the text writes it. */
  label: string;
  text: string;
  block: string;
}

export interface ReviewQuestion {
  id: string;
  chapter: string;
  question: string;
  answer: string;
  /** Where the answer stands: a block id. */
  block: string;
  /** The glossary entry the question is about, if any. */
  entry?: string;
}

export interface IndexEntry {
  id: string;
  term: string;
  kind: 'person' | 'place' | 'treaty' | 'name';
  mentions: string[];
}

export interface Glossaries {
  ambassadors: Ambassador[];
  treaties: Treaty[];
  timeline: TimelineEvent[];
}

/** Lists kept apart from the chapters: Further reading, External links, See also. */
export interface BackMatter {
  id: string;
  title: string;
  blocks: Block[];
}

/** A sentence of one source that the book carries in another wording (or not at all, with a reason). */
export interface Superseded {
  /** The sentence as the source has it. */
  dropped: string;
  source: Provenance;
  /** The sentence the book keeps instead, and the block holding it. */
  kept: string;
  keptBlock: string;
  similarity: number;
}

/** Where aligned sentences or lists disagree on a name, number or date, or on membership of a list. */
export interface Conflict {
  section: string;
  kind: 'name' | 'number' | 'membership';
  /** What differs, e.g. ["Alexey", "Alexander"]. */
  differs: string[];
  /** The first reading is the one the book keeps. */
  readings: { text: string; sources: Provenance[] }[];
}

export interface MergeReport {
  policy: 'prefer' | 'union';
  threshold: number;
  /** The source whose sections shaped the book, and the one whose text and headings win. */
  structureFrom: string;
  preferred: string;
  /** Per canonical section: which sources contributed, and whether only one did. */
  sections: { id: string; title: string; sources: string[]; onlyIn?: string }[];
  /** Every section of every source, and the canonical section it landed in. */
  alignment: { source: string; file: string; line: number; title: string; section: string; score: number }[];
  /** Sentences dropped as near-duplicates of a kept variant. */
  duplicates: Superseded[];
  conflicts: Conflict[];
  /** Sentences not taken into the book (policy "prefer", or key sentences matching no section). */
  omitted: { text: string; source: Provenance; reason: string }[];
  /** Citations that could not be attached to a sentence of the book. */
  unattachedCitations: { key: string; text: string; source: Provenance; reason: string }[];
  /** Fragments and artifacts removed while reading, and structural notes from the merge. */
  warnings: Warning[];
}

export interface BookMeta {
  title: string;
  subtitle?: string;
  language: string;
  author: string;
  publisher?: string;
  description: string;
  attribution: string;
  license: { name: string; url: string };
  edition: { number: number; date: string };
}

/** The merge's output: the sources fused into chapters, with their citations and the merge's report. */
export interface Book {
  meta: BookMeta;
  sources: SourceInfo[];
  chapters: Chapter[];
  backMatter: BackMatter[];
  citations: Citation[];
  /** Names the sources link (wikitext `[[target|label]]`): hints for aliases and the index. */
  links: { target: string; label: string; source: string }[];
  report: MergeReport;
}

/**
 * A chapter's first mention of a glossary entry (found by study/mentions.ts): `path` is the child indexes
 * from the block's node to a text node, `start`–`end` a UTF-16 range of that node's value.
 */
export interface MentionSpan {
  entry: string;
  chapter: string;
  block: string;
  path: number[];
  start: number;
  end: number;
}

/** What the study stage computes from a book: glossaries, review questions, the index, mention spans. */
export interface StudyAids {
  glossaries: Glossaries;
  questions: ReviewQuestion[];
  index: IndexEntry[];
  mentions: MentionSpan[];
}

/** The book with its study aids: what the writers take. */
export type StudyGuide = Book & StudyAids;

/** Every block of the book in reading order. */
export function allBlocks(book: Book): Block[] {
  return book.chapters.flatMap((c) => c.sections.flatMap((s) => s.blocks));
}

export type { PhrasingContent };
