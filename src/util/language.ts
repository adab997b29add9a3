/**
 * What Quire knows about the languages of the articles it reads: detecting a text's language, and per
 * language the section titles that are back matter, the abbreviations that do not end a sentence, and
 * the month names that make a day date. One table per concern, keyed by BCP 47 primary subtag, so adding a
 * language is adding rows here — no module elsewhere names a language's words.
 */
import { franc } from 'franc-min';

/** franc's ISO 639-3 codes → BCP 47 (the tag `lang` attributes, hyphenation and Intl take). */
const ISO_639_3: Record<string, string> = {
  eng: 'en',
  deu: 'de',
  fra: 'fr',
  nld: 'nl',
  spa: 'es',
  por: 'pt',
  ita: 'it',
  swe: 'sv',
  dan: 'da',
  nob: 'nb',
  nno: 'nn',
  afr: 'af',
  fin: 'fi',
  pol: 'pl',
  rus: 'ru',
  ukr: 'uk',
  ces: 'cs',
  slk: 'sk',
  hun: 'hu',
  ron: 'ro',
  tur: 'tr',
  vie: 'vi',
  ind: 'id',
  jpn: 'ja',
  cmn: 'zh',
  arb: 'ar',
  ell: 'el',
  hrv: 'hr',
  srp: 'sr',
  bul: 'bg',
  kor: 'ko',
  hin: 'hi',
  heb: 'he',
  pes: 'fa',
  cat: 'ca',
};

/**
 * Function words that tell close languages apart where franc-min cannot: it has no Afrikaans (read as
 * Dutch) and no Norwegian (read as Swedish or Danish). Each list holds words frequent in one language and
 * rare in its neighbours; the language whose words occur most wins.
 */
const NEIGHBOURS: { family: string[]; markers: Record<string, string[]> }[] = [
  {
    family: ['nl', 'af'],
    markers: {
      nl: ['de', 'niet', 'zijn', 'door', 'worden', 'werd', 'deze', 'naar', 'bij', 'zich'],
      af: ['die', 'nie', 'deur', 'hulle', 'hierdie', 'word', "'n", 'sy', 'gebore', 'ook'],
    },
  },
  {
    family: ['sv', 'da', 'nb', 'nn'],
    markers: {
      sv: ['och', 'inte', 'är', 'också', 'hade', 'från', 'blev', 'för', 'till'],
      da: ['af', 'efter', 'havde', 'blev', 'hvad', 'også', 'ikke'],
      nb: ['ble', 'ikke', 'av', 'etter', 'hadde', 'også', 'fra', 'til'],
      nn: ['vart', 'ikkje', 'av', 'etter', 'hadde', 'frå', 'eit', 'òg', 'til'],
    },
  },
];

/** Below this many letters a text says too little to tell its language: English is assumed. */
const MIN_LETTERS = 40;

/**
 * The BCP 47 language of a text, detected with franc-min ('en' when the text is too short or franc is
 * unsure). Only the first 20,000 characters are read: enough for any article, and franc is linear.
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, 20_000);
  if ((sample.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return 'en';
  const code = ISO_639_3[franc(sample)];
  if (!code) return 'en';
  const neighbours = NEIGHBOURS.find((n) => n.family.includes(code));
  if (!neighbours) return code;
  const counts = new Map<string, number>();
  for (const w of sample.toLowerCase().match(/[\p{L}']+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best = code;
  let bestScore = -1;
  for (const lang of neighbours.family) {
    const score = neighbours.markers[lang]!.reduce((sum, w) => sum + (counts.get(w) ?? 0), 0);
    if (score > bestScore) [best, bestScore] = [lang, score];
  }
  return best;
}

/** The primary subtag, lower case, with the macro-language `no` read as Bokmål. */
export function baseLanguage(tag: string): string {
  const base = tag.split(/[-_]/)[0]!.toLowerCase();
  return base === 'no' ? 'nb' : base;
}

