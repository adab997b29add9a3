import { describe, expect, it } from 'vitest';
import { buildView, cssString, type View } from '../../../src/render/view/index.js';
import { handoutView } from '../../../src/render/view/handout.js';
import { allBlocks } from '../../../src/model/index.js';
import { seedGuide } from '../../support/seed-guide.js';

const guide = seedGuide();
const html = buildView(guide, { paper: 'A4', assets: 'assets/' });
const epub = buildView(guide, { paper: 'A4', assets: '', target: 'epub' });

/** Every block's HTML of a chapter, in reading order. */
const chapterHtml = (chapter: View['chapters'][number]) =>
  chapter.sections.flatMap((s) => s.blocks.map((b) => b.html)).join('\n');

/** The links a chapter's text makes to glossary entries: [href, id, text]. */
const glossRefs = (chapter: View['chapters'][number]) =>
  // The link's text may hold the anchor of a place page references point at (an index entry's mention).
  [...chapterHtml(chapter).matchAll(/<a href="([^"]*)" id="([^"]*)" class="gloss-ref">(.*?)<\/a>/g)].map(
    ([, href, id, text]) => ({ href: href!, id: id!, text: text!.replace(/<[^>]+>/g, '') }),
  );

const entries = (view: View) => [...view.glossaries.ambassadors.flatMap((g) => g.entries), ...view.glossaries.treaties];

