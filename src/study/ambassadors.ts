/**
 * Ambassadors and chargés d'affaires, extracted from the merged book:
 *  - lists under headings that name the post ("Soviet ambassadors (chargés) to Berlin"): one entry per item,
 *    with the term in brackets;
 *  - the running text, where a role precedes or follows a name ("the German ambassador to Moscow,
 *    Wilhelm von Mirbach", "French ambassador Robert Coulondre", "X, the Soviet ambassador").
 * Variants of one person's name (transliterations, particles) become one entry; where sources disagree
 * (the merge recorded a conflict) both readings are kept with their sources.
 */
import { witnessesOf } from './witnesses.js';
import type { Ambassador, Block, Book, Disagreement, Provenance } from '../model/index.js';
import { slugify } from '../util/slug.js';
import { foldSpelling, NAME_PATTERN, NAME_WORD, nameParts, samePerson, sameSurname, surnameKey } from './names.js';
import { blocksOf } from './text.js';
import { describePerson } from './roles.js';
import { roleLineOf } from './role-lines.js';
import { baseLanguage } from '../util/language.js';
import { countryOf } from './countries.js';
import { memoize } from '../util/memo.js';
import { matchesOf } from './per-text.js';
import { datesAtPlace, datesIn } from './timeline.js';
import { labelsFor } from '../util/labels.js';
import { membershipOf } from '../merge/variants.js';

const ROLE =
  String.raw`(?:special\s+)?(?:[Aa]mbassador|[Ee]nvoy|chargé d'affaires|[Cc]hargé)|` +
  String.raw`(?:special|trade|plenipotentiary)\s+representative`;
const NATION = String.raw`\p{Lu}\p{Ll}+`;
/** The sending side as a sentence writes it before a post: "Soviet", "the RSFSR's". */
const SENDER = String.raw`(?<nat>\p{Lu}\p{Ll}+|\p{Lu}{2,}(?=['’]s))(?:['’]s)?`;
const PLACE = String.raw`\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?`;
/** "the German ambassador to Moscow, Wilhelm von Mirbach" · "Soviet trade representative in Berlin David Kandelaki" */
const ROLE_THEN_NAME = new RegExp(
  String.raw`\b${SENDER}\s+(?<role>${ROLE})(?:\s+(?<prep>to|in)\s+(?<place>${PLACE}))?,?\s+(?<name>${NAME_PATTERN})`,
  'gu',
);
/** "Yakov Surits, the Soviet ambassador to Germany" · "Victor Kopp, the RSFSR's special representative to Berlin" */
const NAME_THEN_ROLE = new RegExp(
  String.raw`(?<name>${NAME_PATTERN}),\s+the\s+(?:new\s+|last\s+)?${SENDER}\s+(?<role>${ROLE})` +
    String.raw`(?:\s+(?<prep>to|in)\s+(?<place>${PLACE}))?`,
  'gu',
);
/** "NAME was sent to Kaunas as the Soviet special envoy". */
const SENT_AS = new RegExp(
  String.raw`(?<name>${NAME_PATTERN})\s+was\s+(?:sent|dispatched|posted|appointed)\s+to\s+(?<place>${PLACE})\s+as\s+` +
    String.raw`(?:the\s+|an?\s+)?(?:new\s+)?${SENDER}\s+(?<role>${ROLE})\b`,
  'gu',
);
/** Several envoys of one side: "Soviet envoys Andrey Vyshinsky and Andrey Zhdanov". */
const ENVOYS_NAMED = new RegExp(
  String.raw`\b(?<nat>${NATION})\s+(?:envoys|ambassadors|special\s+representatives)\s+` +
    String.raw`(?<names>${NAME_PATTERN}(?:,\s+${NAME_PATTERN})*,?\s+and\s+${NAME_PATTERN})`,
  'gu',
);

