/**
 * Issue 20 on guides in other languages, as a reader sees them: the index files names under the kind they
 * are (a language or its adjective is no place; a country the language names is one), treaties are found by
 * the language's own kind words (compounds too) and an article without treaties has no treaty glossary,
 * and timeline labels are the clause that carries the date, not the whole sentence. Real articles of the
 * corpus (Afrikaans, German) and made-up ones.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mergeSources } from '../../src/merge/index.js';
import { addStudyAids } from '../../src/study/index.js';
import { build } from '../../src/pipeline/build.js';
import type { StudyGuide } from '../../src/model/index.js';
import { CORPUS, FIXTURES, parseText, TEST_META } from '../support/content.js';

const guide = (text: string, file: string, language: string): StudyGuide =>
  addStudyAids(mergeSources([parseText(text, file)], { ...TEST_META, language }));
const article = (name: string) => readFileSync(path.join(CORPUS, name, `${name}.wiki`), 'utf8');
const kindOf = (g: StudyGuide, term: string) => g.index.find((e) => e.term === term)?.kind;

describe.skipIf(!CORPUS)('the index of real articles in other languages', () => {
  let behr: StudyGuide;
  let bisel: StudyGuide;
  let bbdo: StudyGuide;
  beforeAll(() => {
    behr = guide(article('Mark-Behr'), 'Mark-Behr.wiki', 'af');
    bisel = guide(article('Sara-C.-Bisel'), 'Sara-C.-Bisel.wiki', 'de');
    bbdo = guide(article('BBDO'), 'BBDO.wiki', 'de');
  });

  it('files no language, nor an adjective of a language or a nation, under any kind (Afrikaans)', () => {
    // "Hy het in Afrikaans sowel as Engels geskryf", "in Engelse letterkunde", "die Britse Betty Trask-prys".
    for (const word of ['Engels', 'Engelse', 'Afrikaans', 'Afrikaanse', 'Britse', 'Swahili'])
      expect(kindOf(behr, word), word).toBeUndefined();
  });

  it('files the countries and towns the article names as places, its universities as organisations', () => {
    for (const place of ['Tanzanië', 'Suid-Afrika', 'Noorweë', 'Kanada', 'Zambië'])
      expect(kindOf(behr, place), place).toBe('place');
    expect(kindOf(behr, 'Universiteit van Stellenbosch')).toBe('organisation');
    expect(kindOf(behr, 'Behr, Mark')).toBe('person');
  });

  it('files no common noun as a place, and a body’s branch as a body (German)', () => {
    // "promovierte in Ernährungswissenschaft": a field of study, not a place.
    expect(bisel.index.find((e) => /wissenschaft$/i.test(e.term))).toBeUndefined();
    for (const place of ['Griechenland', 'Türkei', 'Pittsburgh']) expect(kindOf(bisel, place), place).toBe('place');
    expect(kindOf(bbdo, 'BBDO Germany')).toBe('organisation');
    expect(kindOf(bbdo, 'Deutschland')).toBe('place');
  });

  it('has no treaty glossary where the article names no treaty', () => {
    for (const g of [behr, bisel, bbdo]) expect(g.glossaries.treaties).toEqual([]);
  });
});

describe('the index of made-up articles in other languages', () => {
  it('German: a language name after "in" is no place; a town the text places is; months are not entries', () => {
    // A single capitalised word after "nach" or "in" may be a German common noun: the town is a place because
    // the text places it ("Wuppertal, Deutschland").
    const g = guide(
      [
        '# Anna Lund',
        'Anna Lund zog im Mai 1950 nach Wuppertal, Deutschland. Sie schrieb in Englisch und in Deutsch. ' +
          'In Wuppertal gründete sie im Mai 1952 eine Schule. Ihre Bücher erschienen in Englisch.',
      ].join('\n\n'),
      'lund.md',
      'de',
    );
    expect(kindOf(g, 'Wuppertal')).toBe('place');
    for (const word of ['Englisch', 'Deutsch', 'Mai']) expect(kindOf(g, word), word).toBeUndefined();
  });

  it('Norwegian: a place after "i", "fra" or "til"; a language is none', () => {
    const g = guide(
      [
        '# Ola Nordmann',
        'Ola Nordmann flyttet fra Ålesund til Tromsø i 1950. I Tromsø skrev han på Nynorsk og Bokmål. ' +
          'Han kom tilbake til Ålesund i 1960.',
      ].join('\n\n'),
      'ola.md',
      'nb',
    );
    expect(kindOf(g, 'Tromsø')).toBe('place');
    expect(kindOf(g, 'Ålesund')).toBe('place');
  });
});

describe('treaties named in other languages', () => {
  const fixture = () => readFileSync(path.join(FIXTURES, 'study/vertrag-von-norvik.md'), 'utf8');

  it('German: names by place, hyphenated names and compounds with a party; steps by the German verbs', () => {
    const treaties = guide(fixture(), 'vertrag-von-norvik.md', 'de').glossaries.treaties;
    const byName = (name: string) => treaties.find((t) => t.name === name);
    expect(treaties.map((t) => t.name).sort()).toEqual([
      'Bündnis mit Frankreich',
      'Handelsvertrag mit Japan',
      'Kessel-Norvik-Pakt',
      'Vertrag von Norvik',
    ]);
    // "des Vertrages von Norvik" is the same treaty, named as a title writes it.
    expect(byName('Vertrag von Norvik')).toMatchObject({ status: 'ratified', date: '1884-04-09' });
    expect(byName('Vertrag von Norvik')!.history!.map((h) => [h.status, h.date])).toEqual([
      ['signed', '1884-04-09'],
      ['ratified', '1886'],
    ]);
    expect(byName('Kessel-Norvik-Pakt')).toMatchObject({ status: 'signed', date: '1892-06-14' });
    expect(byName('Handelsvertrag mit Japan')).toMatchObject({ status: 'signed', date: '1895-05-02' });
    // "… wurde verhandelt, aber nie geschlossen": never shown as signed.
    expect(byName('Bündnis mit Frankreich')).toMatchObject({ status: 'negotiated', date: null });
    // "Der Arbeitsvertrag des Hafenmeisters": a contract, no treaty.
    expect(treaties.some((t) => /Arbeitsvertrag/.test(t.name))).toBe(false);
  });

  it.each([
    ['af', 'Die Verdrag van Vereeniging is op 31 Mei 1902 in Pretoria onderteken.', 'Verdrag van Vereeniging'],
    ['nb', 'Versailles-traktaten ble undertegnet 28. juni 1919 i Versailles.', 'Versailles-traktaten'],
    ['nl', 'Het Verdrag van Utrecht werd op 11 april 1713 ondertekend.', 'Verdrag van Utrecht'],
    ['es', 'El Tratado de Madrid fue firmado el 13 de enero de 1750 por los dos reinos.', 'Tratado de Madrid'],
    ['fr', 'Le pacte germano-soviétique fut signé le 23 août 1939 à Moscou.', 'pacte germano-soviétique'],
  ])('%s: "%s" names %s, signed on its day', (language, sentence, name) => {
    const treaties = guide(`# Geskiedenis\n\n${sentence}`, 'a.md', language).glossaries.treaties;
    expect(treaties.map((t) => t.name)).toEqual([name]);
    expect(treaties[0]!.status).toBe('signed');
    expect(treaties[0]!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('parties are the states the signing sentence pairs ("zwischen … und …", "… und … unterzeichneten")', () => {
    const parties = (language: string, sentence: string) =>
      guide(`# Geschichte\n\n${sentence}`, 'a.md', language).glossaries.treaties.map((t) => t.parties);
    expect(parties('es', 'El Tratado de Madrid fue firmado el 13 de enero de 1750 entre España y Portugal.')).toEqual([
      ['España', 'Portugal'],
    ]);
    expect(
      parties('de', 'Am 16. April 1922 unterzeichneten Deutschland und Sowjetrussland den Vertrag von Rapallo.'),
    ).toEqual([['Deutschland', 'Sowjetrussland']]);
    // Two people who signed are no parties.
    expect(
      parties('de', 'Am 9. April 1884 unterzeichneten Karel Brant und Jonas Feld den Vertrag von Norvik.'),
    ).toEqual([[]]);
  });

  it('a kind word alone names nothing ("der Vertrag", "die ooreenkoms", "ein Handelsabkommen")', () => {
    const g = guide(
      '# Handel\n\nDer Vertrag wurde 1950 unterzeichnet. Die Firmen schlossen ein Handelsabkommen.',
      'a.md',
      'de',
    );
    expect(g.glossaries.treaties).toEqual([]);
  });
});

describe('the treaty glossary in the web page', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'quire-intl-aids-'));
  const pageOf = async (name: string, file: string, text: string, language: string) => {
    const content = path.join(out, name, 'content');
    const outDir = path.join(out, name, 'out');
    mkdirSync(content, { recursive: true });
    writeFileSync(path.join(content, file), text);
    writeFileSync(path.join(content, 'quire.yaml'), `title: ${name}\nlanguage: ${language}\n`);
    await build({ contentDir: content, outDir, formats: ['html'], progress: 'silent', cacheDir: false });
    return readFileSync(
      path.join(
        outDir,
        readdirSync(outDir).find((n) => n.endsWith('.html'))!,
      ),
      'utf8',
    );
  };

  it('lists the German article’s treaties, and is left out of an article without any', async () => {
    const html = await pageOf(
      'norvik',
      'vertrag.md',
      readFileSync(path.join(FIXTURES, 'study/vertrag-von-norvik.md'), 'utf8'),
      'de',
    );
    const glossary = /<section class="glossary treaties"[^]*?<\/section>/.exec(html)?.[0] ?? '';
    for (const name of ['Vertrag von Norvik', 'Kessel-Norvik-Pakt', 'Handelsvertrag mit Japan'])
      expect(glossary, name).toContain(name);
    const none = await pageOf(
      'lund',
      'lund.md',
      '# Anna Lund\n\nAnna Lund zog im Mai 1950 nach Wuppertal. Dort gründete sie im Mai 1952 eine Schule.',
      'de',
    );
    expect(none).not.toContain('glossary treaties');
  }, 120_000);
});

/** Every label's words are words of its sentence, in the sentence's order: never cut inside a word. */
function wordsInOrder(label: string, sentence: string): boolean {
  let at = 0;
  for (const w of label.split(/\s+/)) {
    const i = sentence.toLowerCase().indexOf(w.toLowerCase().replace(/[,;:]$/, ''), at);
    if (i < 0) return false;
    at = i + 1;
  }
  return true;
}

