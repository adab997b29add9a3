/**
 * Issue 18: tables, quotations, figures, code and math reach every output as what they are — a table with
 * its header cells in the web page, the EPUB and the PDF; an image copied or packed, never fetched.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { build } from '../../src/pipeline/build.js';
import { epubcheck, pdfText } from '../support/inspect.js';

const FIXTURE = path.join(import.meta.dirname, '../fixtures/rich');
const BASE = 'the-lighthouse-keepers';

describe('rich Markdown in every output', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'quire-blocks-'));
  let html: string;
  let chapter: string;
  let epub: Record<string, Uint8Array>;
  let warnings: { rule: string; line?: number; message: string }[];

  beforeAll(async () => {
    const result = await build({
      contentDir: FIXTURE,
      outDir: out,
      formats: ['html', 'epub', 'pdf', 'json', 'handouts'],
      progress: 'silent',
    });
    warnings = result.book.report.warnings;
    // Page anchors (the index's mentions, a question's quoted sentence) wrap words in a span with an id; the
    // markup asserted is around the words.
    const unanchored = (doc: string) => doc.replace(/<span id="(?:index|src)-[^"]*">([^<]*)<\/span>/g, '$1');
    html = unanchored(readFileSync(path.join(out, `${BASE}.html`), 'utf8'));
    epub = unzipSync(readFileSync(path.join(out, `${BASE}.epub`)));
    chapter = unanchored(strFromU8(epub['OEBPS/chapter-01.xhtml']!));
  }, 120_000);

  it('shows the table with its header row in the web page and the EPUB', () => {
    for (const doc of [html, chapter]) {
      expect(doc).toMatch(/<thead><tr><th[^>]*>Keeper<\/th><th[^>]*>From<\/th><th[^>]*>To<\/th><\/tr><\/thead>/);
      expect(doc).toMatch(/<tr><td>Ann Vell<\/td><td>1802<\/td><td>1830<\/td><\/tr>/);
    }
  });

  it('prints the table row by row and the quotation with its attribution', () => {
    const text = pdfText(path.join(out, `${BASE}.pdf`));
    expect(text).toMatch(/Keeper\s+From\s+To/);
    expect(text).toMatch(/Tom Vell\s+1830\s+1851/);
    expect(text).toContain('The light must never fail.');
    expect(text).toContain('— Ann Vell, log of 1803');
    // The PDF holds the figure's image (poppler lists it).
    const images = execFileSync('pdfimages', ['-list', path.join(out, `${BASE}.pdf`)], { encoding: 'utf8' });
    expect(images.split('\n').filter((l) => /^\s*\d+\s+\d+\s+image\s+40\s+20\b/.test(l)).length).toBe(1);
  });

  it('prints the table and the quotation on the chapter’s handout too', () => {
    const handouts = readdirSync(path.join(out, 'handouts')).filter((n) => !n.includes('booklet'));
    expect(handouts).toHaveLength(1);
    const text = pdfText(path.join(out, 'handouts', handouts[0]!));
    expect(text).toMatch(/Ann Vell\s+1802\s+1830/);
    expect(text).toContain('— Ann Vell, log of 1803');
  });

  it('keeps the quotation, code, math and inline markup as such', () => {
    expect(html).toContain('<blockquote>\n<p>The light must never fail.</p>\n</blockquote>');
    expect(html).toContain('<pre><code class="language-js">lamp.light();\n</code></pre>');
    expect(html).toMatch(/<math display="block">.*<mi>E<\/mi>/s);
    expect(html).toContain('The <em>first</em> keeper, <strong>Ann Vell</strong>');
    expect(html).toContain('<a href="https://example.org/board">harbour board</a>');
    // A dollar amount is not math.
    expect(html).toContain('The price rose from $5 to $10.');
    expect(chapter).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML"');
  });

  it('copies the local image beside the web page and packs it into the EPUB', () => {
    expect(html).toContain('<img src="media/images/light.png" alt="The lighthouse in 1850">');
    expect(readFileSync(path.join(out, 'media/images/light.png'))).toEqual(
      readFileSync(path.join(FIXTURE, 'images/light.png')),
    );
    const packed = Object.keys(epub).filter((n) => n.endsWith('.png') && !n.endsWith('cover.png'));
    expect(packed).toHaveLength(1);
    expect(chapter).toContain(`<img src="${packed[0]!.replace('OEBPS/', '')}" alt="The lighthouse in 1850"/>`);
    const check = epubcheck(path.join(out, `${BASE}.epub`));
    expect(check.fatals + check.errors + check.warnings, check.output).toBe(0);
  });

  it('leaves out remote images and images outside the folder, each with a warning naming its line', () => {
    expect(html).not.toContain('example.org/pixel.png');
    expect(warnings).toContainEqual(expect.objectContaining({ rule: 'remote-image', line: 19 }));
    expect(warnings).toContainEqual(expect.objectContaining({ rule: 'missing-image', line: 21 }));
    expect(warnings).toContainEqual({
      file: 'keepers.md',
      line: 23,
      rule: 'missing-image',
      message:
        'image "images/map.png" was not found in the content folder: check its path; ' +
        'its figure is left out with its caption "A lost map"',
    });
    expect(existsSync(path.join(out, 'outside.png'))).toBe(false);
  });
});
