/**
 * Dates in Polish, Russian, Ukrainian, Czech, Spanish, Italian, Catalan, Portuguese, Swedish, Danish and
 * Finnish: a day and its month (with the year the narrative carries), a month in the case a Slavic language
 * puts it after "in" ("w marcu", "в марте"), and which dates are events. Sentences written for these tests in
 * the manner of the articles' history sections (see tests/fixtures/unseen/SOURCES.md).
 */
import { describe, expect, it } from 'vitest';
import { datesIn } from '../../src/study/timeline.js';
import { rawDatesIn } from '../../src/study/dates.js';
import { monthNames } from '../../src/util/language.js';

const days = (sentence: string, language: string, lastYear?: number) =>
  datesIn(sentence, lastYear, language).map((d) => [d.date, d.precision]);
const events = (sentence: string, language: string) =>
  rawDatesIn(sentence, language)
    .filter((d) => d.event)
    .map((d) => d.label);

describe('a day and its month', () => {
  it('is found with its year, or the year the narrative carries', () => {
    const cases: [string, string, string][] = [
      ['pl', 'Pakt został podpisany 23 sierpnia 1939 roku w Moskwie.', '1939-08-23'],
      ['pl', 'Armia Czerwona wkroczyła do Polski 17 września.', '1939-09-17'],
      ['ru', 'Договор был подписан 23 августа 1939 года в Москве.', '1939-08-23'],
      ['ru', '17 сентября СССР ввёл войска на территорию Польши.', '1939-09-17'],
      ['uk', 'Договір було підписано 23 серпня 1939 року в Москві.', '1939-08-23'],
      ['cs', 'Pakt byl podepsán 23. srpna 1939 v Moskvě.', '1939-08-23'],
      ['es', 'El 17 de septiembre el Ejército Rojo invadió Polonia.', '1939-09-17'],
      ['it', 'Il 17 settembre l’Armata Rossa invase la Polonia.', '1939-09-17'],
      ['ca', 'El pacte es va signar el 23 d’agost de 1939 a Moscou.', '1939-08-23'],
      ['pt', 'O pacto foi assinado em 23 de agosto de 1939 em Moscovo.', '1939-08-23'],
      ['sv', 'Den 17 september gick Röda armén in i Polen.', '1939-09-17'],
      ['da', 'Pagten blev underskrevet den 23. august 1939 i Moskva.', '1939-08-23'],
      ['fi', 'Sopimus allekirjoitettiin 23. elokuuta 1939 Moskovassa.', '1939-08-23'],
    ];
    for (const [language, sentence, date] of cases)
      expect(days(sentence, language, 1939), `${language}: ${sentence}`).toEqual([[date, 'day']]);
  });

  it('reads a Slavic month in the locative after "in"', () => {
    expect(days('W marcu 1921 podpisano traktat ryski.', 'pl')).toEqual([['1921-03', 'month']]);
    expect(days('В марте 1921 года был подписан Рижский мирный договор.', 'ru')).toEqual([['1921-03', 'month']]);
    expect(days('У березні 1921 року було підписано Ризький мирний договір.', 'uk')).toEqual([['1921-03', 'month']]);
    expect(days('V březnu 1939 obsadilo Německo zbytek Československa.', 'cs')).toEqual([['1939-03', 'month']]);
    // "červen" (June) and "červenec" (July) begin alike.
    expect(days('Dne 22. června 1941 napadlo Německo Sovětský svaz.', 'cs')).toEqual([['1941-06-22', 'day']]);
    expect(days('Dne 10. července 1940 se sešel parlament.', 'cs')).toEqual([['1940-07-10', 'day']]);
  });
});

