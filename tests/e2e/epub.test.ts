import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import puppeteer, { type Browser } from 'puppeteer';
import { build } from '../../src/pipeline/build.js';
import { findChromium } from '../../src/render/print/chromium.js';
import { CONTENT } from '../support/content.js';
import { epubcheck } from '../support/inspect.js';

const require = createRequire(import.meta.url);
const BASE = 'germany-soviet-union-relations-1918-1941';

describe('the EPUB', () => {
  const first = mkdtempSync(path.join(tmpdir(), 'quire-epub-a-'));
  const second = mkdtempSync(path.join(tmpdir(), 'quire-epub-b-'));
  let files: Record<string, string>;
  let bytes: Buffer;
  let chapters: string[];

  beforeAll(async () => {
    const result = await build({ contentDir: CONTENT, outDir: first, formats: ['epub'], progress: 'silent' });
    chapters = result.book.chapters.map((c) => c.title);
    await build({ contentDir: CONTENT, outDir: second, formats: ['epub'], progress: 'silent' });
    bytes = readFileSync(path.join(first, `${BASE}.epub`));
    files = Object.fromEntries(
      Object.entries(unzipSync(bytes))
        .filter(([n]) => !n.endsWith('/') && !/\.(png|svg)$/.test(n))
        .map(([n, d]) => [n, strFromU8(d)]),
    );
  });

  it('passes epubcheck with no errors and no warnings', () => {
    const check = epubcheck(path.join(first, `${BASE}.epub`));
    expect(check.fatals + check.errors + check.warnings, check.output).toBe(0);
  });

  it('is byte-identical when built twice from the same content', () => {
    expect(readFileSync(path.join(second, `${BASE}.epub`)).equals(bytes)).toBe(true);
  });

  it('starts with the mimetype entry stored, and deflates the text documents', () => {
    // The zip's local file headers, in order (fflate writes sizes in them, no data descriptors).
    const entries: { name: string; method: number; packed: number; size: number }[] = [];
    for (let at = 0; bytes.readUInt32LE(at) === 0x04034b50;) {
      const packed = bytes.readUInt32LE(at + 18);
      const nameLength = bytes.readUInt16LE(at + 26);
      const name = bytes.toString('utf8', at + 30, at + 30 + nameLength);
      entries.push({ name, method: bytes.readUInt16LE(at + 8), packed, size: bytes.readUInt32LE(at + 22) });
      at += 30 + nameLength + bytes.readUInt16LE(at + 28) + packed;
    }
    expect(entries[0]).toMatchObject({ name: 'mimetype', method: 0 });
    expect(entries.length).toBe(Object.keys(unzipSync(bytes)).length);
    const documents = entries.filter((e) => /\.(xhtml|opf|ncx|css)$/.test(e.name));
    expect(documents.length).toBeGreaterThan(chapters.length);
    for (const doc of documents) expect(doc.method, doc.name).toBe(8);
    // Compressed formats are stored as they are: the cover image.
    expect(entries.find((e) => e.name.endsWith('cover.png'))).toMatchObject({ method: 0 });
    const total = (key: 'packed' | 'size') => documents.reduce((sum, e) => sum + e[key], 0);
    expect(total('packed')).toBeLessThan(total('size') / 3);
  });

  it('carries the language, a stable identifier, the edition date and the metadata a library needs', () => {
    const opf = files['OEBPS/content.opf']!;
    expect(opf).toContain('<dc:language>en</dc:language>');
    const uuidV5 = /[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/.source;
    expect(opf).toMatch(new RegExp(`<dc:identifier id="book-id">urn:uuid:${uuidV5}</dc:identifier>`));
    expect(opf).toContain('<meta property="dcterms:modified">2026-11-23T00:00:00Z</meta>');
    expect(opf).toContain('<dc:title id="subtitle">A study guide</dc:title>');
    expect(opf).toMatch(/<dc:rights>[^<]*CC BY-SA 4\.0/);
    expect(opf).toMatch(/<dc:source>[^<]*revision 221484835/);
    for (const property of [
      'accessMode',
      'accessModeSufficient',
      'accessibilityFeature',
      'accessibilityHazard',
      'accessibilitySummary',
    ])
      expect(opf).toContain(`property="schema:${property}"`);
    expect(opf).toContain('properties="cover-image"');
    expect(files['OEBPS/toc.ncx']).toContain(/<dc:identifier id="book-id">([^<]+)</.exec(opf)![1]);
  });

  it('has a navigation document with every chapter, its sections, and landmarks', () => {
    const nav = files['OEBPS/toc.xhtml']!;
    for (const title of chapters) expect(nav).toContain(title);
    expect(nav).toContain('href="chapter-02.xhtml#revolution-and-end-of-world-war-i"');
    for (const landmark of ['cover', 'toc', 'bodymatter', 'glossary', 'index'])
      expect(nav).toMatch(new RegExp(`<a epub:type="${landmark}" href="[^"]+"`));
  });

  it('marks the study aids with EPUB semantics: notes pop up, glossary terms, key points as asides', () => {
    const chapter = files['OEBPS/chapter-02.xhtml']!;
    expect(chapter).toMatch(/<a href="#[^"]+" role="doc-noteref"[^>]* epub:type="noteref">/);
    expect(chapter).toContain('epub:type="endnotes"');
    expect(chapter).toMatch(/<aside class="key-points"[^>]*epub:type="tip"/);
    const glossary = files['OEBPS/glossary.xhtml']!;
    expect(glossary).toContain('epub:type="glossary"');
    expect(glossary).toContain('epub:type="glossterm"');
    // Every note reference resolves to a note in the same file.
    for (const [name, text] of Object.entries(files).filter(([n]) => n.endsWith('.xhtml'))) {
      for (const m of text.matchAll(/<a href="#([^"]+)" role="doc-noteref"/g))
        expect(text, `${name}#${m[1]}`).toContain(`id="${m[1]}"`);
    }
  });

  describe('accessibility (axe-core in Chromium)', () => {
    let browser: Browser;
    const dir = mkdtempSync(path.join(tmpdir(), 'quire-epub-x-'));
    beforeAll(async () => {
      for (const [name, data] of Object.entries(unzipSync(readFileSync(path.join(first, `${BASE}.epub`))))) {
        if (name.endsWith('/')) continue;
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), data);
      }
      browser = await puppeteer.launch({
        executablePath: findChromium(),
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
    });
    afterAll(async () => browser?.close());

    it('finds no serious or critical problem in any content document', async () => {
      const docs = Object.keys(files).filter((n) => n.endsWith('.xhtml'));
      const problems: string[] = [];
      for (const name of docs) {
        const page = await browser.newPage();
        await page.goto(pathToFileURL(path.join(dir, name)).href, { waitUntil: 'load' });
        await page.addScriptTag({ path: require.resolve('axe-core') });
        const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as {
          violations: { id: string; impact: string; nodes: unknown[] }[];
        };
        for (const v of result.violations)
          if (v.impact === 'serious' || v.impact === 'critical')
            problems.push(`${name}: ${v.id} (${v.impact}, ${v.nodes.length})`);
        await page.close();
      }
      expect(problems).toEqual([]);
    });
  });
});
