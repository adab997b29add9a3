import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import { detectReader } from '../../src/sources/registry.js';
import { decode } from '../../src/sources/index.js';
import { headings, parseText, readContent, SEEDS } from '../support/content.js';
import { QuireError } from '../../src/util/errors.js';

describe('markdown reader', () => {
  it('reads headings, paragraphs, lists and footnotes through remark', () => {
    const md = [
      '# My notes\n\n## Context\n\nThe pact[^p] was *signed* in 1939.\n\n',
      '- first\n- second\n\n[^p]: The Molotov–Ribbentrop Pact.\n',
    ].join('');
    const s = parseText(md, 'notes.md');
    expect(s.info.format).toBe('markdown');
    expect(s.info.title).toBe('My notes');
    expect(headings(s)).toEqual([[2, 'Context']]);
    expect(s.citations).toEqual([{ key: 'p', text: 'The Molotov–Ribbentrop Pact.', line: 10 }]);
    expect(toString(s.tree.children[1]!)).toBe('The pact was signed in 1939.');
    expect(s.tree.children[2]!.type).toBe('list');
  });
});

describe('format detection', () => {
  it('recognises each seed from its content', () => {
    expect(detectReader(readContent(SEEDS.dump), 'a').format).toBe('wikitext-dump');
    expect(detectReader(readContent(SEEDS.later), 'b').format).toBe('wikitext');
    expect(detectReader(readContent(SEEDS.plain), 'c').format).toBe('plain-text');
    expect(detectReader(readContent(SEEDS.key), 'd').format).toBe('cited-sentences');
    expect(detectReader('# T\n\n## A\n\ntext\n\n## B\n', 'e').format).toBe('markdown');
  });
});

/** The QuireError `run` throws; fails the test if it returns or throws anything else. */
function thrown(run: () => unknown): QuireError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(QuireError);
    return error as QuireError;
  }
  throw new Error('expected a QuireError, but nothing was thrown');
}

describe('decoding', () => {
  it('accepts UTF-8 with a BOM and CRLF line ends', () => {
    const bytes = new TextEncoder().encode('\uFEFFline one\r\nline two\r\n');
    expect(decode(bytes, 'x.txt')).toBe('line one\nline two\n');
  });
  it('accepts UTF-16 with a BOM', () => {
    const body = Buffer.from('héllo\n', 'utf16le');
    expect(decode(new Uint8Array([0xff, 0xfe, ...body]), 'x.txt')).toBe('héllo\n');
  });
  it('names the line of invalid UTF-8', () => {
    const latin1 = new Uint8Array([...Buffer.from('ok\nstill ok\ncaf'), 0xe9, 0x0a]);
    const error = thrown(() => decode(latin1, 'x.txt'));
    expect(error.oneLine()).toBe(
      'x.txt:3:1: not valid UTF-8 text — re-save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)',
    );
  });
  it('refuses a NUL byte, naming its file and line', () => {
    const error = thrown(() => decode(new Uint8Array([0x61, 0x0a, 0x00]), 'bin.dat'));
    expect(error.file).toBe('bin.dat');
    expect(error.line).toBe(2);
    expect(error.oneLine()).toMatch(/^bin\.dat:2:1: binary data \(NUL byte\) in a source file — /);
  });
});
