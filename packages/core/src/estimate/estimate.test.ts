import { describe, expect, it } from 'vitest';
import {
  backendDefaults,
  CliffbenchError,
  estimate,
  estimateDetailed,
  type ScenarioInput,
  sharedSpeed,
} from '../index.js';

const on3060: ScenarioInput = { model: 'llama-3-8b', quant: 'Q4_K_M', device: 'rtx 3060 12gb' };

describe('calibration and basis', () => {
  it('uses a measured GPU bandwidth in place of spec × η, and says so', () => {
    const spec = estimateDetailed(on3060);
    const measured = estimateDetailed({
      ...on3060,
      calibration: { gpuBandwidthGBs: 200, source: 'WebGPU run' },
    });
    expect(spec.breakdown.bandwidths.gpuEffectiveGBs).toBeCloseTo(360 * backendDefaults.cuda.eta, 6);
    expect(measured.breakdown.bandwidths.gpuEffectiveGBs).toBeCloseTo(200, 6);
    expect(measured.decodeTokensPerSecond).toBeLessThan(spec.decodeTokensPerSecond);
    expect(measured.basis).toMatch(/measured GPU bandwidth 200 GB\/s/);
    expect(measured.basis).toMatch(/calibration: WebGPU run/);
    expect(spec.basis).toMatch(/spec 360 GB\/s × η 0\.\d+ \(cuda fit\)/);
  });

  it('reads RAM-held layers at measuredRamEta of a measured RAM bandwidth, and says so', () => {
    const partial: ScenarioInput = { model: 'gemma-4-31b', quant: 'Q4_K_M', device: 'rtx 3060 12gb' };
    const spec = estimateDetailed({ ...partial, host: { ramGB: 32, ramBandwidthGBs: 51.2 } });
    const measured = estimateDetailed({
      ...partial,
      host: { ramGB: 32, ramBandwidthGBs: 51.2 },
      calibration: { ramBandwidthGBs: 30, source: 'RAM benchmark' },
    });
    const cap = backendDefaults.cpu.capGBs ?? Number.POSITIVE_INFINITY;
    const rate = (gbs: number): number => 1 / (1 / gbs + 1 / cap);
    expect(spec.breakdown.bandwidths.cpuEffectiveGBs).toBeCloseTo(rate(51.2 * backendDefaults.cpu.eta), 6);
    expect(measured.breakdown.bandwidths.cpuEffectiveGBs).toBeCloseTo(
      rate(30 * sharedSpeed.measuredRamEta),
      6,
    );
    expect(measured.regime).toBe('partial-offload');
    expect(measured.decodeTokensPerSecond).toBeLessThan(spec.decodeTokensPerSecond);
    expect(measured.basis).toMatch(/measured RAM bandwidth 30\.0 GB\/s → CPU reads 23\.6 GB\/s/);
    expect(spec.basis).toMatch(/RAM 51\.2 GB\/s spec/);
  });

  it('uses a fitted η and t0 from llama-bench figures', () => {
    const e = estimateDetailed({ ...on3060, calibration: { eta: 0.5, t0Seconds: 0.004 } });
    expect(e.breakdown.eta).toBeCloseTo(0.5, 9);
    expect(e.breakdown.t0Seconds).toBeCloseTo(0.004, 9);
    expect(e.basis).toMatch(/calibrated/);
  });

  it('takes the real file size over the prediction and says so', () => {
    const e = estimate({ ...on3060, weightsBytes: 5e9 });
    expect(e.memory.weightsBytes).toBe(5e9);
    expect(e.basis).toMatch(/5\.00 GB file size/);
  });

  it('widens the band where there are no validation data, and says so', () => {
    const e = estimate({ model: 'gemma-4-31b', quant: 'Q4_K_M', device: 'rtx 3060 12gb' });
    expect(e.regime).toBe('partial-offload');
    expect(e.basis).toMatch(/no validation data for partial-offload/);
    const fitted = estimate(on3060);
    const spread = (x: { band: { low: number; high: number } }): number => x.band.high / x.band.low;
    expect(spread(e)).toBeGreaterThan(spread(fitted));
  });
});

describe('prefill and time to first token', () => {
  it('adds the per-micro-batch PCIe copy of RAM-held weights under partial offload', () => {
    const e = estimateDetailed({
      model: 'gemma-4-31b',
      quant: 'Q4_K_M',
      device: 'rtx 3060 12gb',
      promptTokens: 2048,
    });
    const p = e.breakdown.prefill;
    const ramWeights =
      e.breakdown.memory.hostWeightBytes - (e.breakdown.weightsByGroup['token-embedding'] ?? 0);
    const pcie = 31.5076923 * 1e9 * sharedSpeed.pcieEta; // PCIe 4.0 x16 (the 3060's link)
    expect(p.transferSeconds).toBeCloseTo((4 * ramWeights) / pcie, 3);
    expect(e.prefillTokensPerSecond).toBeCloseTo(2048 / p.seconds, 6);
    expect(e.timeToFirstTokenSeconds).toBeCloseTo(p.seconds + e.breakdown.decode.secondsPerToken, 9);
  });

  it('costs more per prompt token deeper into the context (attention over the cache)', () => {
    const shallow = estimate({ ...on3060, contextTokens: 32768, promptTokens: 512, depthTokens: 0 });
    const deep = estimate({ ...on3060, contextTokens: 32768, promptTokens: 512, depthTokens: 16384 });
    expect(deep.prefillTokensPerSecond).toBeLessThan(shallow.prefillTokensPerSecond);
  });
});

describe('input errors', () => {
  it('says which field is wrong', () => {
    expect(() => estimate({ ...on3060, contextTokens: -5 })).toThrow(/contextTokens/);
    expect(() => estimate({ ...on3060, quant: 'Q9_X' })).toThrow(CliffbenchError);
  });

  it('refuses a quantised V cache without flash attention, as llama.cpp does', () => {
    expect(() => estimate({ ...on3060, kvCacheType: 'q8_0', flashAttention: false })).toThrow(
      /flash attention/,
    );
  });
});
