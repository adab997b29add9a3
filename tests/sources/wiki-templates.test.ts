/** The wikitext reader's template table, tables and phrasing, read as a person sees the result. */
import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import type { Blockquote, List, Nodes, Paragraph, Table } from 'mdast';
import { readWikitext } from '../../src/sources/wikitext.js';
import { convertText } from '../../src/sources/wiki/convert.js';
import { ruleFor } from '../../src/sources/wiki/templates.js';

function read(text: string, infobox?: 'table' | 'drop') {
  return readWikitext({ text, file: 't.wiki', format: 'wikitext', options: infobox ? { infobox } : undefined });
}

const textOf = (text: string) =>
  read(text)
    .tree.children.map((c) => toString(c))
    .join('\n');

describe('convert', () => {
  const conv = (...p: string[]) =>
    convertText(
      p.filter((x) => !x.includes('=')),
      (k) => {
        const m = p.find((x) => x.startsWith(`${k}=`));
        return m ? m.slice(k.length + 1) : '';
      },
    );
  it('names the input unit and shows the converted value in parentheses', () => {
    expect(conv('3', 'km')).toBe('3 kilometres (1.9 mi)');
    expect(conv('1', 'mi')).toBe('1 mile (1.6 km)');
    expect(conv('19000', 'sqft', 'm2')).toBe('19,000 square feet (1,800 m²)');
    expect(conv('30', '°C', '°F')).toBe('30 °C (86 °F)');
    expect(conv('35', 'C', 'F')).toBe('35 °C (95 °F)');
    expect(conv('20', 'C', 'F', 'abbr=off')).toBe('20 degrees Celsius (68 °F)');
  });
  it('follows abbr, precision, ranges and disp', () => {
    expect(conv('349223', 'km2', 'sqmi', '0', 'abbr=on')).toBe('349,223 km² (134,836 sq mi)');
    expect(conv('3', 'to', '5', 'km', 'abbr=on')).toBe('3 to 5 km (1.9 to 3.1 mi)');
    expect(conv('10', 'kg', 'lb', 'disp=or')).toBe('10 kilograms or 22 lb');
  });
  it('keeps an unknown unit as written', () => {
    expect(conv('12', 'furlongs')).toBe('12 furlongs');
  });
});

