/**
 * What the text says a person did, in one line of its own words: the clause whose subject the person is
 * ("Von der Schulenburg reported to Berlin that …" → "reported to Berlin that …"), the clause that makes them
 * its object, in the passive ("Molotov assured German ambassador X that …" → "assured by Molotov that …"), the
 * act they are named as the agent of ("The treaty was signed by A and X" → "signed the treaty with A"), the
 * talks they had ("the conversation between X and Y" → "conversation with Y"), or the group a list of names
 * puts them in ("Other representatives in the talks were A, B and X" → "one of the representatives in the
 * talks"). Where the sentence opens with its date ("In August 1933, …"), the line ends with it.
 *
 * English only: compromise's tagger tells a verb from a noun. Every line is checked to be about the person:
 * the subject of the clause is the person's name (with its title), never another name in the sentence.
 */
import { englishLexicon, tagger } from '../util/lexicon.js';
import { memoize } from '../util/memo.js';
import { nameAt } from '../util/names.js';

interface Term {
  text: string;
  tags: Set<string>;
  start: number;
  end: number;
  /** The punctuation written after the term (", ", ". "). */
  post: string;
  pre: string;
}

/**
 * A sentence's terms, remembered per sentence and kept in the cache folder (the tagger's reading is most of a
 * role line's work, and every build asks for the same sentences). Shared: callers never change a term.
 */
const termsOf: (sentence: string) => readonly Term[] = memoize(readTerms, (sentence) => sentence, 5_000, {
  name: 'role-terms',
  persist: true,
});

function readTerms(sentence: string): Term[] {
  const json = tagger()(sentence).json({ offset: true }) as {
    terms: { text: string; tags: string[]; pre: string; post: string; offset: { start: number; length: number } }[];
  }[];
  return json.flatMap((s) =>
    s.terms.map((t) => ({
      text: t.text,
      tags: new Set(t.tags),
      start: t.offset.start,
      end: t.offset.start + t.offset.length,
      post: t.post,
      pre: t.pre,
    })),
  );
}

/** Words a name is written with besides its capitalised ones. */
const PARTICLE = /^(?:von|van|der|den|de|du|zu|graf|freiherr|da|di|la|le)$/i;
const CAPITALISED = /^\p{Lu}/u;
/** A clause ends after a term written with one of these after it. */
const CLAUSE_END = /[,;:()]|[.!?]\s*$|^\s*[–—]\s*$/;
/** Words that start a phrase a line can end before: purpose, cause, time. */
const WEAK_CUT = /^(?:in|for|because|after|before|during|while|when|until|since|towards|thereby)$/i;
/** A line at most this many words long. */
const MAX_WORDS = 18;
/** Words that start a new clause after "and" or "but" ("and the portrayal of events …"). */
const CLAUSE_START = new Set(['Determiner', 'Pronoun', 'Possessive']);
/** Verbs that tell nothing of their own. */
const EMPTY_VERBS = /^(?:is|was|were|are|be|been|had|has|have|did|does|do|said|says|wrote|writes|argued|argues)$/i;

interface Mention {
  /** Index of the name's first and last terms. */
  first: number;
  last: number;
}

