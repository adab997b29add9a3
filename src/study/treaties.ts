/**
 * Treaties, pacts, agreements, protocols, accords and alliances named in the book.
 *
 * A name is a capitalised phrase around one of those words ("Treaty of Rapallo", "Molotov–Ribbentrop Pact",
 * "German–Soviet Boundary and Friendship Treaty", "Munich Agreement"), or a secret protocol. Names that are
 * the same treaty are merged: the same words in another order ("Treaty of Berlin" / "Berlin Treaty"),
 * combining forms ("Franco-Soviet" / "Soviet-French"), a shorter name contained in exactly one longer one
 * ("Friendship Treaty"), and the sources' own links ("[[Nazi-Soviet Pact|Molotov-Ribbentrop Pact]]").
 * Date, parties and signatories come from the sentences that mention the treaty.
 */
import type { Book, Treaty } from '../model/index.js';
import { slugify } from '../util/slug.js';
import { NAME_PATTERN, stripTitles } from './names.js';
import { blocksOf, type BlockRef } from './text.js';
import { datesIn } from './timeline.js';

const KIND =
  String.raw`(?:Treaty|Treaties|Pact|Agreement|Agreements|Protocol|Protocols|Accord|Accords|Alliance|Convention|` +
  String.raw`Entente|Armistice)`;
