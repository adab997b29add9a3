import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { mergeSources } from '../../src/merge/index.js';
import { addStudyAids } from '../../src/study/index.js';
import { bookDates, rawDatesIn } from '../../src/study/dates.js';
import { allBlocks } from '../../src/model/index.js';
import { FIXTURES, parseText, TEST_META } from '../support/content.js';

/**
 * A story told as a narrative: days and months without their year, a new year inside a passage, a heading
 * that gives the year, attributive years and numbers that are not years. The years below are our reading.
 */
const book = mergeSources(
  [parseText(readFileSync(path.join(FIXTURES, 'study/kessel-years.md'), 'utf8'), 'kessel-years.md')],
  TEST_META,
);
const dates = bookDates(book);
const all = allBlocks(book).flatMap((b) => (dates.get(b.id) ?? []).flat().map((d) => ({ ...d, block: b.id })));
const dated = (label: string) => all.filter((d) => d.label.replace(/^(?:On|on)\s+/, '') === label).map((d) => d.date);

describe('dates take their year from the narrative', () => {
  it('a day without a year takes the year around it, not an attributive year in its sentence', () => {
    // "On November 28, … denounced the 1866 Kessel Convention": 1871, from "the autumn of 1871" before it.
    expect(dated('November 28')).toEqual(['1871-11-28']);
    expect(dated('November 30')).toEqual(['1871-11-30']);
    expect(dated('December 14')).toEqual(['1871-12-14']);
    expect(all.find((d) => d.label === 'November 28')!.yearFrom).toBe('context');
  });

  it('a later date in the same sentence, the next one in the section, or the heading gives the year', () => {
    // "On March 3 … and on March 9, 1872": the year written later in the sentence.
    expect(dated('March 3')).toEqual(['1872-03-03']);
    // "On April 4" under the heading "1874 elections".
    expect(dated('April 4')).toEqual(['1874-04-04']);
    // "On May 2" in a chapter with no year anywhere in it: left out, not guessed.
    expect(dated('May 2')).toEqual([]);
  });

  it('amounts, measurements and names with month words are not dates', () => {
    const labels = all.map((d) => d.label);
    expect(labels).not.toContain('1400');
    expect(labels).not.toContain('1800');
    expect(labels.some((l) => /^May\b/.test(l))).toBe(false);
    // The attributive year is read (it is a year) but is no event.
    expect(all.find((d) => d.label === '1866')).toMatchObject({ event: false });
  });

  it('the timeline shows the events with their years and short labels, no incidental year', () => {
    const guide = addStudyAids(book);
    const tl = guide.glossaries.timeline;
    expect(tl.map((e) => e.date)).toEqual(
      expect.arrayContaining(['1871-11-28', '1871-11-30', '1871-12-14', '1872-01-07', '1872-03-09', '1874-04-04']),
    );
    expect(tl.some((e) => e.date === '1866')).toBe(false);
    const denounced = tl.find((e) => e.date === '1871-11-28')!;
    expect(denounced.text).toBe('The Estmark council denounced the 1866 Kessel Convention');
    for (const e of tl) {
      expect(e.text, e.text).not.toMatch(/…|\.\.\.$/);
      expect(e.text.length, e.text).toBeLessThanOrEqual(120);
    }
    // The convention: signed in 1866 (its name says so), denounced on November 28, 1871.
    const convention = guide.glossaries.treaties.find((t) => t.name === 'Kessel Convention')!;
    expect(convention).toMatchObject({ date: '1866', status: 'denounced' });
    expect(convention.history!.find((h) => h.status === 'denounced')!.date).toBe('1871-11-28');
    expect(tl.find((e) => e.date === '1872-03-09')!.text).toBe('The envoys signed the Peace of Rind');
  });
});

describe('a day written before its month, after a place', () => {
  const days = (s: string) => rawDatesIn(s, 'en').map((d) => [d.label, d.precision]);

  it('is a date, not a month word inside a name', () => {
    // "Moscow on 23 August": the parser takes "on" in; a day before the month is a date's whatever stands before.
    expect(days('The pact was signed in Moscow on 23 August 1939.')).toEqual([['on 23 August 1939', 'day']]);
    expect(days('Kvale was born in Bergen on 12 November 1940.')).toEqual([['on 12 November 1940', 'day']]);
    expect(days('In Berlin on August 23, 1939 the pact was signed.')).toEqual([['August 23, 1939', 'day']]);
  });

  it('still reads a month word after a name as part of the name', () => {
    expect(days('Ernst August Köstring attended the parade.')).toEqual([]);
    expect(days('Theresa May became prime minister in 2016.')).toEqual([['2016', 'year']]);
  });

  it('gives the event its day in the timeline', () => {
    const text = ['# Pact', 'The Kessel Pact was signed in Moscow on 23 August 1939 by the two envoys.'].join('\n\n');
    const g = addStudyAids(mergeSources([parseText(text, 'pact.md')], TEST_META));
    expect(g.glossaries.timeline.map((e) => [e.date, e.text])).toEqual([
      ['1939-08-23', 'The Kessel Pact was signed in Moscow by the two envoys'],
    ]);
  });
});

