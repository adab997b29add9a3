import { describe, expect, it } from 'vitest';
import { pageRegions } from '../../../src/render/print/passes.js';

describe('page regions: what the second PDF pass may fill into the laid-out page', () => {
  const html = (pages: Record<string, number>, index: string) =>
    `<ol><li><a href="#a">A <span class="toc-page"><span data-pages>${pages.a ?? '00'}</span></span></a></li></ol>` +
    `<p>Text</p><ul><li id="index-x" class="kind-person" data-pages>X ${index}</li></ul>`;

  it('two renderings that differ only in page numbers (and index entries) share a skeleton', () => {
    const first = pageRegions(html({}, '<a href="#a">00</a>, <a href="#b">00</a>'))!;
    const second = pageRegions(html({ a: 3 }, '<a href="#a">3</a>'))!;
    expect(first.skeleton).toBe(second.skeleton);
    expect(second.contents).toEqual(['3', 'X <a href="#a">3</a>']);
  });

  it('a change outside the regions gives different skeletons (the page is loaded again)', () => {
    expect(pageRegions(html({}, ''))!.skeleton).not.toBe(pageRegions(html({}, '').replace('Text', 'Edited'))!.skeleton);
  });

  it('a region that nests its own tag cannot be matched to the DOM: no fill', () => {
    expect(pageRegions('<span data-pages>1 <span>x</span></span>')).toBeUndefined();
    expect(pageRegions('<li data-pages>1</li>')).toEqual({ skeleton: '<li data-pages></li>', contents: ['1'] });
  });
});
