/**
 * The canonical sections of the working book in reading order, and where each one stands in it.
 * Positions are recomputed only after a section is inserted (rare), so that `within` costs O(1) per
 * matched sentence instead of a scan of the whole book.
 */
import type { WSection } from './work.js';

export class Outline {
  readonly sections: WSection[];
  private positions: Map<WSection, number> | undefined;
  /** Per section, the position just after its last subsection; valid while `positions` is. */
  private readonly subtreeEnd = new Map<WSection, number>();
  /** Per section, the top-level section (chapter) it stands in; valid while `positions` is. */
  private readonly chapters = new Map<WSection, WSection>();

  constructor(sections: WSection[]) {
    this.sections = sections;
  }

  /**
   * Insert `section` after `previous`: right after it when it is deeper (a subsection of it), else after
   * `previous`'s own subsections (a section of the same level never lands between a section and its
   * subsections).
   */
  insertAfter(previous: WSection, section: WSection): void {
    let at = this.positionOf(previous) + 1;
    if (section.level <= previous.level && previous !== this.sections[0])
      while (at < this.sections.length && this.sections[at]!.level > previous.level) at++;
    this.sections.splice(at, 0, section);
    this.positions = undefined;
  }

  /**
   * True when `section` is `into` or one of its subsections (a coarser source's section spans them). The
   * lead spans only itself: it is the text before the first heading, not the whole book.
   */
  within(section: WSection, into: WSection): boolean {
    if (into === this.sections[0]) return section === into;
    const start = this.positionOf(into);
    const at = this.positionOf(section);
    if (at < start) return false;
    let end = this.subtreeEnd.get(into);
    if (end === undefined) {
      end = start + 1;
      while (end < this.sections.length && this.sections[end]!.level > into.level) end++;
      this.subtreeEnd.set(into, end);
    }
    return at < end;
  }

  /** The next section of `level` after `section` and its subsections, within the same parent section. */
  nextSibling(section: WSection, level: number): WSection | undefined {
    let at = this.positionOf(section) + 1;
    while (at < this.sections.length && this.sections[at]!.level > level) at++;
    const next = this.sections[at];
    return next && next.level === level ? next : undefined;
  }

  /** The sections of the chapter holding `section` (its top-level section and everything under it), before it. */
  earlierInChapter(section: WSection, chapterLevel: number): WSection[] {
    const at = this.positionOf(section);
    let start = at;
    // At most 64 sections back: a chapter of thousands of sections is searched near its end only.
    while (start > 1 && at - start < 64 && this.sections[start]!.level > chapterLevel) start--;
    return start >= 1 ? this.sections.slice(start, at) : [];
  }

  /** Whether two sections stand in the same chapter (the same top-level section, the lead apart). */
  sameChapter(a: WSection, b: WSection): boolean {
    const chapter = (s: WSection) => {
      this.positionOf(s);
      if (!this.chapters.size) {
        const top = Math.min(...this.sections.slice(1).map((x) => x.level), 2);
        let current = this.sections[0]!;
        for (const [i, x] of this.sections.entries()) {
          if (i === 0 || x.level <= top) current = x;
          this.chapters.set(x, current);
        }
      }
      return this.chapters.get(s);
    };
    const ca = chapter(a);
    return ca !== undefined && ca !== this.sections[0] && ca === chapter(b);
  }

  private positionOf(section: WSection): number {
    if (!this.positions) {
      this.positions = new Map(this.sections.map((c, i) => [c, i]));
      this.subtreeEnd.clear();
      this.chapters.clear();
    }
    return this.positions.get(section) ?? -1;
  }
}