/** Section titles that are back matter (references, further reading, links), per language. */
const BACK_MATTER_TITLES: Record<string, string[]> = {
  en: [
    'references',
    'notes',
    'footnotes',
    'citations',
    'sources',
    'bibliography',
    'further reading',
    'external links',
    'see also',
    'literature',
    'notes and references',
    'works cited',
  ],
  de: [
    'literatur',
    'weblinks',
    'einzelnachweise',
    'siehe auch',
    'belege',
    'quellen',
    'anmerkungen',
    'fußnoten',
    'quellenangaben',
    'literatur und weblinks',
    'nachweise',
  ],
  nb: ['referanser', 'eksterne lenker', 'se også', 'litteratur', 'kilder', 'noter', 'fotnoter'],
  nn: ['referansar', 'eksterne lenkjer', 'sjå òg', 'sjå også', 'litteratur', 'kjelder', 'fotnotar'],
  da: ['referencer', 'eksterne henvisninger', 'se også', 'litteratur', 'kilder', 'noter'],
  sv: ['referenser', 'externa länkar', 'se även', 'litteratur', 'källor', 'noter'],
  af: ['verwysings', 'eksterne skakels', 'sien ook', 'bronne', 'bronnelys', 'notas', 'literatuur', 'voetnote'],
  fr: ['références', 'liens externes', 'voir aussi', 'bibliographie', 'notes', 'notes et références', 'sources'],
  es: ['referencias', 'enlaces externos', 'véase también', 'bibliografía', 'notas', 'fuentes'],
  pt: ['referências', 'ligações externas', 'ver também', 'bibliografia', 'notas', 'fontes'],
  it: ['note', 'bibliografia', 'voci correlate', 'collegamenti esterni', 'altri progetti'],
  nl: ['referenties', 'externe links', 'zie ook', 'bronnen', 'literatuur', 'noten', 'bronvermelding'],
};

const BACK_MATTER = new Set(Object.values(BACK_MATTER_TITLES).flat());

/**
 * Whether a section title names back matter, in any language of the table: an article in one language
 * may carry another's heading (an English article's "Further reading", a translated "Literatur").
 */
export function isBackMatterTitle(title: string): boolean {
  return BACK_MATTER.has(title.trim().replace(/\s+/g, ' ').toLowerCase());
}

