import { describe, expect, it } from 'vitest';
import { creditWordsFor, labelsFor } from '../../src/util/labels.js';

const LANGUAGES = ['de', 'fr', 'es', 'nl', 'af', 'nb', 'it', 'pt', 'pl', 'cs', 'ru', 'uk', 'ca', 'sv', 'da', 'fi'];
/** Japanese, Chinese (simplified and traditional), Korean, Arabic and Hebrew: labels-more.ts. */
const MORE = ['ja', 'zh', 'zh-Hant', 'ko', 'ar', 'he'];
/** Turkish, Greek, Romanian, Hungarian, Indonesian, Vietnamese: labels-more.ts too. */
const MORE_LATIN_GREEK = ['tr', 'el', 'ro', 'hu', 'id', 'vi'];

describe("Quire's own words in the book's language", () => {
  it('follows the language and its region-free base', () => {
    expect(labelsFor('de-AT').contents).toBe('Inhalt');
    expect(labelsFor('af').timeline).toBe('Tydlyn');
    expect(labelsFor('no').answerKey).toBe('Fasit');
    expect(labelsFor('nn').index).toBe('Register');
    expect(labelsFor('fr').keyPoints).toBe('Points clés');
  });

  it('falls back to English for a language without a table, and for a word a table lacks', () => {
    expect(labelsFor('sw').contents).toBe('Contents');
    expect(labelsFor('eu-ES').answerKey).toBe('Answer key');
  });

  it('gives every language every label English has', () => {
    const keys = Object.keys(labelsFor('en')).sort();
    for (const tag of [...LANGUAGES, ...MORE, ...MORE_LATIN_GREEK])
      expect(Object.keys(labelsFor(tag)).sort(), tag).toEqual(keys);
  });

  it('prints no English heading or treaty status in a guide of another language', () => {
    const english = labelsFor('en');
    // Words a language writes as English does ("Notes", "Index" in French; "p."; "Status"; Catalan "Protocols").
    const shared = new Set([
      'pageAbbr',
      'page',
      'parties',
      'introduction',
      'notes',
      'date',
      'differDate',
      'index',
      'sources',
    ]);
    for (const tag of [...LANGUAGES, ...MORE, ...MORE_LATIN_GREEK]) {
      const labels = labelsFor(tag);
      const same = (Object.keys(english) as (keyof typeof english)[]).filter(
        (k) =>
          labels[k] === english[k] &&
          !shared.has(k) &&
          !['treatyStatus', 'treatyProtocols', 'licence', 'file'].includes(k),
      );
      expect(same, tag).toEqual([]);
    }
  });

  it('says what the sources disagree on about an ambassador in the book’s language', () => {
    expect(labelsFor('de').sourcesDiffer).toBe('Die Quellen weichen ab');
    expect(labelsFor('de').differDate).toBe('Datum');
    expect(labelsFor('nn').alsoWritten).toBe('Også skrevet');
    expect(labelsFor('en').differMembership).toBe('in the list');
    expect(labelsFor('de').notListed).toBe('nicht aufgeführt');
    expect(labelsFor('en').notListed).toBe('not listed');
  });

  it('has the headings a Polish, Russian, Ukrainian, Czech or Nordic reader expects', () => {
    expect(labelsFor('pl').keyPoints).toBe('Najważniejsze informacje');
    expect(labelsFor('pl').questions).toBe('Pytania powtórzeniowe');
    expect(labelsFor('pl-PL').treatySigned).toBe('Podpisano');
    expect(labelsFor('ru').answerKey).toBe('Ответы');
    expect(labelsFor('ru').treatyProposed).toBe('Предложено, так и не заключено');
    expect(labelsFor('uk').timeline).toBe('Хронологія');
    expect(labelsFor('cs').index).toBe('Rejstřík');
    expect(labelsFor('sv-FI').answerKey).toBe('Facit');
    expect(labelsFor('da').questions).toBe('Repetitionsspørgsmål');
    expect(labelsFor('fi').contents).toBe('Sisällys');
    expect(labelsFor('ca').keyPoints).toBe('Idees clau');
    // Cyrillic tables are Cyrillic throughout (no Latin look-alike letters typed into a word).
    for (const tag of ['ru', 'uk'])
      for (const [k, v] of Object.entries(labelsFor(tag)))
        if (/\p{Script=Cyrillic}/u.test(v)) expect(/[A-Za-z]/.test(v), `${tag} ${k}: ${v}`).toBe(false);
  });

  it('has the headings a Japanese, Chinese, Korean, Arabic or Hebrew reader expects, in their own script', () => {
    expect(labelsFor('ja').contents).toBe('目次');
    expect(labelsFor('ja-JP').questions).toBe('復習問題');
    expect(labelsFor('ko').index).toBe('찾아보기');
    expect(labelsFor('ar').timeline).toBe('الخط الزمني');
    expect(labelsFor('he').answerKey).toBe('תשובות');
    expect(labelsFor('he-IL').treatySigned).toBe('חתימה');
    // Chinese: simplified for zh, zh-CN, zh-SG; traditional where the tag or its region writes it.
    expect(labelsFor('zh').contents).toBe('目录');
    expect(labelsFor('zh-CN').contents).toBe('目录');
    for (const tag of ['zh-Hant', 'zh-TW', 'zh-HK', 'zh-Hant-CN']) expect(labelsFor(tag).contents, tag).toBe('目錄');
    expect(creditWordsFor('zh-TW').wikipediaContributors).toBe('維基百科貢獻者');
    expect(creditWordsFor('ja').credit).toBe('{from}に基づく文章。著作者：{author}。ライセンス：{license}。');
    // Each table is written in its script: no Latin word but the page abbreviation the language borrows ("p.").
    const scripts: Record<string, RegExp> = {
      ja: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u,
      zh: /\p{Script=Han}/u,
      'zh-Hant': /\p{Script=Han}/u,
      ko: /\p{Script=Hangul}/u,
      ar: /\p{Script=Arabic}/u,
      he: /\p{Script=Hebrew}/u,
    };
    for (const tag of MORE)
      for (const [k, v] of Object.entries(labelsFor(tag))) {
        if (k === 'pageAbbr' || k === 'of') continue;
        expect(scripts[tag]!.test(v), `${tag} ${k}: ${v}`).toBe(true);
        expect(/[A-Za-z]{2}/.test(v.replace(/ID/g, '')), `${tag} ${k}: ${v}`).toBe(false);
      }
  });

  it('has the headings a Turkish, Greek, Romanian, Hungarian, Indonesian or Vietnamese reader expects', () => {
    expect(labelsFor('tr').contents).toBe('İçindekiler');
    expect(labelsFor('el-GR').questions).toBe('Ερωτήσεις επανάληψης');
    expect(labelsFor('ro').answerKey).toBe('Răspunsuri');
    expect(labelsFor('hu').index).toBe('Tárgymutató');
    expect(labelsFor('id').timeline).toBe('Linimasa');
    expect(labelsFor('vi').keyPoints).toBe('Ý chính');
    expect(creditWordsFor('el').wikipediaContributors).toBe('συντάκτες της Βικιπαίδειας');
    // Greek is Greek throughout but for the abbreviations it shares.
    for (const [k, v] of Object.entries(labelsFor('el'))) expect(/[A-Za-z]/.test(v), `el ${k}: ${v}`).toBe(false);
  });
});
