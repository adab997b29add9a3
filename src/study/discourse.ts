/**
 * Language tables for the study aids that read sentences as statements: which words open a sentence that
 * leans on the one before it (a pronoun, a connective), which words join a cause to its effect, which words
 * hedge a claim, and how questions are worded. One entry per language (ISO 639-1); a language without an
 * entry falls back to English for the wording and to no rule (never to English's words) for the reading.
 */
import { englishLexicon, tagger } from '../util/lexicon.js';
import { baseLanguage, icuWords, wordsKey } from '../util/language.js';
import { memoize } from '../util/memo.js';
import escape from 'escape-string-regexp';
import { MORE_WORDINGS } from './questions/wordings.js';

/** How a causal connective joins the two halves of its sentence. */
export type CausalRole =
  /** "E because C", "Because C, E": the connective introduces the cause. */
  | 'reason'
  /** "A in order to P": the connective introduces the aim. */
  | 'purpose'
  /** "C led to E", "C, thereby causing E": the connective introduces the effect. */
  | 'effect';

interface DiscourseTable {
  /** Words that, opening a sentence, point back to something the sentence does not name. */
  pronouns: string[];
  /** Connectives that, opening a sentence, join it to the one before; a comma may follow. */
  connectives: string[];
  /** Causal connectives by role, longest first where one contains another. */
  causal: Record<CausalRole, string[]>;
  /** The causal connectives among `causal.reason` that head a noun phrase ("because of", "due to"), not a clause. */
  phrasal: string[];
  /**
   * Causal adverbs that join two clauses only where they open one (after a comma, a semicolon or at the
   * start): inside a clause they leave no second half ("… and are consequently used …", "lag damit vor",
   * "der damit verbundene Rückstoß").
   */
  clauseOnly?: string[];
  /** Words that cannot end a quoted half of a sentence ("…, especially"): regular-expression alternatives. */
  dangling: string[];
  /**
   * Relative pronouns a causal phrase may govern ("as a result of which", "в результате которой"): the phrase
   * then points back to the clause before as the cause, and what follows is its effect, not its reason.
   */
  relativePronouns?: string[];
  /** Words that mark a claim as someone's view or a possibility, not a fact the text states. */
  hedges: string[];
  /** Words for the act of signing an instrument (a treaty "signed", "concluded"). */
  signed: string[];
  /** The word for an ambassador. */
  ambassador: string[];
  /**
   * In a verb-second language, the connectives that leave the word order as it is ("und", "aber"); any other
   * takes the first place itself ("Deshalb wurde er …"), so the sentence does not stand without it.
   */
  conjunctions?: string[];
  /**
   * Words that place a sentence at the time of the one before ("Concurrently, …", "Shortly before midnight, …",
   * "The next day, …"): opening a sentence that writes no date of its own, they leave its time to the text before.
   */
  temporal?: string[];
  /** Connectives that draw a conclusion from the sentences before ("Thus", "Therefore"). */
  conclusive?: string[];
  /**
   * Adjectives that, before a noun, point back to something told before ("a later offer", "six other
   * republics", "the same day", "such measures"), and nouns that presuppose it ("the originals").
   */
  relatives?: string[];
  /** Nouns of events: "the attack", "the treaty" without a word of which one lean on the text before. */
  events?: string[];
  /** The prepositions that open a date phrase: of a day ("On"), of a month or a year ("In"). */
  datePrepositions?: { day: string; other: string };
  /**
   * The words that, before a date, make it a bound rather than a time: `upper` ("by", "before": a later date
   * would be as true), `lower` ("after", "since": an earlier one would). Not "until": an end is no bound.
   */
  dateBounds?: { upper: string[]; lower: string[] };
  /**
   * Demonstratives that, anywhere in a sentence, point back to something told before it ("for these purposes",
   * "to mark this change of policy"); not words that are also a conjunction ("that").
   */
  demonstratives?: string[];
  /**
   * Conjunctions that open a clause of concession or time before the main clause ("While imports had fallen,
   * …"): such a clause is no part of the cause the main clause's subject is.
   */
  concessive?: string[];
  /**
   * Verbs of saying and the word that opens what was said ("told … that", "erklärte, dass"): a cause or an
   * effect after them is part of someone's words, not a link the text itself states.
   */
  reporting?: { verbs: string[]; that: string[] };
  /**
   * Connectives that open a sentence which turns against the one before ("However, …", "But …"): the sentence
   * before says only half of what the text says.
   */
  contrast?: string[];
}

/** A word list written as one string, alternatives separated by '|'. */
const list = (words: string) => words.split('|');

