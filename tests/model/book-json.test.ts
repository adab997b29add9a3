import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { mergeSources } from '../../src/merge/index.js';
import { addStudyAids } from '../../src/study/index.js';
import { BookJsonSchema, renderBookJson, toBookJson, type BookJson } from '../../src/model/book-json.js';
import * as Model from '../../src/model/schema.js';
import { parseSeed, SEEDS, TEST_META } from '../support/content.js';

type JsonBlock = BookJson['chapters'][number]['sections'][number]['blocks'][number];
type JsonSchema = { properties: Record<string, JsonSchema>; items: JsonSchema; required?: string[] };

/** book.json's JSON Schema, and the properties of the objects inside it. */
function jsonSchemaOf(schema: z.ZodType) {
  const top = z.toJSONSchema(schema, { io: 'input' }) as unknown as JsonSchema;
  const section = top.properties.chapters!.items.properties.sections!.items;
  return {
    top: top.properties,
    required: top.required ?? [],
    source: top.properties.sources!.items.properties,
    section: section.properties,
    block: section.properties.blocks!.items.properties,
    backMatterBlock: top.properties.backMatter!.items.properties.blocks!.items.properties,
  };
}

/** BookJsonSchema as book-json.ts builds it from a changed model schema. */
async function bookJsonSchemaWith(change: (model: typeof Model) => Record<string, z.ZodType>): Promise<z.ZodType> {
  vi.resetModules();
  vi.doMock('../../src/model/schema.js', async (importOriginal) => {
    const model = await importOriginal<typeof Model>();
    return { ...model, ...change(model) };
  });
  return (await import('../../src/model/book-json.js')).BookJsonSchema;
}

describe('book.json: the seed guide', () => {
  const guide = addStudyAids(
    mergeSources(
      [parseSeed(SEEDS.later, 4), parseSeed(SEEDS.plain, 3), parseSeed(SEEDS.dump, 2), parseSeed(SEEDS.key, 1)],
      TEST_META,
    ),
  );
  const json = JSON.parse(renderBookJson(guide)) as BookJson;

  it('passes the schema, and the schema keeps every field toBookJson writes', () => {
    const parsed = BookJsonSchema.parse(json);
    // zod drops fields it does not know: equal means the schema names every one of them.
    expect(parsed).toEqual(json);
    const blocks = json.chapters.flatMap((c) => c.sections.flatMap((s) => s.blocks));
    expect(blocks.length).toBeGreaterThan(100);
    expect(blocks.filter((b) => b.citations.length).length).toBeGreaterThan(10);
    expect(json.sources.map((s) => s.id)).toEqual([
      'later-revision',
      'plain-text-rendition',
      '2008-revision-with-citations',
      'key-sentences-cited',
    ]);
    expect(json.glossaries.ambassadors.length).toBeGreaterThan(5);
    expect(json.questions.length).toBeGreaterThan(5);
  });

  it('gives each section the key points the guide shows for it, as the top-level list does', () => {
    const sections = json.chapters.flatMap((c) => c.sections);
    expect(sections.flatMap((s) => s.keyPoints).length).toBe(json.keyPoints.length);
    for (const s of sections)
      expect(s.keyPoints.map((k) => k.text)).toEqual(
        json.keyPoints.filter((k) => k.section === s.id).map((k) => k.text),
      );
  });

  it('leaves out what is not published: the source role, the mdast node, the links, meta.description', () => {
    expect(json.sources.every((s) => !('role' in s))).toBe(true);
    expect(json.chapters[0]!.sections[0]!.blocks[0]).not.toHaveProperty('node');
    expect(json).not.toHaveProperty('links');
    expect(json).not.toHaveProperty('meta');
    expect(json).not.toHaveProperty('description');
    expect(json.title).toBe(TEST_META.title);
    expect(toBookJson(guide).chapters[0]!.sections[0]!.blocks[0]!.citations).toEqual(expect.any(Array));
  });

  it('rejects a wrong value where the model constrains it', () => {
    const broken = (edit: (b: BookJson) => void) => {
      const copy = structuredClone(json);
      edit(copy);
      const result = BookJsonSchema.safeParse(copy);
      expect(result.success).toBe(false);
      return result.error!.issues[0]!.path.join('.');
    };
    expect(broken((b) => (b.chapters[0]!.sections[0]!.blocks[0]!.sentences = []))).toBe(
      'chapters.0.sections.0.blocks.0.sentences',
    );
    expect(broken((b) => (b.glossaries.timeline[0]!.date = '1939-8'))).toBe('glossaries.timeline.0.date');
    expect(broken((b) => (b.edition.number = 1.5))).toBe('edition.number');
    expect(broken((b) => (b.citations[0]!.sources[0]!.line = 0))).toBe('citations.0.sources.0.line');
    const withoutCitations = (b: BookJson) =>
      delete (b.chapters[0]!.sections[0]!.blocks[0] as Partial<JsonBlock>).citations;
    expect(broken(withoutCitations)).toBe('chapters.0.sections.0.blocks.0.citations');
  });
});

