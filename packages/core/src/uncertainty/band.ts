/**
 * @module uncertainty/band — the decode tokens/s band around an estimate: the spread of measured/predicted
 * ratios in the public validation for the estimate's regime and backend, wider where there are no data.
 */
import type { Backend, Regime } from '../estimate/scenario.js';
import { bandTable, FALLBACK_BAND, MIN_BAND_ROWS } from './band-table.js';
import { widenBySpread } from './spread.js';

/** Multipliers for the band and where they come from. */
export interface BandFactors {
  /** Low end = estimate × low. */
  readonly low: number;
  /** High end = estimate × high. */
  readonly high: number;
  /** Validation rows behind the band (0 for the fallback). */
  readonly rows: number;
  /** For the basis line: which rows the band rests on. */
  readonly note: string;
}

const cache = new Map<string, BandFactors>();

function lookup(backend: Backend, regime: Regime): BandFactors {
  const exact = bandTable.find(
    (b) => b.backend === backend && b.regime === regime && b.rows >= MIN_BAND_ROWS,
  );
  if (exact) {
    return { ...exact, note: `band p10-p90 of ${exact.rows} ${backend} ${regime} validation rows` };
  }
  const anyBackend = bandTable.find(
    (b) => b.backend === '*' && b.regime === regime && b.rows >= MIN_BAND_ROWS,
  );
  if (anyBackend) {
    return {
      ...anyBackend,
      note: `band p10-p90 of ${anyBackend.rows} ${regime} validation rows of all backends (none enough for ${backend})`,
    };
  }
  return {
    ...FALLBACK_BAND,
    rows: 0,
    note: `no validation data for ${regime} on ${backend}: wide default band ×${FALLBACK_BAND.low}-×${FALLBACK_BAND.high}`,
  };
}

/**
 * Band factors for a backend and regime (memoised; the table is static), widened by a calibration's relative
 * decode spread when it has one (uncertainty/spread.ts).
 */
export function bandFactors(backend: Backend, regime: Regime, spread?: number): BandFactors {
  const key = `${backend}|${regime}`;
  let found = cache.get(key);
  if (found === undefined) {
    found = lookup(backend, regime);
    cache.set(key, found);
  }
  return widenBySpread(found, spread);
}
