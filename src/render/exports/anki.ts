/**
 * Anki's text import (File → Import), with the file headers Anki reads so nothing needs setting by hand:
 * tab-separated, HTML fields, and columns for each note's id (so a later import updates notes instead of
 * duplicating them), note type, deck and tags. Cloze questions become notes of the stock `Cloze` type (the
 * answer as `{{c1::…}}` in its sentence); every other question a `Basic` note (question on the front, the
 * options of a multiple-choice question listed; the answer, its sentence and where on the back). Each
 * chapter is a subdeck of the guide's deck. Fields are HTML: `& < > "` are escaped and never break a field.
 */
import { hashOf } from '../../util/hash.js';
import { slugify } from '../../util/slug.js';
import { oneLine, type ExportItem, type ExportSet } from './items.js';
import { exportWriter } from './writer.js';

export function htmlEscape(text: string): string {
  return oneLine(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** A deck name part: Anki nests decks at `::`. */
const deckPart = (s: string) => oneLine(s).replace(/::/g, ':').trim();

function back(item: ExportItem): string {
  const quote = item.quote && item.kind !== 'disagreement' ? `<br><br><i>“${htmlEscape(item.quote)}”</i>` : '';
  const where = item.where ? `<br><small>${htmlEscape(item.where)}</small>` : '';
  return `${htmlEscape(item.answer)}${quote}${where}`;
}

function front(item: ExportItem): string {
  if (!item.choices.length) return htmlEscape(item.question);
  const options = item.choices.map((c) => `<li>${htmlEscape(c)}</li>`).join('');
  // No quotation mark anywhere in a field: Anki would take one opening a field for CSV quoting.
  return `${htmlEscape(item.question)}<ol type=A>${options}</ol>`;
}

function note(set: ExportSet, item: ExportItem): string[] {
  const guid = `quire-${hashOf(set.slug, item.question, item.answer).slice(0, 16)}`;
  const deck = `${deckPart(set.title)}::${deckPart(item.chapter.title)}`;
  const tags = `quire ${slugify(item.chapter.title)} ${item.kind}`;
  if (item.kind === 'cloze' && item.cloze) {
    const { before, answer, after } = item.cloze;
    const text = `${htmlEscape(before)}{{c1::${htmlEscape(answer)}}}${htmlEscape(after)}`;
    const extra = item.where ? htmlEscape(item.where) : '';
    return [guid, 'Cloze', deck, text, extra, tags];
  }
  return [guid, 'Basic', deck, front(item), back(item), tags];
}

export function toAnki(set: ExportSet): string {
  const headers = [
    '#separator:tab',
    '#html:true',
    '#guid column:1',
    '#notetype column:2',
    '#deck column:3',
    '#tags column:6',
    '#columns:GUID\tNote type\tDeck\tFront or Text\tBack or Back Extra\tTags',
  ];
  const rows = set.items.map((item) => note(set, item).join('\t'));
  return [...headers, ...rows, ''].join('\n');
}

export const writer = exportWriter({
  format: 'anki',
  title: 'Anki',
  file: (basename) => `${basename}.anki.txt`,
  render: toAnki,
});
