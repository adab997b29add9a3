/**
 * Countries by the words a text uses for them, in any language: the states of study/states.ts (English
 * demonyms and forms: "Soviet" → Soviet Union), the countries ICU names in the book's language
 * (Intl.DisplayNames: "Chile", "Argentinien"), and an adjective made of one of those names, inflected as the
 * language inflects it ("argentinischen" → Argentinien, "chilenische" → Chile, "Mexican" → Mexico): the
 * country whose name shares the longest beginning with the adjective, when that beginning holds all of the
 * name but its last four letters (the ending the adjective replaces: "-ien", "-land", "-a") and no other
 * country shares as much. An adjective that changes its stem ("französisch", "polnisch") names no country
 * here: it is left out rather than shown inflected.
 */
import { isState, stateOf, stateOfDemonym } from './states.js';
import { baseLanguage } from '../util/language.js';

const names = new Map<string, { name: string; low: string }[]>();

/** The countries and regions ICU names in a language (two-letter codes), with their lower-case forms. */
function countriesIn(language: string): { name: string; low: string }[] {
  const lang = baseLanguage(language);
  const known = names.get(lang);
  if (known) return known;
  const out = new Map<string, { name: string; low: string }>();
  try {
    const display = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    for (let a = 65; a <= 90; a++)
      for (let b = 65; b <= 90; b++) {
        const name = display.of(String.fromCharCode(a, b));
        if (name && !/[()]/.test(name)) out.set(name.toLowerCase(), { name, low: name.toLowerCase() });
      }
  } catch {
    // A language ICU does not know: no countries.
  }
  const list = [...out.values()];
  names.set(lang, list);
  return list;
}

const commonStart = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

/**
 * The country a word names or makes an adjective of, in the book's language ("Argentinischen" → "Argentinien"
 * in German; "Soviet" → "Soviet Union"), or undefined when it names none the book's language or
 * study/states.ts knows.
 */
export function countryOf(word: string, language: string): string | undefined {
  const bare = word.trim();
  if (!bare) return undefined;
  const state = stateOfDemonym(bare) ?? (stateOf(bare) !== bare ? stateOf(bare) : undefined);
  if (state) return state;
  const low = bare.toLowerCase();
  const countries = countriesIn(language);
  const exact = countries.find((c) => c.low === low);
  if (exact) return exact.name;
  if (baseLanguage(language) === 'en' && isState(bare)) return bare;
  let best: { name: string; at: number } | undefined;
  let tie = false;
  for (const c of countries) {
    if (/\s/.test(c.low)) continue;
    const at = commonStart(low, c.low);
    if (at < 4 || at < c.low.length - 4) continue;
    if (!best || at > best.at) [best, tie] = [{ name: c.name, at }, false];
    else if (at === best.at) tie = true;
  }
  return best && !tie ? best.name : undefined;
}