/** Abbreviations (without their final dot) after which a sentence does not end, per language. */
const ABBREVIATIONS: Record<string, string[]> = {
  de: [
    'z. B',
    'z.B',
    'u. a',
    'u.a',
    'd. h',
    'd.h',
    'v. a',
    'v.a',
    's. o',
    'o. ä',
    'bzw',
    'ca',
    'Nr',
    'Dr',
    'Prof',
    'usw',
    'vgl',
    'ggf',
    'evtl',
    'inkl',
    'Jh',
    'Jhd',
    'Mio',
    'Mrd',
    'St',
    'Hl',
    'geb',
    'gest',
    'sog',
    'bspw',
    'Hrsg',
    'Bd',
    'Abs',
    'Str',
    'etc',
    'Chr',
    'v. Chr',
    'n. Chr',
    'zw',
    'ehem',
    'insb',
    'max',
    'min',
  ],
  nb: [
    'f.eks',
    'f. eks',
    'bl.a',
    'bl. a',
    'nr',
    'ca',
    'dvs',
    'osv',
    'mv',
    'm.fl',
    'jf',
    'pga',
    'kl',
    'St',
    'dr',
    'prof',
    'mill',
    'mrd',
    'e.Kr',
    'f.Kr',
  ],
  nn: [
    't.d',
    't. d',
    'bl.a',
    'bl. a',
    'nr',
    'ca',
    'dvs',
    'osb',
    'mv',
    'm.fl',
    'jf',
    'kl',
    'dr',
    'prof',
    'mill',
    'e.Kr',
    'f.Kr',
  ],
  da: ['f.eks', 'f. eks', 'bl.a', 'bl. a', 'nr', 'ca', 'dvs', 'osv', 'mv', 'jf', 'kl', 'dr', 'prof', 'mio', 'mia'],
  sv: ['t.ex', 't. ex', 'bl.a', 'bl. a', 'nr', 'ca', 'dvs', 'osv', 'm.fl', 'jfr', 'kl', 'dr', 'prof', 'milj'],
  af: [
    'bv',
    'mnr',
    'pres',
    'genl',
    'kol',
    'adv',
    'mej',
    'nl',
    'm.a.w',
    'mev',
    'me',
    'dr',
    'prof',
    'nr',
    'ens',
    'bl',
    'ds',
    'vgl',
    'ca',
    'd.w.s',
    'o.a',
    'mil',
    'st',
    'jr',
    'sr',
    'n.C',
    'v.C',
  ],
  nl: [
    'bijv',
    'bv',
    'o.a',
    'd.w.z',
    'ca',
    'nr',
    'dhr',
    'mevr',
    'drs',
    'ir',
    'prof',
    'dr',
    'St',
    'enz',
    'm.a.w',
    'resp',
    'n.Chr',
    'v.Chr',
  ],
  fr: [
    'M',
    'Mme',
    'Mlle',
    'Dr',
    'St',
    'Ste',
    'av',
    'env',
    'etc',
    'cf',
    'vol',
    'éd',
    'apr. J.-C',
    'av. J.-C',
    'J.-C',
    'n°',
    'p',
  ],
  es: [
    'Sr',
    'Sra',
    'Srta',
    'Dr',
    'Dra',
    'pág',
    'núm',
    'etc',
    'p. ej',
    'Ud',
    'Uds',
    'aprox',
    'a. C',
    'd. C',
    'ca',
    'Sto',
    'Sta',
  ],
  pt: ['Sr', 'Sra', 'Dr', 'Dra', 'pág', 'núm', 'etc', 'p. ex', 'a.C', 'd.C', 'aprox', 'ca'],
  it: ['Sig', 'Sig.ra', 'Dott', 'Prof', 'ecc', 'pag', 'ca', 'a.C', 'd.C', 'S'],
};

/**
 * Languages that write an ordinal as a number and a dot ("24. Oktober", "1. november", "der 2. Weltkrieg",
 * "Friedrich II."): there a number or Roman numeral with a dot does not end a sentence by itself.
 */
const ORDINAL_DOT = new Set([
  'de',
  'nb',
  'nn',
  'no',
  'da',
  'fi',
  'is',
  'cs',
  'sk',
  'pl',
  'hu',
  'hr',
  'sr',
  'sl',
  'tr',
  'et',
  'lv',
]);

/** Month names per language, January first; alternatives separated by `|`. */
const NORWEGIAN_MONTHS = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
];

