/** Text helpers shared by the readers: decoding and line arithmetic. */

/** Normalise what editors and dumps put in files: BOM, CRLF/CR line ends. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Maps string offsets to 1-based lines, by binary search over line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  line(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

/** Collapse runs of whitespace and trim. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
