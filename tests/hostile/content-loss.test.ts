/**
 * Issue 17, item 9: nothing a source says is lost silently. Each case lost text on the landed code: nested
 * Markdown list items vanished with no warning (they are now kept nested); a sentence that extends an
 * earlier one of the same source was folded away as its "duplicate" and its chapter then dropped as having
 * "no text in any source"; a long paragraph with no full stop went the same way.
 */
import { describe, expect, it } from 'vitest';
import { mergeSources } from '../../src/merge/index.js';
import { allBlocks, type Book } from '../../src/model/index.js';
import type { List } from 'mdast';
import { parseText, TEST_META } from '../support/content.js';

const sentencesOf = (book: Book) => allBlocks(book).flatMap((b) => b.sentences);
const warningsOf = (book: Book) => book.report.warnings.map((w) => `${w.rule}: ${w.message}`);

describe('content loss', () => {
  it('nested Markdown list items reach the guide, nested in the item before them', () => {
    const md = [
      '# Canals',
      '',
      '## Locks',
      '',
      'Locks raise boats between levels.',
      '',
      '- the pound lock',
      '  - the mitre gate of the pound lock',
      '    - the paddle gear that fills the chamber',
      '- the flash lock',
      '',
    ].join('\n');
    const source = parseText(md, 'canals.md');
    expect(source.warnings).toEqual([]);
    const book = mergeSources([source], TEST_META);
    const list = allBlocks(book).find((b) => b.kind === 'list')!.node as List;
    const inner = list.children[0]!.children[1];
    expect(inner?.type === 'list' && inner.children.length).toBe(1);
    const all = sentencesOf(book);
    for (const item of ['the mitre gate of the pound lock', 'the paddle gear that fills the chamber'])
      expect(all).toContain(item);
    expect(all.indexOf('the mitre gate of the pound lock')).toBe(all.indexOf('the pound lock') + 1);
  });

  it('a sentence that extends an earlier one of its source is kept, and its chapter with it', () => {
    const md = [
      '# Canals',
      '',
      '## Building',
      '',
      'The canal was built by the navvies of the northern counties.',
      '',
      '## Trade',
      '',
      'The canal was built by the navvies of the northern counties and carried coal to the mills for a century.',
      '',
    ].join('\n');
    const book = mergeSources([parseText(md, 'canals.md')], TEST_META);
    expect(book.chapters.map((c) => c.title)).toEqual(['Building', 'Trade']);
    expect(sentencesOf(book)).toContain(
      'The canal was built by the navvies of the northern counties and carried coal to the mills for a century.',
    );
    expect(warningsOf(book).filter((w) => w.includes('no text in any source'))).toEqual([]);
  });

  it('a 1 MB paragraph with no full stop is kept whole, and its chapter with it', () => {
    const words = 'river water stone bridge canal city trade boat lock gate mill wheel field road market town'.split(
      ' ',
    );
    const long: string[] = [];
    let length = 0;
    for (let i = 0; length < 1_000_000; i++) {
      const word = words[(i * 7) % words.length]!;
      long.push(word);
      length += word.length + 1;
    }
    const paragraph = long.join(' ');
    const md = [
      '# Canals',
      '',
      '## Lead',
      '',
      'Canal boat, lock gate, mill wheel and market town.',
      '',
      '## Long',
      '',
      paragraph,
      '',
    ];
    const book = mergeSources([parseText(md.join('\n'), 'canals.md')], TEST_META);
    expect(book.chapters.map((c) => c.title)).toEqual(['Lead', 'Long']);
    const kept = sentencesOf(book).find((s) => s.length > 900_000);
    expect(kept?.length).toBe(paragraph.length);
    expect(warningsOf(book).filter((w) => w.includes('no text in any source'))).toEqual([]);
  });

  it('a sentence another source merely restates is still folded (the fold rule keeps working)', () => {
    const a = parseText(
      '# C\n\n## Building\n\nThe canal was built by the navvies of the northern counties.\n',
      'a.md',
      {
        priority: 2,
      },
    );
    const b = parseText('# C\n\n## Building\n\nThe canal was built by navvies of the northern counties.\n', 'b.md', {
      priority: 1,
    });
    const book = mergeSources([a, b], TEST_META);
    expect(sentencesOf(book)).toEqual(['The canal was built by the navvies of the northern counties.']);
    expect(book.report.duplicates.map((d) => d.dropped)).toEqual([
      'The canal was built by navvies of the northern counties.',
    ]);
  });
});
