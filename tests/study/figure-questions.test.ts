/**
 * Questions on figures: a short article about a company or a country states counts, amounts and shares
 * rather than treaties and envoys, and a teacher asks about them ("Which figure completes the sentence?").
 * Made-up articles; the choices are the answer scaled, written as the text writes it, in order of size.
 */
import { describe, expect, it } from 'vitest';
import { mergeSources } from '../../src/merge/index.js';
import { addStudyAids } from '../../src/study/index.js';
import { makeContext } from '../../src/study/questions/context.js';
import { choiceQuestion, factsIn } from '../../src/study/questions/facts.js';
import { QUESTION_BLANK } from '../../src/model/index.js';
import { parseText, TEST_META } from '../support/content.js';

const ENGLISH = [
  '# Vell Ferries',
  '',
  '## The company',
  '',
  'Vell Ferries is a shipping company based in Norvik. It runs the crossings of the northern strait.',
  '',
  'The company operates 3,093 crossings a year from its harbour in Norvik.',
  '',
  'Vell Ferries reported revenues of US$ 1.7 billion for 2014, most of them from freight.',
  '',
  'A share of 40% of the freight went to the mainland ports.',
  '',
  '## History',
  '',
  'Around 260, the first boats crossed the strait. The old harbour was built from 395 onwards by the monks.',
  '',
  'On August 25, the council of Norvik met in the town hall. In 614 as King Olaf ruled, the harbour grew.',
  '',
].join('\n');

describe('questions on figures', () => {
  const guide = addStudyAids(mergeSources([parseText(ENGLISH, 'vell.md')], { ...TEST_META, title: 'Vell Ferries' }));
  const ctx = makeContext(guide);
  const figures = (sentence: string) =>
    factsIn(sentence, ctx)
      .filter((f) => f.kind === 'number')
      .map((f) => f.surface);

  it('reads a count, an amount after its currency and a share as figures', () => {
    expect(figures('The company operates 3,093 crossings a year from its harbour in Norvik.')).toEqual(['3,093']);
    expect(figures('Vell Ferries reported revenues of US$ 1.7 billion for 2014, most of them from freight.')).toEqual([
      '1.7',
    ]);
    expect(figures('A share of 40% of the freight went to the mainland ports.')).toEqual(['40%']);
  });

  it('does not take a year, a day or a label for a figure', () => {
    for (const sentence of [
      'Around 260, the first boats crossed the strait.',
      'The old harbour was built from 395 onwards by the monks.',
      'On August 25, the council of Norvik met in the town hall.',
      'In 614 as King Olaf ruled, the harbour grew.',
      'The ship #26 Morning Star sank.',
      // A conversion gives the other away; a share among the other shares of a whole is sum work.
      'The road climbs 1,050 miles (1,690 kilometers) to the pass.',
      'Summers can exceed 30 °C (86 °F) for weeks.',
      'Freight makes up 70% of the trade, fishing 29.1% and tourism 0.9%.',
    ])
      expect(figures(sentence), sentence).toEqual([]);
  });

  it('asks which figure completes the sentence, the choices written as the text writes them, by size', () => {
    // (The other figures' sentences are key points, which the questions leave to the key points.)
    const q = guide.questions.find((x) => x.kind === 'choice' && x.answer === '1.7');
    expect(q?.question).toBe(
      `Which figure completes the sentence? “Vell Ferries reported revenues of US$ ${QUESTION_BLANK} billion for ` +
        '2014, most of them from freight.”',
    );
    expect(q!.choices).toHaveLength(4);
    const values = q!.choices!.map(Number);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
    for (const c of q!.choices!) expect(c).toMatch(/^\d+\.\d$/);
    expect(new Set(q!.choices).size).toBe(4);
  });

  it('puts the answer among its options at every place, none an exact multiple of it', () => {
    const places = new Set<number>();
    for (let n = 0; n < 24; n++) {
      const text = [
        '# Vell',
        '',
        `The harbour of Vell${'e'.repeat(n)} handled ${(3213 + 37 * n).toLocaleString('en')} ships that year.`,
        '',
      ];
      const g = addStudyAids(mergeSources([parseText(text.join('\n'), 'vell.md')], TEST_META));
      const sentence = g.chapters[0]!.sections[0]!.blocks[0]!.sentences[0]!;
      const c = makeContext(g);
      const fact = factsIn(sentence, c).find((f) => f.kind === 'number')!;
      const q = choiceQuestion({ ...c.sentences[0]!, text: sentence }, fact, c)!;
      places.add(q.choices!.indexOf(q.answer));
      const answer = Number(q.answer.replace(/,/g, ''));
      for (const other of q.choices!.filter((x) => x !== q.answer).map((x) => Number(x.replace(/,/g, ''))))
        expect([0.6, 0.75, 0.88, 1.15, 1.3, 1.5].map((f) => Math.round(answer * f))).not.toContain(other);
    }
    expect([...places].sort()).toEqual([0, 1, 2, 3]);
  });

  it('writes a German figure with its own separators and counts before a capitalised noun', () => {
    const text = ['# Fähre', '', 'Die Gesellschaft betreibt 3.093 Fähren und 12,5 Prozent des Handels.', ''].join('\n');
    const german = addStudyAids(mergeSources([parseText(text, 'faehre.md')], { ...TEST_META, language: 'de' }));
    const facts = factsIn(german.chapters[0]!.sections[0]!.blocks[0]!.sentences[0]!, makeContext(german));
    expect(facts.filter((f) => f.kind === 'number').map((f) => [f.surface, f.value])).toEqual([['3.093', '3093']]);
    const q = german.questions.find((x) => x.kind === 'choice' && x.answer === '3.093');
    if (q) for (const c of q.choices!) expect(c).toMatch(/^\d{1,3}(?:\.\d{3})*$/);
  });
});
