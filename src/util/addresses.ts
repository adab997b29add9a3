/**
 * Web addresses written out in text (a citation's "… 2009. https://…"): the pieces of the text, each address
 * apart, so that readers and writers can make links of them. Only http(s) addresses written in full; the
 * punctuation that ends a sentence after one is not part of it.
 */
const ADDRESS = /https?:\/\/[^\s<>"]+?(?=[.,;:!?)\]]*(?:\s|$))/giu;

/** `text` as pieces in order: plain text, and addresses (`url` set, `text` the address as written). */
export function addressPieces(text: string): { text: string; url?: string }[] {
  const out: { text: string; url?: string }[] = [];
  let from = 0;
  for (const m of text.matchAll(ADDRESS)) {
    if (m.index > from) out.push({ text: text.slice(from, m.index) });
    out.push({ text: m[0], url: m[0] });
    from = m.index + m[0].length;
  }
  if (from < text.length) out.push({ text: text.slice(from) });
  return out;
}
