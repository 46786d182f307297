import { RESULT_SCHEMA_VERSION, type ResultDocument } from '@cliffbench/core';
import { describe, expect, it } from 'vitest';
import { deviceName } from './result-labels.js';

const doc = (patch: Partial<ResultDocument>): ResultDocument => ({
  schemaVersion: RESULT_SCHEMA_VERSION,
  app: { name: 'cliffbench', version: 'test' },
  createdAt: '2026-11-01T00:00:00.000Z',
  mode: 'quick',
  adapter: { vendor: 'google', architecture: 'swiftshader', device: '', description: '' },
  features: [],
  limits: {},
  environment: { runtime: 'browser', userAgent: '' },
  timingMode: 'wall-clock',
  tuning: {},
  measurements: [],
  sweep: [],
  fits: [],
  durationSeconds: 1,
  ...patch,
});

describe('result labels', () => {
  it('names the device by catalog entry, then the uploader, then the adapter', () => {
    const claimed = { deviceId: 'geforce-rtx-3060-12gb', name: 'my card' };
    expect(deviceName(doc({ claimedDevice: claimed }))).toBe('GeForce RTX 3060 12GB');
    expect(deviceName(doc({ claimedDevice: { name: 'home-made accelerator' } }))).toBe(
      'home-made accelerator',
    );
    expect(deviceName(doc({}))).toBe('google swiftshader');
  });
});
