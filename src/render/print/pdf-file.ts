/**
 * What the PDF passes need from Chromium's PDF, without parsing all of it, and its metadata set by an
 * incremental update instead of writing the whole file again.
 *
 * A tagged book is thousands of objects (the structure tree); pdf-lib's `load` parses every one and its
 * `save` writes every one, which together cost about as much as a fifth of Chromium's own print. But the
 * passes need only the page tree and /Dests, and the metadata is one dictionary. Chromium (Skia) writes
 * a classic cross-reference table, so those objects are found by their offsets and parsed alone (with
 * pdf-lib's object parser); the new document information dictionary and catalog are appended with a
 * cross-reference section of their own (ISO 32000-1, 7.5.6, "Incremental updates"), written by pdf-lib's
 * writers. The original bytes are kept as they are.
 *
 * Anything else (a cross-reference stream, an earlier update, an object not where the table says) gives
 * `undefined`, and the caller falls back to pdf-lib's full load and save.
 */
import {
  PDFArray,
  PDFContext,
  PDFCrossRefSection,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectParser,
  PDFRef,
  PDFString,
  PDFTrailer,
  PDFTrailerDict,
  PDFBool,
  PDFRawStream,
  type PDFObject,
} from 'pdf-lib';

export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  language: string;
  creator: string;
  producer: string;
  date: Date;
}

const xml = (text: string) =>
  text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/**
 * The XMP metadata PDF/UA asks for (ISO 14289-1, 5: the pdfuaid:part identifier; 7.1: dc:title), with the
 * rest of the document information repeated, as XMP readers expect it to match.
 */
