/**
 * Localised MediaWiki names the reader must recognise in any article's language: the File and Category
 * namespaces, image options and redirect words (from MediaWiki's message files for the larger wikis).
 * They are added to wikiparser-node's configuration, so that `[[Datei:x.jpg|mini|…]]` is parsed as an image
 * (with its nested caption links) and `[[Kategorie:…]]` as a category, as `File:` and `Category:` are.
 */
import Parser from 'wikiparser-node';

/** File namespace names (namespace 6), lower case. */
// prettier-ignore
export const FILE_NAMESPACES = [
  'file', 'image', 'datei', 'bild', 'fil', 'fichier', 'archivo', 'imagen', 'afbeelding', 'bestand', 'lêer',
  'beeld', 'immagine', 'ficheiro', 'imagem', 'arquivo', 'plik', 'grafika', 'soubor', 'obrázok', 'súbor',
  'tiedosto', 'kuva', 'mynd', 'attēls', 'fails', 'failas', 'vaizdas', 'fișier', 'imagine', 'datoteka', 'slika',
  'kép', 'fájl', 'dosya', 'resim', 'файл', 'изображение', 'слика', 'датотека', 'αρχείο', 'εικόνα', 'קובץ', 'תמונה',
  'ملف', 'صورة', 'پرونده', 'تصویر', 'चित्र', 'ไฟล์', 'tập tin', 'hình', 'berkas', 'gambar', 'fitxer', 'fitxategi',
  'irudi', 'dosiero', 'pilt', 'delwedd', 'íomhá', 'comhad', 'skrá',
];

/** Category namespace names (namespace 14), lower case. */
// prettier-ignore
export const CATEGORY_NAMESPACES = [
  'category', 'kategorie', 'kategori', 'kategorija', 'kategorio', 'kategoria', 'kategória', 'catégorie',
  'categoría', 'categoria', 'categorie', 'luokka', 'flokkur', 'kategooria', 'категория', 'категорија', 'категорія',
  'κατηγορία', 'קטגוריה', 'تصنيف', 'رده', 'श्रेणी',
  'หมวดหมู่', 'thể loại', 'kategorî', 'catagóir', 'categori', 'kategorya', 'kateqoriya',
];

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

/** The namespace of a link target by its prefix: 'file', 'category' or undefined. */
export function namespaceOf(target: string): 'file' | 'category' | undefined {
  const m = /^\s*:?\s*([^:]+?)\s*:/.exec(target);
  if (!m) return undefined;
  const prefix = m[1]!.toLowerCase().replace(/_/g, ' ');
  if (FILE_NAMESPACES.includes(prefix)) return 'file';
  if (CATEGORY_NAMESPACES.includes(prefix)) return 'category';
  return undefined;
}
