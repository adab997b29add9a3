import { beforeAll, describe, expect, it } from 'vitest';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { build } from '../../src/pipeline/build.js';
import { BookJsonSchema } from '../../src/model/book-json.js';
import { CONTENT, SEEDS } from '../support/content.js';
import { contentsEntries, epubcheck, outputNames, pdfFonts, pdfInfo, pdfText } from '../support/inspect.js';
import { runQuire } from '../support/cli.js';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { foldingOrder } from '../../src/render/print/booklet.js';
import { findChromium } from '../../src/render/print/chromium.js';

const BASE = 'germany-soviet-union-relations-1918-1941';

describe('quire build on the seed guide (all formats)', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'quire-e2e-'));
  let result: Awaited<ReturnType<typeof build>>;
  let chapterTitles: string[];

  beforeAll(async () => {
    result = await build({ contentDir: CONTENT, outDir: out, progress: 'silent' });
    chapterTitles = result.book.chapters.map((c) => c.title);
  });

  it('writes HTML, PDF, EPUB, book.json and alignment.json, and nothing half-written', () => {
    const names = outputNames(out);
    expect(names).toEqual([
      'alignment.json',
      'assets',
      'book.json',
      'book.schema.json',
      `${BASE}.epub`,
      `${BASE}.html`,
      `${BASE}.pdf`,
      'report.html',
    ]);
    expect(chapterTitles.length).toBeGreaterThanOrEqual(8);
  });

  it('the PDF holds every chapter title, in order, on A4 pages with embedded fonts', () => {
    const file = path.join(out, `${BASE}.pdf`);
    const text = pdfText(file).replace(/\s+/g, ' ');
    // After the contents page: each chapter heading appears, in book order.
    const body = text.slice(text.indexOf('1 Introduction'));
    let from = 0;
    for (const [i, title] of chapterTitles.entries()) {
      const at = body.indexOf(`${i + 1} ${title}`, from);
      expect(at, `chapter "${title}" in the PDF after position ${from}`).toBeGreaterThanOrEqual(from);
      from = at;
    }
    const info = pdfInfo(file);
    expect(info['Page size']).toContain('(A4)');
    expect(info.Title).toBe('Germany–Soviet Union relations, 1918–1941: A study guide');
    expect(info.Tagged).toBe('yes');
    expect(Number(info.Pages)).toBe(result.files.find((f) => f.path.endsWith('.pdf'))!.pages);
    expect(pdfFonts(file).every((f) => f.embedded)).toBe(true);
    expect(pdfText(file, 1)).toContain('A study guide');
  });

  it('the PDF contents, glossaries and index give exact page numbers', () => {
    const file = path.join(out, `${BASE}.pdf`);
    const pageText = (n: number) => pdfText(file, n).replace(/\s+/g, ' ');
    const entries = contentsEntries(file);
    expect(entries.length).toBeGreaterThanOrEqual(chapterTitles.length + 4);
    for (const e of entries) expect(e.found, `"${e.title}" on page ${e.page}`).toBe(true);
    // A glossary back-reference and an index entry, checked on the page they name.
    const glossary = pdfText(file).replace(/\s+/g, ' ');
    const inGlossary = glossary.slice(glossary.lastIndexOf('Glossary of ambassadors'));
    const krestinsky = inGlossary.slice(inGlossary.indexOf('Nikolay Krestinsky (1921'));
    // The post, then what the text says he did, then where he is mentioned.
    expect(krestinsky).toMatch(
      /^Nikolay Krestinsky \(1921–1930\) Soviet ambassador \(chargé\) to Berlin\. Signed the treaty/,
    );
    const ref = /Soviet ambassador \(chargé\) to Berlin\. [^;]*? Mentioned in: ([^;]+?), p\. (\d+)/.exec(krestinsky)!;
    expect(pageText(Number(ref[2]))).toContain('Krestinsky');
    const index = glossary.slice(glossary.lastIndexOf('Index'));
    // People are filed by surname ("Stalin, Joseph").
    const stalin = /Stalin, Joseph ((?:\d+, )*\d+)/.exec(index)!;
    const pages = stalin[1]!.split(', ').map(Number);
    expect(new Set(pages).size).toBe(pages.length);
    for (const p of pages) expect(pageText(p), `Stalin on page ${p}`).toContain('Stalin');
  });

  it('the PDF has running heads, page numbers, bookmarks, tags, hyphenation and only its own fonts', async () => {
    const file = path.join(out, `${BASE}.pdf`);
    const contents = pdfText(file, 3);
    const starts = [...contents.matchAll(/^(\d+)\. (.+?)\s{2,}(\d+)\s*$/gm)].map((m) => ({
      title: m[2]!,
      page: Number(m[3]),
    }));
    const anyStart = new Set([...contents.matchAll(/\s(\d+)\s*$/gm)].map((m) => Number(m[1])));
    for (const { title, page } of starts) {
      // The page after a chapter's first page carries the chapter title as its running head, and a number.
      const next = pdfText(file, page + 1)
        .split('\n')
        .filter((l) => l.trim());
      if (anyStart.has(page + 1)) continue;
      expect(next[0]!.trim(), `running head on page ${page + 1}`).toBe(title);
      expect(next.at(-1)!.trim()).toBe(String(page + 1));
    }
    expect(pdfText(file, 1).trim().split('\n').at(-1)).not.toMatch(/^\s*1\s*$/);
    const doc = await PDFDocument.load(readFileSync(file));
    const outlines = doc.catalog.lookup(PDFName.of('Outlines'));
    expect(outlines).toBeInstanceOf(PDFDict);
    expect(doc.catalog.lookup(PDFName.of('StructTreeRoot'))).toBeInstanceOf(PDFDict);
    expect(
      pdfFonts(file)
        .map((f) => f.name.replace(/^[A-Z]{6}\+/, ''))
        .every((n) => /^(SourceSerif4|SourceSans3)/.test(n)),
    ).toBe(true);
    expect(pdfText(file).match(/[a-z]-\n/g)!.length).toBeGreaterThan(20);
  });

  it('the PDF credits Wikipedia under CC BY-SA 4.0', () => {
    const credits = pdfText(path.join(out, `${BASE}.pdf`), 2).replace(/\s+/g, ' ');
    expect(credits).toContain('CC BY-SA 4.0');
    expect(credits).toContain('Wikipedia');
    expect(credits).toContain('revision 221484835');
  });

  it('the EPUB passes epubcheck with no errors and lists every chapter', () => {
    const file = path.join(out, `${BASE}.epub`);
    const check = epubcheck(file);
    expect(check.fatals + check.errors, check.output).toBe(0);
    const zip = unzipSync(readFileSync(file));
    const nav = Object.entries(zip).find(([name]) => name.endsWith('toc.xhtml'))!;
    const navText = strFromU8(nav[1]);
    for (const title of chapterTitles) expect(navText).toContain(title.replace(/&/g, '&amp;'));
    const opf = strFromU8(Object.entries(zip).find(([name]) => name.endsWith('.opf'))![1]);
    expect(opf).toContain('Germany–Soviet Union relations, 1918–1941');
  });

  it('book.json validates against its schema and carries provenance', () => {
    const json = JSON.parse(readFileSync(path.join(out, 'book.json'), 'utf8'));
    const parsed = BookJsonSchema.parse(json);
    expect(parsed.title).toBe('Germany–Soviet Union relations, 1918–1941');
    expect(parsed.chapters.map((c) => c.title)).toEqual(chapterTitles);
    const block = parsed.chapters[1]!.sections[0]!.blocks[0]!;
    expect(block.sources[0]).toMatchObject({ source: 'later-revision', file: 'later-revision.wiki' });
    expect(parsed.glossaries).toHaveProperty('ambassadors');
    expect(parsed.sources.find((s) => s.file === SEEDS.dump)!.revision!.revisionId).toBe('221484835');
  });

  it('the editor’s report shows conflicts with their readings and sources, and a section left out', () => {
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain('Alexander Shkvartsev (1939–1940) <span class="where">(later-revision.wiki:306)');
    expect(html).toContain('Alexey Shkvartsev (1939-1940) <span class="where">(2008-revision-with-citations.wiki:1)');
    // The 2008 revision's section whose sentences the others tell in several sections: left out, and said.
    expect(html).toContain(
      'section &quot;Collective security and Soviets demands to occupy Baltic region&quot; was left out: ' +
        'its text is in the book',
    );
    expect(html).toContain(`${result.book.report.duplicates.length} sentences folded into a variant`);
  });

  it('links study aids both ways in the HTML: first mention → entry → back to the mention', () => {
    const html = readFileSync(path.join(out, `${BASE}.html`), 'utf8');
    const ids = new Set([...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!));
    const hrefs = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(500);
    for (const h of hrefs) expect(ids.has(h), `#${h}`).toBe(true);
    // Krestinsky: linked at his first mention in a chapter; his entry links back to that anchor.
    const mention = /<a href="#amb-nikolay-krestinsky" id="(m-amb-nikolay-krestinsky-[^"]+)" class="gloss-ref">/.exec(
      html,
    )!;
    expect(mention).not.toBeNull();
    const entry = html.slice(
      html.indexOf('<dt id="amb-nikolay-krestinsky"'),
      html.indexOf('</dd>', html.indexOf('<dt id="amb-nikolay-krestinsky"')),
    );
    expect(entry).toContain(`href="#${mention[1]}"`);
    // Questions link to their answers and back.
    // (A multiple-choice question lists its options before the link.)
    const options = String.raw`(?:<ol[^>]*>(?:<li>[^<]*<\/li>)+<\/ol>\s*)?`;
    expect(html).toMatch(
      new RegExp(
        String.raw`<li id="q-1" value="1" class="question-\w+">[^<]+${options}<a class="to-answer" href="#ans-q-1">`,
      ),
    );
    expect(html).toMatch(/<li id="ans-q-1" value="1"><p class="question"><a href="#q-1">/);
    expect(html).toContain('<svg');
  });

  it('the EPUB carries the study aids as pages whose internal links all resolve', () => {
    const zip = unzipSync(readFileSync(path.join(out, `${BASE}.epub`)));
    const files = Object.fromEntries(
      Object.entries(zip)
        .filter(([n]) => n.endsWith('.xhtml'))
        .map(([n, d]) => [n.replace(/^OEBPS\//, ''), strFromU8(d)]),
    );
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['glossary.xhtml', 'timeline.xhtml', 'answers.xhtml', 'index.xhtml']),
    );
    const ids = new Map(
      Object.entries(files).map(([n, t]) => [n, new Set([...t.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!))]),
    );
    let checked = 0;
    for (const [name, text] of Object.entries(files)) {
      for (const m of text.matchAll(/href="([^"#]*)#([^"]+)"/g)) {
        const file = m[1] || name;
        if (!ids.has(file)) continue;
        checked++;
        expect(ids.get(file)!.has(m[2]!), `${name} → ${file}#${m[2]}`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(files['glossary.xhtml']).toMatch(/href="chapter-\d\d\.xhtml#m-amb-nikolay-krestinsky-/);
    expect(Object.keys(zip).some((n) => n.endsWith('.svg'))).toBe(true);
  });

  it('the HTML holds every chapter, notes and the credits, and loads nothing remote', () => {
    const html = readFileSync(path.join(out, `${BASE}.html`), 'utf8');
    for (const c of result.book.chapters) expect(html).toContain(`id="${c.id}"`);
    expect(html).toContain('class="notes-list"');
    expect(html).toContain('CC BY-SA 4.0');
    expect(html).not.toMatch(/<script|src="http/);
    expect(existsSync(path.join(out, 'assets/screen.css'))).toBe(true);
  });
});

describe('print options: handouts, booklets, duplex, US Letter', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'quire-print-'));
  let result: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    result = await build({
      contentDir: CONTENT,
      outDir: out,
      formats: ['pdf', 'handouts'],
      duplex: true,
      booklet: true,
      paper: 'Letter',
      progress: 'silent',
    });
  });

  it('writes one handout per chapter, each with its title, key points, glossary entries and questions', () => {
    const names = readdirSync(path.join(out, 'handouts'))
      .filter((n) => !n.includes('booklet'))
      .sort();
    expect(names).toHaveLength(result.book.chapters.length);
    const pact = path.join(
      out,
      'handouts',
      names.find((n) => n.includes('molotov-ribbentrop-pact'))!,
    );
    const text = pdfText(pact).replace(/\s+/g, ' ');
    expect(text).toContain('Handout 4 of 9');
    expect(text).toContain('4 Molotov–Ribbentrop Pact');
    expect(text).toContain('KEY POINTS');
    expect(text).toContain('Glossary of treaties');
    expect(text).toMatch(/review questions/i);
    expect(text).toMatch(/Handout 4 · page 1 of \d+/);
    expect(pdfInfo(pact)['Page size']).toContain('(letter)');
  });

  it('imposes each handout 2-up on landscape sheets in folding order', async () => {
    const dir = path.join(out, 'handouts');
    const name = readdirSync(dir).find((n) => n.includes('molotov-ribbentrop-pact') && !n.includes('booklet'))!;
    const pages = Number(pdfInfo(path.join(dir, name)).Pages);
    const booklet = path.join(dir, name.replace('.pdf', '-booklet.pdf'));
    const info = pdfInfo(booklet);
    expect(Number(info.Pages)).toBe(Math.ceil(pages / 4) * 2);
    const [w, h] = info['Page size']!.split(' x ').map((x) => parseFloat(x));
    expect(w).toBeGreaterThan(h!);
    expect(foldingOrder(8)).toEqual([
      [7, 0],
      [1, 6],
      [5, 2],
      [3, 4],
    ]);
  });

  it('duplex: every chapter starts on a right-hand (odd) page', () => {
    const file = path.join(out, `${BASE}.pdf`);
    const contents = pdfText(file, 3);
    const pages = [...contents.matchAll(/^\d+\. .+?\s{2,}(\d+)\s*$/gm)].map((m) => Number(m[1]));
    expect(pages).toHaveLength(result.book.chapters.length);
    for (const p of pages) expect(p % 2).toBe(1);
    expect(pdfInfo(file)['Page size']).toContain('(letter)');
  });
});

