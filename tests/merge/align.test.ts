import { describe, expect, it } from 'vitest';
import { alignSource, baseOutline, castSources, land, placeSections, sectionsOf } from '../../src/merge/align.js';
import { Outline } from '../../src/merge/outline.js';
import { newSection } from '../../src/merge/work.js';
import { parseText } from '../support/content.js';

const at = { source: 'a', file: 'a', line: 1 };

describe('casting the sources', () => {
  it('takes the structure from the source with most headings and the wording from the highest priority', () => {
    const coarse = parseText('= A =\nOne.\n\n== B ==\nTwo.', 'coarse.wiki', { priority: 3 });
    const fine = parseText('= A =\nOne.\n\n== B ==\nTwo.\n\n== C ==\nThree.', 'fine.wiki', { priority: 2 });
    const keys = parseText('One. [1]', 'keys.txt', { format: 'cited-sentences', priority: 9 });
    const cast = castSources([fine, keys, coarse]);
    expect(cast.preferred.info.id).toBe('coarse');
    expect(cast.structure.info.id).toBe('fine');
    expect(cast.texts.map((s) => s.info.id)).toEqual(['coarse', 'fine']);
    expect(cast.keySentences.map((s) => s.info.id)).toEqual(['keys']);
  });
});

describe('placing the sections of another source', () => {
  const base = parseText(
    '= City =\nThe city lies on a river.\n\n== History ==\nIt was founded in 1200 by monks.',
    'base.wiki',
    { priority: 1 },
  );
  const other = parseText(
    [
      '= City =',
      'The city lies on a river.',
      '',
      '== Past ==',
      '',
      '=== History ===',
      'It was founded in 1200 by monks.',
      '',
      '== Sport ==',
      'The football club was founded in 1901.',
    ].join('\n'),
    'other.wiki',
    { priority: 2 },
  );

  it('aligns by heading, folds a grouping heading into its next section, and places a new one after', () => {
    const { outline, placements } = baseOutline(base);
    for (const p of placements) p.into.blocks.push({ kind: 'paragraph', sentences: [], sources: [] });
    const placed = alignSource(outline, other, true);
    const [lead, history] = outline.sections;
    expect(placed.alignment.map((r) => [r.section.title, r.into?.title])).toEqual([
      ['', ''],
      ['Past', 'History'],
      ['History', 'History'],
      ['Sport', 'Sport'],
    ]);
    expect(placed.alignment[1]!.into).toBe(history);
    expect(placed.warnings.map((w) => w.line)).toEqual([4]);
    expect(placed.placements.map((p) => p.into === lead || p.into === history)).toEqual([true, true, false]);
    expect(placed.placements[2]).toMatchObject({ after: history, into: { title: 'Sport', level: 2 } });
    // Nothing enters the book until it lands.
    expect(outline.sections).toHaveLength(2);
    for (const p of placed.placements) land(outline, p);
    expect(outline.sections.map((s) => s.title)).toEqual(['', 'History', 'Sport']);
    expect(history!.sources.map((p) => `${p.source}:${p.line}`)).toEqual(['base:4', 'other:6']);
  });

  it('takes the headings of the preferred source only', () => {
    const ours = [newSection('', 1, at), newSection('Founding', 2, at)];
    const theirs = sectionsOf(other).filter((s) => s.title !== 'Past' && s.title !== 'Sport');
    const targets = { targets: ours, score: [1, 0.9] };
    const preferred = placeSections(other, theirs, targets, { isPreferred: true, lead: ours[0]! });
    const not = placeSections(other, theirs, targets, { isPreferred: false, lead: ours[0]! });
    expect(preferred.placements.map((p) => p.title)).toEqual([undefined, 'History']);
    expect(not.placements.map((p) => p.title)).toEqual([undefined, undefined]);
  });
});

describe('the outline', () => {
  it('knows which sections lie within another, also after an insertion', () => {
    const [lead, a, a1, b] = [
      newSection('', 1, at),
      newSection('A', 2, at),
      newSection('A1', 3, at),
      newSection('B', 2, at),
    ];
    const outline = new Outline([lead!, a!, a1!, b!]);
    expect(outline.within(a1!, a!)).toBe(true);
    expect(outline.within(b!, a!)).toBe(false);
    expect(outline.within(a!, a1!)).toBe(false);
    const a2 = newSection('A2', 3, at);
    outline.insertAfter(a1!, a2);
    expect(outline.within(a2, a!)).toBe(true);
    expect(outline.within(b!, a!)).toBe(false);
    // A section of A's level put after A goes after A's subsections: it never takes them over.
    const added = newSection('New', 2, at);
    outline.insertAfter(a!, added);
    expect(outline.within(a2, a!)).toBe(true);
    expect(outline.within(a1!, added)).toBe(false);
    expect(outline.sections.map((s) => s.title)).toEqual(['', 'A', 'A1', 'A2', 'New', 'B']);
    // A subsection put after A goes right after it; the lead spans only itself.
    const first = newSection('A0', 3, at);
    outline.insertAfter(a!, first);
    expect(outline.sections.map((s) => s.title)).toEqual(['', 'A', 'A0', 'A1', 'A2', 'New', 'B']);
    expect(outline.within(a!, lead!)).toBe(false);
    expect(outline.within(lead!, lead!)).toBe(true);
  });
});
