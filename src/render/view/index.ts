/**
 * The view model: what templates see. Built from the Book alone; block content is already sanitized HTML.
 * Templates never receive mdast and never see sources. Links are resolved for the target: one page
 * (HTML, print: `#id`) or an EPUB of several files (`file.xhtml#id`).
 */
import type { StudyGuide, Chapter, SourceInfo, Provenance } from '../../model/index.js';
import { blockHtml } from './content.js';
import { linkMentions } from './mentions.js';
import { timelineFigure } from './figure.js';
import { formatDate } from '../../util/dates.js';
import type { Changelog } from '../../editions/changelog.js';

export type ViewTarget = 'html' | 'epub';

export interface ViewNote {
  anchor: string;
  number: number;
  text: string;
}

export interface ViewLink {
  href: string;
  label: string;
}

export interface ViewSection {
  id: string;
  title: string;
  level: number;
  blocks: { id: string; kind: string; html: string }[];
  keyPoints: { id: string; text: string }[];
}

export interface ViewQuestion {
  id: string;
  number: number;
  question: string;
  answer: string;
  /** From the question to its answer, and back. */
  answerHref: string;
  questionHref: string;
  /** Where the answer stands in the text. */
  source: ViewLink;
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
  /** Sections below the chapter's opening text, for tables of contents. */
  subsections: { id: string; title: string }[];
  notes: ViewNote[];
  questions: ViewQuestion[];
}

export interface ViewSource {
  id: string;
  file: string;
  format: string;
  label: string;
  revision?: SourceInfo['revision'];
}

export interface View {
  meta: StudyGuide['meta'];
  paper: 'A4' | 'Letter';
  sources: ViewSource[];
  chapters: ViewChapter[];
  backMatter: { id: string; title: string; blocks: { id: string; html: string }[] }[];
  glossaries: {
    ambassadors: { post: string; entries: ViewAmbassador[] }[];
    treaties: ViewTreaty[];
    timeline: { id: string; date: string; precision: string; text: string; href: string }[];
  };
  answers: ViewQuestion[];
  index: { letter: string; entries: { id: string; term: string; kind: string; links: ViewLink[] }[] }[];
  figure?: { svg: string; alt: string; file: string };
  /** Which study-aid pages exist (templates show only these). */
  has: { ambassadors: boolean; treaties: boolean; timeline: boolean; questions: boolean; index: boolean };
  /** Path prefix of assets (CSS, fonts) relative to the HTML file. */
  assets: string;
  /** EPUB file names of the study-aid pages. */
  files: typeof FILES;
  /** Print only: the page of each linked id (empty until the first PDF pass has measured them). */
  print: boolean;
  pages: Record<string, number>;
  /** EPUB only: templates add epub:type semantics. */
  epub: boolean;
  /** For a release: what changed since the previous recorded edition (else null). */
  changes: Changelog | null;
}

export interface ViewAmbassador {
  id: string;
  name: string;
  aliases: string[];
  term: string;
  post: string;
  disagreements: { field: string; readings: { value: string; where: string }[] }[];
  links: ViewLink[];
}

export interface ViewTreaty {
  id: string;
  name: string;
  aliases: string[];
  date: string;
  parties: string[];
  signatories: string[];
  description: string;
  links: ViewLink[];
}

export const FILES = {
  glossary: 'glossary.xhtml',
  timeline: 'timeline.xhtml',
  answers: 'answers.xhtml',
  index: 'index.xhtml',
  figure: 'timeline.svg',
} as const;

const where = (p: Provenance) => `${p.file}:${p.line}`;

