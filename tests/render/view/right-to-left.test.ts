/**
 * Right-to-left words inside a left-to-right guide (an Urdu name in an English biography): isolated, so that
 * the bidirectional algorithm does not move the words around them ("(Urdu: …; 19 November 1946" would show
 * "19" before the name). The chapters' HTML uses `<bdi>`; the plain texts (key points, timeline lines,
 * questions) the Unicode isolates.
 */
import { describe, expect, it } from 'vitest';
import { buildView } from '../../../src/render/view/index.js';
import { blockHtml } from '../../../src/render/view/content.js';
import { mergeSources } from '../../../src/merge/index.js';
import { addStudyAids } from '../../../src/study/index.js';
import { parseText, TEST_META } from '../../support/content.js';

const NAME = 'انور کمال خان';

describe('right-to-left words in a left-to-right guide', () => {
  it('isolates each right-to-left run of a paragraph, and leaves other text as it was', () => {
    const ctx = { notePrefix: '', noteNumber: () => undefined };
    const html = blockHtml(
      { type: 'paragraph', children: [{ type: 'text', value: `Anwar Khan (Urdu: ${NAME}; 19 November 1946).` }] },
      ctx,
    );
    expect(html).toBe(`<p>Anwar Khan (Urdu: <bdi>${NAME}</bdi>; 19 November 1946).</p>`);
    expect(blockHtml({ type: 'paragraph', children: [{ type: 'text', value: 'No such words.' }] }, ctx)).toBe(
      '<p>No such words.</p>',
    );
  });

  it('isolates them in the texts the templates print: key points and timeline lines', () => {
    const article = [
      `'''Anwar Kamal Khan''' (Urdu: ${NAME}; 19 November 1946 – 13 February 2012) was a politician.`,
      '== Career ==',
      `On 3 March 1997 Khan, called ${NAME} in the province, was elected to the Senate for a term of six years.`,
      `In the Senate, ${NAME} served on the committees for water and for power, and for the rural development.`,
      `In 2002 ${NAME} was elected to the provincial assembly, defeating his old rivals in the district.`,
      `On 13 February 2012 ${NAME} died in the hospital of the provincial capital after two heart attacks.`,
    ].join('\n\n');
    const guide = addStudyAids(mergeSources([parseText(article, 'khan.wiki')], TEST_META));
    const view = buildView(guide, { paper: 'A4', assets: 'assets/' });
    const texts = JSON.stringify(view);
    expect(texts).toContain(`\u2068${NAME}\u2069`);
    expect(texts).not.toMatch(new RegExp(`[^\\u2068>]${NAME}`));
  });
});
