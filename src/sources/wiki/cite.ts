/**
 * Citation templates (`{{cite web}}`, `{{cite book}}`, `{{citation}}`, `{{Internetquelle}}`…) formatted into
 * one readable note: "Smith, John. “Title”. Work. Publisher, 2009. https://…".
 */

/** A template's parameters: named ones by lower-case name (`_` as space), positional ones by their number. */
export type Params = Map<string, string>;

const pick = (params: Params, ...names: string[]): string | undefined => {
  for (const name of names) {
    const value = params.get(name)?.trim();
    if (value) return value;
  }
  return undefined;
};

/** The authors: `last`/`first` pairs (`last1`, `first1`…), or `author`, `authors`, `vauthors`. */
function authors(params: Params): string | undefined {
  const names: string[] = [];
  for (let i = 0; i < 10; i++) {
    const suffix = i === 0 ? '' : String(i);
    const last = pick(
      params,
      `last${suffix}`,
      `surname${suffix}`,
      `author${suffix}-last`,
      `apellido${suffix}`,
      `nom${suffix}`,
      `cognome${suffix}`,
      `último${suffix}`,
      `nazwisko${suffix}`,
      `achternaam${suffix}`,
      `성${suffix}`,
      `الأخير${suffix}`,
    );
    const first = pick(
      params,
      `first${suffix}`,
      `given${suffix}`,
      `author${suffix}-first`,
      `nombre${suffix}`,
      `prénom${suffix}`,
      `nome${suffix}`,
      `primeiro${suffix}`,
      `imię${suffix}`,
      `voornaam${suffix}`,
      `이름${suffix}`,
      `الأول${suffix}`,
    );
    if (last) names.push(first ? `${last}, ${first}` : last);
    else if (i > 0) {
      const author = pick(params, `author${suffix}`);
      if (author) names.push(author);
    }
  }
  if (names.length) return names.join('; ');
  return pick(
    params,
    'author',
    'authors',
    'vauthors',
    'autor',
    'auteur',
    'autor1',
    'forfatter',
    'autore',
    'auteur',
    'автор',
    '저자',
    'المؤلف',
    '著者',
    '作者',
    'editor',
    'editors',
    'herausgeber',
  );
}

/** A citation's title, in the parameter names of the wikis Quire has read (`titre`, `título`, `заглавие`…). */
// prettier-ignore
const TITLE = ['title', 'titel', 'titre', 'título', 'titulo', 'tittel', 'titolo', 'tytuł', 'заглавие', 'название', '제목',
  'العنوان', 'タイトル', '題名', '标题', '標題'];
/** A chapter's title, the title of a citation of a part of a book (`{{Chapitre|titre chapitre=…}}`). */
const CHAPTER = [
  'chapter',
  'contribution',
  'entry',
  'section',
  'kapitel',
  'chapitre',
  'titre chapitre',
  'capítulo',
  '장',
];
/** The names of a chapter's title that make a template a citation ("section" or "entry" alone do not). */
const CHAPTER_TITLE = ['chapter', 'kapitel', 'chapitre', 'titre chapitre', 'capítulo'];

/** What a citation gives besides its title: who, where, when, which edition or address. */
const CITED = new RegExp(
  '^(author|last|first|autor|auteur|autore|nom|prénom|apellido|nombre|cognome|nome|nazwisko' +
    '|imię|автор|url|ссылка|publisher|éditeur|editorial|editore|editora|wydawca|издательство' +
    '|uitgever|verlag|year|date|année|año|anno|ano|rok|jaar|год|isbn|doi|journal|périodique' +
    '|website|site|work|obra|lieu|место|miejsce|location' +
    // Korean, Arabic, Japanese and Chinese names: author, surname, given name, address, publisher, date, year,
    // newspaper, website.
    '|저자|성|이름|출판사|날짜|연도|뉴스|웹사이트|المؤلف|الأخير|الأول|المسار|الناشر|التاريخ|السنة|الموقع' +
    '|著者|出版社|発行日|発行年|作者|日期|年份|网址' +
    ')\\d*$',
);

