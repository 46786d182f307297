import { describe, expect, it } from 'vitest';
import { type TuneInput, tuneSettings } from '../index.js';

/** The seed's machine: RTX 3060 12GB, 32 GB of dual-channel DDR4-3200 (2 × 8 B × 3200 MT/s = 51.2 GB/s). */
const on3060 = (model: string, contextTokens: number): TuneInput => ({
  model,
  quant: 'Q4_K_M',
  device: 'RTX 3060 12GB',
  host: { ramGB: 32, ramBandwidthGBs: 51.2 },
  contextTokens,
});

describe.each([8192, 32768])('Gemma 4 on an RTX 3060 12GB with 32 GB of DDR4 at %i context', (context) => {
  const moe = tuneSettings(on3060('gemma-4-26b-a4b', context));
  const dense = tuneSettings(on3060('gemma-4-31b', context));
  const moeBest = moe.configurations[0];
  const denseBest = dense.configurations[0];

  it('keeps the requested context for both models', () => {
    expect(moeBest?.settings.contextTokens).toBe(context);
    expect(denseBest?.settings.contextTokens).toBe(context);
  });

  it('runs the 26B A4B with some experts in RAM and attention on the GPU', () => {
    // With the experts of most layers in RAM, one layer wholly on the CPU may free more than it costs.
    expect(['experts-on-cpu', 'partial-offload']).toContain(moeBest?.regime);
    const s = moeBest?.settings;
    expect(s?.cpuMoeLayers).toBeGreaterThan(0);
    expect(s?.cpuMoeLayers).toBeLessThan(s?.moeLayers ?? 0);
    expect(s?.gpuLayers).toBeGreaterThanOrEqual((s?.totalLayers ?? 0) - 2);
    expect(moeBest?.commands.llamaServer).toContain(`--n-cpu-moe ${s?.cpuMoeLayers}`);
  });

  it('runs the 31B as whole layers split between GPU and CPU, an order of magnitude slower', () => {
    expect(denseBest?.regime).toBe('partial-offload');
    expect(denseBest?.commands.llamaServer).not.toContain('--n-cpu-moe');
    expect(denseBest?.settings.gpuLayers).toBeLessThan(denseBest?.settings.totalLayers ?? 0);
    expect((moeBest?.decodeTokensPerSecond ?? 0) / (denseBest?.decodeTokensPerSecond ?? 1)).toBeGreaterThan(
      5,
    );
  });

  it('tells 31B users to use the 26B A4B instead, with its speed', () => {
    const smaller = dense.suggestions.find((s) => s.kind === 'smaller-model');
    expect(smaller?.target).toBe('gemma-4-26b-a4b');
    expect(smaller?.decodeTokensPerSecond).toBeCloseTo(moeBest?.decodeTokensPerSecond ?? 0, 6);
  });
});
