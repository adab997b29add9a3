/**
 * The reader-level measures of issue #18 over every article of the shared corpus: tables with text become
 * table nodes with their header cells; the text that known templates carry reaches the tree; linked day
 * dates read as dates; no markup, entity or parameter is left in any text. The expectations are computed
 * from the source text here, independently of the reader's template table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import type { Nodes, Table } from 'mdast';
import { readWikitext } from '../../src/sources/wikitext.js';
import { CORPUS } from '../support/content.js';

const articles =
  CORPUS && fs.existsSync(CORPUS)
    ? fs.readdirSync(CORPUS).filter((d) => fs.existsSync(path.join(CORPUS, d, `${d}.wiki`)))
    : [];

function read(name: string) {
  const text = fs.readFileSync(path.join(CORPUS, name, `${name}.wiki`), 'utf8');
  return { text, result: readWikitext({ text, file: `${name}.wiki`, format: 'wikitext' }) };
}

/** Every text a reader of the guide sees: blocks, cells, captions, attributions and notes. */
function texts(tree: Nodes): string[] {
  const out: string[] = [];
  const walk = (node: Nodes) => {
    const data = node.data as { caption?: string; attribution?: string } | undefined;
    if (data?.caption) out.push(data.caption);
    if (data?.attribution) out.push(data.attribution);
    if (['heading', 'paragraph', 'tableCell', 'math', 'code', 'defListTerm', 'defListDescription'].includes(node.type))
      out.push(toString(node));
    else if ('children' in node) node.children.forEach((c) => walk(c as Nodes));
  };
  walk(tree);
  return out;
}

/** The end of the template or table that opens at `start` (`{{` or `{|`), by counting braces. */
function closing(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length - 1; i++) {
    const two = text.slice(i, i + 2);
    if (two === '{{') depth++;
    else if (two === '}}') depth--;
    else continue;
    i++;
    if (depth === 0) return i + 1;
  }
  return text.length;
}

