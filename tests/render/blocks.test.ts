import { describe, expect, it } from 'vitest';
import type { RootContent } from 'mdast';
import { blockHtml } from '../../src/render/view/content.js';

const ctx = { notePrefix: '', noteNumber: (id: string) => (id === 'note-1' ? 1 : undefined) };
const text = (value: string) => ({ type: 'text' as const, value });

describe('block kinds beyond paragraphs and lists, rendered to safe HTML', () => {
  it('renders a table with its caption, header row, header column and spans', () => {
    const cell = (value: string, data?: object) => ({ type: 'tableCell' as const, children: [text(value)], data });
    const html = blockHtml(
      {
        type: 'table',
        data: { caption: 'Results' },
        children: [
          {
            type: 'tableRow',
            children: [cell('Year', { header: true }), cell('Winner', { header: true, colSpan: 2 })],
          },
          { type: 'tableRow', children: [cell('1950', { header: true }), cell('Farina', { header: false })] },
        ],
      },
      ctx,
    );
    expect(html).toContain('<caption>Results</caption>');
    expect(html).toMatch(
      /<thead><tr><th scope="col">Year<\/th><th colspan="2" scope="col">Winner<\/th><\/tr><\/thead>/,
    );
    expect(html).toMatch(/<tbody><tr><th scope="row">1950<\/th><td>Farina<\/td><\/tr><\/tbody>/);
    expect(html).toMatch(/^<div class="table-wrap"><table>/);
  });

  it('takes the first row as the header row when no cell says (GFM tables)', () => {
    const row = (...v: string[]) => ({
      type: 'tableRow' as const,
      children: v.map((x) => ({ type: 'tableCell' as const, children: [text(x)] })),
    });
    const html = blockHtml({ type: 'table', children: [row('a', 'b'), row('1', '2')] }, ctx);
    expect(html).toContain('<thead><tr><th scope="col">a</th><th scope="col">b</th></tr></thead>');
    expect(html).toContain('<tbody><tr><td>1</td><td>2</td></tr></tbody>');
  });

  it('renders a quotation with its attribution, and citations inside it', () => {
    const html = blockHtml(
      {
        type: 'blockquote',
        data: { attribution: 'Winston Churchill' },
        children: [
          { type: 'paragraph', children: [text('A riddle.'), { type: 'footnoteReference', identifier: 'note-1' }] },
        ],
      },
      ctx,
    );
    expect(html).toContain('<figure class="quote"><blockquote>');
    expect(html).toContain('<figcaption class="attribution">— Winston Churchill</figcaption>');
    expect(html).toContain('<sup class="noteref"><a href="#note-1" role="doc-noteref">1</a></sup>');
  });

  it('renders definition lists, code, sub/superscripts and math as MathML', () => {
    const nodes: RootContent[] = [
      {
        type: 'defList',
        children: [
          { type: 'defListTerm', children: [text('Treaty')] },
          { type: 'defListDescription', children: [text('An agreement.')] },
        ],
      },
      { type: 'code', lang: 'python', value: 'print(1 < 2)' },
      {
        type: 'paragraph',
        children: [
          text('H'),
          { type: 'subscript', children: [text('2')] },
          text('O and x'),
          { type: 'superscript', children: [text('2')] },
          text(' and '),
          { type: 'inlineMath', value: '\\frac{a}{b}' },
        ],
      },
      { type: 'math', value: 'E = mc^2' },
      { type: 'math', value: '\\notacommand{' },
    ];
    const html = blockHtml(nodes, ctx);
    expect(html).toContain('<dl><dt>Treaty</dt><dd>An agreement.</dd></dl>');
    expect(html).toContain('<pre><code class="language-python">print(1 &#x3C; 2)\n</code></pre>');
    expect(html).toContain('H<sub>2</sub>O and x<sup>2</sup>');
    expect(html).toMatch(/<math><semantics><mfrac><mi>a<\/mi><mi>b<\/mi><\/mfrac>/);
    expect(html).toMatch(/<div class="math"><math display="block">.*<mi>E<\/mi>/);
    expect(html).toContain('<annotation encoding="application/x-tex">E = mc^2</annotation>');
    expect(html).toContain('<code class="math-source">\\notacommand{</code>');
  });

  it('keeps only local images and web links: no remote image, no script', () => {
    const html = blockHtml(
      [
        {
          type: 'paragraph',
          data: { figure: true, caption: 'A map' },
          children: [{ type: 'image', url: 'images/map.png', alt: 'Map of Europe' }],
        },
        {
          type: 'paragraph',
          data: { figure: true },
          children: [{ type: 'image', url: 'https://example.org/track.png', alt: 'tracker' }],
        },
        { type: 'paragraph', children: [{ type: 'link', url: 'javascript:alert(1)', children: [text('x')] }] },
        { type: 'paragraph', children: [{ type: 'image', url: 'file:///etc/passwd', alt: 'x' }] },
        { type: 'paragraph', children: [{ type: 'image', url: '../../secret.png', alt: 'x' }] },
        { type: 'paragraph', children: [{ type: 'image', url: 'images/unlisted.png', alt: 'x' }] },
      ],
      { ...ctx, images: new Map([['images/map.png', 'media/images/map.png']]) },
    );
    const figure = '<img src="media/images/map.png" alt="Map of Europe"><figcaption>A map</figcaption>';
    expect(html).toContain(`<figure class="figure">${figure}</figure>`);
    expect(html).not.toContain('example.org');
    expect(html).not.toContain('javascript');
    expect(html).not.toContain('passwd');
    expect(html).not.toContain('secret');
    // An image the build did not check and copy is not shown either.
    expect(html).not.toContain('unlisted');
  });
});
