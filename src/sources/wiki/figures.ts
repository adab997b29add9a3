/**
 * A wiki text's images (`[[File:Europe 1939.png|thumb|right|Europe in 1939]]`) as figures, as Pandoc reads
 * them: the file by the name MediaWiki stores it under (underscores for spaces, first letter in upper case),
 * the caption as text, the `alt=` option (or the caption) as its text alternative. Whether the file is in the
 * content folder is checked where the folder is read (sources/assets.ts), as for a Markdown image: an editor
 * who saves the file beside the source gets the figure; otherwise the figure is left out with a warning that
 * quotes its caption, so that the facts a caption carries (a date, a place) are never dropped unsaid.
 */
import type { Image, Paragraph } from 'mdast';
import { squash } from '../text.js';
import { childrenOf, plain, type Ctx, type WikiNode } from './inline.js';

/** The name of a file as MediaWiki stores it: `Image:brest treaty.jpg` → `Brest_treaty.jpg`. */
export function fileName(target: string): string {
  const name = squash(target.replace(/^\s*:?[^:]*:/, '').replace(/_/g, ' ')).replace(/ /g, '_');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The caption and alt text of a `file` node (wikiparser-node's image parameters). */
function parameters(node: WikiNode, ctx: Ctx): { caption: string; alt: string } {
  let caption = '';
  let alt = '';
  for (const part of childrenOf(node)) {
    if (part.type !== 'image-parameter') continue;
    const name = (part as unknown as { name?: string }).name;
    if (name === 'caption') caption = plain(childrenOf(part), ctx);
    else if (name === 'alt') alt = plain(childrenOf(part), ctx);
  }
  return { caption, alt };
}

/** A figure from a `[[File:…]]` node: a paragraph holding only its image, with `data.figure` and the caption. */
export function fileFigure(node: WikiNode, target: string, ctx: Ctx): Paragraph | undefined {
  const url = fileName(target);
  if (!url) return undefined;
  const { caption, alt } = parameters(node, ctx);
  return figure(url, caption, alt);
}

/** A figure from an image link whose namespace is unknown (`[[Xyz:a.jpg|thumb|caption]]`): the last part. */
export function linkFigure(target: string, label: string): Paragraph | undefined {
  const url = fileName(target);
  const parts = label.split('|');
  return url ? figure(url, parts.length > 1 ? squash(parts.at(-1)!) : '', '') : undefined;
}

/** A figure from a file named in a template's parameter (`{{wide image|Toronto.jpg|…|caption}}`). */
export function namedFigure(file: string, caption: string): Paragraph | undefined {
  const url = fileName(file);
  return url ? figure(url, caption, '') : undefined;
}

function figure(url: string, caption: string, alt: string): Paragraph {
  const image: Image = { type: 'image', url, alt: alt || caption || null };
  return { type: 'paragraph', children: [image], data: { figure: true, caption: caption || undefined } };
}

/** The caption of a figure, for a warning that leaves it out: ` with its caption "…"`, or nothing. */
export function captionNote(caption: string | undefined): string {
  const text = squash(caption ?? '');
  return text ? ` with its caption "${text}"` : '';
}
