/**
 * Cloze and multiple-choice questions: a key fact of a sentence blanked — a date the text writes with its
 * year, a person, a treaty. A multiple-choice question offers three more of the same kind from the guide's
 * own lists (dates with dates, people with people, treaties with treaties); none of them stands in the
 * sentence, so only the answer completes it as the text does.
 */
import { QUESTION_BLANK, type Treaty } from '../../model/index.js';
import { formatDate } from '../../util/dates.js';
import { datesIn } from '../timeline.js';
import { dateBound, wording } from '../discourse.js';
import { hashOf, type Hashable } from '../../util/hash.js';
import { memoize } from '../../util/memo.js';
import { writtenYear, type BookSentence, type Candidate, type QuestionContext } from './context.js';
import escape from 'escape-string-regexp';
import { TITLES } from '../names.js';
import { titleRanges } from '../text.js';
import { baseLanguage, monthNames } from '../../util/language.js';
import * as stopwords from 'stopword';

export type FactKind = 'date' | 'person' | 'treaty' | 'number';

export interface Fact {
  kind: FactKind;
  /** As the sentence writes it. */
  surface: string;
  index: number;
  /** ISO date, the name as the guide's list has it, or a figure's value ("3093", "1.7"). */
  value: string;
  entry?: string;
}

const bounded = (s: string) => new RegExp(String.raw`(?<![\p{L}\p{N}])${escape(s)}(?![\p{L}\p{N}])`, 'u');

/**
 * The facts a sentence states, at most one per kind, each written once in it. Remembered per sentence (and
 * the guide's lists of people and treaties it looks for).
 */
export function factsIn(sentence: string, ctx: QuestionContext): readonly Fact[] {
  return rememberedFacts(sentence, ctx);
}

/**
 * The facts a question may blank in a sentence of the book: `factsIn` less those inside a work's title in
 * italics ("Hannah Morris" of "Hannah Morris: Kids Get Arthritis, Too", a year in a film's title).
 */
export function sentenceFacts(s: BookSentence, ctx: QuestionContext): readonly Fact[] {
  const facts = factsIn(s.text, ctx);
  if (!s.titles?.length) return facts;
  const titles = titleRanges(s.text, s.titles);
  return facts.filter((f) => !titles.some(([from, to]) => f.index < to && f.index + f.surface.length > from));
}

const listsKeys = new WeakMap<QuestionContext, string>();
/** What `factsIn` looks for besides the sentence: the language, the people and the treaties. */
function listsKey(ctx: QuestionContext): string {
  let key = listsKeys.get(ctx);
  if (key === undefined) {
    const treaties = ctx.guide.glossaries.treaties.map((t) => [t.id, t.name, ...t.aliases]);
    listsKeys.set(ctx, (key = hashOf(ctx.language, ctx.people, treaties)));
  }
  return key;
}

const rememberedFacts = memoize(
  (sentence: string, ctx: QuestionContext) => factsNow(sentence, ctx),
  (sentence, ctx) => `${listsKey(ctx)}\u0000${sentence}`,
  20_000,
  { name: 'question-facts', persist: true },
);

function factsNow(sentence: string, ctx: QuestionContext): Fact[] {
  const out: Fact[] = [];
  const all = datesIn(sentence, undefined, ctx.language);
  const dates = all.filter((d) => writtenYear(d.label) && !d.end && d.precision !== 'year');
  // Written once, and a word of its own ("mid-June 1940" is not "June 1940"); not one date of a list of dates
  // ("on September 24, October 2 and _____, respectively"): the list's order tells which choice fits.
  const date = dates.find(
    (d) =>
      sentence.split(d.label).length === 2 &&
      !/[\p{L}\p{N}-]$/u.test(sentence.slice(0, d.index)) &&
      !all.some((o) => o !== d && joined(sentence, o, d, ctx.language)),
  );
  if (date) {
    // The date itself, not a preposition the parser took with it ("On 1 May 1941").
    const lead = /^\p{L}+\s+(?=\d|\p{Lu})/u.exec(date.label)?.[0] ?? '';
    const rest = date.label.slice(lead.length);
    const same = datesIn(rest, undefined, ctx.language).some((d) => d.date === date.date && d.label === rest);
    const surface = lead && same ? rest : date.label;
    out.push({ kind: 'date', surface, index: date.index + date.label.length - surface.length, value: date.date });
  }
  for (const t of ctx.guide.glossaries.treaties) {
    const name = [t.name, ...t.aliases].find(
      (n) => n.split(/\s+/).length >= 2 && sentence.includes(n) && bounded(n).test(sentence),
    );
    if (name && sentence.split(name).length === 2) {
      out.push({ kind: 'treaty', surface: name, index: sentence.indexOf(name), value: t.name, entry: t.id });
      break;
    }
  }
  // A name's pattern is built only for a sentence that holds it as written (building costs more than looking).
  const person = ctx.people.find(
    (p) =>
      sentence.includes(p) &&
      bounded(p).test(sentence) &&
      sentence.split(p).length === 2 &&
      // Not part of a longer name the sentence writes ("J. Craig Venter"), nor one of a list of people.
      !/(?:^|\s)\p{Lu}\.\s$/u.test(sentence.slice(0, sentence.indexOf(p))) &&
      // … nor the start of one ("Johann Wolfgang" of "Johann Wolfgang von Goethe").
      !/^\s+(?:(?:von|van|de|der|du|da|di|del|le|la|y)\s+)*\p{Lu}\p{Ll}/u.test(
        sentence.slice(sentence.indexOf(p) + p.length),
      ) &&
      !listed(sentence, sentence.indexOf(p), p, ctx.people, ctx.language),
  );
  if (person) out.push({ kind: 'person', surface: person, index: sentence.indexOf(person), value: person });
  const figure = figureIn(sentence, all, ctx.language);
  if (figure) out.push(figure);
  return out;
}

