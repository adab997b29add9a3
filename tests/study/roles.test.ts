/**
 * A person's role, as the index and the ambassadors' glossary print it: the apposition after the name or the
 * title before it, else the sentence that names them. The patterns are compiled once and matched at each
 * occurrence of the name; they must find what one pattern per name over the whole text finds (the way the
 * roles were found before, kept here as the reference), on the kinds of text that trip a pattern up: a name
 * twice in a row, a title that could reach either, case variants, letters outside the Basic Multilingual
 * Plane, apostrophes and hyphens next to the name.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import escape from 'escape-string-regexp';
import { describePerson, roleOf } from '../../src/study/roles.js';
import { splitSentences } from '../../src/merge/sentences.js';
import { nameParts } from '../../src/util/names.js';

/** The roles as found by one pattern per name over each text. */
function referenceRole(name: string, texts: string[]): string {
  const surname = nameParts(name).surname;
  if (!surname) return '';
  const apposition = new RegExp(
    String.raw`${escape(name)},\s+((?:the|a|an|chief|head|leader|minister|commissar|secretary|ambassador|president|` +
      String.raw`chancellor|general|historian|agent|envoy|representative|member|founder|director|commander)\b` +
      String.raw`[^,;.()]{3,70}?)[,;.)]`,
    'iu',
  );
  const title = new RegExp(
    String.raw`((?:\p{Lu}[\p{L}'’]+\s+){0,4}(?:Minister|Commissar|[Aa]mbassador|Chancellor|President|General|` +
      String.raw`Secretary|[Ll]eader|Premier|[Hh]istorian|[Aa]gent|[Rr]epresentative|Marshal|King|Admiral)` +
      String.raw`(?:\s+(?:of|for)(?:\s+\p{Lu}[\p{L}'’]+)+)?)\s+${escape(name)}\b`,
    'u',
  );
  const words = (text: string) => new Set(text.match(/\p{L}+/gu) ?? []);
  const key = surname.match(/\p{L}+/gu)?.at(-1);
  const searched = texts.filter((text) => key !== undefined && words(text).has(key) && text.includes(name));
  for (const text of searched) {
    const a = apposition.exec(text);
    if (a && !/^(?:who|which|and|but)\b/.test(a[1]!)) return a[1]!.trim();
  }
  for (const text of searched) {
    const t = title.exec(text);
    if (t) return t[1]!.trim();
  }
  return '';
}

/** A person described as before: the role, else the sentence naming them found by one pattern per surname. */
function referenceDescription(name: string, texts: string[]): string {
  const role = referenceRole(name, texts);
  if (role) return role;
  const surname = nameParts(name).surname;
  // A possessive aside ("Radek's", "Engels'"), as util/names.ts `nameAt` documents.
  const pattern = new RegExp(`(?<![\\p{L}'’-])${escape(surname)}(?:(?![\\p{L}'’-])|(?=['’]s?(?!\\p{L})))`, 'u');
  const key = surname.match(/\p{L}+/gu)!.at(-1)!;
  for (const text of texts.filter((t) => new Set(t.match(/\p{L}+/gu)).has(key)))
    // The same sentences as describePerson's (the merge's splitter): what differs is how the name is found.
    for (const { text: sentence } of splitSentences([{ type: 'text', value: text }])) {
      const at = sentence.search(pattern);
      if (at < 0) continue;
      if (sentence.length <= 130) return sentence.trim();
      const cuts = [...sentence.matchAll(/[,;]\s/g)].map((c) => c.index!).filter((c) => c > at && c <= 130);
      const head = cuts.length ? sentence.slice(0, cuts.at(-1)) : '';
      if (head && /\b(?:was|were|had|has|is|\p{Ll}+ed)\b/u.test(head.slice(at))) return `${head.trim()}.`;
    }
  return '';
}

const NAMES = ['Karl Radek', 'Radek', 'Hans von Seeckt', "Sean O'Neil", 'Anna Maria-Lenz', 'Karl'];
const PIECES = [
  ...NAMES,
  'KARL RADEK',
  'karl radek',
  'Minister',
  'Foreign',
  'People’s',
  'Commissar',
  'ambassador',
  'Ambassador',
  'General',
  'of',
  'for',
  'Germany',
  'Soviet Union',
  'the',
  'chief',
  'who',
  'head of the army',
  'was',
  'signed',
  ',',
  '.',
  ';',
  '(',
  ')',
  '-',
  '’',
  "'",
  ' ',
  '  ',
  '\n',
  'ſ',
  '𝐀',
  'é',
  'x',
  '1939',
];

const text = fc
  .array(fc.constantFrom(...PIECES), { maxLength: 40 })
  .map((pieces) => pieces.join(fc.sample(fc.constantFrom(' ', ''), 1)[0]));
const spaced = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((pieces) => pieces.join(' '));

describe('roles', () => {
  it('finds the apposition after a name and the title before it', () => {
    expect(roleOf('Hans von Seeckt', ['In 1921 Hans von Seeckt, chief of the Reichswehr, met Radek.'])).toBe(
      'chief of the Reichswehr',
    );
    expect(roleOf('Walther Rathenau', ['In 1922, German Foreign Minister Walther Rathenau signed.'])).toBe(
      'German Foreign Minister',
    );
    // A title that could end at either occurrence: the longest reading, as one pattern over the text gives.
    expect(roleOf('Karl', ['Minister Karl Minister Karl spoke.'])).toBe('Minister Karl Minister');
  });

  it('finds what one pattern per name finds', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NAMES),
        fc.array(fc.oneof(text, spaced), { minLength: 1, maxLength: 3 }),
        (n, t) => {
          expect(roleOf(n, t)).toBe(referenceRole(n, t));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('describes a person by the sentence naming them where no role is given', () => {
    const texts = ['The talks stalled. Radek was sent to Berlin in 1919.'];
    expect(describePerson('Karl Radek', texts)).toBe('Radek was sent to Berlin in 1919.');
    // "Radeks" and "O'Radek" are other words.
    expect(describePerson('Karl Radek', ["Radeks were many. O'Radek came."])).toBe('');
    // An initial ends no sentence: not "Maskin and W.".
    const initials = ['The talks stalled. The historians Orel S. Maskin and W. Tarvo show that the guilds were old.'];
    expect(describePerson('Orel S. Maskin', initials)).toBe(
      'The historians Orel S. Maskin and W. Tarvo show that the guilds were old.',
    );
  });

  it('describes a person as one pattern per surname does', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NAMES),
        fc.array(fc.oneof(text, spaced), { minLength: 1, maxLength: 3 }),
        (n, t) => {
          expect(describePerson(n, t)).toBe(referenceDescription(n, t));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
