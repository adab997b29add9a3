/**
 * Issue 18 on real articles: every table of the source that has text in it is a table in the web page, the
 * EPUB and the PDF, with its header cells; every block quote is a block quote; no markup is left in the text.
 * The source's tables and their header cells are found by a plain line scan of the wikitext (`{|`, `!`),
 * not by Quire's reader, so the check does not grade the reader by its own reading.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { build } from '../../src/pipeline/build.js';
import { pdfText } from '../support/inspect.js';
import { CORPUS } from '../support/content.js';

const ARTICLES = ['Arts_Club_of_Chicago', 'Mark-Behr', 'Kigali_Amendment', 'Allen-R.-Morris', 'Canton-of-Étaples'];

/** The source's top-level tables, and the first header cell of each that has one, as plain words. */
function sourceTables(wikitext: string): { tables: number; headers: string[] } {
  const headers: string[] = [];
  let tables = 0;
  let depth = 0;
  let wanted = false;
  for (const line of wikitext.split('\n')) {
    const body = line.replace(/^[:*#\s]+/, '');
    if (body.startsWith('{|')) {
      depth++;
      if (depth === 1) [wanted, tables] = [true, tables + 1];
    } else if (body.startsWith('|}')) depth--;
    else if (wanted && depth === 1 && body.startsWith('!')) {
      const cell = body
        .slice(1)
        .split(/!!|\|\|/)[0]!
        .replace(/^[^|[{]*\|(?!\|)/, '')
        .replace(/\[\[(?:[^|\]]*\|)?([^\]]*)\]\]/g, '$1')
        .replace(/'{2,}/g, '')
        .replace(/<[^>]+>/g, '')
        .trim();
      if (/\p{L}/u.test(cell) && !cell.includes('{{')) headers.push(cell);
      wanted = false;
    }
  }
  return { tables, headers };
}

/** What a reader sees of a page: the body's text, without style sheets, figures' drawings or tags. */
const plain = (html: string) =>
  (/<body[^>]*>([^]*)<\/body>/.exec(html)?.[1] ?? html)
    .replace(/<(style|svg|script)\b[^]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x26;|&amp;/g, '&');

describe.skipIf(!CORPUS).each(ARTICLES)('%s: tables and quotations in every output', (article) => {
  const out = mkdtempSync(path.join(tmpdir(), 'quire-corpus-'));
  const content = path.join(out, 'content');
  let html: string;
  let epub: string;
  let pdf: string;
  let wikitext: string;

  beforeAll(async () => {
    mkdirSync(content);
    const file = `${article}.wiki`;
    copyFileSync(path.join(CORPUS, article, file), path.join(content, file));
    wikitext = readFileSync(path.join(content, file), 'utf8');
    await build({
      contentDir: content,
      outDir: path.join(out, 'out'),
      formats: ['html', 'epub', 'pdf'],
      progress: 'silent',
    });
    const dir = path.join(out, 'out');
    const base = (ext: string) =>
      path.join(
        dir,
        readdirSync(dir).find((n) => n.endsWith(ext))!,
      );
    html = readFileSync(base('.html'), 'utf8');
    const zip = unzipSync(readFileSync(base('.epub')));
    epub = Object.entries(zip)
      .filter(([n]) => /chapter-\d+\.xhtml$|back-matter\.xhtml$/.test(n))
      .map(([, d]) => strFromU8(d))
      .join('\n');
    pdf = pdfText(base('.pdf')).replace(/\s+/g, ' ');
  }, 180_000);

  it('has each source table, with its header cells, in the web page, the EPUB and the PDF', () => {
    const { tables, headers } = sourceTables(wikitext);
    expect(tables).toBeGreaterThan(0);
    expect((html.match(/<table>/g) ?? []).length, 'tables in the HTML').toBeGreaterThanOrEqual(tables);
    expect((epub.match(/<table>/g) ?? []).length, 'tables in the EPUB').toBeGreaterThanOrEqual(tables);
    for (const header of headers) {
      const th = new RegExp(`<th[^>]*>[^]*?</th>`, 'g');
      const cells = (doc: string) => [...doc.matchAll(th)].map((m) => plain(m[0]).replace(/\s+/g, ' ').trim());
      expect(cells(html), `${header} in the HTML`).toContain(header);
      expect(cells(epub), `${header} in the EPUB`).toContain(header);
      expect(pdf, `${header} in the PDF`).toContain(header);
    }
  });

  it('keeps every block quote a block quote', () => {
    const quotes = (wikitext.match(/<blockquote|\{\{\s*(?:[Qq]uote|[Cc]quote|[Bb]lockquote)\s*\|/g) ?? []).length;
    expect((html.match(/<blockquote>/g) ?? []).length).toBeGreaterThanOrEqual(quotes);
  });

  it('leaves no wiki markup or entity in the text', () => {
    for (const [name, doc] of [
      ['HTML', plain(html)],
      ['EPUB', plain(epub)],
      ['PDF', pdf],
    ] as const) {
      expect(doc, name).not.toMatch(/\{\{|\}\}|\[\[|\]\]|\{\||\|-|<ref|&nbsp;|&ndash;|thumb\||mini\||\|\s*\w+\s*=/);
    }
  });
});