/** The terms of the sentence's first stand-alone mention of one of `names` (extended over its particles). */
function mentionIn(sentence: string, terms: readonly Term[], names: readonly string[]): Mention | undefined {
  for (const name of names) {
    const at = nameAt(sentence, name);
    if (at < 0) continue;
    const end = at + name.length;
    let first = terms.findIndex((t) => t.end > at);
    let last = terms.findIndex((t) => t.end >= end);
    if (first < 0 || last < 0 || /^['’]s/.test(sentence.slice(end))) continue;
    // "Von der Schulenburg": the particles and given names written before the surname.
    while (first > 0 && !terms[first - 1]!.post.trim() && /^\p{L}/u.test(terms[first - 1]!.text)) {
      const t = terms[first - 1]!;
      if (!(PARTICLE.test(t.text) || (CAPITALISED.test(t.text) && t.tags.has('Person')))) break;
      first--;
    }
    while (last + 1 < terms.length && !terms[last]!.post.trim() && PARTICLE.test(terms[last + 1]!.text)) last++;
    return { first, last };
  }
  return undefined;
}

/** Words that join a name to something else: what stands before them is not the name's title. */
const NOT_IN_TITLE =
  /^(?:and|or|nor|with|by|of|to|under|for|from|between|against|at|on|in|about|among|without|behind|than|as)$/i;

const isVerb = (t: Term | undefined) =>
  !!t && t.tags.has('Verb') && !t.tags.has('Gerund') && !t.tags.has('Infinitive') && !t.tags.has('Modal');

/** The text of terms `from`..`to` as written. */
const span = (sentence: string, terms: readonly Term[], from: number, to: number) =>
  sentence.slice(terms[from]!.start, terms[to]!.end);

/**
 * The clause that starts at term `from`, as written: up to the first comma, bracket or other clause mark, or
 * an "and"/"but" that starts a new clause; undefined when longer than a line.
 */
function clauseFrom(sentence: string, terms: readonly Term[], from: number): string | undefined {
  let to = from;
  for (; to < terms.length - 1; to++) {
    const t = terms[to]!;
    // "November 6, 1918": a date's comma ends nothing.
    const dateComma = /^\d{1,2}$/.test(t.text) && /^,\s*$/.test(t.post) && /^\d{4}$/.test(terms[to + 1]!.text);
    if ((CLAUSE_END.test(t.post) && !dateComma) || /[("“]/.test(terms[to + 1]!.pre)) break;
    const next = terms[to + 1]!;
    const after = terms[to + 2];
    if (
      /^(?:and|but|while|whereas|which)$/i.test(next.text) &&
      after &&
      [...after.tags].some((x) => CLAUSE_START.has(x))
    )
      break;
  }
  const words = (end: number) => span(sentence, terms, from, end).split(/\s+/).length;
  if (words(to) > MAX_WORDS) {
    // Too long: up to the first phrase of purpose, cause or time past its fourth word, if that fits a line.
    const cut = terms.findIndex(
      (t, i) => i >= from + 4 && i <= to && WEAK_CUT.test(t.text) && words(i - 1) <= MAX_WORDS,
    );
    if (cut < 0) return undefined;
    to = cut - 1;
  }
  // "asked at the German Foreign Office whether": what it asked is in the quotation cut off; end before it.
  while (
    to > from + 2 &&
    /^(?:whether|that|if|which|who|to|of|by|with|for|and|or|but|the|a|an)$/i.test(terms[to]!.text)
  )
    to--;
  if (to < from + 2 && /^(?:whether|that|if|which|who)$/i.test(terms[to + 1]?.text ?? '')) return undefined;
  return span(sentence, terms, from, to).replace(/[\s,;:.]+$/, '');
}

/** "In August 1933, …" · "On December 4, 1924, …": the date a sentence opens with, as written ("in August 1933"). */
function openingDate(sentence: string): string {
  const m = /^(In|On)\s+((?:[\p{L}]+\s+){0,3}\d{1,2},?\s+\d{4}|(?:[\p{L}]+\s+){0,2}\d{4}),/u.exec(sentence);
  return m ? `${m[1]!.toLowerCase()} ${m[2]}` : '';
}

/** The line with the sentence's opening date after it, when the line does not already hold its year. */
function dated(line: string, sentence: string): string {
  const date = openingDate(sentence);
  const year = /\d{4}/.exec(date)?.[0];
  return date && year && !line.includes(year) && line.split(/\s+/).length < MAX_WORDS ? `${line} ${date}` : line;
}

export interface RoleLine {
  line: string;
  /** How central the line is to the person: 3 an act of theirs, 2 one done to them, 1 a group or talks. */
  weight: number;
  /** The title the sentence gives the person before the name ("the last Soviet ambassador to Germany"). */
  apposition?: string;
}

/** The person as the clause's subject: "[intro,] [title] NAME [, apposition,] VERB …". */
function asSubject(sentence: string, terms: readonly Term[], m: Mention): RoleLine | undefined {
  // In brackets ("(A, assisted by B, and C)") a name is an aside, not a clause's subject.
  if (/\(/.test(terms[m.first]!.pre) || /\(/.test(terms[m.first - 1]?.post ?? '')) return undefined;
  const k = verbAfter(terms, m);
  const i = k < 0 ? undefined : boundaryBefore(terms, m);
  if (i === undefined) return undefined;
  // A past participle after "was" says what was done to them: the participle is the line ("sent to Kaunas").
  const next = terms[k + 1];
  const passive =
    /^(?:was|were)$/i.test(terms[k]!.text) &&
    !!next &&
    !next.pre &&
    (next.tags.has('Passive') || next.tags.has('PastTense') || (next.tags.has('Adjective') && /ed$/.test(next.text)));
  const clause = clauseFrom(sentence, terms, passive ? k + 1 : k);
  if (!clause) return undefined;
  const empty = EMPTY_VERBS.test(terms[k]!.text) && !passive;
  // "A and B arrived": the act is both's, and the line says with whom ("with B, arrived …").
  const partner = partnerOf(sentence, terms, m);
  const line = dated(clause, sentence);
  return {
    line: partner ? `with ${partner}, ${line}` : line,
    weight: empty ? 1 : 3,
    apposition: appositionBefore(sentence, terms, i),
  };
}

/** The other name a subject is joined to by "and" ("A and B arrived"), as written; undefined when none. */
function partnerOf(sentence: string, terms: readonly Term[], m: Mention): string | undefined {
  const before = terms[m.first - 1];
  if (before && /^and$/i.test(before.text) && m.first >= 2 && !terms[m.first - 2]!.post.trim()) {
    let other = nameEndingAt(terms, m.first - 2);
    // "Soon Ribbentrop and Molotov": an opening adverb is no part of the name.
    while (other >= 0 && other < m.first - 2 && !isNameWord(terms[other]!)) other++;
    // "Stalin, Molotov and Ribbentrop": one of three or more, not a pair.
    if (other < 0 || terms[other - 1]?.post.includes(',')) return undefined;
    return span(sentence, terms, other, m.first - 2);
  }
  const after = terms[m.last + 1];
  if (terms[m.last]!.post.trim() || !after || !/^and$/i.test(after.text)) return undefined;
  // "Soon" or a list before the name: no pair.
  if (terms[m.first - 1]?.post.includes(',')) return undefined;
  let j = m.last + 2;
  if (!CAPITALISED.test(terms[j]?.text ?? '')) return undefined;
  while (j + 1 < terms.length && !terms[j]!.post.trim() && CAPITALISED.test(terms[j + 1]!.text)) j++;
  return nameEndingAt(terms, j) === m.last + 2 ? span(sentence, terms, m.last + 2, j) : undefined;
}

/** A word that can be part of a person's name: the tagger's person, or a word its lexicon knows only as a name. */
const isNameWord = (t: Term) => {
  const known = englishLexicon().words[t.text.toLowerCase()];
  return t.tags.has('Person') || known === undefined || /Name|Person|Honorific/.test(String(known));
};

/** The term of the verb whose subject the name is ("NAME [, apposition,] [and OTHER] VERB"), or -1. */
function verbAfter(terms: readonly Term[], m: Mention): number {
  let k = m.last + 1;
  // An apposition: ", the RSFSR's special representative to Berlin, asked …" (no verb of its own); or the name
  // is the apposition itself ("the German ambassador to Moscow, Wilhelm von Mirbach, was shot").
  const appositive = !!terms[m.first - 1]?.post.includes(',') && terms[m.last]!.post.trim() === ',' && isVerb(terms[k]);
  if (appositive) return k;
  if (terms[m.last]!.post.includes(',')) {
    let j = k;
    while (j < terms.length && j - k < 12 && !terms[j]!.post.includes(',') && !isVerb(terms[j])) j++;
    if (j >= terms.length || isVerb(terms[j]) || !terms[j]!.post.includes(',')) return -1;
    k = j + 1;
  } else if (terms[m.last]!.post.trim()) return -1;
  // "A and B arrived": the act is both's.
  if (/^and$/i.test(terms[k]?.text ?? '') && CAPITALISED.test(terms[k + 1]?.text ?? '')) {
    let j = k + 1;
    while (j + 1 < terms.length && !terms[j]!.post.trim() && CAPITALISED.test(terms[j + 1]!.text)) j++;
    if (nameEndingAt(terms, j) !== k + 1) return -1;
    k = j + 1;
  }
  while (terms[k]?.tags.has('Adverb') && !terms[k]!.post.trim()) k++;
  return isVerb(terms[k]) ? k : -1;
}

/**
 * Where the name's subject starts: the sentence's start (-1), or the term of the clause mark before it — after
 * at most a title ("the German ambassador", "Soviet trade representative in Berlin") or another name and
 * "and"; undefined when something else stands before the name.
 */
function boundaryBefore(terms: readonly Term[], m: Mention): number | undefined {
  let i = m.first - 1;
  for (; i >= 0; i--) {
    const t = terms[i]!;
    if (t.post.includes(',') || SUBORDINATOR.test(t.text)) break;
    if (isVerb(t) || (t.tags.has('Preposition') && !PLACE_PREPOSITION.test(t.text))) return undefined;
    if (/^and$/i.test(t.text) && i === m.first - 1 && i > 0 && !terms[i - 1]!.post.trim()) {
      const other = nameEndingAt(terms, i - 1);
      if (other < 0) return undefined;
      i = other;
      continue;
    }
    const place = PLACE_PREPOSITION.test(t.text) && CAPITALISED.test(terms[i + 1]!.text) && i + 1 < m.first;
    if ((NOT_IN_TITLE.test(t.text) && !place) || m.first - i > 6) return undefined;
  }
  // "Karl Radek, Leonid Krasin, Adolph Joffe …": a name in a list is not the subject alone.
  if (i >= 0 && i === m.first - 1 && terms[i]!.tags.has('Person')) return undefined;
  return i;
}

/** Words that open a clause inside a sentence ("…, when Soviet trade representative X made …"). */
const SUBORDINATOR = /^(?:when|that|because|while|after|before|although|though|since|until|whereas|if)$/i;
/** Prepositions a title holds before a place ("ambassador to Moscow", "representative in Berlin"). */
const PLACE_PREPOSITION = /^(?:to|in|of|at)$/i;

/** "In 1937, the last Soviet ambassador to Germany of Jewish origin, NAME, …": the apposition ending at term `i`. */
function appositionBefore(sentence: string, terms: readonly Term[], i: number): string | undefined {
  if (i < 0) return undefined;
  let j = i;
  while (j > 0 && !terms[j - 1]!.post.includes(',')) j--;
  const words = terms.slice(j, i + 1);
  if (!/^the$/i.test(words[0]!.text) || words.length > 12 || words.some(isVerb)) return undefined;
  return span(sentence, terms, j, i).replace(/[\s,]+$/, '');
}

/** A name (capitalised words, one a person's or a proper noun) that ends at term `end`, its first term. */
function nameEndingAt(terms: readonly Term[], end: number): number {
  let i = end;
  const nameLike = (t: Term) =>
    (CAPITALISED.test(t.text) || PARTICLE.test(t.text)) &&
    !t.tags.has('Date') &&
    !t.tags.has('Place') &&
    !t.tags.has('Demonym') &&
    !t.tags.has('Determiner');
  while (i >= 0 && nameLike(terms[i]!) && (i === end || !terms[i]!.post.trim())) i--;
  const first = i + 1;
  if (first > end || !CAPITALISED.test(terms[first]!.text)) return -1;
  // A word the tagger takes for a name, or one its lexicon does not know ("Voss" opening a sentence).
  const person = terms
    .slice(first, end + 1)
    .some((t) => t.tags.has('Person') || t.tags.has('ProperNoun') || !(t.text.toLowerCase() in englishLexicon().words));
  return person ? first : -1;
}

/**
 * A verb's past participle ("assured" → "assured"), as the tagger conjugates it; remembered per verb and kept
 * in the cache folder (a build whose sentences are all remembered need not start the tagger for one verb).
 */
const pastParticiple = memoize(
  (verb: string) =>
    (tagger()(`they ${verb} it`).verbs().toPastParticiple().text() as string)
      .replace(/^(?:they\s+)?(?:have|has)\s+/, '')
      .replace(/\s+it$/, ''),
  (verb) => verb,
  5_000,
  { name: 'past-participles', persist: true },
);

/** The person as the object: "[intro,] A [, apposition,] VERBED [title] NAME REST" → "VERBED by A REST". */
function asObject(sentence: string, terms: readonly Term[], m: Mention): RoleLine | undefined {
  // The verb right before the name or its title (no clause mark, at most four words between).
  let v = m.first - 1;
  while (v >= 0 && m.first - v <= 5 && !isVerb(terms[v]) && !terms[v]!.post.match(/[,;:()]/)) v--;
  const verb = terms[v];
  if (!verb || !isVerb(verb) || !verb.tags.has('PastTense') || EMPTY_VERBS.test(verb.text)) return undefined;
  if (terms.slice(v + 1, m.first).some((t) => t.tags.has('Preposition') || t.tags.has('Verb'))) return undefined;
  // The subject: a name right before the verb, or before a comma-bounded apposition that ends right before it.
  let end = v - 1;
  if (terms[end]?.post.includes(',')) {
    let j = end;
    while (j > 0 && v - j < 40 && !terms[j - 1]!.post.includes(',')) j--;
    end = j - 1;
    if (!terms[end]?.post.includes(',')) return undefined;
  } else if (terms[end]?.post.trim()) return undefined;
  const first = end >= 0 ? nameEndingAt(terms, end) : -1;
  if (first < 0) return undefined;
  // The subject starts the sentence or follows a clause mark.
  if (first > 0 && !terms[first - 1]!.post.includes(',')) return undefined;
  const participle = pastParticiple(verb.text);
  if (!participle || /\s/.test(participle)) return undefined;
  const rest = m.last + 1 < terms.length ? clauseFrom(sentence, terms, m.last + 1) : '';
  if (rest === undefined) return undefined;
  const line = `${participle} by ${span(sentence, terms, first, end)}${rest ? ` ${rest}` : ''}`;
  return line.split(/\s+/).length <= MAX_WORDS ? { line: dated(line, sentence), weight: 2 } : undefined;
}

/** The person as the agent of a passive: "THE THING was VERBED by [A and] NAME" → "VERBED the thing [with A]". */
function asAgent(sentence: string, terms: readonly Term[], m: Mention): RoleLine | undefined {
  const by = sentence.slice(0, terms[m.first]!.start).search(/\bby\s+(?:[^,;.]*?\s+and\s+)?[^,;.]*$/);
  if (by < 0) return undefined;
  const before = sentence.slice(0, by);
  const passive =
    /(?:^|,\s+)((?:[Tt]he|[Aa]n?)\s+[^,;]{2,60}?)\s+(?:was|were)\s+(\p{Ll}+ed|\p{Ll}+en|met|sent)\s+$/u.exec(before);
  if (!passive) return undefined;
  const agents = sentence.slice(by + 3, terms[m.first]!.start);
  const partner = /^(.+?)\s+and\s+(?:[\p{L}'’]+\s+){0,4}$/u.exec(agents)?.[1];
  if (/\band\b/.test(agents) ? !partner : agents.trim().split(/\s+/).length > 4) return undefined;
  const thing = passive[1]!.replace(/^The\b/, 'the');
  const line = `${passive[2]} ${thing}${partner ? ` with ${partner}` : ''}`;
  return line.split(/\s+/).length <= MAX_WORDS ? { line: dated(line, sentence), weight: 3 } : undefined;
}

/** Talks between the person and another: "the conversation between X and Y" → "conversation with Y". */
const TALKS = String.raw`(?:conversation|conversations|meeting|meetings|talks|negotiations|correspondence|exchange)`;

function inTalks(sentence: string, terms: readonly Term[], m: Mention): RoleLine | undefined {
  const start = terms[m.first]!.start;
  const end = terms[m.last]!.end;
  const head = new RegExp(String.raw`\b(${TALKS})\s+between\s+(?:[\p{L}']+\s+){0,4}$`, 'u').exec(
    sentence.slice(0, start),
  );
  if (head) {
    const other = new RegExp(String.raw`^\s+and\s+(?:\p{L}+\s+){0,3}?(${NAME})(?:,[^,]{0,80},)?\s+${WHEN}`, 'u').exec(
      sentence.slice(end),
    );
    if (!other) return undefined;
    return { line: dated(`${head[1]} with ${other[1]}${other[2] ? ` ${other[2]}` : ''}`, sentence), weight: 1 };
  }
  const withHead = new RegExp(String.raw`\b(${TALKS})\s+with\s+[^.;]{0,140}$`, 'u').exec(sentence.slice(0, start));
  if (!withHead) return undefined;
  const talks = terms.findIndex((t) => t.start === withHead.index);
  if (talks < 0) return undefined;
  // The one they talked with: the name right before "in a conversation with" …
  const before = terms[talks - 2];
  if (before && /^(?:in|at|during)$/i.test(before.text) && /^(?:a|an|the|their)$/i.test(terms[talks - 1]!.text)) {
    const first = nameEndingAt(terms, talks - 3);
    if (first < 0) return undefined;
    return { line: dated(`${withHead[1]} with ${span(sentence, terms, first, talks - 3)}`, sentence), weight: 1 };
  }
  // … or the subject of the verb the talks are the object of ("Litvinov launched the … negotiations with").
  let v = talks - 1;
  while (v >= 0 && talks - v <= 5 && !isVerb(terms[v]) && !/[,;:()]/.test(terms[v]!.post)) v--;
  if (v < 1 || !isVerb(terms[v]) || terms[v - 1]!.post.trim()) return undefined;
  const first = nameEndingAt(terms, v - 1);
  if (first < 0 || (first > 0 && !terms[first - 1]!.post.includes(','))) return undefined;
  const what = span(sentence, terms, v + 1, talks).replace(/^(?:the|a|an)\s+/i, '');
  return { line: dated(`${what} with ${span(sentence, terms, first, v - 1)}`, sentence), weight: 1 };
}

/** A name in a pattern: capitalised words with particles between them. */
const NAME = String.raw`\p{Lu}[\p{L}'’-]+(?:\s+(?:(?:von|van|der|de|zu)\s+)*\p{Lu}[\p{L}'’-]+){0,3}`;
/** A date written right after: "on April 17, 1939", "in 1937" (optional). */
const WHEN = String.raw`((?:on|in)\s+(?:\p{Lu}\p{Ll}+\s+)?(?:\d{1,2},?\s+)?\d{4})?`;

/** A list of names after "were": "Other Soviet representatives in the talks were A, B and X." */
function inGroup(sentence: string, terms: readonly Term[], m: Mention): RoleLine | undefined {
  const g = /^(?:Other|The|Among|Other)?\s*(.{3,80}?)\s+(?:were|included)\s+(.+?)\.?$/u.exec(sentence);
  if (!g || terms[m.first]!.start < g[0].length - g[2]!.length - 1) return undefined;
  const items = g[2]!.split(/,\s*(?:and\s+)?|\s+and\s+/);
  if (items.length < 2 || !items.every((x) => /^\p{Lu}[\p{L}'’-]*(?:\s+\p{L}[\p{L}'’-]*){0,3}$/u.test(x.trim())))
    return undefined;
  const group = g[1]!.replace(/^(?:other|the)\s+/i, '');
  if (!/\p{Ll}+s\b/u.test(group) || group.split(/\s+/).length > 10) return undefined;
  return { line: `one of the ${group}`, weight: 1 };
}

/**
 * The best line the sentences give about the person named by any of `names`: an act of theirs first, then
 * one done to them, then talks or a group they are named in; among equals the first in reading order.
 */
export function roleLineOf(names: readonly string[], sentences: readonly string[]): RoleLine | undefined {
  let best: RoleLine | undefined;
  for (const sentence of sentences) {
    if (!names.some((n) => sentence.includes(n))) continue;
    const terms = termsOf(sentence);
    const m = mentionIn(sentence, terms, names);
    if (!m) continue;
    for (const read of [asSubject, asAgent, asObject, inTalks, inGroup]) {
      const r = read(sentence, terms, m);
      if (r && (!best || r.weight > best.weight)) best = r;
      if (r) break;
    }
    if (best?.weight === 3) break;
  }
  return best;
}
