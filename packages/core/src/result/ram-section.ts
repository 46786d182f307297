/**
 * @module result/ram-section — the host-RAM section of a result document: what the WebAssembly RAM benchmark
 * (@cliffbench/host-bench) measured, and the calibration figure the estimator takes from it.
 */
import { z } from 'zod';
import type { Calibration } from '../estimate/scenario.js';

const finite = z.number().finite();
const positive = finite.positive();
const nonNegative = finite.nonnegative();
const count = (max: number) => z.number().int().positive().max(max);
/** Timing samples, seconds: per round, the slowest worker's time. */
const Samples = z.array(positive).min(1).max(1000);

/** `read` sums a buffer with v128 loads; `copy` copies its first half onto its second half. */
export const RamKernelSchema = z.enum(['read', 'copy']);

/** One kernel timed with N workers at once, each over its own buffer. */
export const RamMeasurementSchema = z.strictObject({
  kernel: RamKernelSchema,
  /** Workers running at once. */
  threads: count(4096),
  /** Buffer each worker streams through per repetition, bytes (copy: half read, half written). */
  bytesPerWorker: positive,
  /** Repetitions over the buffer per timed round. */
  repsPerRound: count(2 ** 31),
  /** Bytes moved by all workers in one round (copy counts bytes read plus bytes written, as STREAM does). */
  bytesPerRound: positive,
  /** Seconds per round, each the slowest worker's. */
  samplesSeconds: Samples,
  medianSeconds: positive,
  /** Relative half-width of the 95% confidence interval of the mean. */
  ci95Relative: nonNegative,
  /** bytesPerRound / medianSeconds / 1e9. */
  bandwidthGBs: positive,
});

/** A single-worker read over a working set of the given size: where the caches stop helping. */
export const RamSweepPointSchema = z.strictObject({
  workingSetBytes: positive,
  repsPerRound: count(2 ** 31),
  samplesSeconds: Samples,
  medianSeconds: positive,
  ci95Relative: nonNegative,
  bandwidthGBs: positive,
});

/** A run of sweep points with about the same bandwidth: one cache level, or RAM for the last. */
export const RamPlateauSchema = z.strictObject({
  fromBytes: positive,
  toBytes: positive,
  /** Median bandwidth of the plateau's points. */
  bandwidthGBs: positive,
});

export const RamSectionSchema = z.strictObject({
  /** `browser` (Web Workers) or `node` (worker_threads). */
  runtime: z.enum(['browser', 'node']),
  /** `navigator.hardwareConcurrency` / `os.availableParallelism()`. */
  logicalCores: count(4096),
  /** How the workers start each round together: SharedArrayBuffer + Atomics, or coordinator messages. */
  barrier: z.enum(['atomics', 'message']),
  /** Step of performance.now() observed in a worker, seconds. */
  timerResolutionSeconds: nonNegative,
  /** Shortest timed round, seconds (≥ 100 timer steps, so quantisation stays under 1%). */
  minRoundSeconds: positive,
  /** Buffer bytes asked for, all workers together. */
  requestedBytes: positive,
  /** Smallest total actually allocated by a step of the thread sweep, bytes. */
  allocatedBytes: positive,
  /** What was shrunk or skipped, and why. */
  notes: z.array(z.string().max(300)).max(20),
  threadSweep: z.array(RamMeasurementSchema).min(1).max(128),
  workingSetSweep: z.array(RamSweepPointSchema).max(64),
  plateaus: z.array(RamPlateauSchema).max(32),
  /** Read bandwidth of one worker, GB/s. */
  singleThreadReadGBs: positive,
  /** Highest read bandwidth of any worker count, GB/s, and that count. */
  bestReadGBs: positive,
  bestReadThreads: count(4096),
  singleThreadCopyGBs: positive,
  bestCopyGBs: positive,
  /** Wall time of the RAM benchmark, seconds. */
  durationSeconds: positive,
});

export type RamKernel = z.infer<typeof RamKernelSchema>;
export type RamMeasurement = z.infer<typeof RamMeasurementSchema>;
export type RamSweepPoint = z.infer<typeof RamSweepPointSchema>;
export type RamPlateau = z.infer<typeof RamPlateauSchema>;
export type RamSection = z.infer<typeof RamSectionSchema>;

/**
 * The calibration a RAM section gives the estimator: the best all-worker read bandwidth, since llama.cpp
 * reads CPU-held weights with all its threads. Merge it into a scenario's `calibration`.
 */
export function ramCalibration(ram: RamSection): Pick<Calibration, 'ramBandwidthGBs'> {
  return { ramBandwidthGBs: ram.bestReadGBs };
}
