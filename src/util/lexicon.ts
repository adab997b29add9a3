/**
 * compromise, for the study aids: its English lexicon (word → tags; and the words that end organisations'
 * and places' names), which they read for every language, and its tagger, which they run on English only.
 *
 * Loading compromise expands its whole lexicon (~0.2 s of CPU), so the bundled command loads it only for a
 * guide in English: `loadLanguageTools` runs before the study aids (src/pipeline/stages.ts), and for another
 * language it reads the lexicon that scripts/bundle.mjs took from the same compromise when it bundled Quire
 * (english-lexicon.ts). Run from the sources (the tests, `dist/src`), compromise is loaded when this module is,
 * as the study aids always loaded it, so a caller needs no preparation.
 */
import type Compromise from 'compromise';
import { baseLanguage } from './language.js';

export type Nlp = typeof Compromise;

/** compromise's lexicon, as the study aids read it. */
export interface EnglishLexicon {
  /** A word or phrase in lower case → its tag or tags ("Country", ["FirstName", "MaleName"]). */
  words: Record<string, string | string[]>;
  /** Words that end an organisation's name ("university", "press"). */
  orgWords: string[];
  /** Words that end a place's name ("river", "county"). */
  placeWords: string[];
}

/** The lexicon of a loaded compromise (what english-lexicon.ts holds, in the bundle). */
export function lexiconOf(nlp: Nlp): EnglishLexicon {
  const model = (
    nlp.world() as {
      model: {
        one: { lexicon: Record<string, string | string[]> };
        two: { orgWords: Record<string, unknown>; placeWords: Record<string, unknown> };
      };
    }
  ).model;
  return {
    words: model.one.lexicon,
    orgWords: Object.keys(model.two.orgWords),
    placeWords: Object.keys(model.two.placeWords),
  };
}

/** Set by scripts/bundle.mjs (esbuild's `define`): this module is running in the bundled command. */
declare const QUIRE_BUNDLED: boolean | undefined;

let loaded: { lexicon: EnglishLexicon; tagger?: Nlp } | undefined;

async function loadCompromise(): Promise<void> {
  const tagger = (await import('compromise')).default;
  loaded = { lexicon: lexiconOf(tagger), tagger };
}

if (typeof QUIRE_BUNDLED === 'undefined') await loadCompromise();

/** Makes the lexicon, and for English the tagger, ready for the study aids of a guide in `language`. */
export async function loadLanguageTools(language: string): Promise<void> {
  if (loaded?.tagger) return;
  if (baseLanguage(language) === 'en') await loadCompromise();
  else loaded ??= { lexicon: (await import('./english-lexicon.js')).lexicon };
}

const NOT_LOADED = 'the study aids ran before loadLanguageTools (src/util/lexicon.ts) loaded what they read';

/** compromise's English lexicon. */
export function englishLexicon(): EnglishLexicon {
  if (!loaded) throw new Error(NOT_LOADED);
  return loaded.lexicon;
}

/** compromise's tagger: `nlp(text)` (loaded for a guide in English). */
export function tagger(): Nlp {
  if (!loaded?.tagger) throw new Error(`${NOT_LOADED} (the tagger reads English only)`);
  return loaded.tagger;
}
