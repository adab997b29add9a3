/** A personal name's parts: given names and surname, without the particles and titles some sources add. */

/** Particles and titles that some sources write and others leave out. */
const PARTICLES = new Set([
  'von',
  'van',
  'der',
  'den',
  'de',
  'du',
  'la',
  'le',
  'zu',
  'graf',
  'freiherr',
  'baron',
  'count',
  'sir',
  'lord',
  'di',
  'da',
]);

export interface NameParts {
  given: string[];
  surname: string;
}

export function nameParts(name: string): NameParts {
  const words = name.split(/\s+/).filter((w) => w && !PARTICLES.has(w.toLowerCase()));
  return { given: words.slice(0, -1), surname: words[words.length - 1] ?? '' };
}

/** A suffix after a surname: "Martin Luther King, Jr.", "Hank Williams III". */
export const NAME_SUFFIX = /,?\s+(Jr\.?|Sr\.?|II|III|IV)$/;

/** A name without its suffix ("Clint Murchison Sr." → "Clint Murchison"). */
export const withoutSuffix = (name: string): string => {
  const m = NAME_SUFFIX.exec(name);
  return m && m.index > 0 ? name.slice(0, m.index) : name;
};

// A dash joins names into another's ("Molotov–Ribbentrop Pact", "Franco-Soviet"): hyphen and en dash alike.
const NAME_CHAR_BEFORE = /[\p{L}'’\-–]$/u;
const NAME_CHAR_AFTER = /^[\p{L}'’\-–]/u;
const POSSESSIVE = /^['’]s?(?!\p{L})/u;

/**
 * Where `name` (not empty) first stands on its own in `text` — no letter, apostrophe, hyphen or en dash touching it
 * either side ("Radek", not "Radeks", "O'Radek" or "Radek–Kopp"), a possessive aside ("Radek's", "Engels'") — or
 * -1. What `(?<![\p{L}'’-])NAME(?:(?![\p{L}'’-])|(?=['’]s?(?!\p{L})))` finds, without compiling a pattern per
 * name (a millisecond each, with Unicode classes).
 */
export function nameAt(text: string, name: string): number {
  if (!name) return -1;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const end = at + name.length;
    const after = text.slice(end, end + 3);
    // A possessive ("Hitler's government") names the person too.
    if (
      !NAME_CHAR_BEFORE.test(text.slice(Math.max(0, at - 2), at)) &&
      (!NAME_CHAR_AFTER.test(after) || POSSESSIVE.test(after))
    )
      return at;
  }
  return -1;
}
