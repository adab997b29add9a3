/**
 * Wikitext copied out of an XML dump with its escaping still on (`&lt;ref&gt;…&lt;/ref&gt;`): MediaWiki
 * would print the tags as text, and so did Quire — every citation's markup in the chapters. It is
 * unescaped once, with a warning; a file with real tags is left as it is.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import { isXmlEscaped } from '../../src/sources/wikitext.js';
import { FIXTURES, parseText, readContent } from '../support/content.js';

const file = path.join(FIXTURES, 'xml-escaped', 'anarchism-etymology.wiki');
const escaped = readFileSync(file, 'utf8');

describe('XML-escaped wikitext', () => {
  it('is read as the wikitext it escapes: citations as notes, no tag or entity in the text', () => {
    const source = parseText(escaped, 'anarchism-etymology.wiki');
    const text = toString(source.tree);
    expect(text).toContain('compound word composed from the word anarchy');
    expect(text).not.toMatch(/<\/?ref|&lt;|&amp;|&quot;/);
    expect(source.citations.length).toBeGreaterThanOrEqual(10);
    expect(source.citations.map((c) => JSON.stringify(c)).join(' ')).toContain('Merriam-Webster');
    expect(source.warnings.map((w) => w.rule)).toContain('xml-escaped');
  });

  it('is told from wikitext whose tags are real, which stays as it is', () => {
    expect(isXmlEscaped(escaped)).toBe(true);
    const seed = readContent('later-revision.wiki');
    expect(isXmlEscaped(seed)).toBe(false);
    expect(isXmlEscaped('In HTML a line break is written &lt;br&gt;.')).toBe(false);
    expect(parseText(seed, 'later-revision.wiki').warnings.map((w) => w.rule)).not.toContain('xml-escaped');
  });
});
