/** Opening what Quire writes, the way a reader's tools would: poppler for PDFs, epubcheck for EPUBs. */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

export function pdfText(file: string, page?: number): string {
  const args = page ? ['-f', String(page), '-l', String(page)] : [];
  // As a reader's search sees it: a soft hyphen in the text layer would be a defect (see tests/e2e/reader.test.ts).
  return execFileSync('pdftotext', [...args, '-layout', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

export function pdfFonts(file: string): { name: string; embedded: boolean }[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name type... encoding emb sub uni object ID: emb is the 5th column from the end.
      return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' };
    });
}

export const EPUBCHECK_JAR = '/usr/share/java/epubcheck.jar';

export function epubcheck(file: string): { errors: number; warnings: number; fatals: number; output: string } {
  const r = spawnSync('java', ['-jar', EPUBCHECK_JAR, file], { encoding: 'utf8' });
  const output = `${r.stdout}\n${r.stderr}`;
  const m = /Messages: (\d+) fatals? \/ (\d+) errors? \/ (\d+) warnings?/.exec(output);
  if (!m) throw new Error(`epubcheck did not run: ${output.slice(0, 500)}`);
  return { fatals: Number(m[1]), errors: Number(m[2]), warnings: Number(m[3]), output };
}

/**
 * What a person sees in an output folder: its files without Quire's own bookkeeping (cache, manifest, the
 * current generation and the link to it).
 */
export function outputNames(dir: string): string[] {
  return readdirSync(dir)
    .filter(
      (n) =>
        !['.quire-cache', '.quire-manifest.json', '.quire-current', '.quire-guide'].includes(n) &&
        !n.startsWith('.quire-gen-'),
    )
    .sort();
}

/** The entries of a PDF's contents page (page 3), each with whether its heading is on the page it names. */
export function contentsEntries(file: string): { title: string; page: number; found: boolean }[] {
  const contents = pdfText(file, 3);
  return [...contents.matchAll(/^(.+?)\s{2,}(\d+)\s*$/gm)].map((m) => {
    const title = m[1]!.trim();
    const page = Number(m[2]);
    const heading = title.replace(/^(\d+)\. /, '$1 ');
    return { title, page, found: pdfText(file, page).replace(/\s+/g, ' ').includes(heading.slice(0, 40)) };
  });
}
