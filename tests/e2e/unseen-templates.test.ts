/**
 * Issue 19 ("no fact lost"): excerpts of real articles the reader's template table was not written for
 * (tests/fixtures/unseen-templates, see its README) built into guides, read as a person reads them: the
 * countries of a list of users, the versions and dates of a table, a term's language text, the captions of
 * image templates, the titles and identifiers of link templates in references — and a warning, naming the
 * template and its line, for what is still left out.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../../src/pipeline/build.js';
import { allBlocks, type StudyGuide } from '../../src/model/index.js';
import { FIXTURES } from '../support/content.js';

interface Built {
  book: StudyGuide;
  html: string;
  /** Each block's text, one per line (a table's rows on lines of their own, cells joined by " | "). */
  text: string;
  warnings: { rule: string; line?: number; message: string }[];
}

async function buildFixture(file: string): Promise<Built> {
  const dir = mkdtempSync(path.join(tmpdir(), 'quire-unseen-templates-'));
  copyFileSync(path.join(FIXTURES, 'unseen-templates', file), path.join(dir, file));
  writeFileSync(path.join(dir, 'quire.yaml'), `title: ${file}\n`);
  const out = path.join(dir, 'out');
  const { book } = await build({ contentDir: dir, outDir: out, formats: ['json', 'html'], progress: 'silent' });
  const slug = book.meta.title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const html = readFileSync(path.join(out, `${slug}.html`), 'utf8');
  const text = allBlocks(book)
    .map((b) => b.text)
    .join('\n');
  const warnings = book.report.warnings.map((w) => ({ rule: w.rule ?? '', line: w.line, message: w.message }));
  return { book, html, text, warnings };
}

const lines = (text: string) => text.split('\n').map((l) => l.trim());

describe('flag templates in a German list of users (Bazooka)', () => {
  let built: Built;
  beforeAll(async () => (built = await buildFixture('bazooka-nutzer.wiki')), 120_000);

  it('shows each country by its name, in German, before what it used', () => {
    const items = lines(built.text);
    expect(items).toContain('Argentinien: 3,5 Zoll');
    expect(items).toContain('Vereinigtes Königreich: 2,36 Zoll über Leih- und Pachtgesetz und 3,5 Zoll');
    // An ISO code with a year: the country's German name.
    expect(items).toContain('China: 2,36 Zoll über Leih- und Pachtgesetz');
    expect(items).toContain('Deutschland: 2,36 Zoll als Beutewaffe Raketenpanzerbüchse 788 (a)');
    // The index's page anchors wrap a mention in a span with an id; the reader sees the words alone.
    const shown = built.html.replace(/<span id="index-[^"]*">([^<]*)<\/span>/g, '$1');
    expect(shown).toMatch(/<li>(<p>)?Österreich: 3,5 Zoll/);
  });

  it('shows a code no country has today as written, and says so', () => {
    expect(lines(built.text)).toContain('BIR: 3,5 Zoll');
    expect(built.warnings).toContainEqual({
      rule: 'guessed-template',
      line: 10,
      message: expect.stringContaining('"BIR-1948" shown as its code "BIR"'),
    });
  });

  it('warns, with its line, for a country Intl does not name', () => {
    expect(built.warnings).toContainEqual({
      rule: 'unknown-template',
      line: 29,
      message: 'unknown template "Sowjetunion" dropped',
    });
    expect(built.warnings.filter((w) => w.rule === 'unknown-template')).toHaveLength(1);
  });
});

describe('version and date templates in a German table (Mozilla Firefox)', () => {
  let built: Built;
  beforeAll(async () => (built = await buildFixture('firefox-versionen.wiki')), 120_000);

  it('keeps each row’s version and its date, written in German', () => {
    const table = allBlocks(built.book).find((b) => b.kind === 'table')!;
    expect(table.sentences).toContainEqual(
      expect.stringMatching(/^Phoenix \| 1\.2 \| 0\.1 \| Pescadero \| 23\. September 2002 \|/),
    );
    expect(table.sentences).toContainEqual(expect.stringMatching(/\| 0\.6 \| Glendale \| 17\. Mai 2003 \|/));
    expect(built.html).toContain('9. Februar 2004');
  });

  it('keeps a term’s Chinese text and an English word in brackets', () => {
    expect(built.text).toContain('der chinesischen Bezeichnung huǒ hú 火狐, Feuerfuchs.');
    expect(built.text).toContain('Firefox kann durch Motive (themes), die die komplette');
  });

  it('raises a footnote mark and keeps the footnote’s text', () => {
    expect(built.html).toMatch(/Veröffentlichung<sup>a<\/sup>/);
    expect(built.text).toContain('a Datumsangaben nach PST/PDT, gemäß dem Sitz der Mozilla Foundation');
  });

  it('warns for the table’s colour legend, which has no value to show', () => {
    expect(built.warnings).toContainEqual(
      expect.objectContaining({ rule: 'unknown-template', message: expect.stringContaining('"Version"') }),
    );
    const maintenance = built.warnings.find((w) => w.rule === 'dropped-maintenance');
    expect(maintenance?.message).toContain('anker');
  });
});

