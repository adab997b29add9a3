/**
 * What Quire knows about the languages of the articles it reads: detecting a text's language, and per
 * language the section titles that are back matter, the abbreviations that do not end a sentence, and
 * the month names that make a day date. One table per concern, keyed by BCP 47 primary subtag, so adding a
 * language is adding rows here — no module elsewhere names a language's words.
 */
import { franc } from 'franc-min';
import escape from 'escape-string-regexp';

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
 * Languages franc-min has no model of, and the languages it reads them as: a candidate among these is looked
 * for through its stand-ins, and told from them by the function words of NEIGHBOURS.
 */
const STAND_INS: Record<string, string[]> = {
  af: ['nl'],
  da: ['sv'],
  nb: ['sv'],
  nn: ['sv'],
  sk: ['cs'],
  ca: ['es'],
};

/** BCP 47 → franc's ISO 639-3 code. */
const ISO_OF = Object.fromEntries(Object.entries(ISO_639_3).map(([iso, tag]) => [tag, iso]));

/**
 * The BCP 47 language of a text, detected with franc-min ('en' when the text is too short or franc is
 * unsure). Only the first 20,000 characters are read: enough for any article, and franc is linear.
 * `candidates`, when given, are the only languages the text can be in (what its markup says: a wiki's
 * localised namespace names); franc then chooses among them, and a text too short to tell takes the first.
 */
