import { describe, expect, it } from 'vitest';
import { estimateDetailed } from '../estimate/estimate.js';
import { PREFILL_FALLBACK_BAND, WEIGHT_BYTES_BAND } from './band-table.js';
import { bytesBand, RUNTIME_BYTES_BAND, timeToFirstTokenBand } from './derived-bands.js';
import { prefillBandFactors } from './prefill-band.js';

const contains = (band: { low: number; high: number }, x: number): boolean =>
  band.low <= x * (1 + 1e-12) && x <= band.high * (1 + 1e-12);

describe('bands on prefill, time to first token and memory', () => {
  const cases = [
    { model: 'llama-3.1-8b', quant: 'Q4_K_M', device: 'rtx 4090' },
    { model: 'llama-3.1-8b', quant: 'Q4_K_M', device: 'raspberry pi 5' },
    { model: 'gpt-oss-120b', quant: 'MXFP4', device: 'rtx 3060 12gb' },
    { model: 'llama-3.1-8b', quant: 'Q4_K_M', device: 'Apple M2 Max (38-core GPU) 64GB' },
  ] as const;

  it.each(cases)('$model on $device: every band holds its figure', (c) => {
    const e = estimateDetailed(c);
    expect(contains(e.prefillBand, e.prefillTokensPerSecond)).toBe(true);
    expect(contains(e.timeToFirstTokenBand, e.timeToFirstTokenSeconds)).toBe(true);
    expect(contains(e.memoryBand.deviceBytes, e.memory.deviceBytes)).toBe(true);
    expect(contains(e.memoryBand.hostBytes, e.memory.hostBytes)).toBe(true);
    // A band that is a point would claim certainty the residuals do not give.
    expect(e.prefillBand.high).toBeGreaterThan(e.prefillBand.low);
    expect(e.timeToFirstTokenBand.high).toBeGreaterThan(e.timeToFirstTokenBand.low);
  });

  it('a slower prefill means a later first token: the TTFT band takes both bands at the same end', () => {
    const band = timeToFirstTokenBand(1, 0.01, { low: 0.5, high: 2 }, { low: 0.8, high: 1.25 });
    expect(band.low).toBeCloseTo(1 / 2 + 0.01 / 1.25);
    expect(band.high).toBeCloseTo(1 / 0.5 + 0.01 / 0.8);
  });

  it('the memory band spans the predicted weights and the runtime overhead at their bands, nothing else', () => {
    const gib = 2 ** 30;
    const exact = bytesBand(10 * gib, 0, 0);
    expect(exact).toEqual({ low: 10 * gib, high: 10 * gib });
    const band = bytesBand(10 * gib, 8 * gib, 0.5 * gib);
    expect(band.low).toBeCloseTo(
      10 * gib - 8 * gib * (1 - WEIGHT_BYTES_BAND.low) - 0.5 * gib * (1 - RUNTIME_BYTES_BAND.low),
    );
    expect(band.high).toBeCloseTo(
      10 * gib + 8 * gib * (WEIGHT_BYTES_BAND.high - 1) + 0.5 * gib * (RUNTIME_BYTES_BAND.high - 1),
    );
    expect(RUNTIME_BYTES_BAND.low).toBeLessThan(1);
    expect(RUNTIME_BYTES_BAND.high).toBeGreaterThan(1);
  });

  it('the prefill band comes from its backend and device class, and says when it falls back', () => {
    const cuda = prefillBandFactors('cuda', 'discrete');
    expect(cuda.note).toMatch(/cuda discrete rows/);
    expect(cuda.low).toBeLessThan(1);
    expect(cuda.high).toBeGreaterThan(1);
    const none = prefillBandFactors('rocm', 'apple');
    expect(none.note).toMatch(/no prefill validation data|all backends/);
    const apple = prefillBandFactors('metal', 'apple');
    // Fewer rows and less uniform hardware: integrated GPUs' band is wider than Apple's.
    const integrated = prefillBandFactors('vulkan', 'integrated');
    expect(integrated.high / integrated.low).toBeGreaterThan(apple.high / apple.low);
    expect(PREFILL_FALLBACK_BAND.high / PREFILL_FALLBACK_BAND.low).toBeGreaterThan(
      integrated.high / integrated.low,
    );
  });
});
