/**
 * A wiki writes its File and Category links with its own namespace names: `[[Kategorie:…]]` narrows an article
 * to the wikis that say "Kategorie". Detection then chooses among those languages only, so a German list whose
 * only prose is a Spanish address is German.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../../src/pipeline/build.js';
import { namespaceLanguages } from '../../src/sources/wiki/namespaces.js';
import { detectLanguage } from '../../src/util/language.js';
import { FIXTURES } from '../support/content.js';

const SPANISH =
  'La ciudad se encuentra en la orilla izquierda del río y tiene alrededor de diez mil habitantes según ' +
  'el último censo de la población.';
const AFRIKAANS =
  'Hy is gebore in Tanzanië en het sy skoolopleiding in Pretoria voltooi. Die boek is deur die kritici ' +
  'goed ontvang en word nie meer gedruk nie.';

describe('the languages a wiki’s namespace names allow', () => {
  it('narrows with each localised name and ignores the canonical English ones', () => {
    expect(namespaceLanguages('x [[Kategorie:Liste]] y')).toEqual(['de', 'cs', 'af']);
    expect(namespaceLanguages('[[Datei:a.jpg|mini|b]]\n[[Kategorie:Liste]]')).toEqual(['de']);
    expect(namespaceLanguages('[[ Lêer:a.jpg|duimnael]] [[Kategorie:X]]')).toEqual(['af']);
    expect(namespaceLanguages('[[File:a.jpg|thumb]] [[Category:X]] [[Image:b.png]]')).toBeUndefined();
    expect(namespaceLanguages('[[Berlin]] [[de:Berlin]] [[constructor:x]] [[toString:y]]')).toBeUndefined();
  });
  it('tells nothing when the names contradict each other', () => {
    expect(namespaceLanguages('[[Datei:a.jpg]] [[Catégorie:X]]')).toBeUndefined();
  });
});

describe('detection among the languages the markup allows', () => {
  it('chooses among the candidates only, and reads close languages by their function words', () => {
    // The premise: without candidates, the text is what it is.
    expect(detectLanguage(SPANISH)).toBe('es');
    expect(detectLanguage(SPANISH, ['de', 'cs', 'af'])).not.toBe('es');
    expect(detectLanguage(AFRIKAANS, ['de', 'cs', 'af'])).toBe('af');
    expect(detectLanguage(AFRIKAANS, ['nl', 'ro'])).toBe('nl');
  });
  it('takes the first candidate when the text is too short to tell', () => {
    expect(detectLanguage('Santiago 1810', ['de', 'cs', 'af'])).toBe('de');
    expect(detectLanguage('Santiago 1810')).toBe('en');
  });
});

describe('a German list whose only prose is a Spanish address', () => {
  it('is built as a German guide', async () => {
    const contentDir = path.join(FIXTURES, 'markup-language');
    const file = path.join(contentDir, 'Liste-der-argentinischen-Botschafter-in-Chile.wiki');
    const prose = readFileSync(file, 'utf8').split('{|')[0]!;
    // The premise: its prose alone reads as Spanish.
    expect(detectLanguage(prose)).toBe('es');
    const out = mkdtempSync(path.join(tmpdir(), 'quire-markup-lang-'));
    await build({ contentDir, outDir: out, formats: ['json'], progress: 'silent', cacheDir: false });
    const book = JSON.parse(readFileSync(path.join(out, 'book.json'), 'utf8'));
    expect(book.language).toBe('de');
  }, 120_000);
});
