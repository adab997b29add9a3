/**
 * The view model: what templates see. Built from the Book alone; block content is already sanitized HTML.
 * Templates never receive mdast and never see sources.
 */
import type { Book, Chapter, SourceInfo } from '../model.js';
import { blockHtml } from './content.js';

export interface ViewNote {
  anchor: string;
  number: number;
  text: string;
}

export interface ViewSection {
  id: string;
  title: string;
  level: number;
  blocks: { id: string; kind: string; html: string }[];
  keyPoints: { id: string; text: string }[];
}

export interface ViewChapter {
  id: string;
  number: number;
  title: string;
  /** The title as a CSS string literal, for running heads in `@page` rules. */
  runningHead: string;
  /** File name of the chapter in the EPUB. */
  file: string;
  sections: ViewSection[];
  notes: ViewNote[];
}

export interface ViewSource {
  id: string;
  file: string;
  format: string;
  label: string;
  revision?: SourceInfo['revision'];
}

export interface View {
  meta: Book['meta'];
  paper: 'A4' | 'Letter';
  sources: ViewSource[];
  chapters: ViewChapter[];
  backMatter: { id: string; title: string; blocks: { id: string; html: string }[] }[];
  glossaries: Book['glossaries'];
  /** Path prefix of assets (CSS, fonts) relative to the HTML file. */
  assets: string;
}

const FORMAT_LABELS: Record<string, string> = {
  wikitext: 'MediaWiki wikitext',
  'wikitext-dump': 'MediaWiki wikitext (database dump)',
  'plain-text': 'plain text',
  'cited-sentences': 'key sentences with citation markers',
  markdown: 'Markdown',
};

export function buildView(book: Book, options: { paper: 'A4' | 'Letter'; assets: string }): View {
  const numberOf = new Map(book.citations.map((c) => [c.id, c.number]));
  const citationById = new Map(book.citations.map((c) => [c.id, c]));
  const chapters = book.chapters.map((chapter, i) => viewChapter(chapter, i + 1));

  function viewChapter(chapter: Chapter, number: number): ViewChapter {
    const notePrefix = `${chapter.id}-`;
    const used: string[] = [];
    const noteNumber = (id: string) => {
      const n = numberOf.get(id);
      if (n !== undefined && !used.includes(id)) used.push(id);
      return n;
    };
    const sections = chapter.sections.map((s) => ({
      id: s.id,
      title: s.title,
      level: s.level,
      blocks: s.blocks.map((b) => ({ id: b.id, kind: b.kind, html: blockHtml(b.node, { notePrefix, noteNumber }) })),
      keyPoints: s.keyPoints.map((k) => ({ id: k.id, text: k.text })),
    }));
    const notes = used.map((id) => ({ anchor: `${notePrefix}${id}`, number: numberOf.get(id)!, text: citationById.get(id)!.text }));
    return { id: chapter.id, number, title: chapter.title, runningHead: cssString(chapter.title), file: `chapter-${String(number).padStart(2, '0')}.xhtml`, sections, notes };
  }

  return {
    meta: book.meta,
    paper: options.paper,
    assets: options.assets,
    sources: book.sources.map((s) => ({
      id: s.id,
      file: s.file,
      format: FORMAT_LABELS[s.format] ?? s.format,
      label: s.label ?? s.title ?? s.file,
      revision: s.revision,
    })),
    chapters,
    backMatter: book.backMatter.map((b) => ({
      id: b.id,
      title: b.title,
      blocks: b.blocks.map((block) => ({ id: block.id, html: blockHtml(block.node, { notePrefix: `${b.id}-`, noteNumber: () => undefined }) })),
    })),
    glossaries: book.glossaries,
  };
}

/** A CSS string literal that cannot close its rule or the style element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}
