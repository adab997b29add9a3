import { z } from 'zod';
import { FORMATS } from '../render/registry.js';
import { readerFormats } from '../sources/registry.js';
import { CHAPTER_BREAKS } from '../render/print/chapters.js';

/** URL schemes a link may have: the same allow-list as links in the content (render/view/content.ts). */
export const LINK_SCHEMES = ['http', 'https', 'mailto'];

/** A URL a reader may click: absolute, with an allowed scheme (no `javascript:`, `data:`, `file:`). */
const LinkUrl = z.string().refine(
  (text) => {
    try {
      return LINK_SCHEMES.includes(new URL(text.trim()).protocol.slice(0, -1));
    } catch {
      return false;
    }
  },
  { message: `use an absolute URL starting with ${LINK_SCHEMES.map((s) => `${s}:`).join(', ')}` },
);

/** A real calendar date, YYYY-MM-DD (2026-02-30 and 2026-13-45 are not). */
const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
  .refine((text) => {
    const [y, m, d] = text.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'not a date in the calendar: use YYYY-MM-DD with a real month and day');

export const SourceConfigSchema = z
  .object({
    /** Path relative to the content folder. */
    file: z.string().min(1),
    /** Id used in provenance; defaults to the file name without extension. */
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes')
      .optional(),
    /** Force a format; detected from the content when absent. */
    format: z.enum(readerFormats).optional(),
    /** Higher wins where sources disagree; default: the order listed, first highest. */
    priority: z.number().int().optional(),
    /** Human description for the credits page. */
    label: z.string().optional(),
  })
  .strict();

export const PAPERS = ['A4', 'Letter'] as const;

/** A paper size, in any case ("letter", "a4" are accepted and written as Quire names them). */
export const PaperSchema = z.preprocess(
  (value) =>
    typeof value === 'string' ? (PAPERS.find((p) => p.toLowerCase() === value.trim().toLowerCase()) ?? value) : value,
  z.enum(PAPERS),
);

export const ConfigSchema = z
  .object({
    title: z.string().min(1).optional(),
    subtitle: z.string().optional(),
    /** A BCP 47 tag, or "detect" (the default): the language is detected from the sources' text. */
    language: z
      .string()
      .regex(/^(?:detect|[a-z]{2,3}(-[A-Za-z0-9]+)*)$/, 'use a BCP 47 tag such as "en" or "en-GB", or "detect"')
      .default('detect'),
    /** Default: "Wikipedia contributors" in the guide's language. */
    author: z.string().min(1).optional(),
    publisher: z.string().optional(),
    description: z.string().optional(),
    attribution: z.string().optional(),
    license: z
      .object({ name: z.string(), url: LinkUrl })
      .strict()
      .default({ name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' }),
    edition: z
      .object({
        number: z.number().int().positive().default(1),
        date: CalendarDate.optional(),
      })
      .strict()
      .default({ number: 1 }),
    sources: z.array(SourceConfigSchema).optional(),
    /** What the wikitext reader does with an infobox: leave it out (with a warning) or keep it as a table. */
    infobox: z.enum(['drop', 'table']).default('drop'),
    merge: z
      .object({
        /** union: the preferred text plus what only other sources have; prefer: the preferred text only. */
        policy: z.enum(['union', 'prefer']).default('union'),
        /** Similarity (Dice of content words, 0–1) from which two sentences count as one. */
        threshold: z.number().min(0.3).max(1).default(0.6),
        /** Where the sources disagree on a fact: notes at the sentence, a list at each chapter's end, or off. */
        apparatus: z.enum(['notes', 'summary', 'off']).default('notes'),
      })
      .strict()
      .default({ policy: 'union', threshold: 0.6, apparatus: 'notes' }),
    /** Folder of templates, relative to the content folder; default: Quire's own templates/. */
    templates: z.string().optional(),
    output: z
      .object({
        /**
         * The output folder, relative to the content folder (default: `output` there); `--out` overrides it.
         * It must lie inside the content folder: a guide folder from anyone never makes Quire write elsewhere.
         */
        dir: z.string().min(1).optional(),
        formats: z.array(z.enum(FORMATS)).optional(),
        paper: PaperSchema.default('A4'),
        /** Chapters start on right-hand pages (blank pages inserted), for double-sided printing. */
        duplex: z.boolean().default(false),
        /** With handouts: also a 2-up booklet of each, in folding order. */
        booklet: z.boolean().default(false),
        /** Where printed chapters start: auto (by length), new-page, or run-on (print/chapters.ts). */
        chapters: z.enum(CHAPTER_BREAKS).default('auto'),
        /** The web page as one file: CSS, fonts and images inside it, nothing beside it. */
        embedResources: z.boolean().default(false),
        basename: z
          .string()
          .max(100, 'use at most 100 characters')
          .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'use letters, digits, dots, dashes and underscores')
          .optional(),
      })
      .strict()
      .default({ paper: 'A4', duplex: false, booklet: false, chapters: 'auto', embedResources: false }),
  })
  .strict();

export type QuireConfig = z.infer<typeof ConfigSchema>;
export type SourceConfig = z.infer<typeof SourceConfigSchema>;
