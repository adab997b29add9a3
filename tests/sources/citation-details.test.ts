/**
 * A note keeps what a reader needs to find its source: the address of a link written as `[https://… label]`,
 * an archived copy's address, a journal's volume, issue and pages, and identifiers (PMID, ISBN, doi); on the
 * web page the addresses are links.
 */
import { describe, expect, it } from 'vitest';
import { parseText } from '../support/content.js';
import { builtPage } from '../support/cli.js';

const ARTICLE = [
  "The '''Vell ferry''' crossed the strait from 1881.<ref>[https://example.org/ferry Ferry records of Vell] " +
    '{{webarchive |url=https://web.archive.org/web/2007/https://example.org/ferry |date=December 9, 2007}}</ref>',
  '',
  '== History ==',
  'The crossing took forty minutes.<ref>{{cite journal |last=Kvale |first=Anna |year=1953 ' +
    '|title=Ferries of the north |journal=J. Harb. Stud. |volume=204 |issue=1 |pages=159–67 |pmid=13084587 ' +
    '|url=https://example.org/ferries.pdf}}</ref> ' +
    'Its log was printed.<ref>{{cite book |last=Lund |first=Jon |title=The Vell log |publisher=Norvik Press ' +
    '|year=1990 |page=35 |isbn=0-8147-1381-5}}</ref> ' +
    'Its timetable survives.<ref>{{PDFlink|[https://example.org/timetable.pdf Ferry timetable]|1.2 MB}} ' +
    'Vell Council, 1911. {{Wayback|url=https://example.org/timetable|date=20070220074134}}</ref> ' +
    'Its crews were listed.<ref>{{cite book |title=Crews of Vell |pages=409–412 |year=1920}} ' +
    '{{cite news |title=Ferry news |work=Vell Times |page=National, 1.A |date=1998}}</ref>',
  '',
  '== References ==',
  '{{reflist}}',
  '',
].join('\n');

describe('what a note keeps of its source', () => {
  const notes = () => parseText(ARTICLE, 'vell.wiki').citations.map((c) => c.text);

  it('keeps a labelled link’s address and an archived copy’s, each once', () => {
    const first = notes()[0]!;
    expect(first).toMatch(
      /^Ferry records of Vell https:\/\/web\.archive\.org\/web\/2007\/https:\/\/example\.org\/ferry/,
    );
    expect(first).toContain('(December 9, 2007)');
    expect(first.endsWith(' https://example.org/ferry')).toBe(true);
  });

  it('writes a journal’s volume, issue and pages, a book’s page, and their identifiers', () => {
    const [, journal, book] = notes();
    expect(journal).toBe(
      'Kvale, Anna. “Ferries of the north”. J. Harb. Stud. 204 (1): 159–67. 1953. PMID 13084587. ' +
        'https://example.org/ferries.pdf',
    );
    expect(book).toBe('Lund, Jon. “The Vell log”. p. 35. Norvik Press, 1990. ISBN 0-8147-1381-5.');
  });

  it('unwraps a PDF link, gives a Wayback snapshot its address, and writes "pp." only before pages', () => {
    const [, , , timetable, crews] = notes();
    expect(timetable).toBe(
      'Ferry timetable (PDF) Vell Council, 1911. https://web.archive.org/web/20070220074134/https://example.org/timetable. ' +
        'https://example.org/timetable.pdf',
    );
    expect(crews).toBe('“Crews of Vell”. pp. 409–412. 1920. “Ferry news”. Vell Times, National, 1.A. 1998.');
  });

  it('makes the addresses links on the web page', async () => {
    const html = await builtPage({ 'vell.wiki': ARTICLE });
    const hrefs = [...html.matchAll(/<li id="[^"]*note-\d+"[^>]*>.*?<\/li>/gs)].flatMap((m) =>
      [...m[0].matchAll(/<a href="(https:[^"]+)"/g)].map((a) => a[1]),
    );
    expect(hrefs).toEqual([
      'https://web.archive.org/web/2007/https://example.org/ferry',
      'https://example.org/ferry',
      'https://example.org/ferries.pdf',
      'https://web.archive.org/web/20070220074134/https://example.org/timetable',
      'https://example.org/timetable.pdf',
    ]);
  });
});