/**
 * A figure the sentence writes in digits — a count, an amount, a share ("3,093 units", "US$ 1.7 billion",
 * "40 %") — not a year, not part of a date, a name or a code ("G7", "F-16", "18th"), and written once. Small
 * whole numbers (under 10) say too little to ask.
 */
const FIGURE = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,/–-])(\d{1,3}(?:[,.\u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(\s?%)?` +
    String.raw`(?![\p{L}\p{N}/–-]|[.,]\d)`,
  'gu',
);
function figureIn(
  sentence: string,
  dates: readonly { index: number; label: string }[],
  language: string,
): Fact | undefined {
  for (const m of sentence.matchAll(FIGURE)) {
    const surface = m[0];
    const at = m.index;
    if (dates.some((d) => at < d.index + d.label.length && d.index < at + surface.length)) continue;
    const [before, after] = [sentence.slice(0, at), sentence.slice(at + surface.length)];
    if (!quantifies(m[1]!, before, after, Boolean(m[2]), language)) continue;
    // "advanced _____ miles (1,690 kilometers)": the conversion beside it gives the answer away.
    if (/^\s*[^\s()]*\s*\(\s*(?:about\s+|c\.\s*|ca\.\s*)?[\d.,]+/u.test(after)) continue;
    // "30 °C (_____ °F)": a conversion, given away by the figure it converts.
    if (/[\d.,]+\s*[^\s()]*\s*\(\s*(?:about\s+|c\.\s*|ca\.\s*)?$/u.test(before)) continue;
    // "services around _____ of the GDP, industry 29.1% and agriculture 0.9%": the other shares of a whole give
    // it away.
    if (m[2] && (sentence.match(/\d\s?%/g) ?? []).length >= 3) continue;
    const parsed = parseFigure(m[1]!);
    const whole = !parsed.decimals && !m[2];
    if (whole && (parsed.value < 10 || (/^\d{4}$/.test(m[1]!) && parsed.value >= 1000 && parsed.value <= 2100)))
      continue;
    if (sentence.split(surface).length !== 2) continue;
    return { kind: 'number', surface, index: at, value: String(parsed.value) };
  }
  return undefined;
}

/** ISO 639-3 codes of the stopword package's lists, by the languages Quire words questions in. */
const STOPWORD_LISTS: Record<string, string> = {
  en: 'eng',
  de: 'deu',
  fr: 'fra',
  es: 'spa',
  nl: 'nld',
  af: 'afr',
  nb: 'nob',
  nn: 'nob',
  no: 'nob',
  it: 'ita',
  pt: 'por',
  pl: 'pol',
  cs: 'ces',
  ru: 'rus',
  uk: 'ukr',
  ca: 'cat',
  sv: 'swe',
  da: 'dan',
  fi: 'fin',
};
const stopwordSets = new Map<string, ReadonlySet<string>>();
/** A language's function words (the stopword package's list; English's where it has none). */
function functionWords(language: string): ReadonlySet<string> {
  const base = baseLanguage(language);
  let set = stopwordSets.get(base);
  if (!set) {
    const lists = stopwords as unknown as Record<string, string[] | undefined>;
    set = new Set(lists[STOPWORD_LISTS[base] ?? 'eng'] ?? lists.eng ?? []);
    stopwordSets.set(base, set);
  }
  return set;
}

/** A currency before an amount: a sign or an ISO code ("US$ 1.7", "€ 40", "EUR 40"). */
const CURRENCY = new RegExp(
  String.raw`(?:[$€£¥₹₽]|\b(?:US|A|C|NZ|HK|R|S)\$|` +
    String.raw`\b(?:USD|EUR|GBP|CHF|JPY|CNY|RMB|INR|MXN|RUB|SEK|NOK|DKK|PLN|CZK|ZAR|CAD|AUD|BRL|Rs\.?))\s?$`,
  'u',
);
/** Words of time a year follows ("from 395", "around 260", "seit 1990", "depuis 1950"). */
const TIME_WORD = new RegExp(
  String.raw`(?<!\p{L})(?:in|from|since|until|till|before|after|around|about|by|circa|c\.|ca\.|AD|BC|BCE|CE|` +
    String.raw`im|um|seit|bis|von|ab|en|depuis|desde|hasta|van|tot|sedert|vanaf|sinds|fra|siden|från|sedan|dal|` +
    String.raw`nel|od|do|с|до|в)\s+$`,
  'iu',
);

/**
 * Whether a figure counts or measures something: a share ("40 %"), an amount after its currency ("US$ 1.7"),
 * or a number before the word it counts ("362 restaurants", "357,021 km2", "2.5 million"). A number before a
 * comma, a function word or a name, after a number sign or beside a month ("Around 260, the …", "in 614 as
 * King …", "#26", "August 25") is a year, a day or a label, not a quantity. Languages that write nouns with a
 * capital (German) count before a capitalised word too.
 */
function quantifies(figure: string, before: string, after: string, percent: boolean, language: string): boolean {
  if (percent || CURRENCY.test(before)) return true;
  if (/(?:#|№|\b(?:No|Nr|no|nr)\.?)\s?$/u.test(before)) return false;
  const months = (monthNames(language) ?? []).map((n) => n.toLowerCase());
  const previous = /(\p{L}+)\s*$/u.exec(before)?.[1]?.toLowerCase();
  if (previous && months.includes(previous)) return false;
  // "from 395 began …": a number of three or four digits after a word of time is a year.
  if (/^\d{3,4}$/.test(figure) && TIME_WORD.test(before)) return false;
  const next = /^\s+([^\s,;:()]+)/u.exec(after)?.[1]?.replace(/[.!?]+$/, '');
  if (!next || months.includes(next.toLowerCase()) || functionWords(language).has(next.toLowerCase())) return false;
  const nouns = baseLanguage(language) === 'de' || baseLanguage(language) === 'lb';
  return /^[\p{Ll}°]/u.test(next) || (nouns && /^\p{Lu}\p{Ll}/u.test(next));
}

/** A figure as written: its value, its separators (grouping, decimal) and how many decimals it shows. */
function parseFigure(digits: string): { value: number; group?: string; decimal: string; decimals: number } {
  // Grouped thousands: "3,093", "60.000", "1 500"; then a decimal part after the other mark.
  const grouped = /^\d{1,3}(?:([,.\u00a0\u202f])\d{3})+(?:([.,])(\d+))?$/.exec(digits);
  if (grouped && grouped[1] !== grouped[2]) {
    const intPart = digits
      .slice(0, grouped[2] ? digits.lastIndexOf(grouped[2]) : undefined)
      .split(grouped[1]!)
      .join('');
    const decimals = grouped[3]?.length ?? 0;
    const value = Number(`${intPart}${decimals ? `.${grouped[3]}` : ''}`);
    return { value, group: grouped[1], decimal: grouped[2] ?? (grouped[1] === ',' ? '.' : ','), decimals };
  }
  const plain = /^(\d+)(?:([.,])(\d+))?$/.exec(digits)!;
  const decimals = plain[3]?.length ?? 0;
  return { value: Number(`${plain[1]}${decimals ? `.${plain[3]}` : ''}`), decimal: plain[2] ?? '.', decimals };
}

/** A figure's digits as written, without its percent sign ("40 %" → "40", "3,093" → "3,093"). */
const figureDigits = (surface: string) => /^[\d,.\u00a0\u202f ]+/.exec(surface)![0].trim();

/** A value written the way the answer is (its separators and decimals, its percent sign). */
function writtenLike(value: number, like: Fact): string {
  const digits = figureDigits(like.surface);
  const { group, decimal, decimals } = parseFigure(digits);
  const [int, frac] = value.toFixed(decimals).split('.');
  const grouped = group && int!.length > 3 ? int!.replace(/\B(?=(\d{3})+(?!\d))/g, group) : int!;
  return `${grouped}${frac ? `${decimal}${frac}` : ''}${like.surface.slice(digits.length)}`;
}

/**
 * Where the answer stands among a figure's options, by the sentence's hash: the three others all below it,
 * all above it, or on both sides, so that its place tells nothing. Each factor is moved a little (by the
 * hash too), so that no option is an exact multiple of the answer that gives it away.
 */
const FIGURE_FACTORS = [
  [0.6, 0.75, 0.88],
  [0.75, 0.88, 1.15],
  [0.88, 1.15, 1.3],
  [1.15, 1.3, 1.5],
];

/**
 * Three other figures for a figure fact: the answer scaled (`FIGURE_FACTORS`), rounded as the answer is (its
 * decimals; a round figure to as many significant digits), none written in the sentence; a share stays under
 * 100 %. In order of size with the answer.
 */
function figureDistractors(s: BookSentence, fact: Fact): string[] {
  const value = Number(fact.value);
  const { decimals } = parseFigure(figureDigits(fact.surface));
  const zeros = decimals ? 0 : /0*$/.exec(String(Math.round(value)))![0].length;
  const unit = 10 ** Math.min(zeros, Math.max(0, String(Math.round(value)).length - 2));
  const round = (x: number) => (decimals ? Number(x.toFixed(decimals)) : Math.max(1, Math.round(x / unit) * unit));
  const percent = /%\s*$/.test(fact.surface);
  const hash = hashOf(s.text);
  const sets = percent && value >= 60 ? FIGURE_FACTORS.slice(0, 2) : FIGURE_FACTORS;
  const factors = sets[parseInt(hash.slice(0, 8), 16) % sets.length]!;
  const out: string[] = [];
  factors.forEach((f, i) => {
    const nudge = 1 + ((parseInt(hash.slice(8 + 2 * i, 10 + 2 * i), 16) / 255) * 0.1 - 0.05);
    const x = round(value * f * nudge);
    const written = writtenLike(x, fact);
    if (x === value || x <= 0 || (percent && x >= 100) || out.includes(written) || s.text.includes(written)) return;
    out.push(written);
  });
  return out;
}

/** The words that join the last two members of a list, per language ("and", "or"); English where none. */
const LIST_WORDS: Record<string, string> = {
  en: 'and|or',
  de: 'und|oder|sowie',
  fr: 'et|ou',
  es: 'y|e|o|u',
  it: 'e|ed|o',
  pt: 'e|ou',
  nl: 'en|of',
  af: 'en|of',
  nb: 'og|eller',
  nn: 'og|eller',
  sv: 'och|eller',
  da: 'og|eller',
  pl: 'i|oraz|lub|albo',
  cs: 'a|nebo',
  ru: 'и|или',
  uk: 'і|й|та|або',
  ca: 'i|o',
  fi: 'ja|tai',
};
/** The patterns `listed` and `joined` read a language's lists with (see `joinsOf`). */
interface ListJoins {
  word: RegExp;
  comma: RegExp;
  tail: RegExp;
  pairBefore: RegExp;
  pairAfter: RegExp;
  listAfter: RegExp;
  lastOfList: RegExp;
}
const listJoins = new Map<string, ListJoins>();
/** A name as a list writes it: capitalised words, with the particles between them ("Friedrich von Schulenburg"). */
const PARTICLES = 'von|van|de|der|du|da|di|le|la|del';
const NAME_WORDS = String.raw`\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|${PARTICLES}))*`;
/**
 * What may stand between two members of a list in the language: a word that joins the last two, with or
 * without a comma and an article after ("et le 17 septembre"); a comma; and `tail`, the rest of a list that a
 * comma alone opens — more names and a join word before the last ("…, Christian Rakovsky and Adolph Joffe"),
 * or another comma and name ("William Byrd, Henry Purcell, Sir Edward Elgar").
 */
function joinsOf(language: string): ListJoins {
  const base = baseLanguage(language);
  let found = listJoins.get(base);
  if (!found) {
    const words = LIST_WORDS[base] ?? LIST_WORDS.en!;
    const article = String.raw`(?:(?:the|le|la|les|il|lo|el|los|las|der|die|das|den|dem|de|het|o|a|os|as)\s+)?`;
    found = {
      // The third or a later item of a list, after its join word too ("…, Scooter, Modern Talking, and _____").
      lastOfList: new RegExp(
        String.raw`(?:,|\s)\s*\p{Lu}[^,;:()]{0,40},\s*\p{Lu}[^,;:()]{0,40}?` +
          String.raw`(?:,\s*(?:(?:${words})\s+)?|\s+(?:${words})\s+)$`,
        'u',
      ),
      word: new RegExp(String.raw`^,?\s+(?:${words})\s+${article}$`, 'iu'),
      comma: new RegExp(String.raw`^,\s*${article}$`, 'iu'),
      tail: new RegExp(String.raw`^(?:,\s*${NAME_WORDS})*(?:,?\s+(?:${words})\s+\p{Lu}|,\s*\p{Lu})`, 'u'),
      // A full name the guide may not know, joined to this one ("Christian Rakovsky and …", "… and Lise Amund").
      // ("Walther von der Vogelweide and …": particles after the given name.)
      pairBefore: new RegExp(
        String.raw`\p{Lu}[\p{L}.'’-]*(?:\s+(?:${PARTICLES}))*\s+${NAME_WORDS}` + String.raw`,?\s+(?:${words})\s+$`,
        'u',
      ),
      // The first of a list of names that goes on to its join word ("_____, Bertolt Brecht, …, and Günter Grass").
      listAfter: new RegExp(String.raw`^,\s*${NAME_WORDS}(?:,\s*${NAME_WORDS})*,?\s+(?:${words})\s+\p{Lu}`, 'u'),
      pairAfter: new RegExp(String.raw`^,?\s+(?:${words})\s+\p{Lu}[\p{L}.'’-]*\s+${NAME_WORDS}`, 'u'),
    };
    listJoins.set(base, found);
  }
  return found;
}

