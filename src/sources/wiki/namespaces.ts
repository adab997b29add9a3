/**
 * Localised MediaWiki names the reader must recognise in any article's language: the File and Category
 * namespaces, image options and redirect words (from MediaWiki's message files for the larger wikis).
 * They are added to wikiparser-node's configuration, so that `[[Datei:x.jpg|mini|…]]` is parsed as an image
 * (with its nested caption links) and `[[Kategorie:…]]` as a category, as `File:` and `Category:` are.
 */
import Parser from 'wikiparser-node';

/**
 * File namespace names (namespace 6), lower case, with the languages whose wikis use each one (BCP 47; none
 * for the canonical English names, which every wiki accepts).
 */
// prettier-ignore
const FILE_NAMES: Record<string, string[]> = {
  file: [], image: [], datei: ['de'], bild: ['de', 'sv'], fil: ['sv', 'da', 'nb', 'nn'], fichier: ['fr'],
  archivo: ['es'], imagen: ['es'], afbeelding: ['nl'], bestand: ['nl'], lêer: ['af'], beeld: ['af'],
  immagine: ['it'], ficheiro: ['pt'], imagem: ['pt'], arquivo: ['pt'], plik: ['pl'], grafika: ['pl'],
  soubor: ['cs'], obrázok: ['sk'], súbor: ['sk'], tiedosto: ['fi'], kuva: ['fi'], mynd: ['is'], skrá: ['is'],
  attēls: ['lv'], fails: ['lv'], failas: ['lt'], vaizdas: ['lt'], fișier: ['ro'], imagine: ['ro'],
  datoteka: ['hr', 'sl', 'sr', 'mk'], slika: ['hr', 'sl', 'sr', 'mk'], kép: ['hu'], fájl: ['hu'], dosya: ['tr'],
  resim: ['tr'], файл: ['ru', 'uk', 'bg'], изображение: ['ru', 'bg'], слика: ['sr', 'mk'], датотека: ['sr', 'mk'],
  αρχείο: ['el'], εικόνα: ['el'], קובץ: ['he'], תמונה: ['he'], ملف: ['ar'], صورة: ['ar'], پرونده: ['fa'],
  تصویر: ['fa'], चित्र: ['hi'], ไฟล์: ['th'], 'tập tin': ['vi'], hình: ['vi'], berkas: ['id'], gambar: ['id'],
  fitxer: ['ca'], fitxategi: ['eu'], irudi: ['eu'], dosiero: ['eo'], pilt: ['et'], delwedd: ['cy'],
  íomhá: ['ga'], comhad: ['ga'], 파일: ['ko'], 그림: ['ko'], ファイル: ['ja'], 画像: ['ja'], 文件: ['zh'],
  檔案: ['zh'], 图像: ['zh'], 圖像: ['zh'], فائل: ['ur'], চিত্র: ['bn'], ফাইল: ['bn'], படிமம்: ['ta'],
  पञ्चिका: ['sa'], फ़ाइल: ['hi'], պատկեր: ['hy'], ֆայլ: ['hy'], ფაილი: ['ka'], სურათი: ['ka'], выява: ['be'],
  сурет: ['kk'], fail: ['ms', 'et'],
};

/** Category namespace names (namespace 14), lower case, with the languages whose wikis use each one. */
// prettier-ignore
const CATEGORY_NAMES: Record<string, string[]> = {
  category: [], kategorie: ['de', 'cs', 'af'], kategori: ['sv', 'da', 'nb', 'nn', 'tr', 'id'],
  kategorija: ['hr', 'sl', 'sr', 'lt'], kategorio: ['eo'], kategoria: ['pl', 'eu', 'sq'], kategória: ['hu', 'sk'],
  catégorie: ['fr'], categoría: ['es'], categoria: ['it', 'pt', 'ca'], categorie: ['nl', 'ro'], luokka: ['fi'],
  flokkur: ['is'], kategooria: ['et'], категория: ['ru', 'bg'], категорија: ['sr', 'mk'], категорія: ['uk'],
  κατηγορία: ['el'], קטגוריה: ['he'], تصنيف: ['ar'], رده: ['fa'], श्रेणी: ['hi'], หมวดหมู่: ['th'],
  'thể loại': ['vi'], kategorî: ['ku'], catagóir: ['ga'], categori: ['cy'], kategorya: ['tl'], kateqoriya: ['az'],
  분류: ['ko'], カテゴリ: ['ja'], 分类: ['zh'], 分類: ['zh'], زمرہ: ['ur'], বিষয়শ্রেণী: ['bn'], பகுப்பு: ['ta'],
  կատեգորիա: ['hy'], კატეგორია: ['ka'], катэгорыя: ['be'], санат: ['kk'],
};

export const FILE_NAMESPACES = Object.keys(FILE_NAMES);
export const CATEGORY_NAMESPACES = Object.keys(CATEGORY_NAMES);

