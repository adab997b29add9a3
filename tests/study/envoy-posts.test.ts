/**
 * A list of envoys under a heading keeps what the heading says of their post: "Soviet ambassadors (chargés)
 * to Berlin" lists chargés d'affaires as well as ambassadors, so the glossary's post is "Soviet ambassador
 * (chargé) to Berlin", never plain "ambassador". The running text's mention of the same post without the
 * qualifier joins the list's group.
 */
import { describe, expect, it } from 'vitest';
import { mergeSources } from '../../src/merge/index.js';
import { addStudyAids } from '../../src/study/index.js';
import { parseText, TEST_META } from '../support/content.js';

const guideOf = (lines: string[]) => addStudyAids(mergeSources([parseText(lines.join('\n'), 'a.wiki')], TEST_META));

describe('posts of a list of envoys under a heading', () => {
  const guide = guideOf([
    '= Relations =',
    'In 1880, Ivo Brant, the Norvik envoy to Kessel, opened talks on the harbour dues with the guilds.',
    '== Norvik envoys (ministers) to Kessel ==',
    '* Arvid Holm (1870-1875)',
    '* Tor Lund (1875-1879)',
    '== Kessel chargés to Norvik ==',
    '* Emil Varga (1871-1874)',
  ]);
  const post = (name: string) => guide.glossaries.ambassadors.find((a) => a.name === name)?.post;

  it('keeps the heading’s qualifier, each word made singular', () => {
    expect(post('Arvid Holm')).toBe('Norvik envoy (minister) to Kessel');
    expect(post('Tor Lund')).toBe('Norvik envoy (minister) to Kessel');
  });

  it('takes no other words of the heading into the post', () => {
    const other = guideOf([
      '= Relations =',
      'Trade grew.',
      '== Norvik envoys to Lidia in Kessel ==',
      '* Arvid Holm (1870-1875)',
      '== Lidian envoys from 1870 to 1880 in Norvik ==',
      '* Emil Varga (1871-1874)',
    ]);
    const of = (name: string) => other.glossaries.ambassadors.find((a) => a.name === name)?.post;
    expect([of('Arvid Holm'), of('Emil Varga')]).toEqual(['Norvik envoy to Kessel', 'Lidian envoy to Norvik']);
  });

  it('reads a heading of chargés alone (an accented role word)', () => {
    expect(post('Emil Varga')).toBe('Kessel chargé to Norvik');
  });

  it('puts the running text’s envoy under the list’s post', () => {
    expect(post('Ivo Brant')).toBe('Norvik envoy (minister) to Kessel');
  });
});

describe('the sources an envoy is credited to', () => {
  const older = parseText(
    [
      '= Relations =',
      'In 1880, the Norvik envoys Ivo Brant and Olaf Rind arrived in Kessel to settle the harbour dues.',
      '== Norvik envoys to Kessel ==',
      '* Arvid Holm (1870-1875)',
      '* Tor Lund (1875-1879)',
    ].join('\n'),
    'older.wiki',
    { priority: 1, label: 'Older' },
  );
  const later = parseText(
    ['= Relations =', 'Trade grew in the 1880s.', '== Norvik envoys to Kessel ==', '* Arvid Holm (1870-1875)'].join(
      '\n',
    ),
    'later.wiki',
    { priority: 2, label: 'Later' },
  );
  const guide = addStudyAids(mergeSources([later, older], TEST_META));
  const files = (name: string) =>
    guide.glossaries.ambassadors.find((a) => a.name === name)?.sources.map((s) => `${s.file}:${s.line}`);

  it('are those whose text names them, at the line that does', () => {
    expect(files('Ivo Brant')).toEqual(['older.wiki:2']);
    expect(files('Tor Lund')).toEqual(['older.wiki:5']);
    expect(files('Arvid Holm')?.sort()).toEqual(['later.wiki:4', 'older.wiki:4']);
  });
});
