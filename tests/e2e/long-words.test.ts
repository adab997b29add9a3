/**
 * A word longer than the line — a web address, a name in another script, a residue of markup — must not
 * change how the rest of the book prints. Chromium shrinks every page of a document whose text overflows
 * its page width; the guide then prints in smaller type throughout and the line-end hyphens, measured at
 * full size, fall mid-line. The type size is read from the PDF's text layer (poppler's word boxes).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { folder } from '../support/hostile.js';

/** No break opportunity in it: letters, underscores and percent escapes (as a link target left in the text). */
const LONG = `Ольберг_${'Валентин_Павлович%D0%A1'.repeat(12)}`;

const guide = (extra: string) =>
  folder(
    {
      'quire.yaml': 'title: Harbour lights\nsources:\n  - file: text.md\n',
      'text.md': [
        '# Harbour lights',
        '',
        '## Keepers',
        '',
        `The first keeper lit the lamp in 1802 and kept a careful log of every ship that passed the point. ${extra}`,
        '',
        'The second keeper came in 1830 and stayed until the light was automated many years later.',
        '',
      ].join('\n'),
    },
    'quire-long-words-',
  );

/** Height of the first box of `word` on the page where it first appears, in points. */
function wordHeight(pdf: string, word: string): number {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const box = new RegExp(`<word xMin="([\\d.]+)" yMin="([\\d.]+)" xMax="([\\d.]+)" yMax="([\\d.]+)">${word}</word>`);
  const m = box.exec(xml);
  if (!m) throw new Error(`"${word}" is not in the PDF's text`);
  return Number(m[4]) - Number(m[2]);
}

describe('a word longer than the line', () => {
  const pdfs: Record<'plain' | 'long', string> = { plain: '', long: '' };

  beforeAll(async () => {
    for (const [name, extra] of [
      ['plain', ''],
      ['long', `The log is kept at ${LONG} today.`],
    ] as const) {
      const dir = guide(extra);
      const out = path.join(dir, 'out');
      await build({ contentDir: dir, outDir: out, formats: ['pdf'], progress: 'silent' });
      pdfs[name] = path.join(out, 'harbour-lights.pdf');
    }
  }, 120_000);

  it('prints the book at the same type size as without it', () => {
    for (const word of ['Contents', 'keeper', 'automated']) {
      expect(wordHeight(pdfs.long, word)).toBeCloseTo(wordHeight(pdfs.plain, word), 1);
    }
  });

  it('breaks the long word inside the text area', () => {
    const width = Number(/Page size:\s+([\d.]+)/.exec(execFileSync('pdfinfo', [pdfs.long], { encoding: 'utf8' }))![1]);
    const xml = execFileSync('pdftotext', ['-bbox', pdfs.long, '-'], { encoding: 'utf8' });
    const rights = [...xml.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.max(...rights)).toBeLessThan(width);
    expect(xml).toContain('Павлович%D0%A1Валентин');
  });
});
