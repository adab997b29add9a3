/**
 * The model's data types as zod schemas: the one source of truth. The TypeScript types are inferred from them
 * (`z.infer`), and book.json's schema is derived from them (book-json.ts) instead of restated by hand.
 * Field docs sit on the schema fields; editors show them on the inferred types. Constraints (a positive line,
 * an ISO date, at least one source per block) describe the model and reach book.schema.json from here.
 * mdast nodes are `z.custom`: the tree is unified's, not ours to restate.
 */
import { z } from 'zod';
import type { Root as MdastRoot, Paragraph, List, Table, Blockquote, Code } from 'mdast';
import type { Math } from 'mdast-util-math';
import type { DefList } from './mdast.js';
import { readerFormats } from '../sources/registry.js';

/** An ISO date by precision: YYYY-MM-DD, YYYY-MM or YYYY. */
const isoDate = () => z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

/** Where a piece of text came from. */
export const ProvenanceSchema = z.object({
  /** Source id (from the config, or derived from the file name). */
  source: z.string(),
  /** File path relative to the content folder. */
  file: z.string(),
  /** 1-based line in that file. */
  line: z.number().int().positive(),
});
/** Where a piece of text came from. */
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const SourceRoleSchema = z.enum(['text', 'key-sentences']);
export type SourceRole = z.infer<typeof SourceRoleSchema>;

/** A source's format: one per reader in the readers' registry. */
export const SourceFormatSchema = z.enum(readerFormats);
export type SourceFormat = z.infer<typeof SourceFormatSchema>;

/** Revision metadata carried by a dump line (title, page id, revision id, timestamp, user, comment). */
export const RevisionMetaSchema = z.object({
  title: z.string(),
  pageId: z.string(),
  revisionId: z.string(),
  timestamp: z.string(),
  user: z.string(),
  userId: z.string().optional(),
  comment: z.string(),
});
/** Revision metadata carried by a dump line (title, page id, revision id, timestamp, user, comment). */
export type RevisionMeta = z.infer<typeof RevisionMetaSchema>;

export const SourceInfoSchema = z.object({
  id: z.string(),
  file: z.string(),
  format: SourceFormatSchema,
  /**
   * What the merge does with it: `text` is prose to fuse into chapters; `key-sentences` are a list of
   * sentences matched to the chapters as key points. Declared by the source's reader.
   */
  role: SourceRoleSchema,
  /** Its reader's format in words ("MediaWiki wikitext"), for the credits page; from the readers' registry. */
  readerLabel: z.string(),
  /** Higher wins where sources disagree. */
  priority: z.number(),
  /** Title found in the source itself (first heading, dump title...). */
  title: z.string().optional(),
  /** Plain-language description for credits pages ("2008 revision with citations"). */
  label: z.string().optional(),
  revision: RevisionMetaSchema.optional(),
  /**
   * The only languages the source can be in, by its own markup (a wiki's localised namespace names:
   * `[[Datei:…]]` is German), most likely first; absent when its markup does not tell.
   */
  languages: z.array(z.string()).optional(),
});
export type SourceInfo = z.infer<typeof SourceInfoSchema>;

/** A citation as it appears in a source: `<ref>` in wikitext, `[n]` in cited sentences. */
export const SourceCitationSchema = z.object({
  /** Identifier inside its source: the ref name, or a generated one for anonymous refs, or the marker number. */
  key: z.string(),
  /** The citation text (empty for bare `[n]` markers). */
  text: z.string(),
  line: z.number(),
});
/** A citation as it appears in a source: `<ref>` in wikitext, `[n]` in cited sentences. */
export type SourceCitation = z.infer<typeof SourceCitationSchema>;

/** Something a reader dropped or the merge decided that the editor should know: a vfile message as data. */
export const WarningSchema = z.object({
  file: z.string(),
  line: z.number().optional(),
  /** What kind of message it is (`dropped-table`, `empty-ref` …): the same rule id for the same cause. */
  rule: z.string(),
  message: z.string(),
});
export type Warning = z.infer<typeof WarningSchema>;

