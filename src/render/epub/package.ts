/**
 * The EPUB's package, made exact and reproducible after epub-gen-memory has converted the chapters:
 *  - images get names from their content (epub-gen-memory names them with random UUIDs);
 *  - the package document (content.opf) and the navigation document are written from Quire's templates:
 *    a stable identifier derived from the guide, the edition date as the modified date, the language,
 *    rights and sources, schema.org accessibility metadata, landmarks, and the nav with sections;
 *  - the zip is written with fixed timestamps and a fixed order, `mimetype` first and stored.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import type { TemplateSet } from '../html/templates.js';
import type { View } from '../view/index.js';
import { writeZip } from './zip.js';

const MEDIA_TYPES: Record<string, string> = {
  '.xhtml': 'application/xhtml+xml',
  '.css': 'text/css',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ncx': 'application/x-dtbncx+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/**
 * Compressed formats, stored as they are. (The cover PNG would deflate by another ~17 kB of ~85, for
 * ~8 ms on every EPUB build: not worth it.)
 */
const ALREADY_COMPRESSED = /\.(png|jpe?g|gif|woff2?|mp3|mp4|m4a)$/i;

/** A name-based UUID (RFC 4122 version 5 layout over SHA-1): the same guide always gets the same id. */
export function stableUuid(name: string): string {
  const hash = createHash('sha1').update(`quire:${name}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface PackageInput {
  view: View;
  templates: TemplateSet;
  /** Spine order: the content documents as the reader meets them. */
  spine: { file: string; title: string; linear?: boolean }[];
  /** A cover image (PNG) to add, if one was rendered. */
  cover?: Uint8Array;
}

export type Files = Record<string, Uint8Array>;

const textOf = (files: Files, name: string) => (files[name] ? strFromU8(files[name]!) : '');

/**
 * Whether a file's bytes hold `ascii` (searched in the bytes, without decoding them): the test before a
 * document is decoded to be read or changed, so that documents without it are neither.
 */
const holds = (files: Files, name: string, ascii: string) => {
  const bytes = files[name];
  return !!bytes && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ascii, 0, 'latin1');
};

/** Images: content-derived names instead of random ones, references updated in every document. */
function renameImages(files: Files): void {
  const renames = new Map<string, string>();
  for (const name of Object.keys(files)) {
    if (!name.startsWith('OEBPS/images/') || name.endsWith('/')) continue;
    const ext = path.extname(name);
    const stable = `OEBPS/images/${createHash('sha1').update(files[name]!).digest('hex').slice(0, 12)}${ext}`;
    renames.set(name, stable);
  }
  for (const [from, to] of renames) {
    files[to] = files[from]!;
    delete files[from];
  }
  for (const name of Object.keys(files)) {
    if (!name.endsWith('.xhtml') || !renames.size) continue;
    if (![...renames.keys()].some((from) => holds(files, name, from.replace('OEBPS/', '')))) continue;
    let doc = textOf(files, name);
    for (const [from, to] of renames) doc = doc.split(from.replace('OEBPS/', '')).join(to.replace('OEBPS/', ''));
    files[name] = strToU8(doc);
  }
}

const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

/** MathML in XHTML needs its namespace, which epub-gen-memory's list of attributes removes: put it back. */
function namespaceMath(files: Files): void {
  for (const name of Object.keys(files)) {
    if (!name.endsWith('.xhtml') || !holds(files, name, '<math')) continue;
    const doc = textOf(files, name);
    if (!/<math[\s>]/.test(doc)) continue;
    files[name] = strToU8(doc.replace(/<math(?=[\s>])(?![^>]*\bxmlns=)/g, `<math xmlns="${MATHML_NS}"`));
  }
}

/** A right-to-left book: every document says so on its root (epub-gen-memory's chapters do not). */
function directDocuments(files: Files, dir: 'ltr' | 'rtl'): void {
  if (dir !== 'rtl') return;
  for (const name of Object.keys(files)) {
    if (!name.endsWith('.xhtml')) continue;
    const doc = textOf(files, name);
    const root = /<html\b[^>]*>/.exec(doc);
    if (!root || /\sdir=/.test(root[0])) continue;
    files[name] = strToU8(doc.replace(root[0], root[0].replace(/^<html\b/, '<html dir="rtl"')));
  }
}

/** The package's manifest: every file under OEBPS/ but the package document, sorted, with its properties. */
function manifestOf(files: Files) {
  const pagesWith = (tag: RegExp, start: string) =>
    new Set(
      Object.keys(files)
        .filter((n) => n.endsWith('.xhtml') && holds(files, n, start) && tag.test(textOf(files, n)))
        .map((n) => n.replace('OEBPS/', '')),
    );
  const svgPages = pagesWith(/<svg[\s>]/, '<svg');
  const mathPages = pagesWith(/<math[\s>]/, '<math');
  return Object.keys(files)
    .filter((n) => n.startsWith('OEBPS/') && !n.endsWith('/') && !n.endsWith('content.opf'))
    .map((n) => n.replace('OEBPS/', ''))
    .sort()
    .map((href, i) => ({
      id:
        href === 'toc.xhtml'
          ? 'nav'
          : href === 'toc.ncx'
            ? 'ncx'
            : href === 'cover.png'
              ? 'cover-image'
              : `item-${i + 1}`,
      href,
      mediaType: MEDIA_TYPES[path.extname(href)] ?? 'application/octet-stream',
      properties: [
        href === 'toc.xhtml' ? 'nav' : '',
        href === 'cover.png' ? 'cover-image' : '',
        svgPages.has(href) ? 'svg' : '',
        mathPages.has(href) ? 'mathml' : '',
      ]
        .filter(Boolean)
        .join(' '),
    }));
}

/**
 * A reproducible zip: fixed order, fixed timestamps (the edition date), mimetype first and stored, then
 * META-INF, then the rest by name; compressed formats stored, the others deflated (zip.ts).
 */
function reproducibleZip(files: Files, date: string): Uint8Array {
  const names = Object.keys(files)
    .filter((n) => n !== 'mimetype' && !n.endsWith('/'))
    .sort((a, b) => (a.startsWith('META-INF/') ? -1 : 0) - (b.startsWith('META-INF/') ? -1 : 0) || a.localeCompare(b));
  return writeZip(
    [
      { name: 'mimetype', data: strToU8('application/epub+zip'), store: true },
      ...names.map((name) => ({ name, data: files[name]!, store: ALREADY_COMPRESSED.test(name) })),
    ],
    new Date(`${date}T00:00:00Z`),
  );
}

/** `epub`: epub-gen-memory's book, as its zip or as its files (by name, which are changed here). */
export function packageEpub(epub: Uint8Array | Files, input: PackageInput): Uint8Array {
  const { view, templates } = input;
  const files = epub instanceof Uint8Array ? unzipSync(epub) : epub;
  renameImages(files);
  namespaceMath(files);
  directDocuments(files, view.dir);
  if (input.cover) {
    files['OEBPS/cover.png'] = new Uint8Array(input.cover);
    files['OEBPS/cover.xhtml'] = strToU8(templates.render('epub-cover.xhtml.liquid', view));
  }

  const { title, subtitle, language, author } = view.meta;
  const identifier = `urn:uuid:${stableUuid(`${title}|${subtitle ?? ''}|${language}|${author}`)}`;
  const modified = `${view.meta.edition.date}T00:00:00Z`;
  const manifest = manifestOf(files);
  const idOf = new Map(manifest.map((m) => [m.href, m.id]));
  const spine = [
    ...(input.cover ? [{ file: 'cover.xhtml', title: 'Cover', linear: true }] : []),
    { file: 'toc.xhtml', title: view.labels.contents, linear: true },
    ...input.spine,
  ].map((s) => ({ ...s, idref: idOf.get(s.file)! }));

  const data = { ...view, identifier, modified, manifest, spine, hasCover: Boolean(input.cover) };
  files['OEBPS/content.opf'] = strToU8(templates.render('epub-package.opf.liquid', data));
  files['OEBPS/toc.xhtml'] = strToU8(templates.render('epub-nav.xhtml.liquid', data));
  files['OEBPS/toc.ncx'] = strToU8(
    textOf(files, 'OEBPS/toc.ncx').replace(/(<meta name="dtb:uid" content=")[^"]*(")/, `$1${identifier}$2`),
  );
  return reproducibleZip(files, view.meta.edition.date);
}
