/**
 * Booklet imposition: pages placed two-up on landscape sheets in folding order, so a printed handout
 * (duplex, flipped on the short edge) folds into a booklet. Blank pages pad the count to a multiple of four.
 * A handout of one or two pages is no booklet: it is printed two copies per sheet (cut in half), which
 * wastes no panel.
 */
import { PDFDocument, ParseSpeeds } from 'pdf-lib';

const LANDSCAPE = { A4: [841.89, 595.28], Letter: [792, 612] } as const;

/** Sheet sides in folding order: for n pages (n % 4 == 0), side k holds [left, right] page indices. */
export function foldingOrder(pages: number): [number, number][] {
  const total = Math.ceil(pages / 4) * 4;
  const sides: [number, number][] = [];
  for (let sheet = 0; sheet < total / 4; sheet++) {
    sides.push([total - 1 - 2 * sheet, 2 * sheet]);
    sides.push([2 * sheet + 1, total - 2 - 2 * sheet]);
  }
  return sides;
}

/** The sides of the imposition for a page count: two copies per sheet up to two pages, else folding order. */
export function impositionOf(pages: number): [number, number][] {
  if (pages === 1) return [[0, 0]];
  if (pages === 2)
    return [
      [0, 0],
      [1, 1],
    ];
  return foldingOrder(pages);
}

export async function imposeBooklet(
  pdf: Uint8Array,
  paper: 'A4' | 'Letter',
  meta: { title: string },
): Promise<Uint8Array> {
  const source = await PDFDocument.load(pdf, { parseSpeed: ParseSpeeds.Fastest });
  const out = await PDFDocument.create();
  out.setTitle(`${meta.title} (booklet)`);
  out.setCreator('Quire');
  const embedded = await out.embedPages(source.getPages());
  const [width, height] = LANDSCAPE[paper];
  for (const side of impositionOf(embedded.length)) {
    const sheet = out.addPage([width, height]);
    side.forEach((index, slot) => {
      const page = embedded[index];
      if (!page) return; // a blank page of the padding
      const scale = Math.min(width / 2 / page.width, height / page.height);
      sheet.drawPage(page, {
        x: slot * (width / 2) + (width / 2 - page.width * scale) / 2,
        y: (height - page.height * scale) / 2,
        xScale: scale,
        yScale: scale,
      });
    });
  }
  return out.save({ objectsPerTick: Infinity });
}
