import { RESULT_SCHEMA_VERSION, type ResultDocument } from '@cliffbench/core';
import { describe, expect, it } from 'vitest';
import { browserName, deviceName, resultName } from './result-labels.js';

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

const ua = {
  edge: 'Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36 Edg/140.0',
  chrome: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36',
  safari: 'Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.0 Safari/605.1.15',
};

describe('result labels', () => {
  it('names the browser the run reports, else the one its user agent names, else the runtime', () => {
    expect(
      browserName(doc({ environment: { runtime: 'browser', userAgent: ua.edge, browser: 'Arc' } })),
    ).toBe('Arc');
    expect(browserName(doc({ environment: { runtime: 'browser', userAgent: ua.edge } }))).toBe('Edge');
    expect(browserName(doc({ environment: { runtime: 'browser', userAgent: ua.chrome } }))).toBe('Chrome');
    expect(browserName(doc({ environment: { runtime: 'browser', userAgent: ua.safari } }))).toBe('Safari');
    expect(browserName(doc({ environment: { runtime: 'node', userAgent: 'node v20' } }))).toBe('node');
  });

  it('names the device by catalog entry, then the uploader, then the adapter', () => {
    const claimed = { deviceId: 'geforce-rtx-3060-12gb', name: 'my card' };
    expect(deviceName(doc({ claimedDevice: claimed }))).toBe('GeForce RTX 3060 12GB');
    expect(deviceName(doc({ claimedDevice: { name: 'home-made accelerator' } }))).toBe(
      'home-made accelerator',
    );
    expect(resultName(doc({}))).toBe('google swiftshader');
  });
});