const TABLES: Record<string, DiscourseTable> = {
  en: {
    pronouns: list('he|she|it|they|this|these|those|that|his|her|its|their|such|another|others|i|we|you|my|our|your'),
    connectives: list(
      'thus|however|but|and|also|therefore|then|so|hence|moreover|furthermore|meanwhile|' +
        'nevertheless|nonetheless|still|yet|instead|consequently|accordingly|likewise|similarly|' +
        'subsequently|besides|in addition|as a result|in turn|in response|on the other hand|' +
        'at the same time|for this reason|in this way|to this end|the former|the latter|both|' +
        'neither|otherwise|in contrast|by contrast|conversely|indeed|concurrently|simultaneously',
    ),
    causal: {
      reason: list('because of|because|due to|owing to|on account of|as a result of'),
      purpose: list('in order to|so as to|so that|in order that|in an attempt to|in a bid to|with the aim of'),
      effect: list(
        'led to|leads to|leading to|resulted in|resulting in|contributed to|caused|thereby causing|' +
          'thereby|prompted|provoking|provoked|as a result|consequently|therefore',
      ),
    },
    phrasal: list('because of|due to|owing to|on account of|as a result of'),
    clauseOnly: list('thereby|as a result|consequently|therefore'),
    dangling: list(
      '\\p{L}+ly|thus|so|especially|particularly|mainly|partly|largely|mostly|chiefly|also|and|or|but|both|not|' +
        'only|just|which|that',
    ),
    relativePronouns: list('which|whom|whose'),
    reporting: {
      verbs: list(
        'told|tells|said|says|stated|states|wrote|writes|declared|announced|insisted|assured|warned|' +
          'promised|informed|replied|explained|argued|argues|claimed|claims|maintained|reported|' +
          'suggested|believed|believes',
      ),
      that: list('that'),
    },
    hedges: list(
      'argued|argue|argues|claim|claims|claimed|perhaps|might|may have|possibly|allegedly|' +
        'rumored|rumoured|reportedly|supposedly|theory|theses|thesis|some historians|some authors|' +
        'according to|suggested|speculated|believed|it is said',
    ),
    signed: list('signed|concluded|signing|signature'),
    ambassador: list('ambassador|ambassadors|envoy|chargé'),
    temporal: list(
      'concurrently|simultaneously|meanwhile|at the same time|subsequently|afterwards|afterward|thereafter|then|' +
        'later|earlier|shortly|soon|next|that day|that night|that evening|that morning|the same day|the next day|' +
        'the following day|the day after|the day before|the previous day|by then|at that time|at that point|' +
        'midnight|noon|dawn|morning|evening|night|afternoon|hours|days|weeks|months',
    ),
    conclusive: list('thus|therefore|hence|consequently|so|accordingly|as a result|for this reason'),
    events: list(
      'attack|offer|deal|purge|reshuffle|decision|proposal|plan|operation|campaign|incident|ultimatum|demand|' +
        'request|talks|negotiations|visit|speech|protocol|agreement|treaty|pact|war|invasion|meeting|conference|' +
        'crisis|coup|uprising|occupation|annexation|election|trial|strike|raid|battle|siege|offensive|retreat',
    ),
    relatives: list(
      'later|earlier|same|such|other|aforementioned|above-mentioned|previous|remaining|' + 'originals|remainder|rest',
    ),
    datePrepositions: { day: 'On', other: 'In' },
    dateBounds: { upper: list('by|before|no later than|prior to'), lower: list('after|since') },
    demonstratives: list('this|these|those'),
    concessive: list('while|although|though|whereas|even though|even if|despite the fact that'),
    contrast: list(
      'however|but|nevertheless|nonetheless|on the other hand|in contrast|by contrast|conversely|even so|' +
        'that said',
    ),
  },
  de: {
    pronouns: list('er|sie|es|dies|diese|dieser|dieses|jene|sein|seine|ihr|ihre|dort'),
    connectives: list(
      'daher|deshalb|deswegen|jedoch|aber|und|auch|dann|somit|also|außerdem|zudem|trotzdem|' +
        'dennoch|folglich|infolgedessen|stattdessen|ebenso|danach|darauf|dabei|damit|dadurch|' +
        'hingegen|allerdings|ferner',
    ),
    causal: {
      reason: list('aufgrund|wegen|weil|infolge'),
      purpose: list('damit|um zu'),
      effect: list('führte zu|führten zu|führte dazu|verursachte|bewirkte|infolgedessen|daher|deshalb'),
    },
    phrasal: list('aufgrund|wegen|infolge'),
    clauseOnly: list('damit|infolgedessen|daher|deshalb'),
    dangling: list('besonders|vor allem|und|oder|aber|auch|nur|die|der|das'),
    relativePronouns: list('dessen|deren|denen|welchem|welcher|welchen'),
    reporting: {
      verbs: list(
        'sagte|sagten|erklärte|erklärten|behauptete|behaupteten|schrieb|schrieben|versicherte|' +
          'meinte|betonte|warnte|mitteilte',
      ),
      that: list('dass|daß'),
    },
    hedges: list('vermutlich|angeblich|möglicherweise|wohl|vielleicht|behauptet|behaupten|These'),
    contrast: list('jedoch|aber|dennoch|allerdings|trotzdem|hingegen|andererseits'),
    signed: list('unterzeichnet|unterzeichneten|unterzeichnete|geschlossen|schlossen'),
    ambassador: list('Botschafter|Gesandter|Gesandte'),
    temporal: list(
      'gleichzeitig|zugleich|währenddessen|inzwischen|danach|anschließend|später|kurz|darauf|tags darauf|' +
        'am selben tag|am gleichen tag|am nächsten tag|am folgenden tag|am vortag|an diesem tag|damals|dann',
    ),
    conclusive: list('somit|also|daher|deshalb|folglich|demnach'),
    relatives: list(
      'spätere|späteren|späterer|späteres|gleiche|gleichen|selbe|selben|solche|solchen|solcher|andere|anderen|' +
        'anderer|weitere|weiteren|genannte|genannten|übrigen',
    ),
    datePrepositions: { day: 'Am', other: 'Im Jahr' },
    dateBounds: {
      upper: list('vor|vor dem|spätestens'),
      lower: list('nach|nach dem|seit|seit dem'),
    },
    conjunctions: list('und|aber|oder|denn|sondern'),
  },
  fr: {
    pronouns: list('il|elle|ils|elles|ce|cela|ceci|ces|cette|son|sa|ses|leur|leurs'),
    connectives: list(
      'ainsi|cependant|mais|et|aussi|donc|alors|pourtant|toutefois|de plus|en outre|néanmoins|' +
        'par conséquent|en revanche|ensuite|puis',
    ),
    causal: {
      reason: list('parce que|à cause de|en raison de|grâce à'),
      purpose: list('afin de|afin que|pour que'),
      effect: list('entraîna|a entraîné|provoqua|a provoqué|conduisit à|a conduit à|par conséquent'),
    },
    phrasal: list('à cause de|en raison de|grâce à'),
    dangling: list('surtout|notamment|et|ou|mais|aussi|qui|que'),
    relativePronouns: list('lequel|laquelle|lesquels|lesquelles|duquel|desquels|desquelles|dont|quoi'),
    reporting: {
      verbs: list(
        'dit|déclara|déclare|affirma|affirme|écrivit|écrit|assura|assure|annonça|annonce|expliqua|' +
          'explique|prétendit|prétend|estima|estime',
      ),
      that: list('que|qu'),
    },
    hedges: list('peut-être|prétendument|selon|aurait|auraient|affirment|thèse'),
    contrast: list('cependant|mais|pourtant|toutefois|néanmoins|en revanche|par contre'),
    signed: list('signé|signée|signèrent|conclu|conclue'),
    ambassador: list('ambassadeur|ambassadrice'),
    temporal: list(
      'simultanément|en même temps|entre-temps|ensuite|puis|plus tard|peu après|peu avant|le lendemain|la veille|' +
        'le même jour|ce jour-là|le jour même|alors|à cette époque',
    ),
    conclusive: list('ainsi|donc|par conséquent|dès lors'),
    relatives: list('ultérieur|ultérieure|ultérieurs|ultérieures|tel|telle|tels|telles|précédent|précédente'),
    datePrepositions: { day: 'Le', other: 'En' },
    dateBounds: {
      upper: list("avant|avant le|d'ici|au plus tard"),
      lower: list('après|après le|depuis|depuis le'),
    },
  },
  es: {
    pronouns: list('él|ella|ellos|ellas|esto|este|esta|estos|estas|su|sus'),
    connectives: list('así|sin embargo|pero|y|también|por lo tanto|entonces|además|no obstante'),
    causal: {
      reason: list('porque|debido a|a causa de'),
      purpose: list('para que|con el fin de|a fin de'),
      effect: list('provocó|causó|condujo a|dio lugar a|por lo tanto|por consiguiente'),
    },
    phrasal: list('debido a|a causa de'),
    dangling: list('especialmente|sobre todo|y|o|pero|también|que'),
    relativePronouns: list('lo cual|la cual|el cual|los cuales|las cuales'),
    reporting: {
      verbs: list('dijo|declaró|afirmó|escribió|aseguró|anunció|explicó|sostuvo|advirtió'),
      that: list('que'),
    },
    hedges: list('quizás|posiblemente|supuestamente|según|habría|afirman|tesis'),
    contrast: list('sin embargo|pero|no obstante|aun así|en cambio|por el contrario'),
    signed: list('firmado|firmada|firmaron|firmó|concluido'),
    ambassador: list('embajador|embajadora'),
  },
  nl: {
    pronouns: list('hij|zij|ze|het|dit|dat|deze|die|zijn|haar|hun'),
    connectives: list('dus|echter|maar|en|ook|daarom|toen|bovendien|daarnaast|desondanks'),
    causal: {
      reason: list('omdat|doordat|vanwege|wegens'),
      purpose: list('zodat|opdat'),
      effect: list('leidde tot|leidden tot|veroorzaakte|daardoor|daarom'),
    },
    phrasal: list('vanwege|wegens'),
    clauseOnly: list('daardoor|daarom'),
    dangling: list('vooral|en|of|maar|ook|die|dat'),
    relativePronouns: list('welke|waarvan'),
    reporting: {
      verbs: list('zei|zegt|verklaarde|schreef|beweerde|stelde|meldde'),
      that: list('dat'),
    },
    hedges: list('misschien|mogelijk|vermoedelijk|zogenaamd|volgens|zou|zouden|these'),
    contrast: list('echter|maar|toch|niettemin|daarentegen|desondanks'),
    signed: list('ondertekend|ondertekenden|gesloten'),
    ambassador: list('ambassadeur|gezant'),
    conjunctions: list('en|maar|of|want'),
  },
  // Afrikaans: "die" is the article, not a pronoun (as Dutch "die" is).
  af: {
    pronouns: list('hy|sy|hulle|dit|hierdie|daardie|haar|hul|hom|ons|hier|hierin|hierna|daar|daarin'),
    connectives: list('dus|egter|maar|en|ook|daarom|toe|boonop|verder|nietemin|tog|daarna'),
    causal: {
      reason: list('as gevolg van|omdat|aangesien|weens|vanweë'),
      purpose: list('ten einde|sodat'),
      effect: list('het gelei tot|gelei tot|lei tot|veroorsaak|daardeur|gevolglik|daarom'),
    },
    phrasal: list('as gevolg van|weens|vanweë'),
    clauseOnly: list('daardeur|gevolglik|daarom'),
    dangling: list('veral|en|of|maar|ook|wat|dat'),
    relativePronouns: list('watter'),
    hedges: list('miskien|moontlik|vermoedelik|glo|kwansuis|volgens|sou|beweer'),
    signed: list('onderteken|geteken|gesluit'),
    ambassador: list('ambassadeur|gesant'),
    conjunctions: list('en|maar|of|want'),
  },
  it: {
    pronouns: list(
      'egli|ella|esso|essa|essi|esse|lui|lei|loro|questo|questa|questi|queste|ciò|tale|tali|suo|sua|suoi|sue',
    ),
    connectives: list(
      'così|tuttavia|ma|e|anche|quindi|perciò|pertanto|allora|inoltre|invece|comunque|dunque|poi|infine|' +
        'successivamente|di conseguenza',
    ),
    causal: {
      reason: list(
        'perché|poiché|dato che|visto che|a causa di|a causa del|a causa della|a causa dei|grazie a|in seguito a',
      ),
      purpose: list('al fine di|allo scopo di|affinché|in modo da'),
      effect: list('provocò|causò|portò a|condusse a|ha provocato|ha causato|ha portato a|di conseguenza|pertanto'),
    },
    phrasal: list('a causa di|a causa del|a causa della|a causa dei|grazie a|in seguito a'),
    clauseOnly: list('pertanto|di conseguenza'),
    dangling: list('soprattutto|specialmente|e|o|ma|anche|che'),
    relativePronouns: list('cui|quale|quali'),
    reporting: {
      verbs: list('disse|dichiarò|affermò|scrisse|assicurò|annunciò|spiegò|sostenne'),
      that: list('che'),
    },
    hedges: list('forse|probabilmente|presumibilmente|secondo|avrebbe|avrebbero|sostengono|tesi'),
    signed: list('firmato|firmata|firmarono|firmò|concluso|conclusa|stipulato|stipulata'),
    ambassador: list('ambasciatore|ambasciatrice'),
  },
  // Polish and Russian drop a subject a verb's ending names ("Podpisał go…"): such a sentence opens with its
  // verb, which no list tells from a name; the pronouns and connectives that open a sentence are listed.
  pl: {
    pronouns: list('on|ona|ono|oni|one|to|ten|ta|te|ci|tego|tej|tym|jego|jej|ich|taki|taka|takie|tamten'),
    connectives: list(
      'jednak|jednakże|ale|lecz|i|oraz|także|również|dlatego|zatem|więc|następnie|potem|ponadto|natomiast|' +
        'mimo to|w związku z tym|tymczasem|w rezultacie|w konsekwencji',
    ),
    causal: {
      reason: list('ponieważ|gdyż|z powodu|ze względu na|dzięki|na skutek|wskutek|w wyniku'),
      purpose: list('aby|żeby|w celu'),
      effect: list(
        'doprowadził do|doprowadziła do|doprowadziło do|doprowadziły do|spowodował|spowodowała|spowodowało|' +
          'spowodowały|w rezultacie|w konsekwencji|w efekcie',
      ),
    },
    phrasal: list('z powodu|ze względu na|dzięki|na skutek|wskutek|w wyniku'),
    clauseOnly: list('w rezultacie|w konsekwencji|w efekcie'),
    dangling: list('zwłaszcza|szczególnie|i|oraz|lub|albo|ale|także|który|która|które|że'),
    relativePronouns: list('którego|której|których|którym'),
    reporting: {
      verbs: list(
        'powiedział|powiedziała|oświadczył|oświadczyła|stwierdził|stwierdziła|napisał|napisała|twierdził|twierdziła',
      ),
      that: list('że'),
    },
    hedges: list('prawdopodobnie|przypuszczalnie|rzekomo|podobno|według|zdaniem|twierdzą|teza|hipoteza'),
    signed: list('podpisany|podpisana|podpisane|podpisano|podpisali|podpisał|podpisała|zawarty|zawarta|zawarto'),
    ambassador: list('ambasador|ambasadora|ambasadorem|ambasadorowi'),
  },
  ru: {
    pronouns: list('он|она|оно|они|это|этот|эта|эти|тот|та|те|его|её|ее|их|такой|такая|такие'),
    connectives: list(
      'однако|но|и|а|также|поэтому|тогда|затем|потом|кроме того|более того|тем не менее|следовательно|' +
        'таким образом|впрочем|между тем',
    ),
    causal: {
      reason: list('потому что|так как|поскольку|из-за|в связи с|благодаря|вследствие|в результате'),
      purpose: list('для того чтобы|чтобы|с целью'),
      effect: list(
        'привело к|привела к|привёл к|привел к|привели к|вызвал|вызвала|вызвало|вызвали|поэтому|вследствие этого',
      ),
    },
    phrasal: list('из-за|в связи с|благодаря|вследствие|в результате'),
    clauseOnly: list('поэтому'),
    dangling: list('особенно|в частности|и|или|но|также|который|которая|которое|которые|что'),
    relativePronouns: list('которой|которого|которых|которым|котором|которому|чего|чему'),
    reporting: {
      verbs: list('сказал|сказала|заявил|заявила|написал|написала|утверждал|утверждала|сообщил|сообщила'),
      that: list('что'),
    },
    hedges: list('возможно|вероятно|якобы|по мнению|по словам|считают|утверждают|предположительно|видимо'),
    signed: list('подписан|подписана|подписано|подписали|подписал|заключён|заключен|заключена|заключили'),
    ambassador: list('посол|посла|послом|послу'),
  },
};

