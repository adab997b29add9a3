import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import type { List, Paragraph, Table } from 'mdast';
import Parser from 'wikiparser-node';
import fc from 'fast-check';
import { headings, parseSeed, parseText, readContent, SEEDS } from '../support/content.js';
import { pieces, splitDump } from '../../src/sources/wikitext.js';
import { forgetRemembered } from '../../src/util/memo.js';

describe('wikitext reader: the 2008 dump line', () => {
  const source = parseSeed(SEEDS.dump);

  it('is detected as a dump and keeps the revision metadata', () => {
    expect(source.info.format).toBe('wikitext-dump');
    expect(source.info.revision).toEqual({
      title: 'Soviet-German relations before 1941',
      pageId: '865825',
      revisionId: '221484835',
      timestamp: '2008-06-24T18:31:34Z',
      user: 'Colchicum',
      userId: '2669190',
      comment: 'not needed anymore',
    });
  });

  it('recovers the sections the single line flattened', () => {
    expect(headings(source)).toEqual([
      [2, 'Soviet Russia and Weimar Germany'],
      [2, 'The Soviet Union and Nazi Germany'],
      [3, 'Collective security and Soviets demands to occupy Baltic region'],
      [3, 'Molotov-Ribbentrop Pact'],
      [2, 'World War II'],
      [3, 'Polish campaign'],
      [3, 'Further development'],
      [2, 'Volksdeutsche in the Soviet Union'],
      [2, 'Soviet ambassadors (chargés) to Berlin'],
      [2, 'German ambassadors to Moscow'],
      [2, 'References'],
      [2, 'External links'],
      [2, 'Further reading'],
    ]);
  });

  it('turns every <ref> into a citation, named refs once however often reused', () => {
    const raw = source.citations;
    // 151 <ref occurrences in the file: 147 distinct citations, 4 reuses of named refs.
    expect(raw).toHaveLength(147);
    expect(new Set(raw.map((c) => c.key)).size).toBe(147);
    // A labelled link's address follows the note's text.
    expect(raw[0]!.text).toBe(
      'Full text in English: The Peace Treaty of Brest-Litovsk; March 3, 1918. http://www.yale.edu/lawweb/avalon/brest.htm',
    );
    const refs: string[] = [];
    const walk = (n: { type: string; identifier?: string; children?: unknown[] }) => {
      if (n.type === 'footnoteReference') refs.push(n.identifier!);
      (n.children as (typeof n)[] | undefined)?.forEach(walk);
    };
    walk(source.tree as never);
    expect(refs.length).toBe(151);
    expect(refs.filter((r) => r === 'gasiorowski').length).toBeGreaterThan(1);
  });

  it('reduces links to their text and drops images, categories, interwiki links and templates', () => {
    const text = toString(source.tree);
    expect(text).toContain(
      'Cooperation between Germany and Soviet Union dates to the aftermath of the First World War.',
    );
    expect(text).not.toMatch(/\[\[|\]\]|\{\{|\}\}|Category:|Image:|Brest treaty Barry Kent|Советско|Soveta-germana/);
  });

  it('reads the ambassador lists as lists', () => {
    const lists = source.tree.children.filter((n): n is List => n.type === 'list');
    const soviet = lists.find((l) => toString(l).includes('Krestinsky'))!;
    expect(soviet.children.map((i) => toString(i))).toEqual([
      'Adolf Ioffe (1918)',
      'Nikolay Krestinsky (1921-1930)',
      'Lev Khinchuk (1930-1934)',
      'Yakov Surits (1934-1937)',
      'Konstantin Yurenev (1937)',
      'Alexey Merekalov (1938-1939)',
      'Georgy Astakhov (1939)',
      'Alexey Shkvartsev (1939-1940)',
      'Vladimir Dekanozov (1940-1941)',
    ]);
  });

  it('gives every block its line (1: the whole article is on the first line)', () => {
    for (const node of source.tree.children) expect(node.position?.start.line).toBe(1);
  });
});

describe('wikitext reader: the later revision (cleaned wikitext)', () => {
  const source = parseSeed(SEEDS.later);

  it('takes the title from = Title = and keeps heading levels', () => {
    expect(source.info.format).toBe('wikitext');
    expect(source.info.title).toBe('Germany–Soviet Union relations (1918–1941)');
    const hs = headings(source);
    expect(hs).toHaveLength(39);
    expect(hs[0]).toEqual([2, 'The Soviet Union and Weimar Germany']);
    expect(hs[1]).toEqual([3, 'Revolution and end of World War I']);
    expect(hs[3]).toEqual([4, 'Documentation']);
    expect(hs.at(-1)).toEqual([2, 'See also']);
  });

  it('removes the Infobox with a warning naming its line', () => {
    expect(toString(source.tree)).not.toContain('Flagvariant');
    expect(source.warnings).toContainEqual({
      file: SEEDS.later,
      line: 3,
      rule: 'dropped-infobox',
      message: 'Infobox removed from the prose',
    });
  });

  it('knows the line of every block', () => {
    const first = source.tree.children[0]!;
    expect(first.type).toBe('paragraph');
    expect(first.position?.start.line).toBe(9);
    const german = source.tree.children.find((n) => n.type === 'list' && toString(n).includes('Mirbach'))!;
    expect(german.position?.start.line).toBe(310);
  });
});