/** The source without comments, refs and infoboxes (dropped by default): the prose a reader sees. */
function visibleSource(text: string): string {
  let body = text.replace(/<!--[\s\S]*?-->/g, '').replace(/<ref[^>/]*\/>|<ref[^>]*>[\s\S]*?<\/ref\s*>/gi, ' ');
  for (let m; (m = /\{\{\s*(infobox|inligtingskas|personendaten)/i.exec(body));)
    body = body.slice(0, m.index) + body.slice(closing(body, m.index));
  return body;
}

/** Tables in the source, at any depth: whether each has text and whether it has `!` header cells. */
function sourceTables(text: string): { text: boolean; header: boolean }[] {
  const done: { text: boolean; header: boolean }[] = [];
  const open: { text: boolean; header: boolean }[] = [];
  for (const line of visibleSource(text).split('\n')) {
    const t = line.trim();
    if (/^:*\{\|/.test(t)) open.push({ text: false, header: false });
    else if (t.startsWith('|}')) {
      const table = open.pop();
      if (table) done.push(table);
    } else if (open.length) {
      const top = open[open.length - 1]!;
      if (t.startsWith('!')) top.header = true;
      if (!/^\|[-+]/.test(t) && /[\p{L}\p{N}]/u.test(t.replace(/\w+\s*=\s*"[^"]*"/g, ''))) top.text = true;
    }
  }
  return done;
}

function tables(tree: Nodes): Table[] {
  if (tree.type === 'table') return [tree];
  return 'children' in tree ? tree.children.flatMap((c) => tables(c as Nodes)) : [];
}

const hasHeader = (t: Table) =>
  t.children.some((r) => r.children.some((c) => (c.data as { header?: boolean } | undefined)?.header));

/**
 * The words a known template shows, by name: which parameters' words must reach the guide. Written from
 * Wikipedia's documentation of each template, not from the reader's table.
 */
const SHOWN: [RegExp, (p: string[], named: Map<string, string>) => string[]][] = [
  [/^(convert|cvt)$/, (p) => [p[0]!]],
  [/^lang$/, (p) => [p[1]!]],
  [/^lang-\w+$/, (p) => [p[0]!]],
  [/^(ubl|unbulleted list|hlist|flatlist|plainlist)$/, (p) => p],
  [
    /^(start date|birth date|death date|start date and age|birth date and age)$/,
    (p) => p.filter((x) => /^\d{4}$/.test(x)),
  ],
  [/^(flag|flagcountry)$/, (p) => [p[0]!]],
  [/^(nowrap|sic|abbr|small|ill)$/, (p) => [p[0]!]],
  [/^(quote|cquote|blockquote|zitat)$/, (p, named) => [named.get('text') ?? named.get('quote') ?? p[0] ?? '']],
  [/^bar percent$/, (p) => [p[0]!, p[2]!]],
  [/^(isbn|ec number)$/, (p) => [p[0]!]],
  // "As of 27 March 2025" for {{as of|2025|March|27}}: the year and a month written as a name.
  [/^as of$/, (p) => p.filter((x) => /^\d{4}$/.test(x) || /^\p{L}{3,}$/u.test(x))],
];

/** Top-level `{{…}}` of the visible source with their parameters (nested templates stay in the values). */
function templates(body: string): { name: string; positional: string[]; named: Map<string, string> }[] {
  const out: { name: string; positional: string[]; named: Map<string, string> }[] = [];
  for (let i = body.indexOf('{{'); i !== -1; i = body.indexOf('{{', i)) {
    const end = closing(body, i);
    const inner = body.slice(i + 2, end - 2);
    const parts: string[] = [];
    let depth = 0;
    let from = 0;
    for (let k = 0; k < inner.length; k++) {
      const two = inner.slice(k, k + 2);
      if (two === '{{' || two === '[[') depth++;
      if (two === '}}' || two === ']]') depth--;
      if (inner[k] === '|' && depth === 0) {
        parts.push(inner.slice(from, k));
        from = k + 1;
      }
    }
    parts.push(inner.slice(from));
    const [name = '', ...params] = parts;
    const named = new Map<string, string>();
    const positional: string[] = [];
    for (const p of params) {
      const m = /^\s*([\w -]+?)\s*=([\s\S]*)$/.exec(p);
      if (m) named.set(m[1]!.toLowerCase(), m[2]!);
      else positional.push(p.trim());
    }
    out.push({ name: name.trim().toLowerCase().replace(/_/g, ' '), positional, named });
    i = end;
  }
  return out;
}

/** The words of a parameter value as a reader sees them: link labels, no markup. */
function words(value: string): string[] {
  const shown = value
    .replace(/\{\{[^{}]*\}\}/g, ' ')
    .replace(/\[\[(?:[^\]|]*\|)?([^\]]*)\]\]/g, '$1')
    .replace(/'{2,}/g, '')
    .replace(/<[^>]+>/g, ' ');
  return shown.match(/[\p{L}\p{N}]+/gu) ?? [];
}

describe.skipIf(!articles.length)('wikitext measures on the corpus', () => {
  let expected = 0;
  let found = 0;
  const missing: string[] = [];
  for (const name of articles) {
    it(`${name}: every table with text is a table node, with its header cells`, () => {
      const { text, result } = read(name);
      const source = sourceTables(text).filter((t) => t.text);
      const made = tables(result.tree);
      expect(made.length).toBeGreaterThanOrEqual(source.length);
      expect(made.filter(hasHeader).length).toBeGreaterThanOrEqual(source.filter((t) => t.header).length);
    });
    it(`${name}: no markup, entity, namespace or parameter left in any text`, () => {
      const { result } = read(name);
      for (const t of [...texts(result.tree), ...result.citations.map((c) => c.text)]) {
        expect(t).not.toMatch(/\{\{|\}\}|\[\[|\]\]|\{\||\|-|<ref|&[a-z]+;|&#x?[0-9a-f]+;|thumb\||mini\|/i);
        expect(t).not.toMatch(/\b(File|Image|Datei|Bild|Lêer|Category|Kategorie|Kategori):\S/);
        expect(t).not.toMatch(/\|\s*[a-z_]+[0-9]*\s*=/);
      }
    });
    it(`${name}: the words known templates carry reach the tree`, () => {
      const { text, result } = read(name);
      // Thousands separators as Wikipedia prints them ("19,000" for 19000).
      const shown = [...texts(result.tree), ...result.citations.map((c) => c.text)]
        .join(' ')
        .toLowerCase()
        .replace(/(\d),(?=\d{3})/g, '$1');
      for (const t of templates(visibleSource(text))) {
        const rule = SHOWN.find(([re]) => re.test(t.name));
        if (!rule) continue;
        for (const w of rule[1](t.positional, t.named).flatMap((v) => words(v ?? ''))) {
          expected++;
          if (shown.includes(w.toLowerCase())) found++;
          else missing.push(`${name}: {{${t.name}}} ${w}`);
        }
      }
    });
  }
  it('at least 95% of the words known templates carry reach the tree', () => {
    expect(expected).toBeGreaterThan(100);
    expect(found / expected, missing.slice(0, 20).join('\n')).toBeGreaterThanOrEqual(0.95);
  });
  it('linked day dates read as dates ("[[13. Mai]] [[1932]]", "[[19 Oktober]] [[1963]]")', () => {
    let seen = 0;
    for (const name of articles) {
      const { text, result } = read(name);
      const shown = texts(result.tree).join(' ');
      for (const m of visibleSource(text).matchAll(/\[\[(\d{1,2}\.? \p{L}+)\]\],? \[\[(\d{3,4})\]\]/gu)) {
        seen++;
        expect(shown).toContain(`${m[1]} ${m[2]}`);
      }
    }
    expect(seen).toBeGreaterThan(1);
  });
});