/** The post a role names: an ambassador's or a chargé's as "ambassador" (to the place), another as written. */
function postOf(nat: string, role: string, prep: string | undefined, place: string | null): string {
  const r = role.replace(/\s+/g, ' ');
  const ambassador = /^(?:ambassador|chargé)/i.test(r);
  const word = ambassador ? 'ambassador' : r.toLowerCase();
  return `${nat} ${word}${place ? ` ${ambassador ? 'to' : (prep ?? 'to')} ${place}` : ''}`;
}
/** Headings of lists of envoys: "Soviet ambassadors (chargés) to Berlin", "German ambassadors to Moscow". */
const ROLE_WORDS = String.raw`(?:ambassadors|envoys|representatives|chargés(?: d'affaires)?|ministers)(?![\p{L}])`;
/**
 * The role words of a heading and what qualifies them: a bracket, or another role joined by "and"/"or"
 * ("ambassadors (chargés)", "envoys and ministers"); other words before the place ("to Germany in Berlin",
 * "from 1922 to 1941 in Berlin") are no part of the post.
 */
const LIST_HEADING = new RegExp(
  String.raw`^(?<nat>${NATION})\s+(?<role>${ROLE_WORDS}(?:\s*\([^)]*\)|\s+(?:and|or)\s+${ROLE_WORDS})?)` +
    String.raw`.*?\s+(?:to|in)\s+(?<place>${PLACE})\s*$`,
  'u',
);
/** The plural role words of those headings, each with its singular. */
const ROLE_PLURALS: Record<string, string> = {
  ambassadors: 'ambassador',
  envoys: 'envoy',
  representatives: 'representative',
  chargés: 'chargé',
  ministers: 'minister',
};

/**
 * The post a list heading names, as one holder's: "Soviet ambassadors (chargés) to Berlin" → "Soviet ambassador
 * (chargé) to Berlin". The heading's own qualifiers stay (some of those listed were chargés, not ambassadors).
 */
function listPost(nat: string, role: string, place: string): string {
  const one = role.replace(/\p{L}+/gu, (w) => ROLE_PLURALS[w.toLowerCase()] ?? w).replace(/\s+/g, ' ');
  return `${nat} ${one} to ${place}`;
}
/** "Nikolay Krestinsky (1921–1930)" */
const LIST_ITEM = /^(?<name>.+?)\s*(?:\((?<from>\d{4})(?:\s*[–-]\s*(?<to>\d{2,4}))?\))?\s*$/u;

/** Two nations' envoys named together: "the new British and French ambassadors, (A, assisted by C, and B)". */
const PAIR_OF_ENVOYS = new RegExp(
  String.raw`\b(?<a>${NATION})\s+and\s+(?<b>${NATION})\s+(?:ambassadors|envoys)\s*,?\s*\(?` +
    String.raw`(?<names>[^()]+?)\)?(?=[,.;]\s+(?:in|to|for|who|which)\b|[.;]|$)`,
  'gu',
);
/** The names of a list, in order, without those only "assisted by" or "with" the envoys. */
function envoysIn(list: string): string[] {
  return list
    .split(/,\s*(?:and\s+)?|\s+and\s+/)
    .map((p) => p.trim())
    .filter((p) => p && !/^(?:assisted|accompanied|with|helped)\b/i.test(p))
    .map((p) => new RegExp(`^${NAME_PATTERN}$`, 'u').exec(p)?.[0] ?? '')
    .filter(Boolean);
}

/** Words that can follow a role but are not names. */
const NOT_NAMES = new Set(['The', 'This', 'That', 'He', 'She', 'In', 'On', 'At', 'Foreign', 'Minister']);

type Draft = Omit<Ambassador, 'id' | 'mentions'>;

function term(from: number | null, to: number | null): string {
  if (from === null) return '';
  return to === null || to === from ? String(from) : `${from}–${to}`;
}

