/**
 * Progress: an observer of the build's steps. The build says which steps it will take (`plan`), then when
 * each starts, what it is doing, and how it ended; the display is listr2's (a live list in a terminal, a
 * line per step in CI logs) or nothing. The build never depends on the display.
 */
import type { ListrRendererValue } from 'listr2';

export type ProgressStyle = 'default' | 'simple' | 'silent';

export interface Step {
  id: string;
  title: string;
}

export interface ProgressObserver {
  /** The steps this build will take, in order (before the first `start`; steps done before it are replayed). */
  plan(steps: Step[]): void;
  start(id: string): void;
  /** What a running step is doing now ("rendering (page numbers in two passes)"). */
  update(id: string, text: string): void;
  /** A step finished; `title` says what it did. */
  done(id: string, title: string): void;
  /** A step had nothing to do. */
  skip(id: string, title: string): void;
  /** The build ended (with the error that stopped it, if any): the display is closed. */
  end(error?: unknown): Promise<void>;
}

/** Displays nothing. */
export const silentProgress: ProgressObserver = {
  plan: () => undefined,
  start: () => undefined,
  update: () => undefined,
  done: () => undefined,
  skip: () => undefined,
  end: async () => undefined,
};

interface Outcome {
  kind: 'done' | 'skip';
  title: string;
}

interface StepState {
  outcome: Promise<Outcome>;
  settle: (outcome: Outcome) => void;
  fail: (error: unknown) => void;
  output?: string;
  show?: (text: string) => void;
  settled: boolean;
}

/** listr2 behind the observer: one task per planned step, each waiting for its step's outcome. */
class ListrProgress implements ProgressObserver {
  private readonly steps = new Map<string, StepState>();
  private running?: Promise<unknown>;
  private ended?: { error: unknown };

  constructor(private readonly renderer: ListrRendererValue) {}

  private state(id: string): StepState {
    let state = this.steps.get(id);
    if (!state) {
      let settle!: (outcome: Outcome) => void;
      let fail!: (error: unknown) => void;
      const outcome = new Promise<Outcome>((resolve, reject) => ((settle = resolve), (fail = reject)));
      // A step whose task never runs (the build stopped before it) must not leave an unhandled rejection.
      outcome.catch(() => undefined);
      state = { outcome, settle, fail, settled: false };
      this.steps.set(id, state);
      // A task that starts after the build ended (listr runs the planned steps in order) ends at once.
      this.close(state);
    }
    return state;
  }

  plan(steps: Step[]): void {
    const tasks = steps.map((step) => ({
      title: step.title,
      task: async (_ctx: unknown, task: { title: string; output: string }) => {
        const state = this.state(step.id);
        state.show = (text) => (task.output = text);
        if (state.output) task.output = state.output;
        const outcome = await state.outcome;
        // A step with nothing to do says so in its own words, never listr2's "[SKIPPED: …]".
        task.title =
          outcome.kind === 'skip' && outcome.title === NOT_NEEDED ? `${step.title}: not needed` : outcome.title;
      },
    }));
    const options = {
      renderer: this.renderer,
      fallbackRenderer: 'simple',
      exitOnError: true,
      // A signal stops the build through Quire's handlers (exits.ts), not listr2's (which exits with 127).
      registerSignalListeners: false,
      rendererOptions: { collapseErrors: false, showErrorMessage: false },
    } as never;
    // listr2 is loaded here, by a build that shows its progress (`--progress silent` never loads it). Each task
    // waits for its step's outcome, so steps that end before the display starts are shown as they ended.
    this.running = import('listr2').then(({ Listr }) => new Listr(tasks, options).run()).catch(() => undefined);
  }

  start(id: string): void {
    this.state(id);
  }

  update(id: string, text: string): void {
    const state = this.state(id);
    state.output = text;
    state.show?.(text);
  }

  done(id: string, title: string): void {
    this.finish(id, { kind: 'done', title });
  }

  skip(id: string, title: string): void {
    this.finish(id, { kind: 'skip', title });
  }

  private finish(id: string, outcome: Outcome): void {
    const state = this.state(id);
    state.settled = true;
    state.settle(outcome);
  }

  async end(error?: unknown): Promise<void> {
    this.ended = { error };
    for (const state of this.steps.values()) this.close(state);
    await this.running;
  }

  /** After the build: a step not reached shows the error that stopped the build, or is skipped. */
  private close(state: StepState): void {
    if (state.settled || !this.ended) return;
    state.settled = true;
    if (this.ended.error !== undefined) state.fail(this.ended.error);
    else state.settle({ kind: 'skip', title: NOT_NEEDED });
  }
}

const NOT_NEEDED = 'not needed';

export function progressFor(style: ProgressStyle): ProgressObserver {
  if (style === 'silent') return silentProgress;
  return new ListrProgress(style === 'simple' ? 'simple' : 'default');
}
