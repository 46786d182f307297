import { describe, expect, it } from 'vitest';
import { estimate } from '../estimate/estimate.js';
import { cliffCurve } from './cliff-curve.js';

describe('cliff curves over several GPUs', () => {
  const pair = { model: 'gemma-4-31b', quant: 'Q4_K_M', device: '2x rtx 3060 12gb' } as const;

  it('the GPU-memory curve runs over the total, and its cliff sits past one card', () => {
    const curve = cliffCurve(pair, 'gpuMemory');
    const first = curve.points[0];
    const last = curve.points.at(-1);
    expect(last?.decodeTokensPerSecond ?? 0).toBeGreaterThan(first?.decodeTokensPerSecond ?? 0);
    expect(curve.cliffX ?? 0).toBeGreaterThan(12);
    expect(curve.cliffX ?? 99).toBeLessThanOrEqual(24);
  });

  it('gpuMemoryLimitGB is the total of several GPUs, shared by each card’s memory', () => {
    const e = estimate({ ...pair, gpuMemoryLimitGB: 12 });
    expect(e.placement.perDevice?.map((d) => Math.round((d.usableBytes + d.runtimeBytes) / 2 ** 30))).toEqual(
      [6, 6],
    );
    expect(e.regime).toBe('partial-offload');
  });

  it('the context curve crosses the cliff later on two cards than on one', () => {
    const one = cliffCurve({ ...pair, device: 'rtx 3060 12gb' }, 'context');
    const two = cliffCurve(pair, 'context');
    expect(two.cliffX ?? Infinity).toBeGreaterThan(one.cliffX ?? 0);
  });
});
