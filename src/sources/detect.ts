import path from 'node:path';
import type { SourceFormat } from '../model/index.js';
import { looksLikeDump } from './wikitext.js';
import { looksLikeCitedSentences } from './cited.js';

/** Decide a file's format from its content (the extension only breaks ties). */
export function detectFormat(text: string, file: string): SourceFormat {
  const ext = path.extname(file).toLowerCase();
  if (looksLikeDump(text)) return 'wikitext-dump';
  const wikiHeadings = (text.match(/^={1,6}[^=\n]+={1,6}\s*$/gm) ?? []).length;
  const wikiMarkup = (text.match(/\[\[[^\]\n]+\]\]|\{\{[^}\n]*\}\}|<ref[\s>]|'''/g) ?? []).length;
  const mdHeadings = (text.match(/^#{1,6} \S/gm) ?? []).length;
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  if (ext === '.wiki' || ext === '.wikitext' || ext === '.mediawiki') return 'wikitext';
  if (mdHeadings >= 2 && mdHeadings > wikiHeadings) return 'markdown';
  if (wikiHeadings >= 2 || wikiMarkup >= 5) return 'wikitext';
  if (looksLikeCitedSentences(text)) return 'cited-sentences';
  return 'plain-text';
}
