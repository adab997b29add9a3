/**
 * book.json: the study guide as data, for other tools and for edition snapshots. Its zod schema is derived
 * from the model's own (schema.ts): the meta fields flattened into the top level, blocks carrying their
 * citation ids instead of the mdast node, back-matter blocks only id and text, and the fields listed in
 * UNPUBLISHED left out. A field added to the model reaches book.json's schema unless it is listed there.
 * `book.schema.json` (JSON Schema) is generated from this schema.
 */
import { z } from 'zod';
import {
  BackMatterSchema,
  BlockSchema,
  ChapterSchema,
  SectionSchema,
  SourceInfoSchema,
  StudyGuideSchema,
  WarningSchema,
  type Block,
  type BookMeta,
  type SourceInfo,
  type StudyGuide,
} from './schema.js';

/** Model fields that are not part of the published book, per object. */
const UNPUBLISHED = {
  /** book.json has never carried these meta fields (they go to the PDF and EPUB metadata). */
  meta: { publisher: true, description: true },
  /** Reader-internal fields: the role is the reader's instruction to the merge. */
  source: { role: true, readerLabel: true },
  /** Book fields: the links are hints for the study stage; mention spans are for the writers. */
  guide: { links: true, mentions: true, collation: true },
} as const;

type UnpublishedMeta = keyof typeof UNPUBLISHED.meta;
type UnpublishedSource = keyof typeof UNPUBLISHED.source;

/**
 * `shape` with `key` replaced by `replacement`'s fields at the same place: JSON Schema lists the properties
 * in shape order, so a replaced field keeps book.schema.json's order.
 */
function replaceField<S extends z.ZodRawShape, K extends keyof S, R extends z.ZodRawShape>(
  shape: S,
  key: K,
  replacement: R,
): Omit<S, K> & R {
  const entries = Object.entries(shape).flatMap(([k, v]) => (k === key ? Object.entries(replacement) : [[k, v]]));
  return Object.fromEntries(entries) as Omit<S, K> & R;
}

/** Any format name, as book.json has always accepted: a recorded edition stays readable when readers change. */
const SourceJsonSchema = SourceInfoSchema.omit(UNPUBLISHED.source).extend({ format: z.string() });

/** A block names its citations by id; the mdast node stays in the model. */
const BlockJsonSchema = z.object(replaceField(BlockSchema.shape, 'node', { citations: z.array(z.string()) }));

const ChapterJsonSchema = ChapterSchema.extend({
  sections: z.array(SectionSchema.extend({ blocks: z.array(BlockJsonSchema) })),
});

/** Back-matter blocks carry only id and text, and their text may be empty (as book.json has always allowed). */
const BackMatterJsonSchema = BackMatterSchema.extend({
  blocks: z.array(BlockSchema.pick({ id: true, text: true }).extend({ text: z.string() })),
});

// The guide's fields in book.json's order: the meta flattened first, then the book's parts, the rest of the
// book and the study aids (citations, glossaries, questions, index), and the merge's report last.
const {
  meta,
  sources: _sources,
  chapters: _chapters,
  backMatter: _backMatter,
  report,
  ...rest
} = StudyGuideSchema.omit(UNPUBLISHED.guide).shape;

/** The merge's report; its warnings without their rule ids (not yet published: the editor's report shows them). */
const ReportJsonSchema = report.extend({ warnings: z.array(WarningSchema.omit({ rule: true })) });

export const BookJsonSchema = z.object({
  ...meta.omit(UNPUBLISHED.meta).shape,
  sources: z.array(SourceJsonSchema),
  chapters: z.array(ChapterJsonSchema),
  backMatter: z.array(BackMatterJsonSchema),
  ...rest,
  report: ReportJsonSchema,
});

export type BookJson = z.infer<typeof BookJsonSchema>;

/** The ids of the citations a block's node refers to, in reading order, each once. */
function citationsOf(node: Block['node']): string[] {
  const out: string[] = [];
  const walk = (n: { type: string; identifier?: string; children?: unknown[] }) => {
    if (n.type === 'footnoteReference' && n.identifier && !out.includes(n.identifier)) out.push(n.identifier);
    for (const c of (n.children ?? []) as (typeof n)[]) walk(c);
  };
  walk(node);
  return out;
}

/** The published meta fields, in book.json's order. */
function metaJson(meta: BookMeta): Omit<BookMeta, UnpublishedMeta> {
  return {
    title: meta.title,
    subtitle: meta.subtitle,
    language: meta.language,
    author: meta.author,
    attribution: meta.attribution,
    license: meta.license,
    edition: meta.edition,
  };
}

/** A source without its unpublished fields; the others keep the order the reader gave them. */
function sourceJson(source: SourceInfo): Omit<SourceInfo, UnpublishedSource> {
  const out: Partial<SourceInfo> = { ...source };
  for (const key of Object.keys(UNPUBLISHED.source) as UnpublishedSource[]) delete out[key];
  return out as Omit<SourceInfo, UnpublishedSource>;
}

function blockJson(b: Block): BookJson['chapters'][number]['sections'][number]['blocks'][number] {
  return {
    id: b.id,
    kind: b.kind,
    text: b.text,
    sentences: b.sentences,
    citations: citationsOf(b.node),
    sources: b.sources,
  };
}

export function toBookJson(book: StudyGuide): BookJson {
  return {
    ...metaJson(book.meta),
    sources: book.sources.map(sourceJson),
    chapters: book.chapters.map((c) => ({
      id: c.id,
      title: c.title,
      sections: c.sections.map((s) => ({
        id: s.id,
        title: s.title,
        level: s.level,
        blocks: s.blocks.map(blockJson),
        // The key points the guide shows for the section (study/key-points.ts), not the key sentences the
        // merge matched to it: book.json says one thing of each section.
        keyPoints: book.keyPoints
          .filter((k) => k.section === s.id)
          .map(({ id, text, markers, sources }) => ({ id, text, markers, sources })),
        sources: s.sources,
      })),
    })),
    backMatter: book.backMatter.map((b) => ({
      id: b.id,
      title: b.title,
      blocks: b.blocks.map((x) => ({ id: x.id, text: x.text })),
    })),
    citations: book.citations,
    glossaries: book.glossaries,
    questions: book.questions,
    keyPoints: book.keyPoints,
    index: book.index,
    apparatus: book.apparatus,
    report: { ...book.report, warnings: book.report.warnings.map(({ rule: _rule, ...w }) => w) },
  };
}

export function renderBookJson(book: StudyGuide): string {
  return `${JSON.stringify(toBookJson(book), null, 2)}\n`;
}

export function bookJsonSchema(): string {
  return `${JSON.stringify(z.toJSONSchema(BookJsonSchema, { io: 'input' }), null, 2)}\n`;
}