describe('the template table', () => {
  it('sorts names into kinds, whatever their case and underscores', () => {
    expect(ruleFor('Convert').kind).toBe('render');
    expect(ruleFor('Lang-fr').kind).toBe('render');
    expect(ruleFor('Cite_web').kind).toBe('citation');
    expect(ruleFor('Infobox person').kind).toBe('infobox');
    expect(ruleFor('Inligtingskas Persoon').kind).toBe('infobox');
    expect(ruleFor('See also').kind).toBe('hatnote');
    expect(ruleFor('Citation needed').kind).toBe('maintenance');
    expect(ruleFor('France-geo-stub').kind).toBe('maintenance');
    expect(ruleFor('Something else').kind).toBe('unknown');
  });
  it('shows {{formatnum:…}} and number templates as the article’s language groups digits; never drops them', () => {
    const en = textOf('The town had {{formatnum:2898062}} people and {{formatnum:1,234|R}} houses in 2019.');
    expect(en).toBe('The town had 2,898,062 people and 1234 houses in 2019.');
    // Past 2^53 every digit stays.
    expect(textOf('A count of {{formatnum:12345678901234567890}} grains.')).toBe(
      'A count of 12,345,678,901,234,567,890 grains.',
    );
    const ru = read(
      'Литва — государство в Северной Европе, одна из прибалтийских стран. Площадь — {{число|65300}} км², ' +
        'население — {{formatnum:2898062}} человек.',
    );
    expect(toString(ru.tree.children[0]!)).toContain(
      'Площадь — 65\u00a0300 км², население — 2\u00a0898\u00a0062 человек.',
    );
    expect(ru.warnings.map((w) => w.rule)).not.toContain('dropped-maintenance');
  });

  it('keeps the notes an article cites by name from a dropped infobox, and says the box is dropped', () => {
    const r = read(
      [
        '{{Карточка государства',
        '|Название = Литва',
        '|Население = 2 800 000<ref name="пресс">Пресс-релиз статистики, 2019.</ref>',
        '}}',
        `'''Литва''' — государство в Европе.<ref name="пресс" /> Столица — Вильнюс.`,
      ].join('\n'),
    );
    expect(r.citations.map((c) => c.text)).toEqual(['Пресс-релиз статистики, 2019.']);
    expect(r.warnings.map((w) => w.rule)).toContain('dropped-infobox');
  });

  it('knows the citation, infobox, hatnote and quote templates of other languages’ wikis', () => {
    expect(['Kilde www', 'Lien web', 'Cita web', 'Citeer web', 'Internetquelle'].map((n) => ruleFor(n).kind)).toEqual(
      Array(5).fill('citation'),
    );
    expect(['Infoboks person', 'Ficha de persona', 'Infobox Unternehmen'].map((n) => ruleFor(n).kind)).toEqual(
      Array(3).fill('infobox'),
    );
    // The English word last (Polish, Hungarian), and other wikis' words.
    const boxes = ['Państwo infobox', 'Település infobox', 'Faktamall land', 'Карточка государства', 'Sinottico'];
    expect(boxes.map((n) => ruleFor(n).kind)).toEqual(Array(5).fill('infobox'));
    expect(ruleFor('Infobox3cols').kind).toBe('infobox');
    expect(['Hovedartikkel', 'Hauptartikel', 'Article détaillé', 'Hoofartikel'].map((n) => ruleFor(n).kind)).toEqual(
      Array(4).fill('hatnote'),
    );
    const r = read('Tekst.<ref>{{Kilde www|tittel=Fjord|utgiver=NRK|dato=2009|url=https://nrk.no/x}}</ref>\n');
    expect(r.citations[0]!.text).toBe('“Fjord”. NRK, 2009. https://nrk.no/x');
    const quote = read('{{Sitat|Havet er stort.|Ola Nordmann}}\n').tree.children[0] as Blockquote;
    expect([toString(quote), (quote.data as { attribution?: string }).attribution]).toEqual([
      'Havet er stort.',
      'Ola Nordmann',
    ]);
  });
  it('renders dates, flags, languages and dashes as Wikipedia shows them', () => {
    expect(textOf('Born {{birth date|1941|6|24}}, {{Start date|2016|10|15|df=y}}, {{dts|2010|5|3}}.')).toBe(
      'Born June 24, 1941, 15 October 2016, May 3, 2010.',
    );
    expect(textOf('{{flag|Germany}}{{snd}}{{lang-fr|la France}}{{ndash}}{{de icon}}')).toBe(
      'Germany – French: la France–(in German)',
    );
  });
  it('renders {{EC number}} as Wikipedia shows it', () => {
    expect(textOf('An enzyme ({{EC number|2.6.1.12}}) acts.')).toBe('An enzyme (EC 2.6.1.12) acts.');
  });
  it('renders {{as of}} with its month as a number or a name, day first unless df=US', () => {
    expect(
      textOf('{{As of|2025|March|27}}, 171 states. {{as of|2009|11}} {{As of|2008}} {{as of|2010|7|5|df=US}}'),
    ).toBe('As of 27 March 2025, 171 states. As of November 2009 As of 2008 As of July 5, 2010');
    expect(textOf('It was {{as of|2010|Jul|lc=y}}; {{as of|2010|alt=at the last count}}.')).toBe(
      'It was as of July 2010; at the last count.',
    );
  });
  it('warns once per unknown template name, with a count, and sums up maintenance templates', () => {
    const r = read('A {{Foo}} b {{foo|x}} c {{Bar}}.{{cn}}{{Citation needed}}{{DEFAULTSORT:X}}\n');
    expect(r.warnings.map((w) => [w.rule, w.message])).toEqual([
      ['unknown-template', 'unknown template "Foo" dropped (2 times)'],
      ['unknown-template', 'unknown template "Bar" dropped'],
      [
        'dropped-maintenance',
        '3 maintenance, navigation and layout templates dropped: cn, citation needed, defaultsort',
      ],
    ]);
    expect(textOf('A {{Foo}} b.')).toBe('A b.');
  });
  it('makes block quotes with attribution and lists at block level, text inside a sentence list', () => {
    const r = read('{{quote|To be.|Hamlet|Play}}\nItems: {{hlist|a|b}}\n');
    const quote = r.tree.children[0] as Blockquote;
    expect(quote.type).toBe('blockquote');
    expect(toString(quote)).toBe('To be.');
    expect((quote.data as { attribution?: string }).attribution).toBe('Hamlet, Play');
    const list = r.tree.children[2] as List;
    expect(list.children.map((i) => toString(i))).toEqual(['a', 'b']);
    const item = read('* Items: {{hlist|a|b}}\n').tree.children[0] as List;
    expect(toString(item.children[0]!)).toBe('Items: a, b');
  });
  it('makes notes of efn and sfn, one note for identical short citations', () => {
    const r = read('A.{{efn|name=x|Note text.}} B.{{sfn|Smith|Jones|2001|p=4}} C.{{sfn|Smith|Jones|2001|p=4}}\n');
    expect(r.citations.map((c) => c.text)).toEqual(['Note text.', 'Smith & Jones 2001, p. 4']);
    const refs = (r.tree.children[0] as Paragraph).children.filter((c) => c.type === 'footnoteReference');
    expect(refs).toHaveLength(3);
    expect(refs[1]).toEqual(refs[2]);
  });
});

