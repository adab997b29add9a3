/**
 * How questions are worded in the languages discourse.ts has no wording for: Italian, Polish, Russian,
 * Ukrainian, Czech, Catalan, Swedish, Danish and Finnish. Each language's own quotation marks; a treaty's
 * name is quoted, and a question about it avoids a word whose gender the name would have to agree with
 * ("Kiedy podpisano „…”?", not "Kiedy został podpisany …", which a "umowa" would not take).
 */
import type { Wording } from '../discourse.js';

interface Words {
  which: { date: string; person: string; treaty: string; number: string };
  completes: string;
  reason: string;
  aim: string;
  effect: string;
  cloze: string;
  signed: (t: string) => string;
  who: (post: string, term: string) => string;
  disagree: (k: 'number' | 'name') => string;
  where: string;
  listed: (item: string, list: string) => string;
  against: string;
  quote: [string, string];
  /** The question mark, with the space some languages put before it. */
  mark?: string;
}

function wordingOf(w: Words): Wording {
  const quote = (t: string) => `${w.quote[0]}${t}${w.quote[1]}`;
  const mark = w.mark ?? '?';
  return {
    reason: (e) => `${w.reason} ${quote(e)}${mark}`,
    purpose: (a) => `${w.aim} ${quote(a)}${mark}`,
    effect: (c) => `${w.effect} ${quote(c)}${mark}`,
    cloze: (s) => `${w.cloze} ${quote(s)}`,
    choice: (k, s) => `${w.which[k]} ${w.completes}${mark} ${quote(s)}`,
    signedWhen: (t) => w.signed(quote(t)),
    whoHeld: (post, term) => w.who(quote(post), term),
    disagreement: (k, s) => `${w.disagree(k)} ${w.where} ${quote(s)}`,
    membership: (item, list) => w.listed(quote(item), quote(list)),
    readings: (rs) => rs.map((r) => `${quote(r.value)} (${r.sources.join('; ')})`).join(` ${w.against} `) + '.',
    quote,
  };
}

const it = wordingOf({
  which: { date: 'Quale data', person: 'Quale persona', treaty: 'Quale trattato', number: 'Quale numero' },
  completes: 'completa la frase',
  reason: 'Quale motivo dà il testo per questo:',
  aim: 'Quale scopo dà il testo per questo:',
  effect: 'Quale conseguenza dà il testo di questo:',
  cloze: 'Completa la frase:',
  signed: (t) => `Quando è stato firmato ${t}?`,
  who: (post, term) => `Chi ricopriva la carica di ${post} (${term})?`,
  disagree: (k) => `Le fonti divergono su ${k === 'number' ? 'un numero o una data' : 'un nome'} in questa frase.`,
  where: 'Dove, e che cosa riporta ciascuna?',
  listed: (item, list) => `Tutte le fonti elencano ${item} sotto ${list}?`,
  against: 'contro',
  quote: ['«', '»'],
});

const pl = wordingOf({
  which: { date: 'Która data', person: 'Która osoba', treaty: 'Który traktat', number: 'Która liczba' },
  completes: 'uzupełnia zdanie',
  reason: 'Z jakiego powodu, według tekstu:',
  aim: 'W jakim celu, według tekstu:',
  effect: 'Jaki skutek, według tekstu, miało to:',
  cloze: 'Uzupełnij zdanie:',
  signed: (t) => `Kiedy podpisano ${t}?`,
  who: (post, term) => `Kto zajmował stanowisko ${post} (${term})?`,
  disagree: (k) => `Źródła różnią się w tym zdaniu co do ${k === 'number' ? 'liczby lub daty' : 'nazwy'}.`,
  where: 'Gdzie i co podaje każde z nich?',
  listed: (item, list) => `Czy wszystkie źródła wymieniają ${item} w części ${list}?`,
  against: 'wobec',
  quote: ['„', '”'],
});

const ru = wordingOf({
  which: { date: 'Какая дата', person: 'Какое имя', treaty: 'Какой договор', number: 'Какое число' },
  completes: 'дополняет предложение',
  reason: 'Какую причину этого называет текст:',
  aim: 'Какую цель этого называет текст:',
  effect: 'Какое следствие этого называет текст:',
  cloze: 'Дополните предложение:',
  signed: (t) => `Какова дата подписания: ${t}?`,
  who: (post, term) => `Кто занимал должность ${post} (${term})?`,
  disagree: (k) => `Источники расходятся в этом предложении в ${k === 'number' ? 'числе или дате' : 'имени'}.`,
  where: 'Где и что сообщает каждый из них?',
  listed: (item, list) => `Все ли источники называют ${item} в разделе ${list}?`,
  against: 'против',
  quote: ['«', '»'],
});

const uk = wordingOf({
  which: { date: 'Яка дата', person: 'Яке ім’я', treaty: 'Який договір', number: 'Яке число' },
  completes: 'доповнює речення',
  reason: 'Яку причину цього називає текст:',
  aim: 'Яку мету цього називає текст:',
  effect: 'Який наслідок цього називає текст:',
  cloze: 'Доповніть речення:',
  signed: (t) => `Яка дата підписання: ${t}?`,
  who: (post, term) => `Хто обіймав посаду ${post} (${term})?`,
  disagree: (k) => `Джерела розходяться в цьому реченні щодо ${k === 'number' ? 'числа або дати' : 'імені'}.`,
  where: 'Де і що подає кожне з них?',
  listed: (item, list) => `Чи всі джерела називають ${item} у розділі ${list}?`,
  against: 'проти',
  quote: ['«', '»'],
});

