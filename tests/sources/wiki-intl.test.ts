/**
 * Real articles of the French, Russian, Polish and Portuguese Wikipedias (tests/fixtures/intl-wikis, see its
 * README): what their own templates, abbreviations and language names become for a reader of that language.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import { readWikitext } from '../../src/sources/wikitext.js';
import { splitSentences } from '../../src/merge/sentences.js';
import { isBackMatterTitle } from '../../src/util/language.js';

const FIXTURES = new URL('../fixtures/intl-wikis/', import.meta.url);

function read(name: string) {
  const text = readFileSync(new URL(name, FIXTURES), 'utf8');
  return readWikitext({ text, file: name, format: 'wikitext' });
}

const textOf = (name: string) =>
  read(name)
    .tree.children.map((c) => toString(c).replace(/\s+/g, ' '))
    .join('\n');

const rules = (name: string) => read(name).warnings.map((w) => `${w.rule}: ${w.message}`);

/** The sentences of each paragraph, as the merge cuts them in the article's language. */
function sentencesOf(name: string, language: string): string[] {
  return read(name).tree.children.flatMap((block) =>
    block.type === 'paragraph' ? splitSentences(block.children, language).map((s) => s.text.trim()) : [],
  );
}

describe('French: templates that write text', () => {
  const guide = textOf('fr-antoine-meillet.wiki');

  it('writes a century or an edition named by an ordinal ({{XXe siècle}}, {{1re}}, {{3e}})', () => {
    expect(guide).toContain('des premières décennies du XXe siècle.');
    expect(guide).toContain('1903 (1re éd.), Hachette, Paris, 1912 (3e éd.)');
  });

  it('writes a century in a note ({{s-|XX|e}}: "XXe s.")', () => {
    const notes = read('fr-antoine-meillet.wiki').citations.map((c) => c.text);
    expect(notes.join('\n')).toContain('La poésie populaire épique en Yougoslavie au début du XXe s. (Paris: Champion');
  });

  it('keeps the text a maintenance mark is written around ({{refnec|…}}), and drops the mark', () => {
    expect(guide).toContain(
      "étrangers. Il est notamment l'inspirateur de la définition de la phrase adoptée par le linguiste américain " +
        'Leonard Bloomfield. Il a également',
    );
    expect(guide).not.toContain('..');
    expect(rules('fr-antoine-meillet.wiki').join('\n')).toContain('refnec');
  });

  it('makes {{citation bloc|…}} a block quote', () => {
    const quote = read('fr-antoine-meillet.wiki').tree.children.find((c) => c.type === 'blockquote');
    expect(quote && toString(quote)).toMatch(/^L'épopée homérique est entièrement composée de formules/);
  });

  it('reads a citation template it does not know by name from what it is given ({{Chapitre|titre=…}})', () => {
    expect(guide).toContain('de Lamberterie, Charles. « Milman Parry et Antoine Meillet ». Hommage à Milman Parry.');
    expect(rules('fr-antoine-meillet.wiki')).toContain(
      'guessed-template: unknown template "Chapitre" read as a citation',
    );
  });
});

describe('Russian: language names, language codes, anchors, abbreviations', () => {
  const guide = textOf('ru-litva.wiki');

  it('names a language in the article’s language ({{lang-lt|Lietuva}}: "литовский: Lietuva")', () => {
    expect(guide).toContain('Литва́ (литовский: Lietuva), официальное название — Лито́вская Респу́блика (литовский:');
    expect(guide).not.toContain('Lithuanian');
  });

  it('leaves out a language code given before the text it labels ({{langi|lt|Jogaila}})', () => {
    expect(guide).toContain('Ягайло (Jogaila) Кревской унией');
    expect(guide).not.toMatch(/\blt Jogaila/);
  });

  it('drops an anchor ({{якорь|…}}): its name is not text', () => {
    expect(guide).toContain('В июне 2008 года парламент Литвы');
    expect(guide).not.toContain('запрет символики');
  });

  it('reads {{книга|автор=…|заглавие=…}} in a reference as a citation', () => {
    const notes = read('ru-litva.wiki').citations.map((c) => c.text);
    // Its page in the book's language's abbreviation, its ISBN.
    expect(notes.join('\n')).toContain(
      '«Jewish Life in Lithuania. Exhibition Catalogue». с. 38. Vilnius: Žara, 2001. ISBN 9986-34-090-X.',
    );
  });

  it('does not end a sentence after "см." (see)', () => {
    expect(sentencesOf('ru-litva.wiki', 'ru')).toContain(
      'В Литве зарегистрировано 44 политические партий (см. Политические партии Литвы).',
    );
  });

  it('takes "Примечания" for back matter', () => {
    expect(isBackMatterTitle('Примечания')).toBe(true);
  });
});

describe('Polish: abbreviations of dates and saints', () => {
  const sentences = sentencesOf('pl-abraham-von-dohna.wiki', 'pl');

  it('does not end a sentence after "ur." (born), "zm." (died) or "św." (saint)', () => {
    expect(sentences[0]).toMatch(/^Abraham von Dohna \(ur\. 11 grudnia 1561r\., zm\. 1 maja 1613 r\. we Wrocławiu\)/);
    expect(sentences).toContain(
      'Chociaż wychował się w duchu protestantyzmu wyraźnie sprzyjał katolikom, odbierając w 1601 r. sycowskim ' +
        'protestantom kościół św. Piotra i Pawła, pozostawiając w ich rękach mniejszy kościół p.w. św. Michała.',
    );
  });

  it('does not end a sentence after an abbreviation closing a bracket before a year ("st.st.] 1833")', () => {
    expect(sentencesOf('pl-aleksandr-borodin.wiki', 'pl')).toEqual([
      'Aleksandr Porfirjewicz Borodin (ur. 12 listopada [31 października st.st.] 1833 w Petersburgu, zm. 27 lutego ' +
        '[15 lutego st.st] 1887 tamże) – chemik rosyjski, w wolnym czasie kompozytor i muzyk.',
      expect.any(String),
    ]);
  });

  it('takes "Przypisy" for back matter', () => {
    expect(isBackMatterTitle('Przypisy')).toBe(true);
  });
});

describe('Portuguese: {{Citar web}} in a reference', () => {
  it('makes a note of its title and publisher', () => {
    const notes = read('pt-astronomia.wiki').citations.map((c) => c.text);
    expect(notes[0]).toBe(
      '“Censo de Astrônomos”. Sociedade Astronômica Brasileira. http://www.sab-astro.org.br/levantamento_2011.htm',
    );
  });
});

describe('Spanish: a note written in a heading', () => {
  it('notes the table under the heading with it (the title carries no notes)', () => {
    const { tree, citations } = read('es-demografia-de-andorra.wiki');
    const heading = tree.children.find((c) => c.type === 'heading');
    expect(heading && toString(heading)).toBe('Nacimientos y defunciones');
    const table = tree.children.find((c) => c.type === 'table');
    const lastHeader = table?.type === 'table' ? table.children[0]!.children.at(-1)! : undefined;
    const ref = lastHeader?.children.find((c) => c.type === 'footnoteReference');
    const note = citations.find((c) => ref?.type === 'footnoteReference' && c.key === ref.identifier);
    expect(note?.text).toContain("Departament d'Estadística");
  });
});

describe('citation templates named in other languages, read from their parameters', () => {
  const notesOf = (text: string) =>
    readWikitext({ text, file: 'a.wiki', format: 'wikitext' }).citations.map((c) => c.text);

  it('Korean: {{서적 인용}} and {{뉴스 인용}} keep author, title, publisher, date and page', () => {
    const notes = notesOf(
      '조지 루카스는 감독이다.<ref>{{서적 인용 |성=White |이름=Dana |날짜=2000년 |제목=George Lucas |쪽=12 ' +
        '|출판사=Twenty-First Century Books |isbn=0822549751}}</ref> 회사를 팔았다.<ref>{{뉴스 인용 ' +
        '|제목=루카스필름, 월트디즈니에 팔린다 |url=http://news.example/1 |뉴스=경향신문 |날짜=2012-10-31}}</ref>',
    );
    expect(notes).toEqual([
      'White, Dana. “George Lucas”. p. 12. Twenty-First Century Books, 2000년. ISBN 0822549751.',
      '“루카스필름, 월트디즈니에 팔린다”. 경향신문. 2012-10-31. http://news.example/1',
    ]);
  });

  it('takes no maintenance mark with a section and a date for a citation', () => {
    const { tree } = readWikitext({
      text: 'The army moved{{Dubious inline|section=Battle|date=May 2020}} north.',
      file: 'a.wiki',
      format: 'wikitext',
    });
    expect(toString(tree.children[0]!)).toBe('The army moved north.');
  });

  it('French: {{Chapitre}} with "titre chapitre" and "titre ouvrage" is a citation of a chapter', () => {
    const { citations, tree } = readWikitext({
      text:
        '== Bibliographie ==\n* {{Chapitre|prénom1=Charles|nom1=de Lamberterie|titre chapitre=Milman Parry et ' +
        'Antoine Meillet|titre ouvrage=Hommage à Milman Parry|lieu=Amsterdam|éditeur=Gieben|année=1997}}',
      file: 'a.wiki',
      format: 'wikitext',
    });
    expect(citations).toEqual([]);
    expect(tree.children.map((c) => toString(c)).join('\n')).toContain(
      'de Lamberterie, Charles. “Milman Parry et Antoine Meillet”. Hommage à Milman Parry. Amsterdam: Gieben, 1997.',
    );
  });

  it('a citation in a list item followed by the item’s own full stop ends with one', () => {
    const { tree } = readWikitext({
      text:
        '== Livres ==\n* {{Ouvrage|titre=Esquisse|lieu=Paris|éditeur=Klincksieck|année=1977' +
        '|isbn=978-2-252-01871-2}}.',
      file: 'a.wiki',
      format: 'wikitext',
    });
    expect(toString(tree.children[1]!)).toBe('“Esquisse”. Paris: Klincksieck, 1977. ISBN 978-2-252-01871-2.');
  });

  it('an address in brackets without a label is a note of its own, its "&amp;" read as "&"', () => {
    const { citations, tree } = readWikitext({
      text: 'Le record date de 2004 [http://www.tpc.org/r.asp?id=1&amp;x=2]. Voir http://a.example/?a=1&amp;b=2.',
      file: 'a.wiki',
      format: 'wikitext',
    });
    expect(citations.map((c) => c.text)).toEqual(['http://www.tpc.org/r.asp?id=1&x=2']);
    expect(toString(tree.children[0]!)).toBe('Le record date de 2004. Voir http://a.example/?a=1&b=2.');
  });
});

describe('Korean, Japanese and Chinese namespaces', () => {
  it('drop category links and read file links as figures, as in English', () => {
    for (const [text, caption] of [
      ['그는 감독이다.\n\n[[분류:머데스토 출신]]\n[[파일:a.jpg|섬네일|설명]]', '설명'],
      ['彼は監督である。\n\n[[カテゴリ:映画監督]]\n[[ファイル:a.jpg|thumb|説明]]', '説明'],
      ['他是导演。\n\n[[分类:电影导演]]\n[[文件:a.jpg|thumb|说明]]', '说明'],
    ] as const) {
      const { tree, warnings } = readWikitext({ text, file: 'a.wiki', format: 'wikitext' });
      const texts = tree.children.map((c) => toString(c));
      expect(texts, text).toEqual([text.split('\n')[0], caption]);
      expect(warnings.map((w) => w.message)).toContain('category link dropped');
    }
  });
});

describe('Hebrew: a quotation and a note written as templates', () => {
  const { tree, citations, warnings } = readWikitext({
    text: [
      'הוא כתב את הדברים הבאים:',
      '{{ציטוט| תוכן=זה כששה חדשים עבר בכאן נער חסר לב.|מקור=תשובות הרשב"א חלק א סימן תקמח}}',
      'הוא נפטר בשנת 1300.{{הערה|במקור מפוקפק, בתרגום לארמית.}} סוף.',
      '',
      '== הערות שוליים ==',
      '{{הערות שוליים}}',
    ].join('\n'),
    file: 'a.wiki',
    format: 'wikitext',
  });

  it('makes {{ציטוט}} a block quote with its source', () => {
    const quote = tree.children.find((c) => c.type === 'blockquote');
    expect(quote && toString(quote)).toContain('זה כששה חדשים עבר בכאן נער חסר לב.');
    expect(JSON.stringify(quote)).toContain('תשובות הרשב');
  });

  it('makes {{הערה}} a note, and takes {{הערות שוליים}} for the list of notes', () => {
    expect(citations.map((c) => c.text)).toEqual(['במקור מפוקפק, בתרגום לארמית.']);
    expect(warnings.map((w) => w.message)).not.toContainEqual(expect.stringMatching(/unknown template/));
  });
});
