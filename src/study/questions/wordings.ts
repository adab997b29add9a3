/**
 * How questions are worded in the languages discourse.ts has no wording for: Italian, Polish, Russian,
 * Ukrainian, Czech, Catalan, Swedish, Danish, Finnish, Japanese, Chinese (simplified and traditional), Korean,
 * Arabic, Hebrew, Turkish, Greek, Romanian, Hungarian, Indonesian and Vietnamese. Each language's own
 * quotation marks; a treaty's name is quoted, and a question about it avoids a word whose gender the name
 * would have to agree with ("Kiedy podpisano „…”?", not "Kiedy został podpisany …", which a "umowa" would not
 * take).
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
    // "against" set after a comma (", illetve") takes no space before it.
    readings: (rs) =>
      rs
        .map((r) => `${quote(r.value)} (${r.sources.join('; ')})`)
        .join(/^,/.test(w.against) ? `${w.against} ` : ` ${w.against} `) + '.',
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

const tr = wordingOf({
  which: { date: 'Hangi tarih', person: 'Hangi kişi', treaty: 'Hangi antlaşma', number: 'Hangi sayı' },
  completes: 'cümleyi tamamlar',
  reason: 'Metin bunun için hangi nedeni veriyor:',
  aim: 'Metin bunun için hangi amacı veriyor:',
  effect: 'Metin bunun hangi sonucunu veriyor:',
  cloze: 'Cümleyi tamamlayın:',
  signed: (t) => `${t} ne zaman imzalandı?`,
  who: (post, term) => `${term} döneminde ${post} kimdi?`,
  disagree: (k) => `Kaynaklar bu cümledeki bir ${k === 'number' ? 'sayı veya tarih' : 'ad'} konusunda ayrılıyor.`,
  where: 'Nerede ve her biri ne yazıyor?',
  listed: (item, list) => `Tüm kaynaklar ${item} öğesini ${list} altında listeliyor mu?`,
  against: 'ile',
  quote: ['“', '”'],
});

/** Greek: its question mark is the semicolon. */
const el = wordingOf({
  which: { date: 'Ποια ημερομηνία', person: 'Ποιο πρόσωπο', treaty: 'Ποια συνθήκη', number: 'Ποιος αριθμός' },
  completes: 'συμπληρώνει την πρόταση',
  reason: 'Ποια αιτία δίνει το κείμενο για αυτό:',
  aim: 'Ποιον σκοπό δίνει το κείμενο για αυτό:',
  effect: 'Ποια συνέπεια δίνει το κείμενο για αυτό:',
  cloze: 'Συμπληρώστε την πρόταση:',
  signed: (t) => `Πότε υπογράφηκε ${t};`,
  who: (post, term) => `Ποιος ήταν ${post} την περίοδο ${term};`,
  disagree: (k) =>
    `Οι πηγές διαφωνούν σε ${k === 'number' ? 'έναν αριθμό ή μια ημερομηνία' : 'ένα όνομα'} σε αυτή την πρόταση.`,
  where: 'Πού, και τι γράφει η καθεμία;',
  listed: (item, list) => `Αναφέρουν όλες οι πηγές ${item} στην ενότητα ${list};`,
  against: 'έναντι',
  quote: ['«', '»'],
  mark: ';',
});

const ro = wordingOf({
  which: { date: 'Ce dată', person: 'Ce persoană', treaty: 'Ce tratat', number: 'Ce număr' },
  completes: 'completează propoziția',
  reason: 'Ce motiv dă textul pentru aceasta:',
  aim: 'Ce scop dă textul pentru aceasta:',
  effect: 'Ce urmare dă textul pentru aceasta:',
  cloze: 'Completați propoziția:',
  signed: (t) => `Când s-a semnat ${t}?`,
  who: (post, term) => `Cine a fost ${post} în ${term}?`,
  disagree: (k) =>
    `Sursele nu concordă asupra ${k === 'number' ? 'unui număr sau a unei date' : 'unui nume'} din această propoziție.`,
  where: 'Unde și ce scrie fiecare?',
  listed: (item, list) => `Toate sursele enumeră ${item} la ${list}?`,
  against: 'față de',
  quote: ['„', '”'],
});

