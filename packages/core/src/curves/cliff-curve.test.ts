import { describe, expect, it } from 'vitest';
import { cliffCurve, estimate, type ScenarioInput } from '../index.js';

const llama8bOn3060: ScenarioInput = {
  model: 'llama-3-8b',
  quant: 'Q8_0',
  device: 'rtx 3060 12gb',
  host: { ramGB: 32 },
};

describe('cliffCurve', () => {
  it('marks the longest context that keeps everything in GPU memory, and the speed falls past it', () => {
    const c = cliffCurve(llama8bOn3060, 'context', { from: 1024, to: 65536, points: 16 });
    expect(c.cliffX).toBeDefined();
    const cliff = c.cliffX as number;
    expect(estimate({ ...llama8bOn3060, contextTokens: cliff }).regime).toBe('gpu');
    expect(estimate({ ...llama8bOn3060, contextTokens: cliff + 256 }).regime).toBe('partial-offload');
    const before = c.points.filter((p) => p.x <= cliff);
    const after = c.points.filter((p) => p.x > cliff);
    expect(before.every((p) => p.regime === 'gpu')).toBe(true);
    expect(after.every((p) => p.regime === 'partial-offload')).toBe(true);
    for (let i = 1; i < c.points.length; i++) {
      expect(c.points[i]?.decodeTokensPerSecond).toBeLessThanOrEqual(
        c.points[i - 1]?.decodeTokensPerSecond as number,
      );
    }
  });

  it('rises with GPU memory and marks where everything fits', () => {
    const c = cliffCurve(
      { model: 'gemma-4-31b', quant: 'Q4_K_M', device: 'rtx 4090', host: { ramGB: 64 } },
      'gpuMemory',
      {
        points: 20,
      },
    );
    for (let i = 1; i < c.points.length; i++) {
      expect(c.points[i]?.decodeTokensPerSecond).toBeGreaterThanOrEqual(
        c.points[i - 1]?.decodeTokensPerSecond as number,
      );
    }
    const cliff = c.cliffX as number;
    expect(c.points.filter((p) => p.x >= cliff).every((p) => p.regime === 'gpu')).toBe(true);
    expect(c.points.filter((p) => p.x < cliff).every((p) => p.regime !== 'gpu')).toBe(true);
    // The cliff: the last step onto the GPU is worth more than the first half of the memory range.
    const first = c.points[0]?.decodeTokensPerSecond as number;
    const top = c.points.at(-1)?.decodeTokensPerSecond as number;
    expect(top / first).toBeGreaterThan(4);
  });

  it('has one point per layer count and says how many layers fit', () => {
    const c = cliffCurve(
      { model: 'gemma-4-31b', quant: 'Q4_K_M', device: 'rtx 3060 12gb', host: { ramGB: 32 } },
      'gpuLayers',
    );
    expect(c.points.map((p) => p.x)).toEqual(Array.from({ length: 61 }, (_, i) => i));
    const cliff = c.cliffX as number;
    expect(c.points[cliff]?.fits).toBe(true);
    expect(c.points[cliff + 1]?.fits).toBe(false);
  });
});
