/**
 * Builds nested mdast phrasing from wikitext's flat toggles: `''`/`'''` quote tokens and HTML open/close tags
 * (`<sub>…</sub>`) arrive as separate tokens in wikiparser-node's tree, not as containers. A stack of open
 * containers turns them into `emphasis`, `strong`, `subscript`, `superscript` and `inlineCode` nodes; a
 * container closed out of order is closed and reopened around the inner ones, as browsers and MediaWiki do.
 */
import type { PhrasingContent } from 'mdast';
import { phrasingText } from '../../model/blocks.js';

type Kind = 'root' | 'emphasis' | 'strong' | 'subscript' | 'superscript' | 'code';

interface Open {
  kind: Kind;
  children: PhrasingContent[];
}

/** HTML tags that make a phrasing container; any other inline tag (span, small, u, font…) is transparent. */
const TAGS: Record<string, Kind> = {
  i: 'emphasis',
  em: 'emphasis',
  b: 'strong',
  strong: 'strong',
  sub: 'subscript',
  sup: 'superscript',
  code: 'code',
  tt: 'code',
  kbd: 'code',
  samp: 'code',
};

/** The plain text of phrasing nodes (the model's own). */
export { phrasingText };

function close(open: Open): PhrasingContent | undefined {
  if (open.kind === 'code') {
    const value = phrasingText(open.children);
    return value.trim() ? { type: 'inlineCode', value } : undefined;
  }
  if (!open.children.length || open.kind === 'root') return undefined;
  return { type: open.kind, children: open.children };
}

export class Phrasing {
  private stack: Open[] = [{ kind: 'root', children: [] }];

  /**
   * @param lineBreaks a line of text after another is a line of its own (a table cell: "Die reuk van appels"
   *   over "The smell of apples" are two titles, which MediaWiki shows on two lines); else a space (prose).
   */
  constructor(readonly lineBreaks = false) {}

  add(...nodes: PhrasingContent[]): void {
    this.stack[this.stack.length - 1]!.children.push(...nodes);
  }

  /** A run of apostrophes: 2 toggles emphasis, 3 strong, 5 both. */
  quote(marks: number): void {
    const kinds: Kind[] = marks === 2 ? ['emphasis'] : marks === 3 ? ['strong'] : ['strong', 'emphasis'];
    const openKinds = kinds.filter((k) => this.isOpen(k));
    // Close the inner one first, so that `'''''x'''''` closes cleanly.
    openKinds.sort((a, b) => this.depth(b) - this.depth(a)).forEach((k) => this.closeKind(k));
    for (const k of kinds) if (!openKinds.includes(k)) this.stack.push({ kind: k, children: [] });
  }

  /** An HTML tag: true when it made or ended a container (or a break), false when it is not a phrasing tag. */
  tag(name: string, closing: boolean): boolean {
    const lower = name.toLowerCase();
    if (lower === 'br') {
      if (!closing) this.add({ type: 'break' });
      return true;
    }
    const kind = TAGS[lower];
    if (!kind) return false;
    if (!closing) this.stack.push({ kind, children: [] });
    else if (this.isOpen(kind)) this.closeKind(kind);
    return true;
  }

  /** A line end: MediaWiki closes unclosed apostrophe formatting at the end of each line. */
  lineEnd(): void {
    while (this.isOpen('emphasis') || this.isOpen('strong')) {
      this.closeKind(this.isOpen('emphasis') ? 'emphasis' : 'strong');
    }
  }

  /** Everything so far, every container closed; the assembler starts again empty. */
  take(): PhrasingContent[] {
    while (this.stack.length > 1) this.pop();
    const out = this.stack[0]!.children;
    this.stack = [{ kind: 'root', children: [] }];
    return out;
  }

  /** The last character of text added to the open container ("" when its last node is no text, or none). */
  get lastChar(): string {
    // The last text, inside the last node if it is a container (an emphasis, a link: "''Pribaltika''[https://…]").
    let last: PhrasingContent | undefined = this.stack[this.stack.length - 1]!.children.at(-1);
    while (last && last.type !== 'text' && 'children' in last) last = (last.children as PhrasingContent[]).at(-1);
    return last?.type === 'text' ? last.value.slice(-1) : '';
  }

  get empty(): boolean {
    return this.stack.length === 1 && this.stack[0]!.children.length === 0;
  }

  private isOpen(kind: Kind): boolean {
    return this.stack.some((o) => o.kind === kind);
  }

  private depth(kind: Kind): number {
    return this.stack.findLastIndex((o) => o.kind === kind);
  }

  private pop(): void {
    const open = this.stack.pop()!;
    const node = close(open);
    if (node) this.add(node);
  }

  private closeKind(kind: Kind): void {
    const reopen: Kind[] = [];
    while (this.stack.length > 1 && this.stack[this.stack.length - 1]!.kind !== kind) {
      reopen.push(this.stack[this.stack.length - 1]!.kind);
      this.pop();
    }
    if (this.stack.length > 1) this.pop();
    for (const k of reopen.reverse()) this.stack.push({ kind: k, children: [] });
  }
}