/** Hungarian: a quoted name after a colon, which no case ending has to follow. */
const hu = wordingOf({
  which: { date: 'Melyik dátum', person: 'Melyik személy', treaty: 'Melyik szerződés', number: 'Melyik szám' },
  completes: 'egészíti ki a mondatot',
  reason: 'Milyen okot ad meg erre a szöveg:',
  aim: 'Milyen célt ad meg erre a szöveg:',
  effect: 'Milyen következményt ad meg erre a szöveg:',
  cloze: 'Egészítse ki a mondatot:',
  signed: (t) => `Mikor írták alá ezt: ${t}?`,
  who: (post, term) => `Ki töltötte be ezt a tisztséget: ${post} (${term})?`,
  disagree: (k) => `A források eltérnek ebben a mondatban egy ${k === 'number' ? 'számban vagy dátumban' : 'névben'}.`,
  where: 'Hol, és mit ír mindegyik?',
  listed: (item, list) => `Minden forrás felsorolja ezt: ${item} (${list})?`,
  against: ', illetve',
  quote: ['„', '”'],
});

const id = wordingOf({
  which: { date: 'Tanggal mana', person: 'Siapa', treaty: 'Perjanjian mana', number: 'Angka mana' },
  completes: 'yang melengkapi kalimat ini',
  reason: 'Apa alasan yang diberikan teks untuk hal ini:',
  aim: 'Apa tujuan yang diberikan teks untuk hal ini:',
  effect: 'Apa akibat yang diberikan teks dari hal ini:',
  cloze: 'Lengkapi kalimat berikut:',
  signed: (t) => `Kapan ${t} ditandatangani?`,
  who: (post, term) => `Siapa yang menjabat ${post} pada ${term}?`,
  disagree: (k) =>
    `Sumber-sumber berbeda tentang ${k === 'number' ? 'sebuah angka atau tanggal' : 'sebuah nama'} dalam kalimat ini.`,
  where: 'Di mana, dan apa yang ditulis masing-masing?',
  listed: (item, list) => `Apakah semua sumber mencantumkan ${item} di bawah ${list}?`,
  against: 'dibandingkan dengan',
  quote: ['“', '”'],
});

const vi = wordingOf({
  which: { date: 'Ngày nào', person: 'Ai', treaty: 'Hiệp ước nào', number: 'Số nào' },
  completes: 'hoàn chỉnh câu này',
  reason: 'Bài viết nêu lý do gì cho điều này:',
  aim: 'Bài viết nêu mục đích gì cho điều này:',
  effect: 'Bài viết nêu hệ quả gì của điều này:',
  cloze: 'Hoàn chỉnh câu sau:',
  signed: (t) => `${t} được ký khi nào?`,
  who: (post, term) => `Ai giữ chức ${post} vào ${term}?`,
  disagree: (k) =>
    `Các nguồn khác nhau về ${k === 'number' ? 'một con số hoặc một ngày' : 'một cái tên'} trong câu này.`,
  where: 'Ở đâu, và mỗi nguồn ghi gì?',
  listed: (item, list) => `Tất cả các nguồn có liệt kê ${item} trong ${list} không?`,
  against: 'so với',
  quote: ['“', '”'],
});

/**
 * A wording in a language that sets no space between words or after its full-width punctuation (Japanese,
 * Chinese): each question is written whole, the sentence quoted after it.
 */
function quoted(marks: [string, string], w: Omit<Wording, 'quote'>): Wording {
  return { ...w, quote: (t) => `${marks[0]}${t}${marks[1]}` };
}

const jq = (t: string) => `「${t}」`;
const JA_WHICH = { date: '日付', person: '人物', treaty: '条約', number: '数' };
const ja = quoted(['「', '」'], {
  reason: (e) => `本文は次のことの理由として何を挙げているか。${jq(e)}`,
  purpose: (a) => `本文は次のことの目的として何を挙げているか。${jq(a)}`,
  effect: (c) => `本文は次のことの結果として何を挙げているか。${jq(c)}`,
  cloze: (s) => `文を完成させなさい。${jq(s)}`,
  choice: (k, s) => `文を完成させる${JA_WHICH[k]}はどれか。${jq(s)}`,
  signedWhen: (t) => `${jq(t)}が署名されたのはいつか。`,
  whoHeld: (post, term) => `${term}に${jq(post)}を務めたのは誰か。`,
  disagreement: (k, s) =>
    `この文の${k === 'number' ? '数または日付' : '名前'}について、資料の記述が異なる。` +
    `どこが異なり、それぞれの資料は何と書いているか。${jq(s)}`,
  membership: (item, list) => `すべての資料が${jq(item)}を${jq(list)}に挙げているか。`,
  readings: (rs) => rs.map((r) => `${jq(r.value)}（${r.sources.join('、')}）`).join('、') + '。',
});

