/**
 * The variant notes a reader sees are written in the book's language, with its quotation marks: a German
 * guide says „Die Quellen weichen ab“, not "Sources differ".
 */
import { describe, expect, it } from 'vitest';
import { mergeSources } from '../../src/merge/index.js';
import { factSpan, noteText } from '../../src/merge/apparatus.js';
import type { Variant } from '../../src/merge/work.js';
import { parseText, TEST_META } from '../support/content.js';

const source = (text: string, file: string, priority: number, label: string) =>
  parseText(`= Handel =\n${text}\n`, file, { priority, label });

const notesOf = (language: string, later: string, older: string) =>
  mergeSources([source(later, 'later.wiki', 2, 'Spätere Fassung'), source(older, 'older.wiki', 1, 'Ältere Fassung')], {
    ...TEST_META,
    language,
  }).apparatus!.notes.map((n) => n.text);

/** A "worded differently" variant: each reading's text with the sources (ids) that read it, the kept one first. */
const claim = (...readings: [text: string, sources: string[]][]) =>
  ({
    kind: 'claim',
    differs: [],
    readings: readings.map(([text, sources]) => ({
      text,
      sources: sources.map((source) => ({ source, file: `${source}.wiki`, line: 1 })),
    })),
  }) as unknown as Variant;

