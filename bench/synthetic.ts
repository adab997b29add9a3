/**
 * Synthetic content for scaling measurements: k distinct articles made from each seed by transforming
 * its words (a suffix per copy on every word of four letters or more), so the merge cannot collapse the
 * copies into one, while the structure, markup and sentence shapes stay those of the real sources.
 */
const SUFFIXES = ['', 'ka', 'lo', 'mi', 'ru', 'se', 'ti', 'vo', 'ne', 'da', 'po', 'zu', 'fa', 'ge'];

export function transformWords(text: string, copy: number): string {
  if (copy === 0) return text;
  const suffix =
    SUFFIXES[copy % SUFFIXES.length]! + (copy >= SUFFIXES.length ? String(Math.floor(copy / SUFFIXES.length)) : '');
  // Only letters in running text: markup characters, digits and short words are left as they are.
  return text.replace(/\b(\p{L}{4,})\b/gu, (w) => w + suffix);
}

/** A source `k` times as long: the original followed by k-1 transformed copies (one line stays one line). */
export function scaleSource(text: string, k: number, oneLine: boolean): string {
  const copies = [text];
  for (let i = 1; i < k; i++) {
    // A dump line keeps its metadata once; its article body is repeated.
    copies.push(
      oneLine
        ? transformWords(text.replace(/^.*?\d{4}-\d\d-\d\dT[\d:]+Z \S+ \d+ [^{[']*/, ''), i)
        : transformWords(text.replace(/^= .* =\n/, ''), i),
    );
  }
  return copies.join(oneLine ? ' ' : '\n\n');
}
