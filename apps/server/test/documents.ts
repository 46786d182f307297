/**
 * Result documents for the server tests, built to satisfy ResultDocumentSchema with internally consistent
 * figures: every median is the median of its samples and every bandwidth is bytes ÷ median ÷ 1e9, as the
 * benchmarks write them. `realDocument()` is a real run: the GPU part from Dawn/SwiftShader in Node, the RAM
 * section from @cliffbench/host-bench on Node worker_threads (2 workers, 256 MiB).
 */
import { readFileSync } from 'node:fs';
import {
  type Measurement,
  type RamMeasurement,
  RamMeasurementSchema,
  type RamSection,
  RESULT_SCHEMA_VERSION,
  type ResultDocument,
  ResultDocumentSchema,
} from '@cliffbench/core';

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
  /** Adds a 64 MiB upload at this bandwidth, GB/s. */
  readonly uploadGBs?: number;
  /** Adds a RAM section (see `ramSection`). */
  readonly ram?: RamSection;
}

const MiB = 2 ** 20;
/** Per-dispatch launch cost the timings include, seconds. */
const LAUNCH_SECONDS = 20e-6;
/** Relative spread of five samples around the model time; the middle one is the median. */
const SPREAD = [-0.02, -0.01, 0, 0.01, 0.03];

/** Samples around `seconds` whose median is exactly `seconds`. */
const samplesAround = (seconds: number) => SPREAD.map((s) => seconds * (1 + s));

function measurement(
  kernel: Measurement['kernel'],
  format: Measurement['format'],
  label: string,
  bytes: number,
  bandwidthGBs: number,
): Measurement {
  const medianSeconds = LAUNCH_SECONDS + bytes / (bandwidthGBs * 1e9);
  return {
    kernel,
    format,
    label,
    rows: 4096,
    cols: Math.max(1, Math.round(bytes / 4096)),
    bytesPerPass: bytes,
    workingSetBytes: bytes * 4,
    dispatchesPerPass: 1,
    samplesSeconds: samplesAround(medianSeconds),
    medianSeconds,
    ci95Relative: 0.02,
    bandwidthGBs: bytes / medianSeconds / 1e9,
  };
}

/** Samples whose median moves `bytes` at `bandwidthGBs`, and the bandwidth they give. */
function timed(bytes: number, bandwidthGBs: number) {
  const samplesSeconds = samplesAround(bytes / (bandwidthGBs * 1e9));
  return { samplesSeconds, bandwidthGBs: bytes / (samplesSeconds[2] as number) / 1e9 };
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
  const upload =
    options.uploadGBs === undefined ? undefined : { bytes: 64 * MiB, ...timed(64 * MiB, options.uploadGBs) };
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
    // Faster while the working set fits in cache; the measured bandwidth beyond it.
    sweep: [4 * MiB, 64 * MiB, 1024 * MiB].map((ws, i) => ({
      workingSetBytes: ws,
      ...timed(ws, bw * (1.5 - i * 0.25)),
    })),
    fits: [
      { format: 'q4_0', bandwidthGBs: bw, launchSeconds: LAUNCH_SECONDS, r2: 0.999, points: sizes.length },
    ],
    ...(upload ? { upload } : {}),
    ...(options.claimedDevice ? { claimedDevice: options.claimedDevice } : {}),
    ...(options.ram ? { ram: options.ram } : {}),
    durationSeconds: 12 + n / 1000,
  };
}

/** Whether core's RAM measurement records how concurrently the workers ran (host-bench work in progress). */
const HAS_CONCURRENCY = 'concurrency' in RamMeasurementSchema.shape;

/**
 * A RAM section whose reads reach `readGBs` with two workers over `bytesPerWorker` each (one worker: 60 %;
 * copies: 80 % of the read), and a single-worker working-set sweep at 1 MiB and `bytesPerWorker`.
 */
export function ramSection(readGBs: number, bytesPerWorker = 512 * MiB): RamSection {
  const reps = 2;
  const threadSweep: RamMeasurement[] = [1, 2].flatMap((threads) =>
    (['read', 'copy'] as const).map((kernel) => {
      const bytesPerRound = threads * bytesPerWorker * reps;
      const gbs = readGBs * (threads === 1 ? 0.6 : 1) * (kernel === 'copy' ? 0.8 : 1);
      const { samplesSeconds, bandwidthGBs } = timed(bytesPerRound, gbs);
      return {
        kernel,
        threads,
        bytesPerWorker,
        repsPerRound: reps,
        bytesPerRound,
        samplesSeconds,
        medianSeconds: samplesSeconds[2] as number,
        ci95Relative: 0.02,
        bandwidthGBs,
        ...(HAS_CONCURRENCY ? { concurrency: 1 } : {}),
      };
    }),
  );
  const pick = (kernel: string, threads: number) =>
    threadSweep.find((m) => m.kernel === kernel && m.threads === threads)?.bandwidthGBs as number;
  const workingSetSweep = [MiB, bytesPerWorker].map((ws) => {
    const { samplesSeconds, bandwidthGBs } = timed(ws * reps, readGBs * 0.6);
    return {
      workingSetBytes: ws,
      repsPerRound: reps,
      samplesSeconds,
      medianSeconds: samplesSeconds[2] as number,
      ci95Relative: 0.02,
      bandwidthGBs,
    };
  });
  return {
    runtime: 'browser',
    logicalCores: 8,
    barrier: 'atomics',
    timerResolutionSeconds: 1e-4,
    minRoundSeconds: 0.01,
    requestedBytes: 2 * bytesPerWorker,
    allocatedBytes: 2 * bytesPerWorker,
    notes: [],
    threadSweep,
    workingSetSweep,
    plateaus: [],
    singleThreadReadGBs: pick('read', 1),
    bestReadGBs: pick('read', 2),
    bestReadThreads: 2,
    singleThreadCopyGBs: pick('copy', 1),
    bestCopyGBs: pick('copy', 2),
    durationSeconds: 5,
  };
}

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8'));

/** A real quick run (Dawn on SwiftShader, written as schema version 1) with a real RAM section added. */
export function realDocument(): ResultDocument {
  const gpu = fixture('swiftshader-quick.json') as Record<string, unknown>;
  return ResultDocumentSchema.parse({
    ...gpu,
    schemaVersion: RESULT_SCHEMA_VERSION,
    ram: fixture('node-ram-section.json'),
  });
}
