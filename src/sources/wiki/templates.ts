/**
 * What the reader does with each template, as data: a table from template name to a renderer that puts its
 * visible text into the tree (convert, lang, date, flag, list, quote, note templates…), plus the kinds that
 * are dropped — hatnotes, maintenance and layout templates (one summary warning), infoboxes. Any other name
 * is an unknown template (one warning per name). Renderers are small shared functions; the table only says
 * which one serves which name and with what argument.
 */
import type { PhrasingContent } from 'mdast';
import { convertText } from './convert.js';
import { phrasingText } from './phrasing.js';
import { regionByCode, regionName } from './regions.js';

/** A template's arguments, converted on demand (so a dropped template's refs never become notes). */
export interface Args {
  /** Positional keys present, in order: '1', '2'… */
  readonly positional: string[];
  /** Every key given, positional and named, in the order written. */
  readonly keys: string[];
  /** The article's language (BCP 47), for the names and dates a template shows. */
  readonly language: string;
  has(key: string): boolean;
  /** The first non-empty value among `keys`, as phrasing. */
  rich(...keys: string[]): PhrasingContent[];
  /** The first non-empty value among `keys`, as plain text. */
  text(...keys: string[]): string;
  /** A parameter's source text, trimmed, unconverted (so that looking at it makes no note and no warning). */
  raw(key: string): string;
  /** A parameter's items: the lines of a bullet list written in it (`* a\n* b`), as phrasing. */
  items(key: string): PhrasingContent[][];
}

/** Where a renderer puts what it makes. At block level a quote or list is a block; inline it is text. */
export interface Out {
  inline(nodes: PhrasingContent[]): void;
  quote(body: PhrasingContent[], attribution: string | undefined): void;
  list(items: PhrasingContent[][]): void;
  /** A line of its own at block level (a title), text inline. */
  paragraph(children: PhrasingContent[]): void;
  /** A footnote: `key` shares one note between identical uses (sfn) or names it (efn|name=). */
  note(text: string, key?: string): void;
}

export type Render = (args: Args, out: Out) => void;

export type TemplateRule =
  | { kind: 'render'; render: Render }
  | { kind: 'hatnote' }
  | { kind: 'maintenance' }
  | { kind: 'infobox' }
  | { kind: 'citation' }
  | { kind: 'unknown' };

const text = (value: string): PhrasingContent => ({ type: 'text', value });

/* ---------- renderers ---------- */

/** The first non-empty of these parameters. */
const param =
  (...keys: string[]): Render =>
  (a, out) =>
    out.inline(a.rich(...keys));

/** `{{webarchive|url=…|date=…}}`: the archive's address, as a link (with its date when given). */
const archived: Render = (a, out) => {
  const given = a.raw('url') || a.raw('1');
  if (!/^https?:\/\/\S+$/i.test(given)) return;
  const date = a.text('date', '2');
  // {{Wayback|url=…|date=20070220074134}}: the original's address and the archive's timestamp.
  const stamp = /^\d{8,14}$/.test(date) && !/archive\.org\//.test(given) ? date : undefined;
  const url = stamp ? `https://web.archive.org/web/${stamp}/${given}` : given;
  const shown = stamp ? '' : date;
  out.inline([text(' '), { type: 'link', url, children: [text(url)] }, ...(shown ? [text(` (${shown})`)] : [])]);
};
/** `{{PDFlink|[https://… title]|size}}`: the link it wraps (a note's title and address), marked as a PDF. */
const wrappedLink: Render = (a, out) => out.inline([...a.rich('1'), text(' (PDF)')]);

/** The last positional parameter (`{{transl|ar|DIN|text}}`, `{{small|x}}`). */
const lastParam: Render = (a, out) => {
  const last = a.positional[a.positional.length - 1];
  if (last) out.inline(a.rich(last));
};

const literal =
  (value: string): Render =>
  (_a, out) =>
    out.inline([text(value)]);

/** Positional parameters joined: `{{sortname|Ada|Lovelace}}` → "Ada Lovelace". */
const joined =
  (separator: string, keys?: string[]): Render =>
  (a, out) => {
    const parts = (keys ?? a.positional).map((k) => a.rich(k)).filter((p) => phrasingText(p).trim());
    out.inline(parts.flatMap((p, i) => (i ? [text(separator), ...p] : p)));
  };

const languageNames = new Map<string, Intl.DisplayNames>();