/** The language's table, or none. */
/**
 * Whether the words just before a date make it a bound: 'upper' ("by February 1942": a later date would be as
 * true), 'lower' ("since 1990"); undefined if they make it a time, or the language has no such words.
 */
export function dateBound(before: string, language: string): 'upper' | 'lower' | undefined {
  const bounds = TABLES[baseLanguage(language)]?.dateBounds;
  if (!bounds) return undefined;
  const text = before.replace(/’/g, "'");
  const ends = (words: string[]) => new RegExp(String.raw`${wordsPattern(words).source}\s*$`, 'iu').test(text);
  return ends(bounds.upper) ? 'upper' : ends(bounds.lower) ? 'lower' : undefined;
}

export function discourse(language: string): DiscourseTable | undefined {
  return TABLES[baseLanguage(language)];
}

/** A word list as an alternation bounded by non-letters ("and" does not match "Andrew"). */
export function wordsPattern(list: readonly string[], flags = 'iu'): RegExp {
  const sorted = [...list].sort((a, b) => b.length - a.length).map(escape);
  return new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${sorted.join('|')})(?![\p{L}\p{N}])`, flags);
}

const openers = new Map<string, { pronoun: RegExp; connective: RegExp; conjunction?: RegExp } | undefined>();
function openerPatterns(language: string) {
  const key = baseLanguage(language);
  if (!openers.has(key)) {
    const t = TABLES[key];
    const first = (list: string[]) =>
      new RegExp(
        String.raw`^(?:${[...list]
          .sort((a, b) => b.length - a.length)
          .map(escape)
          .join('|')})(?![\p{L}\p{N}])`,
        'iu',
      );
    openers.set(
      key,
      t && {
        pronoun: first(t.pronouns),
        connective: first(t.connectives),
        conjunction: t.conjunctions && first(t.conjunctions),
      },
    );
  }
  return openers.get(key);
}

const CLEAR = (rest: string) => ({ kind: 'clear' as const, rest });

/**
 * The words that, opening a sentence of Japanese, Chinese or Korean, point back to the text before it: pronouns,
 * demonstratives and connectives ("それは", "它", "그는", "しかし", "因此"). These languages write a pronoun
 * or a connective onto the word after it (no space in Chinese and Japanese, a particle in Korean), so they are
 * matched at the start without a word boundary; a sentence opening so is not taken as standing alone (no table
 * of the others': the words are not dropped to mend it).
 */
const LEANING_OPENERS: Record<string, string> = {
  ja:
    'それ|これ|あれ|彼|彼女|彼ら|同年|同社|同氏|その|この|あの|こうした|そうした|また|しかし|だが|そして|さらに|' +
    'その後|そのため|このため|したがって|ところが|なお|ただし|ただ|それでも|でも|つまり',
  zh:
    '它|他|她|其|此|这|這|那|该|該|同年|但|但是|然而|因此|所以|而且|此外|另外|并且|並且|于是|於是|不过|不過|' +
    '同时|同時|因而',
  ko:
    '그는|그가|그의|그를|그에게|그녀는|그녀가|그녀의|그녀를|그들은|그들이|그들의|이는|이것은|이것이|그것은|그것이|' +
    '이들은|이들이|그러나|하지만|그런데|또한|따라서|그래서|그리고|이러한|그러한|이에|그후|이후|한편',
};
const leaningOpeners = new Map<string, ((sentence: string) => boolean) | undefined>();
/**
 * Whether a sentence opens with one of `LEANING_OPENERS`: in Korean a word of its own (spaces part the words),
 * in Chinese and Japanese ICU's first word or first two words (Intl.Segmenter), so that 但丁 (Dante), 那不勒斯
 * (Naples) or 彼岸 are not read as 但, 那 or 彼.
 */
function leaningOpener(language: string): ((sentence: string) => boolean) | undefined {
  const key = baseLanguage(language);
  if (!leaningOpeners.has(key)) {
    const words = LEANING_OPENERS[key];
    const set = new Set(words?.split('|'));
    const spaced = (sentence: string) => set.has(/^[「『“"]?(\S+)/u.exec(sentence)?.[1] ?? '');
    const unspaced = (sentence: string) => {
      const first = icuWords(sentence.replace(/^[「『“"]/u, '').slice(0, 12))
        .filter((s) => s.segment.trim())
        .slice(0, 2)
        .map((s) => s.segment);
      return set.has(first[0] ?? '') || set.has(first.join(''));
    };
    leaningOpeners.set(key, words === undefined ? undefined : key === 'ko' ? spaced : unspaced);
  }
  return leaningOpeners.get(key);
}

/**
 * How a sentence opens: `pronoun` (it names nothing itself: "They were…", "In 1925, they…"), `connective`
 * ("Thus, …", "However, …": the sentence stands once it is removed), or `clear`. An opening phrase of a
 * few words before a comma ("In 1933, …", "After the war, …") is looked through.
 */
export function opening(
  sentence: string,
  language: string,
): { kind: 'pronoun' | 'connective' | 'clear'; rest: string } {
  const p = openerPatterns(language);
  if (!p)
    return leaningOpener(language)?.(sentence.trimStart()) ? { kind: 'pronoun', rest: sentence } : CLEAR(sentence);
  const text = sentence.trimStart();
  if (p.pronoun.test(text)) return { kind: 'pronoun', rest: text };
  const c = p.connective.exec(text);
  // "Deshalb wurde er …": without the connective the sentence would open with its verb.
  if (c && p.conjunction && !p.conjunction.test(c[0])) return { kind: 'pronoun', rest: text };
  if (c) {
    const rest = text.slice(c[0].length).replace(/^\s*,?\s*/, '');
    // "In response to a written draft, Stalin …": the words open a phrase, not the sentence's link to another.
    if (/^(?:to|of|with|from|for)\s/i.test(rest) && !/,\s*$/.test(text.slice(0, c[0].length + 2)))
      return { kind: 'clear', rest: text };
    // "But it will be…": removing the connective leaves a pronoun.
    if (!rest || p.pronoun.test(rest)) return { kind: 'pronoun', rest: text };
    return { kind: 'connective', rest: rest.charAt(0).toLocaleUpperCase(language) + rest.slice(1) };
  }
  const comma = /^([^,;:()"“]{1,60}),\s*/u.exec(text);
  if (comma && comma[1]!.split(/\s+/).length <= 6) {
    const after = text.slice(comma[0].length);
    if (p.pronoun.test(after) || p.connective.test(after)) return { kind: 'pronoun', rest: text };
    // "According to others, …", "After this, …": the opening phrase itself points back.
    if (
      comma[1]!
        .split(/\s+/)
        .slice(1)
        .some((w) => p.pronoun.test(w))
    )
      return { kind: 'pronoun', rest: text };
  }
  return { kind: 'clear', rest: text };
}

/**
 * Whether a stretch of text holds a verb, where a part-of-speech tagger reads the language (compromise, for
 * English; only the few halves of causal sentences are tagged), else undefined.
 */
export function hasVerb(text: string, language: string): boolean | undefined {
  if (baseLanguage(language) !== 'en') return undefined;
  return tagged(text, '#Verb');
}

/**
 * Whether a name is a person's, where a tagger reads the language (compromise knows given names: "Angela
 * Merkel", not "Iron Curtain" or "Mayo Clinic"); undefined for other languages.
 */
export function isPersonName(name: string, language: string): boolean | undefined {
  if (baseLanguage(language) !== 'en') return undefined;
  return tagged(name, '#Person');
}

/**
 * Whether a sentence speaks of someone it does not name: "he", "she", "his", "her" with no person before it
 * ("…, he began pursuing a policy of collective security"). English only (a tagger says what a person is).
 */
/**
 * Whether the words at `at` stand in what someone is reported to have said ("Hitler told the ambassador that
 * the pact freed Germany, thereby changing…"): a verb of saying and its "that" come before them.
 */
export function reported(sentence: string, at: number, language: string): boolean {
  const r = TABLES[baseLanguage(language)]?.reporting;
  if (!r) return false;
  const verbs = wordsPattern(r.verbs).source;
  const that = wordsPattern(r.that).source;
  return new RegExp(`${verbs}[^.;:!?]*?${that}`, 'iu').test(sentence.slice(0, at));
}

/**
 * Whether a sentence leans on the text before it through a demonstrative anywhere in it, outside quotations
 * ("The first officers went there for these purposes in 1922"); only where the language's table has them.
 */
export function leansOnDemonstrative(sentence: string, language: string): boolean {
  const words = TABLES[baseLanguage(language)]?.demonstratives;
  if (!words) return false;
  const unquoted = sentence.replace(/“[^”]*”|"[^"]*"|„[^“”]*[“”]|«[^»]*»|‘[^’]*’(?![\p{L}])/gu, ' ');
  // "Those who opposed …", "… exceeded those of the army": a pronoun that the words after it say.
  const pattern = new RegExp(String.raw`${wordsPattern(words).source}(?!\s+(?:who|whom|which|that|of|in)\b)`, 'iu');
  return pattern.test(unquoted);
}

export function leansOnPerson(sentence: string, language: string): boolean {
  if (baseLanguage(language) !== 'en') return false;
  const pronoun = /\b(?:he|she|his|him|her)\b/i.exec(sentence);
  return !!pronoun && !tagged(sentence.slice(0, pronoun.index), '#Person');
}

/** Whether the tagger finds a tag in a text; remembered per text (it costs milliseconds a sentence). */
const tagged = memoize(
  (text: string, tag: string) => tagger()(text).match(tag).found,
  (text, tag) => `${tag}\u0000${text}`,
  50_000,
  { name: 'entities', persist: true },
);

/** Whether the sentence reports a claim or a possibility rather than stating a fact. */
/** Whether a sentence opens by turning against the one before ("However, …"): `contrast`. */
export function turnsAgainst(sentence: string, language: string): boolean {
  const words = discourse(language)?.contrast;
  if (!words) return false;
  let re = openings.get(words);
  if (!re) openings.set(words, (re = new RegExp(`^${wordsPattern(words).source}`, 'iu')));
  return re.test(sentence.trimStart());
}
const openings = new WeakMap<readonly string[], RegExp>();

/**
 * A sentence cut out of a longer quotation: it opens a quotation it does not close, or closes one it did not
 * open (""At the time, it was like moving to Mayberry." of a quotation three sentences long). Its words are
 * someone's, and half of them are elsewhere: no point or question stands on it. Straight marks pair up; "„"
 * opens what "“" or "”" closes (German), else "“" opens what "”" closes; guillemets pair up.
 */
export function partOfQuotation(sentence: string): boolean {
  // An inch mark after a figure ("a 12" record") is no quotation mark.
  const text = sentence.replace(/(?<=\d)"/g, '');
  const count = (mark: string) => text.split(mark).length - 1;
  if (count('"') % 2 || count('«') !== count('»')) return true;
  const low = count('„');
  if (low) return low !== count('“') + count('”');
  // Swedish and Finnish open and close with "”".
  if (!count('“')) return count('”') % 2 === 1;
  return count('“') !== count('”');
}

export function hedged(sentence: string, language: string): boolean {
  const t = discourse(language);
  return !!t && wordsPattern(t.hedges).test(sentence);
}

/** How questions are worded, per language (English where the language has no entry). */
export interface Wording {
  reason(effect: string): string;
  purpose(action: string): string;
  effect(cause: string): string;
  cloze(sentence: string): string;
  choice(kind: 'date' | 'person' | 'treaty' | 'number', sentence: string): string;
  signedWhen(treaty: string): string;
  whoHeld(post: string, term: string): string;
  disagreement(kind: 'number' | 'name', sentence: string): string;
  membership(item: string, list: string): string;
  readings(readings: { value: string; sources: string[] }[]): string;
  quote(text: string): string;
}

/** What a multiple-choice question asks for, by the kind of its answer. */
const WHICH_DE = { date: 's Datum', person: ' Person', treaty: 'r Vertrag', number: ' Zahl' };
const WHICH_FR = { date: 'Quelle date', person: 'Quelle personne', treaty: 'Quel traité', number: 'Quel nombre' };
const WHICH_ES = { date: 'Qué fecha', person: 'Qué persona', treaty: 'Qué tratado', number: 'Qué cifra' };
const WHICH_NL = { date: 'Welke datum', person: 'Welke persoon', treaty: 'Welk verdrag', number: 'Welk getal' };
const WHICH_PT = { date: 'Que data', person: 'Que pessoa', treaty: 'Que tratado', number: 'Que número' };
const WHICH_AF = { date: 'Watter datum', person: 'Watter persoon', treaty: 'Watter verdrag', number: 'Watter getal' };

const en: Wording = {
  reason: (e) => `What reason does the text give for this: ${en.quote(e)}?`,
  purpose: (a) => `What aim does the text give for this: ${en.quote(a)}?`,
  effect: (c) => `What effect does the text give of this: ${en.quote(c)}?`,
  cloze: (s) => `Complete the sentence: ${en.quote(s)}`,
  choice: (k, s) => `Which ${k === 'number' ? 'figure' : k} completes the sentence? ${en.quote(s)}`,
  signedWhen: (t) => `When was the ${t} signed?`,
  whoHeld: (post, term) => `Who was the ${post} in ${term}?`,
  disagreement: (k, s) =>
    `The sources disagree on a ${k === 'number' ? 'number or date' : 'name'} in this sentence. ` +
    `Where, and what does each read? ${en.quote(s)}`,
  membership: (item, list) => `Do all the sources list ${en.quote(item)} under ${en.quote(list)}?`,
  readings: (rs) => rs.map((r) => `${en.quote(r.value)} (${r.sources.join('; ')})`).join(' against ') + '.',
  quote: (t) => `“${t}”`,
};

const de: Wording = {
  reason: (e) => `Welchen Grund nennt der Text hierfür: ${de.quote(e)}?`,
  purpose: (a) => `Welches Ziel nennt der Text hierfür: ${de.quote(a)}?`,
  effect: (c) => `Welche Folge nennt der Text hiervon: ${de.quote(c)}?`,
  cloze: (s) => `Ergänzen Sie den Satz: ${de.quote(s)}`,
  choice: (k, s) => `Welche${WHICH_DE[k]} ergänzt den Satz? ` + de.quote(s),
  signedWhen: (t) => `Wann wurde ${t} unterzeichnet?`,
  whoHeld: (post, term) => `Wer war ${term} ${post}?`,
  disagreement: (k, s) =>
    `Die Quellen weichen in diesem Satz bei ${k === 'number' ? 'einer Zahl oder einem Datum' : 'einem Namen'} ` +
    `voneinander ab. Wo, und was steht in welcher Quelle? ${de.quote(s)}`,
  membership: (item, list) => `Führen alle Quellen ${de.quote(item)} unter ${de.quote(list)} auf?`,
  readings: (rs) => rs.map((r) => `${de.quote(r.value)} (${r.sources.join('; ')})`).join(' gegenüber ') + '.',
  quote: (t) => `„${t}“`,
};

const fr: Wording = {
  reason: (e) => `Quelle raison le texte donne-t-il à ceci : ${fr.quote(e)} ?`,
  purpose: (a) => `Quel but le texte donne-t-il à ceci : ${fr.quote(a)} ?`,
  effect: (c) => `Quelle conséquence le texte donne-t-il à ceci : ${fr.quote(c)} ?`,
  cloze: (s) => `Complétez la phrase : ${fr.quote(s)}`,
  choice: (k, s) => `${WHICH_FR[k]} complète la phrase ? ` + fr.quote(s),
  signedWhen: (t) => `Quand le traité « ${t} » a-t-il été signé ?`,
  whoHeld: (post, term) => `Qui était ${post} en ${term} ?`,
  disagreement: (k, s) =>
    `Les sources divergent sur ${k === 'number' ? 'un nombre ou une date' : 'un nom'} dans cette phrase. ` +
    `Où, et que porte chacune ? ${fr.quote(s)}`,
  membership: (item, list) => `Toutes les sources citent-elles ${fr.quote(item)} sous ${fr.quote(list)} ?`,
  readings: (rs) => rs.map((r) => `${fr.quote(r.value)} (${r.sources.join(' ; ')})`).join(' contre ') + '.',
  quote: (t) => `« ${t} »`,
};

const es: Wording = {
  reason: (e) => `¿Qué razón da el texto para esto: ${es.quote(e)}?`,
  purpose: (a) => `¿Qué objetivo da el texto para esto: ${es.quote(a)}?`,
  effect: (c) => `¿Qué consecuencia da el texto de esto: ${es.quote(c)}?`,
  cloze: (s) => `Complete la frase: ${es.quote(s)}`,
  choice: (k, s) => `¿${WHICH_ES[k]} completa la frase? ` + es.quote(s),
  signedWhen: (t) => `¿Cuándo se firmó el ${t}?`,
  whoHeld: (post, term) => `¿Quién fue ${post} en ${term}?`,
  disagreement: (k, s) =>
    `Las fuentes discrepan en ${k === 'number' ? 'un número o una fecha' : 'un nombre'} de esta frase. ` +
    `¿Dónde, y qué dice cada una? ${es.quote(s)}`,
  membership: (item, list) => `¿Todas las fuentes incluyen ${es.quote(item)} en ${es.quote(list)}?`,
  readings: (rs) => rs.map((r) => `${es.quote(r.value)} (${r.sources.join('; ')})`).join(' frente a ') + '.',
  quote: (t) => `«${t}»`,
};

const nl: Wording = {
  reason: (e) => `Welke reden geeft de tekst hiervoor: ${nl.quote(e)}?`,
  purpose: (a) => `Welk doel geeft de tekst hiervoor: ${nl.quote(a)}?`,
  effect: (c) => `Welk gevolg geeft de tekst hiervan: ${nl.quote(c)}?`,
  cloze: (s) => `Vul de zin aan: ${nl.quote(s)}`,
  choice: (k, s) => `${WHICH_NL[k]} maakt de zin af? ` + nl.quote(s),
  signedWhen: (t) => `Wanneer werd het ${t} ondertekend?`,
  whoHeld: (post, term) => `Wie was ${post} in ${term}?`,
  disagreement: (k, s) =>
    `De bronnen verschillen in deze zin over ${k === 'number' ? 'een getal of datum' : 'een naam'}. ` +
    `Waar, en wat staat in elke bron? ${nl.quote(s)}`,
  membership: (item, list) => `Noemen alle bronnen ${nl.quote(item)} onder ${nl.quote(list)}?`,
  readings: (rs) => rs.map((r) => `${nl.quote(r.value)} (${r.sources.join('; ')})`).join(' tegenover ') + '.',
  quote: (t) => `‘${t}’`,
};

const pt: Wording = {
  reason: (e) => `Que razão o texto dá para isto: ${pt.quote(e)}?`,
  purpose: (a) => `Que objetivo o texto dá para isto: ${pt.quote(a)}?`,
  effect: (c) => `Que consequência o texto dá disto: ${pt.quote(c)}?`,
  cloze: (s) => `Complete a frase: ${pt.quote(s)}`,
  choice: (k, s) => `${WHICH_PT[k]} completa a frase? ` + pt.quote(s),
  signedWhen: (t) => `Quando foi assinado o ${t}?`,
  whoHeld: (post, term) => `Quem foi ${post} em ${term}?`,
  disagreement: (k, s) =>
    `As fontes divergem num ${k === 'number' ? 'número ou data' : 'nome'} desta frase. ` +
    `Onde, e o que diz cada uma? ${pt.quote(s)}`,
  membership: (item, list) => `Todas as fontes incluem ${pt.quote(item)} em ${pt.quote(list)}?`,
  readings: (rs) => rs.map((r) => `${pt.quote(r.value)} (${r.sources.join('; ')})`).join(' contra ') + '.',
  quote: (t) => `“${t}”`,
};

const af: Wording = {
  reason: (e) => `Watter rede gee die teks hiervoor: ${af.quote(e)}?`,
  purpose: (a) => `Watter doel gee die teks hiervoor: ${af.quote(a)}?`,
  effect: (c) => `Watter gevolg gee die teks hiervan: ${af.quote(c)}?`,
  cloze: (s) => `Voltooi die sin: ${af.quote(s)}`,
  choice: (k, s) => `${WHICH_AF[k]} voltooi die sin? ` + af.quote(s),
  signedWhen: (t) => `Wanneer is die ${t} onderteken?`,
  whoHeld: (post, term) => `Wie was ${post} in ${term}?`,
  disagreement: (k, s) =>
    `Die bronne verskil in hierdie sin oor ${k === 'number' ? '’n getal of datum' : '’n naam'}. ` +
    `Waar, en wat staan in elke bron? ${af.quote(s)}`,
  membership: (item, list) => `Noem al die bronne ${af.quote(item)} onder ${af.quote(list)}?`,
  readings: (rs) => rs.map((r) => `${af.quote(r.value)} (${r.sources.join('; ')})`).join(' teenoor ') + '.',
  quote: (t) => `“${t}”`,
};

/** Norwegian: Bokmål and Nynorsk word the same questions apart. */
function norwegian(w: {
  which: [string, string, string, string, string];
  reason: string;
  aim: string;
  effect: string;
  sentence: string;
  signed: (t: string) => string;
  who: string;
  disagree: (k: 'number' | 'name') => string;
  where: string;
  sources: string;
}): Wording {
  const quote = (t: string) => `«${t}»`;
  const [dateQ, personQ, treatyQ, numberQ, complete] = w.which;
  return {
    reason: (e) => `${w.reason} ${quote(e)}?`,
    purpose: (a) => `${w.aim} ${quote(a)}?`,
    effect: (c) => `${w.effect} ${quote(c)}?`,
    cloze: (s) => `${w.sentence} ${quote(s)}`,
    choice: (k, s) =>
      `${{ date: dateQ, person: personQ, treaty: treatyQ, number: numberQ }[k]} ${complete} ${quote(s)}`,
    signedWhen: w.signed,
    whoHeld: (post, term) => `${w.who} ${post} i ${term}?`,
    disagreement: (k, s) => `${w.disagree(k)} ${w.where} ${quote(s)}`,
    membership: (item, list) => `Fører alle ${w.sources} opp ${quote(item)} under ${quote(list)}?`,
    readings: (rs) => rs.map((r) => `${quote(r.value)} (${r.sources.join('; ')})`).join(' mot ') + '.',
    quote,
  };
}

const nb = norwegian({
  which: ['Hvilken dato', 'Hvilken person', 'Hvilken traktat', 'Hvilket tall', 'fullfører setningen?'],
  reason: 'Hvilken grunn gir teksten for dette:',
  aim: 'Hvilket mål gir teksten for dette:',
  effect: 'Hvilken følge gir teksten av dette:',
  sentence: 'Fullfør setningen:',
  signed: (t) => `Når ble ${t} undertegnet?`,
  who: 'Hvem var',
  disagree: (k) => `Kildene er uenige om ${k === 'number' ? 'et tall eller en dato' : 'et navn'} i denne setningen.`,
  where: 'Hvor, og hva står i hver kilde?',
  sources: 'kildene',
});

const nn = norwegian({
  which: ['Kva dato', 'Kva person', 'Kva traktat', 'Kva tal', 'fullfører setninga?'],
  reason: 'Kva grunn gir teksten for dette:',
  aim: 'Kva mål gir teksten for dette:',
  effect: 'Kva følgje gir teksten av dette:',
  sentence: 'Fullfør setninga:',
  signed: (t) => `Når vart ${t} underteikna?`,
  who: 'Kven var',
  disagree: (k) => `Kjeldene er ueinige om ${k === 'number' ? 'eit tal eller ein dato' : 'eit namn'} i denne setninga.`,
  where: 'Kvar, og kva står i kvar kjelde?',
  sources: 'kjeldene',
});

const WORDINGS: Record<string, Wording> = { en, de, fr, es, nl, pt, af, nb, nn, ...MORE_WORDINGS };

/** Whether questions have a wording in the language (else they are asked in English: `wording`). */
export function hasWording(language: string): boolean {
  return wordsKey(language) in WORDINGS;
}

export function wording(language: string): Wording {
  return WORDINGS[wordsKey(language)] ?? en;
}

/** An opening that names a time of day or a day only in relation to the text before ("The next day, …"). */
function temporalOpening(text: string, t: DiscourseTable, language: string): string | undefined {
  const temporal = wordsPattern(t.temporal ?? []);
  const connective = openerPatterns(language)?.connective.exec(text)?.[0];
  if (connective && temporal.test(connective)) return connective;
  const comma = /^([^,;:()"“]{1,60}),\s*/u.exec(text);
  if (comma && comma[1]!.split(/\s+/).length <= 6 && temporal.test(comma[1]!)) return comma[1];
  // "The next day the council …", "At noon the following day …": a phrase that opens the sentence without a comma.
  const words = [...(t.temporal ?? [])].sort((a, b) => b.length - a.length).map(escape);
  // Only short words (prepositions, articles) before it: "Soviet troops later …" does not open with it.
  const bare = new RegExp(String.raw`^(?:\p{L}{1,4}\s+){0,2}?(?:${words.join('|')})(?![\p{L}\p{N}])`, 'iu');
  return bare.exec(text)?.[0];
}

/**
 * Whether a sentence takes its time from the one before it: it opens with a word of relative time
 * ("Concurrently …", "Shortly before midnight, …", "The next day …"); the caller checks that it writes no
 * date of its own. Only where the language's table has such words.
 */
export function timeFromBefore(sentence: string, language: string): boolean {
  const t = discourse(language);
  return !!t?.temporal && temporalOpening(sentence.trimStart(), t, language) !== undefined;
}

/** Whether a sentence opens with a connective that concludes from the sentences before ("Thus, …"). */
export function concludes(sentence: string, language: string): boolean {
  const t = discourse(language);
  if (!t?.conclusive) return false;
  const c = openerPatterns(language)?.connective.exec(sentence.trimStart())?.[0];
  return !!c && wordsPattern(t.conclusive).test(c);
}

/** Determiners and numbers before an adjective that points back ("a later offer", "six other republics"). */
const DETERMINERS: Record<string, string> = {
  en: 'a|an|the|some|any|all|its|their|his|her|one|two|three|four|five|six|seven|eight|nine|ten|several|many|few',
  de: 'der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|zwei|drei|vier|fünf|sechs|alle',
  fr: 'le|la|les|un|une|des|du|de|deux|trois|quatre|cinq|six',
};

/**
 * An adjective or a noun that, after a determiner, points back to what the text told before: "a later offer"
 * (later than which?), "six other republics", "such measures", "the originals" (of what?). The word itself,
 * or undefined.
 */
export function relativeWord(sentence: string, language: string): string | undefined {
  const t = discourse(language);
  const dets = DETERMINERS[baseLanguage(language)];
  if (!t?.relatives || !dets) return undefined;
  const words = [...t.relatives].sort((a, b) => b.length - a.length).map(escape);
  const re = new RegExp(
    String.raw`(?<![\p{L}])(?:${dets}|\d+)\s+(?:\p{L}+\s+)?(${words.join('|')})(?![\p{L}-])` +
      String.raw`(?!\s+(?:than|as|hand|and|or|que|als|wie)\b)`,
    'iu',
  );
  return re.exec(sentence)?.[1];
}

/** English function words and ordinals, which no noun phrase of a name is made of. */
const FUNCTION_WORD =
  /^(?:in|of|on|at|to|for|with|and|or|by|from|the|a|an|as|into|over|under|about|first|second|third|last|next|new)$/;
/** Words after a noun that qualify it (it says which one it is): "the conflict between …", "the treaty of …". */
const QUALIFIER = /^\s*(?:of|between|with|against|on|in|by|that|which|who|whose|to|from|for|at|signed|led|known)\b/i;

/**
 * A definite noun phrase an English sentence uses as known from the text before: "the submarine" after "the
 * Polish submarine ORP Orzeł", "the Japanese attack" after the battle it names. It is one with no words after
 * it that say which (no "of …", no relative clause, no name), whose head noun is a noun (compromise's lexicon)
 * that the sentence has not used before it, and that is either an event or a thing the paragraph spoke of
 * before (`before`). Returns the phrase and its head, or undefined.
 */
export function knownPhrase(
  sentence: string,
  before: string,
  language: string,
): { phrase: string; head: string; modifiers: string; index: number } | undefined {
  if (baseLanguage(language) !== 'en') return undefined;
  const re = /(?<![\p{L}])[Tt]he\s+((?:\p{L}[\p{L}'’-]*\s+){0,2}?)(\p{Ll}[\p{L}-]{2,})(?=([^]*))/gu;
  for (const m of sentence.matchAll(re)) {
    const [whole, mods, head, after] = [m[0], m[1]!, m[2]!, m[3]!];
    if (QUALIFIER.test(after) || /^\s+\p{Lu}/u.test(after) || /^\s*\(/.test(after)) continue;
    // The head is the last noun: no noun may follow it as the phrase's real head ("the Soviet press office").
    if (/^\s+\p{Ll}/u.test(after) && nounLike(/^\s+(\p{Ll}[\p{L}-]*)/u.exec(after)![1]!)) continue;
    if (!nounLike(head) || mods.split(/\s+/).some((w) => w && /^\p{Ll}/u.test(w) && !adjectiveLike(w))) continue;
    const stem = head.slice(0, Math.max(4, head.length - 3)).toLowerCase();
    if (sentence.slice(0, m.index).toLowerCase().includes(stem)) continue;
    const spoken = new RegExp(`(?<![\\p{L}])${escape(stem)}`, 'iu').test(before);
    if (isEvent(head, language) || spoken) return { phrase: whole, head, modifiers: mods, index: m.index };
  }
  return undefined;
}

/** A noun of an event: in the table, or a nominalisation ("invasion", "annexation"), in the singular or plural. */
function isEvent(noun: string, language: string): boolean {
  const events = discourse(language)?.events ?? [];
  const singular = noun.toLowerCase().replace(/(?<=[^s])s$/, '');
  return events.includes(noun.toLowerCase()) || events.includes(singular) || /(?:tion|sion)s?$/.test(noun);
}

const lexTags = (w: string): string[] => {
  const t = englishLexicon().words[w.toLowerCase()];
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
};
/** A noun by the lexicon; a word it does not know is one unless it ends as an adverb or a participle. */
function nounLike(w: string): boolean {
  const tags = lexTags(w);
  if (!tags.length) return !/(?:ly|ed|ing)$/.test(w);
  return tags.some((t) => /Noun|Singular|Plural|Uncountable/.test(t));
}
function adjectiveLike(w: string): boolean {
  const tags = lexTags(w);
  return !tags.length || tags.some((t) => /Adjective|Noun|Singular|Comparable|Participle|Ordinal/.test(t));
}

/**
 * The fuller mention of a noun phrase's head earlier in the text ("the Polish submarine ORP Orzeł" for "the
 * submarine"): a phrase with the same head that adds words, or a name after it; undefined if none.
 */
export function fullerMention(head: string, modifiers: string, before: string): string | undefined {
  const re = new RegExp(
    String.raw`(?<![\p{L}])(?:[Tt]he|[Aa]n?)\s+((?:[\p{L}'’-]+\s+){0,4}?)${escape(head)}((?:\s+\p{Lu}[\p{L}'’.-]*)*)`,
    'gu',
  );
  const mine = new Set(modifiers.toLowerCase().split(/\s+/).filter(Boolean));
  // It adds words to the phrase and keeps all of its own ("the Axis powers" is not "the Four powers").
  const found = [...before.matchAll(re)]
    .map((m) => {
      // A noun after the phrase goes on with it ("a small family Christmas tree farm": "family" is no head there).
      const next = /^\s+(\p{L}[\p{L}-]*)/u.exec(before.slice(m.index + m[0].length))?.[1] ?? '';
      const goesOn = /^\p{Ll}/u.test(next) && !FUNCTION_WORD.test(next) && nounLike(next);
      return { words: m[1]!.toLowerCase().split(/\s+/).filter(Boolean), mods: m[1]!, tail: m[2]!, goesOn };
    })
    .filter(({ words, tail, goesOn }) => {
      if (goesOn) return false;
      // Adjectives and nouns only: not "the advice in the book", not "the second program" (which one is that?).
      const plain = words.every((w) => !FUNCTION_WORD.test(w) && !(discourse('en')?.relatives ?? []).includes(w));
      const theirs = new Set(words);
      return plain && [...mine].every((w) => theirs.has(w)) && (theirs.size > mine.size || !!tail);
    });
  const last = found.at(-1);
  if (!last) return undefined;
  // Not a phrase that runs over a verb or a clause ("a base near Murmansk, where …").
  if (last.words.some((w) => lexTags(w).some((t) => /Verb|PastTense|Copula/.test(t)))) return undefined;
  return `the ${last.mods}${head}${last.tail}`.replace(/\s+/g, ' ');
}
