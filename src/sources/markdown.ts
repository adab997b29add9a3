/** Markdown reader: remark-parse gives mdast directly; the first `#` heading is the title. */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ReadInput, ReadResult } from './types.js';
import type { SourceCitation, Warning } from '../model/index.js';

export function readMarkdown(input: ReadInput): ReadResult {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(input.text) as Root;
  const warnings: Warning[] = [];
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
      warnings.push({
        file: input.file,
        line: node.position?.start.line,
        message: `${node.type} not carried into the guide`,
      });
    else if (node.type === 'html')
      warnings.push({ file: input.file, line: node.position?.start.line, message: 'raw HTML removed' });
  }
  return { tree: { type: 'root', children: kept }, citations, warnings, title };
}
