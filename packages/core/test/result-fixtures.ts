/**
 * Result documents for the tests: a version-1 document as the first uploads wrote it, and a RAM section of an
 * 8-core browser run whose best read is 41 GB/s with 4 workers.
 */
import { type RamMeasurement, type RamSection, RamSectionSchema } from '../src/index.js';

const MiB = 2 ** 20;

export const versionOne = {
  schemaVersion: 1,
  app: { name: 'cliffbench', version: '0.1.0' },
  createdAt: '2026-05-01T12:00:00.000Z',
  mode: 'quick',
  adapter: { vendor: 'nvidia', architecture: 'ampere', device: '', description: '' },
  features: [],
  limits: { maxBufferSize: 2 ** 31 },
  environment: { runtime: 'browser', userAgent: 'test' },
  timingMode: 'timestamp-query',
  tuning: {},
  measurements: [
    {
      kernel: 'stream-read',
      format: 'raw',
      label: 'stream 256 MiB',
      rows: 1,
      cols: 1,
      bytesPerPass: 256 * MiB,
      workingSetBytes: 256 * MiB,
      dispatchesPerPass: 1,
      samplesSeconds: [0.001],
      medianSeconds: 0.001,
      ci95Relative: 0.01,
      bandwidthGBs: 268,
    },
  ],
  sweep: [],
  fits: [],
  durationSeconds: 30,
};

function read(threads: number, bandwidthGBs: number): RamMeasurement {
  const bytesPerRound = 256 * MiB;
  const seconds = bytesPerRound / (bandwidthGBs * 1e9);
  return {
    kernel: 'read',
    threads,
    bytesPerWorker: bytesPerRound / threads,
    repsPerRound: 1,
    bytesPerRound,
    samplesSeconds: [seconds],
    medianSeconds: seconds,
    ci95Relative: 0,
    bandwidthGBs,
  };
}

export const ram: RamSection = RamSectionSchema.parse({
  runtime: 'browser',
  logicalCores: 8,
  barrier: 'message',
  timerResolutionSeconds: 1e-4,
  minRoundSeconds: 0.02,
  requestedBytes: 256 * MiB,
  allocatedBytes: 256 * MiB,
  notes: [],
  threadSweep: [read(1, 14), read(2, 27), read(4, 41), read(8, 39)],
  workingSetSweep: [],
  plateaus: [],
  singleThreadReadGBs: 14,
  bestReadGBs: 41,
  bestReadThreads: 4,
  singleThreadCopyGBs: 12,
  bestCopyGBs: 30,
  durationSeconds: 12,
});
