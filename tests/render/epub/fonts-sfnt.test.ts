/**
 * The cover's fonts are handed to satori as the SFNT files their WOFF wraps (src/render/html/fonts.ts,
 * `sfntOf`): the same tables, so the same drawing, without satori's JavaScript inflate.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import satori from 'satori';
import { html as parseHtml } from 'satori-html';
import { drawingFonts, sfntOf } from '../../../src/render/html/fonts.js';

const require = createRequire(import.meta.url);
const files = (pkg: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'files');

/** The SFNT's table directory: tag → the table's bytes. */
function sfntTables(font: Buffer): Map<string, Buffer> {
  const tables = new Map<string, Buffer>();
  for (let i = 0; i < font.readUInt16BE(4); i++) {
    const at = 12 + i * 16;
    const offset = font.readUInt32BE(at + 8);
    tables.set(font.toString('latin1', at, at + 4), font.subarray(offset, offset + font.readUInt32BE(at + 12)));
  }
  return tables;
}

describe('the cover fonts as SFNT', () => {
  it('holds every table of the WOFF, inflated, at 4-byte boundaries, with the flavour as its version', () => {
    const dir = files('@fontsource/source-serif-4');
    const woffs = readdirSync(dir).filter((f) => f.endsWith('.woff') && /-(latin|greek|cyrillic)-/.test(f));
    expect(woffs.length).toBeGreaterThan(3);
    for (const name of woffs.slice(0, 6)) {
      const woff = readFileSync(path.join(dir, name));
      const font = sfntOf(woff);
      expect(font.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
      const tables = sfntTables(font);
      expect(tables.size).toBe(woff.readUInt16BE(12));
      expect([...tables.keys()]).toEqual([...tables.keys()].sort());
      for (const [tag, data] of tables) {
        expect(font.indexOf(data) % 4, tag).toBe(0);
        expect(data.length, tag).toBeGreaterThan(0);
      }
      // The size WOFF says the SFNT has (its tables padded, and the directory).
      expect(font.length).toBe(woff.readUInt32BE(16));
    }
  });

  it('draws the same SVG as the WOFF it came from, in several scripts', async () => {
    const text = 'Отношения — Κανάλι — Kênh đào, 1918–1941';
    const tree = parseHtml(
      `<div style="display: flex; flex-direction: column; font-family: 'Source Serif 4'; font-size: 64px">` +
        `<div>${text}</div><div style="font-weight: 700; font-style: italic">${text}</div></div>`,
    );
    const fonts = drawingFonts(text);
    expect(fonts.length).toBeGreaterThan(4);
    const woffs = fonts.map((f) => ({ ...f, data: readFileSync(fileOf(f.name, f.weight, f.style)) }));
    const size = { width: 1600, height: 400 };
    const fromSfnt = await satori(tree as Parameters<typeof satori>[0], { ...size, fonts });
    const fromWoff = await satori(tree as Parameters<typeof satori>[0], { ...size, fonts: woffs });
    expect(fromSfnt).toContain('<path');
    expect(fromSfnt).toBe(fromWoff);
  });
});

/** The WOFF file a drawing font was read from (its name: the family, then the subset but Latin). */
function fileOf(name: string, weight: number, style: string): string {
  const [family, pkg] = name.startsWith('Source Serif 4')
    ? ['Source Serif 4', '@fontsource/source-serif-4']
    : ['Source Sans 3', '@fontsource/source-sans-3'];
  const subset = name === family ? 'latin' : name.slice(family.length + 1);
  return path.join(files(pkg), `${path.basename(pkg)}-${subset}-${weight}-${style}.woff`);
}
