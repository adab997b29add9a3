/**
 * The index as a reader uses it: the main subjects present under the kind they are, people by surname,
 * no generic words; names the lexicon does not know are read by compromise's named-entity recognition or
 * from a title before them; a French guide falls back to the lexicon and the guide's own names.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { mergeSources } from '../../src/merge/index.js';
import { addStudyAids } from '../../src/study/index.js';
import { seedGuide } from '../support/seed-guide.js';
import { FIXTURES, parseText, TEST_META } from '../support/content.js';

const index = seedGuide().index;
const find = (term: string) => index.find((e) => e.term === term);

describe('the index of the seed guide', () => {
  it('has the main subjects under their kinds, people filed by surname', () => {
    expect(find('Soviet Union')).toMatchObject({ kind: 'place' });
    expect(find('Germany')).toMatchObject({ kind: 'place' });
    expect(find('Stalin, Joseph')).toMatchObject({ kind: 'person' });
    expect(find('Molotov, Vyacheslav')).toMatchObject({ kind: 'person' });
    expect(find('Red Army')).toMatchObject({ kind: 'organisation' });
    expect(find('Winter War')).toMatchObject({ kind: 'event' });
    const s = index.filter((e) => e.sortKey!.startsWith('s')).map((e) => e.term);
    expect(s).toContain('Stalin, Joseph');
  });

  it('has no generic word, adjective or month as an entry', () => {
    for (const word of ['Affairs', 'Union', 'Boundary', 'Soviet', 'German', 'November', 'Minister', 'Pact'])
      expect(find(word), word).toBeUndefined();
  });

  it('gives one person spelled two ways by the sources one entry, found under both spellings', () => {
    // The later revision writes "Vladimir Potemkin", the 2008 one "Vladimir Potyomkin".
    const entries = index.filter((e) => /^Pot(?:e|yo)mkin, Vladimir$/.test(e.term));
    expect(entries).toHaveLength(1);
    expect(entries[0]!.mentions.length).toBeGreaterThanOrEqual(2);
  });

  it('files a name after a title as a person ("Foreign Minister Joachim von Ribbentrop")', () => {
    const ribbentrop = index.find((e) => /^Ribbentrop\b/.test(e.term));
    expect(ribbentrop).toMatchObject({ kind: 'person' });
    expect(index.find((e) => /Minister/.test(e.term) && e.kind === 'person')).toBeUndefined();
  });

  it('asks compromise’s named-entity recognition about names the lexicon does not know', () => {
    // "Christian Rakovsky": neither name is in compromise's lexicon; the tagger reads him as a person in context.
    expect(index.find((e) => /^Rakovsky\b/.test(e.term))).toMatchObject({ kind: 'person' });
  });
});

describe('the index of a French guide (compromise reads English only)', () => {
  it('falls back to the lexicon and the guide’s own names', () => {
    const text = readFileSync(path.join(FIXTURES, 'study/traite-de-norvik.md'), 'utf8');
    const guide = addStudyAids(
      mergeSources([parseText(text, 'traite-de-norvik.md')], { ...TEST_META, language: 'fr' }),
    );
    expect(guide.index.filter((e) => e.kind === 'person').map((e) => e.term)).toEqual(
      expect.arrayContaining(['Feld, Jonas', 'Lund, Petra']),
    );
    for (const e of guide.index) expect(e.term).not.toMatch(/^(?:Le|La|Les|En)\b/);
  });
});
