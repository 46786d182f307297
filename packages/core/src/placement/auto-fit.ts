/**
 * @module placement/auto-fit — llama.cpp's automatic fit (`--fit`, `llama_params_fit`, ggml-org/llama.cpp
 * PR #16653): keep a free-memory margin on the GPU; for MoE models move routed-expert tensors to RAM first,
 * layer by layer, and only then whole layers. Binary searches over monotone memory sums.
 */
import type { ResolvedScenario } from '../estimate/resolved.js';
import { type ContextSizes, gpuBytesOf, splitMemory } from './memory.js';

const MIB = 2 ** 20;

/** `--fit-target`: free memory llama.cpp leaves on each device, 1024 MiB by default (common/arg.cpp, PR #16653). */
export const FIT_MARGIN_BYTES = 1024 * MIB;

/** Largest n in [lo, hi] with ok(n), assuming ok is true up to some point and false after; lo - 1 if none. */
function largest(lo: number, hi: number, ok: (n: number) => boolean): number {
  let best = lo - 1;
  let a = lo;
  let b = hi;
  while (a <= b) {
    const mid = (a + b) >> 1;
    if (ok(mid)) {
      best = mid;
      a = mid + 1;
    } else b = mid - 1;
  }
  return best;
}

/** Smallest n in [lo, hi] with ok(n), assuming ok is false up to some point and true after; hi + 1 if none. */
function smallest(lo: number, hi: number, ok: (n: number) => boolean): number {
  let best = hi + 1;
  let a = lo;
  let b = hi;
  while (a <= b) {
    const mid = (a + b) >> 1;
    if (ok(mid)) {
      best = mid;
      b = mid - 1;
    } else a = mid + 1;
  }
  return best;
}

/** A split: GPU layers and layers whose routed experts stay in RAM. */
export interface Split {
  readonly gpuLayers: number;
  readonly cpuMoeLayers: number;
}

/**
 * The split llama.cpp's fit chooses for `budgetBytes` of accelerator memory (runtime and margin already taken
 * off): everything if it fits; else, when `moveExperts`, the fewest leading layers' experts in RAM; else (or if
 * even all experts in RAM is too much) the most GPU layers that fit with `minCpuMoeLayers` experts in RAM.
 */
export function autoFit(
  r: ResolvedScenario,
  sizes: ContextSizes,
  budgetBytes: number,
  moveExperts: boolean,
  minCpuMoeLayers = 0,
): Split {
  return autoFitWith(
    r,
    (gpuLayers, cpuMoeLayers) => gpuBytesOf(splitMemory(r, sizes, gpuLayers, cpuMoeLayers)) <= budgetBytes,
    moveExperts,
    minCpuMoeLayers,
  );
}

/** `autoFit` for any memory test `fits(gpuLayers, cpuMoeLayers)`, e.g. every GPU of several within its budget. */
export function autoFitWith(
  r: ResolvedScenario,
  fits: (gpuLayers: number, cpuMoeLayers: number) => boolean,
  moveExperts: boolean,
  minCpuMoeLayers = 0,
): Split {
  const n = r.sums.layerCount;
  if (fits(n, minCpuMoeLayers)) return { gpuLayers: n, cpuMoeLayers: minCpuMoeLayers };
  const hasExperts = (r.sums.cumExpertBytes[n] ?? 0) > 0;
  if (moveExperts && hasExperts) {
    const m = smallest(minCpuMoeLayers, n, (k) => fits(n, k));
    if (m <= n) return { gpuLayers: n, cpuMoeLayers: m };
  }
  const cpuMoeLayers = moveExperts && hasExperts ? n : minCpuMoeLayers;
  const gpuLayers = Math.max(
    0,
    largest(0, n, (k) => fits(k, cpuMoeLayers)),
  );
  return { gpuLayers, cpuMoeLayers };
}
