/**
 * Templates outside the reader's table, read by what they are given and where they stand (guess.ts): what
 * they become, and what they must not become (a navigation box is not a country, a hatnote is not text, a
 * template left out leaves no note or warning of what is inside it).
 */
import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import { readWikitext } from '../../src/sources/wikitext.js';
import { dateText } from '../../src/sources/wiki/guess.js';
import { regionByCode, regionByName, regionName } from '../../src/sources/wiki/regions.js';

const GERMAN = 'Die Stadt liegt am Fluss und hat viele alte Häuser, die von den Bürgern gepflegt werden. ';
const ENGLISH = 'The town lies on the river and has many old houses, which the people of the town keep up. ';

function read(text: string) {
  return readWikitext({ text, file: 't.wiki', format: 'wikitext' });
}

const textOf = (text: string) =>
  read(text)
    .tree.children.map((c) => toString(c))
    .join('\n');

const rules = (text: string) => read(text).warnings.map((w) => [w.rule, w.message]);

describe('countries and flags', () => {
  it('knows a region by its name in a language, and an ISO 3166 code with or without a year', () => {
    expect(regionByName('Vereinigtes Königreich', ['de'])).toBe('GB');
    expect(regionByName('Südafrika', ['de', 'en'])).toBe('ZA');
    expect(regionByName('Chicago', ['en'])).toBeUndefined();
    expect(regionByCode('DEU-1935')).toEqual({ code: 'DEU', region: 'DE' });
    expect(regionByCode('GBR')).toEqual({ code: 'GBR', region: 'GB' });
    expect(regionByCode('RHO-1968')).toEqual({ code: 'RHO', region: undefined });
    expect(regionByCode('PD')).toBeUndefined();
    expect(regionByCode('Deu')).toBeUndefined();
    expect(regionName('PL', 'de')).toBe('Polen');
  });

  it('shows a flag template inside a line as its country, in the article’s language', () => {
    const list = textOf(`${GERMAN}\n* {{Frankreich}}: 2,36 Zoll\n* {{USA}}: 3,5 Zoll\n`);
    expect(list).toContain('Frankreich: 2,36 Zoll');
    expect(list).toContain('Vereinigte Staaten: 3,5 Zoll');
    expect(textOf(`${ENGLISH}\n* {{JPN}} and {{flagcountry|DEU}}\n`)).toContain('Japan and Germany');
  });

  it('drops a country-named template standing alone on its line (a navigation box), with a warning', () => {
    const text = `${ENGLISH}\n\n{{Japan}}\n`;
    expect(textOf(text)).not.toContain('Japan');
    expect(rules(text)).toEqual([['unknown-template', 'unknown template "Japan" dropped']]);
  });
});

