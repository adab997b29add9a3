/**
 * Right-to-left words inside a left-to-right guide (an Urdu name in an English biography): isolated, so that
 * the bidirectional algorithm does not move the words around them ("(Urdu: …; 19 November 1946" would show
 * "19" before the name). The chapters' HTML uses `<bdi>`; the plain texts (key points, timeline lines,
 * questions) the Unicode isolates.
 */
import { describe, expect, it } from 'vitest';
import { buildView } from '../../../src/render/view/index.js';
import { blockHtml } from '../../../src/render/view/content.js';
import { mergeSources } from '../../../src/merge/index.js';
import { addStudyAids } from '../../../src/study/index.js';
import { parseText, TEST_META } from '../../support/content.js';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { packageEpub } from '../../../src/render/epub/package.js';
import { directionOf } from '../../../src/util/language.js';
import { DEFAULT_TEMPLATES, TemplateSet } from '../../../src/render/html/templates.js';

const NAME = 'انور کمال خان';

describe('right-to-left words in a left-to-right guide', () => {
  it('isolates each right-to-left run of a paragraph, and leaves other text as it was', () => {
    const ctx = { notePrefix: '', noteNumber: () => undefined };
    const html = blockHtml(
      { type: 'paragraph', children: [{ type: 'text', value: `Anwar Khan (Urdu: ${NAME}; 19 November 1946).` }] },
      ctx,
    );
    expect(html).toBe(`<p>Anwar Khan (Urdu: <bdi>${NAME}</bdi>; 19 November 1946).</p>`);
    expect(blockHtml({ type: 'paragraph', children: [{ type: 'text', value: 'No such words.' }] }, ctx)).toBe(
      '<p>No such words.</p>',
    );
  });

  it('isolates them in the texts the templates print: key points and timeline lines', () => {
    const article = [
      `'''Anwar Kamal Khan''' (Urdu: ${NAME}; 19 November 1946 – 13 February 2012) was a politician.`,
      '== Career ==',
      `On 3 March 1997 Khan, called ${NAME} in the province, was elected to the Senate for a term of six years.`,
      `In the Senate, ${NAME} served on the committees for water and for power, and for the rural development.`,
      `In 2002 ${NAME} was elected to the provincial assembly, defeating his old rivals in the district.`,
      `On 13 February 2012 ${NAME} died in the hospital of the provincial capital after two heart attacks.`,
    ].join('\n\n');
    const guide = addStudyAids(mergeSources([parseText(article, 'khan.wiki')], TEST_META));
    const view = buildView(guide, { paper: 'A4', assets: 'assets/' });
    const texts = JSON.stringify(view);
    expect(texts).toContain(`\u2068${NAME}\u2069`);
    expect(texts).not.toMatch(new RegExp(`[^\\u2068>]${NAME}`));
  });
});

describe('a guide in a language written right to left', () => {
  const article = [
    "'''جورج لوكاس''' (14 مايو 1944) مخرج ومنتج أمريكي.",
    '== السيرة ==',
    'ولد جورج لوكاس في موديستو في كاليفورنيا عام 1944 وأخرج أفلامًا كثيرة.',
  ].join('\n\n');
  const guide = addStudyAids(mergeSources([parseText(article, 'lucas.wiki')], { ...TEST_META, language: 'ar' }));
  const templates = new TemplateSet(DEFAULT_TEMPLATES);

  it('knows the languages and scripts written right to left', () => {
    for (const tag of ['ar', 'he', 'fa', 'ur', 'yi', 'dv', 'ku-Arab']) expect(directionOf(tag), tag).toBe('rtl');
    for (const tag of ['en', 'de', 'ja', 'ku', 'tr']) expect(directionOf(tag), tag).toBe('ltr');
  });

  it('sets its pages right to left, on screen and on paper', () => {
    const view = buildView(guide, { paper: 'A4', assets: 'assets/' });
    expect(view.dir).toBe('rtl');
    for (const page of ['guide.html.liquid', 'print.html.liquid'])
      expect(templates.render(page, { ...view, print: page.startsWith('print') }), page).toMatch(
        /<html lang="ar" dir="rtl">/,
      );
    // An English guide stays left to right.
    const english = buildView(addStudyAids(mergeSources([parseText('Some text here.', 'a.wiki')], TEST_META)), {
      paper: 'A4',
      assets: '',
    });
    expect(templates.render('guide.html.liquid', english)).toMatch(/<html lang="en" dir="ltr">/);
  });

  it('writes its own words in Arabic, and puts no isolates in texts that run its own way', () => {
    const view = buildView(guide, { paper: 'A4', assets: 'assets/' });
    const page = templates.render('guide.html.liquid', view);
    expect(page).toContain('<h1>عن هذا الدليل</h1>');
    expect(page).not.toMatch(/About this guide|Contents|Wikipedia contributors/);
    // The timeline's lines are Arabic in an Arabic page: isolating them would cut its own sentences apart.
    expect(view.glossaries.timeline.length).toBeGreaterThan(0);
    expect(JSON.stringify(view)).not.toMatch(/[\u2068\u2069]/);
  });

  it('sets every EPUB document and the reading order right to left', () => {
    const view = buildView(guide, { paper: 'A4', assets: '', target: 'epub' });
    const zippable: Zippable = {
      mimetype: strToU8('application/epub+zip'),
      'OEBPS/content.opf': strToU8('<package></package>'),
      'OEBPS/toc.ncx': strToU8('<ncx><head><meta name="dtb:uid" content="x"/></head></ncx>'),
      'OEBPS/toc.xhtml': strToU8('<html><body><nav>its own contents</nav></body></html>'),
      'OEBPS/chapter-01.xhtml': strToU8(
        '<html xmlns="http://www.w3.org/1999/xhtml" lang="ar"><body><p>نص</p></body></html>',
      ),
    };
    const files = unzipSync(
      packageEpub(zipSync(zippable), { view, templates, spine: [{ file: 'chapter-01.xhtml', title: '1' }] }),
    );
    expect(strFromU8(files['OEBPS/chapter-01.xhtml']!)).toMatch(/^<html dir="rtl" xmlns=/);
    expect(strFromU8(files['OEBPS/toc.xhtml']!)).toMatch(/<html [^>]*dir="rtl"/);
    expect(strFromU8(files['OEBPS/content.opf']!)).toMatch(/<spine toc="ncx" page-progression-direction="rtl">/);
  });
});
