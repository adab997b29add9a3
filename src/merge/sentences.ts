/**
 * Sentences and their similarity: the unit the merge compares.
 * Segmentation uses ICU's sentence rules (Intl.Segmenter), so it follows Unicode's UAX #29.
 */
import type { PhrasingContent } from 'mdast';

export interface Sentence {
  text: string;
  /** Citation keys (source-local) attached at the end of the sentence, in order. */
  refs: string[];
}

/** Placeholder for a citation inside text while segmenting (Private Use Area, never in real text). */
const REF_MARK = '\uE000';

/** Common abbreviations after which ICU would otherwise break a sentence. */
const ABBREVIATIONS = /\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Capt|Sgt|Jr|Sr|vs|etc|e\.g|i\.e|No|Vol|pp?|ed|eds|cf|ca|approx)\.\s$/i;
/** A single capital and a dot ("J. A. Large", "U.S.") does not end a sentence. */
const INITIAL = /(?:^|[\s(])\p{Lu}\.\s$/u;

/** Split phrasing content into sentences, keeping each citation with the sentence it follows. */
export function splitSentences(children: PhrasingContent[], locale = 'en'): Sentence[] {
  const refs: string[] = [];
  let flat = '';
  for (const node of children) {
    if (node.type === 'footnoteReference') {
      refs.push(node.identifier);
      flat += REF_MARK;
    } else flat += plainOf(node);
  }
  const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  const pieces: string[] = [];
  for (const { segment } of segmenter.segment(flat)) {
    const prev = pieces[pieces.length - 1];
    if (prev !== undefined && (ABBREVIATIONS.test(prev) || INITIAL.test(prev) || /^[\s\p{Ll}\d,;:)]/u.test(segment) || /^\uE000+\s*$/.test(segment))) {
      pieces[pieces.length - 1] = prev + segment;
    } else pieces.push(segment);
  }
  let refIndex = 0;
  const out: Sentence[] = [];
  for (const piece of pieces) {
    const sentenceRefs: string[] = [];
    const text = piece
      .replace(/\uE000/g, () => {
        sentenceRefs.push(refs[refIndex++]!);
        return '';
      })
      .replace(/\s+/g, ' ')
      .replace(/\s+([.,;:!?])/g, '$1')
      .trim();
    if (!text) {
      // Citations alone (e.g. a marker at the start of a line) belong to the previous sentence.
      if (out.length) out[out.length - 1]!.refs.push(...sentenceRefs);
      continue;
    }
    out.push({ text, refs: sentenceRefs });
  }
  return out;
}

function plainOf(node: PhrasingContent): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  if ('children' in node) return (node.children as PhrasingContent[]).map(plainOf).join('');
  return '';
}

/** Words for comparison: lower-case letters and digits, diacritics folded. */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Dice coefficient of two word sets: 1 for the same words, 0 for none in common. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const w of small) if (large.has(w)) common++;
  return (2 * common) / (a.size + b.size);
}

/** How much of `a` is contained in `b` (1 when every word of a is in b). */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / a.size;
}

const STOP = new Set(
  'the a an of and or to in on at by for with from as is was were be been that this which it its their his her they he she but not had has have into than then also'.split(' '),
);

export function contentWords(text: string): Set<string> {
  return new Set(words(text).filter((w) => !STOP.has(w)));
}

/**
 * An inverted index of sentences by content word, so a sentence is compared only with the few that share
 * its words — the merge stays near-linear instead of comparing every sentence with every other.
 */
export class SentenceIndex<T> {
  private readonly byWord = new Map<string, number[]>();
  private readonly entries: { words: Set<string>; value: T }[] = [];

  add(text: string, value: T): void {
    const ws = contentWords(text);
    const id = this.entries.push({ words: ws, value }) - 1;
    for (const w of ws) {
      let list = this.byWord.get(w);
      if (!list) this.byWord.set(w, (list = []));
      list.push(id);
    }
  }

  /** The most similar indexed sentence, if any shares words with `text`. */
  best(text: string, accept: (value: T) => boolean = () => true): { value: T; score: number } | undefined {
    const ws = contentWords(text);
    const hits = new Map<number, number>();
    for (const w of ws) {
      const list = this.byWord.get(w);
      // Words found in very many sentences say little and cost much: skip them.
      if (!list || list.length > 200) continue;
      for (const id of list) hits.set(id, (hits.get(id) ?? 0) + 1);
    }
    let best: { value: T; score: number } | undefined;
    for (const [id, common] of hits) {
      const entry = this.entries[id]!;
      if (!accept(entry.value)) continue;
      const score = (2 * common) / (ws.size + entry.words.size);
      if (!best || score > best.score) best = { value: entry.value, score };
    }
    return best;
  }
}
