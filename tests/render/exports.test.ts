/**
 * The exports of the seed guide's questions, read back the way the class's tools read them: GIFT through a
 * GIFT parser (gift-pegjs, Moodle's grammar), the QTI package unzipped and its XML parsed, Anki's file by its
 * headers and columns, the CSV by RFC 4180. Each export is checked against the questions it came from, and
 * made twice to show the same guide gives the same bytes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseGift } from 'gift-pegjs';
import { strFromU8, unzipSync } from 'fflate';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { mergeSources } from '../../src/merge/index.js';
import { addStudyAids } from '../../src/study/index.js';
import type { StudyGuide } from '../../src/model/index.js';
import { exportSet, type ExportItem, type ExportSet } from '../../src/render/exports/items.js';
import { giftEscape, toGift } from '../../src/render/exports/gift.js';
import { toQtiZip } from '../../src/render/exports/qti.js';
import { toAnki } from '../../src/render/exports/anki.js';
import { toCsv } from '../../src/render/exports/csv.js';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build as buildGuide } from '../../src/pipeline/build.js';
import { CONTENT, parseSeed, SEEDS, TEST_META } from '../support/content.js';

const build = () =>
  addStudyAids(
    mergeSources(
      [parseSeed(SEEDS.later, 4), parseSeed(SEEDS.plain, 3), parseSeed(SEEDS.dump, 2), parseSeed(SEEDS.key, 1)],
      { ...TEST_META, title: 'Germany–Soviet Union relations: 1918/1941' },
    ),
  );

let guide: StudyGuide;
let set: ExportSet;
beforeAll(() => {
  guide = build();
  set = exportSet(guide);
});

/** A set of one item whose text holds every character GIFT, XML, HTML and CSV treat specially. */
const TRICKY = 'A {b} ~c =d #e: f\\g <h> & "i", j;\tk';
function trickySet(kind: ExportItem['kind']): ExportSet {
  const item: ExportItem = {
    id: 'q-1',
    number: 1,
    kind,
    chapter: { id: 'c', title: 'Ch: one/two' },
    where: 'Ch: one/two',
    question: kind === 'cloze' ? `Complete: “${TRICKY} _____ end.”` : `Why ${TRICKY}?`,
    answer: kind === 'choice' ? 'Yes {1}' : 'the answer = 42 #1',
    choices: kind === 'choice' ? ['No ~2', 'Yes {1}', 'Maybe: 3'] : [],
    cloze: kind === 'cloze' ? { before: `${TRICKY} `, answer: 'the answer = 42 #1', after: ' end.' } : undefined,
    quote: `${TRICKY} the answer = 42 #1 end.`,
  };
  return { title: 'T: {x}', slug: 't-x', language: 'en', items: [item] };
}

describe('Moodle GIFT', () => {
  it('parses with a GIFT parser: one category per chapter, each question with its type and right answer', () => {
    const parsed = parseGift(toGift(set));
    const categories = parsed.filter((q) => q.type === 'Category');
    const questions = parsed.filter((q) => q.type !== 'Category');
    expect(categories.length).toBe(new Set(set.items.map((i) => i.chapter.id)).size);
    expect(categories[0]).toMatchObject({
      title: '$course$/top/Germany–Soviet Union relations: 1918//1941/Introduction',
    });
    expect(questions).toHaveLength(set.items.length);
    const expected = { choice: 'MC', cloze: 'Short', short: 'Short', cause: 'Essay', disagreement: 'Essay' };
    questions.forEach((q, i) => {
      const item = set.items[i]!;
      expect(q.type, item.id).toBe(expected[item.kind]);
      const gq = q as { choices?: { isCorrect: boolean; text: { text: string } }[]; globalFeedback: { text: string } };
      if (item.kind === 'choice') {
        expect(gq.choices!.map((c) => c.text.text)).toEqual(item.choices);
        expect(gq.choices!.filter((c) => c.isCorrect).map((c) => c.text.text)).toEqual([item.answer]);
      }
      if (item.kind === 'cloze' || item.kind === 'short') expect(gq.choices![0]!.text.text).toBe(item.answer);
      expect(gq.globalFeedback.text, item.id).toContain(item.answer);
    });
  });

  it('escapes ~ = # { } : and the backslash, so text comes back as it was written', () => {
    expect(giftEscape('a~b=c#d{e}f:g\\h')).toBe('a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h');
    for (const kind of ['choice', 'cloze', 'cause'] as const) {
      const [category, q] = parseGift(toGift(trickySet(kind))) as unknown as [{ title: string }, object];
      expect(category.title).toBe('$course$/top/T: {x}/Ch: one//two');
      const stem = (q as { stem: { text: string } }).stem.text;
      expect(stem, kind).toContain(TRICKY.replace('\t', ' '));
      if (kind === 'choice') {
        const choices = (q as { choices: { text: { text: string }; isCorrect: boolean }[] }).choices;
        expect(choices.map((c) => [c.text.text, c.isCorrect])).toEqual([
          ['No ~2', false],
          ['Yes {1}', true],
          ['Maybe: 3', false],
        ]);
      }
      if (kind === 'cloze')
        expect((q as { choices: { text: { text: string } }[] }).choices[0]!.text.text).toBe('the answer = 42 #1');
    }
  });
});