/** A file of the content folder that the guide shows (an image), checked and fingerprinted when read. */
export const AssetSchema = z.object({
  /** Path relative to the content folder, with `/` separators: the `url` of the image nodes that show it. */
  path: z.string(),
  /** SHA-256 of its bytes, hex: an edited image rebuilds the outputs that show it. */
  sha256: z.string(),
  /** Media type (image/png, image/jpeg, image/gif, image/webp, image/svg+xml). */
  type: z.string(),
  bytes: z.number().int().nonnegative(),
});
export type Asset = z.infer<typeof AssetSchema>;

/**
 * One parsed input. `tree` is mdast: `heading` nodes open sections, `paragraph` and `list` nodes are blocks,
 * and `footnoteReference` nodes mark citations (their `identifier` is a key into `citations`).
 * Every block node carries `position` (line in the file); provenance is (info.id, info.file, line).
 */
export const SourceSchema = z.object({
  info: SourceInfoSchema,
  tree: z.custom<MdastRoot>(),
  citations: z.array(SourceCitationSchema),
  warnings: z.array(WarningSchema),
  /** Internal links in the prose (wikitext `[[target|label]]`): named things the source itself marks. */
  links: z.array(z.object({ target: z.string(), label: z.string(), line: z.number() })).optional(),
  /** The images its tree shows, found in the content folder (set where the folder is read). */
  assets: z.array(AssetSchema).optional(),
});
/**
 * One parsed input. `tree` is mdast: `heading` nodes open sections, `paragraph` and `list` nodes are blocks,
 * and `footnoteReference` nodes mark citations (their `identifier` is a key into `citations`).
 * Every block node carries `position` (line in the file); provenance is (info.id, info.file, line).
 */
export type Source = z.infer<typeof SourceSchema>;

/**
 * What a block is. `paragraph` and `list` are prose the merge fuses sentence by sentence; the other kinds
 * are atomic: one unit, placed whole, never fused into or split.
 */
export const BLOCK_KINDS = ['paragraph', 'list', 'table', 'quote', 'code', 'figure', 'definitions', 'math'] as const;
export const BlockKindSchema = z.enum(BLOCK_KINDS);
export type BlockKind = z.infer<typeof BlockKindSchema>;

/**
 * A block's mdast node, by kind: paragraph (phrasing: text, emphasis, strong, link, inlineCode, break,
 * inlineMath, subscript/superscript, footnoteReference), list, table (cells may carry
 * `data.header`/`colSpan`/`rowSpan`, the table `data.caption`), blockquote (`data.attribution`), code,
 * figure (a paragraph with `data.figure` whose one child is a local image; `data.caption`), defList, math.
 */
export type BlockNode = Paragraph | List | Table | Blockquote | Code | DefList | Math;

export const BlockSchema = z.object({
  id: z.string(),
  kind: BlockKindSchema,
  /** Plain text, citations removed. */
  text: z.string().min(1),
  /** The sentences (or list items) of the block, in order, as the merge compared them. */
  sentences: z.array(z.string()).min(1),
  /** The block as mdast; citations are footnoteReference nodes whose identifier is a Citation id. */
  node: z.custom<BlockNode>(),
  /** Every source that carries this block (or a near-duplicate of it), with the line. */
  sources: z.array(ProvenanceSchema).min(1),
});
export type Block = z.infer<typeof BlockSchema>;

export const KeyPointSchema = z.object({
  id: z.string(),
  text: z.string(),
  /** Citation markers the sentence carried in its source. */
  markers: z.array(z.string()),
  sources: z.array(ProvenanceSchema),
});
export type KeyPoint = z.infer<typeof KeyPointSchema>;

/**
 * A key point of the study guide: a self-contained sentence that sums up part of a section (study/key-points.ts),
 * chosen among the section's own sentences and the key sentences the merge matched to it.
 */
export const StudyKeyPointSchema = KeyPointSchema.extend({
  /** The section it sums up. */
  section: z.string(),
  /** `key-sentence`: a cited key sentence matched to the section; `section`: a sentence of the section. */
  origin: z.enum(['key-sentence', 'section']),
  /** The block holding the sentence (or the key sentence's closest match), to link to. */
  block: z.string(),
  /** The book's citations (Citation ids) of that sentence in the text. */
  citations: z.array(z.string()),
});
export type StudyKeyPoint = z.infer<typeof StudyKeyPointSchema>;

