/**
 * Dates as a sentence writes them, and the year a narrative gives a date written without one.
 *
 * `rawDatesIn` reads one sentence: chrono-node's parse (English casual, or another language's strict locale),
 * the language's month table for forms chrono leaves, and bare years and year ranges. A date keeps the year
 * only when the sentence writes it. Not dates: numbers that are amounts or measurements ("100,000 men",
 * "1800 Metern"), a month word inside a name ("Theresa May", "Ernst August Köstring", "the May Coup"), and a
 * day chrono invents ("the end of July 1939" is July, not July 31).
 *
 * `bookDates` gives every date of the book its year: written, or read from the narrative (a day or month
 * without a year, "On November 28, …"). The narrative's years are its anchors: dates that write their year,
 * and bare years used as time adverbials ("In 1925, …"; not "the 1932 pact", "his 1940 book", "(1939)").
 * A yearless date takes, in order: the year of a date later in the same sentence ("September 24, October 2
 * and October 3, 1939"); the last anchor before it in its section, checked against the next one (December,
 * then "January 7" rolls into the next year when the next anchor says so); the year in the section's
 * heading; the next anchor in the section; the chapter's anchors around it. Where those neighbours disagree
 * the year is marked uncertain; with no anchor at all the date is left out, not guessed.
 */
import { createRequire } from 'node:module';
import escape from 'escape-string-regexp';
import * as chronoEn from 'chrono-node/en';
import type { Book, TimelineEvent } from '../model/index.js';
import { memoize } from '../util/memo.js';
import { baseLanguage, monthNames, recursYearly, WIDE_WRITING } from '../util/language.js';

/** A point in time as written: the parts the text gives. */
export interface DateParts {
  year?: number;
  month?: number;
  day?: number;
}

export interface RawDate {
  start: DateParts;
  end?: DateParts;
  precision: TimelineEvent['precision'];
  /** The date as the text writes it. */
  label: string;
  /** Offset of the date in its sentence. */
  index: number;
  /** A year (or a date with its year) that sets the narrative's time: a full date, or "in 1925". */
  anchor: boolean;
  /** A date the timeline shows: full dates, and years used as time adverbials (not "his 1940 book"). */
  event: boolean;
  /**
   * Years from the narrative's year, for a year the sentence names only by the one before ("In the same year",
   * 0; "The following year", 1): the date has no year of its own, and takes the narrative's plus this.
   */
  yearOffset?: number;
}

/**
 * chrono's casual English parsers without the relative durations ("two weeks after 3 March 1918", "within
 * a year", "three days ago"): the timeline dates what the text writes out ("3 March 1918" there), not
 * arithmetic the text leaves to the reader. Their patterns are also two thirds of chrono's first-use cost
 * (~0.15 s of a cold build). Matched by class name: if a later chrono renames them they are kept (slower,
 * dated as chrono dates them), never lost.
 */
const RELATIVE_DURATIONS = new Set([
  'ENTimeUnitWithinFormatParser',
  'ENTimeUnitAgoFormatParser',
  'ENTimeUnitLaterFormatParser',
  'ENTimeUnitCasualRelativeFormatParser',
]);
const chrono = (() => {
  const configuration = chronoEn.configuration.createCasualConfiguration(false);
  configuration.parsers = configuration.parsers.filter((parser) => !RELATIVE_DURATIONS.has(parser.constructor.name));
  return new chronoEn.Chrono(configuration);
})();

/** Languages chrono-node has a locale for (besides English). */
const CHRONO_LOCALES = new Set(['de', 'fr', 'nl', 'es', 'pt', 'it', 'sv', 'fi', 'ru', 'uk', 'ja', 'zh']);
interface DateParser {
  parse: typeof chrono.parse;
}
const require = createRequire(import.meta.url);
const parsers = new Map<string, DateParser | undefined>();
/** chrono's strict parser for a language (no casual words such as "heute"), or none. */
function parserFor(language: string): DateParser | undefined {
  if (language === 'en') return chrono;
  if (!parsers.has(language)) {
    let parser: DateParser | undefined;
    if (CHRONO_LOCALES.has(language)) {
      try {
        parser = (require(`chrono-node/${language}`) as { strict: DateParser }).strict;
      } catch {
        parser = undefined;
      }
    }
    parsers.set(language, parser);
  }
  return parsers.get(language);
}

const monthPatterns = new Map<string, RegExp | undefined>();
/** Day–month–year, day–month and month–year in a language's month names ("1. november 2009", "Mai 1932"). */
function monthPattern(language: string): RegExp | undefined {
  if (!monthPatterns.has(language)) {
    const months = monthNames(language);
    const names = months?.flatMap((m) => m.split('|')).join('|');
    monthPatterns.set(
      language,
      names
        ? new RegExp(
            // "23 de agosto", Catalan "23 d’agost" and "23 de març".
            String.raw`(?<![\p{L}\d.])(?:(\d{1,2})\.?\s+(?:de\s+|d['’]\s*)?)?(${names})(?![\p{L}])\.?` +
              String.raw`(?:\s+(?:de\s+)?(\d{3,4})(?![\d.,]\d))?`,
            'giu',
          )
        : undefined,
    );
  }
  return monthPatterns.get(language);
}

/** In other languages (chrono's strict parsers): a word of three letters or more, or a year. */
const WRITTEN_OUT = /\p{L}{3,}|\b\d{4}\b/u;
const EN_MONTH = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\b/;
const MONTH_OR_YEAR = new RegExp(`${EN_MONTH.source}|\\b\\d{4}\\b`);

/** Measurements and head counts in other languages ("1800 Metern", "1500 Einwohner"), either case. */
const UNITS = [
  'm',
  'cm',
  'mm',
  'kg',
  'ha',
  'ft',
  'meter',
  'metern',
  'metres',
  'mètres',
  'metros',
  'einwohner',
  'inwoners',
  'innbyggere',
  'invånare',
  'habitants',
  'habitantes',
  'menschen',
  'mense',
  'mensen',
  'personen',
  'personer',
  'soldaten',
  'tonnen',
]
  .map((u) => `[${u[0]}${u[0]!.toUpperCase()}]${u.slice(1)}`)
  .join('|');

