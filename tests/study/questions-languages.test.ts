/**
 * Review questions in the book's language: a French article is asked in French, and a language without a
 * wording falls back to English (the build's summary says so).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { mergeSources } from '../../src/merge/index.js';
import { addStudyAids } from '../../src/study/index.js';
import { hasWording, opening, wording } from '../../src/study/discourse.js';
import { FIXTURES, parseText, TEST_META } from '../support/content.js';

const text = readFileSync(path.join(FIXTURES, 'study/traite-de-norvik.md'), 'utf8');
const guideIn = (language: string) =>
  addStudyAids(mergeSources([parseText(text, 'traite-de-norvik.md')], { ...TEST_META, language }));

/** The fixed words of each English question stem (what is left of a stem around its blanks). */
const english = wording('en');
const STEMS = [
  english.cloze('\u0000'),
  english.choice('date', '\u0000'),
  english.choice('person', '\u0000'),
  english.signedWhen('\u0000'),
  english.reason('\u0000'),
].map((s) => s.split('\u0000')[0]!.replace(/[“"]$/, '').trim());

describe('questions are worded in the book’s language', () => {
  it('a French article is asked in French', () => {
    const questions = guideIn('fr').questions;
    expect(questions.length).toBeGreaterThan(0);
    for (const q of questions) for (const stem of STEMS) expect(q.question, q.question).not.toContain(stem);
    // French quotation marks around the quoted sentence.
    expect(questions.some((q) => /« .+ »/.test(q.question))).toBe(true);
  });

  it('French, Spanish, Dutch and Portuguese have their own stems; another language falls back to English', () => {
    for (const language of ['fr', 'es', 'nl', 'pt', 'af', 'fr-CA']) {
      expect(hasWording(language), language).toBe(true);
      for (const stem of STEMS) expect(wording(language).cloze('x'), language).not.toContain(stem);
    }
    expect(hasWording('sw')).toBe(false);
    expect(wording('sw').cloze('x')).toBe(english.cloze('x'));
  });
});

describe('questions in Japanese, Chinese, Korean, Arabic and Hebrew', () => {
  const disagreeing = (language: string, heading: string, first: string, second: string) => {
    const source = (text: string, file: string, priority: number) =>
      parseText(`= ${heading} =\n${text}\n`, file, { priority, label: file.replace(/\..*/, '') });
    const book = mergeSources([source(first, 'later.wiki', 2), source(second, 'older.wiki', 1)], {
      ...TEST_META,
      language,
    });
    return addStudyAids(book).questions;
  };

  it('asks where the sources disagree on a date in the book’s words, and answers with each reading', () => {
    const ja = disagreeing(
      'ja',
      '歴史',
      '1881年5月3日、ノルヴィクの市議会は町のギルドとケッセル条約を結んだ。条約は港の関税を半分に下げた。',
      '1881年5月4日、ノルヴィクの市議会は町のギルドとケッセル条約を結んだ。条約は港の関税を半分に下げた。',
    );
    expect(ja.map((q) => [q.question, q.answer])).toEqual([
      [
        'この文の数または日付について、資料の記述が異なる。どこが異なり、それぞれの資料は何と書いているか。' +
          '「1881年5月3日、ノルヴィクの市議会は町のギルドとケッセル条約を結んだ。」',
        '「1881年5月3日」（later）、「1881年5月4日」（older）。',
      ],
    ]);
    const he = disagreeing(
      'he',
      'היסטוריה',
      'ב־3 במאי 1881 חתמה מועצת נורוויק על חוזה קסל עם גילדות העיר. החוזה הוריד את מכס הנמל בחצי.',
      'ב־4 במאי 1881 חתמה מועצת נורוויק על חוזה קסל עם גילדות העיר. החוזה הוריד את מכס הנמל בחצי.',
    );
    // The date with the particle written onto it ("ב־3 במאי": on May 3) and its month and year.
    expect(he.map((q) => q.answer)).toEqual(['„ב־3 במאי 1881” (later) לעומת „ב־4 במאי 1881” (older).']);
    expect(he[0]!.question).toMatch(/^המקורות חלוקים במספר או בתאריך שבמשפט זה\. היכן, ומה כתוב בכל אחד מהם\? „ב־3/);
  });

  it('has a wording for each, traditional Chinese its own characters and corner brackets', () => {
    for (const language of ['ja', 'zh', 'zh-TW', 'ko', 'ar', 'he', 'tr', 'el', 'ro', 'hu', 'id', 'vi']) {
      expect(hasWording(language), language).toBe(true);
      for (const stem of STEMS) expect(wording(language).cloze('x'), language).not.toContain(stem);
    }
    expect(wording('zh').signedWhen('凯塞尔条约')).toBe('“凯塞尔条约”是何时签署的？');
    expect(wording('zh-TW').signedWhen('凱塞爾條約')).toBe('「凱塞爾條約」是何時簽署的？');
    expect(wording('ko').choice('date', '…')).toBe('문장을 완성하는 날짜는 무엇인가? “…”');
    // Arabic and Hebrew: the question about a treaty agrees with the feminine word for it.
    expect(wording('ar').choice('treaty', '…')).toBe('ما المعاهدة التي تُكمل الجملة؟ «…»');
    expect(wording('he').choice('treaty', '…')).toBe('איזו אמנה משלימה את המשפט? „…”');
    // Greek asks with its own question mark (";").
    expect(wording('el').signedWhen('Συνθήκη του Κέσελ')).toBe('Πότε υπογράφηκε «Συνθήκη του Κέσελ»;');
    expect(wording('el').cloze('…')).toBe('Συμπληρώστε την πρόταση: «…»');
  });
});

describe('sentences that lean on the one before, in verb-second languages', () => {
  it('does not drop an adverb that holds the first place, which would leave the verb first', () => {
    // "Deshalb wurde er entlassen." without "Deshalb" reads as a question; the sentence leans on the one before.
    expect(opening('Deshalb wurde er im Mai entlassen.', 'de').kind).toBe('pronoun');
    expect(opening('Daarom word hy in Mei ontslaan.', 'af').kind).toBe('pronoun');
    expect(opening('Daarom werd hij in mei ontslagen.', 'nl').kind).toBe('pronoun');
    // A conjunction leaves the word order alone: the sentence stands once it is dropped.
    expect(opening('Aber die Verhandlungen scheiterten im Mai.', 'de')).toEqual({
      kind: 'connective',
      rest: 'Die Verhandlungen scheiterten im Mai.',
    });
    expect(opening('Maar die onderhandelinge het in Mei misluk.', 'af').kind).toBe('connective');
    // English word order does not change: the adverb is dropped.
    expect(opening('Therefore, the talks failed in May.', 'en').kind).toBe('connective');
  });
});
