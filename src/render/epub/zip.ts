/**
 * The EPUB's zip container, written from entries Node's zlib deflated (native code, two to three times
 * faster than fflate's deflate in JavaScript) and remembered per content: a watch session's edit deflates
 * the few documents it changed, not the whole book again.
 *
 * Why not a zip library: fflate's `zipSync` deflates every entry at every call and takes no deflated data;
 * its streaming `Zip` takes deflated data only behind a data descriptor (sizes after the data), which the
 * EPUB's `mimetype` entry must not have for the readers that check its first bytes; zip.js takes deflated
 * data (`passThrough`), but measured 22–29 ms to write the seed guide's 26 headers through its streams,
 * more than deflating them. The format written here is the plain one of PKWARE's APPNOTE: a local header
 * with the CRC and both sizes before each entry's data, a central directory, and its end record; no
 * extra fields, no data descriptors, no ZIP64 (an EPUB is far below its limits, refused beyond them).
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { rememberedTable } from '../../util/memo.js';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** Stored as it is (a compressed image or font, the `mimetype`) instead of deflated. */
  store?: boolean;
}

/** What the container holds of one entry: its method, its CRC, its size and its bytes as written. */
interface Packed {
  raw: Uint8Array;
  method: 0 | 8;
  crc: number;
  packed: Uint8Array;
}

/**
 * Deflated entries by their bytes (length and CRC in the key, the bytes themselves compared when looked
 * up): an edited guide's unchanged documents are not deflated again. A few builds' worth of a large book.
 */
const deflated = rememberedTable<Packed>(400, { name: 'epub-deflate' });

/** Deflate level 6: level 9 takes a third longer for ~0.05 % smaller text. */
const LEVEL = 6;

/** The same bytes as a Buffer, not copied. */
const bytesOf = (a: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

function pack(entry: ZipEntry): Packed {
  const crc = crc32(entry.data);
  if (entry.store) return { raw: entry.data, method: 0, crc, packed: entry.data };
  const key = `${entry.data.length}:${crc}`;
  const known = deflated.get(key);
  if (known && bytesOf(known.raw).equals(entry.data)) return known;
  const packed: Packed = { raw: entry.data, method: 8, crc, packed: deflateRawSync(entry.data, { level: LEVEL }) };
  deflated.set(key, packed);
  return packed;
}

/** MS-DOS date and time of `date` read in UTC, so that a book's bytes do not depend on the time zone. */
function dosDateTime(date: Date): { day: number; time: number } {
  const year = date.getUTCFullYear() - 1980;
  if (year < 0 || year > 127) throw new RangeError(`zip dates run from 1980 to 2107, not ${date.toISOString()}`);
  return {
    day: (year << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
  };
}

const LIMIT = 0xffff_ffff;

/** The entries, in the order given, as one zip file; every entry dated `mtime`. */
export function writeZip(entries: readonly ZipEntry[], mtime: Date): Uint8Array {
  if (entries.length > 0xffff) throw new RangeError(`a zip without ZIP64 holds 65,535 entries, not ${entries.length}`);
  const { day, time } = dosDateTime(mtime);
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const { method, crc, raw, packed } = pack(entry);
    // Bit 11: the name is UTF-8 (set only when it is not plain ASCII, as most tools write it).
    const flags = name.length === entry.name.length ? 0 : 0x0800;
    if (offset > LIMIT || packed.length > LIMIT || raw.length > LIMIT)
      throw new RangeError(`zip entry "${entry.name}" lies beyond 4 GB: too large for an EPUB`);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed to extract: 2.0 (deflate)
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // no extra field
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
    local.copy(record, 6, 4, 30); // version needed … extra length: as in the local header
    // Comment length, disk number, internal and external attributes: 0.
    record.writeUInt32LE(offset, 42);
    parts.push(local, name, packed);
    central.push(record, name);
    offset += local.length + name.length + packed.length;
  }
  const size = central.reduce((sum, b) => sum + b.length, 0);
  if (offset > LIMIT || size > LIMIT) throw new RangeError('zip beyond 4 GB: too large for an EPUB');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}