const MONTHS = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December)\b`;
const CAP = String.raw`(?:(?!${MONTHS})\p{Lu}[\p{L}'’]*(?:[-–]\p{Lu}?[\p{L}]+)*|\d{4})`;
/**
 * "German–Soviet Boundary and Friendship Treaty", "Franco-Soviet Treaty of Mutual Assistance",
 * "Treaty of Brest-Litovsk"
 */
const NAMED = new RegExp(
  String.raw`(?:${CAP}\s+(?:(?:and|of|for)\s+)?){0,5}${KIND}\b` +
    String.raw`(?:\s+(?:of|on)\s+(?:${CAP}(?:\s+(?:and|of)\s+)?\s*){1,4})?`,
  'gu',
);
const SECRET = /\b[Ss]ecret (?:[Aa]dditional )?[Pp]rotocols?\b/g;
/** An unnamed treaty of a named kind with a named party: "a neutrality pact with Axis power Japan". */
const KIND_WITH = new RegExp(
  String.raw`\b(non-aggression|neutrality|commercial|trade|credit|border|boundary|friendship|peace|mutual assistance)` +
    String.raw`\s+(pact|treaty|agreement|accord)\s+with\s+(?:\p{L}+\s+){0,2}?(?:the\s+)?` +
    String.raw`(?!${MONTHS})(\p{Lu}\p{L}+)(?=[\s.,;]|$)(?!\s+(?:power|\p{Lu}))`,
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
/** Parties a name can carry: demonyms ("German", "Soviet", "Polish", "French") and combining forms. */
const PARTY_WORD = /^(?:\p{Lu}\p{Ll}+(?:an|ish|ese|ch|et|ic)|Franco|Anglo|Italo|Russo|Sino|Nazi)$/u;

function normaliseDashes(text: string): string {
  return text.replace(/[–—−]/g, '-');
}

/** Words that identify a treaty, order-free: "Treaty of Berlin" and "Berlin Treaty" share a key. */
function keyWords(name: string): string[] {
  return normaliseDashes(name)
    .toLowerCase()
    .split(/[\s-]+/)
    .map((w) => w.replace(/[^a-z0-9]/g, ''))
    .map((w) => COMBINING[w] ?? w.replace(/ies$/, 'y').replace(/(?<=[a-z]{4})s$/, ''))
    .filter((w) => w && !STOP.has(w));
}
const keyOf = (name: string) => [...new Set(keyWords(name))].sort().join(' ');

function cleanName(raw: string): string | undefined {
  let name = raw.trim().replace(/\s+/g, ' ');
  while (LEADING.test(name)) name = name.replace(LEADING, '');
  // Years before or after a name date it; they do not name it ("1926 Berlin Treaty", "Pact of 1939").
  for (let before = ''; before !== name;) {
    before = name;
    name = name
      .replace(/^\d{4}\s+/, '')
      .replace(/(?:,|\s+of|\s+in)?\s+\d{4}$/, '')
      .replace(/\s+(?:of|on|and|for)$/, '');
  }
  // A bare keyword ("Treaty", "Pact") names nothing in particular.
  if (new RegExp(`^${KIND}$`).test(name)) return undefined;
  if (/^\d{4}$/.test(name)) return undefined;
  return name;
}

interface Draft {
  name: string;
  names: Map<string, number>;
  key: string;
  /** How the text writes it, when that differs from the name ("neutrality pact with Axis power Japan"). */
  surfaces?: Set<string>;
}

/** Every name of a treaty the sentences carry, by its order-free key. */
function collectDrafts(refs: BlockRef[]): Map<string, Draft> {
  const drafts = new Map<string, Draft>();
  const note = (raw: string, surface?: string) => {
    const name = cleanName(raw);
    if (!name) return;
    const key = keyOf(name);
    const d: Draft = drafts.get(key) ?? { name, names: new Map(), key };
    d.names.set(name, (d.names.get(name) ?? 0) + 1);
    if (surface) (d.surfaces ??= new Set()).add(surface);
    drafts.set(key, d);
  };
  for (const ref of refs) {
    for (const sentence of ref.block.sentences) {
      for (const m of sentence.matchAll(NAMED)) note(m[0]);
      for (const m of sentence.matchAll(SECRET)) note(m[0].replace(/^s/, 'S'));
      for (const m of sentence.matchAll(KIND_WITH))
        note(`${m[1]![0]!.toUpperCase()}${m[1]!.slice(1)} ${m[2]} with ${m[3]}`, m[0]);
    }
  }
  return drafts;
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
    .filter((w) => !KIND_WORDS.has(w))
    .join(' ');

/** Merge names of one treaty: links between names, then short names contained in exactly one longer one. */
function groupDrafts(book: Book, drafts: Map<string, Draft>): Draft[][] {
  const { find, union } = unionFind();
  unionLinked(book, drafts, union);
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
  names.sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
  const name = names[0]![0];
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

/** The blocks naming a treaty under any of its names (`all`, folded), and the sentences that speak of it. */
function mentionsOf(all: string[], refs: BlockRef[], folded: string[][]): { mentions: string[]; sentences: string[] } {
  const mentions: string[] = [];
  const sentences: string[] = [];
  for (const [r, ref] of refs.entries()) {
    let hit = false;
    ref.block.sentences.forEach((s, i) => {
      const low = folded[r]![i]!;
      if (!all.some((n) => low.includes(n))) return;
      hit = true;
      sentences.push(s);
      // "It was signed by …": the next sentence speaks of the same treaty.
      const next = ref.block.sentences[i + 1];
      if (next && /^(?:It|The (?:treaty|pact|agreement|accord|protocol|alliance))\b/.test(next)) sentences.push(next);
    });
    if (hit) mentions.push(ref.block.id);
  }
  return { mentions, sentences };
}

export function extractTreaties(book: Book): Treaty[] {
  const refs = blocksOf(book);
  const groups = groupDrafts(book, collectDrafts(refs));
  const treaties: Treaty[] = [];
  // Each sentence folded once, not once per treaty.
  const folded = refs.map((ref) => ref.block.sentences.map((s) => normaliseDashes(s).toLowerCase()));
  for (const group of groups) {
    const named = namesOf(group);
    if (!named) continue;
    const { name, aliases } = named;
    const surfaces = group.flatMap((d) => [...(d.surfaces ?? [])]);
    const all = [name, ...aliases, ...surfaces].map((n) => normaliseDashes(n).toLowerCase());
    const { mentions, sentences } = mentionsOf(all, refs, folded);
    if (!mentions.length) continue;
    treaties.push({ id: `treaty-${slugify(name)}`, name, aliases, ...details(name, aliases, sentences), mentions });
  }
  return treaties.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.name.localeCompare(b.name));
}

/** A party to a treaty: one or two capitalised words ("Weimar Germany", "Soviet Russia"). */
const PARTY = String.raw`(\p{Lu}[\p{L}]+(?:\s\p{Lu}[\p{L}]+)?)`;
const BETWEEN = new RegExp(String.raw`\bbetween\s+(?:the\s+)?${PARTY}\s+and\s+(?:the\s+)?${PARTY}`, 'u');
/** A signer after "signed by": a name ends where capitalised words end ("Foreign Minister Walther Rathenau"). */
const SIGNER = String.raw`(?:[\p{L}\s]*?\s)??(${NAME_PATTERN})(?![\p{L}'’-])(?!\s+\p{Lu})`;
const SIGNED_BY = new RegExp(String.raw`\bsigned\s+by\s+${SIGNER}(?:\s+and\s+${SIGNER})?`, 'u');

/** Date signed, parties, signatories and a describing sentence, from the sentences that mention a treaty. */
function details(
  name: string,
  aliases: string[],
  sentences: string[],
): Pick<Treaty, 'date' | 'parties' | 'signatories' | 'description'> {
  const signing = sentences.filter((s) => /\b(?:signed|concluded|agreed|reached|ratified|initialled)\b/i.test(s));
  // A full date in a sentence about the signing, else in any sentence naming it, else a month of signing.
  const first = (list: string[], precision: 'day' | 'month') => {
    for (const s of list) {
      const d = datesIn(s).find((x) => x.precision === precision);
      if (d) return d.date;
    }
    return null;
  };
  const date = first(signing, 'day') ?? first(sentences, 'day') ?? first(signing, 'month');
  const parties = new Set<string>();
  for (const n of [name, ...aliases]) {
    const prefix = normaliseDashes(n).split(/\s+/)[0] ?? '';
    if (prefix.includes('-')) for (const p of prefix.split('-')) if (PARTY_WORD.test(p)) parties.add(p);
  }
  for (const s of signing) {
    const between = BETWEEN.exec(s);
    if (between) {
      parties.add(between[1]!);
      parties.add(between[2]!);
    }
  }
  // Signatories from the first sentence that says who signed.
  const signatories: string[] = [];
  for (const s of signing) {
    const by = SIGNED_BY.exec(s);
    if (!by) continue;
    for (const n of [by[1], by[2]]) if (n) signatories.push(stripTitles(n));
    break;
  }
  const description = (signing[0] ?? sentences[0] ?? '').trim();
  return { date, parties: [...parties], signatories, description };
}
