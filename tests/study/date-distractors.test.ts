/**
 * The dates a multiple-choice question offers beside the answer: near it, on both sides of it (so that the
 * answer is not the odd one out at one end), and all false — after "by" or "until" only earlier dates, since a
 * later one would be as true.
 */
import { describe, expect, it } from 'vitest';
import { seedGuide } from '../support/seed-guide.js';
import { makeContext, type BookSentence, type QuestionContext } from '../../src/study/questions/context.js';
import { choiceQuestion, dateDistractors, factsIn, type Fact } from '../../src/study/questions/facts.js';
import { dateBound } from '../../src/study/discourse.js';

/** A context with only what the dates need: the guide's dates and its language. */
const context = (dates: string[], language = 'en') =>
  ({ dates: new Map(dates.map((d) => [d, 1])), language }) as unknown as QuestionContext;
const sentence = (text: string) => ({ text }) as BookSentence;
const fact = (text: string, surface: string, value: string): Fact => ({
  kind: 'date',
  surface,
  value,
  index: text.indexOf(surface),
});

describe('dates offered beside a date answer (made-up text)', () => {
  it('places the answer anywhere among the four, making dates where the guide has none on a side', () => {
    const ctx = context(['1868-05-02', '1869-07-10', '1870-01-15']);
    const places = new Set<number>();
    for (const town of ['Kessel', 'Norvik', 'Ostrel', 'Vorsk', 'Marn', 'Lidia', 'Tavro', 'Brant']) {
      const text = `The garrison of ${town} surrendered on 4 March 1871 after the long siege.`;
      const others = dateDistractors(sentence(text), fact(text, '4 March 1871', '1871-03-04'), ctx, 3);
      expect(others).toHaveLength(3);
      const before = others.filter((d) => d < '1871-03-04');
      places.add(before.length);
      // The guide's own dates before it, nearest first; made ones after it keep the answer's day and month.
      expect(before).toEqual(['1870-01-15', '1869-07-10', '1868-05-02'].slice(0, before.length));
      for (const d of others.filter((x) => x > '1871-03-04')) expect(d.endsWith('-03-04'), d).toBe(true);
    }
    expect(places.size).toBeGreaterThanOrEqual(3);
  });

  it('offers no date of the guide from far away, nor one of the same year', () => {
    const text = 'The bridge opened in June 1902 to carriages.';
    const ctx = context(['1902-01', '1902-11', '1850-04', '1960-09', '1904-08']);
    const others = dateDistractors(sentence(text), fact(text, 'June 1902', '1902-06'), ctx, 3);
    expect(others).toHaveLength(3);
    for (const d of others) {
      expect(d.slice(0, 4)).not.toBe('1902');
      expect(Math.abs(Number(d.slice(0, 4)) - 1902)).toBeLessThanOrEqual(5);
    }
    expect(others).toContain('1904-08');
  });

  it('offers only earlier dates after "by" and "before", only later ones after "since"', () => {
    const by = 'Two thousand of them had died in the camps by May 1943.';
    const ctx = context(['1941-06', '1942-02', '1944-09', '1945-05']);
    const earlier = dateDistractors(sentence(by), fact(by, 'May 1943', '1943-05'), ctx, 3);
    expect(earlier).toHaveLength(3);
    for (const d of earlier) expect(d < '1943-05', d).toBe(true);
    const since = 'The office has stood empty since May 1943.';
    const later = dateDistractors(sentence(since), fact(since, 'May 1943', '1943-05'), ctx, 3);
    expect(later).toHaveLength(3);
    for (const d of later) expect(d > '1943-05', d).toBe(true);
    // German "vor" bounds the date as "before" does; "until" (an end) bounds nothing.
    expect(dateBound('Die Truppen zogen vor ', 'de')).toBe('upper');
    expect(dateBound('The siege lasted until ', 'en')).toBeUndefined();
    expect(dateBound('Ils résistèrent d’ici ', 'fr')).toBe('upper');
    expect(dateBound('Die Truppen kamen am ', 'de')).toBeUndefined();
    expect(dateBound('The troops arrived on ', 'en')).toBeUndefined();
  });

  it('makes February 29 only in leap years, and repeats no date written in the sentence', () => {
    const text = 'The decree of 29 February 1916 followed that of 1 March 1915.';
    const others = dateDistractors(sentence(text), fact(text, '29 February 1916', '1916-02-29'), context([]), 3);
    expect(others).toHaveLength(3);
    for (const d of others) {
      expect(Number(d.slice(0, 4)) % 4, d).toBe(0);
      expect(d).not.toBe('1915-03-01');
    }
  });
});

describe('dates offered on the seeds', () => {
  const guide = seedGuide();
  const ctx = makeContext(guide);
  const asked = ctx.sentences.flatMap((s) => {
    const f = factsIn(s.text, ctx).find((x) => x.kind === 'date');
    const q = f && choiceQuestion(s, f, ctx);
    return q && f ? [{ s, f, q }] : [];
  });

  it('puts the answer in more than one place among the choices, and after "by" offers only earlier ones', () => {
    expect(asked.length).toBeGreaterThanOrEqual(5);
    const places = new Set<number>();
    for (const { s, f, q } of asked) {
      const at = q.choices!.indexOf(q.answer);
      places.add(at);
      if (dateBound(s.text.slice(0, f.index), 'en') === 'upper') expect(at, q.question).toBe(q.choices!.length - 1);
    }
    expect(places.size).toBeGreaterThanOrEqual(2);
  });
});

describe('a date that is one of a list of dates', () => {
  /** What `factsIn` needs: the language, the guide's (no) treaties and (no) people. */
  const ctx = {
    language: 'en',
    people: [],
    guide: { glossaries: { treaties: [] } },
  } as unknown as QuestionContext;
  const dateOf = (text: string) => factsIn(text, ctx).find((f) => f.kind === 'date');

  it('is not blanked: the order of the list tells which choice fits', () => {
    expect(dateOf('The three ports opened on May 4, June 2 and July 9, 1871, respectively, to ships of Kessel.')).toBe(
      undefined,
    );
    expect(dateOf('The towns signed on May 4, June 2, or July 9, 1871, as their councils agreed.')).toBe(undefined);
    expect(dateOf('The port of Kessel opened to the ships of Norvik on July 9, 1871, after the war.')?.value).toBe(
      '1871-07-09',
    );
  });
});
