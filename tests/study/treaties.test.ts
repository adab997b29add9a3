import { describe, expect, it } from 'vitest';
import { mergeSources } from '../../src/merge/index.js';
import { extractTreaties } from '../../src/study/treaties.js';
import { addStudyAids } from '../../src/study/index.js';
import { DEFAULT_TEMPLATES, TemplateSet } from '../../src/render/html/templates.js';
import { buildView } from '../../src/render/view/index.js';
import { parseText, TEST_META } from '../support/content.js';

/** A made-up article: nothing in it is a word the extraction knows beforehand. */
const ARTICLE = [
  '# Relations between Norvania and Estmark',
  '## Trade',
  [
    `In 1880 the Norvanian–Estmark Commercial Agreement (1880) was signed in Kessel.`,
    `Talks on a larger deal went on for years.`,
    `The 1886 Norvanian–Estmark Commercial Agreement extended the earlier one until 1890.`,
  ].join(' '),
  [
    `Norvania and Estmark entered a broad trade pact on March 3, 1886, that doubled the trade of 1880.`,
    `The trade pact helped Norvik's harbour.`,
  ].join(' '),
  '## The border',
  'On May 4, 1887, an Estmark delegation headed by Chancellor Mira Voss arrived in Norvik, and that night the ' +
    'Kessel–Voss Treaty was signed by her and her Norvanian colleague Piet Holmgaard, in the presence of the court.',
  [
    `Talks went on.`,
    `On June 1, 1888, in Norvik Holmgaard and Voss signed the Lake Border Treaty, fixing the border on the lake.`,
  ].join(' '),
  '## Other powers',
  'Estmark then sought a pact with Lidia. (Although Lidia had already signed the Ostrel Harbour Pact in 1885.)',
].join('\n\n');

/** The treaties of a made-up text, read and merged as a build does. */
const treatiesOf = (text: string, file: string) => extractTreaties(mergeSources([parseText(text, file)], TEST_META));

const treaties = treatiesOf(ARTICLE, 'norvania.md');
const find = (name: string) => treaties.find((t) => t.name === name);

describe('a treaty named only in an aside', () => {
  it('is not described by a subordinate clause in brackets', () => {
    const pact = treaties.find((t) => /Ostrel Harbour Pact/.test(t.name));
    expect(pact).toBeDefined();
    expect(pact!.description).toBe('');
  });
});

describe('treaties as instruments (an article made up for the test)', () => {
  it('reads "a trade pact" of a year as the one commercial agreement of that year, with its day', () => {
    expect(find('Norvanian–Estmark Commercial Agreement (1886)')).toMatchObject({ date: '1886-03-03' });
    expect(find('Norvanian–Estmark Commercial Agreement (1880)')).toMatchObject({ date: '1880' });
  });

  it('gives "signed by her and …" the person the sentence named before, not a name inside the treaty', () => {
    expect(find('Kessel–Voss Treaty')!.signatories).toEqual(['Mira Voss', 'Piet Holmgaard']);
  });

  it('takes signers named before "signed" when they are people, under their full names', () => {
    expect(find('Lake Border Treaty')).toMatchObject({
      date: '1888-06-01',
      signatories: ['Piet Holmgaard', 'Mira Voss'],
    });
  });
});

/** Another made-up article: steps whose dates belong to other clauses, years written after names, protocols. */
const STEPS = [
  '# Norvania and Estmark, 1890–1899',
  '## Alliances',
  [
    `On May 2, 1895, Norvania and Estmark signed the Norvanian–Estmark Treaty of Mutual Assistance.`,
    `Norvania's ratification of the treaty provided one of the reasons why the king dissolved the council on ` +
      `March 7, 1896.`,
    `The treaty was also supplemented by a secret additional protocol, which divided the islands.`,
    `The secret protocol of the Norvanian–Estmark Treaty of Mutual Assistance was found in 1945.`,
  ].join(' '),
  [
    `Also in 1897, Estmark broke its isolation and took part in the Kessel Accords with Norvania and Lidia, ` +
      `undertaking not to attack them.`,
    `The northern states had long resented the three coastal towns' leaning toward Lidia and the mainland ` +
      `powers, and the so-called Harbour Entente of 1893, which could be reoriented, and later used it to ` +
      `accuse the towns of a breach of the old charters.`,
    `In 1898 the king of Lidia asked Mira Voss to sign another secret protocol with the statement that the ` +
      `islands were Lidian.`,
    `On June 16, the king closed the harbour, citing his concerns over the Harbour Entente, and the lords acceded.`,
  ].join(' '),
].join('\n\n');

