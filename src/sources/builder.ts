import type { Root, RootContent, PhrasingContent, Paragraph, List, ListItem, Heading, FootnoteReference } from 'mdast';
import type { Warning } from '../model/index.js';
import { Messages } from '../util/messages.js';
import { toString } from 'mdast-util-to-string';

/** Position of a node on one line (readers know lines, not always columns). */
export function at(line: number, column = 1): NonNullable<Paragraph['position']> {
  return { start: { line, column }, end: { line, column } };
}

/** Merge adjacent text nodes and trim the ends of a run of phrasing content. */
export function tidyPhrasing(children: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const child of children) {
    const last = out[out.length - 1];
    // A full stop a template wrote, then the text's own ("{{Ouvrage|…}}." → "… 1977. ISBN …."): one stop.
    if (child.type === 'text' && last?.type === 'text')
      last.value += /(?<!\.)\.$/.test(last.value) && /^\.(?!\.)/.test(child.value) ? child.value.slice(1) : child.value;
    else out.push(child.type === 'text' ? { ...child } : child);
  }
  for (const node of out) if (node.type === 'text') node.value = node.value.replace(/[ \t\n]+/g, ' ');
  // Only the ends of the run (citation markers aside): a space after a leading `strong` or before a trailing
  // link is a word space.
  const first = out.find((n) => n.type !== 'footnoteReference');
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '');
  const last = out.findLast((n) => n.type !== 'footnoteReference');
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
  // Remove a space left before a citation or punctuation ("word <ref/>." → "word[1].")
  for (let i = 0; i < out.length - 1; i++) {
    const node = out[i]!;
    if (node.type === 'text' && out[i + 1]!.type === 'footnoteReference') node.value = node.value.replace(/\s+$/, '');
  }
  return out.filter((n) => n.type !== 'text' || n.value !== '');
}

export function hasWords(children: PhrasingContent[]): boolean {
  return children.some((c) =>
    c.type === 'text' ? /[\p{L}\p{N}]/u.test(c.value) : 'children' in c && hasWords(c.children as PhrasingContent[]),
  );
}

/**
 * Collects a source's blocks in order and produces an mdast Root.
 * Readers push headings, paragraph text and list items; the builder opens and closes blocks.
 */
export class TreeBuilder {
  readonly children: RootContent[] = [];
  private readonly messages: Messages;
  private paragraph: { children: PhrasingContent[]; line: number } | undefined;
  private list: List | undefined;
  /** The open list and the lists nested in its last items, outermost first. */
  private levels: List[] = [];
  /** Figures met inside the open paragraph or list: they stand after it, not inside it. */
  private figures: Paragraph[] = [];
  /** Notes written in the last heading (`== Births<ref>…</ref> ==`), for the first paragraph or list under it. */
  private headingNotes: { refs: FootnoteReference[]; line: number } | undefined;
  constructor(readonly file: string) {
    this.messages = new Messages(file);
  }

  /** A message for the editor: `rule` names its kind (`dropped-table`), `message` says what happened. */
  warn(rule: string, message: string, line?: number): void {
    this.messages.warn(rule, message, line);
  }

  get warnings(): Warning[] {
    return this.messages.warnings;
  }

  /**
   * A heading. A note written in it supports the section, not its title (which carries no notes): it goes to
   * the end of the first paragraph or the first item of the first list under the heading.
   */
  heading(depth: number, children: PhrasingContent[], line: number): void {
    this.endBlock();
    this.unplacedNotes();
    const refs = children.filter((c): c is FootnoteReference => c.type === 'footnoteReference');
    if (refs.length) this.headingNotes = { refs, line };
    const tidy = tidyPhrasing(children.filter((c) => c.type !== 'footnoteReference'));
    if (!hasWords(tidy)) {
      this.warn('empty-heading', 'heading with no text skipped', line);
      return;
    }
    const heading: Heading = {
      type: 'heading',
      depth: Math.min(Math.max(depth, 1), 6) as Heading['depth'],
      children: tidy,
      position: at(line),
    };
    this.children.push(heading);
  }