describe('book.json: its schema is the model schema, derived', () => {
  afterEach(() => {
    vi.doUnmock('../../src/model/schema.js');
    vi.resetModules();
  });

  it('has the model fields in the model order, less the ones left out on purpose', () => {
    const schema = jsonSchemaOf(BookJsonSchema);
    const keys = (shape: object) => Object.keys(shape);
    const without = (list: string[], ...drop: string[]) => list.filter((k) => !drop.includes(k));
    expect(keys(schema.top)).toEqual([
      ...without(keys(Model.BookMetaSchema.shape), 'publisher', 'description'),
      ...['sources', 'chapters', 'backMatter', 'citations', 'assets'],
      // The variant notes (issue #19); the collation goes to alignment.json, not here.
      'apparatus',
      // Mention spans are for the writers (book-json.ts, UNPUBLISHED.guide).
      ...without(keys(Model.StudyAidsSchema.shape), 'mentions'),
      'report',
    ]);
    expect(keys(schema.source)).toEqual(without(keys(Model.SourceInfoSchema.shape), 'role', 'readerLabel'));
    expect(keys(schema.section)).toEqual(keys(Model.SectionSchema.shape));
    expect(keys(schema.block)).toEqual(keys(Model.BlockSchema.shape).map((k) => (k === 'node' ? 'citations' : k)));
    expect(keys(schema.backMatterBlock)).toEqual(['id', 'text']);
  });

  it('a field added to the model shows up in book.json’s schema, in its place', async () => {
    const schema = jsonSchemaOf(
      await bookJsonSchemaWith((m) => ({
        SourceInfoSchema: m.SourceInfoSchema.extend({ licence: z.string().optional() }),
        SectionSchema: m.SectionSchema.extend({ difficulty: z.number() }),
        BlockSchema: m.BlockSchema.extend({ speaker: z.string() }),
        // A field added to BookMeta and one added to StudyAids, as the guide's schema would then have them.
        StudyGuideSchema: m.StudyGuideSchema.extend({
          meta: m.BookMetaSchema.extend({ isbn: z.string() }),
          quiz: z.array(z.string()),
        }),
      })),
    );
    expect(schema.required).toContain('isbn');
    expect(Object.keys(schema.top).slice(-2)).toEqual(['quiz', 'report']);
    expect(schema.required).toContain('quiz');
    expect(schema.source).toHaveProperty('licence');
    expect(schema.section).toHaveProperty('difficulty');
    expect(Object.keys(schema.block).slice(-1)).toEqual(['speaker']);
    expect(schema.backMatterBlock).not.toHaveProperty('speaker');
  });

  it('a field the model drops leaves book.json’s schema too', async () => {
    const schema = jsonSchemaOf(
      await bookJsonSchemaWith((m) => ({
        BlockSchema: m.BlockSchema.omit({ sentences: true }),
        StudyGuideSchema: m.StudyGuideSchema.omit({ questions: true }),
      })),
    );
    expect(schema.block).not.toHaveProperty('sentences');
    expect(schema.block).toHaveProperty('citations');
    expect(schema.top).not.toHaveProperty('questions');
  });
});