describe('image and layout templates (United Kingdom, Toronto)', () => {
  let uk: Built;
  let toronto: Built;
  beforeAll(async () => {
    uk = await buildFixture('united-kingdom.wiki');
    toronto = await buildFixture('toronto.wiki');
  }, 180_000);

  it('takes an image template’s files through the figure path: each caption quoted when the file is missing', () => {
    const missing = uk.warnings.filter((w) => w.rule === 'missing-image').map((w) => w.message);
    expect(missing).toContainEqual(expect.stringContaining('caption "The four countries of the United Kingdom"'));
    expect(missing).toContainEqual(
      expect.stringContaining('"The_City_London.jpg" was not found in the content folder'),
    );
    expect(missing).toContainEqual(
      expect.stringContaining('caption "The City of London is one of the world\'s largest'),
    );
    const panorama = toronto.warnings.find((w) => w.message.includes('Toronto_panorama.jpg'));
    expect(panorama).toMatchObject({ rule: 'missing-image', line: 9 });
    expect(panorama!.message).toContain('caption "360-degree panorama of Toronto as seen from the CN Tower.');
  });

  it('drops layout marks quietly, in the one summary of maintenance templates', () => {
    const summary = uk.warnings.find((w) => w.rule === 'dropped-maintenance')!.message;
    expect(summary).toContain('clear left');
    expect(summary).toContain('subscription required');
    expect(toronto.warnings.find((w) => w.rule === 'dropped-maintenance')!.message).toContain('col-2 (2)');
    expect(uk.warnings.filter((w) => w.rule === 'unknown-template')).toEqual([]);
  });

  it('shows an identifier in a reference', () => {
    const texts = uk.book.citations.map((c) => c.text);
    expect(texts).toContainEqual(expect.stringContaining('Cambridge University Press. p. 336. OCLC 474197910'));
  });

  it('warns, with its line, for a box standing on its own line with nothing given', () => {
    expect(toronto.warnings).toContainEqual({
      rule: 'unknown-template',
      line: 6,
      message: 'unknown template "Toronto weatherbox" dropped',
    });
  });
});

describe('link templates in references (anarchism)', () => {
  let built: Built;
  beforeAll(async () => (built = await buildFixture('anarchism-refs.wiki')), 120_000);

  it('cites the entry’s title (and its author, date) rather than nothing', () => {
    const texts = built.book.citations.map((c) => c.text);
    expect(texts).toContainEqual(expect.stringMatching(/^LSJ ἀναρχία\.?$/));
    expect(texts).toContainEqual(expect.stringContaining('IEP Cynics, Julie Piering'));
    expect(texts).toContainEqual(expect.stringContaining('William Godwin, Mark Philip, 2006-05-20'));
    expect(built.warnings.filter((w) => w.rule === 'unknown-template')).toEqual([]);
  });
});

describe('a project’s own one-parameter templates and codes in tables (RNLI stations, Ewelina Sętowska-Dryk)', () => {
  let rnli: Built;
  let runner: Built;
  beforeAll(async () => {
    rnli = await buildFixture('rnli-stations.wiki');
    runner = await buildFixture('ewelina-setowska-dryk.wiki');
  }, 180_000);

  it('shows a station and a lifeboat class by their parameter, with a warning that it is a guess', () => {
    const table = allBlocks(rnli.book).find((b) => b.kind === 'table')!;
    expect(table.sentences).toContainEqual(expect.stringMatching(/^Hunstanton \| Hunstanton, Norfolk \| Atlantic 85/));
    expect(table.sentences).toContainEqual(expect.stringMatching(/^Wells-next-the-Sea \| .* \| Mersey/));
    expect(rnli.warnings).toContainEqual(
      expect.objectContaining({
        rule: 'guessed-template',
        message: expect.stringContaining('"Lbs" shown as its text'),
      }),
    );
    // Two codes (`{{Lbc|D|IB1}}`) are not text to guess at: dropped, said.
    expect(rnli.warnings).toContainEqual(
      expect.objectContaining({ rule: 'unknown-template', message: expect.stringContaining('"Lbc"') }),
    );
  });

  it('names each ambassador by the parts of his name, not by the link target after them', async () => {
    const list = await buildFixture('botschafter-chile.wiki');
    const table = allBlocks(list.book).find((b) => b.kind === 'table')!;
    const rows = table.sentences.map((row) => row.split(' | '));
    expect(rows).toContainEqual([
      '1810',
      'José Antonio Álvarez Jonte',
      'Ministre plénipotentiaire',
      'Cornelio Saavedra',
      'Mateo de Toro Zambrano y Ureta',
    ]);
    expect(rows).toContainEqual([
      '1812',
      'Bernardo Vera y Pintado',
      'Ministre plénipotentiaire',
      'Feliciano Antonio Chiclana',
      'Juan Martínez de Rozas',
    ]);
  }, 120_000);

  it('names the country of a three-letter flag code in a table header', () => {
    expect(runner.text).toContain('Representing Poland');
    expect(runner.warnings.filter((w) => w.rule === 'unknown-template')).toEqual([]);
  });
});
