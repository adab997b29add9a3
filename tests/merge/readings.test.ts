/**
 * Issue #20: what a reading the book does not print says must survive, and a source's own passage stays
 * with its neighbours. A reading that adds a fact the kept one lacks is a note quoting it whole; one fact
 * worded two ways (a year / the event's name) is no fuller reading; a quotation worded otherwise is a note;
 * a sentence a revision put in another's place between the same neighbours is one sentence and a note; a
 * source saying again what it said elsewhere is a note, not a second sentence; a sentence that opened, in
 * its source, a passage the book tells in another section goes there.
 */
import { describe, expect, it } from 'vitest';
import { mergeSources } from '../../src/merge/index.js';
import { compareFacts, factsAdded } from '../../src/merge/facts.js';
import { allBlocks, type Book } from '../../src/model/index.js';
import { parseText, TEST_META } from '../support/content.js';

const wiki = (lines: string[], file: string, priority: number) =>
  parseText(['= Events =', ...lines].join('\n\n'), file, { priority });
const merge = (preferred: string[], other: string[]) =>
  mergeSources([wiki(preferred, 'preferred.wiki', 2), wiki(other, 'other.wiki', 1)], TEST_META);
const sentences = (book: Book) => allBlocks(book).flatMap((b) => b.sentences);
const notes = (book: Book) => book.apparatus?.notes.map((n) => n.text) ?? [];

const BEFORE = 'The harvest of that year was the worst in living memory.';
const AFTER = 'By the following winter the grain reserves of the province were exhausted.';

describe('facts one reading adds', () => {
  it('are found in what a reading adds, not in words put for others', () => {
    const kept = 'In 1871, a naval academy was opened near Korvel to train the officers of the new fleet.';
    const fuller =
      'In 1871, a naval academy was opened at Stannow, near Korvel, to train the officers of the new fleet.';
    expect(factsAdded(fuller, kept, ['Stannow'])).toEqual(['Stannow']);
    expect(factsAdded('The Supreme Council ratified it.', 'The Supreme Soviet ratified it.', ['Council'])).toEqual([]);
  });

  it('print the preferred reading and a note quoting the other whole', () => {
    const kept = 'In 1871, a naval academy was opened near Korvel to train the officers of the new fleet.';
    const fuller =
      'In 1871, a naval academy was opened at Stannow, near Korvel, to train the officers of the new fleet.';
    const book = merge(
      [BEFORE, kept, AFTER].map((s) => s),
      [BEFORE, fuller, AFTER],
    );
    expect(sentences(book).filter((s) => s.includes('naval academy'))).toEqual([kept]);
    expect(notes(book).some((n) => n.includes('Stannow'))).toBe(true);
  });

  it('give no note when the other reading only rewords', () => {
    const kept = 'In 1871, a naval academy was opened near Korvel to train the officers of the new fleet.';
    const other = 'In 1871, a naval academy was opened near Korvel to train officers for the new fleet.';
    const book = merge([BEFORE, kept, AFTER], [BEFORE, other, AFTER]);
    expect(sentences(book).filter((s) => s.includes('naval academy'))).toEqual([kept]);
    expect(notes(book)).toEqual([]);
  });

  it('are no hole when the other reading names what the figure stands for', () => {
    const facts = compareFacts('Taxes rose after Operation Thunder.', 'The tax rose after the invasion of 1861.', 'en');
    expect(facts.relation).toBe('same');
    expect(
      compareFacts('Taxes rose after the invasion.', 'Taxes rose after the invasion of 1861.', 'en').relation,
    ).toBe('b-fuller');
  });
});

describe('two tellings of one passage', () => {
  const OPEN = 'At first the council hoped for a quick reform of the guilds.';
  const CLOSE = 'Subsequently, the council turned to the question of the river tolls.';
  const kept =
    'However, the attempts to set up new guild charters were local and short-lived (Arnsburg: 25 days; Velde: 3 days).';
  const other = 'However, the reform was blocked by the old merchant families.';

  it('print the preferred sentence once and the other as a note, when a revision put one in the other’s place', () => {
    const book = merge([[OPEN, kept, CLOSE].join(' ')], [[OPEN, other, CLOSE].join(' ')]);
    const text = sentences(book);
    expect(text.filter((s) => s.startsWith('However'))).toEqual([kept]);
    expect(notes(book).some((n) => n.includes('merchant families'))).toBe(true);
  });

  it('keep both sentences when they stand between different neighbours', () => {
    const book = merge([[OPEN, kept, CLOSE].join(' ')], [[OPEN, other, 'The guild halls were closed.'].join(' ')]);
    expect(sentences(book).filter((s) => s.startsWith('However'))).toHaveLength(2);
  });
});

describe('a source saying again what it said', () => {
  it('is a note at the sentence it restates, when the preferred source says it once', () => {
    const first = 'Few disputes about the founding of the league are more bitter than the one about its first charter.';
    const otherFirst =
      'Few disputes about the founding of the league are more bitter than the quarrel about its first charter.';
    const again =
      'Few disputes about the founding of the league are as bitter as the question of the lost minutes of its council.';
    const book = merge(
      [first, '== Council ==', 'The council met twice a year in the old town hall of Velde.'],
      [otherFirst, '== Council ==', `${again} The council met twice a year in the old town hall of Velde.`],
    );
    expect(sentences(book).filter((s) => s.startsWith('Few disputes'))).toEqual([first]);
    expect(notes(book).some((n) => n.includes('lost minutes'))).toBe(true);
  });
});

describe('a sentence only one source has', () => {
  it('goes before the passage it opens in its source, when the book tells that passage elsewhere', () => {
    const levy = 'The grain levy was raised in 1602 and again in 1610.';
    const views =
      'Some scholars argue that for a long time the grain levy was a sincere policy of the council, not a pretext.';
    const thus = 'Thus, the grain levy was eventually abandoned.';
    const book = merge(
      ['== Levy ==', `${levy} The town paid it in silver.`, '== Views ==', `Historians disagree. ${views}`],
      ['== Levy ==', `${levy} The town paid it in silver. ${thus} ${views}`],
    );
    const block = allBlocks(book).find((b) => b.sentences.includes(views))!;
    expect(block.sentences.indexOf(thus)).toBe(block.sentences.indexOf(views) - 1);
  });
});