/** Bare years and year ranges: 1000–2099, not part of a larger number, not a quantity. */
const YEAR = new RegExp(
  String.raw`(?<![\d,.])\b(1\d{3}|20\d{2})(?:\s*[–-]\s*(\d{4}|\d{2}))?\b(?![,.]\d)` +
    String.raw`(?!\s*(?:%|km|kilometres|kilometers|miles|men|people|tons|tonnes|soldiers|troops)\b)` +
    // "1200 BC": the timeline has no years before the common era.
    String.raw`(?!\s*(?:BC|BCE|B\.C\.|v\.\s?Chr\.|av\.\s?J\.-C\.)(?![\p{L}]))` +
    // "Around 1000 of these companies": a share of something, not a year.
    String.raw`(?!\s+of\s+(?:these|those|them|the|its|their|which|whom)\b)` +
    // "1930年代", "1930년대": a decade, as "the 1930s" (which the boundary above leaves out) is.
    String.raw`(?!\s*(?:年代|년대))` +
    // Measurements and head counts in other languages ("1800 Metern", "1500 Einwohner", "2000 inwoners").
    String.raw`(?!\s*(?:${UNITS})(?!\p{L}))`,
  'gu',
);

/**
 * Words before a year that make it the time of what the sentence tells ("in 1925", "by early 1921", "since
 * the summer of 1940"), per language; a year after anything else ("the 1932 pact", "his 1940 book") only
 * qualifies a name. Languages without a list: a year not after an article or possessive is taken as a time.
 */
const TIME_WORDS: Record<string, string> = {
  en:
    String.raw`in|by|during|since|until|till|from|after|before|around|throughout|circa|early|late|mid|` +
    String.raw`spring|summer|autumn|fall|winter|end|beginning|start|middle|course|half|and|or|to|as|between`,
  de:
    String.raw`im|in|seit|bis|ab|von|vom|nach|vor|um|anfang|ende|mitte|frühjahr|sommer|herbst|winter|jahr|` +
    String.raw`jahre|und|oder|zwischen`,
  nl: String.raw`in|sinds|tot|vanaf|van|na|voor|rond|begin|eind|midden|en|of|tussen`,
  af: String.raw`in|sedert|sedt|tot|vanaf|van|na|voor|teen|rondom|begin|einde|middel|en|of|tussen`,
  fr: String.raw`en|depuis|jusqu'en|dès|avant|après|vers|début|fin|mi|et|ou|entre`,
  es: String.raw`en|desde|hasta|antes|después|hacia|a|principios|finales|mediados|y|o|entre`,
  nb: String.raw`i|fra|til|siden|etter|før|rundt|og|eller|mellom`,
  // "Nel 1939", "W 1569 roku", "В 1385 году", "Vuonna 1918": a sentence may open with the preposition, which
  // is then capitalised like a name before the year ("Aims 1934") and needs the list to be read as a time.
  it:
    String.raw`nel|in|dal|dalla|fino\s+al|fino\s+a|sino\s+al|entro\s+il|entro|prima\s+del|dopo\s+il|verso\s+il|` +
    String.raw`intorno\s+al|inizio|fine|metà|primavera|estate|autunno|inverno|tra\s+il|fra\s+il|al|e|o`,
  pt: String.raw`em|desde|até|antes\s+de|depois\s+de|após|início\s+de|fim\s+de|meados\s+de|entre|e|ou|a`,
  ca: String.raw`el|l['’]any|en|des\s+de|des\s+del|fins\s+al|fins\s+a|abans\s+de|després\s+de|cap\s+a|entre|al|i|o|a`,
  pl:
    String.raw`w|we|od|do|po|przed|około|ok\.|między|pomiędzy|początku|końcu|połowie|przełomie|latem|zimą|` +
    String.raw`roku|i|lub|a`,
  ru: String.raw`в|во|с|со|до|по|после|перед|около|между|к|начале|конце|середине|весной|летом|осенью|зимой|и|или|а`,
  uk: String.raw`в|у|з|із|зі|до|по|після|перед|близько|між|початку|кінці|середині|навесні|влітку|восени|і|й|та|або|а`,
  cs: String.raw`v|ve|od|do|po|před|kolem|mezi|roku|počátkem|koncem|polovině|jaře|létě|podzim|zimě|a|nebo`,
  sv: String.raw`i|år|sedan|från|till|efter|före|omkring|kring|mellan|början\s+av|slutet\s+av|mitten\s+av|och|eller`,
  da: String.raw`i|år|siden|fra|til|indtil|efter|før|omkring|mellem|begyndelsen\s+af|slutningen\s+af|og|eller`,
  fi: String.raw`vuonna|vuodesta|vuoteen|vuoden|ja|tai`,
};
const ARTICLES =
  /\b(?:the|a|an|his|her|its|their|der|die|das|des|dem|den|ein|eine|einer|le|la|les|el|los|het|de|die)\s*$/i;
const timeWordPatterns = new Map<string, RegExp>();
function timeWordBefore(language: string): RegExp | undefined {
  const words = TIME_WORDS[language];
  if (!words) return undefined;
  if (!timeWordPatterns.has(language))
    timeWordPatterns.set(
      language,
      new RegExp(String.raw`(?:^|[^\p{L}])(?:${words})(?:\s+of)?(?:\s+the)?[\s-]*$`, 'iu'),
    );
  return timeWordPatterns.get(language);
}

const SEASON = String.raw`(?:early|late|mid|spring|summer|autumn|fall|winter|end|beginning|start|middle|course|half)`;
const ATTRIBUTIVE_OF = new RegExp(
  String.raw`(?:^|[^\p{L}])(?!${SEASON}\b)(?!(?:in|by|during|since|until|from|after|before)\b)\p{L}+["'”’)]?\s+of\s+` +
    String.raw`(?:the\s+)?(?:${SEASON}[\s-]+(?:of\s+)?)?$`,
  'iu',
);

/** Unclosed brackets before `index`: a date in brackets glosses something; it is not the narrative's time. */
function inBrackets(sentence: string, index: number): boolean {
  const before = sentence.slice(0, index);
  return (before.match(/\(/g)?.length ?? 0) > (before.match(/\)/g)?.length ?? 0);
}

/** A year that tells when something happened (not one that qualifies a name, or glosses in brackets). */
function isTimeYear(sentence: string, index: number, length: number, language: string): boolean {
  if (inBrackets(sentence, index)) return false;
  const before = sentence.slice(Math.max(0, index - 40), index);
  const after = sentence.slice(index + length);
  const pattern = timeWordBefore(language);
  // "Vuonna 1918 Suomessa…", "W 1569 roku…": after a preposition of time the year is a time whatever follows
  // (a name may follow it in a language that puts the subject after the time; English and German keep theirs).
  if (pattern && language !== 'en' && language !== 'de' && pattern.test(before))
    return !approximateCount(before, after, language);
  // "the 1932 Soviet–Finnish Non-Aggression Pact", "Aims 1934" in a title: a year beside a name.
  if (/^\s+\p{Lu}/u.test(after) && !/^\s+(?:I|A)\b/u.test(after)) return false;
  // "the treaties of the autumn of 1939", "the Pact of 1939": the year qualifies the noun before "of".
  if (language === 'en' && ATTRIBUTIVE_OF.test(before)) return false;
  if (pattern && (pattern.test(before) || (index === 0 && /^\s*,/.test(after)))) return true;
  if (language === 'de') return germanBareYear(before, after);
  if (pattern) return false;
  return !ARTICLES.test(before) && !/\p{Lu}[\p{L}]*\s+$/u.test(before);
}

