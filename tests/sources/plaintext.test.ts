import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import { headings, parseSeed, parseText, SEEDS } from '../support/content.js';
import { isBareHeading, isStrayFragment } from '../../src/sources/plaintext.js';

describe('plain-text reader: the seed rendition', () => {
  const source = parseSeed(SEEDS.plain);
  const hs = headings(source);

  it('takes the first line as the title', () => {
    expect(source.info.format).toBe('plain-text');
    expect(source.info.title).toBe('Germany–Soviet Union relations, 1918–1941');
  });

  it('recovers every heading, with parts (a heading followed by a heading) one level up', () => {
    expect(hs).toHaveLength(37);
    expect(hs.slice(0, 4)).toEqual([
      [2, 'Soviet Russia and Weimar Germany'],
      [3, 'Revolution, end of World War I'],
      [3, 'Treaty of Rapallo 1922 and secret military cooperation'],
      [3, 'Documentation'],
    ]);
    expect(hs).toContainEqual([2, 'Molotov–Ribbentrop Pact']);
    expect(hs).toContainEqual([3, '1939 needs and discussions']);
    expect(hs).toContainEqual([3, 'The "Third Period"']);
    expect(hs.at(-1)).toEqual([3, 'Soviet ambassadors (chargés) to Berlin']);
  });

  it('keeps short sentences as prose, not headings', () => {
    expect(hs.map((h) => h[1])).not.toContain('The reshuffle was warily perceived by Germany as an opportunity.');
    expect(toString(source.tree)).toContain('The reshuffle was warily perceived by Germany as an opportunity.');
  });

  it('drops the stray fragment with a warning naming its line', () => {
    expect(toString(source.tree)).not.toContain('in September 1939.');
    expect(source.warnings).toContainEqual({
      file: SEEDS.plain,
      line: 8,
      rule: 'stray-fragment',
      message: 'stray fragment dropped: "in September 1939."',
    });
  });

  it('makes each line a paragraph with its own line number', () => {
    const first = source.tree.children.find((n) => n.type === 'paragraph')!;
    expect(first.position?.start.line).toBe(4);
    expect(toString(first)).toMatch(/^German–Soviet Union relations date to the aftermath/);
  });
});

describe('plain-text reader: fixtures', () => {
  it('joins hard-wrapped lines into paragraphs and honours ==x== lines', () => {
    const text = [
      'A Short History',
      '',
      'Beginnings',
      '',
      'The town was founded on a river crossing and grew',
      'slowly for two hundred years until the railway came',
      'and changed everything about the way people lived.',
      '',
      '== Later years ==',
      '',
      'The railway closed in the sixties and the town shrank',
      'again, though the old market still opens on Fridays.',
    ].join('\n');
    const s = parseText(text, 'history.txt');
    expect(s.info.title).toBe('A Short History');
    expect(headings(s)).toEqual([
      [2, 'Beginnings'],
      [2, 'Later years'],
    ]);
    const paragraphs = s.tree.children.filter((n) => n.type === 'paragraph');
    expect(paragraphs).toHaveLength(2);
    expect(toString(paragraphs[0]!)).toBe(
      'The town was founded on a river crossing and grew slowly for two hundred years until the railway came ' +
        'and changed everything about the way people lived.',
    );
  });

  it('tells headings from sentences and fragments', () => {
    expect(isBareHeading('Treaty of Rapallo 1922 and secret military cooperation')).toBe(true);
    expect(isBareHeading('The pact was ratified on August 31, 1939.')).toBe(false);
    expect(isBareHeading('"Quoted sentence."')).toBe(false);
    expect(isStrayFragment('in September 1939.')).toBe(true);
    expect(isStrayFragment('In September 1939 the war began.')).toBe(false);
  });

  it('tells headings from sentences in scripts without capitals', () => {
    for (const heading of [
      '初期の接触',
      '关税同盟',
      '초기 접촉',
      'الاتحاد الجمركي',
      'הברית המכסית',
      '「関税同盟」の成立',
    ])
      expect(isBareHeading(heading), heading).toBe(true);
    for (const sentence of [
      'ケッセル条約は1874年10月9日に更新された。',
      '条约何时签署？',
      '조약은 1874년에 갱신되었다.',
      'متى وقعت المعاهدة؟',
      'החוזה חודש ב־1874.',
      '両国の関係は、1861年6月2日にノルヴァニアの使節ピート・ホルムガードとエストマルクの宰相ミラ・フォスが署名した',
    ])
      expect(isBareHeading(sentence), sentence).toBe(false);
    // Thai ends a sentence with a space, Amharic with "።": neither line is a heading.
    expect(isBareHeading('สนธิสัญญาลงนามในปี 1881 ที่เมืองเคสเซล')).toBe(false);
    expect(isBareHeading('ውሉ በ1881 ተፈረመ።')).toBe(false);
    // An English line with a Japanese gloss is measured as English.
    expect(isBareHeading('The Meiji Restoration and the renaming of Edo (江戸) as Tokyo in the year 1868')).toBe(true);
    // A Japanese rendition: its headings open the book's sections, none is left in the text as a paragraph.
    const text = '初期の接触\n\n両国の関係は条約に始まった。\n\n関税同盟\n\n協定は1880年に結ばれた。\n';
    const ja = parseText(`ノルヴァニアとエストマルクの関係\n\n${text}`, 'n.txt', { format: 'plain-text' });
    expect(headings(ja)).toEqual([
      [2, '初期の接触'],
      [2, '関税同盟'],
    ]);
    const paragraphs = ja.tree.children.filter((n) => n.type === 'paragraph').map((n) => toString(n));
    expect(paragraphs).toEqual(['両国の関係は条約に始まった。', '協定は1880年に結ばれた。']);
  });

  it('reads a file of only whitespace and headings without inventing prose', () => {
    const s = parseText('Title\n\nOne\n\nTwo\n\n   \n', 'h.txt', { format: 'plain-text' });
    expect(s.tree.children.every((n) => n.type === 'heading')).toBe(true);
  });
});

describe('plain-text reader: what a wiki export leaves of a link', () => {
  const source = parseText(
    [
      'Harbour lights',
      '',
      'The keepers were tried in what was known as the :de:Leuchtturm Prozess#Die Prozesse|Keepers Trial.',
      'Among them were Ann Vell, :ru:Ольберг,_Бетти#%D0%A1%D0%B5|Betty Olberg and Tom Vell.',
      'The ratio was 3:1 and the sign read a|b.',
    ].join('\n'),
    'lights.txt',
  );
  const text = toString(source.tree);

  it('keeps the label of an interlanguage link and drops its target, with a warning naming the line', () => {
    expect(text).toContain('known as the Keepers Trial.');
    expect(text).toContain('Among them were Ann Vell, Betty Olberg and Tom Vell.');
    expect(text).not.toMatch(/:de:|:ru:|Ольберг|%D0/);
    expect(source.warnings.filter((w) => w.rule === 'link-residue').map((w) => w.line)).toEqual([3, 4]);
  });

  it('leaves colons and bars that are not a link alone', () => {
    expect(text).toContain('The ratio was 3:1 and the sign read a|b.');
  });
});
