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

const agg = (median: number, sources: number, halfIqr = 0.05) => ({
  median,
  p25: median * (1 - halfIqr),
  p75: median * (1 + halfIqr),
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

  it('carries the sources’ spread: a wider spread gives a wider band, and the basis says so', () => {
    const base = { model: 'llama-3.1-8b', quant: 'Q4_K_M', device: 'rtx 4090' };
    const withSpread = (halfIqr: number) => {
      const c = community(5);
      const spread = { ...c, decodeEta: { all: undefined, byBackend: { cuda: agg(0.72, 5, halfIqr) } } };
      return estimate({ ...base, calibration: communityCalibration(spread, 'cuda') });
    };
    const narrow = withSpread(0.05);
    const wide = withSpread(0.2);
    expect(communityCalibration(community(5), 'cuda')?.decodeSpread).toBeCloseTo(0.1, 12);
    expect(wide.decodeTokensPerSecond).toBe(narrow.decodeTokensPerSecond);
    expect(wide.band.high / wide.band.low).toBeGreaterThan(narrow.band.high / narrow.band.low);
    expect(wide.basis).toMatch(/calibrated by 10 uploaded runs.*p25-p75 \(spread 40%\)/);
  });

  it('applies the sources’ prefill efficiency to prefill and time to first token, with its spread', () => {
    const base = { model: 'llama-3.1-8b', quant: 'Q4_K_M', device: 'rtx 4090' };
    const c = communityCalibration(
      { ...community(5), prefillEfficiency: { all: agg(0.8, 4, 0.1), byBackend: {} } },
      'cuda',
    );
    expect(c).toMatchObject({ eta: 0.72, prefillEfficiency: 0.8 });
    expect(c?.prefillSpread).toBeCloseTo(0.2, 12);
    expect(c?.source).toMatch(
      /; prefill ×0\.80 of the physics estimate \(p25-p75 0\.72-0\.88\) from 8 runs$/,
    );
    const plain = estimate({ ...base, calibration: { eta: 0.72 } });
    const calibrated = estimate({ ...base, calibration: c });
    expect(calibrated.prefillTokensPerSecond / plain.prefillTokensPerSecond).toBeCloseTo(0.8, 12);
    expect(calibrated.timeToFirstTokenSeconds).toBeGreaterThan(plain.timeToFirstTokenSeconds);
    const width = (b: { low: number; high: number }) => b.high / b.low;
    expect(width(calibrated.prefillBand)).toBeGreaterThan(width(plain.prefillBand));
    // Enough prefill sources alone still calibrate prefill.
    const prefillOnly = communityCalibration(
      { ...community(2), prefillEfficiency: { all: agg(0.8, 4), byBackend: {} } },
      'cuda',
    );
    expect(prefillOnly?.eta).toBeUndefined();
    expect(prefillOnly?.source).toMatch(/^calibrated by 8 uploaded runs from 4 sources: prefill ×0\.80/);
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