function xml(text: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => void errors.push(`${level}: ${message}`) }).parseFromString(
    text,
    'text/xml',
  );
  expect(errors).toEqual([]);
  return doc;
}
const all = (node: Document | Element, tag: string) => Array.from(node.getElementsByTagName(tag)) as Element[];

describe('QTI 1.2 package', () => {
  it('holds a manifest naming the assessment file, and the assessment has every question', () => {
    const files = unzipSync(toQtiZip(set, '2026-01-01'));
    const names = Object.keys(files);
    expect(names[0]).toBe('imsmanifest.xml');
    const manifest = xml(strFromU8(files['imsmanifest.xml']!));
    const resources = all(manifest, 'resource');
    expect(resources.map((r) => r.getAttribute('type'))).toEqual(['imsqti_xmlv1p2']);
    const href = all(resources[0]!, 'file')[0]!.getAttribute('href')!;
    expect(names).toEqual(['imsmanifest.xml', href]);

    const doc = xml(strFromU8(files[href]!));
    expect(doc.documentElement!.tagName).toBe('questestinterop');
    expect(all(doc, 'assessment')).toHaveLength(1);
    const items = all(doc, 'item');
    expect(items.map((i) => i.getAttribute('ident'))).toEqual(set.items.map((i) => i.id));
    const types = {
      choice: 'multiple_choice_question',
      cloze: 'short_answer_question',
      short: 'short_answer_question',
    };
    items.forEach((el, i) => {
      const item = set.items[i]!;
      const fields = all(el, 'qtimetadatafield').map((f) => [
        all(f, 'fieldlabel')[0]!.textContent,
        all(f, 'fieldentry')[0]!.textContent,
      ]);
      const type = Object.fromEntries(fields)['question_type'];
      expect(type, item.id).toBe(types[item.kind as keyof typeof types] ?? 'essay_question');
      expect(all(el, 'presentation')[0]!.getElementsByTagName('mattext')[0]!.textContent).toBe(item.question);
      if (item.kind === 'choice') {
        const correct = all(el, 'varequal')[0]!.textContent;
        const label = all(el, 'response_label').find((l) => l.getAttribute('ident') === correct)!;
        expect(label.getElementsByTagName('mattext')[0]!.textContent).toBe(item.answer);
        expect(all(el, 'response_label')).toHaveLength(item.choices.length);
      }
      if (item.kind === 'cloze' || item.kind === 'short') expect(all(el, 'varequal')[0]!.textContent).toBe(item.answer);
      expect(all(el, 'itemfeedback')[0]!.textContent).toContain(item.answer);
    });
  });

  it('carries text with markup characters as text', () => {
    const files = unzipSync(toQtiZip(trickySet('choice'), '2026-01-01'));
    const doc = xml(strFromU8(files['quire-t-x/quire-t-x.xml']!));
    expect(all(doc, 'mattext')[0]!.textContent).toBe(`Why ${TRICKY}?`);
  });
});

