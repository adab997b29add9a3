/**
 * A stage is a pure step of the build over the model (parse a source, merge, add study aids, compare
 * editions). It declares what its result depends on; `runStage` derives the cache key from that (and from
 * Quire's own code), reuses a cached result or runs the stage, and times it. Nobody writes a cache key by
 * hand in the orchestrator (Astro's loaders declare their digests the same way).
 */
import { hashOf, type Hashable } from '../util/hash.js';
import type { BuildCache } from './cache.js';

export interface Stage<I, O> {
  /** The stage's name: its cache folder, its counters and its figure in the build's timings. */
  name: string;
  /** Everything the result depends on besides Quire's code (file bytes, config, earlier stages' keys). */
  inputs(input: I): Hashable[];
  run(input: I): O | Promise<O>;
  /** Where results are kept: 'disk' (default) for later builds too, 'memory' for this process only. */
  keep?: 'disk' | 'memory';
  /**
   * The stage's work is text work remembered per text (util/memo.ts): the last build's results are loaded
   * from the cache folder before it runs (pipeline/remembered.ts).
   */
  remembers?: boolean;
  /** What the stage made, in a line for the progress display. */
  summary?(output: O, input: I): string | Promise<string>;
}

/** What a stage needs from the build: the cache, Quire's code fingerprint, and a clock for its figures. */
export interface StageHost {
  cache: BuildCache;
  code: string;
  timed<T>(name: string, fn: () => Promise<T> | T): Promise<T>;
  /** Show a stage's summary line (the progress display's step of the stage's name). */
  report?(stage: string, line: string): void;
  /** The text work remembered between processes, loaded before a stage that `remembers` runs. */
  remembered?: { restore(): Promise<void> };
}

export interface StageResult<O> {
  output: O;
  /** The hash of the stage's inputs: what later stages and outputs that depend on this one include. */
  key: string;
}

export function stageKey<I>(stage: Stage<I, unknown>, input: I, code: string): string {
  return hashOf(code, stage.name, ...stage.inputs(input));
}

export async function runStage<I, O>(stage: Stage<I, O>, input: I, host: StageHost): Promise<StageResult<O>> {
  const key = stageKey(stage, input, host.code);
  const output = await host.timed(stage.name, () =>
    host.cache.json(
      stage.name,
      key,
      async () => {
        if (stage.remembers) await host.remembered?.restore();
        return stage.run(input);
      },
      { disk: stage.keep !== 'memory' },
    ),
  );
  if (stage.summary) host.report?.(stage.name, await stage.summary(output, input));
  return { output, key };
}
