/**
 * Places page references point at (issue #20): an index entry's mentions in each block it lists, and where the
 * sentence a review question quotes starts — found by the study stage as spans, marked by the view with
 * anchors that the index and the answer key link to.
 */
import { describe, expect, it } from 'vitest';
import type { Paragraph, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { mergeSources } from '../../../src/merge/index.js';
import { findIndexSpans, findMentionSpans, findQuoteSpans, quoteAt } from '../../../src/study/mentions.js';
import { linkMentions, quoteAnchor } from '../../../src/render/view/mentions.js';
import { blockHtml } from '../../../src/render/view/content.js';
import { buildView } from '../../../src/render/view/index.js';
import {
  allBlocks,
  type Ambassador,
  type Block,
  type IndexEntry,
  type MentionSpan,
  type ReviewQuestion,
  type StudyGuide,
} from '../../../src/model/index.js';
import { parseText, TEST_META } from '../../support/content.js';
import { seedGuide } from '../../support/seed-guide.js';

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const para = (id: string, children: PhrasingContent[]): Block => {
  const node: Paragraph = { type: 'paragraph', children };
  return { id, kind: 'paragraph', text: toString(node), sentences: [toString(node)], node, sources: [] };
};

const blocks = [
  para('b-1', [
    text('In 1931 Karel Ostrow met the envoy. Ostrow’s plan failed; the '),
    { type: 'emphasis', children: [text('Norvik Compact')] },
    text(' followed. Later Ostrow left.'),
  ]),
  para('b-2', [
    text('The Estmark Republic and the ER signed. Only Ernst von '),
    { type: 'emphasis', children: [text('Weiss')] },
    text(' came.'),
  ]),
  para('b-4', [text('Then Karl Ostrowsky, a cousin, spoke.')]),
  para('b-3', [text('Nobody here is named. Then “quoted words”  stand\u00adhere in   the text.')]),
];
const merged = mergeSources([parseText('# T\n\nA paragraph of text.\n', 't.md')], TEST_META);
const book = {
  ...merged,
  chapters: [
    { id: 'ch', title: 'ch', sections: [{ id: 'ch', title: 'ch', level: 2, blocks, keyPoints: [], sources: [] }] },
  ],
  backMatter: [],
};
const envoy: Ambassador = {
  id: 'amb-ostrow',
  name: 'Karel Ostrow',
  aliases: [],
  post: 'Estmark ambassador to Norvik',
  country: 'Estmark',
  capital: 'Norvik',
  from: null,
  to: null,
  term: '',
  mentions: ['b-1'],
  disagreements: [],
  sources: [],
};
const entry = (id: string, term: string, kind: IndexEntry['kind'], mentions: string[]): IndexEntry => ({
  id,
  term,
  kind,
  mentions,
});
const index = [
  entry('index-karel-ostrow', 'Ostrow, Karel', 'person', ['b-1']),
  entry('index-ernst-von-weiss', 'Weiss, Ernst von', 'person', ['b-2']),
  entry('index-norvik-compact', 'Norvik Compact', 'treaty', ['b-1']),
  entry('index-nobody', 'Absent Name', 'place', ['b-3']),
  entry('index-karl-ostrowski', 'Ostrowski, Karl', 'person', ['b-4']),
];
const question = (id: string, quote: string, block: string): ReviewQuestion => ({
  id,
  chapter: 'ch',
  kind: 'short',
  question: '?',
  answer: '!',
  quote,
  block,
});
const questions = [
  question('q-1', 'Ostrow’s plan failed; the Norvik Compact followed.', 'b-1'),
  question('q-2', 'Then "quoted words" standhere in the text.', 'b-3'),
  question('q-3', 'Later Ostrow left, a source says in other words.', 'b-1'),
  question('q-4', 'A sentence found nowhere in the block.', 'b-1'),
];
const glossaries = { ambassadors: [envoy], treaties: [], timeline: [] };
const base: StudyGuide = { ...book, glossaries, questions, keyPoints: [], index, mentions: [] };
const mentions = [...findMentionSpans(base, glossaries), ...findIndexSpans(base), ...findQuoteSpans(base)];
const guide: StudyGuide = { ...base, mentions };

/** The text a span covers, read from the block's own tree. */
function spanned(span: MentionSpan, from: Block[] = blocks): string {
  let node: unknown = from.find((b) => b.id === span.block)!.node;
  for (const i of span.path) node = (node as { children: unknown[] }).children[i];
  return (node as { value: string }).value.slice(span.start, span.end);
}

describe('index spans (study)', () => {
  it("marks each block's first and last mention, under the full name, the surname or a name in emphasis", () => {
    const of = (id: string) => mentions.filter((s) => s.kind === 'index' && s.entry === id);
    expect(of('index-karel-ostrow').map((s) => [s.block, s.path, spanned(s)])).toEqual([
      ['b-1', [0], 'Karel Ostrow'],
      ['b-1', [2], 'Ostrow'],
    ]);
    expect(of('index-norvik-compact').map((s) => [s.path, spanned(s)])).toEqual([[[1, 0], 'Norvik Compact']]);
    // A name over two text nodes ("Ernst von " and an emphasised "Weiss"): the span starts where the name does.
    expect(of('index-ernst-von-weiss').map((s) => [s.path, spanned(s)])).toEqual([[[0], 'Ernst von ']]);
    // Another spelling of the person's name (the index files "Ostrowsky" under "Ostrowski").
    expect(of('index-karl-ostrowski').map((s) => spanned(s))).toEqual(['Karl Ostrowsky']);
    // A block that does not name the entry as the index knows it: no span (the index then points at the block).
    expect(of('index-nobody')).toEqual([]);
  });
});

describe('quotation spans (study)', () => {
  it("marks the first word of the question's sentence where it stands in its block", () => {
    const of = (id: string) => mentions.filter((s) => s.kind === 'quote' && s.entry === id);
    expect(of('q-1').map((s) => [s.path, s.start, spanned(s)])).toEqual([[[0], 36, 'Ostrow']]);
    // Other quotation marks, white space and a soft hyphen do not hide it.
    expect(of('q-2').map((s) => spanned(s))).toEqual(['Then']);
    // Worded otherwise after its first words (punctuation aside): found by them.
    expect(of('q-3').map((s) => [s.path, spanned(s)])).toEqual([[[2], 'Later']]);
    expect(of('q-4')).toEqual([]);
  });

  it('finds a quotation by its words, not by its punctuation', () => {
    expect(quoteAt('He said: “it rained”  today.', 'He said: "it rained" today.')).toBe(0);
    expect(quoteAt('First. The Soviet–German pact was signed.', 'The Soviet-German pact was signed.')).toBe(7);
    expect(quoteAt('Nothing like it.', 'Something else entirely here.')).toBe(-1);
  });

  it('on the seeds: every question with a quotation of the text has its span, on its first word', () => {
    const seeds = seedGuide();
    const all = allBlocks(seeds);
    const quoted = seeds.questions.filter((q) => q.quote && q.kind !== 'disagreement');
    const spans = new Map(seeds.mentions.filter((s) => s.kind === 'quote').map((s) => [s.entry, s]));
    expect(quoted.length).toBeGreaterThan(10);
    for (const q of quoted) {
      const span = spans.get(q.id);
      expect(span, q.id).toBeDefined();
      expect(span!.block).toBe(q.block);
      expect(q.quote!.toLowerCase()).toMatch(
        new RegExp(`^\\W*${spanned(span!, all).toLowerCase().replace(/\W+$/, '')}`),
      );
    }
  });
});

describe('page anchors (render)', () => {
  const { nodes, anchors } = linkMentions(guide, (id) => `#${id}`);
  const html = (id: string) => blockHtml(nodes.get(id)!, { notePrefix: '', noteNumber: () => undefined });

  it('marks places with span ids, inside a glossary link where one starts there, and keeps the text', () => {
    const b1 = html('b-1');
    expect(b1).toContain(
      '<a href="#amb-ostrow" id="m-amb-ostrow-ch" class="gloss-ref">' +
        '<span id="index-karel-ostrow-in-b-1">Karel Ostrow</span></a>',
    );
    expect(b1).toContain('<span id="src-q-1">Ostrow</span>’s plan');
    expect(b1).toContain('<span id="src-q-3">Later</span> <span id="index-karel-ostrow-in-b-1-2">Ostrow</span> left.');
    expect(b1).toContain('<em><span id="index-norvik-compact-in-b-1">Norvik Compact</span></em>');
    expect(b1.replace(/<[^>]+>/g, '')).toBe(toString(blocks[0]!.node));
    expect(html('b-2')).toContain('<span id="index-ernst-von-weiss-in-b-2">Ernst von </span><em>Weiss</em>');
    expect(anchors.filter((a) => a.kind === 'quote').map((a) => a.anchor)).toEqual(
      ['q-1', 'q-2', 'q-3'].map(quoteAnchor),
    );
  });

  it('the answer key links to the quotation; the printed index to each mention, the screen index a section', () => {
    const view = buildView(guide, { paper: 'A4', assets: '' });
    expect(view.answers.map((a) => a.source.href)).toEqual(['#src-q-1', '#src-q-2', '#src-q-3', '#b-1']);
    const entries = view.index.flatMap((g) => g.entries);
    const ostrow = entries.find((e) => e.id === 'index-karel-ostrow')!;
    expect(ostrow.pageLinks.map((l) => l.href)).toEqual(['#index-karel-ostrow-in-b-1', '#index-karel-ostrow-in-b-1-2']);
    expect(ostrow.links.map((l) => l.href)).toEqual(['#index-karel-ostrow-in-b-1']);
    expect(entries.find((e) => e.id === 'index-nobody')!.pageLinks.map((l) => l.href)).toEqual(['#b-3']);
    const epub = buildView(guide, { paper: 'A4', assets: '', target: 'epub' });
    expect(epub.answers[0]!.source.href).toBe('chapter-01.xhtml#src-q-1');
  });
});
