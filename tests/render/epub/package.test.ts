import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { packageEpub, stableUuid, type PackageInput } from '../../../src/render/epub/package.js';
import { buildView } from '../../../src/render/view/index.js';
import { DEFAULT_TEMPLATES, TemplateSet } from '../../../src/render/html/templates.js';
import { seedGuide } from '../../support/seed-guide.js';

const view = buildView(seedGuide(), { paper: 'A4', assets: '', target: 'epub' });
const templates = new TemplateSet(DEFAULT_TEMPLATES);
const image = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5, 6, 7, 8]);
const imageName = `${createHash('sha1').update(image).digest('hex').slice(0, 12)}.png`;
const CONTAINER =
  '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">' +
  '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>' +
  '</container>';

/**
 * What epub-gen-memory hands over: its own package document and ncx id, an image under a random name, in
 * an order and with timestamps of its own.
 */
function generated(randomName: string, reverse = false, mtime = new Date('2031-05-06T07:08:09Z')): Uint8Array {
  const files: [string, Uint8Array | string][] = [
    ['mimetype', 'application/epub+zip'],
    ['META-INF/container.xml', CONTAINER],
    ['OEBPS/content.opf', `<package>${randomName}</package>`],
    ['OEBPS/toc.ncx', `<ncx><head><meta name="dtb:uid" content="${randomName}"/></head></ncx>`],
    ['OEBPS/toc.xhtml', '<html><body><nav>its own contents</nav></body></html>'],
    ['OEBPS/style.css', 'p { margin: 0 }'],
    ['OEBPS/chapter-01.xhtml', `<html><body><p><img src="images/${randomName}.png" alt=""/></p></body></html>`],
    ['OEBPS/timeline.xhtml', '<html><body><svg viewBox="0 0 1 1"></svg></body></html>'],
    [`OEBPS/images/${randomName}.png`, image],
  ];
  if (reverse) files.reverse();
  const zippable: Zippable = {};
  for (const [name, data] of files)
    zippable[name] = [typeof data === 'string' ? strToU8(data) : data, { level: 0, mtime }];
  return zipSync(zippable);
}

const input = (extra: Partial<PackageInput> = {}): PackageInput => ({
  view,
  templates,
  spine: [
    { file: 'chapter-01.xhtml', title: '1. Chapter' },
    { file: 'timeline.xhtml', title: 'Timeline' },
  ],
  ...extra,
});

/** The zip's local file headers, in the order they stand: name, method, DOS date and time, data. */
function entries(zip: Uint8Array) {
  const bytes = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: { name: string; method: number; time: number; date: number; extra: number; data: Uint8Array }[] = [];
  for (let at = 0; bytes.getUint32(at, true) === 0x04034b50;) {
    const method = bytes.getUint16(at + 8, true);
    const size = bytes.getUint32(at + 18, true);
    const nameLength = bytes.getUint16(at + 26, true);
    const extra = bytes.getUint16(at + 28, true);
    const name = strFromU8(zip.subarray(at + 30, at + 30 + nameLength));
    const start = at + 30 + nameLength + extra;
    const [time, date] = [bytes.getUint16(at + 10, true), bytes.getUint16(at + 12, true)];
    out.push({ name, method, time, date, extra, data: zip.subarray(start, start + size) });
    at = start + size;
  }
  return out;
}