function fullYear(from: string | undefined, to: string | undefined): [number | null, number | null] {
  const a = from ? Number(from) : null;
  if (!to) return [a, a];
  const b = to.length === 2 && a !== null ? Number(String(a).slice(0, 2) + to) : Number(to);
  return [a, b];
}

export function extractAmbassadors(book: Book): Ambassador[] {
  const drafts: Draft[] = [];
  // `strict`: a row of a table of envoys is one person; another row with the same surname is another.
  const add = (draft: Draft, strict = false) => {
    const same = drafts.find(
      (d) =>
        samePerson(d.name, draft.name) || (!strict && sameSurname(d.name, draft.name) && d.country === draft.country),
    );
    if (!same) {
      drafts.push(draft);
      return;
    }
    if (draft.name !== same.name && !same.aliases.includes(draft.name)) same.aliases.push(draft.name);
    if (same.from === null && draft.from !== null) {
      same.from = draft.from;
      same.to = draft.to;
      same.term = draft.term;
    }
    if (!same.capital && draft.capital) {
      same.capital = draft.capital;
      same.post = draft.post;
    }
    for (const p of draft.sources)
      if (!same.sources.some((q) => q.source === p.source && q.line === p.line)) same.sources.push(p);
  };

  addListed(book, add);
  addTabled(book, add);

  // The running text.
  for (const ref of blocksOf(book))
    for (const sentence of ref.block.sentences)
      for (const e of envoysOf(sentence).running)
        add(textDraft(e.name, e.country, e.post, readers(book, ref.block, sentence), e.capital));

  addPairedEnvoys(book, add);
  addNamedEnvoys(book, add);
  // The running text names a list's post without the heading's qualifier ("Soviet ambassador to Berlin" beside
  // the list's "Soviet ambassador (chargé) to Berlin"): one post, the list's.
  const qualified = new Map(
    drafts.filter((d) => d.post.includes('(')).map((d) => [d.post.replace(/\s*\([^)]*\)/g, ''), d.post] as const),
  );
  for (const d of drafts) d.post = qualified.get(d.post) ?? d.post;

  // The country as a country's name ("Argentinischen" → Argentinien, "Soviet" → Soviet Union), else none.
  const entries = drafts.map((d) => ({
    ...d,
    country: countryOf(d.country, book.meta.language) ?? '',
    id: `amb-${slugify(d.name)}`,
    mentions: [] as string[],
    role: '',
  }));
  attachDisagreements(book, entries);
  findMentions(book, entries);
  describeAll(book, entries);
  attachRoleDates(book, entries);
  return entries;
}

/**
 * Where the sources disagree on a date an entry's role line states (the merge recorded a date variant of the
 * sentence the line is read from), the entry shows each source's date with its sources, as the timeline does
 * for its events: the line says "April 1939", one source reads "April, 1938".
 */
function attachRoleDates(book: Book, entries: Ambassador[]): void {
  const variants = (book.report?.variants ?? []).filter((v) => v.class === 'date');
  if (!variants.length) return;
  const inBook = new Set(blocksOf(book).flatMap((r) => r.block.sentences));
  const language = book.meta.language;
  for (const e of entries) {
    const role = e.role;
    if (!role) continue;
    const names = [e.name, ...e.aliases];
    for (const v of variants) {
      // The reading the book prints, when the role line is read from it.
      const kept = v.readings.find(
        (r) => inBook.has(r.text) && names.some((n) => r.text.includes(n)) && readFrom(role, r.text),
      );
      if (!kept) continue;
      for (const mine of datesIn(kept.text, undefined, language).filter((d) => role.includes(d.label))) {
        const others = datesAtPlace(v, kept, mine, Number(mine.date.slice(0, 4)), language);
        if (!others.length) continue;
        // One reading per date, with every source that gives it ("April 1938" worded two ways is one).
        const readings = [{ value: mine.label, date: mine.date, sources: [...(kept.sources as Provenance[])] }];
        for (const o of others) {
          const same = readings.find((r) => r.date === o.date.date);
          if (same) same.sources.push(...(o.reading.sources as Provenance[]));
          else
            readings.push({
              value: o.date.label,
              date: o.date.date,
              sources: [...(o.reading.sources as Provenance[])],
            });
        }
        const same = (d: Disagreement) =>
          d.readings.map((r) => r.value).join('|') === readings.map((r) => r.value).join('|');
        if (!e.disagreements.some((d) => d.field === 'date' && same(d)))
          e.disagreements.push({ field: 'date', readings: readings.map(({ value, sources }) => ({ value, sources })) });
      }
    }
  }
}