/**
 * Whether a name stands in a list with another person the guide knows ("Karl Radek, Leonid Krasin and …",
 * "such as Andrei Tupolev and …"): blanked, any member of the list completes the sentence as well, and the
 * list's own words ("aircraft designers such as") tell the answer from people of other kinds. A comma alone
 * joins a list only where more names and a join word follow ("A, B and C"), not a clause to a clause
 * ("When Hitler received Ribbentrop, Molotov was …").
 */
function listed(sentence: string, at: number, name: string, people: readonly string[], language: string): boolean {
  const { word, comma, tail, pairBefore, pairAfter, listAfter, lastOfList } = joinsOf(language);
  const end = at + name.length;
  const after = sentence.slice(end);
  if (pairBefore.test(sentence.slice(0, at)) || pairAfter.test(after) || listAfter.test(after)) return true;
  // The third or a later item of a list of names, known or not ("…, Thomas Hobbes, William of Ockham, _____").
  if (lastOfList.test(sentence.slice(0, at))) return true;
  const joinedBy = (between: string, after: number) =>
    word.test(between) || (comma.test(between) && tail.test(sentence.slice(after)));
  return people.some((p) => {
    if (p === name) return false;
    const b = sentence.lastIndexOf(p, at - p.length);
    if (b >= 0 && joinedBy(sentence.slice(b + p.length, at), end)) return true;
    const a = sentence.indexOf(p, end);
    return a >= 0 && joinedBy(sentence.slice(end, a), a + p.length);
  });
}

