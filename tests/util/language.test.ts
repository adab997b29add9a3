import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bookMeta } from '../../src/pipeline/stages.js';
import { parseConfig } from '../../src/config/load.js';
import { detectLanguage, isBackMatterTitle } from '../../src/util/language.js';
import { CORPUS, parseText } from '../support/content.js';

const article = (name: string) => readFileSync(`${CORPUS}/${name}/${name}.wiki`, 'utf8');

describe('detectLanguage', () => {
  it.each([
    ['africaans', 'af'],
    ['Mark-Behr', 'af'],
    ['BBDO', 'de'],
    ['Sara-C.-Bisel', 'de'],
    ['Kigali_Amendment', 'en'],
    ['Allen-R.-Morris', 'en'],
  ])('reads the corpus article %s as %s', (name, lang) => {
    expect(detectLanguage(article(name))).toBe(lang);
  });

  it('tells close languages apart and maps ISO 639-3 to BCP 47', () => {
    const nb =
      'Han ble valgt til Stortinget i 2009 og var medlem av finanskomiteen. Han hadde ikke tidligere vært ' +
      'stortingsrepresentant, men var ordfører i kommunen fra 1999 til 2007.';
    expect(detectLanguage(nb)).toBe('nb');
    const af =
      'Hy is gebore in Tanzanië en het sy skoolopleiding in Pretoria voltooi. Die boek is deur die kritici ' +
      'goed ontvang en word nie meer gedruk nie.';
    expect(detectLanguage(af)).toBe('af');
    const fr =
      'La ville est située sur la rive gauche du fleuve et compte environ dix mille habitants, selon le ' +
      'recensement de la population.';
    expect(detectLanguage(fr)).toBe('fr');
    const es =
      'La ciudad se encuentra en la orilla izquierda del río y tiene alrededor de diez mil habitantes según ' +
      'el último censo de la población.';
    expect(detectLanguage(es)).toBe('es');
  });

  it('falls back to English when the text is too short to tell', () => {
    expect(detectLanguage('Berlin 1945')).toBe('en');
    expect(detectLanguage('')).toBe('en');
  });
});

describe('the book’s language', () => {
  const de = parseText(
    '== Leben ==\nSie wurde am 13. Mai 1932 in Berlin geboren und studierte später Anthropologie an der ' +
      'Universität. Nach ihrer Promotion arbeitete sie viele Jahre in Griechenland und Italien.\n',
    'a.wiki',
  );
  it('is detected from the sources when the config names none', () => {
    const config = parseConfig('', 'q.yaml');
    expect(config.language).toBe('detect');
    expect(bookMeta(config, [de], 'x', '2026-01-01').language).toBe('de');
  });
  it('is the config’s when it names one', () => {
    expect(bookMeta(parseConfig('language: en\n', 'q.yaml'), [de], 'x', '2026-01-01').language).toBe('en');
  });
});

describe('isBackMatterTitle', () => {
  it.each([
    'Literatur',
    'Weblinks',
    'Einzelnachweise',
    'Siehe auch',
    'Belege',
    'Quellen',
    'Anmerkungen',
    'Referanser',
    'Eksterne lenker',
    'Se også',
    'Kilder',
    'Verwysings',
    'Eksterne skakels',
    'Sien ook',
    'Bronne',
    'Bronnelys',
    'Références',
    'Liens externes',
    'Voir aussi',
    'Bibliographie',
    'Referencias',
    'Enlaces externos',
    'Véase también',
    'Bibliografía',
    'Referenties',
    'Externe links',
    'Zie ook',
    'Further reading',
    'References',
  ])('%s', (title) => {
    expect(isBackMatterTitle(title)).toBe(true);
  });
  it('not a chapter title', () => {
    expect(isBackMatterTitle('Leben')).toBe(false);
    expect(isBackMatterTitle('History')).toBe(false);
  });
});