/** Whether a role line is read from the sentence: its longer words (four of five at least) are the sentence's. */
function readFrom(role: string, sentence: string): boolean {
  const words = role.toLowerCase().match(/\p{L}{4,}/gu) ?? [];
  const own = new Set(sentence.toLowerCase().match(/\p{L}{4,}/gu) ?? []);
  return words.length > 0 && words.filter((w) => own.has(w)).length >= 0.8 * words.length;
}

/**
 * Each entry's role line, from the running text (not the lists): in English what the text says the person
 * did (study/role-lines.ts), after the title a sentence gives them where it says more than the post; in
 * another language, or where no clause tells of them, the apposition or title (study/roles.ts).
 */
function describeAll(book: Book, entries: Ambassador[]): void {
  const running = blocksOf(book).filter((r) => r.block.kind !== 'list');
  const texts = running.map((r) => r.block.text);
  const sentences = running.flatMap((r) => r.block.sentences);
  const english = baseLanguage(book.meta.language) === 'en';
  const surnames = new Map<string, number>();
  for (const e of entries) surnames.set(surnameKey(e.name), (surnames.get(surnameKey(e.name)) ?? 0) + 1);
  for (const e of entries) {
    const line = english ? roleLineOf(namesOf(e, surnames.get(surnameKey(e.name)) === 1), sentences) : undefined;
    if (!line) {
      const role = describePerson(e.name, texts, e.post, book.meta.language);
      // Not a sentence of the text where the person only stands (English has the lines above for that).
      e.role = english && role.split(/\s+/).length > 12 && /[.!?]$/.test(role) ? '' : role;
      continue;
    }
    const title = line.apposition && saysMore(line.apposition, e.post) ? line.apposition : '';
    e.role = title && `${title} ${line.line}`.split(/\s+/).length <= 20 ? `${title}; ${line.line}` : line.line;
  }
}

/** The names a person is written under: full name, aliases, and the surname when no other entry has it. */
function namesOf(e: Ambassador, uniqueSurname: boolean): string[] {
  const surname = nameParts(e.name).surname;
  const names = [e.name, ...e.aliases].sort((a, b) => b.length - a.length);
  return uniqueSurname && surname.length > 3 ? [...names, surname] : names;
}

/** A title that says more than the post: a word besides the post's, its country's and its articles. */
function saysMore(title: string, post: string): boolean {
  const known = new Set(post.toLowerCase().split(/\s+/));
  return title
    .split(/\s+/)
    .some((w) => !/^\p{Lu}/u.test(w) && !known.has(w.toLowerCase()) && !/^(?:the|a|an|to|in|of|new)$/i.test(w));
}

/** Lists under a heading that names the post: one entry per item, with the term in brackets. */
function addListed(book: Book, add: (draft: Draft) => void): void {
  for (const chapter of book.chapters) {
    for (const section of chapter.sections) {
      const heading = LIST_HEADING.exec(section.title);
      if (!heading?.groups) continue;
      const { nat, role, place } = heading.groups as { nat: string; role: string; place: string };
      const post = listPost(nat, role, place);
      for (const block of section.blocks) {
        if (block.kind !== 'list') continue;
        for (const item of block.sentences) {
          const m = LIST_ITEM.exec(item)?.groups;
          if (!m?.name || !new RegExp(`^${NAME_PATTERN}$`, 'u').test(m.name)) continue;
          const [from, to] = fullYear(m.from, m.to);
          add({
            name: m.name,
            aliases: [],
            post,
            country: nat,
            capital: place,
            from,
            to,
            term: term(from, to),
            disagreements: [],
            sources: readers(book, block, item),
          });
        }
      }
    }
  }
}

