import { describe, expect, it } from 'vitest';
import type { Paragraph } from 'mdast';
import { blockHtml } from '../../../src/render/view/content.js';
import { hyphenatorFor } from '../../../src/render/view/hyphenate.js';

/** A paragraph citing note `c1`, at a given source line (positions do not change the HTML). */
const paragraph = (line: number, word = 'extraordinarily'): Paragraph => ({
  type: 'paragraph',
  position: { start: { line, column: 1, offset: 0 }, end: { line, column: 40, offset: 39 } },
  children: [
    { type: 'text', value: `An ${word} long treaty was signed.` },
    { type: 'footnoteReference', identifier: 'c1' },
  ],
});

describe('content HTML, remembered between builds of a process', () => {
  it('gives what the block, its notes, the hyphenator and the target say, whatever was converted before', () => {
    const plain = { notePrefix: 'ch1-', noteNumber: () => 3 };
    const first = blockHtml(paragraph(1), plain);
    expect(first).toBe(
      '<p>An extraordinarily long treaty was signed.' +
        '<sup class="noteref"><a href="#ch1-c1" role="doc-noteref">3</a></sup></p>',
    );
    // The same block elsewhere in its source: the same HTML.
    expect(blockHtml(paragraph(40), plain)).toBe(first);
    // Another note number, prefix, target or hyphenator: another HTML, never the remembered one.
    expect(blockHtml(paragraph(1), { ...plain, noteNumber: () => 4 })).toContain('>4</a>');
    expect(blockHtml(paragraph(1), { ...plain, notePrefix: 'ch2-' })).toContain('href="#ch2-c1"');
    expect(blockHtml(paragraph(1), { ...plain, epub: true })).toContain('epub:type="noteref"');
    const hyphenated = blockHtml(paragraph(1), { ...plain, hyphenate: hyphenatorFor('en') });
    expect(hyphenated).toContain('\u00AD');
    expect(hyphenated.replace(/\u00AD/g, '')).toBe(first);
    // A note the book does not number is left out.
    expect(blockHtml(paragraph(1), { ...plain, noteNumber: () => undefined })).toBe(
      '<p>An extraordinarily long treaty was signed.</p>',
    );
    // Changed text: converted anew.
    expect(blockHtml(paragraph(1, 'unusually'), plain)).toContain('An unusually long treaty');
  });
});
