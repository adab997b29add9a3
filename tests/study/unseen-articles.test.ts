/**
 * Issue 20, read as a teacher reads the study aids of real articles the extraction was not written against
 * (excerpts in tests/fixtures/unseen, see SOURCES.md there): a results table is not a timeline, a date that
 * recurs every year or holds "today" takes no year from the narrative, "since"/"seit"/"bis zum Jahr" bound a
 * state rather than date an event, a gloss of birth and death after a name is the person's birth and death,
 * German labels do not start inside a noun phrase, German common nouns are no places, and an agreement of a
 * kind ("einer Endbenutzer-Lizenzvereinbarung") is no treaty.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { mergeSources } from '../../src/merge/index.js';
import { addStudyAids } from '../../src/study/index.js';
import type { StudyGuide, TimelineEvent } from '../../src/model/index.js';
import { FIXTURES, parseText, TEST_META } from '../support/content.js';

const unseen = (file: string, language: string): StudyGuide =>
  addStudyAids(
    mergeSources([parseText(readFileSync(path.join(FIXTURES, 'unseen', file), 'utf8'), file)], {
      ...TEST_META,
      language,
    }),
  );
const kindOf = (g: StudyGuide, term: string) => g.index.find((e) => e.term === term)?.kind;
const blockKind = (g: StudyGuide, id: string) =>
  g.chapters.flatMap((c) => c.sections.flatMap((s) => s.blocks)).find((b) => b.id === id)?.kind;
const on = (g: StudyGuide, date: string): TimelineEvent[] => g.glossaries.timeline.filter((e) => e.date === date);

describe('English articles', () => {
  it('a table of results is no timeline: no row is an event, no label is a row of cells', () => {
    const g = unseen('Scotland-Wales-rugby.wiki', 'en');
    const tables = g.chapters.flatMap((c) => c.sections.flatMap((s) => s.blocks)).filter((b) => b.kind === 'table');
    expect(tables.length).toBeGreaterThanOrEqual(2);
    expect(g.glossaries.timeline.filter((e) => blockKind(g, e.block) === 'table')).toEqual([]);
    for (const e of g.glossaries.timeline) expect(e.text).not.toContain(' | ');
  });

  it('a date told of every year or of today gets no year from the text around it', () => {
    const g = unseen('United-Kingdom-sport.wiki', 'en');
    // "The Open Championship, is played annually on the weekend of the third Friday in July": no year.
    const recurring = g.glossaries.timeline.filter((e) =>
      /\b(?:annually|each year|every year|today)\b/i.test(e.sentence ?? ''),
    );
    expect(recurring.filter((e) => e.yearFrom === 'context')).toEqual([]);
    // "first occurred in 1877": a year the text writes stays an event.
    expect(on(g, '1877').map((e) => e.text)).toEqual(["The world's oldest tennis tournament first occurred"]);
  });

  it('a lifespan in brackets after a name is the birth and the death, and ", Jr." opens no clause', () => {
    const g = unseen('Harry-McPherson.wiki', 'en');
    expect(on(g, '1929-08-22').map((e) => [e.text, e.end])).toEqual([
      ['Harry Cummings McPherson, Jr. born', undefined],
    ]);
    expect(on(g, '2012-02-16').map((e) => e.text)).toEqual(['Harry Cummings McPherson, Jr. died']);
    // "… (August 22, 1929 – February 16, 2012) served as counsel … from 1965 to 1969".
    const served = g.glossaries.timeline.find((e) => /served as counsel/.test(e.text));
    expect(served?.date).toBe('1965');
    expect(served?.text).toMatch(/^Harry Cummings McPherson, Jr\. served as counsel/);
  });

  it('a lifespan after a name the lexicon does not know is a life too, but a war of thirty years is not', () => {
    const text = [
      '# Lives',
      [
        'Magnar Sætre (12 November 1940 – 5 December 2002) was a Norwegian politician for the Labour Party.',
        "The Thirty Years' War (23 May 1618 – 15 May 1648) was a war fought in Central Europe.",
        'The Battle of Kessel Gol (May 11 – September 16, 1939) was a battle on the river.',
      ].join(' '),
    ].join('\n\n');
    const g = addStudyAids(mergeSources([parseText(text, 'lives.md')], TEST_META));
    expect(on(g, '1940-11-12').map((e) => [e.text, e.end])).toEqual([['Magnar Sætre born', undefined]]);
    expect(on(g, '2002-12-05').map((e) => e.text)).toEqual(['Magnar Sætre died']);
    expect(g.glossaries.timeline.filter((e) => /Sætre was a Norwegian politician/.test(e.text))).toEqual([]);
    expect(g.glossaries.timeline.filter((e) => /War (?:born|died)|Gol (?:born|died)/.test(e.text))).toEqual([]);
  });

  it('a biography’s "he" is the person its lead glosses, where the text goes on about them', () => {
    const text = [
      '# Magnar Kvale',
      'Magnar Kvale (12 November 1940 – 5 December 2002) was a Norwegian politician for the Labour Party.',
      'Kvale was born on 12 November 1940 in Bergen, the son of a fisherman.',
      'He was elected to the Norwegian Parliament from Rogaland in 1989, and was re-elected on one occasion.',
      // Another person between: "she" and a "he" after her are not the article's subject.
      'His wife Ingrid Lunde led the Bergen choir. She toured Iceland with the choir in 1975. He joined it in 1977.',
    ].join('\n\n');
    const g = addStudyAids(mergeSources([parseText(text, 'kvale.md')], TEST_META));
    expect(on(g, '1989').map((e) => e.text)).toEqual([
      'Magnar Kvale was elected to the Norwegian Parliament from Rogaland',
    ]);
    // The text tells the birth more fully than the gloss: its line, on the gloss's day.
    expect(on(g, '1940-11-12').map((e) => e.text)).toEqual(['Kvale was born in Bergen']);
    expect(on(g, '2002-12-05').map((e) => e.text)).toEqual(['Magnar Kvale died']);
    expect(on(g, '1975')).toEqual([]);
    expect(on(g, '1977')).toEqual([]);
  });
});

describe('treaties of an English article', () => {
  let g: StudyGuide;
  const treaty = (name: string) => g.glossaries.treaties.find((t) => t.name === name);
  beforeAll(() => {
    g = unseen('United-Kingdom-treaties.wiki', 'en');
  });

  it('dates a signing by its own clause, not by what a participle after the name tells', () => {
    // "In 2012, the UK and Scottish governments signed the Edinburgh Agreement setting out the terms for a
    // referendum on Scottish independence in 2014, …".
    expect(treaty('Edinburgh Agreement')?.date).toBe('2012');
  });

  it('has no ratification before the signing', () => {
    // "the attempt initiated in 1705 led to the Treaty of Union of 1706 being agreed and ratified …".
    const union = treaty('Treaty of Union');
    expect(union?.date).toBe('1706');
    for (const step of union?.history ?? []) if (step.date) expect(step.date >= '1706', step.status).toBe(true);
  });

  it('lists no convention it only names, nor one cut before "for the"', () => {
    // "… under the European Charter for Regional or Minority Languages and the Framework Convention for the
    // Protection of National Minorities.": named, never told as signed, dated or between states.
    expect(g.glossaries.treaties.map((t) => t.name)).toEqual(['Treaty of Union', 'Edinburgh Agreement']);
    expect(g.index.find((e) => e.term === 'Framework Convention')).toBeUndefined();
  });
});

describe('names that read like treaties but are none', () => {
  it('a network protocol and a temperance society are not treaties, nor filed as such', () => {
    // "Point-to-Point Protocol (PPP), the protocol suite commonly used to negotiate point-to-point connections",
    // "publication was taken over by the United Kingdom Alliance, a Manchester-based pro-temperance organization".
    for (const [file, name] of [
      ['Routing-and-Remote-Access-Service.wiki', 'Point-to-Point Protocol'],
      ['The-Atlas-newspaper.wiki', 'United Kingdom Alliance'],
    ] as const) {
      const g = unseen(file, 'en');
      expect(g.glossaries.treaties, file).toEqual([]);
      expect(kindOf(g, name), name).not.toBe('treaty');
    }
  });
});

describe('German articles', () => {
  let bazooka: StudyGuide;
  let firefox: StudyGuide;
  beforeAll(() => {
    bazooka = unseen('Bazooka.wiki', 'de');
    firefox = unseen('Mozilla-Firefox.wiki', 'de');
  });

  it('a birth and a death in brackets are labelled as such, without the brackets', () => {
    const g = unseen('Sara-C.-Bisel.wiki', 'de');
    expect(on(g, '1932-05-13').map((e) => e.text)).toEqual(['Sara C. Bisel geboren in Johnstown, Pennsylvania']);
    expect(on(g, '1996-02-04').map((e) => e.text)).toEqual(['Sara C. Bisel gestorben']);
  });

  it('a label does not start inside a noun phrase joined by "und", nor lose its relative pronoun', () => {
    // "Zur Vermeidung des starken Rückstoßes und der steilen Flugbahn des Sprengkopfes schlug er Anfang August
    // 1941 Colonel Wiley T. Moore … vor": one clause, not "Der steilen Flugbahn …".
    expect(on(bazooka, '1941-08').map((e) => e.text)).toEqual([
      expect.stringMatching(/^Zur Vermeidung des starken Rückstoßes und der steilen Flugbahn/),
    ]);
    // "Erste Prototypen führte er und sein Mitarbeiter Clarence Hickman … vor": he and his colleague.
    expect(on(bazooka, '1918-11-06').map((e) => e.text)).toEqual([
      expect.stringMatching(/führte er und sein Mitarbeiter Clarence Hickman/),
    ]);
    // "… mit einem neuen Muster M1A1, das am 5. Juli 1943 angenommen wurde".
    expect(on(bazooka, '1943-07-05').map((e) => e.text)).toEqual([expect.stringMatching(/M1A1, das angenommen/)]);
  });

  it('files no common noun as a place or an organisation', () => {
    // "in Form der Hale’schen Rakete", "mit einem überarbeiteten Motor", "des Motors",
    // "nach Angaben von StatCounter", "die von Firefox …" / "in Firefox".
    for (const word of ['Form', 'Motor', 'Motors']) expect(kindOf(bazooka, word), word).toBeUndefined();
    for (const word of ['Angaben', 'Form', 'Firefox']) expect(kindOf(firefox, word), word).toBeUndefined();
    expect(kindOf(bazooka, 'Hawaii')).toBe('place');
    expect(kindOf(firefox, 'Mozilla Foundation')).toBe('organisation');
  });

  it('dates no event by "bis zum Jahr" or "seit"', () => {
    // "Im Dezember 2011 wurde der Vertrag bis zum Jahr 2014 verlängert.", "Seit 2014 versucht Mozilla, …".
    expect(on(firefox, '2014').filter((e) => /verlängert|versucht/.test(e.text))).toEqual([]);
    expect(on(firefox, '2011-12').map((e) => e.text)).toEqual([expect.stringMatching(/Vertrag.*verlängert/)]);
  });

  it('asks no cause question where "damit" only means "with it" inside a clause', () => {
    // "Das zu hohe Gewicht des Geschosses und der damit verbundene starke Rückstoß führte …": no aim in it;
    // "… derart hoch, dass damit konventionelle Panzerungen durchschlagen werden können": a result, and the
    // quoted half would end on "dass".
    const causes = bazooka.questions.filter((q) => q.kind === 'cause');
    expect(causes.filter((q) => /^Damit\b/.test(q.answer))).toEqual([]);
    for (const q of causes) expect(q.question).not.toMatch(/\b(?:dass|und|der|die|das)“\?$/);
  });

  it('glosses a name with the date in brackets after it, not a number of a list or a phrase', () => {
    // "So erschienen bislang die Firefox-ESR-Versionen 17 (Ende 2012), 24 (Herbst 2013), 31 (Juli 2014) …",
    // "… aufgrund der Namensgleichheit mit … Firebird mit Version 0.8 (9. Februar 2004) … umbenannt".
    for (const e of firefox.glossaries.timeline) expect(e.text).not.toMatch(/^(?:\d+ \(|\p{Ll})/u);
    expect(on(firefox, '2014-07').map((e) => e.text)).toEqual([
      expect.stringMatching(/^So erschienen bislang die Firefox-ESR-Versionen/),
    ]);
  });

  it('has no treaty where the article names an agreement of a kind ("einer Endbenutzer-Lizenzvereinbarung")', () => {
    expect(firefox.glossaries.treaties).toEqual([]);
  });
});

describe('a Nynorsk article', () => {
  it('asks its questions in Nynorsk, not in English', () => {
    const g = unseen('statoil.wiki', 'nn');
    expect(g.questions.length).toBeGreaterThan(0);
    for (const q of g.questions) expect(q.question).toMatch(/^(?:Fullfør setninga:|Kva (?:dato|person|traktat) )/);
    // "Den 1. oktober 2007 vart Statoil fusjonert med Norsk Hydro …": its day asked in the language's form.
    expect(g.questions.map((q) => q.answer)).toContain('1. oktober 2007');
    // "… før det skifta attende til Statoil frå og med 1. november 2009": the whole preposition goes.
    expect(g.glossaries.timeline.find((e) => e.date === '2009-11-01')?.text).toMatch(/til Statoil$/);
  });
});

describe('signatories and denunciations in other languages', () => {
  const inline = (text: string, language: string) =>
    addStudyAids(mergeSources([parseText(text, 'inline.md')], { ...TEST_META, language }));

  it('German: "von X und Y unterzeichnet" names the signatories, "kündigte" denounces', () => {
    const g = inline(
      [
        '# Rapallo',
        'Der Vertrag von Rapallo wurde am 16. April 1922 von Walther Rathenau und Georg Tschitscherin ' +
          'unterzeichnet. Deutschland kündigte den Vertrag von Rapallo am 3. Mai 1933.',
      ].join('\n\n'),
      'de',
    );
    const [t] = g.glossaries.treaties;
    expect(t?.signatories).toEqual(['Walther Rathenau', 'Georg Tschitscherin']);
    expect(t?.status).toBe('denounced');
    expect(t?.history?.map((h) => [h.status, h.date])).toEqual([
      ['signed', '1922-04-16'],
      ['denounced', '1933-05-03'],
    ]);
  });

  it('French: "signé … par X et Y"', () => {
    const g = inline(
      '# Versailles\n\nLe traité de Versailles fut signé le 28 juin 1919 par Georges Clemenceau et David Lloyd George.',
      'fr',
    );
    expect(g.glossaries.treaties[0]?.signatories).toEqual(['Georges Clemenceau', 'David Lloyd George']);
  });
});

describe('a German list of envoys in a table', () => {
  it('gives each envoy of the table with the post its title names and the term up to the next one', () => {
    const file = 'Liste-der-argentinischen-Botschafter-in-Chile.wiki';
    const g = addStudyAids(
      mergeSources([parseText(readFileSync(path.join(FIXTURES, 'unseen', file), 'utf8'), file)], {
        ...TEST_META,
        language: 'de',
        // A build titles a guide without a quire.yaml by its file's name.
        title: 'Liste-der-argentinischen-Botschafter-in-Chile',
      }),
    );
    expect(g.glossaries.ambassadors.map((a) => [a.name, a.post, a.term])).toEqual([
      ['José Antonio Álvarez Jonte', 'Botschafter in Chile', '1810–1812'],
      ['Bernardo Vera y Pintado', 'Botschafter in Chile', '1812–1817'],
      ['Tomás Guido', 'Botschafter in Chile', '1817–1823'],
      ['Félix De Alzaga', 'Botschafter in Chile', '1823–1825'],
      ['Ignacio Álvarez Thomas', 'Botschafter in Chile', '1825–1830'],
      ['José Mariño', 'Botschafter in Chile', '1830–1845'],
      ['Baldomero García', 'Botschafter in Chile', '1845'],
    ]);
    // Those who appointed them and those they were accredited to ("ernannt von", "akkreditiert bei") are not envoys.
    expect(g.glossaries.ambassadors.find((a) => a.name === 'Cornelio Saavedra')).toBeUndefined();
    // "der argentinischen Botschafter": the country, not the inflected adjective ("Argentinischen").
    expect(new Set(g.glossaries.ambassadors.map((a) => a.country))).toEqual(new Set(['Argentinien']));
  });
});

describe('the index files a name as a place only when it is one', () => {
  it('German: a material after "aus" or a noun after "in" is no place; a region’s compound is', () => {
    // "zwei Griffe aus Holz", "aus [[Kupfer]] statt Stahl", "Schilde aus [[Plexiglas]]", "in [[Steilfeuer]]",
    // "aus Metallband anstatt aus Holz", "aus [[Aluminium]]", "aus [[Gummi]]"; "in [[Westdeutschland]]".
    for (const file of ['Bazooka.wiki', 'Bazooka-materials.wiki']) {
      const g = unseen(file, 'de');
      for (const noun of ['Holz', 'Kupfer', 'Plexiglas', 'Steilfeuer', 'Metallband', 'Aluminium', 'Gummi'])
        expect(kindOf(g, noun), `${file}: ${noun}`).toBeUndefined();
    }
    expect(kindOf(unseen('Bazooka-materials.wiki', 'de'), 'Westdeutschland')).toBe('place');
  });

  it('German: a town the article places ("in Johnstown, Pennsylvania") is a place', () => {
    const g = unseen('Sara-C.-Bisel.wiki', 'de');
    expect(kindOf(g, 'Johnstown')).toBe('place');
    expect(kindOf(g, 'Pennsylvania')).toBe('place');
  });

  it('English: a person is filed under the surname with the suffix kept, never as a place', () => {
    // "under Senator [[Mike Mansfield]]" (Mansfield is a town's name too); "Dr. [[Martin Luther King, Jr.]]".
    const g = unseen('Harry-McPherson-career.wiki', 'en');
    expect(kindOf(g, 'Mansfield, Mike')).toBe('person');
    expect(kindOf(g, 'King, Martin Luther, Jr.')).toBe('person');
    expect(g.index.filter((e) => /Mansfield|^Jr/.test(e.term)).map((e) => e.term)).toEqual(['Mansfield, Mike']);
  });
});

describe('treaties in German and French named by their kind alone, and their protocols', () => {
  const treaty = (g: StudyGuide, name: string) => g.glossaries.treaties.find((t) => t.name === name);

  it('"Unterzeichnet wurde der Vertrag von …": the treaty last named, signed by the two it names', () => {
    const g = unseen('Vertrag-von-Rapallo.md', 'de');
    const rapallo = treaty(g, 'Vertrag von Rapallo');
    // "…, der am 16. April 1922, einem Ostersonntag, im italienischen Rapallo … geschlossen wurde".
    expect(rapallo).toMatchObject({ status: 'signed', date: '1922-04-16' });
    // "von dem deutschen Außenminister Walther Rathenau und seinem sowjetrussischen Amtskollegen Georgi
    // Tschitscherin": the people, without their titles.
    expect(rapallo?.signatories).toEqual(['Walther Rathenau', 'Georgi Tschitscherin']);
    // "zwischen dem Deutschen Reich und der Russischen Sozialistischen Föderativen Sowjetrepublik": states.
    expect(rapallo?.parties).toEqual(['Deutschland', 'Russland']);
  });

  it('one pact under the names the sentence gives it; a name only written inflected is shown as a title', () => {
    const g = unseen('Deutsch-sowjetischer-Nichtangriffspakt.md', 'de');
    // "Der als Hitler-Stalin-Pakt bekannte Vertrag war ein … deutsch-sowjetischer Nichtangriffspakt, der …
    // von dem deutschen Außenminister Joachim von Ribbentrop und dem sowjetischen Außenminister Wjatscheslaw
    // Molotow unterzeichnet wurde".
    const pact = g.glossaries.treaties.find((t) => [t.name, ...t.aliases].includes('Hitler-Stalin-Pakt'));
    expect([pact?.name, ...(pact?.aliases ?? [])].sort()).toEqual([
      'Hitler-Stalin-Pakt',
      'deutsch-sowjetischer Nichtangriffspakt',
    ]);
    expect(pact?.signatories).toEqual(['Joachim von Ribbentrop', 'Wjatscheslaw Molotow']);
    // "unter Bruch des Münchner Abkommens von 1938".
    expect(treaty(g, 'Münchner Abkommen')?.date).toBe('1938');
  });

  it('a date of another treaty in the clause is not this one’s signing', () => {
    // "Der … Grenz- und Freundschaftsvertrag stellt zusammen mit dem deutsch-sowjetischen Nichtangriffspakt vom
    // 23. August 1939 die politischen Eckpfeiler … dar und wurde am 28. September 1939 in Moskau … geschlossen."
    const g = unseen('Grenz-und-Freundschaftsvertrag.md', 'de');
    expect(treaty(g, 'Deutsch-Sowjetische Grenz- und Freundschaftsvertrag')?.date).toBe('1939-09-28');
    expect(treaty(g, 'deutsch-sowjetischen Nichtangriffspakt')?.date).toBe('1939-08-23');
  });

  it('French: "ce pacte … dans un protocole secret", "Il fut rompu le 22 juin 1941"', () => {
    const g = unseen('Pacte-germano-sovietique.md', 'fr');
    // "Le Pacte germano-soviétique (ou Pacte Molotov-Ribbentrop)": one pact with two names.
    expect(g.glossaries.treaties).toHaveLength(1);
    const pact = g.glossaries.treaties[0]!;
    expect(pact).toMatchObject({ name: 'Pacte germano-soviétique', aliases: ['Pacte Molotov-Ribbentrop'] });
    expect(pact.protocols).toEqual(['Protocole secret']);
    expect(pact.history?.map((h) => [h.status, h.date])).toEqual([
      ['signed', '1939-08-23'],
      ['denounced', '1941-06-22'],
    ]);
  });
});

describe('the timeline: a measurement is no event, a range is a range', () => {
  it('a share or a population stated at a date is no event; what happened that year stays', () => {
    const g = unseen('United-Kingdom-statistics.wiki', 'en');
    const texts = g.glossaries.timeline.map((e) => e.text);
    // "In 2011, 40% of the UK's electricity was produced by gas", "England's population in 2011 was found to
    // be 53 million", "In 2012 the average total fertility rate … was 1.92 children per woman".
    for (const t of texts) expect(t).not.toMatch(/\d\s?%|population|average/);
    expect(texts.length).toBeGreaterThan(0);
  });

  it('"between 1815 and 1930" is the span, never its end alone', () => {
    const g = unseen('United-Kingdom-statistics.wiki', 'en');
    const emigrated = g.glossaries.timeline.filter((e) => /emigrated/.test(e.text));
    expect(emigrated.map((e) => [e.date, e.end, e.label])).toEqual([['1815', '1930', '1815–1930']]);
    expect(emigrated[0]!.text).not.toMatch(/^Between/);
  });

  it('"changed … between 1862 and 1865" is dated 1862–1865', () => {
    const g = unseen('The-Atlas-newspaper-title.wiki', 'en');
    const changed = g.glossaries.timeline.find((e) => /title was changed/.test(e.text));
    expect([changed?.date, changed?.end]).toEqual(['1862', '1865']);
  });
});

describe('the timeline of a German article: a share at a date is no event', () => {
  it('"benutzten im März 2008 35 Prozent …", "hatte … einen Marktanteil von über 30 Prozent": none is an event', () => {
    const g = unseen('Mozilla-Firefox-share.wiki', 'de');
    expect(g.glossaries.timeline.filter((e) => /Prozent|Marktanteil/.test(e.text)).map((e) => e.text)).toEqual([]);
  });
});

describe('the timeline of a German article: a range is a range', () => {
  it('"Zwischen 1981 und 1988 leitete sie …", "von 1977 bis 1979": each one event over its span', () => {
    const g = unseen('Sara-C.-Bisel-career.wiki', 'de');
    const spans = g.glossaries.timeline.filter((e) => e.end).map((e) => [e.date, e.end]);
    expect(spans).toEqual([
      ['1977', '1979'],
      ['1981', '1988'],
    ]);
    // No year of a range is an event of its own; "1977 nahm die Smithsonian Institution Bisel … auf" (a year
    // that opens its sentence) is another event of that year.
    const alone = g.glossaries.timeline.filter((e) => !e.end && ['1977', '1979', '1981', '1988'].includes(e.date));
    expect(alone.map((e) => e.sentence)).toEqual([
      '1977 nahm die Smithsonian Institution Bisel als Mitglied und wissenschaftliche Mitarbeiterin auf.',
    ]);
  });
});

describe('the index of English articles: what a name is, by its words and the article’s links', () => {
  it('a body or a team named after a person or a town is no person', () => {
    // "students from the University of Houston", "road producer for the Houston Astros", "One Houston united".
    const g = unseen('Allen-R.-Morris-Houston.wiki', 'en');
    const people = g.index.filter((e) => e.kind === 'person').map((e) => e.term);
    expect(people.filter((p) => /University|Astros|One\b|ONE\b/.test(p))).toEqual([]);
    expect(people).toContain('Gray, Roger');
  });

  it('a magazine the article links as one is a body, not a place "in" which something appeared', () => {
    // "to debut in ''[[Esquire (magazine)|Esquire]]''", "A review of ''Big Magic'' in ''[[Slate (magazine)|Slate]]''".
    const g = unseen('Elizabeth-Gilbert-magazines.wiki', 'en');
    expect(kindOf(g, 'Esquire')).toBe('organisation');
    expect(kindOf(g, 'Slate')).toBe('organisation');
    expect(g.index.filter((e) => e.kind === 'place').map((e) => e.term)).not.toContain('Big Magic');
  });
});
