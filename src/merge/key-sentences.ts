/**
 * Step 4 of the merge, key sentences: each sentence of a key-sentence source becomes a key point of the
 * book section that holds its closest match; one that matches nothing well enough is listed as omitted.
 */
import type { KeyPoint, MergeReport, Source } from '../model/index.js';
import { splitSentences, type SentenceIndex } from './sentences.js';
import { provenance, type Hit, type WSection } from './work.js';

/** Dice similarity a key sentence needs with its closest sentence of the book. */
const KEY_MATCH = 0.35;

export interface KeyMatch {
  section: WSection;
  point: KeyPoint;
  source: Source;
}

export function matchKeySentences(
  sources: Source[],
  index: SentenceIndex<Hit>,
  locale: string,
): { matches: KeyMatch[]; omitted: MergeReport['omitted'] } {
  const matches: KeyMatch[] = [];
  const omitted: MergeReport['omitted'] = [];
  for (const source of sources) {
    for (const node of source.tree.children) {
      if (node.type !== 'paragraph') continue;
      const prov = provenance(source, node.position?.start.line ?? 1);
      for (const sentence of splitSentences(node.children, locale)) {
        const best = index.best(sentence.text);
        const section = best && best.score >= KEY_MATCH ? best.value.section : undefined;
        if (!section) {
          omitted.push({ text: sentence.text, source: prov, reason: 'key sentence matches no section of the book' });
          continue;
        }
        matches.push({
          section,
          source,
          point: { id: '', text: sentence.text, markers: [...sentence.refs], sources: [prov] },
        });
      }
    }
  }
  return { matches, omitted };
}

/** Key points go to their sections in order; their sources count as contributors there. */
export function addKeyPoints(matches: KeyMatch[]): void {
  for (const { section, point, source } of matches) {
    section.keyPoints.push(point);
    section.contributors.add(source.info.id);
  }
}
