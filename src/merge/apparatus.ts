/**
 * The apparatus: the variants readers see, as notes naming the sources by their labels, and the collation
 * of the sources as CollateX's alignment table (alignment.json). Substantive variants (date, number, name,
 * place, list) get a note; wording variants and omissions (one reading with a hole the other fills) stay
 * in the editor's report. A note quotes only what differs, with the words around it that make it a date
 * or a name ("April 16, 1920"), not the whole sentence.
 */
import { diffArrays } from 'diff';
import type { Apparatus, ApparatusMode, Collation, MergeReport, VariantNote } from '../model/index.js';
import type { Chaptered } from './chapters.js';
import { monthsOf } from './clean.js';
import { readsSpan } from './claims.js';
import { SUBSTANTIVE, type Variant, type WSection, type WSentence } from './work.js';
import { noteWordsFor } from '../util/labels.js';
import { baseLanguage, dateUnits, icuWords, isUnspaced } from '../util/language.js';

const joinLabels = (labels: string[], and: string) =>
  labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} ${and} ${labels.at(-1)}`;

const TOKEN = /\S+/g;

/**
 * A text's words, and the text from one word to another. Words are what stands between spaces; in writing
 * with no spaces between words (Chinese, Japanese) they are ICU's words (Intl.Segmenter), punctuation a word
 * of its own, and a span is the text as written from its first word to its last.
 */
function wordsOf(text: string): { tokens: string[]; from: (start: number, end: number) => string; wide: boolean } {
  if (!isUnspaced(text)) {
    const tokens = text.match(TOKEN) ?? [];
    return { tokens, from: (start, end) => tokens.slice(start, end + 1).join(' '), wide: false };
  }
  const words = icuWords(text).filter((s) => s.segment.trim());
  return {
    tokens: words.map((w) => w.segment),
    from: (start, end) => text.slice(words[start]!.index, words[end]!.index + words[end]!.segment.length),
    wide: true,
  };
}
const norm = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
/** A token that belongs with a differing one: part of a date, a number or a name. */
const binds = (t: string) => /^\p{Lu}|^\d/u.test(t);

/** The words of each reading that differ from the other, with the date or name words around them. */
export function differingSpans(a: string, b: string): [string, string] {
  const wa = wordsOf(a);
  const wb = wordsOf(b);
  const [ta, tb] = [wa.tokens, wb.tokens];
  const changedA = new Set<number>();
  const changedB = new Set<number>();
  let ia = 0;
  let ib = 0;
  for (const part of diffArrays(ta, tb, { comparator: (x, y) => norm(x) === norm(y) })) {
    const n = part.count ?? part.value.length;
    if (part.removed) for (let k = 0; k < n; k++) changedA.add(ia + k);
    if (part.added) for (let k = 0; k < n; k++) changedB.add(ib + k);
    if (!part.added) ia += n;
    if (!part.removed) ib += n;
  }
  return [span(wa, changedA, a), span(wb, changedB, b)];
}

/** Quotation marks and brackets a span does not start with, and punctuation it does not end with. */
const EDGES = /^[("“'‘「『（«„]+|[.,;:)"”'’、。，：；）」』»،؛·]+$/gu;

function span(words: ReturnType<typeof wordsOf>, changed: Set<number>, whole: string): string {
  if (!changed.size) return whole;
  const { tokens, wide } = words;
  // ICU's words of unspaced writing are shorter: a date is six of them ("1881", "年", "5", "月", "3", "日").
  const reach = wide ? 6 : 3;
  let start = Math.min(...changed);
  let end = Math.max(...changed);
  for (let k = 0; k < reach && start > 0 && binds(tokens[start - 1]!); k++) start--;
  for (let k = 0; k < reach && end + 1 < tokens.length && binds(tokens[end + 1]!); k++) end++;
  if (end - start > 4 * reach) return whole;
  return words.from(start, end).replace(EDGES, '');
}

/**
 * The words of `text` that state the differing facts (`differs`, folded), each with the words that make it
 * a date or a name around it ("16" → "April 16, 1920"); undefined when none is found.
 */
export function factSpan(text: string, differs: readonly string[], locale: string): string | undefined {
  const words = wordsOf(text);
  const { tokens } = words;
  const reach = words.wide ? 6 : 3;
  const wanted = new Set(differs.map(foldWord));
  const months = new Set(monthsOf(locale).map(foldWord));
  const units = dateUnits(locale);
  const hebrew = baseLanguage(locale) === 'he';
  const isDatePart = (t: string) =>
    formsOf(t, hebrew).some((f) => /^\d/.test(f) || months.has(foldWord(f))) || units.has(t);
  const hits = tokens.flatMap((t, i) => (formsOf(t, hebrew).some((f) => wanted.has(foldWord(f))) ? [i] : []));
  if (!hits.length) return undefined;
  const clusters: [number, number][] = [];
  for (const i of hits) {
    const date = isDatePart(tokens[i]!);
    const bind = date ? isDatePart : (t: string) => /^\p{Lu}/u.test(t);
    // A date runs across its commas ("April 16, 1920") and a day's ordinal dot ("3. Mai 1881"); a name stops
    // at a comma.
    const stop = (t: string) =>
      date ? /[;:]$/.test(t) || (/\.$/.test(t) && !/^\d{1,2}\.$/.test(t)) : /[,.;:]$/.test(t);
    let start = i;
    let end = i;
    while (start > 0 && i - start < reach && bind(tokens[start - 1]!) && !stop(tokens[start - 1]!)) start--;
    while (end + 1 < tokens.length && end - i < reach && bind(tokens[end + 1]!) && !stop(tokens[end]!)) end++;
    const last = clusters.at(-1);
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else clusters.push([start, end]);
  }
  return clusters.map(([a, b]) => words.from(a, b).replace(EDGES, '')).join(' … ');
}

/**
 * A word as written, and in Hebrew without the particles written onto it ("ב־3" → "3", "במאי" → "מאי",
 * "ובמאי" → "מאי"): ב, ל, מ, or ו before one of them, with or without a maqaf or hyphen, before a number or a
 * word. Other languages' words are taken as written.
 */
const HEBREW_PREFIX = /^(ו?)([בלמ])[\u05BE-]?(?=\d|[\u05D0-\u05EA]{2})/u;
const formsOf = (t: string, hebrew: boolean): string[] => {
  const m = hebrew ? HEBREW_PREFIX.exec(t) : null;
  return m ? [t, t.slice(m[0].length)] : [t];
};

const foldWord = (t: string) =>
  t
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.]/gu, '')
    .replace(/\.$/, '');

/** The note a reader sees for a variant, in the book's language (`noteWordsFor`). */
export function noteText(v: Variant, labelOf: (source: string) => string, locale = 'en'): string {
  const w = noteWordsFor(locale);
  if (w.bracketed) return bracketedNote(v, labelOf, locale, w as BracketedWords);
  const q = w.quote;
  const [colon, semicolon] = [w.mark(':'), w.mark(';')];
  const labelsOf = (r: Variant['readings'][number]) => [...new Set(r.sources.map((p) => labelOf(p.source)))];
  const labels = (r: Variant['readings'][number]) => joinLabels(labelsOf(r), w.and);
  if (v.kind === 'list') {
    const [listed, missing] = v.readings;
    const item = q(v.differs[0] ?? '');
    return `${item} ${w.listedIn} ${labels(listed!)}${semicolon} ${w.notListedIn} ${labels(missing!)}.`;
  }
  if (v.kind === 'spelling') {
    // One name spelled two ways: the text keeps one, the note gives the others with their sources.
    const others = v.readings.slice(1);
    const spelled = (r: Reading) => spelledSpan(v, r, locale);
    return `${w.alsoSpelled} ${others.map((r) => `${q(spelled(r))} (${labels(r)})`).join(`${semicolon} `)}.`;
  }
  if (v.kind === 'claim' && v.differs.length) {
    // Same facts, another claim: the words that differ (claims.ts), each with every reading that has them.
    const quoted = claimSpans(v).map(({ span, sources }) => `${q(span)} ${w.in} ${labels({ text: span, sources })}`);
    return `${w.differ}${colon} ${quoted.join(`${semicolon} `)}.`;
  }
  if (v.kind === 'claim') {
    const [kept, ...others] = v.readings;
    const verb = (r: Variant['readings'][number]) => (labelsOf(r).length > 1 ? w.readMany : w.reads);
    const quoted = others.map((r) => `${labels(r)} ${verb(r)} ${q(r.text)}`).join(`${semicolon} `);
    return `${w.worded}${colon} ${w.follows} ${labels(kept!)}${semicolon} ${quoted}`;
  }
  const parts = factSpans(v, locale).map((quoted, i) => `${q(quoted)} ${w.in} ${labels(v.readings[i]!)}`);
  return `${w.differ}${colon} ${parts.join(`${semicolon} `)}.`;
}

type Reading = Variant['readings'][number];

/** How a spelling variant's reading `r` spells the name: the fact, or the words that differ from the kept one. */
function spelledSpan(v: Variant, r: Reading, locale: string): string {
  return factSpan(r.text, v.differs, locale) ?? differingSpans(v.readings[0]!.text, r.text)[1];
}

/** A claim variant's differing words, each with every source whose reading has them. */
function claimSpans(v: Variant): { span: string; sources: Reading['sources'] }[] {
  const bySpan = new Map<string, Reading['sources']>();
  for (const r of v.readings) {
    const span = v.differs.find((d) => readsSpan(r.text, d)) ?? r.text;
    bySpan.set(span, [...(bySpan.get(span) ?? []), ...r.sources]);
  }
  return [...bySpan].map(([span, sources]) => ({ span, sources }));
}

/** What each reading of a fact variant says of the fact (date, number, name), as a note quotes it. */
function factSpans(v: Variant, locale: string): string[] {
  const kept = v.readings[0]!.text;
  return v.readings.map((r, i) => {
    const [, other] = i === 0 ? differingSpans(v.readings[1]!.text, kept) : differingSpans(kept, r.text);
    return factSpan(r.text, v.differs, locale) ?? other;
  });
}

type NoteWords = ReturnType<typeof noteWordsFor>;
type BracketedWords = NoteWords & Required<Pick<NoteWords, 'bracketed'>>;

/**
 * `noteText` in a language that names each reading's sources in brackets after it (Japanese, Chinese, Korean,
 * Arabic, Hebrew): "資料により異なる：「1295」（A）、「1305」（B）。" — the same notes, with no preposition or verb
 * whose form would depend on a source's title.
 */
function bracketedNote(v: Variant, labelOf: (source: string) => string, locale: string, w: BracketedWords): string {
  const { open, close, colon, semicolon, stop, list } = w.bracketed;
  const q = w.quote;
  const labels = (r: Pick<Reading, 'sources'>) =>
    `${open}${[...new Set(r.sources.map((p) => labelOf(p.source)))].join(list)}${close}`;
  const readings = (parts: string[]) => parts.join(semicolon);
  if (v.kind === 'list') {
    const [listed, missing] = v.readings;
    const listedIn = `${w.listedIn}${labels(listed!)}`;
    return `${q(v.differs[0] ?? '')}${colon}${readings([listedIn, `${w.notListedIn}${labels(missing!)}`])}${stop}`;
  }
  if (v.kind === 'spelling') {
    const parts = v.readings.slice(1).map((r) => `${q(spelledSpan(v, r, locale))}${labels(r)}`);
    return `${w.alsoSpelled}${colon}${readings(parts)}${stop}`;
  }
  if (v.kind === 'claim' && v.differs.length) {
    const parts = claimSpans(v).map(({ span, sources }) => `${q(span)}${labels({ sources })}`);
    return `${w.differ}${colon}${readings(parts)}${stop}`;
  }
  if (v.kind === 'claim') {
    const [kept, ...others] = v.readings;
    const parts = [`${w.follows}${labels(kept!)}`, ...others.map((r) => `${q(r.text)}${labels(r)}`)];
    return `${w.worded}${colon}${readings(parts)}`;
  }
  const parts = factSpans(v, locale).map((quoted, i) => `${q(quoted)}${labels(v.readings[i]!)}`);
  return `${w.differ}${colon}${readings(parts)}${stop}`;
}

export interface Numbered {
  /** Each variant's note id and number when markers are in the text (mode `notes`). */
  variantId: ReadonlyMap<Variant, { id: string; number: number }>;
  /** Every variant in reading order (the sentences carrying them). */
  inOrder: readonly Variant[];
}

/** The guide's notes for the substantive variants whose sentence is in the book. */
export function apparatusNotes(
  mode: ApparatusMode,
  numbered: Numbered,
  book: Pick<Chaptered, 'sentenceBlock' | 'sectionId' | 'chapterOf'>,
  labelOf: (source: string) => string,
  locale = 'en',
): { notes: VariantNote[]; noteOf: Map<Variant, VariantNote> } {
  const notes: VariantNote[] = [];
  const noteOf = new Map<Variant, VariantNote>();
  for (const v of numbered.inOrder) {
    const block = v.at && book.sentenceBlock.get(v.at);
    if (!block || !SUBSTANTIVE.has(v.kind)) continue;
    const marked = numbered.variantId.get(v);
    const note: VariantNote = {
      id: marked?.id ?? `variant-${notes.length + 1}`,
      number: marked?.number ?? notes.length + 1,
      class: v.kind,
      text: noteText(v, labelOf, locale),
      chapter: book.chapterOf.get(v.section) ?? '',
      section: book.sectionId.get(v.section) ?? '',
      block,
      readings: v.readings.map((r) => ({ text: r.text, sources: r.sources.map((p) => ({ ...p })) })),
    };
    notes.push(note);
    noteOf.set(v, note);
  }
  return { notes, noteOf };
}

/** The report's records: every variant, its class and where readers see it. */
export function variantRecords(
  variants: readonly Variant[],
  mode: ApparatusMode,
  noteOf: ReadonlyMap<Variant, VariantNote>,
  book: Pick<Chaptered, 'sentenceBlock' | 'sectionId'>,
): NonNullable<MergeReport['variants']> {
  return variants.map((v) => {
    const note = noteOf.get(v);
    const shown = !note || mode === 'off' ? 'report' : mode === 'notes' ? 'note' : 'summary';
    return {
      class: v.kind,
      section: book.sectionId.get(v.section) ?? '',
      block: (v.at && book.sentenceBlock.get(v.at)) ?? '',
      differs: v.differs,
      readings: v.readings.map((r) => ({ text: r.text, sources: r.sources.map((p) => ({ ...p })) })),
      shown,
      note: note && shown !== 'report' ? note.id : undefined,
    };
  });
}

/** CollateX's alignment table over the book's sentences: one column per sentence, one row per witness. */
export function collation(
  outline: readonly WSection[],
  witnesses: readonly string[],
  sentenceBlock: ReadonlyMap<WSentence, string>,
): Collation {
  const rows = witnesses.map(() => [] as Collation['table'][number]);
  const status: boolean[] = [];
  for (const section of outline)
    for (const block of section.blocks)
      for (const sentence of block.sentences) {
        const readings = sentence.witnesses ?? new Map([[sentence.sources[0]!.source, sentence.text]]);
        const texts = new Set<string>();
        witnesses.forEach((w, i) => {
          const text = readings.get(w);
          if (text === undefined) {
            rows[i]!.push(null);
            return;
          }
          texts.add(text);
          const line = sentence.sources.find((p) => p.source === w)?.line ?? 1;
          rows[i]!.push([{ t: text, line, block: sentenceBlock.get(sentence) ?? '' }]);
        });
        status.push(texts.size > 1 || readings.size < witnesses.length);
      }
  return { witnesses: [...witnesses], table: rows, status };
}

export type { Apparatus };
