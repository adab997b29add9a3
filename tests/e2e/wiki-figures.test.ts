/**
 * Issue 19 ("no fact lost unless the report says why"): a wiki text's image is a figure with its caption when
 * the editor saved the file beside the source, and otherwise is left out with a warning that quotes the
 * caption, whose facts (a date, a place) would else vanish unsaid. A figure never splits its paragraph.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../../src/pipeline/build.js';
import { allBlocks, type StudyGuide } from '../../src/model/index.js';

const PNG = path.join(import.meta.dirname, '../fixtures/rich/images/light.png');

const ARTICLE = [
  "The '''Vell light''' stands on the cape. [[File:Vell light.png|thumb|right|200px|The light in [[1850]], " +
    'seen from the quay|alt=A white tower]] It was first lit in 1802 by Ann Vell.',
  '',
  '== Keepers ==',
  '[[Image:Quay parade.jpg|thumb|A parade on the quay on September 23, 1851]]Tom Vell kept it from 1830.',
  '* The lamp [[File:Lamp.png|thumb|A lamp of 1840]] burned whale oil.',
  '',
  '{| class="wikitable"',
  '! Keeper !! Portrait',
  '|-',
  '| Ann Vell || [[File:Ann Vell.png|thumb|Ann Vell in 1805]]',
  '|}',
  '',
].join('\n');

describe('wiki images', () => {
  let book: StudyGuide;
  let html: string;
  const dir = mkdtempSync(path.join(tmpdir(), 'quire-wiki-figures-'));

  beforeAll(async () => {
    writeFileSync(path.join(dir, 'vell.wiki'), ARTICLE);
    // Saved as MediaWiki stores it, with underscores for spaces.
    copyFileSync(PNG, path.join(dir, 'Vell_light.png'));
    writeFileSync(path.join(dir, 'quire.yaml'), 'title: The Vell light\n');
    const out = path.join(dir, 'out');
    ({ book } = await build({ contentDir: dir, outDir: out, formats: ['json', 'html'], progress: 'silent' }));
    html = readFileSync(path.join(out, 'the-vell-light.html'), 'utf8');
  }, 120_000);

  it('shows a saved image as a figure with its caption and text alternative', () => {
    const figures = allBlocks(book).filter((b) => b.kind === 'figure');
    expect(figures.map((f) => f.sentences)).toEqual([['The light in 1850, seen from the quay']]);
    expect(html).toMatch(/<figure[^>]*>\s*<img src="[^"]*Vell_light\.png" alt="A white tower">/);
    expect(html).toMatch(/<figcaption>The light in 1850, seen from the quay<\/figcaption>/);
  });

  it('keeps the paragraph around an image whole', () => {
    const prose = allBlocks(book)
      .filter((b) => b.kind === 'paragraph')
      .map((b) => b.sentences.join(' '));
    expect(prose).toContain('The Vell light stands on the cape. It was first lit in 1802 by Ann Vell.');
  });

  it('leaves out a missing image with a warning that quotes its caption', () => {
    const warnings = book.report.warnings.filter((w) => w.rule === 'missing-image' || w.rule === 'dropped-image');
    const parade = warnings.find((w) => w.message.includes('Quay_parade.jpg'));
    expect(parade).toMatchObject({ file: 'vell.wiki', line: 4, rule: 'missing-image' });
    expect(parade!.message).toContain('caption "A parade on the quay on September 23, 1851"');
    // An image in a list item is a figure after the list: missing here, so left out.
    const lamp = warnings.find((w) => w.message.includes('Lamp.png'));
    expect(lamp).toMatchObject({ file: 'vell.wiki', line: 5, rule: 'missing-image' });
    expect(lamp!.message).toContain('caption "A lamp of 1840"');
    // An image in a table cell cannot stand there: dropped, its caption quoted.
    const portrait = warnings.find((w) => w.message.includes('Ann Vell.png'));
    expect(portrait).toMatchObject({ file: 'vell.wiki', rule: 'dropped-image' });
    expect(portrait!.message).toContain('caption "Ann Vell in 1805"');
    expect(html).not.toContain('Quay_parade');
  });
});