export function detectLanguage(text: string, candidates?: readonly string[]): string {
  const sample = text.slice(0, 20_000);
  const allowed = candidates?.length ? candidates : undefined;
  const fallback = allowed?.[0] ?? 'en';
  if ((sample.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return fallback;
  const only = allowed && [...new Set(allowed.flatMap((c) => [c, ...(STAND_INS[c] ?? [])]))];
  const isoCodes = only?.flatMap((c) => ISO_OF[c] ?? []);
  if (isoCodes && !isoCodes.length) return fallback;
  const code = ISO_639_3[franc(sample, isoCodes ? { only: isoCodes } : {})];
  if (!code) return fallback;
  const neighbours = NEIGHBOURS.find((n) => n.family.includes(code));
  const family = neighbours?.family.filter((l) => !allowed || allowed.includes(l));
  if (!neighbours || !family?.length) return !allowed || allowed.includes(code) ? code : fallback;
  const counts = new Map<string, number>();
  for (const w of sample.toLowerCase().match(/[\p{L}']+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best = family[0]!;
  let bestScore = -1;
  for (const lang of family) {
    const score = neighbours.markers[lang]!.reduce((sum, w) => sum + (counts.get(w) ?? 0), 0);
    if (score > bestScore) [best, bestScore] = [lang, score];
  }
  return best;
}

const ENGLISH_MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** "12 November 1940": a day before its month. */
const DAY_FIRST = new RegExp(String.raw`(?<![\p{L}\p{N}])\d{1,2}\s+(?:${ENGLISH_MONTHS})\s+\d{3,4}(?!\p{N})`, 'gu');
/** "November 12, 1940": a month before its day. */
const MONTH_FIRST = new RegExp(String.raw`(?<![\p{L}])(?:${ENGLISH_MONTHS})\s+\d{1,2},?\s+\d{3,4}(?!\p{N})`, 'gu');

/**
 * A detected language with the region its text's dates say: English that writes its full dates day first
 * ("12 November 1940", as Wikipedia's {{Use dmy dates}} articles do) more often than month first is en-GB,
 * so that the dates Quire writes (timeline, glossaries, questions) read as the text's do; other languages,
 * and English that writes month first or no full date, as they are.
 */
export function withDateRegion(language: string, text: string): string {
  if (language !== 'en') return language;
  const dayFirst = text.match(DAY_FIRST)?.length ?? 0;
  const monthFirst = text.match(MONTH_FIRST)?.length ?? 0;
  return dayFirst > monthFirst ? 'en-GB' : language;
}

/** The primary subtag, lower case, with the macro-language `no` read as Bokmål. */
export function baseLanguage(tag: string): string {
  const base = tag.split(/[-_]/)[0]!.toLowerCase();
  return base === 'no' ? 'nb' : base;
}

/**
 * The key of a language's tables of Quire's own words (labels, notes, questions): its base language, or
 * `zhHant` for Chinese in traditional characters (`zh-Hant`, or a region that writes them: `zh-TW`, `zh-HK`).
 */
export function wordsKey(language: string): string {
  const base = baseLanguage(language);
  if (base !== 'zh') return base;
  let key = chineseKeys.get(language);
  if (key === undefined) {
    try {
      key = new Intl.Locale(language).maximize().script === 'Hant' ? 'zhHant' : base;
    } catch {
      key = base;
    }
    chineseKeys.set(language, key);
  }
  return key;
}
const chineseKeys = new Map<string, string>();

/**
 * Chinese and Japanese writing, with their full-width punctuation, as a character class's contents: text with no
 * spaces between its words or its sentences.
 */
export const WIDE_WRITING = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef`;

/**
 * The units a language writes a date's numbers with, where they are letters of its own ("1881年5月3日":
 * 年, 月, 日; "1881년 5월 3일": 년, 월, 일), read from Intl's long date format: its literal parts and its month
 * names' non-digit part. Empty for a language that names its months ("May 3, 1881").
 */
export function dateUnits(locale: string): ReadonlySet<string> {
  const known = dateUnitTables.get(locale);
  if (known) return known;
  const units = new Set<string>();
  try {
    const format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric' });
    for (let month = 0; month < 12; month++)
      for (const part of format.formatToParts(new Date(Date.UTC(2001, month, 3, 12)))) {
        const unit = (part.type === 'literal' || part.type === 'month' ? part.value : '').replace(/[\d\s.,]+/g, '');
        if (/^[\p{Script=Han}\p{Script=Hangul}]+$/u.test(unit)) units.add(unit);
      }
  } catch {
    // An unknown locale: no units.
  }
  dateUnitTables.set(locale, units);
  return units;
}
const dateUnitTables = new Map<string, ReadonlySet<string>>();

const WIDE_LETTER = new RegExp(`[${WIDE_WRITING}]`, 'gu');
let wordSegmenter: Intl.Segmenter | undefined;

/**
 * ICU's words of a text written without spaces between them (Chinese, Japanese: Intl.Segmenter's dictionary),
 * punctuation and spaces included as segments of their own.
 */
export function icuWords(text: string): Intl.SegmentData[] {
  wordSegmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  return [...wordSegmenter.segment(text)];
}

/**
 * Whether a text is written without spaces between its words (Chinese, Japanese): at least half of its letters
 * are of that writing. An English sentence with a gloss ("Edo (江戸) was …") is not.
 */
export function isUnspaced(text: string): boolean {
  const wide = text.match(WIDE_LETTER)?.length ?? 0;
  if (!wide) return false;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return wide * 2 >= letters;
}

/**
 * How many words a text has: what stands between spaces, or in writing with no spaces between words (Chinese,
 * Japanese) ICU's words (Intl.Segmenter), less a lone hiragana letter (a particle: は, の, に), so that a
 * sentence counts about as many words as its English rendering.
 */
export function wordCount(text: string): number {
  if (!isUnspaced(text)) return text.split(/\s+/).length;
  return icuWords(text).filter((s) => s.isWordLike && !/^\p{Script=Hiragana}$/u.test(s.segment)).length;
}

/** Languages written right to left, for a runtime whose Intl does not tell a locale's direction. */
const RIGHT_TO_LEFT = new Set([
  'ar',
  'arz',
  'azb',
  'ckb',
  'dv',
  'fa',
  'he',
  'ks',
  'mzn',
  'pnb',
  'ps',
  'sd',
  'ug',
  'ur',
  'yi',
]);

/** The direction a language is written in ("rtl" for Arabic, Hebrew, Persian, Urdu …), from Intl where it can. */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  try {
    const locale = new Intl.Locale(tag) as Intl.Locale & {
      textInfo?: { direction?: string };
      getTextInfo?: () => { direction?: string };
    };
    // Intl's "rtl" is trusted; its "ltr" is not for every tag (Node 20 says so of Dhivehi and of "ku-Arab").
    if ((locale.getTextInfo?.() ?? locale.textInfo)?.direction === 'rtl') return 'rtl';
    if (locale.script === 'Arab' || locale.script === 'Hebr' || locale.script === 'Thaa') return 'rtl';
  } catch {
    // Not a well-formed tag: the list below decides.
  }
  return RIGHT_TO_LEFT.has(baseLanguage(tag)) ? 'rtl' : 'ltr';
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
  ca: ['referències', 'bibliografia', 'enllaços externs', 'vegeu també', 'notes'],
  pl: ['przypisy', 'bibliografia', 'linki zewnętrzne', 'zobacz też', 'uwagi', 'literatura'],
  ru: ['примечания', 'литература', 'ссылки', 'см. также', 'источники', 'сноски'],
  uk: ['примітки', 'джерела', 'література', 'посилання', 'див. також'],
  cs: ['reference', 'literatura', 'externí odkazy', 'související články', 'poznámky'],
  fi: ['lähteet', 'kirjallisuutta', 'aiheesta muualla', 'katso myös', 'viitteet'],
  he: ['הערות שוליים', 'קישורים חיצוניים', 'לקריאה נוספת', 'ראו גם', 'מקורות', 'ביבליוגרפיה'],
  ar: ['مراجع', 'المراجع', 'وصلات خارجية', 'انظر أيضا', 'انظر أيضًا', 'مصادر', 'المصادر', 'ملاحظات', 'هوامش'],
  fa: ['منابع', 'پانویس', 'جستارهای وابسته', 'پیوند به بیرون'],
  zh: [
    '参见',
    '參見',
    '参考文献',
    '參考文獻',
    '参考书目',
    '參考書目',
    '参考网址',
    '參考網址',
    '参考资料',
    '參考資料',
    '外部链接',
    '外部連結',
    '注释',
    '註釋',
    '脚注',
    '腳註',
    '延伸阅读',
    '延伸閱讀',
  ],
  ja: ['脚注', '出典', '参考文献', '関連項目', '外部リンク', '注釈', '参考資料'],
  ko: ['각주', '참고 문헌', '참고문헌', '같이 보기', '외부 링크', '주석', '출처'],
  tr: ['kaynakça', 'dış bağlantılar', 'ayrıca bakınız', 'notlar', 'kaynaklar'],
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
  ca: ['Sr', 'Sra', 'Dr', 'Dra', 'pàg', 'núm', 'etc', 'p. ex', 'aC', 'dC', 'a. C', 'd. C', 'aprox', 'ca', 'St', 'Sta'],
  // Polish: born, died, saint, under the invocation of, among others, so-called, for example, that is…
  pl: [
    'ur',
    'zm',
    'św',
    'p.w',
    'pw',
    'm.in',
    'tzw',
    'np',
    'tj',
    'ok',
    'ks',
    'gen',
    'płk',
    'prof',
    'dr',
    'hr',
    'wyd',
    'st.st',
  ],
  // Russian: see, about, named after, years, centuries, saint, prince, English, Lithuanian…
  ru: ['см', 'ок', 'им', 'гг', 'вв', 'св', 'кн', 'ст', 'проф', 'акад', 'англ', 'лит', 'нем', 'лат', 'польск', 'т. н'],
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

const MONTHS: Record<string, string[] | undefined> = {
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
  ca: [
    'gener',
    'febrer',
    'març',
    'abril',
    'maig',
    'juny',
    'juliol',
    'agost',
    'setembre',
    'octubre',
    'novembre',
    'desembre',
  ],
  // Slavic languages write a day's month in the genitive ("11 grudnia", "16 февраля", "23. srpna") and a
  // month's time in the locative ("w marcu 1921", "в марте 1921 года", "у березні", "v březnu"): the
  // nominative, genitive and locative of each.
  pl: [
    'styczeń|stycznia|styczniu',
    'luty|lutego|lutym',
    'marzec|marca|marcu',
    'kwiecień|kwietnia|kwietniu',
    'maj|maja|maju',
    'czerwiec|czerwca|czerwcu',
    'lipiec|lipca|lipcu',
    'sierpień|sierpnia|sierpniu',
    'wrzesień|września|wrześniu',
    'październik|października|październiku',
    'listopad|listopada|listopadzie',
    'grudzień|grudnia|grudniu',
  ],
  ru: [
    'январь|января|январе',
    'февраль|февраля|феврале',
    'март|марта|марте',
    'апрель|апреля|апреле',
    'май|мая|мае',
    'июнь|июня|июне',
    'июль|июля|июле',
    'август|августа|августе',
    'сентябрь|сентября|сентябре',
    'октябрь|октября|октябре',
    'ноябрь|ноября|ноябре',
    'декабрь|декабря|декабре',
  ],
  uk: [
    'січень|січня|січні',
    'лютий|лютого|лютому',
    'березень|березня|березні',
    'квітень|квітня|квітні',
    'травень|травня|травні',
    'червень|червня|червні',
    'липень|липня|липні',
    'серпень|серпня|серпні',
    'вересень|вересня|вересні',
    'жовтень|жовтня|жовтні',
    'листопад|листопада|листопаді',
    'грудень|грудня|грудні',
  ],
  cs: [
    'leden|ledna|lednu',
    'únor|února|únoru',
    'březen|března|březnu',
    'duben|dubna|dubnu',
    'květen|května|květnu',
    'červen|června|červnu',
    'červenec|července|červenci',
    'srpen|srpna|srpnu',
    'září',
    'říjen|října|říjnu',
    'listopad|listopadu',
    'prosinec|prosince|prosinci',
  ],
};

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
      // An abbreviation closing a bracket, a number after it: "12 listopada [31 października st.st.] 1833".
      if (/^\s*\d/.test(after) && abbreviation?.test(before.replace(/[\])]\s*$/, ''))) return true;
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
  const base = baseLanguage(tag);
  if (base === 'en') return undefined;
  if (!(base in MONTHS)) MONTHS[base] = intlMonthNames(base);
  return MONTHS[base];
}

/**
 * A language without a month table of its own: its months as Intl names them in the Gregorian calendar, each
 * standing alone and inside a date ("Haziran"; Greek "Ιουνίου"; Hebrew "יוני" and, with the particle a date writes
 * onto it, "ביוני"), lower
 * case, alternatives joined by "|". Undefined where the names hold digits (Chinese "6月", Vietnamese "tháng 6":
 * read otherwise) or Intl knows none.
 */
function intlMonthNames(base: string): string[] | undefined {
  try {
    const locale = `${base}-u-ca-gregory`;
    const alone = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
    // Intl answers a language it does not know in its default one: no names then, rather than English ones.
    if (baseLanguage(alone.resolvedOptions().locale) !== base) return undefined;
    const inDate = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' });
    const months: string[] = [];
    for (let m = 0; m < 12; m++) {
      const day = new Date(Date.UTC(2001, m, 3, 12));
      const names = new Set<string>();
      names.add(alone.format(day));
      const parts = inDate.formatToParts(day);
      parts.forEach((part, i) => {
        if (part.type !== 'month') return;
        names.add(part.value);
        // A particle the date writes onto the month ("3 ביוני": " ב" before "יוני") is part of the word there.
        const before = parts[i - 1];
        if (before?.type === 'literal' && /\s\p{L}{1,2}$/u.test(before.value))
          names.add(before.value.trim() + part.value);
      });
      const words = [...names].map((n) => n.toLocaleLowerCase(base).trim());
      if (words.some((w) => !/^\p{L}[\p{L}\p{M}]*$/u.test(w))) return undefined;
      months.push([...new Set(words)].join('|'));
    }
    return new Set(months).size === 12 ? months : undefined;
  } catch {
    return undefined;
  }
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

/**
 * Words that make a day or month recur every year or tell of the present ("is played annually … in July",
 * "today the event takes place … in late June", "findet jährlich im Mai statt"), per language: such a date
 * has no year, and none is to be read into it from the narrative.
 */
const YEARLY: Record<string, string[]> = {
  en: [
    'today',
    'nowadays',
    'annually',
    'each year',
    'every year',
    'yearly',
    'each summer',
    'every summer',
    'each spring',
    'every spring',
  ],
  de: [
    'heute',
    'heutzutage',
    'jährlich',
    'alljährlich',
    'jedes jahr',
    'jedes jahres',
    'jeden sommer',
    'alle jahre',
    'einmal im jahr',
  ],
  nl: ['tegenwoordig', 'jaarlijks', 'elk jaar', 'ieder jaar', 'elke zomer'],
  af: ['vandag', 'deesdae', 'jaarliks', 'elke jaar', 'elke somer'],
  nb: ['i dag', 'årlig', 'hvert år', 'hver sommer'],
  nn: ['i dag', 'årleg', 'kvart år', 'kvar sommar'],
  da: ['i dag', 'årligt', 'hvert år', 'hver sommer'],
  sv: ['idag', 'i dag', 'årligen', 'varje år', 'varje sommar'],
  fr: ["aujourd'hui", 'aujourd’hui', 'chaque année', 'annuellement', 'tous les ans', 'chaque été'],
  es: ['hoy', 'actualmente', 'cada año', 'anualmente', 'todos los años', 'cada verano'],
  pt: ['hoje', 'atualmente', 'anualmente', 'todos os anos', 'cada ano', 'cada verão'],
  it: ['oggi', 'ogni anno', 'annualmente', 'ogni estate'],
};
const yearlyPatterns = new Map<string, RegExp | undefined>();

/** Whether a sentence tells of what recurs every year or holds today (its yearless dates have no year). */
export function recursYearly(sentence: string, tag: string): boolean {
  const language = baseLanguage(tag);
  if (!yearlyPatterns.has(language)) {
    const words = YEARLY[language];
    yearlyPatterns.set(
      language,
      words && new RegExp(`(?<!\\p{L})(?:${words.map((w) => w.replace(/ /g, '\\s+')).join('|')})(?!\\p{L})`, 'iu'),
    );
  }
  return yearlyPatterns.get(language)?.test(sentence) ?? false;
}

/**
 * Birth and death in a gloss after a name ("Sara C. Bisel (* 13. Mai 1932 in Johnstown; † 4. Februar 1996)",
 * "Harry McPherson (born August 22, 1929)"), per language: the words that mark each, and the word a timeline
 * label uses for it ("Sara C. Bisel geboren in Johnstown").
 */
export interface LifeWords {
  born: string;
  died: string;
  bornMarks: readonly string[];
  diedMarks: readonly string[];
}
const LIFE_WORDS: Record<string, [string, string, string, string]> = {
  en: ['born', 'died', 'born|b.|née', 'died|d.'],
  de: ['geboren', 'gestorben', 'geboren|geb.', 'gestorben|gest.'],
  nl: ['geboren', 'overleden', 'geboren|geb.', 'overleden|gest.|ovl.'],
  af: ['gebore', 'oorlede', 'gebore|geb.', 'oorlede|oorl.|gest.'],
  nb: ['født', 'død', 'født|f.', 'død|d.'],
  nn: ['fødd', 'død', 'fødd|født|f.', 'død|d.'],
  da: ['født', 'død', 'født|f.', 'død|d.'],
  sv: ['född', 'död', 'född|f.', 'död|d.'],
  fr: ['naissance', 'mort', 'né|née', 'mort|morte|décédé|décédée'],
  es: ['nacimiento', 'muerte', 'nacido|nacida|n.', 'fallecido|fallecida|m.'],
  pt: ['nascimento', 'morte', 'nascido|nascida|n.', 'falecido|falecida|m.'],
  it: ['nascita', 'morte', 'nato|nata|n.', 'morto|morta|m.'],
};

/** The birth and death words of a language (English for a language without its own). */
export function lifeWords(tag: string): LifeWords {
  const [born, died, b, d] = LIFE_WORDS[baseLanguage(tag)] ?? LIFE_WORDS.en!;
  return { born, died, bornMarks: ['*', ...b.split('|')], diedMarks: ['†', '+', ...d.split('|')] };
}

/** What the index needs to know of a language to tell a name's kind (see `indexLexicon`). */
export interface IndexLexicon {
  /** Names of languages, lower case, in the language and in English ("engels", "afrikaans", "englisch"). */
  languages: ReadonlySet<string>;
  /** Names of countries and regions, lower case, in the language and in English ("tanzanië", "noorweë"). */
  regions: ReadonlySet<string>;
  /** Bodies named among the regions ("Verenigde Nasies", "Europäische Union"), lower case. */
  bodies: ReadonlySet<string>;
  /** Month and weekday names, lower case. */
  calendar: ReadonlySet<string>;
  /** Generic words that are never an index entry on their own ("Universiteit", "Regierung"), lower case. */
  generic: ReadonlySet<string>;
  /** Words that head an organisation's name ("Universität", "maatskappy"), lower case. */
  organisations: ReadonlySet<string>;
  /** Words that head a place's name ("Koninkryk van Skotland"), lower case. */
  placeHeads: ReadonlySet<string>;
  /** Prepositions of place: a name after one is a place ("in", "nach", "aus"; "i", "fra", "til"). */
  placePrepositions: readonly string[];
  /** Words that join the parts of a name ("van", "von", "de"): a name's head stands before them. */
  connectors: readonly string[];
  /** Endings of a language's common nouns that no name has (German "-ung", "-schaft"), or undefined. */
  commonNoun?: RegExp;
  /** Endings that make a language name or a place an adjective ("Afrikaans" → "Afrikaanse"). */
  adjectiveEndings: readonly string[];
  /** An ending only adjectives of places and nations have in the language (Afrikaans "Britse"), or undefined. */
  adjective?: RegExp;
  /**
   * In a language that capitalises its nouns (German), what shows a capitalised word to be a common noun: a
   * word written after one of its determiners, an adjective between ("einem überarbeiteten Motor", "den
   * einmaligen Gebrauch"), or one followed by a word that opens its complement ("in Form einer Hohlladung",
   * "nach Angaben von StatCounter"): no name, and no place after a preposition.
   */
  nounCues?: { determiners: readonly string[]; complements: readonly string[] };
}

/** Per language: generic words, organisation head words, prepositions of place, connectors, noun endings. */
const INDEX_WORDS: Record<
  string,
  {
    generic: string;
    organisations: string;
    /** Words that head a place's name ("Koninkryk van Skotland", "Republik Österreich"). */
    heads: string;
    places: string;
    connectors: string;
    nouns?: string;
    endings?: string;
    /** Capitalised common nouns: their determiners, and what opens a noun's complement (see `nounCues`). */
    determiners?: string;
    complements?: string;
  }
> = {
  de: {
    heads:
      'königreich kaiserreich republik fürstentum herzogtum provinz insel inseln stadt kreis bezirk kanton ' +
      'grafschaft bundesland',
    generic:
      'ministerium minister regierung partei präsident kanzler botschafter general staat staaten republik reich ' +
      'krieg vertrag pakt abkommen armee marine rat ausschuss kongress universität gesellschaft firma unternehmen ' +
      'agentur jahr jahre jahrhundert stadt land kreis bezirk nord süd ost west herr frau der die das ein eine ' +
      'im am zum zur seit nach vor mit von bei aus sie er es wir ihr dort hier heute später',
    organisations:
      'universität hochschule gesellschaft verein verband partei ministerium bank akademie institut museum ' +
      'stiftung agentur gruppe zeitung rat kommission club klub society university',
    places: 'in|nach|aus',
    connectors: 'von|vom|zu|zur|der|des|für',
    nouns: 'ung|heit|keit|schaft|tion|sion|tät|logie|ismus|nis|tum|wesen|kunde|lehre',
    endings: 'e|en|er|es|em',
    determiners:
      'der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner keines ' +
      'sein seine seinen seinem seiner seines ihr ihre ihren ihrem ihrer ihres dieser diese dieses diesem diesen ' +
      'jeder jede jedes jedem jeden',
    complements: 'von der des einer eines',
  },
  af: {
    heads: 'koninkryk keiserryk republiek prinsdom provinsie eiland eilande stad distrik gemenebes',
    generic:
      'minister regering party president kanselier ambassadeur generaal staat state republiek ryk oorlog verdrag ' +
      'pakt ooreenkoms weermag vloot raad komitee kongres universiteit maatskappy jaar jare eeu stad land distrik ' +
      'provinsie noord suid oos wes mnr mev dr prof die hy sy hulle hier daar later toe nadat',
    organisations:
      'universiteit kollege maatskappy vereniging party departement bank akademie instituut museum stigting raad ' +
      'kommissie koerant uitgewers uitgewery weermag polisie',
    places: 'in|na|uit|naby|te',
    connectors: 'van|vir|der|den|de',
    endings: 'e',
  },
  nl: {
    heads: 'koninkrijk keizerrijk republiek vorstendom provincie eiland eilanden stad district gemenebest',
    generic:
      'minister regering partij president kanselier ambassadeur generaal staat staten republiek rijk oorlog verdrag ' +
      'pact overeenkomst leger vloot raad comité congres universiteit maatschappij jaar jaren eeuw stad land ' +
      'provincie noord zuid oost west dhr mevr de het een hij zij zij hier daar later toen',
    organisations:
      'universiteit hogeschool maatschappij vereniging partij ministerie bank academie instituut museum stichting ' +
      'raad commissie krant uitgeverij leger politie',
    places: 'in|naar|uit|nabij|te',
    connectors: 'van|voor|der|den|de',
    endings: 'e',
  },
  nb: {
    heads: 'kongerike kongedømme keiserrike republikk fyrstedømme provins øy øyene by fylke',
    generic:
      'minister regjering parti president kansler ambassadør general stat stater republikk rike krig traktat ' +
      'avtale pakt hær marine råd komité kongress universitet selskap år århundre by land fylke nord sør øst vest ' +
      'han hun de det den der her senere',
    organisations:
      'universitet universitetet høgskole høyskole selskap forening parti departement bank akademi institutt ' +
      'museum stiftelse råd kommisjon avis forlag',
    places: 'i|fra|til',
    connectors: 'av|for|i|til',
  },
  da: {
    heads: 'kongerige kejserrige republik fyrstendømme provins ø øer by amt',
    generic:
      'minister regering parti præsident kansler ambassadør general stat stater republik rige krig traktat aftale ' +
      'pagt hær flåde råd komité kongres universitet selskab år århundrede by land amt nord syd øst vest han hun ' +
      'de det den der her senere',
    organisations:
      'universitet universitetet højskole selskab forening parti ministerium bank akademi institut museum fond ' +
      'råd kommission avis forlag',
    places: 'i|fra|til',
    connectors: 'af|for|i|til',
  },
  sv: {
    heads: 'kungarike kejsardöme republik furstendöme provins ö öarna stad län',
    generic:
      'minister regering parti president kansler ambassadör general stat stater republik rike krig fördrag avtal ' +
      'pakt armé flotta råd kommitté kongress universitet sällskap år århundrade stad land län norr söder öster ' +
      'väster han hon de det den där här senare',
    organisations:
      'universitet universitetet högskola sällskap förening parti departement bank akademi institut museum ' +
      'stiftelse råd kommission tidning förlag',
    places: 'i|från|till',
    connectors: 'av|för|i|till',
  },
  fr: {
    heads: 'royaume empire république principauté province île îles ville comté département',
    generic:
      'ministre gouvernement parti président chancelier ambassadeur général état états république empire guerre ' +
      'traité pacte accord armée marine conseil comité congrès université société année siècle ville pays ' +
      'région nord sud est ouest le la les un une il elle ils elles',
    organisations:
      'université société association parti ministère banque académie institut musée fondation conseil ' +
      'commission journal compagnie',
    places: 'à|en|au|aux',
    connectors: "de|du|des|d’|d'|la|le|pour",
    endings: 'e|s|es',
  },
  es: {
    heads: 'reino imperio república principado provincia isla islas ciudad condado departamento',
    generic:
      'ministro gobierno partido presidente canciller embajador general estado estados república imperio guerra ' +
      'tratado pacto acuerdo ejército marina consejo comité congreso universidad sociedad año siglo ciudad país ' +
      'región norte sur este oeste el la los las un una él ella ellos',
    organisations:
      'universidad sociedad asociación partido ministerio banco academia instituto museo fundación consejo ' +
      'comisión periódico compañía',
    places: 'en|desde|hacia',
    connectors: 'de|del|la|el|para',
    endings: 'a|o|as|os|es',
  },
  pt: {
    heads: 'reino império república principado província ilha ilhas cidade condado',
    generic:
      'ministro governo partido presidente chanceler embaixador general estado estados república império guerra ' +
      'tratado pacto acordo exército marinha conselho comité congresso universidade sociedade ano século cidade ' +
      'país região norte sul leste oeste o a os as um uma ele ela eles',
    organisations:
      'universidade sociedade associação partido ministério banco academia instituto museu fundação conselho ' +
      'comissão jornal companhia',
    places: 'em',
    connectors: 'de|do|da|dos|das|para',
    endings: 'a|o|as|os',
  },
  it: {
    heads: 'regno impero repubblica principato provincia isola isole città contea',
    generic:
      'ministro governo partito presidente cancelliere ambasciatore generale stato stati repubblica impero guerra ' +
      'trattato patto accordo esercito marina consiglio comitato congresso università società anno secolo città ' +
      'paese regione nord sud est ovest il lo la gli le un una lui lei loro',
    organisations:
      'università società associazione partito ministero banca accademia istituto museo fondazione consiglio ' +
      'commissione giornale compagnia',
    places: 'in',
    connectors: 'di|del|della|dei|delle|per',
    endings: 'a|o|e|i',
  },
};
INDEX_WORDS.nn = { ...INDEX_WORDS.nb!, places: 'i|frå|til' };

/**
 * Every two-letter code (ISO 639-1 languages, ISO 3166 regions) and the UN M.49 codes of continents (not 001,
 * the world: "Welt" is no place in an index).
 */
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const TWO_LETTER = [...LETTERS].flatMap((a) => [...LETTERS].map((b) => a + b));
const M49 = (
  '002 003 005 009 011 013 014 015 017 018 019 021 029 030 034 035 039 053 054 057 061 ' +
  '142 143 145 150 151 154 155 202 419'
).split(' ');
/** Region codes that name a body, not a place (the EU, the UN), or nothing. */
const BODY_REGIONS = new Set(['EU', 'UN', 'EZ']);
/** Region codes that name no place a text would: unknown, outlying, pseudo-regions. */
const NO_REGIONS = new Set(['ZZ', 'QO', 'XA', 'XB']);

/** Names ICU gives (Intl.DisplayNames) for a type, in a language, lower case. */
function displayNames(lang: string, type: 'language' | 'region', codes: string[]): string[] {
  let names: Intl.DisplayNames;
  try {
    names = new Intl.DisplayNames([lang], { type, fallback: 'none' });
  } catch {
    return [];
  }
  return codes.flatMap((c) => {
    const n = names.of(c);
    return n ? [n.toLowerCase()] : [];
  });
}

/** Month and weekday names of a language (Intl.DateTimeFormat), lower case, with and without a final dot. */
function calendarNames(lang: string): string[] {
  const out: string[] = [];
  for (const [option, days] of [
    ['month', Array.from({ length: 12 }, (_, m) => Date.UTC(2001, m, 1))],
    ['weekday', Array.from({ length: 7 }, (_, d) => Date.UTC(2001, 0, 1 + d))],
  ] as const)
    for (const width of ['long', 'short'] as const) {
      try {
        const f = new Intl.DateTimeFormat([lang], { [option]: width, timeZone: 'UTC' });
        for (const t of days) out.push(f.format(t).toLowerCase().replace(/\.$/, ''));
      } catch {
        // A language ICU does not know: no names.
      }
    }
  return out.filter((n) => n.length >= 3);
}

const indexLexicons = new Map<string, IndexLexicon>();

/**
 * What the index reads of a language: the names of languages and regions ICU knows in it and in English
 * (Intl.DisplayNames: "Engels" is a language, "Tanzanië" a country), its month and weekday names
 * (Intl.DateTimeFormat), and this file's table of generic words, organisation words, prepositions of place,
 * connectors and noun endings.
 */
export function indexLexicon(tag: string): IndexLexicon {
  const lang = baseLanguage(tag);
  const known = indexLexicons.get(lang);
  if (known) return known;
  const words = INDEX_WORDS[lang];
  const langs = [...new Set([lang, 'en'])];
  const regionCodes = [...TWO_LETTER.map((c) => c.toUpperCase()), ...M49];
  const codes = regionCodes.filter((c) => !BODY_REGIONS.has(c) && !NO_REGIONS.has(c));
  const places = langs.flatMap((l) => displayNames(l, 'region', codes));
  const split = (s: string | undefined) => (s ? s.split(/[\s|]+/).filter(Boolean) : []);
  const lexicon: IndexLexicon = {
    languages: new Set(langs.flatMap((l) => displayNames(l, 'language', TWO_LETTER))),
    regions: new Set(places.filter((p) => !/[()]/.test(p))),
    bodies: new Set(langs.flatMap((l) => displayNames(l, 'region', [...BODY_REGIONS]))),
    calendar: new Set(langs.flatMap(calendarNames)),
    generic: new Set(split(words?.generic)),
    organisations: new Set(split(words?.organisations)),
    placeHeads: new Set(split(words?.heads)),
    placePrepositions: split(words?.places),
    connectors: split(words?.connectors),
    ...(words?.nouns ? { commonNoun: new RegExp(String.raw`\p{Ll}(?:${words.nouns})$`, 'u') } : {}),
    adjectiveEndings: split(words?.endings),
    ...(lang === 'af' || lang === 'nl' ? { adjective: /\p{L}{3}se$/u } : {}),
    ...(words?.determiners
      ? { nounCues: { determiners: split(words.determiners), complements: split(words.complements) } }
      : {}),
  };
  indexLexicons.set(lang, lexicon);
  return lexicon;
}

/**
 * What names a treaty in a language and what tells its steps: the kind words (a compound ending in one
 * counts: "Nichtangriffspakt", "Handelsabkommen", "nie-aanvalsverdrag"), how many letters an inflection adds
 * ("des Vertrages", "traktaten"), the words before a place or party in a name ("Vertrag von Versailles",
 * "traité de Versailles", "Abkommen mit Japan"), articles, and the verbs of signing, ratifying, talks and
 * proposals, and the words that say a step was not taken.
 */
export interface TreatyWords {
  kinds: readonly string[];
  /** Letters an inflection adds to a kind word at most ("Vertrag" → "Vertrages": 2). */
  inflection: number;
  connectors: readonly string[];
  with: readonly string[];
  /** "and" and "between": the parties of "zwischen Deutschland und Polen", "Deutschland und Polen unterzeichneten". */
  and: readonly string[];
  between: readonly string[];
  articles: readonly string[];
  /** Indefinite articles: "einer Endbenutzer-Lizenzvereinbarung" is an agreement of a kind, not one instrument. */
  indefinite?: readonly string[];
  /** German names a treaty by a place's adjective in -er ("Versailler Vertrag", "Münchner Abkommen"). */
  placeAdjective: boolean;
  sign: readonly string[];
  ratify: readonly string[];
  negotiate: readonly string[];
  propose: readonly string[];
  notDone: readonly string[];
  /** The word before the agent of a passive ("von" in "von X und Y unterzeichnet", "par", "door"). */
  by?: readonly string[];
  /** Verbs and nouns of denouncing or breaking an instrument ("gekündigt", "opgesê", "dénoncé"). */
  denounce?: readonly string[];
}

const list = (words: string): string[] => words.split('|');

const TREATY_WORDS: Record<string, Omit<TreatyWords, 'placeAdjective'> & { placeAdjective?: boolean }> = {
  de: {
    and: list('und'),
    between: list('zwischen'),
    kinds: list(
      'vertrag|verträge|abkommen|pakt|protokoll|vereinbarung|bündnis|konvention|allianz|waffenstillstand|' +
        'übereinkommen|frieden|entente',
    ),
    inflection: 3,
    connectors: list('von|zu'),
    with: list('mit'),
    articles: list('der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|im|am|zum|zur'),
    indefinite: list('ein|eine|einen|einem|einer|eines'),
    placeAdjective: true,
    sign: list(
      'unterzeichnet|unterzeichnete|unterzeichneten|unterschrieben|unterschrieb|abgeschlossen|geschlossen|' +
        'schloss|schlossen|vereinbart|vereinbarten',
    ),
    ratify: list('ratifiziert|ratifizierte|ratifizierten|ratifizierung'),
    negotiate: list('verhandelt|verhandelte|verhandelten|verhandlung|verhandlungen'),
    propose: list('vorgeschlagen|vorschlag|entwurf|angeboten'),
    notDone: list('nicht|nie|niemals|sollte|sollten|würde|würden|gescheitert|scheiterte'),
    by: list('von'),
    denounce: list('gekündigt|kündigte|kündigten|aufgekündigt|kündigung|gebrochen|brach|brachen'),
  },
  af: {
    and: list('en'),
    between: list('tussen'),
    kinds: list(
      'verdrag|verdrae|ooreenkoms|pakt|protokol|akkoord|alliansie|bondgenootskap|konvensie|wapenstilstand|vrede',
    ),
    inflection: 2,
    connectors: list('van'),
    with: list('met'),
    articles: list("die|’n|'n"),
    indefinite: list("’n|'n"),
    sign: list('onderteken|ondertekening|geteken|gesluit|sluit|aangegaan'),
    ratify: list('bekragtig|geratifiseer|ratifiseer|ratifikasie'),
    negotiate: list('onderhandel|onderhandelinge|onderhandeling'),
    propose: list('voorgestel|voorstel|konsep'),
    notDone: list('nie|nooit|sou'),
    by: list('deur'),
    denounce: list('opgesê|opsê|opsegging|verbreek|verbreking'),
  },
  nl: {
    and: list('en'),
    between: list('tussen'),
    kinds: list(
      'verdrag|verdragen|overeenkomst|pact|protocol|akkoord|verbond|bondgenootschap|conventie|wapenstilstand|vrede',
    ),
    inflection: 2,
    connectors: list('van'),
    with: list('met'),
    articles: list('de|het|een'),
    indefinite: list('een'),
    sign: list('ondertekend|ondertekende|ondertekenden|getekend|gesloten|sloot|sloten'),
    ratify: list('geratificeerd|ratificeerde|ratificatie|bekrachtigd'),
    negotiate: list('onderhandeld|onderhandelingen|onderhandeling'),
    propose: list('voorgesteld|voorstel|ontwerp'),
    notDone: list('niet|nooit|zou|zouden'),
    by: list('door'),
    denounce: list('opgezegd|zegde op|opzegging|verbroken|verbrak'),
  },
  nb: {
    and: list('og'),
    between: list('mellom'),
    kinds: list('traktat|avtale|pakt|protokoll|overenskomst|allianse|konvensjon|våpenhvile'),
    inflection: 4,
    connectors: list('i'),
    with: list('med'),
    articles: list('den|det|en|et|ei'),
    indefinite: list('en|et|ei'),
    sign: list('undertegnet|undertegnede|signert|signerte|inngått|inngikk|sluttet'),
    ratify: list('ratifisert|ratifiserte|ratifisering'),
    negotiate: list('forhandlet|forhandlinger|forhandlingene'),
    propose: list('foreslått|foreslo|forslag|utkast'),
    notDone: list('ikke|aldri|skulle|ville'),
    by: list('av'),
    denounce: list('oppsagt|sa opp|oppsigelse|brutt|brøt'),
  },
  da: {
    and: list('og'),
    between: list('mellem'),
    kinds: list('traktat|aftale|pagt|protokol|overenskomst|alliance|konvention|våbenhvile'),
    inflection: 4,
    connectors: list('i'),
    with: list('med'),
    articles: list('den|det|en|et'),
    indefinite: list('en|et'),
    sign: list('underskrevet|underskrev|underskrevne|indgået|indgik|sluttet'),
    ratify: list('ratificeret|ratificerede|ratificering'),
    negotiate: list('forhandlet|forhandlinger|forhandlingerne'),
    propose: list('foreslået|foreslog|forslag|udkast'),
    notDone: list('ikke|aldrig|skulle|ville'),
    by: list('af'),
    denounce: list('opsagt|opsagde|opsigelse|brudt|brød'),
  },
  sv: {
    and: list('och'),
    between: list('mellan'),
    kinds: list('fördrag|avtal|pakt|protokoll|överenskommelse|allians|konvention|vapenstillestånd'),
    inflection: 3,
    connectors: list('i'),
    with: list('med'),
    articles: list('den|det|en|ett'),
    indefinite: list('en|ett'),
    sign: list('undertecknade|undertecknat|undertecknades|ingick|ingått|slöt|slutit'),
    ratify: list('ratificerade|ratificerat|ratificering'),
    negotiate: list('förhandlade|förhandlingar|förhandlingarna'),
    propose: list('föreslog|föreslagit|förslag|utkast'),
    notDone: list('inte|aldrig|skulle'),
    by: list('av'),
    denounce: list('uppsagt|sade upp|uppsägning|bröt|brutit'),
  },
  fr: {
    and: list('et'),
    between: list('entre'),
    kinds: list('traité|pacte|accord|protocole|convention|alliance|entente|armistice'),
    inflection: 1,
    connectors: list("de|du|des|d’|d'"),
    with: list('avec'),
    articles: list("le|la|les|l’|l'|un|une"),
    indefinite: list('un|une'),
    sign: list('signé|signée|signés|signées|signa|signèrent|signent|conclu|conclue|conclus|conclut|conclurent'),
    ratify: list('ratifié|ratifiée|ratifia|ratification'),
    negotiate: list('négocié|négociée|négociations|négociation'),
    propose: list('proposé|proposée|proposition|projet'),
    notDone: list('ne|n’|jamais|aurait|devait'),
    by: list('par'),
    denounce: list('dénoncé|dénoncée|dénonça|dénonciation|rompu|rompit'),
  },
  es: {
    and: list('y|e'),
    between: list('entre'),
    kinds: list('tratado|pacto|acuerdo|protocolo|convenio|convención|alianza|armisticio'),
    inflection: 2,
    connectors: list('de|del'),
    with: list('con'),
    articles: list('el|la|los|las|un|una'),
    indefinite: list('un|una'),
    sign: list('firmado|firmada|firmó|firmaron|suscrito|suscribieron|concluido|concluyó|concluyeron'),
    ratify: list('ratificado|ratificada|ratificó|ratificaron|ratificación'),
    negotiate: list('negociado|negociaciones|negociación'),
    propose: list('propuesto|propuesta|propuso|borrador'),
    notDone: list('no|nunca|habría'),
    by: list('por'),
    denounce: list('denunciado|denunciada|denunció|denuncia|roto|rompió'),
  },
  pt: {
    and: list('e'),
    between: list('entre'),
    kinds: list('tratado|pacto|acordo|protocolo|convênio|convenção|aliança|armistício'),
    inflection: 2,
    connectors: list('de|do|da'),
    with: list('com'),
    articles: list('o|a|os|as|um|uma'),
    indefinite: list('um|uma'),
    sign: list('assinado|assinada|assinou|assinaram|concluído|concluiu'),
    ratify: list('ratificado|ratificada|ratificou|ratificação'),
    negotiate: list('negociado|negociações|negociação'),
    propose: list('proposto|proposta|propôs'),
    notDone: list('não|nunca|teria'),
    by: list('por'),
    denounce: list('denunciado|denunciada|denunciou|denúncia|rompido|rompeu'),
  },
  it: {
    and: list('e|ed'),
    between: list('tra|fra'),
    kinds: list('trattato|patto|accordo|protocollo|convenzione|alleanza|armistizio'),
    inflection: 1,
    connectors: list('di|del|della'),
    with: list('con'),
    articles: list('il|lo|la|i|gli|le|un|una'),
    indefinite: list('un|una|uno'),
    sign: list('firmato|firmata|firmò|firmarono|concluso|conclusero'),
    ratify: list('ratificato|ratificata|ratificò|ratifica'),
    negotiate: list('negoziato|negoziati|negoziazione'),
    propose: list('proposto|proposta|propose'),
    notDone: list('non|mai|avrebbe'),
    by: list('da'),
    denounce: list('denunciato|denunciata|denunciò|denuncia|rotto|ruppe'),
  },
};
TREATY_WORDS.nn = {
  ...TREATY_WORDS.nb!,
  sign: list('underteikna|underteikna|signert|inngått|inngjekk|slutta'),
  notDone: list('ikkje|aldri|skulle|ville'),
  denounce: list('oppsagt|sa opp|oppseiing|broten|braut'),
};

/** The treaty words of a language, or undefined (English's are in study/treaties.ts). */
export function treatyWords(tag: string): TreatyWords | undefined {
  const words = TREATY_WORDS[baseLanguage(tag)];
  return words && { placeAdjective: false, ...words };
}
