import { createHash } from 'node:crypto';

export type Hashable =
  string | Uint8Array | number | boolean | null | undefined | Hashable[] | { [key: string]: unknown };

/** SHA-256 of the parts, each framed so that ("ab", "c") and ("a", "bc") differ. Objects hash as JSON. */
export function hashOf(...parts: Hashable[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? part : part instanceof Uint8Array ? part : JSON.stringify(part ?? null);
    hash
      .update(String(typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length))
      .update(':')
      .update(bytes);
  }
  return hash.digest('hex');
}
