import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import type { Image, Nodes, Paragraph } from 'mdast';
import { readWikitext } from '../../src/sources/wikitext.js';
import { QuireError } from '../../src/util/errors.js';
import { CORPUS } from '../support/content.js';

function read(text: string, file = 'a.wiki') {
  return readWikitext({ text, file, format: 'wikitext' });
}

/** Every block's text, one string a block. */
function blocks(tree: Nodes): string[] {
  if (tree.type === 'heading' || tree.type === 'paragraph' || tree.type === 'listItem' || tree.type === 'tableCell')
    return [toString(tree)];
  if (tree.type === 'table' && (tree.data as { caption?: string } | undefined)?.caption)
    return [(tree.data as { caption: string }).caption, ...tree.children.flatMap((c) => blocks(c))];
  return 'children' in tree ? tree.children.flatMap((c) => blocks(c as Nodes)) : [];
}

function textOf(text: string): string {
  return blocks(read(text).tree).join('\n');
}

describe('wikitext: entities', () => {
  it('decodes named and numeric entities', () => {
    const t = textOf('A&nbsp;B, 1990&ndash;1995, x &gt; y, &#8212; &#x2014; &amp; &eacute;.\n');
    expect(t).toBe('A\u00a0B, 1990–1995, x > y, — — & é.');
  });
  it('decodes entities in a citation', () => {
    const r = read('Text.<ref>A &ndash; B</ref>\n');
    expect(r.citations[0]!.text).toBe('A – B');
  });
});

describe('wikitext: localised namespaces', () => {
  const src = [
    'Vor.[[Datei:Foo bar.jpg|mini|links|220px|Ein [[Bild]] Text]] Nach.',
    '[[Bild:X.png|miniatur|Caption]]Weiter.',
    '[[Lêer:Y.jpg|duimnael|regs|Onderskrif]] Meer.',
    '[[Fichier:Z.jpg|vignette|Légende]] Plus.',
    '[[Xyz:Q.jpg|thumb|300x200px|Some caption]] End.',
    '',
    '[[Kategorie:Deutscher]]',
    '[[Kategori:Norsk]]',
    '[[Catégorie:Français]]',
    '[[en:Foo]] [[de:Bar]]',
  ].join('\n');
  const t = textOf(src);
  const figures = (read(src).tree.children as Paragraph[]).filter((c) => c.type === 'paragraph' && c.data?.figure);
  it('makes image links figures, with their captions and without their options', () => {
    expect(t).toContain('Vor. Nach.');
    expect(t).toContain('Weiter.');
    expect(t).toContain('Meer.');
    expect(t).toContain('Plus.');
    expect(t).toContain('End.');
    const prose = t.split('\n').filter((line) => !figures.some((f) => f.data?.caption === line));
    expect(prose.join('\n')).not.toMatch(/mini|thumb|duimnael|vignette|px|Datei|Bild:|Lêer|Fichier|caption|Légende/i);
    expect(figures.map((f) => [(f.children[0] as Image).url, f.data?.caption])).toEqual([
      ['Foo_bar.jpg', 'Ein Bild Text'],
      ['X.png', 'Caption'],
      ['Y.jpg', 'Onderskrif'],
      ['Z.jpg', 'Légende'],
      ['Q.jpg', 'Some caption'],
    ]);
  });
  it('drops category and interwiki links', () => {
    expect(t).not.toMatch(/Kategori|Catégorie|Deutscher|Norsk|Foo|Bar/);
  });
  it('leaves checking the image files to the folder reader: no warning here', () => {
    const rules = read(src).warnings.map((w) => w.rule);
    expect(rules).not.toContain('dropped-image');
  });
});

describe('wikitext: citation templates', () => {
  const src = [
    'One.<ref name="a">{{cite web |last=Smith |first=John |title=The Title |website=Example News',
    ' |publisher=Example Corp |date=3 May 2009 |url=https://example.org/x |access-date=1 June 2010}}</ref>',
    'Two.<ref>{{Citation|author=Jane Doe|title=A Book|year=1999|publisher=Press}}</ref>',
    'Three.<ref name="a"/> Four.<ref name=b /> Five.<ref name=b>{{cite journal|vauthors=Roe R|title=Paper',
    '|journal=J. Things|year=2001}}</ref>',
    'Six.<ref></ref>',
  ].join('\n');
  const r = read(src);
  it('formats cite web as a readable note', () => {
    expect(r.citations[0]!.text).toBe(
      'Smith, John. “The Title”. Example News. Example Corp, 3 May 2009. https://example.org/x',
    );
  });
  it('formats citation and cite journal', () => {
    expect(r.citations[1]!.text).toBe('Jane Doe. “A Book”. Press, 1999.');
    expect(r.citations.find((c) => c.key === 'b')!.text).toBe('Roe R. “Paper”. J. Things. 2001.');
  });
  it('keeps named refs pointing at one note', () => {
    expect(r.citations.map((c) => c.key)).toEqual(['a', 'ref-1', 'b']);
  });
  it('warns "empty <ref>" only for the empty one', () => {
    expect(r.warnings.filter((w) => w.rule === 'empty-ref')).toHaveLength(1);
  });
});

