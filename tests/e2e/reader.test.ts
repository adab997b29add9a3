/**
 * Issue 21: the guide as a reader meets it — a PDF whose text search finds every word, notes that link back
 * to their calls, contents numbered once, a timeline readable on A4, tables that paginate.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { build } from '../../src/pipeline/build.js';
import { CONTENT, FIXTURES, ROOT } from '../support/content.js';
import { findChromium } from '../../src/render/print/chromium.js';
import { pdfText } from '../support/inspect.js';

const BASE = 'germany-soviet-union-relations-1918-1941';

/** The PDF's text layer as poppler gives it, nothing dropped, in reading order. */
const rawText = (file: string, page?: number) =>
  execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });

/** Words (letters and digits) of a text, lower-cased. */
const words = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1);

/** Word boxes of one PDF page (poppler's -bbox): text, left, right and height in points. */
function wordBoxes(file: string, page: number): { word: string; xMax: number; height: number }[] {
  const xml = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], {
    encoding: 'utf8',
  });
  return [
    ...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ].map((m) => ({ word: m[5]!, xMax: Number(m[3]), height: Number(m[4]) - Number(m[2]) }));
}

/** The machine-checkable PDF/UA rules, read with qpdf: what fails, as sentences (empty: passes). */
function pdfUaProblems(file: string): string[] {
  const json = JSON.parse(
    execFileSync('qpdf', ['--json=2', '--json-key=qpdf', file], { encoding: 'utf8', maxBuffer: 1 << 28 }),
  );
  const objects = json.qpdf[1] as Record<
    string,
    { value?: Record<string, unknown>; stream?: { dict: Record<string, unknown> } }
  >;
  const value = (ref: unknown) => objects[`obj:${String(ref)}`]?.value ?? objects[`obj:${String(ref)}`]?.stream?.dict;
  const problems: string[] = [];
  const catalog = Object.values(objects).find((o) => o.value?.['/Type'] === '/Catalog')!.value!;
  if ((catalog['/MarkInfo'] as Record<string, unknown> | undefined)?.['/Marked'] !== true) problems.push('not tagged');
  if (!value(catalog['/StructTreeRoot'])) problems.push('no structure tree');
  if (!/^u:[a-z]{2,3}(-|$)/.test(String(catalog['/Lang']))) problems.push('no language');
  if ((catalog['/ViewerPreferences'] as Record<string, unknown> | undefined)?.['/DisplayDocTitle'] !== true)
    problems.push('the title is not displayed');
  const metadata = String(catalog['/Metadata'] ?? '').replace(/ 0 R$/, '');
  const xmp = metadata
    ? execFileSync('qpdf', [`--show-object=${metadata}`, '--filtered-stream-data', file], { encoding: 'utf8' })
    : '';
  if (!xmp.includes('<pdfuaid:part>1</pdfuaid:part>')) problems.push('no PDF/UA identifier in the XMP metadata');
  if (!/<dc:title>.*\S.*<\/dc:title>/s.test(xmp)) problems.push('no dc:title in the XMP metadata');
  const elements = Object.entries(objects).filter(([, o]) => typeof o.value?.['/S'] === 'string');
  for (const [id, o] of elements) {
    if (
      o.value!['/S'] === '/Figure' &&
      !String(o.value!['/Alt'] ?? '')
        .replace(/^u:/, '')
        .trim()
    )
      problems.push(`figure ${id} without alternative text`);
  }
  // Every table has header cells (TH) among its rows.
  const kids = (o: Record<string, unknown>): string[] => {
    const k = o['/K'];
    return (Array.isArray(k) ? k : [k]).filter((x) => typeof x === 'string' && x.endsWith(' R')).map(String);
  };
  const hasHeader = (ref: string, depth = 0): boolean => {
    const o = value(ref.replace(/ 0 R$/, ' 0 R'));
    if (!o || depth > 4) return false;
    return o['/S'] === '/TH' || kids(o).some((k) => hasHeader(k, depth + 1));
  };
  for (const [id, o] of elements)
    if (o.value!['/S'] === '/Table' && !kids(o.value!).some((k) => hasHeader(k)))
      problems.push(`table ${id} without headers`);
  return problems;
}

const pageCount = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

