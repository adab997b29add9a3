/**
 * Claim changes in Spanish, Italian, Dutch, Portuguese, Polish and Russian: one sentence in two wordings, as
 * two renditions of a Wikipedia article give it (sentences written for these tests in the manner of the
 * articles' history sections, each pair differing in one operator; see tests/fixtures/unseen/SOURCES.md).
 * A change of negation, hedge, number of holders, outcome, stance or reporting verb is found; a paraphrase
 * (another word order, a synonym, a tense) is not.
 */
import { describe, expect, it } from 'vitest';
import { claimChange, type ClaimShift } from '../../src/merge/claims.js';

type Case = [string, string, ClaimShift | undefined];

const CASES: Record<string, Case[]> = {
  es: [
    ['Alemania no invadió Polonia en 1938.', 'Alemania invadió Polonia en 1938.', 'negation'],
    ['Stalin supuestamente buscaba una guerra en Europa.', 'Stalin buscaba una guerra en Europa.', 'modality'],
    [
      'Algunos historiadores consideran que el pacto fue defensivo.',
      'Muchos historiadores consideran que el pacto fue defensivo.',
      'quantity',
    ],
    ['La cooperación militar terminó en 1933.', 'La cooperación militar disminuyó en 1933.', 'outcome'],
    ['Mólotov siempre fue favorable a Alemania.', 'Mólotov siempre fue hostil a Alemania.', 'stance'],
    ['Mólotov afirmó que la paz estaba cerca.', 'Mólotov demostró que la paz estaba cerca.', 'report'],
    [
      'El pacto fue firmado en Moscú el 23 de agosto de 1939.',
      'El 23 de agosto de 1939 el pacto fue firmado en Moscú.',
      undefined,
    ],
  ],
  it: [
    ['La Germania non attaccò la Polonia nel 1938.', 'La Germania attaccò la Polonia nel 1938.', 'negation'],
    ['Stalin forse cercava una guerra in Europa.', 'Stalin cercava una guerra in Europa.', 'modality'],
    [
      'Alcuni storici ritengono che il patto fosse difensivo.',
      'Tutti gli storici ritengono che il patto fosse difensivo.',
      'quantity',
    ],
    ['Il commercio tra i due paesi diminuì nel 1933.', 'Il commercio tra i due paesi cessò nel 1933.', 'outcome'],
    ['Molotov era favorevole alla Germania.', 'Molotov era ostile alla Germania.', 'stance'],
    ['Molotov disse che la pace era vicina.', 'Molotov dimostrò che la pace era vicina.', 'report'],
    ['Il patto fu firmato a Mosca nel 1939.', 'Il patto venne firmato a Mosca nel 1939.', undefined],
  ],
  nl: [
    ['Duitsland viel Polen niet aan in 1938.', 'Duitsland viel Polen aan in 1938.', 'negation'],
    ['Stalin zocht waarschijnlijk een oorlog in Europa.', 'Stalin zocht een oorlog in Europa.', 'modality'],
    [
      'Enkele historici menen dat het pact defensief was.',
      'Veel historici menen dat het pact defensief was.',
      'quantity',
    ],
    ['De handel tussen beide landen groeide na 1926.', 'De handel tussen beide landen eindigde na 1926.', 'outcome'],
    ['Molotov stond vijandig tegenover Duitsland.', 'Molotov stond neutraal tegenover Duitsland.', 'stance'],
    ['Molotov beweerde dat de vrede nabij was.', 'Molotov toonde aan dat de vrede nabij was.', 'report'],
  ],
  pt: [
    ['A Alemanha não invadiu a Polónia em 1938.', 'A Alemanha invadiu a Polónia em 1938.', 'negation'],
    ['Estaline alegadamente procurava uma guerra na Europa.', 'Estaline procurava uma guerra na Europa.', 'modality'],
    [
      'Poucos historiadores consideram que o pacto foi defensivo.',
      'Muitos historiadores consideram que o pacto foi defensivo.',
      'quantity',
    ],
    ['A cooperação militar continuou até 1933.', 'A cooperação militar terminou até 1933.', 'outcome'],
    ['Molotov foi sempre favorável à Alemanha.', 'Molotov foi sempre hostil à Alemanha.', 'stance'],
    ['Molotov declarou que a paz estava próxima.', 'Molotov demonstrou que a paz estava próxima.', 'report'],
  ],
  pl: [
    ['Niemcy nie zaatakowały Polski w 1938 roku.', 'Niemcy zaatakowały Polskę w 1938 roku.', 'negation'],
    ['Stalin prawdopodobnie dążył do wojny w Europie.', 'Stalin dążył do wojny w Europie.', 'modality'],
    [
      'Niektórzy historycy uważają, że pakt miał charakter obronny.',
      'Wszyscy historycy uważają, że pakt miał charakter obronny.',
      'quantity',
    ],
    ['Współpraca wojskowa zakończyła się w 1933 roku.', 'Współpraca wojskowa osłabła w 1933 roku.', 'outcome'],
    ['Mołotow był przychylny Niemcom.', 'Mołotow był wrogi Niemcom.', 'stance'],
    ['Mołotow twierdził, że pokój jest bliski.', 'Mołotow wykazał, że pokój jest bliski.', 'report'],
    [
      'Pakt podpisano w Moskwie 23 sierpnia 1939 roku.',
      'Pakt został podpisany w Moskwie 23 sierpnia 1939 roku.',
      undefined,
    ],
  ],
  ru: [
    ['Германия не напала на Польшу в 1938 году.', 'Германия напала на Польшу в 1938 году.', 'negation'],
    ['Сталин якобы стремился к войне в Европе.', 'Сталин стремился к войне в Европе.', 'modality'],
    ['Некоторые историки считают пакт оборонительным.', 'Многие историки считают пакт оборонительным.', 'quantity'],
    ['Военное сотрудничество прекратилось в 1933 году.', 'Военное сотрудничество ослабло в 1933 году.', 'outcome'],
    ['Молотов был настроен дружественно к Германии.', 'Молотов был настроен враждебно к Германии.', 'stance'],
    ['Молотов утверждал, что мир близок.', 'Молотов доказал, что мир близок.', 'report'],
    [
      'Договор был подписан в Москве 23 августа 1939 года.',
      'В Москве 23 августа 1939 года был подписан договор.',
      undefined,
    ],
  ],
};

describe('a rewording that changes the claim, in six more languages', () => {
  for (const [language, cases] of Object.entries(CASES))
    it(`is found in ${language} by the operator that differs, and a paraphrase is none`, () => {
      for (const [a, b, shift] of cases) {
        const change = claimChange(a, b, language);
        expect(change?.shift, `${a} / ${b}`).toBe(shift);
        // The note quotes the words that carry the change, as each reading has them.
        if (change) expect(a.includes(change.spans[0]) && b.includes(change.spans[1]), `${a} / ${b}`).toBe(true);
      }
    });

  it('finds none in a language it has no words for, rather than guess', () => {
    expect(claimChange('Saksa ei hyökännyt Puolaan.', 'Saksa hyökkäsi Puolaan.', 'fi')).toBe(undefined);
  });
});
