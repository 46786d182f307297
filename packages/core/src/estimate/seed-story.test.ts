import { describe, expect, it } from 'vitest';
import { estimateDetailed, type ScenarioInput } from '../index.js';

// The project's seed story (README.md): an RTX 3060 12GB with 32 GB of dual-channel DDR4-3200 running Gemma 4.
const seed = (model: string): ScenarioInput => ({
  model,
  quant: 'Q4_K_M',
  device: 'RTX 3060 12GB',
  host: { ramGB: 32, ramBandwidthGBs: 51.2 },
});

describe('Gemma 4 on an RTX 3060 12GB with 32 GB of DDR4', () => {
  const dense = estimateDetailed(seed('gemma-4-31b'));
  const moe = estimateDetailed(seed('gemma-4-26b-a4b'));
  const small = estimateDetailed(seed('gemma-4-e4b'));

  it('does not fit the 31B on the GPU: llama.cpp splits its layers and decode collapses below 5 tok/s', () => {
    expect(dense.regime).toBe('partial-offload');
    expect(dense.fits).toBe(true);
    expect(dense.placement.gpuLayers).toBeGreaterThan(0);
    expect(dense.placement.gpuLayers).toBeLessThan(dense.placement.totalLayers);
    expect(dense.decodeTokensPerSecond).toBeLessThan(5);
    // The CPU tier dominates: most of the time per token is spent reading RAM.
    const [gpu, cpu] = dense.breakdown.tiers;
    expect(cpu?.seconds ?? 0).toBeGreaterThan(5 * (gpu?.seconds ?? 0));
  });

  it('keeps the 26B A4B usable with only expert tensors in RAM', () => {
    expect(moe.regime).toBe('experts-on-cpu');
    expect(moe.placement.gpuLayers).toBe(moe.placement.totalLayers);
    expect(moe.breakdown.cpuMoeLayers).toBeGreaterThan(0);
    expect(moe.decodeTokensPerSecond).toBeGreaterThan(15);
    expect(moe.decodeTokensPerSecond).toBeGreaterThan(5 * dense.decodeTokensPerSecond);
  });

  it('fits the E4B whole on the GPU, faster still', () => {
    expect(small.regime).toBe('gpu');
    expect(small.advice).toEqual([]);
    expect(small.decodeTokensPerSecond).toBeGreaterThan(moe.decodeTokensPerSecond);
  });

  it('tells the 31B user how much GPU memory would hold everything', () => {
    const kinds = dense.advice.map((a) => a.kind);
    expect(kinds).toContain('more-gpu-memory');
    expect(dense.warnings.join(' ')).toMatch(/GiB of GPU memory/);
  });
});
