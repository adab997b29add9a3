/**
 * Every disagreement shown: where the sources give an event two dates, the timeline keeps the book's date and
 * shows the other under it, with the sources that give it (the merge's date variant of the event's sentence).
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

describe('a date the sources disagree on, in the timeline', () => {
  const later = wiki(
    ['= Trade =', 'On May 3, 1881, the council of Norvik signed the Treaty of Kessel with the guilds.'],
    'later.wiki',
    2,
    'Later revision',
  );
  const older = wiki(
    ['= Trade =', 'On May 4, 1881, the council of Norvik signed the Treaty of Kessel with the guilds.'],
    'older.wiki',
    1,
    'Older revision (2008)',
  );
  const guide = addStudyAids(mergeSources([later, older], TEST_META));
  const event = guide.glossaries.timeline.find((e) => /Treaty of Kessel/.test(e.text))!;

  it('keeps the preferred source’s date and records the other with its source', () => {
    expect(event.date).toBe('1881-05-03');
    expect(event.readings).toEqual([{ date: '1881-05-04', precision: 'day', sources: [older.info.id] }]);
  });

  it('shows the other date under the event’s, with the source’s label, in the book’s language', () => {
    const templates = new TemplateSet(DEFAULT_TEMPLATES);
    const row = (language: string) => {
      const book = { ...guide, meta: { ...guide.meta, language } };
      const page = templates.render('guide.html.liquid', buildView(book, { paper: 'A4', assets: 'assets/' }));
      return /<tr id="[^"]+" class="precision-day"><td class="date">.*?<\/tr>/.exec(
        page.slice(page.indexOf('class="timeline-table"')),
      )![0];
    };
    expect(row('en')).toContain('<span class="reading">or May 4, 1881 (Older revision)</span>');
    expect(row('de')).toContain('<span class="reading">oder 4. Mai 1881 (Older revision)</span>');
  });

  it('gives an event the sources agree on no other date', () => {
    const agreed = addStudyAids(mergeSources([later, { ...later, info: { ...later.info, id: 'copy' } }], TEST_META));
    expect(agreed.glossaries.timeline.every((e) => e.readings === undefined)).toBe(true);
  });
});

describe('the seed guide’s disputed dates', () => {
  it('shows the 2008 revision’s April 15, 1920 beside Kopp’s April 16, and its 1938 beside April 1939', () => {
    const timeline = seedGuide().glossaries.timeline;
    const kopp = timeline.find((e) => e.date === '1920-04-16' && /Kopp/.test(e.text))!;
    expect(kopp.readings).toEqual([
      { date: '1920-04-15', precision: 'day', sources: ['2008-revision-with-citations'] },
    ]);
    const litvinov = timeline.find((e) => e.date === '1939-04' && /Litvinov/.test(e.text))!;
    expect(litvinov.readings?.map((r) => r.date)).toEqual(['1938-04']);
  });
});
