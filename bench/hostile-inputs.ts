/**
 * Generated hostile inputs for the scaling measurements (bench.ts) and the hostile tests: each construct
 * that once made a reader or the merge super-linear, at a size or depth given by the caller.
 */

/** A wikitext table of `rows` rows of four cells, in an article with one section. */
export function wikiTable(rows: number): string {
  const out = [
    '= Table =',
    '',
    '== Data ==',
    '',
    'Some prose before the table.',
    '{| class="wikitable"',
    '! A !! B !! C !! D',
  ];
  for (let i = 0; i < rows; i++) out.push('|-', `| cell ${i} || value ${i * 7} || [[Link ${i}]] || ''text'' ${i}`);
  out.push('|}', '', 'Prose after the table.');
  return out.join('\n');
}

/** A GFM table of `rows` rows of four cells. */
export function gfmTable(rows: number): string {
  const out = [
    '# Table',
    '',
    '## Data',
    '',
    'Some prose before the table.',
    '',
    '| A | B | C | D |',
    '|---|---|---|---|',
  ];
  for (let i = 0; i < rows; i++) out.push(`| cell ${i} | value ${i * 7} | *em* ${i} | text ${i} |`);
  out.push('', 'Prose after the table.');
  return out.join('\n');
}

/** A Markdown list nested `depth` levels deep, one item per level. */
export function markdownNested(depth: number): string {
  const out = ['# Nested', '', '## Items', ''];
  for (let i = 0; i < depth; i++) out.push(`${'  '.repeat(i)}- item at depth ${i + 1}`);
  return out.join('\n') + '\n';
}

/** A wikitext list nested `depth` levels deep. */
export function wikiNested(depth: number): string {
  const out = ['= Nested =', '', '== Items =='];
  for (let i = 0; i < depth; i++) out.push(`${'*'.repeat(i + 1)} item at depth ${i + 1}`);
  return out.join('\n') + '\n';
}

/** Prose drawn from a small vocabulary: every sentence shares most of its words with many others. */
export function repetitive(sentences: number, seed = 1): string {
  const vocabulary = 'river water stone bridge canal city trade boat lock gate mill wheel field road market town'.split(
    ' ',
  );
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
  const paragraphs: string[] = [];
  let paragraph: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const n = 8 + (next() % 8);
    const ws = Array.from({ length: n }, () => vocabulary[next() % vocabulary.length]!);
    paragraph.push(`${ws[0]![0]!.toUpperCase()}${ws.join(' ').slice(1)} ${i}.`);
    if (paragraph.length < 6) continue;
    paragraphs.push(paragraph.join(' '));
    paragraph = [];
  }
  if (paragraph.length) paragraphs.push(paragraph.join(' '));
  const out = ['# Repetitive', ''];
  paragraphs.forEach((p, i) => {
    if (i % 20 === 0) out.push(`## Part ${i / 20 + 1}`, '');
    out.push(p, '');
  });
  return out.join('\n');
}

/** Prose of distinct words (no vocabulary shared between sentences): the ordinary case at scale. */
export function prose(sentences: number): string {
  const out = ['# Prose', ''];
  for (let i = 0; i < sentences; i++) {
    if (i % 120 === 0) out.push(`## Part ${i / 120 + 1}`, '');
    const w = (k: number) => `w${(i * 7 + k).toString(36)}`;
    out.push(`Sentence ${w(1)} ${w(2)} ${w(3)} talks about ${w(4)} and ${w(5)}.`);
    if (i % 6 === 5) out.push('');
  }
  return out.join('\n');
}