describe('buildView on the seed guide', () => {
  it('numbers the chapters in reading order, each with its EPUB file and subsections', () => {
    expect(guide.chapters.length).toBeGreaterThanOrEqual(5);
    expect(html.chapters.map((c) => [c.number, c.id, c.title])).toEqual(
      guide.chapters.map((c, i) => [i + 1, c.id, c.title]),
    );
    expect(epub.chapters.map((c) => c.file)).toEqual(
      guide.chapters.map((_, i) => `chapter-${String(i + 1).padStart(2, '0')}.xhtml`),
    );
    for (const [i, chapter] of html.chapters.entries()) {
      const deeper = guide.chapters[i]!.sections.filter((s) => s.level > 2).map((s) => s.id);
      expect(chapter.subsections.map((s) => s.id)).toEqual(deeper);
      expect(chapter.runningHead).toBe(cssString(chapter.title));
    }
    expect(html.chapters.some((c) => c.subsections.length > 0)).toBe(true);
  });

  it('numbers notes in reading order; each chapter lists the notes its text cites, in the order cited', () => {
    // Variant notes (the apparatus) are notes too, numbered with the citations.
    const citation = new Map<string, { number: number; text: string }>([
      ...guide.citations.map((c) => [c.id, c] as const),
      ...(guide.apparatus?.notes ?? []).map((n) => [n.id, n] as const),
    ]);
    const firstSeen: number[] = [];
    let checked = 0;
    for (const chapter of html.chapters) {
      const refs = [...chapterHtml(chapter).matchAll(/<a href="#([^"]+)" role="doc-noteref"[^>]*>(\d+)<\/a>/g)];
      const cited = [...new Set(refs.map((m) => m[1]!))];
      expect(chapter.notes.map((n) => n.anchor)).toEqual(cited);
      for (const m of refs) {
        const note = chapter.notes.find((n) => n.anchor === m[1])!;
        expect(Number(m[2])).toBe(note.number);
        checked++;
      }
      for (const note of chapter.notes) {
        const id = note.anchor.slice(`${chapter.id}-`.length);
        expect(note.anchor.startsWith(`${chapter.id}-`)).toBe(true);
        expect([note.number, note.text]).toEqual([citation.get(id)!.number, citation.get(id)!.text]);
        if (!firstSeen.includes(note.number)) firstSeen.push(note.number);
      }
    }
    // Numbers are given in reading order: the first use of each runs 1, 2, 3 … through the book.
    expect(firstSeen).toEqual([...citation.keys()].map((_, i) => i + 1));
    expect(checked).toBeGreaterThanOrEqual(guide.citations.length);
  });

  it('links first mentions to glossary entries that exist, and every entry back to a place that exists', () => {
    const entryIds = new Set(entries(html).map((e) => e.id));
    const ids = new Set<string>(allBlocks(guide).map((b) => b.id));
    let links = 0;
    for (const chapter of html.chapters) {
      const seen = new Set<string>();
      for (const ref of glossRefs(chapter)) {
        const entry = ref.href.slice(1);
        expect(entryIds.has(entry), ref.href).toBe(true);
        expect(ref.id).toBe(`m-${entry}-${chapter.id}`);
        // The first mention only: one link per entry and chapter.
        expect(seen.has(entry), ref.id).toBe(false);
        seen.add(entry);
        ids.add(ref.id);
        links++;
      }
    }
    expect(links).toBe(guide.mentions.filter((m) => !m.kind).length);
    expect(links).toBeGreaterThanOrEqual(30);
    let backLinks = 0;
    for (const entry of entries(html)) {
      expect(entry.links.length, entry.id).toBeGreaterThan(0);
      for (const link of entry.links) {
        expect(ids.has(link.href.slice(1)), `${entry.id} → ${link.href}`).toBe(true);
        backLinks++;
      }
    }
    // Where a chapter links an entry, the entry links back to that very mention.
    const anchored = entries(html).flatMap((e) => e.links.filter((l) => l.href.startsWith('#m-')));
    expect(anchored.length).toBe(links);
    expect(backLinks).toBeGreaterThan(links);
  });

  it('in an EPUB, links go to the file that holds their target', () => {
    const fileOf = new Map<string, string>();
    for (const chapter of epub.chapters) {
      for (const block of chapter.sections.flatMap((s) => s.blocks)) fileOf.set(block.id, chapter.file);
      for (const [, id] of chapterHtml(chapter).matchAll(/ id="([^"]+)"/g)) fileOf.set(id!, chapter.file);
    }
    for (const e of entries(epub)) fileOf.set(e.id, epub.files.glossary);
    let checked = 0;
    for (const chapter of epub.chapters)
      for (const ref of glossRefs(chapter)) {
        expect(ref.href).toMatch(/^glossary\.xhtml#/);
        expect(fileOf.get(ref.href.replace(/^.*#/, ''))).toBe(epub.files.glossary);
        checked++;
      }
    const hrefs = [
      ...entries(epub).flatMap((e) => e.links.map((l) => l.href)),
      ...epub.glossaries.timeline.map((t) => t.href),
      ...epub.answers.map((a) => a.source.href),
      ...epub.index.flatMap((g) => g.entries.flatMap((e) => e.links.map((l) => l.href))),
    ];
    for (const href of hrefs) {
      const [file, id] = href.split('#');
      expect(fileOf.get(id!), href).toBe(file);
      checked++;
    }
    expect(checked).toBeGreaterThan(guide.mentions.filter((m) => !m.kind).length + guide.glossaries.timeline.length);
  });

  it('numbers the questions and links each to its answer and to the text that answers it', () => {
    expect(html.answers.length).toBe(guide.questions.length);
    expect(html.answers.length).toBeGreaterThan(10);
    for (const [i, q] of html.answers.entries()) {
      expect([q.number, q.answerHref, q.questionHref]).toEqual([i + 1, `#ans-${q.id}`, `#${q.id}`]);
      const question = guide.questions[i]!;
      const chapter = html.chapters.find((c) => c.id === question.chapter)!;
      expect(chapter.questions.map((x) => x.id)).toContain(q.id);
      // To where its quoted sentence starts in the block, where the study stage found it there.
      const quoted = guide.mentions.some((m) => m.kind === 'quote' && m.entry === q.id);
      expect(q.source.href).toBe(quoted ? `#src-${q.id}` : `#${question.block}`);
      const block = chapter.sections.flatMap((s) => s.blocks).find((b) => b.id === question.block)!;
      if (quoted) expect(block.html).toContain(` id="src-${q.id}"`);
      expect(q.source.label.startsWith(chapter.title)).toBe(true);
    }
    expect(html.chapters.reduce((n, c) => n + c.questions.length, 0)).toBe(guide.questions.length);
  });
});

describe('timeline dates in the view', () => {
  it('shows a list of dates as the text writes it, a span as a span, a single date in the language', () => {
    const byId = new Map(guide.glossaries.timeline.map((e) => [e.id, e]));
    const shown = html.glossaries.timeline.map((t) => ({ date: t.date, event: byId.get(t.id)! }));
    // "The Soviet Union issued ultimatums … on September 24, October 2, October 3, 1939": three dates, not a span.
    const lists = shown.filter(
      (s) => s.event.end && /,/.test(s.event.label) && /\d{4}/.test(s.event.label) && !/[–—-]/.test(s.event.label),
    );
    expect(lists.length).toBeGreaterThanOrEqual(2);
    for (const s of lists) expect(s.date).toBe(s.event.label);
    expect(shown.map((s) => s.date)).toContain('September 24, October 2, October 3, 1939');
    // "1930–1931", "May 11 – September 16, 1939": spans stay spans, written by the view.
    const spans = shown.filter((s) => s.event.end && /[–—-]/.test(s.event.label));
    expect(spans.length).toBeGreaterThanOrEqual(3);
    for (const s of spans) expect(s.date).toMatch(/[–—]/);
    // "June 18, June 19" (no year written): the span with its year, not the label.
    const noYear = shown.find((s) => s.event.end && !/\d{4}/.test(s.event.label));
    if (noYear) expect(noYear.date).toMatch(/\d{4}/);
    for (const s of shown.filter((x) => !x.event.end)) expect(s.date).not.toMatch(/[–—]/);
  });
});

describe('handoutView', () => {
  it('keeps, per chapter, only the glossary entries and dated events the chapter mentions, without links', () => {
    let kept = 0;
    let dropped = 0;
    for (const [i, chapter] of html.chapters.entries()) {
      const blocks = new Set(guide.chapters[i]!.sections.flatMap((s) => s.blocks.map((b) => b.id)));
      const handout = handoutView(html, chapter, guide);
      const mentioned = [...guide.glossaries.ambassadors, ...guide.glossaries.treaties]
        .filter((e) => e.mentions.some((m) => blocks.has(m)))
        .map((e) => e.id);
      const got = entries(handout);
      expect(got.map((e) => e.id).sort()).toEqual(mentioned.sort());
      for (const e of got) expect(e.links).toEqual([]);
      const events = guide.glossaries.timeline.filter((e) => blocks.has(e.block) && e.precision !== 'year');
      expect(handout.glossaries.timeline.map((e) => e.id)).toEqual(events.map((e) => e.id));
      expect([handout.chapters, handout.handout]).toEqual([[chapter], { number: i + 1, of: html.chapters.length }]);
      expect(handout.has.ambassadors).toBe(handout.glossaries.ambassadors.length > 0);
      kept += got.length;
      dropped += entries(html).length - got.length;
    }
    // Both ways: some chapters mention some entries, and no chapter mentions them all.
    expect(kept).toBeGreaterThan(0);
    expect(dropped).toBeGreaterThan(0);
  });
});

describe('cssString', () => {
  it('cannot close its rule or the style element', () => {
    expect(cssString('Plain title')).toBe('"Plain title"');
    const hostile = cssString('a"b\\c</style><script>\n');
    expect(hostile).not.toMatch(/[<>\n]|[^\\]"./);
    expect(hostile).toBe('"a\\22 b\\5c c\\3c /style\\3e \\3c script\\3e \\a "');
  });
});

describe('an envoy’s line in the glossary', () => {
  it('is a sentence of its own after the post, not a part of the post', () => {
    const withRole = html.glossaries.ambassadors.flatMap((g) => g.entries).filter((e) => e.role);
    expect(withRole.length).toBeGreaterThan(5);
    for (const e of withRole) expect(e.role, e.name).toMatch(/^\p{Lu}[^]*[.!?]$/u);
    const source = guide.glossaries.ambassadors.find((a) => a.role?.startsWith('sent to'));
    expect(withRole.find((e) => e.name === source?.name)?.role).toMatch(/^Sent to /);
  });
});