/**
 * "ok. 1400 gatunków", "около 1400 видов": after a word of approximation a number is a count, unless the word
 * for "year" follows it ("około 1400 roku", "около 1400 года"), as these languages write a year there.
 */
const APPROXIMATE: Record<string, [RegExp, RegExp]> = {
  pl: [/(?:^|[^\p{L}])(?:około|ok\.)\s*$/iu, /^\s*(?:roku|r\.)/u],
  ru: [/(?:^|[^\p{L}])(?:около|примерно)\s*$/iu, /^\s*(?:года|году|г\.)/u],
  uk: [/(?:^|[^\p{L}])(?:близько|приблизно)\s*$/iu, /^\s*(?:року|р\.)/u],
  cs: [/(?:^|[^\p{L}])(?:kolem|asi)\s*$/iu, /^\s*(?:roku|r\.)/u],
};
function approximateCount(before: string, after: string, language: string): boolean {
  const words = APPROXIMATE[language];
  // A word follows the number (a noun: "gatunków", "видов"), not punctuation ("ok. 1400, a …" is a year).
  return !!words && words[0].test(before) && /^\s+\p{L}/u.test(after) && !words[1].test(after);
}

/**
 * German writes a year without a preposition in the middle of a clause ("wurde BBDO 1956 von … gegründet",
 * "die 1919 von … gegründete Firma"). German capitalises its nouns, so a number followed by a lower-case word
 * counts nothing ("1500 Einwohner" is a count): it is a year when no article or word of quantity stands
 * before it, and a noun or name before it ("die Firma 1956") follows a lower-case word (not a title of several
 * capitalised words: "Das Buch Aims 1934").
 */
/**
 * A finite verb right after a number that opens a German sentence (verb second): a common strong or auxiliary
 * form, or a weak one ("gründete", "verfilmte", "wird", "erhielt"); not an adjective ("neue", "verschiedene",
 * "erste").
 */
const GERMAN_FRONTED_VERB = new RegExp(
  String.raw`^\s+(?!(?:erste|ersten|letzte|letzten|gute|guten|beste|besten|weitere|weiteren|zweite|dritte|halbe|` +
    String.raw`rund|etwa|knapp|fast|über|mehr|weniger)\b)` +
    String.raw`(?:wurde|wurden|war|waren|ist|sind|wird|werden|hat|hatte|hatten|kam|kamen|nahm|gab|ging|zog|trat|` +
    String.raw`fand|begann|schrieb|hielt|blieb|bekam|sah|lief|fiel|starb|gewann|verließ|entstand|erschien|` +
    String.raw`\p{Ll}+(?:te|ten|t|st))\b`,
  'u',
);
const GERMAN_NOT_BEFORE_YEAR = new RegExp(
  String.raw`^(?:der|die|das|des|dem|den|ein|eine|einer|eines|einem|einen|mit|über|rund|etwa|ca\.|knapp|fast|` +
    String.raw`als|je|pro|insgesamt|nr\.|seite|s\.)$`,
  'i',
);
function germanBareYear(before: string, after: string): boolean {
  if (!/^(?:\s+\p{Ll}|\s*[,.;:)])/u.test(after)) return false;
  // "2007 verfilmte er …": a year that opens the sentence before its verb is the time of the clause; not
  // "2000 neue Wohnungen …", a count before an adjective.
  if (!before.trim()) return GERMAN_FRONTED_VERB.test(after);
  const words = before.trim().split(/\s+/);
  const [last, previous] = [words.at(-1) ?? '', words.at(-2) ?? ''];
  if (GERMAN_NOT_BEFORE_YEAR.test(last)) return false;
  return /^\p{Ll}/u.test(last) || (/^\p{Lu}/u.test(last) && /^\p{Ll}/u.test(previous));
}

