/**
 * Edit → PDF in a session (what `quire watch` keeps between builds): the browser and its page are kept, an
 * edit changes only what it changed in the laid-out page, and the PDF is the one a cold build of the same
 * content makes — text, page references, outline, links and tags.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
  PDFHexString,
  decodePDFRawStream,
} from 'pdf-lib';
import type { PDFObject } from 'pdf-lib';
import { build, type BuildResult, type BuildSession } from '../../src/pipeline/build.js';
import { BuildCache } from '../../src/pipeline/cache.js';
import { CONTENT, SEEDS } from '../support/content.js';
import { contentsEntries, pdfText } from '../support/inspect.js';

const folders: string[] = [];
const copy = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'quire-edit-pdf-'));
  folders.push(dir);
  cpSync(CONTENT, dir, { recursive: true });
  return dir;
};
const pdfOf = (out: string) =>
  path.join(
    out,
    readdirSync(out).find((n) => n.endsWith('.pdf'))!,
  );
const pageCount = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
const edit = (dir: string, from: string, to: string) => {
  const file = path.join(dir, SEEDS.later);
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
};

/** Each part of `structure` compared on its own, so that a failure names the part that differs. */
async function expectSameStructure(file: string, cold: string) {
  const [a, b] = [await structure(file), await structure(cold)];
  expect(a.pages, 'pages').toBe(b.pages);
  expect(a.outline.join('\n'), 'outline').toBe(b.outline.join('\n'));
  expect(a.links.join('\n'), 'links').toBe(b.links.join('\n'));
  expect(a.tags.join('\n'), 'tags').toBe(b.tags.join('\n'));
  expect(a.marked.join('\n'), 'marked content').toBe(b.marked.join('\n'));
}

