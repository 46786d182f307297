/**
 * Test helper: result documents built from a known device law, t = launch + bytes / bandwidth, so tests can
 * check what the page derives from them against the law instead of against copied outputs.
 */
import {
  fitLaunchBandwidth,
  type Measurement,
  RESULT_SCHEMA_VERSION,
  type ResultDocument,
  ResultDocumentSchema,
  type WeightFormat,
} from '@cliffbench/core';

export interface DeviceLaw {
  /** GB/s per format. */
  readonly bandwidthGBs: Partial<Record<WeightFormat, number>>;
  readonly launchSeconds: number;
  /** Streaming-read GB/s. */
  readonly streamGBs: number;
  readonly claimed?: { readonly deviceId: string; readonly name: string };
}

const MIB = 2 ** 20;
const SIZES = [4, 16, 64].map((m) => m * MIB);

function measurement(
  kernel: Measurement['kernel'],
  format: Measurement['format'],
  bytes: number,
  seconds: number,
): Measurement {
  return {
    kernel,
    format,
    label: `${format} ${bytes / MIB} MiB`,
    rows: 1024,
    cols: Math.max(1, Math.round(bytes / 1024)),
    bytesPerPass: bytes,
    workingSetBytes: bytes,
    dispatchesPerPass: 1,
    samplesSeconds: [seconds, seconds * 1.01, seconds * 0.99],
    medianSeconds: seconds,
    ci95Relative: 0.01,
    bandwidthGBs: bytes / seconds / 1e9,
  };
}

/** A valid result document whose timings follow `law` exactly. */
export function documentFor(law: DeviceLaw, createdAt = '2026-11-25T04:00:00.000Z'): ResultDocument {
  const measurements: Measurement[] = [
    measurement('stream-read', 'raw', 256 * MIB, (256 * MIB) / (law.streamGBs * 1e9)),
  ];
  const fits = [];
  for (const [format, gbs] of Object.entries(law.bandwidthGBs) as [WeightFormat, number][]) {
    const ms = SIZES.map((b) => measurement('gemv', format, b, law.launchSeconds + b / (gbs * 1e9)));
    measurements.push(...ms);
    const fit = fitLaunchBandwidth(ms.map((m) => ({ bytes: m.bytesPerPass, seconds: m.medianSeconds })));
    fits.push({
      format,
      bandwidthGBs: fit.bandwidthGBs,
      launchSeconds: fit.launchSeconds,
      r2: fit.r2,
      points: fit.points,
    });
  }
  return ResultDocumentSchema.parse({
    schemaVersion: RESULT_SCHEMA_VERSION,
    app: { name: 'cliffbench', version: 'test' },
    createdAt,
    mode: 'quick',
    adapter: { vendor: 'nvidia', architecture: 'ampere', device: '', description: '' },
    features: ['timestamp-query'],
    limits: { maxBufferSize: 2 ** 30 },
    environment: { runtime: 'browser', userAgent: 'test' },
    timingMode: 'timestamp-query',
    tuning: { workgroupSize: 128 },
    measurements,
    sweep: SIZES.map((b) => ({
      workingSetBytes: b,
      bandwidthGBs: law.streamGBs,
      samplesSeconds: [b / (law.streamGBs * 1e9)],
    })),
    fits,
    upload: { bytes: 16 * MIB, samplesSeconds: [0.001], bandwidthGBs: 20 },
    ...(law.claimed === undefined ? {} : { claimedDevice: law.claimed }),
    durationSeconds: 12,
  });
}
