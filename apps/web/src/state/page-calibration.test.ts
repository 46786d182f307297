import { describe, expect, it } from 'vitest';
import { fromShared, mergeCalibration, sharedOf } from './page-calibration.js';
import { DEFAULT_INPUTS, queryFromState, stateFromQuery } from './url-state.js';

const dev = 'geforce-rtx-3060-12gb';

describe('mergeCalibration', () => {
  it('combines figures of the same device and keeps both sources', () => {
    const gpu = mergeCalibration(undefined, dev, {
      gpuBandwidthGBs: 301.234,
      pcieGBs: 24.5,
      source: 'WebGPU',
    });
    const both = mergeCalibration(gpu, dev, { ramBandwidthGBs: 40.1, source: 'RAM benchmark' });
    expect(both.calibration).toEqual({
      gpuBandwidthGBs: 301.2,
      pcieGBs: 24.5,
      ramBandwidthGBs: 40.1,
      source: 'WebGPU + RAM benchmark',
    });
  });

  it('starts afresh for another device, keeping only the RAM bandwidth, which is this machine', () => {
    const gpu = mergeCalibration(undefined, dev, { gpuBandwidthGBs: 300, source: 'WebGPU' });
    const other = mergeCalibration(gpu, 'geforce-rtx-4090', { ramBandwidthGBs: 80 });
    expect(other).toEqual({ deviceId: 'geforce-rtx-4090', calibration: { ramBandwidthGBs: 80 } });
    const again = mergeCalibration(other, dev, { gpuBandwidthGBs: 290 });
    expect(again).toEqual({ deviceId: dev, calibration: { gpuBandwidthGBs: 290, ramBandwidthGBs: 80 } });
  });

  it('lets a llama-bench decode fit replace the WebGPU bandwidth, which core would otherwise prefer', () => {
    const gpu = mergeCalibration(undefined, dev, { gpuBandwidthGBs: 300, pcieGBs: 20 });
    const fit = mergeCalibration(gpu, dev, { eta: 0.8712, t0Seconds: 0.00412 });
    expect(fit.calibration.gpuBandwidthGBs).toBeUndefined();
    expect(fit.calibration).toMatchObject({ eta: 0.8712, t0Seconds: 0.00412, pcieGBs: 20 });
  });

  it('carries exactly the applied figures through a share link', () => {
    const applied = mergeCalibration(undefined, dev, {
      gpuBandwidthGBs: 123.456789,
      t0Seconds: 0.0123456,
      prefillEfficiency: 0.8765432,
    });
    const link = queryFromState({ inputs: DEFAULT_INPUTS, calibration: sharedOf(applied) });
    const back = fromShared(stateFromQuery(link).calibration!);
    const { source: _a, ...figures } = applied.calibration;
    const { source: _b, ...shared } = back.calibration;
    expect(shared).toEqual(figures);
    expect(back.deviceId).toBe(dev);
  });
});
