/**
 * Timeline labels in languages whose clauses the English rules cannot read: the clause that carries the date,
 * with the whole date phrase taken out ("… vanaf 1986 tot 1989 aktief betrokke …" → "… aktief betrokke …",
 * not "vanaf tot"), or kept where taking it out would not read (a date phrase that opens a sentence of a
 * verb-second language: "Im Juni 1982 erhielt sie …" would start with its verb). A sentence longer than a
 * line is split at its clause boundaries — punctuation, and the language's conjunctions — and the clause
 * holding the date kept: with the sentence's subject when a coordinated clause left it behind ("…, en skryf
 * dan in …" → "Hy skryf dan in …"), with the name a relative clause speaks of ("Andrew Robertson, der …").
 * Never cut inside a clause, never with "…". Per language: the words a date phrase is made of before its date
 * (prepositions, articles, parts of a year), the words that join a range, and the words of clauses.
 */
import { baseLanguage, lifeWords, WIDE_WRITING } from '../util/language.js';
import escape from 'escape-string-regexp';
import { memoize } from '../util/memo.js';
import { longDateFormat } from '../util/dates.js';

interface DatePhraseTable {
  /** Words that stand in a date phrase before the date: "in die somer van", "teen die einde van", "Anfang". */
  before: string[];
  /** Words that join the two ends of a range: "von 1977 bis 1979", "tussen 1981 en 1988". */
  joiners: string[];
  /** Conjunctions that join two main clauses ("und", "en", "og"): the clause after may leave out its subject. */
  coordinators: string[];
  /** Conjunctions that open a subordinate clause ("während", "terwyl", "lorsque"). */
  subordinators: string[];
  /** Relative pronouns ("der", "wat", "qui"): a clause they open speaks of the name before it. */
  relatives: string[];
  /** Pronouns and articles that open a subject ("er", "hy", "die"). */
  subjects: string[];
  /** Words that open what is said or known ("dass", "que", "che"): the clause after "was announced". */
  complementizers?: string[];
  /**
   * Words after which a coordinator joins two noun phrases, not two clauses: German marks case on its
   * articles and possessives ("Zur Vermeidung des Rückstoßes und der steilen Flugbahn …", "führte er und sein
   * Mitarbeiter … vor"), so a clause is split at "und" only before a word of its own (a verb: "und erfolgte").
   */
  nounPhrase?: string[];
}

const list = (words: string) => words.split('|');

