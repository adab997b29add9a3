import { describe, expect, it } from 'vitest';
import { labelsFor } from '../../src/util/labels.js';

describe("Quire's own words in the book's language", () => {
  it('follows the language and its region-free base', () => {
    expect(labelsFor('de-AT').contents).toBe('Inhalt');
    expect(labelsFor('af').timeline).toBe('Tydlyn');
    expect(labelsFor('no').answerKey).toBe('Fasit');
    expect(labelsFor('nn').index).toBe('Register');
    expect(labelsFor('fr').keyPoints).toBe('Points clés');
  });

  it('falls back to English for a language without a table, and for a word a table lacks', () => {
    expect(labelsFor('fi').contents).toBe('Contents');
    expect(labelsFor('pt').ambassadors).toBe('Glossary of ambassadors');
  });

  it('gives every language every label English has', () => {
    const keys = Object.keys(labelsFor('en')).sort();
    for (const tag of ['de', 'fr', 'es', 'nl', 'af', 'nb', 'it', 'pt'])
      expect(Object.keys(labelsFor(tag)).sort(), tag).toEqual(keys);
  });
});
