/**
 * A colon whose quotation went missing (issue #19): a paragraph ending in a colon with nothing it announces
 * after it is kept as the sources have it, and the merge warns, naming each source's file and line. A colon
 * followed by a list, a quotation or the first of the points it counts is no warning.
 */
import { describe, expect, it } from 'vitest';
import { mergeSources } from '../../src/merge/index.js';
import { allBlocks } from '../../src/model/index.js';
import { parseText, TEST_META } from '../support/content.js';

const merge = (...texts: string[][]) =>
  mergeSources(
    texts.map((lines, i) => parseText(lines.join('\n'), `source-${i}.wiki`, { priority: texts.length - i })),
    TEST_META,
  );
const dangling = (book: ReturnType<typeof merge>) =>
  book.report.warnings.filter((w) => w.rule === 'dangling-colon').map((w) => `${w.file}:${w.line}`);

const SPEECH = 'The envoy records the general as saying of the rebels:';
const NEXT = 'The historian Anna Berg later described the trials of the following spring.';

describe('a paragraph ending in a colon', () => {
  it('warns, naming each source and line, when a new statement follows it in every source', () => {
    const book = merge(
      ['= Speeches =', 'The general spoke often of the rebels. ' + SPEECH, '', NEXT],
      ['= Speeches =', '', '', 'The general spoke often of the rebels. ' + SPEECH, '', NEXT],
    );
    const text = allBlocks(book).flatMap((b) => b.sentences);
    expect(text).toContain(SPEECH);
    expect(dangling(book)).toEqual(['source-0.wiki:2', 'source-1.wiki:4']);
    const warning = book.report.warnings.find((w) => w.rule === 'dangling-colon')!;
    expect(warning.message).toContain(SPEECH);
  });

  it('names only the sources whose own reading ends in the colon', () => {
    const book = merge(
      ['= Speeches =', 'The general spoke often of the rebels. ' + SPEECH, '', NEXT],
      ['= Speeches =', 'The general spoke often of the rebels. ' + SPEECH.replace(/:$/, '.'), '', NEXT],
    );
    expect(dangling(book)).toEqual(['source-0.wiki:2']);
  });

  it('warns when it ends its section', () => {
    const book = merge(['= Speeches =', SPEECH, '', '= Trials =', NEXT]);
    expect(dangling(book)).toEqual(['source-0.wiki:2']);
  });

  it('is no warning when another source gives the quotation after it', () => {
    const book = merge(
      ['= Speeches =', SPEECH, '', NEXT],
      ['= Speeches =', SPEECH, '', '<blockquote>They shall never return to the valley.</blockquote>', '', NEXT],
    );
    const blocks = allBlocks(book);
    const at = blocks.findIndex((b) => b.sentences.at(-1) === SPEECH);
    expect(blocks[at + 1]!.kind).toBe('quote');
    expect(dangling(book)).toEqual([]);
  });

  it('is no warning before a list, the first of the points it counts, or the subsections it announces', () => {
    const list = merge(['= Terms =', 'The treaty set two terms:', '* the army left the valley', '* the tolls fell']);
    const points = merge([
      '= Terms =',
      'The merchants agreed on two conditions:',
      '',
      'Firstly, they were paid in silver. Secondly, the roads were kept open.',
    ]);
    const parts = merge([
      '= Terms =',
      'The treaty had two parts:',
      '== The army ==',
      'The army left the valley.',
      '== The tolls ==',
      'The tolls fell.',
    ]);
    expect(dangling(list)).toEqual([]);
    expect(dangling(points)).toEqual([]);
    expect(dangling(parts)).toEqual([]);
  });
});