/**
 * Whether a template whose name the reader does not know is a citation, by what it is given: a title and at
 * least one of an author, an address, a publisher, a date or an identifier (`{{Citar web|url=…|título=…}}`,
 * `{{Chapitre|nom1=…|titre=…}}`, `{{книга|автор=…|заглавие=…}}`).
 */
export function looksLikeCitation(keys: readonly string[]): boolean {
  const named = keys.map((k) => k.trim().toLowerCase().replace(/_/g, ' '));
  return named.some((k) => TITLE.includes(k) || CHAPTER_TITLE.includes(k)) && named.some((k) => CITED.test(k));
}

/** Identifiers of a cited work, by parameter name, as a note writes them ("PMID 13084587"). */
const IDENTIFIERS: [string, string][] = [
  ['isbn', 'ISBN'],
  ['issn', 'ISSN'],
  ['doi', 'doi:'],
  ['pmid', 'PMID'],
  ['pmc', 'PMC'],
  ['oclc', 'OCLC'],
  ['jstor', 'JSTOR'],
  ['arxiv', 'arXiv:'],
  ['bibcode', 'Bibcode'],
];

/** The note for a citation template's parameters (values already plain text). */
/**
 * `pageAbbr`: the abbreviation before a page ("p.", "S."), `pagesAbbr` before a range or list of pages; `quoted`: a
 * title or quotation between the language's quotation marks ("“Title”", "„Tytuł”", "«Название»");
 * ("pp." in English); only before a page number (a digit or a roman numeral), not before "National, 1.A".
 */
