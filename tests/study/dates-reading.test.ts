/**
 * How a sentence's dates are read where the words around them decide:
 * - a sentence that opens with its year named by the narrative's ("In the same year", "Im selben Jahr", "The
 *   following year", "同年") is dated by that year (plus one for "the following"), and a bare year later in it
 *   that no word of time introduces qualifies a noun ("die Oscar-Verleihung 2008"): it dates nothing;
 * - a capitalised month word inside a sentence, in a language that writes months in lower case, is a name's;
 * - an aside between dashes that holds a figure stays in a timeline label;
 * - a number after a word of approximation is a count unless the word for "year" follows.
 */
import { describe, expect, it } from 'vitest';
import { extractTimeline } from '../../src/study/timeline.js';
import { rawDatesIn } from '../../src/study/dates.js';
import { mergeSources } from '../../src/merge/index.js';
import { parseText, TEST_META } from '../support/content.js';

function timeline(markdown: string, language: string): [string, string][] {
  const book = mergeSources([parseText(markdown, 'article.md')], { ...TEST_META, language });
  return extractTimeline(book).map((e) => [e.date, e.text ?? '']);
}

describe('a year named by the narrative’s', () => {
  it('German: "Im selben Jahr" takes the year before; the ceremony’s year dates nothing', () => {
    const got = timeline(
      [
        '# Leben',
        '',
        'Der Film Seeland lief 2007 im Wettbewerb der Filmfestspiele von Kessel. Im selben Jahr wurde Seeland ' +
          'als Beitrag für die Preisverleihung 2008 ausgewählt.',
      ].join('\n'),
      'de',
    );
    expect(got.map(([d]) => d)).toEqual(['2007', '2007']);
    expect(got[1]![1]).toMatch(/^Im selben Jahr wurde Seeland als Beitrag/);
  });

  it('English: "The following year" is the next year, "In the same year" the same', () => {
    const got = timeline(
      [
        '# Career',
        '',
        'In 1921, Arvid Holm founded the Norvik shipping guild. The following year, the guild opened an office ' +
          'in Kessel. In the same year, Holm married Greta Lund.',
      ].join('\n'),
      'en',
    );
    expect(got.map(([d]) => d)).toEqual(['1921', '1922', '1922']);
    expect(got.map(([, t]) => t).join(' | ')).toMatch(/guild opened an office in Kessel.*Holm married Greta Lund/);
  });

  it('French and Japanese openings', () => {
    expect(
      timeline('# Vie\n\nEn 1902, il obtient la chaire de Kessel. L’année suivante, il publie son traité.', 'fr').map(
        ([d]) => d,
      ),
    ).toEqual(['1902', '1903']);
    const ja = rawDatesIn('同年、彼は大学を卒業した。', 'ja');
    expect(ja.map((d) => [d.label, d.yearOffset])).toEqual([['同年', 0]]);
    expect(rawDatesIn('同年代の作家と交流した。', 'ja')).toEqual([]);
  });

  it('only at the opening: a comparison mid-sentence dates nothing', () => {
    expect(rawDatesIn('He was born in the same year as his cousin.', 'en')).toEqual([]);
    expect(rawDatesIn('That year’s harvest failed.', 'en')).toEqual([]);
  });
});

describe('a month word with a capital, in a language that writes months in lower case', () => {
  it('is part of a name: "Konstytucja 3 Maja", "Plaza de Mayo"', () => {
    expect(rawDatesIn('Konstytucja 3 Maja została obalona po roku.', 'pl')).toEqual([]);
    expect(rawDatesIn('Sejm przyjął 3 maja 1791 konstytucję.', 'pl').map((d) => d.label)).toEqual(['3 maja 1791']);
    expect(rawDatesIn('La Plaza de Mayo se llenó el 25 de mayo.', 'es').map((d) => d.label)).toEqual(['25 de mayo']);
  });

  it('is a month where the language capitalises months (English, German, Afrikaans)', () => {
    expect(rawDatesIn('Hy is op 19 Oktober 1963 gebore.', 'af').map((d) => d.label)).toEqual(['19 Oktober 1963']);
    expect(rawDatesIn('Er wurde am 3. Mai 1932 geboren.', 'de').map((d) => d.start)).toEqual([
      { year: 1932, month: 5, day: 3 },
    ]);
  });
});

