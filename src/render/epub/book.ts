/** EPUB 3 through epub-gen-memory: one XHTML file per chapter, the back matter, the study aids and credits. */
import epubGen, { EPub } from 'epub-gen-memory';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import type { TemplateSet } from '../html/templates.js';
import type { View } from '../view/index.js';
import { unzipSync } from 'fflate';
import { rememberedTable } from '../../util/memo.js';
import { packageEpub, type Files } from './package.js';

// A CommonJS module: Node's ESM loader puts its exports on the default export; bundlers unwrap it.
const EPubClass = (EPub ?? (epubGen as unknown as { EPub: typeof EPub }).EPub) as typeof EPub;

/**
 * The documents epub-gen-memory made of pages (its chapters), by what each is made of: an edit converts its
 * own chapter again, not every page of the book. A page's document is a pure function of its language, title,
 * file name and content (epub-gen-memory's chapter template, run with `prependChapterTitles: false`, over
 * the content parsed, stripped of attributes it does not allow and serialised) — except for images, which it
 * names at random and fetches: a page showing one (`<img`) is converted every time. Kept in the cache folder
 * too (a new `quire build` after an edit converts the edited pages only), under the page's name, length and
 * CRC of its content (cheaper than a cryptographic hash of every page at every build), with the content
 * itself, compared when looked up.
 */
const convertedPages = rememberedTable<{ content: string; document: Uint8Array }>(200, {
  name: 'epub-pages',
  persist: true,
});

/** A page's key in `convertedPages`; undefined for a page converted every time (an image, an unusual name). */
function pageKey(language: string, page: { title: string; filename: string; content: string }): string | undefined {
  if (/<img/i.test(page.content) || !/^[-._A-Za-z0-9]+\.xhtml$/.test(page.filename)) return undefined;
  const { title, filename, content } = page;
  return [language, title, filename, content.length, crc32(content)].join('\u0000');
}

/** The document converted before from `page`'s very content, if one is kept under `key`. */
function convertedPage(key: string | undefined, page: { content: string }): Uint8Array | undefined {
  const known = key === undefined ? undefined : convertedPages.get(key);
  return known && known.content === page.content ? known.document : undefined;
}

/**
 * `view` must be built with target 'epub' (links between files). `cover` is a PNG, if one was rendered; it
 * may still be in the making (it is needed only to package the book, after the chapters are converted).
 * `scratchIn`: the folder for its temporary files (a build's staging folder, which a stopped build removes).
 */
export async function renderEpub(
  view: View,
  templates: TemplateSet,
  cover?: Uint8Array | Promise<Uint8Array | undefined>,
  scratchIn: string = tmpdir(),
): Promise<Uint8Array> {
  const { meta } = view;
  // epub-gen-memory packs images it can load from absolute file URLs: the figure goes through a temp file.
  const scratch = mkdtempSync(path.join(scratchIn, '.quire-epub-'));
  try {
    const figure = view.figure && {
      ...view.figure,
      parts: view.figure.parts.map((part) => {
        const file = path.join(scratch, part.file);
        writeFileSync(file, part.svg);
        return { ...part, src: pathToFileURL(file).href };
      }),
    };
    const page = (title: string, filename: string, template: string, extra: Record<string, unknown> = {}) => ({
      title,
      filename,
      content: templates.render(template, { ...view, figure, ...extra }),
    });
    const chapters = [
      ...(view.changes ? [page(view.labels.changes, 'changes.xhtml', 'epub-changes.html.liquid')] : []),
      ...view.chapters.map((chapter) =>
        page(`${chapter.number}. ${chapter.title}`, chapter.file, 'epub-chapter.html.liquid', { chapter }),
      ),
      ...(view.backMatter.length
        ? [page(view.backMatter.map((b) => b.title).join(' · '), 'back-matter.xhtml', 'epub-backmatter.html.liquid')]
        : []),
      ...(view.has.ambassadors || view.has.treaties
        ? [page(view.labels.glossaries, view.files.glossary, 'epub-glossary.html.liquid')]
        : []),
      ...(view.has.timeline ? [page(view.labels.timeline, view.files.timeline, 'epub-timeline.html.liquid')] : []),
      ...(view.has.questions ? [page(view.labels.answerKey, view.files.answers, 'epub-answers.html.liquid')] : []),
      ...(view.has.index ? [page(view.labels.index, view.files.index, 'epub-index.html.liquid')] : []),
      page(view.labels.about, 'credits.xhtml', 'epub-credits.html.liquid'),
    ];
    // A page converted by an earlier build of this process is given to epub-gen-memory empty, and its document
    // put back after (see `convertedPages`).
    const keys = chapters.map((c) => pageKey(meta.language, c));
    const known = keys.map((key, i) => convertedPage(key, chapters[i]!));
    // epub-gen-memory converts the chapters; its zip is stored uncompressed (packageEpub compresses the final
    // one), which saves the level-9 deflate it would otherwise do in JavaScript.
    const generator = new EPubClass(
      {
        title: meta.subtitle ? `${meta.title}: ${meta.subtitle}` : meta.title,
        author: meta.author,
        publisher: meta.publisher ?? 'Quire',
        description: meta.description || meta.title,
        lang: meta.language,
        date: meta.edition.date,
        css: readFileSync(templates.file('epub.css'), 'utf8'),
        tocTitle: view.labels.contents,
        prependChapterTitles: false,
        numberChaptersInTOC: false,
        version: 3,
        verbose: false,
        ignoreFailedDownloads: false,
        fetchTimeout: 5000,
      },
      chapters.map((c, i) => (known[i] === undefined ? c : { ...c, content: '' })),
    );
    await generator.render();
    const files: Files = unzipSync(await generator.generateAsync({ type: 'uint8array', compression: 'STORE' }));
    chapters.forEach((c, i) => {
      const name = `OEBPS/${c.filename}`;
      const [key, document] = [keys[i], known[i]];
      if (document) files[name] = document;
      else if (key !== undefined && files[name]) convertedPages.set(key, { content: c.content, document: files[name] });
    });
    return packageEpub(files, {
      view,
      templates,
      cover: await cover,
      spine: chapters.map((c) => ({ file: c.filename, title: c.title })),
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
