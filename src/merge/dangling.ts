/**
 * A paragraph that ends in a colon announces what follows it: a quotation, a list, a table, the points it
 * counts. Where nothing follows it in its section, or what follows is a new statement, the announced
 * passage is missing from every source that has the sentence (a reader dropped it, or the source itself
 * lost it, as a revision whose quotation template was removed). The book keeps the sentence as the sources
 * give it; the merge says so in a warning naming each source's file and line.
 */
import type { Warning } from '../model/index.js';
import { opensEnumeration } from '../util/language.js';
import type { WBlock, WSection } from './work.js';

/** What may follow a colon as the passage it announces, at the start of a paragraph. */
const CONTINUES = /^(?:[\p{Ll}\d"“”„‚‘’'«»‹›([]|\p{Pd})/u;

/** Whether `next` (the block after a paragraph ending in a colon) is what the colon announced. */
function announced(next: WBlock | undefined, locale: string): boolean {
  if (!next) return false;
  if (next.kind !== 'paragraph') return true;
  const first = next.sentences[0]?.text ?? '';
  return CONTINUES.test(first) || opensEnumeration(first, locale);
}

/** One warning per source of each paragraph-ending sentence whose colon announces nothing that follows. */
export function danglingColons(sections: readonly WSection[], locale: string): Warning[] {
  const out: Warning[] = [];
  sections.forEach((section, s) => {
    // A colon closing a section may announce its subsections ("The treaty had three parts:").
    const subsection = (sections[s + 1]?.level ?? 0) > section.level;
    section.blocks.forEach((block, i) => {
      const last = block.sentences.at(-1);
      if (block.kind !== 'paragraph' || !last || !/:\s*$/.test(last.text)) return;
      const next = section.blocks[i + 1];
      if (announced(next, locale) || (!next && subsection)) return;
      const shown = last.text.length > 80 ? `…${last.text.slice(-77)}` : last.text;
      for (const p of last.sources) {
        // A source whose own reading of the sentence ends otherwise announces nothing.
        if (!/:\s*$/.test(last.witnesses?.get(p.source) ?? last.text)) continue;
        out.push({
          file: p.file,
          line: p.line,
          rule: 'dangling-colon',
          message:
            `"${shown}" ends in a colon, but no quotation, list or continuation follows it in any source; ` +
            'the passage it announces may be missing here: check the source',
        });
      }
    });
  });
  return out;
}