/** Temporal words before a month word; any other capitalised word makes the month part of a name. */
const BEFORE_MONTH_OK = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:On|In|By|Since|Until|From|After|Before|During|Early|Late|Mid|End|Between|Through|` +
    String.raw`Throughout|Around|Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Of|And|Or|To)[\s,-]*$`,
  'u',
);

/**
 * "Theresa May", "Ernst August Köstring", "the May Coup": a month word that is part of a name. What the parser
 * took in before the date ("on 23 August 1939") is read as such: a day before the month is a date's, whatever
 * stands before it ("signed in Moscow on 23 August 1939").
 */
function monthInName(sentence: string, index: number, text: string): boolean {
  const lead = /^(?:\p{Ll}+\s+)*/u.exec(text)![0];
  if (/^\d/.test(text.slice(lead.length))) return false;
  const at = index + lead.length;
  const before = sentence.slice(Math.max(0, at - 30), at);
  if (/\p{Lu}[\p{Ll}'’]+\s+$/u.test(before) && !BEFORE_MONTH_OK.test(before) && at > 0) return true;
  const after = sentence.slice(index + text.length);
  // A month word alone, then a capitalised word: "August Köstring", "May Coup".
  return !/\d/.test(text) && /^\s+\p{Lu}/u.test(after) && !/^\s+(?:\d|of\b)/u.test(after);
}

/**
 * Languages that write their months in lower case (not English, German, Afrikaans, Turkish, Indonesian …,
 * which capitalise them).
 */
const LOWER_CASE_MONTHS = new Set(
  'fr es it pt ca gl nl pl ru uk be cs sk sv da nb nn no fi hu ro hr sr bs sl lt lv et bg el'.split(' '),
);

/**
 * "Konstytucja 3 Maja", "Plaza de Mayo", "rue du 4-Septembre": in a language that writes its months in lower
 * case, a month word with a capital inside a sentence is part of a name.
 */
function capitalisedMonth(sentence: string, index: number, text: string, language: string): boolean {
  // A date with its year is a date, however it capitalises its month ("el 5 de Mayo de 1862").
  if (!LOWER_CASE_MONTHS.has(language) || /\d{3,4}/.test(text)) return false;
  for (const m of text.matchAll(/\p{L}+/gu)) {
    if (!isMonthWord(m[0], language)) continue;
    if (!/^\p{Lu}/u.test(m[0])) return false;
    const before = sentence.slice(0, index + m.index).trimEnd();
    return before.length > 0 && !/[.!?…:]["'”»)]*$/u.test(before);
  }
  return false;
}

/** Words joining two days of one month: "June 20 and 21st", "20 und 21. Juni", "les 20 et 21 juin". */
const DAY_JOIN = String.raw`\s*[–—−]\s*|\s+(?:and|und|et|y|e|en|och|og|ja|i|и|&)\s+`;
const DAY_PAIR = new RegExp(
  String.raw`(?<![\p{N}.,])(\d{1,2})((?:st|nd|rd|th)?\.?)(${DAY_JOIN})(\d{1,2})` +
    String.raw`(?=(?:st|nd|rd|th|er|e)?\.?(?:\s+(?:de\s+)?(\p{L}+)|\s*(?:[,;:)]|$)))`,
  'gu',
);

const EN_MONTH_WORD = new RegExp(`^${EN_MONTH.source}$`);
const monthWords = new Map<string, ReadonlySet<string>>();
/** Whether a word is a month's name in a language ("June", "Juni", "juin"). */
function isMonthWord(word: string, language: string): boolean {
  if (language === 'en') return EN_MONTH_WORD.test(word);
  let words = monthWords.get(language);
  if (!words) monthWords.set(language, (words = new Set(monthNames(language)?.flatMap((m) => m.split('|')))));
  return words.has(word.toLowerCase());
}

/** A month's name that ends the text before a day ("June 20 and 21st": "June "). */
const monthBefore = (before: string, language: string) =>
  isMonthWord(/(\p{L}+)\.?\s+$/u.exec(before)?.[1] ?? '', language);

/**
 * The sentence as chrono is given it: two days of one month joined by a dash or an "and" are written with a
 * hyphen, which chrono reads as a range ("June 20 and 21st" → June 20–21, "20 et 21 juin" → 20–21 June), in a
 * text of the same length (so chrono's indexes are the sentence's). Only before a month or punctuation: "June
 * 18 and 19 soldiers" keeps its count.
 */
function joinedDays(sentence: string, language: string): string {
  if (!/\d\.?(?:\s*[–—−]|\s+\S{1,3}\s+)\d/u.test(sentence)) return sentence;
  const pair = (all: string, d1: string, dot: string, join: string, d2: string, word: unknown, at: number) => {
    // Before a month ("20 et 21 juin"), or after one when punctuation follows ("June 20 and 21st,"); not
    // "Chapters 3 and 4, May 1920".
    if (typeof word === 'string' ? !isMonthWord(word, language) : !monthBefore(sentence.slice(0, at), language))
      return all;
    const half = Math.floor((join.length - 1) / 2);
    return d1 + dot + ' '.repeat(half) + '-' + ' '.repeat(join.length - 1 - half) + d2;
  };
  return sentence.replace(DAY_PAIR, pair as (substring: string, ...args: unknown[]) => string);
}

function chronoDates(sentence: string, language: string): RawDate[] {
  const out: RawDate[] = [];
  const ref = new Date(Date.UTC(2000, 0, 1));
  const read = joinedDays(sentence, language);
  for (const r of parserFor(language)?.parse(read, ref, { forwardDate: false }) ?? []) {
    // The label as the sentence writes it ("June 20 and 21st").
    const text = sentence.slice(r.index, r.index + r.text.length);
    // Only dates the text writes out: a month name or a year ("a few months later" is not a date), never one
    // counted from today ("de trois mois" is no April).
    if (!(language === 'en' ? MONTH_OR_YEAR : WRITTEN_OUT).test(r.text)) continue;
    if ([...r.tags()].some((tag) => /relative/i.test(tag))) continue;
    const s = r.start;
    if (!s.isCertain('month')) continue;
    if (monthInName(sentence, r.index, text) || capitalisedMonth(sentence, r.index, text, language)) continue;
    const yearKnown = s.isCertain('year');
    // A day only when the text writes one ("the end of July 1939" is July).
    const dayWritten = /(?<!\d)\d{1,2}(?!\d)/.test(r.text.replace(/\b\d{4}\b/g, ''));
    const day = s.isCertain('day') && dayWritten ? s.get('day')! : undefined;
    const start: DateParts = { year: yearKnown ? s.get('year')! : undefined, month: s.get('month')!, day };
    let end: DateParts | undefined;
    if (r.end && r.end.isCertain('month')) {
      end = {
        year: r.end.isCertain('year') ? r.end.get('year')! : start.year,
        month: r.end.get('month')!,
        day: r.end.isCertain('day') && day !== undefined ? r.end.get('day')! : undefined,
      };
      // "May 11 – September 16, 1939": the start takes the end's year.
      if (start.year === undefined && r.end.isCertain('year')) start.year = end.year;
    }
    out.push({
      start,
      end,
      precision: day ? 'day' : 'month',
      label: text,
      index: r.index,
      anchor: start.year !== undefined,
      event: !boundBefore(sentence, r.index),
    });
  }
  return out;
}

function tableDates(sentence: string, language: string, taken: [number, number][]): RawDate[] {
  const out: RawDate[] = [];
  const months = monthNames(language);
  const pattern = monthPattern(language);
  if (!months || !pattern) return out;
  for (const m of sentence.matchAll(pattern)) {
    const at = m.index;
    if (taken.some(([a, b]) => at < b && at + m[0].length > a)) continue;
    if (!m[3] && !m[1]) continue;
    if (m[1] && (Number(m[1]) < 1 || Number(m[1]) > 31)) continue;
    if (capitalisedMonth(sentence, at, m[0], language)) continue;
    const month = months.findIndex((names) => names.split('|').includes(m[2]!.toLowerCase())) + 1;
    const year = m[3] ? Number(m[3]) : undefined;
    const day = m[1] ? Number(m[1]) : undefined;
    // "12-15 maja 1926", "12.–15. mai": a span of days of one month, its first day before a dash.
    const first = day === undefined ? null : /(?<![\d.,])(\d{1,2})\.?\s*[–-]\s*$/.exec(sentence.slice(0, at));
    const from = first && Number(first[1]) >= 1 && Number(first[1]) < day! ? first : null;
    const index = from ? from.index : at;
    out.push({
      start: { year, month, day: from ? Number(from[1]) : day },
      end: from ? { year, month, day } : undefined,
      precision: day !== undefined ? 'day' : 'month',
      label: from ? sentence.slice(from.index, at) + m[0].trim() : m[0].trim(),
      index,
      anchor: year !== undefined,
      event: !boundBefore(sentence, index),
    });
  }
  return out;
}

/**
 * "extended … until August 1, 1942", "bis zum Jahr 2014": a date after "until" bounds a state of things (the
 * narrative's time all the same), not an event.
 */
const UNTIL_BEFORE = new RegExp(
  String.raw`(?<!\p{L})(?:until|till|bis(?:\s+(?:zum|zur|ins|in\s+das)(?:\s+jahre?)?)?|` +
    String.raw`jusqu['’]en|jusqu['’]au|hasta|al|fino\s+al|fino\s+a|sino\s+al|até|fins\s+al|fins\s+a|aż\s+do|do|` +
    String.raw`вплоть\s+до|до|по|tills|fram\s+till|till|indtil|až\s+do|vuoteen)\s+$`,
  'iu',
);
function boundBefore(sentence: string, at: number): boolean {
  return UNTIL_BEFORE.test(sentence.slice(Math.max(0, at - 20), at));
}
/**
 * A year after "since" bounds a state too ("for the first time since 1991", "Seit 2014 versucht Mozilla …");
 * a day or a month after it marks when the state began ("who has reigned since 6 February 1952", "der seit
 * März 2004 das Haus führt"), an event.
 */
const SINCE_BEFORE = new RegExp(
  String.raw`(?<!\p{L})(?:since|ever since|seit|seitdem|sedert|sinds|siden|sidan|sedan|depuis|desde|dal|dalla|` +
    String.raw`des\s+de|des\s+del|od|с|со|з|із|від|vuodesta)\s+$`,
  'iu',
);

function yearDates(sentence: string, language: string, taken: [number, number][]): RawDate[] {
  const out: RawDate[] = [];
  for (const m of sentence.matchAll(YEAR)) {
    const at = m.index;
    if (taken.some(([a, b]) => at >= a && at < b)) continue;
    const start = Number(m[1]);
    let end: number | undefined;
    if (m[2]) {
      end = m[2].length === 2 ? Number(String(start).slice(0, 2) + m[2]) : Number(m[2]);
      if (end <= start || end - start > 100) end = undefined;
    }
    const time = isTimeYear(sentence, at, m[0].length, language);
    // "until 1989", "from 1929 onwards", "from 1933 until today": the bound of a state of things, not an event
    // (still the narrative's time).
    const bound =
      boundBefore(sentence, at) ||
      SINCE_BEFORE.test(sentence.slice(Math.max(0, at - 12), at)) ||
      /^\s+(?:onwards|onward|(?:until|till|to)\s+(?:today|now|the present(?: day)?|this day))\b/i.test(
        sentence.slice(at + m[0].length),
      );
    out.push({
      start: { year: start },
      end: end ? { year: end } : undefined,
      precision: 'year',
      label: m[0],
      index: at,
      anchor: time && !end,
      event: time && !bound,
    });
  }
  return out;
}

/** "September 141939": a day and a year run together (a typing slip) are read as both. */
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const RUN_TOGETHER = new RegExp(String.raw`\b(${MONTH_NAMES.join('|')}) (\d{1,2})((?:1[5-9]|20)\d{2})\b`, 'g');

function runTogether(sentence: string): RawDate[] {
  return [...sentence.matchAll(RUN_TOGETHER)].map((m) => ({
    start: { year: Number(m[3]), month: MONTH_NAMES.indexOf(m[1]!) + 1, day: Number(m[2]) },
    precision: 'day' as const,
    label: m[0],
    index: m.index,
    anchor: true,
    event: true,
  }));
}

/** Every date a sentence writes, years only where written. Remembered per sentence. */
export const rawDatesIn: (sentence: string, language?: string) => readonly Readonly<RawDate>[] = memoize(
  (sentence: string, tag = 'en') => parseRaw(sentence, baseLanguage(tag)),
  (sentence, language) => `${language ?? 'en'}\u0000${sentence}`,
  50_000,
  { name: 'dates', persist: true },
);

function parseRaw(sentence: string, language: string): RawDate[] {
  const dates = parseWritten(sentence, language);
  const relative = relativeYear(sentence, language);
  if (!relative || dates.some((d) => d.index < relative.index + relative.label.length)) return dates;
  // "Im selben Jahr wurde der Film … für die Oscar-Verleihung 2008 ausgewählt": the opening names the year of
  // what the sentence tells; a bare year later in it without a word of time before it qualifies a noun.
  const time = timeWordBefore(language);
  const demoted = dates.map((d) =>
    d.precision === 'year' &&
    d.start.month === undefined &&
    !time?.test(sentence.slice(Math.max(0, d.index - 40), d.index))
      ? { ...d, anchor: false, event: false }
      : d,
  );
  return [relative, ...demoted];
}

/**
 * Phrases that open a sentence and name its year by the narrative's ("In the same year", "Im selben Jahr", "La
 * même année", "L'année suivante", "同年"), each with the years it lies from that year. Per language; a language
 * without a table has none. Only at the opening (after a conjunction at most): "in the same year as the
 * treaty" compares, it does not date.
 */
const RELATIVE_YEARS: Record<string, [string, number][]> = {
  en: [
    ['in the same year', 0],
    ['the same year', 0],
    ['that same year', 0],
    ['in that same year', 0],
    ['that year', 0],
    ['in that year', 0],
    ['later that year', 0],
    ['earlier that year', 0],
    ['later in the year', 0],
    ['the following year', 1],
    ['the next year', 1],
    ['in the following year', 1],
    ['a year later', 1],
    ['the previous year', -1],
    ['the year before', -1],
    ['a year earlier', -1],
  ],
  de: [
    ['im selben Jahr', 0],
    ['im gleichen Jahr', 0],
    ['in demselben Jahr', 0],
    ['im demselben Jahr', 0],
    ['noch im selben Jahr', 0],
    ['noch im gleichen Jahr', 0],
    ['in diesem Jahr', 0],
    ['im folgenden Jahr', 1],
    ['im Jahr darauf', 1],
    ['im darauffolgenden Jahr', 1],
    ['ein Jahr später', 1],
    ['im Vorjahr', -1],
    ['ein Jahr zuvor', -1],
  ],
  fr: [
    ['la même année', 0],
    ['cette même année', 0],
    ['cette année-là', 0],
    ['en cette même année', 0],
    ["l'année suivante", 1],
    ['l’année suivante', 1],
    ["l'année d'après", 1],
    ['un an plus tard', 1],
    ["l'année précédente", -1],
    ['l’année précédente', -1],
  ],
  es: [
    ['ese mismo año', 0],
    ['el mismo año', 0],
    ['en el mismo año', 0],
    ['ese año', 0],
    ['en ese año', 0],
    ['al año siguiente', 1],
    ['el año siguiente', 1],
    ['un año después', 1],
    ['el año anterior', -1],
  ],
  it: [
    ['lo stesso anno', 0],
    ['nello stesso anno', 0],
    ['quello stesso anno', 0],
    ["in quell'anno", 0],
    ["l'anno successivo", 1],
    ["l'anno seguente", 1],
    ["l'anno dopo", 1],
    ["l'anno precedente", -1],
  ],
  pt: [
    ['no mesmo ano', 0],
    ['nesse mesmo ano', 0],
    ['naquele ano', 0],
    ['nesse ano', 0],
    ['no ano seguinte', 1],
    ['um ano depois', 1],
    ['no ano anterior', -1],
  ],
  nl: [
    ['hetzelfde jaar', 0],
    ['in hetzelfde jaar', 0],
    ['datzelfde jaar', 0],
    ['in datzelfde jaar', 0],
    ['het jaar daarop', 1],
    ['een jaar later', 1],
    ['het jaar daarvoor', -1],
  ],
  af: [
    ['dieselfde jaar', 0],
    ['in dieselfde jaar', 0],
    ['die volgende jaar', 1],
    ['’n jaar later', 1],
  ],
  sv: [
    ['samma år', 0],
    ['under samma år', 0],
    ['året därpå', 1],
    ['följande år', 1],
  ],
  da: [
    ['samme år', 0],
    ['i samme år', 0],
    ['året efter', 1],
    ['det følgende år', 1],
  ],
  nb: [
    ['samme år', 0],
    ['i samme år', 0],
    ['året etter', 1],
    ['det følgende år', 1],
  ],
  pl: [
    ['w tym samym roku', 0],
    ['tego samego roku', 0],
    ['w tym roku', 0],
    ['w następnym roku', 1],
    ['rok później', 1],
  ],
  ru: [
    ['в том же году', 0],
    ['в этом же году', 0],
    ['в следующем году', 1],
    ['на следующий год', 1],
    ['через год', 1],
  ],
  uk: [
    ['того ж року', 0],
    ['у тому ж році', 0],
    ['в тому ж році', 0],
    ['наступного року', 1],
  ],
  cs: [
    ['téhož roku', 0],
    ['ve stejném roce', 0],
    ['v témže roce', 0],
    ['následujícího roku', 1],
    ['o rok později', 1],
  ],
  fi: [
    ['samana vuonna', 0],
    ['seuraavana vuonna', 1],
  ],
  ca: [
    ['el mateix any', 0],
    ['aquell mateix any', 0],
    ["l'any següent", 1],
  ],
  ja: [
    ['同年', 0],
    ['翌年', 1],
    ['前年', -1],
  ],
  zh: [
    ['同年', 0],
    ['翌年', 1],
    ['次年', 1],
    ['第二年', 1],
  ],
  ko: [
    ['같은 해', 0],
    ['그해', 0],
    ['이듬해', 1],
  ],
};
/** What may stand before the phrase at the opening: a conjunction or "also", then a comma or not. */
const OPENING_WORD =
  String.raw`(?:(?:and|but|also|then|und|auch|dann|doch|aber|jedoch|et|puis|mais|y|pero|e|ed|ma|en|maar|och|` +
  String.raw`men|og|i|ale|и|а|но|ja)\s+)??`;
/**
 * What may not follow the phrase: a comparison or a point it is counted from ("in the same year as the treaty",
 * "the year before the war", "через год после смерти", "el mismo año en que murió") — another year than the
 * narrative's.
 */
const MEASURED_FROM = new RegExp(
  String.raw`^\s*(?:as|than|before|after|since|of|the|a|an|his|her|its|their|wie|als|nach|vor|seit|der|des|` +
    String.raw`que|qu'|en\s+que|de|du|del|della|dello|di|do|da|na|no|после|до|с|od|po|przed|niż|jak|dan|som|kuin)` +
    String.raw`(?![\p{L}])`,
  'iu',
);
/**
 * Scripts that write a phrase without spaces or with its particles attached ("그해에"): the phrase ends anywhere,
 * but not inside "同年代" (the same generation), "同年齢" or "同年輩" (the same age), "前年比" (year on year).
 */
