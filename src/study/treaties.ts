/**
 * Treaties, pacts, agreements, accords and alliances named in the book, as instruments: each with its
 * status (signed, ratified, denounced — or only proposed, or negotiated and never concluded) and the date
 * of each step, its parties as states, its signatories, its protocols and a line that says what it did.
 *
 * A name is a capitalised phrase around one of those words ("Treaty of Rapallo", "Molotov–Ribbentrop Pact",
 * "German–Soviet Boundary and Friendship Treaty", "Munich Agreement"), or a secret protocol. Names that are
 * the same treaty are merged: the same words in another order ("Treaty of Berlin" / "Berlin Treaty"),
 * combining forms ("Franco-Soviet" / "Soviet-French"), a shorter name contained in exactly one longer one
 * ("Friendship Treaty"), and the sources' own links ("[[Nazi-Soviet Pact|Molotov-Ribbentrop Pact]]").
 * One name, two years ("German–Soviet Commercial Agreement (1939)", "the 1940 German–Soviet Commercial
 * Agreement") is two instruments; a mention without a year goes to the instrument of its narrative's year.
 * Protocols belong to the treaty they are "of" or "to" (else the treaty last named around them); a heading
 * that names a treaty makes the section's "the agreement" that treaty.
 * Date, status, parties and signatories come from the sentences that mention the treaty, with the years
 * study/dates.ts reads from the narrative ("On November 28, the Soviet Union denounced the 1932 …" is 1939).
 */
import type { Book, Treaty, TreatyStatus } from '../model/index.js';
import { slugify } from '../util/slug.js';
import { stripTitles } from './names.js';
import { nameAt } from '../util/names.js';
import { peopleOf, PERSON_RUN, type People } from './people.js';
import { blocksOf, type BlockRef } from './text.js';
import { bookDates, datesOfSentence, isoOf, rawDatesIn, type BookDate, type BookDates } from './dates.js';
import { isState, stateOf, stateOfDemonym } from './states.js';
import { INSTRUMENT_TOPICS, localTreatyWords, type LocalTreatyWords } from './treaty-words.js';
import escape from 'escape-string-regexp';
import { matchesOf } from './per-text.js';
import { memoize } from '../util/memo.js';
import { hashOf } from '../util/hash.js';
import { unnamedTreaties } from './unnamed-treaties.js';
import { opening } from './discourse.js';

/** The book's language's treaty words, when it is not English (set by `extractTreaties`). */
let local: LocalTreatyWords | undefined;
/** The book's language (set by `extractTreaties`): how a description's opening is read. */
let language = 'en';

const KIND =
  String.raw`(?:Treaty|Treaties|Pact|Agreement|Agreements|Protocol|Protocols|Accord|Accords|Alliance|Convention|` +
  String.raw`Entente|Armistice)`;
