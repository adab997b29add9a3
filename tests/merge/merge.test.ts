import { textUnits } from '../../src/model/blocks.js';
import { describe, expect, it } from 'vitest';
import { mergeSources } from '../../src/merge/index.js';
import { allBlocks } from '../../src/model/index.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, parseSeed, parseText, readContent, SEEDS, TEST_META } from '../support/content.js';
import { addStudyAids } from '../../src/study/index.js';
import { headingSimilarity, sectionsOf } from '../../src/merge/align.js';
import { isNearDuplicate, splitSentences, SentenceIndex } from '../../src/merge/sentences.js';
import { forgetRemembered } from '../../src/util/memo.js';

const meta = TEST_META;

describe('merge of the four seeds', () => {
  const sources = [
    parseSeed(SEEDS.later, 4),
    parseSeed(SEEDS.plain, 3),
    parseSeed(SEEDS.dump, 2),
    parseSeed(SEEDS.key, 1),
  ];
  const book = mergeSources(sources, meta);
  const titles = book.chapters.map((c) => c.title);

  it('has each chapter once, in the preferred source’s order, the lead first', () => {
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles).toEqual([
      'Introduction',
      'The Soviet Union and Weimar Germany',
      'Nazi Germany and the Soviet Union before World War II',
      'Molotov–Ribbentrop Pact',
      'World War II',
      'Volksdeutsche in the Soviet Union',
      'Aftermath',
      'Soviet ambassadors (chargés) to Berlin',
      'German ambassadors to Moscow',
    ]);
  });

  it('keeps ids and section titles unique and leaves no section empty', () => {
    const ids = book.chapters.flatMap((c) => [
      c.id,
      ...c.sections.map((s) => s.id),
      ...c.sections.flatMap((s) => s.blocks.map((b) => b.id)),
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of book.chapters) {
      const sectionTitles = c.sections.filter((s) => s.level > 2).map((s) => s.title);
      expect(new Set(sectionTitles).size).toBe(sectionTitles.length);
      for (const s of c.sections) expect(s.blocks.length + s.keyPoints.length).toBeGreaterThan(0);
    }
  });

  it('aligns renamed headings instead of duplicating them', () => {
    const all = book.chapters.flatMap((c) => c.sections.map((s) => s.title));
    expect(all).toContain('Revolution and end of World War I');
    expect(all).not.toContain('Revolution, end of World War I');
    expect(all).toContain('Third Period');
    expect(all).not.toContain('The "Third Period"');
    expect(titles).not.toContain('Soviet Russia and Weimar Germany');
  });

  it('records which sources carry each block, with lines', () => {
    const blocks = allBlocks(book);
    const brest = blocks.find((b) => b.text.includes('The Treaty of Brest-Litovsk, dictated by Germany'))!;
    expect(brest.sources.map((p) => p.source).sort()).toEqual([
      '2008-revision-with-citations',
      'later-revision',
      'plain-text-rendition',
    ]);
    expect(brest.sources.find((p) => p.source === 'later-revision')!.line).toBe(9);
    expect(blocks.every((b) => b.sources.length > 0)).toBe(true);
  });

  it('turns the 2008 refs into numbered notes attached to the merged sentences', () => {
    expect(book.citations.length).toBeGreaterThan(100);
    const numbers = book.citations.map((c) => c.number);
    expect(numbers).toEqual([...numbers].sort((x, y) => x - y));
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(book.citations[0]!.text).toBe(
      'Full text in English: The Peace Treaty of Brest-Litovsk; March 3, 1918. http://www.yale.edu/lawweb/avalon/brest.htm',
    );
  });

  it('makes the cited key sentences key points of their sections', () => {
    const keyPoints = book.chapters.flatMap((c) =>
      c.sections.flatMap((s) => s.keyPoints.map((k) => ({ section: s.title, text: k.text }))),
    );
    expect(keyPoints.length).toBeGreaterThanOrEqual(25);
    const kopp = keyPoints.find((k) => k.text.startsWith('On July 19, 1920, Victor Kopp'))!;
    expect(kopp.section).toBe('Plans for Poland');
  });

  it('measure: nothing is lost silently — every sentence of every source is in the book or in the report', () => {
    const inBook = new Set([
      ...allBlocks(book).flatMap((b) => b.sentences),
      ...book.backMatter.flatMap((b) => b.blocks.flatMap((x) => x.sentences)),
      ...book.chapters.flatMap((c) => c.sections.flatMap((s) => s.keyPoints.map((k) => k.text))),
    ]);
    const accounted = new Set([
      ...book.report.duplicates.map((d) => d.dropped),
      ...book.report.omitted.map((o) => o.text),
    ]);
    let checked = 0;
    for (const source of sources) {
      for (const section of sectionsOf(source)) {
        for (const node of section.blocks) {
          const units =
            node.type === 'list'
              ? node.children.map((item) =>
                  splitSentences(item.children.flatMap((c) => (c.type === 'paragraph' ? c.children : [])))
                    .map((x) => x.text)
                    .join(' '),
                )
              : node.type === 'paragraph'
                ? splitSentences(node.children).map((x) => x.text)
                : node.type === 'blockquote'
                  ? textUnits(node).flatMap((u) => splitSentences([{ type: 'text', value: u }]).map((x) => x.text))
                  : textUnits(node);
          for (const unit of units) {
            checked++;
            expect(inBook.has(unit) || accounted.has(unit), `${source.info.file}: "${unit}"`).toBe(true);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('measure: no sentence appears twice (no pair above the near-duplicate threshold)', () => {
    const sentences = allBlocks(book).flatMap((b) => b.sentences.map((text) => ({ text, block: b.id })));
    const index = new SentenceIndex<number>();
    sentences.forEach((s, i) => index.add(s.text, i));
    for (const [i, s] of sentences.entries()) {
      const best = index.best(s.text, (j) => j !== i);
      if (!best) continue;
      expect(isNearDuplicate(best, book.report.threshold), `"${s.text}" ~ "${sentences[best.value]!.text}"`).toBe(
        false,
      );
    }
  });

  it('measure: every source section lands in exactly one canonical section, none empty, headings unique', () => {
    for (const source of sources.filter((s) => s.info.role === 'text')) {
      const own = sectionsOf(source);
      const rows = book.report.alignment.filter((a) => a.source === source.info.id);
      expect(rows.map((r) => r.line)).toEqual(own.map((s) => s.line));
      const ids = new Set([
        ...book.chapters.flatMap((c) => [c.id, ...c.sections.map((s) => s.id)]),
        ...book.backMatter.map((b) => b.id),
      ]);
      // A section only one source has, whose sentences all went where the other sources tell them, is left
      // out with a warning naming it.
      const dissolved = (title: string) =>
        book.report.warnings.some((w) => w.message.startsWith(`section "${title}" was left out: its text is in`));
      for (const [i, row] of rows.entries()) {
        const hasText = own[i]!.blocks.length > 0;
        if (hasText || row.title !== '(lead)')
          expect(
            ids.has(row.section) || (!hasText && row.section === '') || (row.section === '' && dissolved(row.title)),
            `${source.info.file}: ${row.title}`,
          ).toBe(true);
      }
    }
    const headingsInBook = book.chapters.flatMap((c) => [
      c.title,
      ...c.sections.filter((s) => s.level > 2).map((s) => s.title),
    ]);
    expect(new Set(headingsInBook).size).toBe(headingsInBook.length);
  });

  it('measure: every <ref> of the 2008 revision is attached or listed as unattached', () => {
    const dump = sources.find((s) => s.info.file === SEEDS.dump)!;
    const attached = new Set(book.citations.filter((c) => c.sources[0]!.source === dump.info.id).map((c) => c.text));
    const unattached = book.report.unattachedCitations.filter((u) => u.source.source === dump.info.id);
    expect(attached.size + unattached.length).toBe(new Set(dump.citations.map((c) => c.text)).size);
    expect(unattached).toHaveLength(0);
  });

  it('records conflicts between the renditions, the preferred reading first', () => {
    const shkvartsev = book.report.conflicts.find(
      (c) => c.differs.includes('Alexander') && c.differs.includes('Alexey'),
    )!;
    expect(shkvartsev.readings[0]!.text).toBe('Alexander Shkvartsev (1939–1940)');
    expect(shkvartsev.readings[1]!.sources[0]!.source).toBe('2008-revision-with-citations');
    expect(book.report.conflicts.some((c) => c.kind === 'membership' && c.differs[0] === 'Kurt Wiedenfeld')).toBe(true);
    expect(
      book.report.conflicts.some((c) => c.kind === 'number' && c.differs.includes('16') && c.differs.includes('15')),
    ).toBe(true);
  });

  it('aligns the 2008 revision’s coarser and displaced sections by content', () => {
    const row = (title: string) =>
      book.report.alignment.find((a) => a.source === '2008-revision-with-citations' && a.title === title)!;
    expect(row('Soviet Russia and Weimar Germany').section).toBe('the-soviet-union-and-weimar-germany');
    expect(row('Molotov-Ribbentrop Pact').section).toBe('molotov-ribbentrop-pact');
    expect(row('German ambassadors to Moscow').section).toBe('german-ambassadors-to-moscow');
    // Its section of 1933–1939 the others tell in several sections: what only it says follows its neighbours
    // there (the 1939 demands on Finland beside the 1939 negotiations), not its heading after 1934.
    const title = 'Collective security and Soviets demands to occupy Baltic region';
    expect(book.report.sections.some((s) => s.title === title)).toBe(false);
    const sectionOf = (words: string) =>
      book.chapters.flatMap((c) => c.sections).find((s) => s.blocks.some((b) => b.text.includes(words)))?.id;
    // Its demand to occupy the Baltic states is the later revisions' demand on Finland reworded (one sentence,
    // the same opening): a note there gives its reading whole, instead of two contradicting sentences in a row.
    expect(sectionOf('Soviet position demanded occupation of Latvia')).toBeUndefined();
    const baltic = book.apparatus!.notes.find((n) =>
      n.readings.some((r) => r.text.includes('Soviet position demanded occupation of Latvia')),
    );
    expect(baltic?.section).toBe(sectionOf('the tripartite alliance negotiations'));
    // Its next sentence is the later revision's, paraphrased: one sentence, not two.
    const finland = book.report.duplicates.find((d) => d.dropped.startsWith('Finland was to be included'))!;
    expect(finland.kept).toMatch(/demanded that Finland be included in the Soviet sphere of influence/);
  });

  it('puts lists of further reading and links in back matter', () => {
    expect(book.backMatter.map((b) => b.title)).toEqual(
      expect.arrayContaining(['Further reading', 'External links', 'See also']),
    );
  });
});

describe('merge of small fixtures', () => {
  // The preferred source (a) is coarser; the other (b) has the finer structure, renamed and reordered
  // headings, reworded sentences, a section of its own and a sentence of its own.
  const a = parseText(
    [
      '= City =',
      'The city lies on a river. It has a cathedral.',
      '',
      '== Economy ==',
      'Trade in wool made it rich.',
      '',
      '== History ==',
      'It was founded in 1200 by monks. Its walls date from 1350. A fire destroyed it in 1400.',
    ].join('\n'),
    'a.wiki',
    { priority: 2 },
  );
  const b = parseText(
    [
      'City',
      '',
      'The city lies on a broad river. It has a cathedral.',
      '',
      'The history of the town',
      '',
      'It was founded in 1200 by monks. A fire destroyed it in 1400. It was rebuilt in stone.',
      '',
      'Economic life',
      '',
      'Trade in wool made the city rich. A railway arrived in 1850.',
      '',
      'Sport',
      '',
      'The football club was founded in 1901.',
    ].join('\n'),
    'b.txt',
    { priority: 1 },
  );
  const book = mergeSources([a, b], meta);
  const textOf = (title: string) =>
    book.chapters.find((c) => c.title === title)!.sections.flatMap((s) => s.blocks.map((x) => x.text));

  it('takes the structure from the finest source and the headings from the preferred one', () => {
    expect(book.report.structureFrom).toBe('b');
    expect(book.report.preferred).toBe('a');
    expect(book.chapters.map((c) => c.title)).toEqual(['Introduction', 'History', 'Economy', 'Sport']);
    expect(book.report.sections.find((s) => s.title === 'Sport')!.onlyIn).toBe('b');
  });

  it('keeps the preferred wording of a near-duplicate and records the other', () => {
    expect(textOf('Introduction')).toEqual(['The city lies on a river. It has a cathedral.']);
    const dup = book.report.duplicates.find((d) => d.dropped === 'The city lies on a broad river.')!;
    expect(dup).toMatchObject({ kept: 'The city lies on a river.', source: { source: 'b', file: 'b.txt', line: 3 } });
    expect(dup.similarity).toBeGreaterThanOrEqual(0.6);
  });

  it('inserts a sentence only one source has after its neighbour, inside the paragraph', () => {
    expect(textOf('History')).toEqual([
      'It was founded in 1200 by monks. Its walls date from 1350. ' +
        'A fire destroyed it in 1400. It was rebuilt in stone.',
    ]);
    expect(textOf('Economy')).toEqual(['Trade in wool made it rich. A railway arrived in 1850.']);
  });

  it('gives every block the sources that carry it', () => {
    const history = book.chapters.find((c) => c.title === 'History')!.sections[0]!.blocks[0]!;
    expect(history.sources.map((p) => `${p.source}:${p.line}`).sort()).toEqual(['a:8', 'b:7']);
  });
});

describe('conflicts', () => {
  const a = parseText(
    [
      '= Embassy =',
      'The first envoy was Adolf Ioffe, who arrived in 1918.',
      '',
      '== Envoys ==',
      '* Adolf Ioffe (1918)',
      '* Nikolay Krestinsky (1921–1930)',
      '* Alexander Shkvartsev (1939–1940)',
    ].join('\n'),
    'new.wiki',
    { priority: 2 },
  );
  const b = parseText(
    [
      '= Embassy =',
      'The first envoy was Adolph Joffe, who arrived in 1918.',
      '',
      '== Envoys ==',
      '* Adolf Ioffe (1918)',
      '* Nikolay Krestinsky (1918–1930)',
      '* Kurt Wiedenfeld',
      '* Alexey Shkvartsev (1939–1940)',
    ].join('\n'),
    'old.wiki',
    { priority: 1 },
  );
  const book = mergeSources([a, b], meta);
  const conflicts = book.report.conflicts;

  it('keeps the preferred spelling of a name and gives the other with its source, as a spelling', () => {
    // One name spelled two ways is no disagreement of fact (no conflict, no question on it), but the reader
    // learns the other spelling and where it stands.
    expect(conflicts.some((c) => c.differs.includes('Ioffe'))).toBe(false);
    const notes = (book.apparatus?.notes ?? []).filter((n) => n.class === 'spelling');
    expect(notes.map((n) => n.text)).toEqual(['Also spelled “Adolph Joffe” (Embassy).']);
    const name = (book.report.variants ?? []).find((v) => v.class === 'spelling' && v.differs.includes('Ioffe'))!;
    expect(name.shown).toBe('note');
    expect(name.differs).toEqual(expect.arrayContaining(['Ioffe', 'Joffe']));
    expect(name.readings[0]!.text).toBe('The first envoy was Adolf Ioffe, who arrived in 1918.');
    expect(name.readings[1]).toMatchObject({
      text: 'The first envoy was Adolph Joffe, who arrived in 1918.',
      sources: [{ source: 'old', line: 2 }],
    });
    // Two different first names are a disagreement, shown to the reader.
    expect(
      conflicts.some((c) => c.kind === 'name' && c.differs.includes('Alexander') && c.differs.includes('Alexey')),
    ).toBe(true);
    expect((book.apparatus?.notes ?? []).some((n) => n.text.includes('Alexey'))).toBe(true);
  });

  it('records conflicting numbers and list membership', () => {
    const number = conflicts.find((c) => c.kind === 'number')!;
    expect(number.differs).toEqual(['1921', '1918']);
    expect(number.readings.map((r) => r.text)).toEqual([
      'Nikolay Krestinsky (1921–1930)',
      'Nikolay Krestinsky (1918–1930)',
    ]);
    const membership = conflicts.find((c) => c.kind === 'membership')!;
    expect(membership.differs).toEqual(['Kurt Wiedenfeld']);
  });

  it('puts an item one list lacks into that list, after its neighbour', () => {
    const list = book.chapters.find((c) => c.title === 'Envoys')!.sections[0]!.blocks;
    expect(list).toHaveLength(1);
    expect(list[0]!.text.split('\n')).toEqual([
      'Adolf Ioffe (1918)',
      'Nikolay Krestinsky (1921–1930)',
      'Kurt Wiedenfeld',
      'Alexander Shkvartsev (1939–1940)',
    ]);
  });
});

describe('sentence tools', () => {
  it('compares headings ignoring articles and punctuation', () => {
    expect(headingSimilarity("The 'Third Period'", 'Third Period')).toBe(1);
    expect(headingSimilarity('Revolution, end of World War I', 'Revolution and end of World War I')).toBe(1);
    expect(headingSimilarity('Trade', 'Spanish Civil War')).toBe(0);
  });

  it('splits sentences but not after initials or abbreviations, keeping citations', () => {
    const s = splitSentences([
      { type: 'text', value: 'Large, J. A. wrote it in 1978.' },
      { type: 'footnoteReference', identifier: 'r1' },
      { type: 'text', value: ' Mr. Smith agreed. The end.' },
    ]);
    expect(s).toEqual([
      { text: 'Large, J. A. wrote it in 1978.', refs: ['r1'], span: [0, 31] },
      { text: 'Mr. Smith agreed.', refs: [], span: [31, 49] },
      { text: 'The end.', refs: [], span: [49, 57] },
    ]);
  });

  it('ends a sentence after a mark in brackets glued to its stop, and never inside the mark', () => {
    const texts = (value: string) => splitSentences([{ type: 'text', value }]).map((x) => x.text);
    // ICU breaks after the opening bracket before a capital or a figure, and not at all before a lower-case
    // letter: both would change the text ("timeline.[ GC] Finally") or glue two sentences.
    expect(texts('It reflects a later transition timeline.[GC] Finally, a third group must reach it.')).toEqual([
      'It reflects a later transition timeline.[GC]',
      'Finally, a third group must reach it.',
    ]);
    expect(texts('The treaty was signed in 1922.[12] It lasted a decade.')).toEqual([
      'The treaty was signed in 1922.[12]',
      'It lasted a decade.',
    ]);
    expect(texts('The pact was renewed.[a] Trade grew.(note 2) Both sides gained.')).toEqual([
      'The pact was renewed.[a]',
      'Trade grew.(note 2) Both sides gained.',
    ]);
    expect(texts('Soldiers met at Brest.( ) Nothing followed.')).toEqual([
      'Soldiers met at Brest.( ) Nothing followed.',
    ]);
    // Brackets inside a sentence, or after a space, are left as they are.
    expect(texts('See [1] and [note 2] for details. The U.S.(Texas) delegation came.')).toEqual([
      'See [1] and [note 2] for details.',
      'The U.S.(Texas) delegation came.',
    ]);
  });
});

describe('a second article in two renditions (not tuned to the seeds)', () => {
  const wiki = parseText(readFileSync(path.join(FIXTURES, 'canal/canal-2012.wiki'), 'utf8'), 'canal-2012.wiki', {
    priority: 2,
  });
  const plain = parseText(readFileSync(path.join(FIXTURES, 'canal/canal-plain.txt'), 'utf8'), 'canal-plain.txt', {
    priority: 1,
  });
  const book = mergeSources([wiki, plain], meta);
  const chapter = (title: string) => book.chapters.find((c) => c.title === title)!;

  it('aligns renamed and reordered sections and keeps the one-source section', () => {
    // Wildlife follows Shipping (= Traffic) in the plain text, so it lands after Traffic.
    expect(book.chapters.map((c) => c.title)).toEqual([
      'Introduction',
      'Construction',
      'Traffic',
      'Wildlife',
      'Administration',
    ]);
    expect(book.report.sections.find((s) => s.title === 'Wildlife')!.onlyIn).toBe('canal-plain');
    expect(book.backMatter.map((b) => b.title)).toEqual(['See also']);
  });

  it('folds reworded sentences, inserts the sentence only the plain text has, keeps the notes', () => {
    expect(chapter('Construction').sections[0]!.blocks.map((b) => b.text)).toEqual([
      'Work began in 1851 under the engineer Ottilie Brandvold. ' +
        'About nine thousand labourers dug the channel by hand. ' +
        'Cholera killed several hundred of them in 1854. ' +
        'The canal opened to traffic on 4 May 1859.',
    ]);
    expect(book.citations.map((c) => c.text)).toEqual([
      'Harbour Atlas of the North, 3rd ed. (2009), p. 14.',
      'Brandvold, O. Notes on a Waterway (1860).',
    ]);
    const traffic = chapter('Traffic')
      .sections[0]!.blocks.map((b) => b.text)
      .join(' ');
    expect(traffic.match(/31,000 vessels/g)).toHaveLength(1);
  });

  it('reports the conflicting year with both readings', () => {
    const c = book.report.conflicts.find((x) => x.kind === 'number')!;
    expect(c.differs).toEqual(['1851', '1852']);
    expect(c.readings.map((r) => r.sources[0]!.file)).toEqual(['canal-2012.wiki', 'canal-plain.txt']);
  });
});

describe('text work remembered between builds in one process (a watch session)', () => {
  const seeds = () => [
    parseSeed(SEEDS.later, 4),
    parseSeed(SEEDS.plain, 3),
    parseSeed(SEEDS.dump, 2),
    parseSeed(SEEDS.key, 1),
  ];

  it('a second merge and study of the same sources gives the same book, even after the first book was changed', () => {
    const first = addStudyAids(mergeSources(seeds(), meta));
    const expected = structuredClone(first);
    // Change every part of the first book a later stage could touch: a remembered result shared with it
    // would carry the change into the next build.
    for (const chapter of first.chapters) {
      for (const section of chapter.sections) {
        for (const point of section.keyPoints) point.markers.push('x');
        for (const block of section.blocks) {
          block.sentences.push('An added sentence.');
          block.sentences[0] = 'Changed.';
          block.sources.length = 0;
        }
      }
    }
    for (const event of first.glossaries.timeline) event.date = '0000';
    for (const treaty of first.glossaries.treaties) treaty.mentions.length = 0;
    first.report.conflicts.length = 0;
    const second = addStudyAids(mergeSources(seeds(), meta));
    expect(second).toEqual(expected);
  });

  it('an edited sentence is split and dated anew; the unchanged ones give what they gave', () => {
    const edited = seeds();
    const before = addStudyAids(mergeSources(seeds(), meta));
    edited[0] = parseText(
      readContent(SEEDS.later).replace('annulling all mutual claims', 'annulling all mutual claims on 3 March 1923'),
      SEEDS.later,
      { priority: 4 },
    );
    const after = addStudyAids(mergeSources(edited, meta));
    const dates = (b: typeof before) => b.glossaries.timeline.map((e) => e.date);
    expect(dates(after)).toContain('1923-03-03');
    expect(dates(before)).not.toContain('1923-03-03');
    expect(after.glossaries.timeline.filter((e) => e.date !== '1923-03-03').map((e) => e.date)).toEqual(dates(before));
  });

  it('forgets what it remembered when asked (the bench measures builds without any cache)', () => {
    const text = 'The Treaty of Rapallo was signed in April 1922. It renounced all claims.';
    const split = () => splitSentences([{ type: 'text', value: text }]);
    const first = split();
    expect(split()).toBe(first);
    forgetRemembered();
    const again = split();
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