export const SectionSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** Heading level in the book: 2 for a chapter's opening section, 3+ below. */
  level: z.number().int().min(2).max(6),
  blocks: z.array(BlockSchema),
  /** Key sentences matched to this section (study aid). */
  keyPoints: z.array(KeyPointSchema),
  /** Headings this section carries in the sources. */
  sources: z.array(ProvenanceSchema),
});
export type Section = z.infer<typeof SectionSchema>;

export const ChapterSchema = z.object({
  id: z.string(),
  title: z.string(),
  sections: z.array(SectionSchema),
});
export type Chapter = z.infer<typeof ChapterSchema>;

export const CitationSchema = z.object({
  /** Stable id used in links (`note-3`). */
  id: z.string(),
  /** 1-based number in reading order. */
  number: z.number().int().positive(),
  text: z.string(),
  sources: z.array(ProvenanceSchema),
});
export type Citation = z.infer<typeof CitationSchema>;

/** Where sources disagree about a glossary entry: each reading with the sources that give it. */
export const DisagreementSchema = z.object({
  field: z.enum(['name', 'term', 'membership', 'date']),
  readings: z.array(z.object({ value: z.string(), sources: z.array(ProvenanceSchema) })),
});
/** Where sources disagree about a glossary entry: each reading with the sources that give it. */
export type Disagreement = z.infer<typeof DisagreementSchema>;

export const AmbassadorSchema = z.object({
  id: z.string(),
  /** The name as the preferred source spells it. */
  name: z.string(),
  /** Every other spelling seen (transliterations, with or without particles). */
  aliases: z.array(z.string()),
  /** "Soviet ambassador to Berlin". */
  post: z.string(),
  /** The sending side as the text names it ("Soviet", "German", "French"). */
  country: z.string(),
  /** Where the post is, when the text says ("Berlin", "Moscow"). */
  capital: z.string().nullable(),
  from: z.number().nullable(),
  to: z.number().nullable(),
  /** "1921–1930", "1937", or "" when no source gives it. */
  term: z.string(),
  /** Block ids where the person appears. */
  mentions: z.array(z.string()),
  disagreements: z.array(DisagreementSchema),
  sources: z.array(ProvenanceSchema),
  /** The person's role in one line, from the text ("People's Commissar for Foreign Affairs"); "" when none. */
  role: z.string().optional(),
});
export type Ambassador = z.infer<typeof AmbassadorSchema>;

/** Where an instrument stands: signed (and perhaps ratified, later denounced), or only proposed or negotiated. */
export const TreatyStatusSchema = z.enum(['proposed', 'negotiated', 'signed', 'ratified', 'denounced']);
export type TreatyStatus = z.infer<typeof TreatyStatusSchema>;

export const TreatySchema = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  /**
   * The date it was signed (YYYY-MM-DD, YYYY-MM or YYYY) when the text gives it; null when it was never signed
   * (status `proposed` or `negotiated`) or the text does not say.
   */
  date: isoDate().nullable(),
  /**
   * The furthest step the text reports: `negotiated` is negotiated but never concluded; `denounced` was
   * signed, then denounced or broken. Null when the text only names it.
   */
  status: TreatyStatusSchema.nullable().optional(),
  /** Each step the text reports, in order, with its date when given and the block that says so. */
  history: z.array(z.object({ status: TreatyStatusSchema, date: isoDate().nullable(), block: z.string() })).optional(),
  /**
   * States, by their names ("France", "Soviet Union"), not the adjectives of a treaty's name: those that
   * concluded it (a state that joined later is in `joined`).
   */
  parties: z.array(z.string()),
  /** States the text says joined it after it was concluded ("which Fascist Italy joined in 1937"), with the date. */
  joined: z.array(z.object({ party: z.string(), date: isoDate().nullable() })).optional(),
  signatories: z.array(z.string()),
  /** One line that says what the treaty did. */
  description: z.string(),
  /** Its protocols (secret or not), in the words of the text: they belong to the treaty, not apart. */
  protocols: z.array(z.string()).optional(),
  mentions: z.array(z.string()),
});
export type Treaty = z.infer<typeof TreatySchema>;

