/** The stopword package's lists of function words, one per language by ISO 639-3 code (`eng`, `deu`…). */
declare module 'stopword' {
  const lists: Record<string, string[]>;
  export = lists;
}
