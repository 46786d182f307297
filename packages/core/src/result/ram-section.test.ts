import { describe, expect, it } from 'vitest';
import { ram, versionOne } from '../../test/result-fixtures.js';
import {
  CalibrationSchema,
  CliffbenchError,
  calibrationFromResult,
  parseResultDocument,
  RESULT_SCHEMA_VERSION,
  ResultDocumentSchema,
  ramCalibration,
} from '../index.js';

describe('result documents across schema versions', () => {
  it('reads a version-1 upload as the current version, with no RAM section', () => {
    const doc = parseResultDocument(versionOne);
    expect(RESULT_SCHEMA_VERSION).toBe(3);
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
      parseResultDocument({ ...versionOne, schemaVersion: 4 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliffbenchError);
    expect((error as CliffbenchError).code).toBe('invalid-result');
    expect((error as CliffbenchError).message).toMatch(/schemaVersion 1 or 2/);
    expect(ResultDocumentSchema.safeParse({ ...versionOne, schemaVersion: 4 }).success).toBe(false);
  });
});

describe('ramCalibration', () => {
  it('calibrates the estimator with the best all-worker read bandwidth', () => {
    const calibration = ramCalibration(ram);
    expect(calibration.ramBandwidthGBs).toBe(Math.max(...ram.threadSweep.map((m) => m.bandwidthGBs)));
    expect(CalibrationSchema.parse(calibration)).toEqual(calibration);
  });

  it('is part of the calibration a result document gives, and only when the document has a RAM section', () => {
    const withRam = calibrationFromResult(parseResultDocument({ ...versionOne, schemaVersion: 2, ram }));
    expect(withRam.ramBandwidthGBs).toBe(41);
    expect(withRam.source).toContain('RAM read 41.0 GB/s (4 workers)');
    const without = calibrationFromResult(parseResultDocument(versionOne));
    expect(without.ramBandwidthGBs).toBeUndefined();
    expect(without.source).not.toContain('RAM');
  });
});