describe('steps and years told beside a treaty (a made-up article)', () => {
  const list = treatiesOf(STEPS, 'steps.md');
  const get = (name: string) => list.find((t) => t.name === name);

  it('does not date a step by a date its sentence gives to another clause ("… the reasons why … on March 7")', () => {
    const t = get('Norvanian–Estmark Treaty of Mutual Assistance')!;
    expect(t.date).toBe('1895-05-02');
    expect(t.history).toContainEqual(expect.objectContaining({ status: 'ratified', date: null }));
    expect(JSON.stringify(t)).not.toContain('1896');
    // An undated ratification follows the dated signing it follows in fact.
    expect(t.history!.map((h) => h.status)).toEqual(['signed', 'ratified']);
  });

  it('reads a year written after the name ("… Entente of 1893") and the year a joining is told in', () => {
    expect(get('Harbour Entente')).toMatchObject({ date: '1893' });
    // Described where the text introduces it by its name, not where a participle's phrase names it in passing.
    expect(get('Harbour Entente')!.description).toMatch(/so-called Harbour Entente/);
    expect(get('Kessel Accords')).toMatchObject({ date: '1897', status: 'signed' });
  });

  it('names each protocol once, and gives none for a protocol only asked for', () => {
    expect(get('Norvanian–Estmark Treaty of Mutual Assistance')!.protocols).toEqual(['Secret additional protocol']);
    expect(list.flatMap((t) => t.protocols ?? [])).toHaveLength(1);
  });
});

describe('parties of a treaty joined with others', () => {
  it('reads "X … took part in the … Accords with Y and Z" as three states, and not when one is no state', () => {
    const text = [
      '# Alliances',
      'In 1897, Portugal broke its isolation and took part in the Tagus Accords with Spain and France, ' +
        'undertaking not to attack them.',
      'In 1898, the guild broke its silence and took part in the Ostrel Charter Accords with Spain and the Hansa.',
      'In 1899, Italy took part in the Nile Accords with Egypt and Greece.',
      'The Vigo Pact was signed in 1900. After the Vigo Pact lapsed, Poland joined an alliance with Spain and France.',
    ].join('\n\n');
    const list = treatiesOf(text, 'alliances.md');
    expect(list.find((t) => t.name === 'Tagus Accords')?.parties).toEqual(['Portugal', 'Spain', 'France']);
    expect(list.find((t) => /Ostrel/.test(t.name))?.parties ?? []).toEqual([]);
    // The subject right before the verb; another instrument's joining gives this one no parties.
    expect(list.find((t) => t.name === 'Nile Accords')?.parties).toEqual(['Italy', 'Egypt', 'Greece']);
    expect(list.find((t) => t.name === 'Vigo Pact')?.parties ?? []).toEqual([]);
  });
});

describe('a treaty described by a sentence that opens with a connective', () => {
  it('describes it without the connective that joins the sentence to the one before', () => {
    const text = [
      '# Border',
      'The border war went on for years. However, in 1902 Portugal and Spain signed the Douro Treaty of ' +
        'Friendship, ending the border war.',
    ].join('\n\n');
    const list = treatiesOf(text, 'border.md');
    expect(list.find((t) => t.name === 'Douro Treaty of Friendship')?.description).toBe(
      'In 1902 Portugal and Spain signed the Douro Treaty of Friendship, ending the border war.',
    );
  });
});

describe('a treaty described by a sentence that leans on the one before', () => {
  it('describes it with the sentence before, which says what "this" is', () => {
    const text = [
      '# Border',
      'Portugal was also quick to settle its quarrels with Spain over the river ports. This culminated in ' +
        'the conclusion of the Douro Treaty of Friendship on May 3, 1902.',
    ].join('\n\n');
    const list = treatiesOf(text, 'border.md');
    expect(list.find((t) => t.name === 'Douro Treaty of Friendship')?.description).toBe(
      'Portugal was also quick to settle its quarrels with Spain over the river ports. This culminated in the ' +
        'conclusion of the Douro Treaty of Friendship on May 3, 1902.',
    );
  });
});