export function xmpOf(info: PdfInfo): string {
  const date = info.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <pdfuaid:part>1</pdfuaid:part>
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${xml(info.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>${xml(info.language)}</rdf:li></rdf:Bag></dc:language>
   <pdf:Keywords>${xml(info.keywords.join(' '))}</pdf:Keywords>
   <pdf:Producer>${xml(info.producer)}</pdf:Producer>
   <xmp:CreatorTool>${xml(info.creator)}</xmp:CreatorTool>
   <xmp:CreateDate>${date}</xmp:CreateDate>
   <xmp:ModifyDate>${date}</xmp:ModifyDate>
   <xmp:MetadataDate>${date}</xmp:MetadataDate>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/** Bytes `start`–`end` as text, clamped to the file (an offset past the end gives ''). */
const latin1 = (bytes: Uint8Array, start: number, end: number) => {
  const from = Math.min(Math.max(0, start), bytes.length);
  return Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.max(0, Math.min(end, bytes.length) - from)).toString(
    'latin1',
  );
};

export class ChromiumPdf {
  private readonly context = PDFContext.create();
  private readonly parsed = new Map<string, PDFObject>();

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly offsets: Map<number, { offset: number; generation: number }>,
    private readonly trailer: PDFDict,
    private readonly xrefAt: number,
  ) {}

  /** The file, if it has one classic cross-reference table and no earlier update; else undefined. */
  static open(bytes: Uint8Array): ChromiumPdf | undefined {
    const tail = latin1(bytes, Math.max(0, bytes.length - 64), bytes.length);
    const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
    if (!start) return undefined;
    const xrefAt = Number(start[1]);
    if (xrefAt >= bytes.length || latin1(bytes, xrefAt, xrefAt + 4) !== 'xref') return undefined;
    const offsets = new Map<number, { offset: number; generation: number }>();
    // Subsections: a line "first count", then `count` entries of exactly 20 bytes ("oooooooooo ggggg n\r\n").
    let at = xrefAt + 4;
    const line = /\s*(\d+) (\d+)[ \t]*\r?\n/y;
    const text = latin1(bytes, at, bytes.length);
    let cursor = 0;
    for (;;) {
      line.lastIndex = cursor;
      const sub = line.exec(text);
      if (!sub) break;
      const first = Number(sub[1]);
      const count = Number(sub[2]);
      cursor = line.lastIndex;
      for (let i = 0; i < count; i++) {
        const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(text.slice(cursor, cursor + 20));
        if (!entry) return undefined;
        if (entry[3] === 'n') offsets.set(first + i, { offset: Number(entry[1]), generation: Number(entry[2]) });
        cursor += 20;
      }
    }
    const trailerAt = /^\s*trailer\s*/.exec(text.slice(cursor, cursor + 32));
    if (!trailerAt) return undefined;
    at += cursor + trailerAt[0].length;
    let trailer: PDFObject;
    try {
      trailer = PDFObjectParser.forBytes(bytes.subarray(at), PDFContext.create()).parseObject();
    } catch {
      return undefined;
    }
    // Not Chromium's own file: an earlier update, a hybrid file (objects in streams the table does not
    // list), an encrypted one (strings would need encrypting), or no catalog.
    if (!(trailer instanceof PDFDict)) return undefined;
    const refused = ['Prev', 'XRefStm', 'Encrypt'].some((key) => trailer.has(PDFName.of(key)));
    if (refused || !(trailer.get(PDFName.of('Root')) instanceof PDFRef)) return undefined;
    return new ChromiumPdf(bytes, offsets, trailer, xrefAt);
  }

  /** The object a reference points to, parsed from its offset (undefined if it is not there). */
  object(ref: PDFObject | undefined): PDFObject | undefined {
    if (!(ref instanceof PDFRef)) return ref;
    const key = ref.toString();
    if (this.parsed.has(key)) return this.parsed.get(key);
    const entry = this.offsets.get(ref.objectNumber);
    if (!entry || entry.generation !== ref.generationNumber) return undefined;
    const header = new RegExp(`^${ref.objectNumber}\\s+${ref.generationNumber}\\s+obj\\b\\s*`).exec(
      latin1(this.bytes, entry.offset, entry.offset + 40),
    );
    if (!header) return undefined;
    let value: PDFObject | undefined;
    try {
      value = this.parseAt(entry.offset + header[0].length, this.endOf(entry.offset));
    } catch {
      value = undefined;
    }
    if (value) this.parsed.set(key, value);
    return value;
  }

  /** Where the object at `offset` ends at the latest: the next object's offset, or the table's. */
  private endOf(offset: number): number {
    this.starts ??= [...this.offsets.values()].map((e) => e.offset).sort((a, b) => a - b);
    let [lo, hi] = [0, this.starts.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(this.starts[lo] ?? this.xrefAt, this.xrefAt);
  }

  private starts?: number[];

  /**
   * The object between `start` and `end`. A stream whose /Length is a reference (as Skia writes them) is cut
   * at that length: pdf-lib's parser would otherwise look for "endstream" byte by byte.
   */
  private parseAt(start: number, end: number): PDFObject {
    const bytes = this.bytes.subarray(start, end);
    const stream = /(>>\s*)stream\r?\n/.exec(latin1(bytes, 0, Math.min(bytes.length, 4096)));
    if (stream) {
      const dict = PDFObjectParser.forBytes(
        bytes.subarray(0, stream.index + stream[1]!.length),
        this.context,
      ).parseObject();
      const length = dict instanceof PDFDict ? this.object(dict.get(PDFName.of('Length'))) : undefined;
      if (dict instanceof PDFDict && length instanceof PDFNumber) {
        const from = stream.index + stream[0].length;
        return PDFRawStream.of(dict, bytes.subarray(from, from + length.asNumber()));
      }
    }
    return PDFObjectParser.forBytes(bytes, this.context).parseObject();
  }

  private dict(ref: PDFObject | undefined): PDFDict | undefined {
    const value = this.object(ref);
    return value instanceof PDFDict ? value : undefined;
  }

  /** The number the next new object may take (past the table and the trailer's /Size). */
  get size(): number {
    const declared = this.trailer.get(PDFName.of('Size'));
    return Math.max(declared instanceof PDFNumber ? declared.asNumber() : 0, Math.max(0, ...this.offsets.keys()) + 1);
  }

  get rootRef(): PDFRef {
    return this.trailer.get(PDFName.of('Root')) as PDFRef;
  }

  /** The pages, in order (the page tree's leaves); undefined if the tree cannot be read. */
  pages(): PDFRef[] | undefined {
    const out: PDFRef[] = [];
    const seen = new Set<string>();
    const walk = (ref: PDFObject | undefined, depth: number): boolean => {
      if (!(ref instanceof PDFRef) || seen.has(ref.toString()) || depth > 64) return false;
      seen.add(ref.toString());
      const node = this.dict(ref);
      if (!node) return false;
      const type = node.get(PDFName.of('Type'));
      if (type === PDFName.of('Page')) {
        out.push(ref);
        return true;
      }
      const kids = this.object(node.get(PDFName.of('Kids')));
      if (type !== PDFName.of('Pages') || !(kids instanceof PDFArray)) return false;
      for (let i = 0; i < kids.size(); i++) if (!walk(kids.get(i), depth + 1)) return false;
      return true;
    };
    const catalog = this.dict(this.rootRef);
    return catalog && walk(catalog.get(PDFName.of('Pages')), 0) ? out : undefined;
  }

  /** The page (1-based) of every named destination in /Dests; undefined if the pages cannot be read. */
  destinations(): { pages: number; destinations: Map<string, number> } | undefined {
    const pages = this.pages();
    if (!pages) return undefined;
    const pageOf = new Map(pages.map((p, i) => [p.toString(), i + 1]));
    const destinations = new Map<string, number>();
    const named = this.dict(this.rootRef)?.get(PDFName.of('Dests'));
    if (named !== undefined) {
      // Every destination is read, or none: a partial map would give wrong page numbers silently.
      const dests = this.dict(named);
      if (!dests) return undefined;
      for (const [key, value] of dests.entries()) {
        let target = this.object(value);
        if (target instanceof PDFDict) target = this.object(target.get(PDFName.of('D')));
        if (!(target instanceof PDFArray)) return undefined;
        const page = target.get(0);
        const number = page instanceof PDFRef ? pageOf.get(page.toString()) : undefined;
        if (number) destinations.set(key.decodeText(), number);
      }
    }
    return { pages: pages.length, destinations };
  }

  /**
   * The file with its document information (title, author, subject, keywords, creator, producer, dates), its
   * XMP metadata (PDF/UA identifier) and the catalog's language and DisplayDocTitle set, as an incremental
   * update; undefined if the catalog cannot be updated here. `extra`: other objects the update writes (by
   * object number, generation 0: new ones, or ones that replace the file's), never the catalog.
   */
  withInfo(info: PdfInfo, extra: ReadonlyMap<number, PDFObject> = new Map()): Uint8Array | undefined {
    const catalog = this.dict(this.rootRef);
    if (!catalog) return undefined;
    const context = this.context;
    // Never below the table's own highest object number + 1: a new object must not take an existing number.
    if (extra.has(this.rootRef.objectNumber)) return undefined;
    const size = Math.max(this.size, Math.max(0, ...extra.keys()) + 1);
    const oldInfo = this.trailer.get(PDFName.of('Info'));
    const infoRef = oldInfo instanceof PDFRef ? oldInfo : PDFRef.of(size);
    const infoDict = context.obj({});
    infoDict.set(PDFName.of('Title'), PDFHexString.fromText(info.title));
    infoDict.set(PDFName.of('Author'), PDFHexString.fromText(info.author));
    infoDict.set(PDFName.of('Subject'), PDFHexString.fromText(info.subject));
    infoDict.set(PDFName.of('Keywords'), PDFHexString.fromText(info.keywords.join(' ')));
    infoDict.set(PDFName.of('Creator'), PDFHexString.fromText(info.creator));
    infoDict.set(PDFName.of('Producer'), PDFHexString.fromText(info.producer));
    infoDict.set(PDFName.of('CreationDate'), PDFString.fromDate(info.date));
    infoDict.set(PDFName.of('ModDate'), PDFString.fromDate(info.date));

    // The XMP metadata (PDF/UA), and the catalog again pointing to it, with the language and "show the
    // title, not the file name" (Chromium usually sets both already).
    const prefs = catalog.get(PDFName.of('ViewerPreferences'));
    if (prefs !== undefined && !(prefs instanceof PDFDict)) return undefined;
    const metadataRef = PDFRef.of(Math.max(size, infoRef.objectNumber + 1));
    const metadata = context.stream(Buffer.from(xmpOf(info), 'utf8'), { Type: 'Metadata', Subtype: 'XML' });
    const updated = catalog.clone(context);
    updated.set(PDFName.of('Lang'), PDFString.of(info.language));
    const viewer = prefs ? prefs.clone(context) : context.obj({});
    viewer.set(PDFName.of('DisplayDocTitle'), PDFBool.True);
    updated.set(PDFName.of('ViewerPreferences'), viewer);
    updated.set(PDFName.of('Metadata'), metadataRef);
    const objects: [PDFRef, PDFObject][] = [
      [infoRef, infoDict],
      [metadataRef, metadata],
      [this.rootRef, updated],
      ...[...extra].map(([n, object]): [PDFRef, PDFObject] => [PDFRef.of(n), object]),
    ];

    const chunks: Uint8Array[] = [];
    let length = this.bytes.length;
    const push = (chunk: Uint8Array) => {
      chunks.push(chunk);
      length += chunk.length;
    };
    const serialised = (object: {
      sizeInBytes(): number;
      copyBytesInto(buffer: Uint8Array, offset: number): number;
    }) => {
      const buffer = new Uint8Array(object.sizeInBytes());
      object.copyBytesInto(buffer, 0);
      return buffer;
    };
    const ascii = (text: string) => Buffer.from(text, 'latin1');
    if (this.bytes[this.bytes.length - 1] !== 0x0a) push(ascii('\n'));
    const xref = PDFCrossRefSection.createEmpty();
    for (const [ref, object] of [...objects].sort((a, b) => a[0].objectNumber - b[0].objectNumber)) {
      xref.addEntry(ref, length);
      push(ascii(`${ref.objectNumber} ${ref.generationNumber} obj\n`));
      push(serialised(object));
      push(ascii('\nendobj\n'));
    }
    const xrefOffset = length;
    push(serialised(xref));
    const trailer = context.obj({});
    trailer.set(PDFName.of('Size'), PDFNumber.of(metadataRef.objectNumber + 1));
    trailer.set(PDFName.of('Root'), this.rootRef);
    trailer.set(PDFName.of('Info'), infoRef);
    trailer.set(PDFName.of('Prev'), PDFNumber.of(this.xrefAt));
    const id = this.trailer.get(PDFName.of('ID'));
    if (id) trailer.set(PDFName.of('ID'), id);
    push(serialised(PDFTrailerDict.of(trailer)));
    push(ascii('\n'));
    push(serialised(PDFTrailer.forLastCrossRefSectionOffset(xrefOffset)));
    return Buffer.concat([this.bytes, ...chunks]);
  }
}
