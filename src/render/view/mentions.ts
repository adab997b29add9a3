/**
 * Links between the text and the study aids. The first mention of a glossary entry in each chapter becomes a
 * link to the entry (with an anchor id, so the entry can link back to it). Works on mdast, before HTML.
 */
import type { Block, StudyGuide, PhrasingContent } from '../../model/index.js';
import type { Link, Paragraph, List, Text } from 'mdast';
import { foldSpelling, surnameKey } from '../../study/names.js';

export interface GlossaryTarget {
  id: string;
  /** Names to look for: the entry's name, aliases and (for people) the surname when unambiguous. */
  names: string[];
  surname?: string;
}

export interface MentionAnchor {
  entry: string;
  chapter: string;
  block: string;
  anchor: string;
}

export function glossaryTargets(book: StudyGuide): GlossaryTarget[] {
  const surnames = new Map<string, number>();
  for (const a of book.glossaries.ambassadors)
    surnames.set(surnameKey(a.name), (surnames.get(surnameKey(a.name)) ?? 0) + 1);
  return [
    ...book.glossaries.ambassadors.map((a) => ({
      id: a.id,
      names: [a.name, ...a.aliases],
      surname: surnames.get(surnameKey(a.name)) === 1 ? surnameKey(a.name) : undefined,
    })),
    ...book.glossaries.treaties.map((t) => ({ id: t.id, names: [t.name, ...t.aliases] })),
  ];
}

const norm = (s: string) => s.replace(/[–—−]/g, '-').toLowerCase();

/** Where in `text` a target is named: the longest name first; a lone surname last. */
function findIn(text: string, target: GlossaryTarget): { at: number; length: number } | undefined {
  const low = norm(text);
  for (const name of [...target.names].sort((a, b) => b.length - a.length)) {
    const at = low.indexOf(norm(name));
    if (at >= 0 && !/\p{L}/u.test(low[at - 1] ?? '') && !/\p{L}/u.test(low[at + name.length] ?? ''))
      return { at, length: name.length };
  }
  if (target.surname) {
    for (const m of text.matchAll(/\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?\p{Ll}+)*/gu))
      if (foldSpelling(m[0]) === target.surname) return { at: m.index, length: m[0].length };
  }
  return undefined;
}

/** Wrap the first occurrence of a target inside a paragraph's text nodes in a link. */
function linkFirst(children: PhrasingContent[], target: GlossaryTarget, href: string, anchor: string): boolean {
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.type !== 'text') continue;
    const hit = findIn(node.value, target);
    if (!hit) continue;
    const before: Text = { type: 'text', value: node.value.slice(0, hit.at) };
    const link: Link = {
      type: 'link',
      url: href,
      children: [{ type: 'text', value: node.value.slice(hit.at, hit.at + hit.length) }],
      data: { hProperties: { id: anchor, className: ['gloss-ref'] } },
    };
    const after: Text = { type: 'text', value: node.value.slice(hit.at + hit.length) };
    children.splice(i, 1, ...[before, link, after].filter((n) => n.type !== 'text' || n.value));
    return true;
  }
  return false;
}

function paragraphsOf(node: Block['node']): Paragraph[] {
  return node.type === 'paragraph'
    ? [node]
    : (node as List).children.flatMap((item) => item.children.filter((c): c is Paragraph => c.type === 'paragraph'));
}

/**
 * Pure: copies of the chapters' block nodes with first mentions linked, and the anchors made.
 * `hrefFor` gives the link to an entry from a chapter (same page in HTML, another file in an EPUB).
 */
export function linkMentions(
  book: StudyGuide,
  hrefFor: (entryId: string) => string,
): { nodes: Map<string, Block['node']>; anchors: MentionAnchor[] } {
  const targets = glossaryTargets(book);
  const mentionedIn = new Map<string, Set<string>>();
  for (const e of [...book.glossaries.ambassadors, ...book.glossaries.treaties])
    mentionedIn.set(e.id, new Set(e.mentions));
  const nodes = new Map<string, Block['node']>();
  const anchors: MentionAnchor[] = [];
  for (const chapter of book.chapters) {
    for (const target of targets) {
      const blocks = mentionedIn.get(target.id)!;
      let done = false;
      for (const section of chapter.sections) {
        for (const block of section.blocks) {
          if (done || !blocks.has(block.id)) continue;
          let node = nodes.get(block.id);
          if (!node) {
            node = structuredClone(block.node);
            nodes.set(block.id, node);
          }
          const anchor = `m-${target.id}-${chapter.id}`;
          if (paragraphsOf(node).some((p) => linkFirst(p.children, target, hrefFor(target.id), anchor))) {
            anchors.push({ entry: target.id, chapter: chapter.id, block: block.id, anchor });
            done = true;
          }
        }
      }
    }
  }
  return { nodes, anchors };
}
