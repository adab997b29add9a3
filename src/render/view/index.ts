/**
 * The view model: what templates see. Built from the Book alone; block content is already sanitized HTML.
 * Templates never receive mdast and never see sources. Links are resolved for the target: one page
 * (HTML, print: `#id`) or an EPUB of several files (`file.xhtml#id`).
 */
import type {
  Ambassador,
  Block,
  Chapter,
  Citation,
  Provenance,
  SourceInfo,
  StudyGuide,
  TreatyStatus,
} from '../../model/index.js';
import { blockHtml, noteHtml } from './content.js';
import { allBlocks } from '../../model/index.js';
import { hasRightToLeft, isolateRightToLeft } from './blocks-hast.js';
import { linkMentions, type MentionAnchor } from './mentions.js';
import { PRINT, timelineFigure, type Figure } from './figure.js';
import { formatDate } from '../../util/dates.js';
import { shortLabel } from '../../util/words.js';
import { labelsFor, type Labels } from '../../util/labels.js';
import { directionOf } from '../../util/language.js';
import type { Changelog } from '../../editions/changelog.js';

export type ViewTarget = 'html' | 'epub';

export interface ViewNote {
  anchor: string;
  number: number;
  text: string;
  /** The ids of the note's calls, in text order: the note links back to each. */
  calls: string[];
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
  keyPoints: ViewKeyPoint[];
}

/** A key point with the notes of the sentence it comes from, and a link to where that sentence stands. */
export interface ViewKeyPoint {
  id: string;
  text: string;
  notes: { anchor: string; number: number }[];
  href: string;
}

export interface ViewQuestion {
  id: string;
  number: number;
  kind: StudyGuide['questions'][number]['kind'];
  question: string;
  answer: string;
  /** Multiple choice: the options, lettered in order (A, B, C …). */
  choices: { letter: string; text: string; correct: boolean }[];
  /** The sentence the answer stands in (the answer key quotes it), or ''. */
  quote: string;
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
  /** Apparatus mode `summary`: "Where the sources disagree", each note with a link to its sentence's block. */
  disagreements: { text: string; href: string }[];
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
  /** Quire's own words in the book's language (util/labels.ts). */
  labels: Labels;
  /** The direction the book's language is written in: the pages' `dir`. */
  dir: 'ltr' | 'rtl';
  paper: 'A4' | 'Letter';
  sources: ViewSource[];
  chapters: ViewChapter[];
  backMatter: { id: string; title: string; blocks: { id: string; html: string }[] }[];
  glossaries: {
    ambassadors: { post: string; entries: ViewAmbassador[] }[];
    treaties: ViewTreaty[];
    timeline: {
      id: string;
      date: string;
      precision: string;
      text: string;
      href: string;
      /** Other dates the sources give it, each with the sources' labels ("Revision of 24 June 2008"). */
      readings: { date: string; sources: string }[];
    }[];
  };
  answers: ViewQuestion[];
  index: {
    letter: string;
    /** `links`: one a section (to its first mention); `pageLinks`, print: every block's first and last mention. */
    entries: { id: string; term: string; kind: string; links: ViewLink[]; pageLinks: ViewLink[] }[];
  }[];
  /** The timeline figure: one or more parts (periods), each with its EPUB file name. */
  figure?: Omit<Figure, 'parts'> & { parts: (Figure['parts'][number] & { file: string })[] };
  /** The same figure laid out for the printed page: narrower parts that stand side by side. */
  printFigure?: Figure;
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
  /** What the text says the person did, in one line ("" when it only lists them). */
  role: string;
  disagreements: { field: string; readings: { value: string; where: string }[] }[];
  links: ViewLink[];
}

