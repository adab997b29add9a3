import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { bookMeta } from '../../src/pipeline/stages.js';
import { parseText } from '../support/content.js';

const config = parseConfig('', 'quire.yaml');
const wiki = (text: string) => parseText(text, 'article.wiki');

describe('the guide title without a quire.yaml title', () => {
  it('is the subject a wikitext article states in bold at its start, not the folder name', () => {
    const source = wiki("'''Anna Lund''' (born 3 May 1932 in Kiel) was a doctor.\n\n== Life ==\nShe lived in Kiel.\n");
    expect(bookMeta(config, [source], 'lund', '2026-01-01').title).toBe('Anna Lund');
  });

  it('falls back to the folder name when no source states one', () => {
    const source = wiki('She lived in Kiel for many years and worked as a doctor in the harbour.\n');
    expect(bookMeta(config, [source], 'lund', '2026-01-01').title).toBe('lund');
  });
});