/** Whether two dates of a sentence stand side by side in a list ("September 24, October 2 and …"). */
function joined(
  sentence: string,
  a: { index: number; label: string },
  b: { index: number; label: string },
  language: string,
): boolean {
  const [first, second] = a.index < b.index ? [a, b] : [b, a];
  const between = sentence.slice(first.index + first.label.length, second.index);
  const { word, comma } = joinsOf(language);
  return word.test(between) || comma.test(between);
}

function blanked(sentence: string, fact: Fact): string {
  return sentence.slice(0, fact.index) + QUESTION_BLANK + sentence.slice(fact.index + fact.surface.length);
}

export function clozeQuestion(s: BookSentence, fact: Fact, ctx: QuestionContext): Candidate {
  return {
    kind: 'cloze',
    chapter: s.chapter.id,
    order: s.order,
    question: wording(ctx.language).cloze(blanked(s.text, fact)),
    answer: fact.surface,
    quote: s.text,
    block: s.block,
    entry: fact.entry,
    evidence: fact.surface,
    fact: fact.kind,
  };
}

/** How far, in years, a date of the guide may lie from the answer to be offered beside it. */
const NEAR_YEARS = 5;

/** A day that exists (not February 30, not February 29 of a common year). */
const validDay = (iso: string) => new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso);

