/**
 * Paraphrases with few words in common (issue #19): two sentences that fill one slot of the collation —
 * each right after the same aligned sentence and right before the same aligned sentence — are one
 * statement when their stems overlap enough (acronyms spelled out) and their facts agree. The book prints
 * it once: the fuller reading, else the preferred one; the other is a variant in the report. Sentences in
 * one slot that say other things, state other figures, or sit between different neighbours all stay.
 */
import { describe, expect, it } from 'vitest';
import { mergeSources } from '../../src/merge/index.js';
import { allBlocks, type Book } from '../../src/model/index.js';
import { acronymDefinitions, initialsOf } from '../../src/merge/acronyms.js';
import { parseText, TEST_META } from '../support/content.js';

const wiki = (lines: string[], file: string, priority: number) =>
  parseText(['= Events =', ...lines].join('\n\n'), file, { priority });
const sentences = (book: Book) => allBlocks(book).flatMap((b) => b.sentences);
const merge = (preferred: string[], other: string[], third?: string[]) =>
  mergeSources(
    [
      wiki(preferred, 'preferred.wiki', 3),
      wiki(other, 'other.wiki', 2),
      ...(third ? [wiki(third, 'third.wiki', 1)] : []),
    ],
    TEST_META,
  );

const BEFORE = 'The harvest of that year was the worst in living memory.';
const AFTER = 'By the following winter the grain reserves of the province were exhausted.';
const LEDGERS =
  'As the ledgers seized by the customs office in 1861 and published much later show, ' +
  'the new governor was cautiously seen by the merchants as a chance.';

