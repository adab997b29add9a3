import { describe, expect, it } from 'vitest';
import { datesIn, extractTimeline } from '../../src/study/timeline.js';
import { rawDatesIn } from '../../src/study/dates.js';
import { mergeSources } from '../../src/merge/index.js';
import { parseText, TEST_META } from '../support/content.js';

const days = (sentence: string, language: string, lastYear?: number) =>
  datesIn(sentence, lastYear, language).map((d) => [d.date, d.precision]);

describe('day dates in other languages', () => {
  it('German (chrono’s locale)', () => {
    expect(days('Er wurde am 19. Oktober 2005 gewählt.', 'de')).toEqual([['2005-10-19', 'day']]);
    expect(days('Sie wurde am 13. Mai 1932 in Berlin geboren.', 'de')).toEqual([['1932-05-13', 'day']]);
    expect(days('Im März 1933 zog sie um.', 'de')).toEqual([['1933-03', 'month']]);
    expect(days('Am 3. Juni kehrte sie zurück.', 'de', 1950)).toEqual([['1950-06-03', 'day']]);
  });

  it('German: a year without a preposition in a clause is a time, not one after an article or a count', () => {
    const events = (sentence: string) =>
      rawDatesIn(sentence, 'de')
        .filter((d) => d.event)
        .map((d) => d.label);
    expect(events('In Deutschland wurde die Firma 1956 von drei Werbern gegründet.')).toEqual(['1956']);
    expect(events('Danach wurde Kiel 1871 Reichskriegshafen, was die Stadt veränderte.')).toEqual([]);
    expect(events('In Deutschland wurde TEAM 1956 von drei Werbern gegründet.')).toEqual(['1956']);
    expect(events('Die 1919 von Bruce Barton gegründete Firma wuchs.')).toEqual([]);
    expect(events('Der Verein hatte damals rund 1500 Mitglieder.')).toEqual([]);
    expect(events('2007 verfilmte er den Roman.')).toEqual(['2007']);
    expect(events('1500 Mitglieder zählte der Verein.')).toEqual([]);
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

/** The timeline of a made-up article in a language, as [date, label]. */
function timeline(markdown: string, language: string): [string, string][] {
  const book = mergeSources([parseText(markdown, 'article.md')], { ...TEST_META, language });
  return extractTimeline(book).map((e) => [e.date, e.text ?? '']);
}

describe('timeline labels in other languages (made-up articles)', () => {
  it('Afrikaans: the whole date phrase goes, a range is one event; a date that opens the sentence stays', () => {
    const got = timeline(
      [
        '# Anna Lund',
        'Hier werk sy vanaf 1986 tot 1989 as joernalis in Kaapstad. ' +
          'Die boek word teen die einde van 1991 in Pretoria uitgegee. ' +
          'In die somer van 1973 ontvang die gesin ’n besoek uit Namibië.',
      ].join('\n\n'),
      'af',
    );
    expect(got).toEqual([
      ['1973', 'In die somer van 1973 ontvang die gesin ’n besoek uit Namibië'],
      ['1986', 'Hier werk sy as joernalis in Kaapstad'],
      ['1991', 'Die boek word in Pretoria uitgegee'],
    ]);
  });

  it('German: a date in brackets glosses the name; publication lines of a list are not events', () => {
    const got = timeline(
      [
        '# Anna Lund',
        'Anna Lund (* 3. Mai 1932 in Kiel; † 4. Februar 1996 in Bremen) war eine Ärztin. ' +
          'Das Paar lebte ab 1963 in Bremen.',
        '## Schriften',
        '- Lund, Anna: „Die Ärztin“. In: Kieler Blätter, Nr. 2, April 1983.\n' +
          '- Mit Jan Lund: „Der Hafen“, 11. Februar 1987.',
      ].join('\n\n'),
      'de',
    );
    expect(got).toEqual([
      // The gloss tells the birth and the death, in the language's words, without the brackets and the date.
      ['1932-05-03', 'Anna Lund geboren in Kiel'],
      ['1963', 'Das Paar lebte in Bremen'],
      ['1996-02-04', 'Anna Lund gestorben in Bremen'],
    ]);
  });

  it('French: a list of years, each line telling what happened, gives an event per line', () => {
    const got = timeline(
      [
        '# Anna Lund',
        '## Études',
        [
          "- 1890, une mission de trois mois dans le Caucase lui permet d'apprendre l'arménien.",
          "- 1902, elle obtient la chaire d'arménien de l'École des langues orientales.",
          '- En 1919, elle est cofondatrice de la Société des études arméniennes.',
        ].join('\n'),
        '## Liens',
        ['- Jean Lund (1918)', '- Royaume de Kiel, 843 à 1651 et 1660 à 1707'].join('\n'),
        '## Disques',
        // A year, then a work's title: an entry of a discography or a bibliography, no event.
        ['- 2007, _Les chansons de ma mère_, chez Universal', '- 1995, _Histoire de la ville_, Paris, Gallimard'].join(
          '\n',
        ),
      ].join('\n\n'),
      'fr',
    );
    expect(got).toEqual([
      // The year set apart by a comma is no part of the label; "trois mois" is no date.
      ['1890', "Une mission de trois mois dans le Caucase lui permet d'apprendre l'arménien"],
      ['1902', "Elle obtient la chaire d'arménien de l'École des langues orientales"],
      ['1919', 'Elle est cofondatrice de la Société des études arméniennes'],
    ]);
  });

  it('French: a date set apart by commas in mid-sentence labels the clause after it', () => {
    const got = timeline(
      [
        '# Lund Base',
        "Il s'agissait d'une version gratuite de la base, fortement limitée : en 2011, elle limite la taille de la " +
          'base à 4 Go, et un seul processeur sera utilisé sur les machines qui en disposent de plusieurs.',
      ].join('\n\n'),
      'fr',
    );
    expect(got).toEqual([['2011', 'Elle limite la taille de la base à 4 Go']]);
  });
});

describe('Italian timeline labels', () => {
  it('a relative clause names the person it speaks of', () => {
    const got = timeline(
      [
        '# Antropologia',
        'In Italia si misero in evidenza, oltre al caposcuola Giustiniano Nicolucci, che nel 1857 scrisse il primo ' +
          'trattato italiano di antropologia ed etnologia, anche altri studiosi delle università del Regno.',
      ].join('\n\n'),
      'it',
    );
    expect(got).toEqual([
      ['1857', 'Giustiniano Nicolucci, che scrisse il primo trattato italiano di antropologia ed etnologia'],
    ]);
  });
});

describe('what the label keeps of a clause in other languages', () => {
  it('takes what was announced with the announcement, and a name after a comma as the subject', () => {
    const got = timeline(
      [
        '# Ang Lee',
        'Ende Februar 2009 wurde bekannt gegeben, dass Lee die Jury der Filmfestspiele von Venedig leiten werde, ' +
          'die im September in der Stadt am Meer stattfinden sollten.',
      ].join('\n\n'),
      'de',
    );
    expect(got).toEqual([
      [
        '2009-02',
        'Ende Februar 2009 wurde bekannt gegeben, dass Lee die Jury der Filmfestspiele von Venedig leiten werde',
      ],
    ]);
    const french = timeline(
      ['# Lund', 'En 1983, RSI devient Oracle Corporation pour être plus représentative de son produit phare.'].join(
        '\n\n',
      ),
      'fr',
    );
    expect(french).toEqual([
      ['1983', 'RSI devient Oracle Corporation pour être plus représentative de son produit phare'],
    ]);
  });
});

describe('a date set apart by a comma before another phrase', () => {
  it('keeps the phrase it opens: the label does not start with the phrase after the comma', () => {
    const article = [
      '# Lund',
      'En 1910, année de sa mort, la revue cesse de paraître dans toute la France et en Belgique, faute de moyens.',
    ].join('\n\n');
    const labels = timeline(article, 'fr').map(([, text]) => text);
    expect(labels).toHaveLength(1);
    expect(labels[0]).not.toMatch(/^Année/);
  });
});

describe('timeline labels in a language without a table of its clause words (Russian, Polish)', () => {
  it('opens the label where its sentence or clause opens, not with a participle or a relative pronoun', () => {
    const got = timeline(
      [
        '# Литва',
        'К середине XIII века литовские земли были объединены под властью князя Миндовга, принявшего в 1251 году ' +
          'католическое крещение. ' +
          'Литовские князья вели борьбу с Тевтонским орденом, который был разбит в 1410 году в Грюнвальдской битве.',
      ].join('\n\n'),
      'ru',
    );
    expect(got.map(([date]) => date)).toEqual(['1251', '1410']);
    for (const [, text] of got) expect(text, text).toMatch(/^(?:К середине|Литовские князья)/);
  });

  it('keeps a clause alone when the clause before it has a date of its own (it would open with that event)', () => {
    const got = timeline(
      [
        '# Polska',
        'Za koniec można uznać przekazanie władzy rządowi, które miało miejsce 25 września 1939, lub też ' +
          'przekroczenie granicy kraju przez rząd 17 września 1939.',
      ].join('\n\n'),
      'pl',
    );
    expect(got).toContainEqual(['1939-09-17', 'Lub też przekroczenie granicy kraju przez rząd 17 września 1939']);
    expect(got.find(([date]) => date === '1939-09-25')?.[1]).toMatch(/^Za koniec można uznać/);
  });

  it('does not make a row of a whole long sentence', () => {
    const got = timeline(
      [
        '# Город',
        'Город, основанный купцами на берегу реки, долго оставался небольшим торговым поселением, известным ' +
          'своими ярмарками, мастерскими и пристанями, и только в 1856 году получил статус уездного города.',
      ].join('\n\n'),
      'ru',
    );
    expect(got.map(([date]) => date)).toEqual(['1856']);
    expect(got[0]![1].length).toBeLessThanOrEqual(180);
  });
});
