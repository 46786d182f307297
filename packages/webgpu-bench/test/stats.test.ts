import { fitLaunchBandwidth } from '@cliffbench/core';
import { describe, expect, it } from 'vitest';
import {
  ci95Relative,
  enoughSamples,
  fromHalfBits,
  median,
  quantile,
  toHalfBits,
  Xorshift32,
} from '../src/index.js';

describe('timing statistics', () => {
  it('takes medians and quartiles', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
  });

  it('computes the 95% CI half-width with Student t', () => {
    // mean 10, sample sd 1, n 4: t(3) = 3.182 → 3.182 × 0.5 / 10.
    const xs = [10 - Math.sqrt(0.75), 10 - Math.sqrt(0.75), 10 + Math.sqrt(0.75), 10 + Math.sqrt(0.75)];
    expect(ci95Relative(xs)).toBeCloseTo((3.182 * 0.5) / 10, 6);
    expect(ci95Relative([1])).toBe(Number.POSITIVE_INFINITY);
  });

  it('stops when the interval is tight, or at a cap, never before the minimum', () => {
    const rule = { minSamples: 3, maxSamples: 10, targetCi95: 0.03, maxSeconds: 5 };
    expect(enoughSamples([1, 1], 0, rule)).toBe(false);
    expect(enoughSamples([1, 1.001, 0.999], 0, rule)).toBe(true);
    expect(enoughSamples([1, 2, 3], 0, rule)).toBe(false);
    expect(enoughSamples([1, 2, 3], 6, rule)).toBe(true);
    expect(
      enoughSamples(
        Array.from({ length: 10 }, (_, i) => i + 1),
        0,
        rule,
      ),
    ).toBe(true);
  });

  it('recovers launch cost and bandwidth from synthetic GEMV timings', () => {
    // 450 GB/s and 6 µs per dispatch, 1% multiplicative noise.
    const rng = new Xorshift32(42);
    const samples = [1, 3, 10, 30, 100, 300].map((mb) => {
      const bytes = mb * 1e6;
      return { bytes, seconds: (6e-6 + bytes / 450e9) * (1 + rng.uniform(-0.01, 0.01)) };
    });
    const fit = fitLaunchBandwidth(samples);
    expect(fit.bandwidthGBs).toBeGreaterThan(440);
    expect(fit.bandwidthGBs).toBeLessThan(460);
    expect(fit.launchSeconds * 1e6).toBeGreaterThan(5);
    expect(fit.launchSeconds * 1e6).toBeLessThan(7);
  });

  it('converts f16 exactly for representable values and rounds to nearest otherwise', () => {
    for (const v of [0, 1, -2, 0.5, 65504, 2 ** -24, -0.0078125]) expect(fromHalfBits(toHalfBits(v))).toBe(v);
    expect(fromHalfBits(toHalfBits(1 + 2 ** -11))).toBe(1);
    expect(fromHalfBits(toHalfBits(1e6))).toBe(Number.POSITIVE_INFINITY);
    expect(Math.abs(fromHalfBits(toHalfBits(0.1)) - 0.1)).toBeLessThan(0.1 * 2 ** -11);
  });
});