/**
 * Up to `n` other dates for a date fact (ISO, of its precision), none written in the sentence nor of the answer's
 * year (a date of the same year may be as true: "by March 1942" for "by February 1942"). The guide's own dates
 * within NEAR_YEARS come first, nearest first, as many before the answer as the sentence's hash says (none to
 * all), the rest after it, so that the answer is neither always the odd one out at an end nor always in the same
 * place; a side short of them takes the answer's day and month in the years beside it. After a bound ("by",
 * "before": a later date would be as true; "since": an earlier one) every other date lies on the side that makes
 * it false.
 */
export function dateDistractors(s: BookSentence, fact: Fact, ctx: QuestionContext, n: number): string[] {
  const precision = fact.value.length;
  const year = Number(fact.value.slice(0, 4));
  const label = (iso: string) => formatDate(iso, ctx.language);
  const labels = new Set<string>([label(fact.value)]);
  const take = (list: readonly string[], k: number) => {
    const out: string[] = [];
    for (const d of list) {
      if (out.length >= k) break;
      const l = label(d);
      if (labels.has(l) || s.text.includes(l)) continue;
      labels.add(l);
      out.push(d);
    }
    return out;
  };
  // Where the narrative stands before the sentence ("… the invasion of June 22, 1941. Within six months, … two
  // million of which would die by _____"): no choice before it when the answer is not, or the choices before
  // it are ruled out without knowing the answer.
  const floor = dateBefore(s, ctx);
  const after = (d: string) => !floor || floor > fact.value || d >= floor.slice(0, d.length);
  const book = [...ctx.dates.keys()]
    .filter((d) => {
      const y = Number(d.slice(0, 4));
      return d.length === precision && y !== year && Math.abs(y - year) <= NEAR_YEARS && after(d);
    })
    .sort();
  // The answer's day and month in the years beside it, if that date exists (not February 29 of a common year).
  const made = (side: -1 | 1) =>
    Array.from(
      { length: 4 * (n + 1) },
      (_, k) => String(year + side * (k + 1)).padStart(4, '0') + fact.value.slice(4),
    ).filter((iso) => (precision < 10 || validDay(iso)) && after(iso));
  const bound = dateBound(s.text.slice(0, fact.index), ctx.language);
  const wantBefore = bound === 'upper' ? n : bound === 'lower' ? 0 : parseInt(hashOf(s.text).slice(0, 8), 16) % (n + 1);
  // The months just before the answer (its day kept), for "by _____" when the narrative's date leaves no earlier
  // year: "… by February 1942" after June 1941 offers January 1942, December 1941, November 1941.
  const monthsBefore = () =>
    precision < 7
      ? []
      : Array.from({ length: 24 }, (_, k) => {
          const total = year * 12 + Number(fact.value.slice(5, 7)) - 2 - k;
          const month = String((total % 12) + 1).padStart(2, '0');
          return `${String(Math.floor(total / 12)).padStart(4, '0')}-${month}${fact.value.slice(7)}`;
        }).filter((iso) => (precision < 10 || validDay(iso)) && after(iso));
  const side = (before: boolean, want: number) => {
    const guide = before ? book.filter((d) => d < fact.value).reverse() : book.filter((d) => d > fact.value);
    const out = take(guide, want);
    const more = take(made(before ? -1 : 1), want - out.length);
    const steps = before && bound === 'upper' ? take(monthsBefore(), want - out.length - more.length) : [];
    return { guide, out: [...out, ...more, ...steps] };
  };
  const early = side(true, wantBefore);
  const late = side(false, n - early.out.length);
  const out = [...early.out, ...late.out];
  // Still short (dates written in the sentence): whatever the allowed sides have left.
  if (bound !== 'lower') out.push(...take([...early.guide, ...made(-1)], n - out.length));
  if (bound !== 'upper') out.push(...take([...late.guide, ...made(1)], n - out.length));
  return out.slice(0, n);
}

