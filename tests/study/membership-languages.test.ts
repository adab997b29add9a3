/**
 * A list member one source has and another lacks, in a guide in German: the question's answer and the
 * ambassadors' glossary say "aufgeführt" / "nicht aufgeführt", not the merge's English "listed" / "not listed".
 */
import { describe, expect, it } from 'vitest';
import { mergeSources } from '../../src/merge/index.js';
import { addStudyAids } from '../../src/study/index.js';
import { parseText, TEST_META } from '../support/content.js';

const list = (members: string[]) =>
  ['= Gesandte =', 'Die Gesandten der Stadt Norvik in Kessel waren:', ...members.map((m) => `* ${m}`)].join('\n');

describe('a list member one source lacks, in German', () => {
  const later = parseText(list(['Anna Berg (1880–1884)', 'Karel Brant (1884–1890)']), 'later.wiki', {
    priority: 2,
    label: 'Spätere Fassung',
  });
  const older = parseText(
    list(['Anna Berg (1880–1884)', 'Karel Brant (1884–1890)', 'Olaf Rind (1890–1895)']),
    'older.wiki',
    { priority: 1, label: 'Ältere Fassung' },
  );
  const guide = addStudyAids(mergeSources([later, older], { ...TEST_META, language: 'de' }));

  it('is recorded by the merge', () => {
    expect(guide.report.conflicts.some((c) => c.kind === 'membership' && c.differs[0]?.includes('Olaf Rind'))).toBe(
      true,
    );
  });

  it('is answered in German', () => {
    const q = guide.questions.find((x) => x.kind === 'disagreement' && x.question.includes('Olaf Rind'));
    expect(q?.answer).toMatch(/„aufgeführt“ \(Ältere Fassung\).*„nicht aufgeführt“ \(Spätere Fassung\)/);
    expect(q?.answer).not.toMatch(/listed/);
  });
});

describe('an envoy one source lists and another does not, in a German guide', () => {
  it('shows "nicht aufgeführt" in the ambassadors’ glossary', () => {
    const envoys = (members: string[]) =>
      [
        '= Diplomatie =',
        'Die Stadt Norvik sandte Gesandte nach Kessel.',
        '== Norvanian ambassadors to Kessel ==',
        ...members.map((m) => `* ${m}`),
      ].join('\n');
    const later = parseText(envoys(['Anna Berg (1880–1884)', 'Karel Brant (1884–1890)']), 'later.wiki', {
      priority: 2,
    });
    const older = parseText(
      envoys(['Anna Berg (1880–1884)', 'Olaf Rind (1882)', 'Karel Brant (1884–1890)']),
      'older.wiki',
      { priority: 1 },
    );
    const guide = addStudyAids(mergeSources([later, older], { ...TEST_META, language: 'de' }));
    const rind = guide.glossaries.ambassadors.find((a) => a.name === 'Olaf Rind');
    expect(rind?.disagreements.map((d) => d.readings.map((r) => r.value))).toEqual([
      ['Olaf Rind (1882)', 'nicht aufgeführt'],
    ]);
  });
});