const WIDE = new RegExp(`[${WIDE_WRITING}\\p{Script=Hangul}]`, 'u');
const AFTER_WIDE = '(?![代齢齡比輩])';
/** A phrase of letters ends where no letter or digit follows ("that year's" is no date). */
const AFTER_WORD = String.raw`(?![\p{L}\p{N}'’])`;

/**
 * Per language, one pattern of its phrases at a sentence's opening (longest first, after an opening word only
 * where none opens the sentence itself: "I samme år" is the phrase, not "i" and "samme år"), and each phrase's
 * offset by its lower-case text.
 */
const relativeYearPatterns = new Map<string, { pattern: RegExp; offsets: ReadonlyMap<string, number> }>();

/** The phrase opening `sentence` that names its year by the narrative's, if any (see `RELATIVE_YEARS`). */
function relativeYear(sentence: string, language: string): RawDate | undefined {
  const table = RELATIVE_YEARS[language];
  if (!table) return undefined;
  let found = relativeYearPatterns.get(language);
  if (!found) {
    const phrases = [...table]
      .sort((a, b) => b[0].length - a[0].length)
      .map(([phrase]) => `${escape(phrase)}${WIDE.test(phrase) ? AFTER_WIDE : AFTER_WORD}`);
    found = {
      pattern: new RegExp(String.raw`^\s*${OPENING_WORD}(${phrases.join('|')})`, 'iu'),
      offsets: new Map(table.map(([phrase, offset]) => [phrase.toLowerCase(), offset])),
    };
    relativeYearPatterns.set(language, found);
  }
  const m = found.pattern.exec(sentence);
  if (!m || MEASURED_FROM.test(sentence.slice(m[0].length))) return undefined;
  const label = m[1]!;
  return {
    start: {},
    precision: 'year',
    label,
    index: m[0].length - label.length,
    anchor: false,
    event: true,
    yearOffset: found.offsets.get(label.toLowerCase()),
  };
}

