/**
 * The web page as one file (`--embed-resources`, `output.embedResources`, as pandoc's option of that name):
 * its style sheets inlined, the fonts it needs and its images as data: addresses. Nothing is fetched when
 * it opens, so the file can be e-mailed alone; it still has no script.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fontBundle } from './fonts.js';
import type { TemplateSet } from './templates.js';

/** A data: address of bytes. */
export const dataUrl = (type: string, bytes: Uint8Array) =>
  `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;

/** The code point ranges of a `unicode-range` value ("U+0000-00FF,U+0131"). */
function ranges(value: string): [number, number][] {
  return value.split(',').map((r) => {
    const [from, to] = r.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(from!, 16), parseInt(to ?? from!, 16)];
  });
}

/**
 * The font bundle's @font-face rules with their files as data: addresses, only for the script subsets (the
 * faces' `unicode-range`) that hold a character of `text`: a Latin page carries no Cyrillic or Greek faces.
 */
export async function embeddedFontCss(text: string): Promise<string> {
  const codes = [...new Set([...text].map((c) => c.codePointAt(0)!))];
  const bundle = fontBundle();
  const fileOf = new Map(bundle.files.map((f) => [path.basename(f), f]));
  const rules = bundle.css.match(/@font-face\s*\{[^}]*\}/g) ?? [];
  const kept = await Promise.all(
    rules.map(async (rule) => {
      const range = /unicode-range:\s*([^;]+);/.exec(rule)?.[1];
      if (range && !ranges(range).some(([from, to]) => codes.some((c) => c >= from && c <= to))) return '';
      const name = /url\(fonts\/([^)]+)\)/.exec(rule)?.[1];
      const file = name && fileOf.get(name);
      if (!file) return '';
      return rule.replace(`url(fonts/${name})`, `url(${dataUrl('font/woff2', await readFile(file))})`);
    }),
  );
  return kept.filter(Boolean).join('\n');
}

/** CSS that cannot end the style element it is put in. */
const inStyle = (css: string) => css.replace(/<\/(style)/gi, '<\\/$1');

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The page with each of its style sheets from `assets` (`<link rel="stylesheet" href="{assets}name">`) put
 * in a style element (fonts.css with the fonts it needs, see embeddedFontCss), and each image address of
 * `images` (the media/ address → its data: address) replaced.
 */
export async function embedResources(
  html: string,
  options: { templates: TemplateSet; assets: string; images: ReadonlyMap<string, string> },
): Promise<string> {
  const { templates, assets, images } = options;
  let out = html;
  for (const [address, data] of images) {
    for (const form of new Set([address, escapeAttribute(address)]))
      out = out.split(`src="${form}"`).join(`src="${data}"`);
  }
  const links = [...out.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)];
  const sheets = await Promise.all(
    links.map(async ([, href]) => {
      const name = href!.startsWith(assets) ? href!.slice(assets.length) : undefined;
      if (!name || name.includes('/')) return undefined;
      if (name === 'fonts.css') return embeddedFontCss(out);
      return readFile(templates.file(name), 'utf8');
    }),
  );
  links.forEach(([tag], i) => {
    const css = sheets[i];
    if (css !== undefined) out = out.replace(tag, () => `<style>\n${inStyle(css)}\n</style>`);
  });
  return out;
}
