/**
 * Citation templates (`{{cite web}}`, `{{cite book}}`, `{{citation}}`, `{{Internetquelle}}`…) formatted into
 * one readable note: "Smith, John. “Title”. Work. Publisher, 2009. https://…".
 */

/** A template's parameters: named ones by lower-case name (`_` as space), positional ones by their number. */
export type Params = Map<string, string>;

const CITATION = /^(cite\b|cite[a-z]|citation$|vcite|literatur$|internetquelle$|webarchiv$|harvc|bronvermelding)/i;

/** Whether a template name (without `Template:`) is a citation template. */
export function isCitation(name: string): boolean {
  return CITATION.test(name.trim());
}

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
    const last = pick(params, `last${suffix}`, `surname${suffix}`, `author${suffix}-last`);
    const first = pick(params, `first${suffix}`, `given${suffix}`, `author${suffix}-first`);
    if (last) names.push(first ? `${last}, ${first}` : last);
    else if (i > 0) {
      const author = pick(params, `author${suffix}`);
      if (author) names.push(author);
    }
  }
  if (names.length) return names.join('; ');
  return pick(params, 'author', 'authors', 'vauthors', 'autor', 'auteur', 'autor1', 'editor', 'editors', 'herausgeber');
}

/** The note for a citation template's parameters (values already plain text). */
export function formatCitation(params: Params): string {
  const title = pick(params, 'title', 'titel', 'titre', 'título', 'script-title', 'trans-title', 'chapter');
  const work = pick(params, 'work', 'website', 'journal', 'newspaper', 'magazine', 'periodical', 'werk', 'sammelwerk');
  const publisher = pick(params, 'publisher', 'verlag', 'hrsg', 'agency', 'éditeur', 'editorial', 'location');
  const date = pick(params, 'date', 'datum', 'year', 'jahr', 'année', 'fecha', 'año');
  const url = pick(params, 'url', 'chapter-url', 'archive-url', 'archiveurl');
  const parts: string[] = [];
  const author = authors(params);
  if (author) parts.push(`${author.replace(/\.$/, '')}.`);
  if (title) parts.push(`“${title}”.`);
  if (work && work !== publisher) parts.push(`${work.replace(/\.$/, '')}.`);
  const imprint = [publisher, date].filter(Boolean).join(', ');
  if (imprint) parts.push(`${imprint.replace(/\.$/, '')}.`);
  if (url) parts.push(url);
  if (!parts.length) {
    // A template of positional parameters only (or unknown names): its values, in order.
    return [...params.values()]
      .map((v) => v.trim())
      .filter(Boolean)
      .join('. ');
  }
  return parts.join(' ');
}