/** Simplified (`zh`) and traditional (`zhHant`) Chinese: the same questions, each in its characters. */
function chinese(c: { [K in keyof typeof ZH]: string }, marks: [string, string]): Wording {
  const q = (t: string) => `${marks[0]}${t}${marks[1]}`;
  const which = { date: c.date, person: c.person, treaty: c.treaty, number: c.number };
  return quoted(marks, {
    reason: (e) => `${c.reason}${q(e)}`,
    purpose: (a) => `${c.purpose}${q(a)}`,
    effect: (x) => `${c.effect}${q(x)}`,
    cloze: (s) => `${c.cloze}${q(s)}`,
    choice: (k, s) => `${c.which}${which[k]}${c.completes}${q(s)}`,
    signedWhen: (t) => `${q(t)}${c.signed}`,
    whoHeld: (post, term) => `${term}${c.during}${q(post)}？`,
    disagreement: (k, s) => `${c.disagreeOn}${k === 'number' ? c.numberOrDate : c.name}${c.disagree}${q(s)}`,
    membership: (item, list) => `${c.all}${q(item)}${c.listedUnder}${q(list)}${c.under}`,
    readings: (rs) => rs.map((r) => `${q(r.value)}（${r.sources.join('、')}）`).join('；') + '。',
  });
}
const ZH = {
  reason: '根据正文，下面这件事的原因是什么？',
  purpose: '根据正文，下面这件事的目的是什么？',
  effect: '根据正文，下面这件事带来了什么结果？',
  cloze: '补全句子：',
  which: '哪个',
  completes: '能补全这个句子？',
  date: '日期',
  person: '人物',
  treaty: '条约',
  number: '数字',
  signed: '是何时签署的？',
  during: '期间，谁担任',
  disagreeOn: '各资料在这句话的',
  numberOrDate: '数字或日期',
  name: '名称',
  disagree: '上说法不一。分歧在哪里？各资料分别怎么写？',
  all: '所有资料都把',
  listedUnder: '列在',
  under: '之下吗？',
};
const ZH_HANT: typeof ZH = {
  reason: '根據正文，下面這件事的原因是什麼？',
  purpose: '根據正文，下面這件事的目的是什麼？',
  effect: '根據正文，下面這件事帶來了什麼結果？',
  cloze: '補全句子：',
  which: '哪個',
  completes: '能補全這個句子？',
  date: '日期',
  person: '人物',
  treaty: '條約',
  number: '數字',
  signed: '是何時簽署的？',
  during: '期間，誰擔任',
  disagreeOn: '各資料在這句話的',
  numberOrDate: '數字或日期',
  name: '名稱',
  disagree: '上說法不一。分歧在哪裡？各資料分別怎麼寫？',
  all: '所有資料都把',
  listedUnder: '列在',
  under: '之下嗎？',
};

const kq = (t: string) => `“${t}”`;
/** The thing asked for, with its topic particle, and the question word that fits it ("인물은 누구인가"). */
const KO_WHICH = {
  date: '날짜는 무엇인가?',
  person: '인물은 누구인가?',
  treaty: '조약은 무엇인가?',
  number: '수는 무엇인가?',
};
const ko = quoted(['“', '”'], {
  reason: (e) => `본문은 다음 일의 이유로 무엇을 드는가? ${kq(e)}`,
  purpose: (a) => `본문은 다음 일의 목적으로 무엇을 드는가? ${kq(a)}`,
  effect: (c) => `본문은 다음 일의 결과로 무엇을 드는가? ${kq(c)}`,
  cloze: (s) => `문장을 완성하시오: ${kq(s)}`,
  choice: (k, s) => `문장을 완성하는 ${KO_WHICH[k]} ${kq(s)}`,
  signedWhen: (t) => `${kq(t)}의 서명일은 언제인가?`,
  whoHeld: (post, term) => `${term}에 ${kq(post)}을(를) 지낸 사람은 누구인가?`,
  disagreement: (k, s) =>
    `자료들은 이 문장의 ${k === 'number' ? '숫자나 날짜' : '이름'}에서 서로 다르다. ` +
    `어디가 다르고, 각 자료는 무엇이라고 쓰는가? ${kq(s)}`,
  membership: (item, list) => `모든 자료가 ${kq(item)}을(를) ${kq(list)}에 포함하는가?`,
  readings: (rs) => rs.map((r) => `${kq(r.value)} (${r.sources.join(', ')})`).join('; ') + '.',
});

