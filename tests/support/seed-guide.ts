/** The seed guide, read, merged and studied in-process as the study tests do (no build, no cache). */
import { mergeSources } from '../../src/merge/index.js';
import { addStudyAids } from '../../src/study/index.js';
import type { StudyGuide } from '../../src/model/index.js';
import { parseSeed, SEEDS, TEST_META } from './content.js';

let guide: StudyGuide | undefined;

/** The four seeds with the priorities the study tests give them; made once per test file. */
export function seedGuide(): StudyGuide {
  guide ??= addStudyAids(
    mergeSources(
      [parseSeed(SEEDS.later, 4), parseSeed(SEEDS.plain, 3), parseSeed(SEEDS.dump, 2), parseSeed(SEEDS.key, 1)],
      TEST_META,
    ),
  );
  return guide;
}
