/**
 * Hyphenation for print: headless Chromium does not hyphenate (`hyphens: auto` is ignored), so soft hyphens
 * are put into the text with the `hyphen` package's Liang patterns for the book's language.
 */
import { createRequire } from 'node:module';
import type { Root, Element, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { memoize } from '../../util/memo.js';

const require = createRequire(import.meta.url);

/** The hyphenator for a BCP 47 language tag, or undefined when the package has no patterns for it. */
export function hyphenatorFor(language: string): ((text: string) => string) | undefined {
  return hyphenators(language).hyphenate;
}

/** One hyphenator per language for the process (content HTML is remembered per hyphenator). */
const hyphenators = memoize(
  (language: string) => ({ hyphenate: makeHyphenator(language) }),
  (language) => language.toLowerCase(),
  64,
);

function makeHyphenator(language: string): ((text: string) => string) | undefined {
  const tag = language.toLowerCase();
  const candidates = tag === 'en' ? ['en-us'] : [tag, tag.split('-')[0]!];
  for (const c of candidates) {
    try {
      const mod = require(`hyphen/${c}`) as typeof import('hyphen/en-us');
      // Proper nouns stay whole (names are not split across lines); other words of 6+ letters may break.
      return (text) =>
        text.replace(/(?<![\p{L}])\p{Ll}\p{L}{5,}/gu, (word) => mod.hyphenateSync(word, { minWordLength: 6 }));
    } catch {
      // no patterns under that name: try the next
    }
  }
  return undefined;
}

/** Elements whose text is never hyphenated: code, preformatted text and math. */
const WHOLE = new Set(['code', 'pre', 'math']);

/** Soft hyphens in every text node of a hast tree, except inside code and math. */
export function hyphenateTree(tree: Root, hyphenate: (text: string) => string): void {
  visit(tree, 'element', (node: Element) => {
    if (WHOLE.has(node.tagName)) return SKIP;
    for (const child of node.children) if (child.type === 'text') child.value = hyphenate(child.value);
    return undefined;
  });
  for (const child of tree.children) if (child.type === 'text') (child as Text).value = hyphenate(child.value);
}