/** Image options beyond English ones (`thumb`, `left`, `$1px`…), as MediaWiki's magic words name them. */
// prettier-ignore
const IMAGE_OPTIONS = [
  'mini', 'miniatur', 'miniatura', 'miniature', 'vignette', 'duimnael', 'miniatuur', 'miniatyr', 'pienoiskuva',
  'links', 'rechts', 'zentriert', 'ohne', 'hochkant', 'hochkant=$1', 'rahmenlos', 'rahmen', 'gerahmt', 'gauche',
  'droite', 'centré', 'néant', 'redresse', 'redresse=$1', 'izquierda', 'derecha', 'centro', 'ninguno',
  'miniaturadeimagen', 'sinmarco', 'marco', 'regs', 'middel', 'venstre', 'høyre', 'høgre', 'senter', 'ingen',
  'sinistra', 'destra', 'esquerda', 'direita', 'nenhum', 'rand', 'ramme', 'rammeløs', 'mittig', 'mitte',
  'links=$1', 'verweis=$1', 'lien=$1', 'alternativtext=$1', 'alternatif=$1', '$1 px', '$1pt', '$1 pt',
];

/** Redirect words, upper case, with their `#`. */
// prettier-ignore
export const REDIRECT_WORDS = [
  '#REDIRECT', '#WEITERLEITUNG', '#OMDIRIGERING', '#DOORVERWIJZING', '#AANSTUUR', '#REDIRECTION', '#REDIRECCIÓN',
  '#REDIRECCION', '#RINVIA', '#RINVIO', '#RIMANDO', '#REDIRECIONAMENTO', '#PATRZ', '#PRZEKIERUJ', '#TAM',
  '#PŘESMĚRUJ', '#PRESMERUJ', '#OHJAUS', '#UUDELLEENOHJAUS', '#ÁTVÍSUN', '#VIDARESTYR', '#YÖNLENDİRME',
  '#YÖNLENDİR', '#ПЕРЕНАПРАВЛЕНИЕ', '#ПЕРЕНАПР', '#ПЕРЕНАПРАВЛЕННЯ', '#ПРЕУСМЕРИ', '#ΑΝΑΚΑΤΕΥΘΥΝΣΗ', '#הפניה',
  '#تحويل', '#تغییرمسیر', '#ĐỔI', '#ALIH', '#REDIRECCIÓ', '#BIRZUZENDU', '#ALIDIREKTU',
];

let configured = false;

/** Adds the localised names to wikiparser-node's configuration (once). */
export function configureParser(): void {
  if (configured) return;
  configured = true;
  const config = Parser.getConfig();
  const nsid = { ...config.nsid };
  for (const name of FILE_NAMESPACES) nsid[name] ??= 6;
  for (const name of CATEGORY_NAMESPACES) nsid[name] ??= 14;
  const img = { ...config.img };
  const kinds: Record<string, string> = {};
  for (const [word, kind] of Object.entries(config.img)) kinds[word.replace(/=\$1| \$1|\$1/, '')] ??= kind;
  for (const option of IMAGE_OPTIONS) {
    const bare = option.replace(/=\$1| \$1|\$1/, '');
    img[option] ??= option.includes('$1') && /px|pt/.test(option) ? 'width' : (kinds[bare] ?? 'thumbnail');
  }
  const redirection = [...new Set([...config.redirection, ...REDIRECT_WORDS.map((w) => w.toLowerCase())])];
  Parser.config = { ...config, nsid, img, redirection };
}

/** The target of a redirect page (`#REDIRECT [[Target]]` in any of the known languages), if the text is one. */
export function redirectTarget(text: string): string | undefined {
  const m = /^\s*(#[^\s[:]+(?:\s[^\s[:]+)?)\s*:?\s*\[\[([^\]|\n]+)(?:\|[^\]\n]*)?\]\]/u.exec(text);
  if (!m) return undefined;
  return REDIRECT_WORDS.includes(m[1]!.toUpperCase()) ? m[2]!.trim() : undefined;
}

/** A link target's namespace prefix, lower case, with underscores as spaces ("Datei" in "Datei:x.jpg"). */
function prefixOf(target: string): string | undefined {
  const m = /^\s*:?\s*([^:]+?)\s*:/.exec(target);
  return m ? m[1]!.toLowerCase().replace(/_/g, ' ') : undefined;
}

/** The namespace of a link target by its prefix: 'file', 'category' or undefined. */
export function namespaceOf(target: string): 'file' | 'category' | undefined {
  const prefix = prefixOf(target);
  if (prefix === undefined) return undefined;
  if (Object.hasOwn(FILE_NAMES, prefix)) return 'file';
  if (Object.hasOwn(CATEGORY_NAMES, prefix)) return 'category';
  return undefined;
}

/**
 * The languages an article's own markup allows: a wiki writes its File and Category links with its own
 * localised namespace names (`[[Datei:…]]`, `[[Kategorie:…]]`), so each localised name seen narrows the
 * article's language to the wikis that use it. Undefined when no localised name is seen (the canonical English
 * names are valid on every wiki) and when the names seen contradict each other (an article copied between
 * wikis): then they tell nothing.
 */
export function namespaceLanguages(text: string): string[] | undefined {
  let languages: string[] | undefined;
  for (const m of text.matchAll(/\[\[\s*:?\s*([^\][|:\n]{2,24}):/gu)) {
    const prefix = prefixOf(m[1]! + ':')!;
    const langs = Object.hasOwn(FILE_NAMES, prefix)
      ? FILE_NAMES[prefix]
      : Object.hasOwn(CATEGORY_NAMES, prefix)
        ? CATEGORY_NAMES[prefix]
        : undefined;
    if (!langs?.length) continue;
    languages = languages ? languages.filter((l) => langs.includes(l)) : [...langs];
  }
  return languages?.length ? languages : undefined;
}
