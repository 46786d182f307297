/**
 * @module bench/bench-client — the benchmark Worker behind comlink: created on first use, probed, run with
 * progress, and cancelled. Cancel asks the runner to stop at its next submission; if it has not stopped
 * within `HARD_CANCEL_MS` (a long software dispatch), the Worker is terminated and a fresh one made next
 * time, so Cancel always works.
 */
import type { ResultDocument } from '@cliffbench/core';
import type { BenchPlan, BenchWorkerApi, ProbeInfo, Progress } from '@cliffbench/webgpu-bench';
import { proxy, type Remote, wrap } from 'comlink';

/** How long a cancelled run may take to stop on its own before the Worker is terminated, ms. */
const HARD_CANCEL_MS = 4000;

let worker: Worker | undefined;
let api: Remote<BenchWorkerApi> | undefined;

function remote(): Remote<BenchWorkerApi> {
  if (api === undefined) {
    worker = new Worker(new URL('./bench-worker.ts', import.meta.url), {
      type: 'module',
      name: 'cliffbench-gpu',
    });
    api = wrap<BenchWorkerApi>(worker);
  }
  return api;
}

function terminate(): void {
  worker?.terminate();
  worker = undefined;
  api = undefined;
}

/** Adapter identity, features and limits; rejects with the reason WebGPU is unavailable. */
export function probe(): Promise<ProbeInfo> {
  return remote().probe();
}

/** An error like the runner's own when a run was cancelled. */
function cancelledError(): Error {
  return Object.assign(new Error('The benchmark was cancelled.'), { code: 'cancelled' });
}

/** A running benchmark. */
export interface RunHandle {
  readonly done: Promise<ResultDocument>;
  cancel(): void;
}

/** Starts `plan` in the Worker. */
export function startRun(plan: BenchPlan, onProgress: (p: Progress) => void, appVersion: string): RunHandle {
  const w = remote();
  let abort: ((e: Error) => void) | undefined;
  const hard = new Promise<never>((_, reject) => {
    abort = reject;
  });
  let finished = false;
  const run = w.run(plan, proxy(onProgress), appVersion).finally(() => {
    finished = true;
  });
  const done = Promise.race([run, hard]);
  run.catch(() => undefined);
  return {
    done,
    cancel() {
      void w.cancel();
      setTimeout(() => {
        if (finished) return;
        terminate();
        abort?.(cancelledError());
      }, HARD_CANCEL_MS);
    },
  };
}

/** Pause the run while the page is hidden (a background tab's timings are throttled). */
export function setPaused(paused: boolean): void {
  if (api !== undefined) void api.setPaused(paused);
}