const MONTHS = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December)\b`;
const CAP = String.raw`(?:(?!${MONTHS})\p{Lu}[\p{L}'’]*(?:[-–]\p{Lu}?[\p{L}]+)*|\d{4})`;
/**
 * "German–Soviet Boundary and Friendship Treaty", "Franco-Soviet Treaty of Mutual Assistance",
 * "Treaty of Brest-Litovsk", "Framework Convention for the Protection of National Minorities"
 */
const NAMED = new RegExp(
  String.raw`(?:${CAP}\s+(?:(?:and|of|for)\s+)?){0,5}${KIND}\b` +
    String.raw`(?:\s+(?:of|on|for\s+the)\s+(?:${CAP}(?:\s+(?:and|of)\s+)?\s*){1,4})?`,
  'gu',
);
/** An unnamed treaty of a named kind with a named party: "a neutrality pact with Axis power Japan". */
const KIND_WITH = new RegExp(
  String.raw`\b(non-aggression|neutrality|commercial|trade|credit|border|boundary|friendship|peace|mutual assistance)` +
    String.raw`\s+(pact|treaty|agreement|accord)\s+with\s+(?:\p{L}+\s+){0,2}?(?:the\s+)?` +
    String.raw`(?!${MONTHS})(\p{Lu}\p{L}+)(?=[\s.,;]|$)(?!\s+(?:power|\p{Lu}))`,
  'gu',
);

/**
 * An instrument named by its parties and kind, in lowercase: "the Soviet-French non-aggression pact". The
 * prefix must be states' demonyms or combining forms.
 */
const PAIR_KIND = new RegExp(
  String.raw`\b(\p{Lu}\p{Ll}+(?:[-–]\p{Lu}\p{Ll}+)+)\s+(non-aggression|neutrality|trade|commercial|friendship|border|` +
    String.raw`boundary|peace|credit|mutual[- ]assistance|naval|military|customs)\s+(pact|treaty|agreement|accord)\b`,
  'gu',
);

/** Combining forms mean the same party: "Franco-" is French, "Anglo-" English, … (standard English usage). */
const COMBINING: Record<string, string> = {
  franco: 'french',
  anglo: 'english',
  italo: 'italian',
  russo: 'russian',
  sino: 'chinese',
  german: 'german',
  germano: 'german',
  polono: 'polish',
  nazi: 'german',
};
const STOP = new Set(['the', 'of', 'and', 'on', 'for', 'a']);
const LEADING = new RegExp(
  String.raw`^(?:The|A|An|This|That|These|Those|In|On|By|After|Before|During|Under|With|Its|Their|His|Her|When|` +
    String.raw`While|Both|And)\s+`,
);

function normaliseDashes(text: string): string {
  return text.replace(/[–—−]/g, '-');
}

/** Words that identify a treaty, order-free: "Treaty of Berlin" and "Berlin Treaty" share a key. */
function keyWords(name: string): string[] {
  return normaliseDashes(name)
    .toLowerCase()
    .split(/[\s-]+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .map((w) => local?.stem(w) ?? w)
    .map((w) => COMBINING[w] ?? w.replace(/ies$/, 'y').replace(/(?<=[a-z]{4})s$/, ''))
    .filter((w) => w && !STOP.has(w));
}
const keyOf = (name: string) => [...new Set(keyWords(name))].sort().join(' ');

/** A treaty's name without articles and dates, and the year written with it ("the 1932 … Pact", "… (1939)"). */
function cleanName(raw: string): string | undefined {
  return cleanNameAndYear(raw)?.name;
}

function cleanNameAndYear(raw: string): { name: string; year?: number } | undefined {
  let name = raw.trim().replace(/\s+/g, ' ');
  let year: number | undefined;
  while (LEADING.test(name) || local?.leading.test(name))
    name = name.replace(LEADING, '').replace(local?.leading ?? /^$/, '');
  // Years (and months) before or after a name date it; they do not name it ("1926 Berlin Treaty", "Pact of 1939").
  for (let before = ''; before !== name;) {
    before = name;
    const lead = new RegExp(`^(?:${MONTHS}\\s+)?(\\d{4})\\s+`).exec(name);
    const tail = /(?:,|\s+of|\s+in)?\s+\(?(\d{4})\)?$/.exec(name);
    year ??= Number((lead ?? tail)?.[1]) || undefined;
    name = name
      .replace(new RegExp(`^(?:${MONTHS}\\s+)?\\d{4}\\s+`), '')
      .replace(/(?:,|\s+of|\s+in)?\s+\(?\d{4}\)?$/, '')
      .replace(/\s+(?:of|on|and|for)$/, '');
  }
  // A bare keyword ("Treaty", "Pact") names nothing in particular.
  if (new RegExp(`^${KIND}$`).test(name)) return undefined;
  if (/^\d{4}$/.test(name)) return undefined;
  return { name, year };
}

interface Draft {
  name: string;
  names: Map<string, number>;
  key: string;
  /** How the text writes it, when that differs from the name ("neutrality pact with Axis power Japan"). */
  surfaces?: Set<string>;
  /** Named by a heading: the section's "the agreement" is this treaty. */
  headings?: Set<string>;
}

/** Every name of a treaty the sentences (and headings) carry, by its order-free key. */
function collectDrafts(book: Book, refs: BlockRef[]): Map<string, Draft> {
  const drafts = new Map<string, Draft>();
  const language = book.meta.language;
  const note = (raw: string, surface?: string, heading?: string) => {
    const named = draftName(raw);
    if (named) add(named, surface, heading);
  };
  const add = ({ name, key }: { name: string; key: string }, surface?: string, heading?: string) => {
    const d: Draft = drafts.get(key) ?? { name, names: new Map(), key };
    d.names.set(name, (d.names.get(name) ?? 0) + 1);
    if (surface) (d.surfaces ??= new Set()).add(surface);
    if (heading) (d.headings ??= new Set()).add(heading);
    drafts.set(key, d);
  };
  for (const chapter of book.chapters)
    for (const section of chapter.sections)
      for (const m of section.title.matchAll(NAMED)) note(m[0], undefined, section.id);
  for (const ref of refs)
    for (const sentence of ref.block.sentences) for (const n of namesInSentence(sentence, language)) add(n, n.surface);
  // A name the text defines as an instrument ("The Kigali Amendment to the Montreal Protocol is an international
  // agreement …"), of any words: each sentence that writes it names it.
  const defined = local ? [] : refs.flatMap((r) => r.block.sentences.flatMap((s) => definedName(s) ?? []));
  for (const name of new Set(defined)) {
    const named = draftName(name);
    if (!named || drafts.has(named.key)) continue;
    for (const ref of refs) for (const sentence of ref.block.sentences) if (nameAt(sentence, name) >= 0) add(named);
  }
  return drafts;
}

/**
 * The name a sentence opens with and defines as an instrument: "The Kigali Amendment to the Montreal Protocol is
 * an international agreement to …", "NAFTA is a trade agreement" (English). Only "a" or "an" and the words that
 * qualify the kind: "Germany was a party to the treaty", "Japan was to join the pact" define nothing.
 */
const DEFINED = new RegExp(
  String.raw`^(?:The\s+)?(${CAP}(?:\s+${CAP}){0,4})(?:\s+(?:to|of)\s+the\s+[^,;.()]{1,60}?)?\s+(?:is|was)\s+` +
    String.raw`an?\s+(?:(?!(?:to|the|of|in|on|at|by|for|with|after|before|and|or|its|their)\s)[\p{Ll}-]+\s+){0,3}` +
    String.raw`(?:treaty|agreement|pact|accord|convention)\b`,
  'u',
);
/** "It is a legally binding agreement": a pronoun or determiner names nothing. */
const PRONOUN_OPENING = /^(?:It|This|That|These|Those|There|He|She|They|We|What|Which|Each|Both|Such|One|Its)\b/;
function definedName(sentence: string): string | undefined {
  const name = DEFINED.exec(sentence)?.[1];
  if (!name || PRONOUN_OPENING.test(name)) return undefined;
  return new RegExp(String.raw`\b${KIND}\b`).test(name) ? undefined : name;
}

/** A raw name's clean name and its order-free key; none for a bare kind word or a protocol. */
function draftName(raw: string): { name: string; key: string } | undefined {
  const name = cleanName(raw);
  if (!name || /^(?:Secret|Additional|Supplementary)?\s*(?:Additional\s+)?Protocols?$/i.test(name)) return undefined;
  return { name, key: keyOf(name) };
}

/**
 * The treaty names one sentence carries (clean, with their keys and how the text writes them), in the order
 * `collectDrafts` notes them: a pure function of the sentence and the language (`local`), remembered per
 * sentence — a warm edit reads only the edited sentences' names.
 */
const namesInSentence = memoize(
  (sentence: string, _language: string): readonly { name: string; key: string; surface?: string }[] => {
    const out: { name: string; key: string; surface?: string }[] = [];
    const note = (raw: string, surface?: string) => {
      const named = draftName(raw);
      if (named) out.push(surface === undefined ? named : { ...named, surface });
    };
    for (const m of matchesOf(NAMED, sentence)) note(withYear(sentence, m));
    for (const name of local?.names(sentence) ?? []) note(name);
    for (const m of sentence.matchAll(PAIR_KIND)) if (m[1]!.split(/[-–]/).every((p) => stateOfDemonym(p))) note(m[0]);
    for (const m of sentence.matchAll(KIND_WITH))
      note(`${m[1]![0]!.toUpperCase()}${m[1]!.slice(1)} ${m[2]} with ${m[3]}`, m[0]);
    return out;
  },
  (sentence, language) => `${language}\u0000${sentence}`,
  { keyChars: 4_000_000 },
  { name: 'treaty-names' },
);

/**
 * The year written just after a name: "… (1939)", "the Baltic Entente of 1934", "des Münchner Abkommens von
 * 1938", "… dating back to 1934" (not "of 1934–1939", a span).
 */
const YEAR_AFTER = new RegExp(
  String.raw`^(?:\s*\((\d{4})\)|\s+(?:of|von|vom|de|du|del|van|af|fra|di|da|do)\s+(\d{4})|` +
    String.raw`,?\s+dat(?:ing|ed)\s+(?:back\s+)?(?:to|from)\s+(\d{4}))(?![-–\d])`,
  'i',
);
const yearAfter = (text: string) => {
  const m = YEAR_AFTER.exec(text);
  return m ? Number(m[1] ?? m[2] ?? m[3]) : undefined;
};

/** A name with the year written just before it ("the 1932 Soviet–Finnish …") or just after it ("… (1939)"). */
function withYear(sentence: string, m: RegExpMatchArray): string {
  const before = /(\d{4})\s+$/.exec(sentence.slice(Math.max(0, m.index! - 5), m.index));
  const after = yearAfter(sentence.slice(m.index! + m[0].length));
  return before ? `${before[1]} ${m[0]}` : after ? `${m[0]} (${after})` : m[0];
}

/** Union-find over draft keys: `find` gives the key a key was merged into. */
function unionFind() {
  const parent = new Map<string, string>();
  const find = (k: string): string => (parent.has(k) && parent.get(k) !== k ? find(parent.get(k)!) : k);
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  return { find, union };
}

/** Names the sources link to each other are one treaty; a linked name the text never uses joins as a draft. */
function unionLinked(book: Book, drafts: Map<string, Draft>, union: (a: string, b: string) => void): void {
  for (const link of book.links) {
    const a = cleanName(link.target);
    const b = cleanName(link.label);
    if (!a || !b || !new RegExp(KIND).test(a) || !new RegExp(KIND).test(b)) continue;
    const ka = keyOf(a);
    const kb = keyOf(b);
    if (!drafts.has(ka) && !drafts.has(kb)) continue;
    for (const [k, n] of [
      [ka, a],
      [kb, b],
    ] as const)
      if (!drafts.has(k)) drafts.set(k, { name: n, names: new Map([[n, 0]]), key: k });
    union(kb, ka);
  }
}

/** The words that give a name another in brackets: "Pacte germano-soviétique (ou Pacte Molotov-Ribbentrop)". */
const OR = String.raw`(?:or|also|ou|aussi|oder|auch|o|también|ou\s+ainda|oppure|of|ook|eller|også|eller\s+også|eller)`;

/**
 * A name and another that the sentence says it is, in one clause: in brackets right after it, "or" or "also"
 * between ("Pacte germano-soviétique (ou Pacte Molotov-Ribbentrop)"), or as what it "was" ("Der als
 * Hitler-Stalin-Pakt bekannte Vertrag war ein auf zehn Jahre befristeter deutsch-sowjetischer
 * Nichtangriffspakt"): one treaty.
 */
function unionBracketed(book: Book, drafts: Map<string, Draft>, union: (a: string, b: string) => void): void {
  const names = [...drafts.values()].flatMap((d) => [...d.names.keys()].map((n) => ({ n, key: d.key })));
  if (names.length < 2) return;
  const bracket = new RegExp(String.raw`^\s*\((?:${OR}\s+)?(?:\p{Ll}+\s+)?([^()]{3,80})\)`, 'u');
  for (const ref of blocksOf(book))
    for (const sentence of ref.block.sentences)
      for (const a of names) {
        const i = sentence.indexOf(a.n);
        if (i < 0) continue;
        const rest = sentence.slice(i + a.n.length);
        const m = bracket.exec(rest);
        const b = m && names.find((x) => x.key !== a.key && m[1]!.trim() === x.n);
        if (b) union(a.key, b.key);
        for (const x of names) {
          const j = x.key === a.key ? -1 : rest.indexOf(x.n);
          if (j > 0 && COPULA.test(rest.slice(0, j))) union(a.key, x.key);
        }
      }
}
/** "… war ein …", "… was a …", "… est un …": what lies between a name and what the sentence says it is. */
const COPULA = new RegExp(
  String.raw`^[^,;.()]{0,30}\s(?:ist|war|is|was|est|était|fut|es|fue|era|é|foi|er|var|är)\s+` +
    String.raw`(?:ein|eine|einen|a|an|un|une|uno|una|um|uma|en|ett|et|ei|een|'n|’n)\s+[^,;.()]{0,60}$`,
  'u',
);

const KIND_WORDS = new Set([
  'treaty',
  'pact',
  'agreement',
  'protocol',
  'accord',
  'alliance',
  'convention',
  'entente',
  'armistice',
]);
const distinctive = (k: string) =>
  k
    .split(' ')
    .filter((w) => !KIND_WORDS.has(w) && !local?.isKind(w))
    .join(' ');

/** Merge names of one treaty: links between names, then short names contained in exactly one longer one. */
function groupDrafts(book: Book, drafts: Map<string, Draft>): Draft[][] {
  const { find, union } = unionFind();
  unionLinked(book, drafts, union);
  unionBracketed(book, drafts, union);
  const keys = [...drafts.keys()];
  // The same distinctive words with another kind word: "Locarno Treaties" / "Locarno Agreements".
  for (const a of keys)
    for (const b of keys) if (a < b && distinctive(a) && distinctive(a) === distinctive(b)) union(a, b);
  for (const k of keys) {
    const words = k.split(' ');
    if (words.length < 2) continue;
    const supersets = keys.filter((o) => o !== k && words.every((w) => o.split(' ').includes(w)));
    const roots = new Set(supersets.map(find));
    if (roots.size === 1) union(supersets[0]!, k);
  }
  const groups = new Map<string, Draft[]>();
  for (const d of drafts.values()) groups.set(find(d.key), [...(groups.get(find(d.key)) ?? []), d]);
  return [...groups.values()];
}

/** The canonical name (the one the text uses most, the longer on a tie) and the other names. */
function namesOf(group: Draft[]): { name: string; aliases: string[] } | undefined {
  const names = group.flatMap((d) => [...d.names.entries()]);
  if (names.every(([, count]) => count === 0)) return undefined;
  // Of as many mentions, the name as a title writes it: its kind word not inflected ("Vertrag", not "Vertrages").
  const inflected = (n: string) => (local ? n.split(/\s+/).some((w) => local!.stem(w) !== w.toLowerCase()) : false);
  names.sort((a, b) => b[1] - a[1] || +inflected(a[0]) - +inflected(b[0]) || b[0].length - a[0].length);
  // Only inflected forms written ("des Münchner Abkommens"): the name as a title writes it.
  const name = local && inflected(names[0]![0]) ? local.uninflected(names[0]![0]) : names[0]![0];
  // Aliases differ from the name and from each other by more than the kind of dash.
  const seen = new Set([normaliseDashes(name).toLowerCase()]);
  const aliases = names
    .map(([n]) => n)
    .filter((n) => {
      const k = normaliseDashes(n).toLowerCase();
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  return { name, aliases };
}

/** A sentence that speaks of a treaty, with the year written beside its name and the sentence's dates. */
interface Mention {
  ref: BlockRef;
  sentence: string;
  /** Where the name (or "the pact") stands in the sentence, -1 when not found by name. */
  at: number;
  year?: number;
  dates: BookDate[];
  /** Found by "the pact", not by name: a sentence that names the treaty defines it better. */
  anaphor?: boolean;
}

/**
 * A treaty noun with its article and lowercase modifiers: "the pact", "The ten-year pact", "an intricate trade
 * pact", "the new agreement".
 */
const ANAPHOR = new RegExp(
  String.raw`\b([Tt]he|[Tt]his|[Tt]hat|[Aa]n?)\s+((?:[\p{Ll}\d][\p{Ll}\d'’-]*\s+){0,3}?)` +
    String.raw`(treaty|pact|agreement|accord|alliance)\b(?![-’'])`,
  'gu',
);
/** "protocol … of/to the Treaty", "Secret Additional Protocols", "a secret supplementary protocol". */
const PROTOCOL = /\b(?:[Ss]ecret\s+)?(?:(?:[Aa]dditional|[Ss]upplementary)\s+)?[Pp]rotocols?\b/g;
const TYPES = INSTRUMENT_TOPICS;
const typesOf = (words: string[]) =>
  new Set(words.flatMap((w) => (TYPES[w.toLowerCase()] ? [TYPES[w.toLowerCase()]!] : [])));

interface Group {
  names: string[];
  headings: Set<string>;
  kinds: Set<string>;
  /** Years each instrument of the name is written with, or else the years its sentences tell. */
  years?: Set<number>;
}

/**
 * Every sentence naming each treaty group (under any name, folded), in reading order; a sentence that says
 * "the pact" or "the treaty" speaks of the treaty of that kind last named in its section (or named by the
 * section's heading); "It was signed …" of the treaty the sentence before opens with. An indefinite mention
 * of a kind ("an intricate trade pact on February 11, 1940") is the named instrument of that kind and year
 * when exactly one exists ("the 1940 German–Soviet Commercial Agreement").
 */
function mentionsByGroup(book: Book, groups: Group[], dates: BookDates): Mention[][] {
  const out: Mention[][] = groups.map(() => []);
  // What `namedIn` reads of the groups: their names (each sentence's finds are remembered under them).
  const names = hashOf(groups.map((g) => g.names));
  for (const chapter of book.chapters) {
    for (const section of chapter.sections) {
      // The treaty last named, per kind word ("pact", "treaty"): what "the pact" speaks of.
      const last = new Map<string, number>();
      const heading = groups.findIndex((g) => g.headings.has(section.id));
      if (heading >= 0) for (const k of ['treaty', 'pact', 'agreement', 'accord', 'alliance']) last.set(k, heading);
      if (heading >= 0) for (const k of groups[heading]!.kinds) last.set(k, heading);
      for (const block of section.blocks) {
        const ref: BlockRef = { chapter, section, block };
        let opening: number | undefined;
        block.sentences.forEach((sentence, si) => {
          const sentenceDates = datesOfSentence(dates, block.id, si);
          const found = namedInSentence(sentence, names, groups);
          const first = Math.min(...found.map((f) => f.at), sentence.length);
          // Anaphors before the first name, read before this sentence's names change what "the pact" is.
          const referred = anaphorsIn(sentence, first, { groups, last, heading, found, dates: sentenceDates });
          for (const f of found) {
            for (const k of groups[f.gi]!.kinds) last.set(k, f.gi);
            out[f.gi]!.push({ ref, sentence, at: f.at, year: f.year, dates: sentenceDates });
          }
          for (const r of referred) {
            for (const k of groups[r.gi]!.kinds) last.set(k, r.gi);
            out[r.gi]!.push({ ref, sentence, at: r.at, year: r.year, dates: sentenceDates, anaphor: true });
          }
          const all = [...found, ...referred].sort((a, b) => a.at - b.at);
          // "It was signed by …" right after a sentence that opens with the treaty.
          if (!all.length && (/^It\b/.test(sentence) || local?.pronoun.test(sentence)) && opening !== undefined)
            out[opening]!.push({ ref, sentence, at: 0, dates: sentenceDates });
          opening = all[0] && all[0].at < 40 ? all[0].gi : undefined;
        });
      }
    }
  }
  return out;
}

interface Found {
  gi: number;
  at: number;
  year?: number;
}

/**
 * `namedIn`, remembered per sentence and the groups' names (`names`, a hash of them): a warm edit that leaves
 * the treaties' names as they were searches only the edited sentences for them.
 */
const namedInSentence = memoize(
  (sentence: string, _names: string, groups: Group[]): readonly Found[] => namedIn(groups, sentence),
  (sentence, names) => `${names}\u0000${sentence}`,
  { keyChars: 4_000_000 },
  { name: 'treaty-named-in' },
);

/** The groups a sentence names, where, and the year written beside the name. */
function namedIn(groups: Group[], sentence: string): Found[] {
  const low = normaliseDashes(sentence).toLowerCase();
  const found: Found[] = [];
  groups.forEach((g, gi) => {
    let at = -1;
    let year: number | undefined;
    for (const n of g.names) {
      const i = low.indexOf(n);
      if (i < 0 || /\p{L}/u.test(low[i + n.length] ?? '') || /\p{L}/u.test(low[i - 1] ?? '')) continue;
      at = at < 0 ? i : Math.min(at, i);
      const y = /(\d{4})\s+$/.exec(low.slice(Math.max(0, i - 5), i));
      year ??= y ? Number(y[1]) : yearAfter(low.slice(i + n.length));
    }
    if (at >= 0) found.push({ gi, at, year });
  });
  return found;
}

/** What the treaty nouns before `first` in a sentence speak of (see mentionsByGroup). */
function anaphorsIn(
  sentence: string,
  first: number,
  ctx: { groups: Group[]; last: Map<string, number>; heading: number; found: readonly Found[]; dates: BookDate[] },
): Found[] {
  const out: Found[] = [];
  // "der Pakt", "des Vertrages", "ce pacte": the treaty of that kind last named.
  for (const a of local?.mentions(sentence) ?? []) {
    if (a.at >= first) break;
    const gi = ctx.last.get(a.kind);
    if (gi === undefined || ctx.found.some((f) => f.gi === gi) || out.some((f) => f.gi === gi)) continue;
    out.push({ gi, at: a.at });
  }
  for (const a of sentence.matchAll(ANAPHOR)) {
    if (a.index >= first) break;
    const definite = !/^an?$/i.test(a[1]!);
    const mods = a[2]!.trim().split(/\s+/).filter(Boolean);
    const types = typesOf(mods);
    const kind = a[3]!.toLowerCase();
    let gi: number | undefined;
    let year: number | undefined;
    if (definite) {
      const g = ctx.last.get(kind);
      // "the trade pact" is the last pact only when that pact is a trade pact.
      if (g !== undefined && [...types].every((t) => typesOf([...ctx.groups[g]!.kinds]).has(t))) gi = g;
    } else if (!mods.length) {
      // "an agreement" in a section its heading names: that agreement.
      if (ctx.heading >= 0 && ctx.last.get(kind) === ctx.heading) gi = ctx.heading;
    } else if (types.size) ({ gi, year } = typedInstrument(a.index, types, ctx));
    if (gi === undefined || ctx.found.some((f) => f.gi === gi) || out.some((f) => f.gi === gi)) continue;
    out.push({ gi, at: a.index, year });
  }
  return out;
}

/** The one instrument of a kind and of the year the mention's sentence tells, else none. */
function typedInstrument(
  at: number,
  types: Set<string>,
  ctx: { groups: Group[]; dates: BookDate[] },
): { gi?: number; year?: number } {
  const date = ctx.dates.find((d) => d.index > at && !d.uncertain) ?? ctx.dates.find((d) => !d.uncertain);
  if (!date) return {};
  const year = Number(date.date.slice(0, 4));
  const candidates = ctx.groups.flatMap((g, gi) =>
    [...types].every((t) => typesOf([...g.kinds]).has(t)) && g.years?.has(year) ? [gi] : [],
  );
  return candidates.length === 1 ? { gi: candidates[0], year } : {};
}

/** The years each group's instruments are written with, else the years of the events its sentences tell. */
function yearsOf(mentions: Mention[][]): Set<number>[] {
  return mentions.map((list) => {
    const written = new Set(list.flatMap((m) => (m.year ? [m.year] : [])));
    if (written.size) return written;
    return new Set(
      list.flatMap((m) =>
        m.dates.filter((d) => !d.uncertain && d.event && d.precision !== 'year').map((d) => Number(d.date.slice(0, 4))),
      ),
    );
  });
}

/** The instruments of one name: one per year written beside it; other mentions go by their narrative's year. */
function instruments(mentions: Mention[]): { year?: number; mentions: Mention[] }[] {
  const years = [...new Set(mentions.flatMap((m) => (m.year ? [m.year] : [])))].sort();
  if (years.length < 2) return [{ year: years[0], mentions }];
  const out = years.map((year) => ({ year, mentions: [] as Mention[] }));
  let previous = out[0]!;
  for (const m of mentions) {
    const context = m.year ?? m.dates.find((d) => d.precision !== 'year' || d.event)?.date.slice(0, 4);
    const year = context ? Number(context) : undefined;
    const target = year === undefined ? previous : ([...out].reverse().find((i) => i.year <= year) ?? out[0]!);
    target.mentions.push(m);
    previous = target;
  }
  return out.filter((i) => i.mentions.length);
}

export function extractTreaties(book: Book): Treaty[] {
  local = localTreatyWords(book.meta.language);
  language = book.meta.language;
  steps = local ? localSteps(local) : ENGLISH_STEPS;
  const refs = blocksOf(book);
  const dates = bookDates(book);
  const groups = groupDrafts(book, collectDrafts(book, refs));
  const people = peopleOf(book);
  const named = groups.flatMap((group) => {
    const names = namesOf(group);
    if (!names) return [];
    const surfaces = group.flatMap((d) => [...(d.surfaces ?? [])]);
    const all = [names.name, ...names.aliases, ...surfaces].map((n) => normaliseDashes(n).toLowerCase());
    const headings = new Set(group.flatMap((d) => [...(d.headings ?? [])]));
    // Its kind words: "pact" of "Molotov–Ribbentrop Pact"; in another language the kind a word ends with
    // ("Hitler-Stalin-Pakt", "Nichtangriffspakt": "pakt"), what "der Pakt" speaks of.
    const kinds = new Set(
      all.flatMap((n) => [
        ...n.split(/\s+/).map((w) => w.replace(/(?:ies|s)$/, (e) => (e === 'ies' ? 'y' : ''))),
        ...(local ? n.split(/[\s-]+/).flatMap((w) => local!.kindOf(w) ?? []) : []),
      ]),
    );
    return [{ ...names, names: all, headings, kinds }];
  });
  allNames = named.flatMap((g) => g.names);
  // Twice: the years of the named instruments tell what an indefinite "a trade pact" of a year is.
  const years = yearsOf(mentionsByGroup(book, named, dates));
  const mentions = mentionsByGroup(
    book,
    named.map((g, gi) => ({ ...g, years: years[gi] })),
    dates,
  );
  const protocols = protocolsOf(book, named, mentions);
  const treaties: Treaty[] = [];
  named.forEach((g, gi) => {
    const amending = mentions[gi]!.filter((m) => amends(m) !== undefined);
    const split = instruments(mentions[gi]!.filter((m) => !amending.includes(m)));
    for (const inst of split) {
      if (!inst.mentions.length) continue;
      const year = split.length > 1 ? inst.year : undefined;
      const name = g.name;
      const id = `treaty-${slugify(year ? `${name} ${year}` : name)}`;
      const blocks = [...new Set(inst.mentions.map((m) => m.ref.block.id))];
      const own = protocols
        .get(gi)
        ?.filter((p) => split.length < 2 || inst.mentions.some((m) => m.ref.block.id === p.block));
      treaties.push({
        id,
        name: year ? `${name} (${year})` : name,
        aliases: g.aliases,
        ...details(g.name, g.aliases, inst.mentions, inst.year, people),
        protocols: distinctProtocols((own ?? []).map((p) => p.text)),
        mentions: [...new Set([...blocks, ...(own ?? []).map((p) => p.block)])],
      });
    }
    // Its extension binds the same states, unless the text says otherwise.
    if (!amending.length) return;
    const extension = amendment(g.name, amending, people);
    if (!extension.parties.length && !extension.name.startsWith('Accession'))
      extension.parties = treaties.at(-1)?.name.startsWith(g.name) ? treaties.at(-1)!.parties : [];
    treaties.push(extension);
  });
  if (!local) treaties.push(...unnamedTreaties(book, dates, treaties));
  return treaties
    .filter(isInstrument)
    .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.name.localeCompare(b.name));
}

/** What an instrument does to another it names: "an extension of the 1926 Berlin Treaty". */
const AMENDS =
  /\b(extension|amendment|renewal|prolongation|adhere|adhered|accede|acceded)\s+(?:of|to)\s+(?:the\s+)?(?:\d{4}\s+)?$/i;
/** "agreed to adhere to the Treaty of Rapallo": states that accede to a treaty make an instrument of accession. */
const amends = (m: Mention) => {
  const word = m.at >= 0 ? AMENDS.exec(m.sentence.slice(0, m.at))?.[1]?.toLowerCase() : undefined;
  return word && /^(?:adhere|accede)/.test(word) ? 'accession' : word;
};

/**
 * The instrument that extends (amends, renews) a named one is another instrument, signed and ratified on its
 * own dates ("On June 24, 1931, an extension of the 1926 Berlin Treaty was signed"): its year is the one
 * written before it ("The 1931 extension of …"), else the one its signing tells.
 */
function amendment(name: string, mentions: Mention[], people: People): Treaty {
  const word = amends(mentions[0]!)!;
  const written = mentions
    .map((m) => new RegExp(String.raw`(\d{4})\s+${AMENDS.source.slice(2)}`, 'i').exec(m.sentence.slice(0, m.at)))
    .find(Boolean);
  const year = written ? Number(written[1]) : undefined;
  const full = `${word[0]!.toUpperCase()}${word.slice(1)} ${word === 'accession' ? 'to' : 'of'} the ${name}`;
  const told = details(full, [], mentions, year, people, true);
  return {
    id: `treaty-${slugify(full)}`,
    name: full,
    aliases: [],
    ...told,
    protocols: [],
    mentions: [...new Set(mentions.map((m) => m.ref.block.id))],
  };
}

/**
 * Kind words that also name bodies and techniques: "the United Kingdom Alliance, a … pro-temperance
 * organization", "Point-to-Point Protocol (PPP)", "the Convention of Scottish Local Authorities (COSLA)".
 */
const BODY_KIND = /\b(?:Alliance|Protocol|Accord|Convention|Allianz|Bündnis|Protokoll|Konvention)s?\b/u;
/**
 * An instrument is something the text tells as one: a name of such a kind counts only with a date, a dated
 * step, parties (states) or talks ("the Soviet's pursuit of a triple alliance", negotiated and never
 * concluded); one that is only named, or that its line spells out by initials like a body or a technique
 * ("Point-to-Point Protocol (PPP), the protocol suite commonly used to negotiate …"), is not a treaty.
 */
function isInstrument(t: Treaty): boolean {
  if (!BODY_KIND.test(t.name) || /\b(?:Treaty|Pact|Agreement|Vertrag|Pakt|Abkommen)\b/u.test(t.name)) return true;
  if (t.date !== null || t.parties.length > 0 || (t.history ?? []).some((h) => h.date)) return true;
  const initials =
    t.description.includes(`${t.name} (`) && /^\p{Lu}{2,}\)/u.test(t.description.split(`${t.name} (`)[1]!);
  return (t.status === 'negotiated' || t.status === 'proposed') && !initials;
}

/**
 * A treaty's protocols, each once: a plain "secret protocol" is the text's short name for the one protocol it
 * names more fully ("the secret additional protocol"), not another one.
 */
function distinctProtocols(texts: string[]): string[] {
  const unique = [...new Set(texts)];
  const words = (t: string) => t.toLowerCase().split(/\s+/);
  return unique.filter(
    (t) => !unique.some((o) => o !== t && words(t).every((w) => words(o).includes(w)) && o.length > t.length),
  );
}

/** Each protocol the text mentions, given to the treaty it is "of" or "to", else the treaty last named. */
function protocolsOf(
  book: Book,
  groups: { names: string[]; kinds: Set<string> }[],
  mentions: Mention[][],
): Map<number, { text: string; block: string }[]> {
  const out = new Map<number, { text: string; block: string }[]>();
  const lastNamed = (block: string, sentence: string) => {
    let best: { gi: number; order: number } | undefined;
    const order = blockOrder(book);
    const here = order.get(block) ?? 0;
    mentions.forEach((list, gi) => {
      for (const m of list) {
        const o = order.get(m.ref.block.id) ?? 0;
        if (o > here || (o === here && m.sentence !== sentence && o === here && false)) continue;
        if (!best || o > best.order) best = { gi, order: o };
      }
    });
    return best && here - best.order <= 3 ? best.gi : undefined;
  };
  for (const ref of blocksOf(book)) {
    for (const sentence of ref.block.sentences) {
      const low = normaliseDashes(sentence).toLowerCase();
      for (const m of sentence.matchAll(PROTOCOL)) {
        if (
          !/secret|additional|supplementary/i.test(m[0]) &&
          !/\b(?:of|to)\b/.test(sentence.slice(m.index! + m[0].length, m.index! + m[0].length + 8))
        )
          continue;
        // "Ribbentrop asked Molotov to sign another secret protocol": one proposed, never concluded.
        const clause = clauseAt(sentence, m.index!);
        const lead = sentence.slice(sentence.indexOf(clause), m.index!);
        if (steps.propose.test(lead) || /\bto\s+(?:sign|conclude|accept)\b/.test(lead)) continue;
        const after = low.slice(m.index! + m[0].length, m.index! + m[0].length + 60);
        let gi = groups.findIndex((g) =>
          g.names.some((n) => new RegExp(`^["”']?\\s*(?:of|to|in)\\s+(?:the\\s+)?${escape(n)}`).test(after)),
        );
        // "Secret protocols in the new agreement": the treaty "the new agreement" is (mentionsByGroup).
        const noun =
          /^\s*(?:of|to|in)\s+((?:the|this|that)\s+(?:[\p{Ll}\d-]+\s+){0,3}?(?:treaty|pact|agreement|accord))\b/u.exec(
            after,
          );
        const at = noun ? m.index! + m[0].length + noun[0].length - noun[1]!.length : -1;
        if (gi < 0 && noun)
          gi = mentions.findIndex((list) => list.some((x) => x.anaphor && x.sentence === sentence && x.at === at));
        if (gi < 0) gi = byClauseNoun(sentence, m.index!, groups, mentions);
        if (gi < 0) gi = groups.findIndex((g) => g.names.some((n) => low.includes(n)));
        if (gi < 0) gi = lastNamed(ref.block.id, sentence) ?? -1;
        if (gi < 0) continue;
        const text = m[0].toLowerCase().replace(/s$/, '');
        out.set(gi, [...(out.get(gi) ?? []), { text: text[0]!.toUpperCase() + text.slice(1), block: ref.block.id }]);
      }
      for (const p of local?.protocols(sentence) ?? []) {
        const gi =
          localProtocolOf(low.slice(p.end, p.end + 60), sentence, groups, mentions) ??
          lastNamed(ref.block.id, sentence);
        if (gi === undefined) continue;
        out.set(gi, [...(out.get(gi) ?? []), { text: protocolName(p.text, out.get(gi) ?? []), block: ref.block.id }]);
      }
    }
  }
  return out;
}

/**
 * The treaty a protocol in the book's language belongs to: the one named right after it ("Zusatzprotokoll zum
 * Hitler-Stalin-Pakt"), else the one its sentence speaks of, by name or as "ce pacte" ("ce pacte définissait
 * aussi dans un protocole secret …").
 */
function localProtocolOf(
  after: string,
  sentence: string,
  groups: { names: string[] }[],
  mentions: Mention[][],
): number | undefined {
  const named = groups
    .flatMap((g, gi) => g.names.map((n) => ({ gi, at: after.indexOf(n) })))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)[0];
  if (named) return named.gi;
  const told = mentions.findIndex((list) => list.some((x) => x.sentence === sentence));
  return told >= 0 ? told : undefined;
}

/** A protocol as first written, capitalised: "geheimen Zusatzprotokoll" after "Geheimes Zusatzprotokoll" is it. */
function protocolName(text: string, known: { text: string }[]): string {
  const key = (t: string) =>
    t
      .toLowerCase()
      .split(/\s+/)
      .map((w) => (w.length > 4 ? w.replace(/(?:e|en|em|er|es|s)$/u, '') : w))
      .join(' ');
  const same = known.find((k) => key(k.text) === key(text));
  return same ? same.text : text[0]!.toUpperCase() + text.slice(1);
}

/**
 * "… adherence to the Treaty of Berlin, but the pact was also supplemented by a secret additional protocol":
 * the treaty noun of the protocol's clause ("the pact") is the one of the sentence's treaties of that kind.
 */
function byClauseNoun(sentence: string, at: number, groups: { kinds: Set<string> }[], mentions: Mention[][]): number {
  const clause = clauseAt(sentence, at);
  const start = sentence.indexOf(clause);
  const noun = /\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(treaty|pact|agreement|accord|alliance)\b/.exec(
    sentence.slice(start, at),
  );
  if (!noun) return -1;
  const here = mentions.flatMap((list, gi) =>
    list.some((x) => x.sentence === sentence) && groups[gi]!.kinds.has(noun[1]!) ? [gi] : [],
  );
  return here.length === 1 ? here[0]! : -1;
}

const orders = new WeakMap<Book, Map<string, number>>();
function blockOrder(book: Book): Map<string, number> {
  let order = orders.get(book);
  if (!order) orders.set(book, (order = new Map(blocksOf(book).map((r, i) => [r.block.id, i]))));
  return order;
}

/** A party to a treaty: one or two capitalised words ("Weimar Germany", "Soviet Russia"). */
const PARTY = String.raw`(\p{Lu}[\p{L}]+(?:\s\p{Lu}[\p{L}]+)?)`;
const BETWEEN = new RegExp(String.raw`\bbetween\s+(?:the\s+)?${PARTY}\s+and\s+(?:the\s+)?${PARTY}`, 'u');
/** "France and the USSR signed …", "Weimar Germany and the Soviet Union concluded …". */
const SUBJECTS = new RegExp(
  String.raw`(?:^|,\s*|\b(?:On|In|By)\s[^,]*,\s*)(?:the\s+)?${PARTY}\s+and\s+(?:the\s+)?${PARTY}\s+` +
    String.raw`(?:signed|concluded|entered|agreed)\b`,
  'u',
);
/** Made to sign: the signing took place ("Germany was forced to sign the Treaty of Versailles in June 1919"). */
// ("pressured" or "obliged to sign" says nothing of whether it was signed.)
const MADE_TO = String.raw`(?:forced|made|compelled)`;
const SIGN = new RegExp(
  String.raw`\b(?:signed|concluded|entered into|entered|reached|initialled|agreed to|was agreed|${MADE_TO} to sign)\b`,
);
const SIGN_NOUN = /\b(?:the\s+)?(?:signing|conclusion)\s+of\b/;
const NOT_DONE = new RegExp(
  String.raw`\b(?:hinder|prevent|avoid|prior to|would|could|might|never|not|to conclude|(?<!${MADE_TO} )to sign|` +
    String.raw`about to|having signed)\b`,
);
const RATIFY = /\bratif(?:ied|ication)\b/;
/** Denounced, with the treaty as what was denounced ("renounced their rights" is not the treaty's end). */
const DENOUNCE = new RegExp(
  String.raw`\b(?:(?:denounced|renounced|abrogated|terminated|repudiated|annulled|broke|breaks)\s+the\s+(?:\d{4}\s+)?` +
    String.raw`(?:[\p{L}–-]+\s+){0,5}?(?:pact|treaty|agreement|accord|alliance|protocol|convention|entente)|` +
    String.raw`the breaking of the pact)\b`,
  'iu',
);
const PROPOSE = /\b(?:proposed|proposal|proposals|offered|suggested|draft|counterproposal)\b/;
const anyCase = (r: RegExp) => new RegExp(r.source, 'i');
const SIGN_ANY = anyCase(SIGN);
const RATIFY_ANY = anyCase(RATIFY);
const DENOUNCE_ANY = anyCase(DENOUNCE);
const NEGOTIATE = /\b(?:negotiat\w*|talks)\b/;

/** The words that tell a treaty's steps: English's, and with another language's added to them. */
interface Steps {
  sign: RegExp;
  signAny: RegExp;
  ratify: RegExp;
  ratifyAny: RegExp;
  negotiate: RegExp;
  propose: RegExp;
  notDone: RegExp;
  denounce: RegExp;
  denounceAny: RegExp;
}
const ENGLISH_STEPS: Steps = {
  denounce: DENOUNCE,
  denounceAny: DENOUNCE_ANY,
  sign: SIGN,
  signAny: SIGN_ANY,
  ratify: RATIFY,
  ratifyAny: RATIFY_ANY,
  negotiate: NEGOTIATE,
  propose: PROPOSE,
  notDone: NOT_DONE,
};
let steps = ENGLISH_STEPS;
const either = (a: RegExp, b: RegExp, flags = 'u') => new RegExp(`${a.source}|${b.source}`, flags);
function localSteps(words: LocalTreatyWords): Steps {
  return {
    sign: either(SIGN, words.sign, 'iu'),
    signAny: either(SIGN_ANY, words.sign, 'iu'),
    ratify: either(RATIFY, words.ratify, 'iu'),
    ratifyAny: either(RATIFY_ANY, words.ratify, 'iu'),
    negotiate: either(NEGOTIATE, words.negotiate, 'iu'),
    propose: either(PROPOSE, words.propose, 'iu'),
    notDone: either(NOT_DONE, words.notDone, 'iu'),
    denounce: words.denounce ? either(DENOUNCE, words.denounce, 'iu') : DENOUNCE,
    denounceAny: words.denounce ? either(DENOUNCE_ANY, words.denounce, 'iu') : DENOUNCE_ANY,
  };
}

/** What bounds a clause: a semicolon, or a comma before "and", "but", "while", "whereas". */
const CLAUSE_BOUND = /;|,\s+(?:and|but|while|whereas)\s+/g;

/** The clause of a sentence around `at`: between the semicolons (or ", and …" joins) that bound it. */
function clauseAt(sentence: string, at: number): string {
  const bounds = matchesOf(CLAUSE_BOUND, sentence).map((m) => m.index);
  const start = Math.max(0, ...bounds.filter((b) => b < at));
  const ends = bounds.filter((b) => b > at);
  // "…; it was signed on March 3, 1918": the next clause speaks of it too.
  const next =
    ends[0] === undefined ? '' : sentence.slice(ends[0]).replace(/^(?:;|,\s+(?:and|but|while|whereas))\s*/, '');
  const end = /^it\b/i.test(next) ? (ends[1] ?? sentence.length) : (ends[0] ?? sentence.length);
  return sentence.slice(start, end);
}

/** Words that open a participle, relative or subordinate clause: what follows tells something else. */
const ASIDE =
  /\s(?:which|that|who|why|when|where|whereupon|because|until|whereas|although|though|(?!during\b)\p{Ll}{3,}ing)\s/u;

/**
 * The date of a step: in the comma-bounded part of the sentence that tells it ("was signed on April 16, 1922"),
 * or the date a sentence opens with ("On May 2, 1935, France and the USSR signed …") unless the step is told
 * as background ("After Germany entered a Tripartite Pact …, in October 1940, Ribbentrop wrote …").
 * Checked against the instrument's year when its name carries one.
 */
function stepDate(m: Mention, verb: RegExp, year: number | undefined): string | null {
  // The verb nearest the name: "An armistice … was signed on 11 November, and Germany was forced to sign the
  // Treaty of Versailles in June 1919" dates the treaty by the second "sign".
  const verbs = [...m.sentence.matchAll(new RegExp(verb.source, verb.flags.replace('g', '') + 'g'))];
  const at = verbs.length
    ? verbs.reduce((a, b) => (Math.abs(b.index! - m.at) < Math.abs(a.index! - m.at) ? b : a)).index!
    : m.at;
  const ok = (x: BookDate) =>
    !x.uncertain &&
    // "As of 27 March 2025, 171 states … have ratified": how things stood then, not the day of a step.
    !/\bas\s+(?:of|at)\s+$/i.test(m.sentence.slice(Math.max(0, x.index - 7), x.index)) &&
    (x.precision !== 'year' || x.event || /\bin\s+$/.test(m.sentence.slice(Math.max(0, x.index - 4), x.index))) &&
    (year === undefined || Number(x.date.slice(0, 4)) === year);
  // Commas inside a date ("April 13, 1941") do not cut.
  const cuts = [...m.sentence.matchAll(/[,;]\s/g)]
    .map((c) => c.index!)
    .filter((c) => !m.dates.some((d) => c > d.index && c < d.index + d.label.length));
  const from = Math.max(0, ...cuts.filter((c) => c < at));
  // "signed the Edinburgh Agreement setting out the terms for a referendum … in 2014": a participle, a
  // relative clause or a subordinate clause after the name ("France's ratification … provided one of the
  // reasons why Hitler remilitarized the Rhineland on March 7, 1936") tells something else, with its own date.
  const name = Math.max(at, m.at);
  const aside = ASIDE.exec(m.sentence.slice(name + 1));
  const to = Math.min(m.sentence.length, ...cuts.filter((c) => c > at), aside ? name + 1 + aside.index : Infinity);
  // In another language the date nearest the verb: "… mit dem Nichtangriffspakt vom 23. August 1939 … dar und
  // wurde am 28. September 1939 in Moskau … geschlossen" was signed on the 28th (the 23rd dates the other pact).
  const inClause = m.dates.filter((d) => d.index >= from && d.index < to && ok(d));
  const near = local ? inClause.sort((a, b) => Math.abs(a.index - at) - Math.abs(b.index - at))[0] : inClause[0];
  if (near) return near.date;
  // "…, on April 13, 1941, the Soviets signed …": a date phrase of its own just before the step.
  const before = Math.max(0, ...cuts.filter((c) => c < from));
  const phrase = m.dates.find(
    (d) =>
      d.index >= before &&
      d.index < from &&
      ok(d) &&
      /^[\s,;]*(?:on|in|by)?\s*$/i.test(m.sentence.slice(before, d.index).replace(/^[,;]/, '')),
  );
  if (phrase) return phrase.date;
  const opening = m.dates.find((d) => d.index < 12 && ok(d));
  if (opening && !/^(?:After|Before|Having|Since|When)\b/.test(m.sentence.slice(from).replace(/^[,;]\s*/, '')))
    return opening.date;
  // A clause whose verb comes last, asides between ("…, der am 16. April 1922, einem Ostersonntag, im
  // italienischen Rapallo … geschlossen wurde"): the last date between the name and the verb.
  if (local) return m.dates.filter((d) => d.index > m.at && d.index < at && ok(d)).at(-1)?.date ?? null;
  return null;
}

/** The folded names of every treaty, to tell whose step a clause tells. */
let allNames: string[] = [];
function others(m: Mention, clause: string): boolean {
  const low = normaliseDashes(clause).toLowerCase();
  const first = allNames
    .map((n) => low.indexOf(n))
    .filter((i) => i >= 0)
    .sort((a, b) => a - b)[0];
  // Where the mention stands in the clause (not where its first letters first occur: "Deutsch-Sowjetische
  // Grenz- und Freundschaftsvertrag … mit dem deutsch-sowjetischen Nichtangriffspakt").
  const mine = m.at - Math.max(0, m.sentence.indexOf(clause));
  return first !== undefined && mine > first + 12 && m.at >= 0;
}

/** A full date beside the name, in its own comma-bounded part of a sentence that tells no other step. */
function dateBeside(mentions: Mention[], year: number | undefined): string | null {
  for (const m of mentions) {
    const low = m.sentence.toLowerCase();
    if (steps.ratify.test(low) || steps.denounce.test(low) || steps.negotiate.test(low) || steps.propose.test(low))
      continue;
    const from = Math.max(0, m.sentence.lastIndexOf(',', m.at));
    const to = m.sentence.indexOf(',', m.at) < 0 ? m.sentence.length : m.sentence.indexOf(',', m.at);
    const d = m.dates.find(
      (x) =>
        x.precision === 'day' &&
        !x.uncertain &&
        x.index >= from &&
        x.index <= to &&
        (!year || Number(x.date.slice(0, 4)) === year),
    );
    if (d) return d.date;
  }
  return null;
}

/** The words before a treaty's name that say a state became a party to it ("Germany … took part in the …"). */
const JOINED = /\b(?:took\s+part\s+in|joined|entered\s+into|became\s+(?:a\s+)?part(?:y|ies)\s+to)\s+(?:the\s+)?$/;

/**
 * The date of a treaty a sentence tells a state joined, when the sentence opens with it ("Also in 1925,
 * Germany … took part in the Locarno Treaties") and no step of another kind is told.
 */
function joinedOn(mentions: Mention[], year: number | undefined): string | null {
  for (const m of mentions) {
    if (m.at < 0 || !JOINED.test(m.sentence.slice(0, m.at))) continue;
    const low = m.sentence.slice(0, m.at).toLowerCase();
    if (steps.ratify.test(low) || steps.denounce.test(low) || steps.propose.test(low) || steps.notDone.test(low))
      continue;
    if (/^(?:After|Before|Having|Since|When|Until)\b/.test(m.sentence.replace(/^Also,?\s+/, ''))) continue;
    const d = m.dates.find((x) => x.index < 12 && !x.uncertain && (!year || Number(x.date.slice(0, 4)) === year));
    if (d) return d.date;
  }
  return null;
}

/** Words before a name that make the step told another instrument's: "an extension of the 1926 …". */
const OF_ANOTHER = /\b(?:extension|amendment|renewal|protocol)\s+(?:of|to)\s+(?:the\s+)?(?:\d{4}\s+)?$/i;

/**
 * A clause that tells a ratification, with its date, and the signing it tells before it ("… was signed, though
 * it was not until 1933 that it was ratified"): the date the sentence opens with is then the signing's.
 */
function ratifiedAt(
  m: Mention,
  low: string,
  year: number | undefined,
): { signed?: string | null; ratified: string | null } | undefined {
  const at = low.search(steps.ratify);
  if (at < 0) return undefined;
  const signedAt = low.slice(0, at).search(steps.sign);
  const signed =
    signedAt >= 0 && !steps.notDone.test(low.slice(0, signedAt)) ? stepDate(m, steps.signAny, year) : undefined;
  const ratified = stepDate(m, steps.ratifyAny, undefined);
  const apart = signed !== undefined && /[,;]/.test(low.slice(signedAt, at));
  return { signed, ratified: apart && ratified === signed ? null : ratified };
}

/** Date signed, status and its history, parties, signatories and a line saying what it did. */
function details(
  name: string,
  aliases: string[],
  mentions: Mention[],
  year: number | undefined,
  people: People,
  amending = false,
): Pick<Treaty, 'date' | 'status' | 'history' | 'parties' | 'joined' | 'signatories' | 'description'> {
  const history: NonNullable<Treaty['history']> = [];
  const step = (status: TreatyStatus, date: string | null, block: string) => {
    if (!history.some((h) => h.status === status && (h.date === date || !date))) history.push({ status, date, block });
    else if (date) {
      const h = history.find((x) => x.status === status && !x.date);
      if (h) Object.assign(h, { date, block });
    }
  };
  let negotiated = false;
  let proposed = false;
  for (const m of mentions) {
    const clause = clauseAt(m.sentence, Math.max(0, m.at));
    const low = clause.toLowerCase();
    const block = m.ref.block.id;
    // "an extension of the 1926 Berlin Treaty was signed": a step of another instrument.
    if (!amending && OF_ANOTHER.test(m.sentence.slice(0, m.at))) continue;
    // Another treaty named in the clause ("concluded another treaty …, declaring adherence to the Treaty of
    // Rapallo") takes the step when it stands first.
    if (others(m, clause)) continue;
    const ratified = ratifiedAt(m, low, year);
    if (ratified) {
      if (ratified.signed !== undefined) step('signed', ratified.signed, block);
      step('ratified', ratified.ratified, block);
    } else if (steps.denounce.test(low)) step('denounced', stepDate(m, steps.denounceAny, undefined), block);
    // "…, which would soon join the Soviet Union, agreed to adhere …": a relative clause tells something else.
    else if (
      (steps.sign.test(low) || (SIGN_NOUN.test(low) && m.dates.length)) &&
      !steps.notDone.test(low.replace(/,\s+which\s[^,;]*,/g, ','))
    )
      step('signed', stepDate(m, steps.signAny, year), block);
    if (steps.negotiate.test(low)) negotiated = true;
    if (steps.propose.test(low)) proposed = true;
  }
  const order: TreatyStatus[] = ['proposed', 'negotiated', 'signed', 'ratified', 'denounced'];
  // A step told undated and then dated is one step.
  for (const h of [...history])
    if (!h.date && history.some((o) => o !== h && o.status === h.status && o.date))
      history.splice(history.indexOf(h), 1);
  // Dated steps in the order of time; an undated one after the steps it follows ("ratified" after "signed").
  const dated = history
    .filter((h) => h.date)
    .sort((a, b) => a.date!.localeCompare(b.date!) || order.indexOf(a.status) - order.indexOf(b.status));
  for (const h of history.filter((x) => !x.date).sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status))) {
    const at = dated.findIndex((x) => order.indexOf(x.status) > order.indexOf(h.status));
    dated.splice(at < 0 ? dated.length : at, 0, h);
  }
  history.splice(0, history.length, ...dated);
  const signed = history.find((h) => h.status === 'signed');
  const done = history.length > 0;
  // A treaty the text only names (no step told) was concluded all the same, unless the text tells its talks.
  const status: Treaty['status'] = done
    ? history.reduce((a, h) => (order.indexOf(h.status) > order.indexOf(a) ? h.status : a), 'signed' as TreatyStatus)
    : negotiated
      ? 'negotiated'
      : proposed
        ? 'proposed'
        : null;
  let date = signed?.date ?? null;
  if (!date && (status === null || done)) date = dateBeside(mentions, year) ?? joinedOn(mentions, year);
  if (!date && year && status !== 'negotiated' && status !== 'proposed') date = String(year);
  const settled: Treaty['status'] = status === null && date ? 'signed' : status;
  if (settled && settled !== 'negotiated' && settled !== 'proposed' && !history.some((h) => h.status === 'signed'))
    history.unshift({ status: 'signed', date, block: mentions[0]!.ref.block.id });
  // Ratified or denounced before it was signed: that date belongs to something else the sentence tells ("the
  // attempt initiated in 1705 led to the Treaty of Union of 1706 being agreed and ratified"); the step stays
  // without it.
  for (const h of history)
    if (date && h.date && h.status !== 'signed' && h.date.slice(0, 4) < date.slice(0, 4)) h.date = null;
  // Sentences whose clause about it is not another treaty's.
  const ownMentions = mentions.filter((m) => !others(m, clauseAt(m.sentence, Math.max(0, m.at))));
  const own = ownMentions.map((m) => m.sentence);
  return {
    date: settled === 'negotiated' || settled === 'proposed' ? null : date,
    status: settled,
    history: settled === 'negotiated' || settled === 'proposed' ? [] : history,
    ...partiesOf(name, aliases, own),
    signatories: signatoriesOf(own, people),
    description: describe(ownMentions.length ? ownMentions : mentions),
  };
}

