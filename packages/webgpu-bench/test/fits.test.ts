import type { Measurement } from '@cliffbench/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitFormats, Xorshift32 } from '../src/index.js';

/** A GEMV measurement of `copies` matrices of `bytes` each, at `launch` s + bytes / `gbs` per matrix. */
function synthetic(bytes: number, copies: number, launch: number, gbs: number, noise = 0): Measurement {
  const seconds = copies * (launch + bytes / (gbs * 1e9)) * (1 + noise);
  return {
    kernel: 'gemv',
    format: 'q4_0',
    label: `${bytes} B`,
    rows: 1,
    cols: 1,
    bytesPerPass: copies * bytes,
    workingSetBytes: copies * bytes,
    dispatchesPerPass: copies,
    matrices: copies,
    samplesSeconds: [seconds],
    medianSeconds: seconds,
    ci95Relative: 0,
    bandwidthGBs: (copies * bytes) / seconds / 1e9,
  };
}

describe('the launch + bandwidth fit per format', () => {
  it('recovers the per-GEMV launch cost and the bandwidth from timings of copied matrices', () => {
    const rng = new Xorshift32(42);
    const ms = [0.2e6, 1.7e6, 2.2e6, 14.7e6, 65e6].map((b) =>
      synthetic(b, Math.max(1, Math.floor(512e6 / b)), 8e-6, 450, rng.uniform(-0.005, 0.005)),
    );
    const { fits, failed } = fitFormats(ms, ['q4_0']);
    expect(failed).toEqual([]);
    expect(fits[0]?.bandwidthGBs).toBeGreaterThan(445);
    expect(fits[0]?.bandwidthGBs).toBeLessThan(455);
    expect((fits[0]?.launchSeconds ?? 0) * 1e6).toBeGreaterThan(7.5);
    expect((fits[0]?.launchSeconds ?? 0) * 1e6).toBeLessThan(8.5);
  });

  it('fits any noiseless launch cost and bandwidth exactly', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e-3, noNaN: true }),
        fc.double({ min: 1, max: 4000, noNaN: true }),
        (launch, gbs) => {
          const fit = fitFormats(
            [1e5, 1e6, 1e7].map((b) => synthetic(b, 3, launch, gbs)),
            ['q4_0'],
          ).fits[0];
          expect(fit?.bandwidthGBs).toBeCloseTo(gbs, 6);
          expect((fit?.launchSeconds ?? 0) / launch).toBeCloseTo(1, 6);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('says why a format has no fit instead of inventing one', () => {
    const { fits, failed } = fitFormats([synthetic(1e6, 4, 1e-5, 100)], ['q4_0', 'q8_0']);
    expect(fits).toEqual([]);
    expect(failed.map((f) => f.label)).toEqual(['q4_0 fit', 'q8_0 fit']);
    expect(failed[0]?.reason).toMatch(/two or more distinct sizes/);
  });
});
