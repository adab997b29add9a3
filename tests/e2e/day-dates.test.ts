/**
 * Issue 18: day dates written the German, Norwegian and Afrikaans way reach the guide's timeline as day
 * dates, through the whole chain a build runs (wikitext reader, detected language, merge, study aids).
 * The articles are small ones of our own, in each language's usual date styles, plain and linked.
 */
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/schema.js';
import { bookMeta } from '../../src/pipeline/stages.js';
import { prepareBook } from '../../src/pipeline/prepare.js';
import { addStudyAids } from '../../src/study/index.js';
import { parseText } from '../support/content.js';

function timeline(wiki: string) {
  const config = ConfigSchema.parse({});
  const source = parseText(wiki, 'article.wiki', { format: 'wikitext' });
  const meta = bookMeta(config, [source], 'Article', '2026-01-01');
  const guide = addStudyAids(prepareBook([source], meta, config));
  return {
    language: meta.language,
    // A day starts an event or ends one (a life told in one sentence is one span: birth to death).
    days: guide.glossaries.timeline
      .filter((e) => e.precision === 'day')
      .flatMap((e) => (e.end ? [e.date, e.end] : [e.date])),
  };
}

const GERMAN = `'''Anna Berger''' (* [[13. Mai]] [[1932]] in Köln; † 2. Februar 2001 in Bonn)
war eine deutsche Archäologin.

== Leben ==
Sie studierte in Köln und Bonn Archäologie und Geschichte. Am 19. Oktober 2005 wurde ihr Werk mit einem Preis
ausgezeichnet, der ihr nach ihrem Tod verliehen wurde. Die Stadt benannte im Jahr 2010 eine Straße nach ihr, und
die Universität gab eine Sammlung ihrer Schriften heraus. Viele ihrer Funde sind heute im Museum zu sehen.
`;

const NORWEGIAN = `'''Ola Nordmann''' (født 4. mars 1950 i Bergen) er en norsk politiker.

== Liv ==
Han ble valgt til Stortinget 1. november 2009 og satt der i to perioder. Han var medlem av finanskomiteen og
ledet partiets arbeid med skatt og næring. Den 17. mai 2015 holdt han en tale i byen der han er født. Han har
skrevet flere bøker om politikk og historie, og han bor nå på en gård utenfor byen.
`;

const AFRIKAANS = `'''Jan Botha''' (gebore [[19 Oktober]] [[1963]] in Pretoria) is 'n Suid-Afrikaanse skrywer.

== Lewe ==
Hy het in Pretoria skoolgegaan en daarna aan die universiteit gestudeer. Sy eerste roman het op 3 Maart 1993
verskyn en is goed deur die lesers ontvang. Hy het ook vir die koerant geskryf en 'n aantal verhale gepubliseer.
Die boek is in verskeie tale vertaal, en hy woon nou in Kaapstad saam met sy gesin.
`;

describe('day dates in German, Norwegian and Afrikaans reach the timeline', () => {
  it('German: "13. Mai 1932" (linked), "2. Februar 2001", "am 19. Oktober 2005"', () => {
    const { language, days } = timeline(GERMAN);
    expect(language).toBe('de');
    expect(days).toEqual(expect.arrayContaining(['1932-05-13', '2001-02-02', '2005-10-19']));
  });

  it('Norwegian: "4. mars 1950", "1. november 2009", "17. mai 2015"', () => {
    const { language, days } = timeline(NORWEGIAN);
    expect(language).toMatch(/^(nb|no|nn)$/);
    expect(days).toEqual(expect.arrayContaining(['1950-03-04', '2009-11-01', '2015-05-17']));
  });

  it('Afrikaans: "19 Oktober 1963" (linked), "3 Maart 1993"', () => {
    const { language, days } = timeline(AFRIKAANS);
    expect(language).toBe('af');
    expect(days).toEqual(expect.arrayContaining(['1963-10-19', '1993-03-03']));
  });
});
