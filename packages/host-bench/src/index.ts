/**
 * @module @cliffbench/host-bench — measures the host's RAM bandwidth, the slow side of the VRAM cliff: a
 * WebAssembly SIMD read (and copy) kernel run in N workers at once, each over its own buffer, every sum checked
 * against a JavaScript reference. Runs in browser Workers; the Node worker_threads side is
 * `@cliffbench/host-bench/node`.
 */
export {
  instantiateRamKernels,
  KERNEL_ALIGN_BYTES,
  MAX_BUFFER_BYTES,
  type RamKernels,
  ramKernelsWasm,
  WASM_PAGE_BYTES,
  wasmSimdSupported,
} from './kernels/ram-kernels.js';
export { fillRandomWords, firstDifference, referenceSum, repeatedSum } from './kernels/reference.js';
export { type KernelTiming, measureKernel, slowestPerRound, summarizeRounds } from './run/measure-kernel.js';
export { defaultRamPlan, pagesDown, type RamPlan, sweepSizes, threadCounts } from './run/plan.js';
export { PLATEAU_TOLERANCE, plateaus } from './run/plateaus.js';
export { type RamProgress, type RamRunOptions, runRamBenchmark } from './run/runner.js';

export {
  type BarrierMode,
  type GroupOptions,
  openWorkerGroup,
  type WorkerGroup,
} from './run/worker-group.js';
export { atomicsBarrier, createBarrierBuffer } from './worker/barrier.js';
export type { FromWorker, RamKernelName, ToWorker, WorkerErrorCode } from './worker/protocol.js';
export { type RamWorkerScope, serveRamWorker } from './worker/serve-worker.js';
export {
  type BrowserWorkerLike,
  browserRamWorker,
  type RamWorkerPort,
  type SpawnRamWorker,
  serveRamWorkerOn,
  type WorkerScopeLike,
} from './worker/worker-port.js';
