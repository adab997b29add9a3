/**
 * Fonts shipped by npm (@fontsource), so every machine renders with the same, embeddable faces and
 * never with whatever fallback the system has. Each face's CSS is rewritten to point at `fonts/`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

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

const FAMILIES: Record<string, string> = { '@fontsource/source-serif-4': 'Source Serif 4', '@fontsource/source-sans-3': 'Source Sans 3' };
const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'];

let drawing: DrawingFont[] | undefined;

/** Every face of the bundle as WOFF data, each script's subset a face of its own (read once per process). */
export function drawingFonts(): DrawingFont[] {
  if (drawing) return drawing;
  drawing = [];
  for (const face of FACES) {
    const dir = path.join(path.dirname(require.resolve(`${face.pkg}/package.json`)), 'files');
    const base = path.basename(face.pkg);
    for (const style of face.styles) {
      const [weight, italic] = style.split('-');
      for (const subset of SUBSETS) {
        const file = path.join(dir, `${base}-${subset}-${weight}-${italic ?? 'normal'}.woff`);
        if (!existsSync(file)) continue;
        // satori keeps one face per name, weight and style, and falls back to the other names for missing
        // characters: each script's subset gets a name of its own.
        drawing.push({ name: subset === 'latin' ? FAMILIES[face.pkg]! : `${FAMILIES[face.pkg]} ${subset}`, data: readFileSync(file), weight: Number(weight) as DrawingFont['weight'], style: italic ? 'italic' : 'normal' });
      }
    }
  }
  return drawing;
}