export interface ViewTreaty {
  id: string;
  name: string;
  aliases: string[];
  date: string;
  /** Where it stands, in the book's language ("Negotiated, never concluded"); empty when the text only names it. */
  status: string;
  /** Each step with its date ("Signed", "1932"; "Denounced or broken", "November 28, 1939"). */
  history: { step: string; date: string }[];
  parties: string[];
  /** States that joined it later, each with its date ("Italy (1937)"). */
  joined: string[];
  signatories: string[];
  /** Its protocols, secret or not, in the words of the text. */
  protocols: string[];
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

export interface ViewOptions {
  paper: 'A4' | 'Letter';
  assets: string;
  target?: ViewTarget;
  hyphenate?: (text: string) => string;
  changes?: Changelog;
  /** Where each of the book's images is found from this output, by its path (see `Book.assets`). */
  images?: ReadonlyMap<string, string>;
}

/** Where things stand, for links: each chapter's file, each block's chapter and section. */
interface Places {
  target: ViewTarget;
  chapterFile: Map<string, string>;
  blockChapter: Map<string, Chapter>;
  /** "Chapter" or "Chapter · Section": how a link to a block is labelled. */
  blockSection: Map<string, string>;
  /** A link to an element in a chapter, in the glossary, or on another study-aid page. */
  href: (id: string, file?: string) => string;
  toBlock: (blockId: string) => string;
}

function placesOf(book: StudyGuide, target: ViewTarget): Places {
  const chapterFile = new Map(book.chapters.map((c, i) => [c.id, `chapter-${String(i + 1).padStart(2, '0')}.xhtml`]));
  const blockChapter = new Map<string, Chapter>();
  const blockSection = new Map<string, string>();
  for (const c of book.chapters)
    for (const s of c.sections)
      for (const b of s.blocks) {
        blockChapter.set(b.id, c);
        blockSection.set(b.id, s.title === c.title ? c.title : `${c.title} · ${s.title}`);
      }
  const href = (id: string, file?: string) => (target === 'epub' && file ? `${file}#${id}` : `#${id}`);
  const toBlock = (blockId: string) => href(blockId, chapterFile.get(blockChapter.get(blockId)?.id ?? ''));
  return { target, chapterFile, blockChapter, blockSection, href, toBlock };
}

type BackLinks = (entryId: string, mentions: string[]) => ViewLink[];

/** The anchors of each entry's spans of a kind in each block (`entry|block`), in text order. */
function anchorsByPlace(anchors: MentionAnchor[], kind: MentionAnchor['kind']): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const a of anchors.filter((x) => x.kind === kind))
    out.set(`${a.entry}|${a.block}`, [...(out.get(`${a.entry}|${a.block}`) ?? []), a.anchor]);
  return out;
}

/**
 * One link per section that mentions an entry: to the linked first mention (`kind` undefined: the glossary's)
 * or the first marked mention (`index`) where there is one, else to the block.
 */
function backLinksFor(places: Places, anchors: MentionAnchor[], kind?: 'index'): BackLinks {
  const { href, toBlock, chapterFile, blockChapter, blockSection } = places;
  const anchorOf = anchorsByPlace(anchors, kind);
  return (entryId, mentions) => {
    const seen = new Set<string>();
    const out: ViewLink[] = [];
    for (const blockId of mentions) {
      const label = blockSection.get(blockId);
      if (!label || seen.has(label)) continue;
      seen.add(label);
      const anchor = anchorOf.get(`${entryId}|${blockId}`)?.[0];
      out.push({
        href: anchor ? href(anchor, chapterFile.get(blockChapter.get(blockId)!.id)) : toBlock(blockId),
        label,
      });
    }
    return out;
  };
}

/**
 * Print: every place the text names an index entry, for its page numbers (the template lists each page
 * once) — each block's first and last mention, or the block where no mention was found in it.
 */
function pageLinksFor(places: Places, anchors: MentionAnchor[]): BackLinks {
  const anchorOf = anchorsByPlace(anchors, 'index');
  return (entryId, mentions) =>
    [...new Set(mentions)]
      .filter((b) => places.blockSection.has(b))
      .flatMap((b) => anchorOf.get(`${entryId}|${b}`)?.map((a) => `#${a}`) ?? [places.toBlock(b)])
      .map((href) => ({ href, label: '' }));
}

type Question = StudyGuide['questions'][number];

function questionViewer(book: StudyGuide, places: Places, anchors: MentionAnchor[]): (q: Question) => ViewQuestion {
  const { href, toBlock, chapterFile, blockSection } = places;
  // Where the quoted sentence starts, where it was found in the block (print gives that page).
  const quoted = new Map(anchors.filter((a) => a.kind === 'quote').map((a) => [a.entry, a]));
  const sourceHref = (q: Question) => {
    const at = quoted.get(q.id);
    return at?.block === q.block ? href(at.anchor, chapterFile.get(at.chapter)) : toBlock(q.block);
  };
  const questionNumber = new Map(book.questions.map((q, i) => [q.id, i + 1]));
  return (q) => ({
    id: q.id,
    number: questionNumber.get(q.id)!,
    kind: q.kind,
    question: q.question,
    answer: q.answer,
    choices: (q.choices ?? []).map((text, i) => ({
      letter: String.fromCharCode(65 + i),
      text,
      correct: text === q.answer,
    })),
    quote: q.quote ?? '',
    answerHref: href(`ans-${q.id}`, FILES.answers),
    questionHref: href(q.id, chapterFile.get(q.chapter)),
    source: { href: sourceHref(q), label: blockSection.get(q.block) ?? '' },
  });
}

