/**
 * What a template the table (templates.ts) does not know becomes, read from what it is given and where it
 * stands rather than from its name alone — the templates of 300 wikis cannot all be listed:
 *
 * - an image-carrying template (`{{double image}}`, `{{wide image}}`): its files, as figures with captions;
 * - a flag template, named after a country in a language Intl knows (`{{Argentinien}}`) or by an ISO 3166
 *   code with an optional year (`{{DEU-1935}}`): the country's name in the article's language;
 * - a number and its unit (`{{unité|30|To}}`): "30 To";
 * - a template given a date (`{{FormatDate|2002-09-23}}`): the date, written in the article's language;
 *   given a version or number and at most short switches (`{{Version|o|0.1}}`): that number;
 * - a template named by a two-letter language code (`{{zh|…}}`): its text;
 * - inside a citation (`{{OCLC|…}}`, `{{sep entry|…}}`): its readable values (identifiers, titles, dates);
 * - given numbered parameters (`title1=`, `length1=`, `title2=`…): a list, one item a number, with a warning;
 * - inside a line, given up to three positional parameters of plain text and nothing else: that text, with
 *   a warning.
 *
 * Anything else is dropped by the caller with a warning; so is a template standing alone on its line with
 * nothing given (a navigation box or a table kept on the wiki), even when its name is a country's. Parameters
 * are looked at in their source text and converted only once the guess is made, so that a template left out
 * leaves no note and no warning of what is inside it.
 */
import * as chrono from 'chrono-node';
import type { PhrasingContent } from 'mdast';
import type { Args } from './templates.js';
import { regionByCode, regionByName, regionName } from './regions.js';

/** An unknown template as the reader met it. */
export interface Unknown {
  /** Its name as written (`Template:` and underscores removed). */
  name: string;
  args: Args;
  /** Its source text (files are looked for in it, nested templates included). */
  source: string;
  /** It stands on a line of its own at the top level. */
  alone: boolean;
  /** It is in a table's cell. */
  inCell: boolean;
  /** It is inside a citation (or a heading): no notes here. */
  inCitation: boolean;
  /** The article's language (BCP 47). */
  language: string;
}

export type Guess =
  | { kind: 'text'; nodes: PhrasingContent[]; warn?: { rule: string; verb: string } }
  | { kind: 'list'; items: PhrasingContent[][]; warn: { rule: string; verb: string } }
  | { kind: 'figures'; images: { file: string; caption: string }[]; box?: boolean };

const text = (value: string): PhrasingContent[] => [{ type: 'text', value }];

/** A parameter's phrasing without the blanks around it (`| title1 = Savannah`). */
function trimmed(nodes: PhrasingContent[]): PhrasingContent[] {
  const out = [...nodes];
  const blank = (n: PhrasingContent | undefined) => n?.type === 'break' || (n?.type === 'text' && !n.value.trim());
  while (blank(out[0])) out.shift();
  while (blank(out[out.length - 1])) out.pop();
  const first = out[0];
  if (first?.type === 'text') out[0] = { ...first, value: first.value.trimStart() };
  const last = out[out.length - 1];
  if (last?.type === 'text') out[out.length - 1] = { ...last, value: last.value.trimEnd() };
  return out;
}

/* ---------- images ---------- */

const IMAGE_FILE = /(?:^|[=|])\s*([^=|{}[\]<>\n]+?\.(?:jpe?g|png|gif|svg|tiff?|webp|xcf))\s*(?=[|}]|$)/gi;
const SIZE_OR_PLACE = /^(\d+\s*(px)?|\d*x\d+px|left|right|center|centre|none|upright(=.*)?|thumb|frame)$/i;

/** A caption's parameter in the wikis' languages (`caption`, `légende`, `Bildbeschreibung`, `설명`, `تعليق`). */
const CAPTION_KEY = new RegExp(
  'caption|légende|legende|beschreibung|leyenda|didascalia|legenda|bijschrift|onderschrift|подпись' +
    '|설명|説明|キャプション|说明|說明|تعليق|شرح',
  'iu',
);

