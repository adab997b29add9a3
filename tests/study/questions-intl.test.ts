/**
 * Review questions in languages without a causal table: facts (dates, people, treaties) asked in the book's
 * language, people as the text writes their names, and a treaty asked about only when it was concluded.
 * The Polish text is written for the test in the manner of a Wikipedia history section (see
 * tests/fixtures/unseen/SOURCES.md).
 */
import { describe, expect, it } from 'vitest';
import { mergeSources } from '../../src/merge/index.js';
import { addStudyAids } from '../../src/study/index.js';
import { asWritten } from '../../src/study/questions/context.js';
import { hasWording, opening, wording } from '../../src/study/discourse.js';
import { splitCausal } from '../../src/study/questions/cause.js';
import { makeContext } from '../../src/study/questions/context.js';
import { choiceQuestion, factsIn } from '../../src/study/questions/facts.js';
import { parseText, TEST_META } from '../support/content.js';
import { seedGuide } from '../support/seed-guide.js';

const POLISH = `# Stosunki polsko-radzieckie

## Traktat ryski

Wojna polsko-bolszewicka zakończyła się rozejmem podpisanym 12 października 1920 roku w Rydze.

Rokowania pokojowe prowadziła delegacja, której przewodniczył Jan Dąbski.
Traktat ryski został podpisany 18 marca 1921 roku przez Polskę, Rosję Radziecką i Ukrainę Radziecką.

Ratyfikacja traktatu nastąpiła 16 kwietnia 1921 roku.

Granica ustalona w Rydze przetrwała do wybuchu drugiej wojny światowej.

## Pakt o nieagresji

Polsko-radziecki pakt o nieagresji podpisano w Moskwie 25 lipca 1932 roku.
Ze strony polskiej podpisał go Stanisław Patek, ambasador w Moskwie.

W 1934 roku przedłużono go do 31 grudnia 1945 roku.

Józef Beck uważał pakt za podstawę polityki równowagi między sąsiadami.

## Rok 1939

Pakt Ribbentrop-Mołotow został podpisany w Moskwie 23 sierpnia 1939 roku.

Wiaczesław Mołotow ogłosił 17 września 1939 roku, że państwo polskie przestało istnieć.
Tego samego dnia Armia Czerwona przekroczyła wschodnią granicę Polski.

Władysław Sikorski podpisał w Londynie 30 lipca 1941 roku układ z ambasadorem Iwanem Majskim.

Układ przywrócił stosunki dyplomatyczne między obu państwami.
`;

