/**
 * The build's stages over the model: sources → merged book → study guide → (changes since an edition).
 * Each is pure; the orchestrator (build.ts) does the I/O around them. The merge and the study aids (and the
 * NLP library they load) are imported when their stage runs: a build whose book is cached never loads them.
 */
import type { Book, BookMeta, Source, StudyGuide } from '../model/index.js';
import type { QuireConfig } from '../config/schema.js';
import { parseYaml } from '../config/load.js';
import { OverridesSchema, type Overrides } from '../study/overrides.js';
import { parseSource, type SourceEntry } from '../sources/index.js';
import type { ReaderOptions } from '../sources/types.js';
import { changelog, type Changelog } from '../editions/changelog.js';
import { toBookJson, type BookJson } from '../model/book-json.js';
import type { Hashable } from '../util/hash.js';
import { baseLanguage, detectLanguage, withDateRegion } from '../util/language.js';
import type { Stage } from './stage.js';
import { plural } from '../util/words.js';
import { toString } from 'mdast-util-to-string';
import { creditWordsFor } from '../util/labels.js';

/** One source file's text → its tree; `options` are the config's instructions to readers (`infobox`). */
export const parseStage: Stage<
  { text: string; entry: SourceEntry; bytes: Uint8Array; options?: ReaderOptions },
  Source
> = {
  name: 'read',
  inputs: ({ bytes, entry, options }) => [bytes, { ...entry }, { ...options }],
  run: ({ text, entry, options }) => parseSource(text, entry, undefined, options),
};

/** Pure: the book's metadata from the config, falling back to what the sources say. */
export function bookMeta(config: QuireConfig, sources: Source[], fallbackTitle: string, today: string): BookMeta {
  const byPriority = [...sources].sort((a, b) => b.info.priority - a.info.priority);
  const text = config.language === 'detect' ? sourcesText(sources) : '';
  const language =
    config.language === 'detect'
      ? withDateRegion(detectLanguage(text, markupLanguages(sources)), text)
      : config.language;
  const title =
    config.title ??
    byPriority.find((s) => s.info.title)?.info.title ??
    byPriority.map((s) => statedSubject(s, language)).find(Boolean) ??
    folderTitle(fallbackTitle);
  const words = creditWordsFor(language);
  const fill = (template: string, values: Record<string, string | number>) =>
    template.replace(/\{(\w+)\}/g, (m, key: string) => String(values[key] ?? m));
  const revisions = sources
    .filter((s) => s.info.revision)
    .map((s) =>
      fill(words.revisionOf, {
        id: s.info.revision!.revisionId,
        title: s.info.revision!.title,
        date: s.info.revision!.timestamp.slice(0, 10),
      }),
    );
  const author = config.author ?? words.wikipediaContributors;
  const from =
    (sources.length === 1 ? words.itsSource : fill(words.sourcesCount, { n: sources.length })) +
    (revisions.length ? fill(words.including, { list: revisions.join(', ') }) : '');
  const attribution = config.attribution ?? fill(words.credit, { from, author, license: config.license.name });
  return {
    title,
    subtitle: config.subtitle,
    language,
    author,
    publisher: config.publisher,
    description: config.description ?? `A study guide to ${title}.`,
    attribution,
    license: config.license,
    edition: { number: config.edition.number, date: config.edition.date ?? today },
  };
}

/**
 * The subject an article states in bold at the start of its first paragraph ("'''Mark Carl Behr''' (born …)",
 * Wikipedia's convention for the title), when no source states a title. An article word may stand before it
 * ("The '''Kigali Amendment''' to …", "Le '''canton d'Étaples''' est …": one word of at most three letters);
 * a title starts with a capital, as the article's own title does ("canton of Étaples" → "Canton of Étaples").
 */
