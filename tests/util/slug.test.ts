/**
 * Ids from names and headings in any script: transliterated to ASCII, never emptied to "section" nor cut at
 * a letter outside ASCII ("Sætre" once gave "s-tre").
 */
import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/util/slug.js';
import { mergeSources } from '../../src/merge/index.js';
import { addStudyAids } from '../../src/study/index.js';
import { parseText, TEST_META } from '../support/content.js';

describe('slugify', () => {
  it('transliterates letters outside ASCII instead of dropping them', () => {
    expect(slugify('Magnar Sætre')).toBe('magnar-saetre');
    expect(slugify('Straße des 17. Juni')).toBe('strasse-des-17-juni');
    expect(slugify('Øresund')).toBe('oresund');
    expect(slugify('Canton d’Étaples')).toBe('canton-d-etaples');
    // Decomposed accents (NFD) read as the composed letters.
    expect(slugify('Cafe\u0301 Ame\u0301lie')).toBe('cafe-amelie');
  });

  it('gives a heading in another script an id that reads as it', () => {
    expect(slugify('Отношения СССР')).toBe('otnosheniya-sssr');
    expect(slugify('Ελληνικά')).toBe('ellinika');
  });

  it('keeps ASCII text as it was, and falls back to "section" only when nothing is left', () => {
    expect(slugify('Treaty of Rapallo (1922)')).toBe('treaty-of-rapallo-1922');
    expect(slugify('…')).toBe('section');
  });
});

describe('the ids of a guide in Russian (made up)', () => {
  const article = [
    '# Отношения',
    '## Договор',
    'В 1922 году в Рапалло был подписан договор. Договор восстановил отношения.',
    '## Торговля',
    'В 1925 году было подписано торговое соглашение. Торговля выросла.',
  ].join('\n\n');
  const book = addStudyAids(mergeSources([parseText(article, 'otnosheniya.md')], { ...TEST_META, language: 'ru' }));

  it('gives each chapter and section an id of its own words, not "section", "section-2"', () => {
    const ids = book.chapters.flatMap((c) => [c.id, ...c.sections.map((s) => s.id)]);
    expect(ids.some((id) => /^section(?:-\d+)?$/.test(id))).toBe(false);
    expect(ids).toEqual(expect.arrayContaining([expect.stringMatching(/dogovor/), expect.stringMatching(/torgovlya/)]));
  });
});
