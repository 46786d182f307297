import { describe, expect, it } from 'vitest';
import { estimate } from './estimate.js';

const BASE = { model: 'gemma-3-27b', quant: 'Q4_K_M', device: 'rtx 3090' } as const;
const MMPROJ = 858_000_000;

describe('vision projector (mmproj)', () => {
  it('takes GPU memory, not decode time', () => {
    const text = estimate(BASE);
    const vision = estimate({ ...BASE, mmprojBytes: MMPROJ });
    expect(vision.memory.deviceBytes - text.memory.deviceBytes).toBeCloseTo(MMPROJ, -3);
    expect(vision.decodeTokensPerSecond).toBeCloseTo(text.decodeTokensPerSecond, 6);
    expect(vision.basis).toMatch(/vision projector \(mmproj\) 0\.86 GB on the GPU/);
  });

  it('--no-mmproj-offload keeps it in RAM', () => {
    const vision = estimate({ ...BASE, mmprojBytes: MMPROJ, mmprojOffload: false });
    expect(vision.memory.deviceBytes).toBe(estimate(BASE).memory.deviceBytes);
    expect(vision.basis).toMatch(/in RAM/);
  });

  it('can tip a model that just fits off the GPU', () => {
    const near = { ...BASE, gpuMemoryLimitGB: 17.5 };
    const without = estimate(near);
    const withIt = estimate({ ...near, mmprojBytes: 2e9 });
    expect(withIt.placement.gpuLayers).toBeLessThanOrEqual(without.placement.gpuLayers);
  });

  it('sits on the first of several GPUs', () => {
    const e = estimate({ ...BASE, device: '2x rtx 3090', mmprojBytes: MMPROJ });
    const [a, b] = e.placement.perDevice ?? [];
    expect((a?.runtimeBytes ?? 0) - (b?.runtimeBytes ?? 0)).toBeCloseTo(MMPROJ, -3);
  });
});