/**
 * Parties as states: from the name's combining forms ("Franco-Soviet"), "between X and Y", "X and Y signed";
 * and the states that joined it later, apart (a relative clause after its name: "which Fascist Italy joined in
 * 1937"), each with the date the clause gives.
 */
function partiesOf(name: string, aliases: string[], sentences: string[]): Pick<Treaty, 'parties' | 'joined'> {
  const parties = new Set<string>();
  for (const n of [name, ...aliases]) {
    const prefix = normaliseDashes(n).split(/\s+/)[0] ?? '';
    if (prefix.includes('-'))
      for (const p of prefix.split('-')) {
        const state = stateOfDemonym(p);
        if (state) parties.add(state);
      }
  }
  const later: NonNullable<Treaty['joined']> = [];
  for (const s of sentences) {
    for (const j of joinedLater(s, [name, ...aliases])) if (!later.some((l) => l.party === j.party)) later.push(j);
    if (!steps.sign.test(s)) {
      for (const p of partiesJoined(s, [name, ...aliases])) parties.add(p);
      continue;
    }
    const pair = BETWEEN.exec(s) ?? SUBJECTS.exec(s);
    const found = pair ? [pair[1]!, pair[2]!].filter((p) => !/^(?:Foreign|Minister|President)$/.test(p)) : [];
    const own = pair ? [] : (local?.parties(s) ?? []);
    for (const p of pair ? found.map(stateOf) : own.length ? own : partiesWith(s)) parties.add(p);
  }
  // Those who joined later are not among the first parties (a sentence naming all may have put them there).
  const first = [...parties].filter((p) => !later.some((j) => j.party === p));
  return { parties: first, ...(later.length ? { joined: later } : {}) };
}