/**
 * A box of named values standing on its own line (`{{Enzyme|Name=…|EC_number=…}}`, `{{Weather box|…}}`):
 * five named parameters given and nothing positional. It is read as an infobox is (dropped with
 * `dropped-infobox`, or a table of its values with `infobox: table`).
 */
export function isBox(args: Args, alone: boolean): boolean {
  if (!alone || args.positional.some((k) => args.raw(k))) return false;
  return args.keys.filter((k) => !/^\d+$/.test(k) && args.raw(k)).length >= 5;
}

/**
 * A box of facts with pictures (an infobox under a name of another wiki's), not numbered pictures side by side
 * (`{{multiple image|image1=…}}`, `bild1`/`bild2`, `immagine1`/`immagine2`, `foto1`/`foto2`).
 */
function isFactBox(u: Unknown): boolean {
  if (!isBox(u.args, u.alone)) return false;
  const numbered = new Set(u.args.keys.flatMap((k) => /^(\p{L}+)1$/u.exec(k)?.slice(1) ?? []));
  return !u.args.keys.some((k) => /^image\d+$/.test(k) || numbered.has(/^(\p{L}+)2$/u.exec(k)?.[1] ?? ''));
}

/** The files of an image-carrying template, each with the caption given for it (or all captions joined). */
function images(u: Unknown, box: boolean): { file: string; caption: string }[] {
  const files = [...new Set([...u.source.matchAll(IMAGE_FILE)].map((m) => m[1]!.trim()))];
  if (!files.length) return [];
  // Numbered images (`{{multiple image|image1=…|caption1=…|image2=…}}`): each with its own caption, in the
  // order of their numbers; a `footer` (said of them all) closes the last one's.
  const numbered = u.args.keys
    .flatMap((k) => {
      const n = /^image(\d+)$/.exec(k)?.[1];
      return n !== undefined && u.args.text(k).trim() ? [{ k, n: Number(n) }] : [];
    })
    .sort((a, b) => a.n - b.n);
  if (numbered.length) {
    const footer = u.args.text('footer').trim();
    return numbered.map(({ k, n }, i) => {
      const own = u.args.text(`caption${n}`).trim();
      const caption = i === numbered.length - 1 && footer ? [own, footer].filter(Boolean).join(' ') : own;
      return { file: u.args.text(k).trim(), caption };
    });
  }
  // A box of facts with a picture (an infobox of another wiki): only a caption's parameter captions it, not
  // the box's other values.
  if (box) {
    const caption = u.args.keys.find((k) => CAPTION_KEY.test(k) && u.args.text(k).trim());
    return files.map((file, i) => ({ file, caption: i === 0 && caption ? u.args.text(caption).trim() : '' }));
  }
  const keys = u.args.keys.filter((k) => !/^(alt|width|height|align|position|direction|link|float)\d*$/.test(k));
  const captions = keys
    .map((k) => u.args.text(k))
    .filter((v) => v && !files.some((f) => v.includes(f)) && !SIZE_OR_PLACE.test(v) && /\p{L}{2}/u.test(v))
    .filter((v) => /\s/.test(v) || u.args.has('caption') || u.args.has('text'));
  return files.map((file, i) => ({
    file,
    caption: captions.length === files.length ? captions[i]! : i === 0 ? captions.join(' ') : '',
  }));
}

/* ---------- countries ---------- */

/**
 * A flag template's country: its name as written when it is a country's name, else the name of its code
 * in the article's language. A code with a year that names no country today (`{{RHO-1968}}`) is shown as
 * it is written, with a warning.
 */
