/**
 * Issue 18's prose measure on real articles: every sentence of an article reaches the guide. The article's
 * sentences come from another reader of wikitext (wtf_wikipedia), so the measure does not grade Quire's
 * reader by its own reading; the guide's sentences are those of the merged book (chapters and back matter,
 * with table rows and quotations), in the language the build detects. A sentence is found when some
 * sentence of the guide has nearly its words (word-set Jaccard ≥ 0.9). Per article, the share found; over
 * the corpus, the median share ≥ 0.99 and the worst ≥ 0.95.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import wtf from 'wtf_wikipedia';
import { allBlocks } from '../../src/model/index.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { bookMeta } from '../../src/pipeline/stages.js';
import { prepareBook } from '../../src/pipeline/prepare.js';
import { splitSentences } from '../../src/merge/sentences.js';
import { CORPUS, parseText } from '../support/content.js';

const words = (text: string) =>
  new Set(
    text
      // Thousands separators are the writer's choice ("357,021" and "357021" are one number).
      .replace(/(?<=\d)[,.\u00a0\u202f](?=\d{3}\b)/g, '')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      // A word's combining marks are part of it (Indic vowel signs), not breaks between words.
      .match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu) ?? [],
  );

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / (a.size + b.size - common);
}

interface Coverage {
  article: string;
  sentences: number;
  share: number;
  missed: { theirs: string; nearest: string; score: number }[];
}

/**
 * wtf_wikipedia drops the whole output of a template it does not know, and with it the text of any known
 * template around it (`{{lang-ur|{{Nastaliq|…}}}}` shows nothing), where Wikipedia shows the text. The
 * oracle is therefore told the most common shape of such templates: one positional parameter and nothing
 * else shows that parameter (script and formatting wrappers, identifiers). This only adds words to the
 * oracle's sentences, which the guide must then have too.
 */
const oracleOptions = (text: string) => ({
  templateFallbackFn: (body: string, _list: unknown[], parse: (body: string) => Record<string, unknown>) => {
    // A template alone on its line is a block (hatnote, navigation box, stub notice), not text.
    if (new RegExp(`^${body.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm').test(text)) return null;
    const { template: _name, list, ...named } = parse(body) as { template: string; list?: string[] };
    return list?.length === 1 && !Object.keys(named).length ? list[0]! : null;
  },
});

/** Lines that hold only text (no list, heading, table, template, tag, file or category link at their start). */
const TEXT_LINE = /^(?:[^\s*#:;={}|!<[]|\[\[[^\]:|]+(?:\||\]\]))/u;

/**
 * The oracle's sentences of an article: wtf_wikipedia's reading, those of four words or more. wtf_wikipedia
 * ends a sentence at a line break inside a paragraph, where MediaWiki joins the lines into one paragraph;
 * such lines are joined for it first.
 */
function oracleSentences(text: string): string[] {
  const lines = text.split('\n');
  const joined = lines
    .map((line, i) => (i && TEXT_LINE.test(line) && TEXT_LINE.test(lines[i - 1]!) ? ` ${line}` : `\n${line}`))
    .join('')
    .slice(1);
  return (wtf(joined, oracleOptions(joined) as object).sentences() as { text(): string }[])
    .map((s) => s.text())
    .filter((s) => words(s).size >= 4);
}

/** The guide's sentences, and runs of up to three in a row (the two readers may cut a sentence apart
 * where the other does not: after an initial, inside a quotation); a list item's own sentences too. */
function guideSentences(article: string, text: string): { text: string; words: Set<string> }[] {
  const config = ConfigSchema.parse({});
  const source = parseText(text, `${article}.wiki`, { format: 'wikitext' });
  const meta = bookMeta(config, [source], article, '2026-01-01');
  const book = prepareBook([source], meta, config);
  const split = (s: string) => splitSentences([{ type: 'text', value: s }], meta.language).map((x) => x.text);
  const ours: { text: string; words: Set<string> }[] = [];
  for (const block of [...allBlocks(book), ...book.backMatter.flatMap((b) => b.blocks)]) {
    const units = block.kind === 'list' ? block.sentences.flatMap((s) => [s, ...split(s)]) : block.sentences;
    for (let i = 0; i < units.length; i++)
      for (let k = 1; k <= 3 && i + k <= units.length; k++) {
        const joined = units.slice(i, i + k).join(' ');
        ours.push({ text: joined, words: words(joined) });
      }
  }
  return ours;
}

function coverage(article: string, text: string): Coverage {
  const theirs = oracleSentences(text);
  const ours = guideSentences(article, text);
  const missed: Coverage['missed'] = [];
  for (const s of theirs) {
    const w = words(s);
    let best = { text: '', score: 0 };
    for (const g of ours) {
      const score = jaccard(w, g.words);
      if (score > best.score) best = { text: g.text, score };
    }
    if (best.score < 0.9) missed.push({ theirs: s, nearest: best.text, score: best.score });
  }
  return { article, sentences: theirs.length, share: 1 - missed.length / Math.max(1, theirs.length), missed };
}

describe.skipIf(!CORPUS)('prose coverage on the real articles of the corpus', () => {
  it('brings nearly every sentence of each article into the guide', () => {
    const results = fs
      .readdirSync(CORPUS)
      .filter((n) => fs.existsSync(path.join(CORPUS, n, `${n}.wiki`)))
      .map((n) => coverage(n, fs.readFileSync(path.join(CORPUS, n, `${n}.wiki`), 'utf8')))
      .filter((c) => c.sentences > 0);
    const shares = results.map((r) => r.share).sort((a, b) => a - b);
    const median = shares[Math.floor(shares.length / 2)]!;
    const report = results.map(
      (r) =>
        `${r.article}: ${r.share.toFixed(3)} of ${r.sentences}` +
        r.missed.map((m) => `\n  - ${m.theirs}\n    ~ (${m.score.toFixed(2)}) ${m.nearest}`).join(''),
    );
    if (process.env.QUIRE_COVERAGE_REPORT) fs.writeFileSync(process.env.QUIRE_COVERAGE_REPORT, report.join('\n'));
    expect(results.length).toBeGreaterThanOrEqual(10);
    expect(median, report.join('\n')).toBeGreaterThanOrEqual(0.99);
    expect(shares[0], report.join('\n')).toBeGreaterThanOrEqual(0.95);
  }, 300_000);
});
