/**
 * Page references in the printed guide point at the words (issue #20): the answer key's page is the one the
 * quoted sentence starts on, and the index lists the pages its entry is named on — also where a paragraph
 * runs over a page break. Read from the built PDF with poppler, as a reader's tools read it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runQuire } from '../../support/cli.js';
import { ROOT } from '../../support/content.js';
import { pdfText } from '../../support/inspect.js';
import { labelsFor } from '../../../src/util/labels.js';
import { otherNamesOf } from '../../../src/study/states.js';

interface Guide {
  chapters: { title: string; sections: { blocks: { id: string; text: string }[] }[] }[];
  questions: { id: string; kind: string; quote?: string; block: string }[];
  index: { id: string; term: string; kind: string; mentions: string[] }[];
  glossaries: { ambassadors: { name: string; aliases: string[] }[]; treaties: { name: string; aliases: string[] }[] };
}

const labels = labelsFor('en');
/** Letters only, in lower case: line breaks, hyphens at line ends, note calls and punctuation aside. */
const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}]/gu, '');

let out: string;
let pdf: string;
let guide: Guide;
let html: string;
/** Each page's text (letters only), without its running head and its page number. */
let pages: string[];
let raw: string[];

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'quire-page-refs-'));
  const args = ['build', '--content', path.join(ROOT, 'content'), '--out', out, '--formats', 'html,json,pdf'];
  const r = await runQuire([...args, '--progress', 'silent']);
  expect(r.code, r.stderr).toBe(0);
  const file = (ext: string) =>
    path.join(
      out,
      readdirSync(out).find((f) => f.endsWith(ext) && f !== 'report.html')!,
    );
  pdf = file('.pdf');
  html = readFileSync(file('.html'), 'utf8');
  guide = JSON.parse(readFileSync(path.join(out, 'book.json'), 'utf8')) as Guide;
  const titles = new Set(guide.chapters.map((c) => c.title));
  raw = pdfText(pdf).split('\f');
  pages = raw.map((p) =>
    letters(
      p
        .split('\n')
        .filter((l) => !/^\s*\d+\s*$/.test(l) && !titles.has(l.trim()))
        .join('\n'),
    ),
  );
}, 300_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The first page (1-based) whose first line is a heading, at or after `from`. */
const pageHeaded = (heading: string, from = 0) =>
  raw.findIndex((p, i) => i >= from && p.trimStart().startsWith(heading)) + 1;

/** Whether `words` (letters only) start on page `n` (1-based): on it, or begun at its end and run on. */
function startsOn(words: string, n: number): boolean {
  const here = pages[n - 1] ?? '';
  const at = (here + (pages[n] ?? '')).indexOf(words);
  return at >= 0 && at < here.length;
}

describe('the answer key gives the page the quoted sentence starts on (the seed guide, built)', () => {
  it('for every question whose sentence the text holds', () => {
    const key = pageHeaded(labels.answerKey ?? 'Answer key');
    const end = pageHeaded(labels.index, key);
    expect(key).toBeGreaterThan(0);
    const text = raw.slice(key - 1, end - 1).join('\n');
    const refs = [
      ...text.matchAll(new RegExp(`${labels.see ?? 'See'} [^\\n]*?(?:\\n[^\\n]*?)?, p\\.\\s(\\d+)\\.`, 'g')),
    ];
    expect(refs.length).toBe(guide.questions.length);
    const blocks = new Map(guide.chapters.flatMap((c) => c.sections.flatMap((s) => s.blocks)).map((b) => [b.id, b]));
    const wrong: string[] = [];
    let checked = 0;
    for (const [i, q] of guide.questions.entries()) {
      // A disagreement "quotes" a reading ("listed: …"), not a sentence of the text.
      if (!q.quote || !letters(blocks.get(q.block)!.text).includes(letters(q.quote).slice(0, 30))) continue;
      checked++;
      const page = Number(refs[i]![1]);
      if (!startsOn(letters(q.quote).slice(0, 30), page)) wrong.push(`${q.id} (p. ${page}): ${q.quote.slice(0, 60)}`);
    }
    expect(checked).toBeGreaterThan(guide.questions.length / 2);
    expect(wrong).toEqual([]);
  });
});

