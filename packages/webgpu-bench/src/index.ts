/**
 * @module @cliffbench/webgpu-bench — WGSL GEMV kernels sized like Gemma 4 layers that measure a device's
 * effective decode bandwidth. The runner works on any WebGPU implementation (browser Worker or Dawn in Node);
 * the Worker entry is `@cliffbench/webgpu-bench/worker`.
 */
export { BenchError, type BenchErrorCode } from './errors.js';
export {
  type FormatSpec,
  formats,
  matrixBytes,
  type PackedMatrix,
  randomMatrix,
  randomVector,
  referenceGemv,
} from './formats.js';
export { createGemvWorkload, type GemvRequest, type GemvWorkload } from './gemv-workload.js';
export {
  type AdapterSummary,
  type GpuContext,
  type OpenOptions,
  openGpu,
  type ProbeInfo,
  probeAdapter,
} from './gpu-context.js';
export { fromHalfBits, toHalfBits } from './half.js';
export { type GemvShape, gemvWGSL } from './kernels/gemv.wgsl.js';
export { streamReadWGSL } from './kernels/stream-read.wgsl.js';
export { MIN_PASS_SECONDS, measureRuns } from './measure.js';
export { createPassTimer, type PassTimer } from './pass-timer.js';
export { type BenchPlan, fullPlan, type GemvProblem, layerProblems, quickPlan } from './plan.js';
export { Xorshift32 } from './random.js';
export {
  type Progress,
  type RunControl,
  type RunEnvironment,
  type RunOptions,
  runBenchmark,
} from './runner.js';
export { ci95Relative, enoughSamples, median, quantile, type StopRule } from './stats.js';
export { createStreamWorkload, type StreamWorkload } from './stream-workload.js';
export { measureUpload, type UploadResult } from './upload.js';
export type { BenchWorkerApi } from './worker.js';