describe('an instrument the text defines, whatever its name (a made-up article)', () => {
  const article = [
    '# The Norvik Amendment',
    'The Norvik Amendment to the Tolland Protocol is an international agreement to cut the river tolls. ' +
      'It is a binding agreement between the river states.',
    'The Tolland Protocol was signed in 1990 by the river states.',
    'As of 1 May 2020, forty states have ratified the Norvik Amendment.',
    'The Harbour Board is a body that keeps the quays.',
    'Estmark was a party to the treaty of the lakes. Lidia was opposed to the pact. Vorsk was to join the pact.',
  ].join('\n\n');
  const found = treatiesOf(article, 'norvik.md');

  it('files it in the glossary, described by the sentence that says what it is', () => {
    const amendment = found.find((t) => t.name === 'Norvik Amendment');
    expect(amendment).toMatchObject({ status: 'ratified' });
    expect(amendment!.description).toMatch(/^The Norvik Amendment to the Tolland Protocol is an international/);
    expect(found.find((t) => t.name === 'Tolland Protocol')).toMatchObject({ date: '1990' });
  });

  it('dates no step by the day an "as of" tells how things stood', () => {
    const amendment = found.find((t) => t.name === 'Norvik Amendment')!;
    expect(amendment.history!.find((h) => h.status === 'ratified')).toMatchObject({ date: null });
  });

  it('makes no instrument of a pronoun, a body, or a state the text says took part in one', () => {
    expect(found.map((t) => t.name).sort()).toEqual(['Norvik Amendment', 'Tolland Protocol']);
  });
});

describe('a sentence with two signings (a made-up article)', () => {
  const found = treatiesOf(
    [
      '== War ==',
      'A truce ending the siege was signed on 3 March 1881, and Lidia was made to sign the [[Treaty of Kessel]] in ' +
        'June 1882.',
      'The [[Treaty of Kessel]] limited the fleet of Lidia to twelve ships.',
    ].join('\n\n'),
    'kessel.wiki',
  );

  it('dates the treaty by the signing nearest its name, not by the first of the sentence', () => {
    expect(found.find((t) => t.name === 'Treaty of Kessel')).toMatchObject({ date: '1882-06', status: 'signed' });
  });
});

describe('a state that joined a treaty later (a made-up article)', () => {
  const found = treatiesOf(
    [
      '== Pacts ==',
      'On November 25, 1886, Germany and Japan concluded the [[Anti-Guild Pact]], which Fascist Italy joined in ' +
        '1887.',
      'The Anti-Guild Pact was aimed at the harbour guilds of the north.',
    ].join('\n\n'),
    'guilds.wiki',
  );

  it('lists it apart from the parties that concluded it, with the year it joined', () => {
    const pact = found.find((t) => t.name === 'Anti-Guild Pact');
    expect(pact?.parties).toEqual(['Germany', 'Japan']);
    expect(pact?.joined).toEqual([{ party: 'Italy', date: '1887' }]);
  });

  it('shows it so on the glossary page', () => {
    const text = [
      '== Pacts ==',
      'On November 25, 1886, Germany and Japan concluded the [[Anti-Guild Pact]], which Fascist Italy joined in 1887.',
    ].join('\n\n');
    const guide = addStudyAids(mergeSources([parseText(text, 'guilds.wiki')], TEST_META));
    const page = new TemplateSet(DEFAULT_TEMPLATES).render(
      'guide.html.liquid',
      buildView(guide, { paper: 'A4', assets: '' }),
    );
    const line = /<p class="parties">(.*?)<\/p>/.exec(page.slice(page.indexOf('Anti-Guild Pact')))?.[1];
    expect(line).toBe('Parties: Germany, Japan; joined later: Italy (1887)');
  });
});

describe('a treaty a state was pressed to sign, and refused (a made-up article)', () => {
  const found = treatiesOf(
    [
      '== Kars ==',
      'In March 1920 Lidia was pressured to sign the [[Treaty of Kars]], but its government refused.',
      'The Treaty of Kars was finally signed on 13 October 1921 by Lidia and Kessel.',
    ].join('\n\n'),
    'kars.wiki',
  );

  it('dates the signing by the day it was signed', () => {
    expect(found.find((t) => t.name === 'Treaty of Kars')).toMatchObject({ date: '1921-10-13', status: 'signed' });
  });
});
