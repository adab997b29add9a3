import { describe, expect, it } from 'vitest';
import { addKeyPoints, matchKeySentences } from '../../src/merge/key-sentences.js';
import { mergeSources } from '../../src/merge/index.js';
import { SentenceIndex } from '../../src/merge/sentences.js';
import { newSection, type Hit, type WBlock } from '../../src/merge/work.js';
import { parseText, TEST_META } from '../support/content.js';

describe('key sentences', () => {
  const at = { source: 'a', file: 'a.wiki', line: 1 };
  const canal = newSection('Canal', 2, at);
  const railway = newSection('Railway', 2, at);
  const index = new SentenceIndex<Hit>();
  for (const [section, text] of [
    [canal, 'The canal was dug by hand between 1851 and 1859 by nine thousand labourers.'],
    [railway, 'The railway reached the harbour town in 1850 and carried coal inland.'],
  ] as const) {
    const sentence = { text, refs: [], sources: [at], priority: 1 };
    const block: WBlock = { kind: 'paragraph', sentences: [sentence], sources: [at] };
    section.blocks.push(block);
    index.add(text, { block, sentence, section });
  }
  const keys = parseText(
    [
      'The railway reached the town in 1850. [1]',
      '',
      'Nine thousand labourers dug the canal by hand.',
      '',
      'Bees make honey in summer. The harbour froze in winter.',
    ].join('\n'),
    'keys.txt',
    { format: 'cited-sentences' },
  );

  it('match each sentence to the section holding its closest sentence, and omit what matches nothing', () => {
    const { matches, omitted } = matchKeySentences([keys], index, 'en');
    expect(matches.map((m) => [m.section.title, m.point.text])).toEqual([
      ['Railway', 'The railway reached the town in 1850.'],
      ['Canal', 'Nine thousand labourers dug the canal by hand.'],
    ]);
    expect(matches[0]!.point.sources).toEqual([{ source: 'keys', file: 'keys.txt', line: 1 }]);
    expect(omitted.map((o) => o.text)).toEqual(['Bees make honey in summer.', 'The harbour froze in winter.']);
  });

  it('become key points of their sections, their source a contributor there', () => {
    addKeyPoints(matchKeySentences([keys], index, 'en').matches);
    expect(railway.keyPoints.map((k) => k.text)).toEqual(['The railway reached the town in 1850.']);
    expect([...railway.contributors]).toEqual(['keys']);
  });

  it('are told apart from text by the source’s role, not its format', () => {
    const text = parseText('= T =\nThe canal was dug by hand by nine thousand labourers.', 't.wiki', { priority: 2 });
    const asKeys = parseText('Nine thousand labourers dug the canal by hand.', 'k.txt', { format: 'plain-text' });
    asKeys.info.role = 'key-sentences';
    const book = mergeSources([text, asKeys], TEST_META);
    const points = book.chapters.flatMap((c) => c.sections.flatMap((s) => s.keyPoints.map((k) => k.text)));
    expect(points).toEqual(['Nine thousand labourers dug the canal by hand.']);
    expect(book.report.structureFrom).toBe('t');
    // Not fused as text: no section of it aligned, no sentence of it folded.
    expect(book.report.alignment.map((r) => r.source)).toEqual(['t']);
    expect(book.report.duplicates).toEqual([]);
  });
});
