/**
 * A bracketed aside belongs to the sentence before it (issue #19: every sentence in its place): what
 * another source adds after that sentence goes after the aside, never between the two.
 */
import { describe, expect, it } from 'vitest';
import { mergeSources } from '../../src/merge/index.js';
import { allBlocks } from '../../src/model/index.js';
import { parseText, TEST_META } from '../support/content.js';

const PACT = 'In 1836 the two empires concluded the river pact, which the duchy joined in 1837.';
const ASIDE = '(Although the duchy had already signed a toll pact in 1833)';

describe('a sentence only one source has', () => {
  it('goes after the bracketed aside that follows the sentence it follows', () => {
    const preferred = parseText(['= Pacts =', `${PACT} ${ASIDE} Trade along the river grew.`].join('\n'), 'a.wiki', {
      priority: 2,
    });
    const other = parseText(
      ['= Pacts =', `${PACT} In 1837 the last envoy of the duchy was recalled.`].join('\n'),
      'b.wiki',
    );
    const book = mergeSources([preferred, other], TEST_META);
    expect(allBlocks(book).flatMap((b) => b.sentences)).toEqual([
      PACT,
      ASIDE,
      'In 1837 the last envoy of the duchy was recalled.',
      'Trade along the river grew.',
    ]);
  });
});
