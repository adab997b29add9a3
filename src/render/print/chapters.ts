/**
 * Where printed chapters start (`output.chapters`, `--chapters`): each on a new page, all run on after the
 * one before, or — the default — by length. Back-matter sections (external links, further reading) follow
 * the same rule after the chapters; study aids always start a new page.
 */
export const CHAPTER_BREAKS = ['auto', 'new-page', 'run-on'] as const;
export type ChapterBreaks = (typeof CHAPTER_BREAKS)[number];

/**
 * "auto": a part longer than this (in pages of the text area, laid out without breaks) is long. A part
 * starts a new page when it or the part before it is long; two short parts in a row share a page.
 */
export const LONG_PART = 0.5;

/**
 * Which parts (ids, in print order) run on after the part before them instead of starting a new page. The
 * first part always starts a page (after the contents). `heights` (in pages) are needed for "auto" only: a
 * part whose height is not known starts a new page.
 */
export function runOnParts(
  ids: readonly string[],
  mode: ChapterBreaks,
  heights: Readonly<Record<string, number>> = {},
): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  ids.forEach((id, i) => {
    if (i === 0 || mode === 'new-page') return;
    const short = (part: string) => heights[part] !== undefined && heights[part] <= LONG_PART;
    if (mode === 'run-on' || (short(ids[i - 1]!) && short(id))) out[id] = true;
  });
  return out;
}