/** Up to `n` things of the fact's kind (not dates: `dateDistractors`), nearest first, none in the sentence. */
function distractors(s: BookSentence, fact: Fact, ctx: QuestionContext, n: number): string[] {
  const absent = (x: string) => !s.text.includes(x);
  if (fact.kind === 'treaty') {
    const all = ctx.guide.glossaries.treaties.filter(
      (t) => t.id !== fact.entry && t.name.split(/\s+/).length >= 2 && concluded(t),
    );
    const me = ctx.guide.glossaries.treaties.find((t) => t.id === fact.entry);
    const year = (d: string | null) => (d ? Number(d.slice(0, 4)) : Infinity);
    const mine = year(me?.date ?? null);
    // Not one of the same year: "the _____ of 1939" could be either of two 1939 treaties.
    return all
      .filter((t) => year(t.date) !== mine || mine === Infinity)
      .sort((a, b) => Math.abs(year(a.date) - mine) - Math.abs(year(b.date) - mine) || a.name.localeCompare(b.name))
      .map((t) => writtenName(t, ctx))
      .filter((x): x is string => !!x && absent(x) && !x.includes(fact.surface) && !fact.surface.includes(x))
      .slice(0, n);
  }
  return personDistractors(s, fact, ctx)
    .filter((p) => p !== fact.value && absent(p) && !p.includes(fact.surface) && !fact.surface.includes(p))
    .slice(0, n);
}

const bookTexts = new WeakMap<QuestionContext, string>();
/** The book's sentences as one text, once per question context. */
function bookText(ctx: QuestionContext): string {
  let text = bookTexts.get(ctx);
  if (text === undefined) bookTexts.set(ctx, (text = ctx.sentences.map((x) => x.text).join('\n')));
  return text;
}

/** How far before a person's name a title is looked for (`untitled`): a longer run is not taken as a title. */
const TITLE_REACH = 80;

const beforeNames = new WeakMap<QuestionContext, Map<string, string[]>>();

/**
 * For each person of the guide, the text right before each place the book writes the name (up to
 * `TITLE_REACH` characters): what `untitled` asks of the whole book, so that a sentence's questions are
 * remembered under it rather than under the whole text.
 */
function textBeforeNames(ctx: QuestionContext): Map<string, string[]> {
  let known = beforeNames.get(ctx);
  if (known) return known;
  const text = bookText(ctx);
  known = new Map();
  for (const p of ctx.people) {
    const list: string[] = [];
    for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1))
      list.push(text.slice(Math.max(0, at - TITLE_REACH), at));
    known.set(p, list);
  }
  beforeNames.set(ctx, known);
  return known;
}

/**
 * What a sentence's questions read of the whole book beyond the guide's lists, derived once per build: each
 * treaty's name as the text writes it, the years of each person, and the text before each person's name. A
 * sentence's checked questions are remembered under these (questions/index.ts), so an edit that changes none
 * of them asks only its own sentences again.
 */
export function bookInputs(ctx: QuestionContext): Hashable {
  return [
    ctx.guide.glossaries.treaties.map((t) => writtenName(t, ctx) ?? null),
    [...personTimes(ctx).periods],
    [...textBeforeNames(ctx)],
  ];
}

/** A name without the bracket a glossary adds to tell it apart ("… Agreement (1939)"). */
const bareName = (name: string) => name.replace(/\s*\([^()]*\)$/, '');

/** A treaty's names to look for in the text: its glossary name, its aliases, its name without the bracket. */
function namesOf(t: Treaty, ctx: QuestionContext): string[] {
  const bare = bareName(t.name);
  // A bare name two entries share ("… Agreement (1939)", "… Agreement (1940)") could be either.
  const shared = ctx.guide.glossaries.treaties.some((o) => o !== t && bareName(o.name) === bare);
  return [t.name, ...t.aliases, ...(shared ? [] : [bare])].filter((n) => n.split(/\s+/).length >= 2);
}

/**
 * The names of `names` (`key`: what identifies the list) that `text` writes as whole words. Remembered per
 * sentence: after an edit, only the edited sentences are searched again, not the whole book for every name.
 */
const namesWritten = memoize(
  (text: string, names: readonly string[], _key: string): readonly string[] =>
    names.filter((n) => text.includes(n) && bounded(n).test(text)),
  (text, _names, key) => `${key}\u0000${text}`,
  { keyChars: 4_000_000 },
  { name: 'treaty-names-written' },
);