export function buildView(
  book: StudyGuide,
  options: {
    paper: 'A4' | 'Letter';
    assets: string;
    target?: ViewTarget;
    hyphenate?: (text: string) => string;
    changes?: Changelog;
  },
): View {
  const target = options.target ?? 'html';
  const hyphenate = options.hyphenate;
  const chapterFile = new Map(book.chapters.map((c, i) => [c.id, `chapter-${String(i + 1).padStart(2, '0')}.xhtml`]));
  const blockChapter = new Map<string, Chapter>();
  const blockSection = new Map<string, string>();
  for (const c of book.chapters)
    for (const s of c.sections)
      for (const b of s.blocks) {
        blockChapter.set(b.id, c);
        blockSection.set(b.id, s.title === c.title ? c.title : `${c.title} · ${s.title}`);
      }
  /** A link to an element in a chapter, in the glossary, or on another study-aid page. */
  const href = (id: string, file?: string) => (target === 'epub' && file ? `${file}#${id}` : `#${id}`);
  const toBlock = (blockId: string) => href(blockId, chapterFile.get(blockChapter.get(blockId)?.id ?? ''));

  const { nodes, anchors } = linkMentions(book, (entryId) => href(entryId, FILES.glossary));
  const anchorOf = new Map(anchors.map((a) => [`${a.entry}|${a.block}`, a.anchor]));
  /** One link per section that mentions an entry: to the linked first mention where there is one. */
  const backLinks = (entryId: string, mentions: string[]): ViewLink[] => {
    const seen = new Set<string>();
    const out: ViewLink[] = [];
    for (const blockId of mentions) {
      const label = blockSection.get(blockId);
      if (!label || seen.has(label)) continue;
      seen.add(label);
      const anchor = anchorOf.get(`${entryId}|${blockId}`);
      out.push({
        href: anchor ? href(anchor, chapterFile.get(blockChapter.get(blockId)!.id)) : toBlock(blockId),
        label,
      });
    }
    return out;
  };

  const numberOf = new Map(book.citations.map((c) => [c.id, c.number]));
  const citationById = new Map(book.citations.map((c) => [c.id, c]));
  const questionNumber = new Map(book.questions.map((q, i) => [q.id, i + 1]));
  const viewQuestion = (q: StudyGuide['questions'][number]): ViewQuestion => ({
    id: q.id,
    number: questionNumber.get(q.id)!,
    question: q.question,
    answer: q.answer,
    answerHref: href(`ans-${q.id}`, FILES.answers),
    questionHref: href(q.id, chapterFile.get(q.chapter)),
    source: { href: toBlock(q.block), label: blockSection.get(q.block) ?? '' },
  });

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
      blocks: s.blocks.map((b) => ({
        id: b.id,
        kind: b.kind,
        html: blockHtml(nodes.get(b.id) ?? b.node, { notePrefix, noteNumber, hyphenate, epub: target === 'epub' }),
      })),
      keyPoints: s.keyPoints.map((k) => ({ id: k.id, text: k.text })),
    }));
    const notes = used.map((id) => ({
      anchor: `${notePrefix}${id}`,
      number: numberOf.get(id)!,
      text: citationById.get(id)!.text,
    }));
    return {
      id: chapter.id,
      number,
      title: chapter.title,
      runningHead: cssString(chapter.title),
      file: chapterFile.get(chapter.id)!,
      sections,
      subsections: sections.filter((s) => s.level > 2).map((s) => ({ id: s.id, title: s.title })),
      notes,
      questions: book.questions.filter((q) => q.chapter === chapter.id).map(viewQuestion),
    };
  }

  const g = book.glossaries;
  const posts = [...new Set(g.ambassadors.map((a) => a.post))];
  const ambassadors = posts.map((post) => ({
    post,
    entries: g.ambassadors
      .filter((a) => a.post === post)
      .map((a) => ({
        id: a.id,
        name: a.name,
        aliases: a.aliases,
        term: a.term,
        post: a.post,
        disagreements: a.disagreements.map((d) => ({
          field: d.field,
          readings: d.readings.map((r) => ({ value: r.value, where: r.sources.map(where).join(', ') })),
        })),
        links: backLinks(a.id, a.mentions),
      })),
  }));
  const treaties = g.treaties.map((t) => ({
    id: t.id,
    name: t.name,
    aliases: t.aliases,
    date: t.date ? formatDate(t.date, book.meta.language) : '',
    parties: t.parties,
    signatories: t.signatories,
    description: t.description,
    links: backLinks(t.id, t.mentions),
  }));
  const timeline = g.timeline.map((e) => ({
    id: e.id,
    date: e.end
      ? `${formatDate(e.date, book.meta.language)}–${formatDate(e.end, book.meta.language)}`
      : formatDate(e.date, book.meta.language),
    precision: e.precision,
    text: e.text,
    href: toBlock(e.block),
  }));
  const letters = new Map<string, View['index'][number]['entries']>();
  for (const entry of book.index) {
    const letter = entry.term.normalize('NFKD').charAt(0).toUpperCase();
    const list = letters.get(letter) ?? [];
    list.push({ id: entry.id, term: entry.term, kind: entry.kind, links: backLinks(entry.id, entry.mentions) });
    letters.set(letter, list);
  }
  const figure = timelineFigure(book);

  return {
    meta: book.meta,
    paper: options.paper,
    assets: options.assets,
    files: FILES,
    print: false,
    pages: {},
    epub: target === 'epub',
    changes: options.changes && !options.changes.empty ? options.changes : null,
    sources: book.sources.map((s) => ({
      id: s.id,
      file: s.file,
      format: s.readerLabel,
      label: s.label ?? s.title ?? s.file,
      revision: s.revision,
    })),
    chapters: book.chapters.map((chapter, i) => viewChapter(chapter, i + 1)),
    backMatter: book.backMatter.map((b) => ({
      id: b.id,
      title: b.title,
      blocks: b.blocks.map((block) => ({
        id: block.id,
        html: blockHtml(block.node, { notePrefix: `${b.id}-`, noteNumber: () => undefined }),
      })),
    })),
    glossaries: { ambassadors, treaties, timeline },
    answers: book.questions.map(viewQuestion),
    index: [...letters.entries()].map(([letter, entries]) => ({ letter, entries })),
    figure: figure ? { ...figure, file: FILES.figure } : undefined,
    has: {
      ambassadors: g.ambassadors.length > 0,
      treaties: g.treaties.length > 0,
      timeline: g.timeline.length > 0,
      questions: book.questions.length > 0,
      index: book.index.length > 0,
    },
  };
}

/** A CSS string literal that cannot close its rule or the style element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}
