/**
 * Every disagreement shown, in the ambassadors' glossary too: where an entry's role line states a date the
 * sources give differently (the merge's date variant of the line's sentence), the entry shows each date with
 * its sources, as the timeline shows its events' other dates.
 */
import { describe, expect, it } from 'vitest';
import { mergeSources } from '../../src/merge/index.js';
import { addStudyAids } from '../../src/study/index.js';
import { DEFAULT_TEMPLATES, TemplateSet } from '../../src/render/html/templates.js';
import { buildView } from '../../src/render/view/index.js';
import { parseText, TEST_META } from '../support/content.js';
import { seedGuide } from '../support/seed-guide.js';

const wiki = (lines: string[], file: string, priority: number, label: string) =>
  parseText(lines.join('\n'), file, { priority, label });
const sentence = (day: number) =>
  `On May ${day}, 1881, Arvid Holm, the Norvik ambassador to Kessel, opened talks on the harbour dues with the guilds.`;

describe('a date an envoy’s role line states, given differently by the sources', () => {
  const later = wiki(['= Trade =', sentence(3)], 'later.wiki', 2, 'Later revision');
  const older = wiki(['= Trade =', sentence(4)], 'older.wiki', 1, 'Older revision (2008)');
  const guide = addStudyAids(mergeSources([later, older], TEST_META));
  const holm = guide.glossaries.ambassadors.find((e) => e.name === 'Arvid Holm')!;

  it('keeps the book’s date in the line and records each source’s date beside it', () => {
    expect(holm.role).toContain('May 3, 1881');
    expect(holm.disagreements).toEqual([
      {
        field: 'date',
        readings: [
          { value: 'May 3, 1881', sources: [expect.objectContaining({ source: later.info.id })] },
          { value: 'May 4, 1881', sources: [expect.objectContaining({ source: older.info.id })] },
        ],
      },
    ]);
  });

  it('prints both dates under the entry', () => {
    const page = new TemplateSet(DEFAULT_TEMPLATES).render(
      'guide.html.liquid',
      buildView(guide, { paper: 'A4', assets: 'assets/' }),
    );
    const line = /<p class="disagreement">Sources differ \(date\):.*?<\/p>/.exec(page)?.[0] ?? '';
    expect(line.replace(/<[^>]+>/g, '')).toMatch(/May 3, 1881 \[later\.wiki:2\]; May 4, 1881 \[older\.wiki:2\]/);
  });

  it('records nothing where the sources agree', () => {
    const copy = { ...later, info: { ...later.info, id: 'copy' } };
    const agreed = addStudyAids(mergeSources([later, copy], TEST_META));
    expect(agreed.glossaries.ambassadors.find((e) => e.name === 'Arvid Holm')!.disagreements).toEqual([]);
  });
});

describe('the seed guide’s envoys', () => {
  it('shows Kopp’s April 15 beside April 16, 1920 and Seeds’s April, 1938 beside April 1939', () => {
    const entries = seedGuide().glossaries.ambassadors;
    const dates = (name: string) =>
      entries
        .find((e) => e.name === name)!
        .disagreements.filter((d) => d.field === 'date')
        .map((d) => d.readings.map((r) => r.value));
    expect(dates('Victor Kopp')).toEqual([['April 16, 1920', 'April 15, 1920']]);
    expect(dates('William Seeds')).toEqual([['April 1939', 'April, 1938']]);
  });
});

describe('the disagreement line in another language', () => {
  it('is worded in the book’s language', () => {
    const later = wiki(['= Handel =', sentence(3)], 'later.wiki', 2, 'Spätere Fassung');
    const older = wiki(['= Handel =', sentence(4)], 'older.wiki', 1, 'Ältere Fassung');
    const guide = addStudyAids(mergeSources([later, older], TEST_META));
    const book = { ...guide, meta: { ...guide.meta, language: 'de' } };
    const page = new TemplateSet(DEFAULT_TEMPLATES).render(
      'guide.html.liquid',
      buildView(book, { paper: 'A4', assets: 'assets/' }),
    );
    expect(page).toContain('<p class="disagreement">Die Quellen weichen ab (Datum): May 3, 1881');
    expect(page).not.toContain('<p class="disagreement">Sources differ');
  });
});

describe('one date two sources give in other words', () => {
  it('is one reading with both sources', () => {
    const later = wiki(['= Trade =', sentence(3)], 'later.wiki', 3, 'Later revision');
    const older = wiki(['= Trade =', sentence(4)], 'older.wiki', 2, 'Older revision');
    const plain = wiki(
      [
        '= Trade =',
        'On May 4, 1881, Arvid Holm, the Norvik ambassador to Kessel, opened the talks on the harbour dues with ' +
          'the guilds.',
      ],
      'plain.txt',
      1,
      'Plain text',
    );
    const guide = addStudyAids(mergeSources([later, older, plain], TEST_META));
    const holm = guide.glossaries.ambassadors.find((e) => e.name === 'Arvid Holm')!;
    const dates = holm.disagreements.filter((d) => d.field === 'date');
    expect(dates.map((d) => d.readings.map((r) => r.value))).toEqual([['May 3, 1881', 'May 4, 1881']]);
    expect(dates[0]!.readings[1]!.sources.map((p) => p.source).sort()).toEqual([older.info.id, plain.info.id].sort());
  });
});