describe('wikitext: redirects', () => {
  for (const word of ['#REDIRECT', '#redirect', '#WEITERLEITUNG', '#OMDIRIGERING', '#DOORVERWIJZING', '#AANSTUUR']) {
    it(`refuses ${word}`, () => {
      let error: unknown;
      try {
        read(`${word} [[Some Target#Part]]\n\n{{R from move}}\n`, 'r.wiki');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(QuireError);
      const e = error as QuireError;
      expect(e.message).toContain('is a redirect to "Some Target#Part"');
      expect(e.message).not.toContain('\n');
      expect(e.line).toBe(1);
      expect(e.file).toBe('r.wiki');
    });
  }
});

describe('wikitext: an article on one line', () => {
  it('restores headings found mid-line', () => {
    const r = read("'''Thing''' is a thing. ==History== It began. ===Early=== Long ago. ==See also== * [[Other]]\n");
    const heads = r.tree.children.filter((n) => n.type === 'heading').map((n) => toString(n));
    expect(heads).toEqual(['History', 'Early', 'See also']);
    expect(blocks(r.tree).join('\n')).not.toContain('==');
  });
});

describe('wikitext: unknown templates are counted', () => {
  it('one warning per template name with a count', () => {
    const r = read('A {{foo}} b {{foo|x}} c {{Bar}}.\n');
    const w = r.warnings.filter((x) => x.rule === 'unknown-template');
    expect(w).toHaveLength(2);
    expect(w.find((x) => /foo/i.test(x.message))!.message).toMatch(/2/);
  });
});

describe('wikitext: dropped tags are counted', () => {
  it('keeps inline <math> as math', () => {
    const para = read('A <math>x</math> b <math>y</math>.\n').tree.children[0] as Paragraph;
    expect(para.children.filter((c) => (c.type as string) === 'inlineMath').map((c) => toString(c))).toEqual([
      'x',
      'y',
    ]);
  });
  it('one warning per tag with a count', () => {
    const r = read('A <math>x</math> b <math>y</math>.\n<gallery>\nDatei:A.jpg|a\n</gallery>\n<references/>\n');
    const w = r.warnings.filter((x) => x.rule === 'dropped-tag').map((x) => x.message);
    expect(w).toEqual(['<gallery> dropped']);
  });
  it('leaves a normal article with headings on their lines as it is', () => {
    const r = read('Intro a == b == c.\n\n==Real==\nText.\n');
    expect(r.tree.children.filter((n) => n.type === 'heading').map((n) => toString(n))).toEqual(['Real']);
  });
});

const articles =
  CORPUS && fs.existsSync(CORPUS)
    ? fs.readdirSync(CORPUS).filter((d) => fs.existsSync(path.join(CORPUS, d, `${d}.wiki`)))
    : [];

/** Distinct refs in the source: named refs once per name, unnamed non-empty refs each. */
function distinctRefs(text: string): number {
  const body = text.replace(/<!--[\s\S]*?-->/g, '');
  const names = new Set<string>();
  let unnamed = 0;
  for (const m of body.matchAll(/<ref(\s[^>]*?)?(\/>|>([\s\S]*?)<\/ref\s*>)/gi)) {
    const name = /name\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s/>]+))/i.exec(m[1] ?? '');
    if (name) names.add((name[1] ?? name[2] ?? name[3])!.trim());
    else if ((m[3] ?? '').trim()) unnamed++;
  }
  return names.size + unnamed;
}

describe.skipIf(!articles.length)('wikitext: the corpus', () => {
  let refs = 0;
  let notes = 0;
  for (const name of articles) {
    it(`${name}: no markup left in any block`, () => {
      const text = fs.readFileSync(path.join(CORPUS, name, `${name}.wiki`), 'utf8');
      const r = read(text, `${name}.wiki`);
      for (const b of blocks(r.tree)) {
        expect(b).not.toMatch(/\{\{|\}\}|\[\[|\]\]|<ref|&[a-z]+;|&#x?[0-9a-f]+;|thumb\||mini\|/i);
        expect(b).not.toMatch(/\b(File|Image|Datei|Bild|Lêer|Category|Kategorie|Kategori):\S/);
      }
      for (const c of r.citations) expect(c.text).not.toMatch(/\{\{|\}\}|&[a-z]+;|&#x?[0-9a-f]+;/i);
      refs += distinctRefs(text);
      notes += r.citations.filter((c) => c.text).length;
    });
  }
  it('turns at least 95% of distinct refs into notes', () => {
    expect(notes / refs).toBeGreaterThanOrEqual(0.95);
  });
});
