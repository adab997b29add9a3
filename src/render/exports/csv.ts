/**
 * Flashcards as CSV (RFC 4180), for any flashcard or spreadsheet tool: a header row, then one card per
 * question — Front (the question, with a multiple-choice question's options), Back (the answer with the
 * sentence it stands in and where), Kind, Chapter. CRLF line ends; a field with a comma, a quotation mark or
 * a line break is quoted, its quotation marks doubled. UTF-8 without a byte-order mark.
 */
import { explanation, type ExportItem, type ExportSet } from './items.js';
import { exportWriter } from './writer.js';

export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function frontOf(item: ExportItem): string {
  if (!item.choices.length) return item.question;
  return `${item.question} ${item.choices.map((c, i) => `(${String.fromCharCode(65 + i)}) ${c}`).join(' ')}`;
}

export function toCsv(set: ExportSet): string {
  const rows = [
    ['Front', 'Back', 'Kind', 'Chapter'],
    ...set.items.map((item) => [frontOf(item), explanation(item), item.kind, item.chapter.title]),
  ];
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export const writer = exportWriter({
  format: 'csv',
  title: 'Flashcards CSV',
  file: (basename) => `${basename}.flashcards.csv`,
  render: toCsv,
});