describe('quire build on other content', () => {
  it('builds a folder holding only one wikitext file, without a config', async () => {
    const content = mkdtempSync(path.join(tmpdir(), 'quire-one-'));
    const out = path.join(content, 'out');
    writeFileSync(
      path.join(content, 'lighthouse.wiki'),
      [
        '= Lighthouse of Alexandria =',
        "The '''Lighthouse of Alexandria''' was a [[lighthouse]] built in the 3rd century BC." +
          "<ref>Clayton, Peter. ''The Seven Wonders''.</ref>",
        '',
        '== Construction ==',
        'It was built by [[Sostratus of Cnidus]] during the reign of [[Ptolemy II]].',
        '',
        '== Destruction ==',
        'Earthquakes damaged it between 956 and 1323.{{citation needed}}',
      ].join('\n'),
    );
    const r = await runQuire(['build', '--content', content, '--out', out, '--progress', 'simple']);
    // The one thing dropped, said once: the {{citation needed}} marker.
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /lighthouse\.wiki:8: 1 maintenance, navigation and layout template dropped: citation needed \[dropped-main/,
      ),
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Read 1 source: lighthouse\.wiki \(wikitext\)/);
    expect(r.stdout).toMatch(/lighthouse-of-alexandria\.pdf\s+\d+ kB, \d+ pages/);
    const text = pdfText(path.join(out, 'lighthouse-of-alexandria.pdf')).replace(/\s+/g, ' ');
    expect(text).toContain('2 Construction');
    expect(text).toContain('3 Destruction');
    expect(text).toContain('Clayton, Peter. The Seven Wonders.');
    expect(epubcheck(path.join(out, 'lighthouse-of-alexandria.epub')).errors).toBe(0);
  });

  it('builds only the formats asked for', async () => {
    const content = mkdtempSync(path.join(tmpdir(), 'quire-md-'));
    mkdirSync(path.join(content, 'x'));
    cpSync(path.join(CONTENT, SEEDS.later), path.join(content, 'article.wiki'));
    writeFileSync(
      path.join(content, 'notes.md'),
      '# Teacher notes\n\n## Classroom use\n\nRead the chapter on the pact first.\n',
    );
    const out = path.join(content, 'out');
    const result = await build({ contentDir: content, outDir: out, formats: ['json', 'html'], progress: 'silent' });
    expect(outputNames(out)).toEqual([
      'assets',
      'book.json',
      'book.schema.json',
      'germany-soviet-union-relations-1918-1941.html',
    ]);
    expect(result.book.chapters.map((c) => c.title)).toContain('Classroom use');
  });
});