function country(u: Unknown): Guess | undefined {
  if (u.alone && !u.args.keys.length) return undefined;
  const languages = [...new Set([u.language, 'en'])];
  if (regionByName(u.name, languages)) return { kind: 'text', nodes: text(u.name) };
  const byCode = regionByCode(u.name);
  if (byCode?.region) return { kind: 'text', nodes: text(regionName(byCode.region, u.language)) };
  if (!byCode || !/-\d{4}$/.test(u.name.trim())) return codeGiven(u);
  const verb = `shown as its code "${byCode.code}" (a flag of a country Intl does not know)`;
  return { kind: 'text', nodes: text(byCode.code), warn: { rule: 'guessed-template', verb } };
}

/**
 * A template given one three-capital code and nothing else, in a table cell (`{{ru|SCO}}`: a team's flag
 * and name, the winner of a match): an ISO 3166 code's country, else the code as written, with a warning.
 * Elsewhere such a code is more often an external link's key (`* {{stortingetbio|MSE}}`).
 */
function codeGiven(u: Unknown): Guess | undefined {
  if (!u.inCell || u.args.keys.length !== 1 || u.args.positional[0] !== '1') return undefined;
  const byCode = regionByCode(u.args.raw('1'));
  if (!byCode || byCode.code.length !== 3) return undefined;
  if (byCode.region) return { kind: 'text', nodes: text(regionName(byCode.region, u.language)) };
  const verb = `shown as its code "${byCode.code}"`;
  return { kind: 'text', nodes: text(byCode.code), warn: { rule: 'guessed-template', verb } };
}

/* ---------- dates and numbers ---------- */

/** A whole ISO date; year and month alone are left out (`2011-12` is as often a season). */
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const VERSION = /^v?\d+(?:[.,]\d+)*[a-z]?$/i;
/** A switch beside a template's value: `o`, `nbsp`, `ref` (short, lower case, no digits). */
const SWITCH = /^[a-z]{1,5}$/;

function formatDate(date: Date, language: string, day: boolean): string {
  const style: Intl.DateTimeFormatOptions = day
    ? { dateStyle: 'long', timeZone: 'UTC' }
    : { year: 'numeric', month: 'long', timeZone: 'UTC' };
  try {
    return new Intl.DateTimeFormat(language, style).format(date);
  } catch {
    return new Intl.DateTimeFormat('en', style).format(date);
  }
}

type ChronoParse = (text: string) => chrono.ParsedResult[];

/** chrono's parser for a language (English when it has none). */
function chronoFor(language: string): ChronoParse {
  const base = language.split('-')[0]!;
  const locale = (chrono as unknown as Record<string, { parse?: ChronoParse } | undefined>)[base];
  return typeof locale?.parse === 'function' ? locale.parse.bind(locale) : chrono.parse.bind(chrono);
}

/** A value that is a whole date (ISO, or one chrono reads entirely, with a year): the date as written. */
export function dateText(value: string, language: string): string | undefined {
  const v = value.trim();
  const iso = ISO_DATE.exec(v);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (month < 1 || month > 12 || date.getUTCDate() !== day) return undefined;
    return formatDate(date, language, true);
  }
  if (!/\d{4}/.test(v) || !/\p{L}/u.test(v)) return undefined;
  const found = chronoFor(language)(v);
  const one = found.length === 1 ? found[0]! : undefined;
  if (!one || one.text.trim() !== v || !one.start.isCertain('year') || !one.start.isCertain('month')) return undefined;
  const part = (c: 'year' | 'month' | 'day') => one.start.get(c) ?? 1;
  const date = new Date(Date.UTC(part('year'), part('month') - 1, part('day')));
  return formatDate(date, language, one.start.isCertain('day'));
}

/** The positional parameters' source texts, switches left aside. */
function values(u: Unknown): string[] {
  return u.args.positional
    .map((k) => u.args.raw(k))
    .filter((v) => /[\p{L}\p{N}]/u.test(v.replace(/&[a-z]+;/g, '')) && !SWITCH.test(v));
}

