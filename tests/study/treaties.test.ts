import { describe, expect, it } from 'vitest';
import { mergeSources } from '../../src/merge/index.js';
import { extractTreaties } from '../../src/study/treaties.js';
import { parseText, TEST_META } from '../support/content.js';

/** A made-up article: nothing in it is a word the extraction knows beforehand. */
const ARTICLE = [
  '# Relations between Norvania and Estmark',
  '## Trade',
  [
    `In 1880 the Norvanian–Estmark Commercial Agreement (1880) was signed in Kessel.`,
    `Talks on a larger deal went on for years.`,
    `The 1886 Norvanian–Estmark Commercial Agreement extended the earlier one until 1890.`,
  ].join(' '),
  [
    `Norvania and Estmark entered a broad trade pact on March 3, 1886, that doubled the trade of 1880.`,
    `The trade pact helped Norvik's harbour.`,
  ].join(' '),
  '## The border',
  'On May 4, 1887, an Estmark delegation headed by Chancellor Mira Voss arrived in Norvik, and that night the ' +
    'Kessel–Voss Treaty was signed by her and her Norvanian colleague Piet Holmgaard, in the presence of the court.',
  [
    `Talks went on.`,
    `On June 1, 1888, in Norvik Holmgaard and Voss signed the Lake Border Treaty, fixing the border on the lake.`,
  ].join(' '),
].join('\n\n');

const treaties = extractTreaties(mergeSources([parseText(ARTICLE, 'norvania.md')], TEST_META));
const find = (name: string) => treaties.find((t) => t.name === name);

describe('treaties as instruments (an article made up for the test)', () => {
  it('reads "a trade pact" of a year as the one commercial agreement of that year, with its day', () => {
    expect(find('Norvanian–Estmark Commercial Agreement (1886)')).toMatchObject({ date: '1886-03-03' });
    expect(find('Norvanian–Estmark Commercial Agreement (1880)')).toMatchObject({ date: '1880' });
  });

  it('gives "signed by her and …" the person the sentence named before, not a name inside the treaty', () => {
    expect(find('Kessel–Voss Treaty')!.signatories).toEqual(['Mira Voss', 'Piet Holmgaard']);
  });

  it('takes signers named before "signed" when they are people, under their full names', () => {
    expect(find('Lake Border Treaty')).toMatchObject({
      date: '1888-06-01',
      signatories: ['Piet Holmgaard', 'Mira Voss'],
    });
  });
});