const TABLES: Record<string, DatePhraseTable> = {
  af: {
    complementizers: list('dat'),
    coordinators: list('en|maar|want'),
    subordinators: list('terwyl|toe|wanneer|nadat|omdat|voordat|sodat|hoewel|alhoewel|waarna|waarop|waardeur'),
    relatives: list('wat|wie|waar|waarin'),
    subjects: list("hy|sy|hulle|ons|dit|die|’n|'n"),
    before: list(
      'in|op|vanaf|sedert|sedertdien|teen|tot|voor|na|gedurende|tussen|omstreeks|rondom|die|van|einde|begin|' +
        'middel|helfte|somer|winter|lente|herfs|laat|vroeg|jaar|jare|maand',
    ),
    joiners: list('tot|en|-|–'),
  },
  nl: {
    complementizers: list('dat'),
    coordinators: list('en|maar|want'),
    subordinators: list('terwijl|toen|wanneer|nadat|omdat|voordat|zodat|hoewel|waarna|waardoor'),
    relatives: list('die|dat|wie|waar|wat|waarin'),
    subjects: list('hij|zij|ze|het|men|wij|de|een'),
    before: list(
      'in|op|vanaf|sinds|sedert|tegen|tot|voor|na|gedurende|tussen|omstreeks|rond|de|het|van|eind|einde|' +
        'begin|midden|helft|zomer|winter|lente|voorjaar|herfst|najaar|laat|vroeg|jaar|jaren|maand',
    ),
    joiners: list('tot|en|-|–'),
  },
  de: {
    complementizers: list('dass'),
    coordinators: list('und|aber|sondern|doch|denn'),
    subordinators: list('während|nachdem|bevor|weil|obwohl|wobei|wodurch|sodass|woraufhin'),
    relatives: list('der|die|das|dem|den|deren|dessen|welche|welcher|welches'),
    subjects: list('er|sie|es|man|wir|der|die|das|ein|eine'),
    nounPhrase: list(
      'der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|sein|seine|seinen|seinem|seiner|seines|' +
        'ihr|ihre|ihren|ihrem|ihrer|ihres|dessen|deren|er|sie|es|wir|ihm|ihn|ihnen',
    ),
    before: list(
      'in|im|am|an|ab|seit|bis|von|vom|zwischen|um|gegen|nach|vor|während|anfang|ende|mitte|sommer|winter|' +
        'frühjahr|frühling|herbst|jahr|jahre|jahren|jahres|des|der|dem|den|die|das|zum|zur|spätestens|frühestens',
    ),
    joiners: list('bis|und|-|–'),
  },
  fr: {
    complementizers: list("que|qu’|qu'"),
    coordinators: list('et|mais|car'),
    subordinators: list('tandis que|lorsque|quand|puisque|parce que|alors que|bien que'),
    relatives: list('qui|dont|où|lequel|laquelle'),
    subjects: list("il|elle|ils|elles|on|le|la|les|l’|l'|un|une"),
    before: list(
      'en|le|la|les|l|au|aux|du|de|des|dès|depuis|jusqu|vers|avant|après|pendant|entre|début|fin|milieu|été|' +
        'hiver|printemps|automne|courant|année|mois',
    ),
    joiners: list('à|au|et|-|–'),
  },
  es: {
    complementizers: list('que'),
    coordinators: list('y|pero|sino'),
    subordinators: list('mientras|cuando|porque|aunque'),
    relatives: list('que|quien|quienes|donde'),
    subjects: list('él|ella|ellos|ellas|el|la|los|las|un|una'),
    before: list(
      'en|el|la|los|las|de|del|desde|hasta|hacia|antes|después|durante|entre|principios|finales|mediados|' +
        'verano|invierno|primavera|otoño|año|mes',
    ),
    joiners: list('a|al|y|hasta|-|–'),
  },
  pt: {
    complementizers: list('que'),
    coordinators: list('e|mas'),
    subordinators: list('enquanto|quando|porque|embora'),
    relatives: list('que|quem|onde'),
    subjects: list('ele|ela|eles|elas|o|a|os|as|um|uma'),
    before: list(
      'em|no|na|nos|nas|o|a|os|as|de|do|da|desde|até|antes|depois|durante|entre|início|fim|final|meados|' +
        'verão|inverno|primavera|outono|ano|mês',
    ),
    joiners: list('a|até|e|-|–'),
  },
  it: {
    complementizers: list('che'),
    coordinators: list('e|ed|ma|però'),
    subordinators: list('mentre|quando|perché|poiché|sebbene|benché|dopo che|prima che'),
    relatives: list('che|cui|il quale|la quale|i quali|le quali|dove'),
    subjects: list('egli|ella|lui|lei|essi|esse|loro|il|lo|la|i|gli|le|un|uno|una'),
    before: list(
      'nel|nello|nella|nei|negli|nelle|in|il|lo|la|dal|dalla|dallo|dai|dagli|dalle|del|della|dello|dei|degli|' +
        'delle|di|da|fino|al|alla|verso|prima|dopo|durante|tra|fra|inizio|fine|metà|estate|inverno|primavera|' +
        'autunno|anno|mese|settecento|ottocento|novecento|secolo',
    ),
    joiners: list('al|a|e|-|–'),
  },
};

