import { describe, expect, it } from 'vitest';
import {
  CalibrationSchema,
  calibrationFromResult,
  type FormatFit,
  type Measurement,
  type ResultDocument,
  ResultDocumentSchema,
} from '../index.js';

/** A GEMV timing of `bytes` on a device with `bandwidthGBs` and a 30 µs launch. */
function gemv(format: Measurement['format'], bytes: number, bandwidthGBs: number): Measurement {
  const seconds = 30e-6 + bytes / (bandwidthGBs * 1e9);
  return {
    kernel: 'gemv',
    format,
    label: `gemma-4-31b ffn_down ${bytes}`,
    rows: 4096,
    cols: 4096,
    bytesPerPass: bytes,
    workingSetBytes: 1024 ** 3,
    dispatchesPerPass: 1,
    samplesSeconds: [seconds],
    medianSeconds: seconds,
    ci95Relative: 0.01,
    bandwidthGBs: bytes / seconds / 1e9,
  };
}

function fit(format: FormatFit['format'], bandwidthGBs: number, r2 = 0.999): FormatFit {
  return { format, bandwidthGBs, launchSeconds: 30e-6, r2, points: 6 };
}

/** A schema-valid result document. */
function resultDocument(overrides: Partial<ResultDocument>): ResultDocument {
  return ResultDocumentSchema.parse({
    schemaVersion: 1,
    app: { name: 'cliffbench', version: '0.1.0' },
    createdAt: '2026-05-01T12:00:00.000Z',
    mode: 'quick',
    adapter: { vendor: 'nvidia', architecture: 'ampere', device: '', description: '' },
    features: ['shader-f16'],
    limits: { maxBufferSize: 2 ** 31 },
    environment: { runtime: 'browser', userAgent: 'test' },
    timingMode: 'timestamp-query',
    tuning: {},
    measurements: [gemv('q4_k', 64e6, 300)],
    sweep: [],
    fits: [],
    durationSeconds: 30,
    ...overrides,
  });
}

describe('calibrationFromResult', () => {
  it('prefers the Q4_K GEMV fit and takes the upload bandwidth as the PCIe figure', () => {
    const doc = resultDocument({
      fits: [fit('f16', 330), fit('q8_0', 320), fit('q4_0', 290), fit('q4_k', 280)],
      upload: { bytes: 256e6, samplesSeconds: [0.0107], bandwidthGBs: 23.9 },
      claimedDevice: { deviceId: 'geforce-rtx-3060-12gb', name: 'GeForce RTX 3060 12GB' },
    });
    const calibration = calibrationFromResult(doc);
    expect(calibration.gpuBandwidthGBs).toBe(280);
    expect(calibration.pcieGBs).toBe(23.9);
    expect(calibration.source).toContain('q4_k');
    expect(calibration.source).toContain('GeForce RTX 3060 12GB');
    expect(calibration.source).toContain('2026-05-01');
    expect(CalibrationSchema.parse(calibration)).toEqual(calibration);
  });

  it('falls back to Q4_0, then to the fastest other format, skipping fits that explain little', () => {
    expect(
      calibrationFromResult(resultDocument({ fits: [fit('q8_0', 320), fit('q4_0', 290)] })).gpuBandwidthGBs,
    ).toBe(290);
    const poorQ4 = resultDocument({ fits: [fit('q4_k', 150, 0.4), fit('q8_0', 320), fit('f16', 335)] });
    const calibration = calibrationFromResult(poorQ4);
    expect(calibration.gpuBandwidthGBs).toBe(335);
    expect(calibration.source).toContain('f16');
    expect(calibration.pcieGBs).toBeUndefined();
  });

  it('refits the raw GEMV timings when the document has no fits', () => {
    const measurements = [8e6, 32e6, 128e6, 512e6].map((bytes) => gemv('q4_0', bytes, 250));
    const calibration = calibrationFromResult(resultDocument({ measurements }));
    expect(calibration.gpuBandwidthGBs).toBeCloseTo(250, 6);
    expect(calibration.source).toContain('refit');
    expect(calibration.source).toContain('nvidia ampere');
  });

  it('uses the largest single pass when no fit is possible, which understates bandwidth', () => {
    const single = gemv('f16', 512e6, 400);
    const calibration = calibrationFromResult(
      resultDocument({ measurements: [single, gemv('f16', 16e6, 400)].slice(0, 1) }),
    );
    expect(calibration.gpuBandwidthGBs).toBe(single.bandwidthGBs);
    expect(calibration.gpuBandwidthGBs).toBeLessThan(400);
    expect(calibration.source).toContain('no fit');
  });
});