/**
 * A state a relative clause after the name says joined it: "… concluded the Anti-Comintern Pact, which Fascist
 * Italy joined in 1937" (English); none when what joined is not a state.
 */
const JOINED_LATER = new RegExp(
  String.raw`^\s*,\s*which\s+((?:\p{Lu}[\p{L}-]*\s+){0,2}\p{Lu}[\p{L}-]*)\s+(?:later\s+|also\s+|then\s+)?` +
    String.raw`(?:joined|acceded\s+to|adhered\s+to)\b`,
  'u',
);
function joinedLater(sentence: string, names: string[]): NonNullable<Treaty['joined']> {
  const out: NonNullable<Treaty['joined']> = [];
  for (const n of names) {
    const at = sentence.indexOf(n);
    if (at < 0) continue;
    const rest = sentence.slice(at + n.length);
    const m = JOINED_LATER.exec(rest);
    const state = m ? stateOf(m[1]!) : undefined;
    if (!m || !state || !isState(state)) continue;
    // The date the clause gives ("joined in 1937"), up to its end.
    const clause = rest.slice(m[0].length).split(/[,;.]/)[0]!;
    const when = rawDatesIn(clause, 'en').find((d) => d.start.year !== undefined);
    out.push({ party: state, date: when ? isoOf(when.start) : null });
  }
  return out;
}