describe('timeline labels in other languages', () => {
  it.skipIf(!CORPUS)('Afrikaans article: the date’s clause, short, never cut off', () => {
    const timeline = guide(article('Mark-Behr'), 'Mark-Behr.wiki', 'af').glossaries.timeline;
    expect(timeline.length).toBeGreaterThan(10);
    for (const e of timeline) {
      expect(e.text!.length, e.text).toBeLessThanOrEqual(160);
      expect(e.text, e.text).not.toMatch(/…|\.\.\.$/);
    }
    // Most labels fit in two lines of the timeline's table (the sentences run to 270 characters).
    const short = timeline.filter((e) => e.text!.length <= 120).length;
    expect(short / timeline.length).toBeGreaterThanOrEqual(0.8);
    // "Die gesin verlaat Tanzanië in 1965 toe … en die plase van wit boere in 1964 genasionaliseer word …":
    // each year has its own clause.
    const of = (year: string) => timeline.find((e) => e.date === year)!.text!;
    expect(of('1965')).toMatch(/verlaat Tanzanië/);
    expect(of('1965')).not.toMatch(/genasionaliseer/);
    expect(of('1964')).toMatch(/genasionaliseer/);
    expect(of('1964')).not.toMatch(/verlaat/);
  });

  it('German: a coordinated clause takes the sentence’s subject; a relative clause its name', () => {
    const g = guide(
      [
        '# Anna Lund',
        'Anna Lund studierte Medizin in Kiel und wurde im Mai 1950 Ärztin am Städtischen Krankenhaus in Bremen, ' +
          'wo sie bis zu ihrem Ruhestand als Chirurgin arbeitete und zahlreiche Aufsätze veröffentlichte.',
        'Derzeitiger Leiter der Klinik ist Jan Berg, der das Haus seit März 2004 als jüngster Direktor seiner ' +
          'Geschichte führt und die Forschung ausgebaut hat.',
      ].join('\n\n'),
      'lund.md',
      'de',
    );
    expect(g.glossaries.timeline.map((e) => [e.date, e.text])).toEqual([
      ['1950-05', 'Anna Lund wurde Ärztin am Städtischen Krankenhaus in Bremen'],
      ['2004-03', 'Jan Berg, der das Haus als jüngster Direktor seiner Geschichte führt'],
    ]);
  });

  it('Afrikaans: two dates of one sentence, each with its clause; a short relative clause keeps its own', () => {
    const g = guide(
      [
        '# Piet Smit',
        'Die gesin verlaat Namibië in 1971 toe die land se grense gesluit word en die plase van die boere in 1970 ' +
          'onteien word tydens die bewind van die regering van die dag.',
        'Hy wou hom aanvanklik as dokter bekwaam, maar behaal ’n graad met Duits en Frans as hoofvakke, en skryf ' +
          'dan in vir ’n meestersgraad in geskiedenis, wat hy in 1989 behaal.',
      ].join('\n\n'),
      'smit.md',
      'af',
    );
    const labels = g.glossaries.timeline.map((e) => [e.date, e.text]);
    expect(labels).toEqual([
      ['1970', 'Die plase van die boere onteien word tydens die bewind van die regering van die dag'],
      ['1971', 'Die gesin verlaat Namibië'],
      ['1989', 'Hy skryf dan in vir ’n meestersgraad in geskiedenis, wat hy behaal'],
    ]);
    for (const e of g.glossaries.timeline) expect(wordsInOrder(e.text!, e.sentence!), e.text).toBe(true);
  });
});
