/**
 * Issue 21: Quire's own words in a German guide — handouts, page references, captions of the timeline and
 * the glossaries — come from util/labels.ts, not English strings in the templates.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../../src/pipeline/build.js';
import { DEFAULT_TEMPLATES, TemplateSet } from '../../src/render/html/templates.js';
import { buildView } from '../../src/render/view/index.js';
import { labelsFor } from '../../src/util/labels.js';
import { FIXTURES } from '../support/content.js';
import { pdfText } from '../support/inspect.js';
import { seedGuide } from '../support/seed-guide.js';

const BASE = 'beziehungen-zwischen-norvanien-und-estmark';
const de = labelsFor('de');

describe('a German guide, built', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'quire-labels-'));
  let pdf: string;
  let html: string;
  let handouts: string[];
  let epub: Record<string, string>;

  beforeAll(async () => {
    const contentDir = path.join(FIXTURES, 'german');
    await build({ contentDir, outDir: out, formats: ['html', 'pdf', 'handouts', 'epub'], progress: 'silent' });
    pdf = pdfText(path.join(out, `${BASE}.pdf`));
    html = readFileSync(path.join(out, `${BASE}.html`), 'utf8');
    epub = Object.fromEntries(
      Object.entries(unzipSync(readFileSync(path.join(out, `${BASE}.epub`)))).map(([n, d]) => [n, strFromU8(d)]),
    );
    const dir = path.join(out, 'handouts');
    handouts = readdirSync(dir)
      .sort()
      .map((f) => pdfText(path.join(dir, f)));
  }, 180_000);

  it('prints page references as "S." and the edition and licence in German', () => {
    expect(pdf).toMatch(/Antwort, S\.\s\d+/);
    expect(pdf).toMatch(/Siehe Frühe Kontakte, S\.\s\d+/);
    expect(pdf).toMatch(/\(S\.\s\d+\)/);
    expect(pdf).not.toMatch(/\bp\.\s\d/);
    expect(pdf).toContain('Ausgabe 1');
    expect(pdf.replace(/\s+/g, ' ')).toContain(`Lizenz: CC BY-SA 4.0. ${de.shareAlike}`);
    expect(html).toContain('<p class="edition">Ausgabe 1');
    expect(html).toContain(`aria-label="${de.contents}"`);
  });

  it("names the sources, the EPUB's cover and landmarks in German", () => {
    expect(html).toMatch(/— Markdown, Datei <code>norvanien\.md<\/code>/);
    const nav = epub['OEBPS/toc.xhtml']!;
    expect(nav).toContain(`<h2>${de.landmarks}</h2>`);
    expect(nav).toContain(`>${de.start}</a>`);
    expect(epub['OEBPS/cover.xhtml']).toContain(
      `alt="${de.cover}: Beziehungen zwischen Norvanien und Estmark, ${de.edition} 1"`,
    );
  });

  it('numbers the handouts in German, in the head and the page footers', () => {
    expect(handouts).toHaveLength(3);
    handouts.forEach((text, i) => {
      expect(text).toContain(`Arbeitsblatt ${i + 1} von 3`);
      expect(text).toMatch(new RegExp(`Arbeitsblatt ${i + 1} · Seite 1 von \\d+`));
      expect(text).not.toMatch(/Handout|page \d/);
    });
  });
});

describe('the timeline figure and the glossaries of a German guide', () => {
  const english = seedGuide();
  const guide = { ...english, meta: { ...english.meta, language: 'de' } };
  const templates = new TemplateSet(DEFAULT_TEMPLATES);
  const page = templates.render('guide.html.liquid', buildView(guide, { paper: 'A4', assets: 'assets/' }));

  it('captions the figure, its key, its table and the treaties in German', () => {
    expect(page).toContain(`<figcaption id="timeline-caption">${de.figureCaption}`);
    expect(page).toContain(de.treatyLane);
    expect(page).toContain(`<summary>${de.figureFactsTable}</summary>`);
    expect(page).toMatch(/<td>Vertrag<\/td>/);
    expect(page).toContain(`<p class="parties">${de.parties}: `);
    expect(page).toContain(`<p class="mentions">${de.mentionedIn}: `);
    for (const english of ['Treaty, by date of signing', 'Treaties by date of signing', 'Mentioned in', 'Parties:'])
      expect(page).not.toContain(english);
  });
});

describe('a Japanese guide from two renditions, built', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'quire-labels-ja-'));
  const ja = labelsFor('ja');
  let pdf: string;
  let html: string;
  let epub: Record<string, string>;

  beforeAll(async () => {
    await build({
      contentDir: path.join(FIXTURES, 'japanese'),
      outDir: out,
      formats: ['html', 'pdf', 'epub'],
      progress: 'silent',
    });
    const base = readdirSync(out)
      .find((f) => f.endsWith('.pdf'))!
      .replace(/\.pdf$/, '');
    pdf = pdfText(path.join(out, `${base}.pdf`));
    html = readFileSync(path.join(out, `${base}.html`), 'utf8');
    epub = Object.fromEntries(
      Object.entries(unzipSync(readFileSync(path.join(out, `${base}.epub`)))).map(([n, d]) => [n, strFromU8(d)]),
    );
  }, 180_000);

  it('prints its headings, notes and questions in Japanese, and no English of its own', () => {
    for (const heading of [ja.contents, ja.questions, ja.notes, ja.timeline, ja.answerKey, ja.about])
      expect(pdf, heading).toContain(heading);
    // The two renditions disagree on the treaty's day: the note quotes the whole date from each.
    expect(pdf).toContain('資料により異なる：「1861年6月2日」（改訂版）、「1861年6月3日」（旧版）。');
    expect(pdf).toContain('「1861年6月2日」（改訂版）、「1861年6月3日」（旧版）。');
    expect(pdf).toContain('2件の資料に基づく文章。著作者：Quireのテスト。');
    for (const english of ['Contents', 'Review questions', 'Answer key', 'About this guide', 'Sources differ'])
      expect(pdf + html, english).not.toContain(english);
  });

  it('opens each section with the plain-text rendition’s heading, not a paragraph of it', () => {
    expect(html).toContain('<span class="chapter-number">2</span> 初期の接触</h1>');
    expect(html).toContain('<span class="chapter-number">3</span> 関税同盟</h1>');
    expect(html).not.toMatch(/<p>初期の接触<\/p>|<p>関税同盟<\/p>/);
  });

  it('names the EPUB’s contents and landmarks in Japanese', () => {
    const nav = epub['OEBPS/toc.xhtml']!;
    expect(nav).toContain(`<h2>${ja.landmarks}</h2>`);
    expect(nav).toContain(`>${ja.start}</a>`);
    expect(epub['OEBPS/content.opf']).toMatch(/<dc:language>ja<\/dc:language>/);
  });
});