describe('wikitext reader: fixtures', () => {
  it('handles named and reused refs, links, templates, comments and files', () => {
    const text = [
      '= Sample =',
      "'''Sample''' is a [[Test page|test]] of {{lang|de|Wort}} things.<ref name=\"a\">First [http://example.org source].</ref> <!-- hidden -->",
      'More text.<ref name="a"/> Again.<ref>Second source.</ref>',
      '',
      '== History ==',
      '[[File:X.png|thumb|A caption]]Born in [[Berlin]].[[Category:Things]] [[de:Beispiel]]',
      '* One',
      '* Two [[Item]]',
    ].join('\n');
    const s = parseText(text, 'sample.wiki');
    expect(s.info.title).toBe('Sample');
    expect(headings(s)).toEqual([[2, 'History']]);
    expect(s.citations.map((c) => [c.key, c.text, c.line])).toEqual([
      ['a', 'First source. http://example.org', 2],
      ['ref-1', 'Second source.', 3],
    ]);
    const [para, history, list] = s.tree.children;
    expect(toString(para!)).toBe('Sample is a test of Wort things. More text. Again.');
    expect(history!.type).toBe('heading');
    // The image is a figure of its own (its file is checked where the folder is read), before the paragraph.
    const figure = s.tree.children[2] as Paragraph;
    expect(figure.data).toEqual({ figure: true, caption: 'A caption' });
    expect(figure.children).toEqual([{ type: 'image', url: 'X.png', alt: 'A caption' }]);
    expect(toString(s.tree.children[3]!)).toBe('Born in Berlin.');
    expect(list).toBeDefined();
    const l = s.tree.children[4] as List;
    expect(l.type).toBe('list');
    expect(l.children.map((i) => toString(i))).toEqual(['One', 'Two Item']);
    expect(l.position?.start.line).toBe(7);
  });

  it('survives malformed markup: an unclosed <ref>, unbalanced braces and brackets', () => {
    const text = '== A ==\nText with <ref>never closed and {{open template and [[open link\n\n== B ==\nStill here.';
    const s = parseText(text, 'broken.wiki');
    expect(headings(s).map((h) => h[1])).toContain('A');
    expect(toString(s.tree)).toContain('Still here.');
  });

  it('rejects a first line that only looks like a dump when forced', () => {
    expect(splitDump('just some words')).toBeUndefined();
  });
});