export const TimelineEventSchema = z.object({
  id: z.string(),
  /** ISO start: YYYY-MM-DD, YYYY-MM or YYYY by precision. */
  date: isoDate(),
  precision: z.enum(['day', 'month', 'year']),
  /** ISO end for ranges ("1935–1937"). */
  end: z.string().optional(),
  /** The date as the text writes it. */
  label: z.string(),
  /** The event in a few words: the clause that carries the date. */
  text: z.string(),
  /** The block that tells it (the first, when several tell the same event). */
  block: z.string(),
  /** Every block that tells the event (two sources or two sentences telling one event are one event). */
  blocks: z.array(z.string()).optional(),
  /** The whole sentence the event stands in (for answer keys and quotations). */
  sentence: z.string().optional(),
  /** `context`: the text gives a day or month without its year, and the year was read from the narrative. */
  yearFrom: z.enum(['text', 'context']).optional(),
  /**
   * Whether the narrative leaves the year unsettled (neighbouring dates disagree). Always false today: such an
   * event is left out of the timeline rather than shown as if certain; the field stays for older readers.
   */
  uncertain: z.boolean().optional(),
  /**
   * Other dates the sources give the event (the merge's date variants of its sentence), each with the ids of
   * the sources that give it: "April 15, 1920" in one source where the book reads "April 16, 1920".
   */
  readings: z
    .array(z.object({ date: isoDate(), precision: z.enum(['day', 'month', 'year']), sources: z.array(z.string()) }))
    .optional(),
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

/**
 * What a question asks: `cloze` (a key fact of a sentence blanked), `choice` (multiple choice, the distractors of
 * the answer's own kind), `short` (a short answer: who, when), `cause` (why, or with what effect, from a causal
 * sentence), `disagreement` (where the sources disagree).
 */
export const QuestionKindSchema = z.enum(['cloze', 'choice', 'short', 'cause', 'disagreement']);
export type QuestionKind = z.infer<typeof QuestionKindSchema>;

/** The blank in a cloze or multiple-choice question's sentence. */
export const QUESTION_BLANK = '_____';

export const ReviewQuestionSchema = z.object({
  id: z.string(),
  chapter: z.string(),
  /** Questions recorded before kinds existed (older editions' book.json) read as short answers. */
  kind: QuestionKindSchema.default('short'),
  /** The question as printed; a cloze or multiple-choice question holds its sentence with `QUESTION_BLANK`. */
  question: z.string(),
  answer: z.string(),
  /** Multiple choice: every option, the answer among them, in a fixed order (by date, else alphabetical). */
  choices: z.array(z.string()).optional(),
  /** The sentence of the text the answer stands in, quoted by the answer key (absent for editor's questions). */
  quote: z.string().optional(),
  /** Where the answer stands: a block id. */
  block: z.string(),
  /** The glossary entry the question is about, if any. */
  entry: z.string().optional(),
});
export type ReviewQuestion = z.infer<typeof ReviewQuestionSchema>;

export const IndexEntrySchema = z.object({
  id: z.string(),
  term: z.string(),
  kind: z.enum(['person', 'place', 'organisation', 'treaty', 'event']),
  mentions: z.array(z.string()),
  /** How it sorts: a person by surname ("Stalin, Joseph"). */
  sortKey: z.string().optional(),
  /** A person's role in one line, from the text. */
  description: z.string().optional(),
});
export type IndexEntry = z.infer<typeof IndexEntrySchema>;

export const GlossariesSchema = z.object({
  ambassadors: z.array(AmbassadorSchema),
  treaties: z.array(TreatySchema),
  timeline: z.array(TimelineEventSchema),
});
export type Glossaries = z.infer<typeof GlossariesSchema>;

/** Lists kept apart from the chapters: Further reading, External links, See also. */
export const BackMatterSchema = z.object({
  id: z.string(),
  title: z.string(),
  blocks: z.array(BlockSchema),
});
/** Lists kept apart from the chapters: Further reading, External links, See also. */
export type BackMatter = z.infer<typeof BackMatterSchema>;

/** A sentence of one source that the book carries in another wording (or not at all, with a reason). */
export const SupersededSchema = z.object({
  /** The sentence as the source has it. */
  dropped: z.string(),
  source: ProvenanceSchema,
  /** The sentence the book keeps instead, and the block holding it. */
  kept: z.string(),
  keptBlock: z.string(),
  similarity: z.number(),
});
/** A sentence of one source that the book carries in another wording (or not at all, with a reason). */
export type Superseded = z.infer<typeof SupersededSchema>;

/** Where aligned sentences or lists disagree on a name, number or date, or on membership of a list. */
export const ConflictSchema = z.object({
  section: z.string(),
  kind: z.enum(['name', 'number', 'membership']),
  /** What differs, e.g. ["Alexey", "Alexander"]. */
  differs: z.array(z.string()),
  /** The first reading is the one the book keeps. */
  readings: z.array(z.object({ text: z.string(), sources: z.array(ProvenanceSchema) })).min(2),
});
/** Where aligned sentences or lists disagree on a name, number or date, or on membership of a list. */
export type Conflict = z.infer<typeof ConflictSchema>;

// ---- Apparatus (issue #19): variants between the sources, shown to readers, and the collation. ----

/**
 * What a variant is about: a fact (date, number, name, place), a list's membership, one name spelled two
 * ways (a transliteration: the report and the glossaries' other spellings, not a note), one claim worded
 * incompatibly (other figures in other words: the note quotes the other reading whole), wording, a hole.
 */
export const VariantClassSchema = z.enum([
  'date',
  'number',
  'name',
  'place',
  'list',
  'spelling',
  'claim',
  'wording',
  'omission',
]);
export type VariantClass = z.infer<typeof VariantClassSchema>;

/** How the guide shows substantive variants: a note at the sentence, a list at the chapter's end, or not. */
export const ApparatusModeSchema = z.enum(['notes', 'summary', 'off']);
export type ApparatusMode = z.infer<typeof ApparatusModeSchema>;

/** A reading of a variant: its text and the sources that give it. */
export const VariantReadingSchema = z.object({ text: z.string(), sources: z.array(ProvenanceSchema) });

/** A substantive variant as readers see it: a note naming the sources by their labels. */
export const VariantNoteSchema = z.object({
  /** `note-N` in mode `notes` (notes and citations share one numbering), else `variant-N`. */
  id: z.string(),
  number: z.number().int().positive(),
  class: VariantClassSchema,
  /** The note as printed: "Sources differ: “April 16, 1920” in …; “April 15, 1920” in …". */
  text: z.string(),
  chapter: z.string(),
  section: z.string(),
  /** The block holding the sentence the note is about. */
  block: z.string(),
  /** The first reading is the one the book keeps. */
  readings: z.array(VariantReadingSchema).min(2),
});
export type VariantNote = z.infer<typeof VariantNoteSchema>;

/** A token of the collation table: one witness's reading of one sentence of the book. */
export const CollationTokenSchema = z.object({
  /** The reading as the witness has it. */
  t: z.string(),
  /** Its line in the witness's file. */
  line: z.number(),
  /** The book's block holding the sentence ("" for a sentence the book left out). */
  block: z.string(),
});

/**
 * CollateX's JSON alignment table: `witnesses` are the sigla (source ids); `table[w][c]` is witness `w`'s
 * tokens in column `c` (null where it has no reading); `status[c]` is true where the readings vary.
 */
export const CollationSchema = z.object({
  witnesses: z.array(z.string()),
  table: z.array(z.array(z.array(CollationTokenSchema).nullable())),
  status: z.array(z.boolean()),
});
export type Collation = z.infer<typeof CollationSchema>;

export const ApparatusSchema = z.object({
  mode: ApparatusModeSchema,
  /** Substantive variants in reading order (in mode `off` too: the report and book.json keep them). */
  notes: z.array(VariantNoteSchema),
});
export type Apparatus = z.infer<typeof ApparatusSchema>;

/** The report's record of a variant: every class, where it is shown. */
export const VariantRecordSchema = z.object({
  class: VariantClassSchema,
  section: z.string(),
  block: z.string(),
  differs: z.array(z.string()),
  readings: z.array(VariantReadingSchema).min(2),
  /** `note`/`summary`: in the guide (see `note`); `report`: here only (wording, omission, or mode off). */
  shown: z.enum(['note', 'summary', 'report']),
  note: z.string().optional(),
});
export type VariantRecord = z.infer<typeof VariantRecordSchema>;

// ---- end of the apparatus additions ----

export const MergeReportSchema = z.object({
  policy: z.enum(['prefer', 'union']),
  threshold: z.number(),
  /** The source whose sections shaped the book, and the one whose text and headings win. */
  structureFrom: z.string(),
  preferred: z.string(),
  /** Per canonical section: which sources contributed, and whether only one did. */
  sections: z.array(
    z.object({ id: z.string(), title: z.string(), sources: z.array(z.string()), onlyIn: z.string().optional() }),
  ),
  /** Every section of every source, and the canonical section it landed in. */
  alignment: z.array(
    z.object({
      source: z.string(),
      file: z.string(),
      line: z.number(),
      title: z.string(),
      section: z.string(),
      score: z.number(),
    }),
  ),
  /** Sentences dropped as near-duplicates of a kept variant. */
  duplicates: z.array(SupersededSchema),
  conflicts: z.array(ConflictSchema),
  /** Every variant between the sources, with its class and where readers see it (issue #19). */
  variants: z.array(VariantRecordSchema).optional(),
  /** Sentences not taken into the book (policy "prefer", or key sentences matching no section). */
  omitted: z.array(z.object({ text: z.string(), source: ProvenanceSchema, reason: z.string() })),
  /** Citations that could not be attached to a sentence of the book. */
  unattachedCitations: z.array(
    z.object({ key: z.string(), text: z.string(), source: ProvenanceSchema, reason: z.string() }),
  ),
  /** Fragments and artifacts removed while reading, and structural notes from the merge. */
  warnings: z.array(WarningSchema),
});
export type MergeReport = z.infer<typeof MergeReportSchema>;

export const BookMetaSchema = z.object({
  title: z.string(),
  subtitle: z.string().optional(),
  language: z.string(),
  author: z.string(),
  publisher: z.string().optional(),
  description: z.string(),
  attribution: z.string(),
  license: z.object({ name: z.string(), url: z.string() }),
  edition: z.object({ number: z.number().int(), date: z.string() }),
});
export type BookMeta = z.infer<typeof BookMetaSchema>;

/** The merge's output: the sources fused into chapters, with their citations and the merge's report. */
export const BookSchema = z.object({
  meta: BookMetaSchema,
  sources: z.array(SourceInfoSchema),
  chapters: z.array(ChapterSchema),
  backMatter: z.array(BackMatterSchema),
  citations: z.array(CitationSchema),
  /** Names the sources link (wikitext `[[target|label]]`): hints for aliases and the index. */
  links: z.array(z.object({ target: z.string(), label: z.string(), source: z.string() })),
  /** The images the book's blocks show (outputs copy or embed them). */
  assets: z.array(AssetSchema).optional(),
  report: MergeReportSchema,
  /** Variants shown to readers (issue #19). */
  apparatus: ApparatusSchema.optional(),
  /** The collation of the text sources, for alignment.json (issue #19; not in book.json). */
  collation: CollationSchema.optional(),
});
/** The merge's output: the sources fused into chapters, with their citations and the merge's report. */
export type Book = z.infer<typeof BookSchema>;

/**
 * A place in the text (found by study/mentions.ts): `path` is the child indexes from the block's node to a
 * text node, `start`–`end` a UTF-16 range of that node's value. Without `kind`, a chapter's first mention of
 * a glossary entry (`entry`), which render links to the entry; `index`, a mention of an index entry in a block
 * (its first and its last there), and `quote`, the start of the sentence a review question (`entry`: its id)
 * quotes: render gives these an anchor that page references and links point at. Render never searches the
 * text itself.
 */
export const MentionSpanSchema = z.object({
  entry: z.string(),
  kind: z.enum(['index', 'quote']).optional(),
  chapter: z.string(),
  block: z.string(),
  path: z.array(z.number().int().nonnegative()),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type MentionSpan = z.infer<typeof MentionSpanSchema>;

/** What the study stage computes from a book: glossaries, review questions, the index, mention spans. */
export const StudyAidsSchema = z.object({
  glossaries: GlossariesSchema,
  questions: z.array(ReviewQuestionSchema),
  /** Two to four per section of two or more paragraphs, in reading order. */
  keyPoints: z.array(StudyKeyPointSchema).default([]),
  index: z.array(IndexEntrySchema),
  mentions: z.array(MentionSpanSchema),
});
/** What the study stage computes from a book: glossaries, review questions, the index, mention spans. */
export type StudyAids = z.infer<typeof StudyAidsSchema>;

/** The book with its study aids: what the writers take. */
export const StudyGuideSchema = BookSchema.extend(StudyAidsSchema.shape);
/** The book with its study aids: what the writers take. */
export type StudyGuide = z.infer<typeof StudyGuideSchema>;
