/**
 * Whether two wordings of one sentence make different claims, not merely say one claim in other words.
 *
 * The collation tradition tells variants apart by how the readings relate (Stemmaweb's relationship types:
 * orthographic, spelling, grammatical, lexical, meaning, transposition): a synonym put for a word, a tense,
 * an article, a reordering or an added connective leave the meaning alone; a variant of meaning does not.
 * Open-class words give no sure test of meaning without a sense inventory (the seeds alone reword "causes"
 * as "origins", "overturn the new order" as "overthrow the system"), so a change of meaning is found where
 * it is grammatical: in the operators that scope a claim, closed or near-closed classes of each language.
 *
 * - negation: one reading denies what the other states ("did" / "did not");
 * - modality: one reading hedges what the other asserts ("allegedly disappeared" / "disappeared"); a hedge
 *   worded otherwise ("perhaps" / "might") is the same claim;
 * - quantity: the readings quantify a group differently ("one author" / "some authors", "others" / "many
 *   others"), on the scale none < one < a few < many < all, not by the word ("several" / "various");
 * - outcome: the readings give an event a different phase or course ("dwindled" / "ended", "restarted" /
 *   "continued"), by aspectual class (onset, continuation, resumption, decline, growth, end);
 * - stance: the readings give an actor a different attitude ("in favour of neutrality" / "sympathetic");
 * - report: the readings report a statement with a different commitment ("claimed" / "showed").
 *
 * Each is found in the passages the word diff of the two readings changes: both sides of a substitution,
 * or a short insertion into otherwise shared words (a long inserted clause adds a claim, it does not
 * change the shared one: an omission, not a disagreement). Languages without a row find no change.
 */
import { diffArrays } from 'diff';
import { baseLanguage } from '../util/language.js';

export type ClaimShift = 'negation' | 'modality' | 'quantity' | 'outcome' | 'stance' | 'report';

export interface ClaimChange {
  /** What the readings differ in, the first one found in reading order. */
  shift: ClaimShift;
  /** The words of each reading that carry the difference, with a few shared words around them. */
  spans: [string, string];
}

/** A language's operators: words (lower case), or word stems by class (a stem takes the language's endings). */
interface Operators {
  negation: string[];
  hedge: string[];
  quantity: Record<string, string[]>;
  /** Phrases whose quantifier counts nothing ("each other", "one another"). */
  reciprocal?: string[];
  outcome: Record<string, string[]>;
  stance: Record<string, string[]>;
  report: Record<string, string[]>;
  /** Endings a stem takes ("end" → "ended", "ends", "ending"). */
  endings: string[];
}

const words = (s: string) => s.split(' ');