  /** The text of the open paragraph so far (notes left out): '' when none is open. */
  openText(): string {
    return (this.paragraph?.children ?? []).map((c) => (c.type === 'footnoteReference' ? '' : toString(c))).join('');
  }

  /** Append inline content to the open paragraph, opening one at `line` if needed. */
  inline(children: PhrasingContent[], line: number): void {
    if (this.list) this.endList();
    if (!this.paragraph) this.paragraph = { children: [], line };
    this.paragraph.children.push(...children);
  }

  /**
   * An item of a list at `depth` (1: the outermost; a wikitext `**` is 2): a deeper item opens a list inside
   * the item before it, a shallower one goes back to its own level's list. Items of another kind (numbered or
   * not) at the outermost level start a new list.
   */
  listItem(children: PhrasingContent[], line: number, ordered = false, depth = 1): void {
    this.endParagraph();
    const tidy = tidyPhrasing(children);
    if (!hasWords(tidy)) return;
    if (!this.list || (this.list.ordered !== ordered && (depth <= 1 || !this.list.children.length))) {
      this.endList();
      this.list = { type: 'list', ordered, spread: false, children: [], position: at(line) };
      this.levels = [this.list];
    }
    const levels = this.levels;
    levels.length = Math.min(levels.length, Math.max(1, depth));
    // A level skipped ("*" then "***") opens one list, not an empty item per level.
    if (levels.length < depth && levels.at(-1)!.children.length) {
      const holder = levels.at(-1)!.children.at(-1)!;
      const inner: List = { type: 'list', ordered, spread: false, children: [], position: at(line) };
      holder.children.push(inner);
      levels.push(inner);
    }
    const item: ListItem = {
      type: 'listItem',
      spread: false,
      children: [{ type: 'paragraph', children: tidy, position: at(line) }],
      position: at(line),
    };
    levels.at(-1)!.children.push(item);
  }

  endParagraph(): void {
    if (!this.paragraph) return;
    const tidy = tidyPhrasing(this.paragraph.children);
    if (hasWords(tidy)) {
      this.children.push({
        type: 'paragraph',
        children: [...tidy, ...this.takeHeadingNotes()],
        position: at(this.paragraph.line),
      });
    }
    this.paragraph = undefined;
    this.placeFigures();
  }

  endList(): void {
    if (this.list && this.list.children.length) {
      const first = this.list.children[0]!.children[0];
      if (first?.type === 'paragraph') first.children.push(...this.takeHeadingNotes());
      this.children.push(this.list);
    }
    this.list = undefined;
    this.levels = [];
    this.placeFigures();
  }

  /** A figure (an image with its caption): after the paragraph or list open now, so as not to split it. */
  figure(node: Paragraph, line: number): void {
    node.position ??= at(line);
    this.figures.push(node);
    this.placeFigures();
  }

  private placeFigures(): void {
    if (this.paragraph || this.list) return;
    this.children.push(...this.figures);
    this.figures = [];
  }

  endBlock(): void {
    this.endParagraph();
    this.endList();
  }

  /**
   * A block a reader made whole (a table, a quote): the heading's notes go to a table's first row, at the end
   * of its last cell, where a table's source is noted.
   */
  block(node: RootContent): void {
    this.endBlock();
    if (node.type === 'table') {
      const cell = node.children[0]?.children.at(-1);
      cell?.children.push(...this.takeHeadingNotes());
    }
    this.children.push(node);
  }

  private takeHeadingNotes(): FootnoteReference[] {
    const refs = this.headingNotes?.refs ?? [];
    this.headingNotes = undefined;
    return refs;
  }

  /** Notes of a heading whose section has no paragraph or list to carry them: said, not silently lost. */
  private unplacedNotes(): void {
    if (!this.headingNotes) return;
    const { refs, line } = this.headingNotes;
    const n = refs.length;
    this.warn(
      'heading-citation',
      `${n === 1 ? 'a note' : `${n} notes`} written in a heading dropped: no paragraph, list or table under it`,
      line,
    );
    this.headingNotes = undefined;
  }

  root(): Root {
    this.endBlock();
    this.unplacedNotes();
    return { type: 'root', children: this.children };
  }
}
