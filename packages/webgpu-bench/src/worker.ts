/**
 * @module worker — the Web Worker entry: exposes probe / run / cancel / setPaused through comlink so the
 * page's UI thread never blocks. No Node imports here.
 */
import type { ResultDocument } from '@cliffbench/core';
import { expose } from 'comlink';
import { type ProbeInfo, probeAdapter } from './gpu-context.js';
import type { BenchPlan } from './plan.js';
import { type Progress, runBenchmark } from './runner.js';

const control = { cancelled: false, paused: false };
const gpu = (): GPU | undefined => (globalThis.navigator as Navigator | undefined)?.gpu;

export interface BenchWorkerApi {
  probe(): Promise<ProbeInfo>;
  run(plan: BenchPlan, onProgress: (p: Progress) => void, appVersion: string): Promise<ResultDocument>;
  cancel(): void;
  /** Pause while the tab is hidden (timings of a background tab are not representative). */
  setPaused(paused: boolean): void;
}

const api: BenchWorkerApi = {
  probe: () => probeAdapter(gpu()),
  run(plan, onProgress, appVersion) {
    control.cancelled = false;
    const nav = globalThis.navigator as Navigator;
    return runBenchmark({
      gpu: gpu(),
      plan,
      appVersion,
      control,
      onProgress,
      environment: {
        runtime: 'browser',
        userAgent: nav.userAgent.slice(0, 1000),
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