const cs = wordingOf({
  which: { date: 'Které datum', person: 'Která osoba', treaty: 'Která smlouva', number: 'Které číslo' },
  completes: 'doplňuje větu',
  reason: 'Jaký důvod toho uvádí text:',
  aim: 'Jaký cíl toho uvádí text:',
  effect: 'Jaký důsledek toho uvádí text:',
  cloze: 'Doplňte větu:',
  signed: (t) => `Kdy došlo k podpisu: ${t}?`,
  who: (post, term) => `Kdo zastával funkci ${post} (${term})?`,
  disagree: (k) => `Prameny se v této větě rozcházejí v ${k === 'number' ? 'čísle nebo datu' : 'jménu'}.`,
  where: 'Kde a co uvádí každý z nich?',
  listed: (item, list) => `Uvádějí všechny prameny ${item} pod ${list}?`,
  against: 'proti',
  quote: ['„', '“'],
});

const ca = wordingOf({
  which: { date: 'Quina data', person: 'Quina persona', treaty: 'Quin tractat', number: 'Quin nombre' },
  completes: 'completa la frase',
  reason: 'Quina raó en dona el text:',
  aim: 'Quin objectiu en dona el text:',
  effect: 'Quina conseqüència en dona el text:',
  cloze: 'Completeu la frase:',
  signed: (t) => `Quan es va signar ${t}?`,
  who: (post, term) => `Qui ocupava el càrrec de ${post} (${term})?`,
  disagree: (k) => `Les fonts discrepen en ${k === 'number' ? 'un nombre o una data' : 'un nom'} d’aquesta frase.`,
  where: 'On, i què diu cadascuna?',
  listed: (item, list) => `Totes les fonts inclouen ${item} a ${list}?`,
  against: 'davant de',
  quote: ['«', '»'],
});

const sv = wordingOf({
  which: { date: 'Vilket datum', person: 'Vilken person', treaty: 'Vilket fördrag', number: 'Vilket tal' },
  completes: 'fullständigar meningen',
  reason: 'Vilket skäl anger texten för detta:',
  aim: 'Vilket syfte anger texten för detta:',
  effect: 'Vilken följd anger texten av detta:',
  cloze: 'Fyll i meningen:',
  signed: (t) => `När undertecknades ${t}?`,
  who: (post, term) => `Vem var ${post} (${term})?`,
  disagree: (k) => `Källorna skiljer sig åt om ${k === 'number' ? 'ett tal eller ett datum' : 'ett namn'} i meningen.`,
  where: 'Var, och vad står i varje källa?',
  listed: (item, list) => `Tar alla källor upp ${item} under ${list}?`,
  against: 'mot',
  quote: ['”', '”'],
});

const da = wordingOf({
  which: { date: 'Hvilken dato', person: 'Hvilken person', treaty: 'Hvilken traktat', number: 'Hvilket tal' },
  completes: 'fuldender sætningen',
  reason: 'Hvilken grund angiver teksten for dette:',
  aim: 'Hvilket formål angiver teksten for dette:',
  effect: 'Hvilken følge angiver teksten af dette:',
  cloze: 'Udfyld sætningen:',
  signed: (t) => `Hvornår blev ${t} underskrevet?`,
  who: (post, term) => `Hvem var ${post} (${term})?`,
  disagree: (k) => `Kilderne er uenige om ${k === 'number' ? 'et tal eller en dato' : 'et navn'} i denne sætning.`,
  where: 'Hvor, og hvad står der i hver kilde?',
  listed: (item, list) => `Anfører alle kilder ${item} under ${list}?`,
  against: 'over for',
  quote: ['»', '«'],
});

const fi = wordingOf({
  which: { date: 'Mikä päivämäärä', person: 'Kuka henkilö', treaty: 'Mikä sopimus', number: 'Mikä luku' },
  completes: 'täydentää lauseen',
  reason: 'Minkä syyn teksti antaa tälle:',
  aim: 'Minkä tavoitteen teksti antaa tälle:',
  effect: 'Minkä seurauksen teksti antaa tälle:',
  cloze: 'Täydennä lause:',
  signed: (t) => `Milloin ${t} allekirjoitettiin?`,
  who: (post, term) => `Kuka oli ${post} (${term})?`,
  disagree: (k) => `Lähteet eroavat tässä lauseessa ${k === 'number' ? 'luvun tai päivämäärän' : 'nimen'} osalta.`,
  where: 'Missä, ja mitä kukin lähde sanoo?',
  listed: (item, list) => `Mainitsevatko kaikki lähteet ${item} kohdassa ${list}?`,
  against: 'vastaan',
  quote: ['”', '”'],
});

/** Question wordings by base language tag. */
export const MORE_WORDINGS: Record<string, Wording> = { it, pl, ru, uk, cs, ca, sv, da, fi };
