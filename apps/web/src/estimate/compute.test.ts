import { estimateDetailed, findDevice } from '@cliffbench/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INPUTS, type Inputs, KV_TYPES, OFFLOAD_MODES } from '../state/url-state.js';
import { compute } from './compute.js';
import { scenarioOf } from './scenario-of.js';

const seed: Inputs = { ...DEFAULT_INPUTS, model: 'gemma-4-31b', device: 'GeForce RTX 3060 12GB', ramGB: 32 };
const rtx3060 = findDevice('rtx 3060 12gb');

describe('compute', () => {
  it('shows Gemma 4 31B Q4_K_M spilling off a 12 GB RTX 3060 and where the layers stop fitting', () => {
    const c = compute(seed);
    const e = c.spec!.estimate;
    expect(e.regime).not.toBe('gpu');
    expect(e.placement.gpuLayers).toBeLessThan(e.placement.totalLayers);
    const cliff = c.spec!.gpuLayers.cliffX!;
    expect(cliff).toBeGreaterThan(0);
    expect(cliff).toBeLessThan(e.placement.totalLayers);
    // Everything in GPU memory needs more than the card has: the memory curve's crossing lies past 12 GB.
    expect(c.spec!.gpuMemory!.cliffX!).toBeGreaterThan(12);
  });

  it('gives the same estimate through its cache as a fresh resolve of the same scenario', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('gemma-4-31b', 'gemma-4-26b-a4b', 'gemma-4-e4b'),
        fc.constantFrom(2048, 8192, 32768, 131072),
        fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
        fc.constantFrom(...OFFLOAD_MODES),
        fc.constantFrom(...KV_TYPES),
        fc.constantFrom<Partial<Inputs>>(
          {},
          { parallel: 4 },
          { parallel: 3, kvUnified: true },
          { parallel: 2, parallelRuntime: 'ollama' },
        ),
        fc.constantFrom<Partial<Inputs>>(
          {},
          { extraDevices: ['geforce-rtx-3060-12gb'], tensorSplit: [3, 1] },
          { extraDevices: ['geforce-rtx-3090'], splitMode: 'row', mainGpu: 1 },
        ),
        fc.constantFrom<Partial<Inputs>>(
          {},
          { mmprojBytes: 860e6 },
          { mmprojBytes: 1.2e9, mmprojOnCpu: true },
        ),
        (model, contextTokens, gpuLayers, offload, kvCacheType, streams, gpus, projector) => {
          const inputs: Inputs = {
            ...seed,
            model,
            contextTokens,
            offload,
            kvCacheType,
            ...(gpuLayers === undefined ? {} : { gpuLayers }),
            ...streams,
            ...gpus,
            ...projector,
          };
          const fresh = estimateDetailed(scenarioOf(inputs).input);
          const cached = compute(inputs).spec!.estimate;
          expect(cached.decodeTokensPerSecond).toBe(fresh.decodeTokensPerSecond);
          expect(cached.memory).toEqual(fresh.memory);
          expect(cached.regime).toBe(fresh.regime);
          expect(cached.parallel).toEqual(fresh.parallel);
          expect(cached.placement.perDevice).toEqual(fresh.placement.perDevice);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('adds a calibrated outcome only for the device the figures were measured on', () => {
    const spec = rtx3060.bandwidthGBs;
    const small: Inputs = { ...seed, model: 'gemma-4-e4b' };
    const halved = { deviceId: rtx3060.id, calibration: { gpuBandwidthGBs: spec / 2 } };
    const c = compute(small, undefined, halved);
    expect(c.spec!.estimate.regime).toBe('gpu');
    expect(c.calibrated!.estimate.decodeTokensPerSecond).toBeLessThan(c.spec!.estimate.decodeTokensPerSecond);
    const other = compute(small, undefined, { ...halved, deviceId: 'geforce-rtx-4090' });
    expect(other.calibrated).toBeUndefined();
  });

  it('keeps a measured RAM bandwidth on every device (it is this machine) and GPU figures on their own', () => {
    const measured = {
      deviceId: 'geforce-rtx-4090',
      calibration: { gpuBandwidthGBs: 900, ramBandwidthGBs: 30 },
    };
    const c = compute(seed, undefined, measured);
    expect(c.spec!.estimate.regime).toBe('partial-offload');
    expect(c.calibrated!.estimate.basis).toMatch(/measured RAM bandwidth 30\.0 GB\/s/);
    expect(c.calibrated!.estimate.basis).not.toMatch(/measured GPU bandwidth/);
    expect(c.calibrated!.estimate.decodeTokensPerSecond).toBeLessThan(c.spec!.estimate.decodeTokensPerSecond);
  });

  it('draws decode against streams only when more than one is asked for, on both bases', () => {
    expect(compute(seed).spec!.concurrency).toBeUndefined();
    const measured = { deviceId: rtx3060.id, calibration: { gpuBandwidthGBs: rtx3060.bandwidthGBs / 2 } };
    const c = compute({ ...seed, model: 'gemma-4-e4b', parallel: 4 }, undefined, measured);
    expect(c.spec!.concurrency?.current).toBe(4);
    const spec4 = c.spec!.concurrency?.points.find((p) => p.streams === 4);
    const measured4 = c.calibrated!.concurrency?.points.find((p) => p.streams === 4);
    expect(spec4?.aggregateTokensPerSecond).toBe(c.spec!.estimate.parallel?.aggregateTokensPerSecond);
    expect(measured4!.perStreamTokensPerSecond).toBeLessThan(spec4!.perStreamTokensPerSecond);
  });

  it('turns a device core cannot resolve into a message that names it', () => {
    const c = compute({ ...seed, device: 'quantum toaster 9000' });
    expect(c.spec).toBeUndefined();
    expect(c.error).toMatch(/quantum toaster 9000/);
  });
});
