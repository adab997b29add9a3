/**
 * The index: people, places, organisations, treaties and events the book names, each with the blocks that
 * name it.
 *
 * Candidates are the glossary entries, the names the sources link, and capitalised phrases the text repeats.
 * Their kind comes from compromise's English lexicon and word lists (first names, surnames, cities,
 * countries, regions; the words that end organisations' and places' names), with the guide's own names as
 * a lexicon (its ambassadors and signatories are people) and the states of study/states.ts (the Soviet
 * Union is a place); what is still unknown is read from how the text uses it ("in Murmansk", "the
 * Reichswehr"). compromise's lexicon rather than its tagger: the tagger reads every word of the book, seconds
 * a build. Generic words ("Affairs", "Union", "Boundary"), adjectives ("Soviet") and months are not entries.
 * A surname alone is filed under the full name when one person has it; people sort by surname
 * ("Stalin, Joseph").
 */
import { englishLexicon, tagger } from '../util/lexicon.js';
import type { IndexEntry, StudyGuide } from '../model/index.js';
import { slugify } from '../util/slug.js';
import { NAME_SUFFIX, nameAt, nameParts } from '../util/names.js';
import { BODY_HEADS, ordinalName, personKey, REGNAL_NUMBER, samePersonKey, TITLES } from './names.js';
import { isState, otherNamesOf, stateOf, stateOfDemonym } from './states.js';
import { blocksOf, italicTitles, NO_TITLES, titleRanges, type BlockRef } from './text.js';
import { describePerson } from './roles.js';
import { baseLanguage, indexLexicon, type IndexLexicon } from '../util/language.js';
import { memoize } from '../util/memo.js';
import { matchesOf, wordsOfText } from './per-text.js';
import { acronymDefinitions } from '../merge/acronyms.js';
import { rawDatesIn } from './dates.js';
import { lifeGloss } from './date-phrases.js';

/** The words that end organisations' and places' names: compromise's lists and a few more; made on first use. */
let nameEnds: { org: Set<string>; place: Set<string> } | undefined;
function endWords(): { org: Set<string>; place: Set<string> } {
  if (nameEnds) return nameEnds;
  const lexicon = englishLexicon();
  nameEnds = {
    org: new Set([
      ...lexicon.orgWords,
      'party',
      'commissariat',
      'ministry',
      'office',
      'government',
      'parliament',
      'assembly',
      'navy',
      'brigades',
      'plenum',
      'politburo',
      'reichstag',
    ]),
    // A group of lands ("the Baltic States", "the Low Countries") is a place, not a body.
    place: new Set([
      ...lexicon.placeWords,
      ...['sea', 'ocean', 'oblast', 'line', 'republic', 'states', 'countries', 'republics', 'territories'],
      // A realm: "Roman Empire" (Roman is a given name), "Mughal Empire", "Abbasid Caliphate".
      ...['empire', 'kingdom', 'caliphate', 'sultanate', 'khanate', 'emirate'],
    ]),
  };
  return nameEnds;
}
const ORG_WORDS = { has: (word: string) => endWords().org.has(word) };
const PLACE_WORDS = { has: (word: string) => endWords().place.has(word) };
const EVENT_WORDS = new Set([
  'war',
  'revolution',
  'purge',
  'terror',
  'conference',
  'congress',
  'invasion',
  'incident',
  'uprising',
  'uprisings',
  'crisis',
  'coup',
  'trial',
  'operation',
  'famine',
  'blockade',
  'occupation',
  'partition',
  'annexation',
  'campaign',
  'demonstrations',
  'battle',
  'seizure',
]);
const MONTHS_DAYS = new Set(
  (
    'january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday'
  ).split(' '),
);
const tagsOf = (w: string): string[] => {
  const t = englishLexicon().words[w.toLowerCase()];
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
};
const has = (w: string, ...tags: string[]) => tagsOf(w).some((t) => tags.includes(t));

/** Words that are never an entry on their own: generic nouns, titles, adjectives of nations, months, days. */
const GENERIC = new Set(
  (
    'affairs union boundary minister office congress committee party government secretary commissar ' +
    'republic state states army navy council ministry treaty pact agreement protocol accord alliance ' +
    'war revolution president chancellor general ambassador foreign east west north south central ' +
    'western eastern northern southern first second third new great supreme soviet soviets communists ' +
    'communist germans nazi nazis fascist allies axis powers world people empire reich the a an isbn issn doi'
  ).split(' '),
);

/**
 * Capitalised phrases (words joined by "of", "the", "for", particles), the candidates the text names. A
 * possessive may stand inside one ("Thirty Years' War", "People's Republic of China"); `namedCandidates` tells
 * a name from a person's or a place's possessive ("Willy Brandt's Ostpolitik").
 */
const WORD = String.raw`(?:\p{Lu}[\p{L}'’-]*|\p{Lu}{2,})`;
/** A Roman numeral of I, V and X (centuries, regnal numbers: "XIII", "XIX", "XVIII"); not "DC" or "CD". */
const ROMAN_NUMERAL = /^(?=[IVX]{2,}$)X{0,3}(?:IX|IV|V?I{0,3})$/;
const PHRASE = new RegExp(
  String.raw`(?<![\p{L}'’-])${WORD}(?:[ \t]+(?:(?:of|for|the|de|von|van|der|zu)[ \t]+)*${WORD})*`,
  'gu',
);
const LEADING = /^(?:The|A|An|In|On|At|By|After|Before|During|When|While|From|To|With|Under|Since|Both)\s+/;

interface Candidate {
  term: string;
  aliases?: string[];
  kind: IndexEntry['kind'];
  mentions?: string[];
  description?: string;
}

/** Whether a phrase names a person: a known first name, a known surname, or one of the guide's own people. */
function isPerson(term: string, people: Set<string>, nouns: ReadonlySet<string> = NO_NOUNS): boolean {
  if (people.has(term.toLowerCase())) return true;
  const words = term.split(/\s+/);
  // "William I": a given name and a regnal number.
  if (REGNAL.test(term)) return isGiven(words[0]!);
  // "Alan S" (an initial), "Hitler Speaks" (a title): not a name.
  const surname = nameParts(term).surname;
  if (surname.length < 2 || (words.length > 1 && has(surname, 'PresentTense', 'PastTense', 'Infinitive'))) return false;
  if (!notSurname(surname, nouns)) return isPersonByName(term, words);
  return false;
}

const NO_NOUNS: ReadonlySet<string> = new Set();

/**
 * Whether a name that context or compromise's recognition reads as a person's can be one: its last word is no
 * organisation's, prize's or doctrine's ("Emmy Award", "Lone Star Chapter", "Oprah Winfrey Show"), and it is no
 * compound of places ("Pas-de-Calais", "Saint-Aubin").
 */
function nameOfPerson(term: string, nouns: ReadonlySet<string> = NO_NOUNS): boolean {
  const surname = personParts(term).surname || term;
  return !notSurname(surname, nouns) && !/^(?:Saint|Sainte|St|Ste|San|Santa)-/u.test(surname);
}
/** A monarch's or pope's name: one name and a regnal number ("William II", "Pius XII"). */
const REGNAL = new RegExp(String.raw`^\p{Lu}\p{Ll}+\s+${REGNAL_NUMBER}$`, 'u');
/** A doctrine's name ends no person's: "Roman Catholicism" (Roman is a given name). */
const DOCTRINE = /\p{L}{3}isms?$/u;
/** Adjectives of a faith or a church end no person's name: "Roman Catholic" (Roman is a given name). */
const FAITH = new RegExp(
  String.raw`^(?:catholic|protestant|orthodox|lutheran|calvinist|anglican|episcopal|episcopalian|presbyterian|` +
    String.raw`methodist|pentecostal|evangelical|mennonite|quaker|mormon|muslim|islamic|jewish|judaic|` +
    String.raw`buddhist|hindu|sikh|shiite|sunni)$`,
  'i',
);
/** Words that end the names of prizes and publishers, not of people ("Betty Trask Prize", "Madison Press Books"). */
const NOT_SURNAMES =
  /^(?:prize|prizes|award|awards|medal|trophy|cup|lecture|lectures|books|press|publishers|chapter|show|elementary)$/i;

/**
 * A last word that no surname is: an organisation's word ("Press", "University"), a prize's, a
 * compound cut at its hyphen ("Marais-", "Trask-toekenning"), or — in a language compromise does not read — a
 * word the text also writes in lower case, a common noun ("Wilfrid Laurier Universiteit": "die universiteit").
 */
function notSurname(surname: string, nouns: ReadonlySet<string>): boolean {
  const low = surname.toLowerCase();
  return (
    ORG_WORDS.has(low) ||
    NOT_SURNAMES.test(low) ||
    DOCTRINE.test(low) ||
    FAITH.test(low) ||
    /-$|-\p{Ll}/u.test(surname) ||
    // A prize named in one word of a language that compounds ("Maraisprys", "Büchnerpreis", "Libris Literatuurprijs").
    PRIZE_COMPOUND.test(low) ||
    nouns.has(low)
  );
}