function parseWritten(sentence: string, language: string): RawDate[] {
  const out = language === 'en' ? runTogether(sentence) : [];
  const taken: [number, number][] = out.map((d) => [d.index, d.index + d.label.length]);
  const overlaps = (d: RawDate) => taken.some(([a, b]) => d.index < b && d.index + d.label.length > a);
  out.push(...chronoDates(sentence, language).filter((d) => !overlaps(d)));
  taken.splice(0, taken.length, ...out.map((d): [number, number] => [d.index, d.index + d.label.length]));
  const table = tableDates(sentence, language, taken);
  const dated = [...out, ...table].map((d) => earlyYearAfter(sentence, d));
  taken.splice(0, taken.length, ...dated.map((d): [number, number] => [d.index, d.index + d.label.length]));
  const years = yearDates(sentence, language, taken);
  taken.push(...years.map((d): [number, number] => [d.index, d.index + d.label.length]));
  return [...dated, ...years, ...earlyYears(sentence, language, taken)].sort((a, b) => a.index - b.index);
}

/** An era after a year: "AD", "CE", "n. Chr.", "apr. J.-C.", "d.C.". */
const ERA = String.raw`(?:AD|A\.D\.|CE|n\.\s?Chr\.|apr\.\s?J\.-C\.|d\.\s?C\.)`;
/** A year of three digits right after a day and month: "On 25 December 800, …", "am 25. Dezember 800." */
const EARLY_YEAR_AFTER = new RegExp(String.raw`^,?\s+([1-9]\d{2})(?:\s+${ERA})?(?=\s*(?:[,.;:)]|$))`, 'u');

