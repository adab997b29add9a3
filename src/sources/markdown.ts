/** Markdown reader: remark-parse gives mdast directly; the first `#` heading is the title. */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ReadInput, ReadResult } from './types.js';
import type { SourceCitation } from '../model/index.js';
import { Messages } from '../util/messages.js';

export function readMarkdown(input: ReadInput): ReadResult {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(input.text) as Root;
  const messages = new Messages(input.file);
  const citations: SourceCitation[] = [];
  let title: string | undefined;
  const kept: RootContent[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 1 && title === undefined) {
      title = toString(node);
      continue;
    }
    if (node.type === 'footnoteDefinition') {
      citations.push({ key: node.identifier, text: toString(node), line: node.position?.start.line ?? 1 });
      continue;
    }
    if (node.type === 'heading' || node.type === 'paragraph' || node.type === 'list') kept.push(node);
    else if (node.type === 'blockquote') kept.push(...node.children.filter((c) => c.type === 'paragraph'));
    else if (node.type !== 'html' && node.type !== 'thematicBreak' && node.type !== 'definition')
      messages.warn(`dropped-${node.type}`, `${node.type} not carried into the guide`, node.position?.start.line);
    else if (node.type === 'html') messages.warn('dropped-html', 'raw HTML removed', node.position?.start.line);
  }
  return { tree: { type: 'root', children: kept }, citations, warnings: messages.warnings, title };
}