const OPERATORS: Record<string, Operators> = {
  en: {
    negation: words('not no never neither nor none nobody nothing without'),
    hedge: words(
      'may might perhaps possibly probably maybe likely presumably apparently seemingly allegedly reportedly ' +
        'supposedly purportedly ostensibly arguably alleged',
    ),
    quantity: {
      none: words('no none neither'),
      one: words('one single sole lone'),
      few: words('few some several various certain'),
      many: words('many numerous most majority'),
      all: words('all every each'),
    },
    reciprocal: ['each other', 'one another'],
    outcome: {
      onset: words('begin began begun start initiat launch commenc'),
      continuation: words('continu persist persever remain'),
      resumption: words('resum restart renew reviv'),
      decline: words('dwindl declin decreas diminish wan shrink shrank weaken'),
      growth: words('grow grew increas expand intensif strengthen deepen'),
      end: words('end ceas stop terminat halt'),
    },
    stance: {
      favour: words('favour favor sympath sympathet support friend cordial'),
      neutral: words('neutral impartial indifferent indifference'),
      opposed: words('oppos opposition hostil against enmity antagonis suspicio distrust mistrust'),
    },
    report: {
      distancing: words('claim alleg purport'),
      neutral: words('say said affirm assert declar'),
      factive: words('show shown showed prov demonstrat reveal confirm'),
    },
    endings: words(' s es e ed d ing ly ity ion ions ive ic ical y ies ence ent able us ous m ms t ation ations n th'),
  },
  de: {
    negation: words('nicht kein keine keinen keinem keiner keines nie niemals weder ohne'),
    hedge: words(
      'vielleicht möglicherweise wahrscheinlich vermutlich angeblich offenbar anscheinend mutmaßlich ' +
        'könnte könnten dürfte dürften soll sollen',
    ),
    quantity: {
      none: words('kein keine keinen keiner niemand'),
      one: words('einziger einzige einzigen'),
      few: words('wenige einige manche mehrere verschiedene'),
      many: words('viele zahlreiche meisten'),
      all: words('alle jeder jede jedes'),
    },
    outcome: {
      onset: words('begann beginn start'),
      continuation: words('fortgesetzt fortdauer anhielt anhalt'),
      resumption: words('wiederaufgenommen wiederbeleb erneuert'),
      decline: words('nachließ nachgelassen schwand abgenommen verringert'),
      growth: words('wuchs gewachsen zugenommen verstärkt vertieft'),
      end: words('endete beendet aufgehört eingestellt'),
    },
    stance: {
      favour: words('befürwort wohlwollend freundlich sympath unterstütz'),
      neutral: words('neutral unparteiisch'),
      opposed: words('feindlich ablehnend gegner misstrau'),
    },
    report: {
      distancing: words('behauptet behauptete'),
      neutral: words('sagte erklärte'),
      factive: words('zeigte zeigt bewies belegt'),
    },
    endings: words(' e en er es em et t te ten st n s ung ungen'),
  },
  fr: {
    negation: words('ne pas jamais aucun aucune ni sans'),
    hedge: words('peut-être probablement prétendument apparemment vraisemblablement aurait auraient pourrait'),
    quantity: {
      none: words('aucun aucune'),
      one: words('seul seule'),
      few: words('quelques plusieurs certains certaines divers'),
      many: words('nombreux nombreuses beaucoup plupart majorité'),
      all: words('tous toutes chaque'),
    },
    outcome: {
      onset: words('commenc'),
      continuation: words('continu poursuiv'),
      resumption: words('reprise'),
      decline: words('déclin dimin affaibl'),
      growth: words('croiss augment renforc'),
      end: words('termin cess arrêt'),
    },
    stance: {
      favour: words('favorable sympath soutien soutenu'),
      neutral: words('neutr'),
      opposed: words('hostil oppos méfian'),
    },
    report: {
      distancing: words('prétend'),
      neutral: words('dit déclar affirm'),
      factive: words('montr prouv démontr'),
    },
    endings: words(' e es s ent é ée és ées er ait aient ité ion ions alité'),
  },
  es: {
    negation: words('no nunca jamás ni ningún ninguno ninguna nadie nada sin tampoco'),
    hedge: words(
      'quizá quizás acaso posiblemente probablemente presuntamente supuestamente aparentemente ' +
        'presunto presunta supuesto supuesta podría podrían habría habrían',
    ),
    quantity: {
      none: words('ningún ninguno ninguna nadie'),
      one: words('único única'),
      few: words('pocos pocas algunos algunas varios varias diversos diversas ciertos ciertas'),
      many: words('muchos muchas numerosos numerosas mayoría'),
      all: words('todos todas cada'),
    },
    outcome: {
      onset: words('comenz comienz empez empiez inici'),
      continuation: words('continu prosigu persist'),
      resumption: words('reanud reinici'),
      decline: words('disminu declin debilit decrec'),
      growth: words('crec aument intensific fortalec'),
      end: words('termin ces finaliz acab'),
    },
    stance: {
      favour: words('favorable favorables simpat apoy amistos cordial'),
      neutral: words('neutral neutrales imparcial imparciales'),
      opposed: words('hostil opuest oposición contrari desconfi recel'),
    },
    report: {
      distancing: words('aleg pretend'),
      neutral: words('dij dijo declar afirm'),
      factive: words('demostr mostr prob revel confirm'),
    },
    endings: words(
      ' o a e ó an en ar er ir ado ada ados adas ido ida idos idas aron ieron ió ía ían aba aban ando iendo ' +
        'yó yeron ye yen ción ciones imiento imientos iente ientes idad os as',
    ),
  },
  it: {
    negation: words('non mai né nessun nessuno nessuna niente nulla senza neppure nemmeno neanche'),
    hedge: words(
      'forse probabilmente possibilmente presumibilmente presuntamente apparentemente presunto presunta ' +
        'presunti presunte potrebbe potrebbero avrebbe avrebbero',
    ),
    quantity: {
      none: words('nessun nessuno nessuna'),
      one: words('unico unica'),
      few: words('pochi poche alcuni alcune diversi diverse vari varie parecchi certi'),
      many: words('molti molte numerosi numerose maggioranza'),
      all: words('tutti tutte ogni ciascun ciascuno ciascuna'),
    },
    outcome: {
      onset: words('inizi cominci avvi'),
      continuation: words('continu prosegu persist'),
      resumption: words('ripres riprend'),
      decline: words('diminu declin indebol'),
      growth: words('cresc aument intensific rafforz'),
      end: words('termin cess interrott'),
    },
    stance: {
      favour: words('favorevol simpat sostegn amichevol cordial'),
      neutral: words('neutral imparzial'),
      opposed: words('ostil oppos contrari diffiden'),
    },
    report: {
      distancing: words('pretes'),
      neutral: words('diss dichiar afferm'),
      factive: words('dimostr mostr rivel conferm'),
    },
    endings: words(
      ' o a i e ò ato ata ati ate are ere ire ava avano arono ando endo ita ito iti ite ì irono eva evano ' +
        'ione ioni ente enti uto uta ette ettero isce iscono iuto iuta ità izione',
    ),
  },
  nl: {
    negation: words('niet geen nooit noch niemand niets zonder'),
    hedge: words(
      'misschien mogelijk waarschijnlijk vermoedelijk zogenaamd kennelijk blijkbaar ogenschijnlijk wellicht ' +
        'vermeend vermeende zou zouden',
    ),
    quantity: {
      none: words('geen niemand'),
      one: words('enige enig één'),
      few: words('weinig weinige enkele sommige verscheidene diverse'),
      many: words('veel vele talrijke meeste meerderheid'),
      all: words('alle allen ieder iedere elk elke'),
    },
    outcome: {
      onset: words('begon begonn begin start'),
      continuation: words('voortgezet voortdur aanhield aanhoud'),
      resumption: words('hervat herstart'),
      decline: words('afgenomen verminder verzwak'),
      growth: words('groei toegenomen versterk verdiep'),
      end: words('eindig beëindig gestopt opgehouden'),
    },
    stance: {
      favour: words('gunstig sympath steun vriendelijk welwillend'),
      neutral: words('neutraal neutrale onpartijdig'),
      opposed: words('vijandig tegenstand tegenstander wantrouw afwijzend'),
    },
    report: {
      distancing: words('beweer beweerd'),
      neutral: words('zei zeiden verklaar'),
      factive: words('toon toonde bewees bewezen bevestig aangetoond'),
    },
    endings: words(' e en de den te ten t d s er ing ingen heid'),
  },
  pt: {
    negation: words('não nunca jamais nem nenhum nenhuma ninguém nada sem tampouco'),
    hedge: words(
      'talvez possivelmente provavelmente presumivelmente supostamente alegadamente aparentemente ' +
        'pretensamente suposto suposta alegado alegada poderia poderiam teria teriam',
    ),
    quantity: {
      none: words('nenhum nenhuma ninguém'),
      one: words('único única'),
      few: words('poucos poucas alguns algumas vários várias diversos diversas certos certas'),
      many: words('muitos muitas numerosos numerosas maioria'),
      all: words('todos todas cada'),
    },
    outcome: {
      onset: words('começ inici'),
      continuation: words('continu prossegu persist'),
      resumption: words('retom reinici'),
      decline: words('diminu declin enfraquec decresc'),
      growth: words('cresc aument intensific fortalec'),
      end: words('termin cess acab encerr'),
    },
    stance: {
      favour: words('favorável favoráveis simpat apoi amistos cordial'),
      neutral: words('neutr imparcial imparciais'),
      opposed: words('hostil opost oposição contrári desconfi'),
    },
    report: {
      distancing: words('aleg pretend'),
      neutral: words('disse diss declar afirm'),
      factive: words('demonstr mostr revel confirm'),
    },
    endings: words(
      ' o a e ou aram ar er ir ado ada ados adas ido ida idos idas eu eram iu iram ava avam ando endo indo ' +
        'ação ações imento ia iam al ais alidade os as',
    ),
  },
  pl: {
    negation: words('nie nigdy ani żaden żadna żadne żadnego żadnej nikt nic niczego nikogo bez'),
    hedge: words(
      'może prawdopodobnie przypuszczalnie rzekomo podobno najwyraźniej pozornie ponoć chyba zapewne ' +
        'rzekomy rzekoma rzekome mógłby mogłaby mogłoby mogliby',
    ),
    quantity: {
      none: words('żaden żadna żadne żadni nikt'),
      one: words('jedyny jedyna jedyne'),
      few: words('kilka kilku kilkoma niektórzy niektóre niektórych nieliczni parę paru'),
      many: words('wiele wielu liczne liczni licznych większość'),
      all: words('wszyscy wszystkie wszystkich każdy każda każde'),
    },
    outcome: {
      onset: words('rozpocz zacz zaczyn rozpoczyn'),
      continuation: words('kontynu'),
      resumption: words('wznow'),
      decline: words('osłab zmniejsz malał spad'),
      growth: words('wzrost wzrósł wzrosł wzmocn zwiększ'),
      end: words('zakończ skończ ustał zaprzesta'),
    },
    stance: {
      favour: words('przychyln życzliw sympati poparci popier przyjazn'),
      neutral: words('neutraln bezstronn'),
      opposed: words('wrog niechętn niechęć nieufn sprzeciw'),
    },
    report: {
      distancing: words('twierdz'),
      neutral: words('powiedzi oświadcz'),
      factive: words('wykaz dowiódł dowiodł udowodni pokaz potwierdz ujawni'),
    },
    endings: words(
      ' a e i o u y ą ę ł ła ło li ły ał ała ało ali ały ął ęła ęło ęli ęły ić ać eć ąć ył yła yło yli yły ' +
        'ił iła iło ili iły ano ono to ęto ęcie enie anie enia ania ek ku ów em ej ym ymi ego emu ość ości ' +
        'ował owała owało owali owały owano uje ują iono ienie ienia ie ią',
    ),
  },
  ru: {
    negation: words('не нет никогда ни ничего никто никакой никакая никакое никакие без'),
    hedge: words(
      'возможно вероятно видимо видимому предположительно якобы будто наверное пожалуй может ' +
        'предполагаемый предполагаемая предполагаемое предполагаемого',
    ),
    quantity: {
      none: words('никакой никакая никакое никакие никто'),
      one: words('единственный единственная единственное единственного'),
      few: words('несколько некоторые некоторых немногие немногих ряд различные различных'),
      many: words('многие многих многим много многочисленные многочисленных большинство'),
      all: words('все всех всем каждый каждая каждое'),
    },
    outcome: {
      onset: words('нача начина'),
      continuation: words('продолж'),
      resumption: words('возобнов'),
      decline: words('ослаб уменьш сокращ сократ сниж снизи упад'),
      growth: words('рос вырос увелич усил укреп углуб'),
      end: words('прекрат прекращ законч заверш оконч прерва'),
    },
    stance: {
      favour: words('благосклон доброжелат дружествен дружеск симпати поддерж сочувств'),
      neutral: words('нейтрал беспристраст'),
      opposed: words('враждеб противн недовер подозрит неприяз'),
    },
    report: {
      distancing: words('утвержда'),
      neutral: words('сказа заяви заявля'),
      factive: words('показа доказа подтверди подтвержд выяви продемонстрир'),
    },
    endings: words(
      ' а о е и ы у ю я ь ой ей ом ем ую ая ое ее ие ые ий ый их ых им ым ими ыми ого его ому ему ' +
        'л ла ло ли лся лась лось лись ть ться т ет ют ит ат ят ется ются ен ена ено ены ён ение ения ением ' +
        'ении ание ания ок ка ку ил ила ило или ился илась илось ились ал ала ало али ался алась алось ались ' +
        'ление ления ает ают ивал ивала ивали ен енный енная енное енные ьный ьная ьное ьные ьных ьным ьно ' +
        'итет итета ость ости ный ная ное ные ных ным но ия ии ию ией ать овал овала овали ло ла ли',
    ),
  },
};