/** A number as written: digits with separators and a sign (`30`, `1.5`, `-2,5`, `1 000`). */
const NUMBER = /^[-−+]?\d[\d\s.,\u00a0\u202f]*$/u;
/**
 * A unit after a number: a metric unit with its prefix (`kg`, `km²`, `MW`, `GHz`), bytes as English and French
 * write them (`GB`, `To`), a percentage, a currency, a time, an area or a scale (`Mio.`, `Mrd.`): not any short
 * word (`{{Tri|5|cinq}}` is a sort key, `{{sup|2|nd}}` an ordinal).
 */
const UNIT = new RegExp(
  String.raw`^(?:[YZEPTGMkhdcmµnp]?(?:m|g|s|l|L|t|W|V|A|Hz|Pa|J|N|Wh|eV|bar)[²³23]?|[kKMGTP]i?[Bbo]|` +
    String.raw`[KMGTP]o|%|‰|°[CF]?|K|€|\$|£|¥|CHF|h|min|ha|km\/h|m\/s|ft|in|mi|yd|lb|oz|ac|` +
    String.raw`Mio\.?|Mrd\.?|Mia\.?|mln|mld|bn|mn)$`,
  'u',
);

/**
 * A number and its unit, inside a line (`{{unité|30|To}}`, `{{Einheit|1,5|kg}}`): "30 To". Only positional values,
 * the first a number, then one or two units.
 */
function quantity(u: Unknown): string | undefined {
  const given = u.args.positional.map((k) => u.args.raw(k).trim()).filter(Boolean);
  if (u.alone || given.length < 2 || given.length > 3 || u.args.keys.length !== u.args.positional.length)
    return undefined;
  const [number, ...units] = given;
  // A number with leading zeros is a key ("0001"), not a quantity.
  if (!NUMBER.test(number!) || /^0\d/.test(number!) || !units.every((w) => UNIT.test(w))) return undefined;
  return given.join('\u00a0');
}

function dateOrNumber(u: Unknown): string | undefined {
  const given = values(u);
  if (given.length !== 1) return undefined;
  const value = given[0]!;
  const date = dateText(value, u.language);
  if (date || !VERSION.test(value)) return date;
  // A catalogue's number under its catalogue's name (`{{BNF|37707942}}`, `{{DNB-Portal|119317079}}`): a number
  // of six digits or more alone says nothing; with the name, a reader can look it up ("BNF 37707942").
  return /^\d{6,}$/.test(value) && /^\p{Lu}{2,}/u.test(u.name.trim()) ? `${u.name.trim()} ${value}` : value;
}

/* ---------- language text ---------- */

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** A two-letter language code as a template's name (`{{zh|…}}`); longer codes are too often words (`see`). */
function isLanguageName(name: string): boolean {
  const code = name.trim().toLowerCase();
  try {
    return /^[a-z]{2}$/.test(code) && !!languageNames.of(code);
  } catch {
    return false;
  }
}

/** The Unicode scripts a language is written in (Intl's likely script: `ru` Cyrillic, `zh` Han). */
function scriptOf(code: string): RegExp | undefined {
  try {
    const script = new Intl.Locale(code).maximize().script ?? '';
    const scripts = { Hans: 'Hani', Hant: 'Hani', Jpan: 'Hani|Hira|Kana', Kore: 'Hang|Hani' }[script] ?? script;
    return new RegExp(
      scripts
        .split('|')
        .map((one) => `\\p{Script=${one}}`)
        .join('|'),
      'u',
    );
  } catch {
    return undefined;
  }
}

/**
 * A language-named template's text, when it is written in that language's script: `{{zh|v=huǒ hú 火狐}}`
 * is Chinese text, `{{ru|Scotland}}` (a rugby team's flag) is not Russian.
 */
