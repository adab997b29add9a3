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