const NORWEGIAN: DatePhraseTable = {
  complementizers: list('at'),
  coordinators: list('og|men|for'),
  subordinators: list('mens|da|etter at|fordi|selv om|slik at'),
  relatives: list('som|hvor'),
  subjects: list('han|hun|de|den|det|vi|man|en|et|ei'),
  before: list(
    'i|på|fra|frå|til|siden|sidan|etter|før|under|mellom|rundt|omkring|den|det|slutten|begynnelsen|midten|' +
      // "frå og med 1. november 2009", "til og med": one preposition of three words.
      'av|sommeren|vinteren|våren|høsten|året|årene|året|tidlig|sent|og|med',
  ),
  joiners: list('til|og|-|–'),
};
TABLES.nb = NORWEGIAN;
TABLES.nn = NORWEGIAN;
TABLES.da = {
  ...NORWEGIAN,
  relatives: list('som|hvor|der'),
  before: list('i|på|fra|til|siden|efter|før|under|mellem|omkring|den|det|slutningen|begyndelsen|midten|af|året'),
};
TABLES.sv = {
  ...NORWEGIAN,
  complementizers: list('att'),
  coordinators: list('och|men|för'),
  subordinators: list('medan|då|när|eftersom|fast|så att'),
  relatives: list('som|där'),
  subjects: list('han|hon|de|den|det|vi|man|en|ett'),
  before: list('i|på|från|till|sedan|efter|före|under|mellan|omkring|den|det|slutet|början|mitten|av|året'),
  joiners: list('till|och|-|–'),
};

type Place = { label: string; index: number; event?: boolean };

/** A sentence up to this long is its own label; a longer one gives the clause that holds the date. */
const SHORT = 100;
/** A clause shorter than this many words says too little alone: the clause before it (or after) joins it. */
const MIN_WORDS = 3;
/** A label longer than this, joined from clauses, gives way to the date's clause alone. */
const LONG = 130;
/** The longest label a clause that opens in lower case may make by going on the clauses before it. */
const JOINED = 180;

function tidy(text: string): string {
  return (
    text
      .replace(/\s*\([^()]*\)/g, '')
      // An aside between dashes, unless it holds a year: "ЕС и НАТО — с 2004 года, ОЭСР — с мая 2018 года" puts a
      // dash for a verb left out, and the span between two such dashes is a date of its own ("ein Text mit 7
      // Artikeln" between dashes is an aside all the same).
      .replace(/\s[–—]\s[^–—]*\s[–—](?=\s)/gu, (aside) => (/(?<!\d)\d{3,4}(?!\d)/.test(aside) ? aside : ''))
      .replace(/\s+/g, ' ')
      .replace(/\s+([,.;:])/g, '$1')
      .replace(/([,;:])(?:\s*[,;:])+/g, '$1')
      .trim()
      .replace(/^[,;:\s]+|[\s,;:.]+$/g, '')
  );
}

const MARK = '\u2063';
/**
 * The mark beside Chinese or Japanese writing, which has no spaces between words, or inside a word the date
 * is joined to ("феврале-марте 1919", "12-15 maja"): it leaves no space.
 */
const BESIDE_WIDE = new RegExp(`(?<=[${WIDE_WRITING}]|[\\p{L}\\p{N}][-–])${MARK}|${MARK}(?=[${WIDE_WRITING}])`, 'u');
const wordsOf = (s: string) =>
  s
    .replace(MARK, ' ')
    .split(/\s+/)
    .filter((w) => /\p{L}|\d/u.test(w));

interface Clause {
  text: string;
  /** The word that opened it, when it began at a conjunction or a relative pronoun. */
  by?: 'coordinator' | 'subordinator' | 'relative';
}

/**
 * The clauses of a tidied sentence: split at commas, semicolons, colons and dashes outside quotations where a
 * lower-case word follows (not between the items of a list — a name or a title after the comma, an article
 * and a name, a part of one or two words), and before a conjunction with three words or more on either side
 * (see `splitAtCoordinators`).
 */
