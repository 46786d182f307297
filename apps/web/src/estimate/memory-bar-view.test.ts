import { estimateDetailed, memoryPools, type ScenarioInput } from '@cliffbench/core';
import { describe, expect, it } from 'vitest';
import { barView } from './memory-bar-view.js';

const views = (input: ScenarioInput) => memoryPools(estimateDetailed(input)).map(barView);
const seed: ScenarioInput = {
  model: 'gemma-4-31b',
  quant: 'Q4_K_M',
  device: 'RTX 3060 12GB',
  host: { ramGB: 32 },
  contextTokens: 8192,
};
const widths = (v: ReturnType<typeof barView>): number =>
  v.segments.reduce((a, s) => a + Number.parseFloat(s.width), 0);

describe('the memory bars', () => {
  it('draws GPU memory and system RAM for a discrete GPU, each saying its figures', () => {
    const [gpu, ram] = views(seed);
    expect(gpu?.testId).toBe('memory-bar');
    expect(gpu?.ariaLabel).toBe(
      'GPU memory: 10.9 of 12.0 GiB: weights 9.0, KV cache 0.9, buffers & runtime 1.0.',
    );
    expect(gpu?.limit).toBeUndefined();
    expect(ram?.testId).toBe('memory-bar-ram');
    expect(ram?.ariaLabel).toMatch(
      /^System RAM: 10\.4 of 28\.0 GiB available \(32\.0 less 4\.0 for the OS\)/,
    );
    expect(ram?.segments.at(-1)?.cls).toBe('reserved');
    expect(ram?.legend.map((k) => k.text)).toContain('OS 4.0 GiB');
    for (const v of [gpu, ram]) expect(widths(v!)).toBeCloseTo(100, 1);
  });

  it('draws one unified bar with the GPU limit marked where it lies', () => {
    const all = views({ model: 'gemma-4-31b', quant: 'Q8_0', device: 'M3 Max 40-core 64GB' });
    expect(all).toHaveLength(1);
    const [mac] = all;
    expect(mac?.title).toBe('Unified memory — 33.8 GiB of 60.0 GiB available');
    expect(mac?.limit).toEqual({ left: '75.00%', label: 'GPU limit 48.0 GiB', labelLeft: true });
    expect(mac?.ariaLabel).toMatch(
      /^Unified memory: .*CPU side 1\.4; GPU limit 48\.0 GiB, 32\.4 on the GPU side\.$/,
    );
    expect(mac?.segments.map((s) => s.cls)).toEqual([
      'weights',
      'kv',
      'buffers',
      'cpu-side',
      'free',
      'reserved',
    ]);
  });

  it('marks the overflow from where the pool ends, and says where it goes', () => {
    const [forced] = views({ ...seed, gpuLayers: 60, offload: 'layers' });
    expect(forced?.overflow?.left).toBeDefined();
    expect(
      Number.parseFloat(forced!.overflow!.left) + Number.parseFloat(forced!.overflow!.width),
    ).toBeCloseTo(100, 1);
    expect(forced?.legend.at(-1)?.text).toMatch(/GiB more than it holds: llama\.cpp fails to allocate$/);
  });

  it('draws one bar per GPU of several, each with its own test id, and RAM last', () => {
    const all = views({
      ...seed,
      device: undefined,
      devices: ['RTX 3060 12GB', 'RTX 3060 12GB', 'RTX 3060 12GB'],
    });
    expect(all.map((v) => v.testId)).toEqual([
      'memory-bar',
      'memory-bar-gpu-1',
      'memory-bar-gpu-2',
      'memory-bar-ram',
    ]);
    expect(all[1]?.ariaLabel).toMatch(/^GPU 1 memory/);
  });
});