/** "the Soviets signed a neutrality pact with Axis power Japan": the subject and the states after "with". */
const SIGNED_WITH = new RegExp(
  String.raw`(?:\b(?:[Tt]he|After|When|[Oo]n\s[^,]*,)\s+|,\s*|^)(?:the\s+)?(\p{Lu}[\p{L}]+(?:\s\p{Lu}[\p{L}]+)?)\s+` +
    String.raw`(?:signed|concluded|entered(?:\s+into)?)\s+(?:a|an|the)\s+[^,;.]{0,60}?` +
    String.raw`\b(?:[Pp]act|[Tt]reaty|[Aa]greement|[Aa]ccord)\s+` +
    String.raw`with\s+([^,;.()]{1,60})`,
  'u',
);
function partiesWith(sentence: string): string[] {
  const m = SIGNED_WITH.exec(sentence);
  if (!m) return [];
  const after = m[2]!.split(/\s(?:in|on|to|at|for|after|before)\s/)[0]!;
  const names = [m[1]!, ...[...after.matchAll(/\p{Lu}[\p{L}]+(?:\s\p{Lu}[\p{L}]+)?/gu)].map((x) => x[0])];
  const states = names.map((n) => stateOf(n)).filter(isState);
  return states.length >= 2 && isState(stateOf(m[1]!)) ? [...new Set(states)] : [];
}