describe('wikitext reader: parsed piece by piece, as the whole parses', () => {
  type Shape = string | [string, ...Shape[]];
  interface Node {
    type: string;
    childNodes: readonly Node[];
  }
  // Nodes as their types and texts, adjacent texts joined (a cut may end one text where the next begins).
  const shapes = (nodes: readonly Node[]): Shape[] =>
    nodes.reduce<Shape[]>((out, node) => {
      const last = out[out.length - 1];
      if (node.type !== 'text') out.push([node.type, ...shapes(node.childNodes)]);
      else if (typeof last === 'string') out[out.length - 1] = last + String(node);
      else out.push(String(node));
      return out;
    }, []);
  const whole = (text: string) => shapes(Parser.parse(text).childNodes as readonly Node[]);
  const piecewise = (text: string) =>
    shapes(pieces(text).flatMap((p) => Parser.parse(p).childNodes as readonly Node[]));

  it('cuts before top-level headings only: not inside templates, tables, links, references or comments', () => {
    const text = [
      'Lead text.',
      '== One ==',
      'A {{Quote|text=',
      '== in a template ==',
      '}} and a table:',
      '{|',
      '|-',
      '== in a table ==',
      '|}',
      'A <ref>note',
      '== in a reference ==',
      '</ref> and <!--',
      '== in a comment ==',
      '--> and [[Link|',
      '== in a link ==',
      ']].',
      '=== Two ===',
      'End.',
    ].join('\n');
    const parts = pieces(text);
    expect(parts.join('')).toBe(text);
    expect(parts.map((p) => p.split('\n')[0])).toEqual(['Lead text.', '== One ==', '=== Two ===']);
    expect(piecewise(text)).toEqual(whole(text));
    // Once in doubt (a tag running over a line end), nothing after it is cut, in any later text either.
    expect(pieces('A\n== One ==\n<div\n==H==\n><!--c-->\n==I==\nz')).toEqual([
      'A\n',
      '== One ==\n<div\n==H==\n><!--c-->\n==I==\nz',
    ]);
    // A lone surrogate is kept as it is.
    expect(pieces('a\uD800\n== B ==\nc').join('')).toBe('a\uD800\n== B ==\nc');
  });

  it('gives the same nodes as one parse of the whole, for the seeds and for random markup', () => {
    for (const file of [SEEDS.later, SEEDS.dump])
      expect(piecewise(readContent(file))).toEqual(whole(readContent(file)));
    // Constructs a reviewer showed the parser pairs differently from a count of braces.
    for (const tricky of [
      '{{a|[[b|}}]]\n==H==\n}}',
      '{{a|b}<!--c-->}\n==H==\n}}',
      '{{a|b}<ref>x</ref>}\n==H==\n}}',
      '{{a|-{}}}-\n==H==\n}}',
      '<span title="a\n==H==\n">x</span>',
      '<div\n==H==\n>',
      'a\x7F\x7F{{b}}\n==H==\nc',
      `text${' '.repeat(50)}{|\n==H==\n|}\n==I==\nz`,
      ':{|\n|a\n==H==\n|}\n==I==\n',
    ]) {
      expect(piecewise(tricky), JSON.stringify(tricky)).toEqual(whole(tricky));
    }
    const fragments = [
      '== H ==',
      '=== H3 ===',
      '= T =',
      '{{',
      '}}',
      '{{{',
      '}}}',
      '{',
      '}',
      '-{',
      '}-',
      '{|',
      '|}',
      '[[',
      ']]',
      '[',
      ']',
      '<ref>',
      '</ref>',
      '<ref name="a"/>',
      '<!--',
      '-->',
      '<pre>',
      '</pre>',
      '<span title="a',
      '">',
      '<div',
      '>',
      '<br>',
      '\x7F',
      ':',
      '  ',
      "'''",
      '* item',
      'text',
      ' ',
      '|',
      '=',
      '-',
      '\n',
      '\n',
      '\n',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 80 }), (parts) => {
        const text = parts.join('');
        expect(pieces(text).join('')).toBe(text.replace(/\x7F/g, ''));
        expect(piecewise(text)).toEqual(whole(text));
      }),
      { numRuns: 1000, seed: 20261124 },
    );
  });
});

describe('wikitext reader: pieces remembered between reads (a watch session)', () => {
  it('an edited section is read anew, and the result is what a first read gives', () => {
    const text = readContent(SEEDS.later);
    parseText(text, SEEDS.later);
    const edited = text.replace('annulling all mutual claims', 'annulling all mutual claims (and debts)');
    expect(edited).not.toBe(text);
    const again = parseText(edited, SEEDS.later);
    forgetRemembered();
    const fresh = parseText(edited, SEEDS.later);
    expect(again).toEqual(fresh);
    expect(JSON.stringify(again.tree)).toContain('(and debts)');
  });
});

describe('wikitext reader: lines inside a table cell, and links to other Wikipedias', () => {
  const source = parseText(
    [
      'The writer published two books.',
      '{| class="wikitable"',
      '|-',
      '! Year !! Title',
      '|-',
      '| 1993',
      '| Die reuk van appels',
      'The smell of apples',
      '|-',
      '| 2002',
      '| Embrace',
      '|}',
      '',
      '== External links ==',
      '* [https://example.org The writer’s page]',
      '[[simple:Writer]]',
      '[[zh-min-nan:Writer]]',
    ].join('\n'),
    'writer.wiki',
  );

  it('keeps each line of a cell on its own line, as MediaWiki shows it', () => {
    const table = source.tree.children.find((n) => n.type === 'table')!;
    const cell = (table as Table).children[1]!.children[1]!;
    expect(cell.children.map((c) => c.type)).toEqual(['text', 'break', 'text']);
    expect(toString(cell)).toBe('Die reuk van appelsThe smell of apples');
  });

  it('drops links to other Wikipedias, "simple" and long language codes too', () => {
    expect(toString(source.tree)).not.toMatch(/simple:|zh-min-nan:/);
  });
});

describe('wikitext reader: indented lines that go on with a sentence', () => {
  it('keeps lines that go on with the sentence before in it, and sets a quotation after a full stop apart', () => {
    const source = parseText(
      [
        'In his speech the mayor told the council that',
        ':we shall keep the harbour open,',
        ':we shall never close it.',
        'The speech was printed that evening.',
        '',
        'He asked the guilds for their reactions.',
        ':"It was the best week I ever had."',
        'The guilds agreed.',
      ].join('\n'),
      'speech.wiki',
    );
    const paragraphs = source.tree.children.filter((n) => n.type === 'paragraph').map((p) => toString(p));
    expect(paragraphs[0]).toMatch(/council that we shall keep the harbour open, we shall never close it\. The speech/);
    expect(paragraphs.slice(1)).toEqual([
      'He asked the guilds for their reactions.',
      '"It was the best week I ever had."',
      'The guilds agreed.',
    ]);
  });
});
