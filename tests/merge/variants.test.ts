import { describe, expect, it } from 'vitest';
import { membershipVariants, readingVariant } from '../../src/merge/variants.js';
import { compareFacts } from '../../src/merge/facts.js';
import { newSection, type WSentence } from '../../src/merge/work.js';

const p = (source: string, line = 1) => ({ source, file: `${source}.wiki`, line });
const sentence = (text: string, ...sources: string[]): WSentence => ({
  text,
  refs: [],
  sources: sources.map((s) => p(s)),
  priority: 1,
});

describe('facts of two readings', () => {
  it('conflict when each side states a number, date or spelling of a name the other contradicts', () => {
    expect(compareFacts('Signed in 1921 at Rapallo.', 'Signed in 1922 at Rapallo.', 'en')).toMatchObject({
      relation: 'conflict',
      kind: 'date',
      onlyA: ['1921'],
      onlyB: ['1922'],
    });
    expect(compareFacts('It cost 300 marks.', 'It cost 400 marks.', 'en').kind).toBe('number');
    expect(compareFacts('On April 16, 1920, Kopp asked.', 'On April 15, 1920, Kopp asked.', 'en').kind).toBe('date');
    const ioffe = compareFacts('Then Adolf Ioffe arrived.', 'Then Adolph Joffe arrived.', 'en');
    expect(ioffe.kind).toBe('name');
    expect([ioffe.onlyA, ioffe.onlyB]).toEqual([['Ioffe'], ['Joffe']]);
    expect(compareFacts('Alexander Shkvartsev (1939–1940)', 'Alexey Shkvartsev (1939–40)', 'en').kind).toBe('name');
  });

  it('conflict when one name is put for another in the same words', () => {
    const saratov = 'A gas facility in Saratov Oblast was used.';
    expect(compareFacts(saratov, 'A gas facility in Samara Oblast was used.', 'en')).toMatchObject({
      relation: 'conflict',
      kind: 'place',
      onlyA: ['Saratov'],
      onlyB: ['Samara'],
    });
    expect(
      compareFacts('They fought for the Republican forces.', 'They fought for the Loyalists.', 'en').relation,
    ).toBe('same');
    expect(compareFacts('The Treaty was signed.', 'This Treaty was signed.', 'en').relation).toBe('same');
    expect(compareFacts('Then Ioffe arrived.', 'Then Krestinsky arrived.', 'en')).toMatchObject({
      kind: 'name',
      onlyA: ['Ioffe'],
      onlyB: ['Krestinsky'],
    });
    // A ruler with a regnal number put for another; one body named two ways is a rewording.
    const ruler = compareFacts(
      'Rok 966, kiedy władca Mieszko I przyjął chrześcijaństwo.',
      'Rok 966, kiedy władca Siemomysł przyjął chrześcijaństwo.',
      'pl',
    );
    expect(ruler).toMatchObject({ relation: 'conflict', kind: 'name', onlyA: ['Mieszko I'], onlyB: ['Siemomysł'] });
    // The pronoun "I" after a name is no regnal number; a particle does not end a name.
    expect(compareFacts('Then in Moscow I met Stalin.', 'Then in Berlin I met Stalin.', 'en').onlyA).toEqual([
      'Moscow',
    ]);
    expect(compareFacts('Tomaron Granada y Sevilla.', 'Tomaron Toledo y Sevilla.', 'es').onlyA).toEqual(['Granada']);
    expect(compareFacts('The Soviet Navy helped Germany.', 'The Soviets helped Germany.', 'en').relation).toBe('same');
    expect(compareFacts('The German Navy took a base.', 'The Kriegsmarine took a base.', 'en').relation).toBe('same');
    const france = compareFacts('France signed a Franco-Soviet treaty.', 'A Soviet-French treaty was signed.', 'en');
    expect(france.relation).not.toBe('conflict');
  });

  it('make the reading with a hole the lesser one, never a conflict', () => {
    const hole = 'Before the war, Germany imported of raw materials.';
    const full = 'Before the war, Germany imported 1.5 billion marks of raw materials.';
    expect(compareFacts(hole, full, 'en').relation).toBe('b-fuller');
    expect(compareFacts(full, hole, 'en').relation).toBe('a-fuller');
    expect(compareFacts('Signed at Rapallo.', 'Signed at Rapallo in 1922.', 'en').relation).toBe('b-fuller');
  });

  it('are the same across inflection, case and rewording of different names', () => {
    expect(compareFacts('The German army left.', 'The Germany army left.', 'en').relation).toBe('same');
    expect(compareFacts('Talks with Soviet envoys.', 'Talks with soviet envoys.', 'en').relation).toBe('same');
    expect(compareFacts('Then Ioffe came by train.', 'Then Krestinsky arrived.', 'en').relation).toBe('same');
    expect(compareFacts('Talks began.', 'Talks began in Moscow.', 'en').relation).toBe('same');
  });
});