function languageText(u: Unknown): PhrasingContent[] | undefined {
  if (!isLanguageName(u.name)) return undefined;
  const script = scriptOf(u.name.trim().toLowerCase());
  const inScript = (v: string) => !!script?.test(v);
  const last = u.args.positional[u.args.positional.length - 1];
  if (last) return inScript(u.args.raw(last)) ? u.args.rich(last) : undefined;
  const named = u.args.keys.filter((k) => /\p{L}/u.test(u.args.raw(k)));
  if (!named.some((k) => inScript(u.args.raw(k)))) return undefined;
  return text(named.map((k) => u.args.text(k)).join(', '));
}

/* ---------- citations ---------- */

/** A value a reader can use in a citation: not a path or slug (`c/cynics.htm`, `max-stirner`), not a switch. */
const readable = (v: string) => !!v && (!/[/\\()]|^[a-z0-9-_.]+$/.test(v) || /^\d[\d-]*$/.test(v));

/** An identifier: `680251053`, `1703-7603`, `10.1000/182`. */
const IDENTIFIER = /^[\dX][\dX./:-]*$/i;

/**
 * A link template: its first positional parameter an entry's path or slug (`c/cynics.htm`, `godwin`), a
 * title after it; none of them markup (a file, a link, a template).
 */
function isLinkTemplate(u: Unknown): boolean {
  const given = u.args.positional.map((k) => u.args.raw(k));
  const [first = '', ...rest] = given;
  if (given.some((v) => /[[\]{}<>]/.test(v)) || !/^\S+$/.test(first)) return false;
  const slug = /[/)]/.test(first) || (/^[a-z0-9_.-]+$/.test(first) && !SWITCH.test(first));
  return slug && rest.some((v) => /\p{L}/u.test(v) && readable(v) && !SWITCH.test(v));
}

/** An identifier template: a name in capitals, every positional parameter an identifier (`{{PMID|123}}`). */
function isIdentifierTemplate(u: Unknown): boolean {
  const given = u.args.positional.map((k) => u.args.raw(k));
  return /^[A-Z]{2,6}$/.test(u.name) && given.length > 0 && given.every((v) => IDENTIFIER.test(v));
}

function citationText(u: Unknown): string | undefined {
  const keys = u.args.positional.filter((k) => readable(u.args.raw(k)) && !SWITCH.test(u.args.raw(k)));
  const shown = keys.map((k) => u.args.text(k)).filter(Boolean);
  if (!shown.length) return undefined;
  const acronym = /^[A-Z]{2,6}$/i.test(u.name) && u.name === u.name.toUpperCase();
  return `${acronym ? `${u.name} ` : ''}${shown.join(', ')}`;
}

/* ---------- numbered parameters ---------- */

/**
 * A template of numbered named parameters and nothing positional (`{{Tracklist|title1=…|length1=…|title2=…}}`):
 * one list item per number, its values in the order their names first appear, joined by dashes.
 */
function numberedList(u: Unknown): PhrasingContent[][] | undefined {
  if (u.inCitation || u.args.positional.some((k) => u.args.raw(k))) return undefined;
  const byNumber = new Map<number, string[]>();
  const stems: string[] = [];
  for (const key of u.args.keys) {
    const m = /^(.*?\p{L})[ _-]?(\d+)$/u.exec(key);
    if (!m || !u.args.raw(key)) continue;
    if (!stems.includes(m[1]!)) stems.push(m[1]!);
    byNumber.set(Number(m[2]), [...(byNumber.get(Number(m[2])) ?? []), key]);
  }
  if (byNumber.size < 2) return undefined;
  const order = (key: string) => stems.findIndex((stem) => key.startsWith(stem));
  return [...byNumber.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, keys]) =>
      keys
        .sort((a, b) => order(a) - order(b))
        .flatMap((key, i) => [...(i ? text(' – ') : []), ...trimmed(u.args.rich(key))]),
    );
}

/* ---------- the guess ---------- */

