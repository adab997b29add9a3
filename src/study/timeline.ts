/**
 * The timeline of events: every date of the book that marks an event (study/dates.ts gives each its year,
 * from the text or the narrative), each with a label of a few words — the clause that carries the date,
 * without the date — and a link to the block that tells it. Two sentences or two sources telling one event
 * (same date, overlapping words) are one event with every block that tells it. Incidental years (a book's
 * year, "the 1932 pact", a year in brackets, list lines such as "Adolf Ioffe (1918)") are not events.
 */
import { englishLexicon } from '../util/lexicon.js';
import type { Book, TimelineEvent, VariantRecord } from '../model/index.js';
import { blocksOf, italicTitles, NO_TITLES } from './text.js';
import { bookDates, isoOf, rawDatesIn, type BookDate } from './dates.js';
import { measurement } from './measures.js';
import { baseLanguage } from '../util/language.js';
import { fullerMention, knownPhrase } from './discourse.js';
import { foreignLabel, lifeGloss, relativeDays, shiftDay, writtenDay, type LifeGloss } from './date-phrases.js';
import { memoize } from '../util/memo.js';
import { distance } from 'fastest-levenshtein';
import { nameAt, nameParts, withoutSuffix } from '../util/names.js';

export interface DateMention {
  /** ISO start by precision. */
  date: string;
  precision: TimelineEvent['precision'];
  end?: string;
  label: string;
  /** Offset of the date in its sentence. */
  index: number;
}

/**
 * Every date in one sentence on its own. A day or month without a year takes `lastYear`, else a year the
 * sentence writes; without either it is left out. (The book's dates take their years from the narrative:
 * `bookDates`.)
 */
export function datesIn(sentence: string, lastYear?: number, language?: string): DateMention[] {
  const raws = rawDatesIn(sentence, language);
  const own = raws.find((r) => r.start.year !== undefined && r.precision !== 'year')?.start.year;
  const fallback = lastYear ?? own ?? raws.find((r) => r.start.year !== undefined)?.start.year;
  const out: DateMention[] = [];
  for (const r of raws) {
    // "The following year": only the year before the sentence says which (not one the sentence writes).
    const year =
      r.yearOffset !== undefined
        ? lastYear === undefined
          ? undefined
          : lastYear + r.yearOffset
        : (r.start.year ?? fallback);
    if (year === undefined) continue;
    const end = r.end ? isoOf(r.end, r.end.year ?? year) : undefined;
    out.push({ date: isoOf(r.start, year), precision: r.precision, end, label: r.label, index: r.index });
  }
  return out;
}

/** Words that open a clause without saying anything of the event. */
const CONNECTIVES = new RegExp(
  String.raw`^(?:(?:however|then|thus|therefore|finally|also|and|but|so|yet|meanwhile|subsequently|moreover|` +
    String.raw`furthermore|already|respectively|later|soon|when|while|as|after|before|since|until|in turn|` +
    String.raw`at the same time|in response|in exchange|in return|instead|such that)\b[\s,]*)+`,
  'i',
);
/** Prepositions and articles a date phrase leaves behind ("On …", "in early …", "by the end of …"). */
const DATE_LEFTOVER = new RegExp(
  String.raw`(?:\b(?:on|in|by|from|at|since|until|till|of|during|around|through|throughout|between|after|before|` +
    String.raw`im|am|vom|seit|bis|ab|anfang|ende|mitte|op|le|en|au|el|del|` +
    String.raw`as early as|as late as)\s+)?(?:\b(?:the\s+)?(?:early|late|mid|end|beginning|start|middle|summer|` +
    String.raw`spring|autumn|fall|winter|course)(?:-|\s+)(?:of\s+)?)*$`,
  'i',
);
/** Where a long label can end: before a subordinate or adverbial phrase. */
const BREAKS = new RegExp(
  String.raw`\s+(?=(?:which|who|whom|whose|that|whether|because|although|though|while|when|where|in order|so that|` +
    String.raw`thereby|as|after|before|during|for|with|despite|including|under|against|through|to the|from|in|at|on|` +
    String.raw`and|but|by|of|until|till|to|along|across|over|into|towards?|near|within|among|between|via)\b)|` +
    String.raw`\s*(?=[,;:"“(])`,
  'gi',
);
const TRAILING_STOP = new RegExp(
  String.raw`\s+(?:the|a|an|of|in|on|at|to|for|and|or|by|with|from|as|that|which|who|its|their|his|her|about|` +
    String.raw`into|over|than|whether|towards|regarding|upon)$`,
  'i',
);
/** Words after which a label cannot end: determiners, relative pronouns, auxiliaries. */
const FUNCTION_END = new RegExp(
  String.raw`\s+(?:this|these|those|my|our|your|whose|whom|what|where|when|why|how|if|was|were|is|are|be|been|` +
    String.raw`had|has|have|would|could|should|will|can|may|might|must|not|both|each|every|such|some|any|no|` +
    String.raw`against|between|through|under|among|within|without|during|via|per|like|unlike)$`,
  'i',
);
const MAX_WORDS = 11;
/** A label fits one line of the timeline's table (a figure the print pages bear out). */
const MAX_CHARS = 72;
/** A label that must run on to read alone takes two lines at most. */
const LONG_CHARS = 140;
/** How far past two lines a label may run when every shorter head would mislead. */
const OVER_LONG = 24;
/** How far past a line a label may run rather than lose its last few words. */
const SHORT_TAIL = 16;

const words = (s: string) => s.split(/\s+/).filter(Boolean);
/**
 * Whether a word is a verb (or an adverb), by compromise's lexicon of English words and its -ed/-ing endings.
 * Its contextual tagger reads every word of a sentence and costs ~15 ms a sentence, seconds a book; the
 * labels only ask whether a clause has a verb at all, which the lexicon answers. A capitalised word inside a
 * phrase is a name, never a verb.
 */
const VERB_TAGS = new Set([
  'Verb',
  'PastTense',
  'PresentTense',
  'Infinitive',
  'Gerund',
  'Copula',
  'Modal',
  'Auxiliary',
  'Participle',
  'PhrasalVerb',
]);
const tagsOf = (w: string): string[] => {
  const t = englishLexicon().words[w];
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
};
const bare = (w: string) => w.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}'’-]+$/gu, '');
function isVerb(w: string | undefined, at = 0): boolean {
  if (w === undefined || (at > 0 && /^\p{Lu}/u.test(w))) return false;
  // "co-wrote": the verb after the hyphen.
  const b = bare(w).replace(/^\p{L}+-(?=\p{L}{3,}$)/u, '');
  const known = tagsOf(b);
  // "joined", "used": the lexicon files past participles as adjectives; in a clause they are its verb.
  if (b.length > 4 && /ed$/.test(b)) return true;
  if (known.length) return known.some((t) => VERB_TAGS.has(t));
  return b.length > 4 && /ing$/.test(b);
}
/** A verb that tells something: finite, or a participle in -ed ("command" and "report" are not enough). */
function tellsIn(phrase: string): boolean {
  return words(phrase).some(
    (w, i) => !(i > 0 && /^\p{Lu}/u.test(w)) && (/ed$/.test(bare(w)) || tagsOf(bare(w)).some((t) => FINITE.has(t))),
  );
}
/** A finite verb in a noun phrase ("the German invasion of the USSR" has none; "the treaty was signed" has). */
const FINITE = new Set(['PastTense', 'PresentTense', 'Copula', 'Modal', 'Auxiliary']);
function finiteIn(phrase: string): boolean {
  return words(phrase).some((w) => !/^\p{Lu}/u.test(w) && tagsOf(bare(w)).some((t) => FINITE.has(t)));
}
const isAdverb = (w: string | undefined) => w !== undefined && tagsOf(bare(w)).includes('Adverb');

/** Clauses of a sentence, split at commas, semicolons and dashes outside brackets and quotations. */
function clauses(sentence: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence[i]!;
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === '"' || c === '“' || c === '”') quoted = c === '“' ? true : c === '”' ? false : !quoted;
    else if (
      depth === 0 &&
      !quoted &&
      (c === ',' || c === ';' || c === ':' || (c === '–' && sentence[i - 1] === ' ')) &&
      !(c === ',' && listComma(sentence, i)) &&
      // "Harry Cummings McPherson, Jr. served …": a name's suffix, not a clause.
      !(c === ',' && /^\s+(?:Jr|Sr)\.?(?![\p{L}])/u.test(sentence.slice(i + 1)))
    ) {
      out.push({ text: sentence.slice(start, i), start });
      start = i + 1;
    }
  }
  out.push({ text: sentence.slice(start), start });
  return out;
}

const NOT_A_NAME =
  /^\s+(?:It|The|This|That|These|Those|He|She|They|We|In|On|At|By|For|From|After|Before|A|An|His|Her|Its|Their)\b/;