/** A day or a month chrono read without a year, when a year of three digits follows it (chrono reads four). */
function earlyYearAfter(sentence: string, d: RawDate): RawDate {
  if (d.start.year !== undefined || d.end) return d;
  const m = EARLY_YEAR_AFTER.exec(sentence.slice(d.index + d.label.length));
  if (!m) return d;
  return { ...d, start: { ...d.start, year: Number(m[1]) }, label: d.label + m[0], anchor: true };
}

/**
 * Years of three digits, only where the text shows they are years (a number of three digits is far more often a
 * count: "from 300 to 450", "Around 300 Roman soldiers", "Every year 500 pilgrims", "Entre 300 et 400"):
 * - after "the year", "im Jahr", "l'an" …: "in the year 800", "im Jahr 962 gekrönt";
 * - a range's start whose end is a year of four digits: "from 843 to 1806";
 * - after "in", "since", "until", "after", "before", "during" (the language's words of time) and before
 *   punctuation or the end: "which was divided in 843.", "um 800.";
 * - opening the sentence: "In 962 Otto I was crowned", "Around 260, the Germanic peoples broke through …".
 * Never before "BC" (the timeline has no years before the common era).
 */
const YEAR_WORD_BEFORE = new RegExp(
  String.raw`(?:\bthe\s+year|\bim\s+jahre?|\bin\s+het\s+jaar|\bl['’]an(?:née)?|\bel\s+año|\bnell['’]anno|` +
    String.raw`\bno\s+ano|\bi\s+året)\s+$`,
  'iu',
);
const EARLY_YEAR = /(?<![\p{L}\p{N},.])([1-9]\d{2})(?![\p{N}]|[,.]\p{N})/gu;
const BEFORE_COMMON_ERA = /^\s*(?:BC|BCE|B\.C\.|B\.C\.E\.|v\.\s?Chr\.|av\.\s?J\.-C\.|a\.\s?C\.|f\.Kr\.|p\.n\.e\.)/u;
const EN_EARLY_BEFORE = /(?:^|[^\p{L}])(?:in|since|until|till|after|before|during)\s+$/iu;
const RANGE_TO_YEAR = /^\s*(?:[–-]|\s(?:to|until|till|bis|à|tot|al|hasta|a|till|til)\s)\s*\d{4}(?!\d)/u;
function earlyYears(sentence: string, language: string, taken: [number, number][]): RawDate[] {
  const out: RawDate[] = [];
  const english = language === 'en';
  const timeWord = english ? EN_EARLY_BEFORE : timeWordBefore(language);
  const era = new RegExp(String.raw`^\s+${ERA}`, 'u');
  for (const m of sentence.matchAll(EARLY_YEAR)) {
    const at = m.index;
    if (taken.some(([a, b]) => at >= a && at < b) || inBrackets(sentence, at)) continue;
    const before = sentence.slice(Math.max(0, at - 20), at);
    const after = sentence.slice(at + m[0].length);
    if (BEFORE_COMMON_ERA.test(after)) continue;
    const punctuation = /^\s*(?:[,.;:)]|$)/.test(after.replace(era, ''));
    const opening = sentence.slice(0, at).trim();
    const year =
      YEAR_WORD_BEFORE.test(before) ||
      era.test(after) ||
      RANGE_TO_YEAR.test(after) ||
      (!!timeWord?.test(before) &&
        !/\b(?:by|to|and|or|as|between|from|von|de|van|entre|zwischen|bis|und|et|tot|y|à|e|og|och)\s+$/i.test(before) &&
        punctuation) ||
      (english && /^In$/.test(opening) && /^\s+\p{Lu}/u.test(after)) ||
      (english && /^(?:Around|Circa|About|By)$/.test(opening) && /^,/.test(after));
    if (!year) continue;
    const written = era.exec(after)?.[0] ?? '';
    const bound = boundBefore(sentence, at) || SINCE_BEFORE.test(sentence.slice(Math.max(0, at - 12), at));
    out.push({
      start: { year: Number(m[1]) },
      precision: 'year',
      label: m[0] + written,
      index: at,
      anchor: true,
      event: !bound,
    });
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** ISO by precision: YYYY, YYYY-MM or YYYY-MM-DD. */
export function isoOf(parts: DateParts, year = parts.year): string {
  // ISO writes four digits: the year 843 is "0843" (dates sort as text).
  const y = year === undefined ? String(year) : String(year).padStart(4, '0');
  if (parts.month === undefined) return y;
  return parts.day !== undefined ? `${y}-${pad(parts.month)}-${pad(parts.day)}` : `${y}-${pad(parts.month)}`;
}

/** A date with its year: written, or read from the narrative. */
export interface BookDate {
  date: string;
  precision: TimelineEvent['precision'];
  end?: string;
  label: string;
  index: number;
  event: boolean;
  yearFrom: 'text' | 'context';
  uncertain: boolean;
}

/** Month and day as one number, to compare dates within a year (a year alone counts as its start). */
const dayOfYear = (p: DateParts) => (p.month ?? 0) * 32 + (p.day ?? 0);

interface Anchor {
  year: number;
  at: DateParts;
  /** Position in the chapter's reading order, and the section's index in the chapter. */
  order: number;
  section: number;
}
interface Pending {
  raw: Readonly<RawDate>;
  order: number;
  section: number;
  sentenceAnchors: { year: number; at: DateParts; index: number }[];
  out: BookDate[];
  slot: number;
}

/** The single year a heading names ("1939 needs and discussions", "Mid-1941 relations"), if one. */
function headingYear(title: string, language: string): number | undefined {
  const years = new Set(
    rawDatesIn(title, language)
      .filter((d) => d.start.year !== undefined && !d.end)
      .map((d) => d.start.year!),
  );
  return years.size === 1 ? [...years][0] : undefined;
}

/** The year of a yearless date at `p`, from its neighbours; undefined when nothing around it gives one. */
function yearFor(
  p: Pending,
  anchors: Anchor[],
  heading: number | undefined,
): { year: number; uncertain: boolean } | undefined {
  const at = p.raw.start;
  const later = p.sentenceAnchors.find((a) => a.index > p.raw.index && dayOfYear(at) <= dayOfYear(a.at));
  if (later) return { year: later.year, uncertain: false };
  const before = anchors.filter((a) => a.order < p.order);
  const after = anchors.filter((a) => a.order > p.order);
  const inSection = before.filter((a) => a.section === p.section);
  const prevS = inSection.at(-1);
  const nextS = after.find((a) => a.section === p.section);
  // A bare year after the last full date ("… in 1990.") gives way when the full dates around agree.
  const prevFull = inSection.filter((a) => a.at.month !== undefined).at(-1);
  if (prevS && prevFull && prevS !== prevFull && nextS && nextS.year === prevFull.year && prevS.year !== nextS.year)
    return between(at, prevFull, nextS, false);
  if (prevS) return between(at, prevS, nextS, false);
  if (heading !== undefined) return { year: heading, uncertain: nextS !== undefined && nextS.year !== heading };
  if (nextS && dayOfYear(at) <= dayOfYear(nextS.at)) return { year: nextS.year, uncertain: false };
  const prevC = before.at(-1);
  const nextC = after[0];
  if (prevC) return between(at, prevC, nextC, true);
  if (nextC) return { year: nextC.year, uncertain: true };
  return undefined;
}

/** Between two anchors: the earlier's year, or the next year when the date can only fall after a new year. */
function between(
  at: DateParts,
  prev: Anchor,
  next: Anchor | undefined,
  far: boolean,
): { year: number; uncertain: boolean } {
  const fitsPrev = dayOfYear(at) >= dayOfYear(prev.at);
  if (next && next.year === prev.year + 1 && !fitsPrev && dayOfYear(at) <= dayOfYear(next.at))
    return { year: next.year, uncertain: false };
  // Far neighbours (other sections) settle the year only when both sides agree.
  const agree = !next || next.year === prev.year;
  return { year: prev.year, uncertain: far ? !(next && next.year === prev.year) : !agree && !fitsPrev };
}

/** Every date of the book with its year, per block and sentence: `dates.get(blockId)[sentence]`. */
export type BookDates = Map<string, BookDate[][]>;

const cache = new WeakMap<Book['chapters'], BookDates>();

/** `recursYearly`, remembered per sentence (a warm edit reads only the edited sentences). */
const recursYearlyIn = memoize(
  (sentence: string, language: string) => recursYearly(sentence, language),
  (sentence, language) => `${language}\u0000${sentence}`,
  { keyChars: 4_000_000 },
  { name: 'recurs-yearly' },
);

export function bookDates(book: Pick<Book, 'chapters' | 'meta'>): BookDates {
  const cached = cache.get(book.chapters);
  if (cached) return cached;
  const language = book.meta.language;
  const result: BookDates = new Map();
  for (const chapter of book.chapters) {
    const anchors: Anchor[] = [];
    const pending: Pending[] = [];
    const headings = chapter.sections.map((s) => headingYear(s.title, language));
    let order = 0;
    chapter.sections.forEach((section, si) => {
      for (const block of section.blocks) {
        const perSentence = block.sentences.map((sentence) => {
          const raws = rawDatesIn(sentence, language);
          const out: BookDate[] = [];
          const recurring = raws.some((r) => r.start.year === undefined) && recursYearlyIn(sentence, language);
          const sentenceAnchors = raws
            .filter((r) => r.start.year !== undefined && r.precision !== 'year')
            .map((r) => ({ year: r.start.year!, at: r.start, index: r.index }));
          for (const raw of raws) {
            order++;
            if (raw.start.year !== undefined) {
              out.push(written(raw));
              if (raw.anchor && block.kind !== 'list')
                anchors.push({ year: raw.start.year, at: raw.start, order, section: si });
            } else {
              out.push(undefined as unknown as BookDate);
              // "The Open is played annually … in July": a date that recurs has no year to read into it.
              if (recurring) continue;
              pending.push({ raw, order, section: si, sentenceAnchors, out, slot: out.length - 1 });
            }
          }
          return out;
        });
        result.set(block.id, perSentence);
      }
    });
    for (const p of pending) {
      const found = yearFor(p, anchors, headings[p.section]);
      if (!found) continue;
      const offset = p.raw.yearOffset;
      p.out[p.slot] = contextual(p.raw, found.year + (offset ?? 0), found.uncertain);
      // "The following year, …": the narrative's time is now that year ("In the same year" after it is too).
      if (offset !== undefined && !found.uncertain) {
        const anchor = {
          year: found.year + offset,
          at: { year: found.year + offset },
          order: p.order,
          section: p.section,
        };
        const at = anchors.findIndex((a) => a.order > p.order);
        anchors.splice(at < 0 ? anchors.length : at, 0, anchor);
      }
    }
    for (const [id, sentences] of result)
      result.set(
        id,
        sentences.map((s) => s.filter(Boolean)),
      );
  }
  cache.set(book.chapters, result);
  return result;
}

function written(raw: Readonly<RawDate>): BookDate {
  return {
    date: isoOf(raw.start),
    precision: raw.precision,
    end: raw.end ? isoOf(raw.end, raw.end.year ?? raw.start.year) : undefined,
    label: raw.label,
    index: raw.index,
    event: raw.event,
    yearFrom: 'text',
    uncertain: false,
  };
}

function contextual(raw: Readonly<RawDate>, year: number, uncertain: boolean): BookDate {
  let end: string | undefined;
  if (raw.end) {
    // A range that runs past the new year ("December 30 – January 2").
    const endYear = raw.end.year ?? (dayOfYear(raw.end) < dayOfYear(raw.start) ? year + 1 : year);
    end = isoOf(raw.end, endYear);
  }
  return {
    date: isoOf(raw.start, year),
    precision: raw.precision,
    end,
    label: raw.label,
    index: raw.index,
    event: raw.event,
    yearFrom: 'context',
    uncertain,
  };
}

/** The dates of one sentence of a block, with their years. */
export function datesOfSentence(dates: BookDates, block: string, sentence: number): BookDate[] {
  return dates.get(block)?.[sentence] ?? [];
}
