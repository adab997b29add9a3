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

  it('reads the subject after an article word, and starts it with a capital', () => {
    const treaty = wiki(
      "{{Infobox treaty\n| name = Lund Accord\n}}\nThe '''Lund Accord''' to the Kiel Convention is an agreement.\n",
    );
    expect(bookMeta(config, [treaty], 'Lund_Accord', '2026-01-01').title).toBe('Lund Accord');
    const canton = wiki("The '''canton of Lund ''' is a canton in the north.\n");
    expect(bookMeta(config, [canton], 'x', '2026-01-01').title).toBe('Canton of Lund');
    const french = wiki("Le '''canton de Lund''' est un canton du Nord.\n");
    expect(bookMeta({ ...config, language: 'fr' }, [french], 'x', '2026-01-01').title).toBe('Canton de Lund');
    // A longer opening is prose, not an article word: no subject is stated there.
    const prose = wiki("In the north, '''Lund''' grew.\n");
    expect(bookMeta(config, [prose], 'lund', '2026-01-01').title).toBe('lund');
  });

  it('reads the subject a definition states after the field it belongs to', () => {
    const enzyme = wiki("In enzymology, an '''lund-oxo transaminase''' ({{EC number|2.6.1.12}}) is an enzyme.\n");
    expect(bookMeta(config, [enzyme], 'x', '2026-01-01').title).toBe('Lund-oxo transaminase');
    const maths = wiki("In mathematics, a '''Lund group''' is a set with an operation.\n");
    expect(bookMeta(config, [maths], 'x', '2026-01-01').title).toBe('Lund group');
    // Not a subject the sentence does something with: "In the north, '''Lund''' grew."
    const story = wiki("In the north of the county, '''Lund''' grew quickly.\n");
    expect(bookMeta(config, [story], 'lund', '2026-01-01').title).toBe('lund');
  });

  it('reads a subject in bold italics, and one inside the brackets of a title', () => {
    const product = wiki("'''''Lund Database''''' est un système de gestion de base de données.\n");
    expect(bookMeta({ ...config, language: 'fr' }, [product], 'fr-lund', '2026-01-01').title).toBe('Lund Database');
    const italian = wiki("L''''antropologia''' è la scienza che studia l'essere umano.\n");
    expect(bookMeta({ ...config, language: 'it' }, [italian], 'it-x', '2026-01-01').title).toBe('Antropologia');
    const show = wiki("『'''ティーンズねっとわーく'''』は、1994年から放送されていた番組である。\n");
    expect(bookMeta({ ...config, language: 'ja' }, [show], 'ja-teens', '2026-01-01').title).toBe(
      'ティーンズねっとわーく',
    );
  });

  it("reads a folder name's underscores as spaces, as a wiki's page names have them", () => {
    const source = wiki('She lived in Kiel for many years and worked as a doctor in the harbour.\n');
    expect(bookMeta(config, [source], 'Anna_Lund', '2026-01-01').title).toBe('Anna Lund');
  });
});
