/** @module bench/bench-client — the benchmark Worker behind comlink, created on first use. */
import type { BenchWorkerApi } from '@cliffbench/webgpu-bench';
import { type Remote, wrap } from 'comlink';

let worker: Worker | undefined;
let api: Remote<BenchWorkerApi> | undefined;

export function benchWorker(): Remote<BenchWorkerApi> {
  if (!api) {
    worker = new Worker(new URL('./bench-worker.ts', import.meta.url), { type: 'module' });
    api = wrap<BenchWorkerApi>(worker);
  }
  return api;
}

/** Why this browser cannot run the benchmark, or undefined when it can try. */
export function webgpuUnavailableReason(): string | undefined {
  if (!globalThis.isSecureContext)
    return 'WebGPU needs a secure context: open the page over https:// or from localhost.';
  if (!('gpu' in navigator)) {
    return 'This browser does not expose WebGPU (navigator.gpu). Use a current Chrome, Edge or Safari, or enable WebGPU in the browser flags. Estimates below use spec-sheet numbers.';
  }
  return undefined;
}