/**
 * Headings and titles of lists of envoys in other languages: "Liste der argentinischen Botschafter in Chile",
 * "Lys van Suid-Afrikaanse ambassadeurs in …": the sending side's adjective, the word for the envoys, a
 * preposition and the place.
 */
const ENVOYS =
  String.raw`(?:[Aa]mbassadors|[Ee]nvoys|Botschafter|Gesandten|Gesandte|ambassadeurs|gezanten|gesante|` +
  String.raw`ambassadører|ambassadørar|sendemenn|embajadores|embaixadores|ambasciatori)`;
const TABLE_HEADING = new RegExp(
  String.raw`(?<nat>\p{L}+)\s+(?<envoys>${ENVOYS})\s+(?<prep>in|to|im|bei|en|à|au|i|na|a|ved)\s+` +
    String.raw`(?<place>\p{Lu}[\p{L}-]+)`,
  'u',
);
/** The header of a table's column of names, in the languages above. */
const NAME_HEADER = /^(?:name|namen|naam|nom|nombre|nome|navn|namn|ambassador|botschafter|envoy)$/i;

/**
 * A table under a heading (or in a guide whose title) names a post — "Liste der argentinischen Botschafter in
 * Chile" with rows "1810 | José Antonio Álvarez Jonte | Ministre plénipotentiaire | …": one entry per row, its
 * name from the column headed "Name", its term from the row's year to the next row's (the next envoy's
 * arrival).
 */
