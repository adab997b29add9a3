/**
 * Moodle's GIFT format (Question bank → Import → GIFT): one category per chapter; multiple choice as MC,
 * cloze as a missing-word question, short answers as Short, cause and disagreement questions as essays.
 * Every question carries the answer, the sentence it stands in and where, as general feedback (`####`).
 * GIFT's control characters (~ = # { } :) and the backslash are escaped with a backslash wherever text
 * goes; a category line is read as written, so its names only have their slashes doubled.
 */
import { QUESTION_BLANK } from '../../model/index.js';
import { explanation, oneLine, type ExportItem, type ExportSet } from './items.js';
import { exportWriter } from './writer.js';

/** Text inside a question: GIFT's control characters escaped. */
export function giftEscape(text: string): string {
  return oneLine(text).replace(/[\\~=#{}:]/g, (c) => `\\${c}`);
}

function category(set: ExportSet, chapter: string): string {
  // The rest of a category line is the path as written (no escapes); a slash in a name is doubled.
  const part = (s: string) => oneLine(s).replace(/\//g, '//');
  return `$CATEGORY: $course$/top/${part(set.title)}/${part(chapter)}`;
}

function answerBlock(item: ExportItem): string {
  const feedback = `####${giftEscape(explanation(item))}`;
  switch (item.kind) {
    case 'choice':
      return ['{', ...item.choices.map((c) => `${c === item.answer ? '=' : '~'}${giftEscape(c)}`), feedback, '}'].join(
        '\n',
      );
    case 'short':
    case 'cloze':
      return `{=${giftEscape(item.answer)}${feedback}}`;
    default:
      return `{${feedback}}`;
  }
}

function question(item: ExportItem): string {
  const title = `::${giftEscape(`${item.number}. ${item.kind}`)}::`;
  const parts = item.question.split(QUESTION_BLANK);
  if (item.kind === 'cloze' && parts.length === 2) {
    // A missing-word question: the answer block stands where the blank is.
    return `${title}${giftEscape(parts[0]!)}${answerBlock(item)}${giftEscape(parts[1]!)}`;
  }
  return `${title}${giftEscape(item.question)}${answerBlock(item)}`;
}

export function toGift(set: ExportSet): string {
  const lines = [`// ${oneLine(set.title)}: review questions, for Moodle (Question bank → Import → GIFT format).`, ''];
  let chapter: string | undefined;
  for (const item of set.items) {
    if (item.chapter.id !== chapter) {
      chapter = item.chapter.id;
      lines.push(category(set, item.chapter.title), '');
    }
    lines.push(`// ${item.id} (${item.kind})`, question(item), '');
  }
  return lines.join('\n');
}

export const writer = exportWriter({
  format: 'gift',
  title: 'Moodle GIFT',
  file: (basename) => `${basename}.gift`,
  render: toGift,
});
