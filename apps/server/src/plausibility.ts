/**
 * @module plausibility — checks a schema-valid result document for figures that cannot be true: a median
 * that is not the median of its samples, a bandwidth that is not bytes ÷ time, or a measured bandwidth far
 * above the spec of the catalog device the uploader claims.
 */
import { devices, type ResultDocument } from '@cliffbench/core';

/** Measured effective bandwidth may not exceed the claimed device's spec by more than this (cache effects). */
export const MAX_SPEC_RATIO = 1.5;

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const close = (a: number, b: number, rel: number) =>
  Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));

/** Problems found, each saying where and what is accepted; empty when the document is plausible. */
export function implausibilities(doc: ResultDocument): string[] {
  const problems: string[] = [];
  doc.measurements.forEach((m, i) => {
    if (!close(m.medianSeconds, median(m.samplesSeconds), 1e-6)) {
      problems.push(`measurements[${i}].medianSeconds is not the median of its samplesSeconds`);
    }
    if (!close(m.bandwidthGBs, m.bytesPerPass / m.medianSeconds / 1e9, 1e-3)) {
      problems.push(`measurements[${i}].bandwidthGBs must equal bytesPerPass / medianSeconds / 1e9`);
    }
  });
  const id = doc.claimedDevice?.deviceId;
  const device = id === undefined ? undefined : devices.find((d) => d.id === id);
  if (id !== undefined && !device) problems.push(`claimedDevice.deviceId "${id}" is not a catalog device`);
  if (device) {
    const limit = device.bandwidthGBs * MAX_SPEC_RATIO;
    const figures = [...doc.measurements.map((m) => m.bandwidthGBs), ...doc.fits.map((f) => f.bandwidthGBs)];
    const top = Math.max(...figures);
    if (top > limit) {
      problems.push(
        `a measured bandwidth of ${top.toFixed(0)} GB/s is more than ${MAX_SPEC_RATIO}× the ${device.name}'s spec of ${device.bandwidthGBs} GB/s`,
      );
    }
  }
  return problems;
}
