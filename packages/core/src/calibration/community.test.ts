import { describe, expect, it } from 'vitest';
import {
  type CommunityCalibration,
  communityCalibration,
  estimate,
  robustAggregate,
  webgpuRatioCalibration,
} from '../index.js';

describe('robust community aggregates', () => {
  it('counts each source once however many runs it sends', () => {
    const flood = Array.from({ length: 100 }, () => ({ source: 'spammer', value: 2 }));
    const honest = [0.8, 0.82, 0.78, 0.81].map((value, i) => ({ source: `s${i}`, value }));
    const agg = robustAggregate([...flood, ...honest]);
    expect(agg?.sources).toBe(4);
    expect(agg?.rejected).toBe(1);
    expect(agg?.median).toBeCloseTo(0.805, 3);
    expect(agg?.runs).toBe(4);
  });

  it('keeps every source when they agree and ignores non-positive values', () => {
    const agg = robustAggregate([
      { source: 'a', value: 1 },
      { source: 'a', value: 3 },
      { source: 'b', value: 2 },
      { source: 'c', value: -1 },
    ]);
    expect(agg).toMatchObject({ median: 2, sources: 2, runs: 3, rejected: 0 });
    expect(robustAggregate([])).toBeUndefined();
  });
});

const agg = (median: number, sources: number) => ({
  median,
  p25: median * 0.95,
  p75: median * 1.05,
  mad: median * 0.05,
  sources,
  runs: sources * 2,
  rejected: 0,
});

const community = (sources: number): CommunityCalibration => ({
  deviceId: 'geforce-rtx-4090',
  decodeEta: { all: agg(0.7, sources), byBackend: { cuda: agg(0.72, sources) } },
  decodeEfficiency: { all: agg(0.9, sources), byBackend: {} },
  prefillEfficiency: { all: undefined, byBackend: {} },
  webgpuToLlama: { 'nvidia/cuda': agg(1.1, sources) },
});

describe('community calibration of an estimate', () => {
  it('uses the device backend η once enough sources agree, and says so in the basis', () => {
    const c = communityCalibration(community(5), 'cuda');
    expect(c?.eta).toBeCloseTo(0.72);
    expect(c?.source).toMatch(/^calibrated by 10 uploaded runs from 5 sources cuda/);
    const base = { model: 'llama-3.1-8b', quant: 'Q4_K_M', device: 'rtx 4090' };
    const calibrated = estimate({ ...base, calibration: c });
    expect(calibrated.basis).toMatch(/calibrated by 10 uploaded runs/);
    expect(calibrated.decodeTokensPerSecond).toBeLessThan(estimate(base).decodeTokensPerSecond);
  });

  it('uses nothing below the minimum number of sources', () => {
    expect(communityCalibration(community(2), 'cuda')).toBeUndefined();
    expect(webgpuRatioCalibration(community(2), 'NVIDIA', 'cuda', 800)).toBeUndefined();
  });

  it('applies the learned WebGPU → llama.cpp ratio to a WebGPU-only visitor', () => {
    const c = webgpuRatioCalibration(community(4), 'NVIDIA', 'cuda', 800);
    expect(c?.gpuBandwidthGBs).toBeCloseTo(880);
    expect(c?.source).toMatch(/ratio of 4 NVIDIA uploads/);
  });
});