/**
 * Up to three positional parameters of plain text and nothing named, inside a line (`{{Lbs|Hunstanton}}`,
 * `{{SortKeyName|José Antonio|Álvarez Jonte}}`): their text, joined by spaces. A parameter that repeats
 * those before it is a link target or sort key (`…|Cornelio|Saavedra|Cornelio Saavedra (Politiker)`), one
 * of letters and digits an identifier (`{{In Our Time|Anarchism|p0038x9t|Anarchism}}`): left out. Codes
 * and identifiers alone (`{{stortingetbio|MSE}}`, an external link's key) are not text: the result needs a
 * word in lower case (or in a script without case). A first value that is a language's code in lower case,
 * before the text it labels (`{{langi|lt|Jogaila}}`), is the text's language, not text: left out.
 */
function positionalText(u: Unknown): PhrasingContent[] | undefined {
  const keys = u.args.positional;
  if (u.alone || !keys.length || keys.length > 3 || keys.length !== u.args.keys.length) return undefined;
  const raws = keys.map((k) => u.args.raw(k));
  if (raws.some((v) => /[{}[\]<>]/.test(v))) return undefined;
  const kept: string[] = [];
  keys.forEach((k, i) => {
    const so = kept.map((key) => u.args.raw(key)).join(' ');
    const v = raws[i]!;
    const id = /^(?=\S*\d)(?=\S*\p{L})\S+$/u.test(v);
    const code = i === 0 && keys.length > 1 && /^[a-z]{2}$/.test(v) && isLanguageName(v);
    if (v && !id && !code && !(kept.length && v.startsWith(so)) && !kept.some((key) => u.args.raw(key) === v))
      kept.push(k);
  });
  const joined = kept.map((k) => u.args.raw(k)).join(' ');
  if (!/\p{Ll}{2}|\p{Lo}{2}/u.test(joined) || joined.length > 80) return undefined;
  return kept.flatMap((k, i) => [...(i ? text(' ') : []), ...trimmed(u.args.rich(k))]);
}

/* ---------- ordinals ---------- */

/**
 * A number or Roman numeral with an ordinal's ending, and up to two words after it: the name of a template
 * that writes itself (`{{1re}}`, `{{3e}}`, `{{XXe siècle}}`, `{{Ier}}`, `{{2nd}}`).
 */
const ORDINAL_NAME = /^(?:\d{1,4}|[IVXLCDM]{1,7})(?:e|er|re|ère|ème|eme|es|nd|st|rd|th|º|ª|°)(?: \p{L}+){0,2}$/u;

/** A template given nothing and named by an ordinal, inside a line: its name is its text. */
function ordinalText(u: Unknown): string | undefined {
  if (u.alone || u.args.keys.length || !ORDINAL_NAME.test(u.name.trim())) return undefined;
  return u.name.trim();
}

export function guessUnknown(u: Unknown): Guess | undefined {
  const ordinal = ordinalText(u);
  if (ordinal) return { kind: 'text', nodes: text(ordinal) };
  const box = isFactBox(u);
  const files = images(u, box);
  if (files.length) return { kind: 'figures', images: files, ...(box ? { box: true } : {}) };
  const place = country(u);
  if (place) return place;
  const amount = quantity(u);
  if (amount)
    return { kind: 'text', nodes: text(amount), warn: { rule: 'guessed-template', verb: 'shown as a quantity' } };
  const value = dateOrNumber(u);
  if (value) return { kind: 'text', nodes: text(value) };
  const spoken = languageText(u);
  if (spoken) return { kind: 'text', nodes: spoken };
  if (u.inCitation || isLinkTemplate(u) || isIdentifierTemplate(u)) {
    const cited = citationText(u);
    if (cited) return { kind: 'text', nodes: text(cited) };
  }
  const items = numberedList(u);
  if (items)
    return { kind: 'list', items, warn: { rule: 'guessed-template', verb: 'shown as a list, one item a number' } };
  const shown = positionalText(u);
  if (shown) return { kind: 'text', nodes: shown, warn: { rule: 'guessed-template', verb: 'shown as its text' } };
  return undefined;
}