/** A language's name written in the article's language (`lt` in a Russian article: "литовский"). */
function languageName(code: string, inLanguage = 'en'): string | undefined {
  try {
    let names = languageNames.get(inLanguage);
    if (!names)
      languageNames.set(inLanguage, (names = new Intl.DisplayNames([inLanguage, 'en'], { type: 'language' })));
    const name = names.of(code.trim());
    return name && name !== code.trim() ? name : undefined;
  } catch {
    return undefined;
  }
}

/** `{{lang-de|Text}}`: "German: Text", as Wikipedia shows it; the name in the article's language. */
const langPrefixed =
  (code: string): Render =>
  (a, out) => {
    const name = languageName(code, a.language);
    out.inline([...(name ? [text(`${name}: `)] : []), ...a.rich('1', 'text')]);
  };

/** `{{de icon}}`: "(in German)"; in an article of another language, the language's name in brackets. */
const languageIcon =
  (code: string): Render =>
  (a, out) => {
    const english = a.language.split('-')[0] === 'en';
    const name = languageName(code, a.language);
    if (name) out.inline([text(english ? `(in ${name})` : `(${name})`)]);
  };

const IPAC_LABELS = new Set(['lang', 'pron', 'local', 'us', 'uk', 'also', 'ipa', 'ukalso', 'usalso']);

/** `{{IPAc-en|ˈ|dʒ|ɜːr|m|ə|n}}`: the pieces joined between slashes. */
const ipac: Render = (a, out) => {
  const pieces = a.positional
    .map((k) => a.text(k))
    .filter((p) => !IPAC_LABELS.has(p.toLowerCase()) && !/\.(ogg|oga|wav|mp3|flac|opus)$/i.test(p));
  if (pieces.length) out.inline([text(`/${pieces.join('')}/`)]);
};

// prettier-ignore
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

/** A month parameter as a name: "3", "03", "March" and "Mar" are all "March". */
function monthName(m: string): string | undefined {
  const t = m.trim();
  if (/^\d+$/.test(t)) return MONTHS[Number(t) - 1];
  return t.length >= 3 ? MONTHS.find((name) => name.toLowerCase().startsWith(t.toLowerCase().slice(0, 3))) : undefined;
}

/** A date from year, month, day parameters: "June 24, 1941", or "24 June 1941" with df=y. */
function formatDate(y: string, m: string, d: string, dayFirst: boolean): string {
  const month = monthName(m);
  if (!/^\d+$/.test(y.trim())) return [d, m, y].filter((s) => s.trim()).join(' ');
  if (!month) return y.trim();
  const day = /^\d+$/.test(d.trim()) ? String(Number(d)) : '';
  if (!day) return `${month} ${y.trim()}`;
  return dayFirst ? `${day} ${month} ${y.trim()}` : `${month} ${day}, ${y.trim()}`;
}

const dayFirst = (a: Args) => /^(y|yes|on|1|true)$/i.test(a.text('df'));

/** `{{start date|1997|5|16}}`, `{{birth date|…}}`: the date; `offset` skips leading parameters. */
const dateAt =
  (offset = 0): Render =>
  (a, out) => {
    const [y = '', m = '', d = ''] = [1, 2, 3].map((i) => a.text(String(i + offset)));
    if (y) out.inline([text(formatDate(y, m, d, dayFirst(a)))]);
  };

/** `{{death date and age|1999|3|4|1920|1|2}}`: the date and the age at death. */
const deathDateAndAge: Render = (a, out) => {
  const [y = 0, m = 0, d = 0, by = 0, bm = 0, bd = 0] = ['1', '2', '3', '4', '5', '6'].map((k) => Number(a.text(k)));
  if (!y) return;
  let age = y - by;
  if ((m || 1) < (bm || 1) || ((m || 1) === (bm || 1) && (d || 1) < (bd || 1))) age--;
  const date = formatDate(a.text('1'), a.text('2'), a.text('3'), dayFirst(a));
  out.inline([text(by ? `${date} (aged ${age})` : date)]);
};

/**
 * `{{dts|2010|5|3}}` or `{{dts|3 May 2010}}`; some wikis write day, month, year (`{{dts|3|5|2010}}`,
 * `{{dts|||1810}}`): the year is the value of four digits, empty parts left out.
 */
