import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appleGpuWorkingSetBytes, findDevice } from '../index.js';

const MIB = 2 ** 20;
const GIB = 2 ** 30;

describe('appleGpuWorkingSetBytes', () => {
  it.each([
    [16, 10922.67], // M1 and M4, 16 GB
    [32, 21845.34], // M1 Max / M2 Max, 32 GB
    [64, 49152], // M2 Max, 64 GB
    [96, 73728], // M2 Max, 96 GB
    [128, 98304], // M4 Max, 128 GB: 96 GiB
  ])('matches the published recommendedMaxWorkingSetSize for %i GB', (gb, mib) => {
    expect(appleGpuWorkingSetBytes(gb * GIB) / MIB).toBeCloseTo(mib, 1);
  });

  it('never shrinks as memory grows and stays between two thirds and three quarters of it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1024, noNaN: true }),
        fc.double({ min: 0, max: 512, noNaN: true }),
        (gb, more) => {
          const bytes = gb * GIB;
          const limit = appleGpuWorkingSetBytes(bytes);
          expect(appleGpuWorkingSetBytes(bytes + more * GIB)).toBeGreaterThanOrEqual(limit);
          expect(limit / bytes).toBeGreaterThanOrEqual(2 / 3 - 1e-12);
          expect(limit / bytes).toBeLessThanOrEqual(3 / 4 + 1e-12);
        },
      ),
    );
  });

  it('applies to catalog entries through their exact memory bytes', () => {
    const mac = findDevice('m3 pro 18-core 18gb');
    expect(appleGpuWorkingSetBytes(mac.memoryBytes ?? 0)).toBe(12 * GIB);
  });

  it('rejects memory sizes that are not positive numbers', () => {
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => appleGpuWorkingSetBytes(bad)).toThrow(/positive/);
    }
  });
});
