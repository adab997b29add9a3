/**
 * The EPUB's zip, written entry by entry with each entry's deflated bytes remembered: a warm edit changes a
 * chapter's document or two, the package document and the navigation, and deflates only those again (the
 * other chapters, the stylesheet, the glossaries are found by their bytes). The bytes written are those of
 * fflate's `zipSync` over the same entries and options (tests/render/epub-zip.test.ts compares the two):
 * its local headers, central directory and end record, its DOS time from `mtime` in local time, its
 * `deflateSync` at the entry's level.
 */
import { crc32 } from 'node:zlib';
import { deflateSync, strToU8 } from 'fflate';
import { rememberedTable } from '../../util/memo.js';

/** An entry of the zip: its name, its bytes, stored (level 0) or deflated at level 6. */
export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
  level: 0 | 6;
}

/** An entry's bytes as the zip holds them, with the bytes they were made of (checked when looked up). */
interface Packed {
  bytes: Uint8Array;
  crc: number;
  data: Uint8Array;
}

/** Deflated entries by name, level, length and CRC (the bytes compared too), in this process only. */
const packedEntries = rememberedTable<Packed>(400, { name: 'epub-entries' });

const sameBytes = (a: Uint8Array, b: Uint8Array) =>
  a === b ||
  (a.length === b.length &&
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength)));

/** An entry's CRC and zip data (deflated unless stored), remembered. */
function pack(entry: ZipEntry): Packed {
  const crc = crc32(entry.bytes) >>> 0;
  const key = `${entry.level}\u0000${entry.bytes.length}\u0000${crc}\u0000${entry.name}`;
  const known = packedEntries.get(key);
  if (known && sameBytes(known.bytes, entry.bytes)) return known;
  const data = entry.level ? deflateSync(entry.bytes, { level: entry.level }) : entry.bytes;
  const packed = { bytes: entry.bytes, crc, data };
  packedEntries.set(key, packed);
  return packed;
}

/** Little-endian bytes of `v` from `at`, as fflate writes them (no bytes for 0: the buffer is zeroed). */
function put(d: Uint8Array, at: number, v: number): void {
  for (; v; ++at) {
    d[at] = v;
    v >>>= 8;
  }
}

/** The DOS date and time of `mtime` (local time), as a zip header holds them. */
function dosTime(mtime: Date): number {
  const y = mtime.getFullYear() - 1980;
  if (y < 0 || y > 119) throw new RangeError('a zip date must be between 1980 and 2099');
  return (
    (y << 25) |
    ((mtime.getMonth() + 1) << 21) |
    (mtime.getDate() << 16) |
    (mtime.getHours() << 11) |
    (mtime.getMinutes() << 5) |
    (mtime.getSeconds() >> 1)
  );
}

interface Placed extends Packed {
  name: Uint8Array;
  utf8: boolean;
  size: number;
  method: 0 | 8;
  offset: number;
}

/** A local header (`central` undefined) or a central directory record; returns where it ends. */
function header(d: Uint8Array, at: number, f: Placed, time: number, central?: number): number {
  put(d, at, central === undefined ? 0x4034b50 : 0x2014b50);
  at += 4;
  if (central !== undefined) {
    d[at++] = 20;
    d[at++] = 0;
  }
  d[at] = 20;
  at += 2;
  d[at++] = 0;
  d[at++] = f.utf8 ? 8 : 0;
  d[at++] = f.method;
  d[at++] = 0;
  put(d, at, time);
  at += 4;
  put(d, at, f.crc);
  put(d, at + 4, f.data.length);
  put(d, at + 8, f.size);
  put(d, at + 12, f.name.length);
  at += 16;
  if (central !== undefined) {
    put(d, at + 10, central);
    at += 14;
  }
  d.set(f.name, at);
  return at + f.name.length;
}

/** The zip of `entries`, in their order, every entry dated `mtime`. */
export function zipEntries(entries: readonly ZipEntry[], mtime: Date): Uint8Array {
  const time = dosTime(mtime);
  const placed: Placed[] = [];
  let offset = 0;
  let total = 0;
  for (const entry of entries) {
    const name = strToU8(entry.name);
    if (name.length > 65535) throw new RangeError('a zip entry name is too long');
    const packed = pack(entry);
    const f: Placed = {
      ...packed,
      name,
      utf8: name.length !== entry.name.length,
      size: entry.bytes.length,
      method: entry.level ? 8 : 0,
      offset,
    };
    placed.push(f);
    offset += 30 + name.length + f.data.length;
    total += 76 + 2 * name.length + f.data.length;
  }
  const out = new Uint8Array(total + 22);
  const directory = offset;
  let at = offset;
  for (const f of placed) {
    out.set(f.data, header(out, f.offset, f, time));
    at = header(out, at, f, time, f.offset);
  }
  put(out, at, 0x6054b50);
  put(out, at + 8, placed.length);
  put(out, at + 10, placed.length);
  put(out, at + 12, total - directory);
  put(out, at + 16, directory);
  return out;
}
