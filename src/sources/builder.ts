import type { Root, RootContent, PhrasingContent, Paragraph, List, ListItem, Heading } from 'mdast';
import type { Warning } from '../model/index.js';
import { Messages } from '../util/messages.js';

/** Position of a node on one line (readers know lines, not always columns). */
export function at(line: number, column = 1): NonNullable<Paragraph['position']> {
  return { start: { line, column }, end: { line, column } };
}

/** Merge adjacent text nodes and trim the ends of a run of phrasing content. */
export function tidyPhrasing(children: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const child of children) {
    const last = out[out.length - 1];
    if (child.type === 'text' && last?.type === 'text') last.value += child.value;
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
  /** Figures met inside the open paragraph or list: they stand after it, not inside it. */
  private figures: Paragraph[] = [];
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

  heading(depth: number, children: PhrasingContent[], line: number): void {
    this.endBlock();
    const tidy = tidyPhrasing(children);
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

  /** Append inline content to the open paragraph, opening one at `line` if needed. */
  inline(children: PhrasingContent[], line: number): void {
    if (this.list) this.endList();
    if (!this.paragraph) this.paragraph = { children: [], line };
    this.paragraph.children.push(...children);
  }

  listItem(children: PhrasingContent[], line: number, ordered = false): void {
    this.endParagraph();
    const tidy = tidyPhrasing(children);
    if (!hasWords(tidy)) return;
    if (!this.list || this.list.ordered !== ordered) {
      this.endList();
      this.list = { type: 'list', ordered, spread: false, children: [], position: at(line) };
    }
    const item: ListItem = {
      type: 'listItem',
      spread: false,
      children: [{ type: 'paragraph', children: tidy, position: at(line) }],
      position: at(line),
    };
    this.list.children.push(item);
  }

  endParagraph(): void {
    if (!this.paragraph) return;
    const tidy = tidyPhrasing(this.paragraph.children);
    if (hasWords(tidy)) this.children.push({ type: 'paragraph', children: tidy, position: at(this.paragraph.line) });
    this.paragraph = undefined;
    this.placeFigures();
  }

  endList(): void {
    if (this.list && this.list.children.length) this.children.push(this.list);
    this.list = undefined;
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

  root(): Root {
    this.endBlock();
    return { type: 'root', children: this.children };
  }
}
