/**
 * What changed between two editions: a pure comparison of two models in their serialised form (book.json,
 * src/model/book-json.ts), the recorded edition and the current book. Sections are matched by id; a
 * section's sentences are compared as sets, and a removed sentence that closely resembles an added one is
 * shown as a rewording with a word diff (the `diff` package). No I/O here: store.ts reads and writes editions.
 */
import { diffWords } from 'diff';
import type { BookJson } from '../model/book-json.js';
import { contentWords, similarity } from '../merge/sentences.js';

export interface WordChange {
  text: string;
  change: 'added' | 'removed' | 'same';
}

/** A removed sentence paired with the added one it most resembles, word by word. */
export interface Rewording {
  before: string;
  after: string;
  words: WordChange[];
}

/** A section in both editions whose sentences differ. */
export interface SectionChange {
  id: string;
  title: string;
  added: string[];
  removed: string[];
  reworded: Rewording[];
}

export interface Changelog {
  from: { number: number; date: string };
  to: { number: number; date: string };
  chapters: { added: string[]; removed: string[]; moved: string[] };
  sections: {
    added: { id: string; title: string }[];
    removed: { id: string; title: string }[];
    changed: SectionChange[];
  };
  glossaries: { added: string[]; removed: string[] };
  timeline: { added: string[]; removed: string[] };
  questions: { added: string[]; removed: string[] };
  conflicts: { added: string[]; resolved: string[] };
  /** Nothing differs. */
  empty: boolean;
}

type SectionJson = BookJson['chapters'][number]['sections'][number];

/** A removed sentence counts as reworded when its content words are at least this similar to an added one's. */
const REWORDED = 0.5;

function setDiff(before: string[], after: string[]): { added: string[]; removed: string[] } {
  const b = new Set(before);
  const a = new Set(after);
  return { added: after.filter((x) => !b.has(x)), removed: before.filter((x) => !a.has(x)) };
}

/** Chapters added and removed (by title), and those kept whose order among the kept ones changed. */
function chapterChanges(previous: BookJson, current: BookJson): Changelog['chapters'] {
  const before = previous.chapters.map((c) => c.title);
  const after = current.chapters.map((c) => c.title);
  const common = after.filter((t) => before.includes(t));
  const commonBefore = before.filter((t) => after.includes(t));
  const moved = common.filter((t, i) => commonBefore[i] !== t);
  return { ...setDiff(before, after), moved };
}

const sectionsById = (book: BookJson) =>
  new Map(book.chapters.flatMap((c) => c.sections.map((s) => [s.id, s] as const)));

/** Pair each removed sentence with the added one it most resembles, if any resembles it closely enough. */
function pairRewordings(added: string[], removed: string[]): Pick<SectionChange, 'added' | 'removed' | 'reworded'> {
  const unpaired = [...added];
  const dropped: string[] = [];
  const reworded: Rewording[] = [];
  for (const r of removed) {
    const rw = contentWords(r);
    let best = -1;
    let score = 0;
    unpaired.forEach((a, i) => {
      const sc = similarity(rw, contentWords(a));
      if (sc > score) [best, score] = [i, sc];
    });
    if (best >= 0 && score >= REWORDED) {
      const after = unpaired.splice(best, 1)[0]!;
      const words = diffWords(r, after).map((p): WordChange => ({
        text: p.value,
        change: p.added ? 'added' : p.removed ? 'removed' : 'same',
      }));
      reworded.push({ before: r, after, words });
    } else dropped.push(r);
  }
  return { added: unpaired, removed: dropped, reworded };
}

/** How a section in both editions changed, or undefined when its sentences are the same. */
function sectionChange(id: string, old: SectionJson, now: SectionJson): SectionChange | undefined {
  const d = setDiff(
    old.blocks.flatMap((b) => b.sentences),
    now.blocks.flatMap((b) => b.sentences),
  );
  if (!d.added.length && !d.removed.length) return undefined;
  return { id, title: now.title, ...pairRewordings(d.added, d.removed) };
}

function sectionChanges(previous: BookJson, current: BookJson): Changelog['sections'] {
  const before = sectionsById(previous);
  const after = sectionsById(current);
  const sections: Changelog['sections'] = { added: [], removed: [], changed: [] };
  for (const [id, s] of after) if (!before.has(id)) sections.added.push({ id, title: s.title });
  for (const [id, s] of before) if (!after.has(id)) sections.removed.push({ id, title: s.title });
  for (const [id, s] of after) {
    const old = before.get(id);
    const change = old && sectionChange(id, old, s);
    if (change) sections.changed.push(change);
  }
  return sections;
}

/** Each edition's study aids and conflicts as lines to compare. */
const glossaryEntries = (b: BookJson) => [
  ...b.glossaries.ambassadors.map((a) => `${a.name} (${a.post})`),
  ...b.glossaries.treaties.map((t) => t.name),
];
const timelineEvents = (b: BookJson) => b.glossaries.timeline.map((e) => `${e.date}: ${e.text}`);
const reviewQuestions = (b: BookJson) => b.questions.map((q) => q.question);
const conflictReadings = (b: BookJson) =>
  b.report.conflicts.map((c) => `${c.kind}: ${c.readings.map((r) => r.text).join(' / ')}`);

function isEmpty(log: Omit<Changelog, 'from' | 'to' | 'empty'>): boolean {
  const { chapters, sections, glossaries, timeline, questions, conflicts } = log;
  return [
    ...[chapters.added, chapters.removed, chapters.moved],
    ...[sections.added, sections.removed, sections.changed],
    ...[glossaries.added, glossaries.removed, timeline.added, timeline.removed, questions.added, questions.removed],
    ...[conflicts.added, conflicts.resolved],
  ].every((list) => !list.length);
}

/** What changed from the `previous` edition to the `current` book, both as book.json. */
export function changelog(previous: BookJson, current: BookJson): Changelog {
  const k = setDiff(conflictReadings(previous), conflictReadings(current));
  const changes = {
    chapters: chapterChanges(previous, current),
    sections: sectionChanges(previous, current),
    glossaries: setDiff(glossaryEntries(previous), glossaryEntries(current)),
    timeline: setDiff(timelineEvents(previous), timelineEvents(current)),
    questions: setDiff(reviewQuestions(previous), reviewQuestions(current)),
    conflicts: { added: k.added, resolved: k.removed },
  };
  return { from: previous.edition, to: current.edition, ...changes, empty: isEmpty(changes) };
}