const writtenNames = new WeakMap<QuestionContext, Map<Treaty, string | undefined>>();

/**
 * A treaty's name as the text writes it (its glossary name, an alias, or the name without the bracket the
 * glossary adds), so that a choice reads in the blank as the answer does; undefined for a heading the guide
 * made for a treaty the text does not name ("Commercial agreement (Germany–Soviet Union, 1925)"). Found for
 * every treaty at once, once per question context: each sentence is searched for all the names (a name
 * never spans two sentences: the book's text is its sentences one per line).
 */
function writtenName(t: Treaty, ctx: QuestionContext): string | undefined {
  let known = writtenNames.get(ctx);
  if (!known) {
    const { treaties } = ctx.guide.glossaries;
    const candidates = treaties.map((x) => namesOf(x, ctx));
    const names = [...new Set(candidates.flat())];
    const key = hashOf(names);
    const found = new Set<string>();
    for (const s of ctx.sentences) for (const n of namesWritten(s.text, names, key)) found.add(n);
    known = new Map(treaties.map((x, i) => [x, candidates[i]!.find((n) => found.has(n))]));
    writtenNames.set(ctx, known);
  }
  return known.get(t);
}

/** The years a span of time covers: [first, last]. */
type Period = [number, number];

interface PersonTimes {
  /** The guide's envoys (its ambassadors' glossary), by name. */
  envoys: Map<string, { period?: Period; post: string }>;
  /** The years of the dates written in the sentences that name each person. */
  periods: Map<string, Period>;
}

const times = new WeakMap<QuestionContext, PersonTimes>();

const yearsIn = (text: string, language: string) =>
  datesIn(text, undefined, language)
    .filter((d) => writtenYear(d.label))
    .map((d) => Number(d.date.slice(0, 4)));

/** When each person of the guide is active: an envoy's term, else the years of the sentences naming them. */
function personTimes(ctx: QuestionContext): PersonTimes {
  let known = times.get(ctx);
  if (known) return known;
  const envoys = new Map<string, { period?: Period; post: string }>();
  for (const a of ctx.guide.glossaries.ambassadors) {
    const period: Period | undefined = a.from !== null ? [a.from, a.to ?? a.from] : undefined;
    envoys.set(a.name, { period, post: a.post });
  }
  const years = new Map<string, number[]>();
  for (const sentence of ctx.sentences) {
    const named = ctx.people.filter((p) => sentence.text.includes(p));
    if (!named.length) continue;
    const found = yearsIn(sentence.text, ctx.language);
    for (const p of named) years.set(p, [...(years.get(p) ?? []), ...found]);
  }
  const periods = new Map<string, Period>();
  for (const [p, list] of years) if (list.length) periods.set(p, [Math.min(...list), Math.max(...list)]);
  times.set(ctx, (known = { envoys, periods }));
  return known;
}

/**
 * The latest date (ISO) the chapter's text writes before a sentence, in the nearest sentence before it that
 * writes one with its year: where the narrative stands. Undefined when none does within 20 sentences.
 */
export function dateBefore(s: BookSentence, ctx: QuestionContext): string | undefined {
  for (let i = s.order - 1; i >= 0 && s.order - i <= 20; i--) {
    const x = ctx.sentences[i]!;
    if (x.chapter !== s.chapter) break;
    const dates = datesIn(x.text, undefined, ctx.language).filter((d) => writtenYear(d.label));
    if (dates.length)
      return dates
        .map((d) => d.end ?? d.date)
        .sort()
        .at(-1);
  }
  return undefined;
}

/** The years the sentence writes, else those of the nearest sentence before it in its chapter that writes one. */
export function yearsWritten(s: BookSentence, ctx: QuestionContext): number[] {
  for (let i = s.order; i >= 0 && s.order - i <= 20; i--) {
    const x = ctx.sentences[i]!;
    if (x.chapter !== s.chapter) break;
    const found = yearsIn(x.text, ctx.language);
    if (found.length) return found;
  }
  return [];
}

/** Years between two periods (0 when they meet). */
const apart = (a: Period, b: Period) => Math.max(0, a[0] - b[1], b[0] - a[1]);

/**
 * People of the answer's kind and time: for an envoy, the guide's other envoys (those of the same post first
 * where as near), else the people who are not envoys; nearest first to the time asked about — the year the
 * sentence writes, else the answer's own term or years — then those the same chapter names, in reading order.
 */
