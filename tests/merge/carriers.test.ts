/**
 * Every source that reads a figure is named with it: where two sources disagree on a date, a third whose
 * sentence is worded otherwise (a bracket left out) but reads the same date is counted for that reading.
 */
import { describe, expect, it } from 'vitest';
import { mergeSources } from '../../src/merge/index.js';
import { parseText, TEST_META } from '../support/content.js';

const wiki = (text: string, file: string, priority: number) =>
  parseText(`= Talks =\n${text}\n`, file, { priority, label: file });

describe('the sources of a reading in a disagreement', () => {
  const later = wiki(
    'In April 1881, the council of Norvik opened the harbour talks with the new envoys (Anna Berg, assisted by ' +
      'Karel Brant, and Olaf Rind), in an attempt to end the blockade.',
    'later.wiki',
    3,
  );
  const plain = wiki(
    'In April 1881, the council of Norvik opened the harbour talks with the new envoys, in an attempt to end ' +
      'the blockade.',
    'plain.txt',
    2,
  );
  const older = wiki(
    'In April 1880, the council of Norvik opened the harbour talks with the new envoys (Anna Berg, assisted by ' +
      'Karel Brant, and Olaf Rind), in an attempt to end the blockade.',
    'older.wiki',
    1,
  );
  const book = mergeSources([later, plain, older], TEST_META);

  it('counts a witness worded otherwise for the date it reads', () => {
    const c = book.report.conflicts.find((x) => x.differs.includes('1880'))!;
    expect(c.readings.map((r) => r.sources.map((p) => p.source).sort())).toEqual([
      [later.info.id, plain.info.id].sort(),
      [older.info.id],
    ]);
  });

  it('does not count it for a date it does not read', () => {
    const other = wiki(
      'In May 1881, the council of Norvik opened the harbour talks with the new envoys, in an attempt to end the ' +
        'blockade.',
      'plain.txt',
      2,
    );
    const c = mergeSources([later, other, older], TEST_META).report.conflicts.find((x) => x.differs.includes('1880'));
    const april = c?.readings.find((r) => r.text.startsWith('In April 1881'));
    expect(april?.sources.map((p) => p.source)).toEqual([later.info.id]);
  });
});
