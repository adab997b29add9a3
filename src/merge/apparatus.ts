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

const joinLabels = (labels: string[], and: string) =>
  labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} ${and} ${labels.at(-1)}`;

const TOKEN = /\S+/g;
const norm = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
/** A token that belongs with a differing one: part of a date, a number or a name. */
const binds = (t: string) => /^\p{Lu}|^\d/u.test(t);

/** The words of each reading that differ from the other, with the date or name words around them. */
export function differingSpans(a: string, b: string): [string, string] {
  const ta = a.match(TOKEN) ?? [];
  const tb = b.match(TOKEN) ?? [];
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
  return [span(ta, changedA, a), span(tb, changedB, b)];
}

function span(tokens: string[], changed: Set<number>, whole: string): string {
  if (!changed.size) return whole;
  let start = Math.min(...changed);
  let end = Math.max(...changed);
  for (let k = 0; k < 3 && start > 0 && binds(tokens[start - 1]!); k++) start--;
  for (let k = 0; k < 3 && end + 1 < tokens.length && binds(tokens[end + 1]!); k++) end++;
  if (end - start > 12) return whole;
  return tokens
    .slice(start, end + 1)
    .join(' ')
    .replace(/^[("“'‘]+|[.,;:)"”'’]+$/gu, '');
}

/**
 * The words of `text` that state the differing facts (`differs`, folded), each with the words that make it
 * a date or a name around it ("16" → "April 16, 1920"); undefined when none is found.
 */
export function factSpan(text: string, differs: readonly string[], locale: string): string | undefined {
  const tokens = text.match(TOKEN) ?? [];
  const wanted = new Set(differs.map(foldWord));
  const months = new Set(monthsOf(locale).map(foldWord));
  const isDatePart = (t: string) => /^\d/.test(t) || months.has(foldWord(t));
  const hits = tokens.flatMap((t, i) => (wanted.has(foldWord(t)) ? [i] : []));
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
    while (start > 0 && i - start < 3 && bind(tokens[start - 1]!) && !stop(tokens[start - 1]!)) start--;
    while (end + 1 < tokens.length && end - i < 3 && bind(tokens[end + 1]!) && !stop(tokens[end]!)) end++;
    const last = clusters.at(-1);
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else clusters.push([start, end]);
  }
  const strip = (t: string) => t.replace(/^[("“'‘]+|[.,;:)"”'’]+$/gu, '');
  return clusters.map(([a, b]) => strip(tokens.slice(a, b + 1).join(' '))).join(' … ');
}

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
    const [kept, ...others] = v.readings;
    const spelled = (r: Variant['readings'][number]) =>
      factSpan(r.text, v.differs, locale) ?? differingSpans(kept!.text, r.text)[1];
    return `${w.alsoSpelled} ${others.map((r) => `${q(spelled(r))} (${labels(r)})`).join(`${semicolon} `)}.`;
  }
  if (v.kind === 'claim' && v.differs.length) {
    // Same facts, another claim: the words that differ (claims.ts), each with every reading that has them.
    const bySpan = new Map<string, Variant['readings'][number]['sources']>();
    for (const r of v.readings) {
      const span = v.differs.find((d) => readsSpan(r.text, d)) ?? r.text;
      bySpan.set(span, [...(bySpan.get(span) ?? []), ...r.sources]);
    }
    const quoted = [...bySpan].map(([span, sources]) => `${q(span)} ${w.in} ${labels({ text: span, sources })}`);
    return `${w.differ}${colon} ${quoted.join(`${semicolon} `)}.`;
  }
  if (v.kind === 'claim') {
    const [kept, ...others] = v.readings;
    const verb = (r: Variant['readings'][number]) => (labelsOf(r).length > 1 ? w.readMany : w.reads);
    const quoted = others.map((r) => `${labels(r)} ${verb(r)} ${q(r.text)}`).join(`${semicolon} `);
    return `${w.worded}${colon} ${w.follows} ${labels(kept!)}${semicolon} ${quoted}`;
  }
  const kept = v.readings[0]!.text;
  const parts = v.readings.map((r, i) => {
    const [, other] = i === 0 ? differingSpans(v.readings[1]!.text, kept) : differingSpans(kept, r.text);
    const quoted = factSpan(r.text, v.differs, locale) ?? other;
    return `${q(quoted)} ${w.in} ${labels(r)}`;
  });
  return `${w.differ}${colon} ${parts.join(`${semicolon} `)}.`;
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