/** "Germany … took part in the Locarno Treaties with France and Belgium": joining an instrument with others. */
const JOINED_WITH = new RegExp(
  String.raw`\b(?:took part in|participated in|joined|acceded to)\s+(?:the\s+)?[^,;.]{0,60}?` +
    String.raw`\b(?:[Tt]reat(?:y|ies)|[Pp]acts?|[Aa]greements?|[Aa]ccords?|[Aa]lliance)\s+with\s+([^,;.()]{1,60})`,
  'u',
);
/**
 * The parties of a joining of one of `names`: the clause's subject (the first name before the verb, a state)
 * and the states after "with"; none unless all are states.
 */
function partiesJoined(sentence: string, names: string[]): string[] {
  const m = JOINED_WITH.exec(sentence);
  // This treaty's joining, not another instrument's the sentence also tells of.
  if (!m || !names.some((n) => m[0].slice(0, m[0].lastIndexOf(' with ')).includes(n))) return [];
  const clause = sentence.slice(0, m.index).split(/[;:]/).at(-1)!;
  const subject = /(?:^|,\s*|\s)(?:the\s+)?(\p{Lu}[\p{L}]+(?:\s\p{Lu}[\p{L}]+)?)(?:\s+(?!of\b)\p{Ll}|\s*$)/u.exec(
    clause.replace(/^(?:In|On|By|After)\s[^,]*,\s*/, ''),
  )?.[1];
  const after = m[1]!.split(/\s(?:in|on|to|at|for|after|before|undertaking|which)\s/)[0]!;
  const others = [...after.matchAll(/\p{Lu}[\p{L}]+(?:\s\p{Lu}[\p{L}]+)?/gu)].map((x) => stateOf(x[0]));
  const first = subject === undefined ? undefined : stateOf(subject);
  if (!first || !isState(first) || !others.length || !others.every(isState)) return [];
  return [...new Set([first, ...others])];
}

