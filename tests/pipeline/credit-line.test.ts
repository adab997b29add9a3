/**
 * The credit line and the authors' name a guide carries when its quire.yaml writes none are in the guide's
 * language: a German guide does not credit "Wikipedia contributors" under "Text adapted from its source".
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { bookMeta } from '../../src/pipeline/stages.js';
import { parseText } from '../support/content.js';
import { builtPage } from '../support/cli.js';

const config = parseConfig('', 'quire.yaml');
const GERMAN =
  "Die '''Lunder Fähre''' verbindet seit 1881 die Stadt Lund mit der Insel Vell.\n\n" +
  '== Geschichte ==\nDie Fähre wurde im Jahr 1881 von der Stadt gegründet. Sie fuhr bis 1950 zweimal am Tag.\n';

describe('the credit line', () => {
  it('is English for an English guide, naming the sources and the licence', () => {
    const source = parseText("'''Anna Lund''' was a doctor.\n", 'lund.wiki');
    const meta = bookMeta(config, [source, source], 'lund', '2026-01-01');
    expect(meta.author).toBe('Wikipedia contributors');
    expect(meta.attribution).toBe('Text adapted from 2 sources, by Wikipedia contributors, under CC BY-SA 4.0.');
  });

  it('is in the guide’s language, and a configured author or attribution is kept as written', () => {
    const source = parseText(GERMAN, 'faehre.wiki');
    const meta = bookMeta({ ...config, language: 'de' }, [source], 'x', '2026-01-01');
    expect(meta.author).toBe('Wikipedia-Autoren');
    expect(meta.attribution).toBe('Text bearbeitet nach seiner Quelle, von Wikipedia-Autoren, unter CC BY-SA 4.0.');
    const italian = (n: number) =>
      bookMeta({ ...config, language: 'it' }, Array(n).fill(source), 'x', '2026-01-01').attribution;
    expect(italian(1)).toBe('Testo adattato dalla sua fonte, di contributori di Wikipedia, con licenza CC BY-SA 4.0.');
    expect(italian(2)).toBe('Testo adattato da 2 fonti, di contributori di Wikipedia, con licenza CC BY-SA 4.0.');
    const own = parseConfig('author: Klasse 9b\nattribution: Nach dem Artikel über Lund.\n', 'quire.yaml');
    const mine = bookMeta({ ...own, language: 'de' }, [source], 'x', '2026-01-01');
    expect([mine.author, mine.attribution]).toEqual(['Klasse 9b', 'Nach dem Artikel über Lund.']);
  });

  it('shows a detected German guide’s authors and credit in German on its page', async () => {
    const text = (await builtPage({ 'faehre.wiki': GERMAN })).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Wikipedia-Autoren');
    expect(text).toContain('Text bearbeitet nach seiner Quelle');
    expect(text).not.toMatch(/Wikipedia contributors|Text adapted/);
  });
});
