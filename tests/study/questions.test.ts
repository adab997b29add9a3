/**
 * Review questions on the seeds, read as a teacher would check them: several kinds, a "why" wherever a
 * chapter states a cause, a question on where the sources disagree, and no question whose answer is not
 * what the guide says — checked here from the guide's own text, not from the generator's bookkeeping.
 */
import { seedGuide } from '../support/seed-guide.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitCausal } from '../../src/study/questions/cause.js';
import { realDisagreement } from '../../src/study/questions/context.js';
import { makeContext } from '../../src/study/questions/context.js';
import { ambassadorQuestions, treatyQuestions } from '../../src/study/questions/short.js';
import { dateDistractors, sentenceFacts } from '../../src/study/questions/facts.js';
import { discourse, hedged, opening, wordsPattern } from '../../src/study/discourse.js';
import type { Conflict, StudyGuide } from '../../src/model/index.js';
import { datesIn } from '../../src/study/timeline.js';
import { QUESTION_BLANK } from '../../src/model/index.js';
import { mergeSources } from '../../src/merge/index.js';
import { addStudyAids } from '../../src/study/index.js';
import { parseText, TEST_META } from '../support/content.js';

let guide: StudyGuide;
beforeAll(() => {
  guide = seedGuide();
});

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const blockText = (id: string) =>
  guide.chapters.flatMap((c) => c.sections.flatMap((s) => s.blocks)).find((b) => b.id === id)!;

