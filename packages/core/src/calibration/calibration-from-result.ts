/**
 * @module calibration/calibration-from-result — turn a benchmark result document into the `Calibration` an
 * estimate uses: the effective GPU bandwidth decode kernels reach (from the quantised GEMV fits), the
 * measured upload bandwidth and, when the run has a RAM section, the measured host-RAM bandwidth.
 */
import type { Calibration } from '../estimate/scenario.js';
import { ramCalibration } from '../result/ram-section.js';
import { uploaderDeviceName } from '../result/result-labels.js';
import type { FormatFit, Measurement, ResultDocument, WeightFormat } from '../result/schema.js';
import { fitLaunchBandwidth } from './fit-launch-bandwidth.js';

/**
 * Formats in order of preference: decode of the models people run reads Q4 blocks (Q4_K_M mixes are mostly
 * Q4_K), so a Q4 GEMV is the closest stand-in; other formats are used only when no Q4 fit is usable.
 */
const preferredFormats: readonly WeightFormat[] = ['q4_k', 'q4_0'];

/** Fits explaining less of the timing variation than this are not trusted (judgement: the line misdescribes). */
export const MIN_FIT_R2 = 0.9;

/** `CalibrationSchema` caps `source` at 300 characters. */
const MAX_SOURCE_CHARS = 300;

interface Choice {
  readonly format: Measurement['format'];
  readonly bandwidthGBs: number;
  readonly how: string;
}

function fromFits(fits: readonly FormatFit[]): Choice | undefined {
  const usable = fits.filter((fit) => fit.r2 >= MIN_FIT_R2);
  const chosen =
    preferredFormats
      .map((format) => usable.find((fit) => fit.format === format))
      .find((fit) => fit !== undefined) ?? [...usable].sort((a, b) => b.bandwidthGBs - a.bandwidthGBs)[0];
  if (chosen === undefined) return undefined;
  const how = `${chosen.format} GEMV fit over ${chosen.points} sizes, r² ${chosen.r2.toFixed(3)}`;
  return { format: chosen.format, bandwidthGBs: chosen.bandwidthGBs, how };
}

/** Refits from the raw GEMV measurements when the document carries no usable fit. */
function fromMeasurements(measurements: readonly Measurement[]): Choice | undefined {
  const gemv = measurements.filter((m) => m.kernel === 'gemv');
  const formats = [...preferredFormats, ...new Set(gemv.map((m) => m.format))];
  for (const format of new Set(formats)) {
    const samples = gemv
      .filter((m) => m.format === format)
      .map((m) => ({ bytes: m.bytesPerPass, seconds: m.medianSeconds }));
    try {
      const fit = fitLaunchBandwidth(samples);
      if (fit.r2 >= MIN_FIT_R2) {
        const how = `${format} GEMV refit over ${fit.points} sizes, r² ${fit.r2.toFixed(3)}`;
        return { format, bandwidthGBs: fit.bandwidthGBs, how };
      }
    } catch {
      // Too few sizes or no growth with size for this format: try the next one.
    }
  }
  return undefined;
}

/** Last resort: the largest single pass measured, whose bandwidth includes launch costs (an underestimate). */
function fromLargestPass(measurements: readonly Measurement[]): Choice {
  const largest = [...measurements].sort(
    (a, b) => b.bytesPerPass - a.bytesPerPass || b.bandwidthGBs - a.bandwidthGBs,
  )[0] as Measurement;
  const how = `largest single ${largest.kernel} pass (${largest.label}), no fit`;
  return { format: largest.format, bandwidthGBs: largest.bandwidthGBs, how };
}

/**
 * The calibration a benchmark run supports: `gpuBandwidthGBs` from the Q4 GEMV fit (q4_k, then q4_0), else
 * the fastest other format's fit, else a refit of the raw GEMV timings, else the largest single pass; fits
 * with r² below `MIN_FIT_R2` are skipped. `pcieGBs` is the measured upload bandwidth when the run timed one,
 * `ramBandwidthGBs` the RAM section's best read (`ramCalibration`). `source` says which numbers were used, on
 * what, and when.
 */
export function calibrationFromResult(doc: ResultDocument): Calibration {
  const pick = fromFits(doc.fits) ?? fromMeasurements(doc.measurements) ?? fromLargestPass(doc.measurements);
  const upload = doc.upload?.bandwidthGBs;
  const parts = [
    `WebGPU benchmark on ${uploaderDeviceName(doc)}, ${doc.createdAt.slice(0, 10)}`,
    `${pick.bandwidthGBs.toFixed(1)} GB/s from ${pick.how}`,
    ...(upload === undefined ? [] : [`upload ${upload.toFixed(1)} GB/s`]),
    ...(doc.ram === undefined
      ? []
      : [`RAM read ${doc.ram.bestReadGBs.toFixed(1)} GB/s (${doc.ram.bestReadThreads} workers)`]),
  ];
  const source = parts.join('; ');
  return {
    gpuBandwidthGBs: pick.bandwidthGBs,
    ...(upload === undefined ? {} : { pcieGBs: upload }),
    ...(doc.ram === undefined ? {} : ramCalibration(doc.ram)),
    source: source.length <= MAX_SOURCE_CHARS ? source : `${source.slice(0, MAX_SOURCE_CHARS - 1)}…`,
  };
}
