/**
 * compromise's English lexicon as data (src/util/lexicon.ts), for a guide in another language: in the
 * bundled command, scripts/bundle.mjs replaces this module by the lexicon itself, taken from the same
 * compromise when it bundles, so such a guide never loads compromise. Run from the sources, it is read from
 * compromise.
 */
import nlp from 'compromise';
import { lexiconOf, type EnglishLexicon } from './lexicon.js';

export const lexicon: EnglishLexicon = lexiconOf(nlp);
