/**
 * What the ambassadors' glossary says each person did: a clause of the text whose subject is the person (or
 * that makes them its object, in the passive, or names them with another in talks or a group), in the text's
 * own words. Checked on sentences of an invented article (so no rule can lean on the seeds' names) and on the
 * seed guide, where each line must be words of a sentence that names the person, in the sentence's order.
 */
import { describe, expect, it } from 'vitest';
import { roleLineOf } from '../../src/study/role-lines.js';
import { seedGuide } from '../support/seed-guide.js';
import { nameParts } from '../../src/util/names.js';

const line = (names: string[], ...sentences: string[]) => roleLineOf(names, sentences)?.line;

describe('role lines', () => {
  it('takes the clause whose subject the person is, with the date the sentence opens with', () => {
    expect(
      line(['Anna Berg'], 'In 1921, Anna Berg, the Estmark envoy to Norvik, signed the customs agreement in Kessel.'),
    ).toBe('signed the customs agreement in Kessel in 1921');
    expect(line(['Piet Holmgaard'], 'Piet Holmgaard was sent to Kessel as the Norvanian special envoy.')).toBe(
      'sent to Kessel as the Norvanian special envoy',
    );
    // The name as an apposition of its title, between commas.
    expect(
      line(['Olaf Rind', 'Rind'], 'A year later, the Norvanian envoy to Estburg, Olaf Rind, was recalled by his king.'),
    ).toBe('recalled by his king');
  });

  it('says with whom the person acted when two names share the subject', () => {
    const s = 'In 1881, Norvanian envoys Karel Brant and Olaf Rind signed the harbour treaty in Kessel.';
    expect(line(['Karel Brant'], s)).toBe('with Olaf Rind, signed the harbour treaty in Kessel in 1881');
    expect(line(['Olaf Rind'], s)).toBe('with Karel Brant, signed the harbour treaty in Kessel in 1881');
    expect(line(['Karel Brant'], 'In 1881, Karel Brant signed the harbour treaty in Kessel.')).toBe(
      'signed the harbour treaty in Kessel in 1881',
    );
    // An opening adverb is no part of the other name; one of three is no pair.
    expect(line(['Olaf Rind'], 'Soon Karel Brant and Olaf Rind signed the harbour treaty in Kessel.')).toBe(
      'with Karel Brant, signed the harbour treaty in Kessel',
    );
    expect(line(['Olaf Rind'], 'Anna Berg, Karel Brant and Olaf Rind signed the harbour treaty in Kessel.')).toBe(
      'signed the harbour treaty in Kessel',
    );
  });

  it('makes the person the subject of a clause that has them as its object, naming who acted', () => {
    expect(
      line(
        ['Karel Brant'],
        'In May 1880, Mira Voss assured Norvanian envoy Karel Brant that the border would stay open.',
      ),
    ).toBe('assured by Mira Voss that the border would stay open in May 1880');
  });

  it('never gives a person the act of another name in the sentence', () => {
    const s = 'Mira Voss told Karel Brant that the lake would be closed.';
    expect(line(['Mira Voss'], s)).toBe('told Karel Brant that the lake would be closed');
    expect(line(['Karel Brant'], s)).toBe('told by Mira Voss that the lake would be closed');
    // Under another subject ("the embassy under X was expelled"), in a list or in brackets: not their act.
    expect(line(['Karel Brant'], 'The whole embassy under Karel Brant was expelled from Norvik in 1870.')).toBe(
      undefined,
    );
    expect(
      line(
        ['Lise Amund'],
        'Voss opened the talks with the new envoys (Karel Brant, assisted by Olaf Rind, and Lise Amund), in Kessel.',
      ),
    ).toBe('talks with Voss');
  });

  it('names the act the person is the agent of, the talks they had and the group a list puts them in', () => {
    expect(
      line(
        ['Piet Holmgaard'],
        'The treaty was signed by Estmark chancellor Mira Voss and Norvanian envoy Piet Holmgaard.',
      ),
    ).toBe('signed the treaty with Estmark chancellor Mira Voss');
    expect(
      line(
        ['Karel Brant'],
        'The first sign of a thaw was the conversation between envoy Karel Brant and Jonas Feld, the Estmark ' +
          'minister, on June 3, 1870, when the former hinted at a treaty.',
      ),
    ).toBe('conversation with Jonas Feld on June 3, 1870');
    expect(
      line(['Lise Amund'], 'Other Norvanian delegates at the talks were Karel Brant, Olaf Rind and Lise Amund.'),
    ).toBe('one of the Norvanian delegates at the talks');
  });

  it('prefers what the person did to what was done to them, whatever the order of the sentences', () => {
    const done = 'In 1875, Mira Voss assured envoy Karel Brant that the border would stay open.';
    const did = 'Karel Brant reported to Estburg that the harbour had been closed.';
    expect(line(['Karel Brant'], done, did)).toBe('reported to Estburg that the harbour had been closed');
    expect(line(['Karel Brant'], did, done)).toBe('reported to Estburg that the harbour had been closed');
  });
});

describe('role lines of the seed guide', () => {
  const guide = seedGuide();
  const sentences = guide.chapters.flatMap((c) =>
    c.sections.flatMap((s) => s.blocks.filter((b) => b.kind !== 'list').flatMap((b) => b.sentences)),
  );
  const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  /** Whether `part`'s words stand in `whole` in the same order. */
  const inOrder = (part: string[], whole: string[]) => {
    let at = 0;
    for (const w of part) {
      at = whole.indexOf(w, at);
      if (at < 0) return false;
      at++;
    }
    return true;
  };

  it('gives a line to everyone the running text tells of, and one in the words of a sentence naming them', () => {
    const ambassadors = guide.glossaries.ambassadors;
    for (const a of ambassadors) {
      const names = [a.name, ...a.aliases, nameParts(a.name).surname];
      const naming = sentences.filter((s) => names.some((n) => s.includes(n)));
      if (!naming.length) {
        expect(a.role, a.name).toBe('');
        continue;
      }
      if (!a.role) continue;
      // Not a whole sentence where the person only stands: a line of a clause.
      expect(a.role.split(/\s+/).length, a.name).toBeLessThanOrEqual(22);
      expect(a.role, a.name).not.toMatch(/[.!?]$/);
      // The words the line adds ("one of the", "by", "with") aside, each part is in a sentence naming them (in its
      // order, but for the thing an agent acted on: "signed the treaty" from "the treaty was signed by").
      for (const part of a.role.split(/;\s*|\b(?:one of the|by|with)\b/).map(words)) {
        if (!part.length) continue;
        const found = naming.some((s) => inOrder(part, words(s)) || part.every((w) => words(s).includes(w)));
        expect(found, `${a.name}: ${a.role}`).toBe(true);
      }
    }
    // Most of those the running text tells of have a line (not only their place in a list).
    const told = ambassadors.filter((a) =>
      sentences.some((s) => [a.name, ...a.aliases, nameParts(a.name).surname].some((n) => s.includes(n))),
    );
    expect(told.filter((a) => a.role).length).toBeGreaterThanOrEqual(told.length - 2);
  });
});
