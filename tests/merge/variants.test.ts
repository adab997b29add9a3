import { describe, expect, it } from 'vitest';
import { differences, membershipVariants, wordingVariant } from '../../src/merge/variants.js';
import { newSection, type WSentence } from '../../src/merge/work.js';

const p = (source: string, line = 1) => ({ source, file: `${source}.wiki`, line });
const sentence = (text: string, ...sources: string[]): WSentence => ({
  text,
  refs: [],
  sources: sources.map((s) => p(s)),
  priority: 1,
});

describe('variants', () => {
  it('are a number or a spelling of a name both sides change, not one side saying more', () => {
    expect(differences('Signed in 1921 at Rapallo.', 'Signed in 1922 at Rapallo.')).toEqual({
      kind: 'number',
      differs: ['1921', '1922'],
    });
    expect(differences('Adolf Ioffe arrived.', 'Adolph Joffe arrived.')?.kind).toBe('name');
    expect(differences('Signed at Rapallo.', 'Signed at Rapallo in 1922.')).toBeUndefined();
    expect(differences('Ioffe arrived.', 'Krestinsky arrived.')).toBeUndefined();
  });

  it('of a wording put the reading the book keeps first', () => {
    const section = newSection('S', 2, p('a'));
    const kept = sentence('Signed in 1921.', 'a');
    const incoming = sentence('Signed in 1922.', 'b');
    expect(wordingVariant(section, kept, incoming, false)!.readings.map((r) => r.text)).toEqual([
      'Signed in 1921.',
      'Signed in 1922.',
    ]);
    expect(wordingVariant(section, kept, incoming, true)!.readings.map((r) => r.text)).toEqual([
      'Signed in 1922.',
      'Signed in 1921.',
    ]);
    expect(wordingVariant(section, kept, sentence('Signed in 1921 here.', 'b'), true)).toBeUndefined();
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
    expect(variants[0]!.differs).toEqual(['Wiedenfeld']);
    expect(variants[0]!.readings).toEqual([
      { text: 'listed: Wiedenfeld', sources: [p('b')] },
      { text: 'not listed', sources: [p('a'), p('c')] },
    ]);
  });
});
