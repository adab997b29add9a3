/**
 * What changed between two editions: a pure comparison of two book.json snapshots. Sections are matched by
 * id; a section's sentences are compared as sets, and a removed sentence that closely resembles an added
 * one is shown as a rewording with a word diff (the `diff` package).
 */
import { diffWords } from 'diff';
import type { BookJson } from '../model/book-json.js';
import { contentWords, similarity } from '../merge/sentences.js';

export interface WordChange {
  text: string;
  change: 'added' | 'removed' | 'same';
}

export interface Changelog {
  from: { number: number; date: string };
  to: { number: number; date: string };
  chapters: { added: string[]; removed: string[]; moved: string[] };
  sections: {
    added: { id: string; title: string }[];
    removed: { id: string; title: string }[];
    changed: {
      id: string;
      title: string;
      added: string[];
      removed: string[];
      reworded: { before: string; after: string; words: WordChange[] }[];
    }[];
  };
  glossaries: { added: string[]; removed: string[] };
  timeline: { added: string[]; removed: string[] };
  questions: { added: string[]; removed: string[] };
  conflicts: { added: string[]; resolved: string[] };
  /** Nothing differs. */
  empty: boolean;
}

function setDiff(before: string[], after: string[]): { added: string[]; removed: string[] } {
  const b = new Set(before);
  const a = new Set(after);
  return { added: after.filter((x) => !b.has(x)), removed: before.filter((x) => !a.has(x)) };
}

export function changelog(previous: BookJson, current: BookJson): Changelog {
  const chaptersBefore = previous.chapters.map((c) => c.title);
  const chaptersAfter = current.chapters.map((c) => c.title);
  const chapterDiff = setDiff(chaptersBefore, chaptersAfter);
  const common = chaptersAfter.filter((t) => chaptersBefore.includes(t));
  const commonBefore = chaptersBefore.filter((t) => chaptersAfter.includes(t));
  const moved = common.filter((t, i) => commonBefore[i] !== t);

  const sectionsOf = (b: BookJson) => new Map(b.chapters.flatMap((c) => c.sections.map((s) => [s.id, s] as const)));
  const before = sectionsOf(previous);
  const after = sectionsOf(current);
  const sections: Changelog['sections'] = { added: [], removed: [], changed: [] };
  for (const [id, s] of after) if (!before.has(id)) sections.added.push({ id, title: s.title });
  for (const [id, s] of before) if (!after.has(id)) sections.removed.push({ id, title: s.title });
  for (const [id, s] of after) {
    const old = before.get(id);
    if (!old) continue;
    const d = setDiff(
      old.blocks.flatMap((b) => b.sentences),
      s.blocks.flatMap((b) => b.sentences),
    );
    if (!d.added.length && !d.removed.length) continue;
    // Pair a removed sentence with the added one it most resembles: a rewording, shown word by word.
    const reworded: Changelog['sections']['changed'][number]['reworded'] = [];
    const added = [...d.added];
    const removed: string[] = [];
    for (const r of d.removed) {
      const rw = contentWords(r);
      let best = -1;
      let score = 0;
      added.forEach((a, i) => {
        const sc = similarity(rw, contentWords(a));
        if (sc > score) [best, score] = [i, sc];
      });
      if (best >= 0 && score >= 0.5) {
        const after = added.splice(best, 1)[0]!;
        reworded.push({
          before: r,
          after,
          words: diffWords(r, after).map((p) => ({
            text: p.value,
            change: p.added ? 'added' : p.removed ? 'removed' : 'same',
          })),
        });
      } else removed.push(r);
    }
    sections.changed.push({ id, title: s.title, added, removed, reworded });
  }

  const entries = (b: BookJson) => [
    ...b.glossaries.ambassadors.map((a) => `${a.name} (${a.post})`),
    ...b.glossaries.treaties.map((t) => t.name),
  ];
  const events = (b: BookJson) => b.glossaries.timeline.map((e) => `${e.date}: ${e.text}`);
  const questions = (b: BookJson) => b.questions.map((q) => q.question);
  const conflicts = (b: BookJson) =>
    b.report.conflicts.map((c) => `${c.kind}: ${c.readings.map((r) => r.text).join(' / ')}`);
  const g = setDiff(entries(previous), entries(current));
  const t = setDiff(events(previous), events(current));
  const q = setDiff(questions(previous), questions(current));
  const k = setDiff(conflicts(previous), conflicts(current));
  const log: Changelog = {
    from: previous.edition,
    to: current.edition,
    chapters: { ...chapterDiff, moved },
    sections,
    glossaries: g,
    timeline: t,
    questions: q,
    conflicts: { added: k.added, resolved: k.removed },
    empty: false,
  };
  log.empty =
    !chapterDiff.added.length &&
    !chapterDiff.removed.length &&
    !moved.length &&
    !sections.added.length &&
    !sections.removed.length &&
    !sections.changed.length &&
    !g.added.length &&
    !g.removed.length &&
    !t.added.length &&
    !t.removed.length &&
    !q.added.length &&
    !q.removed.length &&
    !k.added.length &&
    !k.removed.length;
  return log;
}
