import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { foldingOrder, imposeBooklet, impositionOf } from '../../../src/render/print/booklet.js';

/** A PDF of `n` A4 pages, each saying which it is. */
async function pages(n: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= n; i++) doc.addPage([595.28, 841.89]).drawText(`Handout page ${i}`, { x: 50, y: 700, font });
  return doc.save();
}

describe('booklet imposition by page count', () => {
  it('a one- or two-page handout is printed two copies per sheet; longer ones fold', () => {
    expect(impositionOf(1)).toEqual([[0, 0]]);
    expect(impositionOf(2)).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(impositionOf(5)).toEqual(foldingOrder(5));
    expect(impositionOf(5)).toHaveLength(4);
  });

  it('imposes a one-page handout on one landscape sheet, twice', async () => {
    const imposed = await imposeBooklet(await pages(1), 'A4', { title: 'One' });
    const doc = await PDFDocument.load(imposed);
    expect(doc.getPageCount()).toBe(1);
    const [width, height] = [doc.getPage(0).getWidth(), doc.getPage(0).getHeight()];
    expect(width).toBeGreaterThan(height);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'quire-booklet-')), 'one.pdf');
    writeFileSync(file, imposed);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text.match(/Handout page 1/g)).toHaveLength(2);
  });
});
