/**
 * @module @cliffbench/webgpu-bench — WGSL matrix-vector kernels sized like Gemma 4's layers that measure the
 * memory bandwidth a GPU really delivers to an LLM's decode step. The runner works on any WebGPU
 * implementation (a browser Worker, or Dawn in Node); the comlink Worker entry is
 * `@cliffbench/webgpu-bench/worker`. Named re-exports only.
 */

export { blocksPerRow, type FormatSpec, formats, matrixBytes } from './formats/formats.js';
export { fromHalfBits, toHalfBits } from './formats/half.js';
export { type PackedRows, packRows, type RowReference, randomVector, referenceRow } from './formats/pack.js';
export { rowRandom, Xorshift32 } from './formats/random.js';
export { type GemvShape, gemvKernels, MAX_ROWS_PER_WORKGROUP } from './gemv/gemv-kernels.js';
export {
  createGemvWorkload,
  type GemvMatrix,
  type GemvRequest,
  type GemvWorkload,
} from './gemv/gemv-workload.js';
export {
  type AdapterSummary,
  type GpuContext,
  type GpuTarget,
  type OpenOptions,
  openGpu,
  type ProbeInfo,
  probeAdapter,
} from './gpu/open-gpu.js';
export {
  chooseTimer,
  createTimestampTimer,
  createWallClockTimer,
  type EncodeWork,
  MAX_QUEUED_SECONDS,
  type PassTimer,
  passesWithin,
  type Timing,
} from './gpu/pass-timer.js';
export {
  type MeasuredRuns,
  type MeasureHooks,
  type MeasureSettings,
  MIN_TIMED_SECONDS,
  measureRuns,
} from './measure/measure-runs.js';

export { decodeGemvs, type GemvProblem, gemvProblem } from './plan/decode-gemvs.js';
export { type BenchPlan, type DecodeStepPlan, fullPlan, quickPlan } from './plan/plan.js';
export { browserOf } from './run/browser-of.js';
export { truncateStep } from './run/decode-phase.js';
export { fitFormats } from './run/fits.js';
export type { Progress, RunControl, RunEnvironment, RunOptions } from './run/run-state.js';
export { measuredFormats, runBenchmark } from './run/runner.js';
export { streamReadWGSL } from './stream/stream-read.wgsl.gen.js';
export {
  createStreamWorkload,
  DEFAULT_STREAM_SHAPE,
  type StreamOptions,
  type StreamShape,
  type StreamWorkload,
} from './stream/stream-workload.js';
export type { BenchWorkerApi } from './worker.js';
