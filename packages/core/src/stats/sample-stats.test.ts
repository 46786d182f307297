import { describe, expect, it } from 'vitest';
import { ci95Relative, enoughSamples, median, quantile } from '../index.js';

describe('timing statistics', () => {
  it('takes medians and quartiles', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(Number.isNaN(median([]))).toBe(true);
  });

  it('computes the 95% CI half-width of the mean with Student t', () => {
    // mean 10, sample sd 1, n 4: t(3) = 3.182 → 3.182 × 0.5 / 10.
    const xs = [10 - Math.sqrt(0.75), 10 - Math.sqrt(0.75), 10 + Math.sqrt(0.75), 10 + Math.sqrt(0.75)];
    expect(ci95Relative(xs)).toBeCloseTo((3.182 * 0.5) / 10, 6);
    expect(ci95Relative([1])).toBe(Number.POSITIVE_INFINITY);
  });

  it('uses t close to the table beyond 30 degrees of freedom (t(40) = 2.021)', () => {
    const xs = Array.from({ length: 41 }, (_, i) => (i % 2 ? 11 : 9));
    const mean = xs.reduce((a, x) => a + x, 0) / 41;
    const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / 40);
    expect(ci95Relative(xs)).toBeCloseTo((2.021 * sd) / Math.sqrt(41) / mean, 3);
  });

  it('stops when the interval is tight, or at a cap, never before the minimum', () => {
    const rule = { minSamples: 3, maxSamples: 10, targetCi95: 0.03, maxSeconds: 5 };
    expect(enoughSamples([1, 1], 0, rule)).toBe(false);
    expect(enoughSamples([1, 1.001, 0.999], 0, rule)).toBe(true);
    expect(enoughSamples([1, 2, 3], 0, rule)).toBe(false);
    expect(enoughSamples([1, 2, 3], 6, rule)).toBe(true);
    expect(enoughSamples([1, 2], 6, rule)).toBe(false);
    expect(
      enoughSamples(
        Array.from({ length: 10 }, (_, i) => i + 1),
        0,
        rule,
      ),
    ).toBe(true);
  });
});
