/**
 * Treaty names and the verbs of a treaty's steps in languages other than English, from the table of
 * util/language.ts. A name is a kind word (or a compound ending in one: "Nichtangriffspakt", "traktaten")
 * with what makes it a name:
 * - names joined to it by hyphens: "Hitler-Stalin-Pakt", "Versailles-traktaten", "Molotov-Ribbentrop-verdrag";
 * - a place's adjective in -er (German): "Versailler Vertrag", "Münchner Abkommen";
 * - a place after the language's "of": "Vertrag von Versailles", "traité de Versailles", "Verdrag van Vereeniging";
 * - names right after it: "pacte Molotov-Ribbentrop";
 * - adjectives of two nations, before or after: "deutsch-sowjetischer Nichtangriffspakt", "pacte germano-soviétique";
 * - a state after the language's "with": "Handelsabkommen mit Japan";
 * - two compounds sharing the kind word: "Deutsch-Sowjetischer Grenz- und Freundschaftsvertrag".
 * A kind word alone ("der Vertrag", "Arbeitsvertrag") names nothing in particular.
 */
import { baseLanguage, indexLexicon, treatyWords } from '../util/language.js';
import { isState, stateOf } from './states.js';
import { countryOf } from './countries.js';
import escape from 'escape-string-regexp';

export interface LocalTreatyWords {
  /** The names a sentence holds. */
  names(sentence: string): string[];
  /** A name's words for grouping: each kind word without its inflection ("Vertrages" → "vertrag"). */
  stem(word: string): string;
  /** The states a sentence names as a pair: "zwischen Deutschland und Polen", "Deutschland und Polen …". */
  parties(sentence: string): string[];
  /** A name with its kind word uninflected, as a title writes it: "Münchner Abkommens" → "Münchner Abkommen". */
  uninflected(name: string): string;
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
   * "unterzeichnet von …", "signé par …" (each a run of capitalised words, a title before it left out:
   * "von dem deutschen Außenminister Walther Rathenau"; the caller tells people apart).
   */
  signers(sentence: string): string[];
  /**
   * Treaties named by their kind alone, after a definite article or a demonstrative: "der Vertrag", "des
   * Paktes", "le pacte", "ce traité" — each with where it stands and its kind word ("vertrag", "pakt").
   */
  mentions(sentence: string): { at: number; kind: string }[];
  /** The kind word a word is or ends with, uninflected ("Nichtangriffspaktes" → "pakt"), or undefined. */
  kindOf(word: string): string | undefined;
  /** A sentence that opens with a pronoun standing for the thing named before ("Er trat …", "Il fut rompu …"). */
  pronoun: RegExp;
  /**
   * Protocols a sentence names: a compound of the kind ("Zusatzprotokoll", "Geheimprotokoll") or the kind with
   * a word that makes it an annex ("geheimes Protokoll", "protocole secret", "protocolo adicional"), as written.
   */
  protocols(sentence: string): { text: string; at: number; end: number }[];
}

/**
 * Per language: demonstratives ("dieser Vertrag", "ce pacte") and the definite articles' contractions the table
 * of util/language.ts does not list ("du", "au"), pronouns that open a sentence about the thing named before,
 * the adjectives that make a protocol an annex to a treaty, and whether a kind word takes case endings ("des
 * Vertrages") that a title does not write.
 */
