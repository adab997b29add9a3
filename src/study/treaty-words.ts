/**
 * Treaty names and the verbs of a treaty's steps in languages other than English, from the table of
 * util/language.ts. A name is a kind word (or a compound ending in one: "Nichtangriffspakt", "traktaten")
 * with what makes it a name:
 * - names joined to it by hyphens: "Hitler-Stalin-Pakt", "Versailles-traktaten", "Molotov-Ribbentrop-verdrag";
 * - a place's adjective in -er (German): "Versailler Vertrag", "Münchner Abkommen";
 * - a place after the language's "of": "Vertrag von Versailles", "traité de Versailles", "Verdrag van Vereeniging";
 * - names right after it: "pacte Molotov-Ribbentrop";
 * - adjectives of two nations, before or after: "deutsch-sowjetischer Nichtangriffspakt", "pacte germano-soviétique";
 * - a state after the language's "with": "Handelsabkommen mit Japan".
 * A kind word alone ("der Vertrag", "Arbeitsvertrag") names nothing in particular.
 */
import { indexLexicon, treatyWords } from '../util/language.js';
import { isState, stateOf } from './states.js';
import escape from 'escape-string-regexp';

export interface LocalTreatyWords {
  /** The names a sentence holds. */
  names(sentence: string): string[];
  /** A name's words for grouping: each kind word without its inflection ("Vertrages" → "vertrag"). */
  stem(word: string): string;
  /** The states a sentence names as a pair: "zwischen Deutschland und Polen", "Deutschland und Polen …". */
  parties(sentence: string): string[];
  /** Whether a word is a kind word (or a compound ending in one). */
  isKind(word: string): boolean;
  /** Articles that open a name as the text writes it ("der", "le"): not part of the name. */
  leading: RegExp;
  sign: RegExp;
  ratify: RegExp;
  negotiate: RegExp;
  propose: RegExp;
  notDone: RegExp;
  /** Verbs of denouncing or breaking ("gekündigt"), when the language has them. */
  denounce?: RegExp;
  /**
   * The names a sentence gives as signers: "von Walther Rathenau und Georg Tschitscherin unterzeichnet",
   * "unterzeichnet von …", "signé par …" (each a run of capitalised words; the caller tells people apart).
   */
  signers(sentence: string): string[];
}

/** A word of the list, whole, in any case. */
const anyWord = (words: readonly string[]) =>
  new RegExp(String.raw`(?<![\p{L}’'])(?:${words.map(escape).join('|')})(?![\p{L}])`, 'iu');

const cache = new Map<string, LocalTreatyWords | undefined>();

/** The treaty words of a language (undefined for English and languages without a table). */
export function localTreatyWords(tag: string): LocalTreatyWords | undefined {
  if (cache.has(tag)) return cache.get(tag);
  const words = treatyWords(tag);
  const local = words && build(tag, words);
  cache.set(tag, local);
  return local;
}

/**
 * "unterzeichnet von X und Y", "von X und Y unterzeichnet": the passive's agent after the language's "by".
 * Case-sensitive: a name is capitalised (the verbs and "von" are written in lower case).
 */
function signerPatterns(words: NonNullable<ReturnType<typeof treatyWords>>): RegExp[] {
  if (!words.by?.length) return [];
  const by = words.by.map(escape).join('|');
  const and = words.and.map(escape).join('|');
  const signWord = words.sign.map(escape).join('|');
  const name = String.raw`\p{Lu}[\p{L}.'’-]*(?:\s+(?:(?:von|van|de|der|du|da|di|af|zu)\s+)*\p{Lu}[\p{L}.'’-]*){1,3}`;
  const names = String.raw`(${name}(?:(?:,\s*|\s+(?:${and})\s+)${name})*)`;
  return [
    new RegExp(String.raw`(?<!\p{L})(?:${signWord})\s+(?:[^,;.]{0,30}?\s)?(?:${by})\s+${names}`, 'gu'),
    new RegExp(String.raw`(?<!\p{L})(?:${by})\s+${names}\s+(?:[^,;.]{0,30}?\s)?(?:${signWord})(?!\p{L})`, 'gu'),
  ];
}

