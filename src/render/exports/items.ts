/**
 * The review questions as the exports see them: one item per question with where its answer stands
 * ("Chapter · Section"), the quoted sentence, and for a cloze question the sentence cut around its answer.
 * Every export (GIFT, QTI, Anki, CSV) is a pure function of these items: same guide, same bytes.
 */
import type { ReviewQuestion, StudyGuide } from '../../model/index.js';
import { slugify } from '../../util/slug.js';

export interface ExportItem {
  id: string;
  number: number;
  kind: ReviewQuestion['kind'];
  chapter: { id: string; title: string };
  /** "Chapter · Section": where the answer stands. */
  where: string;
  question: string;
  answer: string;
  /** Multiple choice: every option, the answer among them. */
  choices: string[];
  /** A cloze question's sentence around its answer (the answer stands once in it). */
  cloze?: { before: string; answer: string; after: string };
  /** The sentence the answer stands in ('' for an editor's question). */
  quote: string;
}

export interface ExportSet {
  title: string;
  /** An identifier for the set: letters, digits and dashes. */
  slug: string;
  language: string;
  items: ExportItem[];
}

function clozeOf(q: ReviewQuestion): ExportItem['cloze'] {
  if (q.kind !== 'cloze' || !q.quote) return undefined;
  const at = q.quote.indexOf(q.answer);
  if (at < 0 || q.quote.indexOf(q.answer, at + 1) >= 0) return undefined;
  return { before: q.quote.slice(0, at), answer: q.answer, after: q.quote.slice(at + q.answer.length) };
}

export function exportSet(guide: StudyGuide): ExportSet {
  const where = new Map<string, string>();
  for (const c of guide.chapters)
    for (const s of c.sections)
      for (const b of s.blocks) where.set(b.id, s.title === c.title ? c.title : `${c.title} · ${s.title}`);
  const chapters = new Map(guide.chapters.map((c) => [c.id, { id: c.id, title: c.title }]));
  const items = guide.questions.map((q, i) => ({
    id: q.id,
    number: i + 1,
    kind: q.kind,
    chapter: chapters.get(q.chapter) ?? { id: q.chapter, title: q.chapter },
    where: where.get(q.block) ?? chapters.get(q.chapter)?.title ?? '',
    question: q.question,
    answer: q.answer,
    choices: q.choices ?? [],
    cloze: clozeOf(q),
    quote: q.quote ?? '',
  }));
  return { title: guide.meta.title, slug: slugify(guide.meta.title), language: guide.meta.language, items };
}

/** The answer with the sentence it stands in and where: the feedback every export gives. */
export function explanation(item: ExportItem): string {
  const quote = item.quote && item.kind !== 'disagreement' ? ` — “${item.quote}”` : '';
  return `${item.answer}${quote}${item.where ? ` (${item.where})` : ''}`;
}

/** Text on one line: exports separate records by line. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/\t/g, ' ');
}