const DEICTIC: Record<string, { definite: string; pronouns: string; annex: string; cases?: boolean }> = {
  de: {
    cases: true,
    definite: 'dieser|diesen|diesem|dieses|diese|jener|jenen|jenem|jenes|beim|vom',
    pronouns: 'Er|Es|Dieser|Dieses|Diese',
    annex: 'geheim|zusätzlich|vertraulich|zusatz|ergänzungs',
  },
  fr: {
    definite: 'ce|cet|cette|ces|du|au|aux|des',
    pronouns: 'Il|Elle|Celui-ci|Celle-ci',
    annex: 'secret|secrète|additionnel|supplémentaire|confidentiel',
  },
  es: {
    definite: 'este|esta|ese|esa|aquel|del|al',
    pronouns: 'Este|Esta',
    annex: 'secret|adicional|suplementari|confidencial',
  },
  pt: {
    definite: 'este|esta|esse|essa|do|da|no|na|ao',
    pronouns: 'Este|Esta|Ele|Ela',
    annex: 'secret|adiciona|suplementar|confidencia',
  },
  it: {
    definite: 'questo|questa|quel|quello|quella|del|della|dello|al|alla|nel|nella',
    pronouns: 'Esso|Essa|Questo|Questa',
    annex: 'segret|aggiuntiv|addizional|supplementar|confidenzial',
  },
  nl: { definite: 'dit|deze|dat|die', pronouns: 'Het|Hij|Dit|Dat', annex: 'geheim|geheime|aanvullend|aanvullende' },
  af: { definite: 'hierdie|daardie|dié', pronouns: 'Dit|Hy', annex: 'geheim|geheime|aanvullend|aanvullende' },
  nb: { definite: 'denne|dette|den|det', pronouns: 'Den|Det|Denne|Dette', annex: 'hemmelig|hemmelige|tilleggs' },
  nn: { definite: 'denne|dette|den|det', pronouns: 'Den|Det|Denne|Dette', annex: 'hemmeleg|hemmelege|tilleggs' },
  da: { definite: 'denne|dette|den|det', pronouns: 'Den|Det|Denne|Dette', annex: 'hemmelig|hemmelige|tillægs' },
  sv: { definite: 'denna|detta|den|det', pronouns: 'Den|Det|Denna|Detta', annex: 'hemlig|hemliga|tilläggs' },
};

/** A word whose first letter may be written in either case ("der", "Der"). */
const cased = (w: string) => `[${w[0]}${w[0]!.toUpperCase()}]${escape(w.slice(1))}`;

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

/** A person's run of capitalised words, particles between ("Friedrich-Werner Graf von der Schulenburg"). */
const RUN =
  String.raw`\p{Lu}[\p{L}.'’-]*(?:\s+(?:(?:von|van|de|der|den|du|da|di|af|zu|Graf|Freiherr)\s+)*` +
  String.raw`\p{Lu}[\p{L}.'’-]*){0,4}`;

/**
 * "unterzeichnet von X und Y", "von X und Y unterzeichnet", "von dem deutschen Außenminister X und seinem
 * sowjetrussischen Amtskollegen Y": the passive's agent after the language's "by", a list of names each after
 * up to three words in lower case (an article, a possessive, adjectives). The verb may open the sentence
 * ("Unterzeichnet wurde der Vertrag von …"); a name is capitalised.
 */
function signerPatterns(words: NonNullable<ReturnType<typeof treatyWords>>): RegExp[] {
  if (!words.by?.length) return [];
  const by = words.by.map(escape).join('|');
  const and = words.and.map(escape).join('|');
  const signWord = words.sign.map((w) => `[${w[0]}${w[0]!.toUpperCase()}]${escape(w.slice(1))}`).join('|');
  const part = String.raw`(?:\p{Ll}[\p{L}'’-]*\s+){0,3}${RUN}`;
  const names = String.raw`(${part}(?:(?:\s*,\s*|\s+(?:${and})\s+)${part})*)`;
  return [
    new RegExp(String.raw`(?<!\p{L})(?:${signWord})\s+(?:[^,;.]{0,30}?\s)?(?:${by})\s+${names}`, 'gu'),
    new RegExp(String.raw`(?<!\p{L})(?:${by})\s+${names}\s+(?:[^,;.]{0,30}?\s)?(?:${signWord})(?!\p{L})`, 'gu'),
  ];
}

/**
 * The person a part of a list of signers names: its last run of capitalised words, without the title noun
 * an article or an adjective opens ("dem deutschen Außenminister Walther Rathenau" → "Walther Rathenau").
 */
