import { describe, expect, it } from 'vitest';
import {
  CalibrationSchema,
  CliffbenchError,
  parseResultDocument,
  type RamMeasurement,
  type RamSection,
  RamSectionSchema,
  RESULT_SCHEMA_VERSION,
  ResultDocumentSchema,
  ramCalibration,
} from '../index.js';

const MiB = 2 ** 20;

/** A version-1 document as the first uploads wrote it. */
const versionOne = {
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

const ram: RamSection = RamSectionSchema.parse({
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

describe('result documents across schema versions', () => {
  it('reads a version-1 upload as the current version, with no RAM section', () => {
    const doc = parseResultDocument(versionOne);
    expect(RESULT_SCHEMA_VERSION).toBe(2);
    expect(doc.schemaVersion).toBe(RESULT_SCHEMA_VERSION);
    expect(doc.ram).toBeUndefined();
    expect(doc.measurements[0]?.bandwidthGBs).toBe(268);
  });

  it('keeps the RAM section of a version-2 document and refuses a malformed one', () => {
    expect(parseResultDocument({ ...versionOne, schemaVersion: 2, ram }).ram).toEqual(ram);
    const broken = { ...ram, bestReadGBs: -1 };
    expect(() => parseResultDocument({ ...versionOne, schemaVersion: 2, ram: broken })).toThrow(
      /bestReadGBs/,
    );
  });

  it('refuses other versions with an invalid-result error that names the accepted ones', () => {
    let error: unknown;
    try {
      parseResultDocument({ ...versionOne, schemaVersion: 3 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliffbenchError);
    expect((error as CliffbenchError).code).toBe('invalid-result');
    expect((error as CliffbenchError).message).toMatch(/schemaVersion 1 or 2/);
    expect(ResultDocumentSchema.safeParse({ ...versionOne, schemaVersion: 3 }).success).toBe(false);
  });
});

describe('ramCalibration', () => {
  it('calibrates the estimator with the best all-worker read bandwidth', () => {
    const calibration = ramCalibration(ram);
    expect(calibration.ramBandwidthGBs).toBe(Math.max(...ram.threadSweep.map((m) => m.bandwidthGBs)));
    expect(CalibrationSchema.parse(calibration)).toEqual(calibration);
  });
});
