/**
 * @module run/fits — per format, t = t_launch + bytes / BW over the GEMV shapes (core's least-squares
 * `fitLaunchBandwidth`), one point per shape: seconds and bytes per GEMV (a pass over copies divided by the
 * copies), so the fixed cost is per GEMV launch, as the estimator's per-token overhead counts it.
 */
import {
  CliffbenchError,
  type FormatFit,
  fitLaunchBandwidth,
  type Measurement,
  type WeightFormat,
} from '@cliffbench/core';

/** One fit per format with at least two GEMV shapes whose time grows with size; the reasons for the others. */
export function fitFormats(
  measurements: readonly Measurement[],
  measured: readonly WeightFormat[],
): { fits: FormatFit[]; failed: { label: string; reason: string }[] } {
  const fits: FormatFit[] = [];
  const failed: { label: string; reason: string }[] = [];
  for (const format of measured) {
    const points = measurements
      .filter((m) => m.kernel === 'gemv' && m.format === format)
      .map((m) => {
        const per = m.matrices ?? 1;
        return { bytes: m.bytesPerPass / per, seconds: m.medianSeconds / per };
      });
    try {
      const fit = fitLaunchBandwidth(points);
      fits.push({
        format,
        bandwidthGBs: fit.bandwidthGBs,
        launchSeconds: fit.launchSeconds,
        r2: fit.r2,
        points: fit.points,
      });
    } catch (error) {
      if (!(error instanceof CliffbenchError && error.code === 'fit-failed')) throw error;
      failed.push({ label: `${format} fit`, reason: error.message });
    }
  }
  return { fits, failed };
}