/** What a chapter's view needs besides the chapter: its blocks' linked nodes, notes, questions. */
interface ChapterParts {
  places: Places;
  /** Block nodes with first mentions linked (blocks without any are not in the map). */
  nodes: Map<string, Block['node']>;
  citations: Map<string, Citation>;
  /** Variant notes listed at the chapter's end (apparatus mode `summary`). */
  disagreements: NonNullable<StudyGuide['apparatus']>['notes'];
  questions: Question[];
  viewQuestion: (q: Question) => ViewQuestion;
  keyPoints: Map<string, StudyGuide['keyPoints']>;
  hyphenate?: (text: string) => string;
  images?: ReadonlyMap<string, string>;
}

function viewChapter(chapter: Chapter, number: number, parts: ChapterParts): ViewChapter {
  const { places, nodes, citations, hyphenate, images } = parts;
  const notePrefix = `${chapter.id}-`;
  const used: string[] = [];
  const calls = new Map<string, string[]>();
  const noteNumber = (id: string) => {
    const n = citations.get(id)?.number;
    if (n !== undefined && !used.includes(id)) used.push(id);
    return n;
  };
  const onCall = (id: string, callId: string) => calls.set(id, [...(calls.get(id) ?? []), callId]);
  const epub = places.target === 'epub';
  const sections = chapter.sections.map((s) => ({
    id: s.id,
    title: s.title,
    level: s.level,
    blocks: s.blocks.map((b) => ({
      id: b.id,
      kind: b.kind,
      html: blockHtml(nodes.get(b.id) ?? b.node, {
        notePrefix,
        noteNumber,
        callPrefix: `call-${b.id}`,
        onCall,
        hyphenate,
        epub,
        images,
      }),
    })),
    keyPoints: (parts.keyPoints.get(s.id) ?? []).map((k) => ({
      id: k.id,
      text: k.text,
      notes: k.citations.flatMap((id) => {
        const number = noteNumber(id);
        return number === undefined ? [] : [{ anchor: `${notePrefix}${id}`, number }];
      }),
      href: places.toBlock(k.block),
    })),
  }));
  const notes = used.map((id) => ({
    anchor: `${notePrefix}${id}`,
    number: citations.get(id)!.number,
    text: citations.get(id)!.text,
    html: noteHtml(citations.get(id)!.text),
    calls: calls.get(id) ?? [],
  }));
  return {
    id: chapter.id,
    number,
    title: chapter.title,
    runningHead: cssString(chapter.title),
    file: places.chapterFile.get(chapter.id)!,
    sections,
    subsections: sections.filter((s) => s.level > 2).map((s) => ({ id: s.id, title: s.title })),
    notes,
    disagreements: parts.disagreements
      .filter((n) => n.chapter === chapter.id)
      .map((n) => ({ text: n.text, href: places.toBlock(n.block) })),
    questions: parts.questions.filter((q) => q.chapter === chapter.id).map(parts.viewQuestion),
  };
}

/** What an ambassador's disagreement is about, in the book's language ("Sources differ (date): …"). */
const FIELD_LABEL = {
  name: 'differName',
  term: 'differTerm',
  membership: 'differMembership',
  date: 'differDate',
} as const satisfies Record<Ambassador['disagreements'][number]['field'], keyof Labels>;

/** The ambassadors grouped by post, in the order the posts first appear. */
function viewAmbassadors(book: StudyGuide, backLinks: BackLinks): View['glossaries']['ambassadors'] {
  const all = book.glossaries.ambassadors;
  const labels = labelsFor(book.meta.language);
  return [...new Set(all.map((a) => a.post))].map((post) => ({
    post,
    entries: all
      .filter((a) => a.post === post)
      .map((a) => ({
        id: a.id,
        name: a.name,
        aliases: a.aliases,
        term: a.term,
        post: a.post,
        // A sentence of its own: what the text says the person did is not part of the post ("Soviet ambassador
        // to Berlin. Sent to Kaunas as the Soviet special envoy.", not "…: sent to Kaunas").
        role: a.role ? roleSentence(a.role, book.meta.language) : '',
        disagreements: a.disagreements.map((d) => ({
          field: labels[FIELD_LABEL[d.field]],
          readings: d.readings.map((r) => ({ value: r.value, where: r.sources.map(where).join(', ') })),
        })),
        links: backLinks(a.id, a.mentions),
      })),
  }));
}