describe('hatnotes', () => {
  it('drops hatnote templates and an italic indented line before a section’s prose, counted once', () => {
    const r = read(":''For the river, see [[Vell (river)]].''\nThe town.\n== A ==\n{{Main|B}}\nText.\n");
    expect(textOf(":''For the river, see [[Vell (river)]].''\nThe town.\n")).toBe('The town.');
    expect(r.warnings.map((w) => [w.rule, w.message])).toEqual([['dropped-hatnote', 'hatnote dropped (2 times)']]);
    const kept = read("== A ==\nProse.\n:''An indented remark.''\n");
    expect(toString(kept.tree)).toContain('An indented remark.');
  });
});

describe('infoboxes', () => {
  const src =
    '{{Infobox person\n| name = Ada\n| birth_date = {{birth date|1815|12|10}}\n| image = Ada.jpg\n}}\nText.\n';
  it('are dropped with a warning by default', () => {
    const r = read(src);
    expect(r.tree.children.map((c) => c.type)).toEqual(['paragraph']);
    expect(r.warnings.map((w) => w.rule)).toEqual(['dropped-infobox']);
  });
  it('are a two-column table with a header column when asked', () => {
    const table = read(src, 'table').tree.children[0] as Table;
    expect(table.type).toBe('table');
    expect((table.data as { caption?: string }).caption).toBe('Ada');
    expect(table.children.map((r) => r.children.map((c) => toString(c)))).toEqual([
      ['Birth date', 'December 10, 1815'],
    ]);
    expect(table.children[0]!.children[0]!.data).toEqual({ header: true });
  });
});

describe('tables', () => {
  it('reads a table of many rows in chunks, every row kept in order', () => {
    const rows = Array.from({ length: 230 }, (_, i) => `|-\n| r${i} || {{convert|${i + 1}|km}}`).join('\n');
    const table = read(`{| class="wikitable"\n! Row !! Distance\n${rows}\n|}\n`).tree.children[0] as Table;
    expect(table.children).toHaveLength(231);
    expect(table.children.map((r) => toString(r.children[0]!))).toEqual(['Row', ...rows.match(/r\d+/g)!]);
  });
  it('every text node of a cell is free of markup', () => {
    const table = read('{|\n|-\n| [[A|b]] &amp; {{lang|de|c}} <ref>x</ref>\n|}\n').tree.children[0] as Nodes;
    expect(toString(table)).toBe('b & c');
  });
});

describe('a template of several images ({{multiple image}})', () => {
  const source = read(
    [
      'The country has many forests.',
      '',
      '{{multiple image',
      '   | align = right',
      '   | image2    = Lake.jpg',
      "   | caption2   = [[Alps|Alpine]] terrain. One third of the country's area is covered with woods.",
      '   | image1    = Deer.jpg',
      '   | caption1   = [[Red Deer|Deer]] are widespread.',
      '   | footer = Both in the south.',
      '}}',
      '',
      'More text.',
    ].join('\n'),
  );

  it('gives each image its own caption, in the order of their numbers, so no caption is lost unsaid', () => {
    const figures = source.tree.children.filter((n): n is Paragraph => n.type === 'paragraph' && !!n.data?.figure);
    expect(figures.map((f) => [(f.children[0] as { url: string }).url, f.data?.caption])).toEqual([
      ['Deer.jpg', 'Deer are widespread.'],
      ['Lake.jpg', "Alpine terrain. One third of the country's area is covered with woods. Both in the south."],
    ]);
    expect(source.warnings.filter((w) => w.rule === 'dropped-maintenance')).toEqual([]);
  });
});
