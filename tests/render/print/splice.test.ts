/**
 * Which pages an edit prints again (print/splice.ts): each changed element's span of pages with a page
 * either side that must print as before, or none when the end of the book gives no such page.
 */
import { describe, expect, it } from 'vitest';
import { pagesToReprint } from '../../../src/render/print/splice.js';

describe('pages printed again for an edit', () => {
  it('prints the span of each changed element with one page before and one after', () => {
    expect(pagesToReprint([[7, 7]], 63)).toEqual([6, 7, 8]);
    expect(pagesToReprint([[10, 12]], 63)).toEqual([9, 10, 11, 12, 13]);
  });

  it('joins spans that meet, and keeps apart those that do not', () => {
    expect(
      pagesToReprint(
        [
          [7, 7],
          [45, 45],
          [8, 9],
        ],
        63,
      ),
    ).toEqual([6, 7, 8, 9, 10, 44, 45, 46]);
  });

  it('has no page before the first page', () => {
    expect(pagesToReprint([[1, 2]], 63)).toEqual([1, 2, 3]);
  });

  it('prints the whole book when no page after the edit could show that nothing moved', () => {
    expect(pagesToReprint([[62, 63]], 63)).toBeUndefined();
    expect(pagesToReprint([[60, undefined]], 63)).toBeUndefined();
    expect(pagesToReprint([[9, 8]], 63)).toBeUndefined();
    expect(pagesToReprint([[Number.NaN, 8]], 63)).toBeUndefined();
  });

  it('prints nothing again when nothing changed', () => {
    expect(pagesToReprint([], 63)).toEqual([]);
  });
});
