/**
 * Review questions, generated from the extracted facts: who held a post when, when a treaty was signed
 * and by whom, what happened on a date. Each question belongs to the chapter where its answer stands.
 */
import type { ReviewQuestion, StudyGuide } from '../model/index.js';
import { blockIndex } from './text.js';
import { formatDate } from '../util/dates.js';

const PER_CHAPTER = 6;

export function generateQuestions(book: StudyGuide): ReviewQuestion[] {
  const where = blockIndex(book);
  const byChapter = new Map<string, ReviewQuestion[]>();
  const add = (q: Omit<ReviewQuestion, 'id' | 'chapter'>) => {
    const ref = where.get(q.block);
    if (!ref) return;
    const list = byChapter.get(ref.chapter.id) ?? [];
    if (list.length >= PER_CHAPTER || list.some((x) => x.question === q.question)) return;
    list.push({ ...q, id: '', chapter: ref.chapter.id });
    byChapter.set(ref.chapter.id, list);
  };
  const locale = book.meta.language;

  for (const t of book.glossaries.treaties) {
    if (!t.date || !t.mentions.length) continue;
    const block =
      t.mentions.find((id) => where.get(id)?.block.text.includes(t.description.slice(0, 40))) ?? t.mentions[0]!;
    const by = t.signatories.length ? `, and by whom` : '';
    const answer = `${formatDate(t.date, locale)}${t.signatories.length ? `, by ${t.signatories.join(' and ')}` : ''}.`;
    add({ question: `When was the ${t.name} signed${by}?`, answer, block, entry: t.id });
  }
  for (const a of book.glossaries.ambassadors) {
    if (!a.term || !a.mentions.length) continue;
    const listBlock = a.mentions.find((id) => where.get(id)?.block.kind === 'list') ?? a.mentions[0]!;
    add({
      question: `Who was the ${a.post} in ${a.term}?`,
      answer: `${a.name}${a.aliases.length ? ` (also written ${a.aliases.join(', ')})` : ''}.`,
      block: listBlock,
      entry: a.id,
    });
  }
  for (const e of book.glossaries.timeline) {
    if (e.precision !== 'day') continue;
    add({ question: `What happened on ${formatDate(e.date, locale)}?`, answer: e.text, block: e.block, entry: e.id });
  }

  // In book order: chapter by chapter, then as generated.
  const out: ReviewQuestion[] = [];
  for (const chapter of book.chapters) out.push(...(byChapter.get(chapter.id) ?? []));
  return out.map((q, i) => ({ ...q, id: `q-${i + 1}` }));
}
