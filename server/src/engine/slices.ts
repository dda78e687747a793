// Long synchronous work on a large file (parsing, modelling, resolving a multi-megabyte text), cut into steps: the work
// is written as a generator that yields now and then (every few dozen declarations), and whoever drives it decides whether
// to let the event loop in there. The language server answers other requests, and notices cancellation, between slices.
import { throwIfCancelled } from './comparison';

/** Work that yields between steps and returns T at the end. */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to the end at once: for callers that do not wait (fixes, tests, small files). */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const result = steps.next();
    if (result.done) return result.value;
  }
}

/** How long work runs before the checker lets the server answer other requests. */
export const SLICE_MS = 5;

/**
 * One check's turns of the event loop: `run` drives steps, `pause` is a step of the checker's own loops. After each turn
 * the check stops if it was cancelled, and `resumed` runs (models shared with other checks may need resolving again).
 */
export class Slicer {
  // Date.now(): asked at every step, it must not allocate (process.hrtime.bigint() made the first check of a large
  // workspace collect garbage for a second longer) nor load perf_hooks (performance.now(): 2-3 ms of a command's start).
  private last = Date.now();

  constructor(readonly signal: AbortSignal | undefined) {}

  /** Called after every turn of the event loop, before the work goes on. */
  resumed: (() => void) | undefined;

  async run<T>(steps: Steps<T>): Promise<T> {
    for (;;) {
      const result = steps.next();
      if (result.done) return result.value;
      await this.pause();
    }
  }

  /** Lets the event loop in when the work has run a slice's time since the last turn. */
  async pause(): Promise<void> {
    const elapsedMs = Date.now() - this.last;
    // A wall clock set back gives a negative time: the turn is taken then rather than after the clock catches up.
    if (elapsedMs >= 0 && elapsedMs <= SLICE_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.last = Date.now();
    throwIfCancelled(this.signal);
    this.resumed?.();
  }
}