describe('packageEpub', () => {
  const epub = packageEpub(generated('0b7e4c1a-5d2f-4e8a-9c3b-2f1d6e7a8b9c'), input());
  const files = unzipSync(epub);
  const text = (name: string) => strFromU8(files[name]!);

  it('writes mimetype first, stored, without an extra field, then META-INF, then the rest in name order', () => {
    const list = entries(epub);
    expect(list[0]).toMatchObject({ name: 'mimetype', method: 0, extra: 0 });
    expect(strFromU8(list[0]!.data)).toBe('application/epub+zip');
    const rest = list.slice(1).map((e) => e.name);
    expect(rest[0]).toBe('META-INF/container.xml');
    expect(rest.slice(1)).toEqual([...rest.slice(1)].sort((a, b) => a.localeCompare(b)));
    // Every entry the central directory lists was walked.
    expect(list.map((e) => e.name).sort()).toEqual(Object.keys(files).sort());
    expect(list.length).toBe(9);
  });

  it('keeps the container, and writes its own package document with every file in the manifest', () => {
    expect(text('META-INF/container.xml')).toBe(CONTAINER);
    const rootfile = /full-path="([^"]+)"/.exec(text('META-INF/container.xml'))![1]!;
    const opf = text(rootfile);
    const { title, subtitle, language, author } = view.meta;
    const identifier = `urn:uuid:${stableUuid(`${title}|${subtitle ?? ''}|${language}|${author}`)}`;
    expect(opf).toContain(`<dc:identifier id="book-id">${identifier}</dc:identifier>`);
    expect(opf).toContain(`<meta property="dcterms:modified">${view.meta.edition.date}T00:00:00Z</meta>`);
    const items = [
      ...opf.matchAll(/<item id="([^"]+)" href="([^"]+)" media-type="([^"]+)"(?: properties="([^"]+)")?/g),
    ];
    const manifest = Object.fromEntries(items.map((m) => [m[2]!, [m[1], m[3], m[4]]]));
    expect(manifest).toEqual({
      'chapter-01.xhtml': ['item-1', 'application/xhtml+xml', undefined],
      [`images/${imageName}`]: ['item-2', 'image/png', undefined],
      'style.css': ['item-3', 'text/css', undefined],
      'timeline.xhtml': ['item-4', 'application/xhtml+xml', 'svg'],
      'toc.ncx': ['ncx', 'application/x-dtbncx+xml', undefined],
      'toc.xhtml': ['nav', 'application/xhtml+xml', 'nav'],
    });
    const spine = [...opf.matchAll(/<itemref idref="([^"]+)"/g)].map((m) => m[1]);
    expect(spine).toEqual(['nav', 'item-1', 'item-4']);
    expect(text('OEBPS/toc.xhtml')).toContain('epub:type="toc"');
    expect(text('OEBPS/toc.ncx')).toBe(`<ncx><head><meta name="dtb:uid" content="${identifier}"/></head></ncx>`);
  });

  it('names images by their content and updates the documents that show them', () => {
    expect(Object.keys(files).filter((n) => n.startsWith('OEBPS/images/'))).toEqual([`OEBPS/images/${imageName}`]);
    expect(files[`OEBPS/images/${imageName}`]).toEqual(image);
    expect(text('OEBPS/chapter-01.xhtml')).toContain(`<img src="images/${imageName}" alt=""/>`);
    // Compressed formats are stored; text is deflated.
    const method = new Map(entries(epub).map((e) => [e.name, e.method]));
    expect([method.get(`OEBPS/images/${imageName}`), method.get('OEBPS/chapter-01.xhtml')]).toEqual([0, 8]);
  });

  it('gives the same bytes for the same guide, whatever names, order and times the converter used', () => {
    const again = packageEpub(generated('0b7e4c1a-5d2f-4e8a-9c3b-2f1d6e7a8b9c'), input());
    expect(Buffer.from(again).equals(Buffer.from(epub))).toBe(true);
    const shuffled = packageEpub(generated('f00dfeed-0000-4000-8000-000000000001', true, new Date()), input());
    expect(Buffer.from(shuffled).equals(Buffer.from(epub))).toBe(true);
    // Every entry carries the edition date (midnight, read in UTC), nothing of the clock.
    const [year, month, day] = view.meta.edition.date.split('-').map(Number) as [number, number, number];
    const dosDate = ((year - 1980) << 9) | (month << 5) | day;
    for (const e of entries(epub)) expect([e.name, e.date, e.time]).toEqual([e.name, dosDate, 0]);
    // Another edition date is another book.
    const later = { ...view, meta: { ...view.meta, edition: { ...view.meta.edition, date: '2027-02-03' } } };
    const other = packageEpub(generated('0b7e4c1a-5d2f-4e8a-9c3b-2f1d6e7a8b9c'), input({ view: later }));
    expect(Buffer.from(other).equals(Buffer.from(epub))).toBe(false);
  });

  it('adds a cover page and image, first in the spine, when a cover is given', () => {
    const cover = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 9, 9, 9]);
    const withCover = unzipSync(packageEpub(generated('0b7e4c1a-5d2f-4e8a-9c3b-2f1d6e7a8b9c'), input({ cover })));
    expect(withCover['OEBPS/cover.png']).toEqual(cover);
    const opf = strFromU8(withCover['OEBPS/content.opf']!);
    expect(opf).toMatch(/<item id="cover-image" href="cover.png" media-type="image\/png" properties="cover-image"\/>/);
    expect(opf).toContain('<meta name="cover" content="cover-image"/>');
    const spine = [...opf.matchAll(/<itemref idref="([^"]+)"/g)].map((m) => m[1]);
    const coverPage = /<item id="([^"]+)" href="cover.xhtml"/.exec(opf)![1];
    expect(spine.slice(0, 2)).toEqual([coverPage, 'nav']);
  });
});
