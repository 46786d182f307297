/** Test documents shared by the e2e specs. */
import type { Measurement } from '@cliffbench/core';

const MiB = 2 ** 20;

/**
 * Three q4_k GEMVs (16, 64, 256 MiB) timed as `t = 20 µs + bytes / bandwidth`: consistent figures (median of
 * samples; bandwidth = bytes ÷ median ÷ 1e9) that fit back to `bandwidthGBs`.
 */
export function gemvMeasurements(bandwidthGBs: number): Measurement[] {
  return [16, 64, 256].map((mib) => {
    const bytes = mib * MiB;
    const t = 20e-6 + bytes / (bandwidthGBs * 1e9);
    return {
      kernel: 'gemv',
      format: 'q4_k',
      label: `e2e ${mib} MiB`,
      rows: 4096,
      cols: bytes / 4096,
      bytesPerPass: bytes,
      workingSetBytes: bytes * 4,
      dispatchesPerPass: 1,
      samplesSeconds: [t * 0.99, t, t * 1.02],
      medianSeconds: t,
      ci95Relative: 0.03,
      bandwidthGBs: bytes / t / 1e9,
    };
  });
}
