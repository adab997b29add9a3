import { describe, expect, it } from 'vitest';
import { baseOutline, sectionsOf } from '../../src/merge/align.js';
import { fuseSection, newFusion, type FuseSource } from '../../src/merge/fuse.js';
import type { Source } from '../../src/model/index.js';
import { parseText } from '../support/content.js';

const base = parseText(
  [
    '= Town =',
    'The town lies on a broad river in the north. It has a Gothic cathedral from 1250.',
    '',
    '* Wool trade with Flanders',
    '* Salt from the coastal pans',
  ].join('\n'),
  'base.wiki',
  { priority: 2 },
);
const other = parseText(
  [
    '= Town =',
    'The town lies on a river in the north. A bridge crosses it at the market. It has a Gothic cathedral from 1260.',
    '',
    '* Wool trade with Flanders',
    '* Timber from the hills',
    '* Salt from the coastal pans',
  ].join('\n'),
  'other.wiki',
  { priority: 1 },
);

function fuseBoth(addsText: boolean) {
  const { outline, placements } = baseOutline(base);
  const fusion = newFusion();
  const how = (source: Source, isBase: boolean): FuseSource => ({
    source,
    isBase,
    addsText: isBase || addsText,
    locale: 'en',
    threshold: 0.6,
  });
  for (const p of placements) fuseSection(fusion, outline, p.section, p.into, how(base, true));
  const lead = outline.sections[0]!;
  fuseSection(fusion, outline, sectionsOf(other)[0]!, lead, how(other, false));
  const texts = lead.blocks.map((b) => b.sentences.map((s) => s.text));
  return { fusion, lead, texts };
}

describe('fusing a section', () => {
  it('keeps the preferred wording and puts what only the other has after its neighbour', () => {
    const { texts, lead } = fuseBoth(true);
    expect(texts).toEqual([
      [
        'The town lies on a broad river in the north.',
        'A bridge crosses it at the market.',
        'It has a Gothic cathedral from 1250.',
      ],
      ['Wool trade with Flanders', 'Timber from the hills', 'Salt from the coastal pans'],
    ]);
    expect(lead.blocks[0]!.sentences[0]!.sources.map((p) => p.source)).toEqual(['base', 'other']);
    expect(lead.blocks[0]!.sources.map((p) => p.source)).toEqual(['base', 'other']);
    expect([...lead.contributors]).toEqual(['base', 'other']);
  });

  it('records each folded wording and each disagreement', () => {
    const { fusion } = fuseBoth(true);
    expect(fusion.duplicates.map((d) => [d.dropped, d.kept.sentence.text])).toEqual([
      ['The town lies on a river in the north.', 'The town lies on a broad river in the north.'],
      ['It has a Gothic cathedral from 1260.', 'It has a Gothic cathedral from 1250.'],
      ['Wool trade with Flanders', 'Wool trade with Flanders'],
      ['Salt from the coastal pans', 'Salt from the coastal pans'],
    ]);
    expect(fusion.variants.map((v) => [v.kind, v.differs])).toEqual([
      ['wording', []],
      ['date', ['1250', '1260']],
    ]);
  });

  it('omits what only the other source has when it may add no text', () => {
    const { texts, fusion } = fuseBoth(false);
    expect(texts.flat()).not.toContain('A bridge crosses it at the market.');
    expect(fusion.omitted.map((o) => o.text)).toEqual(['A bridge crosses it at the market.', 'Timber from the hills']);
    expect(fusion.duplicates).toHaveLength(4);
  });
});
