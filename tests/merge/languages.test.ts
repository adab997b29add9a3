import { describe, expect, it } from 'vitest';
import { mergeSources } from '../../src/merge/index.js';
import { splitSentences } from '../../src/merge/sentences.js';
import { parseText, TEST_META } from '../support/content.js';

const sentences = (text: string, locale: string) =>
  splitSentences([{ type: 'text', value: text }], locale).map((s) => s.text);

describe('back matter in other languages', () => {
  const titles = [
    'Literatur',
    'Weblinks',
    'Einzelnachweise',
    'Siehe auch',
    'Referanser',
    'Eksterne lenker',
    'Se også',
    'Verwysings',
    'Eksterne skakels',
    'Sien ook',
    'Bronne',
    'Références',
    'Liens externes',
    'Bibliografía',
    'Véase también',
    'Zie ook',
    'Further reading',
  ];
  const wiki =
    'Die Stadt liegt am Fluss. Sie hat viele Einwohner.\n\n== Geschichte ==\nDie Stadt wurde früh gegründet.\n\n' +
    titles.map((t, i) => `== ${t} ==\n* Eintrag ${i + 1}\n`).join('\n');
  const book = mergeSources(
    [parseText(wiki, 'a.wiki')],
    { ...TEST_META, language: 'de' },
    {
      policy: 'union',
      threshold: 0.6,
    },
  );

  it('become back matter, not chapters, whatever the book’s language', () => {
    expect(book.chapters.map((c) => c.title)).toEqual(['Einleitung', 'Geschichte']);
    expect(book.backMatter.map((m) => m.title)).toEqual(titles);
  });
});

describe('sentences with ordinals and abbreviations', () => {
  it('German', () => {
    expect(
      sentences(
        'Am 24. Oktober 1941 fiel die Stadt. Im 19. Jahrhundert gab es z. B. Mühlen, u. a. am Fluss, bzw. ' +
          'ca. 20 Betriebe. Dr. Müller wohnte in Nr. 5. Friedrich II. regierte lange. Er starb 1786. Danach kam Ruhe.',
        'de',
      ),
    ).toEqual([
      'Am 24. Oktober 1941 fiel die Stadt.',
      'Im 19. Jahrhundert gab es z. B. Mühlen, u. a. am Fluss, bzw. ca. 20 Betriebe.',
      'Dr. Müller wohnte in Nr. 5.',
      'Friedrich II. regierte lange.',
      'Er starb 1786.',
      'Danach kam Ruhe.',
    ]);
  });

  it('German: a sentence may begin with a number, even before a lower-case word', () => {
    expect(
      sentences(
        'Sie wurde zum Netzwerk des Jahres gewählt. 2013 wird sie wieder gewählt. Am 3. 10. war Feiertag.',
        'de',
      ),
    ).toEqual([
      'Sie wurde zum Netzwerk des Jahres gewählt.',
      '2013 wird sie wieder gewählt.',
      'Am 3. 10. war Feiertag.',
    ]);
  });

  it('Norwegian', () => {
    expect(
      sentences(
        'Han ble valgt 1. november 2009. Han var f.eks. medlem av komiteen, bl.a. som leder for nr. 3. ' +
          'Den 17. Mai er nasjonaldagen. Han døde i 2015.',
        'nb',
      ),
    ).toEqual([
      'Han ble valgt 1. november 2009.',
      'Han var f.eks. medlem av komiteen, bl.a. som leder for nr. 3.',
      'Den 17. Mai er nasjonaldagen.',
      'Han døde i 2015.',
    ]);
  });

  it('Afrikaans', () => {
    expect(
      sentences(
        'Hy is op 19 Oktober 1963 gebore. Skrywers soos bv. Breytenbach en mnr. Jansen het tydens pres. ' +
          'Kruger geskryf. Dit was goed.',
        'af',
      ),
    ).toEqual([
      'Hy is op 19 Oktober 1963 gebore.',
      'Skrywers soos bv. Breytenbach en mnr. Jansen het tydens pres. Kruger geskryf.',
      'Dit was goed.',
    ]);
  });

  it('Afrikaans: the article ’n opens a sentence, and stays inside one', () => {
    expect(sentences("Die dag speel af op ’n plaas. ’n Gebeurtenis verander alles. 'n Man kom terug.", 'af')).toEqual([
      'Die dag speel af op ’n plaas.',
      '’n Gebeurtenis verander alles.',
      "'n Man kom terug.",
    ]);
  });

  it('English is unchanged: a year or a Roman numeral may end a sentence', () => {
    expect(sentences('It ended in World War II. Then peace came. Dr. Smith died in 1945. He was 70.', 'en')).toEqual([
      'It ended in World War II.',
      'Then peace came.',
      'Dr. Smith died in 1945.',
      'He was 70.',
    ]);
  });

  it('English: a number opens a sentence; World War I ends one; initials and "Sept. 11" do not', () => {
    expect(
      sentences(
        'It triggered World War I. Germany lost. Most speak German. 67% of them speak English. ' +
          'J. R. R. Tolkien wrote on Sept. 11 attacks in the U.S. Army. 30 companies are listed.',
        'en',
      ),
    ).toEqual([
      'It triggered World War I.',
      'Germany lost.',
      'Most speak German.',
      '67% of them speak English.',
      'J. R. R. Tolkien wrote on Sept. 11 attacks in the U.S. Army.',
      '30 companies are listed.',
    ]);
  });

  it('a line break inside a paragraph (a soft break) is a space, not the end of a sentence', () => {
    expect(
      sentences(
        'The delegates met that night and the\nKessel–Voss Treaty was signed at dawn. It\r\nended the war.',
        'en',
      ),
    ).toEqual(['The delegates met that night and the Kessel–Voss Treaty was signed at dawn.', 'It ended the war.']);
    expect(sentences('Der Vertrag wurde in der\nNacht unterzeichnet. Er beendete den Krieg.', 'de')).toEqual([
      'Der Vertrag wurde in der Nacht unterzeichnet.',
      'Er beendete den Krieg.',
    ]);
  });
});
