/**
 * The guide's language is told from its prose, not its tables: a page of baseball scores (names, figures,
 * dates) reads as French to franc. With too little prose, English is assumed.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../../src/pipeline/build.js';
import { detectLanguage } from '../../src/util/language.js';
import { FIXTURES } from '../support/content.js';

describe('language detection', () => {
  it('reads a guide made of tables as English, not as what franc guesses from the cells', async () => {
    const contentDir = path.join(FIXTURES, 'tables-only');
    const cells = readFileSync(path.join(contentDir, 'game-log.wiki'), 'utf8').replace(/\[\[[^|\]]*\|/g, '');
    // The premise: the cells alone are read as another language.
    expect(detectLanguage(cells)).not.toBe('en');
    const out = mkdtempSync(path.join(tmpdir(), 'quire-lang-'));
    await build({ contentDir, outDir: out, formats: ['json'], progress: 'silent', cacheDir: false });
    const book = JSON.parse(readFileSync(path.join(out, 'book.json'), 'utf8'));
    expect(book.language).toBe('en');
    expect(JSON.stringify(book.chapters)).toContain('Hellickson');
  }, 120_000);
});