describe('years before 1000, and numbers that are no years', () => {
  const years = (s: string) => rawDatesIn(s, 'en').map((d) => [d.label, d.start.year]);

  it('reads a year of three digits after a day and month, or after a word of time', () => {
    expect(years('On 25 December 800, Charlemagne was crowned in Rome.')).toEqual([['On 25 December 800', 800]]);
    expect(years('In 962 Otto I was crowned.')).toEqual([['962', 962]]);
    expect(years('The empire lasted from 843 to 1806.')).toEqual([
      ['843', 843],
      ['1806', 1806],
    ]);
    expect(rawDatesIn('Sie wurde im Jahr 962 gekrönt.', 'de').map((d) => d.start.year)).toEqual([962]);
  });

  it('reads no year in a count', () => {
    expect(years('The army grew by 500 in 1930.')).toEqual([['1930', 1930]]);
    expect(years('He cut the log in 800 pieces.')).toEqual([]);
    expect(years('Around 1000 of these family-owned firms lead their markets.')).toEqual([]);
    for (const count of [
      'Its staff grew from 300 to 450 within a decade.',
      'Around 300 Roman soldiers were killed in the ambush.',
      'He scored 90 goals in 300 League matches.',
      'After 200 Spartans had fallen, the rest fled.',
      'By the winter it had around 200.',
      'Every year 500 pilgrims visit the shrine.',
    ])
      expect(years(count), count).toEqual([]);
    for (const [language, count] of [
      ['de', 'Zwischen 300 und 400 Soldaten fielen.'],
      ['de', 'Die Zahl stieg von 300 bis 450.'],
      ['de', 'Jedes Jahr kommen 500 Pilger.'],
      ['fr', 'Entre 300 et 400 soldats moururent.'],
    ])
      expect(
        rawDatesIn(count!, language).map((d) => d.label),
        count,
      ).toEqual([]);
  });

  it('reads no year before the common era as a year of it', () => {
    expect(years('In 480 BC, Xerxes invaded Greece.')).toEqual([]);
    expect(years('Rome was founded in 753 BC.')).toEqual([]);
    expect(years('The palace burned in 1200 BC.')).toEqual([]);
  });

  it('puts a year before 1000 before later ones on the timeline', () => {
    const article = [
      '== History ==',
      'In 1806 the old empire was dissolved by its last emperor.',
      'On 25 December 800, Charlemagne was crowned emperor in Rome by the pope.',
    ].join('\n\n');
    const book = addStudyAids(mergeSources([parseText(article, 'empire.wiki')], TEST_META));
    const dates = book.glossaries.timeline.map((e) => e.date);
    expect(dates).toEqual(['0800-12-25', '1806']);
    expect(book.glossaries.timeline[0]).toMatchObject({ label: '25 December 800' });
  });
});

describe('two days of one month, joined by a dash or an "and"', () => {
  const span = (s: string, language = 'en') =>
    rawDatesIn(s, language).map((d) => [d.start.year, d.start.month, d.start.day, d.end?.day]);

  it('are one date from the first day to the second, with the year written after them', () => {
    expect(span('New governments were formed on June 20 and 21st.')).toEqual([[undefined, 6, 20, 21]]);
    expect(span('They met on June 18–19, 1940.')).toEqual([[1940, 6, 18, 19]]);
    expect(span('They met on June 20 and 21, 1940.')).toEqual([[1940, 6, 20, 21]]);
    expect(span('They met on 20 and 21 June 1940.')).toEqual([[1940, 6, 20, 21]]);
    expect(span('Am 20. und 21. Juni 1940 trafen sie sich.', 'de')).toEqual([[1940, 6, 20, 21]]);
    expect(span('Les 20 et 21 juin 1940, ils se rencontrent.', 'fr')).toEqual([[1940, 6, 20, 21]]);
    expect(span('El 20 y 21 de junio de 1940 se reunieron.', 'es')).toEqual([[1940, 6, 20, 21]]);
  });

  it('keep a count after a day as a count, and a second month as its own date', () => {
    expect(span('On June 18 and 19 soldiers died.')).toEqual([[undefined, 6, 18, undefined]]);
    // Numbers before a comma are days only after a month's name.
    expect(rawDatesIn('Chapters 3 and 4, May 1920, were published.', 'en').map((d) => d.label)).toEqual(['May 1920']);
    expect(span('They arrived on June 18 and June 19.')).toEqual([
      [undefined, 6, 18, undefined],
      [undefined, 6, 19, undefined],
    ]);
  });

  it('give the timeline one event with its label as written', () => {
    const article = [
      '== Events ==',
      'In June 1940 the army crossed the border.',
      'New governments were formed in both countries on June 20 and 21st.',
    ].join('\n\n');
    const book = addStudyAids(mergeSources([parseText(article, 'pair.wiki')], TEST_META));
    const entry = book.glossaries.timeline.find((e) => /governments/.test(e.text));
    expect(entry).toMatchObject({ date: '1940-06-20', end: '1940-06-21', label: 'June 20 and 21st' });
  });
});
