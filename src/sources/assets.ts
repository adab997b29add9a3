/**
 * The images a source shows, checked at the I/O edge: each must be a file inside the content folder, of a
 * type every output can show, and not too large. What passes is fingerprinted (an edited image rebuilds
 * what shows it); what does not is taken out of the tree with a warning naming the file and line.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Image, Paragraph, Parent, RootContent } from 'mdast';
import type { Asset, Source } from '../model/index.js';
import { allInOrder, entryExists, readInside } from '../util/confined.js';
import { QuireError } from '../util/errors.js';
import { Messages } from '../util/messages.js';

/** Larger images are left out: a guide's figure is not a poster, and every output carries a copy. */
export const MAX_IMAGE_BYTES = 16 * 1024 * 1024;

const TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

/**
 * The last check of each parsed source (a session's parse results are shared objects): its images' results
 * and what the check made of them. The same source meeting the same results gets the same answer, without
 * its tree cloned again (a no-change rebuild in `quire watch`).
 */
const lastChecks = new WeakMap<Source, { results: string; checked: Source }>();

/** A source's images checked against the content folder: the source with its assets, bad images taken out. */
export async function checkImages(source: Source, contentDir: string): Promise<Source> {
  const shown = imagesOf(source.tree);
  if (!shown.length) return source;
  // Each image file once, several at once (the disk answers in parallel); the results in the tree's order.
  const urls = [...new Set(shown.map((s) => s.image.url))];
  const found = await allInOrder(urls.map((url) => () => inspect(contentDir, url)));
  const byUrl = new Map(urls.map((url, i) => [url, found[i]!]));
  const results = JSON.stringify(found);
  const last = lastChecks.get(source);
  if (last?.results === results) return last.checked;

  const tree = structuredClone(source.tree);
  const messages = new Messages(source.info.file);
  const drop = new Set<Image>();
  for (const { image, line, caption } of imagesOf(tree)) {
    const got = byUrl.get(image.url)!;
    if (typeof got === 'string') {
      drop.add(image);
      const left = caption?.trim() ? `; its figure is left out with its caption "${caption.trim()}"` : '';
      messages.warn('missing-image', `image "${image.url}" ${got}${left}`, line);
    } else image.url = got.path;
  }
  if (drop.size) removeImages(tree, drop);
  const assets = found.filter((a): a is Asset => typeof a !== 'string');
  const checked = { ...source, tree, assets, warnings: [...source.warnings, ...messages.warnings] };
  lastChecks.set(source, { results, checked });
  return checked;
}

interface Shown {
  image: Image;
  line: number | undefined;
  /** The caption of the figure it is the image of. */
  caption?: string | undefined;
}

/** Every image node of a tree with the line of the block holding it (and its figure's caption), in order. */
function imagesOf(tree: Parent): Shown[] {
  const out: Shown[] = [];
  const walk = (node: Parent, line: number | undefined) => {
    const figure = node.type === 'paragraph' ? (node as Paragraph).data : undefined;
    const caption = figure?.figure ? figure.caption : undefined;
    for (const child of node.children as RootContent[]) {
      const at = child.position?.start.line ?? line;
      if (child.type === 'image') out.push({ image: child, line: at, caption });
      else if ('children' in child) walk(child as Parent, at);
    }
  };
  walk(tree, undefined);
  return out;
}

/**
 * The source without the images `shown` refuses (and their figures), nothing said: for a caller that knows
 * the folder's files another way (the tests, reading the seeds synchronously as a build would).
 */
export function withoutImages(source: Source, shown: (url: string) => boolean): Source {
  const refused = (tree: Parent) => imagesOf(tree).flatMap(({ image }) => (shown(image.url) ? [] : [image]));
  if (!refused(source.tree).length) return source;
  const tree = structuredClone(source.tree);
  removeImages(tree, new Set(refused(tree)));
  return { ...source, tree };
}

/** Take the images out; a figure (a paragraph holding only its image) goes with its image. */
function removeImages(node: Parent, drop: ReadonlySet<Image>): void {
  node.children = (node.children as RootContent[]).filter((c) => {
    if (c.type === 'image') return !drop.has(c);
    if (c.type === 'paragraph' && c.data?.figure) return !c.children.some((x) => x.type === 'image' && drop.has(x));
    return true;
  }) as Parent['children'];
  for (const c of node.children as RootContent[]) if ('children' in c) removeImages(c as Parent, drop);
}

const spaced = (url: string) => url.replace(/_/g, ' ');

/** The image as an asset, or why it cannot be shown (the rest of a warning's sentence). */
async function inspect(contentDir: string, url: string): Promise<Asset | string> {
  const type = TYPES[path.extname(url).toLowerCase()];
  if (!type) return `is not an image every output can show: use ${Object.keys(TYPES).join(', ')}`;
  let full = path.join(contentDir, url);
  // A wiki file's stored name has underscores; the file may have been saved with spaces.
  if (!(await entryExists(full)) && url.includes('_') && (await entryExists(path.join(contentDir, spaced(url)))))
    full = path.join(contentDir, (url = spaced(url)));
  if (!(await entryExists(full))) return 'was not found in the content folder: check its path';
  try {
    const bytes = await readInside(contentDir, full, 'image', (size) =>
      size > MAX_IMAGE_BYTES ? new QuireError(`is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB`) : undefined,
    );
    return { path: url, sha256: createHash('sha256').update(bytes).digest('hex'), type, bytes: bytes.length };
  } catch (error) {
    const why = error instanceof QuireError ? error.message : (error as Error).message;
    return `cannot be used (${why}): make it smaller, or save it as a file inside the content folder`;
  }
}