describe('questions in Polish', () => {
  const guide = addStudyAids(mergeSources([parseText(POLISH, 'stosunki.md')], { ...TEST_META, language: 'pl' }));

  it('are asked in Polish, on the dates and the people the text states', () => {
    expect(hasWording('pl')).toBe(true);
    const english = wording('en').cloze('\u0000').split('\u0000')[0]!.replace(/[“"]$/, '').trim();
    // Which sentences are asked depends on the key points chosen (never asked again): at least two.
    expect(guide.questions.length).toBeGreaterThanOrEqual(2);
    for (const q of guide.questions) {
      expect(q.question, q.question).not.toContain(english);
      expect(q.question, q.question).toMatch(/^(?:Uzupełnij zdanie|Która|Kto|Kiedy|Z jakiego|W jakim|Jaki)/);
    }
    // A person is asked by the name as the sentence writes it, never the index's "Surname, Given".
    const people = guide.questions.filter(
      (q) => q.question.startsWith('Która osoba') || /^\p{Lu}\p{Ll}+ \p{Lu}/u.test(q.answer),
    );
    for (const q of people) expect(q.answer, q.question).not.toContain(',');
    expect(guide.questions.some((q) => /\d{4}/.test(q.answer))).toBe(true);
  });
});

describe('a person as the text writes the name', () => {
  it('turns the index’s filing form round', () => {
    expect(asWritten('Havet, Louis')).toBe('Louis Havet');
    expect(asWritten('Saussure, Ferdinand de')).toBe('Ferdinand de Saussure');
    expect(asWritten('Murchison, Clint, Sr.')).toBe('Clint Murchison Sr.');
    expect(asWritten('Stalin')).toBe('Stalin');
  });
});

describe('a treaty choice', () => {
  it('names a concluded instrument, and offers only concluded ones beside it', () => {
    const guide = seedGuide();
    const treaties = guide.glossaries.treaties;
    // A choice is written as the text writes it: the name, an alias or the name without its bracket.
    const concluded = (name: string) => {
      const t = treaties.find(
        (x) => x.name === name || x.aliases.includes(name) || x.name.replace(/\s*\([^()]*\)$/, '') === name,
      );
      return !!t && t.status !== 'proposed' && t.status !== 'negotiated';
    };
    const never = treaties.filter((t) => !concluded(t.name));
    // The seed names alliances that were negotiated and never concluded (the Triple Alliance of 1939).
    expect(never.length).toBeGreaterThan(0);
    // Asked of every sentence that names a treaty, as the question maker would (not only the questions chosen).
    const ctx = makeContext(guide);
    let asked = 0;
    for (const s of ctx.sentences) {
      const fact = factsIn(s.text, ctx).find((f) => f.kind === 'treaty');
      if (!fact) continue;
      const q = choiceQuestion(s, fact, ctx);
      if (never.some((t) => t.name === fact.value)) expect(q, s.text).toBe(undefined);
      if (!q) continue;
      asked++;
      for (const c of q.choices ?? []) expect(concluded(c), `${q.question}: ${c}`).toBe(true);
    }
    expect(asked).toBeGreaterThan(2);
    const choices = guide.questions.filter((q) => q.kind === 'choice' && q.question.startsWith('Which treaty'));
    for (const q of choices) {
      expect(concluded(q.answer), q.question).toBe(true);
      for (const c of q.choices ?? []) expect(concluded(c), `${q.question}: ${c}`).toBe(true);
    }
  });
});

describe('the treaties offered beside a treaty', () => {
  const later = parseText(
    [
      '= Trade =',
      'In 1880 the Treaty of Kessel ended the war between Norvik and Estmark.',
      'On May 3, 1884, a commercial agreement between Norway and Denmark was concluded.',
      'In 1886 the Treaty of Lund opened the river to both fleets.',
      'In 1890 the Treaty of Orsa settled the northern border.',
      'In 1893 the Treaty of Varde closed the straits to warships.',
      'In 1895 the Norvik Convention of Tolls replaced the old dues.',
      'The Treaty of Kessel, signed after a long siege, was the first of them all.',
    ].join('\n'),
    'later.wiki',
  );
  const guide = addStudyAids(mergeSources([later], TEST_META));
  const ctx = makeContext(guide);

  it('are names the text writes, never a heading the guide made for a treaty the text does not name', () => {
    const made = guide.glossaries.treaties.filter((t) => /\(/.test(t.name));
    // The commercial agreement of 1884 has no name in the text: the guide gives it a heading.
    expect(made.map((t) => t.name)).toEqual([expect.stringMatching(/^Commercial agreement \(/)]);
    const s = ctx.sentences.find((x) => x.text.startsWith('The Treaty of Kessel, signed'))!;
    const fact = factsIn(s.text, ctx).find((f) => f.kind === 'treaty')!;
    const q = choiceQuestion(s, fact, ctx)!;
    expect(q.answer).toBe('Treaty of Kessel');
    expect(q.choices).toHaveLength(4);
    for (const c of q.choices!)
      expect(
        ctx.sentences.some((x) => x.text.includes(c)),
        c,
      ).toBe(true);
  });
});

describe('why, and to what effect, in Polish, Russian and Italian', () => {
  it('splits a sentence at its causal connective: the question quotes one half, the other answers', () => {
    const cases: [string, string, string, string][] = [
      [
        'pl',
        'Polska odrzuciła radziecką propozycję, ponieważ obawiała się wkroczenia Armii Czerwonej na swoje terytorium.',
        'reason',
        'Polska odrzuciła radziecką propozycję',
      ],
      [
        'pl',
        'Atak Niemiec na Polskę 1 września 1939 roku doprowadził do wybuchu drugiej wojny światowej w Europie.',
        'effect',
        'Atak Niemiec na Polskę 1 września 1939 roku',
      ],
      [
        'ru',
        'Литва отказалась от предложения, потому что опасалась ввода советских войск на свою территорию.',
        'reason',
        'Литва отказалась от предложения',
      ],
      [
        'ru',
        'Присутствие советских войск в Литве привело к обострению внутриполитической ситуации в республике.',
        'effect',
        'Присутствие советских войск в Литве',
      ],
      [
        'it',
        'Il governo italiano firmò il patto perché temeva un isolamento diplomatico della penisola in Europa.',
        'reason',
        'Il governo italiano firmò il patto',
      ],
    ];
    for (const [language, sentence, role, given] of cases) {
      const [split] = splitCausal(sentence, {}, language);
      expect(split?.role, sentence).toBe(role);
      expect(split?.given, sentence).toBe(given);
      expect(sentence.includes(split!.evidence), sentence).toBe(true);
    }
  });

  it('asks no reason where the causal phrase governs a relative pronoun (what follows is an effect)', () => {
    const ru = 'В 1569 году была заключена Люблинская уния с Польшей, в результате которой образована Речь Посполитая.';
    expect(splitCausal(ru, {}, 'ru')).toEqual([]);
    expect(
      splitCausal('The union was concluded in 1569, as a result of which the Commonwealth was formed.', {}, 'en'),
    ).toEqual([]);
    // An article or a free relative after the cue is no relative pronoun: a reason all the same.
    const weil = 'Die Offensive scheiterte im Dezember 1941 vor Moskau, weil der Winter ungewöhnlich früh einsetzte.';
    expect(splitCausal(weil, {}, 'de')[0]?.role).toBe('reason');
    const what = 'Stalin turned to Germany in August 1939 because what Britain offered was far too little.';
    expect(splitCausal(what, {}, 'en')[0]?.role).toBe('reason');
    // The phrase before a noun still names a reason.
    const [split] = splitCausal('The Commonwealth was formed in 1569 as a result of the union with Poland.', {}, 'en');
    expect([split?.role, split?.answer]).toEqual(['reason', 'As a result of the union with Poland.']);
  });

  it('reads a sentence that opens with a pronoun as leaning on the one before', () => {
    expect(opening('Он подписал договор в Москве.', 'ru').kind).toBe('pronoun');
    expect(opening('Ona podpisała traktat w Moskwie.', 'pl').kind).toBe('pronoun');
    expect(opening('Tuttavia, il trattato fu firmato a Mosca.', 'it')).toEqual({
      kind: 'connective',
      rest: 'Il trattato fu firmato a Mosca.',
    });
  });
});
