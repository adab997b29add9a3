/**
 * States by the words a text uses for them: demonyms ("Soviet", "Polish"), the combining forms of treaty
 * names ("Franco-", "Anglo-", "Italo-"), abbreviations ("USSR") and names with a regime's qualifier ("Nazi
 * Germany", "Imperial Japan", "Fascist Italy"). English usage, not one article's words: a treaty's parties
 * are listed as states, whatever form its name takes.
 */
import { englishLexicon } from '../util/lexicon.js';

const DEMONYMS: Record<string, string> = {
  soviet: 'Soviet Union',
  russian: 'Russia',
  russo: 'Russia',
  german: 'Germany',
  germano: 'Germany',
  nazi: 'Germany',
  french: 'France',
  franco: 'France',
  british: 'United Kingdom',
  english: 'United Kingdom',
  anglo: 'United Kingdom',
  polish: 'Poland',
  polono: 'Poland',
  italian: 'Italy',
  italo: 'Italy',
  japanese: 'Japan',
  chinese: 'China',
  sino: 'China',
  finnish: 'Finland',
  estonian: 'Estonia',
  latvian: 'Latvia',
  lithuanian: 'Lithuania',
  romanian: 'Romania',
  czechoslovak: 'Czechoslovakia',
  czech: 'Czech Republic',
  hungarian: 'Hungary',
  bulgarian: 'Bulgaria',
  turkish: 'Turkey',
  ottoman: 'Ottoman Empire',
  austrian: 'Austria',
  'austro-hungarian': 'Austria-Hungary',
  austro: 'Austria',
  belgian: 'Belgium',
  dutch: 'Netherlands',
  spanish: 'Spain',
  hispano: 'Spain',
  portuguese: 'Portugal',
  luso: 'Portugal',
  swedish: 'Sweden',
  norwegian: 'Norway',
  danish: 'Denmark',
  greek: 'Greece',
  greco: 'Greece',
  american: 'United States',
  canadian: 'Canada',
  mexican: 'Mexico',
  indian: 'India',
  indo: 'India',
  pakistani: 'Pakistan',
  korean: 'Korea',
  israeli: 'Israel',
  egyptian: 'Egypt',
  iranian: 'Iran',
  persian: 'Persia',
  iraqi: 'Iraq',
  mongolian: 'Mongolia',
  ukrainian: 'Ukraine',
  yugoslav: 'Yugoslavia',
  serbian: 'Serbia',
  swiss: 'Switzerland',
  irish: 'Ireland',
  australian: 'Australia',
  brazilian: 'Brazil',
  argentine: 'Argentina',
  chilean: 'Chile',
  vietnamese: 'Vietnam',
  thai: 'Thailand',
};
const ABBREVIATIONS: Record<string, string> = {
  ussr: 'Soviet Union',
  'u.s.s.r.': 'Soviet Union',
  rsfsr: 'Soviet Russia',
  uk: 'United Kingdom',
  britain: 'United Kingdom',
  'great britain': 'United Kingdom',
  us: 'United States',
  usa: 'United States',
  'u.s.': 'United States',
  soviets: 'Soviet Union',
};
/** Qualifiers of a regime or period before a state's name: "Nazi Germany" is Germany as a party. */
const QUALIFIER = /^(?:Nazi|Fascist|Imperial|Weimar|Tsarist|Communist|Republican|Democratic|Royal|Vichy)\s+(?=\p{Lu})/u;

const STATES = new Set([...Object.values(DEMONYMS), ...Object.values(ABBREVIATIONS)].map((s) => s.toLowerCase()));

/** Whether a name is a state's: one this file knows, or a country compromise's English lexicon lists. */
export function isState(name: string): boolean {
  const low = name.toLowerCase();
  const tags = englishLexicon().words[low];
  return STATES.has(low) || tags === 'Country' || (Array.isArray(tags) && tags.includes('Country'));
}

/** The state a demonym or combining form names ("Franco" → France), or undefined. */
export function stateOfDemonym(word: string): string | undefined {
  return DEMONYMS[word.toLowerCase()];
}

/** A party as a state: "the USSR" → Soviet Union, "Nazi Germany" → Germany, "Soviet" → Soviet Union. */
export function stateOf(name: string): string {
  const bare = name.replace(/^the\s+/i, '').trim();
  const low = bare.toLowerCase();
  return ABBREVIATIONS[low] ?? DEMONYMS[low] ?? bare.replace(QUALIFIER, '');
}

/**
 * The other names a text may give a state: its abbreviations and short names ("USSR", "Soviets" for the Soviet
 * Union, "Britain" for the United Kingdom), written as a text writes them.
 */
export function otherNamesOf(state: string): string[] {
  return Object.entries(ABBREVIATIONS)
    .filter(([, s]) => s === state)
    .map(([n]) => (n.includes('.') || n.length <= 5 ? n.toUpperCase() : titleCase(n)));
}
const titleCase = (n: string) => n.replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase());