describe('an aside between dashes in a timeline label', () => {
  it('stays when it holds a figure (a dash put for a verb): no date is put with another’s subject', () => {
    const got = timeline('# Литва\n\nЧлен ООН с 1991 года, ЕС и НАТО — с 2004 года, ОЭСР — с мая 2018 года.', 'ru');
    expect(got.map(([, t]) => t)).not.toContainEqual(expect.stringMatching(/НАТО с мая 2018/));
    expect(got.find(([d]) => d === '2018-05')?.[1]).toContain('ОЭСР — с мая 2018 года');
  });

  it('goes when it holds no figure', () => {
    const got = timeline('# Жизнь\n\nВ 1921 году Арвид Холм — купец с севера — основал гильдию в Кесселе.', 'ru');
    expect(got).toEqual([['1921', 'В 1921 году Арвид Холм основал гильдию в Кесселе']]);
  });
});

describe('a number after a word of approximation', () => {
  it('is a count, unless the word for "year" follows it', () => {
    const events = (sentence: string, language: string) =>
      rawDatesIn(sentence, language)
        .filter((d) => d.event)
        .map((d) => d.label);
    expect(events('Żyje tu ok. 1400 gatunków pajęczaków.', 'pl')).toEqual([]);
    expect(events('Zamek zbudowano około 1400 roku.', 'pl')).toEqual(['1400']);
    expect(events('Здесь около 1400 видов растений.', 'ru')).toEqual([]);
    expect(events('Около 1400 года построен замок.', 'ru')).toEqual(['1400']);
  });
});

describe('what the rules above leave alone (misfires found in review)', () => {
  const events = (sentence: string, language: string) =>
    rawDatesIn(sentence, language)
      .filter((d) => d.event)
      .map((d) => d.label);

  it('a capitalised month in a date with its year is a date', () => {
    expect(events('El 5 de Mayo de 1862 el ejército francés fue derrotado.', 'es')).toEqual(['5 de Mayo de 1862']);
  });

  it('a number after a word of approximation, then a comma, is a year', () => {
    expect(events('Zamek zbudowano ok. 1400, a rozbudowano w 1450 roku.', 'pl')).toEqual(['1400', '1450']);
  });

  it('a German count that opens a sentence before an adjective is no year', () => {
    expect(events('2000 neue Wohnungen wurden in der Stadt gebaut.', 'de')).toEqual([]);
    expect(events('1500 verschiedene Arten sind bekannt.', 'de')).toEqual([]);
    expect(events('2013 wird BBDO zum kreativsten Netzwerk gewählt.', 'de')).toEqual(['2013']);
  });

  it('a year phrase counted from something else dates nothing; one after "doch" does', () => {
    expect(rawDatesIn('The year before the war, the guild grew.', 'en')).toEqual([]);
    expect(rawDatesIn('In the same year as the Munich Agreement, they bought a patent.', 'en')).toEqual([]);
    expect(rawDatesIn('Через год после смерти основателя фирма закрылась.', 'ru')).toEqual([]);
    expect(rawDatesIn('El mismo año en que murió Franco, se casó.', 'es')).toEqual([]);
    expect(rawDatesIn('前年比で20%増加した。', 'ja')).toEqual([]);
    expect(rawDatesIn('同年輩の作家と交流した。', 'ja')).toEqual([]);
    expect(rawDatesIn('Doch im selben Jahr starb er.', 'de').map((d) => d.yearOffset)).toEqual([0]);
  });

  it('an aside between dashes with small numbers only is an aside', () => {
    const got = timeline(
      '# Geschichte\n\nAm 23. August 1939 teilte der Vertrag – ein Text mit 7 Artikeln und 1 geheimen ' +
        'Zusatzprotokoll – Osteuropa zwischen den beiden Mächten auf.',
      'de',
    );
    expect(got).toEqual([
      ['1939-08-23', 'Am 23. August 1939 teilte der Vertrag Osteuropa zwischen den beiden Mächten auf'],
    ]);
  });
});

describe('a span of days or months joined by a dash', () => {
  it('is one span from its first day (a month table’s language)', () => {
    const [d] = rawDatesIn('Przewrót majowy trwał 12-15 maja 1926.', 'pl');
    expect([d?.label, d?.start, d?.end]).toEqual([
      '12-15 maja 1926',
      { year: 1926, month: 5, day: 12 },
      { year: 1926, month: 5, day: 15 },
    ]);
  });

  it('keeps its dash in the label, with no space put after it', () => {
    const got = timeline(
      '# История\n\nВ феврале-марте 1919 года войска Тарибы начали военные действия против Литбела.',
      'ru',
    );
    expect(got[0]![1]).toContain('В феврале-марте 1919 года');
  });
});