describe('Chromium started by the command, once, and only when a PDF is to be printed', () => {
  it('starts one browser for a first PDF, none for a PDF already in place or for HTML alone', async () => {
    const content = mkdtempSync(path.join(tmpdir(), 'quire-ahead-'));
    writeFileSync(
      path.join(content, 'lighthouse.wiki'),
      "= Lighthouse =\nThe '''Lighthouse of Alexandria''' was built in the 3rd century BC.\n\n" +
        '== Destruction ==\nEarthquakes damaged it between 956 and 1323.\n',
    );
    // A Chromium that notes each start, then runs the real one.
    const log = path.join(content, 'starts.log');
    const wrapper = path.join(content, 'chromium');
    writeFileSync(wrapper, `#!/bin/sh\necho start >> '${log}'\nexec '${findChromium()}' "$@"\n`);
    chmodSync(wrapper, 0o755);
    const starts = () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0);
    const quire = (out: string, formats: string) =>
      runQuire(
        ['build', '--content', content, '--out', path.join(content, out), '--formats', formats, '--progress', 'silent'],
        { env: { QUIRE_CHROMIUM: wrapper } },
      );

    const first = await quire('out', 'pdf');
    expect(first.code, first.stderr).toBe(0);
    expect(pdfText(path.join(content, 'out', 'lighthouse.pdf'))).toContain('Earthquakes damaged it');
    expect(starts()).toBe(1);
    const again = await quire('out', 'pdf');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/lighthouse\.pdf .*\(unchanged\)/);
    expect(starts()).toBe(1);
    const html = await quire('html-only', 'html');
    expect(html.code, html.stderr).toBe(0);
    expect(starts()).toBe(1);
  });
});