function signerIn(part: string): string {
  const m = new RegExp(String.raw`(?:^|(\p{Ll}[\p{L}'’-]*)\s+)(${RUN})$`, 'u').exec(part.trim());
  if (!m) return part.trim();
  const run = m[2]!;
  const names = run.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  // A title noun before a given name and a surname: the article or adjective before it governs the noun.
  return m[1] && names.length >= 3 ? run.slice(run.indexOf(' ') + 1) : run;
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
  const named = new RegExp(nameShapes(words, { K, start, compound, hyphenated }).join('|'), 'gu');
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
  // A party as a state: "Polen", "Sowjetrussland"; "dem Deutschen Reich" → Deutschland (its adjective's
  // country); words that name no state ("Russischen Sozialistischen" without its country) are none.
  const asState = (name: string) =>
    state(name) ? stateOf(name) : /\s/.test(name) ? countryOf(name.split(/\s+/)[0]!, tag) : name;
  const short = shortForms(tag, words, { kindAlt, connector, article });
  return {
    signers(sentence) {
      for (const pattern of signedBy)
        for (const m of sentence.matchAll(pattern))
          return m[1]!.split(new RegExp(String.raw`\s*,\s*|\s+(?:${and})\s+`, 'u')).map(signerIn);
      return [];
    },
    ...short,
    protocols: protocolsIn(tag, words),
    ...(words.denounce?.length ? { denounce: anyWord(words.denounce) } : {}),
    parties(sentence) {
      // Two names joined by "and": states when one of them is a state ICU or the lexicon knows (not "Karel
      // Brant und Jonas Feld"), or after "between".
      for (const m of sentence.matchAll(pair))
        if (m[1] || state(m[2]!) || state(m[3]!)) return [m[2]!, m[3]!].flatMap((p) => asState(p) ?? []);
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

/**
 * A kind word alone after a definite article or a demonstrative and up to two adjectives in lower case ("der
 * Vertrag", "des Paktes", "ce pacte", "le nouveau traité"), and what goes with it: a word's kind, a name without
 * its case ending, the pronouns that stand for a treaty named before.
 */
function shortForms(
  tag: string,
  words: NonNullable<ReturnType<typeof treatyWords>>,
  re: { kindAlt: string; connector: string; article: string },
): Pick<LocalTreatyWords, 'mentions' | 'kindOf' | 'uninflected' | 'pronoun'> {
  const deictic = DEICTIC[baseLanguage(tag)];
  const definite = [
    ...words.articles.filter((a) => !words.indefinite?.includes(a)),
    ...(deictic?.definite.split('|') ?? []),
  ];
  const anaphor = new RegExp(
    String.raw`(?<![\p{L}])((?:${definite.map(cased).join('|')})\s+(?:\p{Ll}\p{L}*\s+){0,2})` +
      String.raw`((?:${re.kindAlt})\p{Ll}{0,${words.inflection}})(?![\p{L}-])`,
    'gu',
  );
  const kindEnd = new RegExp(String.raw`(${words.kinds.map(escape).join('|')})\p{Ll}{0,${words.inflection}}$`, 'u');
  const kindOf = (word: string) => kindEnd.exec(word.toLowerCase())?.[1];
  const inflectedKind = new RegExp(String.raw`(${re.kindAlt})\p{Ll}{1,${words.inflection}}(?![\p{L}])`, 'gu');
  // What follows a kind word that names it: "Vertrag von Rapallo", "pacte Molotov-Ribbentrop".
  const nameFollows = new RegExp(String.raw`^\s+(?:(?:${re.connector})(?:(?:${re.article})\s+)?)?\p{Lu}`, 'u');
  return {
    mentions(sentence) {
      const out: { at: number; kind: string }[] = [];
      for (const m of sentence.matchAll(anaphor)) {
        const kind = kindOf(m[2]!);
        // "der Vertrag von Rapallo" is the name: the caller finds it by name.
        if (kind && !nameFollows.test(sentence.slice(m.index + m[0].length))) out.push({ at: m.index, kind });
      }
      return out;
    },
    kindOf,
    // Case endings (German "des Abkommens"), not a definite suffix that names carry ("Versailles-traktaten").
    uninflected: (name) => (deictic?.cases ? name.replace(inflectedKind, '$1') : name),
    pronoun: new RegExp(String.raw`^(?:${deictic?.pronouns ?? '(?!)'})(?![\p{L}-])`, 'u'),
  };
}

/**
 * Protocols: a compound of the kind word with an annex's word ("Zusatzprotokoll", "Geheimprotokoll", not
 * "Verschlüsselungsprotokoll"), or the kind word with an annex's adjective before or after it ("geheimes
 * Protokoll", "protocole secret").
 */
function protocolsIn(tag: string, words: NonNullable<ReturnType<typeof treatyWords>>): LocalTreatyWords['protocols'] {
  const deictic = DEICTIC[baseLanguage(tag)];
  const kind = words.kinds.find((k) => k.startsWith('prot'));
  if (!kind || !deictic) return () => [];
  const annex = new RegExp(String.raw`^(?:${deictic.annex})`, 'iu');
  const protocol = new RegExp(
    String.raw`(?<![\p{L}-])(?:(\p{L}+)\s+)?([\p{L}-]*${cased(kind)}\p{Ll}{0,${words.inflection}})` +
      String.raw`(?![\p{L}-])(?:\s+(\p{Ll}+))?`,
    'gu',
  );
  return (sentence) => {
    const out: { text: string; at: number; end: number }[] = [];
    for (const m of sentence.matchAll(protocol)) {
      const [, before, word, after] = m;
      const prefix = word!.toLowerCase().slice(0, word!.toLowerCase().lastIndexOf(kind));
      const first = !!before && annex.test(before);
      const last = !!after && annex.test(after);
      if (!(prefix && annex.test(prefix)) && !first && !last) continue;
      const at = m.index + (first || !before ? 0 : before.length + 1);
      const text = sentence.slice(at, m.index + m[0].length - (after && !last ? after.length + 1 : 0));
      out.push({ text, at, end: at + text.length });
    }
    return out;
  };
}

/** The shapes of a treaty's name around a kind word (see the file's comment). */
function nameShapes(
  words: NonNullable<ReturnType<typeof treatyWords>>,
  re: { K: string; start: string; compound: string; hyphenated: string },
): string[] {
  const { K, start, compound, hyphenated } = re;
  return [
    String.raw`${start}${hyphenated}[\p{L}-]*?${K}`,
    String.raw`${start}${hyphenated}\p{Lu}\p{L}*\s+[\p{L}-]*?${K}`,
    ...(words.placeAdjective ? [String.raw`(?<=\p{L}[,;:]?\s)\p{Lu}\p{L}+er\s+${K}`] : []),
    String.raw`${compound}\s+${hyphenated}\p{Lu}\p{L}*`,
    String.raw`${start}\p{Ll}+[-–]\p{Ll}+\s+[\p{L}-]*?${K}`,
    String.raw`${compound}\s+\p{Ll}+[-–]\p{Ll}+(?![\p{L}-])`,
    // "Deutsch-Sowjetischer Grenz- und Freundschaftsvertrag": two compounds sharing their kind word.
    String.raw`${start}(?:\p{L}+[-–]\p{L}+\s+)?\p{Lu}\p{L}*-\s+(?:${words.and.map(escape).join('|')})\s+[\p{L}-]*?${K}`,
  ];
}

/**
 * What an instrument is about, by the words that say it (English usage): "trade pact" and "Commercial
 * Agreement" are of one kind. Named treaties are grouped by it (treaties.ts), unnamed ones found by it
 * ("a commercial agreement", unnamed-treaties.ts).
 */
export const INSTRUMENT_TOPICS: Readonly<Record<string, string>> = {
  trade: 'commercial',
  commercial: 'commercial',
  economic: 'commercial',
  credit: 'credit',
  'non-aggression': 'non-aggression',
  nonaggression: 'non-aggression',
  neutrality: 'neutrality',
  border: 'boundary',
  boundary: 'boundary',
  frontier: 'boundary',
  friendship: 'friendship',
  peace: 'peace',
  naval: 'naval',
  military: 'military',
  customs: 'customs',
  defence: 'defence',
  defense: 'defence',
  'mutual assistance': 'mutual assistance',
  'mutual-assistance': 'mutual assistance',
};