const dts: Render = (a, out) => {
  const keys = a.positional.filter((k) => a.text(k));
  const values = keys.map((k) => a.text(k));
  if (keys.length === 1) return out.inline(a.rich(keys[0]!));
  if (/^\d{3,4}$/.test(values[0] ?? ''))
    return out.inline([text(formatDate(values[0]!, values[1] ?? '', values[2] ?? '', dayFirst(a)))]);
  const [d = '', m = '', y = ''] = values.length === 3 ? values : ['', ...values];
  if (/^\d{3,4}$/.test(y)) return out.inline([text(formatDate(y, m, d, true))]);
  out.inline(a.rich(keys[0] ?? '1'));
};

/**
 * `{{flag|Germany}}`: the country as written (a second parameter names a variant); `{{flagcountry|DEU}}`: an
 * ISO code is the country's name in the article's language.
 */
const flag: Render = (a, out) => {
  const region = a.has('name') ? undefined : regionByCode(a.text('1'))?.region;
  out.inline(region ? [text(regionName(region, a.language))] : a.rich('name', '1'));
};

/** `{{FN|a}}`: a footnote's mark, raised; `{{FNZ|a|text}}`: the footnote, its mark before its text. */
const footnoteMark: Render = (a, out) => {
  const mark = a.text('1');
  if (mark) out.inline([{ type: 'superscript', children: [text(mark)] }]);
  if (a.has('2')) out.inline([text(' '), ...a.rich('2')]);
};

/** `{{convert|3|km|mi}}`. */
const convert: Render = (a, out) => {
  const named = (key: string) => a.text(key);
  out.inline([
    text(
      convertText(
        a.positional.map((k) => a.text(k)),
        named,
      ),
    ),
  ]);
};

/** `{{ubl|a|b}}`, `{{hlist|a|b}}`: each positional parameter an item. */
const positionalList: Render = (a, out) => {
  const items = a.positional.map((k) => a.rich(k)).filter((i) => phrasingText(i).trim());
  if (items.length) out.list(items);
};

/** `{{plainlist|\n* a\n* b}}`: the bullet list written in the parameter. */
const bulletList: Render = (a, out) => {
  const items = a.items('1');
  if (items.length) out.list(items);
};

/** `{{columns-list|colwidth=30em|\n* a\n* b}}`: the bullet list written in its last positional parameter. */
const lastList: Render = (a, out) => {
  const last = a.positional[a.positional.length - 1];
  const items = last ? a.items(last) : [];
  if (items.length) out.list(items);
};

/** A quote template: its text, and "Author, Work" from the given parameters. */
const quoteOf =
  (body: string[], author: string[], work: string[]): Render =>
  (a, out) => {
    const who = [a.text(...author), a.text(...work)].filter(Boolean).join(', ');
    out.quote(a.rich(...body), who || undefined);
  };

/** `{{efn|text}}`, `{{refn|name=x|text}}`: a note. */
const noteOf: Render = (a, out) => {
  const body = phrasingText(a.rich('1', 'text', 'content', 'תוכן'))
    .replace(/\s+/g, ' ')
    .trim();
  const name = a.text('name', 'שם');
  if (body || name) out.note(body, name ? `note-${name}` : undefined);
};

/** `{{sfn|Smith|Jones|2005|p=25}}`: "Smith & Jones 2005, p. 25", one note for identical uses. */
const shortCitation: Render = (a, out) => {
  const parts = a.positional.map((k) => a.text(k)).filter(Boolean);
  const yearAt = parts.findIndex((p) => /^(\d{3,4}[a-z]?|n\.d\.|nd)$/i.test(p));
  const authors = yearAt === -1 ? parts : parts.slice(0, yearAt);
  const year = yearAt === -1 ? '' : parts[yearAt]!;
  const who = authors.length > 3 ? `${authors[0]} et al.` : authors.join(authors.length === 2 ? ' & ' : ', ');
  const page = a.text('p', 'page');
  const pages = a.text('pp', 'pages');
  const loc = page ? `p. ${page}` : pages ? `pp. ${pages}` : a.text('loc', 'at');
  const cite = [[who, year].filter(Boolean).join(' '), loc].filter(Boolean).join(', ');
  if (cite) out.note(cite, `sfn-${cite.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`);
};

