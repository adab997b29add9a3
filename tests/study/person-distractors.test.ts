/**
 * Multiple-choice questions that blank a person offer people of the same kind and time: for an envoy, other
 * envoys whose terms are near the year asked about (not one from twenty years away); for anyone, names as the
 * text writes them (never the index's "Surname, Given").
 */
import { describe, expect, it } from 'vitest';
import { seedGuide } from '../support/seed-guide.js';
import { makeContext } from '../../src/study/questions/context.js';
import { choiceQuestion, factsIn } from '../../src/study/questions/facts.js';
import { datesIn } from '../../src/study/timeline.js';

describe('people offered with a person blanked (the seeds)', () => {
  const guide = seedGuide();
  const ctx = makeContext(guide);
  const envoys = new Map(guide.glossaries.ambassadors.map((a) => [a.name, a]));
  const asked = ctx.sentences.flatMap((s) => {
    const fact = factsIn(s.text, ctx).find((f) => f.kind === 'person');
    const q = fact && choiceQuestion(s, fact, ctx);
    return q && fact ? [{ s, fact, others: q.choices!.filter((c) => c !== q.answer) }] : [];
  });

  it('asks about people, with names as the text writes them', () => {
    expect(asked.length).toBeGreaterThanOrEqual(5);
    for (const { others } of asked) for (const o of others) expect(o).not.toMatch(/,/);
  });

  it('offers other envoys for an envoy, of terms near the year the sentence asks about', () => {
    const aboutEnvoys = asked.filter((q) => envoys.has(q.fact.value));
    expect(aboutEnvoys.length).toBeGreaterThanOrEqual(3);
    let dated = 0;
    for (const { s, fact, others } of aboutEnvoys) {
      for (const o of others) expect(envoys.has(o), `${fact.value}: ${o}`).toBe(true);
      const years = datesIn(s.text, undefined, guide.meta.language).map((d) => Number(d.date.slice(0, 4)));
      if (!years.length) continue;
      dated++;
      const [first, last] = [Math.min(...years), Math.max(...years)];
      for (const o of others) {
        const e = envoys.get(o)!;
        if (e.from === null) continue;
        const apart = Math.max(0, e.from - last, first - (e.to ?? e.from));
        expect(apart, `${fact.value} (${first}): ${o} ${e.term}`).toBeLessThanOrEqual(10);
      }
    }
    expect(dated).toBeGreaterThanOrEqual(3);
  });
});
