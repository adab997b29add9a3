import { describe, expect, it } from 'vitest';
import { mergeSources } from '../../src/merge/index.js';
import { extractTreaties } from '../../src/study/treaties.js';
import { parseText, TEST_META } from '../support/content.js';

/** A made-up article about real states: instruments the text dates but does not name, and an extension. */
const ARTICLE = [
  '# Portugal–Brazil relations',
  '## Trade',
  [
    `Portugal feared that Brazil would turn to France.`,
    `On March 4, 1911, a commercial agreement between the two nations was concluded.`,
    `In 1914 Portugal would sign a trade agreement with Chile, but the talks failed.`,
    `The firm signed a distribution agreement with a shipping company in 1915.`,
  ].join(' '),
  '## Alliances',
  [
    `On May 9, 1912, the envoys met the king in Lisbon.`,
    `However, the king was surprised when Chile signed a mutual-assistance treaty with Peru that day, causing ` +
      `him to delay the planned May 10 visit to Santiago.`,
  ].join(' '),
  [
    `From the start there was tension over the moves of Brazil in Bolivia, Peru and Ecuador.`,
    `The three states signed mutual assistance treaties with Brazil on June 1, June 5, and June 9, 1913, ` +
      `respectively.`,
  ].join(' '),
  '## The Lisbon treaty',
  [
    `On April 24, 1920, Portugal and Brazil concluded the Treaty of Lisbon, declaring neutrality for five years.`,
    `On June 24, 1925, an extension of the 1920 Lisbon Treaty was signed, though it was not until 1927 that it ` +
      `was ratified by the parliament due to internal struggles.`,
    `The 1925 extension of the Lisbon Treaty was ratified in Portugal on May 5, 1927.`,
  ].join(' '),
].join('\n\n');

const treaties = extractTreaties(
  mergeSources([parseText(ARTICLE, 'portugal.md')], { ...TEST_META, title: 'Portugal–Brazil relations' }),
);
const find = (name: string) => treaties.find((t) => t.name === name);
/** The Lisbon treaty is named both ways: either may be the entry's name. */
const lisbon = (prefix: string) =>
  treaties.find((t) =>
    [t.name, ...t.aliases].some((n) => /^(?:Treaty of Lisbon|Lisbon Treaty)$/.test(n.slice(prefix.length))),
  );

describe('instruments the text dates but does not name (a made-up article)', () => {
  it('takes "the two nations" for the two states the title names', () => {
    expect(find('Commercial agreement (Portugal–Brazil, 1911)')).toMatchObject({
      date: '1911-03-04',
      status: 'signed',
      parties: ['Portugal', 'Brazil'],
    });
  });

  it('dates "that day" by the day the sentence before gives, not by a planned day', () => {
    expect(find('Mutual assistance treaty (Chile–Peru, 1912)')).toMatchObject({ date: '1912-05-09' });
  });

  it('makes one instrument per date of "… treaties on A, B and C, respectively", each with its state', () => {
    const baltic = treaties.filter((t) => t.name.startsWith('Mutual assistance treaty (Brazil'));
    expect(baltic.map((t) => [t.date, t.parties])).toEqual([
      ['1913-06-01', ['Brazil', 'Bolivia']],
      ['1913-06-05', ['Brazil', 'Peru']],
      ['1913-06-09', ['Brazil', 'Ecuador']],
    ]);
  });

  it('gives no instrument never concluded, nor one without states for parties', () => {
    expect(treaties.filter((t) => /1914|1915/.test(t.date ?? ''))).toEqual([]);
    expect(treaties.some((t) => /distribution/i.test(t.name))).toBe(false);
  });

  it('makes an extension its own instrument, signed and ratified on its own dates', () => {
    expect(lisbon('Extension of the ')).toMatchObject({
      date: '1925-06-24',
      status: 'ratified',
      parties: ['Portugal', 'Brazil'],
    });
    expect(lisbon('Extension of the ')!.history!.map((h) => [h.status, h.date])).toEqual([
      ['signed', '1925-06-24'],
      ['ratified', '1927-05-05'],
    ]);
    expect(lisbon('')).toMatchObject({ date: '1920-04-24', status: 'signed' });
  });
});
