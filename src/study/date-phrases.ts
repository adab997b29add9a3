/**
 * Timeline labels in languages whose clauses the English rules cannot read: the sentence, with the whole date
 * phrase taken out ("… vanaf 1986 tot 1989 aktief betrokke …" → "… aktief betrokke …", not "vanaf tot"), or
 * kept as it is where taking it out would not read (a date phrase that opens a sentence of a verb-second
 * language: "Im Juni 1982 erhielt sie …" would start with its verb). Per language: the words a date phrase is
 * made of before its date (prepositions, articles, parts of a year) and the words that join a range.
 */
import { baseLanguage } from '../util/language.js';

interface DatePhraseTable {
  /** Words that stand in a date phrase before the date: "in die somer van", "teen die einde van", "Anfang". */
  before: string[];
  /** Words that join the two ends of a range: "von 1977 bis 1979", "tussen 1981 en 1988". */
  joiners: string[];
}

const list = (words: string) => words.split('|');

const TABLES: Record<string, DatePhraseTable> = {
  af: {
    before: list(
      'in|op|vanaf|sedert|sedertdien|teen|tot|voor|na|gedurende|tussen|omstreeks|rondom|die|van|einde|begin|' +
        'middel|helfte|somer|winter|lente|herfs|laat|vroeg|jaar|jare|maand',
    ),
    joiners: list('tot|en|-|–'),
  },
  nl: {
    before: list(
      'in|op|vanaf|sinds|sedert|tegen|tot|voor|na|gedurende|tussen|omstreeks|rond|de|het|van|eind|einde|' +
        'begin|midden|helft|zomer|winter|lente|voorjaar|herfst|najaar|laat|vroeg|jaar|jaren|maand',
    ),
    joiners: list('tot|en|-|–'),
  },
  de: {
    before: list(
      'in|im|am|an|ab|seit|bis|von|vom|zwischen|um|gegen|nach|vor|während|anfang|ende|mitte|sommer|winter|' +
        'frühjahr|frühling|herbst|jahr|jahre|jahren|jahres|des|der|dem|den|die|das|zum|zur|spätestens|frühestens',
    ),
    joiners: list('bis|und|-|–'),
  },
  fr: {
    before: list(
      'en|le|la|les|l|au|aux|du|de|des|dès|depuis|jusqu|vers|avant|après|pendant|entre|début|fin|milieu|été|' +
        'hiver|printemps|automne|courant|année|mois',
    ),
    joiners: list('à|au|et|-|–'),
  },
  es: {
    before: list(
      'en|el|la|los|las|de|del|desde|hasta|hacia|antes|después|durante|entre|principios|finales|mediados|' +
        'verano|invierno|primavera|otoño|año|mes',
    ),
    joiners: list('a|al|y|hasta|-|–'),
  },
  pt: {
    before: list(
      'em|no|na|nos|nas|o|a|os|as|de|do|da|desde|até|antes|depois|durante|entre|início|fim|final|meados|' +
        'verão|inverno|primavera|outono|ano|mês',
    ),
    joiners: list('a|até|e|-|–'),
  },
};

type Place = { label: string; index: number; event?: boolean };

/** A label of at most this many characters; a longer sentence is cut at a clause boundary before it. */
const MAX = 160;

function tidy(text: string): string {
  return text
    .replace(/\s*\([^()]*\)/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:])/g, '$1')
    .replace(/([,;:])(?:\s*[,;:])+/g, '$1')
    .trim()
    .replace(/^[,;:\s]+|[\s,;:.]+$/g, '');
}

/**
 * The sentence tidied; a long one cut at the last clause boundary that fits, when that keeps the clause the
 * date stood in (at `at`, a place in the untidied text), else whole.
 */
function trimmed(text: string, at = 0): string {
  const mark = '\u2063';
  const t = tidy(`${text.slice(0, at)}${mark}${text.slice(at)}`);
  const pos = t.indexOf(mark);
  const unmark = (x: string) => tidy(x.replace(mark, ''));
  const plain = unmark(t);
  if (plain.length <= MAX) return plain;
  const cuts = [...t.matchAll(/[,;:]\s/g)].map((m) => m.index).filter((i) => i <= MAX && i > Math.max(30, pos));
  return cuts.length ? unmark(t.slice(0, cuts.at(-1))) : plain;
}

/** The label of a date in a sentence of a language the English rules do not read. */
export function foreignLabel(sentence: string, date: Place, all: readonly Place[], language: string): string {
  // A date in brackets glosses the name before them ("Sara C. Bisel (* 13. Mai 1932 in Johnstown; …)").
  const open = sentence.lastIndexOf('(', date.index);
  const close = sentence.indexOf(')', date.index);
  if (open >= 0 && close > date.index && !sentence.slice(open, date.index).includes(')')) {
    const inner = sentence.slice(open + 1, close);
    const at = date.index - open - 1;
    const parts = inner.split(';');
    let from = 0;
    const part = parts.find((p) => (from += p.length + 1) > at)?.trim() ?? inner;
    const name =
      tidy(sentence.slice(0, open))
        .split(/[,;:]\s/)
        .at(-1) ?? '';
    if (name) return `${name} (${part})`;
  }
  const table = TABLES[baseLanguage(language)];
  if (!table) return trimmed(sentence);
  const joiners = table.joiners.map(escape).join('|');
  // The end of a range ("vanaf 1986 tot 1989"): its start tells the event, when it is one.
  const range = new RegExp(`(?:${joiners})\\s*$`, 'iu').exec(sentence.slice(0, date.index).trimEnd());
  const from = range && all.find((d) => /^\s*$/.test(sentence.slice(d.index + d.label.length, range.index)));
  if (from && from.event !== false) return '';
  let start = from ? from.index : date.index;
  let end = date.index + date.label.length;
  // The other end of a range: "von 1977 bis 1979".
  for (;;) {
    const joiner = new RegExp(`^\\s*(?:${joiners})\\s*`, 'iu').exec(sentence.slice(end));
    const next = joiner && all.find((d) => d.index === end + joiner[0].length);
    if (!next) break;
    end = next.index + next.label.length;
  }
  // The words of the date phrase before it: "teen die einde van", "In die somer van".
  const before = new Set(table.before);
  for (;;) {
    const m = /(?<!\p{L})(\p{L}+)\s+$/u.exec(sentence.slice(0, start));
    if (!m || !before.has(m[1]!.toLowerCase())) break;
    start = m.index;
  }
  // A date phrase that opens the sentence: without it the sentence would open with its verb.
  if (!/\p{L}/u.test(sentence.slice(0, start))) return trimmed(sentence, start);
  return trimmed(`${sentence.slice(0, start)} ${sentence.slice(end)}`, start);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
