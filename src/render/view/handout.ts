/** Views for print extras: one chapter as a self-contained handout, and duplex blank pages. */
import type { StudyGuide } from '../../model/index.js';
import type { View, ViewChapter } from './index.js';

/**
 * A chapter as a handout: the chapter, and only the glossary entries and timeline events it mentions
 * (their links back to other chapters are dropped: a handout stands alone).
 */
export function handoutView(
  view: View,
  chapter: ViewChapter,
  book: StudyGuide,
): View & { chapter: ViewChapter; handout: { number: number; of: number } } {
  const blocks = new Set(
    book.chapters.find((c) => c.id === chapter.id)!.sections.flatMap((s) => s.blocks.map((b) => b.id)),
  );
  const mentioned = (mentions: string[]) => mentions.some((m) => blocks.has(m));
  const amb = new Set(book.glossaries.ambassadors.filter((a) => mentioned(a.mentions)).map((a) => a.id));
  const tre = new Set(book.glossaries.treaties.filter((t) => mentioned(t.mentions)).map((t) => t.id));
  const ambassadors = view.glossaries.ambassadors
    .map((g) => ({ post: g.post, entries: g.entries.filter((e) => amb.has(e.id)).map((e) => ({ ...e, links: [] })) }))
    .filter((g) => g.entries.length);
  const treaties = view.glossaries.treaties.filter((t) => tre.has(t.id)).map((t) => ({ ...t, links: [] }));
  const timeline = view.glossaries.timeline.filter(
    (e) => blocks.has(e.href.replace(/^.*#/, '')) && e.precision !== 'year',
  );
  return {
    ...view,
    chapter,
    chapters: [chapter],
    handout: { number: chapter.number, of: view.chapters.length },
    glossaries: { ambassadors, treaties, timeline },
    answers: [],
    index: [],
    figure: undefined,
    backMatter: [],
    has: {
      ambassadors: ambassadors.length > 0,
      treaties: treaties.length > 0,
      timeline: timeline.length > 0,
      questions: chapter.questions.length > 0,
      index: false,
    },
  };
}

/** The parts of the printed book that start on a right-hand page in duplex (back-matter lists run on). */
export function partIds(view: View): string[] {
  return [
    ...view.chapters.map((c) => c.id),
    ...(view.has.ambassadors ? ['glossary-ambassadors'] : []),
    ...(view.has.treaties ? ['glossary-treaties'] : []),
    ...(view.has.timeline ? ['timeline'] : []),
    ...(view.has.questions ? ['answer-key'] : []),
    ...(view.has.index ? ['index'] : []),
  ];
}

/**
 * Duplex: which parts need a blank page before them so that they start on a right-hand (odd) page, given
 * where they start without blank pages. Each blank page shifts the parts after it by one.
 */
export function blanksBefore(parts: string[], pages: Record<string, number>): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  let shift = 0;
  for (const id of parts) {
    const page = pages[id];
    if (page === undefined) continue;
    if ((page + shift) % 2 === 0) {
      out[id] = true;
      shift++;
    }
  }
  return out;
}