const aq = (t: string) => `«${t}»`;
/** Whole questions: "المعاهدة" is feminine, its relative pronoun and verb agree with it. */
const AR_WHICH = {
  date: 'ما التاريخ الذي يُكمل الجملة؟',
  person: 'من الشخص الذي يُكمل الجملة؟',
  treaty: 'ما المعاهدة التي تُكمل الجملة؟',
  number: 'ما العدد الذي يُكمل الجملة؟',
};
const ar = quoted(['«', '»'], {
  reason: (e) => `ما السبب الذي يذكره النص لهذا: ${aq(e)}؟`,
  purpose: (a) => `ما الغاية التي يذكرها النص لهذا: ${aq(a)}؟`,
  effect: (c) => `ما النتيجة التي يذكرها النص لهذا: ${aq(c)}؟`,
  cloze: (s) => `أكمل الجملة: ${aq(s)}`,
  choice: (k, s) => `${AR_WHICH[k]} ${aq(s)}`,
  signedWhen: (t) => `ما تاريخ توقيع ${aq(t)}؟`,
  whoHeld: (post, term) => `من شغل منصب ${aq(post)} في ${term}؟`,
  disagreement: (k, s) =>
    `تختلف المصادر في ${k === 'number' ? 'عدد أو تاريخ' : 'اسم'} في هذه الجملة. ` + `أين، وماذا يورد كل منها؟ ${aq(s)}`,
  membership: (item, list) => `هل تذكر المصادر كلها ${aq(item)} ضمن ${aq(list)}؟`,
  readings: (rs) => rs.map((r) => `${aq(r.value)} (${r.sources.join('؛ ')})`).join(' مقابل ') + '.',
});

const hq = (t: string) => `„${t}”`;
/** Whole questions: "אמנה" is feminine, the verb agrees with it. */
const HE_WHICH = {
  date: 'איזה תאריך משלים את המשפט?',
  person: 'איזה אדם משלים את המשפט?',
  treaty: 'איזו אמנה משלימה את המשפט?',
  number: 'איזה מספר משלים את המשפט?',
};
const he = quoted(['„', '”'], {
  reason: (e) => `איזו סיבה נותן הטקסט לכך: ${hq(e)}?`,
  purpose: (a) => `איזו מטרה נותן הטקסט לכך: ${hq(a)}?`,
  effect: (c) => `איזו תוצאה מתאר הטקסט לכך: ${hq(c)}?`,
  cloze: (s) => `השלימו את המשפט: ${hq(s)}`,
  choice: (k, s) => `${HE_WHICH[k]} ${hq(s)}`,
  signedWhen: (t) => `מה תאריך החתימה על ${hq(t)}?`,
  whoHeld: (post, term) => `מי כיהן בתפקיד ${hq(post)} ב־${term}?`,
  disagreement: (k, s) =>
    `המקורות חלוקים ב${k === 'number' ? 'מספר או בתאריך' : 'שם'} שבמשפט זה. ` + `היכן, ומה כתוב בכל אחד מהם? ${hq(s)}`,
  membership: (item, list) => `האם כל המקורות מונים את ${hq(item)} תחת ${hq(list)}?`,
  readings: (rs) => rs.map((r) => `${hq(r.value)} (${r.sources.join('; ')})`).join(' לעומת ') + '.',
});

/** Question wordings by `wordsKey` (the base language tag; `zhHant` for traditional Chinese). */
export const MORE_WORDINGS: Record<string, Wording> = {
  it,
  pl,
  ru,
  uk,
  cs,
  ca,
  sv,
  da,
  fi,
  ja,
  zh: chinese(ZH, ['“', '”']),
  zhHant: chinese(ZH_HANT, ['「', '」']),
  ko,
  ar,
  he,
  tr,
  el,
  ro,
  hu,
  id,
  vi,
};
