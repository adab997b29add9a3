/**
 * The EPUB cover image without a browser: the cover template (HTML with inline styles, laid out with
 * flexbox) is drawn to SVG by satori, with Quire's own fonts, and rasterised to a PNG by resvg.
 * Nothing is fetched: an image or a `url()` that is not a `data:` URI is refused.
 */
import { renderAsync } from '@resvg/resvg-js';
import satori from 'satori';
import { html as parseHtml } from 'satori-html';
import { decodeHTML } from 'entities';
import { QuireError } from '../../util/errors.js';
import { drawingFonts, withSubsets } from '../html/fonts.js';

export const COVER_SIZE = { width: 1600, height: 2400 };

type Node = ReturnType<typeof parseHtml>;

/** satori-html leaves character references in text as they are: decode them (the text stays text). */
function decodeText(node: Node): Node {
  const { children } = node.props;
  if (typeof children === 'string') node.props.children = decodeHTML(children);
  else if (Array.isArray(children))
    node.props.children = (children as (Node | string)[]).map((c) =>
      typeof c === 'string' ? decodeHTML(c) : decodeText(c),
    ) as Node[];
  else if (children) decodeText(children);
  return node;
}

const URL_IN_CSS = /url\(\s*(['"]?)(.*?)\1\s*\)/gi;

/**
 * Refuse anything satori would fetch (`<img src>`, CSS `url()` other than data: URIs), and give each
 * font family its script subsets as fallbacks, in order (satori falls back through families by name).
 */
function prepare(node: Node | string | undefined, file: string): void {
  if (!node || typeof node === 'string') return;
  const { children, style, src } = node.props;
  const values = Object.values((style ?? {}) as Record<string, unknown>).filter(
    (v): v is string => typeof v === 'string',
  );
  const urls = [
    ...(typeof src === 'string' ? [src] : []),
    ...values.flatMap((v) => [...v.matchAll(URL_IN_CSS)].map((m) => m[2]!)),
  ];
  const remote = urls.find((u) => !u.trim().toLowerCase().startsWith('data:'));
  if (remote !== undefined) {
    throw new QuireError(`the cover template refers to "${remote.slice(0, 80)}", which would be fetched`, {
      file,
      hint: 'embed images as data: URIs; the cover is drawn offline',
    });
  }
  if (style && typeof style.fontFamily === 'string') style.fontFamily = withSubsets(style.fontFamily);
  for (const child of Array.isArray(children) ? children : [children])
    prepare(child as Node | string | undefined, file);
}

/** The cover's HTML as satori's element tree, its text decoded, checked to fetch nothing. */
export function coverTree(markup: string, file: string): Node {
  if (/<(style|link|html|head)\b/i.test(markup)) {
    throw new QuireError('the cover template is a page with <style> or <link>, which the cover drawing ignores', {
      file,
      hint: "give its elements inline styles instead (Quire's own templates/cover.html.liquid shows how)",
    });
  }
  const tree = decodeText(parseHtml(markup));
  prepare(tree, file);
  return tree;
}

/** A PNG (1600 × 2400) of the rendered cover template. `file` names the template in errors. */
export async function drawCover(markup: string, file: string): Promise<Uint8Array> {
  const tree = coverTree(markup, file);
  try {
    const svg = await satori(tree as Parameters<typeof satori>[0], {
      ...COVER_SIZE,
      fonts: drawingFonts(decodeHTML(markup)),
    });
    // Rasterised on libuv's thread pool: the build goes on meanwhile (the EPUB's chapters are made then).
    const image = await renderAsync(svg, { font: { loadSystemFonts: false } });
    return image.asPng();
  } catch (error) {
    throw new QuireError(`the cover template cannot be drawn: ${(error as Error).message.split('\n')[0]}`, {
      file,
      hint: 'the cover supports inline styles and flexbox layout (see "Templates" in README.md)',
      cause: error,
    });
  }
}
