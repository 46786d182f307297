import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededNormal } from '../../test/random.js';
import { CliffbenchError, fitLaunchBandwidth, type TimingSample } from '../index.js';

/** Timings of t = launch + bytes / BW at sizes from 1 MiB to 1 GiB, `repeats` each, with relative noise. */
function synthetic(
  bandwidthGBs: number,
  launchSeconds: number,
  relativeNoise: number,
  seed = 1,
): TimingSample[] {
  const normal = seededNormal(seed);
  const samples: TimingSample[] = [];
  for (let exponent = 20; exponent <= 30; exponent++) {
    for (let repeat = 0; repeat < 8; repeat++) {
      const bytes = 2 ** exponent;
      const exact = launchSeconds + bytes / (bandwidthGBs * 1e9);
      samples.push({ bytes, seconds: exact * (1 + relativeNoise * normal()) });
    }
  }
  return samples;
}

function failure(samples: readonly TimingSample[]): CliffbenchError {
  try {
    fitLaunchBandwidth(samples);
  } catch (error) {
    if (error instanceof CliffbenchError) return error;
    throw error;
  }
  throw new Error('expected the fit to fail');
}

describe('fitLaunchBandwidth', () => {
  it('recovers bandwidth and launch cost exactly from noise-free timings', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 5, max: 8000, noNaN: true }),
        fc.double({ min: 0, max: 1e-3, noNaN: true }),
        (bandwidthGBs, launchSeconds) => {
          const fit = fitLaunchBandwidth(synthetic(bandwidthGBs, launchSeconds, 0));
          expect(fit.bandwidthGBs / bandwidthGBs).toBeCloseTo(1, 9);
          expect(fit.launchSeconds).toBeCloseTo(launchSeconds, 12);
          expect(fit.r2).toBeCloseTo(1, 12);
          expect(fit.points).toBe(88);
        },
      ),
    );
  });

  it('recovers a 360 GB/s, 20 µs device within a few percent under 2 % timing noise', () => {
    const fit = fitLaunchBandwidth(synthetic(360, 20e-6, 0.02));
    expect(Math.abs(fit.bandwidthGBs / 360 - 1)).toBeLessThan(0.02);
    expect(Math.abs(fit.launchSeconds - 20e-6)).toBeLessThan(2e-6);
  });

  it('reports the timing noise in its relative residual and its r²', () => {
    const quiet = fitLaunchBandwidth(synthetic(360, 20e-6, 0.01, 7));
    const noisy = fitLaunchBandwidth(synthetic(360, 20e-6, 0.2, 7));
    expect(quiet.residualRelRms).toBeGreaterThan(0.008);
    expect(quiet.residualRelRms).toBeLessThan(0.012);
    expect(noisy.residualRelRms).toBeGreaterThan(0.15);
    expect(noisy.residualRelRms).toBeLessThan(0.3);
    expect(noisy.r2).toBeLessThan(quiet.r2);
    expect(quiet.r2).toBeGreaterThan(0.999);
    expect(noisy.r2).toBeLessThan(0.99);
  });

  it('holds the launch cost at zero rather than fitting a negative one', () => {
    // Exactly t = −5 µs + bytes / 400 GB/s: the free fit's intercept is negative, so the line goes through the
    // origin, where minimising Σ(1 − s·x/t)² gives s = Σ(x/t) / Σ(x/t)².
    const samples = [1e7, 1e8, 1e9].map((bytes) => ({ bytes, seconds: bytes / 400e9 - 5e-6 }));
    const ratio = samples.map((s) => s.bytes / s.seconds);
    const slope = ratio.reduce((sum, r) => sum + r, 0) / ratio.reduce((sum, r) => sum + r * r, 0);
    const fit = fitLaunchBandwidth(samples);
    expect(fit.launchSeconds).toBe(0);
    expect(fit.bandwidthGBs).toBeCloseTo(1 / (slope * 1e9), 9);
    expect(fit.r2).toBeLessThan(1);
  });

  it('refuses timings at fewer than two distinct sizes', () => {
    for (const samples of [
      [],
      [{ bytes: 1e6, seconds: 1e-4 }],
      [1, 2, 3].map(() => ({ bytes: 1e6, seconds: 1e-4 })),
    ]) {
      const error = failure(samples);
      expect(error.code).toBe('fit-failed');
      expect(error.message).toMatch(/two or more distinct sizes/);
    }
  });

  it('refuses non-finite or non-positive values and time that shrinks with size', () => {
    expect(
      failure([
        { bytes: 1e6, seconds: Number.NaN },
        { bytes: 2e6, seconds: 1e-4 },
      ]).message,
    ).toMatch(/finite/);
    expect(
      failure([
        { bytes: -1, seconds: 1e-4 },
        { bytes: 2e6, seconds: 1e-4 },
      ]).code,
    ).toBe('fit-failed');
    expect(
      failure([
        { bytes: 1e6, seconds: 2e-4 },
        { bytes: 2e6, seconds: 1e-4 },
      ]).message,
    ).toMatch(/does not grow/);
    expect(
      failure([
        { bytes: 1e6, seconds: 1e-4 },
        { bytes: 2e6, seconds: 1e-4 },
      ]).code,
    ).toBe('fit-failed');
  });
});
