/**
 * @module tune/search-placements — for one context and KV type, the fastest split of the model between
 * GPU and RAM that fits each memory margin.
 *
 * A split is llama.cpp's pair `-ngl` (the last g layers on the GPU) and `--n-cpu-moe` (routed experts of
 * the first e layers in RAM). For each g the search takes the fewest expert layers in RAM that fit (GPU
 * bytes fall as e rises, so a binary search finds it), and keeps the fastest g. Experts-first ladders
 * (as llama.cpp's `--fit` uses) are not enough: at long contexts a whole layer frees its KV cache too, so
 * a few layers wholly on the CPU can beat many layers' experts in RAM.
 */
import type { KvCacheTypeName } from '../estimate/scenario.js';
import { type Candidate, type CandidateEstimate, fitsDevice, type TuneEvaluator } from './evaluator.js';

/** One split: `gpuLayers` last layers on the GPU, experts of the first `cpuMoeLayers` layers in RAM. */
export interface Placement {
  readonly gpuLayers: number;
  readonly cpuMoeLayers: number;
}

/** The fastest fitting placement for one margin. */
export interface PlacementFit {
  readonly marginBytes: number;
  readonly candidate: Candidate;
  readonly estimate: CandidateEstimate;
}

/**
 * For one context and KV type, the fastest split that fits each margin (margins nothing fits are left
 * out of `fits`).
 * @param margins bytes, any order.
 */
export function bestPlacements(
  evaluator: TuneEvaluator,
  contextTokens: number,
  kvCacheType: KvCacheTypeName,
  margins: readonly number[],
): { readonly fits: PlacementFit[]; readonly evaluations: number } {
  const { totalLayers: n, moeLayers } = evaluator.shape;
  const seen = new Map<number, CandidateEstimate>();
  const at = (g: number, e: number): CandidateEstimate => {
    const key = g * (n + 2) + e;
    let found = seen.get(key);
    if (found === undefined) {
      found = evaluator.estimate({ contextTokens, kvCacheType, gpuLayers: g, cpuMoeLayers: e });
      seen.set(key, found);
    }
    return found;
  };
  const fits: PlacementFit[] = [];
  const layerCounts = evaluator.cpuOnly ? [0] : Array.from({ length: n + 1 }, (_, i) => n - i);
  for (const margin of margins) {
    let best: PlacementFit | undefined;
    for (const g of layerCounts) {
      // Expert counts at or below the CPU layers change nothing: they are in RAM already.
      const none = Math.min(n - g, moeLayers);
      if (!fitsDevice(at(g, moeLayers), margin)) continue;
      let lo = none;
      let hi = moeLayers; // the fewest expert layers in RAM that fit lies in [lo, hi]
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (fitsDevice(at(g, mid), margin)) hi = mid;
        else lo = mid + 1;
      }
      const estimate = at(g, lo);
      const fitsRam = estimate.hostBytes <= estimate.hostCapacityBytes;
      if (fitsRam && estimate.decodeTokensPerSecond > (best?.estimate.decodeTokensPerSecond ?? 0)) {
        // Experts of CPU layers are in RAM anyway: say 0 rather than a count that changes nothing.
        const cpuMoeLayers = lo === none ? 0 : lo;
        best = {
          marginBytes: margin,
          candidate: { contextTokens, kvCacheType, gpuLayers: g, cpuMoeLayers },
          estimate,
        };
      }
      // Every layer on the GPU keeps its experts: fewer GPU layers can only be slower.
      if (lo === none && fitsRam) break;
    }
    if (best !== undefined) fits.push(best);
  }
  return { fits, evaluations: seen.size };
}

/**
 * Contexts to try: the one asked for, then halving down to `minContextTokens` (which is always tried
 * last), as `--fit` shrinks the context down to `--fit-ctx` before it spills weights.
 */
export function contextLadder(requested: number, minContextTokens: number): number[] {
  const floor = Math.min(requested, minContextTokens);
  const out = [requested];
  for (let c = requested / 2; c > floor; c /= 2) {
    const rounded = Math.round(c / 256) * 256;
    if (rounded > floor && rounded < (out.at(-1) ?? Infinity)) out.push(rounded);
  }
  if (floor < requested) out.push(floor);
  return out;
}
