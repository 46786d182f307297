/**
 * @module worker — the Web Worker entry: exposes probe / run / cancel / setPaused through comlink so the
 * page's UI thread never blocks. No Node imports here. Load it with
 * `new Worker(new URL('@cliffbench/webgpu-bench/worker', import.meta.url), { type: 'module' })` or a
 * module that imports it (Vite bundles it either way).
 */
import type { ResultDocument } from '@cliffbench/core';
import { expose } from 'comlink';
import { type ProbeInfo, probeAdapter } from './gpu/open-gpu.js';
import type { BenchPlan } from './plan/plan.js';
import { browserOf } from './run/browser-of.js';
import type { Progress } from './run/run-state.js';
import { runBenchmark } from './run/runner.js';

/** The Worker's API as seen through comlink's `wrap<BenchWorkerApi>(worker)`. */
export interface BenchWorkerApi {
  /** Adapter identity, features and limits, without creating a device. */
  probe(): Promise<ProbeInfo>;
  /**
   * Runs `plan` (plain data, e.g. `quickPlan()`); `onProgress` must be a comlink `proxy`. Resolves to a
   * result document valid against core's ResultDocumentSchema. `appVersion` @default '0.0.0'.
   */
  run(plan: BenchPlan, onProgress?: (p: Progress) => void, appVersion?: string): Promise<ResultDocument>;
  /** Stops the running benchmark at its next submission; `run` rejects with a 'cancelled' error. */
  cancel(): void;
  /** Pause while the page is hidden (a background tab's timings are not representative); resume on false. */
  setPaused(paused: boolean): void;
}

const control = { cancelled: false, paused: false };
const gpu = (): GPU | undefined => (globalThis.navigator as Navigator | undefined)?.gpu;

const api: BenchWorkerApi = {
  probe: () => probeAdapter(gpu()),
  run(plan, onProgress, appVersion = '0.0.0') {
    control.cancelled = false;
    const nav = globalThis.navigator as Navigator;
    const browser = browserOf(nav.userAgent);
    return runBenchmark({
      gpu: gpu(),
      plan,
      appVersion,
      control,
      ...(onProgress ? { onProgress } : {}),
      environment: {
        runtime: 'browser',
        userAgent: nav.userAgent.slice(0, 1000),
        ...(browser ? { browser } : {}),
        ...(nav.hardwareConcurrency ? { logicalCores: nav.hardwareConcurrency } : {}),
      },
    });
  },
  cancel() {
    control.cancelled = true;
  },
  setPaused(paused) {
    control.paused = paused;
  },
};

expose(api);