/** The word for a prize ending a compound, in the languages that write one word ("-prys", "-preis", "-prijs"). */
const PRIZE_COMPOUND = /\p{L}{3}(?:prys|pryse|preis|preise|prijs|prijzen|prisen|priset|prisen|palkinto)$/u;

/** Words in lower case a person's name may hold: particles ("Joachim von Ribbentrop", "Leonardo da Vinci"). */
const NAME_PARTICLES = /^(?:von|van|der|den|de|du|da|di|del|la|le|zu|bin|ibn|al|y)$/;
/**
 * A given name the lexicon knows, also written with its accents ("Émile", "André", "Hélène": the English lexicon
 * has them without).
 */
const isGiven = (w: string) => {
  const given = (x: string) => has(x, 'FirstName', 'MaleName', 'FemaleName');
  if (given(w)) return true;
  const plain = w.normalize('NFD').replace(/\p{M}/gu, '');
  return plain !== w && given(plain);
};

/**
 * A person's name by its words: a first name compromise knows before the rest ("Mike Mansfield", though
 * Mansfield is a town's name too), or a given name or surname it knows with no word it knows as anything else
 * ("Jackson Pollock", "Ora Lee"; not "One Houston", "Houston Astros"). A name with another word in lower case
 * ("University of Houston", "Mayor of Jackson") or a possessive inside ("Marcus Aurelius's Meditations") is no
 * person's.
 */