function clausesOf(text: string, table: DatePhraseTable | undefined): Clause[] {
  const parts = text.split(/(?<=[,;:])\s+|\s+(?=[–—]\s)/u);
  const merged: string[] = [];
  const articles = new Set(table?.subjects.filter((w) => table.before.includes(w)));
  const listItem = (part: string) => {
    const [w0 = '', w1 = ''] = part.replace(MARK, ' ').trim().split(/\s+/);
    return !/^[–—]/u.test(w0) && (/^[^\p{Ll}]/u.test(w0) || (articles.has(w0) && /^\p{Lu}/u.test(w1)));
  };
  for (const part of parts) {
    const last = merged.at(-1);
    const short = (x: string) => wordsOf(x).length <= 2;
    if (last !== undefined && (short(part) || short(last) || listItem(part) || /[„“"«][^”“"»]*$/u.test(last))) {
      merged[merged.length - 1] = `${last} ${part}`;
    } else merged.push(part);
  }
  const clauses: Clause[] = [];
  const relative = table && openedBy(table.relatives);
  const subordinate = table && openedBy(table.subordinators);
  const coordinate = table && openedBy(table.coordinators);
  for (const part of merged) {
    const body = part.replace(/^[–—]\s*/u, '');
    const by: Clause['by'] = relative?.test(body)
      ? 'relative'
      : subordinate?.test(body)
        ? 'subordinator'
        : coordinate?.test(body)
          ? 'coordinator'
          : undefined;
    clauses.push(...splitAtCoordinators(body, table).map((c, i) => (i === 0 && by ? { ...c, by } : c)));
  }
  return clauses;
}