describe('quire build errors', () => {
  it('a broken config stops with one line naming file, line and fix, exit 1, outputs untouched', async () => {
    const content = mkdtempSync(path.join(tmpdir(), 'quire-bad-'));
    const out = path.join(content, 'out');
    mkdirSync(out);
    writeFileSync(path.join(out, 'book.json'), '{"previous": true}');
    writeFileSync(path.join(content, 'a.txt'), 'Title\n\nSome text here.\n');
    writeFileSync(path.join(content, 'quire.yaml'), 'title: X\npaper: A4\n');
    const r = await runQuire(['build', '--content', content, '--out', out, '--progress', 'silent']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      `quire: ${path.join(content, 'quire.yaml')}:2:1: invalid config: unknown key "paper" in top level — ` +
        'see "The config file" in README.md for the allowed keys and types',
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(path.join(out, 'book.json'), 'utf8')).toBe('{"previous": true}');
    expect(readdirSync(out)).toEqual(['book.json']);
  });

  it('a missing content folder and a missing Chromium are clear one-line errors', async () => {
    const missing = await runQuire([
      'build',
      '--content',
      '/nonexistent/quire',
      '--out',
      path.join(tmpdir(), 'quire-none'),
      '--progress',
      'silent',
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(
      'quire: /nonexistent/quire: content folder not found — pass an existing folder with --content',
    );
    const content = mkdtempSync(path.join(tmpdir(), 'quire-nochrome-'));
    writeFileSync(path.join(content, 'a.txt'), 'Title\n\nSome text here.\n');
    const r = await runQuire(
      ['build', '--content', content, '--out', path.join(content, 'out'), '--formats', 'pdf', '--progress', 'silent'],
      {
        env: { QUIRE_CHROMIUM: '/nonexistent/chromium' },
      },
    );
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      'quire: QUIRE_CHROMIUM points to "/nonexistent/chromium", which does not exist — ' +
        'set it to a Chrome or Chromium executable',
    );
    // The EPUB needs no browser: its cover image is drawn in Node.
    const epub = await runQuire(
      ['build', '--content', content, '--out', path.join(content, 'out'), '--formats', 'epub', '--progress', 'silent'],
      {
        env: { QUIRE_CHROMIUM: '/nonexistent/chromium' },
      },
    );
    expect(epub.code, epub.stderr).toBe(0);
    const book = readdirSync(path.join(content, 'out')).find((n) => n.endsWith('.epub'))!;
    const cover = Object.entries(unzipSync(readFileSync(path.join(content, 'out', book)))).find(([n]) =>
      n.endsWith('cover.png'),
    )?.[1];
    expect(cover && Buffer.from(cover.subarray(1, 4)).toString('latin1')).toBe('PNG');
  });
});
