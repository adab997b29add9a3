/**
 * Study aids: computed from the merged book alone and returned as a new book.
 *   glossaries (ambassadors, treaties, timeline) → editor's glossary overrides → key points → index →
 *   review questions (asked first about the key points' sentences, with distractors from the glossaries and
 *   the index's people) → editor's question overrides → mention spans (the first mention of each glossary
 *   entry per chapter, found once the glossaries' names are final; each index entry's first and last mention
 *   in each block it lists; where each question's quoted sentence starts)
 */
import type { Book, StudyGuide } from '../model/index.js';
import { extractAmbassadors } from './ambassadors.js';
import { extractTreaties } from './treaties.js';
import { extractTimeline } from './timeline.js';
import { generateQuestions } from './questions/index.js';
import { extractKeyPoints } from './key-points.js';
import { buildIndex } from './indexer.js';
import { findIndexSpans, findMentionSpans, findQuoteSpans } from './mentions.js';
import { applyGlossaryOverrides, applyQuestionOverrides, type Overrides } from './overrides.js';

export function addStudyAids(book: Book, overrides?: { data: Overrides; file: string }): StudyGuide {
  let out: StudyGuide = {
    ...book,
    glossaries: {
      ambassadors: extractAmbassadors(book),
      treaties: extractTreaties(book),
      timeline: extractTimeline(book),
    },
    questions: [],
    keyPoints: extractKeyPoints(book),
    index: [],
    mentions: [],
  };
  if (overrides) out = applyGlossaryOverrides(out, overrides.data, overrides.file);
  out = { ...out, index: buildIndex(out) };
  out = { ...out, questions: generateQuestions(out) };
  if (overrides) out = applyQuestionOverrides(out, overrides.data, overrides.file);
  const mentions = [...findMentionSpans(out, out.glossaries), ...findIndexSpans(out), ...findQuoteSpans(out)];
  return { ...out, mentions };
}