function splitAtCoordinators(text: string, table: DatePhraseTable | undefined): Clause[] {
  if (!table) return [{ text }];
  const conj = [...table.coordinators, ...table.subordinators].map(escape).join('|');
  const prepositions = table.before.filter((w) => !table.subjects.includes(w));
  // What comes before must have a word of its own in lower case (a verb; "Der Art Directors Club und das …"
  // is a subject of two names), what follows must open in lower case (not "Engels en Afrikaans"), and not
  // with a preposition or the date itself ("… en in 1997 die …" shares its verb with the clause before).
  const own = (x: string) =>
    wordsOf(x).some((w) => /^\p{Ll}/u.test(w) && !table.before.includes(w) && !table.subjects.includes(w));
  const at = [...text.matchAll(new RegExp(`\\s(${conj})\\s+(\\S+)`, 'giu'))].find(
    (m) =>
      wordsOf(text.slice(0, m.index)).length >= MIN_WORDS &&
      wordsOf(text.slice(m.index + 1)).length >= MIN_WORDS + 1 &&
      own(text.slice(0, m.index)) &&
      /^[\p{Ll}’']/u.test(m[2]!) &&
      !prepositions.includes(m[2]!.toLowerCase()) &&
      !(table.nounPhrase && table.coordinators.includes(m[1]!.toLowerCase()) && joinsNouns(text, m, table.nounPhrase)),
  );
  if (!at) return [{ text }];
  const by: Clause['by'] = table.coordinators.includes(at[1]!.toLowerCase()) ? 'coordinator' : 'subordinator';
  const [first, ...rest] = splitAtCoordinators(text.slice(at.index + 1), table);
  return [{ text: text.slice(0, at.index) }, { ...first!, by }, ...rest];
}

/**
 * Whether "und" before an article or possessive joins two noun phrases: the word before it is a noun or a
 * name ("des Rückstoßes und der Flugbahn") or a pronoun ("er und sein Mitarbeiter"), not the verb that ends a
 * clause ("…, der das Haus führt und die Forschung ausgebaut hat").
 */
function joinsNouns(text: string, m: RegExpMatchArray, nounPhrase: string[]): boolean {
  if (!nounPhrase.includes(m[2]!.toLowerCase())) return false;
  const before = wordsOf(text.slice(0, m.index)).at(-1) ?? '';
  return /^\p{Lu}/u.test(before) || nounPhrase.includes(before.toLowerCase());
}

/** The subject a sentence opens with: a pronoun, an article and its noun, or a name (else none). */
function subjectOf(first: string, table: DatePhraseTable): string {
  const ws = first.replace(MARK, ' ').trim().split(/\s+/);
  const w0 = ws[0] ?? '';
  const low = w0.toLowerCase();
  const article = table.subjects.includes(low) && table.before.includes(low);
  // A sentence that opens with a phrase of time or place has its subject after the verb: none taken.
  if (table.before.includes(low) && !article) return '';
  if (table.subjects.includes(low)) return article && ws[1] ? `${w0} ${ws[1]}` : w0;
  return /^(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*/u.exec(ws.slice(0, 4).join(' '))?.[0] ?? '';
}

const strip = (x: string) => x.replace(/^[,;:\s]+|[,;:\s]+$/g, '');
const openedBy = (words: string[]) => new RegExp(`^(?:${words.map(escape).join('|')})\\s+`, 'iu');

/**
 * The label: the tidied sentence when it is short, else the clause holding the date (at `at` in the untidied
 * text), joined with the clause before when it says too little, with the subject or the name it leaves out.
 */
function clauseLabel(text: string, at: number, table: DatePhraseTable | undefined, phrase = ''): string {
  const t = tidy(`${text.slice(0, at)}${MARK}${text.slice(at)}`);
  const unmark = (x: string) => tidy(x.replace(BESIDE_WIDE, '').replace(MARK, ' '));
  const plain = unmark(t);
  if (plain.length <= SHORT) return plain;
  const clauses = clausesOf(t, table);
  let i = clauses.findIndex((c) => c.text.includes(MARK));
  if (i < 0) return plain;
  let label = strip(clauses[i]!.text);
  let by = clauses[i]!.by;
  // Too few words alone ("wat hy behaal"), or a relative clause after no name: the clause before joins it
  // (a relative clause longer than a label with it stays alone).
  // "…, The smell of apples, word … bekroon": a part that opens with its verb goes on the clause before it.
  const function_ = (w: string) => !table || table.before.includes(w) || table.subjects.includes(w);
  const first = (x: string) => x.replace(MARK, ' ').trim().split(/\s+/)[0] ?? '';
  while (i > 0 && by === undefined && /^\p{Ll}/u.test(first(label)) && !function_(first(label))) {
    i--;
    label = `${strip(clauses[i]!.text)}, ${label}`;
    by = clauses[i]!.by;
  }
  // Without a table of the language's words, a clause that opens in lower case continues the one before it
  // ("Миндовг, принявший в 1251 году …", "…, która miała miejsce 25 września 1939"): the label opens where
  // that sentence or clause does, rather than with a relative pronoun or a participle — unless a clause on the
  // way has a date of its own (the label would open with another event) or the label would pass `JOINED`:
  // then the clause stays as it is.
  if (!table && /^\p{Ll}/u.test(first(label))) {
    let j = i;
    while (j > 0 && /^\p{Ll}/u.test(first(clauses[j]!.text)) && !/\d{3,4}/.test(clauses[j - 1]!.text)) j--;
    const joined = [...clauses.slice(j, i).map((c) => strip(c.text)), label].join(', ');
    // Not a whole long sentence either: a row of the timeline stays a line or two (`JOINED`).
    if (!/^\p{Ll}/u.test(first(clauses[j]!.text)) && unmark(joined).length <= JOINED) {
      label = joined;
      i = j;
      by = clauses[j]!.by;
    }
  }
  const alone = label;
  const named = () => by !== 'relative' || wordsOf(nameAtEnd(clauses[i - 1]!.text)).length >= 2;
  // The words a clause says besides a date phrase it keeps ("Le 3 mars 1884," says nothing).
  const said = (x: string) => wordsOf(phrase ? unmark(x).replace(tidy(phrase), ' ') : unmark(x)).length;
  while (i > 0 && (said(label) <= MIN_WORDS || !named())) {
    i--;
    label = `${strip(clauses[i]!.text)}, ${label}`;
    by = clauses[i]!.by;
  }
  if (unmark(label).length > LONG && wordsOf(unmark(alone)).length > MIN_WORDS) {
    label = alone;
    by = undefined;
  }
  if (said(label) < MIN_WORDS && clauses.length > i + 1) label = `${label}, ${strip(clauses[i + 1]!.text)}`;
  // "Ende Februar 2009 wurde bekannt gegeben, dass Lee die Jury … leiten werde": what was said is the news.
  const reported = clauses[i + 1]?.text;
  if (
    table?.complementizers &&
    reported &&
    // Not a clause with a date of its own: it labels its own event ("…, que son frère publie en 1910").
    !/\d{3,4}/.test(reported) &&
    !label.includes(strip(reported)) &&
    openedBy(table.complementizers).test(reported)
  )
    label = `${label}, ${strip(reported)}`;
  // "…, der das Agentur-Netzwerk … führt": the name it speaks of before it.
  if (by === 'relative' && i > 0) label = `${nameAtEnd(clauses[i - 1]!.text)}, ${label}`;
  if (table && by === 'coordinator' && i > 0) {
    // "…, en skryf dan in vir …": a coordinated clause without a subject takes the sentence's.
    const rest = label.replace(openedBy(table.coordinators), '');
    const next = rest.replace(MARK, ' ').trim().split(/\s+/)[0] ?? '';
    const hasSubject = table.subjects.includes(next.toLowerCase()) || /^\p{Lu}/u.test(next);
    // "Sy tweede boek Embrace, wat …, haal … en is …": the noun phrase a relative clause follows.
    const phrase = clauses[1]?.by === 'relative' && wordsOf(clauses[0]!.text).length <= 5;
    const subject = hasSubject ? '' : phrase ? strip(clauses[0]!.text) : subjectOf(clauses[0]!.text, table);
    label = subject ? `${subject} ${rest}` : rest;
  }
  // "Toe hy … oorlede is", "Waarna ’n …": the conjunction frames the event; the label tells it.
  if (table) label = label.replace(openedBy([...table.subordinators, ...table.coordinators]), '');
  const out = unmark(label);
  return out ? capitalise(out) : plain;
}

/** The first letter in upper case; after Afrikaans "’n", the word's ("’n Valse …"). */
function capitalise(text: string): string {
  const m = /^(?:[’']n\s+)?/u.exec(text)![0].length;
  return text.slice(0, m) + text.charAt(m).toUpperCase() + text.slice(m + 1);
}

/** The name a clause ends with ("… ist Andrew Robertson"), or ''. */
function nameAtEnd(text: string): string {
  const m = /(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*[,;:]?\s*$/u.exec(text.replace(MARK, ' '));
  return m ? strip(m[0]) : '';
}

/** The label of a date in a sentence of a language the English rules do not read. */
export function foreignLabel(sentence: string, date: Place, all: readonly Place[], language: string): string {
  // A date in brackets glosses the name before them ("Sara C. Bisel (* 13. Mai 1932 in Johnstown; …)").
  const open = sentence.lastIndexOf('(', date.index);
  const close = sentence.indexOf(')', date.index);
  if (open >= 0 && close > date.index && !sentence.slice(open, date.index).includes(')')) {
    const inner = sentence.slice(open + 1, close);
    const at = date.index - open - 1;
    const parts = inner.split(';');
    let from = 0;
    const part = parts.find((p) => (from += p.length + 1) > at)?.trim() ?? inner;
    const name =
      tidy(sentence.slice(0, open))
        .split(/[,;:]\s/)
        .at(-1) ?? '';
    // Only a name is glossed: not a number of a list ("31 (Juli 2014)") nor a phrase ("aufgrund der … (9.
    // Februar 2004)"); those take the clause's label.
    if (/^\p{Lu}/u.test(name) && /\p{L}{2}/u.test(name)) return `${name} (${part})`;
  }
  const table = TABLES[baseLanguage(language)];
  if (!table) return clauseLabel(sentence, date.index, undefined, date.label);
  const joiners = table.joiners.map(escape).join('|');
  // The end of a range ("vanaf 1986 tot 1989"): its start tells the event, when it is one.
  const range = new RegExp(`(?:${joiners})\\s*$`, 'iu').exec(sentence.slice(0, date.index).trimEnd());
  const from = range && all.find((d) => /^\s*$/.test(sentence.slice(d.index + d.label.length, range.index)));
  if (from && from.event !== false) return '';
  let start = from ? from.index : date.index;
  let end = date.index + date.label.length;
  // The other end of a range: "von 1977 bis 1979".
  for (;;) {
    const joiner = new RegExp(`^\\s*(?:${joiners})\\s*`, 'iu').exec(sentence.slice(end));
    const next = joiner && all.find((d) => d.index === end + joiner[0].length);
    if (!next) break;
    end = next.index + next.label.length;
  }
  // The words of the date phrase before it: "teen die einde van", "In die somer van".
  const before = new Set(table.before);
  for (;;) {
    const m = /(?<!\p{L})(\p{L}+)\s+$/u.exec(sentence.slice(0, start));
    if (!m || !before.has(m[1]!.toLowerCase())) break;
    // "…, das am 5. Juli 1943 angenommen wurde": a relative pronoun after a comma opens a clause; it stays.
    if (table.relatives.includes(m[1]!.toLowerCase()) && /,\s*$/.test(sentence.slice(0, m.index))) break;
    start = m.index;
  }
  // A comma that sets the date phrase apart before a clause's subject, a pronoun, an article or a name ("1902,
  // il obtient", "en 2011, elle limite", "En 1983, RSI devient"): the phrase goes with its comma, and the
  // clause after it is the label. Not before another phrase ("En 1910, année de sa mort, …", "Im Jahr 1905, in
  // Berlin, gründete er").
  const apart = /^\s*,\s*(\p{L}+['’]?)/u.exec(sentence.slice(end));
  const subject = apart && (table.subjects.includes(apart[1]!.toLowerCase()) || /^\p{Lu}/u.test(apart[1]!));
  const comma = subject ? apart[0].length - apart[1]!.length : 0;
  // A date phrase that opens the sentence: without it the sentence would open with its verb ("1996 erhielt er").
  if (!/\p{L}/u.test(sentence.slice(0, start)) && !comma)
    return clauseLabel(sentence, start, table, sentence.slice(start, end));
  return capitalise(clauseLabel(`${sentence.slice(0, start)} ${sentence.slice(end + comma)}`, start, table));
}

/** What a gloss on a person's life tells: the label of the birth, of the death, or of both (a lifespan). */
export interface LifeGloss {
  born?: string;
  died?: string;
  /** The name the gloss follows. */
  name: string;
  /** A range with no word of birth or death: a lifespan only if the name is a person's (the caller knows). */
  span?: boolean;
}

/** The name a gloss in brackets follows: two to six capitalised words, particles and a suffix between. */
const NAME_BEFORE = new RegExp(
  String.raw`((?:\p{Lu}[\p{L}.'’-]*,?\s+(?:(?:von|van|de|der|den|du|da|di|le|la|ten|ter)\s+)*){1,5}` +
    String.raw`\p{Lu}[\p{L}.'’-]*)[,\s]*$`,
  'u',
);

/**
 * A date in brackets right after a person's name that tells the birth or the death ("Sara C. Bisel (* 13. Mai
 * 1932 in Johnstown, Pennsylvania; † 4. Februar 1996)", "Wendy Mogel (Aussprache: …, * 23. März 1951)"), or
 * both as a range ("Harry Cummings McPherson, Jr. (August 22, 1929 – February 16, 2012) served …"): the events
 * are the birth and the death, labelled in the book's language ("Sara C. Bisel geboren in Johnstown,
 * Pennsylvania"), not the sentence the brackets stand in. Undefined for any other date.
 */
export function lifeGloss(sentence: string, date: Place & { end?: string }, language: string): LifeGloss | undefined {
  const open = sentence.lastIndexOf('(', date.index);
  const close = sentence.indexOf(')', date.index);
  if (open < 0 || close < 0 || sentence.slice(open, date.index).includes(')')) return undefined;
  const name = NAME_BEFORE.exec(sentence.slice(0, open))?.[1]?.replace(/,$/, '');
  if (!name || wordsOf(name).length < 2) return undefined;
  const words = lifeWords(language);
  // The part of the gloss that holds the date: birth and death stand apart by ";" or by ", †".
  let start = open + 1;
  for (const m of sentence.slice(open + 1, close).matchAll(/;\s*|,\s*(?=[*†+])/gu))
    if (open + 1 + m.index + m[0].length <= date.index) start = open + 1 + m.index + m[0].length;
  const endMatch = /;|,\s*(?=[*†+])/u.exec(sentence.slice(date.index, close));
  const end = endMatch ? date.index + endMatch.index : close;
  const lead = sentence.slice(start, date.index).trim().toLowerCase();
  const rest = tidy(sentence.slice(date.index + date.label.length, end));
  const says = (marks: readonly string[]) =>
    marks.some((m) => lead === m || lead.endsWith(` ${m}`) || (lead.endsWith(m) && !/\p{L}/u.test(m)));
  const label = (word: string) => (rest ? `${name} ${word} ${rest}` : `${name} ${word}`);
  if (says(words.bornMarks)) return { name, born: label(words.born) };
  if (says(words.diedMarks)) return { name, died: label(words.died) };
  // "(August 22, 1929 – February 16, 2012)": a lifespan, the whole gloss (of a person, not of "the Battle of
  // Khalkhin Gol (May 11 – September 16, 1939)").
  if (!lead && date.end && !rest)
    return { name, born: `${name} ${words.born}`, died: `${name} ${words.died}`, span: true };
  return undefined;
}

/**
 * Days a sentence names only by the day before or after another ("that day", "the next day", "le lendemain",
 * "am folgenden Tag"): each phrase with the days it lies from the day it counts from. Per language; a language
 * without a table has none.
 */
const RELATIVE_DAYS: Record<string, [string, number][]> = {
  en: [
    ['that day', 0],
    ['that same day', 0],
    ['the same day', 0],
    ['that evening', 0],
    ['that morning', 0],
    ['that afternoon', 0],
    ['the next day', 1],
    ['the following day', 1],
    ['the day after', 1],
    ['the next morning', 1],
    ['the following morning', 1],
    ['the previous day', -1],
    ['the day before', -1],
  ],
  de: [
    ['am selben Tag', 0],
    ['am gleichen Tag', 0],
    ['an diesem Tag', 0],
    ['am nächsten Tag', 1],
    ['am folgenden Tag', 1],
    ['tags darauf', 1],
    ['am Tag darauf', 1],
    ['am Vortag', -1],
  ],
  fr: [
    ['le même jour', 0],
    ['ce jour-là', 0],
    ['le jour même', 0],
    ['le lendemain', 1],
    ['le jour suivant', 1],
    ['la veille', -1],
  ],
};

export interface RelativeDay {
  /** The phrase as the sentence writes it, and where. */
  label: string;
  index: number;
  /** Days from the day it counts from. */
  offset: number;
}

/** Each language's phrases, longest first, with the pattern that finds one (made once per language). */
const relativePatterns = new Map<string, { pattern: RegExp; offset: number }[]>();
function patternsOf(language: string): { pattern: RegExp; offset: number }[] {
  let out = relativePatterns.get(language);
  if (!out) {
    const table = RELATIVE_DAYS[language] ?? [];
    out = [...table]
      .sort((a, b) => b[0].length - a[0].length)
      .map(([phrase, offset]) => ({
        pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escape(phrase)}(?![\\p{L}\\p{N}])`, 'giu'),
        offset,
      }));
    relativePatterns.set(language, out);
  }
  return out;
}

/**
 * The phrases of a sentence that name a day by another ("that day", "the next day"), in reading order. A pure
 * function of the sentence and the language, remembered per sentence (a warm edit reads only the edited ones).
 */
export const relativeDays: (sentence: string, language: string) => readonly RelativeDay[] = memoize(
  (sentence: string, language: string): readonly RelativeDay[] => {
    const base = baseLanguage(language);
    if (!RELATIVE_DAYS[base]) return [];
    const out: RelativeDay[] = [];
    for (const { pattern, offset } of patternsOf(base))
      for (const m of sentence.matchAll(pattern))
        // "the day after the invasion": a day told by an event it names, not by the date before.
        if (!/^\s+(?:the|a|an|his|her|its|their|der|die|das|de|du|des)\b/iu.test(sentence.slice(m.index + m[0].length)))
          if (!out.some((o) => m.index < o.index + o.label.length && o.index < m.index + m[0].length))
            out.push({ label: m[0], index: m.index, offset });
    return out.sort((a, b) => a.index - b.index);
  },
  (sentence, language) => `${language}\u0000${sentence}`,
  { keyChars: 4_000_000 },
  { name: 'relative-days' },
);

/** An ISO day moved by some days ("1939-08-25" + 1 → "1939-08-26"). */
export function shiftDay(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/** A day as the book's language writes it ("August 26, 1939", "26. August 1939"). */
export function writtenDay(iso: string, language: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return longDateFormat(language, true).format(new Date(Date.UTC(y!, m! - 1, d!)));
}
