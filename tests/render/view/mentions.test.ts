import { describe, expect, it } from 'vitest';
import type { List, Paragraph, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { mergeSources } from '../../../src/merge/index.js';
import { findMentionSpans, glossaryTargets } from '../../../src/study/mentions.js';
import { foldSpelling } from '../../../src/study/names.js';
import { linkMentions } from '../../../src/render/view/mentions.js';
import { blockHtml } from '../../../src/render/view/content.js';
import { renderBookJson, toBookJson } from '../../../src/model/book-json.js';
import {
  allBlocks,
  type Ambassador,
  type Block,
  type Chapter,
  type MentionSpan,
  type StudyGuide,
  type Treaty,
} from '../../../src/model/index.js';
import { parseText, TEST_META } from '../../support/content.js';
import { seedGuide } from '../../support/seed-guide.js';

const text = (value: string): PhrasingContent => ({ type: 'text', value });

function block(id: string, node: Paragraph | List): Block {
  return { id, kind: node.type, text: toString(node), sentences: [toString(node)], node, sources: [] };
}

function chapter(id: string, blocks: Block[]): Chapter {
  return { id, title: id, sections: [{ id, title: id, level: 2, blocks, keyPoints: [], sources: [] }] };
}

/**
 * A book made by hand, so the tree is exactly as written: a name in emphasis, a paragraph of several text
 * nodes, a list, spellings with and without diacritics and with either dash, and capitals.
 */
const chapters = [
  chapter('first', [
    block('first-1', {
      type: 'paragraph',
      children: [
        text('Talks began in 1861 under the '),
        { type: 'emphasis', children: [text('Treaty of Kessel')] },
        text(', when Jonas Feldt arrived.'),
      ],
    }),
    block('first-2', {
      type: 'paragraph',
      children: [
        text('The Norvanian-Estmark Customs Agreement was signed by Ernst von Weizsäcker and Jonas Feld.'),
        text(' '),
        text('The Customs Agreement lapsed.'),
      ],
    }),
    block('first-3', {
      type: 'paragraph',
      children: [text('Weizsäcker and the NORVANIAN–ESTMARK CUSTOMS AGREEMENT were forgotten.')],
    }),
  ]),
  chapter('second', [
    block('second-1', { type: 'paragraph', children: [text('The Kessel Treaty was renewed; Weizsacker returned.')] }),
    block('second-2', {
      type: 'list',
      children: ['Jonas Feld (1862–1875)', 'Customs Agreement (1880)'].map((item) => ({
        type: 'listItem',
        children: [{ type: 'paragraph', children: [text(item)] }],
      })),
    }),
  ]),
];
const everyBlock = chapters.flatMap((c) => c.sections.flatMap((s) => s.blocks));
const everywhere = everyBlock.map((b) => b.id);

const person = (id: string, name: string, aliases: string[] = []): Ambassador => ({
  id,
  name,
  aliases,
  post: 'Estmark ambassador to Norvik',
  country: 'Estmark',
  capital: 'Norvik',
  from: null,
  to: null,
  term: '',
  mentions: everywhere,
  disagreements: [],
  sources: [],
});
const treaty = (id: string, name: string, aliases: string[] = []): Treaty => ({
  id,
  name,
  aliases,
  date: null,
  parties: [],
  signatories: [],
  description: '',
  mentions: everywhere,
});

const merged = mergeSources([parseText('# T\n\nA paragraph of text.\n', 't.md')], TEST_META);
const glossaries = {
  ambassadors: [person('amb-weizsacker', 'Ernst von Weizsacker'), person('amb-feld', 'Jonas Feld', ['Jonas Feldt'])],
  treaties: [
    treaty('treaty-kessel', 'Treaty of Kessel', ['Kessel Treaty']),
    treaty('treaty-customs', 'Norvanian–Estmark Customs Agreement', ['Customs Agreement']),
    treaty('treaty-nowhere', 'Treaty of Nowhere'),
  ],
  timeline: [],
};
const book = { ...merged, chapters, backMatter: [] };
const spans = findMentionSpans(book, glossaries);
const guide: StudyGuide = { ...book, glossaries, questions: [], keyPoints: [], index: [], mentions: spans };

/** The text a span covers, read from the block's own tree (not from the finder). */
function spanned(blocks: Block[], span: MentionSpan): string {
  let node: unknown = blocks.find((b) => b.id === span.block)!.node;
  for (const i of span.path) node = (node as { children: unknown[] }).children[i];
  expect((node as { type: string }).type).toBe('text');
  return (node as { value: string }).value.slice(span.start, span.end);
}

describe('mention spans (study)', () => {
  it('finds names, aliases, the other dash and a surname with diacritics; skips emphasis; first mention only', () => {
    expect(spans.map((s) => [s.chapter, s.entry, s.block, s.path, spanned(everyBlock, s)])).toEqual([
      ['first', 'amb-weizsacker', 'first-2', [0], 'Weizsäcker'],
      ['first', 'amb-feld', 'first-1', [2], 'Jonas Feldt'],
      ['first', 'treaty-customs', 'first-2', [0], 'Norvanian-Estmark Customs Agreement'],
      ['second', 'amb-weizsacker', 'second-1', [0], 'Weizsacker'],
      ['second', 'amb-feld', 'second-2', [0, 0, 0], 'Jonas Feld'],
      ['second', 'treaty-kessel', 'second-1', [0], 'Kessel Treaty'],
      ['second', 'treaty-customs', 'second-2', [1, 0, 0], 'Customs Agreement'],
    ]);
    expect(spans[2]!.start).toBe(4);
  });

  it('searches only the blocks an entry lists as its mentions', () => {
    const feld = { ...glossaries.ambassadors[1]!, mentions: ['first-2'] };
    const only = findMentionSpans(book, { ambassadors: [feld], treaties: [] });
    expect(only.map((s) => [s.block, spanned(everyBlock, s)])).toEqual([['first-2', 'Jonas Feld']]);
  });

  it('looks for a surname alone only when no other entry shares it', () => {
    const two = [person('amb-a', 'Ernst von Weizsacker'), person('amb-b', 'Richard Weizsäcker')];
    expect(glossaryTargets({ ambassadors: two, treaties: [] }).map((t) => t.surname)).toEqual([undefined, undefined]);
    expect(findMentionSpans(book, { ambassadors: two, treaties: [] })).toEqual([]);
    expect(glossaryTargets(glossaries).map((t) => t.surname)).toEqual([
      foldSpelling('Weizsacker'),
      foldSpelling('Feld'),
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('cannot place a span where the text does not name the entry', () => {
    expect(spans.some((s) => s.entry === 'treaty-nowhere')).toBe(false);
    // On the seeds: every span covers a name of its entry (either dash, any case) or, for a person, the surname.
    const seeds = seedGuide();
    const fold = (s: string) => s.replace(/[–—−]/g, '-').toLowerCase();
    const targets = new Map(glossaryTargets(seeds.glossaries).map((t) => [t.id, t]));
    const blocks = allBlocks(seeds);
    for (const span of seeds.mentions.filter((s) => !s.kind)) {
      const target = targets.get(span.entry)!;
      const covered = spanned(blocks, span);
      const named = target.names.some((n) => fold(n) === fold(covered)) || foldSpelling(covered) === target.surname;
      expect(named, `${span.entry}: "${covered}"`).toBe(true);
    }
    expect(seeds.mentions.length).toBeGreaterThanOrEqual(30);
  });

  it('are not part of book.json', () => {
    const seeds = seedGuide();
    expect(Object.keys(toBookJson(seeds))).not.toContain('mentions');
    expect(renderBookJson({ ...seeds, mentions: [] })).toBe(renderBookJson(seeds));
  });
});

describe('mention links (render)', () => {
  const { nodes, anchors } = linkMentions(guide, (id) => `#${id}`);
  const html = (id: string) =>
    blockHtml(nodes.get(id) ?? everyBlock.find((b) => b.id === id)!.node, {
      notePrefix: '',
      noteNumber: () => undefined,
    });
  const ref = (entry: string, chapterId: string, name: string) =>
    `<a href="#${entry}" id="m-${entry}-${chapterId}" class="gloss-ref">${name}</a>`;

  it('wraps exactly the spanned text in links, several in one text node, and leaves the rest as it was', () => {
    expect(html('first-2')).toBe(
      `<p>The ${ref('treaty-customs', 'first', 'Norvanian-Estmark Customs Agreement')} was signed by Ernst von ` +
        `${ref('amb-weizsacker', 'first', 'Weizsäcker')} and Jonas Feld. The Customs Agreement lapsed.</p>`,
    );
    expect(html('first-1')).toBe(
      `<p>Talks began in 1861 under the <em>Treaty of Kessel</em>, when ${ref('amb-feld', 'first', 'Jonas Feldt')}` +
        ' arrived.</p>',
    );
    expect(html('second-2')).toBe(
      `<ul>\n<li>${ref('amb-feld', 'second', 'Jonas Feld')} (1862–1875)</li>\n` +
        `<li>${ref('treaty-customs', 'second', 'Customs Agreement')} (1880)</li>\n</ul>`,
    );
    // Blocks without a first mention are not copied; the book's own nodes are not changed.
    expect(nodes.has('first-3')).toBe(false);
    expect(html('first-3')).not.toContain('<a');
    expect(JSON.stringify(everyBlock.map((b) => b.node))).not.toContain('gloss-ref');
    expect(anchors.map((a) => a.anchor)).toEqual(spans.map((s) => `m-${s.entry}-${s.chapter}`));
  });

  it('copies only the parents of the texts it links; the rest of the block is shared with the book', () => {
    // "Talks began in 1861 under the <em>Treaty of Kessel</em>, when Jonas Feldt arrived.": the link is in
    // the paragraph's own text, so the emphasis is the book's very node, and the paragraph a new one.
    const own = everyBlock.find((b) => b.id === 'first-1')!.node as Paragraph;
    const linked = nodes.get('first-1') as Paragraph;
    const emphasis = own.children.find((c) => c.type === 'emphasis');
    expect(emphasis).toBeDefined();
    expect(linked).not.toBe(own);
    expect(linked.children).toContain(emphasis);
    expect(own.children.some((c) => c.type === 'link')).toBe(false);
  });

  it('links the same after the guide went through JSON', () => {
    const seeds = seedGuide();
    const direct = linkMentions(seeds, (id) => `glossary.xhtml#${id}`);
    const revived = linkMentions(JSON.parse(JSON.stringify(seeds)) as StudyGuide, (id) => `glossary.xhtml#${id}`);
    expect([...revived.nodes]).toEqual([...direct.nodes]);
    expect(revived.anchors).toEqual(direct.anchors);
    expect(direct.nodes.size).toBeGreaterThan(10);
  });

  it('refuses a span that does not point at text in its block', () => {
    const at = (span: Partial<MentionSpan>) => () =>
      linkMentions({ ...guide, mentions: [{ ...spans[0]!, ...span }] }, (id) => `#${id}`);
    expect(at({})).not.toThrow();
    expect(at({ path: [7] })).toThrow(/no text node at \[7\]/);
    expect(at({ block: 'first-1', path: [1] })).toThrow(/no text node/);
    expect(at({ start: 80, end: 120 })).toThrow(/does not fit/);
  });
});