/** "signed by …", "signed on 2 June 1861 by …": where the signers are named. */
const SIGNED_BY = /\bsigned(?:\s+(?:on|in)\s+[\p{L}\d ,]{1,30}?)?\s+by\s+/u;
/** Where a list of signers ends: a phrase of time or place, or punctuation. */
const SIGNERS_END = /\s(?:on|in|at|during|after|before|with|for|to)\s|[;.()]/;
const PRONOUN = /^(?:him|her)$/i;

/**
 * The person a run of capitalised words ends with ("in Moscow Molotov" → Molotov, "German Foreign Minister
 * Walther Rathenau" → Walther Rathenau), as the book names them in full; undefined when it is not a person.
 */
function personIn(text: string, people: People, loose: boolean): string | undefined {
  const run = [...text.matchAll(new RegExp(PERSON_RUN, 'gu'))].at(-1)?.[0];
  return run ? personOfRun(run, people, loose) : undefined;
}

/** The last person a text names (what "him" or "her" after it stands for). */
function lastPersonIn(text: string, people: People): string | undefined {
  for (const run of [...text.matchAll(new RegExp(PERSON_RUN, 'gu'))].reverse()) {
    const person = personOfRun(run[0], people, false);
    if (person) return person;
  }
  return undefined;
}

function personOfRun(run: string, people: People, loose: boolean): string | undefined {
  const words = stripTitles(run).split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const name = words.slice(i).join(' ');
    if (/^(?:von|van|der|den|de|zu)\b/.test(name)) continue;
    if (people.isPerson(name)) return people.fullName(name);
    // After "signed by", a full name is a person's unless it is a state or a place.
    if (loose && i === 0 && words.length > 1 && !people.isPerson(words[0]!) && notState(name)) return name;
  }
  return undefined;
}
const notState = (name: string) => stateOf(name) === name && !/\b(?:Union|Republic|Kingdom|Empire|States)$/.test(name);