describe('what a note keeps of a cite template’s details (made up)', () => {
  const cited = (template: string) =>
    parseText(`The ferry ran daily.<ref>${template}</ref>\n`, 'vell.wiki').citations[0]!.text;

  it('gives a chapter with the book it is in, and each of two chapters of one book apart', () => {
    const a = cited('{{cite book |last=Lund |first=Jon |title=Harbours of Vell |chapter=The First Quay |year=1990}}');
    const b = cited('{{cite book |last=Lund |first=Jon |title=Harbours of Vell |chapter=The Second Quay |year=1990}}');
    expect(a).toContain('“The First Quay”. Harbours of Vell.');
    expect(a).not.toBe(b);
  });

  it('keeps where and when a book was printed, and when it first appeared', () => {
    const note = cited(
      '{{cite book |last=Voss |first=Mira |title=Name und Nation |publisher=Dieterich |location=Leipzig ' +
        '|year=1932 |orig-year=1921}}',
    );
    expect(note).toContain('Leipzig: Dieterich, 1932 [1921].');
  });

  it('keeps a title’s own closing mark, and a first date given alone', () => {
    expect(cited('{{cite book |title=And Then There Were None... |year=1939}}')).toContain(
      '“And Then There Were None...”.',
    );
    expect(cited('{{cite news |chapter=Reviews |title=Who Framed Roger Rabbit? |work=Variety |year=1988}}')).toContain(
      '“Reviews”. Who Framed Roger Rabbit? Variety.',
    );
    expect(cited('{{cite book |title=Name und Nation |orig-year=1921 |publisher=Dieterich}}')).toContain(
      'Dieterich, [1921].',
    );
  });

  it('keeps the words the article quotes from its source', () => {
    const note = cited(
      '{{cite web |title=Briefing Note |url=https://example.org/note |quote=The amendment binds a party only ' +
        'once it enters into force for that party.}}',
    );
    expect(note).toMatch(/“The amendment binds a party only once it enters into force for that party\.”$/);
  });

  it('links a dead address’s archived copy, and a live one’s own address', () => {
    const dead = cited(
      '{{cite web |title=Ferry list |url=https://example.org/old |archive-url=https://web.archive.org/web/2014/x ' +
        '|url-status=dead}}',
    );
    const live = cited(
      '{{cite web |title=Ferry list |url=https://example.org/old |archive-url=https://web.archive.org/web/2014/x ' +
        '|url-status=live}}',
    );
    expect(dead).toContain('https://web.archive.org/web/2014/x');
    expect(dead).not.toContain('https://example.org/old');
    expect(live).toContain('https://example.org/old');
    expect(
      cited('{{cite news |title=Old list |url=https://example.org/a |archiveurl=https://archive.org/a |deadurl=yes}}'),
    ).toContain('https://archive.org/a');
    // Other wikis' names for the same: Russian `deadlink=yes`, German `archiv-url` with `offline=ja`.
    const ru = cited(
      '{{cite web |title=Перепись |url=http://db1.stat.gov.lt/a |archiveurl=https://web.archive.org/r |deadlink=yes}}',
    );
    expect(ru).toContain('https://web.archive.org/r');
    expect(ru).not.toContain('db1.stat.gov.lt');
    const de = cited(
      '{{Internetquelle |titel=Liste |url=https://example.de/a |archiv-url=https://web.archive.org/d |offline=ja}}',
    );
    expect(de).toContain('https://web.archive.org/d');
    expect(de).not.toContain('example.de/a');
  });

  it('sets a bare address apart from the text before it, and from another address', () => {
    expect(cited('Listed as a region.[https://example.org/a][http://example.net/b]')).toBe(
      'Listed as a region. https://example.org/a http://example.net/b',
    );
    expect(cited('(see [https://example.org/a])')).toBe('(see https://example.org/a)');
    expect(cited("''Pribaltika''[https://example.org/a]")).toBe('Pribaltika https://example.org/a');
  });

  it('quotes a title in the article’s language’s quotation marks', () => {
    const polish = parseText(
      'Polska jest państwem w Europie Środkowej, a jej stolicą jest Warszawa, największe miasto kraju.' +
        '<ref>{{Cytuj książkę |autor=Jan Miodek |tytuł=Słownik ojczyzny polszczyzny |rok=2002}}</ref>\n',
      'polska.wiki',
    ).citations[0]!.text;
    expect(polish).toContain('„Słownik ojczyzny polszczyzny”.');
    expect(cited('{{cite book |title=The Vell log |publisher=Norvik Press |year=1990}}')).toContain('“The Vell log”.');
  });

  it('keeps a book’s place of publication under other wikis’ names (Polish `miejsce`)', () => {
    expect(
      cited('{{Cytuj książkę |autor=Jan Miodek |tytuł=Słownik |wydawca=Europa |miejsce=Wrocław |rok=2002}}'),
    ).toContain('Wrocław: Europa, 2002.');
  });
});