export function formatCitation(
  params: Params,
  pageAbbr = 'p.',
  pagesAbbr = pageAbbr,
  quoted: (text: string) => string = (text) => `“${text}”`,
): string {
  const chapter = pick(params, ...CHAPTER);
  // A chapter in a book: "“The Meaning of Mies”. Chicago Architecture and Design." (its own title first).
  const whole = pick(params, ...TITLE, 'script-title', 'trans-title');
  const title = chapter ?? whole;
  const book = chapter && whole && whole !== chapter ? whole : undefined;
  // prettier-ignore
  const work = pick(params, 'work', 'website', 'journal', 'newspaper', 'magazine', 'periodical', 'werk', 'sammelwerk',
    'verk', 'site', 'périodique', 'titre ouvrage', 'obra', 'publicación', 'opera', 'periodico', 'jornal', 'publicação',
    'czasopismo', 'издание', '뉴스', '웹사이트', '저널', 'الموقع', 'العمل', 'الصحيفة');
  // prettier-ignore
  const publisher = pick(params, 'publisher', 'verlag', 'hrsg', 'agency', 'éditeur', 'editorial', 'utgiver',
    'uitgever', 'editore', 'editora', 'publicado', 'wydawca', 'издательство', '출판사', 'الناشر', '出版社', '出版者');
  // prettier-ignore
  const place = pick(params, 'location', 'place', 'publication-place', 'ort', 'lieu', 'lugar', 'luogo', 'sted', 'место',
    'miejsce', 'miejsce wydania', 'local', 'plaats', 'utgivningsort', 'paikka', 'místo', 'lloc', 'місце', 'المكان',
    '発行地', '出版地');
  // prettier-ignore
  const date = pick(params, 'date', 'datum', 'dato', 'year', 'jahr', 'år', 'année', 'fecha', 'año', 'jaar', 'data',
    'anno', 'ano', 'rok', 'год', '날짜', '연도', 'التاريخ', 'السنة', '日付', '発行日', '発行年', '日期', '年份');
  const original = pick(params, 'orig-date', 'orig-year', 'origyear', 'origdate');
  // A dead address gives way to its archived copy, as Wikipedia links it (`url-status=dead`, `deadurl=yes`).
  // Other wikis' names: `deadlink=yes` (Russian), `offline=ja` (German), `archiwum=` (Polish) …
  // prettier-ignore
  const archive = pick(params, 'archive-url', 'archiveurl', 'archiv-url', 'archivurl', 'urlarchivo', 'archivo-url',
    'arquivourl', 'arquivo-url', 'archiwum', 'архив', 'url архива', 'архив-url');
  // prettier-ignore
  const status = (pick(params, 'url-status', 'deadurl', 'dead-url', 'deadlink', 'dead-link', 'offline', 'urlmorta',
    'url-muerta', 'urlmuerta', 'мёртвая ссылка') ?? '').toLowerCase();
  const dead = /^(?:dead|unfit|usurped|yes|true|y|1|ja|oui|si|sí|sim|tak|да|так)$/.test(status);
  const url = (dead && archive) || pick(params, 'url', 'chapter-url', 'ссылка', 'المسار', '网址') || archive;
  const quote = pick(params, 'quote', 'zitat', 'citation', 'cita', 'citazione', 'sitat');
  const parts: string[] = [];
  const author = authors(params);
  if (author) parts.push(`${author.replace(/\.$/, '')}.`);
  // A title's own closing mark stays ("And Then There Were None...", "Who Framed Roger Rabbit?").
  const closed = (text: string) => (/[?!…]$|\.\.$/.test(text) ? text : `${text.replace(/[.,;:]$/, '')}.`);
  if (title) parts.push(`${quoted(/\.\.$/.test(title) ? title : title.replace(/[.,;:]$/, ''))}.`);
  if (book) parts.push(closed(book));
  // Where in the work: "J. Biol. Chem. 204 (1): 159–67".
  const volume = pick(params, 'volume', 'band', 'jahrgang', 'tome', 'volumen', 'volume', 'tom', 'том');
  const issue = pick(params, 'issue', 'number', 'nummer', 'heft', 'numéro', 'número', 'numero', 'nr', 'выпуск');
  // prettier-ignore
  const pages = pick(params, 'pages', 'page', 'pp', 'p', 'seiten', 'seite', 'páginas', 'pagine', 'strony', 'страницы',
    '쪽', 'الصفحة', 'الصفحات', 'ページ', '页');
  // Pages alone: "p. 735" (the book's language's abbreviation).
  const at =
    (volume ?? '') +
    (issue ? `${volume ? ' ' : ''}(${issue})` : '') +
    (pages ? (volume || issue ? `: ${pages}` : pageLabel(pages, pageAbbr, pagesAbbr)) : '');
  // "J. Biol. Chem." keeps its abbreviation's full stop before a volume.
  const joiner = volume || issue ? ' ' : ', ';
  const atEnd = at.replace(/\.$/, '');
  if (work && work !== publisher) parts.push(at ? `${work}${joiner}${atEnd}.` : `${work.replace(/\.$/, '')}.`);
  else if (at) parts.push(`${atEnd}.`);
  // "Leipzig: Dieterich, 1932 [1921]": where, by whom, when (and when first).
  const by = place && publisher ? `${place}: ${publisher}` : (publisher ?? place);
  const when = date && original ? `${date} [${original}]` : (date ?? (original && `[${original}]`));
  const imprint = [by, when].filter(Boolean).join(', ');
  if (imprint) parts.push(`${imprint.replace(/\.$/, '')}.`);
  // The identifiers a reader finds the work by.
  const ids = IDENTIFIERS.flatMap(([name, label]) => {
    const value = pick(params, name);
    return value ? [label.endsWith(':') ? `${label}${value}` : `${label} ${value}`] : [];
  });
  if (ids.length) parts.push(`${ids.join('. ')}.`);
  if (url) parts.push(url);
  // The words the article quotes from the work: what the citation shows.
  if (quote) parts.push(quoted(quote.replace(/^["“„«»]|["”“«»]$/g, '')));
  if (!parts.length) {
    // A template of positional parameters only (or unknown names): its values, in order.
    return [...params.values()]
      .map((v) => v.trim())
      .filter(Boolean)
      .join('. ');
  }
  return parts.join(' ');
}

/** Pages as a note writes them: "p. 35", "pp. 409–412"; a value that is not a page number as written. */
function pageLabel(pages: string, pageAbbr: string, pagesAbbr: string): string {
  if (!/^(?:\d|[ivxlcdm]+\b|[IVXLCDM]+\b)/u.test(pages)) return pages;
  return `${/[–—,-]/.test(pages) ? pagesAbbr : pageAbbr}\u00a0${pages}`;
}