/** Names in a sentence that are not part of a treaty's name ("the Molotov–Ribbentrop Pact" names no signer). */
function withoutTreatyNames(sentence: string): string {
  return sentence.replace(NAMED, (m) => m.replace(/\S/g, '_'));
}

/**
 * Signatories from the first sentence that says who signed: "signed by X and Y" (a pronoun there is the last
 * person the sentence named before: "headed by Foreign Minister Joachim von Ribbentrop …, the Pact was signed
 * by him and …"), or "X and Y signed the …" when X and Y are people (not "France and the USSR signed").
 */
function signatoriesOf(sentences: string[], people: People): string[] {
  for (const raw of sentences) {
    const s = withoutTreatyNames(raw);
    const by = SIGNED_BY.exec(s);
    if (by) {
      const rest = s.slice(by.index + by[0].length);
      const list = rest.slice(0, rest.search(SIGNERS_END) < 0 ? rest.length : rest.search(SIGNERS_END));
      const names = list
        .split(/,\s*|\s+and\s+/)
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) =>
          PRONOUN.test(part) ? lastPersonIn(s.slice(0, by.index), people) : personIn(part, people, true),
        );
      const found = names.filter((n): n is string => !!n);
      if (found.length) return [...new Set(found)];
    }
    // "… von Walther Rathenau und Georg Tschitscherin unterzeichnet": the book's language's passive.
    const named = (local?.signers(s) ?? []).map((part) => personIn(part, people, true));
    if (named.length && named.every(Boolean)) return [...new Set(named as string[])];
    const subject = /(?:^|[,;]\s*)([^,;]*?)\s+signed\b/.exec(s);
    if (subject) {
      const parts = subject[1]!.split(/\s+and\s+/);
      const names = parts.map((p) => personIn(p, people, false));
      if (parts.length > 1 && names.every(Boolean)) return [...new Set(names as string[])];
    }
  }
  return [];
}

/** What a treaty did: verbs of effect, in the sentence that names it. */
const EFFECT = new RegExp(
  String.raw`\b(?:ended|ceded|ceding|divided|dividing|declar(?:ed|ing)|annull(?:ed|ing)|restor(?:ed|ing)|` +
    String.raw`establish(?:ed|ing)|set|settled|extended|permitted|granted|forbade|prohibited|limited|covered|` +
    String.raw`provided|guarantee[sd]?|recogni[sz]ed|determin(?:ed|ing)|undertaking|undertook|renounc(?:ed|ing)|` +
    String.raw`bound|obliged|committed|allowed|gave|transferred|imposed|creat(?:ed|ing)|regulat(?:ed|ing)|stated|` +
    String.raw`agreeing|pledg(?:ed|ing))\b`,
);

const OPENS_WITH_TREATY = /^(?:The|This|That)\s+(?:[\p{Ll}\d-]+\s+){0,3}?(?:treaty|pact|agreement|accord|alliance)\b/u;

/** A line that says what the treaty did: the sentence naming it with a verb of effect, else the signing one. */
/** A verb of effect after a treaty's name in its clause (past an apposition or the signing). */
const EFFECT_AFTER = new RegExp(
  String.raw`^[^;]{0,260}?(?:,\s*(?:which\s+(?:also\s+)?)?|\s)(?:${EFFECT.source.slice(2, -2)})\b`,
);

function describe(mentions: Mention[]): string {
  // A verb of effect counts when it follows the name in its clause: what the treaty did, not what the
  // sentence's subject did ("… came to power and created Nazi Germany; … culminating with the Pact").
  const score = (m: Mention) => {
    // The name, then (past an apposition or the signing) a participle or relative clause of effect.
    const tail = m.sentence.slice(Math.max(0, m.at));
    const effect = EFFECT_AFTER.test(tail);
    const other = /^[^;,]{0,80}?\b(?:found|provided|asked|wrote|sent|told|said)\b/.test(tail);
    return (
      (effect && !other ? 3 : 0) +
      (steps.sign.test(m.sentence) ? 1 : 0) -
      (m.sentence.length > 260 ? 2 : 0) -
      (m.at > 120 ? 1 : 0) -
      (m.anaphor ? 1 : 0) -
      // "The agreement formally set …, extended … of the 1940 … Agreement": another treaty is the subject.
      (m.at > 20 && OPENS_WITH_TREATY.test(m.sentence) ? 3 : 0) -
      // "This culminated in …", "Another point of view …": a sentence that leans on the one before.
      (opening(m.sentence, language).kind === 'pronoun' ? 1 : 0) -
      (ASIDE_SENTENCE.test(m.sentence.trim()) ? 3 : 0) +
      // "The Kigali Amendment … is an international agreement to …": the sentence opens by saying what it is.
      (m.at >= 0 && m.at <= 4 && DEFINED.test(m.sentence) ? 3 : 0) +
      // "the so-called Harbour Entente of 1893, which …": the sentence introduces it by its name.
      (m.at >= 0 && NAMING_BEFORE.test(m.sentence.slice(0, m.at)) ? 3 : 0) -
      // ", citing concerns over the Baltic Entente,": named only in a participle's phrase about something else.
      (PARTICIPLE_PHRASE.test(m.sentence.slice(0, Math.max(0, m.at))) ? 2 : 0)
    );
  };
  // Each mention scored once (the same scores the comparison would compute at each step).
  const scores = new Map(mentions.map((m) => [m, score(m)]));
  const best = [...mentions].sort((a, b) => scores.get(b)! - scores.get(a)!)[0];
  // A sentence that introduces a list ("… zones of influence:") ends as a sentence in a glossary.
  // "However, Hitler was surprised …": without the connective that joins it to the sentence before.
  const open = best && opening(best.sentence, language);
  const text = (open?.kind === 'connective' ? open.rest : (best?.sentence ?? '')).trim().replace(/\s*[:;,]$/, '.');
  // "This culminated in the conclusion of …", the best there is: with the sentence it leans on before it.
  if (best && open?.kind === 'pronoun') {
    const sentences = best.ref.block.sentences;
    const before = sentences[sentences.indexOf(best.sentence) - 1]?.trim();
    if (before && before.length + text.length < MAX_WITH_BEFORE && opening(before, language).kind !== 'pronoun')
      return `${before} ${text}`;
  }
  if (!ASIDE_SENTENCE.test(text)) return text;
  // "(Although Italy had already signed the Italo-Soviet Pact in 1933)": an aside in brackets, the only
  // mention: without its brackets, unless it is a subordinate clause alone, which describes nothing.
  const inner = text.replace(/^\(\s*|\s*\)\.?$/g, '');
  return SUBORDINATE_ALONE.test(inner) ? '' : `${inner.replace(/[.!?]$/, '')}.`;
}

/** A description and the sentence before it that it leans on, at most (characters): a few lines of a glossary. */
const MAX_WITH_BEFORE = 360;

/** Words that introduce a name ("the so-called Baltic Entente", "known as the Little Entente"). */
const NAMING_BEFORE = /\b(?:so-called|known as|called|named|dubbed)\s+(?:the\s+)?$/u;
/** The words before a name open a participle's phrase in their clause (", citing concerns over …"). */
const PARTICIPLE_PHRASE =
  /,\s+(?!(?:during|according|regarding|concerning|including|following|notwithstanding)\b)\p{Ll}+ing\s[^,;()]*$/u;

/** A sentence that is an aside in brackets. */
const ASIDE_SENTENCE = /^\([^()]*(?:\([^()]*\)[^()]*)*\)\.?$/;
/** A clause that opens as a subordinate one and has no main clause after a comma. */
const SUBORDINATE_ALONE = /^(?:Although|Though|While|Whereas|Because|Since|As|If|When|Unless)\b[^,;]*$/;