const STATUS_LABEL = {
  proposed: 'treatyProposed',
  negotiated: 'treatyNegotiated',
  signed: 'treatySigned',
  ratified: 'treatyRatified',
  denounced: 'treatyDenounced',
} as const satisfies Record<TreatyStatus, keyof Labels>;

/**
 * A span of two ISO dates of one precision as the language writes it, without repeating what both share
 * ("September 24 – October 3, 1939", "August–September 1933", "1933–1934").
 */
export function formatSpan(start: string, end: string, language: string): string {
  const parts = (iso: string) => iso.split('-').map(Number);
  const [a, b] = [parts(start), parts(end)];
  if (a.length !== b.length || a.length === 1) return `${formatDate(start, language)}–${formatDate(end, language)}`;
  const utc = ([y, m, d]: number[]) => new Date(Date.UTC(y!, m! - 1, d ?? 1));
  const format = new Intl.DateTimeFormat(language, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    ...(a.length === 3 ? { day: 'numeric' } : {}),
  });
  return format.formatRange(utc(a), utc(b));
}

/**
 * A label that lists an event's dates as the text writes them, with their year ("September 24, October 2,
 * October 3, 1939": three ultimatums; "1987, 1989": a signing and an entry into force): shown as it is, not as
 * the span from the first date to the last, which would hide the dates between and read as one period. A
 * single date ("October 3, 1939") or a range ("1930–1931") is no list.
 */
function datesListed(label: string): boolean {
  return /\d{4}/.test(label) && /,/.test(label) && !/[–—-]/.test(label) && !/^\p{L}+\.? \d{1,2}, \d{4}$/u.test(label);
}

/** A source as readers know it, by its id (the id itself for one the book does not list). */
const sourceLabel = (book: StudyGuide, id: string) => {
  const info = book.sources.find((s) => s.id === id);
  return info ? shortLabel(info) : id;
};

function viewGlossaries(book: StudyGuide, places: Places, backLinks: BackLinks): View['glossaries'] {
  const { language } = book.meta;
  const labels = labelsFor(language);
  const step = (status: TreatyStatus) => labels[STATUS_LABEL[status]];
  const treaties = book.glossaries.treaties.map((t) => ({
    id: t.id,
    // "German–Soviet Commercial Agreement (1939)" beside its date of signing: the year once.
    name: t.date ? t.name.replace(new RegExp(String.raw`\s*\(${Number(t.date.slice(0, 4))}\)$`), '') : t.name,
    aliases: t.aliases,
    date: t.date ? formatDate(t.date, language) : '',
    status: t.status ? step(t.status) : '',
    history: (t.history ?? []).map((h) => ({ step: step(h.status), date: h.date ? formatDate(h.date, language) : '' })),
    parties: t.parties,
    // "Italy (1937)": a state that joined later, with the year it did.
    joined: (t.joined ?? []).map((j) => (j.date ? `${j.party} (${formatDate(j.date, language)})` : j.party)),
    signatories: t.signatories,
    protocols: t.protocols ?? [],
    description: t.description,
    links: backLinks(t.id, t.mentions),
  }));
  const timeline = book.glossaries.timeline.map((e) => ({
    id: e.id,
    date: e.end ? (datesListed(e.label) ? e.label : formatSpan(e.date, e.end, language)) : formatDate(e.date, language),
    precision: e.precision,
    text: e.text,
    href: places.toBlock(e.block),
    readings: (e.readings ?? []).map((r) => ({
      date: formatDate(r.date, language),
      sources: r.sources.map((id) => sourceLabel(book, id)).join(', '),
    })),
  }));
  return { ambassadors: viewAmbassadors(book, backLinks), treaties, timeline };
}

/** The index by first letter (of the term without diacritics). */
function viewIndex(book: StudyGuide, backLinks: BackLinks, pageLinks: BackLinks): View['index'] {
  const letters = new Map<string, View['index'][number]['entries']>();
  for (const entry of book.index) {
    const letter = entry.term.normalize('NFKD').charAt(0).toUpperCase();
    const list = letters.get(letter) ?? [];
    list.push({
      id: entry.id,
      term: entry.term,
      kind: entry.kind,
      links: backLinks(entry.id, entry.mentions),
      pageLinks: pageLinks(entry.id, entry.mentions),
    });
    letters.set(letter, list);
  }
  return [...letters.entries()].map(([letter, entries]) => ({ letter, entries }));
}