describe('Anki text import', () => {
  it('starts with the headers Anki reads, and every note has its columns: id, type, deck, fields, tags', () => {
    const lines = toAnki(set).split('\n');
    expect(lines.slice(0, 6)).toEqual([
      '#separator:tab',
      '#html:true',
      '#guid column:1',
      '#notetype column:2',
      '#deck column:3',
      '#tags column:6',
    ]);
    const rows = lines.filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));
    expect(rows).toHaveLength(set.items.length);
    rows.forEach((row, i) => {
      const item = set.items[i]!;
      expect(row).toHaveLength(6);
      expect(row[1]).toBe(item.kind === 'cloze' ? 'Cloze' : 'Basic');
      expect(row[2]).toBe(`Germany–Soviet Union relations: 1918/1941::${item.chapter.title}`);
      if (item.kind === 'cloze') expect(row[3]).toContain(`{{c1::${item.answer}}}`);
      else expect(row[4]).toContain(item.answer.replace(/&/g, '&amp;').replace(/"/g, '&quot;'));
      expect(row.join('\t')).not.toMatch(/"/);
    });
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
    expect(rows.filter((r) => r[1] === 'Cloze').length).toBeGreaterThan(0);
  });

  it('escapes HTML and keeps a tab inside the text from splitting the note', () => {
    const [row] = toAnki(trickySet('cause'))
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    const cells = row!.split('\t');
    expect(cells).toHaveLength(6);
    expect(cells[3]).toBe('Why A {b} ~c =d #e: f\\g &lt;h&gt; &amp; &quot;i&quot;, j; k?');
  });
});

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted || (c !== ',' && c !== '\r')) field += c;
    else if (c === ',') endField();
    else if (text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  return rows;
}

describe('flashcard CSV', () => {
  it('is RFC 4180: a header, one record per question, CRLF line ends', () => {
    const text = toCsv(set);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['Front', 'Back', 'Kind', 'Chapter']);
    expect(rows.slice(1).map((r) => r[2])).toEqual(set.items.map((i) => i.kind));
    rows.slice(1).forEach((r, i) => {
      expect(r).toHaveLength(4);
      expect(r[1]).toContain(set.items[i]!.answer);
    });
  });

  it('quotes commas and quotation marks, and reads back to the same text', () => {
    const rows = parseCsv(toCsv(trickySet('choice')));
    expect(rows[1]![0]).toBe(`Why ${TRICKY}? (A) No ~2 (B) Yes {1} (C) Maybe: 3`);
  });
});

describe('determinism', () => {
  it('gives the same bytes for the same guide, built twice', () => {
    const again = exportSet(build());
    expect(toGift(again)).toBe(toGift(set));
    expect(toAnki(again)).toBe(toAnki(set));
    expect(toCsv(again)).toBe(toCsv(set));
    expect(Buffer.from(toQtiZip(again, '2026-01-01')).equals(Buffer.from(toQtiZip(set, '2026-01-01')))).toBe(true);
  });
});

describe('the export writers in a build', () => {
  it('write each asked-for export once, keep it when nothing changed, and leave the others out', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'quire-exports-'));
    try {
      const formats = ['gift', 'qti', 'anki', 'csv'] as const;
      await buildGuide({ contentDir: CONTENT, outDir: out, progress: 'silent', formats: [...formats] });
      const names = readdirSync(out).filter((n) => !n.startsWith('.'));
      const ends = ['.gift', '.qti.zip', '.anki.txt', '.flashcards.csv'];
      expect(names.sort()).toEqual(ends.map((e) => names.find((n) => n.endsWith(e))!).sort());
      const gift = names.find((n) => n.endsWith('.gift'))!;
      const first = readFileSync(path.join(out, gift), 'utf8');
      expect(parseGift(first).filter((q) => q.type !== 'Category').length).toBeGreaterThan(20);
      const before = statSync(path.join(out, gift)).mtimeMs;
      await buildGuide({ contentDir: CONTENT, outDir: out, progress: 'silent', formats: [...formats] });
      expect(readFileSync(path.join(out, gift), 'utf8')).toBe(first);
      expect(statSync(path.join(out, gift)).mtimeMs).toBe(before);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