/** `{{harvs|nb|last=El-Bizri|year=2005a|year2=2005b}}`: "El-Bizri 2005a, 2005b", a note as `{{sfn}}` makes. */
const harvs: Render = (a, out) => {
  const numbered = (stem: string) => ['', '1', '2', '3', '4'].map((n) => a.text(`${stem}${n}`)).filter(Boolean);
  const authors = [...new Set(numbered('last').concat(numbered('author')))];
  const years = [...new Set(numbered('year'))];
  const who = authors.length > 3 ? `${authors[0]} et al.` : authors.join(authors.length === 2 ? ' & ' : ', ');
  const page = a.text('p', 'page')
    ? `p. ${a.text('p', 'page')}`
    : a.text('pp', 'pages')
      ? `pp. ${a.text('pp', 'pages')}`
      : '';
  const cite = [[who, years.join(', ')].filter(Boolean).join(' '), page].filter(Boolean).join(', ');
  if (cite) out.note(cite, `sfn-${cite.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`);
};

/** `{{bar percent|Label|colour|12.5}}`: "Label: 12.5%". */
const barPercent: Render = (a, out) => out.inline([...a.rich('1'), text(`: ${a.text('3')}%`)]);

/** `{{bar box|title=…|bars={{bar percent|…}}…}}`: its title, then a list of its bars. */
const barBox: Render = (a, out) => {
  const title = a.rich('title');
  if (phrasingText(title).trim()) out.paragraph(title);
  const bars = a.items('bars');
  if (bars.length) out.list(bars);
};

/** `{{sic|teh}}`: "teh [sic]". */
const sic: Render = (a, out) => {
  joined('')(a, out);
  if (!/^(y|yes)$/i.test(a.text('hide'))) out.inline([text(' [sic]')]);
};

/** `{{ISBN|…}}`: "ISBN …". */
const isbn: Render = (a, out) => out.inline([text(`ISBN ${a.text('1')}`)]);

/**
 * `{{as of|2010|5}}`: "As of May 2010"; `{{as of|2025|March|27}}`: "As of 27 March 2025" (day first unless
 * df=US); `alt=` replaces the whole text; `lc=y` writes "as of".
 */
const asOf: Render = (a, out) => {
  const alt = a.rich('alt');
  if (phrasingText(alt).trim()) return out.inline(alt);
  const [y = '', m = '', d = ''] = ['1', '2', '3'].map((k) => a.text(k));
  const date = formatDate(y, m, d, !/^us$/i.test(a.text('df')));
  out.inline([text(`${a.text('lc') ? 'as' : 'As'} of ${date}`)]);
};

/** `{{circa|1900}}`: "c. 1900"; `{{reign|1900|1910}}`: "r. 1900–1910". */
const prefixed =
  (prefix: string, separator = '–'): Render =>
  (a, out) => {
    const parts = a.positional.map((k) => a.text(k)).filter(Boolean);
    if (parts.length) out.inline([text(`${prefix}${parts.join(separator)}`)]);
  };

/** `{{frac|1|2}}`: "1/2"; `{{frac|3|1|2}}`: "3 1/2". */
const frac: Render = (a, out) => {
  const [x = '', y = '', z = ''] = a.positional.map((k) => a.text(k));
  out.inline([text(z ? `${x} ${y}/${z}` : y ? `${x}/${y}` : `1/${x}`)]);
};

/** `{{val|1.23|e=5|u=m}}`: "1.23×10^5 m". */
const val: Render = (a, out) => {
  const e = a.text('e');
  const unit = a.text('u', 'ul');
  const range = a.text('2') ? `–${a.text('2')}` : '';
  out.inline([text(`${a.text('1')}${range}${e ? `×10^${e}` : ''}${unit ? ` ${unit}` : ''}`)]);
};

/** `{{USS|Enterprise|CV-6}}`: "USS Enterprise (CV-6)". */
const shipPrefix =
  (prefix: string): Render =>
  (a, out) =>
    out.inline([text(`${prefix} ${a.text('1')}${a.text('2') ? ` (${a.text('2')})` : ''}`)]);

/** `{{nihongo|Tokyo|東京|Tōkyō}}`: "Tokyo (東京, Tōkyō)". */
const nihongo: Render = (a, out) => {
  const extra = [a.text('2'), a.text('3')].filter(Boolean).join(', ');
  out.inline([...a.rich('1'), ...(extra ? [text(` (${extra})`)] : [])]);
};

/** `{{lit|the rising sun}}`: "lit. 'the rising sun'". */
const literally: Render = (a, out) => {
  const parts = a.positional.map((k) => a.text(k)).filter(Boolean);
  if (parts.length) out.inline([text(`lit. ‘${parts.join('’ or ‘')}’`)]);
};

/** `{{respell|JUR|mən}}`: "JUR-mən". */
const respell: Render = (a, out) => out.inline([text(a.positional.map((k) => a.text(k)).join('-'))]);

