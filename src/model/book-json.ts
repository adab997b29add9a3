/**
 * book.json: the merged book as data, for other tools and for edition snapshots.
 * The zod schema below is the contract; `book.schema.json` (JSON Schema) is generated from it.
 */
import { z } from 'zod';
import type { StudyGuide } from './index.js';

const Provenance = z.object({ source: z.string(), file: z.string(), line: z.number().int().positive() });

export const BookJsonSchema = z.object({
  title: z.string(),
  subtitle: z.string().optional(),
  language: z.string(),
  author: z.string(),
  attribution: z.string(),
  license: z.object({ name: z.string(), url: z.string() }),
  edition: z.object({ number: z.number().int(), date: z.string() }),
  sources: z.array(
    z.object({
      id: z.string(),
      file: z.string(),
      format: z.string(),
      priority: z.number(),
      title: z.string().optional(),
      label: z.string().optional(),
      revision: z
        .object({
          title: z.string(),
          pageId: z.string(),
          revisionId: z.string(),
          timestamp: z.string(),
          user: z.string(),
          userId: z.string().optional(),
          comment: z.string(),
        })
        .optional(),
    }),
  ),
  chapters: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      sections: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          level: z.number().int().min(2).max(6),
          blocks: z.array(
            z.object({
              id: z.string(),
              kind: z.enum(['paragraph', 'list']),
              text: z.string().min(1),
              sentences: z.array(z.string()).min(1),
              citations: z.array(z.string()),
              sources: z.array(Provenance).min(1),
            }),
          ),
          keyPoints: z.array(
            z.object({ id: z.string(), text: z.string(), markers: z.array(z.string()), sources: z.array(Provenance) }),
          ),
          sources: z.array(Provenance),
        }),
      ),
    }),
  ),
  backMatter: z.array(
    z.object({ id: z.string(), title: z.string(), blocks: z.array(z.object({ id: z.string(), text: z.string() })) }),
  ),
  citations: z.array(
    z.object({ id: z.string(), number: z.number().int().positive(), text: z.string(), sources: z.array(Provenance) }),
  ),
  glossaries: z.object({
    ambassadors: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        aliases: z.array(z.string()),
        post: z.string(),
        country: z.string(),
        capital: z.string().nullable(),
        from: z.number().nullable(),
        to: z.number().nullable(),
        term: z.string(),
        mentions: z.array(z.string()),
        disagreements: z.array(
          z.object({
            field: z.enum(['name', 'term', 'membership', 'date']),
            readings: z.array(z.object({ value: z.string(), sources: z.array(Provenance) })),
          }),
        ),
        sources: z.array(Provenance),
      }),
    ),
    treaties: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        aliases: z.array(z.string()),
        date: z
          .string()
          .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
          .nullable(),
        parties: z.array(z.string()),
        signatories: z.array(z.string()),
        description: z.string(),
        mentions: z.array(z.string()),
      }),
    ),
    timeline: z.array(
      z.object({
        id: z.string(),
        date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
        precision: z.enum(['day', 'month', 'year']),
        end: z.string().optional(),
        label: z.string(),
        text: z.string(),
        block: z.string(),
      }),
    ),
  }),
  questions: z.array(
    z.object({
      id: z.string(),
      chapter: z.string(),
      question: z.string(),
      answer: z.string(),
      block: z.string(),
      entry: z.string().optional(),
    }),
  ),
  index: z.array(
    z.object({
      id: z.string(),
      term: z.string(),
      kind: z.enum(['person', 'place', 'treaty', 'name']),
      mentions: z.array(z.string()),
    }),
  ),
  report: z.object({
    policy: z.enum(['prefer', 'union']),
    threshold: z.number(),
    structureFrom: z.string(),
    preferred: z.string(),
    sections: z.array(
      z.object({ id: z.string(), title: z.string(), sources: z.array(z.string()), onlyIn: z.string().optional() }),
    ),
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
    duplicates: z.array(
      z.object({
        dropped: z.string(),
        source: Provenance,
        kept: z.string(),
        keptBlock: z.string(),
        similarity: z.number(),
      }),
    ),
    conflicts: z.array(
      z.object({
        section: z.string(),
        kind: z.enum(['name', 'number', 'membership']),
        differs: z.array(z.string()),
        readings: z.array(z.object({ text: z.string(), sources: z.array(Provenance) })).min(2),
      }),
    ),
    omitted: z.array(z.object({ text: z.string(), source: Provenance, reason: z.string() })),
    unattachedCitations: z.array(
      z.object({ key: z.string(), text: z.string(), source: Provenance, reason: z.string() }),
    ),
    warnings: z.array(z.object({ file: z.string(), line: z.number().optional(), message: z.string() })),
  }),
});

export type BookJson = z.infer<typeof BookJsonSchema>;

function citationsOf(node: StudyGuide['chapters'][number]['sections'][number]['blocks'][number]['node']): string[] {
  const out: string[] = [];
  const walk = (n: { type: string; identifier?: string; children?: unknown[] }) => {
    if (n.type === 'footnoteReference' && n.identifier && !out.includes(n.identifier)) out.push(n.identifier);
    for (const c of (n.children ?? []) as (typeof n)[]) walk(c);
  };
  walk(node as never);
  return out;
}

export function toBookJson(book: StudyGuide): BookJson {
  const { meta } = book;
  return {
    title: meta.title,
    subtitle: meta.subtitle,
    language: meta.language,
    author: meta.author,
    attribution: meta.attribution,
    license: meta.license,
    edition: meta.edition,
    // The role (the reader's instruction to the merge) and the reader's label are not part of the published book.
    sources: book.sources.map(({ role: _role, readerLabel: _readerLabel, ...s }) => ({ ...s })),
    chapters: book.chapters.map((c) => ({
      id: c.id,
      title: c.title,
      sections: c.sections.map((s) => ({
        id: s.id,
        title: s.title,
        level: s.level,
        blocks: s.blocks.map((b) => ({
          id: b.id,
          kind: b.kind,
          text: b.text,
          sentences: b.sentences,
          citations: citationsOf(b.node),
          sources: b.sources,
        })),
        keyPoints: s.keyPoints,
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
    index: book.index,
    report: book.report,
  };
}

export function renderBookJson(book: StudyGuide): string {
  return `${JSON.stringify(toBookJson(book), null, 2)}\n`;
}

export function bookJsonSchema(): string {
  return `${JSON.stringify(z.toJSONSchema(BookJsonSchema, { io: 'input' }), null, 2)}\n`;
}