/** What a reader's tools show of a PDF besides its text: outline, links, tags (each with its page). */
async function structure(file: string) {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const pageOf = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const text = (o: PDFObject | undefined) =>
    o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : String(o ?? '');
  const look = (o: PDFObject | undefined) => (o instanceof PDFRef ? doc.context.lookup(o) : o);
  const destPage = (dest: PDFObject | undefined): number | string => {
    const d = look(dest);
    const array = d instanceof PDFDict ? look(d.get(PDFName.of('D'))) : d;
    if (array instanceof PDFArray) return pageOf.get(String(array.get(0))) ?? '?';
    return text(d);
  };
  const outline: string[] = [];
  const walkOutline = (item: PDFObject | undefined, depth: number) => {
    for (let node = look(item); node instanceof PDFDict; node = look(node.get(PDFName.of('Next')))) {
      const action = look(node.get(PDFName.of('A')));
      const dest =
        node.get(PDFName.of('Dest')) ?? (action instanceof PDFDict ? action.get(PDFName.of('D')) : undefined);
      outline.push(`${'  '.repeat(depth)}${text(node.get(PDFName.of('Title')))} → ${destPage(dest)}`);
      walkOutline(node.get(PDFName.of('First')), depth + 1);
    }
  };
  const root = look(doc.catalog.get(PDFName.of('Outlines')));
  if (root instanceof PDFDict) walkOutline(root.get(PDFName.of('First')), 0);
  const links = doc.getPages().map((p, i) => {
    const annots = look(p.node.get(PDFName.of('Annots')));
    if (!(annots instanceof PDFArray)) return `${i + 1}:`;
    const targets = annots.asArray().map((a) => {
      const annot = look(a) as PDFDict;
      const action = look(annot.get(PDFName.of('A')));
      const uri = action instanceof PDFDict ? text(action.get(PDFName.of('URI'))) : '';
      return uri || String(destPage(annot.get(PDFName.of('Dest'))));
    });
    // A link that wraps over two lines is two annotations to one target: compare the targets a reader can reach.
    return `${i + 1}: ${[...new Set(targets)].sort().join(' ')}`;
  });
  // The structure tree, depth first: each element's type and page, and its kids' marked content (page and
  // id) and links (page), as a screen reader walks it.
  const annotPage = new Map<string, number>();
  doc.getPages().forEach((p, i) => {
    const annots = look(p.node.get(PDFName.of('Annots')));
    if (annots instanceof PDFArray) annots.asArray().forEach((a) => annotPage.set(String(a), i + 1));
  });
  const tags: string[] = [];
  const elementOf = new Map<string, string>();
  const walkTags = (node: PDFObject | undefined, depth: number, ref?: PDFObject) => {
    const el = look(node);
    if (el instanceof PDFArray) return el.asArray().forEach((k) => walkTags(k, depth, k));
    if (!(el instanceof PDFDict)) return;
    const type = el.get(PDFName.of('S'));
    const page = pageOf.get(String(el.get(PDFName.of('Pg'))));
    const k = el.get(PDFName.of('K'));
    const kids = k instanceof PDFArray ? k.asArray() : k === undefined ? [] : [k];
    const content = kids.flatMap((kid) => {
      const v = look(kid);
      if (v instanceof PDFNumber) return [`${page}.${v.asNumber()}`];
      if (!(v instanceof PDFDict) || v.get(PDFName.of('S'))) return [];
      if (v.get(PDFName.of('Type')) === PDFName.of('OBJR'))
        return [`a${annotPage.get(String(v.get(PDFName.of('Obj'))))}`];
      const mcrPage = pageOf.get(String(v.get(PDFName.of('Pg')) ?? el.get(PDFName.of('Pg'))));
      return [`${mcrPage}.${String(v.get(PDFName.of('MCID')))}`];
    });
    if (type) {
      // As for links: a link cut where a page or line ends may be two annotations, to one target.
      const seen = content.filter((c, i) => !c.startsWith('a') || c !== content[i - 1]);
      tags.push(`${'  '.repeat(depth)}${String(type)} p${page ?? '-'} ${seen.join(' ')}`);
      if (ref instanceof PDFRef) elementOf.set(String(ref), `${String(type)}#${tags.length}`);
    }
    kids.forEach((kid) => walkTags(kid, depth + 1, kid));
  };
  const treeRoot = look(doc.catalog.get(PDFName.of('StructTreeRoot')));
  walkTags(treeRoot, 0);
  // Each page's marked content, by id, with the element the parent tree gives it (what a reader looks up).
  const parents = new Map<number, PDFObject>();
  const nums = (node: PDFObject | undefined) => {
    const d = look(node);
    if (!(d instanceof PDFDict)) return;
    const list = look(d.get(PDFName.of('Nums')));
    if (list instanceof PDFArray)
      for (let i = 0; i + 1 < list.size(); i += 2) parents.set(Number(String(list.get(i))), list.get(i + 1));
    const kids = look(d.get(PDFName.of('Kids')));
    if (kids instanceof PDFArray) kids.asArray().forEach(nums);
  };
  if (treeRoot instanceof PDFDict) nums(treeRoot.get(PDFName.of('ParentTree')));
  const marked = doc.getPages().map((p, i) => {
    const contents = look(p.node.get(PDFName.of('Contents')));
    const streams = contents instanceof PDFArray ? contents.asArray().map(look) : [contents];
    const text = streams
      .map((st) => (st instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(st).decode()).toString('latin1') : ''))
      .join('\n');
    const ids = [...text.matchAll(/\/MCID (\d+)/g)].map((m) => Number(m[1]));
    const owners = look(parents.get(Number(String(p.node.get(PDFName.of('StructParents'))))));
    const owner = (id: number) => (owners instanceof PDFArray ? elementOf.get(String(owners.get(id))) : undefined);
    return `${i + 1}: ${ids.map((id) => `${id}→${owner(id) ?? '?'}`).join(' ')}`;
  });
  return { pages: doc.getPageCount(), outline, links, tags, marked };
}

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('edit → PDF in a session', () => {
  const dir = copy();
  const out = path.join(dir, 'out');
  const session: BuildSession = { cache: new BuildCache(path.join(out, '.quire-cache')) };
  const run = async () => {
    await session.cache.settle();
    return build({ contentDir: dir, outDir: out, progress: 'silent', session, formats: ['pdf'] });
  };
  /** A cold build, in a process of its own's way: no session, no cache, a fresh folder. */
  const cold = async (change: (dir: string) => void) => {
    const fresh = copy();
    change(fresh);
    await build({
      contentDir: fresh,
      outDir: path.join(fresh, 'out'),
      progress: 'silent',
      cacheDir: false,
      formats: ['pdf'],
    });
    return pdfOf(path.join(fresh, 'out'));
  };
  afterAll(async () => {
    await session.browsers?.close();
    await session.cache.settle();
  });

  let first: BuildResult;
  it('the first build starts Chromium and loads the book into its page', async () => {
    first = await run();
    expect(first.stages.browser).toBeDefined();
    expect(first.stages['pdf-loaded']).toBeGreaterThanOrEqual(1);
  }, 240_000);

  const small = (d: string) => edit(d, 'annulling all mutual claims', 'annulling every mutual claim');
  it('an edit reuses the browser and its page, and changes only the edited part of the page', async () => {
    const browser = session.browsers!.browser;
    const page = session.browsers!.print!.page;
    small(dir);
    const second = await run();
    expect(second.stages.browser).toBeUndefined();
    expect(session.browsers!.browser).toBe(browser);
    expect(session.browsers!.print!.page).toBe(page);
    expect(second.stages['pdf-loaded']).toBeUndefined();
    expect(second.stages['pdf-patched']).toBeGreaterThanOrEqual(1);
    // The edit moves no page: only the pages around it print again, into the last PDF.
    expect(second.stages['pdf-reprinted']).toBeGreaterThan(0);
    expect(second.stages['pdf-reprinted']).toBeLessThan(pageCount(pdfOf(out)));
    expect(second.stages['pdf-print']).toBeUndefined();
    expect(pdfText(pdfOf(out))).toContain('annulling every mutual claim');
  }, 240_000);

  it('the PDF after the edit is the one a cold build makes: text, page references, outline, links, tags', async () => {
    const coldPdf = await cold(small);
    expect(pdfText(pdfOf(out))).toBe(pdfText(coldPdf));
    await expectSameStructure(pdfOf(out), coldPdf);
    expect(contentsEntries(pdfOf(out)).every((e) => e.found)).toBe(true);
  }, 240_000);

  // Another paragraph, in another chapter: printed again into the file that was printed again.
  const other = (d: string) => edit(d, 'In 1925, Germany broke', 'In 1925, Germany finally broke');
  it('a second edit prints again into the PDF the first one made, and is still a cold build', async () => {
    other(dir);
    const next = await run();
    expect(next.stages['pdf-reprinted']).toBeGreaterThan(0);
    expect(next.stages['pdf-print']).toBeUndefined();
    const coldPdf = await cold((d) => (small(d), other(d)));
    expect(pdfText(pdfOf(out))).toContain('Germany finally broke');
    expect(pdfText(pdfOf(out))).toBe(pdfText(coldPdf));
    await expectSameStructure(pdfOf(out), coldPdf);
    expect(contentsEntries(pdfOf(out)).every((e) => e.found)).toBe(true);
  }, 240_000);

  // A heading's text is a bookmark's title, which a print of some pages cannot give: the whole book prints.
  const heading = (d: string) => edit(d, '===Plans for Poland===', '===Plans for a partition of Poland===');
  it('an edit of a heading prints the whole book, with the new bookmark', async () => {
    heading(dir);
    const next = await run();
    expect(next.stages['pdf-reprinted']).toBeUndefined();
    expect(next.stages['pdf-print']).toBeDefined();
    const coldPdf = await cold((d) => (small(d), other(d), heading(d)));
    const { outline } = await structure(pdfOf(out));
    expect(outline.some((line) => line.includes('Plans for a partition of Poland'))).toBe(true);
    expect(pdfText(pdfOf(out))).toBe(pdfText(coldPdf));
    await expectSameStructure(pdfOf(out), coldPdf);
  }, 240_000);

  // Two long paragraphs: the pages after them move, and so do the page references.
  const more = (d: string) => {
    const sentence = 'The treaty was read aloud in both capitals, and each side printed its own commentary. ';
    edit(
      d,
      'annulling every mutual claim',
      `annulling every mutual claim. ${sentence.repeat(40)}\n\n${sentence.repeat(40)}`,
    );
  };
  it('an edit that moves pages gives the same PDF as a cold build too', async () => {
    const before = contentsEntries(pdfOf(out));
    more(dir);
    const third = await run();
    expect(third.stages.browser).toBeUndefined();
    // Neither the print page nor the page that measures the chapters (opened by the second build) loads.
    expect(third.stages['pdf-loaded']).toBeUndefined();
    expect(third.stages['pdf-measure-loaded']).toBeUndefined();
    expect(third.stages['pdf-measure-patched']).toBe(1);
    // Pages moved: the whole book printed again.
    expect(third.stages['pdf-print']).toBeDefined();
    const after = contentsEntries(pdfOf(out));
    expect(after.map((e) => e.page)).not.toEqual(before.map((e) => e.page));
    expect(after.every((e) => e.found)).toBe(true);
    const coldPdf = await cold((d) => (small(d), other(d), heading(d), more(d)));
    expect(pdfText(pdfOf(out))).toBe(pdfText(coldPdf));
    await expectSameStructure(pdfOf(out), coldPdf);
  }, 300_000);
});