/**
 * French centuries: `{{s|XIX}}` "XIXe siècle", `{{s-|XX|e}}` "XXe s.", `{{-s|III}}` "IIIe siècle av. J.-C.",
 * `{{s|I|er}}` "Ier siècle". In an article of another language (`{{s|…}}` is English's strikethrough) or
 * given no Roman numeral, the text as given.
 */
const century =
  (word: string): Render =>
  (a, out) => {
    const numeral = a.text('1');
    if (!/^[IVXLC]+$/.test(numeral) || a.language.split('-')[0] !== 'fr') return out.inline(a.rich('1'));
    const ending = a.text('2') || (numeral === 'I' ? 'er' : 'e');
    out.inline([text(`${numeral}${ending} ${word}`)]);
  };

/* ---------- the table ---------- */

const RENDER: Record<string, Render> = {};
const add = (render: Render, ...names: string[]) => names.forEach((n) => (RENDER[n] = render));

const numberFormats = new Map<string, Intl.NumberFormat>();
/**
 * A number as the article's language groups its digits (`{{formatnum:2898062}}`, `{{число|65300}}` in Russian:
 * "2 898 062"), its decimals as given; with `unformat` (`{{formatnum:…|R}}`), the digits alone. A value that is
 * not a plain number is given back as it is.
 */
