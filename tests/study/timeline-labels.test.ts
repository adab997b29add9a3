import { describe, expect, it } from 'vitest';
import { eventLabel } from '../../src/study/timeline.js';

/** The label of the date `label` in a sentence (the first place it stands). */
const labelOf = (sentence: string, label: string) => eventLabel(sentence, { label, index: sentence.indexOf(label) });

describe('timeline labels read alone (made-up sentences)', () => {
  it('does not end a label on a verb whose infinitive or object follows', () => {
    const forced = labelOf(
      'By 1881, shortages in the supply of timber and grain across the valleys forced the ' +
        'council to open the southern ports to foreign ships.',
      '1881',
    );
    expect(forced).not.toMatch(/forced the council$/);
    expect(forced).toMatch(/forced the council to open the southern ports/);
    const demanding = labelOf(
      'On May 3, 1880, the harbour board issued orders demanding that the merchants of Norvik ' +
        'pay the new tariff at every one of the eastern gates.',
      'May 3, 1880',
    );
    expect(demanding).not.toMatch(/demanding$/);
  });

  it('does not cut a part from its whole, nor a clause before its verb', () => {
    const one = labelOf(
      "The council's refusal of the tariff provided one of the reasons why the merchants left " +
        'the harbour on March 7, 1882.',
      'March 7, 1882',
    );
    expect(one).not.toMatch(/provided one$/);
    const told = labelOf(
      'On August 25, 1883, the regent told the envoy of the northern league that the treaty with ' +
        'the southern ports freed Norvik from the prospect of a war on two fronts.',
      'August 25, 1883',
    );
    expect(told).toBe('The regent told the envoy of the northern league');
  });

  it('gives "who" the noun it speaks of, past an aside', () => {
    const label = labelOf(
      'The kingdom had a large population of coastal settlers, especially in the Lower Valley ' +
        'Autonomous Province of Estmark, who were distrusted and taxed by the crown in 1870.',
      '1870',
    );
    expect(label).toBe('Coastal settlers were distrusted and taxed by the crown');
  });
});