function build(tag: string, words: NonNullable<ReturnType<typeof treatyWords>>): LocalTreatyWords {
  const lex = indexLexicon(tag);
  const kindAlt = words.kinds.map((k) => `[${k[0]}${k[0]!.toUpperCase()}]${escape(k.slice(1))}`).join('|');
  const K = String.raw`(?:${kindAlt})\p{Ll}{0,${words.inflection}}(?![\p{L}])`;
  const start = String.raw`(?<![\p{L}\p{N}'’-])`;
  const compound = String.raw`${start}[\p{L}-]*?${K}`;
  const cap = String.raw`\p{Lu}[\p{L}'’]*(?:[-–]\p{Lu}?\p{L}+)*`;
  const hyphenated = String.raw`(?:\p{Lu}[\p{L}'’]*[-–])+`;
  const connector = words.connectors.map((c) => (/['’]$/.test(c) ? escape(c) : `${escape(c)}\\s+`)).join('|');
  const article = words.articles.map(escape).join('|');
  const shapes = [
    String.raw`${start}${hyphenated}[\p{L}-]*?${K}`,
    String.raw`${start}${hyphenated}\p{Lu}\p{L}*\s+[\p{L}-]*?${K}`,
    ...(words.placeAdjective ? [String.raw`(?<=\p{L}[,;:]?\s)\p{Lu}\p{L}+er\s+${K}`] : []),
    String.raw`${compound}\s+${hyphenated}\p{Lu}\p{L}*`,
    String.raw`${start}\p{Ll}+[-–]\p{Ll}+\s+[\p{L}-]*?${K}`,
    String.raw`${compound}\s+\p{Ll}+[-–]\p{Ll}+(?![\p{L}-])`,
  ];
  const named = new RegExp(shapes.join('|'), 'gu');
  const indefinite = words.indefinite?.length
    ? new RegExp(String.raw`(?<![\p{L}])(?:${words.indefinite.map(escape).join('|')})\s+$`, 'iu')
    : undefined;
  // "einer Endbenutzer-Lizenzvereinbarung zustimmen": an agreement of a kind, not one instrument by its name.
  const particular = (sentence: string, at: number) => !indefinite?.test(sentence.slice(Math.max(0, at - 12), at));
  const of = new RegExp(String.raw`${compound}\s+(?:${connector})(?:(?:${article})\s+)?${cap}(?:\s+${cap})?`, 'gu');
  const withParty = new RegExp(
    String.raw`${compound}\s+(?:${words.with.map(escape).join('|')})\s+(?:(?:${article})\s+)?(${cap})`,
    'gu',
  );
  const kindWord = new RegExp(String.raw`^(.*?(?:${kindAlt}))\p{Ll}{0,${words.inflection}}$`, 'iu');
  // "Abkommen von Juli", "Vertrag von Bedeutung": a month or a common noun after "von" is no place.
  const placeAfter = (name: string) => {
    const last = /(\p{L}+)$/u.exec(name)?.[1] ?? '';
    return !lex.calendar.has(last.toLowerCase()) && !lex.commonNoun?.test(last) && !lex.generic.has(last.toLowerCase());
  };
  const party = String.raw`(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)`;
  const and = words.and.map(escape).join('|');
  const pair = new RegExp(
    String.raw`(?:(${words.between.map(escape).join('|')})\s+)?(?:(?:${article})\s+)?${party}\s+(?:${and})\s+` +
      String.raw`(?:(?:${article})\s+)?${party}`,
    'gu',
  );
  const state = (name: string) => lex.regions.has(name.toLowerCase()) || isState(stateOf(name));
  const signedBy = signerPatterns(words);
  return {
    signers(sentence) {
      for (const pattern of signedBy)
        for (const m of sentence.matchAll(pattern))
          return m[1]!.split(new RegExp(String.raw`,\s*|\s+(?:${and})\s+`, 'u'));
      return [];
    },
    ...(words.denounce?.length ? { denounce: anyWord(words.denounce) } : {}),
    parties(sentence) {
      // Two names joined by "and": states when one of them is a state ICU or the lexicon knows (not "Karel
      // Brant und Jonas Feld"), or after "between".
      for (const m of sentence.matchAll(pair))
        if (m[1] || state(m[2]!) || state(m[3]!)) return [m[2]!, m[3]!].map(stateOf);
      return [];
    },
    names(sentence) {
      const out: string[] = [];
      for (const m of sentence.matchAll(named)) if (particular(sentence, m.index)) out.push(m[0]);
      for (const m of sentence.matchAll(of)) if (placeAfter(m[0]) && particular(sentence, m.index)) out.push(m[0]);
      for (const m of sentence.matchAll(withParty)) {
        const party = m[1]!;
        if (lex.regions.has(party.toLowerCase()) || isState(stateOf(party))) out.push(m[0]);
      }
      return out;
    },
    stem: (word) => (kindWord.exec(word)?.[1] ?? word).toLowerCase(),
    isKind: (word) => kindWord.test(word),
    leading: new RegExp(String.raw`^(?:${article})\s+`, 'iu'),
    sign: anyWord(words.sign),
    ratify: anyWord(words.ratify),
    negotiate: anyWord(words.negotiate),
    propose: anyWord(words.propose),
    notDone: anyWord(words.notDone),
  };
}
