import { describe, expect, it } from 'vitest';
import { estimateDetailed } from '../estimate/estimate.js';
import { bandFactors } from './band.js';
import { quartileFactor, widenBySpread } from './spread.js';

describe('bands widened by a calibration’s spread', () => {
  const base = bandFactors('cuda', 'gpu');

  it('q reproduces the spread it came from: q − 1/q = s', () => {
    for (const s of [0.01, 0.2, 1, 4]) {
      const q = quartileFactor(s);
      expect(q - 1 / q).toBeCloseTo(s, 12);
    }
  });

  it('covers the sources’ p25–p75 around the centre and grows with the spread', () => {
    // Sources at 0.6, 0.7, 0.8 × the centre's scale: p25-p75 of their medians.
    const [p25, median, p75] = [0.65, 0.7, 0.75];
    const s = (p75 - p25) / median;
    const wide = widenBySpread(base, s);
    expect(wide.low).toBeLessThanOrEqual(p25 / median);
    expect(wide.high).toBeGreaterThanOrEqual(p75 / median);
    const wider = widenBySpread(base, 2 * s);
    expect(wider.low).toBeLessThan(wide.low);
    expect(wider.high).toBeGreaterThan(wide.high);
    expect(widenBySpread(base, 0)).toBe(base);
    expect(widenBySpread(base, undefined)).toBe(base);
  });

  it('an estimate with a decode and prefill spread has wider bands, and its basis names the spread', () => {
    const scenario = { model: 'llama-3.1-8b', quant: 'Q4_K_M', device: 'rtx 4090' } as const;
    const plain = estimateDetailed({ ...scenario, calibration: { eta: 0.7 } });
    const spread = estimateDetailed({
      ...scenario,
      calibration: { eta: 0.7, decodeSpread: 0.3, prefillSpread: 0.4 },
    });
    const ratio = (b: { low: number; high: number }) => b.high / b.low;
    expect(spread.decodeTokensPerSecond).toBe(plain.decodeTokensPerSecond);
    expect(ratio(spread.band)).toBeGreaterThan(ratio(plain.band));
    expect(ratio(spread.prefillBand)).toBeGreaterThan(ratio(plain.prefillBand));
    expect(ratio(spread.timeToFirstTokenBand)).toBeGreaterThan(ratio(plain.timeToFirstTokenBand));
    expect(spread.basis).toMatch(
      /widened ×0\.86-×1\.16 to cover the calibration sources' p25-p75 \(spread 30%\)/,
    );
    expect(spread.breakdown.prefillBandNote).toMatch(/spread 40%/);
  });
});
