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
  "The '''Vell light''' stands on the cape. " +
    '[[File:Vell light.png|thumb|right|200px|Keepers and pilots at the light in [[1850]] |alt=A white tower]] ' +
    'It was first lit in 1802 by Ann Vell.',
  '',
  '== Keepers ==',
  '[[Image:Quay parade.jpg|thumb|A parade on the quay on September 23, 1851]]Tom Vell kept it from 1830.',
  '[[File:New lamp.png|thumb|The keepers held a parade on the quay on June 3, 1851]]' +
    'The old lamp went to a museum in 1852.',
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
    copyFileSync(PNG, path.join(dir, 'New lamp.png'));
    writeFileSync(path.join(dir, 'quire.yaml'), 'title: The Vell light\n');
    const out = path.join(dir, 'out');
    ({ book } = await build({ contentDir: dir, outDir: out, formats: ['json', 'html'], progress: 'silent' }));
    html = readFileSync(path.join(out, 'the-vell-light.html'), 'utf8');
  }, 120_000);

  it('shows a saved image as a figure with its caption and text alternative', () => {
    const figures = allBlocks(book).filter((b) => b.kind === 'figure');
    expect(figures.map((f) => f.sentences)).toEqual([
      ['Keepers and pilots at the light in 1850'],
      ['The keepers held a parade on the quay on June 3, 1851'],
    ]);
    // A file saved with spaces in its name is found too.
    expect(html).toMatch(/<img src="[^"]*New(%20| )lamp\.png"/);
    expect(html).toMatch(/<figure[^>]*>\s*<img src="[^"]*Vell_light\.png" alt="A white tower">/);
    expect(html).toMatch(/<figcaption>Keepers and pilots at the light in 1850<\/figcaption>/);
  });

  it('keeps the paragraph around an image whole', () => {
    const prose = allBlocks(book)
      .filter((b) => b.kind === 'paragraph')
      .map((b) => b.sentences.join(' '));
    expect(prose).toContain('The Vell light stands on the cape. It was first lit in 1802 by Ann Vell.');
  });

  it('takes a caption’s day, not its year, as an event of the timeline', () => {
    const events = book.glossaries.timeline.map((e) => [e.date, e.text]);
    expect(events).toContainEqual(['1851-06-03', expect.stringMatching(/keepers held a parade/i)]);
    expect(events.some(([date]) => date === '1850')).toBe(false);
  });

  it('leaves out a missing image with a warning that quotes its caption', () => {
    const warnings = book.report.warnings.filter((w) => w.rule === 'missing-image' || w.rule === 'dropped-image');
    const parade = warnings.find((w) => w.message.includes('Quay_parade.jpg'));
    expect(parade).toMatchObject({ file: 'vell.wiki', line: 4, rule: 'missing-image' });
    expect(parade!.message).toContain('caption "A parade on the quay on September 23, 1851"');
    // An image in a list item is a figure after the list: missing here, so left out.
    const lamp = warnings.find((w) => w.message.includes('Lamp.png'));
    expect(lamp).toMatchObject({ file: 'vell.wiki', line: 6, rule: 'missing-image' });
    expect(lamp!.message).toContain('caption "A lamp of 1840"');
    // An image in a table cell cannot stand there: dropped, its caption quoted.
    const portrait = warnings.find((w) => w.message.includes('Ann Vell.png'));
    expect(portrait).toMatchObject({ file: 'vell.wiki', rule: 'dropped-image' });
    expect(portrait!.message).toContain('caption "Ann Vell in 1805"');
    expect(html).not.toContain('Quay_parade');
  });
});