describe('dates and numbers', () => {
  it('reads a whole ISO date or one chrono reads entirely, and writes it in the language', () => {
    expect(dateText('2002-09-23', 'de')).toBe('23. September 2002');
    expect(dateText('2013-1-8', 'en')).toBe('January 8, 2013');
    expect(dateText('23 September 2002', 'en')).toBe('September 23, 2002');
    expect(dateText('9. Februar 2004', 'de')).toBe('9. Februar 2004');
    // A season, a month without its year, a date in a sentence, an impossible date: not dates.
    expect(
      ['2011-12', 'March 5', 'released on 5 March 2004 in Paris', '2003-02-30'].map((v) => dateText(v, 'en')),
    ).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('shows a template given one date or one version among switches', () => {
    expect(textOf(`${ENGLISH}It came out on {{FormatDate|2004-11-09|nbsp}} as {{Version |o |1.0}}.\n`)).toContain(
      'It came out on November 9, 2004 as 1.0.',
    );
  });
});

describe('text given to a template of the project’s own', () => {
  it('shows plain positional text, leaving out an identifier and a repeat, with a warning', () => {
    const text = `${ENGLISH}\n* {{In Our Time|Anarchism|p0038x9t|Anarchism}}, BBC Radio 4\n`;
    expect(textOf(text)).toContain('Anarchism, BBC Radio 4');
    expect(rules(text)).toEqual([['guessed-template', 'unknown template "In Our Time" shown as its text']]);
  });

  it('makes a list of numbered parameters, one item a number', () => {
    const text =
      `${ENGLISH}\n{{Tracklist\n| title1 = Savannah (Part One)\n| note1 = Demo\n| length1 = 2:33\n` +
      '| title2 = The Snow Fall\n| length2 = 4:00\n}}\n';
    const list = read(text).tree.children.find((c) => c.type === 'list')!;
    expect(list.children.map((item) => toString(item))).toEqual([
      'Savannah (Part One) – Demo – 2:33',
      'The Snow Fall – 4:00',
    ]);
    expect(rules(text)).toEqual([
      ['guessed-template', 'unknown template "Tracklist" shown as a list, one item a number'],
    ]);
  });

  it('shows a team template’s name, or its code in a table cell, each guess said', () => {
    const text = `${ENGLISH}\n{|\n| {{ru|Scotland}} || 29–13 || {{ru|WAL}}\n|}\n`;
    expect(textOf(text)).toContain('Scotland29–13WAL');
    expect(rules(text)).toEqual([
      ['guessed-template', 'unknown template "Ru" shown as its text'],
      ['guessed-template', 'unknown template "Ru" shown as its code "WAL"'],
    ]);
    // Text in the script of the language a template is named after is that language's text.
    expect(textOf(`${ENGLISH}It is called {{ru|Шотландия}}.`)).toContain('It is called Шотландия.');
  });

  it('reads {{dts}} year first or day first, empty parts left out', () => {
    expect(textOf('{{dts|2010|5|3}}; {{dts|3|5|2010}}; {{dts|||1810}}; {{dts|3 May 2010}}')).toBe(
      'May 3, 2010; 3 May 2010; 1810; 3 May 2010',
    );
  });
});

describe('boxes of named values', () => {
  const box =
    `${ENGLISH}\n\n{{Enzyme\n| Name = Alanine—oxo-acid transaminase\n| EC_number = 2.6.1.12\n` +
    '| CAS_number = 37277-94-7\n| GO_code = 0047299\n| image = \n| caption = \n| KEGG = yes\n}}\n';

  it('reads a box of five named values on its own line as an infobox: dropped, said, or a table', () => {
    expect(rules(box)).toEqual([['dropped-infobox', 'infobox "Enzyme" dropped']]);
    const kept = readWikitext({ text: box, file: 't.wiki', format: 'wikitext', options: { infobox: 'table' } });
    const table = kept.tree.children.find((c) => c.type === 'table')!;
    expect(toString(table)).toContain('2.6.1.12');
  });
});

describe('what a guess must not make', () => {
  it('keeps {{see}} a hatnote, and a code outside a table cell unknown', () => {
    expect(rules(`{{see|Invasion of Poland}}\n${ENGLISH}\n`)).toEqual([['dropped-hatnote', 'hatnote dropped']]);
    expect(rules(`${ENGLISH}\n* {{ru|SCO}} 12\n`)).toEqual([['unknown-template', 'unknown template "Ru" dropped']]);
  });

  it('leaves no note and no image warning from inside a template it drops', () => {
    const r = read(
      `${ENGLISH}\n{{random item|range=2\n|1=[[File:A b.jpg|thumb|A view<ref>{{cite web|title=T|url=https://x.org}}</ref>]]\n` +
        '|2=[[File:C d.jpg|thumb|Another view]]\n}}\n',
    );
    expect(r.citations).toEqual([]);
    expect(r.warnings.map((w) => w.rule)).toEqual(['unknown-template']);
  });

  it('does not take an identifier alone for text', () => {
    const text = `${ENGLISH}\n* {{stortingetbio|MSE}}\n`;
    expect(rules(text)).toEqual([['unknown-template', 'unknown template "Stortingetbio" dropped']]);
  });
});

describe('a number and its unit', () => {
  it('is shown whole, number and unit joined by a no-break space, with a warning', () => {
    expect(textOf('Une base de {{unité|30|To}} et un colis de {{unité|1.5|kg}}.')).toBe(
      'Une base de 30\u00a0To et un colis de 1.5\u00a0kg.',
    );
    expect(rules('Une base de {{unité|30|To}}.')).toEqual([
      ['guessed-template', 'unknown template "Unité" shown as a quantity'],
    ]);
  });

  it('is no quantity when the first value is no number or a value is named', () => {
    expect(textOf('Version {{Version|o|0.1}} est sortie.')).toBe('Version 0.1 est sortie.');
    expect(textOf('Il pèse {{poids|valeur=30|unité=kg}}.')).not.toContain('30\u00a0kg');
  });
});

describe('a box of facts with a picture, under a name the reader does not know', () => {
  const box = [
    '{{영화인 정보',
    '|이름=조지 루카스',
    '|그림=George Lucas.jpg',
    '|그림 설명=2007년의 루카스',
    '|출생일=1944년 5월 14일',
    '|출생지=모데스토',
    '|직업=영화 감독',
    '}}',
    "'''조지 루카스'''는 영화 감독이다.",
  ].join('\n');

  it('gives its picture with the caption given for it, and says the box was dropped', () => {
    const { tree } = read(box);
    expect(tree.children.map((c) => toString(c))).toEqual(['2007년의 루카스', '조지 루카스는 영화 감독이다.']);
    expect(JSON.stringify(tree.children[0])).toContain('"type":"image"');
    expect(rules(box)).toContainEqual(['dropped-infobox', 'infobox "영화인 정보" dropped']);
  });

  it('is not a box of numbered pictures', () => {
    const pictures =
      '{{Bilderpaar\n|image1=a.jpg\n|caption1=Das Tor\n|image2=b.jpg\n|caption2=Der Dom\n|width=200\n|align=right\n}}';
    expect(rules(pictures).filter(([rule]) => rule === 'dropped-infobox')).toEqual([]);
    expect(textOf(pictures)).toContain('Das Tor');
  });
});

describe('numbers with words that are no units, and pictures side by side', () => {
  it('shows a sort key, an ordinal or a padded key without a unit', () => {
    const text = textOf('Il y a {{Tri|5|cinq}} et {{sup|2|nd}} et {{hs|0001|abc}}x ici.');
    expect(text).not.toMatch(/5\u00a0cinq|2\u00a0nd|0001\u00a0abc/);
  });

  it('keeps the captions of numbered pictures under keys of another language, with no infobox warning', () => {
    const wiki =
      '{{Mehrere Bilder|ausrichtung=right|richtung=horizontal|bild1=Eins.jpg|breite1=200|untertitel1=Die erste ' +
      'Brücke|bild2=Zwei.jpg|untertitel2=Die zweite Brücke}}';
    expect(textOf(wiki)).toBe('Die erste Brücke\nDie zweite Brücke');
    expect(rules(wiki).filter(([rule]) => rule === 'dropped-infobox')).toEqual([]);
  });

  it('drops a template left open to the end of its line, and says so', () => {
    expect(textOf('Er starb 1300.\n\n{{DEFAULTSORT: Dan, Ben Yosef\n')).toBe('Er starb 1300.');
    expect(rules('Er starb 1300.\n\n{{DEFAULTSORT: Dan, Ben Yosef\n')).toContainEqual([
      'unclosed-template',
      'unclosed template "{{DEFAULTSORT: Dan, Ben Yosef" dropped: close it with }}',
    ]);
  });
});

describe('a catalogue number given to a template named by its catalogue', () => {
  it('keeps the catalogue’s name before the number', () => {
    const list = textOf('== Liens ==\n* {{DNB-Portal|119317079}}\n* Paris, 1977 {{BNF|37707942}}');
    expect(list).toContain('DNB-Portal 119317079');
    expect(list).toContain('Paris, 1977 BNF 37707942');
    // A number under a word's name, or a short number, is the number alone.
    expect(textOf('Il y a {{Einwohnerzahl|1234567}} habitants et la version {{Version|o|0.1}}.')).toBe(
      'Il y a 1234567 habitants et la version 0.1.',
    );
  });
});
