/**
 * The index of names: the glossary entries (people, treaties), the names the sources link, and names the
 * text repeats. A name the text puts after "in", "to", "from" or "at" is a place; a personal-name shape
 * elsewhere is a person. Mentions are found in one pass over the text (terms looked up by first word).
 */
import type { IndexEntry, StudyGuide } from '../model/index.js';
import { slugify } from '../util/slug.js';
import { NAME_PATTERN, TITLES } from './names.js';
import { blocksOf } from './text.js';

const LEADING = /^(?:The|A|An|In|On|At|By|After|Before|During|When|While)\s+/;
/** Last words that make a capitalised phrase an institution or an event, not a person or a place. */
const BODY_OR_EVENT = new RegExp(
  String.raw`\b(?:War|Revolution|Congress|Conference|Committee|Party|Office|Ministry|Council|Army|Navy|Purge|` +
    String.raw`Terror|Operation|Front|League|Bank|Company|Factory|Commissariat|Government|Communists|Invasion|` +
    String.raw`Occupation|Assembly|Parliament)\b`,
);
/** Last words of capitalised phrases that are places, bodies or things rather than people. */
const NOT_PERSON = new RegExp(
  String.raw`\b(?:Sea|Ocean|River|Lake|Isthmus|Line|Republic|Reich|States|Kingdom|Zealand|Peace|Coup|Kampf|` +
    String.raw`Bolshevism|Uprisings?|Italy|Soviet|Treaty|Pact|Agreement|Karelia|Commissar|Revolutionaries|Empire|` +
    String.raw`Union)$`,
);
const DATE_LIKE =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}$/;

export function buildIndex(book: StudyGuide): IndexEntry[] {
  const refs = blocksOf(book);
  const text = refs.map((r) => r.block.text).join('\n');
  const terms = new Map<string, { term: string; kind: IndexEntry['kind']; mentions?: string[] }>();
  const add = (raw: string, kind: IndexEntry['kind'], mentions?: string[]) => {
    const term = kind === 'treaty' ? raw : raw.replace(TITLES, '');
    if (DATE_LIKE.test(term)) return;
    const key = term.toLowerCase();
    if (!mentions && (covered.has(key) || /\b(?:Treaty|Pact|Agreement|Protocols?|Accords?|Alliance)\b/.test(term)))
      return;
    if (!terms.has(key) && term.length >= 3) terms.set(key, { term, kind, mentions });
  };
  for (const a of book.glossaries.ambassadors) add(a.name, 'person', a.mentions);
  for (const t of book.glossaries.treaties) add(t.name, 'treaty', t.mentions);

  // Names the text puts after "in", "from", "at" or "near" are places.
  const placeCounts = new Map<string, number>();
  for (const m of text.matchAll(/\b(?:in|from|at|near)\s+(?:the\s+)?(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+){0,2})/gu)) {
    const words = m[1]!.split(' ');
    for (let n = 1; n <= words.length; n++) {
      const w = words.slice(0, n).join(' ');
      placeCounts.set(w, (placeCounts.get(w) ?? 0) + 1);
    }
  }
  const placeLike = new Set(placeCounts.keys());
  // Glossary names and aliases are indexed under their entry, not again on their own.
  const covered = new Set(
    [...book.glossaries.ambassadors, ...book.glossaries.treaties]
      .flatMap((e) => [e.name, ...e.aliases])
      .map((n) => n.toLowerCase()),
  );
  const personShape = new RegExp(`^${NAME_PATTERN}$`, 'u');
  const kindOf = (raw: string): IndexEntry['kind'] => {
    const term = raw.replace(TITLES, '');
    if (BODY_OR_EVENT.test(term)) return 'organisation';
    if (placeLike.has(term)) return 'place';
    return personShape.test(term) && !NOT_PERSON.test(term) ? 'person' : 'organisation';
  };

  for (const link of book.links) {
    const term = link.label.trim();
    if (/^\p{Lu}/u.test(term) && term.split(/\s+/).length <= 5) add(term, kindOf(term));
  }
  const counts = new Map<string, number>();
  for (const m of text.matchAll(new RegExp(NAME_PATTERN, 'gu'))) {
    const term = m[0].replace(LEADING, '');
    if (term.split(/\s+/).length >= 2) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  for (const [term, n] of counts) if (n >= 2) add(term, kindOf(term));

  // One pass over the text: terms by their first word.
  const byFirst = new Map<string, string[]>();
  for (const [key, t] of terms)
    if (!t.mentions) byFirst.set(key.split(/\s+/)[0]!, [...(byFirst.get(key.split(/\s+/)[0]!) ?? []), key]);
  const found = new Map<string, string[]>();
  for (const ref of refs) {
    const low = ref.block.text.toLowerCase();
    for (const m of low.matchAll(/\p{L}[\p{L}'’-]*/gu)) {
      for (const key of byFirst.get(m[0]) ?? []) {
        const end = m.index + key.length;
        if (low.startsWith(key, m.index) && !/\p{L}/u.test(low[end] ?? '')) {
          const list = found.get(key) ?? [];
          if (list[list.length - 1] !== ref.block.id) list.push(ref.block.id);
          found.set(key, list);
        }
      }
    }
  }
  const entries: IndexEntry[] = [];
  for (const [key, t] of terms) {
    const mentions = t.mentions ?? found.get(key) ?? [];
    if (mentions.length) entries.push({ id: `index-${slugify(t.term)}`, term: t.term, kind: t.kind, mentions });
  }
  const ids = new Set<string>();
  for (const e of entries) {
    let id = e.id;
    for (let n = 2; ids.has(id); n++) id = `${e.id}-${n}`;
    ids.add(id);
    e.id = id;
  }
  return entries.sort((a, b) => a.term.localeCompare(b.term, book.meta.language));
}
