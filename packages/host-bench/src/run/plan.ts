/**
 * @module run/plan — what the RAM benchmark runs: how many workers, how much memory, how long each round
 * lasts and when sampling stops.
 */

import type { StopRule } from '@cliffbench/core';
import { WASM_PAGE_BYTES } from '../kernels/ram-kernels.js';

const MiB = 2 ** 20;

/** Settings of one RAM benchmark run. */
export interface RamPlan extends StopRule {
  /**
   * Buffer bytes of all workers of a step together; each of N workers streams totalBytes / N. Far larger than
   * any desktop CPU's last-level cache (32-128 MiB on current parts, e.g. AMD's 96 MiB 3D V-Cache,
   * https://www.amd.com/en/products/processors/desktops/ryzen/7000-series/amd-ryzen-7-7800x3d.html).
   * Halved until the allocation succeeds. @default 256 MiB
   */
  readonly totalBytes: number;
  /** A step whose per-worker buffer would fall below this is skipped, bytes. @default 8 MiB */
  readonly minWorkerBytes: number;
  /** Most workers at once. @default the logical cores */
  readonly maxThreads?: number;
  /** Shortest timed round, seconds; raised to 100 steps of the measured timer resolution. @default 0.02 */
  readonly minRoundSeconds: number;
  /** Untimed rounds before the samples count. @default 2 */
  readonly warmup: number;
  /** Rounds asked for at a time after the first batch. @default 4 */
  readonly batchRounds: number;
  /** Smallest working set of the cache sweep, bytes (doubling up to the single worker's buffer). @default 16 KiB */
  readonly sweepMinBytes: number;
  /** Largest working set of the cache sweep, bytes. @default the single worker's buffer */
  readonly sweepMaxBytes?: number;
}

export const defaultRamPlan: RamPlan = {
  totalBytes: 256 * MiB,
  minWorkerBytes: 8 * MiB,
  minRoundSeconds: 0.02,
  warmup: 2,
  batchRounds: 4,
  sweepMinBytes: 16 * 1024,
  minSamples: 5,
  maxSamples: 30,
  targetCi95: 0.02,
  maxSeconds: 1.5,
};

/** Worker counts of the thread sweep: 1, 2, 4 … below the cap, then the cap itself. */
export function threadCounts(logicalCores: number, maxThreads = logicalCores): number[] {
  const cap = Math.max(1, Math.floor(Math.min(logicalCores, maxThreads)));
  const counts: number[] = [];
  for (let n = 1; n < cap; n *= 2) counts.push(n);
  counts.push(cap);
  return counts;
}

/** Working sets of the cache sweep: powers of two from `minBytes` up to `maxBytes`, bytes. */
export function sweepSizes(minBytes: number, maxBytes: number): number[] {
  const sizes: number[] = [];
  for (let size = 2 ** Math.ceil(Math.log2(minBytes)); size <= maxBytes; size *= 2) sizes.push(size);
  return sizes;
}

/** Largest multiple of the WebAssembly page not above `bytes`. */
export function pagesDown(bytes: number): number {
  return Math.floor(bytes / WASM_PAGE_BYTES) * WASM_PAGE_BYTES;
}
