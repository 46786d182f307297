/**
 * Result documents for the server tests, built to satisfy ResultDocumentSchema with internally consistent
 * figures: every measurement's median is the median of its samples and its bandwidth is bytes ÷ median.
 */
import { type Measurement, RESULT_SCHEMA_VERSION, type ResultDocument } from '@cliffbench/core';

export interface DocumentOptions {
  /** Makes the document distinct (its run time). @default 0 */
  readonly n?: number;
  /** Effective bandwidth the timings imply, GB/s. @default 300 */
  readonly bandwidthGBs?: number;
  readonly claimedDevice?: ResultDocument['claimedDevice'];
  /** @default 'nvidia' */
  readonly vendor?: string;
  /** @default 'Chrome' */
  readonly browser?: string;
}

const MiB = 2 ** 20;
/** Per-dispatch launch cost the timings include, seconds. */
const LAUNCH_SECONDS = 20e-6;
/** Relative spread of the five samples around the model time. */
const SPREAD = [-0.02, -0.01, 0, 0.01, 0.03];

function measurement(
  kernel: Measurement['kernel'],
  format: Measurement['format'],
  label: string,
  bytes: number,
  bandwidthGBs: number,
): Measurement {
  const model = LAUNCH_SECONDS + bytes / (bandwidthGBs * 1e9);
  const samplesSeconds = SPREAD.map((s) => model * (1 + s));
  const medianSeconds = model; // SPREAD's middle value is 0
  return {
    kernel,
    format,
    label,
    rows: 4096,
    cols: Math.max(1, Math.round(bytes / 4096)),
    bytesPerPass: bytes,
    workingSetBytes: bytes * 4,
    dispatchesPerPass: 1,
    samplesSeconds,
    medianSeconds,
    ci95Relative: 0.02,
    bandwidthGBs: bytes / medianSeconds / 1e9,
  };
}

/** A quick run on a GPU with the given bandwidth. */
export function resultDocument(options: DocumentOptions = {}): ResultDocument {
  const n = options.n ?? 0;
  const bw = options.bandwidthGBs ?? 300;
  const sizes = [16 * MiB, 64 * MiB, 256 * MiB];
  const measurements = [
    measurement('stream-read', 'raw', 'stream 256 MiB', 256 * MiB, bw),
    ...sizes.map((b) => measurement('gemv', 'q4_0', `gemma-4 ffn ${b / MiB} MiB`, b, bw)),
  ];
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    app: { name: 'cliffbench', version: '0.1.0' },
    createdAt: new Date(Date.UTC(2026, 10, 1) + n * 1000).toISOString(),
    mode: 'quick',
    adapter: {
      vendor: options.vendor ?? 'nvidia',
      architecture: 'ampere',
      device: '',
      description: 'test adapter',
    },
    features: ['shader-f16', 'timestamp-query'],
    limits: { maxBufferSize: 4 * 1024 * MiB, maxStorageBufferBindingSize: 2 * 1024 * MiB },
    environment: {
      runtime: 'browser',
      userAgent:
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36',
      browser: options.browser ?? 'Chrome',
      logicalCores: 8,
    },
    timingMode: 'timestamp-query',
    tuning: { workgroupSize: 256, rowsPerWorkgroup: 4 },
    measurements,
    sweep: [4 * MiB, 64 * MiB, 1024 * MiB].map((ws, i) => ({
      workingSetBytes: ws,
      bandwidthGBs: bw * (1.5 - i * 0.25),
      samplesSeconds: [0.001, 0.0011],
    })),
    fits: [
      { format: 'q4_0', bandwidthGBs: bw, launchSeconds: LAUNCH_SECONDS, r2: 0.999, points: sizes.length },
    ],
    ...(options.claimedDevice ? { claimedDevice: options.claimedDevice } : {}),
    durationSeconds: 12 + n / 1000,
  };
}