const MONTHS: Record<string, string[]> = {
  de: [
    'januar|jänner',
    'februar',
    'märz',
    'april',
    'mai',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'dezember',
  ],
  // Bokmål and Nynorsk write the months alike.
  nb: NORWEGIAN_MONTHS,
  nn: NORWEGIAN_MONTHS,
  da: [
    'januar',
    'februar',
    'marts',
    'april',
    'maj',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'december',
  ],
  sv: [
    'januari',
    'februari',
    'mars',
    'april',
    'maj',
    'juni',
    'juli',
    'augusti',
    'september',
    'oktober',
    'november',
    'december',
  ],
  af: [
    'januarie',
    'februarie',
    'maart',
    'april',
    'mei',
    'junie',
    'julie',
    'augustus',
    'september',
    'oktober',
    'november',
    'desember',
  ],
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  es: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre|setiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
  pt: [
    'janeiro',
    'fevereiro',
    'março',
    'abril',
    'maio',
    'junho',
    'julho',
    'agosto',
    'setembro',
    'outubro',
    'novembro',
    'dezembro',
  ],
  it: [
    'gennaio',
    'febbraio',
    'marzo',
    'aprile',
    'maggio',
    'giugno',
    'luglio',
    'agosto',
    'settembre',
    'ottobre',
    'novembre',
    'dicembre',
  ],
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface SentenceRules {
  /** True when a piece of text ending this way does not end a sentence, given the text that follows. */
  continues(before: string, after: string): boolean;
  /** Lower-case words that open a sentence in this language (Afrikaans "’n"), at the start of the text. */
  opener?: RegExp;
}

/** Lower-case words a sentence of the language may begin with (Afrikaans writes "’n Groot…" at a start). */
const OPENERS: Record<string, string[]> = {
  af: ['’n', "'n"],
};

const sentenceRules = new Map<string, SentenceRules | undefined>();

/** The language's rules for where a sentence does not end (English has its own list in the splitter). */
export function sentenceRulesFor(tag: string): SentenceRules | undefined {
  const lang = baseLanguage(tag);
  if (sentenceRules.has(lang)) return sentenceRules.get(lang);
  const abbreviations = ABBREVIATIONS[lang];
  const months = MONTHS[lang];
  const ordinalDot = ORDINAL_DOT.has(lang);
  const openers = OPENERS[lang];
  if (!abbreviations && !months && !ordinalDot && !openers) {
    sentenceRules.set(lang, undefined);
    return undefined;
  }
  const abbreviation = abbreviations
    ? new RegExp(String.raw`(?:^|[\s(])(?:${abbreviations.map(escape).join('|')})\.\s*$`, 'iu')
    : undefined;
  const month = months ? new RegExp(String.raw`^\s*(?:${months.join('|')})\b`, 'iu') : undefined;
  const rules: SentenceRules = {
    ...(openers ? { opener: new RegExp(String.raw`^(?:${openers.map(escape).join('|')})\s`, 'u') } : {}),
    continues(before, after) {
      if (abbreviation?.test(before)) return true;
      // A day number followed by a month name: "Am 24. Oktober", "1. november".
      if (month && /(?:^|[^\d.])\d{1,2}\.\s*$/.test(before) && month.test(after)) return true;
      // An ordinal ("im 19. Jahrhundert", "Friedrich II. war"): not a year, which may end a sentence, nor a
      // number after an abbreviation ("in Nr. 5."), which is a cardinal.
      if (ordinalDot && /(?:^|[^.\s]\s+|\()(?:\d{1,3}|[IVXLC]{1,6})\.\s*$/u.test(before)) return true;
      // A lower-case letter and a dot is an abbreviation ("z. B.", "u. a.").
      return /(?:^|[\s(])\p{Ll}\.\s*$/u.test(before);
    },
  };
  sentenceRules.set(lang, rules);
  return rules;
}

/** Month names of a language (January first), if Quire has them. */
export function monthNames(tag: string): readonly string[] | undefined {
  return MONTHS[baseLanguage(tag)];
}

/**
 * Words that open the first of several points a sentence announced with a colon ("…on two conditions:" /
 * "Firstly, …"), per language: there the paragraph after the colon is what the colon announced.
 */
const ENUMERATION_OPENERS: Record<string, string[]> = {
  en: ['first', 'firstly', 'one', 'to begin with', 'in the first place'],
  de: ['erstens', 'zunächst', 'zum einen', 'einerseits'],
  fr: ['premièrement', "d'abord", 'd’abord', 'tout d’abord', "tout d'abord", 'primo', "d'une part", 'd’une part'],
  es: ['primero', 'primeramente', 'en primer lugar', 'por un lado'],
  nl: ['ten eerste', 'eerst', 'enerzijds'],
  af: ['eerstens', 'eers'],
  it: ['primo', 'innanzitutto', 'in primo luogo', 'da un lato'],
  pt: ['primeiro', 'em primeiro lugar', 'por um lado'],
};

/** Whether a text opens with a word that starts the first of several announced points, in its language. */
export function opensEnumeration(text: string, tag: string): boolean {
  const openers = ENUMERATION_OPENERS[baseLanguage(tag)];
  const start = text.trimStart().toLowerCase();
  return !!openers?.some((o) => start.startsWith(o) && !/^\p{L}/u.test(start.slice(o.length)));
}
