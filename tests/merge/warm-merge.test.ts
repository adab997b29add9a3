import { describe, expect, it } from 'vitest';
import { mergeSources } from '../../src/merge/index.js';
import type { Source } from '../../src/model/index.js';
import { forgetRemembered, rememberedCounts, startRememberedBuild } from '../../src/util/memo.js';
import { parseSeed, parseText, readContent, SEEDS, TEST_META } from '../support/content.js';

/**
 * A warm edit merges again sources whose trees are the same objects as in the last build (only the edited
 * source is parsed again): the paragraphs and lists of those are not split into sentences again, yet the
 * fusion, which changes its blocks in place, must find them as a first merge does. The merge of the seeds in
 * one process after another, and after an edit, must be what a merge from nothing makes of the same sources.
 */
const others = (): Source[] => [parseSeed(SEEDS.plain, 3), parseSeed(SEEDS.dump, 2), parseSeed(SEEDS.key, 1)];
const later = (edit = (text: string) => text) =>
  parseText(edit(readContent(SEEDS.later)), SEEDS.later, { priority: 4 });
const merged = (sources: Source[]) => {
  startRememberedBuild();
  return JSON.stringify(mergeSources(sources, TEST_META));
};
/** Texts the merge split into sentences (computed or looked up). */
const splits = () => {
  const c = rememberedCounts().sentences ?? { ran: 0, reused: 0 };
  return c.ran + c.reused;
};

describe('a merge again over the same source trees', () => {
  it('makes what a merge from nothing makes, before and after an edit of one source', () => {
    forgetRemembered();
    const sources = [later(), ...others()];
    const first = merged(sources);
    const splitFirst = splits();

    // The same trees again: the blocks read before are copies, so the first merge's changes do not show, and
    // none of their paragraphs is split again.
    expect(merged(sources)).toBe(first);
    expect(splits() * 4).toBeLessThan(splitFirst);

    // An edit of the later revision: that source parsed again, the others the same objects.
    const edit = (text: string) => text.replace('annulling all mutual claims', 'annulling all mutual claims at once');
    const warm = merged([later(edit), ...sources.slice(1)]);
    const splitWarm = splits();
    expect(warm).toContain('annulling all mutual claims at once');
    expect(splitWarm).toBeLessThan(splitFirst);
    // The edited source's paragraphs are split again (looked up but the edited one), the others' are not.
    expect(splitWarm).toBeGreaterThan(1);
    forgetRemembered();
    expect(warm).toBe(merged([later(edit), ...others()]));
  });
});
