import anyAscii from 'any-ascii';

/**
 * A slug for ids: ASCII letters and digits, dashes between words. Letters outside ASCII are transliterated
 * (any-ascii), not dropped: "Magnar Sætre" → "magnar-saetre", "Straße" → "strasse", "Отношения" → "otnosheniya";
 * a heading in another script still gets an id that says what it is, not "section".
 */
export function slugify(text: string): string {
  // eslint-disable-next-line no-control-regex
  const ascii = /^[\u0000-\u007f]*$/.test(text) ? text : anyAscii(text.normalize('NFC'));
  const slug = ascii
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'section';
}