export function formatNumber(value: string, language: string, unformat = false): string {
  const v = value.trim();
  if (unformat) return /^-?[\d,\s\u00a0\u202f]+(?:\.\d+)?$/u.test(v) ? v.replace(/[,\s\u00a0\u202f]/gu, '') : v;
  const m = /^(-?\d+)(?:\.(\d+))?$/.exec(v);
  if (!m) return v;
  const decimals = m[2]?.length ?? 0;
  const key = `${language}\u0000${decimals}`;
  let format = numberFormats.get(key);
  if (!format) {
    const options = { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
    format = new Intl.NumberFormat([language, 'en'], options);
    numberFormats.set(key, format);
  }
  // The digits as written (a string is formatted exactly; a number past 2^53 would lose its last digits).
  return format.format(v as unknown as number);
}

/** `{{число|65300|км²}}`, `{{nombre|3000000|habitants}}`: the number grouped, then its unit if one is given. */
const groupedNumber: Render = (a, out) => {
  const unit = a.text('2');
  out.inline([text(`${formatNumber(a.text('1'), a.language)}${unit ? `\u00a0${unit}` : ''}`)]);
};

add(convert, 'convert', 'cvt', 'convert/flip', 'convert/2');
add(param('2', 'text'), 'lang', 'langx');
add(lastParam, 'transl', 'transliteration', 'small', 'smaller', 'big', 'larger', 'resize', 'nobold', 'noitalic');
add(param('1'), 'ipa', 'ipa-all', 'nowrap', 'nobr', 'no wrap', 'abbr', 'abbrlink', 'nastaliq', 'script', 'korean');
add(param('1'), 'noflag', 'unicode', 'ipa2', 'angle bracket', 'nihongo', 'linktext', 'proper name');
add(param('2', '1'), 'sort');
add(param('2', '1'), 'url', 'official website', 'sortname2');
add(param('lt', '1'), 'ill', 'interlanguage link', 'interlanguage link multi', 'link-interwiki');
add(ipac, 'ipac-en', 'ipac-de', 'ipac-fr', 'ipac-es', 'ipac-it', 'ipac-pl');
add(dateAt(), 'start date', 'end date', 'birth date', 'death date', 'film date', 'release date');
add(joined(' '), 'date', 'datum', 'dato');
add(dateAt(), 'birth date and age', 'start date and age', 'end date and age', 'birth year and age');
add(deathDateAndAge, 'death date and age');
add(dts, 'dts', 'date table sorting', 'sort date');
add(flag, 'flag', 'flagcountry', 'flagu', 'flag country', 'flagdeco', 'country');
add(positionalList, 'ubl', 'unbulleted list', 'hlist', 'bulleted list', 'blist', 'ordered list', 'plain list');
add(lastList, 'columns-list', 'div col list');
add(bulletList, 'plainlist', 'flatlist', 'endplainlist', 'startplainlist');
add(quoteOf(['1', 'text', 'quote'], ['author', '2', 'sign', 'cite'], ['source', 'title', '3']), 'quote', 'blockquote');
add(quoteOf(['1', 'text', 'quote'], ['author', '4', 'sign'], ['source', 'title', '5']), 'cquote', 'rquote');
add(quoteOf(['1', 'text', 'quote'], ['author', '2'], ['source', '3']), 'quotation', 'quote box', 'pull quote');
add(quoteOf(['text', '1'], ['autor', '2', 'author'], ['quelle', '3', 'source']), 'zitat', 'citaat', 'aanhaling');
add(quoteOf(['1', 'text', 'sitat'], ['2', 'author', 'kilde'], ['3', 'source']), 'sitat', 'cita', 'citação', 'cytat');
add(quoteOf(['1', 'texte', 'citation'], ['2', 'auteur'], ['3', 'source']), 'citation bloc', 'bloc citation');
add(quoteOf(['1', 'testo'], ['2', 'autore'], ['3', 'opera', 'fonte']), 'citazione');
add(quoteOf(['1', 'текст', 'цитата'], ['2', 'автор'], ['3', 'источник']), 'цитата');
// Hebrew {{ציטוט|תוכן=…|מקור=…}}, Arabic {{اقتباس}}, Turkish {{Alıntı}}.
add(quoteOf(['תוכן', '1'], ['מחבר', '2'], ['מקור', '3']), 'ציטוט');
add(quoteOf(['1', 'نص', 'اقتباس'], ['2', 'المؤلف', 'قائل'], ['3', 'المصدر']), 'اقتباس');
add(quoteOf(['1', 'alıntı', 'metin'], ['2', 'yazar'], ['3', 'kaynak']), 'alıntı');
add(noteOf, 'efn', 'efn-ua', 'efn-lr', 'efn-lg', 'efn-ur', 'refn', 'notetag', 'efn-la');
// A note written as a template: Hebrew {{הערה|…}} (its wiki's <ref>), Japanese {{注釈|…}}.
add(noteOf, 'הערה', '注釈');
add(harvs, 'harvs', 'harvard citations');
add(shortCitation, 'sfn', 'sfnp', 'harvnb', 'harv', 'harvp', 'harvtxt', 'sfnm');
add(literal(' – '), 'snd', 'spaced ndash', 'spnd', 'sndash');
add(literal('–'), 'ndash', 'en dash', '–');
add(literal('—'), 'mdash', 'em dash', '—', 'emdash');
add(literal(' — '), 'spaced mdash', 'mdashb', 'spaced em dash');
add(footnoteMark, 'fn', 'fnz');
// An archived copy of a cited page (often the only one that still answers): its address, in the note.
add(archived, 'webarchive', 'wayback', 'archive url', 'webarchiv');
add(wrappedLink, 'pdflink', 'pdf');
add(prefixed('ISSN ', ', '), 'issn');
add(prefixed('OCLC ', ', '), 'oclc');
add(literal('\u00a0'), 'nbsp', '0');
add(literal("'"), "'", 'apostrophe');
add(literal('"'), '"', 'quotation mark');
add(literal("'s"), "'s");
add(literal('N/A'), 'n/a', 'na');
add(literal('Yes'), 'yes', 'y');
add(literal('No'), 'no', 'n');
add(literal('CO₂'), 'co2', 'chem/co2');
add(literal('•'), '·', 'dot', 'middot', '•', 'bull');
add(sic, 'sic');
add(isbn, 'isbn');
add(asOf, 'as of');
add(barPercent, 'bar percent');
add(barBox, 'bar box');
add(joined(' ', ['1', '2']), 'sortname');
add(prefixed('c. '), 'circa', 'c.');
add(prefixed('EC '), 'ec number');
add(prefixed('fl. '), 'floruit', 'fl.');
add(prefixed('r. '), 'reign', 'r.');
add(frac, 'frac', 'fraction', 'sfrac');
add(val, 'val');
add(nihongo, 'nihongo', 'nihongo2');
add(literally, 'lit', 'literal translation', 'literally');
add(respell, 'respell');
add(shipPrefix('USS'), 'uss');
add(shipPrefix('HMS'), 'hms');
add(joined(' ', ['1', '2']), 'ship');
add(param('2'), 'color', 'colour', 'font color', 'audio', 'tooltip');
add(param('1'), 'math', 'mvar', 'var', 'strikethrough', 'strike', 'center', 'visible anchor', 'not a typo');
add(century('siècle'), 's', 'siècle');
add(century('s.'), 's-');
add(century('siècle av. J.-C.'), '-s');
add(century('s. av. J.-C.'), '-s-');
add(param('1'), 'iast', 'transliteration', 'cn span', 'citation needed span', 'fact span', 'keypress', 'kbd');
add(param('1'), 'post-nominals', 'as written', 'crossreference', 'overline', 'underline', 'large', 'huge', 'em');
add(param('2', '1'), 'sortkey', 'sort key');
add(groupedNumber, 'число', 'nombre', 'formatnum', 'num', 'nts', 'number table sorting');
add(literal('ʻ'), 'okina');
add(prefixed('US$', ' '), 'us$');
add(param('1'), 'currency');
add(joined(', '), 'comma separated entries');

/** Hatnotes: navigation lines above a section, not the article's text. */
// prettier-ignore
const HATNOTES = new Set([
  'main', 'main article', 'see also', 'further', 'further information', 'details', 'about', 'for', 'for2', 'redirect',
  'redirect2', 'distinguish', 'other uses', 'other people', 'otheruses', 'dablink', 'hatnote', 'selfref', 'broader',
  'hauptartikel', 'siehe auch', 'begriffsklärungshinweis', 'dieser artikel', 'hoofartikel', 'sien ook', 'details',
  'redirect-distinguish', 'about-distinguish', 'for multi', 'other places', 'more',
  'hovedartikkel', 'se også', 'utdypende artikkel', 'article détaillé', 'voir aussi', 'ap', 'vt', 'zie ook',
  'hoofdartikel', 'zie hoofdartikel', 'artículo principal', 'véase también', 'homonymie', 'confusion',
  'see', 'about-distinguish2', 'distinguish2', 'further2', 'weiterleitungshinweis', 'see also2', 'main2',
  'artigo principal', 'ver também', 'nota disambigua', 'vedi anche', 'torna a', 'otros usos', 'homonymes',
  'другие значения', 'см. также', 'основная статья', 'zobacz też', 'główny artykuł', 'vegeu també',
]);

/** Maintenance, navigation, icon and layout templates: no text of the article. */
// prettier-ignore
const MAINTENANCE = new Set([
  'citation needed', 'cn', 'fact', 'dead link', 'clarify', 'when', 'who', 'which', 'by whom', 'vague',
  'use dmy dates', 'use mdy dates', 'use ymd dates', 'short description', 'good article',
  'featured article', 'link fa', 'link ga', 'link fl', 'authority control', 'normdaten', 'normdata', 'portal',
  'portal bar', 'portal box', 'commons', 'commons category', 'commonscat', 'wikiquote', 'wiktionary',
  'sister project links', 'dmoz', 'update after', 'update', 'coord missing', 'multiple issues', 'unreferenced',
  'refimprove', 'more citations needed', 'pov', 'cleanup', 'orphan', 'template group', 'reflist', 'notelist',
  'references', 'refbegin', 'refend', 'div col', 'div col end', 'col-begin', 'col-end', 'col-break', 'clear',
  'clearleft', 'clearright', '-', 'increase', 'decrease', 'steady', 'flagicon', 'flag icon', 'note', 'note label',
  'ref label', 'anchor', 'coord', 'koördinate', 'verwysings', 'bronnen', 'commonskategorie', 'commonskategorie-inlyn',
  'listen', 'spoken wikipedia', 'spoken wikipedia-2', 'toc', 'toc limit', 'tocright',
  'compact toc', 'pp', 'pp-semi-protected', 'pp-move-indef', 'pp-protected', 'wikisource', 'wikibooks',
  'wikinews', 'wikivoyage', 'official website', 'stub', 'navbox', 'sidebar', 'expand section', 'citation style',
  'weasel', 'peacock', 'original research', 'by whom', 'page needed', 'full citation needed', 'failed verification',
  'better source', 'self-published source', 'primary source inline', 'lang-x icon', 'in lang', 'cbignore',
  'bots', 'nobots', 'subst', 'reflist-talk', 'talk header', 'infobox', 'winter', 'cite check', 'interlanguage',
  'ted speaker', 'imdb name', 'imdb title', 'osmrelation-inline', 'geographic location', 'wikiatlas',
  'cia world factbook link', 'bmv', 'smaller', 'dn', 'disambiguation needed', 'rp',
  'referanser', 'autoritetsdata', 'offisielle lenker', 'portail', 'palette', 'références', 'referencias',
  'appendix', 'belege fehlen', 'quellen fehlen', 'lückenhaft', 'überarbeiten', 'commonscat-inline', 'kilder',
  'ref-en', 'en', 'lien brisé', 'refnec', 'référence nécessaire', 'cita requerida', 'citation requise',
  'italic title', 'lowercase title', 'displaytitle', 'lesenswert', 'exzellent', 'informativ', 'engvarb', 'engvara',
  'persondata', 'reg', 'fotnoteliste', 'expand list', 'unreferenced section', 'inconsistent citations',
  'verify source', 'request quotation', 'image label end', 'image label begin', 'image label', 'image label small',
  'listaref', 'referências', 'примечания', 'carece de fontes', 'нет аи', 'нет источников', 'bron?', 'interprogetto',
  'autres projets', 'wikicytaty', 'correlatos', 'bom interwiki', 'переписать раздел', 'todo', 'przypisy',
  'referències', 'autorité', 'bases recherche', 'dictionnaires', 'refinfo', 'sem fontes', 'wikiquote-autor',
  // The list of notes in Hebrew, Arabic, Korean, Japanese, Chinese, Ukrainian and Turkish wikis.
  'הערות שוליים', 'מראי מקום', 'مراجع', 'ملاحظات', '각주', '주석', 'notelist2', '脚注ヘルプ', '参考资料',
  'примітки', 'kaynakça',
]);

const MAINTENANCE_PATTERN =
  /(-stub|^stub|navbox|^nav |sidebar|^portal|^portail|^palette|^navigasjon|^pp-|^use .* (english|dates)|^cite check)/;

/**
 * Layout templates: clearing floats, columns, anchors, floats, the marks that a source needs a subscription
 * or registration, succession-box frames (`s-start`, `s-bef`…): nothing of the article's text.
 */
const LAYOUT_PATTERN = new RegExp(
  '^(clear|clr)( |-|$)|^col(umn)?s?-|^(visible )?anchor|^(anker|ancre|ancla|âncora|ancora|kotwica|якорь)$|' +
    '^float|(subscription|registration) required|^s-[a-z]+$',
);

/**
 * Infoboxes by name: the English word at either end ("Infobox country", Polish "Państwo infobox", Hungarian
 * "Település infobox") and other wikis' words ("Ficha de país", "Faktamall land", "Карточка", "Картка",
 * "Sinottico", "基礎情報 国", "Ülke bilgi kutusu").
 */
const INFOBOX = new RegExp(
  '^(infobox|infoboks|inligtingskas|infokasten|info/|taxobox|speciesbox|automatic taxobox|ficha |personendaten|' +
    'faktamall|карточка|картка|sinottico|基礎情報)|(?:^|[\\s/-])(?:infobox|bilgi kutusu)(?:$|[\\s/-])',
);

const CITATION = new RegExp(
  '^(cite\\b|cite[a-z]|citation$|vcite|literatur$|internetquelle$|webarchiv$|harvc|bronvermelding|citeer |' +
    'kilde |lien web|ouvrage$|article$|cita (web|libro|publicación|noticia|revista|enciclopedia)|cytuj )',
);

/** A template name as the table knows it: lower case, `_` as space, no `Template:` prefix. */
export function normaliseName(name: string): string {
  return name
    .replace(/^\s*(template|vorlage|sjabloon|modèle|plantilla|mal|predefinição)\s*:/i, '')
    .replace(/_/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** What to do with a template of this name. */
export function ruleFor(rawName: string): TemplateRule {
  const name = normaliseName(rawName);
  const render = RENDER[name];
  if (render) return { kind: 'render', render };
  const lang = /^lang-([a-z]{2,3}(?:-[a-z]+)?)$/.exec(name);
  if (lang) return { kind: 'render', render: langPrefixed(lang[1]!) };
  const icon = /^([a-z]{2,3}) icon$/.exec(name);
  if (icon) return { kind: 'render', render: languageIcon(icon[1]!) };
  if (/^ipa-[a-z]{2,3}$/.test(name)) return { kind: 'render', render: param('1') };
  if (CITATION.test(name)) return { kind: 'citation' };
  // A magic word of another language's wiki, read as a template (`{{SORTIERUNG:…}}`).
  if (/^[^:]+:/.test(name)) return { kind: 'maintenance' };
  if (INFOBOX.test(name)) return { kind: 'infobox' };
  if (HATNOTES.has(name)) return { kind: 'hatnote' };
  if (MAINTENANCE.has(name) || MAINTENANCE_PATTERN.test(name) || LAYOUT_PATTERN.test(name))
    return { kind: 'maintenance' };
  return { kind: 'unknown' };
}
