import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { writeZip, type ZipEntry } from '../../../src/render/epub/zip.js';
import { rememberedCounts, startRememberedBuild } from '../../../src/util/memo.js';

const mtime = new Date('2026-12-04T00:00:00Z');
const prose = (n: number) => strToU8(`<p>Paragraph ${n} of the chapter, said at some length. `.repeat(200 + n));
const book = (): ZipEntry[] => [
  { name: 'mimetype', data: strToU8('application/epub+zip'), store: true },
  { name: 'META-INF/container.xml', data: strToU8('<container/>') },
  { name: 'OEBPS/chapter-01.xhtml', data: prose(1) },
  { name: 'OEBPS/chapter-02.xhtml', data: prose(2) },
  { name: 'OEBPS/images/a.png', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), store: true },
  { name: 'OEBPS/Überblick.xhtml', data: strToU8('<p>Ä</p>') },
];

/** The central directory's records: name, method, flags, sizes and the local header each points to. */
function directory(zip: Uint8Array) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.byteLength - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  const out = [];
  for (let at = view.getUint32(end + 16, true), i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    const offset = view.getUint32(at + 42, true);
    out.push({
      name: Buffer.from(zip.subarray(at + 46, at + 46 + nameLength)).toString('utf8'),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      packed: view.getUint32(at + 20, true),
      // The local header says the same sizes (no data descriptor) and has no extra field.
      local: [view.getUint16(offset + 6, true), view.getUint32(offset + 18, true), view.getUint16(offset + 28, true)],
    });
    at += 46 + nameLength;
  }
  return out;
}

describe('writeZip', () => {
  const previousTz = process.env.TZ;
  afterEach(() => {
    if (previousTz === undefined) delete process.env.TZ;
    else process.env.TZ = previousTz;
  });

  it('writes every entry, in order, readable by another reader, sizes before the data', () => {
    const zip = writeZip(book(), mtime);
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(book().map((e) => e.name));
    for (const e of book()) expect(files[e.name]).toEqual(e.data);
    const records = directory(zip);
    expect(records.map((r) => [r.name, r.method])).toEqual([
      ['mimetype', 0],
      ['META-INF/container.xml', 8],
      ['OEBPS/chapter-01.xhtml', 8],
      ['OEBPS/chapter-02.xhtml', 8],
      ['OEBPS/images/a.png', 0],
      ['OEBPS/Überblick.xhtml', 8],
    ]);
    for (const r of records) expect(r.local).toEqual([r.flags, r.packed, 0]);
    // A name beyond ASCII is flagged as UTF-8; the others are not.
    expect(records.map((r) => r.flags)).toEqual([0, 0, 0, 0, 0, 0x0800]);
    // The mimetype's bytes stand where readers look for them.
    expect(strFromU8(zip.subarray(30, 58))).toBe('mimetypeapplication/epub+zip');
    // Text is deflated: the chapter takes a small part of its size.
    expect(records[2]!.packed).toBeLessThan(prose(1).length / 10);
  });

  it('passes `unzip -t` where Debian has it', (ctx) => {
    let has = true;
    try {
      execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    } catch {
      has = false;
    }
    if (!has) return ctx.skip();
    const dir = mkdtempSync(path.join(tmpdir(), 'quire-zip-'));
    try {
      const file = path.join(dir, 'book.zip');
      writeFileSync(file, writeZip(book(), mtime));
      expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the same bytes in every time zone', () => {
    process.env.TZ = 'UTC';
    const utc = writeZip(book(), mtime);
    process.env.TZ = 'America/Los_Angeles';
    const west = writeZip(book(), mtime);
    process.env.TZ = 'Asia/Tokyo';
    const east = writeZip(book(), mtime);
    expect(Buffer.from(west).equals(Buffer.from(utc))).toBe(true);
    expect(Buffer.from(east).equals(Buffer.from(utc))).toBe(true);
  });

  it('deflates again only the entries whose bytes changed', () => {
    writeZip(book(), mtime);
    startRememberedBuild();
    const again = writeZip(book(), mtime);
    expect(rememberedCounts()['epub-deflate']).toEqual({ ran: 0, reused: 4 });
    startRememberedBuild();
    const edited = book();
    edited[3] = { ...edited[3]!, data: strToU8(`${strFromU8(prose(2))}<p>An edit.</p>`) };
    const zip = writeZip(edited, mtime);
    expect(rememberedCounts()['epub-deflate']).toEqual({ ran: 1, reused: 3 });
    expect(strFromU8(unzipSync(zip)['OEBPS/chapter-02.xhtml']!)).toMatch(/An edit\.<\/p>$/);
    expect(unzipSync(again)['OEBPS/chapter-02.xhtml']).toEqual(prose(2));
  });

  it('refuses dates a zip cannot hold', () => {
    expect(() => writeZip(book(), new Date('1979-12-31T00:00:00Z'))).toThrow(/1980 to 2107/);
  });
});