function personDistractors(s: BookSentence, fact: Fact, ctx: QuestionContext): string[] {
  const { envoys, periods } = personTimes(ctx);
  const mine = envoys.get(fact.value);
  const periodOf = (p: string) => envoys.get(p)?.period ?? periods.get(p);
  const written = yearsWritten(s, ctx);
  const asked: Period | undefined = written.length
    ? [Math.min(...written), Math.max(...written)]
    : periodOf(fact.value);
  const chapterText = s.chapter.sections.flatMap((x) => x.blocks.map((b) => b.text)).join('\n');
  // Names as the text writes them: not the index's "Surname, Given", which no sentence holds.
  const people = ctx.people.filter((p) => !p.includes(','));
  const near = people.filter((p) => chapterText.includes(p));
  const order = [...near, ...people.filter((p) => !near.includes(p))];
  const sameKind = order.filter((p) => envoys.has(p) === !!mine);
  const pool = sameKind.length >= 3 ? sameKind : order;
  const distance = (p: string) => {
    const period = periodOf(p);
    return asked && period ? apart(asked, period) : Infinity;
  };
  const samePost = (p: string) => (mine && envoys.get(p)?.post === mine.post ? 0 : 1);
  return pool
    .map((p, i) => ({ p, i, d: distance(p), post: samePost(p) }))
    .sort((a, b) => a.d - b.d || a.post - b.post || a.i - b.i)
    .map((x) => x.p);
}

/**
 * A person's blank that does not give the answer away by the title before it: "President _____" among one
 * president and three others tells which. Where the sentence writes a title right before the name (`TITLES`:
 * "President", "the German Foreign Minister") and the text does not write every other choice with the same
 * title, the blank takes the title too (and "the" before it): "…, _____ himself donated …".
 */
function untitled(sentence: string, fact: Fact, choices: readonly string[], ctx: QuestionContext): Fact {
  const run = /(?:(?<![\p{L}'’])[Tt]he\s+)?(?:\p{Lu}[\p{L}'’-]*\s+)+$/u.exec(sentence.slice(0, fact.index));
  if (!run) return fact;
  // The longest stretch of title words that ends at the name (not "Nazi Germany's" before "Foreign Minister").
  let title = '';
  for (let at = 0; at < run[0].length; at = run[0].indexOf(' ', at) + 1) {
    const tail = run[0].slice(at).replace(/^the\s+/i, '');
    if (TITLES.exec(tail + fact.surface)?.[0].length === tail.length) {
      title = run[0].slice(at);
      break;
    }
    if (run[0].indexOf(' ', at) < 0) break;
  }
  if (!title || title.length > TITLE_REACH) return fact;
  const named = title.replace(/^the\s+/i, '');
  // The answer as written follows the title in this very sentence; another choice, somewhere in the book.
  const titled = (c: string) => (textBeforeNames(ctx).get(c) ?? []).some((before) => before.endsWith(named));
  if (choices.every((c) => c === fact.value || c === fact.surface || titled(c))) return fact;
  return { ...fact, index: fact.index - title.length, surface: title + fact.surface };
}

/** Whether the words of a formatted date (its month, not a year's abbreviation: "г.") stand in the text's. */
function inflectedAlike(formatted: string, surface: string): boolean {
  const words = new Set(surface.toLowerCase().match(/\p{L}+/gu) ?? []);
  return (formatted.toLowerCase().match(/\p{L}{3,}/gu) ?? []).every((w) => words.has(w));
}

/**
 * Whether an instrument may be asked as a treaty: not one the text reports as only proposed or negotiated,
 * never concluded ("a Triple Alliance with France and Britain"), which is no answer to "Which treaty…?" and no
 * choice beside one. A treaty the text only names (the Treaty of Versailles) was concluded as far as it says.
 */
function concluded(t: Treaty): boolean {
  return t.status !== 'proposed' && t.status !== 'negotiated';
}

export function choiceQuestion(s: BookSentence, fact: Fact, ctx: QuestionContext): Candidate | undefined {
  if (fact.kind === 'treaty') {
    const treaty = ctx.guide.glossaries.treaties.find((t) => t.id === fact.entry);
    if (!treaty || !concluded(treaty)) return undefined;
  }
  const answer = fact.kind === 'date' ? formatDate(fact.value, ctx.language) : fact.surface;
  // The choices are dates as the guide writes them: each must read in the blank as the text's own date does.
  // A language that inflects its months does not ("В июне 2008 года" is no "В июнь 2008 г. года").
  if (fact.kind === 'date' && !inflectedAlike(answer, fact.surface)) return undefined;
  let choices: string[];
  if (fact.kind === 'number') {
    const others = figureDistractors(s, fact);
    if (others.length < 3) return undefined;
    const size = (x: string) => parseFigure(figureDigits(x)).value;
    choices = [answer, ...others].sort((a, b) => size(a) - size(b));
  } else if (fact.kind === 'date') {
    const others = dateDistractors(s, fact, ctx, 3);
    if (others.length < 3) return undefined;
    // In the order of time.
    choices = [fact.value, ...others].sort().map((d) => (d === fact.value ? answer : formatDate(d, ctx.language)));
  } else {
    const others = distractors(s, fact, ctx, 3);
    if (others.length < 3) return undefined;
    choices = [answer, ...others].sort((a, b) => a.localeCompare(b, ctx.language));
  }
  const blank = fact.kind === 'person' ? untitled(s.text, fact, choices, ctx) : fact;
  return {
    kind: 'choice',
    chapter: s.chapter.id,
    order: s.order,
    question: wording(ctx.language).choice(fact.kind, blanked(s.text, blank)),
    answer,
    choices,
    quote: s.text,
    block: s.block,
    entry: fact.entry,
    evidence: fact.kind === 'date' ? fact.value : fact.surface,
    fact: fact.kind,
  };
}
