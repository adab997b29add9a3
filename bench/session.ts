/**
 * A build session over a copy of a content folder, as `quire watch` runs one, with a one-paragraph edit
 * that changes the same paragraph anew each time: for the bench's warm figures and the warm profile.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type BuildSession } from '../src/pipeline/build.js';
import { BuildCache } from '../src/pipeline/cache.js';
import type { Format } from '../src/render/registry.js';

export interface EditSession {
  /** Change one paragraph of the later revision (a new text each time). */
  edit(): void;
  /** A build of `formats` in the session, after the last build's cache writes are done; its milliseconds and stages. */
  build(formats: Format[]): Promise<{ ms: number; stages: Record<string, number> }>;
  close(): Promise<void>;
}

export function editSession(content: string): EditSession {
  const dir = mkdtempSync(path.join(tmpdir(), 'quire-warm-'));
  cpSync(content, dir, { recursive: true });
  const out = path.join(dir, 'out');
  const session: BuildSession = { cache: new BuildCache(path.join(out, '.quire-cache')) };
  const file = path.join(dir, 'later-revision.wiki');
  const original = readFileSync(file, 'utf8');
  let edits = 0;
  return {
    edit: () =>
      writeFileSync(
        file,
        original.replace('annulling all mutual claims', `annulling all mutual claims (edit ${++edits})`),
      ),
    build: async (formats) => {
      // A person saves now and then: the last build's cache writes (behind the build) are done by the next save.
      await session.cache.settle();
      const t = performance.now();
      const result = await build({ contentDir: dir, outDir: out, progress: 'silent', session, formats });
      return { ms: performance.now() - t, stages: result.stages };
    },
    close: async () => {
      try {
        await session.browsers?.close();
      } finally {
        await session.cache.settle();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