describe('two sentences in one slot of the collation', () => {
  it('are one statement when one names by acronym the parties the other spells out', () => {
    const spelledOut = [
      'The Northland Farmers Union was founded in the old market town.',
      BEFORE,
      'The quarrel between the Northland Farmers Union and the Rural Tenants League helped grain merchants.',
      AFTER,
    ];
    const book = merge(
      [
        // Defined in the text: the acronym of the name in another language.
        'The Northland Farmers Union (LBV) was founded in the old market town.',
        BEFORE,
        'The quarrel between the LBV and the RTL emboldened the grain merchants to hoard.',
        AFTER,
      ],
      spelledOut,
      spelledOut,
    );
    const quarrel = sentences(book).filter((s) => s.includes('quarrel'));
    expect(quarrel).toEqual(['The quarrel between the LBV and the RTL emboldened the grain merchants to hoard.']);
    // One record for the sentence: each reading with the sources that read it.
    const variants = book.report.variants!.filter((v) => v.readings.some((r) => r.text.includes('Rural Tenants')));
    expect(variants).toHaveLength(1);
    expect(variants[0]!.class).toBe('wording');
    expect(variants[0]!.shown).toBe('report');
    expect(variants[0]!.readings.map((r) => r.sources.map((s) => s.source))).toEqual([
      ['preferred'],
      ['other', 'third'],
    ]);
  });

  it('keeps the reading that states more facts, whichever source it comes from', () => {
    const book = merge(
      [BEFORE, 'The new governor was cautiously seen by the merchants as an opening.', AFTER],
      [BEFORE, LEDGERS, AFTER],
    );
    const governor = sentences(book).filter((s) => s.includes('governor'));
    expect(governor).toHaveLength(1);
    expect(governor[0]).toContain('1861');
    expect(book.report.variants!.some((v) => v.readings.some((r) => r.text.endsWith('as an opening.')))).toBe(true);
  });

  it('are one sentence with a name variant shown to readers when one names a document otherwise', () => {
    const book = merge(
      [
        BEFORE,
        'All four towns were handed the duke’s threats and had no choice but to sign a so-called ' +
          'Charter of defence which let the duke keep garrisons on their land.',
        AFTER,
      ],
      [
        BEFORE,
        'All four were given no choice but to sign a so-called Covenant of defence which permitted ' +
          'the duke to station soldiers in them.',
        AFTER,
      ],
    );
    expect(sentences(book).filter((s) => s.includes('of defence'))).toHaveLength(1);
    const variant = book.report.variants!.find((v) => v.class === 'name')!;
    expect(variant.readings.map((r) => r.text.includes('Charter'))).toEqual([true, false]);
    expect(variant.shown).toBe('note');
  });

  it('are one when a copy lost the capital of its sentence and words differ by a plural', () => {
    // "…no matter. the tax escalated…": the copy glued two sentences by losing a capital; cut apart, its second
    // sentence fills the slot the other source fills with the same claim worded otherwise.
    const book = merge(
      [BEFORE, 'Taxes escalated after the Operation Thunder.', AFTER],
      [BEFORE, 'Few of the farmers complained, but no matter. the tax escalated after the invasion of 1861.', AFTER],
    );
    const text = sentences(book);
    expect(text).toContain('Few of the farmers complained, but no matter.');
    // The year and the operation's name word one event two ways: neither reading is fuller, the preferred stays.
    expect(text.filter((s) => /^tax|^the tax/i.test(s))).toEqual(['Taxes escalated after the Operation Thunder.']);
    const dropped = 'The tax escalated after the invasion of 1861.';
    expect(book.report.duplicates.some((d) => d.dropped === dropped)).toBe(true);
  });

  it('are one claim worded incompatibly when they share a long core besides other figures', () => {
    // Each names a year the other lacks; the rest is one claim in other words. The slot closes with the
    // same sentence paraphrased (not a near-duplicate).
    const book = merge(
      [
        BEFORE,
        'The ruling council of the northern province, whose elders dominated the assembly from 1851 onwards, ' +
          'continued to regard the river merchants as no less of a danger than the hill raiders ' +
          '(some saw the merchants as the greater danger).',
        'At the same time, as the province underwent upheavals in the midst of the great drought of 1855–1858, ' +
          'the towns or even the southern traders did not perceive it as a potentially valuable ally.',
      ],
      [
        BEFORE,
        'The river merchants continued to be seen by the ruling council of the northern province as no less ' +
          'a danger than the hill raiders (some felt that the merchants were the greater danger), not least ' +
          'for their support of the rebel mayor during the salt riots (1856-1857).',
        'At the same time, as the province was blindly stumbling about in the midst of the great drought, it ' +
          'was not perceived to be a valuable ally by the towns.',
      ],
    );
    const text = sentences(book);
    expect(text.filter((s) => s.includes('no less'))).toEqual([expect.stringContaining('from 1851 onwards')]);
    const claim = book.report.variants!.find((v) => v.class === 'claim')!;
    expect(claim.shown).toBe('note');
    const note = book.apparatus!.notes.find((n) => n.class === 'claim')!;
    expect(note.text).toContain('salt riots (1856-1857)');
    expect(note.text).toMatch(/^Sources word this differently: the text follows \S+; \S+ reads “The river merchants/);
  });

  it('are one when a source says in two sentences, with a year more, what the other says in one', () => {
    const book = merge(
      [BEFORE, 'Though the guilds denied its existence, the charter was rumoured to exist from the very start.', AFTER],
      [
        BEFORE,
        'The charter was rumoured to exist from the very start and was found in the town archives in 1861.',
        'The council, however, officially denied its existence until 1870.',
        AFTER,
      ],
    );
    const text = sentences(book);
    expect(text.filter((s) => s.includes('rumoured'))).toEqual([expect.stringContaining('in 1861')]);
    expect(text).toContain('The council, however, officially denied its existence until 1870.');
    expect(text.indexOf('The council, however, officially denied its existence until 1870.')).toBe(
      text.findIndex((s) => s.includes('rumoured')) + 1,
    );
  });

  it('keeps both when they say other things in the same place', () => {
    const book = merge(
      [BEFORE, 'The river flooded the lower fields of the valley in early spring.', AFTER],
      [BEFORE, 'The merchants of the valley raised the price of bread in early spring.', AFTER],
    );
    const text = sentences(book);
    expect(text).toContain('The river flooded the lower fields of the valley in early spring.');
    expect(text).toContain('The merchants of the valley raised the price of bread in early spring.');
  });

  it('keeps both when they state other figures', () => {
    const book = merge(
      [BEFORE, 'The mill of the province grinds 300 tons of rye each autumn.', AFTER],
      [BEFORE, 'Each autumn the provincial mills ground 450 tons of barley for the army.', AFTER],
    );
    expect(sentences(book).filter((s) => s.includes('tons'))).toHaveLength(2);
  });

  it('keeps both when what follows them differs: they do not fill one slot', () => {
    const governor = 'The new governor was cautiously seen by the merchants as an opening.';
    const book = merge(
      [BEFORE, governor, AFTER],
      [BEFORE, LEDGERS, 'Three envoys were sent to the capital to plead for relief.'],
    );
    const text = sentences(book);
    expect(text).toContain(governor);
    expect(text).toContain(LEDGERS);
  });

  it('folds nothing within one source, whatever the slot', () => {
    const one = wiki(
      [BEFORE, 'She wrote a novel about the harvest.', 'She wrote a novel about the famine.', AFTER],
      'one.wiki',
      1,
    );
    expect(sentences(mergeSources([one], TEST_META)).filter((s) => s.startsWith('She wrote'))).toHaveLength(2);
  });
});