/** A comma in a list of names ("Estonia, Latvia, and Lithuania"): capitalised words on both sides. */
function listComma(sentence: string, at: number): boolean {
  // "Morris co-wrote, produced and acted in …": a list of verbs of one subject.
  const verbs = /^\s+(\p{Ll}[\p{L}-]*)(?:,|\s+(?:and|or)\s+\p{Ll})/u.exec(sentence.slice(at + 1));
  if (verbs && isVerb(verbs[1]) && isVerb(words(sentence.slice(0, at)).at(-1), 1)) return true;
  return (
    /\p{Lu}[\p{L}'’-]*$/u.test(sentence.slice(0, at)) &&
    /^\s+(?:(?:and|or)\s+)?\p{Lu}/u.test(sentence.slice(at + 1)) &&
    !NOT_A_NAME.test(sentence.slice(at + 1)) &&
    // "…, Soviet NKVD troops raided …": a clause after the comma, not the next name of a list.
    !(/^\s+\p{Lu}/u.test(sentence.slice(at + 1)) && verbIn(/^[^,;:]*/.exec(sentence.slice(at + 1))![0])) &&
    // "… the Mannerheim Line, and Finland sought an armistice": a clause after ", and", unless a list runs up to
    // it ("Estonia, Latvia, and Lithuania were …").
    !(
      /^\s+and\s+\p{Lu}/u.test(sentence.slice(at + 1)) &&
      !/\p{Lu}[\p{L}'’-]*,\s+(?:\p{Lu}[\p{L}'’-]*\s+)*\p{Lu}[\p{L}'’-]*$/u.test(sentence.slice(0, at)) &&
      verbIn(/^[^,;:]*/.exec(sentence.slice(at + 1).replace(/^\s+and/, ''))![0])
    )
  );
}

/** A passive verb: "was diplomatically recognized", "were deported". */
const PASSIVE = /\b(?:was|were|been|being|is|are)\s+(?:\p{Ll}+ly\s+)?\p{Ll}+(?:ed|en|wn)\b/u;
/** Words whose claim holds only of the agent: "recognized for the first time by Spain, …". */
const AGENT_SCOPE = /\b(?:first|only|last|never|again|alone|solely|exclusively)\b/i;
/** What goes on naming after a cut: ", the United States", " of Ostrel", " and Bulgaria". */
const NAMES_GO_ON = /^\s*(?:,\s*(?:and\s+)?|\s(?:and|of|of the|de|von)\s+)(?:the\s+)?\p{Lu}/u;
/**
 * A cut that leaves out some of a passive verb's agents where the clause claims something of them only
 * ("was recognized for the first time | by Spain, …", "… for the first time by Spain, the Free City | of …"):
 * without them the label says the Soviet Union was recognized for the first time, which it was not. Elsewhere
 * the agent may go ("was signed | by German Foreign Minister …").
 */
function agentCut(head: string, tail: string): boolean {
  const passive = PASSIVE.exec(head);
  if (!passive) return false;
  const clause = head.slice(passive.index);
  const by = /\bby\s+(?:the\s+)?\p{Lu}/u.exec(clause);
  if (by) return AGENT_SCOPE.test(clause.slice(0, by.index)) && NAMES_GO_ON.test(tail);
  const agent = /^([^,;:]*?)\bby\s+(?:the\s+)?\p{Lu}/u.exec(tail);
  return !!agent && AGENT_SCOPE.test(clause + agent[1]);
}

/** A label fits MAX_CHARS: it ends at a phrase boundary, never mid-phrase and never with "…". */
function shorten(label: string): string {
  // Brackets go, nested ones too ("(see Invasion of Poland (1939))"), innermost first.
  let unbracketed = label;
  for (let before = ''; before !== unbracketed;) unbracketed = (before = unbracketed).replace(/\s*\([^()]*\)/g, '');
  let text = unbracketed
    .replace(/\s+/g, ' ')
    .replace(/,?\s+(?:as well|too|again)$/, '')
    .trim();
  if (text.length > MAX_CHARS) {
    // "In Moscow Molotov and Ribbentrop signed …": a place before the subject gives way first.
    text = text.replace(/^(?:[Ii]n|[Aa]t)\s+\p{Lu}[\p{L}'’-]*\s+(?=\p{Lu})/u, '');
    // "A German delegation headed by Foreign Minister Joachim von Ribbentrop arrived": without the agent phrase.
    const lean = text.replace(AGENT_PHRASE, ' ');
    if (lean !== text && verbIn(lean)) text = lean.replace(/\s+/g, ' ');
    if (text.length > MAX_CHARS) text = withoutRelative(text);
  }
  if (text.length > MAX_CHARS) {
    // The longest head that fits and has a verb, else the shortest a little longer, else any head that fits.
    const whole = text;
    const heads = [...text.matchAll(BREAKS)]
      // Not inside a name ("Boundary and Friendship Treaty", "Estonia, Latvia, and Lithuania").
      .filter(
        (m) =>
          !(
            /\p{Lu}[\p{L}-]*,?$/u.test(text.slice(0, m.index)) &&
            /^,?\s*(?:and\s+)?(?:the\s+)?\p{Lu}/u.test(text.slice(m.index)) &&
            // "… the German | and the Red Army" is one phrase; "… Constructors | and the Federation was founded"
            // is a clause of its own.
            !(/^\s*and\s+the\s/.test(text.slice(m.index)) && finiteIn(/^[^,;:]*/.exec(text.slice(m.index))![0]))
          ),
      )
      // A break before the quotation mark that closes a quotation: after it.
      .map((m) => (/^["”]/.test(whole.slice(m.index)) && unbalanced(whole.slice(0, m.index)) ? m.index + 1 : m.index))
      .map((at) => ({
        head: whole.slice(0, at).trim(),
        // A participle before its agent ("a delegation headed | by …") needs what follows: a last resort; so
        // does a passive whose agent the tail names ("was recognized for the first time | by Spain, …": cut
        // there, it says the opposite).
        dangling:
          (/^\s*by\b/.test(whole.slice(at)) && bareParticiple(whole.slice(0, at))) ||
          agentCut(whole.slice(0, at), whole.slice(at)) ||
          // Nor at the first name of a list that goes on ("… by Spain | , the United States, …").
          (/\p{Lu}[\p{L}'’.-]*$/u.test(whole.slice(0, at)) &&
            /^,\s+(?:and\s+)?(?:the\s+)?\p{Lu}/u.test(whole.slice(at))),
        incomplete: incomplete(whole.slice(0, at).trim(), whole.slice(at).trim()),
      }))
      // A head that needs what follows ("been referred to"): not a place to end.
      .filter(({ head }) => words(head).length >= 3 && !/\b(?:to|into|than)$/i.test(head));
    const pick = (hs: string[]) =>
      hs.filter((h) => h.length <= MAX_CHARS && tellsIn(h)).at(-1) ??
      hs.find((h) => h.length > MAX_CHARS && tellsIn(h));
    // A head that reads alone, on one line, else on two; a fragment ("… forced Hitler") only when no head reads.
    const complete = heads.filter((h) => !h.dangling && !h.incomplete).map((h) => h.head);
    // A phrase the label names for a demonstrative ("from the new border security zone"): kept, on two lines.
    const named = nameKept && complete.find((h) => h.includes(nameKept!) && h.length <= LONG_CHARS);
    // A head that would leave only a short tail ("… declared war | on Germany"): the whole, on two lines.
    const oneLine = pick(complete.filter((h) => h.length <= MAX_CHARS));
    const tail = oneLine === undefined ? '' : whole.slice(oneLine.length);
    // Not the first of a list the clause stops at ("recognized … by Spain, the United States, …").
    const at = tail.trim() ? sentenceNow.indexOf(tail.trim()) : -1;
    const listGoesOn = at >= 0 && /^,\s+(?:and\s+)?(?:the\s+)?\p{Lu}/u.test(sentenceNow.slice(at + tail.trim().length));
    const short =
      oneLine !== undefined && whole.length <= MAX_CHARS + SHORT_TAIL && words(tail).length <= 3 && !listGoesOn;
    text =
      (named || undefined) ??
      (short ? whole : undefined) ??
      oneLine ??
      pick(complete.filter((h) => h.length <= LONG_CHARS)) ??
      (whole.length <= LONG_CHARS ? whole : undefined) ??
      pick(heads.filter((h) => !h.dangling).map((h) => h.head)) ??
      // Every head cuts off what the verb needs ("recognized … | by Spain, …"): a little over two lines rather
      // than a label that says something else.
      (whole.length <= LONG_CHARS + OVER_LONG ? whole : undefined) ??
      pick(heads.map((h) => h.head)) ??
      text;
  }
  for (let before = ''; before !== text;) {
    before = text;
    // "… concluded another treaty (Treaty": a bracket cut open goes with what it opened.
    text = text.replace(TRAILING_STOP, '').replace(/[\s,;:–-]+$/, '');
    if (unbalanced(text)) text = closeQuotation(text) ?? text.replace(/\s*[(“"][^(“"]*$/, '');
  }
  return text;
}

/**
 * A label cut inside a quotation it opened: the quoted words it keeps, with an ellipsis for the rest, closed
 * ("asked whether "there was any possibility of combining the German and the Red Army …""), when they are three
 * words or more; else undefined (the quotation goes).
 */
function closeQuotation(text: string): string | undefined {
  const open = Math.max(text.lastIndexOf('“'), text.lastIndexOf('"'));
  if (open < 0 || text.lastIndexOf('(') > open || words(text.slice(open + 1)).length < 3) return undefined;
  // The quotation as what a clause before it tells or names, not as the whole label.
  if (!verbIn(text.slice(0, open))) return undefined;
  const inside = text
    .slice(open + 1)
    .replace(TRAILING_STOP, '')
    .replace(FUNCTION_END, '')
    .replace(/[\s,;:–-]+$/, '');
  // The words left out are marked, as an editor marks them: the quotation does not end there in the text.
  return `${text.slice(0, open + 1)}${inside} …${text[open] === '“' ? '”' : '"'}`;
}

/**
 * A long label without the relative clause after its subject: "The Soviet decision to invade … which had
 * earlier been agreed as the Soviet zone of influence was communicated …" → "… was communicated …". The
 * relative clause runs from "which" or "who" past its own verb group to the next finite verb.
 */
function withoutRelative(text: string): string {
  const ws = words(text);
  const at = ws.findIndex((w, i) => i > 1 && /^(?:which|who)$/i.test(w) && !/[,;:]$/.test(ws[i - 1]!));
  if (at < 0) return text;
  let k = at + 1;
  const modifier = (w: string) =>
    isAdverb(w) || /ly$/i.test(w) || /^(?:earlier|already|later|not|never|once|first)$/i.test(w);
  while (k < ws.length && (isVerb(ws[k], k) || modifier(ws[k]!))) k++;
  if (k === at + 1) return text;
  const main = ws.findIndex(
    (w, i) =>
      i > k &&
      !/^\p{Lu}/u.test(w) &&
      !DETERMINER_WORD.test(bare(ws[i - 1]!)) &&
      (MAIN_VERB.test(bare(w)) || tagsOf(bare(w)).includes('PastTense')),
  );
  return main < 0 ? text : [...ws.slice(0, at), ...ws.slice(main)].join(' ');
}
const MAIN_VERB = /^(?:was|were|is|are|had|has|have)$/;

/** Words that stand for a part of something named after "of" ("one of the reasons", "took part in …"). */
const PART_OF = /^(?:one|two|three|some|most|many|all|each|any|none|several|part|parts|rest|number|majority|half)$/i;
/** Nouns of change that need their "of" ("the rise of political extremism", "the entry of German troops"). */
const NEEDS_OF = /^(?:rise|fall|entry|return|loss|end|start|beginning|use|spread|growth|decline|arrival|departure)$/i;
/** What may follow a clause that ends with its verb ("Litvinov was dismissed | and …", "… signed | on …"). */
const AFTER_VERB = new RegExp(
  String.raw`^(?:and|but|or|in|on|at|during|after|before|when|while|because|as|since|until|for|by|with|from|` +
    String.raw`near|under|despite|amid|[,;:(])`,
  'i',
);
/** Verbs that send something somewhere: in the passive, where to is their point ("were diverted to …"). */
const DIRECTED = new RegExp(
  String.raw`^(?:diverted|redirected|rerouted|sent|dispatched|despatched|moved|transferred|transported|shipped|` +
    String.raw`deported|exiled|banished|expelled|extradited|relocated|evacuated|brought|delivered|returned|handed)$`,
  'i',
);
/** Words that open a clause of their own: before its verb, the clause is not finished ("… that the pact"). */
const OPENS_CLAUSE = /^(?:that|whether|because|although|though|while|when|where|which|who|if|since)$/i;

/**
 * A head that does not read alone: it ends with its verb and what follows is that verb's object or
 * complement ("… issued ultimatums demanding | that …", "… managed to break | through …", "… wanted | "a common
 * frontier …""), before the infinitive a verb and its object need ("forced Hitler | to decree …"), with a part
 * before its whole ("provided one | of the reasons"), or inside a clause it opened ("… told … that the pact |
 * with the Soviets freed …").
 */
function incomplete(head: string, rest: string): boolean {
  if (!rest) return false;
  // "… acceded to the Soviet demands and signed the | "mutual …"": a head that ends on a word that opens a phrase.
  if (TRAILING_STOP.test(head) || FUNCTION_END.test(head)) return true;
  const ws = words(head);
  const last = bare(ws.at(-1) ?? '');
  const next = bare(words(rest)[0] ?? '');
  const verbAt = (i: number) => clearVerb(ws, i);
  // A passive ("was signed | in …") reads alone, unless its verb sends something somewhere ("were diverted | to
  // the port of …"): then where to is the point.
  const passive = /ed$/.test(last) && ws.slice(-4, -1).some((w) => BE.test(bare(w)));
  if (passive && DIRECTED.test(last) && /^(?:to|towards?|into)$/.test(next)) return true;
  if (verbAt(ws.length - 1) && !passive && !AFTER_VERB.test(rest)) return true;
  // "to" before a verb, not before a noun phrase ("to the …", "to Berlin").
  const infinitive =
    next === 'to' && !/^(?:the|a|an|his|her|its|their|this|that|\p{Lu})/u.test(words(rest)[1] ?? 'the');
  if (infinitive && [1, 2, 3].some((k) => verbAt(ws.length - k))) return true;
  if (next === 'to' && /^(?:due|owing|according|prior|thanks|close|next)$/.test(last)) return true;
  const ofNoun = NEEDS_OF.test(last) || (/ing$/.test(last) && DETERMINER_WORD.test(bare(ws.at(-2) ?? '')));
  if ((next === 'of' || next === 'in') && (PART_OF.test(last) || (next === 'of' && ofNoun))) return true;
  // "… on the attitude | of Germany", "… to the Arctic port | of Murmansk": a noun the definite article says
  // the name after its "of" identifies.
  const named = /^\p{Lu}/u.test(words(rest)[1] ?? '') && /^\p{Ll}/u.test(ws.at(-1) ?? '');
  if (next === 'of' && named && ws.slice(-4, -1).some((w) => /^the$/i.test(bare(w)))) return true;
  // "any possibility | of combining …": a noun before the gerund that tells what it is of.
  if (next === 'of' && /^\p{Ll}+ing$/u.test(words(rest)[1] ?? '')) return true;
  const opener = ws.findLastIndex((w) => OPENS_CLAUSE.test(bare(w)));
  if (opener > 0 && !ws.slice(opener + 1).some((w, i) => isVerb(w, i + 1))) return true;
  // "… told the envoy | that …", "… asked at the Foreign Office | whether …": a telling verb before what it tells.
  const teller = ws.findLastIndex((w, i) => TELLING.test(bare(w)) && !(i > 0 && /^\p{Lu}/u.test(w)));
  const told = teller >= 0 && teller >= opener && !ws.slice(teller + 1).some((w) => OPENS_CLAUSE.test(bare(w)));
  if (told && (COMPLEMENT_AHEAD.test(rest) || (next === 'to' && ws.length - teller <= 8))) return true;
  // "… acceded to the demands | and signed …": a second verb of the same subject is cut off.
  // (Only where the date stands after the verbs: a date that opens the sentence dates the first as well.)
  const second = words(rest)[1] ?? '';
  if (datedLast && /^and\s+\p{Ll}/u.test(rest) && !MAIN_VERB.test(second) && clearVerb(words(rest), 1)) return true;
  // "… relations would depend exclusively | on …", "… that was now based | on …": a verb before its adverb or
  // a participle of state, without what they need.
  const lastVerb = ws.length - 1 - [...ws].reverse().findIndex((w) => !/ly$/i.test(bare(w)));
  const verbal = (i: number) =>
    isVerb(ws[i], i) || /^(?:would|could|should|will|can|may|might|must|to)$/i.test(ws[i - 1] ?? '');
  if (lastVerb < ws.length - 1 && lastVerb >= 0 && verbal(lastVerb) && !passive) return true;
  const stated = [ws.at(-2), ws.at(-3)].some((w) => BE.test(bare(w ?? '')));
  if (STATE_PARTICIPLE.test(last) && stated && /^(?:on|in|at|to|as|by|with|from)$/.test(next)) return true;
  // "… the Soviet decision … which had earlier been agreed | as …": a subject whose only verb is a relative
  // clause's has not told its event yet.
  const relative = ws.findIndex((w) => /^(?:which|who|whom|whose)$/i.test(bare(w)));
  return relative > 0 && !tellsIn(ws.slice(0, relative).join(' '));
}

/** Verbs that tell, ask or promise something: the clause or the quotation after them is part of the event. */
const TELLING = new RegExp(
  String.raw`^(?:told|tells?|asked|asks?|assured|informed|warned|promised|notified|reminded|convinced|persuaded|` +
    String.raw`urged|offered|advised|requested|instructed|invited|hinted|suggested|proposed|announced|declared|` +
    String.raw`stated|said|says|wrote|writes|replied|answered|argued|claimed|insisted|demanded|explained|` +
    String.raw`confirmed|denied|admitted|acknowledged|reported|revealed|complained|protested|assured|pledged|` +
    String.raw`guaranteed|agreed|decided|emphasi[sz]ed|stressed|remarked|noted|predicted|concluded)$`,
  'i',
);
/** What a telling verb's complement opens with: a clause, a question, a quotation, what it was about. */
const COMPLEMENT_AHEAD = /^[^,;:]{0,60}?(?:(?<![\p{L}])(?:that|whether|if|how|what|why|about)(?![\p{L}])|[“"])/iu;

const BE = /^(?:was|were|been|be|is|are|being)$/;
const DETERMINER_WORD = /^(?:the|a|an|this|that|these|those|its|their|his|her|our|some|all|each|every|no|any)$/;
/**
 * A word that is surely a verb where it stands: -ed or -ing, a past tense ("took", "wrote"), or an infinitive
 * after "to"; not after a determiner ("the last minor technical details" ends with a noun the lexicon also
 * files as a verb).
 */
function clearVerb(ws: string[], i: number): boolean {
  const w = ws[i];
  if (w === undefined || i < 0 || (i > 0 && /^\p{Lu}/u.test(w))) return false;
  const b = bare(w);
  const prev = bare(ws[i - 1] ?? '');
  if (DETERMINER_WORD.test(prev)) return false;
  if (prev === 'to') return isVerb(w, i);
  return (b.length > 4 && /(?:ed|ing)$/.test(b)) || tagsOf(b).includes('PastTense');
}

/** A participle and its agent, a name with its title: "headed by Foreign Minister Joachim von Ribbentrop". */
const AGENT_PHRASE = new RegExp(
  String.raw`,?\s+(?:headed|led|accompanied|assisted|represented|commanded|chaired|followed)\s+by\s+` +
    String.raw`(?:(?:\p{Lu}[\p{L}'’.-]*|von|van|der|de|del|di|la|le|zu)\s+)*\p{Lu}[\p{L}'’.-]*,?(?=\s)`,
  'gu',
);
/** A head ending in a participle without its auxiliary ("a delegation headed"): before "by", it needs its agent. */
function bareParticiple(head: string): boolean {
  const ws = words(head).filter((w, i, all) => i === all.length - 1 || !/ly$/i.test(w));
  return (
    /ed$/.test(bare(ws.at(-1) ?? '')) && !/^(?:was|were|been|be|is|are|had|has|have|being)$/i.test(ws.at(-2) ?? '')
  );
}

/** A bracket or quotation opened and not closed. */
function unbalanced(text: string): boolean {
  const count = (c: string) => text.split(c).length - 1;
  return count('(') > count(')') || count('“') > count('”') || count('"') % 2 === 1;
}

const MARK = '\u2060';
/** Dates joined into one phrase ("September 24, October 2 and October 3, 1939, respectively") are one run. */
const RUN = new RegExp(
  `${MARK}+(?:(?:\\s*,\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or|to|until)\\s+(?:(?:early|late|mid)[\\s-]+)?|` +
    `\\s*[–-]\\s*)${MARK}+)*` +
    `(?:,?\\s+respectively)?`,
  'g',
);

/** The sentence with every date (and each run of dates) replaced by marks of the same length. */
function masked(sentence: string, dates: readonly Pick<BookDate, 'label' | 'index'>[]): string {
  let out = sentence;
  for (const d of dates)
    out = out.slice(0, d.index) + MARK.repeat(d.label.length) + out.slice(d.index + d.label.length);
  return out.replace(RUN, (m) => MARK.repeat(m.length));
}

function verbIn(s: string): boolean {
  return words(s).some((w, i) => isVerb(w, i));
}

/** The subject of a clause: its words before the first verb ("an extension of the 1926 Berlin Treaty"). */
function subjectOf(clause: string): string | undefined {
  const ws = words(clause.replace(new RegExp(`${MARK}+`, 'g'), ' '));
  // Not the noun after a determiner that the lexicon also files as a verb ("The club was founded").
  const at = ws.findIndex((w, i) => isVerb(w, i) && !DETERMINER_WORD.test(bare(ws[i - 1] ?? '')));
  if (at <= 0) return undefined;
  const subject = ws
    .slice(0, at)
    .join(' ')
    .replace(/^\s*(?:on|in|by|after|before|during)\b[,\s]*/i, '')
    .replace(CONNECTIVES, '')
    .replace(/^[\s,]+|[\s,]+$/g, '');
  if (/^(?:who|which|that|whose)$/i.test(subject) || /,\s*(?:who|which)$/i.test(subject)) return undefined;
  return words(subject).length >= 1 && words(subject).length <= 8 ? subject : undefined;
}

/** Nouns that name an event: a phrase headed by one is a label without a verb ("the German invasion of the USSR"). */
const EVENT_NOUN = new RegExp(
  String.raw`\b(?:invasion|conclusion|signing|ratification|capture|dissolution|collapse|surrender|armistice|war|` +
    String.raw`battle|speech|attack|meeting|pact|treaty|agreement|accord|alliance|conference|congress|` +
    String.raw`demonstrations?|coup|crisis|election|parade|purge|uprising|revolution|occupation|annexation|` +
    String.raw`partition|negotiations|talks|visit|death|birth|founding|establishment|publication|conversation|` +
    String.raw`interview)s?\b`,
  'i',
);
/** A determiner or possessive that opens a noun phrase. */
const DETERMINER = String.raw`(?:the|a|an|its|their|his|her|\p{Lu}[\p{L}-]*['’]s)`;

const LEFTOVER_END = new RegExp(
  String.raw`\s*(?:\b(?:on|in|of|at|from|during|by)\s+)?(?:(?:the\s+)?(?:early|late|mid|end|beginning|start|middle|` +
    String.raw`summer|spring|autumn|fall|winter)(?:-|\s+)(?:of\s+)?)*$`,
  'i',
);
const NP_AFTER = /^(?:of|with|by|before|after|until|since|following|and|between|that|than|to|as)$/i;

/**
 * The event noun phrase a date follows, when it is not a verb's object: "… and the German invasion of the
 * USSR on June 22, 1941", "… with the conclusion of the Munich Agreement on September 29, 1938". The
 * shortest such phrase that is headed by an event noun and has no verb of its own.
 */
function localPhrase(before: string): string | undefined {
  const text = before.replace(LEFTOVER_END, '');
  const starts = [...text.matchAll(new RegExp(`(?<![\\p{L}'’-])${DETERMINER}\\s`, 'gu'))].reverse();
  for (const m of starts) {
    const np = text.slice(m.index).trim();
    if (words(np).length > MAX_WORDS) break;
    if (words(np).length < 2) continue;
    const pre = text.slice(0, m.index).trim();
    const prev = words(pre).at(-1) ?? '';
    if (pre && !NP_AFTER.test(bare(prev))) continue;
    // After "of", only an event's own ("the conclusion of …"), not "a copy of the secret protocols of …".
    if (/^of$/i.test(prev) && !EVENT_NOUN.test(words(pre).at(-2) ?? '')) continue;
    if (!EVENT_NOUN.test(words(np).slice(0, 4).join(' ')) || finiteIn(np)) continue;
    return np;
  }
  return undefined;
}

/** The last event noun phrase before a date, up to its clause's end: "the conversation between X and Y". */
function eventPhrase(before: string): string | undefined {
  const starts = [...before.matchAll(/\b(?:the|an?)\s+(?=([\p{Ll}-]+)\b)/gu)].filter((m) => EVENT_NOUN.test(m[1]!));
  const last = starts.at(-1);
  const phrase = last ? /^[^,;()]*/u.exec(before.slice(last.index))![0].trim() : '';
  return words(phrase).length >= 3 ? phrase : undefined;
}

/** A date used as a modifier: "the planned August 26 invasion of western Poland". */
function modifiedNoun(before: string, after: string): string | undefined {
  const det = new RegExp(`(?:^|\\s)((?:the|a|an|its|their)\\s+(?:\\p{Ll}+\\s+){0,2})$`, 'u').exec(before);
  const noun = /^\s+(\p{Ll}+(?:\s+of\s+(?:the\s+)?(?:\p{Ll}+\s+)?\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*)?)/u.exec(
    after,
  );
  if (!det || !noun || !EVENT_NOUN.test(noun[1]!.split(/\s+/)[0]!)) return undefined;
  return `${det[1]}${noun[1]}`;
}

const PREPOSITION =
  /^\s*(?:in|on|by|at|during|after|before|from|since|until|following|with|under|for|through|despite|upon)\b/i;
/** A subordinate clause: it frames the event the main clause tells. */
const SUBORDINATE = /^\s*(?:when|while|as|although|though|because|since|after|once|whereas)\s+(?!of\b|a\b|the\b)/i;
/** Clauses that add nothing to a subject's event: an apposition or a participle ("including …", "the RSFSR's …"). */
const ASIDE = /^(?:the|a|an|including|assisted|fulfilling|headed|led|together|both|who|which)\b/i;

type DatePlace = Pick<BookDate, 'label' | 'index'> & Partial<Pick<BookDate, 'event' | 'precision'>>;

/** One name of a list (up to four capitalised words, "and" or "the" before): "the United States", "and Bulgaria". */
const LIST_ITEM =
  /^(?:(?:and|or)\s+)?(?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:of|of the|de|von|van)\s+)?\p{Lu}[\p{L}'’.-]*){0,4}$/u;
const listOfNames = (text: string) => !!text && text.split(/\s*,\s*/).every((item) => LIST_ITEM.test(item));

/** The event a date marks, in a few words: the clause carrying the date, without the date. */
export function eventLabel(sentence: string, date: DatePlace, all: readonly DatePlace[] = [date]): string {
  sentenceNow = sentence;
  nameKept = undefined;
  const dates = all.filter((d) => d === date || d.event !== false || d.precision !== 'year');
  const text = masked(sentence, dates.includes(date) ? dates : [...dates, date]);
  const parts = datedPredicates(clauses(text));
  let i = parts.findIndex((p) => date.index >= p.start && date.index <= p.start + p.text.length);
  if (i < 0) i = 0;
  const strip = (s: string) =>
    s
      .replace(new RegExp(`${DATE_LEFTOVER.source.slice(0, -1)}(?:the\\s+)?\\s*${MARK}+`, 'gi'), ' ')
      .replace(new RegExp(`${MARK}+`, 'g'), ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(CONNECTIVES, '')
      .replace(/^[.,;:\s]+|[\s.,;:]+$/g, '');
  const before = text.slice(0, date.index);
  // A date in brackets glosses what stands before them: "the Battle of Khalkhin Gol (May 11 – …)".
  if (/\([^()]*$/.test(before)) {
    const gloss = localPhrase(before.replace(/\s*\([^()]*$/, '')) ?? shortPhrase(before.replace(/\s*\([^()]*$/, ''));
    if (gloss && words(gloss).length >= 2) return finish(gloss);
  }
  // "it was not until 1933 that it was ratified": the event is after "that".
  const cleft = new RegExp(
    String.raw`\bit (?:was|is) (?:not )?(?:only )?(?:until|in|on|by)\b[^,;]*?${MARK}+[^,;]*?\bthat\s+([^]*)$`,
    'i',
  ).exec(parts[i]!.text);
  const rest = parts[i]!.text.slice(date.index - parts[i]!.start).replace(new RegExp(`^${MARK}+`), '');
  const prepositional =
    i > 0 &&
    PREPOSITION.test(parts[i]!.text.replace(/^\s*(?:and|but|or)\s+/i, '')) &&
    words(rest.replace(/[.;:]/g, '')).length < 2;
  if (!cleft && !prepositional) {
    const after = text.slice(date.index).replace(new RegExp(`^${MARK}+`), '');
    const local = modifiedNoun(before, after) ?? localPhrase(before.slice(parts[i]!.start));
    if (local) return finish(local);
  }
  let label = strip(cleft ? cleft[1]! : parts[i]!.text);
  // "… and executed in 1938" after "was arrested in 1937": the passive's auxiliary before its participle.
  const carried = parts[i]!.carried;
  if (carried && !cleft && clearVerb(words(label), 0)) label = `${carried} ${label}`;
  // "… recognized for the first time by Spain, the United States, …, and Bulgaria": a list of names goes on
  // past the clause's comma; the label takes it whole (cut there, the first name would read as the only one).
  if (!cleft && /\p{Lu}[\p{L}'’.-]*$/u.test(label))
    for (let j = i + 1; j < parts.length && listOfNames(strip(parts[j]!.text)); j++)
      label = `${label}, ${strip(parts[j]!.text)}`;
  // A date clause that opens the sentence or with a preposition ("in his report … on June 27, 1930,") is
  // an adverbial: the event is the clause after it.
  // … or a clause that is the date alone ("; on 7 October 1949, the Soviet Zone became …": the parser took
  // the preposition into the date).
  const adverbial = i === 0 || prepositional || PREPOSITION.test(parts[i]!.text) || (!cleft && !label);
  datedLast = verbIn(parts[i]!.text.slice(0, date.index - parts[i]!.start));
  // … and the date ends its clause: "in his report … on June 27, 1930," is all adverbial (`prepositional`).
  // … unless what follows is another such phrase ("in December 1928, with what was termed …"): then the clause before.
  const nextIsPhrase = i + 1 < parts.length && PREPOSITION.test(parts[i + 1]!.text) && !tellsIn(parts[i + 1]!.text);
  if (prepositional && i + 1 < parts.length && !cleft && !nextIsPhrase) label = '';
  if (adverbial && i + 1 < parts.length && !cleft && !nextIsPhrase && (words(label).length < 2 || !verbIn(label))) {
    // An opening date phrase ("On 11 November 1918,"): the event is the clause after it.
    for (let j = i + 1; j < parts.length && (words(label).length < 2 || !verbIn(label)); j++) {
      const next = strip(parts[j]!.text);
      if (!next) continue;
      if (label && !verbIn(next) && j + 1 < parts.length) continue;
      if (label && ASIDE.test(next) && j + 1 < parts.length) continue;
      // A participial phrase ("discontented with …,") before the main clause: pass over it.
      if (/^\p{Ll}+(?:ed|ing)\b/u.test(next) && j + 1 < parts.length && !label) continue;
      // "Victor Kopp, worried that …, offered …": a participle between a subject and its verb is an aside.
      if (label && !verbIn(label) && /^\p{Ll}+(?:ed|ing)\b/u.test(next) && opensWithVerb(parts[j + 1]?.text)) continue;
      // A subordinate clause ("when international attention was focused on …,") frames the main clause.
      if (SUBORDINATE.test(parts[j]!.text) && j + 1 < parts.length && !label && verbIn(strip(parts[j + 1]!.text)))
        continue;
      // An adverbial phrase without a verb ("only after the dissolution of …") gives way to the main clause.
      const adverbialOnly = /^(?:only|just|even|shortly|soon|after|before|during|in|on|at|by|from|since|until)\b/i;
      label = label && !(adverbialOnly.test(label) && !verbIn(label) && verbIn(next)) ? `${label} ${next}` : next;
    }
  } else if (words(label).length < 2 || !verbIn(label)) {
    // A date phrase after the main clause: the clause before it tells the event.
    for (let j = i - 1; j >= 0 && (words(label).length < 2 || !verbIn(label)); j--) {
      const previous = strip(parts[j]!.text);
      if (previous && !(ASIDE.test(previous) && j > 0)) label = label ? `${previous} ${label}` : previous;
    }
  }
  // "Hitler was surprised when Britain signed a treaty with Poland that day": the date is the "when" clause's;
  // "… provided one of the reasons why Hitler remilitarized the Rhineland on March 7, 1936": the "why" clause's.
  const clauseBefore = parts[i]!.text.slice(0, date.index - parts[i]!.start);
  const when = /^(.+?)\s+(when|why)\s+(.+)$/i.exec(label);
  if (when && new RegExp(String.raw`\s${when[2]!}\s`, 'i').test(clauseBefore) && verbIn(when[1]!) && tellsIn(when[3]!))
    label = when[3]!;
  const leading = parts.slice(0, i).filter((p) => !label.includes(strip(p.text)) || !strip(p.text));
  label = finish(resolveOpening(label, leading.map((p) => p.text).join(',')));
  // "…, in paraphrasing Stalin's words to the 18th Party Congress on March 10, 1939, "pulling …"": the clause
  // after the date names no event; the event noun phrase before the date does.
  // (Not "his agreement": a possessive pronoun names no one there.)
  // "…the conversation between Merekalov and Weizsäcker …, on April 17, 1939, when the former hinted …": the
  // former or the latter stands for a name the label leaves out; the noun phrase before the date tells the event.
  const fallback = prepositionOnly(label)
    ? localPhrase(before)
    : /^the (?:former|latter)\b/i.test(label)
      ? (localPhrase(before) ?? eventPhrase(before))
      : undefined;
  if (fallback && /^(?:his|her|its|their)\b/i.test(fallback)) return label;
  return fallback ? finish(fallback) : label;
}

/** A clause of a sentence; `carried`: the auxiliary of a passive its predicate shares with the one before. */
type Clause = { text: string; start: number; carried?: string };

/**
 * Clauses with two predicates of one subject, each dated ("The protocol was signed in 1987 by … and came into
 * effect in 1989"): each predicate is a clause of its own, split before the "and" (or "but") whose next word
 * is the second verb, so each date labels what happened then; the second takes the subject back
 * (`resolveOpening`). Only between two dates, and only when the first predicate has its verb. A passive's
 * auxiliary goes on to a participle with no object ("was arrested in 1937 and executed in 1938"), not to a
 * verb of its own ("was signed in 1987 and entered into force in 1989").
 */
function datedPredicates(parts: { text: string; start: number }[]): Clause[] {
  const unmarked = (t: string) => t.replace(new RegExp(`${MARK}+`, 'g'), ' ');
  return parts.flatMap((part) => {
    const marks = [...part.text.matchAll(new RegExp(`${MARK}+`, 'g'))];
    const out: Clause[] = [];
    let from = 0;
    let carried: string | undefined;
    // Before the first date too: "… resulted from the eastern portion and existed in varying forms from 962"
    // dates the second predicate only.
    for (let k = marks.length ? 0 : 1; k < marks.length; k++) {
      const gapStart = k ? marks[k - 1]!.index + marks[k - 1]![0].length : 0;
      const gap = part.text.slice(gapStart, marks[k]!.index);
      const joins = [...gap.matchAll(/\s(?:and|but)\s+(?=(\p{Ll}[\p{L}'’-]*)(\s+\S+|\s*$))/gu)];
      const join = joins.findLast((m) => clearVerb([m[1]!], 0) && !/ing$/.test(m[1]!));
      if (!join) continue;
      const cut = gapStart + join.index;
      const first = unmarked(part.text.slice(from, cut));
      if (!verbIn(first)) continue;
      // "was signed … and ratified in …": the participle, then a preposition, its date or nothing.
      const ws = words(first);
      const aux = ws.findLast((w, i) => BE.test(bare(w)) && /ed$/.test(bare(ws[i + 1] ?? '')));
      const next = (join[2] ?? '').trim();
      const participle =
        /ed$/.test(join[1]!) && (!next || next.startsWith(MARK) || /^(?:(?:by|in|on|at)(?!\p{L})|,)/u.test(next));
      // Before the first date, one passive of two participles stays whole ("were distrusted and persecuted by
      // Stalin from 1928"): the date is of both.
      if (k === 0 && aux && participle) continue;
      out.push({ text: part.text.slice(from, cut), start: part.start + from, ...(carried ? { carried } : {}) });
      carried = aux && participle ? bare(aux) : undefined;
      from = cut;
    }
    out.push({ text: part.text.slice(from), start: part.start + from, ...(carried ? { carried } : {}) });
    return out;
  });
}

/** A clause that opens with its verb in the past ("offered …", "signed …"). */
function opensWithVerb(clause: string | undefined): boolean {
  const ws = words(clause ?? '');
  return (
    ws.length > 1 &&
    /^\p{Ll}/u.test(ws[0]!) &&
    clearVerb(ws, 0) &&
    !/ing$/.test(bare(ws[0]!)) &&
    !PREPOSITION.test(ws.slice(1).join(' '))
  );
}

/** The last few words before a bracket, from the last preposition or conjunction. */
function shortPhrase(text: string): string {
  const m = /^.*\b(?:of|with|by|as|and|that|in|from)\s+((?:the\s+)?[^,;()]+?)\s*$/i.exec(text);
  return m?.[1] ?? '';
}

/** "a large population of", "a number of": what a relative clause after it speaks of is what follows. */
const QUANTITY_OF = new RegExp(
  String.raw`^(?:(?:a|an|the)\s+)?(?:(?:large|small|great|big|sizeable|significant)\s+)?` +
    String.raw`(?:population|number|group|majority|minority|community|lot|host)\s+of\s+`,
  'i',
);
/** A clause that adds where or which of a noun, not a noun a relative clause can speak of. */
const ASIDE_BEFORE_RELATIVE =
  /^(?:especially|particularly|mainly|mostly|notably|chiefly|including|such as|in|on|at|near|from)\b/i;

/** A name alone: one to four capitalised words (initials and particles allowed between them). */
const PROPER_NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:von|van|de|der|den|du|la|le)\s+)?\p{Lu}[\p{L}'’.-]*){0,3}$/u;

/** A label opening with "it", "who", "which", or a bare verb: the thing it speaks of, from the clauses before. */
function resolveOpening(label: string, before: string): string {
  const previous = before
    .split(/[,;]/)
    .map((p) => p.replace(new RegExp(`${MARK}+`, 'g'), '').trim())
    .filter(Boolean);
  if (!previous.length) return label;
  const opener = /^(it|they|this|who|which|whose)\b\s*/i.exec(label);
  if (opener && /^(?:who|which|whose)$/i.test(opener[1]!)) {
    const rest = label.slice(opener[0].length);
    // "ethnic Germans, especially in the Volga German ASSR, who were …": an aside before "who" is passed over.
    const last = [...previous].reverse().find((p) => !ASIDE_BEFORE_RELATIVE.test(p)) ?? previous.at(-1)!;
    // The object of the clause's verb ("had a large population of ethnic Germans" → "ethnic Germans").
    const lw = words(last);
    const verb = lw.findIndex((w, i) => i > 0 && isVerb(w, i));
    // ("… moved to Berlin, which hosted …": the place, without its preposition.)
    const tail =
      verb > 0
        ? lw
            .slice(verb + 1)
            .join(' ')
            .replace(QUANTITY_OF, '')
            .replace(/^(?:to|in|into|at|from|for|with|on|onto|over|under|through)\s+(?=\S)/i, '')
        : undefined;
    // A clause's object before its subject: "Charlemagne founded the Carolingian Empire, which was divided …".
    const antecedent =
      tail && words(tail).length <= 5
        ? tail
        : words(last).length <= 6
          ? last
          : /(?:the\s+)?(?:\p{Lu}[\p{L}'’-]*\s*)+$/u.exec(last)?.[0];
    if (!antecedent) return rest;
    // "Walter Krivitsky, an NKVD agent, who defected …": the apposition's name is whom the clause tells of.
    const named = previous.at(-2);
    const apposition =
      antecedent === last && previous.length >= 2 && /^(?:an?|the)\s/i.test(last) && PROPER_NAME.test(named ?? '');
    if (apposition && (isVerb(words(rest)[0]) || isAdverb(words(rest)[0]))) return `${named!.trim()} ${rest}`;
    // "which Fascist Italy joined": the antecedent is the object.
    const first = words(rest)[0];
    const subjectRelative = isVerb(first) || isAdverb(first);
    return subjectRelative ? `${antecedent.trim()} ${rest}` : `${rest} ${antecedent.trim()}`;
  }
  // "first occurred in 1877", "then signed": an adverb of time or order before the verb.
  const firstWord = words(label).find(
    (w) => !(isAdverb(w) || /ly$/i.test(w) || /^(?:first|then|later|also|again|once|soon|still|finally)$/i.test(w)),
  );
  const bareVerb = !opener && isVerb(firstWord);
  if (!opener && !bareVerb) return label;
  const rest = opener ? label.slice(opener[0].length) : label;
  // "…, yet the submarine managed to escape, creating the 'Orzeł incident'": a participle tells its event with
  // the clause it hangs on.
  const main = previous.at(-1)!.replace(CONNECTIVES, '');
  if (bareVerb && /ing$/i.test(bare(firstWord!)) && words(main).length >= 2 && words(main).length <= 8 && tellsIn(main))
    return `${main}, ${label}`;
  // The subject of the nearest clause before that has one, else the sentence's opening name.
  let subject: string | undefined;
  for (let k = previous.length - 1; k >= 0 && !subject; k--)
    if (
      words(previous[k]!).length >= 2 &&
      verbIn(previous[k]!) &&
      !/^(?:together|with|including|along)\b/i.test(previous[k]!)
    )
      subject = subjectOf(previous[k]!);
  const opening = previous[0]!.replace(CONNECTIVES, '');
  if (!subject && words(opening).length <= 6 && /\p{Lu}/u.test(opening) && !verbIn(opening)) subject = opening;
  if (!subject && bareVerb) subject = shortPhrase(previous.at(-1)!) || undefined;
  // "The agreement formally set …, It extended …": the noun the sentence opens with.
  if (!subject && opener) subject = /^(?:The|This|That)\s+\p{Ll}[\p{L}-]+/u.exec(opening)?.[0];
  return subject ? `${subject} ${rest}` : label;
}

/** Whether labels are cut to a line (off while `eventClause` reads the whole clause). */
let cutToLine = true;
/** Whether the label's date stands after its clause's verb ("… and signed the treaties on May 3"). */
let datedLast = false;

/** The clause a date's label comes from, uncut: its words tell whether two sentences tell one event. */
export function eventClause(sentence: string, date: DatePlace, all: readonly DatePlace[] = [date]): string {
  cutToLine = false;
  try {
    return eventLabel(sentence, date, all);
  } finally {
    cutToLine = true;
  }
}

/**
 * A label without focus adverbs ("Karl Radek also supported …", "was finally published": they lean on what the
 * text told before) and without a phrase that points back with a demonstrative ("went to Soviet Russia for
 * these purposes", "deported from this strip of land to …": what it points to is not in the label).
 */
function lessFocus(label: string): string {
  const lean = label
    .replace(FOCUS, '')
    .replace(BACK_PHRASE, (m) => nameBack(m))
    .replace(/\s+,/g, ',');
  return verbIn(lean) || !verbIn(label) ? lean : label;
}
/** The sentence whose date is being labelled (what a phrase of the label can point back to). */
let sentenceNow = '';
/** An indefinite noun phrase, up to a comma or the word after it: "a new border security zone | along …". */
const INDEFINITE = new RegExp(
  String.raw`(?<![\p{L}])(?:an?|some)\s+((?:[\p{Ll}-]+\s+){0,3}[\p{Ll}-]+)` +
    String.raw`(?=\s*[,;]|\s+(?:along|in|on|at|of|for|with|to|from|by|near|and|which|that)\b)`,
  'gu',
);
/** The noun phrase `nameBack` put into the label being made, which shortening keeps. */
let nameKept: string | undefined;
/**
 * A phrase that points back with a demonstrative, named by the noun phrase it points to when the sentence
 * introduced one just before ("… decided to create a new border security zone …, and … were deported from
 * this strip of land" → "from the new border security zone"): the last indefinite noun phrase before it, of
 * its number. Else nothing (the phrase goes).
 */
function nameBack(phrase: string): string {
  const m = /^(\s+\p{Ll}+\s+)(this|these|those)\s/u.exec(phrase)!;
  const at = sentenceNow.indexOf(phrase.trim());
  if (at < 0) return '';
  const plural = m[2] !== 'this';
  const found = [...sentenceNow.slice(0, at).matchAll(INDEFINITE)].at(-1);
  const np = found?.[1];
  if (!np || /s$/.test(np) !== plural || np.split(/\s+/).some((w, i) => i > 0 && isVerb(w, i))) return '';
  nameKept = `the ${np}`;
  return `${m[1]}the ${np}`;
}
const FOCUS = new RegExp(
  String.raw`(?<=\S)(?<!\b(?:the|and|or|but))\s+` +
    String.raw`(?:also|then|finally|once again|again|ultimately|eventually|thereupon|in turn)\b(?=\s+\p{Ll})`,
  'gu',
);
const BACK_PHRASE = new RegExp(
  String.raw`\s+(?:for|from|to|in|on|at|by|with|into|under)\s+(?:this|these|those)\s+\p{Ll}+` +
    String.raw`(?:\s+of\s+\p{Ll}+)?(?!\s+(?:which|who|that)\b)(?=[\s,;.]|$)`,
  'gu',
);

function finish(label: string): string {
  const whole = label
    .replace(new RegExp(`${MARK}+`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
  let text = cutToLine ? shorten(lessFocus(whole)) : whole;
  // "Litvinov was dismissed and Vyacheslav Molotov": a subject left without its verb.
  const dangling = /\s+and\s+(?:\p{Lu}[\p{L}-]*\s*)+$/u.exec(text);
  const head = dangling ? text.slice(0, dangling.index) : '';
  if (dangling && isVerb(words(head).at(-1), 1)) text = head;
  // "… was signed by him": an agent that is a bare pronoun names no one in a timeline's line.
  text = text.replace(/\s+by\s+(?:him|her|them|it)$/i, '');
  return text ? text[0]!.toUpperCase() + text.slice(1) : '';
}

/** Words that make a sentence a view or a conjecture about the past, not an event of it. */
const VIEW_WORDS =
  String.raw`argued?|argues|claimed|claims? that|it is (?:also |quite )?possible|possibly|perhaps|presumably|` +
  String.raw`(?:could|might|may|would|must) (?:also )?have|point of view|` +
  String.raw`it is (?:often |sometimes |also )?(?:said|thought|believed)|rumou?red|(?:referred to|regarded) as`;
/** A view or a conjecture, or a clause told as someone's account ("according to"). */
const HEDGED = new RegExp(String.raw`\b(?:${VIEW_WORDS}|according to)\b`, 'i');
/** A view: the words that make a whole sentence one ("according to X" only says whose account it is). */
const VIEW = new RegExp(String.raw`\b(?:${VIEW_WORDS})\b`, 'i');
/** Participles that, after "was" or "were", tell a state rather than something done. */
const STATE_PARTICIPLE =
  /^(?:engaged|involved|interested|concerned|located|situated|based|known|opposed|allied|dependent|isolated|divided)$/;
/** A label whose verb is a copula before a noun or adjective ("were pariah nations"), or is negated. */
function isState(label: string): boolean {
  const ws = words(label);
  const at = ws.findIndex((w, i) => isVerb(w, i));
  if (at < 0) return false;
  // The verb group without its adverbs ("were mostly deported", "was diplomatically recognized").
  const verb = ws
    .slice(at, at + 5)
    .map(bare)
    .filter((w) => !(isAdverb(w) || /ly$/.test(w)) || w === 'not' || w === 'never');
  if (verb.includes('not') || verb.includes('never')) return true;
  const copula = /^(?:was|were|is|are|been)$/;
  const i = verb.findIndex((w) => copula.test(w));
  if (i < 0 || i > 1 || (i === 1 && !/^(?:had|has|have)$/.test(verb[0]!))) return false;
  const after = verb[i + 1] ?? '';
  // "was engaged in its conflict with the West": a participle that says how things stood.
  if (STATE_PARTICIPLE.test(after)) return true;
  return !/(?:ed|en|wn|ng)$/.test(after) && !isVerb(after, 1);
}

/** A change of degree ("trade fell", "relations improved"): a trend over time, not an event on a date. */
const DEGREE = new RegExp(
  String.raw`\b(?:fell|rose|grew|declined|dwindled|increased|decreased|improved|worsened|deteriorated|` +
    String.raw`expanded|shrank|diminished|intensified|weakened|strengthened)\b`,
  'i',
);
/**
 * What a year or a month frames without being an event: no finite verb and no event noun at its head ("class
 * factors giving way to …"), a state ("negotiations were under way"), a trend ("relations improved"), the
 * pluperfect of a year's background ("he had negotiated …").
 */
function background(label: string, precision: TimelineEvent['precision']): boolean {
  if (!tellsIn(label) && !EVENT_NOUN.test(words(label).slice(0, 4).join(' '))) return true;
  if (isState(label) || DEGREE.test(label)) return true;
  return precision === 'year' && /\bhad\b/i.test(label);
}

/**
 * A label that is a relative clause about the sentence's subject ("Murchison owned several ranches, one in
 * Mexico, where he hosted the Duke and Duchess of Windsor in 1950"): the subject's name for the relative and its
 * pronoun ("Murchison hosted the Duke …"). Left as it is (and then no event: `UNRESOLVED`) when the sentence opens
 * with no name.
 */
function namedRelative(label: string, sentence: string): string {
  const relative = /^(Where|When|Whereupon)\s+(?:he|she|they)\s+(?=\p{Ll})/iu.exec(label);
  if (!relative) return label;
  const subject = /^((?:\p{Lu}[\p{L}.-]*\s+){0,3}\p{Lu}[\p{L}-]*)\s+(?!of\b|and\b)\p{Ll}/u.exec(sentence)?.[1];
  if (!subject || /^(?:The|A|An|In|On|At|By|After|Before|During|When|While|From|It|He|She|They|Later)\b/.test(subject))
    return label;
  // Only when no one else stands between: "Stalin sent Molotov to Berlin, where he met Hitler" may speak of
  // either. A place ("one in northeastern Mexico, where he …") is no one; a word the lexicon does not know may be.
  const between = sentence.slice(subject.length, sentence.search(new RegExp(String.raw`\b${relative[1]}\b`, 'i')));
  const someone = (between.match(/(?<![\p{L}'’-])\p{Lu}[\p{L}'’-]*/gu) ?? []).some(
    (w) => !tagsOf(bare(w)).some((t) => /^(?:Place|City|Country|Region|Town|Demonym)$/.test(t)),
  );
  return someone ? label : `${subject} ${label.slice(relative[0].length)}`;
}

/**
 * A condition, a relative clause whose antecedent was not found, a pronoun for a subject, a share of something
 * not named ("Two million of which"): no event a reader can place.
 */
const UNRESOLVED = new RegExp(
  String.raw`^(?:(?:If|Had|Were|That|Which|Who|Whose|Whom|He|She|They|It|The former|The latter)\b|` +
    String.raw`(?:Where|When|Whereupon)\s+(?:he|she|they|it)\b|` +
    String.raw`(?:\S+\s+){1,2}of (?:which|whom)\b)`,
);
/** An event named as planned ("the planned invasion"), a plan told in the pluperfect, a date a plan is "for". */
const PLANNED = new RegExp(
  String.raw`^(?:the|a|an|its|their|his|her)\s+(?:\p{L}+\s+)?` +
    String.raw`(?:planned|scheduled|intended|proposed|projected|envisaged|prospective)\b`,
  'iu',
);
const PLAN_WORD = /\b(?:planned|scheduled|intended|proposed|projected|envisaged|postponed|delayed|cancell?ed)\s+$/i;
const PLANNING =
  /\b(?:had|has|have)\s+(?:\p{Ll}+ly\s+)?(?:been\s+)?(?:scheduled|planned|intended|slated|envisaged)\b/iu;
const PLANNED_FOR = /\b(?:scheduled|planned|slated|set|fixed|due)\s+(?:(?:to\s+\p{Ll}+\s+)?(?:\S+\s+){0,3})?for\s+$/iu;
/** "it" or "them" as a verb's object, before a phrase or at the end: what it stands for is not in the label. */
const OBJECT_PRONOUN =
  /\b\p{Ll}+\s+(?:it|them)(?:\s+(?:by|to|into|from|with|in|on|at|for|over|across|through|back|out|off|up|down)\b|$)/u;
/** A date after "after", "since", "before" or "until" bounds what the sentence tells; nothing happened on it. */
const BOUND = /\b(?:after|since|before|until|till)\s+$/i;
/** A report in a book or a memoir: the year is the publication's ("reported in his memoires in 1938"). */
const PUBLISHED =
  /\b(?:in|wrote in)\s+(?:his|her|their|a|the)\s+(?:memoirs?|memoires|book|diary|article|autobiography|study|essay)\b/i;
/** A phrase that opens with a preposition and has no verb of its own (outside a relative clause): no event. */
function prepositionOnly(label: string): boolean {
  return (
    (PREPOSITION.test(label) || /^to\b/i.test(label)) &&
    !finiteIn(label.replace(/\b(?:what|which|who|whom|that)\b[^]*$/i, ''))
  );
}
/** "By early 1921, … had been created", "trade had increased … by 1927": a state reached by a year, not an event. */
const BY_YEAR =
  /\bby\s+(?:(?:the\s+)?(?:early|late|mid|end of|beginning of|spring of|summer of|autumn of|winter of)[\s-]+)?$/i;
/**
 * What a clause promises, must do or may do (a modal, or a commitment, a plan or a duty before an infinitive):
 * "will reduce", "could significantly lower", "is committed to reducing", "were to be withdrawn".
 */
const PROSPECT = new RegExp(
  String.raw`\b(?:(?:will|shall|would|could|should|must|can|may|might)\s+(?:\p{Ll}+ly\s+)?(?:not\s+)?\p{Ll}+|` +
    String.raw`(?:committed|pledged|obliged|obligated|required|expected|scheduled|set|bound|aims?|aiming|` +
    String.raw`plans?|planning|intends?|intending|promised?|vowed|undertook|undertakes|is|are|was|were)\s+to\s+` +
    String.raw`(?:be\s+)?\p{Ll}+|targets?\s+(?:of|for)\b)`,
  'iu',
);
/** The date (after "by") ends a clause that tells a prospect: a target or a deadline. */
function deadline(sentence: string, d: BookDate): boolean {
  const start = Math.max(0, ...[';', ':', '. '].map((p) => sentence.lastIndexOf(p, d.index) + 1));
  const rest = sentence.slice(d.index + d.label.length);
  const end = rest.search(/[;:]|\.\s/);
  // The clause around the date: "X will reduce … by 2036", and "By 2030, X will …".
  const clause = sentence.slice(start, d.index) + ' ' + (end < 0 ? rest : rest.slice(0, end));
  return PROSPECT.test(clause);
}
/** Words that say nothing of an event ("It could have been"). */
const VAGUE = new RegExp(
  String.raw`^(?:that|this|these|those|with|from|were|was|have|had|been|being|their|which|could|would|should|` +
    String.raw`might|also|there|then|they|them)$`,
);
/** Content words of a label, to tell whether two labels tell one event. */
function contentWords(label: string): Set<string> {
  return new Set(
    label
      .replace(/\b(?:USSR|U\.S\.S\.R\.)/g, 'Soviet Union')
      .toLowerCase()
      .split(/[^\p{L}\d]+/u)
      .filter((w) => w.length >= 4 && !VAGUE.test(w)),
  );
}
/**
 * Whether two clauses tell one event: enough content words in common. Told at two precisions ("in 1939",
 * "on August 23, 1939"), the bar is higher: half the words of the longer clause.
 */
function sameEvent(a: ReadonlySet<string>, b: ReadonlySet<string>, precisions = false): boolean {
  if (!a.size || !b.size) return false;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const unshared = [...small].filter((w) => !sameWord(w, large));
  const shared = small.size - unshared.length;
  if (precisions) {
    if (shared >= 3 && shared / large.size >= 0.5) return true;
    // "the Merekalov–Weiszäcker meeting" (April) and "the conversation between … Merekalov and … Weizsäcker"
    // (April 17): every word of the one in the other but its event noun, which the other has one of.
    const eventNoun = (w: string) => EVENT_NOUN.test(w);
    return shared >= 2 && unshared.length <= 1 && unshared.every(eventNoun) && [...large].some(eventNoun);
  }
  return shared / Math.min(a.size, b.size) >= 0.4 || shared >= 3;
}
/** A word of a set, or one spelt a little differently (a name transliterated two ways: "Weiszäcker", "Weizsäcker"). */
function sameWord(w: string, set: ReadonlySet<string>): boolean {
  if (set.has(w)) return true;
  if (w.length < 6) return false;
  // Not an inflection ("homicide", "homicides"; "German", "Germany"): another word.
  const near = (x: string) =>
    x.length >= 6 &&
    x.slice(0, 2) === w.slice(0, 2) &&
    !x.startsWith(w) &&
    !w.startsWith(x) &&
    distance(w, x) <= Math.floor(Math.min(w.length, x.length) / 5);
  for (const x of set) if (near(x)) return true;
  return false;
}
/** The same time, or a date inside the other's year or month ("1945" and "1945", "1939" and "1939-08-23"). */
function sameTime(
  e: Pick<TimelineEvent, 'date' | 'precision' | 'end'>,
  d: Pick<BookDate, 'date' | 'precision' | 'end'>,
) {
  if (e.end !== d.end) return false;
  if (e.precision === d.precision) return e.date === d.date;
  return !e.end && (e.date.startsWith(d.date) || d.date.startsWith(e.date));
}

type Draft = TimelineEvent & { order: number; words: ReadonlySet<string> };
const RANK = { day: 0, month: 1, year: 2 } as const;

/** The next year or month after an ISO date of that precision ("1930" → "1931", "1939-07" → "1939-08"). */
function next(iso: string): string {
  const [y, m] = iso.split('-').map(Number);
  if (m === undefined) return String(y! + 1);
  return m === 12 ? `${y! + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The words that join the two ends of a range ("from 1990 to 1993", "between 1815 and 1930", "zwischen … und"). */
const SPAN_JOIN = /^\s*(?:to|and|until|till|through|[–—-]|bis|und|à|et|au|a|y|hasta|tot|en|til|og|och)\s*$/iu;
const spanIn = (sentence: string, x: string, y: string) => {
  const i = sentence.indexOf(x);
  const j = i < 0 ? -1 : sentence.indexOf(y, i + x.length);
  if (j < 0) return false;
  const between = sentence.slice(i + x.length, j);
  // "and" joins a range only after "between" ("September 24, October 2 and October 3" is a list).
  return RANGE_ONLY.test(between) || (SPAN_JOIN.test(between) && RANGE_OPEN.test(sentence.slice(0, i)));
};

/** Words that open a range ("from", "zwischen", "entre", "vanaf") and joiners that only join a range ("bis"). */
const RANGE_OPEN = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:from|between|von|vom|zwischen|ab|de|du|entre|desde|van|vanaf|tussen|fra|frå|mellom|` +
    String.raw`mellan)\s+(?:\p{L}+\s+){0,2}$`,
  'iu',
);
const RANGE_ONLY = /^\s*(?:to|until|till|through|[–—-]|bis|à|au|hasta|tot|til)\s*$/iu;
/** The end of the range a date opens in a sentence ("zwischen 1981 und 1988"), as the event's end and label. */
function spanEnd(sentence: string, d: BookDate, all: readonly BookDate[]): Partial<BookDate> | undefined {
  const after = d.index + d.label.length;
  const n = all.find((x) => x.index > after && x.precision === d.precision && !x.end);
  if (!n || d.end || n.date <= d.date) return undefined;
  const between = sentence.slice(after, n.index);
  const range = RANGE_ONLY.test(between) || (SPAN_JOIN.test(between) && RANGE_OPEN.test(sentence.slice(0, d.index)));
  return range ? { end: n.date, label: `${d.label}–${n.label}` } : undefined;
}

/**
 * One event told of several dates: of consecutive years or months ("in 1930 and 1931", "late July and early
 * August"), or of several dates in one sentence with one label ("On October 18, October 29, and November 3,
 * 1939, the first Soviet troops moved into the bases", "from 1928 to 1948"): one event over their span.
 */
function mergeRuns(events: Draft[]): void {
  for (let i = 0; i < events.length; i++) {
    const a = events[i]!;
    for (let j = i + 1; j < events.length; j++) {
      const b = events[j]!;
      if (b.text !== a.text || b.precision !== a.precision || b.block !== a.block) continue;
      const consecutive = b.date === next(a.end ?? a.date);
      if (!consecutive && b.sentence !== a.sentence) continue;
      const ends = [a.end ?? a.date, b.end ?? b.date].sort();
      const [x, y] = [a.label, b.label].map((l) => l.replace(/[\s,;]+$/, ''));
      // "from 1990 to 1993", "between 1815 and 1930": the sentence joins them as a range, not a list.
      a.label = consecutive || spanIn(a.sentence ?? '', x!, y!) ? `${x}–${y}` : `${x}, ${y}`;
      a.date = a.date < b.date ? a.date : b.date;
      a.end = ends[1] !== a.date ? ends[1] : undefined;
      events.splice(j--, 1);
    }
  }
}

/**
 * A date inside a passive participle with its agent that describes a noun ("the area of Vilno annexed by
 * Poland in 1920"): it dates what the noun went through before, not the event the sentence tells. (After
 * "was", "had been"… the participle is the sentence's own verb; "Italy joined in 1937" has no agent.)
 */
const NOUN_PARTICIPLE =
  /(\S+)\s+(\S+)\s+\p{Ll}+ed\s+by\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*\s+(?:in|on)\s+$/u;
const AUXILIARY = /^(?:was|were|been|be|being|is|are|had|has|have|and|or|then|,)$/i;
function inNounParticiple(sentence: string, d: BookDate): boolean {
  const m = NOUN_PARTICIPLE.exec(sentence.slice(Math.max(0, d.index - 80), d.index));
  // The participle is the sentence's verb after an auxiliary, also with an adverb between ("was abruptly …").
  return !!m && ![m[1]!, m[2]!].some((w) => AUXILIARY.test(w)) && !/,$/.test(m[2]!);
}

/** English: a clause that tells no event — a view, a condition, a state of things, background. */
function notAnEvent(text: string, sentence: string, d: BookDate): boolean {
  if (inNounParticiple(sentence, d)) return true;
  // "It could have been": no event in it; "it is argued that …", "could have been made": a view, not an event.
  if (HEDGED.test(text) || UNRESOLVED.test(text) || prepositionOnly(text)) return true;
  // "…, having won more championships … since his debut season in 1950": a perfect participle tells what was
  // true by then, with no event of the date.
  if (/^(?:Having|Having been|Being)\b/i.test(text)) return true;
  // "His point of view … is that it was not until … that …": the sentence is a view ("according to X" only
  // says whose account it is).
  const before = sentence.slice(0, d.index);
  const lead = sentence.slice(Math.max(0, d.index - 40), d.index);
  if (VIEW.test(before) || BOUND.test(before) || PUBLISHED.test(text) || PUBLISHED.test(lead)) return true;
  // "Germany had scheduled its invasion of Poland on August 25", "the planned August 26 invasion", "was
  // scheduled for May 5": a plan's date, not an event of it.
  if (
    (PLANNED.test(text) && !tellsIn(text)) ||
    PLANNING.test(text) ||
    PLANNED_FOR.test(before) ||
    PLAN_WORD.test(before)
  )
    return true;
  // "agreed to pass it by railway": a pronoun for what the label does not name.
  if (OBJECT_PRONOUN.test(text)) return true;
  // "By early 1921, a special group … had been created", "By June 2, Germany had occupied Belgium": a state
  // reached by then, not an event of that date (the label may stop short of the verb, so the sentence after
  // the date is read).
  if (BY_YEAR.test(before) && /\bhad\b/i.test(sentence.slice(d.index))) return true;
  // "is committed to reducing its consumption by 80% by 2045", "will reduce … by 2036": a deadline or a
  // target, nothing that happened on the date.
  if (BY_YEAR.test(before) && deadline(sentence, d)) return true;
  // "Both Germany and Russia were pariah nations (by 1919)": a state of things, not an event.
  if (d.precision === 'year' && (isState(text) || !tellsIn(text))) return true;
  return d.precision !== 'day' && background(text, d.precision);
}

function publicationLine(sentence: string, d: BookDate): boolean {
  const after = sentence.slice(d.index + d.label.length);
  if (!/^[\s.)\]]*$/.test(after)) return false;
  return /(?:,|[”"’])\s*$/.test(sentence.slice(0, d.index)) || /[“”"]/.test(sentence);
}

/**
 * A list line that gives a year, then a work's title in italics: an entry of a bibliography, discography or
 * filmography ("2007, ''Les chansons de ma mère'', chez Universal"), not an event.
 */
function namesWork(sentence: string, titles: readonly string[]): boolean {
  if (!titles.length) return false;
  const lead = /^\s*(?:\p{L}+\s+)?\d{3,4}\s*[,:–—-]?\s*[«“"„]?/u.exec(sentence);
  return !!lead && titles.some((t) => sentence.startsWith(t, lead[0].length));
}

/**
 * A list line that opens with its year and tells in a clause what happened then ("1902, il obtient la chaire
 * d'arménien …", "In 1919 he co-founded the society"): at most one word before the year, three or more after it,
 * two of them in lower case. Not "Adolf Ioffe (1918)" nor "Koninkryk van Skotland, 843 tot 1651".
 */
function proseLine(sentence: string, d: BookDate): boolean {
  const wordsOf = (text: string) => text.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w));
  if (wordsOf(sentence.slice(0, d.index)).length > 1) return false;
  const after = wordsOf(sentence.slice(d.index + d.label.length));
  return after.length >= 3 && after.filter((w) => /^\p{Ll}/u.test(w)).length >= 2;
}

/**
 * The cell of a table row that holds a date, when it tells something in words (a clause of three words or more
 * with one in lower case: "Letzte Version für Windows und XP", not "1883 Home Nations Championship", "3G–1G");
 * null when it does not. Cells are joined by " | " in a table's sentences.
 */
const CELL = ' | ';
function proseCell(row: string, d: BookDate): { text: string; start: number } | null {
  const start = row.lastIndexOf(CELL, d.index) < 0 ? 0 : row.lastIndexOf(CELL, d.index) + CELL.length;
  const end = row.indexOf(CELL, d.index) < 0 ? row.length : row.indexOf(CELL, d.index);
  const text = row.slice(start, end);
  const prose = text
    .replace(d.label, ' ')
    .split(/\s+/)
    .filter((w) => /\p{L}{2,}/u.test(w));
  return prose.length >= 3 && prose.some((w) => /^\p{Ll}/u.test(w)) ? { text, start } : null;
}
/** The dates of a row that stand in one cell, placed in it. */
const shifted = (dates: readonly BookDate[], start: number, cell: string): BookDate[] =>
  dates.filter((x) => x.index >= start && x.index < start + cell.length).map((x) => ({ ...x, index: x.index - start }));

/** A dated clause of one sentence that tells an event: which of the sentence's dates, its label and its words. */
interface DatedClause {
  /** Index of the date among the sentence's dates. */
  at: number;
  /** What of the date the event takes instead (the end of a lifespan is the death). */
  date?: Partial<BookDate>;
  text: string;
  words: ReadonlySet<string>;
  /** A birth or a death read from a gloss in brackets ("X born", "X died"): the text may tell it more fully. */
  life?: boolean;
}

/**
 * A second event told "that night", "the same day", "in the following night" in a coordinate clause after a
 * day's date: "On August 23, 1939, a German delegation … arrived to Moscow, and in the following night, the
 * Molotov–Ribbentrop Pact was signed …" tells two events of that date.
 */
const SAME_DAY = new RegExp(
  String.raw`,\s*and\s+(?:(?:in|on|during)\s+)?(?:the\s+(?:following|same)\s+night|the\s+same\s+(?:day|evening)|` +
    String.raw`(?:later\s+)?that\s+(?:same\s+)?(?:day|night|evening))\s*,\s*`,
  'i',
);
function sameDayClause(sentence: string, dates: readonly BookDate[]): DatedClause[] {
  const m = SAME_DAY.exec(sentence);
  if (!m) return [];
  const at = dates.findLastIndex((d) => d.index < m.index);
  const d = dates[at];
  if (!d || d.precision !== 'day' || !d.event || d.uncertain || dates.some((x) => x.index > m.index)) return [];
  const told = `On ${d.label}, ${sentence.slice(m.index + m[0].length)}`;
  const place = { ...d, index: 3 };
  const text = eventLabel(told, place, [place]);
  if (contentWords(text).size < 2 || notAnEvent(text, told, place)) return [];
  return [{ at, text, words: contentWords(eventClause(told, place, [place])) }];
}

const lifeClause = (at: number, text: string, date: Partial<BookDate>): DatedClause => ({
  at,
  text,
  words: contentWords(text),
  date,
  life: true,
});
/**
 * Whether a range in brackets after a name ("Magnar Sætre (12 November 1940 – 5 December 2002) was …") is a
 * person's life: the name opens with a first name the lexicon knows, or it is a name the lexicon knows no word
 * of and the range is a lifetime long (15 to 120 years) — not "the Battle of Khalkhin Gol (May 11 – September
 * 16, 1939)", not "the Thirty Years' War (23 May 1618 – 15 May 1648)", whose words are common ones.
 */
function personSpan(name: string, d: BookDate): boolean {
  // A suffix ("Jr.", "Sr.", "III") is no word of the name the lexicon is asked about.
  const words = withoutSuffix(name).split(/\s+/).map(bare).filter(Boolean);
  if (tagsOf(words[0] ?? '').some((t) => /Name$|^Person$/.test(t))) return true;
  const years = Number((d.end ?? d.date).slice(0, 4)) - Number(d.date.slice(0, 4));
  return years >= 15 && years <= 120 && words.every((w) => !tagsOf(w).length);
}

/**
 * The births and deaths a sentence's glosses in brackets tell, by date (see `lifeGloss`): a span counts when it
 * reads as a life (`personSpan`), or when it follows the name of one of the family of another life the sentence
 * tells ("three sons: John Dabney Murchison (1921–1979), … and Burk Murchison (January 26, 1925 – April 15,
 * 1936)": a child's life may be short, and its given name unknown to the lexicon).
 */
function lifeGlosses(
  sentence: string,
  dates: readonly BookDate[],
  kind: string,
  language: string,
): (LifeGloss | undefined)[] {
  const lives = dates.map((d) =>
    !d.event || kind === 'table' || d.uncertain ? undefined : lifeGloss(sentence, d, language),
  );
  const surname = (name: string) => nameParts(withoutSuffix(name)).surname;
  const read = lives.map((l, i) => !!l && (!l.span || personSpan(l.name, dates[i]!)));
  const family = new Set(lives.flatMap((l, i) => (l && read[i] ? [surname(l.name)] : [])));
  return lives.map((l, i) => (l && (read[i] || family.has(surname(l.name))) ? l : undefined));
}

/** The end of a range as a date of its own. */
const lifeEnd = (end: string, label: string): Partial<BookDate> => ({
  date: end,
  end: undefined,
  label,
  precision: end.length === 10 ? 'day' : end.length === 7 ? 'month' : 'year',
});

/**
 * The events one sentence tells, each with its label and the words it is compared by: a pure function of
 * the sentence, its dates (with the years the narrative gives them), its block's kind and the language, so
 * remembered per sentence — a warm edit labels only the edited sentences' dates again.
 */
const datedClauses = memoize(
  (
    sentence: string,
    dates: readonly BookDate[],
    kind: string,
    language: string,
    work?: boolean,
  ): readonly DatedClause[] => {
    const english = baseLanguage(language) === 'en';
    const out: DatedClause[] = [];
    const lives = lifeGlosses(sentence, dates, kind, language);
    dates.forEach((d, at) => {
      if (!d.event) return;
      // List lines ("Adolf Ioffe (1918)") date a person, not an event; a line that tells what happened in its
      // year ("1902, il obtient la chaire d'arménien …") is one.
      if (kind === 'list' && d.precision === 'year' && (work || !proseLine(sentence, d))) return;
      // A caption's year or month dates a picture ("Europe in 1929–1939", "a poster of 1932"); its day
      // dates what the picture shows ("a parade in Brest on September 23, 1939").
      if (kind === 'figure' && d.precision !== 'day') return;
      // A table row ("1 | 8 January 1883 | Raeburn Place, Edinburgh | 3G–1G | …") is a record, not a sentence:
      // its date is an event only where its own cell tells one in words, and that cell is the label.
      // "Sara C. Bisel (* 13. Mai 1932 in Johnstown; …)", "X (August 22, 1929 – February 16, 2012)": the
      // person's birth and death, not the sentence the brackets stand in.
      const life = lives[at];
      if (life) {
        const [from, to] = d.end ? d.label.split(/\s+[–—-]\s+|[–—]/u) : [d.label];
        if (life.born) out.push(lifeClause(at, life.born, d.end ? { end: undefined, label: from ?? d.label } : {}));
        if (life.died) out.push(lifeClause(at, life.died, d.end ? lifeEnd(d.end, to ?? d.label) : {}));
        return;
      }
      const cell = kind === 'table' ? proseCell(sentence, d) : undefined;
      if (cell === null) return;
      const [s, ds, dd] = cell
        ? [cell.text, shifted(dates, cell.start, cell.text), { ...d, index: d.index - cell.start }]
        : [sentence, dates, d];
      const text = english ? namedRelative(eventLabel(s, dd, ds), s) : foreignLabel(s, dd, ds, language);
      // A publication line ("O’Hara, Glynis “Pressing …” “The Pretoria News” 7 Julie 1995"): a date that
      // ends a list item after a comma or a title in quotes dates the item, not an event.
      if (kind === 'list' && publicationLine(sentence, d)) return;
      if (contentWords(text).size < 2) return;
      // What tells an event from a view, a state or background is read from English words and tags: in
      // other languages every dated clause stays.
      if (english && notAnEvent(text, sentence, d)) return;
      // "In 2011, 40% of the UK's electricity was produced by gas": a measurement at a date, no event.
      if (measurement(text, language)) return;
      // A year the narrative leaves unsettled is marked in the data, not shown as if certain.
      if (d.uncertain) return;
      // "Zwischen 1981 und 1988 leitete sie …", "von 1977 bis 1979": the clause tells the span (the end was
      // left out of the labels above).
      const span = english ? undefined : spanEnd(s, dd, ds);
      out.push({
        at,
        text,
        words: contentWords(english ? eventClause(s, dd, ds) : text),
        ...(span ? { date: span } : {}),
      });
    });
    if (english && kind !== 'table') out.push(...sameDayClause(sentence, dates));
    return out;
  },
  (sentence, dates, kind, language, work) =>
    `${language}\u0000${kind}${work ? '\u0000work' : ''}\u0000${JSON.stringify(dates)}\u0000${sentence}`,
  20_000,
  { name: 'timeline-clauses', persist: true },
);

/**
 * A label whose subject the paragraph named more fully before: "The submarine managed to escape" → "The Polish
 * submarine ORP Orzeł managed to escape". A subject with a demonstrative ("This baseline is calculated …")
 * that nothing before names more fully is no event a reader can place: undefined. Before means before the
 * subject: the sentence before (`previous`) and the sentence up to where the subject stands in it — a phrase
 * later in the sentence ("… This baseline is … 15% of the party's HCFC baseline") is another thing.
 */
function namedSubject(label: string, previous: string, sentence: string): string | undefined {
  const m = /^(The|This|These|Those)\s+((?:\p{Ll}[\p{L}-]*\s+){0,2}?)(\p{Ll}[\p{L}-]+)(?=\s+\p{Ll})/u.exec(label);
  if (!m) return label;
  const at = sentence.toLowerCase().indexOf(m[0].toLowerCase());
  const before = `${previous} ${at >= 0 ? sentence.slice(0, at) : sentence}`.trim();
  const demonstrative = m[1] !== 'The';
  const known = demonstrative ? { head: m[3]!, modifiers: m[2]! } : knownPhrase(label, before, 'en');
  if (!known || (!demonstrative && label.indexOf(known.head) !== m[0].length - known.head.length)) return label;
  const fuller = fullerMention(known.head, known.modifiers, before);
  if (fuller) return `The ${fuller.slice(4)}${label.slice(m[0].length)}`;
  return demonstrative ? undefined : label;
}

/**
 * A sentence's dates with the days it names only by another ("Britain signed a treaty with Poland that day",
 * "at noon the following day the fighting ended"): each counted from the last day written before it, in the
 * sentence or in an earlier sentence of its paragraph (`lastDay`). `counted`: the dates so added.
 */
function withRelativeDays(
  sentence: string,
  own: readonly BookDate[],
  lastDay: BookDate | undefined,
  language: string,
): { all: BookDate[]; counted: Set<BookDate> } {
  const counted = new Set<BookDate>();
  // "…, and in the following night, the pact was signed": the same day's second event (`sameDayClause`).
  if (baseLanguage(language) === 'en' && SAME_DAY.test(sentence)) return { all: [...own], counted };
  for (const r of relativeDays(sentence, language)) {
    if (own.some((d) => r.index < d.index + d.label.length && d.index < r.index + r.label.length)) continue;
    const from = own.filter((d) => d.index < r.index && d.precision === 'day' && !d.uncertain && !d.end).at(-1);
    const anchor = from ?? lastDay;
    if (!anchor) continue;
    counted.add({
      date: shiftDay(anchor.date, r.offset),
      precision: 'day',
      label: r.label,
      index: r.index,
      event: true,
      yearFrom: anchor.yearFrom,
      uncertain: false,
    });
  }
  return { all: [...own, ...counted].sort((a, b) => a.index - b.index), counted };
}

/**
 * The part of a period the text gives before a date: "early", "mid-", "late", "the end of", "the spring of";
 * German "Anfang", "Mitte", "Ende", "Frühjahr" … The date parser reads the month or year alone.
 */
const QUALIFIER = new RegExp(
  String.raw`(?:^|[^\p{L}])((?:early|late|mid|(?:the\s+)?(?:end|beginning|start|middle)\s+of|` +
    String.raw`(?:the\s+)?(?:spring|summer|autumn|fall|winter)\s+of|anfang|mitte|ende|frühjahr|frühling|` +
    String.raw`sommer|herbst|winter)(?:-|\s+))$`,
  'iu',
);
/** A date's label with the part of the period the text writes before it ("mid-February, 1940", "early November"). */
function qualified(sentence: string, index: number, label: string): string {
  if (/^\d|^(?:on|am|le|el)\s/i.test(label) && /\d{1,2}/.test(label.replace(/\d{3,4}/g, ''))) return label;
  // Only a label the text writes there (not a span made of two dates: "1974–1975").
  if (!sentence.startsWith(label, index)) return label;
  const q = QUALIFIER.exec(sentence.slice(Math.max(0, index - 30), index))?.[1];
  return q ? `${q.replace(/^the\s+/i, '').replace(/\s+$/, ' ')}${shownDate(label)}` : label;
}

/**
 * A date as the timeline shows it: without a preposition the date parser took in ("On 11 November 1918",
 * "Am 1. Mai 1941").
 */
const shownDate = (label: string) =>
  label.replace(/^(?:on|in|at|by|am|im|um|le|el|il|op|på|i|en|em|no|na|w|we|v|vo)\s+(?=\d)/iu, '');

/**
 * The person an article is about, for the sentences that go on about them with "he" or "she" ("He was elected
 * to the Norwegian Parliament … in 1989"): a timeline line must name who did what. The person is the one the
 * article's opening sentence glosses with a life ("Magnar Sætre (12 November 1940 – 5 December 2002) was …"), and a
 * sentence is theirs when it opens with the pronoun the article first uses after that gloss and either opens its
 * paragraph or follows a sentence that opens with that pronoun or names the person. English only; a sentence
 * about anyone else keeps its pronoun (and stays out of the timeline, as before).
 */
class Topic {
  private name?: string;
  private surname?: string;
  private pronoun?: string;
  /** Whether the article's first sentence of running text was read. */
  private read = false;

  constructor(private readonly language: string) {}

  /** The sentence with its opening pronoun replaced by the person's name, and its dates moved with it. */
  named(
    sentence: string,
    dates: readonly BookDate[],
    previous: string | undefined,
  ): { text: string; dates: BookDate[] } | undefined {
    if (baseLanguage(this.language) !== 'en') return undefined;
    if (!this.read) {
      // Only the article's opening sentence says whom it is about.
      this.read = true;
      for (const d of dates) {
        const life = d.uncertain ? undefined : lifeGloss(sentence, d, this.language);
        if (life && (!life.span || personSpan(life.name, d))) {
          this.name = life.name;
          this.surname = nameParts(withoutSuffix(life.name)).surname;
          return undefined;
        }
      }
      return undefined;
    }
    const opening = /^(He|She)\s/.exec(sentence)?.[1];
    if (!opening || !this.name) return undefined;
    this.pronoun ??= opening;
    if (opening !== this.pronoun) return undefined;
    const theirs = (s: string) =>
      s.startsWith(`${this.pronoun} `) || s.startsWith(this.name!) || nameAt(s, this.surname || this.name!) >= 0;
    if (previous !== undefined && !theirs(previous)) return undefined;
    const shift = this.name.length - opening.length;
    return {
      text: this.name + sentence.slice(opening.length),
      dates: dates.map((d) => ({ ...d, index: d.index + shift })),
    };
  }
}

/** An event told again (`told`) folded into the one already in the timeline (`same`). */
function foldInto(
  same: Draft,
  told: { d: BookDate; text: string; sentence: string; words: ReadonlySet<string>; block: string; life: boolean },
  glossed: Set<Draft>,
): void {
  const { d, text, sentence, words, block } = told;
  if (!same.blocks!.includes(block)) same.blocks!.push(block);
  // A birth or death a gloss gave ("Magnar Kvale born") told more fully by the text on the same day ("Kvale was
  // born in Bergen"; a given name may be left out): the text's line.
  const fuller =
    glossed.has(same) &&
    !told.life &&
    same.precision === d.precision &&
    words.size >= same.words!.size &&
    [...words].some((w) => !same.words!.has(w)) &&
    [...same.words!].filter((w) => !words.has(w)).length <= 1;
  if (fuller) {
    glossed.delete(same);
    Object.assign(same, { text, sentence, words }).block = block;
    return;
  }
  // Told more precisely here: the event takes this date, its label and its place.
  if (RANK[d.precision] < RANK[same.precision])
    Object.assign(same, {
      date: d.date,
      precision: d.precision,
      label: shownDate(d.label),
      text,
      sentence,
      yearFrom: d.yearFrom,
    }).block = block;
}

export function extractTimeline(book: Book): TimelineEvent[] {
  const dates = bookDates(book);
  const events: Draft[] = [];
  let order = 0;
  const language = book.meta.language;
  const topic = new Topic(language);
  /** The events read from a gloss of a life (see `fuller` below). */
  const glossed = new Set<Draft>();
  for (const ref of blocksOf(book)) {
    const perSentence = dates.get(ref.block.id) ?? [];
    const titles = ref.block.kind === 'list' ? italicTitles(ref.block.node) : NO_TITLES;
    let lastDay: BookDate | undefined;
    ref.block.sentences.forEach((sentence, si) => {
      const { all, counted } = withRelativeDays(sentence, perSentence[si] ?? [], lastDay, language);
      // The day a later "that day" counts from: one that dates an event here (not a plan's day).
      const told: BookDate[] = [];
      // What a subject can be named more fully by: the sentence before, and this one up to the subject.
      const previous = si > 0 ? ref.block.sentences[si - 1]! : '';
      // "He was elected … in 1989" in a biography: the events of the person the article is about.
      const named =
        ref.block.kind === 'paragraph' ? topic.named(sentence, all, si > 0 ? previous : undefined) : undefined;
      const work = ref.block.kind === 'list' && namesWork(sentence, titles);
      const clauses = named
        ? datedClauses(named.text, named.dates, ref.block.kind, language, work)
        : datedClauses(sentence, all, ref.block.kind, language, work);
      for (const clause of clauses) {
        const { at, words, date } = clause;
        const text = baseLanguage(language) === 'en' ? namedSubject(clause.text, previous, sentence) : clause.text;
        if (text === undefined) continue;
        const d = { ...all[at]!, ...date };
        if (d.precision === 'day' && !d.uncertain && !d.end) told.push(d);
        // "that day", "the next day": the timeline shows the day it stands for.
        if (counted.has(all[at]!)) d.label = writtenDay(d.date, language);
        else d.label = qualified(named ? named.text : sentence, all[at]!.index, d.label);
        const same = events.find((e) => sameTime(e, d) && sameEvent(e.words, words, e.precision !== d.precision));
        if (same) {
          foldInto(same, { d, text, sentence, words, block: ref.block.id, life: !!clause.life }, glossed);
          continue;
        }
        events.push({
          id: '',
          date: d.date,
          precision: d.precision,
          end: d.end,
          label: shownDate(d.label),
          text,
          block: ref.block.id,
          blocks: [ref.block.id],
          sentence,
          yearFrom: d.yearFrom,
          uncertain: d.uncertain,
          order: order++,
          words,
        });
        if (clause.life) glossed.add(events.at(-1)!);
      }
      lastDay = told.at(-1) ?? lastDay;
    });
  }
  mergeRuns(events);
  // Chronological; the more precise first on the same start; then reading order.
  events.sort(
    (a, b) =>
      a.date.slice(0, 4).localeCompare(b.date.slice(0, 4)) ||
      a.date.localeCompare(b.date) ||
      RANK[a.precision] - RANK[b.precision] ||
      a.order - b.order,
  );
  // The merge's date variants by block, once: each event looks only at its own blocks'.
  const dateVariants = new Map<string, VariantRecord[]>();
  for (const v of book.report?.variants ?? [])
    if (v.class === 'date' && v.block) dateVariants.set(v.block, [...(dateVariants.get(v.block) ?? []), v]);
  return events.map(({ order: _order, words: _words, ...e }, i) => {
    const readings = dateVariants.size ? otherReadings(e, dateVariants, book.meta.language) : [];
    return { ...e, id: `time-${i + 1}`, ...(readings.length ? { readings } : {}) };
  });
}

/**
 * The dates other sources give an event: where the merge recorded a date variant of the event's sentence (one
 * reading is the sentence as the book has it), each other reading's date at the place of the event's date
 * (the date it writes nearest there, of the same precision), when it is another date.
 */
function otherReadings(
  e: TimelineEvent,
  dateVariants: ReadonlyMap<string, VariantRecord[]>,
  language: string,
): NonNullable<TimelineEvent['readings']> {
  const out: NonNullable<TimelineEvent['readings']> = [];
  const year = Number(e.date.slice(0, 4));
  for (const v of [...new Set(e.blocks ?? [e.block])].flatMap((b) => dateVariants.get(b) ?? [])) {
    const kept = v.readings.find((r) => r.text === e.sentence);
    const mine = kept && datesIn(kept.text, year, language).find((d) => d.date === e.date);
    if (!kept || !mine) continue;
    for (const { reading, date } of datesAtPlace(v, kept, mine, year, language))
      if (!out.some((o) => o.date === date.date))
        out.push({ date: date.date, precision: date.precision, sources: reading.sources.map((s) => s.source) });
  }
  return out;
}

/**
 * Where a variant's `kept` reading writes the date `mine`, what each other reading writes there: the date it
 * writes nearest that place, of the same precision, when it is another date.
 */
export function datesAtPlace(
  v: VariantRecord,
  kept: VariantRecord['readings'][number],
  mine: DateMention,
  year: number,
  language: string,
): { reading: VariantRecord['readings'][number]; date: DateMention }[] {
  const out: { reading: VariantRecord['readings'][number]; date: DateMention }[] = [];
  for (const r of v.readings) {
    if (r === kept) continue;
    const theirs = datesIn(r.text, year, language)
      .filter((d) => d.precision === mine.precision)
      .sort((a, b) => Math.abs(a.index - mine.index) - Math.abs(b.index - mine.index))[0];
    if (theirs && theirs.date !== mine.date) out.push({ reading: r, date: theirs });
  }
  return out;
}