describe('a list inside a sentence', () => {
  const five = 'The league admitted Arden, Brill, Corvan, Dunmore and Elst in spring.';
  const six = 'The league admitted Arden, Brill, Corvan, Dunmore, Elst, and Farrow in spring.';

  it('with an item more in one reading is a list variant naming the item, the listing reading first', () => {
    const facts = compareFacts(five, six, 'en');
    expect(facts).toMatchObject({ relation: 'conflict', kind: 'list', onlyB: ['Farrow'] });
    const section = newSection('S', 2, p('a'));
    const kept = sentence(five, 'a');
    const variant = readingVariant(section, kept, sentence(six, 'b'), { facts, incomingWins: false })!;
    expect(variant.kind).toBe('list');
    expect(variant.differs).toEqual(['Farrow']);
    expect(variant.readings.map((r) => r.text)).toEqual([six, five]);
    expect(variant.at).toBe(kept);
  });

  it('is no list when two names are only joined by "and" (a rewording, not an item more)', () => {
    const a = 'The war was disastrous for both the Arden Crown and the Brill Republic.';
    const b = 'The war was disastrous for both the future of Corvan and for the Brill Republic.';
    expect(compareFacts(a, b, 'en').kind).not.toBe('list');
  });
});

describe('variants', () => {
  it('of a reading put the one the book keeps first, classed by what differs', () => {
    const section = newSection('S', 2, p('a'));
    const kept = sentence('Signed in 1921.', 'a');
    const incoming = sentence('Signed in 1922.', 'b');
    const facts = compareFacts(kept.text, incoming.text, 'en');
    const kept1 = readingVariant(section, kept, incoming, { facts, incomingWins: false })!;
    expect(kept1.readings.map((r) => r.text)).toEqual(['Signed in 1921.', 'Signed in 1922.']);
    expect(kept1.kind).toBe('date');
    expect(kept1.at).toBe(kept);
    const won = readingVariant(section, kept, incoming, { facts, incomingWins: true })!;
    expect(won.readings.map((r) => r.text)).toEqual(['Signed in 1922.', 'Signed in 1921.']);
    const more = sentence('Signed in 1921 for 30 years.', 'b');
    const omission = readingVariant(section, kept, more, {
      facts: compareFacts(kept.text, more.text, 'en'),
      incomingWins: true,
    })!;
    expect(omission.kind).toBe('omission');
    expect(omission.at).toBeUndefined();
    const same = sentence('signed in 1921', 'b');
    expect(
      readingVariant(section, kept, same, { facts: compareFacts(kept.text, same.text, 'en'), incomingWins: false }),
    ).toBeUndefined();
  });

  it('of a list name each item some of its sources lack, and those sources', () => {
    const section = newSection('S', 2, p('a'));
    section.blocks.push({
      kind: 'list',
      sentences: [sentence('Ioffe', 'a', 'b', 'c'), sentence('Wiedenfeld', 'b')],
      sources: [p('a'), p('b'), p('c')],
    });
    section.blocks.push({ kind: 'list', sentences: [sentence('Alone', 'a')], sources: [p('a')] });
    const variants = membershipVariants([section]);
    expect(variants).toHaveLength(1);
    expect(variants[0]!.kind).toBe('list');
    expect(variants[0]!.differs).toEqual(['Wiedenfeld']);
    expect(variants[0]!.readings).toEqual([
      { text: 'listed: Wiedenfeld', sources: [p('b')] },
      { text: 'not listed', sources: [p('a'), p('c')] },
    ]);
    expect(section.blocks[0]!.sentences[1]!.variants).toEqual(variants);
  });
});