function isPersonByName(term: string, words: string[]): boolean {
  if (words.some((w) => /^\p{Ll}/u.test(w) && !NAME_PARTICLES.test(w)) || /['’]s\s/.test(term)) return false;
  if (words.length >= 2 && isGiven(words[0]!) && !isPlaceWord(words[0]!))
    return !isPlace(term) && !PLACE_WORDS.has(words.at(-1)!.toLowerCase());
  if (words.length > 4 || has(words[0]!, 'Month', 'Modal')) return false;
  return words.some((w) => has(w, 'LastName', 'Person')) && !words.some(notName);
}
const NAME_TAGS = ['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'ProperNoun', 'Honorific'];
/** A word the lexicon knows as something other than a name ("One", "Astros", "Show"). */
const notName = (w: string) => tagsOf(w).length > 0 && !has(w, ...NAME_TAGS);

const PLACE_TAGS = ['Place', 'City', 'Country', 'Region', 'Town'];
const isPlaceWord = (w: string) => has(w, ...PLACE_TAGS);
/** Words that go before a place's name and leave it a place ("New Mexico", "North Korea", "Fort Worth"). */
const PLACE_PREFIX = new RegExp(
  String.raw`^(?:New|Old|North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower|Greater|` +
    String.raw`Great|Little|San|Santa|Saint|St\.?|Fort|Port|Mount|Lake|Cape|Isle|Gulf|Bay)$`,
);

/**
 * A place by the gazetteer (compromise's lexicon, the states of study/states.ts): the whole name ("New York",
 * "Rochester"), a place word at its head ("Cook County", "Mexico City"), a place after a comma ("Lufkin,
 * Texas") or a place with words of direction before it ("North Korea"). A place's name before other words
 * only qualifies them: "Chicago Tribune", "New York Philharmonic", "Boy Scouts of America" are no places.
 */
function isPlace(term: string): boolean {
  if (stateOf(term) !== term || STATES.has(term.toLowerCase()) || isState(term)) return true;
  if (isPlaceWord(term)) return true;
  const comma = term.split(/,\s*/);
  if (comma.length === 2 && comma[0] && isPlace(comma[1]!)) return true;
  const words = term.split(/\s+(?:of|for)\s+/)[0]!.split(/\s+/);
  if (words.length < 2) return false;
  const last = words.at(-1)!;
  // "North Korea", "Finnish Karelia", "Ladoga Karelia": a place after words of direction, nations or places.
  const qualifies = (w: string) => PLACE_PREFIX.test(w) || !!stateOfDemonym(w) || isPlaceWord(w) || has(w, 'Demonym');
  return PLACE_WORDS.has(last.toLowerCase()) || (isPlaceWord(last) && words.slice(0, -1).every(qualifies));
}

const STATES = new Set(
  ['Soviet Union', 'United Kingdom', 'United States', 'Soviet Russia', 'Germany', 'Japan', 'Italy', 'France'].map((s) =>
    s.toLowerCase(),
  ),
);

/** An adjective of nations or parties ("Baltic", "Anglo-French", "Republican"): not an entry. */
function isAdjective(term: string): boolean {
  if (term.split('-').every((p) => stateOfDemonym(p))) return true;
  return (
    !/\s/.test(term) && (has(term, 'Adjective', 'Demonym') || /(?:ic|ian|ish|ese|an)$/.test(term)) && !isPlace(term)
  );
}

function kindOf(term: string, people: Set<string>, usage: Usage): IndexEntry['kind'] | undefined {
  const words = term.split(/\s+/);
  // The head of "Communist Party of Germany", "Lausanne Conference of 1932", "World War I".
  const head = (
    term
      .split(usage.joins)[0]!
      .split(/\s+/)
      .filter((w) => !/^[IVX]+$/.test(w))
      .at(-1) ?? ''
  ).toLowerCase();
  const last = words.at(-1)!.toLowerCase();
  if (STATES.has(stateOf(term).toLowerCase())) return 'place';
  if (usage.senses.has(term)) return usage.senses.get(term);
  if (words.length === 1 && (GENERIC.has(last) || MONTHS_DAYS.has(last) || isAdjective(term))) return undefined;
  const local = localKind(term, usage);
  if (local !== 'unknown') return local;
  if (words.every((w) => GENERIC.has(w.toLowerCase()) || /^(?:of|and|the|for)$/.test(w))) return undefined;
  if (words.every((w) => stateOfDemonym(w) || /^(?:Nazi|Fascist|Imperial|Weimar|Communist)$/.test(w))) return undefined;
  // "German invasion", "Ukrainian terror": a nation's adjective and a common noun describe (which invasion?).
  if (words.length === 2 && stateOfDemonym(words[0]!) && /^\p{Ll}/u.test(words[1]!)) return undefined;
  if (PLACE_WORDS.has(head) || usage.lex.placeHeads.has(head)) return 'place';
  // Not initials ("the NATO area"): a body's name stands there too.
  if ((usage.land.get(term) ?? 0) && !people.has(term.toLowerCase()) && !/^\p{Lu}{2,}$/u.test(term)) return 'place';
  if (isPerson(term, people, usage.nouns)) return 'person';
  if (EVENT_WORDS.has(head) || /^Operation\s/.test(term)) return 'event';
  if (ORG_WORDS.has(head) || usage.lex.organisations.has(head) || /^\p{Lu}{2,}$/u.test(term)) return 'organisation';
  // "BBDO Germany": a body's initials before a place name its branch there.
  const branch = words.slice(1).join(' ');
  const placeName = (name: string) => isPlace(name) || usage.lex.regions.has(name.toLowerCase());
  if (branch && /^\p{Lu}{2,}$/u.test(words[0]!) && stateOf(words[0]!) === words[0] && placeName(branch))
    return 'organisation';
  if (placeName(term)) return 'place';
  // Not in the lexicon: how the text uses it ("in Murmansk" is a place; "the Reichswehr" a body).
  if (placeByUse(term, usage)) return 'place';
  if ((usage.the.get(term) ?? 0) >= 2) return 'organisation';
  return undefined;
}

/**
 * Whether the text's use of a name makes it a place: a name after a preposition of place ("in Murmansk"). In a
 * language that capitalises its nouns, a single word there may be a material or a common noun ("aus Holz", "in
 * Steilfeuer"): the article must then tell it a place, by a place after it ("in Johnstown, Pennsylvania") or a
 * link to a page that a place disambiguates ("[[Rochester (Minnesota)|Rochester]]"); the gazetteer's places
 * are found before this.
 */
function placeByUse(term: string, usage: Usage): boolean {
  if (!(usage.place.get(term) ?? 0)) return false;
  return (
    usage.english || !usage.lex.nounCues || /\s/.test(term) || usage.located.has(term) || regionCompound(term, usage)
  );
}

/** A compound of a region the language names, after a word of direction: "Westdeutschland", "Nordirland". */
function regionCompound(term: string, usage: Usage): boolean {
  const low = term.toLowerCase();
  for (let i = 3; i <= 7 && low.length - i >= 5; i++) if (usage.lex.regions.has(low.slice(i))) return true;
  return false;
}

/**
 * What the article's links say a name is by the word that disambiguates their target: "[[Esquire
 * (magazine)|Esquire]]", "[[Spin (magazine)|SPIN]]" are bodies, "[[Eat Pray Love (film)|…]]" a work (no entry
 * of the index's kinds); never a place, whatever preposition stands before them.
 */
const BODY_SENSE =
  /^(?:magazine|newspaper|journal|company|band|group|organi[sz]ation|club|team|party|publisher|label)$/i;
const WORK_SENSE = new RegExp(
  String.raw`^(?:film|album|song|single|novel|book|play|musical|opera|poem|painting|sculpture|` +
    String.raw`(?:tv |television )?series|ship|video game|software|EP|memoir)$`,
  'i',
);
function linkSenses(links: { target: string; label: string }[]): Map<string, IndexEntry['kind'] | undefined> {
  const out = new Map<string, IndexEntry['kind'] | undefined>();
  for (const link of links) {
    const sense = /^.+?\s+\((?:\d{4}\s+)?([^()]+)\)$/.exec(link.target)?.[1] ?? '';
    if (BODY_SENSE.test(sense)) out.set(link.label, 'organisation');
    else if (WORK_SENSE.test(sense)) out.set(link.label, undefined);
  }
  return out;
}

/** Names the article places somewhere: "Johnstown, Pennsylvania", "[[Rochester (Minnesota)|Rochester]]". */
function locatedNames(texts: string[], links: { target: string; label: string }[], lex: IndexLexicon): Set<string> {
  const where = (name: string) => isPlace(name) || lex.regions.has(name.toLowerCase());
  const out = new Set<string>();
  for (const text of texts)
    for (const m of matchesOf(/(?<![\p{L}-])(\p{Lu}[\p{L}-]+),\s+(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)/gu, text))
      if (where(m[2]!)) out.add(m[1]!);
  for (const link of links) {
    const m = /^(.+?)\s+\((.+)\)$/.exec(link.target) ?? /^(.+?),\s+(.+)$/.exec(link.target);
    if (m && where(m[2]!)) for (const name of [m[1]!, link.label]) out.add(name);
  }
  return out;
}

interface Usage {
  /** Names the article places somewhere (see `locatedNames`). */
  located: ReadonlySet<string>;
  /** Names whose links say what they are (see `linkSenses`). */
  senses: ReadonlyMap<string, IndexEntry['kind'] | undefined>;
  place: Map<string, number>;
  /** Mentions before a noun of land after "the" ("the Lakki Marwat area"): a place, whatever its words. */
  land: Map<string, number>;
  the: Map<string, number>;
  counts: Map<string, number>;
  /** Mentions that end a clause or a sentence (a punctuation mark or the end after them). */
  final: Map<string, number>;
  /** Words the text writes in lower case (read only for a language compromise does not read). */
  nouns: ReadonlySet<string>;
  /** The book's language: its names of languages and regions, its generic words and prepositions of place. */
  lex: IndexLexicon;
  english: boolean;
  /** Where a name's head ends: "of", "for", "with", and the language's "van", "von", "de". */
  joins: RegExp;
}

/** A verb of publishing or a piece of writing before "in": what follows is a publication ("published in Esquire"). */
const MEDIUM_BEFORE = new RegExp(
  String.raw`\b(?:published|appeared|wrote|written|printed|featured|reviewed|serialized|excerpted|column|essay|` +
    String.raw`article|articles|story|stories|piece|pieces|interview|profile|review|cover)\b` +
    String.raw`(?:\s+[^\s.;]+){0,4}?\s+in\s+(?:the\s+)?$`,
  'i',
);

/** English words that head a state's or a region's name ("Kingdom of Scotland"). */
const PLACE_HEADS = /^(?:kingdom|republic|principality|duchy|province|island|county|commonwealth)$/;
/** English prepositions of place; other languages have theirs in util/language.ts. */
const PLACE_BEFORE = ['in', 'at', 'near', 'from', 'to', 'into', 'towards'];
/**
 * An English noun of a settlement or an area with "of" before a name: "the city of Leningrad", "port of Danzig",
 * "the military base of Hanko".
 */
const PLACE_NOUN_OF =
  /\b(?:city|town|village|port|harbou?r|capital|region|province|island|district|(?:military|naval|air) base)\s+of\s+$/i;
/** "the Lakki Marwat area", "the Ruhr region": a name before a noun of land after "the" is a place's. */
const PLACE_NOUN_AFTER = /^\s+(?:area|region|valley|basin|plain|plains|highlands|lowlands|coast|coastline|delta)\b/i;

function usageOf(texts: string[], language: string, titles: readonly (readonly string[])[]): Usage {
  const lex = indexLexicon(language);
  const english = baseLanguage(language) === 'en';
  const usage: Usage = {
    ...{ place: new Map(), land: new Map(), the: new Map(), counts: new Map(), final: new Map() },
    ...{ nouns: NO_NOUNS, lex, english },
    located: new Set(),
    senses: new Map(),
    joins: usagePatterns(language).joins,
  };
  const tallies = [usage.counts, usage.place, usage.the, usage.final, usage.land];
  // Each text's tallies in reading order: the maps keep the order in which the book first names each term.
  texts.forEach((text, i) => {
    for (const [tally, term] of usageOfText(text, language, titles[i] ?? NO_TITLES))
      tallies[tally]!.set(term, (tallies[tally]!.get(term) ?? 0) + 1);
  });
  return usage;
}

/** The patterns `usageOfText` reads a language's texts with (made once per language). */
const usagePatterns = memoize(
  (language: string) => {
    const lex = indexLexicon(language);
    const english = baseLanguage(language) === 'en';
    const connectors = ['of', 'for', 'with', ...lex.connectors].map((w) => w.replace(/['’]/g, "['’]"));
    const prepositions = english || !lex.placePrepositions.length ? PLACE_BEFORE : lex.placePrepositions;
    const cues = lex.nounCues;
    return {
      lex,
      english,
      joins: new RegExp(String.raw`\s+(?:${connectors.join('|')})\s+`, 'u'),
      placeCue: new RegExp(String.raw`(?<![\p{L}])(?:${prepositions.join('|')})\s+$`, 'iu'),
      // "in Form einer Hohlladung", "nach Angaben von …": a noun with its complement, not a place.
      complement: cues && new RegExp(String.raw`^\s+(?:${cues.complements.join('|')})\s`, 'u'),
      titleGoesOn: new RegExp(String.raw`^\s+(?:${connectors.join('|')})\s+(?:\p{Ll}+\s+)?\p{Ll}`, 'u'),
    };
  },
  (language) => language,
  100,
);

/** The tallies `usageOf` keeps: how often a term stands, after a cue of place, after "the", at a clause's end. */
const COUNTS = 0;
const PLACE = 1;
const THE = 2;
const FINAL = 3;
const LAND = 4;

/**
 * One text's tallies for `usageOf`, in the order it makes them (each a tally and the term it counts once): a
 * pure function of the text and the language, remembered per text.
 */
const usageOfText = memoize(
  (text: string, language: string, titles: readonly string[]): readonly (readonly [number, string])[] => {
    const { lex, english, joins, placeCue, complement, titleGoesOn } = usagePatterns(language);
    const out: [number, string][] = [];
    const ranges = titleRanges(text, titles);
    for (const m of matchesOf(PHRASE, text)) {
      // Inside a title in italics: a work's name, no place ("travels in Eat, Pray, Love"); a part of a title
      // cut at its punctuation ("Eat") names nothing.
      const end = m.index + m[0].length;
      const italic = ranges.find(([from, to]) => from <= m.index && end <= to);
      if (italic && /[\p{L}\p{N}]/u.test(text.slice(end, italic[1]))) continue;
      // "I Tromsø", "Die Universiteit van Stellenbosch": a sentence's first word, a preposition or an article.
      const opener = english ? undefined : /^(\p{L}+)\s+(?=\p{Lu})/u.exec(m[0]);
      const preposition = !!opener && lex.placePrepositions.includes(opener[1]!.toLowerCase());
      const strip = !!opener && (preposition || lex.generic.has(opener[1]!.toLowerCase()));
      const term = (strip ? m[0].slice(opener[0].length) : m[0]).replace(LEADING, '').replace(/['’]s$|(?<=s)['’]$/, '');
      if (!term) continue;
      // "John V. Lindsay", "Edward I. Koch": a phrase cut at a middle initial is no name (nor a monarch's).
      if (/\s\p{Lu}$/u.test(term) && /^\.\s+\p{Lu}/u.test(text.slice(m.index + m[0].length))) continue;
      out.push([COUNTS, term]);
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      // "In Kings of the water …": a title in sentence case goes on in lower case; no place.
      const title = titleGoesOn.test(text.slice(m.index + m[0].length));
      // "published in Esquire", "an essay in Slate": where a text appeared, not a place.
      const medium = english && MEDIUM_BEFORE.test(text.slice(Math.max(0, m.index - 60), m.index));
      if (
        (placeCue.test(before) ||
          preposition ||
          (english && PLACE_NOUN_OF.test(text.slice(Math.max(0, m.index - 20), m.index)))) &&
        !title &&
        !medium &&
        !italic &&
        !complement?.test(text.slice(m.index + m[0].length))
      )
        out.push([PLACE, term]);
      if (/\bthe\s+$/.test(before)) out.push([THE, term]);
      if (english && /\bthe\s+$/i.test(before) && PLACE_NOUN_AFTER.test(text.slice(m.index + m[0].length)))
        out.push([LAND, term]);
      if (/^\s*(?:[,.;:!?)]|$)/.test(text.slice(m.index + m[0].length))) out.push([FINAL, term]);
      // "Koninkryk van Skotland", "Kingdom of Scotland": what a place's head word is "of" is a place.
      const [first, ...rest] = term.split(joins);
      const headWord = first!.split(/\s+/).at(-1)!.toLowerCase();
      if (rest.length === 1 && (lex.placeHeads.has(headWord) || (english && PLACE_HEADS.test(headWord)))) {
        out.push([COUNTS, rest[0]!]);
        out.push([PLACE, rest[0]!]);
      }
    }
    return out;
  },
  (text, language, titles) => `${language}\u0000${text}\u0000${titles.join('\u0001')}`,
  { keyChars: 4_000_000 },
  { name: 'index-usage', persist: true },
);

/**
 * The common nouns of a language that capitalises them, lower case: single words after a determiner, an
 * adjective between ("einem überarbeiteten Motor", "des Motors"), or between a preposition of place and a
 * word that opens a complement ("in Form einer Hohlladung").
 */
const anyCase = (w: string) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`;
function capitalisedNouns(texts: string[], lex: IndexLexicon): string[] {
  const cues = lex.nounCues;
  if (!cues) return [];
  const noun = String.raw`(\p{Lu}[\p{Ll}-]+)(?![\p{L}-])`;
  const after = new RegExp(
    // Not a relative pronoun after a comma (", die Bisel nun untersuchen sollte"), nor a preposition in -er.
    String.raw`(?<!\p{L})(?<!,\s*)(?:${cues.determiners.map(anyCase).join('|')})\s+` +
      String.raw`(?:(?!(?:unter|hinter|über|wieder|aber|oder|immer|später|weiter|sehr|mehr|eher)\s)` +
      String.raw`\p{Ll}+(?:e|en|em|er|es)\s+)?` +
      String.raw`${noun}(?!\s+\p{Lu})`,
    'gu',
  );
  const prepositions = lex.placePrepositions.map(anyCase).join('|');
  const before = new RegExp(
    String.raw`(?<!\p{L})(?:${prepositions})\s+${noun}\s+(?:${cues.complements.join('|')})\s`,
    'gu',
  );
  return texts.flatMap((t) => [...t.matchAll(after), ...t.matchAll(before)].map((m) => m[1]!.toLowerCase()));
}

/**
 * What a language's own words tell of a name: a language ("Engels", "Afrikaans") or a month is no entry,
 * nor an adjective made of one ("Afrikaanse", "Englischen"), nor an adjective of a place (Afrikaans and Dutch
 * "Britse": an ending of adjectives, the word never closing a clause), nor a generic word of the language
 * ("Universiteit"), a common noun ("Ernährungswissenschaft": its ending says so) or a word the text also
 * writes in lower case; a country or region ICU names in the language is a place, a body it names (the UN)
 * an organisation. 'unknown' when they tell nothing.
 */
function localKind(term: string, usage: Usage): IndexEntry['kind'] | undefined | 'unknown' {
  const { lex } = usage;
  const low = term.toLowerCase();
  if (lex.bodies.has(low)) return 'organisation';
  if (lex.regions.has(low)) return 'place';
  if (/\s/.test(term)) return 'unknown';
  if (lex.languages.has(low) || lex.calendar.has(low) || lex.generic.has(low)) return undefined;
  const stem = lex.adjectiveEndings.find((e) => low.endsWith(e) && lex.languages.has(low.slice(0, -e.length)));
  if (stem !== undefined) return undefined;
  if (lex.adjective?.test(low) && !(usage.final.get(term) ?? 0)) return undefined;
  if (usage.english) return 'unknown';
  if (lex.commonNoun?.test(term) || usage.nouns.has(low)) return undefined;
  return 'unknown';
}

/**
 * A treaty under all its names: "Berlin Treaty" is the "Treaty of Berlin". Two treaties of one name (the
 * commercial agreements of 1939 and 1940) keep their years apart, each with the blocks of its glossary entry
 * that write its name (the entry also lists those that say "the agreement").
 */
function addTreaties(
  book: StudyGuide,
  refs: readonly BlockRef[],
  add: (term: string, kind: IndexEntry['kind'], extra?: Partial<Candidate>) => void,
): void {
  const bare = (name: string) => name.replace(/\s+\(\d{4}\)$/, '');
  const named = new Map<string, number>();
  const blockText = new Map(refs.map((r) => [r.block.id, r.block.text.toLowerCase()]));
  for (const t of book.glossaries.treaties) named.set(bare(t.name), (named.get(bare(t.name)) ?? 0) + 1);
  for (const t of book.glossaries.treaties)
    if (named.get(bare(t.name))! > 1) {
      const names = [bare(t.name), ...t.aliases].map((n) => n.toLowerCase());
      const writes = (id: string) => names.some((n) => blockText.get(id)?.includes(n));
      add(t.name, 'treaty', { mentions: t.mentions.filter(writes) });
    } else add(bare(t.name), 'treaty', { aliases: t.aliases });
}

export function buildIndex(book: StudyGuide): IndexEntry[] {
  const refs = blocksOf(book);
  const texts = refs.map((r) => r.block.text);
  const english = baseLanguage(book.meta.language) === 'en';
  const usage = usageOf(
    texts,
    book.meta.language,
    refs.map((r) => italicTitles(r.block.node)),
  );
  usage.located = locatedNames(texts, book.links, usage.lex);
  usage.senses = linkSenses(book.links);
  if (!english)
    usage.nouns = new Set([
      ...texts.flatMap((t) => t.match(/(?<![\p{L}-])\p{Ll}{4,}(?![\p{L}-])/gu) ?? []),
      ...capitalisedNouns(texts, usage.lex),
    ]);
  const terms = new Map<string, Candidate>();
  const add = (term: string, kind: IndexEntry['kind'], extra: Partial<Candidate> = {}) => {
    const key = term.toLowerCase();
    if (!terms.has(key) && term.length >= 3) terms.set(key, { term, kind, ...extra });
  };
  // The guide's own people: ambassadors and signatories.
  const people = new Set<string>();
  for (const a of book.glossaries.ambassadors) for (const n of [a.name, ...a.aliases]) people.add(n.toLowerCase());
  for (const t of book.glossaries.treaties) for (const n of t.signatories) people.add(n.toLowerCase());
  for (const a of book.glossaries.ambassadors) add(a.name, 'person', { mentions: a.mentions, description: a.post });
  addTreaties(book, refs, add);
  const covered = new Set(
    [...book.glossaries.ambassadors, ...book.glossaries.treaties]
      .flatMap((e) => [e.name, ...e.aliases])
      .map((n) => n.toLowerCase()),
  );
  const subject = leadSubject(refs, book.meta.language, covered);
  if (subject) add(subject.name, 'person');
  const unknown = new Map<string, string>();
  const consider = (found: string) => {
    const raw = english ? found : withoutNouns(found, usage, (name) => isPerson(name, people, usage.nouns));
    // Titles before a name ("General Hans von Seeckt") go; "Russian Civil War" keeps its adjective.
    const bareName = raw.replace(TITLES, '').replace(LEADING, '').trim();
    const term = isPerson(bareName, people, usage.nouns) ? bareName : raw.replace(LEADING, '').trim();
    if (covered.has(term.toLowerCase()) || /\b(?:Treaty|Pact|Agreement|Protocols?|Accords?|Alliance)\b/.test(term))
      return;
    // A Roman numeral ("XIII век", "w XIX wieku"): a century or a ruler's number, no body.
    if (ROMAN_NUMERAL.test(term)) return;
    // "Foreign Minister Joachim von Ribbentrop": a name after a title is a person's.
    const titled = bareName !== raw.replace(LEADING, '').trim() && TITLE_WORD.test(raw) && personLike(bareName);
    if (titled && !covered.has(bareName.toLowerCase())) return add(bareName, 'person');
    const kind = kindOf(term, people, usage);
    if (!kind && english && worthTagging(term)) unknown.set(term, raw);
    // "the USSR", "Nazi Germany": filed under the state.
    const state = stateOf(term);
    if (kind) add(kind === 'place' && STATES.has(state.toLowerCase()) ? state : term, kind);
  };
  for (const name of namedCandidates(book.links, usage, people)) consider(name);
  const words = wordIndex(texts);
  for (const term of surnamesAlone(unknown, words))
    if (nameOfPerson(term, usage.nouns)) {
      add(term, 'person');
      unknown.delete(term);
    }
  // What neither the guide nor the lexicon knows: compromise's named-entity recognition, on the sentences
  // that name it (English only: compromise reads English), the most mentioned names first.
  const mentioned = (term: string) => words.holding.get(term.match(/\p{L}+/gu)?.at(-1) ?? '')?.length ?? 0;
  const ranked = new Map([...unknown].sort((a, b) => mentioned(b[0]) - mentioned(a[0])));
  for (const [term, kind] of recognise(ranked, refs)) if (kind !== 'person' || nameOfPerson(term)) add(term, kind);
  for (const term of besidePeople([...unknown.keys()], terms, texts, words))
    if (nameOfPerson(term, usage.nouns)) add(term, 'person');
  for (const term of listedPlaces(terms, texts)) add(term, 'place');
  if (english) for (const term of writtenAsPeople(texts, terms)) if (nameOfPerson(term)) add(term, 'person');
  mergeSurnames(terms);
  mergeBodies(terms, texts);
  mergeAcronyms(terms, texts);
  if (english) mergeOrdinals(terms);
  return finish(
    book,
    terms,
    texts,
    refs.map((r) => r.block.id),
    subject,
  );
}

/**
 * A name after common nouns, in a language that capitalises its nouns ("Schauspielerin Emma Thompson",
 * "Kurzgeschichte von Eileen Chang"): the person's name, two capitalised words or more, without the nouns and
 * the word in lower case that joined them to it ("Universität von New York" stays).
 */
function withoutNouns(term: string, usage: Usage, person: (name: string) => boolean): string {
  const words = term.split(/\s+/);
  const noun = (w: string) => usage.nouns.has(w.toLowerCase()) || !!usage.lex.commonNoun?.test(w);
  let i = 0;
  while (i < words.length - 2 && noun(words[i]!)) i++;
  if (i > 0 && /^\p{Ll}/u.test(words[i] ?? '')) i++;
  const rest = words.slice(i);
  const name = rest.join(' ');
  return i > 0 && rest.length >= 2 && rest.every((w) => /^\p{Lu}/u.test(w)) && person(name) ? name : term;
}

/**
 * The names the book gives that the index considers, in order: the names its links give, then the capitalised
 * phrases the text repeats (or names once, when a person's or a region's).
 */
function namedCandidates(links: StudyGuide['links'], usage: Usage, people: Set<string>): string[] {
  const out: string[] = [];
  // A label with a word in lower case other than a name's joining words describes ("UNO-Hauptquartier in New
  // York", "Jamaica national football team", "Sieg über Japan"): it is no name.
  // "Invasion of Poland (1939)": a page's title with its disambiguator, not a name the text writes.
  for (const link of links)
    if (
      /^\p{Lu}/u.test(link.label) &&
      link.label.split(/\s+/).length <= 5 &&
      !/\)$/.test(link.label) &&
      !describes(link.label, usage.joins)
    )
      out.push(linkedName(link));
  const owned = possessiveNames(links);
  for (const [phrase, n] of usage.counts) {
    const term = possessor(phrase, people, usage) ?? phrase;
    if (
      !owned.has(term.toLowerCase()) &&
      (n >= 2 ||
        usage.lex.regions.has(term.toLowerCase()) ||
        (/\s/.test(term) && (isPerson(term, people, usage.nouns) || TITLE_WORD.test(term))))
    )
      out.push(term);
  }
  return out;
}

/**
 * The person or place whose possessive opens a phrase ("Willy Brandt's Ostpolitik", "Britain's Prime
 * Minister"): the name the phrase gives. Undefined when the possessive is part of a name ("Thirty Years' War",
 * "People's Republic of China", "St John's College": what stands before it is no person's or place's name).
 */
function possessor(phrase: string, people: Set<string>, usage: Usage): string | undefined {
  const at = /['’]s?\s/u.exec(phrase);
  if (!at) return undefined;
  const before = phrase.slice(0, at.index);
  // "Chancellor Willy Brandt's Ostpolitik": the person after a title (which `consider` takes off).
  const bare = before.replace(TITLES, '');
  const person = /\s/.test(bare) ? isPerson(bare, people, usage.nouns) : people.has(bare.toLowerCase());
  return person || isPlace(before) || usage.lex.regions.has(before.toLowerCase()) ? before : undefined;
}

/**
 * The name a link's label gives, without a possessive ending that its target lacks: "[[William I, German
 * Emperor|William I's]]" names William I; "[[McDonald's]]" keeps its own.
 */
function linkedName(link: { target: string; label: string }): string {
  const own = /^(.*\p{L})(?:['’]s|(?<=s)['’])$/u.exec(link.label);
  return own && !/['’]s?$/u.test(link.target.trim()) ? own[1]! : link.label;
}

/**
 * The words whose possessive is part of a name the book links ("[[P. F. Chang's]]", "[[Domino's Pizza]]"): on
 * their own they are no candidates (the text's "PF Chang’s" names the restaurants, not a Chang).
 */
function possessiveNames(links: { target: string }[]): Set<string> {
  const owned = new Set<string>();
  for (const link of links)
    for (const m of link.target.matchAll(/(?<![\p{L}'’-])(\p{Lu}\p{L}*)['’]s(?!\p{L})/gu))
      owned.add(m[1]!.toLowerCase());
  return owned;
}

const LEAD_NAME =
  /^\p{Lu}[\p{L}.'’-]*(?:,?\s+(?:\p{Lu}[\p{L}.'’-]*|von|van|de|der|den|du|da|di|le|la|ten|ter|bin|ibn|al|y))*$/u;

/**
 * The person a biography is about: the name before the bracket of the book's opening sentence when the bracket
 * glosses a life (a birth or death, or a lifespan: `lifeGloss`), with the bracket's text (where the article
 * gives the person's other names: "(née Sara Louise Clark; born …)").
 */
function leadSubject(
  refs: ReturnType<typeof blocksOf>,
  language: string,
  covered: ReadonlySet<string>,
): { name: string; gloss: string } | undefined {
  const first = refs.find((r) => r.block.kind === 'paragraph')?.block.sentences[0];
  if (!first) return undefined;
  for (const d of rawDatesIn(first, language)) {
    const life = lifeGloss(first, { label: d.label, index: d.index, ...(d.end ? { end: 'end' } : {}) }, language);
    if (!life) continue;
    const open = first.lastIndexOf('(', d.index);
    const close = first.indexOf(')', d.index);
    // The name the sentence opens with, its nickname in quotation marks left out ('Clinton "Clint" Murchison').
    const opening = first
      .slice(0, open)
      .replace(/\s+["“„'‘][^"”“'’]+["”“'’](?=\s)/gu, '')
      .trim();
    // A name alone: capitalised words and the particles between them ("The pact by Molotov (1890–1986)" is none).
    const name = opening.endsWith(life.name) && LEAD_NAME.test(opening) ? opening : undefined;
    return name && nameParts(name).surname && name.split(/\s+/).length <= 6 && !covered.has(name.toLowerCase())
      ? { name, gloss: first.slice(open + 1, close) }
      : undefined;
  }
  return undefined;
}

/**
 * The subject's other names (a birth name, a name in another script) that its opening bracket writes: another
 * spelling of the subject, not a person of their own ("Clark" alone is then not taken for her).
 */
function ownNames(terms: Map<string, Candidate>, subject: { name: string; gloss: string }): void {
  const entry = terms.get(subject.name.toLowerCase());
  if (!entry || entry.kind !== 'person') return;
  for (const [key, c] of terms)
    if (c !== entry && c.kind === 'person' && !c.mentions && nameAt(subject.gloss, c.term) >= 0) {
      entry.aliases = [...(entry.aliases ?? []), c.term];
      terms.delete(key);
    }
}

/** "Mr. Rapoport", "Dr. Watson": a surname after an honorific. */
const HONORIFIC = /\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\b(?!\s+\p{Lu})/gu;
const ARTICLES = /^(?:The|A|An|La|Le|Les|L|El|Los|Las|Il|Lo|Gli|Der|Die|Das|De|Het|Den|Det)$/;
/** "Eric D. Weitz", "Konstantin von Neurath": a given name, then initials or a particle, then one surname. */
const INITIALLED = new RegExp(
  String.raw`(?<!\p{L})(\p{Lu}\p{Ll}+)\s+(?:(?:\p{Lu}\.\s*)+|(?:von|van|zu)\s+(?:der\s+|dem\s+)?)` +
    String.raw`\p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}+)?(?![\p{L}.]|\s+\p{Lu})`,
  'gu',
);
/**
 * "Alan S. Milward and W. Medicott": a surname after initials, joined by "and" to a full name (a given name,
 * initials maybe, a surname), in either order.
 */
const INITIALS_NAME = String.raw`(?:\p{Lu}\.\s*){1,2}\p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}+)?`;
const FULL_NAME = String.raw`\p{Lu}\p{Ll}+\s+(?:\p{Lu}\.\s*)*\p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}+)?`;
const INITIALS_BESIDE = new RegExp(
  String.raw`(?<=(?<![\p{L}.])${FULL_NAME}\s+and\s+)(${INITIALS_NAME})(?![\p{L}.]|\s+\p{Lu})|` +
    String.raw`(?<![\p{L}.]|\p{Lu}\.\s)(${INITIALS_NAME})(?=\s+and\s+${FULL_NAME}(?![\p{L}.]|\s+\p{Lu}))`,
  'gu',
);
const PARTNER_BEFORE = new RegExp(String.raw`(${FULL_NAME})\s+and\s+$`, 'u');
const PARTNER_AFTER = new RegExp(String.raw`^\s+and\s+(${FULL_NAME})`, 'u');
/** A list of names: "Margarete Buber-Neumann, Alexander Weissberg-Cybulski, Betty Olberg and Max Zucker". */
// Two words, no more: not "Isambard Kingdom" of "Isambard Kingdom Brunel".
const WORD2 = String.raw`\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?`;
const FULL = String.raw`(?<!\p{Lu}[\p{L}-]*\s)${WORD2}\s+${WORD2}(?![\p{L}-]|\s+\p{Lu})`;
const NAME_LIST = new RegExp(String.raw`(?:${FULL},\s+){2,}(?:${FULL},?\s+and\s+)?${FULL}`, 'gu');

const plainWord = (w: string) => !GENERIC.has(w.toLowerCase()) && !ORG_WORDS.has(w.toLowerCase()) && !isPlace(w);
// A given name is one the lexicon knows as one, or a word it does not know at all ("Konstantin").
// An article opens a band's or a work's name, never a person's ("La Mafia", "Los Lobos", "The Band").
const givenWord = (w: string) => plainWord(w) && !ARTICLES.test(w) && (isGiven(w) || !tagsOf(w).length);
const capitalised = (n: string) => n.split(/\s+/).filter((w) => /^\p{Lu}\p{Ll}/u.test(w));
/**
 * A name's first word as a given name in a list of people: a given name (above), or a word the lexicon
 * knows only as a common noun before a surname it knows as a name or not at all ("Max Zucker", "Pearl Vance"; not
 * "Chip Shop", whose second word it knows, nor a verb or an adjective first: "Rusty Vane").
 */
const COMMON_NOUN = new Set(['Noun', 'Singular', 'Uncountable']);
const NAME_WORD = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person']);
const listedGiven = (n: string) => {
  const words = n.split(/\s+/);
  const [first, last] = [words[0]!, words.at(-1)!];
  if (givenWord(first)) return true;
  const tags = tagsOf(first);
  if (!tags.length || ARTICLES.test(first)) return false;
  const surname = tagsOf(last).every((t) => NAME_WORD.has(t));
  return words.length === 2 && plainWord(first) && tags.every((t) => COMMON_NOUN.has(t)) && surname;
};

/**
 * What one text writes as people's names, a pure function of the text (remembered per text): the surnames
 * after an honorific, the initialled names and a surname after initials beside a full name, in reading order,
 * and each list of names with whether each of its names could be a person's (the list counts once the index
 * knows most of its names as people).
 */
const peopleWritten = memoize(
  (text: string): { named: readonly string[]; lists: readonly { names: string[]; fit: boolean[] }[] } => {
    const named: string[] = [];
    // "Ms Surface wave magnitude": a common noun after the letters of an honorific is no surname.
    for (const m of text.matchAll(HONORIFIC))
      if (plainWord(m[1]!) && (!tagsOf(m[1]!).length || has(m[1]!, ...NAME_TAGS))) named.push(m[1]!);
    for (const m of text.matchAll(INITIALLED))
      if (givenWord(m[1]!) && capitalised(m[0]).every(plainWord) && !isPlace(m[0])) named.push(m[0].trim());
    // Not "U.S. Food and Drug Administration": the surname a name's (or unknown), the other name no body's.
    for (const m of text.matchAll(INITIALS_BESIDE)) {
      const name = (m[1] ?? m[2]!).trim();
      const surname = capitalised(name).at(-1)!;
      const other = m[1]
        ? PARTNER_BEFORE.exec(text.slice(Math.max(0, m.index - 80), m.index))
        : PARTNER_AFTER.exec(text.slice(m.index + m[0].length));
      const partner = capitalised(other?.[1] ?? '');
      if (!plainWord(surname) || isPlace(name) || !partner.every(plainWord)) continue;
      if (!tagsOf(surname).length || has(surname, ...NAME_TAGS)) named.push(name);
    }
    const lists = [...text.matchAll(NAME_LIST)].map((m) => {
      const names = m[0].split(/,\s+(?:and\s+)?|\s+and\s+/);
      return { names, fit: names.map((n) => listedGiven(n) && capitalised(n).every(plainWord)) };
    });
    return { named, lists };
  },
  (text) => text,
  { keyChars: 4_000_000 },
  { name: 'index-people-written', persist: true },
);

/**
 * People the text writes as people though no lexicon knows their names: a surname after an honorific, a name
 * with initials ("Eric D. Weitz") or a particle ("Konstantin von Neurath") whose words are no place, body or
 * generic word, and the other names of a list most of whose names are people already.
 */
function writtenAsPeople(texts: string[], terms: Map<string, Candidate>): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    const written = peopleWritten(text);
    for (const n of written.named) out.add(n);
    for (const { names, fit } of written.lists) {
      const known = names.filter((n) => terms.get(n.toLowerCase())?.kind === 'person');
      if (known.length * 2 >= names.length)
        names.forEach((n, i) => {
          if (!terms.has(n.toLowerCase()) && fit[i]) out.add(n);
        });
    }
  }
  // "Werner von der Schulenburg" of "Friedrich Werner von der Schulenburg", "Elizabeth M. Gilbert" beside "Jack
  // Gilbert": a person the index has, or a surname it gives another person (whose surname alone it files).
  const people = [...terms.values()].filter((c) => c.kind === 'person').map((c) => c.term);
  const surname = (n: string) => nameParts(n.replace(/\s+\p{Lu}\.(?=\s)/gu, '')).surname;
  return [...out].filter((n) => !people.some((p) => p.endsWith(` ${n}`) || surname(p) === surname(n)));
}

/**
 * A name and the acronym the text defines for it ("Communist Party of Germany (KPD)", "NATO (North Atlantic
 * Treaty Organization)"), one entry of one kind: filed under the name as the text defines it, its mentions
 * found under both (also when only the acronym was an entry). An acronym the text never defines stays as it is.
 */
function mergeAcronyms(terms: Map<string, Candidate>, texts: string[]): void {
  for (const [acronym, defined] of acronymDefinitions(texts)) {
    // "The Remote Network Driver Interface Specification (RNDIS)", "Analysis of Office for National
    // Statistics (ONS)": the name starts at the word of the acronym's first letter, if one has it (an
    // acronym of the name in another language, "Communist Party of Germany (KPD)", keeps the name whole).
    const words = defined.split(' ');
    const at = words.findIndex((w) => w[0] === acronym[0]);
    const from = at >= 0 ? at : ARTICLES.test(words[0]!) ? 1 : 0;
    const name = words.slice(from).join(' ');
    if (!name) continue;
    const [short, found] = [terms.get(acronym.toLowerCase()), terms.get(name.toLowerCase())];
    const long = found ?? short;
    if (!short || !long || short.kind !== long.kind || short.mentions || long.mentions) continue;
    terms.delete(acronym.toLowerCase());
    terms.set(name.toLowerCase(), long);
    long.aliases = [...new Set([...(long.aliases ?? []), name, acronym, ...(short.aliases ?? [])])];
    long.term = `${name} (${acronym})`;
  }
}

/**
 * One event numbered two ways, one entry (English usage): "World War II" is the "Second World War", "Vatican
 * Council II" the "Second Vatican Council". The roman form is the entry; the other is searched as its alias.
 */
function mergeOrdinals(terms: Map<string, Candidate>): void {
  for (const [key, c] of terms) {
    const other = c.kind === 'event' ? ordinalName(c.term) : undefined;
    if (!other || other.toLowerCase() === key) continue;
    terms.delete(other.toLowerCase());
    (c.aliases ??= []).push(other);
  }
}

/**
 * Bodies named two ways, one entry: names alike but for a head word of one kind ("Foreign Ministry" /
 * "Foreign Office"), with a modifier of two words or more, when the text never writes both in one sentence
 * (two bodies would be told apart side by side). The name the text uses more is the entry.
 */
function mergeBodies(terms: Map<string, Candidate>, texts: string[]): void {
  const byKey = new Map<string, string[]>();
  for (const [key, c] of terms) {
    const words = c.term.split(/\s+/);
    const head = BODY_HEADS[words.at(-1)!.toLowerCase()];
    if (c.kind !== 'organisation' || !head || words.length < 3) continue;
    const k = `${words.slice(0, -1).join(' ').toLowerCase()} ${head}`;
    byKey.set(k, [...(byKey.get(k) ?? []), key]);
  }
  const count = (name: string) => texts.filter((t) => t.includes(name)).length;
  for (const keys of byKey.values()) {
    if (keys.length < 2) continue;
    const names = keys.map((k) => terms.get(k)!.term);
    if (texts.some((t) => names.filter((n) => t.includes(n)).length > 1)) continue;
    const [first, ...rest] = [...keys].sort((a, b) => count(terms.get(b)!.term) - count(terms.get(a)!.term));
    const entry = terms.get(first!)!;
    for (const k of rest) {
      (entry.aliases ??= []).push(terms.get(k)!.term);
      terms.delete(k);
    }
  }
}

/** The words in lower case a name may hold: "Isle of Man", "Frankfurt am Main", "Universiteit van Stellenbosch". */
const NAME_JOINS = new Set(
  (
    'of the for and upon on de la le les du des del da di do dos das van von der den zu zum zur af am an auf ' +
    'aan op ter te bei ob sur en y e und og et i och'
  ).split(' '),
);
/** A label that describes rather than names (see buildIndex); an event's name keeps its nouns ("German invasion"). */
function describes(label: string, joins: RegExp): boolean {
  const head = label.split(joins)[0]!.split(/\s+/).at(-1)!.toLowerCase();
  return (
    !EVENT_WORDS.has(head) && label.split(/\s+/).some((w) => /^\p{Ll}/u.test(w) && !NAME_JOINS.has(w.toLowerCase()))
  );
}

/**
 * Names the text treats as people's: "Maxim Litvinov" … "Litvinov was dismissed" — capitalised words (none a
 * place, organisation or generic word) whose last one the text also writes on its own, as it does a surname,
 * and which is no place or state itself ("Weimar Germany" … "Germany").
 */
function surnamesAlone(unknown: Map<string, string>, index: ReturnType<typeof wordIndex>): string[] {
  // Words the text also writes in lower case are common words ("the Popular Front", "the front", "popular").
  const common = (w: string) => index.holding.has(w.toLowerCase());
  return [...unknown.keys()].filter((term) => {
    const first = term.split(/\s+/)[0]!;
    if (!personLike(term) || has(first, 'Adjective') || /(?:ish|ese|ic)$/.test(first)) return false;
    if (term.split(/\s+/).some((w) => common(w))) return false;
    const surname = term.split(/\s+/).at(-1)!;
    if (isPlace(surname) || stateOf(surname) !== surname || GENERIC.has(surname.toLowerCase())) return false;
    // The surname written without the given names, in any text (also one that names the person in full).
    const holding = index.holding.get(surname.match(/\p{L}+/gu)?.at(-1) ?? '') ?? [];
    return holding.some((i) => standing(index.texts[i]!, surname) > standing(index.texts[i]!, term));
  });
}

/** How many times a name stands on its own in a text. */
function standing(text: string, name: string): number {
  let n = 0;
  for (let from = 0, at = nameAt(text, name); at >= 0; at = nameAt(text.slice(from), name)) {
    n++;
    from += at + name.length;
  }
  return n;
}

/** A title or post before a name ("Foreign Minister", "Marshal", "Commissar"), not a demonym alone. */
const TITLE_WORD = new RegExp(
  String.raw`\b(?:General|Marshal|Admiral|Colonel|Captain|President|Chancellor|Premier|Minister|Commissar|` +
    String.raw`Ambassador|Secretary|King|Queen|Emperor|Mr|Mrs|Dr|Professor|Senator|Governor|Congressman|` +
    String.raw`Congresswoman|Representative|Judge|Justice|Mayor|Bishop|Cardinal)\s+\p{Lu}`,
  'u',
);
/** Two to four capitalised words (particles between), none a generic, organisation or place word. */
function personLike(name: string): boolean {
  // Particles and middle initials ("Eric D. Weitz") aside.
  const all = name.split(/\s+/);
  const words = all.filter(
    (w, i) =>
      !/^(?:von|van|der|de|zu|di|da|del|la|le)$/.test(w) && !(i > 0 && i < all.length - 1 && /^\p{Lu}\.$/u.test(w)),
  );
  return (
    words.length >= 2 &&
    words.length <= 4 &&
    words.every((w) => /^\p{Lu}[\p{Ll}'’-]+$/u.test(w)) &&
    !words.some(
      (w) => GENERIC.has(w.toLowerCase()) || ORG_WORDS.has(w.toLowerCase()) || PLACE_WORDS.has(w.toLowerCase()),
    )
  );
}

/** Sentences read by compromise's tagger for the index, at most (each costs milliseconds). */
const MAX_TAGGED = 40;

/** The name with a few words either side: enough context for the tagger, a fraction of the sentence's cost. */
function window(sentence: string, term: string): string {
  const at = sentence.indexOf(term);
  const before = sentence.slice(0, at).split(/\s+/).slice(-6).join(' ');
  const after = sentence
    .slice(at + term.length)
    .split(/\s+/)
    .slice(0, 7)
    .join(' ');
  return `${before}${term}${after}`;
}

/** A name worth asking the tagger about: not a date, a function word, an adjective or a generic word. */
function worthTagging(term: string): boolean {
  const first = term.split(/\s+/)[0]!;
  if (MONTHS_DAYS.has(first.toLowerCase()) || isAdjective(term) || GENERIC.has(term.toLowerCase())) return false;
  if (has(first, 'Conjunction', 'Preposition', 'Determiner', 'Adverb', 'Pronoun', 'QuestionWord')) return false;
  return /^\p{Lu}[\p{L}'’-]{2,}/u.test(term) && !/\b(?:[A-Z]|TB-|Bf)$/.test(term);
}

/**
 * The kinds compromise's named-entity recognition gives names the guide and the lexicon leave unknown:
 * each name is read in the first sentence that holds it (`people()`, `places()`, `organizations()`) and
 * filed as the kind found there. Dates, function words, adjectives and the stop-list's words never reach here.
 */
function recognise(unknown: Map<string, string>, refs: ReturnType<typeof blocksOf>): Map<string, IndexEntry['kind']> {
  const sentences = refs.flatMap((r) => r.block.sentences);
  const votes = new Map<string, Map<IndexEntry['kind'], number>>();
  const tagged = new Map<string, { people: string[]; places: string[]; orgs: string[] }>();
  for (const [term] of unknown) {
    const holding = sentences
      .filter((x) => x.includes(term))
      .slice(0, 1)
      .map((x) => window(x, term));
    for (const sentence of holding) {
      if (!tagged.has(sentence)) {
        if (tagged.size >= MAX_TAGGED) break;
        tagged.set(sentence, namesIn(sentence));
      }
      const t = tagged.get(sentence)!;
      const names = (xs: string[]) => xs.some((x) => x.replace(/[^\p{L}\p{N}' -]/gu, '').trim() === term);
      // compromise reads a given name before any capitalised word as a person ("Roman Catholicism").
      const person = names(t.people) && !DOCTRINE.test(term);
      const kind = person ? 'person' : names(t.places) ? 'place' : names(t.orgs) ? 'organisation' : undefined;
      if (!kind) continue;
      const v = votes.get(term) ?? new Map();
      v.set(kind, (v.get(kind) ?? 0) + 1);
      votes.set(term, v);
    }
  }
  const out = new Map<string, IndexEntry['kind']>();
  for (const [term, v] of votes) {
    const [kind, n] = [...v].sort((a, b) => b[1] - a[1])[0]!;
    const mentioned = sentences.filter((x) => x.includes(term)).length;
    if (n >= 1 && (mentioned <= 2 || /\s/.test(term) || kind === 'person')) out.set(term, kind);
  }
  return out;
}

/** A list of names of one or two words: "Lipetsk, Kama, and Tomka", "Narva, Haapsalu and Paldiski". */
const ONE_OR_TWO = String.raw`\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?`;
const PLACE_LIST = new RegExp(
  String.raw`(?<![\p{L}'’-]|\p{Lu}[\p{L}'’-]* )(?:${ONE_OR_TWO}, ){1,8}${ONE_OR_TWO},? and ` +
    String.raw`${ONE_OR_TWO}(?![\p{L}'’-]| \p{Lu})`,
  'gu',
);

/**
 * Names nothing else filed that stand in a list whose other names are places of the index ("the training
 * and testing sites (Lipetsk, Kama, and Tomka)"): places too, named once or not linked. Each of their words
 * is one the lexicon does not know or knows as a place's, and none a generic or body's word.
 */
function listedPlaces(terms: Map<string, Candidate>, texts: string[]): string[] {
  // A name the lexicon knows as anything but a place's ("Kama" is none of its words; "Max" is a noun) stays out.
  const open = (n: string) =>
    !terms.has(n.toLowerCase()) &&
    capitalised(n).length === n.split(' ').length &&
    capitalised(n).every((w) => plainWord(w) && tagsOf(w).every((t) => PLACE_TAGS.includes(t)));
  const out = new Set<string>();
  for (const text of texts)
    for (const list of matchesOf(PLACE_LIST, text)) {
      const names = list[0].split(/,\s+(?:and\s+)?|\s+and\s+/);
      const places = names.filter((n) => terms.get(n.toLowerCase())?.kind === 'place');
      if (!places.length || !names.every((n) => places.includes(n) || open(n))) continue;
      for (const n of names) if (!places.includes(n)) out.add(n);
    }
  return [...out];
}

const NAME_RUN = String.raw`\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){1,2}`;
const FOLLOWING = new RegExp(String.raw`^ and (${NAME_RUN})(?![\p{L}'’-])`, 'u');
const PRECEDING = new RegExp(String.raw`(?<![\p{L}'’-])(${NAME_RUN}) and $`, 'u');

/**
 * "under Augusts Kirhenšteins and Johannes Vares": a name nothing else made an entry of, of two words (a given
 * name first, neither a place's, body's or generic word), joined by "and" to the full name of a person of
 * the index, is a person's too (not by a comma: "Rosses Point, County Sligo" is an address). No tagger: the
 * other name is already known as a person's.
 */
function besidePeople(
  unknown: string[],
  terms: Map<string, Candidate>,
  texts: string[],
  words: ReturnType<typeof wordIndex>,
): string[] {
  const person = (name: string | undefined) =>
    name !== undefined && name.includes(' ') && terms.get(name.toLowerCase())?.kind === 'person';
  return unknown.filter((term) => {
    if (terms.has(term.toLowerCase()) || !/^\S+ \S+$/.test(term)) return false;
    if (!listedGiven(term) || capitalised(term).length !== 2 || !capitalised(term).every(plainWord)) return false;
    return textsNaming([term], words).some((i) => {
      const text = texts[i]!;
      for (let at = nameAt(text, term); at >= 0;) {
        const before = text.slice(Math.max(0, at - 60), at);
        const after = text.slice(at + term.length, at + term.length + 60);
        if (person(FOLLOWING.exec(after)?.[1]) || person(PRECEDING.exec(before)?.[1])) return true;
        const next = nameAt(text.slice(at + 1), term);
        at = next < 0 ? -1 : at + 1 + next;
      }
      return false;
    });
  });
}

/** The names compromise's recognition finds in a text, by kind; remembered per text. */
const namesIn = memoize(
  (sentence: string): { people: string[]; places: string[]; orgs: string[] } => {
    const doc = tagger()(sentence);
    const list = (v: { out(f: 'array'): string[] }) => v.out('array');
    return { people: list(doc.people()), places: list(doc.places()), orgs: list(doc.organizations()) };
  },
  (sentence) => sentence,
  10_000,
  { name: 'entity-names', persist: true },
);

/** A surname entry ("Stalin") joins the one full name that ends with it ("Joseph Stalin"); spellings of one
 * person ("Vladimir Potemkin", "Vladimir Potyomkin") are one entry. */
function mergeSurnames(terms: Map<string, Candidate>): void {
  const persons = [...terms.entries()].filter(([, c]) => c.kind === 'person' && c.term.includes(' '));
  // Each name's parts read once (the pairs are many: every person with every one before).
  const keys = persons.map(([, c]) => personKey(c.term));
  for (const [i, [key, c]] of persons.entries()) {
    const j = persons.findIndex(([k], at) => at < i && terms.has(k) && samePersonKey(keys[at]!, keys[i]!));
    if (j >= 0) {
      (persons[j]![1].aliases ??= []).push(c.term);
      terms.delete(key);
    }
  }
  // How many full names end with each surname.
  const fullNames = new Map<string, number>();
  for (const c of terms.values())
    if (c.kind === 'person' && c.term.includes(' ')) {
      const { surname } = nameParts(c.term);
      fullNames.set(surname, (fullNames.get(surname) ?? 0) + 1);
    }
  for (const [key, c] of terms) {
    if (c.term.includes(' ') || c.mentions) continue;
    const full = fullNames.get(c.term) ?? 0;
    if (full === 1) terms.delete(key);
    else if (c.kind !== 'person' && full > 1) terms.delete(key);
  }
}

/** The texts (their numbers, in order) that hold each word (a run of letters). */
function wordIndex(texts: string[]): { texts: string[]; holding: Map<string, number[]> } {
  const holding = new Map<string, number[]>();
  for (const [i, text] of texts.entries())
    for (const word of wordsOfText(text)) {
      const list = holding.get(word);
      if (list) list.push(i);
      else holding.set(word, [i]);
    }
  return { texts, holding };
}

/**
 * The texts (numbers, in order) where one of `names` stands on its own. A name standing on its own has no
 * letter either side, so each of its runs of letters is a word of the text: only texts holding its last one
 * are searched.
 */
function textsNaming(names: string[], index: ReturnType<typeof wordIndex>, longer: string[] = []): number[] {
  const found = new Set<number>();
  for (const name of names) {
    const last = name.match(/\p{L}+/gu)?.at(-1);
    const candidates = last === undefined ? index.texts.keys() : (index.holding.get(last) ?? []);
    const around = longer.filter((l) => l.includes(name));
    for (const i of candidates) if (!found.has(i) && namedAlone(index.texts[i]!, name, around)) found.add(i);
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * Whether `name` stands on its own in `text` somewhere outside the longer names of the index that hold it:
 * "Rapallo" in "the Treaty of Rapallo" names the treaty, not the town.
 */
function namedAlone(text: string, name: string, longer: string[]): boolean {
  if (!longer.length) return nameAt(text, name) >= 0;
  const spans: [number, number][] = [];
  for (const l of longer)
    for (let at = text.indexOf(l); at >= 0; at = text.indexOf(l, at + 1)) spans.push([at, at + l.length]);
  for (let from = 0; from < text.length;) {
    const found = nameAt(text.slice(from), name);
    if (found < 0) return false;
    const at = from + found;
    if (!spans.some(([a, b]) => a <= at && at + name.length <= b)) return true;
    from = at + 1;
  }
  return false;
}

/**
 * A person's name parts with its suffix apart: "Martin Luther King, Jr." is filed under King ("King, Martin
 * Luther, Jr."), never under "Jr.".
 */
function personParts(term: string): ReturnType<typeof nameParts> & { bare: string; suffix?: string } {
  // "William II", "Pius XII": a regnal name, filed as it is, with no surname to be named by alone.
  if (REGNAL.test(term)) return { given: [], surname: '', bare: term };
  const m = NAME_SUFFIX.exec(term);
  const bare = m && m.index > 0 ? term.slice(0, m.index) : term;
  const suffix = m && m.index > 0 ? m[1]!.replace(/^(Jr|Sr)$/, '$1.') : undefined;
  return { ...nameParts(bare), bare, ...(suffix ? { suffix } : {}) };
}

/** Mentions (under the term, its other spellings, or a person's surname), ids, sort keys and roles. */
function finish(
  book: StudyGuide,
  terms: Map<string, Candidate>,
  texts: string[],
  ids: string[],
  lead?: { name: string; gloss: string },
): IndexEntry[] {
  if (lead) ownNames(terms, lead);
  const subject = lead?.name;
  const words = wordIndex(texts);
  const surnames = new Map<string, number>();
  for (const c of terms.values())
    if (c.kind === 'person')
      surnames.set(personParts(c.term).surname, (surnames.get(personParts(c.term).surname) ?? 0) + 1);
  const entries: IndexEntry[] = [];
  // Every name of the index with its kind, for the names that others of another kind hold ("Rapallo" in
  // "Treaty of Rapallo"; not "Helsinki" in "Helsinki, Finland", a place too).
  const allNames = [...terms.values()].flatMap((c) => [c.term, ...(c.aliases ?? [])].map((n) => ({ n, kind: c.kind })));
  for (const c of terms.values()) {
    let mentions = c.mentions;
    if (!mentions) {
      const surname = c.kind === 'person' ? personParts(c.term).surname : '';
      const names = [c.term, ...(c.aliases ?? []), ...(c.kind === 'place' ? otherNamesOf(c.term) : [])];
      // A surname alone is its only bearer's; shared, it is the subject's, whom the article calls by it.
      const subjects = subject !== undefined && surname === personParts(subject).surname;
      if (surname && (surnames.get(surname) === 1 ? !subjects || c.term === subject : c.term === subject))
        names.push(surname);
      const longer = allNames
        .filter(({ n, kind }) => kind !== c.kind && n.length > c.term.length && !names.includes(n))
        .map(({ n }) => n);
      mentions = textsNaming(names, words, longer).map((i) => ids[i]!);
    }
    if (!mentions.length) continue;
    const parts = personParts(c.term);
    const inverted =
      c.kind === 'person' && parts.given.length
        ? `${parts.surname}, ${parts.bare.slice(0, parts.bare.lastIndexOf(parts.surname)).trim()}` +
          (parts.suffix ? `, ${parts.suffix}` : '')
        : c.term;
    const description =
      c.kind === 'person'
        ? describePerson(c.term, texts, c.description, book.meta.language) || c.description || ''
        : '';
    entries.push({
      id: `index-${slugify(c.term)}`,
      term: inverted,
      kind: c.kind,
      mentions,
      sortKey: inverted.toLocaleLowerCase(book.meta.language),
      ...(description ? { description } : {}),
    });
  }
  const seen = new Set<string>();
  for (const e of entries) {
    let id = e.id;
    for (let n = 2; seen.has(id); n++) id = `${e.id}-${n}`;
    seen.add(id);
    e.id = id;
  }
  // Word by word: "Molotov, Vyacheslav" before "Molotov–Ribbentrop Pact", "Franco, Francisco" before
  // "Franco-Soviet …" (a heading's first word, up to a comma or space, then the rest).
  // One collator for the sort (what `localeCompare` with the language makes anew for each comparison).
  const head = (k: string) => /^[^,\s]*/u.exec(k)![0];
  const { compare } = new Intl.Collator(book.meta.language);
  return entries.sort((a, b) => compare(head(a.sortKey!), head(b.sortKey!)) || compare(a.sortKey!, b.sortKey!));
}
