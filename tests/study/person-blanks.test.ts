/**
 * A person's blank that a reader can fill only by knowing the answer: not one name of a list (any member
 * completes it, and the list's words tell its kind), not the end of a longer name ("J. _____"), and not
 * after a title that only the answer carries ("President _____" among one president and three others).
 */
import { describe, expect, it } from 'vitest';
import { mergeSources } from '../../src/merge/index.js';
import { addStudyAids } from '../../src/study/index.js';
import { makeContext } from '../../src/study/questions/context.js';
import { choiceQuestion, factsIn } from '../../src/study/questions/facts.js';
import { parseText, TEST_META } from '../support/content.js';
import { seedGuide } from '../support/seed-guide.js';

const PEOPLE = ['Anna Berg', 'Karel Brant', 'Olaf Rind', 'Lise Amund', 'Piet Holm'];

const guide = addStudyAids(
  mergeSources(
    [
      parseText(
        [
          '= Norvik =',
          'In 1880 the council of Norvik chose Anna Berg as its first president.',
          'In 1881 President Anna Berg opened the new harbour of Norvik to the fleets of Estmark.',
          'In 1882 Karel Brant led the guild of shipwrights in Kessel.',
          'In 1883 Olaf Rind drew the first charts of the northern straits.',
          'In 1884 Lise Amund founded the school of navigation in Lund.',
          'In 1885 Piet Holm built the lighthouse at Varde.',
          'Shipwrights such as Karel Brant and Olaf Rind learned the new methods at the yards of Kessel.',
          'The founders of the guild were Lise Amund, Piet Holm and Karel Brant, all from the coast.',
          'In 1886 J. Piet Holm wrote the first history of the harbour.',
          'The French President Anna Berg closed the harbour of Norvik to the fleets of Estmark in 1887.',
          'When Karel Brant reached Kessel in 1888, Olaf Rind was already in the harbour of Lund.',
          'In 1889 Lise Amund and Tomas Veld founded the school of shipwrights in Lund.',
          'The first masters of the school were Tomas Veld, Jan Mork, Piet Holm and others from the coast.',
        ].join('\n'),
        'later.wiki',
      ),
    ],
    TEST_META,
  ),
);
const ctx = { ...makeContext(guide), people: PEOPLE };
const person = (start: string) => {
  const s = ctx.sentences.find((x) => x.text.startsWith(start))!;
  return { s, fact: factsIn(s.text, ctx).find((f) => f.kind === 'person') };
};

describe('a person blanked', () => {
  it('is not one name of a list of people', () => {
    expect(person('Shipwrights such as').fact).toBe(undefined);
    expect(person('The founders of the guild').fact).toBe(undefined);
    expect(person('In 1882 Karel Brant led').fact?.value).toBe('Karel Brant');
  });

  it('is not one of a pair or list of names the guide does not know, but may stand beside a clause', () => {
    expect(person('In 1889 Lise Amund').fact).toBe(undefined);
    expect(person('The first masters of the school').fact).toBe(undefined);
    expect(person('When Karel Brant reached Kessel').fact?.value).toBe('Karel Brant');
  });

  it('is not the end of a longer name the sentence writes', () => {
    expect(person('In 1886 J. Piet Holm').fact).toBe(undefined);
    expect(person('In 1885 Piet Holm').fact?.value).toBe('Piet Holm');
  });

  it('takes the title into the blank when the other choices do not carry it', () => {
    const { s, fact } = person('In 1881 President Anna Berg');
    const q = choiceQuestion(s, fact!, ctx)!;
    expect(q.question).toContain('In 1881 _____ opened the new harbour');
    expect(q.answer).toBe('Anna Berg');
    expect(q.choices).toContain('Anna Berg');
    expect(q.choices).toHaveLength(4);
    // "The … President" at the start of the sentence goes with the title.
    const opening = person('The French President Anna Berg');
    expect(choiceQuestion(opening.s, opening.fact!, ctx)!.question).toContain('“_____ closed the harbour');
  });
});

describe('the seed guide’s people questions', () => {
  it('ask no member of a list and print no title only the answer carries', () => {
    const people = seedGuide().questions.filter((q) => q.kind === 'choice' && q.question.includes('person'));
    expect(people.length).toBeGreaterThanOrEqual(3);
    for (const q of people) {
      expect(q.question, q.question).not.toMatch(/\b(?:President|Chancellor|Marshal|General) _____/);
      expect(q.question, q.question).not.toMatch(/\p{Lu}\p{L}+ and _____|_____ and \p{Lu}\p{L}+ \p{Lu}/u);
    }
  });
});
