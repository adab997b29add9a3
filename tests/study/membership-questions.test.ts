/**
 * A name one source writes in a sentence's enumeration and another leaves out is asked about as a name the
 * sources disagree on, quoting the sentence: "Do all the sources list … under …?" is for lists, and would
 * call a sentence of prose a list.
 */
import { describe, expect, it } from 'vitest';
import { mergeSources } from '../../src/merge/index.js';
import { addStudyAids } from '../../src/study/index.js';
import { parseText, TEST_META } from '../support/content.js';

const wiki = (lines: string[], file: string, priority: number, label: string) =>
  parseText(lines.join('\n'), file, { priority, label });

describe('a name one source adds to a sentence’s enumeration', () => {
  const sentence = (towns: string) =>
    `In 1881, after a long war with the northern league, the council recognised the charters of ${towns}.`;
  const later = wiki(['= Charters =', sentence('Kessel, Lund and Orsa')], 'later.wiki', 2, 'Later revision');
  const older = wiki(['= Charters =', sentence('Kessel, Lund, Orsa and Varde')], 'older.wiki', 1, 'Older revision');
  const guide = addStudyAids(mergeSources([later, older], TEST_META));

  it('is recorded as a membership disagreement of the sentence', () => {
    const c = guide.report.conflicts.find((x) => x.kind === 'membership');
    expect(c?.differs).toEqual(['Varde']);
  });

  it('is asked as a name the sources disagree on in that sentence, not as a list', () => {
    const q = guide.questions.find((x) => x.kind === 'disagreement' && /Varde/.test(x.answer));
    // The sentence as the book prints it (the later revision's, without Varde).
    expect(q?.question).toContain(`“${sentence('Kessel, Lund and Orsa')}”`);
    expect(q?.quote).toBe(sentence('Kessel, Lund and Orsa'));
    expect(q?.question).not.toMatch(/list/);
    expect(q?.answer).toContain('(Older revision)');
    expect(q?.answer).toContain('(Later revision)');
  });
});