describe('the index lists the pages its entries are named on (the seed guide, built)', () => {
  /** The index's entries as printed: term → pages, read column by column. */
  function printedIndex(): Map<string, number[]> {
    const first = pageHeaded(labels.index, pageHeaded(labels.answerKey ?? 'Answer key'));
    const lines: string[] = [];
    // pdftotext ends every page with a form feed: the text after the last one is no page.
    for (let page = first; page < raw.length; page++)
      for (const x of [0, 297]) {
        const args = ['-layout', '-f', String(page), '-l', String(page), '-x', String(x), '-y', '0', '-W', '298'];
        const column = execFileSync('pdftotext', [...args, '-H', '842', pdf, '-'], { encoding: 'utf8' });
        for (const line of column.split('\n'))
          if (/^\s+\d/.test(line) && lines.length) lines[lines.length - 1] += ` ${line.trim()}`;
          else if (line.trim()) lines.push(line.trim());
      }
    const out = new Map<string, number[]>();
    for (const line of lines) {
      const m = /^(.+?) ((?:\d+, )*\d+)$/.exec(line);
      if (m) out.set(m[1]!, m[2]!.split(', ').map(Number));
    }
    return out;
  }

  /** The names an entry may stand under: its term (a person's surname), other names, and what the text marks. */
  const mainName = (entry: Guide['index'][number]) =>
    entry.kind === 'person' && entry.term.includes(', ') ? entry.term.split(', ')[0]! : entry.term;

  function namesOf(entry: Guide['index'][number]): string[] {
    const main = mainName(entry);
    const glossary = [...guide.glossaries.ambassadors, ...guide.glossaries.treaties].filter(
      (g) => g.name === entry.term || g.name.endsWith(` ${main}`),
    );
    // The words the guide's HTML marks as this entry's mentions (spellings the index merged: "Potyomkin").
    const marked = [...html.matchAll(new RegExp(`<span id="${entry.id}-in-[^"]+">([^<]+)<`, 'g'))].map((m) => m[1]!);
    return [main, ...glossary.flatMap((g) => g.aliases), ...otherNamesOf(entry.term), ...marked].map(letters);
  }

  it('every page listed names the entry, and the page of every mention is listed', () => {
    const printed = printedIndex();
    const entries = guide.index.filter((e) => printed.has(e.term));
    expect(entries.length).toBeGreaterThan(guide.index.length * 0.9);
    const blocks = new Map(guide.chapters.flatMap((c) => c.sections.flatMap((s) => s.blocks)).map((b) => [b.id, b]));
    // The chapters' pages: the glossaries after them quote some of their sentences (a treaty's description).
    const bodyPages = pageHeaded(labels.ambassadors) - 1;
    expect(bodyPages).toBeGreaterThan(20);
    const unnamed: string[] = [];
    const missing: string[] = [];
    let located = 0;
    for (const entry of entries) {
      const listed = printed.get(entry.term)!;
      const names = namesOf(entry).filter((n) => n.length > 1);
      // A name broken over a page's end is indexed at the page it starts on ("Great" p. 35, "Terror" p. 36).
      for (const page of listed) if (!names.some((n) => startsOn(n, page))) unnamed.push(`${entry.term} ${page}`);
      // Where each block's first mention under the main name stands: the page holding the words around it.
      const main = mainName(entry).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      for (const id of new Set(entry.mentions)) {
        const text = blocks.get(id)?.text ?? '';
        const m = new RegExp(`(?<!\\p{L})${main}(?!\\p{L})`, 'u').exec(text);
        if (!m) continue;
        const windows = [
          text.slice(Math.max(0, m.index - 60), m.index + m[0].length),
          text.slice(m.index, m.index + 80),
        ].map(letters);
        const found = windows
          .map((w) => pages.slice(0, bodyPages).flatMap((p, i) => (p.includes(w) ? [i + 1] : [])))
          .find((where) => where.length === 1);
        if (!found) continue;
        located++;
        if (!listed.includes(found[0]!)) missing.push(`${entry.term}: ${id} on p. ${found[0]}, listed ${listed}`);
      }
    }
    expect(located).toBeGreaterThan(300);
    expect(unnamed).toEqual([]);
    expect(missing).toEqual([]);
  });
});

describe("the notes' links back to the text (the seed guide, built)", () => {
  it('give each page a call stands on once, in page order', () => {
    // "(p. 17, p. 21)" after a note: the pages of its calls. Two calls on one page are one page.
    const lists = raw.flatMap((p) =>
      [...p.matchAll(/\(((?:p\. \d+, )*p\. \d+)\)/g)].map((m) => m[1]!.split(', ').map((s) => Number(s.slice(3)))),
    );
    expect(lists.length).toBeGreaterThan(100);
    expect(lists.filter((l) => l.length > 1).length).toBeGreaterThan(0);
    expect(lists.filter((l) => new Set(l).size !== l.length)).toEqual([]);
    expect(lists.filter((l) => l.some((p, i) => i > 0 && p < l[i - 1]!))).toEqual([]);
  });
});
