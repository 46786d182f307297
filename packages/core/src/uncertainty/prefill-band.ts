/**
 * @module uncertainty/prefill-band — the prefill tokens/s band around an estimate: the spread of
 * measured/predicted prefill over the validation rows of the estimate's backend and device class (CPU only,
 * Apple, other unified-memory GPUs, discrete GPUs), else of the device class over all backends, else of every
 * row, widened where there are few data.
 */
import type { ResolvedHardware } from '../estimate/resolve-hardware.js';
import type { Backend } from '../estimate/scenario.js';
import type { BandFactors } from './band.js';
import { MIN_BAND_ROWS, PREFILL_FALLBACK_BAND, prefillBandTable } from './band-table.js';
import { widenBySpread } from './spread.js';

/** What kind of machine runs the prompt, for prefill bands and error reports. */
export type DeviceClass = 'cpu' | 'apple' | 'integrated' | 'discrete';

/** CPU only, Apple unified memory, other unified memory (integrated GPUs, Strix Halo, DGX Spark), discrete. */
export function deviceClassOf(hw: Pick<ResolvedHardware, 'layout' | 'apple'>): DeviceClass {
  if (hw.layout === 'cpu') return 'cpu';
  if (hw.layout === 'unified') return hw.apple ? 'apple' : 'integrated';
  return 'discrete';
}

const cache = new Map<string, BandFactors>();

function lookup(backend: Backend, deviceClass: DeviceClass): BandFactors {
  const trusted = (b: { rows: number }): boolean => b.rows >= MIN_BAND_ROWS;
  const exact = prefillBandTable.find(
    (b) => b.backend === backend && b.deviceClass === deviceClass && trusted(b),
  );
  if (exact) {
    return { ...exact, note: `prefill band p10-p90 of ${exact.rows} ${backend} ${deviceClass} rows` };
  }
  const sameClass = prefillBandTable.find(
    (b) => b.backend === '*' && b.deviceClass === deviceClass && trusted(b),
  );
  if (sameClass) {
    return {
      ...sameClass,
      note: `prefill band p10-p90 of ${sameClass.rows} ${deviceClass} rows of all backends (too few for ${backend})`,
    };
  }
  return {
    ...PREFILL_FALLBACK_BAND,
    rows: 0,
    note: `no prefill validation data for ${backend} on ${deviceClass} devices: wide band ×${PREFILL_FALLBACK_BAND.low}-×${PREFILL_FALLBACK_BAND.high}`,
  };
}

/**
 * Prefill band factors for a backend and device class (memoised; the table is static), widened by a
 * calibration's relative prefill spread when it has one (uncertainty/spread.ts).
 */
export function prefillBandFactors(backend: Backend, deviceClass: DeviceClass, spread?: number): BandFactors {
  const key = `${backend}|${deviceClass}`;
  let found = cache.get(key);
  if (found === undefined) {
    found = lookup(backend, deviceClass);
    cache.set(key, found);
  }
  return widenBySpread(found, spread);
}
