/**
 * Fonts shipped by npm (@fontsource), so every machine renders with the same, embeddable faces and
 * never with whatever fallback the system has. Each face's CSS is rewritten to point at `fonts/`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateSync } from 'node:zlib';

const require = createRequire(import.meta.url);

/** Families and the styles Quire's templates use. Both fonts are under the SIL Open Font License. */
const FACES: { pkg: string; styles: string[] }[] = [
  { pkg: '@fontsource/source-serif-4', styles: ['400', '400-italic', '700', '700-italic'] },
  { pkg: '@fontsource/source-sans-3', styles: ['400', '600', '700'] },
];

export interface FontBundle {
  /** @font-face rules with `url(fonts/…)` sources. */
  css: string;
  /** Absolute paths of the woff2 files to copy into `fonts/`. */
  files: string[];
}

let cached: FontBundle | undefined;

export function fontBundle(): FontBundle {
  if (cached) return cached;
  const files = new Set<string>();
  let css = '';
  for (const face of FACES) {
    const dir = path.dirname(require.resolve(`${face.pkg}/package.json`));
    for (const style of face.styles) {
      const text = readFileSync(path.join(dir, `${style}.css`), 'utf8');
      css += text.replace(/src: url\(\.\/files\/([^)]+\.woff2)\) format\('woff2'\)[^;]*;/g, (_m, file: string) => {
        files.add(path.join(dir, 'files', file));
        return `src: url(fonts/${file}) format('woff2');`;
      });
    }
  }
  cached = { css, files: [...files] };
  return cached;
}

/** A font face for drawing without a browser (the EPUB cover): satori reads WOFF, not WOFF2. */
export interface DrawingFont {
  name: string;
  data: Buffer;
  weight: 400 | 600 | 700;
  style: 'normal' | 'italic';
}

const FAMILIES: Record<string, string> = {
  '@fontsource/source-serif-4': 'Source Serif 4',
  '@fontsource/source-sans-3': 'Source Sans 3',
};
const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'];

const loaded = new Map<string, DrawingFont>();

/** The name a subset's face is drawn under: the family's own for Latin, the family and subset otherwise. */
const drawingName = (family: string, subset: string) => (subset === 'latin' ? family : `${family} ${subset}`);

/**
 * A CSS font-family list with each of Quire's families followed by its subsets' names, so that a character
 * missing from the Latin face is drawn by the same family's other subsets before any other family.
 */
export function withSubsets(fontFamily: string): string {
  return fontFamily
    .split(',')
    .flatMap((f) => {
      const name = f.trim().replace(/^['"]|['"]$/g, '');
      return Object.values(FAMILIES).includes(name) ? SUBSETS.map((s) => `'${drawingName(name, s)}'`) : [f.trim()];
    })
    .join(', ');
}

/** Code point ranges of each script subset, from the package's own unicode.json ("U+0400-045F,U+2116"). */
function subsetRanges(pkg: string): Record<string, [number, number][]> {
  const json = JSON.parse(readFileSync(require.resolve(`${pkg}/unicode.json`), 'utf8')) as Record<string, string>;
  return Object.fromEntries(
    Object.entries(json).map(([subset, ranges]) => [
      subset,
      ranges.split(',').map((r) => {
        const [from, to] = r.trim().replace(/^U\+/i, '').split('-');
        return [parseInt(from!, 16), parseInt(to ?? from!, 16)] as [number, number];
      }),
    ]),
  );
}

/**
 * The faces of the bundle as WOFF data for drawing `text`: the Latin subset of every face, and the other
 * scripts' subsets only where the text has a character of theirs (each parsed face costs time).
 */
export function drawingFonts(text: string): DrawingFont[] {
  const codes = new Set([...text].map((c) => c.codePointAt(0)!).filter((c) => c > 0x7f));
  const out: DrawingFont[] = [];
  for (const face of FACES) {
    const dir = path.join(path.dirname(require.resolve(`${face.pkg}/package.json`)), 'files');
    const base = path.basename(face.pkg);
    const ranges = subsetRanges(face.pkg);
    const subsets = SUBSETS.filter(
      (subset) =>
        subset === 'latin' || (ranges[subset] ?? []).some(([from, to]) => [...codes].some((c) => c >= from && c <= to)),
    );
    for (const style of face.styles) {
      const [weight, italic] = style.split('-');
      for (const subset of subsets) {
        const file = path.join(dir, `${base}-${subset}-${weight}-${italic ?? 'normal'}.woff`);
        if (!existsSync(file)) continue;
        let font = loaded.get(file);
        if (!font) {
          // satori keeps one face per name, weight and style, and falls back to the other names for missing
          // characters: each script's subset gets a name of its own.
          const name = drawingName(FAMILIES[face.pkg]!, subset);
          font = {
            name,
            data: sfntOf(readFileSync(file)),
            weight: Number(weight) as DrawingFont['weight'],
            style: italic ? 'italic' : 'normal',
          };
          loaded.set(file, font);
        }
        out.push(font);
      }
    }
  }
  return out;
}

/**
 * A WOFF file's font as the SFNT (TrueType/OpenType) file it wraps: its tables inflated by Node's zlib, the
 * same bytes in the same order. satori would inflate them itself in JavaScript (a fifth of a cold cover's
 * time); the tables it reads, and so the drawing, are the same. Anything but WOFF 1.0 is returned as it is.
 */
export function sfntOf(woff: Buffer): Buffer {
  if (woff.length < 44 || woff.readUInt32BE(0) !== 0x774f4646) return woff; // 'wOFF'
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const [tag, offset, compressed, length, checksum] = [0, 4, 8, 12, 16].map((d) => woff.readUInt32BE(at + d));
    const stored = woff.subarray(offset!, offset! + compressed!);
    const data = compressed! < length! ? inflateSync(stored) : stored;
    if (data.length !== length) throw new Error('a WOFF table does not inflate to its stated length');
    return { tag: tag!, checksum: checksum!, data };
  });
  const power = 2 ** Math.floor(Math.log2(count));
  const header = Buffer.alloc(12 + count * 16);
  header.writeUInt32BE(woff.readUInt32BE(4), 0); // the flavour: the SFNT's version
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(count * 16 - power * 16, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    header.writeUInt32BE(t.tag, at);
    header.writeUInt32BE(t.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(t.data.length, at + 12);
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}
