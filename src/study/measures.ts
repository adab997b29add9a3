/**
 * A measurement at a date is not an event: "In 2011, 40% of the UK's electricity was produced by gas",
 * "England's population was found to be 53 million", "People in this category accounted for 1.2% of the UK
 * population" state a quantity (a share, a population, a census's figure); nothing happened. A clause tells
 * an event when one of its verbs tells a change or an action ("Morris graduated … among the top ten percent").
 *
 * Decided by the clause's verbs: in English every verb of the clause (compromise's lexicon: its finite verbs
 * and participles) must be a verb that states a quantity — a copula, "account for", "make up", "comprise",
 * "produce", "report", "estimate" … — or a verb of degree ("fell", "grew"); in German, French, Dutch, Afrikaans
 * and the Scandinavian languages, where no tagger reads the verbs, the clause must hold a verb of that list of
 * the language ("betrug", "lag", "représentait", "bedroeg", "utgjorde").
 */
import { englishLexicon } from '../util/lexicon.js';
import { baseLanguage } from '../util/language.js';

/** The words of a quantity that is a measure: a share, a population, a census. */
const QUANTITY: Record<string, RegExp> = {
  en: new RegExp(
    String.raw`\d\s?%|\d\s?(?:per\s?cent|percent)\b|` +
      String.raw`\b(?:population|census|inhabitants|tonnes|tons|barrels|average|per capita)\b`,
    'i',
  ),
  de: /\d\s?%|\d\s?Prozent\b|\b(?:Einwohner|Bevölkerung|Volkszählung|Marktanteil)/u,
  fr: /\d\s?%|\d\s?pour\s?cent\b|\b(?:population|habitants|recensement)\b/iu,
  nl: /\d\s?%|\d\s?procent\b|\b(?:bevolking|inwoners|volkstelling)\b/iu,
  af: /\d\s?%|\d\s?persent\b|\b(?:bevolking|inwoners|sensus)\b/iu,
  nb: /\d\s?%|\d\s?prosent\b|\b(?:befolkning|innbyggere|innbyggjarar|folketelling|folketeljing)\b/iu,
  da: /\d\s?%|\d\s?procent\b|\b(?:befolkning|indbyggere|folketælling)\b/iu,
  sv: /\d\s?%|\d\s?procent\b|\b(?:befolkning|invånare|folkräkning)\b/iu,
};
QUANTITY.nn = QUANTITY.nb!;

/** English verbs that state a quantity, or its change of degree; "-ing" forms go with the verb before them. */
const MEASURE_EN = new RegExp(
  String.raw`^(?:is|are|was|were|be|been|has|have|had|accounted|accounts|account|made|makes|make|comprised?|` +
    String.raw`comprises|constituted?|constitutes|represented|represents|numbered|totall?ed|amounted|stood|stands|` +
    String.raw`reached|identified|identify|indicated|stated|reported|estimated|found|produced|generated|provided|` +
    String.raw`contributed|imported|exported|consumed|employed|held|owned|used|spoke|lived|born|recorded|counted|` +
    String.raw`classified|registered|described|considered|remained|exceeded|fell|fallen|rose|risen|grew|grown|` +
    String.raw`increased|decreased|declined|dropped|doubled|halved|shrank|expanded)$`,
);

/** Verbs of other languages that state a quantity ("betrug", "lag bei", "représentait", "utgjorde"). */
const MEASURE: Record<string, RegExp> = {
  de: new RegExp(
    String.raw`(?<!\p{L})(?:betrug|betrugen|beträgt|betragen|lag|lagen|liegt|liegen|machte|machten|macht|stellte|` +
      String.raw`stellten|zählte|zählten|lebten|wohnten|stieg|sank|wuchs|hatte|hatten|hat|hielt|hielten|hält|` +
      String.raw`erreichte|erreichten|gehörte|belegte|benutzten|benutzte|nutzten|nutzte|ermittelte|ermittelten|` +
      String.raw`verzeichnete|kam|kamen)(?!\p{L})`,
    'iu',
  ),
  fr: new RegExp(
    String.raw`(?<!\p{L})(?:représentait|représentaient|représente|représentent|était|étaient|est|sont|` +
      String.raw`comptait|comptaient|compte|s'élevait|s’élevait|atteignait|vivaient)(?!\p{L})`,
    'iu',
  ),
  nl: /(?<!\p{L})(?:bedroeg|bedraagt|was|waren|is|zijn|telde|telt|woonden)(?!\p{L})/iu,
  af: /(?<!\p{L})(?:was|is|beloop|het|tel|woon)(?!\p{L})/iu,
  nb: /(?<!\p{L})(?:utgjorde|utgjør|var|er|hadde|har|bodde)(?!\p{L})/iu,
  da: /(?<!\p{L})(?:udgjorde|udgør|var|er|havde|har|boede)(?!\p{L})/iu,
  sv: /(?<!\p{L})(?:utgjorde|utgör|var|är|hade|har|bodde)(?!\p{L})/iu,
};
MEASURE.nn = /(?<!\p{L})(?:utgjorde|utgjer|var|er|hadde|har|budde)(?!\p{L})/iu;

// Finite verbs and participles: a base form is as often a noun ("report", "rate", "supply").
const VERB_TAGS = new Set(['PastTense', 'PresentTense', 'Copula', 'Participle', 'Auxiliary']);
function englishVerbs(text: string): string[] {
  const words = text.split(/\s+/).map((w) => w.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}'’-]+$/gu, ''));
  return words.filter((w, i) => {
    if (!w || /^\p{Lu}/u.test(text.split(/\s+/)[i] ?? '') || /ing$/.test(w)) return false;
    const t = englishLexicon().words[w];
    const tags = t === undefined ? [] : Array.isArray(t) ? t : [t];
    return (w.length > 4 && /ed$/.test(w)) || tags.some((x) => VERB_TAGS.has(x));
  });
}

/** Whether a dated clause states a measurement rather than tells an event (see the file's comment). */
export function measurement(text: string, language: string): boolean {
  const lang = baseLanguage(language);
  const quantity = QUANTITY[lang];
  if (!quantity?.test(text)) return false;
  if (lang === 'en') return englishVerbs(text).every((v) => MEASURE_EN.test(v));
  return !!MEASURE[lang]?.test(text);
}
