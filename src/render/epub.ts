/** EPUB 3 through epub-gen-memory: one XHTML file per chapter, plus credits and back matter. */
import epubGen from 'epub-gen-memory';
import { readFileSync } from 'node:fs';
import type { TemplateSet } from './templates.js';
import type { View } from './view.js';

// A CommonJS module: Node's ESM loader puts its default export on `.default`; bundlers unwrap it.
const makeEpub = (typeof epubGen === 'function' ? epubGen : epubGen.default) as typeof epubGen.default;

export async function renderEpub(view: View, templates: TemplateSet): Promise<Uint8Array> {
  const { meta } = view;
  const chapters = [
    ...view.chapters.map((chapter) => ({
      title: `${chapter.number}. ${chapter.title}`,
      filename: chapter.file,
      content: templates.render('epub-chapter.html.njk', { ...view, chapter }),
    })),
    ...(view.backMatter.length
      ? [{ title: view.backMatter.map((b) => b.title).join(' · '), filename: 'back-matter.xhtml', content: templates.render('epub-backmatter.html.njk', view) }]
      : []),
    { title: 'About this guide', filename: 'credits.xhtml', content: templates.render('epub-credits.html.njk', view) },
  ];
  const buffer = await makeEpub(
    {
      title: meta.subtitle ? `${meta.title}: ${meta.subtitle}` : meta.title,
      author: meta.author,
      publisher: meta.publisher ?? 'Quire',
      description: meta.description || meta.title,
      lang: meta.language,
      date: meta.edition.date,
      css: readFileSync(templates.file('epub.css'), 'utf8'),
      tocTitle: 'Contents',
      prependChapterTitles: false,
      numberChaptersInTOC: false,
      version: 3,
      verbose: false,
      ignoreFailedDownloads: false,
      fetchTimeout: 1,
    },
    chapters,
  );
  return new Uint8Array(buffer);
}