describe('the seed guide as a reader meets it', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'quire-reader-'));
  let result: Awaited<ReturnType<typeof build>>;
  let pdf: string;
  let html: string;
  let epub: Record<string, string>;

  beforeAll(async () => {
    result = await build({ contentDir: CONTENT, outDir: out, formats: ['html', 'epub', 'pdf'], progress: 'silent' });
    pdf = path.join(out, `${BASE}.pdf`);
    html = readFileSync(path.join(out, `${BASE}.html`), 'utf8');
    epub = Object.fromEntries(
      Object.entries(unzipSync(readFileSync(path.join(out, `${BASE}.epub`))))
        .filter(([n]) => n.endsWith('.xhtml'))
        .map(([n, d]) => [n.replace(/^OEBPS\//, ''), strFromU8(d)]),
    );
  }, 180_000);

  it('the PDF text layer has no soft hyphen, and a search finds every word of every chapter', () => {
    const text = rawText(pdf);
    expect(text).not.toContain('\u00ad');
    // Hyphenation still breaks words at line ends, with a hyphen that a viewer joins when it searches.
    const laidOut = pdfText(pdf).replace(/[ \t]+$/gm, '');
    expect(laidOut.match(/\p{Ll}-\n\s*\p{Ll}/gu)!.length).toBeGreaterThan(50);
    // A line-end hyphen joins a broken word, or stands between two (Buber-Neumann): both are searched.
    const found = new Set([...words(laidOut.replace(/-\n\s*/g, '')), ...words(laidOut.replace(/-\n\s*/g, ' '))]);
    let checked = 0;
    for (const chapter of result.book.chapters)
      for (const block of chapter.sections.flatMap((s) => s.blocks))
        for (const word of words(block.text)) {
          expect(found.has(word), `"${word}" (${block.id})`).toBe(true);
          checked++;
        }
    expect(checked).toBeGreaterThan(5000);
  });

  it('every note links back to each of its calls, in the HTML and the EPUB (endnote semantics kept)', () => {
    const docs = [
      html,
      ...Object.entries(epub)
        .filter(([n]) => n.startsWith('chapter-'))
        .map(([, t]) => t),
    ];
    let notes = 0;
    for (const doc of docs) {
      const ids = new Set([...doc.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!));
      const lists = [...doc.matchAll(/<ol class="notes-list">([\s\S]*?)<\/ol>/g)].map((m) => m[1]!).join('');
      for (const m of lists.matchAll(/<li id="([^"]+)" value="\d+"[^>]*>(.*?)<\/li>/g)) {
        const back = [...m[2]!.matchAll(/<a class="note-back" href="#([^"]+)" role="doc-backlink"/g)].map((b) => b[1]!);
        expect(back.length, `note ${m[1]}`).toBeGreaterThan(0);
        for (const id of back) {
          expect(ids.has(id), `#${id}`).toBe(true);
          // The call it returns to points at this note.
          expect(doc).toMatch(new RegExp(`<a href="#${m[1]}" role="doc-noteref"[^>]* id="${id}"`));
        }
        notes++;
      }
    }
    expect(notes).toBeGreaterThan(100);
    expect(epub['chapter-02.xhtml']).toMatch(/epub:type="endnote"/);
    expect(epub['chapter-02.xhtml']).toMatch(/epub:type="noteref"/);
  });

  it('note calls side by side are separated once, and none after text (no ".,")', () => {
    const text = pdfText(pdf);
    expect(text).not.toMatch(/[.;:!?],\d/);
    expect(html).toMatch(/<\/sup><sup class="noteref">,<a href="#[^"]+" role="doc-noteref"/);
  });

  it('a printed note carries the page of its call', () => {
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    // The note's text, the address of its link, then the page of its call.
    const note = new RegExp(
      String.raw`1\. Full text in English: The Peace Treaty of Brest-Litovsk; March 3, 1918\. ` +
        String.raw`http://www\.yale\.edu/\S+ \(p\. (\d+)\)`,
    ).exec(text)!;
    expect(note, 'note 1 with its page').not.toBeNull();
    // The call "1" stands on that page, in the chapter's text.
    expect(rawText(pdf, Number(note[1]))).toMatch(/signed\s+on\s+March\s+3,\s+1918\.\s*1\s/);
  });

  it('a printed review question gives the page of its answer', () => {
    const text = pdfText(pdf);
    // A question may run over several lines; its answer's page ends its last line.
    const asked = [...text.matchAll(/^\s*(\d+)\. ((?:(?!Answer, p\.)[^]){1,300}?) Answer, p\. (\d+)\s*$/gm)];
    expect(asked.length).toBeGreaterThan(5);
    // The answer key starts on the page that has its heading; each answer is on that page or after it.
    let keyPage = 1;
    while (!/^\s*Answer key\s*$/m.test(pdfText(pdf, keyPage)) && keyPage < pageCount(pdf)) keyPage++;
    for (const [, , question, page] of asked.slice(0, 8)) {
      const start = question!.replace(/\s+/g, ' ').slice(0, 30);
      expect(pdfText(pdf, Number(page)).replace(/\s+/g, ' '), `page ${page}`).toContain(start);
      expect(Number(page)).toBeGreaterThanOrEqual(keyPage);
    }
  });

  it('the credits give every number of a dump line: page, revision and user ids, and the edit summary', () => {
    const dump = readFileSync(path.join(CONTENT, '2008-revision-with-citations.wiki'), 'utf8');
    const [, title, pageId, revisionId, , user, userId] = /^(.+?) (\d+) (\d+) (\S+Z) (\S+) (\d+) /.exec(dump) ?? [];
    const credits = html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    for (const fact of [title!, `page ID ${pageId}`, `revision ${revisionId}`, `by ${user} (user ID ${userId})`])
      expect(credits).toContain(fact);
    expect(credits).toContain('edit summary “not needed anymore”');
  });

  it('contents: chapters numbered once, the study aids a group of their own', () => {
    const nav = epub['toc.xhtml']!;
    const labels = [...nav.matchAll(/<a href="chapter-\d+\.xhtml">([^<]+)<\/a>/g)].map((m) => m[1]!);
    expect(labels).toEqual(result.book.chapters.map((c, i) => `${i + 1}. ${c.title.replace(/'/g, '&#39;')}`));
    expect(readFileSync(path.join(out, 'assets/screen.css'), 'utf8')).toMatch(/\.toc ol, \.toc ul \{ list-style: none/);
    expect(nav).toMatch(/<li><span>Study aids<\/span>\s*<ol>\s*<li><a href="glossary\.xhtml">/);
    const toc = html.slice(html.indexOf('<nav class="toc"'), html.indexOf('</nav>'));
    const chapters = toc.slice(0, toc.indexOf('Study aids'));
    const aids = toc.slice(toc.indexOf('Study aids'));
    expect([...chapters.matchAll(/class="toc-number">(\d+)\./g)].map((m) => Number(m[1]))).toEqual(
      result.book.chapters.map((_, i) => i + 1),
    );
    for (const aid of ['Glossary of ambassadors', 'Timeline', 'Answer key', 'Index']) {
      expect(aids).toContain(aid);
      expect(chapters).not.toContain(aid);
    }
  });

  it('the cover shows title, subtitle, author and edition, centred, in print and HTML', () => {
    const page = rawText(pdf, 1);
    for (const part of ['Germany–Soviet Union', 'A study guide', 'Wikipedia contributors', 'Edition 1']) {
      expect(page).toContain(part);
    }
    const boxes = wordBoxes(pdf, 1);
    // Centred: each line's words are balanced about the page's middle (A4: 297.6 pt wide).
    for (const word of ['guide', 'contributors']) {
      const box = boxes.find((b) => b.word === word)!;
      expect(box.xMax).toBeLessThan(400);
      expect(box.xMax).toBeGreaterThan(297.6);
    }
    expect(html).toMatch(/<header class="title-block">[\s\S]*class="author">Wikipedia contributors/);
  });

  it('the PDF passes the machine-checkable PDF/UA rules (qpdf): tags, language, title, XMP, alt text, headers', () => {
    expect(pdfUaProblems(pdf)).toEqual([]);
    const info = execFileSync('pdfinfo', ['-meta', pdf], { encoding: 'utf8' });
    expect(info).toContain(
      '<rdf:li xml:lang="x-default">Germany–Soviet Union relations, 1918–1941: A study guide</rdf:li>',
    );
  });

  it('DAISY Ace finds nothing serious or critical in the EPUB, and the accessibility metadata it asks for', () => {
    const reports = mkdtempSync(path.join(tmpdir(), 'quire-ace-'));
    const ace = path.join(ROOT, 'node_modules/.bin/ace-cli');
    execFileSync(ace, ['-f', '-s', '-o', reports, path.join(out, `${BASE}.epub`)], {
      // Ace drives a browser through puppeteer: Debian's Chromium, as Quire's own PDF does.
      env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: findChromium() },
      timeout: 300_000,
    });
    const report = JSON.parse(readFileSync(path.join(reports, 'report.json'), 'utf8'));
    const findings = (report.assertions as { 'earl:testSubject': { url: string }; assertions?: unknown[] }[]).flatMap(
      (doc) =>
        ((doc.assertions ?? []) as { 'earl:test': { 'earl:impact': string; 'dct:title': string } }[]).map(
          (a) => `${doc['earl:testSubject'].url}: ${a['earl:test']['dct:title']} (${a['earl:test']['earl:impact']})`,
        ),
    );
    expect(findings.filter((f) => /\((serious|critical)\)$/.test(f))).toEqual([]);
    expect(report['a11y-metadata'].present).toEqual(
      expect.arrayContaining(['dcterms:conformsTo', 'a11y:certifiedBy', 'schema:accessibilitySummary']),
    );
  }, 300_000);

  it('the timeline figure prints its smallest text at 8 pt or more', () => {
    const pages = Array.from({ length: pageCount(pdf) }, (_, i) => i + 1).filter((p) =>
      rawText(pdf, p).includes('Treaty, by date of signing'),
    );
    expect(pages.length).toBeGreaterThan(0);
    let checked = 0;
    for (const p of pages) {
      const boxes = wordBoxes(pdf, p);
      const at = boxes.findIndex((b) => b.word === 'Treaty,');
      // The figure's words: from its key to the caption under it.
      const end = boxes.findIndex((b, i) => i > at && b.word === 'Treaties');
      for (const b of boxes.slice(at, end < 0 ? undefined : end)) {
        // Poppler's box is the font's size (ascent to descent of the em).
        expect(b.height, `"${b.word}" on page ${p}`).toBeGreaterThanOrEqual(8);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('tables in print', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'quire-tables-'));
  let pdf: string;
  beforeAll(async () => {
    await build({ contentDir: path.join(FIXTURES, 'tables'), outDir: out, formats: ['pdf'], progress: 'silent' });
    pdf = path.join(out, 'lighthouse-registers.pdf');
  }, 120_000);

  it('a long table repeats its header row on every page it runs over', () => {
    let pages = 0;
    for (let p = 1; p <= pageCount(pdf); p++) {
      const text = pdfText(pdf, p);
      // The register's rows (the timeline quotes them too, in its own table).
      const rows = text.match(/^\s*Keeper number \d+\s+\d{4}\s+\d{4}\s+Station/gm) ?? [];
      if (!rows.length) continue;
      expect(text, `page ${p}`).toMatch(/^\s*Keeper\s+From\s+To\s+Station\s*$/m);
      pages++;
    }
    expect(pages).toBeGreaterThanOrEqual(2);
  });

  it('its tables have header cells in the PDF structure, and it passes the PDF/UA checks', () => {
    expect(pdfUaProblems(pdf)).toEqual([]);
    const tables = execFileSync('qpdf', ['--json=2', '--json-key=qpdf', pdf], { encoding: 'utf8', maxBuffer: 1 << 28 });
    // The fixture's two tables (the timeline no longer lists table rows as events).
    expect(tables.match(/"\/S": "\/Table"/g)!.length).toBeGreaterThanOrEqual(2);
  });

  it('a wide table fits the page: every cell printed, none past the right margin', () => {
    // In reading order: a cell's lines together.
    const text = rawText(pdf).replace(/[-\u2010]\n/g, '');
    let checked = 0;
    for (let p = 1; p <= pageCount(pdf); p++) {
      for (const b of wordBoxes(pdf, p)) {
        // A4 is 595 pt wide, the right margin 20 mm (57 pt).
        expect(b.xMax, `"${b.word}" on page ${p}`).toBeLessThanOrEqual(595 - 56);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
    for (let c = 0; c < 12; c++) expect(text.replace(/\s+/g, '')).toContain(`Value3x${c}verylongword`);
  });
});
