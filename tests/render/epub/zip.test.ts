import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { zipEntries, type ZipEntry } from '../../../src/render/epub/zip.js';
import { rememberedCounts, startRememberedBuild } from '../../../src/util/memo.js';

/**
 * The EPUB's zip is written entry by entry with each entry's deflated bytes remembered. It must be the very
 * bytes fflate's `zipSync` writes of the same entries (the EPUB stays byte-identical), and a second zip that
 * shares entries with the first deflates only the entries whose bytes changed.
 */
const TEMPLATES = path.resolve(__dirname, '../../../templates');
const entries = (): ZipEntry[] => [
  { name: 'mimetype', bytes: strToU8('application/epub+zip'), level: 0 },
  { name: 'META-INF/container.xml', bytes: strToU8('<container version="1.0"/>'), level: 6 },
  // Real documents of the guide (the templates and stylesheets): text of many sizes, some of it not ASCII.
  ...readdirSync(TEMPLATES)
    .filter((n) => statSync(path.join(TEMPLATES, n)).isFile())
    .sort()
    .map((n) => ({
      name: `OEBPS/${n}`,
      bytes: new Uint8Array(readFileSync(path.join(TEMPLATES, n))),
      level: 6 as const,
    })),
  { name: 'OEBPS/empty.xhtml', bytes: new Uint8Array(0), level: 6 },
  { name: 'OEBPS/images/cover.png', bytes: new Uint8Array([137, 80, 78, 71, 0, 255, 7]), level: 0 },
  { name: 'OEBPS/Ærø–chapter.xhtml', bytes: strToU8('<p>Ærø, Łódź and Zürich — “quoted”.</p>'.repeat(40)), level: 6 },
];

/** What `reproducibleZip` gave fflate before: the same entries, options and order. */
function fflateZip(list: readonly ZipEntry[], mtime: Date): Uint8Array {
  const zippable: Zippable = {};
  for (const e of list) zippable[e.name] = [e.bytes, { level: e.level, mtime }];
  return zipSync(zippable);
}

const counts = () => rememberedCounts()['epub-entries'] ?? { ran: 0, reused: 0 };

describe('the EPUB zip', () => {
  it('writes what fflate writes, and deflates again only the entries that changed', () => {
    const mtime = new Date('2026-11-23T00:00:00Z');
    const first = entries();
    expect(first.length).toBeGreaterThan(10);
    startRememberedBuild();
    const zipped = zipEntries(first, mtime);
    expect(Buffer.from(zipped).equals(Buffer.from(fflateZip(first, mtime)))).toBe(true);
    expect(Object.keys(unzipSync(zipped))).toEqual(first.map((e) => e.name));

    // A second package: one document edited (new bytes), the others the same bytes in new arrays.
    const second = entries().map((e) => ({ ...e, bytes: new Uint8Array(e.bytes) }));
    const edited = second.findIndex((e) => e.name === 'OEBPS/Ærø–chapter.xhtml');
    second[edited] = { ...second[edited]!, bytes: strToU8('<p>Ærø, Łódź and Zürich — edited.</p>'.repeat(40)) };
    startRememberedBuild();
    const again = zipEntries(second, mtime);
    expect(Buffer.from(again).equals(Buffer.from(fflateZip(second, mtime)))).toBe(true);
    expect(counts()).toEqual({ ran: 1, reused: second.length - 1 });

    // Another date changes the headers, not the entries' data.
    const later = new Date('2027-03-04T00:00:00Z');
    startRememberedBuild();
    expect(Buffer.from(zipEntries(second, later)).equals(Buffer.from(fflateZip(second, later)))).toBe(true);
    expect(counts().ran).toBe(0);
  });
});