describe('which dates are events', () => {
  it('a year after a preposition that opens the sentence, capitalised like a name, is an event', () => {
    expect(events('Nel 1939 l’Italia firmò il Patto d’acciaio con la Germania.', 'it')).toEqual(['1939']);
    expect(events('W 1569 roku w Lublinie zawarto unię z Koroną.', 'pl')).toEqual(['1569']);
    expect(events('В 1385 году великий князь Ягайло заключил Кревскую унию.', 'ru')).toEqual(['1385']);
    expect(events('År 1905 upplöstes unionen mellan Sverige och Norge.', 'sv')).toEqual(['1905']);
    expect(events('Vuonna 1918 Suomessa käytiin sisällissota.', 'fi')).toEqual(['1918']);
    // "in the end of the year 1933": the year after the word for year.
    expect(events('Współpraca została w końcu roku 1933 zawieszona.', 'pl')).toEqual(['1933']);
  });

  it('a year that bounds a state of things ("since", "until") is none', () => {
    expect(events('Do 1939 roku Wilno należało do Polski.', 'pl')).toEqual([]);
    expect(events('С 1919 по 1939 год временной столицей был Каунас.', 'ru')).toEqual([]);
    expect(events('Dal 1922 al 1943 il paese fu governato dal fascismo.', 'it')).toEqual([]);
    expect(events('Sedan 1995 är Sverige medlem av Europeiska unionen.', 'sv')).toEqual([]);
    // A day after "until" bounds too; a day after "since" marks when the state began.
    expect(events('Rozmowy trwały aż do 21 sierpnia 1939 roku.', 'pl')).toEqual([]);
  });

  it('a year beside a name still only qualifies it', () => {
    expect(events('Traktat ryski z 1921 Polska uznała za sukces.', 'pl')).toEqual([]);
  });
});

describe('a length of time', () => {
  it('is no date counted from today', () => {
    const labels = (s: string, language: string) => rawDatesIn(s, language).map((d) => d.label);
    expect(labels("En 1890, une mission de trois mois lui permet d'apprendre l'arménien.", 'fr')).toEqual(['1890']);
    expect(labels('Он уехал три месяца назад, в 1920 году.', 'ru')).toEqual(['1920']);
    expect(labels('Le 14 mars 1940, il part.', 'fr')).toEqual(['14 mars 1940']);
  });
});

describe('a decade', () => {
  it('is no year, in Chinese and Korean as in English', () => {
    const labels = (s: string, language: string) => rawDatesIn(s, language).map((d) => d.label);
    expect(labels('1930年代，数学发展很快。', 'zh')).toEqual([]);
    expect(labels('1930년대에 회사가 성장했다.', 'ko')).toEqual([]);
    expect(labels('In the 1930s the company grew.', 'en')).toEqual([]);
    expect(labels('1931年，他出生。', 'zh')).toEqual(['1931']);
  });
});

describe('a date in a language without a month table of its own: Intl’s month names', () => {
  const day = (text: string, language: string) =>
    rawDatesIn(text, language).map((d) => [d.label, d.start.year, d.start.month, d.start.day]);

  it('reads day, month and year in Turkish, Greek, Hebrew, Arabic and Indonesian', () => {
    // A Turkish case ending after the year ("1861'de": in 1861) is not part of the date.
    expect(day("İlişkiler 2 Haziran 1861'de başladı.", 'tr')).toEqual([['2 Haziran 1861', 1861, 6, 2]]);
    expect(day("Jonas Feld, Mart 1862'de güven mektubunu sundu.", 'tr')).toEqual([['Mart 1862', 1862, 3, undefined]]);
    // Greek writes the month in the genitive inside a date.
    expect(day('Στις 2 Ιουνίου 1861 υπογράφηκε η συνθήκη.', 'el')).toEqual([['2 Ιουνίου 1861', 1861, 6, 2]]);
    // Hebrew writes its particle onto the month ("במאי": in May), as Intl's own date format does.
    expect(day('ב־3 במאי 1881 חתמה המועצה על החוזה.', 'he')).toEqual([['3 במאי 1881', 1881, 5, 3]]);
    expect(day('في 2 يونيو 1861 وقعت المعاهدة.', 'ar')).toEqual([['2 يونيو 1861', 1861, 6, 2]]);
    expect(day('Pada 2 Juni 1861 perjanjian ditandatangani.', 'id')).toEqual([['2 Juni 1861', 1861, 6, 2]]);
  });

  it('keeps English as chrono reads it, and leaves Intl’s Persian calendar out of the Gregorian months', () => {
    expect(day('On June 2, 1861, the treaty was signed.', 'en')).toEqual([['June 2, 1861', 1861, 6, 2]]);
    // Persian's months as Intl writes them in the Gregorian calendar ("ژوئن": June), not the solar Hijri's.
    expect(day('در 2 ژوئن 1861 پیمان امضا شد.', 'fa')).toEqual([['2 ژوئن 1861', 1861, 6, 2]]);
    // A language Intl does not know gets no month names (Intl would answer in its default language, English).
    expect(monthNames('la')).toBeUndefined();
    expect(monthNames('tlh')).toBeUndefined();
    expect(monthNames('en')).toBeUndefined();
  });
});
