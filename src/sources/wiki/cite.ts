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
    );
    const first = pick(
      params,
      `first${suffix}`,
      `given${suffix}`,
      `author${suffix}-first`,
      `nombre${suffix}`,
      `prénom${suffix}`,
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
    'editor',
    'editors',
    'herausgeber',
  );
}

/** The note for a citation template's parameters (values already plain text). */
export function formatCitation(params: Params): string {
  const title = pick(params, 'title', 'titel', 'titre', 'título', 'tittel', 'script-title', 'trans-title', 'chapter');
  // prettier-ignore
  const work = pick(params, 'work', 'website', 'journal', 'newspaper', 'magazine', 'periodical', 'werk', 'sammelwerk',
    'verk', 'site', 'périodique', 'obra', 'publicación');
  // prettier-ignore
  const publisher = pick(params, 'publisher', 'verlag', 'hrsg', 'agency', 'éditeur', 'editorial', 'utgiver',
    'uitgever', 'location');
  const date = pick(params, 'date', 'datum', 'dato', 'year', 'jahr', 'år', 'année', 'fecha', 'año', 'jaar');
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