describe('one sentence that says what the book says in two', () => {
  const CROSSED = 'On November 3 the northern army finally crossed the frozen river from the west.';
  const PRETEXT =
    'As the pretext for their march, the generals cited the collapse of the river fortress and claimed ' +
    'that they were trying to protect the fishing villages.';
  // The preferred source tells the crossing in a section of its own; the other ends its previous section
  // with it, in one sentence, with a cross-reference in brackets.
  const preferred = [
    '= Autumn =',
    BEFORE,
    AFTER,
    '= Winter =',
    `${CROSSED} ${PRETEXT}`,
    'The river towns were burned in the weeks that followed.',
  ];
  const merged = (sentence: string) =>
    mergeSources(
      [
        parseText(preferred.join('\n\n'), 'preferred.wiki', { priority: 2 }),
        parseText(['= Autumn =', BEFORE, `${AFTER} ${sentence}`].join('\n\n'), 'other.wiki', { priority: 1 }),
      ],
      TEST_META,
    );

  it('is folded into the two, wherever the book has them, and kept as a reading', () => {
    const book = merged(
      'On November 3 the northern troops finally crossed the frozen river from the west (see Winter campaign), ' +
        'citing the collapse of the river fortress and alleged protection of the fishing villages as the pretext.',
    );
    const text = sentences(book);
    expect(text.filter((s) => s.includes('crossed the frozen river'))).toEqual([CROSSED]);
    expect(text.indexOf(PRETEXT)).toBe(text.indexOf(CROSSED) + 1);
    expect(book.report.duplicates.some((d) => d.dropped.includes('(see Winter campaign)'))).toBe(true);
  });

  it('stays when it states another date (another event, or a disagreement too loose to pair)', () => {
    const book = merged(
      'On November 9 the northern troops finally crossed the frozen river from the west, ' +
        'citing the collapse of the river fortress and alleged protection of the fishing villages as the pretext.',
    );
    expect(sentences(book).filter((s) => s.includes('crossed the frozen river'))).toHaveLength(2);
  });
});

describe('a sentence whose claim a revision changed', () => {
  const LATER =
    'From the first days of the talks with the river towns, the guild demanded that Ostmark be given ' +
    'a seat on the council.';
  const EARLIER =
    'From the first days of the talks with the river towns the guild position demanded the closing of ' +
    'the Weir, the Ford and the Mill Gate.';

  it('is one sentence with a note giving the other reading whole, and the source going on folds too', () => {
    const book = merge(
      [BEFORE, LATER, AFTER],
      [BEFORE, EARLIER, 'Ostmark was to be given a seat on the council as well.', AFTER],
    );
    const text = sentences(book);
    expect(text.filter((s) => s.startsWith('From the first days'))).toEqual([LATER]);
    expect(text.some((s) => s.startsWith('Ostmark was to be given'))).toBe(false);
    const note = book.apparatus!.notes.find((n) => n.class === 'claim')!;
    expect(note.text).toContain(EARLIER);
  });

  it('stays two sentences when they open alike for fewer words', () => {
    const book = merge(
      [BEFORE, 'In the spring the guild demanded a seat on the council for Ostmark.', AFTER],
      [BEFORE, 'In the spring the guild closed the Weir and the Ford to all barges.', AFTER],
    );
    expect(sentences(book).filter((s) => s.startsWith('In the spring'))).toHaveLength(2);
  });
});

describe('acronyms', () => {
  it('are defined by a name in brackets after or before them', () => {
    const defined = acronymDefinitions([
      'The policy of the Northland Farmers Union (LBV) changed. NATO (North Atlantic Treaty Organization) grew.',
    ]);
    expect(Object.fromEntries(defined)).toEqual({
      LBV: 'Northland Farmers Union',
      NATO: 'North Atlantic Treaty Organization',
    });
  });

  it('match the initials of a name, first letter first, in any order after it', () => {
    expect(initialsOf('SPD', 'Social Democratic Party of Germany')).toBe(true);
    expect(initialsOf('USSR', 'Union of Soviet Socialist Republics')).toBe(true);
    expect(initialsOf('KPD', 'Communist Party of Germany')).toBe(false);
    expect(initialsOf('DPS', 'Social Democratic Party')).toBe(false);
    expect(initialsOf('UN', 'United Nations Educational Scientific Cultural Organization')).toBe(false);
  });
});
