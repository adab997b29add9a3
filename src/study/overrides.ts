/**
 * Editors' overrides (content/overrides.yaml): add, rename, merge, split or suppress glossary entries and
 * review questions. Overrides win over extraction; an id that names no entry is an error, not a no-op.
 */
import { z } from 'zod';
import {
  TreatyStatusSchema,
  type Ambassador,
  type ReviewQuestion,
  type StudyGuide,
  type Treaty,
} from '../model/index.js';
import { QuireError } from '../util/errors.js';
import { slugify } from '../util/slug.js';

const Rename = z.record(z.string(), z.string().min(1));
const Merge = z.array(z.tuple([z.string(), z.string()]));
const Suppress = z.array(z.string());
/** Split an entry: each listed alias becomes an entry of its own. */
const Split = z.record(z.string(), z.array(z.string().min(1)).min(1));

const AmbassadorAdd = z
  .object({
    name: z.string().min(1),
    post: z.string().min(1),
    country: z.string().default(''),
    capital: z.string().nullable().default(null),
    from: z.number().int().nullable().default(null),
    to: z.number().int().nullable().default(null),
    aliases: z.array(z.string()).default([]),
  })
  .strict();
const TreatyAdd = z
  .object({
    name: z.string().min(1),
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'use YYYY, YYYY-MM or YYYY-MM-DD')
      .nullable()
      .default(null),
    aliases: z.array(z.string()).default([]),
    parties: z.array(z.string()).default([]),
    signatories: z.array(z.string()).default([]),
    description: z.string().default(''),
    status: TreatyStatusSchema.nullable().default(null),
  })
  .strict();

const Section = <T extends z.ZodType>(add: T) =>
  z
    .object({
      add: z.array(add).default([]),
      rename: Rename.default({}),
      merge: Merge.default([]),
      split: Split.default({}),
      suppress: Suppress.default([]),
    })
    .strict()
    .default({ add: [], rename: {}, merge: [], split: {}, suppress: [] });

export const OverridesSchema = z
  .object({
    ambassadors: Section(AmbassadorAdd),
    treaties: Section(TreatyAdd),
    questions: z
      .object({
        add: z
          .array(z.object({ chapter: z.string(), question: z.string().min(1), answer: z.string().min(1) }).strict())
          .default([]),
        suppress: Suppress.default([]),
      })
      .strict()
      .default({ add: [], suppress: [] }),
  })
  .strict();

export type Overrides = z.infer<typeof OverridesSchema>;

function need<T extends { id: string }>(list: T[], id: string, file: string, what: string): T {
  const found = list.find((e) => e.id === id);
  if (!found)
    throw new QuireError(`overrides: no ${what} with id "${id}"`, {
      file,
      hint: `use an id from book.json (glossaries) — e.g. ${
        list
          .slice(0, 2)
          .map((e) => `"${e.id}"`)
          .join(', ') || 'none yet'
      }`,
    });
  return found;
}

function applyEntries<T extends { id: string; name: string; aliases: string[]; mentions: string[] }>(
  list: T[],
  o: {
    add: unknown[];
    rename: Record<string, string>;
    merge: [string, string][];
    split: Record<string, string[]>;
    suppress: string[];
  },
  make: (added: never) => T,
  prefix: string,
  file: string,
  what: string,
): T[] {
  let out = [...list];
  for (const added of o.add) out.push(make(added as never));
  for (const [id, name] of Object.entries(o.rename)) {
    const e = need(out, id, file, what);
    if (!e.aliases.includes(e.name)) e.aliases.push(e.name);
    e.name = name;
    e.aliases = e.aliases.filter((a) => a !== name);
  }
  for (const [keep, drop] of o.merge) {
    const a = need(out, keep, file, what);
    const b = need(out, drop, file, what);
    a.aliases = [...new Set([...a.aliases, b.name, ...b.aliases])].filter((x) => x !== a.name);
    a.mentions = [...new Set([...a.mentions, ...b.mentions])];
    out = out.filter((e) => e !== b);
  }
  for (const [id, names] of Object.entries(o.split)) {
    const e = need(out, id, file, what);
    for (const name of names) {
      if (!e.aliases.includes(name))
        throw new QuireError(`overrides: "${name}" is not an alias of "${id}"`, {
          file,
          hint: `split takes aliases of the entry: ${e.aliases.join(', ') || 'it has none'}`,
        });
      e.aliases = e.aliases.filter((a) => a !== name);
      out.push({ ...e, id: `${prefix}-${slugify(name)}`, name, aliases: [], mentions: [...e.mentions] });
    }
  }
  for (const id of o.suppress) {
    const e = need(out, id, file, what);
    out = out.filter((x) => x !== e);
  }
  return out;
}

/** Pure: the glossaries with the editor's overrides applied. `file` names the overrides file in errors. */
export function applyGlossaryOverrides(book: StudyGuide, overrides: Overrides, file: string): StudyGuide {
  const ambassadors = applyEntries<Ambassador>(
    book.glossaries.ambassadors.map((a) => ({ ...a, aliases: [...a.aliases], mentions: [...a.mentions] })),
    overrides.ambassadors,
    (a: z.infer<typeof AmbassadorAdd>) => ({
      id: `amb-${slugify(a.name)}`,
      ...a,
      term: a.from === null ? '' : a.to === null || a.to === a.from ? String(a.from) : `${a.from}–${a.to}`,
      mentions: [],
      disagreements: [],
      sources: [],
    }),
    'amb',
    file,
    'ambassador',
  );
  const treaties = applyEntries<Treaty>(
    book.glossaries.treaties.map((t) => ({ ...t, aliases: [...t.aliases], mentions: [...t.mentions] })),
    overrides.treaties,
    (t: z.infer<typeof TreatyAdd>) => ({ id: `treaty-${slugify(t.name)}`, ...t, mentions: [] }),
    'treaty',
    file,
    'treaty',
  );
  return { ...book, glossaries: { ...book.glossaries, ambassadors, treaties } };
}

/** Pure: the review questions with the editor's additions and suppressions. */
export function applyQuestionOverrides(book: StudyGuide, overrides: Overrides, file: string): StudyGuide {
  let questions: ReviewQuestion[] = [...book.questions];
  for (const id of overrides.questions.suppress)
    questions = questions.filter((q) => q !== need(questions, id, file, 'question'));
  for (const [i, q] of overrides.questions.add.entries()) {
    const chapter = book.chapters.find((c) => c.id === q.chapter);
    if (!chapter)
      throw new QuireError(`overrides: no chapter with id "${q.chapter}"`, {
        file,
        hint: `chapters are ${book.chapters.map((c) => c.id).join(', ')}`,
      });
    const block = chapter.sections[0]?.blocks[0]?.id ?? '';
    questions.push({
      id: `q-editor-${i + 1}`,
      chapter: chapter.id,
      kind: 'short',
      question: q.question,
      answer: q.answer,
      block,
    });
  }
  const order = new Map(book.chapters.map((c, i) => [c.id, i]));
  questions.sort((a, b) => (order.get(a.chapter) ?? 0) - (order.get(b.chapter) ?? 0));
  return { ...book, questions };
}
