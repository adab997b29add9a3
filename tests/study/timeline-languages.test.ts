import { describe, expect, it } from 'vitest';
import { datesIn } from '../../src/study/timeline.js';

const days = (sentence: string, language: string, lastYear?: number) =>
  datesIn(sentence, lastYear, language).map((d) => [d.date, d.precision]);

describe('day dates in other languages', () => {
  it('German (chrono’s locale)', () => {
    expect(days('Er wurde am 19. Oktober 2005 gewählt.', 'de')).toEqual([['2005-10-19', 'day']]);
    expect(days('Sie wurde am 13. Mai 1932 in Berlin geboren.', 'de')).toEqual([['1932-05-13', 'day']]);
    expect(days('Im März 1933 zog sie um.', 'de')).toEqual([['1933-03', 'month']]);
    expect(days('Am 3. Juni kehrte sie zurück.', 'de', 1950)).toEqual([['1950-06-03', 'day']]);
  });

  it('German: a measurement is not a year', () => {
    expect(days('Der Gipfel liegt auf 1800 Metern Höhe.', 'de')).toEqual([]);
    expect(days('Der Ort hat 1500 Einwohner und wurde 1850 gegründet.', 'de')).toEqual([['1850', 'year']]);
  });

  it('Norwegian (a month table: chrono has no Norwegian)', () => {
    expect(days('Han ble valgt til Stortinget 1. november 2009.', 'nb')).toEqual([['2009-11-01', 'day']]);
    expect(days('Han døde 17. mai 2015 i Oslo.', 'nn')).toEqual([['2015-05-17', 'day']]);
  });

  it('Afrikaans (a month table)', () => {
    expect(days('Hy is op 19 Oktober 1963 in Tanzanië gebore.', 'af')).toEqual([['1963-10-19', 'day']]);
    expect(days('Die boek verskyn in Maart 1993.', 'af')).toEqual([['1993-03', 'month']]);
  });

  it('a day number before a month name is not a year', () => {
    expect(days('Op 1 Januarie het hulle vertrek.', 'af', 1901)).toEqual([['1901-01-01', 'day']]);
  });

  it('English is unchanged', () => {
    expect(days('On 11 November 1918 the war ended.', 'en')).toEqual([['1918-11-11', 'day']]);
    expect(days('On 11 November 1918 the war ended.', 'de')).toEqual([['1918-11-11', 'day']]);
  });
});
