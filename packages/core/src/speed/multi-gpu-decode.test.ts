import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../estimate/resolve-scenario.js';
import type { ScenarioInput } from '../estimate/scenario.js';
import { place } from '../placement/place.js';
import {
  decodeTimeAnyGpus,
  MULTI_GPU_COSTS,
  multiGpuCostCounts,
  NO_MULTI_GPU_COSTS,
} from './multi-gpu-decode.js';

const LLAMA_8B = { model: 'llama-3-8b', quant: 'Q4_K_M', backend: 'cuda', flashAttention: true } as const;

function countsOf(s: ScenarioInput) {
  const r = resolveScenario(s);
  const p = place(r);
  return { r, p, counts: multiGpuCostCounts(p, r.sums.layerCount) };
}

describe('multi-GPU fixed costs', () => {
  it('layer split pays one hand-over per boundary between the GPUs used', () => {
    const { counts } = countsOf({ ...LLAMA_8B, device: '4x rtx 4090' });
    expect(counts).toEqual({ ...NO_MULTI_GPU_COSTS, layerHandoverSeconds: 3 });
  });

  it('row split pays a sync per layer and a gather per layer and extra GPU', () => {
    const { counts } = countsOf({ ...LLAMA_8B, device: '3x rtx 3090', splitMode: 'row' });
    expect(counts).toEqual({
      ...NO_MULTI_GPU_COSTS,
      rowSyncSecondsPerLayer: 32,
      rowGatherSecondsPerLayerPeer: 64,
    });
  });

  it('tensor split pays its all-reduces per layer', () => {
    const { counts } = countsOf({ ...LLAMA_8B, device: '2x rtx 4090', splitMode: 'tensor' });
    expect(counts).toEqual({ ...NO_MULTI_GPU_COSTS, tensorSyncSecondsPerLayer: 32 });
  });

  it('one GPU pays none, and the costs add to the cost-free decode time as counts × costs', () => {
    expect(countsOf({ ...LLAMA_8B, device: 'rtx 4090' }).counts).toEqual(NO_MULTI_GPU_COSTS);
    const { r, p, counts } = countsOf({ ...LLAMA_8B, device: '3x rtx 3090', splitMode: 'row' });
    const free = decodeTimeAnyGpus(r, p, undefined, undefined, NO_MULTI_GPU_COSTS).secondsPerToken;
    const paid = decodeTimeAnyGpus(r, p).secondsPerToken;
    const expected =
      counts.rowSyncSecondsPerLayer * MULTI_GPU_COSTS.rowSyncSecondsPerLayer +
      counts.rowGatherSecondsPerLayerPeer * MULTI_GPU_COSTS.rowGatherSecondsPerLayerPeer;
    expect(paid - free).toBeCloseTo(expected, 9);
  });
});