describe('variant notes in the book’s language', () => {
  it('a German guide’s date note', () => {
    const notes = notesOf(
      'de',
      'Am 3. Mai 1881 unterzeichnete der Rat von Norvik den Vertrag von Kessel mit den Zünften der Stadt.',
      'Am 4. Mai 1881 unterzeichnete der Rat von Norvik den Vertrag von Kessel mit den Zünften der Stadt.',
    );
    expect(notes).toEqual([
      'Die Quellen weichen ab: „3. Mai 1881“ in Spätere Fassung; „4. Mai 1881“ in Ältere Fassung.',
    ]);
  });

  it('a French guide’s, with its guillemets', () => {
    const notes = notesOf(
      'fr',
      'Le 3 mai 1881, le conseil de Norvik signa le traité de Kessel avec les guildes de la ville.',
      'Le 4 mai 1881, le conseil de Norvik signa le traité de Kessel avec les guildes de la ville.',
    );
    expect(notes).toEqual([
      'Les sources divergent\u00a0: «\u00a03 mai 1881\u00a0» dans Spätere Fassung\u00a0; ' +
        '«\u00a04 mai 1881\u00a0» dans Ältere Fassung.',
    ]);
  });

  it('a Russian guide’s: a dash between a reading and its source (a label cannot be declined after "в")', () => {
    const notes = notesOf(
      'ru',
      '3 мая 1881 года совет Норвика подписал Кессельский договор с гильдиями города.',
      '4 мая 1881 года совет Норвика подписал Кессельский договор с гильдиями города.',
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^Источники расходятся: «3[^»]*» — Spätere Fassung; «4[^»]*» — Ältere Fassung\.$/);
  });

  it('a Russian and a Polish guide’s list note: the sources after a colon, not declined after "в"/"w"', () => {
    const list = (language: string, intro: string, items: string[], missing: string) =>
      notesOf(
        language,
        `${intro}\n${items.map((i) => `* ${i}`).join('\n')}\n`,
        `${intro}\n${items
          .filter((i) => i !== missing)
          .map((i) => `* ${i}`)
          .join('\n')}\n`,
      );
    expect(list('ru', 'В союз входили города:', ['Норвик', 'Кессель', 'Ардан', 'Вальдор'], 'Ардан')).toEqual([
      '«Ардан» есть в источниках: Spätere Fassung; нет в источниках: Ältere Fassung.',
    ]);
    expect(list('pl', 'Do związku należały miasta:', ['Norwik', 'Kessel', 'Ardan', 'Waldor'], 'Ardan')).toEqual([
      '„Ardan” występuje w źródłach: Spätere Fassung; brak w źródłach: Ältere Fassung.',
    ]);
  });

  it('a ru, uk, pl and cs guide’s “worded differently” note: the followed source after a dash', () => {
    const variant = claim(['Совет долго обсуждал договор.', ['later']], ['Совет спорил о договоре.', ['older']]);
    const label = (id: string) => (id === 'later' ? 'Русская Википедия' : 'Открытый текст');
    expect(noteText(variant, label, 'ru')).toBe(
      'Источники формулируют это по-разному: в тексте — Русская Википедия; ' +
        'Открытый текст пишет «Совет спорил о договоре.»',
    );
    for (const [language, follows] of [
      ['uk', 'у тексті —'],
      ['pl', 'w tekście —'],
      ['cs', 'v textu —'],
    ])
      expect(noteText(variant, label, language)).toContain(`: ${follows} Русская Википедия;`);
  });

  it('a “worded differently” note: the verb agrees with two sources or more (en, ru, de)', () => {
    const variant = claim(
      ['The council long debated the treaty.', ['later']],
      ['The council argued over the treaty.', ['older', 'plain']],
      ['The council quarrelled over the treaty.', ['key']],
    );
    const label = (id: string) => ({ later: 'Later', older: 'Older', plain: 'Plain', key: 'Key' })[id]!;
    expect(noteText(variant, label, 'en')).toBe(
      'Sources word this differently: the text follows Later; Older and Plain read “The council argued over the ' +
        'treaty.”; Key reads “The council quarrelled over the treaty.”',
    );
    expect(noteText(variant, label, 'ru')).toContain('; Older и Plain пишут «The council argued');
    expect(noteText(variant, label, 'ru')).toContain('; Key пишет «The council quarrelled');
    expect(noteText(variant, label, 'de')).toContain('Older und Plain schreiben „The council argued');
  });

  it('a Japanese and a Hebrew guide’s date note: each reading’s sources in brackets after it', () => {
    expect(
      notesOf(
        'ja',
        '1881年5月3日、ノルヴィクの市議会は町のギルドとケッセル条約を結んだ。',
        '1881年5月4日、ノルヴィクの市議会は町のギルドとケッセル条約を結んだ。',
      ),
    ).toEqual(['資料により異なる：「1881年5月3日」（Spätere Fassung）、「1881年5月4日」（Ältere Fassung）。']);
    const hebrew = notesOf(
      'he',
      'ב־3 במאי 1881 חתמה מועצת נורוויק על חוזה קסל עם גילדות העיר.',
      'ב־4 במאי 1881 חתמה מועצת נורוויק על חוזה קסל עם גילדות העיר.',
    );
    expect(hebrew).toEqual(['המקורות חלוקים: „ב־3 במאי 1881” (Spätere Fassung); „ב־4 במאי 1881” (Ältere Fassung).']);
  });

  it('a zh, zh-TW, ko and ar guide’s list and “worded differently” notes, sources in brackets', () => {
    const list = {
      kind: 'list',
      differs: ['Ardan'],
      readings: [
        { text: 'Ardan', sources: [{ source: 'later', file: 'later.wiki', line: 1 }] },
        {
          text: '',
          sources: [
            { source: 'older', file: 'older.wiki', line: 1 },
            { source: 'plain', file: 'p.txt', line: 1 },
          ],
        },
      ],
    } as unknown as Variant;
    const label = (id: string) => ({ later: 'A', older: 'B', plain: 'C' })[id]!;
    expect(noteText(list, label, 'zh')).toBe('“Ardan”：列入（A）；未列入（B、C）。');
    expect(noteText(list, label, 'zh-TW')).toBe('「Ardan」：列入（A）；未列入（B、C）。');
    expect(noteText(list, label, 'ko')).toBe('“Ardan”: 포함 (A); 포함되지 않음 (B, C).');
    expect(noteText(list, label, 'ar')).toBe('«Ardan»: مذكور (A)؛ غير مذكور (B، C).');
    // Turkish and Hungarian write a case ending onto a name; Greek's semicolon is its question mark.
    expect(noteText(list, label, 'tr')).toBe('“Ardan”: listede var (A); listede yok (B, C).');
    expect(noteText(list, label, 'hu')).toBe('„Ardan”: szerepel (A); nem szerepel (B, C).');
    expect(noteText(list, label, 'el')).toBe('«Ardan»: περιλαμβάνεται (A)· δεν περιλαμβάνεται (B, C).');
    const worded = claim(['Le conseil débattit.', ['later']], ['Le conseil se disputa.', ['older', 'plain']]);
    expect(noteText(worded, label, 'ja')).toBe(
      '資料により表現が異なる：本文の典拠（A）、「Le conseil se disputa.」（B、C）',
    );
    expect(noteText(worded, label, 'he')).toBe(
      'המקורות מנסחים זאת אחרת: הטקסט לפי (A); „Le conseil se disputa.” (B, C)',
    );
  });

  it('an English guide’s, as before', () => {
    const notes = notesOf(
      'en',
      'On May 3, 1881, the council of Norvik signed the Treaty of Kessel with the guilds of the town.',
      'On May 4, 1881, the council of Norvik signed the Treaty of Kessel with the guilds of the town.',
    );
    expect(notes).toEqual(['Sources differ: “May 3, 1881” in Spätere Fassung; “May 4, 1881” in Ältere Fassung.']);
  });

  it('quotes a date whole: an English sentence with a Japanese gloss stays spaced, an Arabic comma is left out', () => {
    expect(factSpan('On May 3, 1868, Edo (江戸) was renamed Tokyo.', ['3'], 'en')).toBe('May 3, 1868');
    expect(factSpan('في 3 مايو 1881، وقعت المعاهدة في كيسل.', ['3'], 'ar')).toBe('3 مايو 1881');
    expect(factSpan('1881年5月3日、条約が結ばれた。', ['3'], 'ja')).toBe('1881年5月3日');
    // A Hebrew particle is read off a Hebrew word only in a Hebrew book.
    expect(factSpan('ב־3 במאי 1881 נחתם החוזה.', ['3'], 'he')).toBe('ב־3 במאי 1881');
    expect(factSpan('ב־3 במאי 1881 נחתם החוזה.', ['3'], 'en')).toBeUndefined();
  });
});