/** The operators of a language, if it has a row. */
const operatorsOf = (locale: string): Operators | undefined => OPERATORS[baseLanguage(locale)];

/**
 * Whether a word is one of the language's operator words (a negation, a hedge, a quantifier): a word of the
 * grammar, never a name, even capitalised at the head of a sentence ("Einige Historiker…").
 */
export function isOperatorWord(word: string, locale: string): boolean {
  const ops = operatorsOf(locale);
  const w = word.toLowerCase();
  return !!ops && [ops.negation, ops.hedge, ...Object.values(ops.quantity)].some((ws) => ws.includes(w));
}

interface Token {
  /** The word folded for comparison ("didn't" gives "did" and "not"; a name is marked, "May" is no "may"). */
  w: string;
  /** Where the written word stands in the text (both halves of a contraction share it). */
  start: number;
  end: number;
  /** Inside brackets: an aside. */
  aside: boolean;
}

/** A capitalised word inside the sentence is a name or a month, never an operator ("May 25", "Neutral Moresnet"). */
const NAME = '\u0000';

function tokens(text: string): Token[] {
  const depth: number[] = [];
  let d = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '[') d++;
    for (let k = 0; k < ch.length; k++) depth.push(d);
    if ((ch === ')' || ch === ']') && d > 0) d--;
  }
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)) {
    const start = m.index;
    const end = start + m[0].length;
    const aside = depth[start]! > 0;
    const w = m[0].toLowerCase().replace(/’/g, "'");
    const neg = /^(\p{L}+)n't$/u.exec(w);
    if (neg) out.push({ w: neg[1]!, start, end, aside }, { w: 'not', start, end, aside });
    else if (/^\p{Lu}/u.test(m[0]) && (out.length || /^\s*\d/.test(text.slice(end)))) {
      // The first word is capitalised anyway: a name there only before a number ("May 3, 1939").
      out.push({ w: NAME + w, start, end, aside });
    } else out.push({ w: w.replace(/'s$/, ''), start, end, aside });
  }
  return out;
}

/** A passage the diff changes: the tokens of each reading between shared runs, as index ranges. */
interface Hunk {
  a: [number, number];
  b: [number, number];
}

/** A shared word this alone between two changes leaves them one passage. */
const BRIDGE = 1;

function hunks(ta: Token[], tb: Token[]): Hunk[] {
  const out: Hunk[] = [];
  let ia = 0;
  let ib = 0;
  let open: Hunk | undefined;
  const parts = diffArrays(
    ta.map((t) => t.w),
    tb.map((t) => t.w),
  );
  for (const [i, part] of parts.entries()) {
    const n = part.count ?? part.value.length;
    if (!part.added && !part.removed) {
      ia += n;
      ib += n;
      // A word the readings share inside one rewording ("the") does not split it in two.
      if (open && n <= BRIDGE && i + 1 < parts.length) [open.a[1], open.b[1]] = [ia, ib];
      else if (open) {
        out.push(open);
        open = undefined;
      }
      continue;
    }
    open ??= { a: [ia, ia], b: [ib, ib] };
    if (part.removed) open.a[1] = ia += n;
    else open.b[1] = ib += n;
  }
  if (open) out.push(open);
  return out;
}

/** The classes of `table` whose stems begin one of `ws` with one of the language's endings after it. */
function classes(ws: string[], table: Record<string, string[]>, endings: string[]): Set<string> {
  // An ending may double the stem's last letter ("stop" → "stopped").
  const inflects = (w: string, stem: string) => {
    if (!w.startsWith(stem)) return false;
    const rest = w.slice(stem.length);
    return endings.includes(rest) || (rest[0] === stem.at(-1) && endings.includes(rest.slice(1)));
  };
  const out = new Set<string>();
  for (const [cls, stems] of Object.entries(table)) if (ws.some((w) => stems.some((s) => inflects(w, s)))) out.add(cls);
  return out;
}

const exactClasses = (ws: string[], table: Record<string, string[]>) => classes(ws, table, ['']);

const differ = (x: Set<string>, y: Set<string>) => x.size !== y.size || [...x].some((c) => !y.has(c));

/** What one changed passage does to the claim, if anything (see the module's comment). */
function shiftOf(da: string[], db: string[], whole: [string[], string[]], ops: Operators): ClaimShift | undefined {
  const inserted = !da.length || !db.length;
  // A long clause one reading adds says more; it does not change what both say.
  if (inserted && da.length + db.length > 3) return undefined;
  const count = (ws: string[], set: string[]) => ws.filter((w) => set.includes(w)).length;
  const negations = (ws: string[]) => count(ws, ops.negation);
  if (negations(da) !== negations(db) && negations(whole[0]) !== negations(whole[1])) return 'negation';
  const hedged = (ws: string[]) => ws.some((w) => ops.hedge.includes(w));
  if ((hedged(da) && !hedged(whole[1])) || (hedged(db) && !hedged(whole[0]))) return 'modality';
  const counted = (ws: string[]) => ws.filter((w, i) => !ops.reciprocal?.includes(`${w} ${ws[i + 1]}`));
  const qa = exactClasses(counted(da), ops.quantity);
  const qb = exactClasses(counted(db), ops.quantity);
  if ((inserted || (qa.size && qb.size)) && differ(qa, qb)) return 'quantity';
  if (inserted) return undefined;
  for (const shift of ['outcome', 'stance', 'report'] as const) {
    const ca = classes(da, ops[shift], ops.endings);
    const cb = classes(db, ops[shift], ops.endings);
    if (ca.size && cb.size && differ(ca, cb)) return shift;
  }
  return undefined;
}

/** Shared words quoted on each side of a changed passage. */
const CONTEXT = 2;

function quote(text: string, ts: Token[], [from, to]: [number, number]): string {
  const first = ts[Math.max(0, from - CONTEXT)];
  const last = ts[Math.min(ts.length, to + CONTEXT) - 1];
  if (!first || !last) return text;
  return text.slice(first.start, last.end);
}

/** At most this many changed passages are quoted in one note. */
const MAX_PASSAGES = 2;

/**
 * How reading `b` changes the claim of reading `a`, if it does: the changed passages whose operators differ
 * (the first names the shift), with the words that carry them on each side. Undefined for a paraphrase.
 */
export function claimChange(a: string, b: string, locale: string): ClaimChange | undefined {
  const ops = operatorsOf(locale);
  if (!ops) return undefined;
  const ta = tokens(a);
  const tb = tokens(b);
  const whole: [string[], string[]] = [ta.map((t) => t.w), tb.map((t) => t.w)];
  let shift: ClaimShift | undefined;
  const spans: [string[], string[]] = [[], []];
  for (const h of hunks(ta, tb)) {
    // An aside one reading adds (in brackets) qualifies; it does not change the claim.
    const added = [...ta.slice(...h.a), ...tb.slice(...h.b)];
    if (added.every((t) => t.aside)) continue;
    const found = shiftOf(whole[0].slice(...h.a), whole[1].slice(...h.b), whole, ops);
    if (!found) continue;
    shift ??= found;
    spans[0].push(quote(a, ta, h.a));
    spans[1].push(quote(b, tb, h.b));
    if (spans[0].length >= MAX_PASSAGES) break;
  }
  return shift && { shift, spans: [spans[0].join(' … '), spans[1].join(' … ')] };
}

/** A text's words, lower-case, one space between. */
const plainWords = (t: string) => (t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

/** Whether `text` has every passage of `span` (passages joined by " … "), case, spacing and punctuation aside. */
export const readsSpan = (text: string, span: string): boolean =>
  span.split(' … ').every((part) => ` ${plainWords(text)} `.includes(` ${plainWords(part)} `));