function viewSources(book: StudyGuide): ViewSource[] {
  return book.sources.map((s) => ({
    id: s.id,
    file: s.file,
    format: s.readerLabel,
    label: s.label ?? s.title ?? s.file,
    revision: s.revision,
  }));
}

function viewBackMatter(book: StudyGuide, images?: ReadonlyMap<string, string>): View['backMatter'] {
  return book.backMatter.map((b) => ({
    id: b.id,
    title: b.title,
    blocks: b.blocks.map((block) => ({
      id: block.id,
      html: blockHtml(block.node, { notePrefix: `${b.id}-`, noteNumber: () => undefined, images }),
    })),
  }));
}

export function buildView(book: StudyGuide, options: ViewOptions): View {
  const target = options.target ?? 'html';
  const places = placesOf(book, target);
  const { nodes, anchors } = linkMentions(book, (entryId) => places.href(entryId, FILES.glossary));
  const backLinks = backLinksFor(places, anchors);
  const viewQuestion = questionViewer(book, places, anchors);
  const parts: ChapterParts = {
    places,
    nodes,
    // Variant notes (apparatus mode `notes`) are notes like citations: same markers, lists and pop-ups.
    citations: new Map<string, Citation>([
      ...book.citations.map((c): [string, Citation] => [c.id, c]),
      ...(book.apparatus?.mode === 'notes' ? book.apparatus.notes : []).map((n): [string, Citation] => [
        n.id,
        { id: n.id, number: n.number, text: n.text, sources: n.readings[0]!.sources },
      ]),
    ]),
    disagreements: book.apparatus?.mode === 'summary' ? book.apparatus.notes : [],
    questions: book.questions,
    viewQuestion,
    keyPoints: groupBy(book.keyPoints, (k) => k.section),
    hyphenate: options.hyphenate,
    images: options.images,
  };
  const g = book.glossaries;
  const glossaries = viewGlossaries(book, places, backLinks);
  const index = viewIndex(book, backLinksFor(places, anchors, 'index'), pageLinksFor(places, anchors));
  const figure = timelineFigure(book);
  // On paper, narrower parts side by side (figure.ts, PRINT); the screen's and e-reader's are phone-wide.
  const printFigure = target === 'epub' ? undefined : timelineFigure(book, PRINT);
  const view: View = {
    meta: book.meta,
    labels: labelsFor(book.meta.language),
    dir: directionOf(book.meta.language),
    paper: options.paper,
    assets: options.assets,
    files: FILES,
    print: false,
    pages: {},
    epub: target === 'epub',
    changes: options.changes && !options.changes.empty ? options.changes : null,
    sources: viewSources(book),
    chapters: book.chapters.map((chapter, i) => viewChapter(chapter, i + 1, parts)),
    backMatter: viewBackMatter(book, options.images),
    glossaries,
    answers: book.questions.map(viewQuestion),
    index,
    figure: figure
      ? {
          ...figure,
          parts: figure.parts.map((p, i) => ({ ...p, file: FILES.figure.replace('.svg', `-${i + 1}.svg`) })),
        }
      : undefined,
    printFigure,
    has: {
      ambassadors: g.ambassadors.length > 0,
      treaties: g.treaties.length > 0,
      timeline: g.timeline.length > 0,
      questions: book.questions.length > 0,
      index: book.index.length > 0,
    },
  };
  // Right-to-left words in left-to-right text ("(Urdu: انور کمال خان; 19 November 1946"): the plain texts of
  // key points, lines and questions isolate them, as the chapters' HTML does with `<bdi>`. A book written right
  // to left needs no such isolation: its own words and labels run its way.
  const isolate = view.dir === 'ltr' && allBlocks(book).some((b) => hasRightToLeft(b.text));
  return isolate ? isolatedTexts(view) : view;
}

/** Every plain text of a view with its right-to-left runs isolated; markup (HTML, SVG) is left as it is. */
function isolatedTexts<T>(value: T): T {
  // Markup and web addresses stay as they are.
  if (typeof value === 'string') return (/<|:\/\//.test(value) ? value : isolateRightToLeft(value)) as T;
  if (Array.isArray(value)) return value.map(isolatedTexts) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isolatedTexts(v)])) as T;
  return value;
}

/** A role line as a sentence: its first letter in capitals, a full stop at its end. */
function roleSentence(role: string, language: string): string {
  const text = role.trim();
  const first = text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
  return /[.!?…]$/.test(first) ? first : `${first}.`;
}

function groupBy<T>(list: T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list) out.set(key(x), [...(out.get(key(x)) ?? []), x]);
  return out;
}

/** A CSS string literal that cannot close its rule or the style element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}
