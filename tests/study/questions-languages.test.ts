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