describe('review questions on the seeds', () => {
  it('asks at least four kinds of question, and at least one of each of cause and disagreement', () => {
    const kinds = new Map<string, number>();
    for (const q of guide.questions) kinds.set(q.kind, (kinds.get(q.kind) ?? 0) + 1);
    expect(kinds.size).toBeGreaterThanOrEqual(4);
    expect(kinds.get('cause') ?? 0).toBeGreaterThanOrEqual(5);
    expect(kinds.get('disagreement') ?? 0).toBeGreaterThanOrEqual(1);
    expect(kinds.get('choice') ?? 0).toBeGreaterThanOrEqual(3);
    expect(kinds.get('cloze') ?? 0).toBeGreaterThanOrEqual(3);
  });

  it('asks why or with what effect in every chapter whose text states a cause (not a hedged view)', () => {
    const table = discourse('en')!;
    const causal = wordsPattern(Object.values(table.causal).flat());
    let chapters = 0;
    for (const c of guide.chapters) {
      const sentences = c.sections.flatMap((s) =>
        s.blocks.filter((b) => b.kind === 'paragraph').flatMap((b) => b.sentences),
      );
      const states = sentences.some((t) => causal.test(t) && !hedged(t, 'en') && opening(t, 'en').kind !== 'pronoun');
      if (!states) continue;
      chapters++;
      expect(
        guide.questions.some((q) => q.chapter === c.id && q.kind === 'cause'),
        c.title,
      ).toBe(true);
    }
    expect(chapters).toBeGreaterThanOrEqual(5);
  });

  it('quotes, for every answer, a sentence of the block it links to, and the answer stands in it', () => {
    let checked = 0;
    for (const q of guide.questions) {
      if (q.kind === 'disagreement') continue;
      const block = blockText(q.block);
      expect(block, q.id).toBeDefined();
      expect(
        block.sentences.some((s) => q.quote!.includes(s)),
        q.id,
      ).toBe(true);
      if (q.kind === 'cloze') {
        expect(q.question.replace(QUESTION_BLANK, q.answer)).toContain(q.quote!);
      } else if (q.kind === 'cause') {
        const core = q.answer.replace(
          /^(because of|because|due to|in order to|so that|caused|led to|contributed to|prompted)\s+/i,
          '',
        );
        expect(norm(q.quote!)).toContain(norm(core).split(' ').slice(0, 4).join(' '));
      } else if (q.kind === 'choice') {
        expect(q.choices!.filter((c) => c === q.answer)).toHaveLength(1);
        for (const c of q.choices!) if (c !== q.answer) expect(q.quote!.includes(c), `${q.id} ${c}`).toBe(false);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('asks about a disputed reading only as a disagreement, giving every reading with its sources', () => {
    const disputed = guide.report.conflicts.filter(realDisagreement).map((c) => norm(c.readings[0]!.text));
    for (const q of guide.questions) {
      if (q.kind === 'disagreement') {
        const readings = q.answer.match(/“[^”]+” \([^)]+\)/g) ?? [];
        expect(readings.length, q.id).toBeGreaterThanOrEqual(2);
        // Each reading is the differing words themselves: no stray quotation mark or cut-off name.
        for (const r of readings) expect(r.slice(1, r.indexOf('”')), q.id).not.toMatch(/["“”]|\bof$/);
        continue;
      }
      expect(disputed.includes(norm(q.quote!)), q.id).toBe(false);
    }
    // Kopp's question of April 16 (or 15), 1920 is one the sources disagree on.
    const kopp = guide.questions.find((q) => q.kind === 'disagreement' && q.question.includes('Victor Kopp'));
    expect(kopp?.answer).toMatch(/April 16, 1920.*April 15, 1920/);
  });

  it('asks no fact of a sentence whose claim the sources word differently (a claim note) as if settled', () => {
    const claimed = (guide.apparatus?.notes ?? [])
      .filter((n) => n.class === 'claim')
      .flatMap((n) => n.readings.map((r) => norm(r.text)));
    expect(claimed.length).toBeGreaterThanOrEqual(4);
    const context = makeContext(guide);
    for (const text of claimed) expect(context.disputed(text), text).toBe(true);
    for (const q of guide.questions.filter((x) => x.kind !== 'disagreement'))
      expect(claimed.includes(norm(q.quote ?? '')), q.id).toBe(false);
  });

  it('never asks what the text printed right above the questions answers, and asks nothing twice', () => {
    // (Every chapter of the seeds asks enough else: a chapter that asks fewer than two asks its dates all the same.)
    for (const c of guide.chapters) {
      const last = c.sections
        .flatMap((s) => s.blocks)
        .at(-1)!
        .text.toLowerCase();
      for (const q of guide.questions.filter((x) => x.chapter === c.id && x.kind !== 'disagreement'))
        expect(last.includes(q.answer.replace(/\.$/, '').toLowerCase()), q.id).toBe(false);
    }
    const quotes = guide.questions.map((q) => q.quote);
    expect(new Set(quotes).size).toBe(quotes.length);
    for (const a of guide.questions)
      for (const b of guide.questions)
        if (a !== b)
          expect(a.question.includes(b.answer) && b.question.includes(a.answer), `${a.id} ${b.id}`).toBe(false);
  });

  it('asks no fact of a sentence that the chapter prints as a key point (the student would copy the box)', () => {
    const chapterOf = new Map(guide.chapters.flatMap((c) => c.sections.map((s) => [s.id, c.id] as const)));
    const facts = guide.questions.filter((q) => ['choice', 'cloze', 'short'].includes(q.kind));
    expect(facts.length).toBeGreaterThanOrEqual(10);
    for (const q of facts) {
      const points = guide.keyPoints.filter((k) => chapterOf.get(k.section) === q.chapter).map((k) => norm(k.text));
      const quote = norm(q.quote ?? '');
      expect(
        points.some((p) => p.includes(quote.slice(0, 60)) || quote.includes(p.slice(0, 60))),
        `${q.id} ${q.quote}`,
      ).toBe(false);
    }
  });

  it('asks no two questions of one kind in a chapter on sentences that say much the same', () => {
    // Our own measure: the share of the shorter quote's longer words that the other quote holds.
    const words = (s: string) =>
      new Set(
        norm(s)
          .split(' ')
          .filter((w) => w.length > 3),
      );
    for (const a of guide.questions)
      for (const b of guide.questions) {
        if (a === b || a.kind !== b.kind || a.chapter !== b.chapter || !a.quote || !b.quote) continue;
        const [x, y] = [words(a.quote), words(b.quote)].sort((p, q) => p.size - q.size);
        const shared = [...x!].filter((w) => y!.has(w)).length;
        expect(shared / x!.size, `${a.question} / ${b.question}`).toBeLessThan(0.5);
      }
  });

  it('asks when a treaty was signed only of one the text says was signed', () => {
    const signed = guide.questions.filter((q) => /^When was the .* signed\?$/.test(q.question));
    expect(signed.length).toBeGreaterThan(0);
    for (const q of signed) {
      const treaty = guide.glossaries.treaties.find((t) => t.id === q.entry)!;
      expect(['signed', 'ratified', 'denounced'], q.id).toContain(treaty.status);
      expect(
        datesIn(q.quote!, undefined, 'en').map((d) => d.date),
        q.id,
      ).toContain(treaty.date);
    }
    expect(signed.some((q) => q.question.includes('Triple Alliance'))).toBe(false);
  });

  it('asks who held a post in a year only when the list says one person held it then', () => {
    const span = (term?: string): [number, number] | undefined => {
      const ys = (term ?? '').match(/\b\d{4}\b/g)?.map(Number) ?? [];
      return ys.length ? [Math.min(...ys), Math.max(...ys)] : undefined;
    };
    // Every candidate question of the kind, before the guide picks its few.
    const who = ambassadorQuestions(makeContext(guide));
    expect(who.length).toBeGreaterThan(0);
    const ambassadors = guide.glossaries.ambassadors;
    for (const q of who) {
      const asked = ambassadors.find((a) => a.id === q.entry)!;
      const [from, to] = span(asked.term)!;
      const post = ambassadors.filter((a) => a.post === asked.post);
      for (const other of post.filter((a) => a !== asked)) {
        const theirs = span(other.term);
        // A term of one year: no one else then, and no neighbour in the list without a term.
        if (from === to) {
          const at = post.indexOf(asked);
          if (Math.abs(post.indexOf(other) - at) === 1) expect(theirs, `${q.question} (${other.name})`).toBeDefined();
          if (theirs) expect(theirs[0] <= from && from <= theirs[1], `${q.question} (${other.name})`).toBe(false);
        } else if (theirs) {
          // A longer one: another term shares at most its first or last year (a handover).
          expect(Math.min(to, theirs[1]) - Math.max(from, theirs[0]), `${q.question} (${other.name})`).toBeLessThan(1);
        }
      }
    }
    // The guide's list has Mirbach in 1918 and Helfferich after him with no year: "in 1918" is not asked.
    expect(who.some((q) => q.question.endsWith(' in 1918?') && q.answer.includes('Mirbach'))).toBe(false);
  });
});

describe('a proposal is not asked as signed', () => {
  it('asks when a treaty was signed while its status is signed, and not once it is only proposed', () => {
    const g = structuredClone(guide);
    const pact = g.glossaries.treaties.find((t) => t.name === 'Molotov–Ribbentrop Pact')!;
    const asked = () => treatyQuestions(makeContext(g)).some((q) => q.entry === pact.id);
    expect(asked()).toBe(true);
    expect(['signed', 'ratified', 'denounced']).toContain(pact.status);
    pact.status = 'proposed';
    expect(asked()).toBe(false);
    pact.status = null;
    expect(asked()).toBe(false);
  });
});

describe('causal sentences', () => {
  const split = (s: string, previous?: string, language = 'en') => splitCausal(s, { previous }, language);

  it('splits "E because C" and "Because C, E" into the effect asked about and the cause that answers', () => {
    expect(split('The talks failed in the summer because neither side trusted the other.')).toEqual([
      expect.objectContaining({
        role: 'reason',
        given: 'The talks failed in the summer',
        answer: 'Because neither side trusted the other.',
      }),
    ]);
    expect(split('Because the harvest failed twice, the government raised the price of bread.')[0]).toMatchObject({
      given: 'the government raised the price of bread',
      answer: 'Because the harvest failed twice.',
    });
  });

  it('reads an aim told "in an attempt to" as a purpose', () => {
    expect(split('The envoy was shot dead by the rebels in an attempt to incite a new war between the towns.')).toEqual(
      [
        expect.objectContaining({
          role: 'purpose',
          given: 'The envoy was shot dead by the rebels',
          answer: 'In an attempt to incite a new war between the towns.',
        }),
      ],
    );
  });

  it('quotes as the cause the main clause, not a concession that opens the sentence', () => {
    const [effect] = split(
      'While exports to Lidia had fallen to 12 million crowns in 1887, poor harvests and a shortage of coal ' +
        'caused Norvania to reopen the trade talks in 1889.',
    );
    expect(effect).toMatchObject({ role: 'effect', given: 'poor harvests and a shortage of coal' });
    expect(effect!.answer).toMatch(/^Caused Norvania to reopen the trade talks/);
    // The cause after ", while …", its auxiliary with the verb it helps.
    const [after] = split(
      'Attendance at the guild halls has fallen sharply since 1850, while new railways and cheaper coal have ' +
        'contributed to the growth of the mill towns.',
    );
    expect(after).toMatchObject({ given: 'new railways and cheaper coal' });
    expect(after!.answer).toMatch(/^Have contributed to the growth of the mill towns/);
    // An aside inside the subject stays in it; a month is no auxiliary.
    const [aside] = split(
      'The pact, while never ratified by the council, led to a lasting change in the trade of Kessel.',
    );
    expect(aside).toMatchObject({ given: 'The pact, while never ratified by the council' });
    const [month] = split('The hard winter of 1841 and the strikes of May led to a collapse of the grain trade.');
    expect(month).toMatchObject({ given: 'The hard winter of 1841 and the strikes of May' });
  });

  it("asks nothing of a cause or effect that stands in someone's reported words", () => {
    // The effect ("thereby changing…") is what the speaker said, not what the text states.
    const told =
      'On May 3, the minister told the envoy that the treaty freed the port from the blockade, ' +
      'thereby changing the trade of the whole coast.';
    expect(split(told)).toEqual([]);
    expect(split(told.replace('the minister told the envoy that ', ''))).toHaveLength(1);
    const reason =
      'The mayor said that the old bridge was closed for a month because the river had flooded the town twice.';
    expect(split(reason)).toEqual([]);
    expect(split(reason.replace('The mayor said that ', ''))).toHaveLength(1);
    // A verb of saying after the connective leaves the link the text's own.
    expect(
      split('Because the river had flooded the town twice, the mayor said that the old bridge was closed for a month.'),
    ).toHaveLength(1);
    expect(
      split(
        'Der Minister erklärte, dass die Brücke geschlossen wurde, weil der Fluss die Altstadt überflutet hatte.',
        undefined,
        'de',
      ),
    ).toEqual([]);
  });

  it('asks nothing when the half it would quote opens with a pronoun whose antecedent is in the answer', () => {
    // "Because female children … mother figure, they are especially likely…": the question would quote
    // "they are especially likely to retain…", naming no one.
    const sentence =
      'Because female children continue to identify to some degree with the mother figure, ' +
      'they are especially likely to retain a close connection to the semiotic.';
    expect(split(sentence)).toEqual([]);
    expect(split(sentence.replace(', they are', ', girls are'))).toHaveLength(1);
  });

  it('takes the cause of "This prompted…" from the sentence before, and keeps a verb with its effect', () => {
    const [s] = split(
      'This prompted the council to reform the army.',
      'The war went badly for the kingdom in its first winter.',
    );
    expect(s).toMatchObject({ role: 'effect', given: 'The war went badly for the kingdom in its first winter' });
    expect(s!.answer).toBe('Prompted the council to reform the army.');
  });

  it('refuses a connective inside brackets, and a "due to" that only qualifies a noun', () => {
    expect(
      split('The treaty was seen as a threat by Poland (which contributed to the coup in May), and so on.'),
    ).toEqual([]);
    expect(split("Germany's fear of isolation due to a possible rapprochement with France was a key factor.")).toEqual(
      [],
    );
  });

  it('reads German connectives from the German table, and nothing for a language without one', () => {
    expect(
      split('Die Verhandlungen scheiterten im Sommer, weil keine Seite der anderen traute.', undefined, 'de'),
    ).toEqual([expect.objectContaining({ role: 'reason', answer: 'Weil keine Seite der anderen traute.' })]);
    expect(split('Les négociations ont échoué because of nothing at all here today.', undefined, 'ja')).toEqual([]);
  });
});

describe('which conflicts are disagreements', () => {
  const conflict = (kind: Conflict['kind'], differs: string[]): Conflict => ({
    section: 's',
    kind,
    differs,
    readings: [
      { text: 'a', sources: [] },
      { text: 'b', sources: [] },
    ],
  });
  it('keeps different numbers and different names, and drops spellings and run-together numbers', () => {
    expect(realDisagreement(conflict('number', ['16', '15']))).toBe(true);
    expect(realDisagreement(conflict('number', ['1939', '1938']))).toBe(true);
    expect(realDisagreement(conflict('number', ['1920', '20']))).toBe(false);
    expect(realDisagreement(conflict('number', ['7', '71939']))).toBe(false);
    expect(realDisagreement(conflict('name', ['Alexander', 'Alexey']))).toBe(true);
    expect(realDisagreement(conflict('name', ['Białystok', 'Bialystok']))).toBe(false);
    expect(realDisagreement(conflict('name', ["Germany's", 'German']))).toBe(false);
    expect(realDisagreement(conflict('name', ['Belarusian', 'Belorussian']))).toBe(false);
    expect(realDisagreement(conflict('membership', ['Kurt Wiedenfeld']))).toBe(true);
    // Two words for one instrument's kind, in English and in the guide's language.
    expect(realDisagreement(conflict('name', ['Treaty', 'Pact']))).toBe(false);
    expect(realDisagreement(conflict('name', ['Traité', 'Pacte']))).toBe(false);
    expect(realDisagreement(conflict('name', ['Vertrag', 'Abkommen']))).toBe(false);
    expect(realDisagreement(conflict('name', ['Alliance', 'Pact']))).toBe(true);
  });
});

describe('facts a question blanks', () => {
  it('blanks a whole date, and the date without a preposition the parser took with it', () => {
    const dated = guide.questions.filter((q) => (q.kind === 'cloze' || q.kind === 'choice') && /\d{4}$/.test(q.answer));
    expect(dated.length).toBeGreaterThan(5);
    for (const q of dated) {
      expect(q.answer, q.id).toMatch(/^(\d{1,2} )?\p{Lu}\p{Ll}+( \d{1,2},)? \d{4}$/u);
      if (q.kind === 'cloze') expect(q.question.replace(QUESTION_BLANK, q.answer)).toContain(q.quote!);
    }
  });
});

describe('sentences that lean on the text before', () => {
  it('asks no fact of a sentence with "this", "these" or "those" outside a quotation', () => {
    const ctx = makeContext(guide);
    expect(ctx.readable('The first officers went to Norvania for these purposes in 1922.')).toBe('pronoun');
    expect(ctx.readable('His speech in January 1936 is usually taken to mark this change of policy.')).toBe('pronoun');
    expect(ctx.readable('The king said "this war is ours" to the council of Vorsk in 1899.')).toBe('alone');
    expect(ctx.readable('The guards sent those who opposed the new tolls to the mines of Vorsk in 1899.')).toBe(
      'alone',
    );
    for (const q of guide.questions.filter((x) => x.kind === 'cloze' || x.kind === 'choice'))
      expect(q.quote!.replace(/"[^"]*"|“[^”]*”/g, ''), q.id).not.toMatch(/\b(?:this|these|those)\b/i);
  });
});

describe('causes told over two sentences', () => {
  const split = (s: string, previous?: string) => splitCausal(s, { previous }, 'en');
  it('drops an opening adverb from the effect, and refuses a cause that itself leans on the sentence before', () => {
    const [s] = split(
      'Consequently the northern plain has a mild and wet climate all year round.',
      'The warm current from the ocean reaches the whole northern coast in winter.',
    );
    expect(s).toMatchObject({
      role: 'effect',
      answer: 'The northern plain has a mild and wet climate all year round.',
    });
    expect(
      split(
        'Consequently the plain has a mild and wet climate all year.',
        'This current warms the northern coast in every winter.',
      ),
    ).toEqual([]);
  });
});

describe('a short article, each chapter one paragraph (made up)', () => {
  const article = [
    '# Norvik Harbour Company',
    '## History',
    'The Norvik Harbour Company was founded by the river guilds of Norvik. On March 3, 1881, the company opened ' +
      'the first stone quay of the town. On June 5, 1890, the company opened a second quay for the grain barges. ' +
      'On May 1, 1900, the company bought the old ferry. The company was sold to the city in 1921.',
    '## Ships',
    'The company owned twelve barges and two tugs. On April 9, 1895, its largest barge sank in a storm near the ' +
      'river mouth. The barges carried grain and timber to the coast.',
  ].join('\n\n');
  const short = addStudyAids(mergeSources([parseText(article, 'norvik.md')], TEST_META));

  it('asks about the dates of a chapter whose only paragraph stands right above its questions, two at most', () => {
    const asked = (chapter: string) => short.questions.filter((q) => q.chapter === chapter);
    expect(asked('history').map((q) => q.answer)).toEqual(['March 3, 1881', 'June 5, 1890']);
    expect(asked('ships').map((q) => q.answer)).toEqual(['April 9, 1895']);
    // Each answer is the date the quoted sentence writes, blanked in the question.
    for (const q of short.questions) {
      expect(q.quote).toContain(q.answer);
      expect(q.question).not.toContain(q.answer);
    }
  });
});

describe('a title in italics (made up)', () => {
  const article = [
    '== Films ==',
    'In 1986 the daughter of [[Piet Holmgaard]], [[Hannah Voss]], was born in Norvik.',
    "On May 4, 1995, Holmgaard made two documentaries, ''Hannah Voss: A Winter at Sea'' and ''The Long Quay'', " +
      'for the harbour guilds of Norvik.',
    'On June 9, 1998, the harbour guilds gave the prize of the year to [[Hannah Voss]] for her first film.',
  ].join('\n\n');
  const guide = addStudyAids(mergeSources([parseText(article, 'films.wiki')], TEST_META));
  const ctx = makeContext(guide);
  const factsOf = (part: string) =>
    sentenceFacts(
      ctx.sentences.find((s) => s.text.includes(part))!,
      ctx,
    ).map((f) => `${f.kind}:${f.surface}`);

  it('blanks no part of a work’s title, and the same name outside a title', () => {
    expect(factsOf('A Winter at Sea')).toEqual(['date:May 4, 1995']);
    expect(factsOf('first film')).toContain('person:Hannah Voss');
  });
});

describe('date choices after the narrative’s last date (made up)', () => {
  const article = [
    '== War ==',
    'On March 3, 1901, the fleet of Lidia crossed the strait and laid siege to the harbour of Norvik.',
    'Within six months, the guards of Norvik had lost four hundred men, and the rest would surrender by ' +
      'February 1902.',
    'The council of Norvik had signed a trade treaty with Kessel on May 5, 1899, and another on June 9, 1898.',
  ].join('\n\n');
  const guide = addStudyAids(mergeSources([parseText(article, 'siege.wiki')], TEST_META));
  const ctx = makeContext(guide);
  const sentence = ctx.sentences.find((s) => s.text.includes('surrender'))!;
  const fact = sentenceFacts(sentence, ctx).find((f) => f.kind === 'date')!;

  it('offers no date before the one the text has reached, when the answer is not before it', () => {
    expect(fact.value).toBe('1902-02');
    const choices = dateDistractors(sentence, fact, ctx, 3);
    expect(choices).toHaveLength(3);
    for (const d of choices) expect(d >= '1901-03').toBe(true);
  });
});

describe('people a question may not blank: lists and names cut short (made up)', () => {
  const article = [
    '== Writers ==',
    'The poets of the north include [[Thomas Mann]], [[Robert Frost]], [[Emily Brown]], and [[George Miller]].',
    'Harbour songs can be traced to writers such as [[Walther von der Weide]] and [[Robert Frost]].',
    'The guild prize went to [[Emily Brown]], [[George Miller]], [[Anna Berg]] and [[Thomas Mann]] in turn.',
    'The town honours [[John Henry von Lund]] and [[George Miller]] with a statue each.',
    'In 1901 [[Thomas Mann]] wrote about the harbour of Norvik for the first time.',
    'In 1902 [[Robert Frost]] read his poems in the harbour of Norvik for the guilds.',
    'In 1903 [[Emily Brown]] sang in the harbour of Norvik for the guilds of the town.',
    'In 1904 [[George Miller]] painted the harbour of Norvik for the guilds of the town.',
    'In 1905 [[Anna Berg]] wrote about the harbour of Norvik for the guilds of the town.',
    'In 1906 [[John Henry]] built a boat in the harbour of Norvik for the guilds of the town.',
  ].join('\n\n');
  const guide = addStudyAids(mergeSources([parseText(article, 'writers.wiki')], TEST_META));
  const ctx = makeContext(guide);
  const people = (part: string) =>
    sentenceFacts(
      ctx.sentences.find((s) => s.text.includes(part))!,
      ctx,
    )
      .filter((f) => f.kind === 'person')
      .map((f) => f.surface);

  it('blanks no member of a list: the first, the last after "and", one after a name with particles', () => {
    expect(ctx.people).toEqual(expect.arrayContaining(['Thomas Mann', 'Robert Frost', 'George Miller']));
    expect(people('poets of the north')).toEqual([]);
    expect(people('Harbour songs')).toEqual([]);
    expect(people('guild prize')).toEqual([]);
    expect(people('wrote about the harbour of Norvik for the first time')).toEqual(['Thomas Mann']);
  });

  it('blanks no name the sentence goes on with ("John Henry" of "John Henry von Lund")', () => {
    expect(ctx.people).toContain('John Henry');
    expect(people('statue each')).not.toContain('John Henry');
  });
});
