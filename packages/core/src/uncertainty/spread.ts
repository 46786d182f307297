/**
 * @module uncertainty/spread — widening a band by the spread of the calibration behind an estimate.
 *
 * A community calibration puts the estimate's centre at the median of the sources' values (decode η, prefill
 * efficiency); the sources themselves disagree (drivers, clocks, builds, cooling), and their relative spread
 * s = (p75 − p25) ÷ median travels in the calibration (`decodeSpread`, `prefillSpread`).
 *
 * Rule: these values are positive ratios whose spread is multiplicative, so the quartiles are taken to sit
 * evenly about the median in log terms: p75/median = q and p25/median = 1/q, hence s = q − 1/q and
 * q = (s + √(s² + 4)) / 2. The band is the validation band (the physics model's error in carrying a figure
 * from the runs' scenarios to this one) widened by q on each side: low ÷ q, high × q. The validation band
 * includes 1, so the result always covers the sources' p25–p75 around the calibrated centre, and a wider
 * spread always gives a wider band.
 */
import type { BandFactors } from './band.js';

/** q of the module note: p75/median when the quartiles sit evenly about the median in log terms. */
export function quartileFactor(spread: number): number {
  return (spread + Math.sqrt(spread * spread + 4)) / 2;
}

/** `base` widened by a calibration's relative spread (none, or 0: `base` itself). */
export function widenBySpread(base: BandFactors, spread: number | undefined): BandFactors {
  if (spread === undefined || !(spread > 0)) return base;
  const q = quartileFactor(spread);
  return {
    low: base.low / q,
    high: base.high * q,
    rows: base.rows,
    note: `${base.note}, widened ×${(1 / q).toFixed(2)}-×${q.toFixed(2)} to cover the calibration sources' p25-p75 (spread ${(spread * 100).toFixed(0)}%)`,
  };
}
