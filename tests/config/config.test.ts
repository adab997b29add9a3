import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseConfig } from '../../src/config/load.js';
import { QuireError } from '../../src/util/errors.js';
import { CONTENT } from '../support/content.js';

function errorOf(text: string): string {
  try {
    parseConfig(text, 'content/quire.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(QuireError);
    return (e as QuireError).oneLine();
  }
  throw new Error('expected an error');
}

describe('config', () => {
  it('accepts the guide’s own config and fills defaults', () => {
    const config = parseConfig(readFileSync(path.join(CONTENT, 'quire.yaml'), 'utf8'), 'quire.yaml');
    expect(config.title).toBe('Germany–Soviet Union relations, 1918–1941');
    expect(config.language).toBe('en');
    expect(config.license.name).toBe('CC BY-SA 4.0');
    expect(config.sources?.map((s) => s.file)).toEqual([
      'later-revision.wiki',
      'plain-text-rendition.txt',
      '2008-revision-with-citations.wiki',
      'key-sentences-cited.txt',
    ]);
    expect(config.output.paper).toBe('A4');
  });

  it('an empty file means all defaults', () => {
    const config = parseConfig('', 'q.yaml');
    expect(config.language).toBe('detect');
    expect(config.edition.number).toBe(1);
  });

  it('names an unknown key with its line and column', () => {
    expect(errorOf('title: T\ncolour: blue\n')).toBe(
      'content/quire.yaml:2:1: invalid config: unknown key "colour" in top level — ' +
        'see "The config file" in README.md for the allowed keys and types',
    );
    expect(errorOf('title: T\noutput:\n  paper: A4\n  pages: 3\n')).toMatch(
      /^content\/quire\.yaml:4:3: invalid config: unknown key "pages" in output/,
    );
  });

  it('names a wrong type with its line', () => {
    expect(errorOf('title: T\nedition:\n  number: two\n')).toMatch(
      /^content\/quire\.yaml:3:11: invalid config: edition\.number: /,
    );
    expect(errorOf('sources:\n  - file: a.txt\n    priority: high\n')).toMatch(
      /^content\/quire\.yaml:3:15: invalid config: sources\.0\.priority/,
    );
    expect(errorOf('output:\n  paper: A5\n')).toMatch(/^content\/quire\.yaml:2:10: invalid config: output\.paper/);
  });

  it('reports YAML syntax errors with line and column', () => {
    expect(errorOf('title: "unclosed\nsubtitle: x\n')).toMatch(/^content\/quire\.yaml:\d+:\d+: YAML syntax error: /);
    expect(errorOf('title: a\n  bad: indentation\n')).toMatch(
      /^content\/quire\.yaml:1:8: YAML syntax error: Nested mappings/,
    );
  });

  it('takes the paper size in any case, and names a wrong one with the sizes it knows', () => {
    expect(parseConfig('output:\n  paper: letter\n', 'q.yaml').output.paper).toBe('Letter');
    expect(parseConfig('output:\n  paper: a4\n', 'q.yaml').output.paper).toBe('A4');
    expect(errorOf('output:\n  paper: Leter\n')).toBe(
      'content/quire.yaml:2:10: invalid config: output.paper: "Leter" is not one of A4, Letter (did you mean ' +
        '"Letter"?) — see "The config file" in README.md for the allowed keys and types',
    );
  });

  it('places an unclosed quote where it opens, not at the end of the file', () => {
    expect(errorOf('title: "unclosed\nsubtitle: x\nauthor: y\n')).toBe(
      'content/quire.yaml:1:8: YAML syntax error: Missing closing "quote — ' +
        'fix the YAML syntax (indentation, colons, quotes)',
    );
  });
});