function addTabled(book: Book, add: (draft: Draft, strict: boolean) => void): void {
  for (const chapter of book.chapters)
    for (const section of chapter.sections) {
      const heading =
        TABLE_HEADING.exec(section.title)?.groups ?? TABLE_HEADING.exec(book.meta.title.replace(/[-_]+/g, ' '))?.groups;
      if (!heading) continue;
      const nat = heading.nat!.charAt(0).toUpperCase() + heading.nat!.slice(1);
      const post = `${heading.envoys} ${heading.prep} ${heading.place}`;
      for (const block of section.blocks) {
        if (block.kind !== 'table') continue;
        const [header, ...rows] = block.sentences.map((r) => r.split(' | ').map((c) => c.trim()));
        const column = header?.findIndex((c) => NAME_HEADER.test(c)) ?? -1;
        if (column < 0) continue;
        const years = rows.map((r) => Number(/\b(1\d{3}|20\d{2})\b/.exec(r.join(' '))?.[1]) || null);
        rows.forEach((row, i) => {
          const name = row[column] ?? '';
          // A person's name: two words or more, capitalised ("José A. Terry", "Bernardo Vera y Pintado").
          if (!/^\p{Lu}[\p{L}'’-]+(?:\s+[\p{L}.'’-]+)*\s+\p{Lu}[\p{L}'’-]+$/u.test(name)) return;
          const from = years[i] ?? null;
          const next = years.slice(i + 1).find((y) => y !== null && from !== null && y >= from) ?? null;
          add(
            {
              name,
              aliases: [],
              post,
              country: nat,
              capital: heading.place!,
              from,
              to: next,
              term: term(from, next),
              disagreements: [],
              sources: [...block.sources],
            },
            true,
          );
        });
      }
    }
}

/** "the new British and French ambassadors, (William Seeds, assisted by William Strang, and Paul-Emile Naggiar)". */
function addPairedEnvoys(book: Book, add: (draft: Draft) => void): void {
  for (const ref of blocksOf(book))
    for (const sentence of ref.block.sentences)
      for (const e of envoysOf(sentence).paired)
        add(textDraft(e.name, e.country, e.post, readers(book, ref.block, sentence)));
}

/**
 * The sources that read a sentence or list item of `block` (the collation's witnesses, at their lines): an
 * envoy only one rendition names, or a list member one list lacks, is not credited to the others.
 */
function readers(book: Book, block: Block, text: string) {
  return witnessesOf(book, block.id, text, block.sources) ?? [...block.sources];
}

/** An envoy the running text names with their post: no term, and no capital unless it names one. */
function textDraft(
  name: string,
  country: string,
  post: string,
  sources: Draft['sources'],
  capital: string | null = null,
): Draft {
  const none = { from: null, to: null, term: '' };
  return { name, aliases: [], post, country, capital, ...none, disagreements: [], sources: [...sources] };
}

/** "Soviet envoys Andrey Vyshinsky and Andrey Zhdanov": each an envoy of that side. */
function addNamedEnvoys(book: Book, add: (draft: Draft) => void): void {
  for (const ref of blocksOf(book))
    for (const sentence of ref.block.sentences)
      for (const e of envoysOf(sentence).named)
        add(textDraft(e.name, e.country, e.post, readers(book, ref.block, sentence)));
}

/** An envoy a sentence names: the name, the sending side, the post and the capital it names, if any. */
interface Envoy {
  name: string;
  country: string;
  post: string;
  capital: string | null;
}

/**
 * The envoys one sentence names, a pure function of the sentence (remembered per sentence: a warm edit reads
 * only the edited sentences): `running`, a role before or after a name ("the German ambassador to Moscow,
 * Wilhelm von Mirbach"), each pattern's in turn; `paired`, two nations' envoys named together; `named`, several
 * envoys of one side. The passes of `extractAmbassadors` take each list in its turn.
 */
const envoysOf = memoize(
  (sentence: string): { running: Envoy[]; paired: Envoy[]; named: Envoy[] } => {
    const running: Envoy[] = [];
    for (const pattern of [ROLE_THEN_NAME, NAME_THEN_ROLE, SENT_AS])
      for (const m of sentence.matchAll(pattern)) {
        const g = m.groups as { nat: string; role: string; prep?: string; place?: string; name: string };
        const name = trimName(g.name);
        if (!name || NOT_NAMES.has(name.split(' ')[0]!) || NOT_NAMES.has(g.nat)) continue;
        const place = g.place && !NOT_NAMES.has(g.place) ? g.place : null;
        running.push({ name, country: g.nat, post: postOf(g.nat, g.role, g.prep, place), capital: place });
      }
    const paired: Envoy[] = [];
    for (const m of sentence.matchAll(PAIR_OF_ENVOYS)) {
      const names = envoysIn(m.groups!.names!);
      const nations = [m.groups!.a!, m.groups!.b!];
      if (names.length !== 2) continue;
      names.forEach((name, i) =>
        paired.push({ name, country: nations[i]!, post: `${nations[i]} ambassador`, capital: null }),
      );
    }
    const named: Envoy[] = [];
    for (const m of sentence.matchAll(ENVOYS_NAMED)) {
      const nat = m.groups!.nat!;
      if (NOT_NAMES.has(nat)) continue;
      for (const name of m
        .groups!.names!.split(/,\s*(?:and\s+)?|\s+and\s+/)
        .map(trimName)
        .filter(Boolean))
        named.push({ name, country: nat, post: `${nat} envoy`, capital: null });
    }
    return { running, paired, named };
  },
  (sentence) => sentence,
  { keyChars: 4_000_000 },
  { name: 'envoys' },
);

/** A matched name may run into the next capitalised word ("Robert Coulondre Shortly"): keep 2–4 words. */
function trimName(name: string): string {
  const words = name.split(/\s+/);
  return words.length >= 2 ? words.join(' ') : '';
}

/** Conflicts the merge recorded about an entry's name, term or list membership. */
function attachDisagreements(book: Book, entries: Ambassador[]): void {
  // The merge words a list's membership "listed: Name" / "not listed": the latter in the book's language.
  const { notListed } = labelsFor(book.meta.language);
  for (const conflict of book.report.conflicts) {
    const text = conflict.readings.map((r) => r.text).join(' ');
    // The conflict's words, folded once (not once per entry).
    const folded = new Set(
      text
        .split(/[^\p{L}'-]+/u)
        .filter(Boolean)
        .map(foldSpelling),
    );
    for (const entry of entries) {
      if (!folded.has(surnameKey(entry.name))) continue;
      // Only conflicts about the entry itself: a list item, or a sentence that is about this person's post.
      const aboutItem = conflict.readings.every((r) => r.text.length < 80);
      if (!aboutItem) continue;
      const field: Disagreement['field'] = conflict.kind === 'number' ? 'term' : conflict.kind;
      const readings = conflict.readings.map((r) => ({
        value: membershipOf(r.text) === null ? notListed : (membershipOf(r.text) ?? r.text),
        sources: r.sources as Provenance[],
      }));
      entry.disagreements.push({ field, readings });
      if (conflict.kind === 'name') addAliases(entry, conflict.readings);
    }
  }
  // A name the sources spell two ways is one person with another spelling, not a disagreement.
  for (const variant of book.report.variants ?? []) {
    if (variant.class !== 'spelling') continue;
    for (const entry of entries)
      if (variant.readings.some((r) => r.text.length < 80 && r.text.includes(entry.name)))
        addAliases(entry, variant.readings);
  }
}

/** The other spellings of the entry's name that these readings give. */
function addAliases(entry: Ambassador, readings: readonly { text: string }[]): void {
  for (const r of readings) {
    const variant = new RegExp(NAME_PATTERN, 'u').exec(r.text)?.[0];
    if (
      variant &&
      variant !== entry.name &&
      samePersonOrVariant(variant, entry.name) &&
      !entry.aliases.includes(variant)
    )
      entry.aliases.push(variant);
  }
}

function samePersonOrVariant(a: string, b: string): boolean {
  return samePerson(a, b) || sameSurname(a, b);
}

const NAMES = new RegExp(NAME_PATTERN, 'gu');
const NAME_WORDS = new RegExp(NAME_WORD, 'gu');

/**
 * Every block where the person appears: under the full name, an alias, or the surname alone when no
 * other entry shares it. A capitalised name seen before a matching surname becomes an alias.
 */
function findMentions(book: Book, entries: Ambassador[]): void {
  const bySurname = new Map<string, Ambassador[]>();
  for (const e of entries) {
    const key = surnameKey(e.name);
    bySurname.set(key, [...(bySurname.get(key) ?? []), e]);
  }
  for (const ref of blocksOf(book)) {
    const text = ref.block.text;
    const found = new Set<Ambassador>();
    // Each block's names and name words, remembered per block (matchesOf): a warm edit reads the edited one.
    for (const m of matchesOf(NAMES, text)) {
      const candidates = bySurname.get(surnameKey(m[0])) ?? [];
      const person = candidates.find((e) => samePerson(e.name, m[0]) || e.aliases.some((a) => samePerson(a, m[0])));
      if (person) {
        found.add(person);
        const seen = m[0];
        if (seen !== person.name && !person.aliases.includes(seen) && nameParts(seen).given.length)
          person.aliases.push(seen);
      }
    }
    for (const m of matchesOf(NAME_WORDS, text)) {
      const candidates = bySurname.get(foldSpelling(m[0])) ?? [];
      if (candidates.length === 1) found.add(candidates[0]!);
    }
    for (const person of found) if (!person.mentions.includes(ref.block.id)) person.mentions.push(ref.block.id);
  }
}
