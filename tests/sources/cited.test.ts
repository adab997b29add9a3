import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import type { Paragraph } from 'mdast';
import { parseSeed, parseText, SEEDS } from '../support/content.js';

const markersOf = (p: Paragraph) => p.children.flatMap((c) => (c.type === 'footnoteReference' ? [c.identifier] : []));

describe('cited key sentences reader', () => {
  const source = parseSeed(SEEDS.key);
  const paragraphs = source.tree.children as Paragraph[];

  it('is detected, one paragraph per line', () => {
    expect(source.info.format).toBe('cited-sentences');
    expect(paragraphs).toHaveLength(30);
    expect(paragraphs.every((p) => p.type === 'paragraph')).toBe(true);
  });

  it('keeps [n] markers as citations and removes them from the text', () => {
    const second = paragraphs[1]!;
    expect(markersOf(second)).toEqual(['4', '5', '6', '7']);
    expect(toString(second)).not.toMatch(/\[\d+\]/);
    expect(toString(second)).toMatch(/^A variety of competing and contradictory theses exist/);
    expect(source.citations.map((c) => c.key)).toContain('19');
    expect(paragraphs.map((p) => toString(p)).join(' ')).not.toMatch(/\[\d+\]/);
  });

  it('keeps the line of each sentence', () => {
    expect(paragraphs[3]!.position?.start.line).toBe(4);
    expect(toString(paragraphs[3]!)).toMatch(/^On July 19, 1920, Victor Kopp/);
  });

  it('reads a fixture with markers in the middle and at the end', () => {
    const s = parseText(
      'Alpha was first.[1] Beta came later,[2][3] and Gamma last.\nNo markers here at all.\n',
      'k.txt',
      { format: 'cited-sentences' },
    );
    const [a, b] = s.tree.children as Paragraph[];
    expect(markersOf(a!)).toEqual(['1', '2', '3']);
    expect(toString(a!)).toBe('Alpha was first. Beta came later, and Gamma last.');
    expect(markersOf(b!)).toEqual([]);
  });
});
