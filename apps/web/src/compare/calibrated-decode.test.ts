import { RESULT_SCHEMA_VERSION, type ResultDocument } from '@cliffbench/core';
import { describe, expect, it } from 'vitest';
import { COMPARED_MODELS, calibratedDecode, claimedCatalogDevice } from './calibrated-decode.js';

/** A minimal valid document whose only fit says the device reaches `bandwidthGBs`. */
const doc = (bandwidthGBs: number, claimedDevice?: ResultDocument['claimedDevice']): ResultDocument => ({
  schemaVersion: RESULT_SCHEMA_VERSION,
  app: { name: 'cliffbench', version: 'test' },
  createdAt: '2026-11-01T00:00:00.000Z',
  mode: 'quick',
  adapter: { vendor: 'v', architecture: 'a', device: '', description: 'd' },
  features: [],
  limits: {},
  environment: { runtime: 'browser', userAgent: 'test' },
  timingMode: 'timestamp-query',
  tuning: {},
  measurements: [
    {
      kernel: 'gemv',
      format: 'q4_k',
      label: 'x',
      rows: 1,
      cols: 1,
      bytesPerPass: 1e8,
      workingSetBytes: 4e8,
      dispatchesPerPass: 1,
      samplesSeconds: [1e8 / (bandwidthGBs * 1e9)],
      medianSeconds: 1e8 / (bandwidthGBs * 1e9),
      ci95Relative: 0,
      bandwidthGBs,
    },
  ],
  sweep: [],
  fits: [{ format: 'q4_k', bandwidthGBs, launchSeconds: 1e-5, r2: 0.999, points: 3 }],
  ...(claimedDevice ? { claimedDevice } : {}),
  durationSeconds: 1,
});

const rtx3060 = { deviceId: 'geforce-rtx-3060-12gb', name: 'mine' };

describe('calibrated decode on a claimed device', () => {
  it('finds the claimed device by catalog id before its free-text name', () => {
    expect(claimedCatalogDevice(doc(300, rtx3060))?.id).toBe('geforce-rtx-3060-12gb');
    expect(claimedCatalogDevice(doc(300))).toBeUndefined();
  });

  it('gives no estimate when the result claims no catalog device', () => {
    expect(calibratedDecode(doc(300, { name: 'a home-made accelerator' }), 'gemma-4-e4b')).toBeUndefined();
  });

  it('decodes faster the more bandwidth the run measured, for every compared Gemma 4 model that fits', () => {
    for (const { id } of COMPARED_MODELS) {
      const slow = calibratedDecode(doc(150, rtx3060), id);
      const fast = calibratedDecode(doc(300, rtx3060), id);
      if (slow === undefined || fast === undefined) continue;
      expect(fast.tokensPerSecond, id).toBeGreaterThan(slow.tokensPerSecond);
    }
    expect(calibratedDecode(doc(300, rtx3060), 'gemma-4-e4b')?.tokensPerSecond).toBeGreaterThan(0);
  });
});