function statedSubject(source: Source, language: string): string | undefined {
  type Node = { type: string; value?: unknown; children?: Node[] };
  const first = (source.tree.children as Node[]).find((n) => n.type === 'paragraph');
  const children = (first?.children ?? []).filter((c) => !(c.type === 'text' && !String(c.value ?? '').trim()));
  const before = children[0]?.type === 'text' ? String(children[0].value) : '';
  // An article word ("The", "Le", elided "L'") or an opening bracket of a title ("『", "«").
  const opening = /^\s*(?:\p{L}{1,3}\s+|\p{L}{1,2}['’]|[『「《«“„"]\s*)$/u.test(before);
  // "In enzymology, an '''alanine transaminase''' is …": a field named before the comma, then the subject
  // and its verb of being (or its bracket).
  const field = FIELD_OPENING.test(before);
  const given = children[opening || field ? 1 : 0];
  // Bold and italic ("'''''Oracle Database'''''"): the bold inside the italics, or around them.
  const inner = given?.type === 'emphasis' && given.children?.length === 1 ? given.children[0] : undefined;
  const lead = inner?.type === 'strong' ? inner : given;
  if (lead?.type !== 'strong') return undefined;
  const next = children[opening || field ? 2 : 1];
  if (field && !(next?.type === 'text' && DEFINES.test(String(next.value)))) return undefined;
  const text = toString(lead).replace(/\s+/g, ' ').trim();
  return text && text.length <= 80 ? text.charAt(0).toLocaleUpperCase(language) + text.slice(1) : undefined;
}

/** A short phrase and a comma before an optional article word: "In enzymology, an ", "En biologie, la ". */
const FIELD_OPENING = /^\s*\p{Lu}\p{Ll}{1,3}\s+(?:\p{L}+\s+){0,3}\p{L}+,\s+(?:\p{L}{1,3}\s+)?$/u;
/** What follows a subject the sentence defines: its bracket, or a verb of being in a language Quire reads. */
const DEFINES = new RegExp(
  String.raw`^\s*(?:\(|(?:is|are|was|were|refers to|ist|sind|war|waren|est|sont|était|es|son|fue|era|zijn|er|var|` +
    String.raw`är|è|sono|jest|é|são|je|és)\b)`,
  'u',
);

/** A folder's name as a title: a wiki's underscores ("Kigali_Amendment") are its spaces. */
const folderTitle = (name: string) => name.replace(/_+/g, ' ').trim() || name;

/**
 * The languages the sources' markup allows (a wiki's localised namespace names), in the order of the first
 * source that tells: those every telling source allows, or none when they disagree.
 */
function markupLanguages(sources: Source[]): string[] | undefined {
  const told = sources.flatMap((s) => (s.info.languages ? [s.info.languages] : []));
  const common = told[0]?.filter((l) => told.every((t) => t.includes(l)));
  return common?.length ? common : undefined;
}

/** The sources' prose as plain text (headings, paragraphs, lists), for language detection. */
function sourcesText(sources: Source[]): string {
  const parts: string[] = [];
  const visit = (node: { type: string; value?: unknown; children?: unknown[] }) => {
    if (node.type === 'text' && typeof node.value === 'string') parts.push(node.value);
    // A table's cells are names, figures and dates more than sentences: franc reads a page of baseball
    // scores as French. The language is told from the prose; with too little of it, English is assumed
    // (`language:` in the config says otherwise).
    else if (node.type !== 'footnoteReference' && node.type !== 'table' && node.children) {
      for (const child of node.children) visit(child as typeof node);
      parts.push(' ');
    }
  };
  for (const source of sources) visit(source.tree);
  return parts.join('');
}

export interface MergeInput {
  sources: Source[];
  /** Each source's parse key, in the order of `sources`. */
  sourceKeys: string[];
  meta: BookMeta;
  config: QuireConfig;
}

export const mergeStage: Stage<MergeInput, Book> = {
  name: 'merge',
  inputs: ({ sources, sourceKeys, meta, config }) => [
    // The images a source shows are read beside it: an edited image changes the book's key.
    sources.map((s, i) => [sourceKeys[i]!, s.info.priority, (s.assets ?? []).map((a) => [a.path, a.sha256])]),
    meta as unknown as Hashable,
    config.merge as unknown as Hashable,
  ],
  remembers: true,
  run: async ({ sources, meta, config }) => (await import('./prepare.js')).prepareBook(sources, meta, config),
  summary: (book) => {
    const sections = book.chapters.reduce((n, c) => n + c.sections.length, 0);
    const blocks = book.chapters.reduce((n, c) => n + c.sections.reduce((m, s) => m + s.blocks.length, 0), 0);
    return (
      `Merged: ${plural(book.chapters.length, 'chapter')}, ${plural(sections, 'section')}, ` +
      `${plural(blocks, 'block')}, ${plural(book.citations.length, 'note')}, ` +
      `${plural(book.report.duplicates.length, 'duplicate')} folded`
    );
  },
};

/** The editor's overrides file (its text and path), if the content folder has one. */
export interface OverridesFile {
  text: string;
  file: string;
}

/** The editor's overrides file, checked. */
function parseOverrides(text: string, file: string): Overrides {
  return parseYaml(text, file, OverridesSchema, { what: 'overrides', hint: 'see "Overrides" in docs/study-aids.md' });
}

export const studyStage: Stage<{ book: Book; bookKey: string; overrides?: OverridesFile }, StudyGuide> = {
  name: 'study',
  inputs: ({ bookKey, overrides }) => [bookKey, overrides?.text ?? ''],
  remembers: true,
  run: async ({ book, overrides }) => {
    // compromise's lexicon for every language, its tagger for English (compromise is loaded only then).
    await (await import('../util/lexicon.js')).loadLanguageTools(book.meta.language);
    return (await import('../study/index.js')).addStudyAids(
      book,
      overrides ? { data: parseOverrides(overrides.text, overrides.file), file: overrides.file } : undefined,
    );
  },
  summary: async (guide, { overrides }) => {
    const g = guide.glossaries;
    // Every guide in English has its questions' wording: only another language loads the wordings to ask.
    const { language } = guide.meta;
    const worded =
      !guide.questions.length ||
      baseLanguage(language) === 'en' ||
      (await import('../study/discourse.js')).hasWording(language);
    return (
      `Study aids: ${plural(g.ambassadors.length, 'ambassador')}, ` +
      `${plural(g.treaties.length, 'treaty', 'treaties')}, ` +
      `${plural(g.timeline.length, 'date')}, ${plural(guide.questions.length, 'question')}, ` +
      `${plural(guide.index.length, 'index entry', 'index entries')}` +
      (overrides ? ' (with overrides)' : '') +
      (worded ? '' : `; questions worded in English (none yet in "${language}")`)
    );
  },
};

/** The last recorded edition, as text (for the key) and parsed on demand. */
export interface PreviousEdition {
  text: string;
  parse(): BookJson;
}

export const changelogStage: Stage<{ guide: StudyGuide; guideKey: string; previous: PreviousEdition }, Changelog> = {
  name: 'changelog',
  inputs: ({ guideKey, previous }) => [guideKey, previous.text],
  run: ({ guide, previous }) => changelog(previous.parse(), toBookJson(guide)),
};
