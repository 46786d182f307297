/**
 * Evidence for community calibration on the public validation rows (test/fixtures/validation-public.jsonl):
 * per device with at least four decode rows, η is learned from half of its rows (alternate rows, each its
 * own source, through `robustAggregate` as the server does) and the other half is predicted with it; the
 * held-out error must be smaller than the physics model's alone. The same for prefill: per device with at
 * least four rows carrying a measured prefill, η (from that half's decode, where it has some) and the prefill
 * efficiency (measured ÷ the estimate with that η, as the server measures pp runs against the community η)
 * are learned from half and applied (`calibration.eta`, `calibration.prefillEfficiency`) to the other half. Both through `communityCalibration`, so the sources' spread widens the bands: the share of
 * held-out rows inside the band, without and with that widening, is printed beside the errors.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type CommunityCalibration,
  communityCalibration,
  communityEta,
  estimateDetailed,
  prefillEfficiencyOf,
  type RobustAggregate,
  robustAggregate,
  type ScenarioInput,
  type SourcedValue,
} from '../index.js';

type Row = ScenarioInput & {
  id: string;
  measured: { decodeTokensPerSecond?: number; prefillTokensPerSecond?: number; prefillTokens?: number };
};
const rows = readFileSync(new URL('../../test/fixtures/validation-public.jsonl', import.meta.url), 'utf8')
  .split(/\r?\n/)
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Row);

const scenarioOf = (r: Row): ScenarioInput => {
  const { id: _id, measured, ...scenario } = r;
  return measured.prefillTokens === undefined
    ? scenario
    : { ...scenario, promptTokens: measured.prefillTokens };
};
const deviceName = (r: Row) => (typeof r.device === 'string' ? r.device : (r.device?.name ?? ''));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const pct = (x: number) => `${((Math.exp(x) - 1) * 100).toFixed(1)} %`;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

const share = (xs: boolean[]) => `${((100 * xs.filter(Boolean).length) / xs.length).toFixed(0)} %`;
const within = (band: { low: number; high: number }, x: number) => band.low <= x && x <= band.high;

/**
 * The calibration the page and CLI take from a device's aggregates (core's `communityCalibration`), here with
 * as few as two sources: half of a device's four or more rows.
 */
function fromAggregates(eta: RobustAggregate | undefined, prefill: RobustAggregate | undefined) {
  const community: CommunityCalibration = {
    deviceId: 'held-out',
    decodeEta: { all: eta, byBackend: {} },
    decodeEfficiency: { byBackend: {} },
    prefillEfficiency: { all: prefill, byBackend: {} },
    webgpuToLlama: {},
  };
  return communityCalibration(community, undefined, 2);
}

/** The η a row's measured decode implies (as core's checkLlamaRun solves it), one sourced value or none. */
function etaOf(r: Row, e = estimateDetailed(scenarioOf(r))): SourcedValue[] {
  const measured = r.measured.decodeTokensPerSecond;
  if (measured === undefined || !e.fits || (e.regime !== 'gpu' && e.regime !== 'unified')) return [];
  const perToken = 1 / measured - e.breakdown.t0Seconds;
  const d = e.breakdown.decode;
  return perToken > 0
    ? [
        {
          source: r.id,
          value: (d.weightBytes + d.kvBytes) / (e.breakdown.bandwidths.gpuGBs * 1e9 * perToken),
        },
      ]
    : [];
}

/** Rows with a positive measured figure `pick`, grouped by device and backend. */
function byDevice(pick: (r: Row) => number | undefined): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const value = pick(r);
    if (!(value !== undefined && value > 0)) continue;
    const key = `${deviceName(r)} ${r.backend ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return groups;
}

describe('community η learned from half of a device’s runs', () => {
  it('predicts the other half better than the physics model alone', () => {
    const before: number[] = [];
    const after: number[] = [];
    const covered: boolean[] = [];
    const coveredNarrow: boolean[] = [];
    let devices = 0;
    for (const group of byDevice((r) => r.measured.decodeTokensPerSecond).values()) {
      const fitted = group.flatMap((r) => {
        const e = estimateDetailed(scenarioOf(r));
        if (!e.fits || (e.regime !== 'gpu' && e.regime !== 'unified')) return [];
        return [{ r, e }];
      });
      if (fitted.length < 4) continue;
      devices++;
      const learn = fitted.filter((_, i) => i % 2 === 0);
      const test = fitted.filter((_, i) => i % 2 === 1);
      const etas = learn.flatMap(({ r, e }) => etaOf(r, e));
      const calibration = fromAggregates(robustAggregate(etas), undefined);
      if (calibration === undefined) continue;
      const { decodeSpread: _spread, ...withoutSpread } = calibration;
      for (const { r, e } of test) {
        const measured = r.measured.decodeTokensPerSecond as number;
        const calibrated = estimateDetailed({ ...scenarioOf(r), calibration });
        const narrow = estimateDetailed({ ...scenarioOf(r), calibration: withoutSpread });
        before.push(Math.abs(Math.log(e.decodeTokensPerSecond / measured)));
        after.push(Math.abs(Math.log(calibrated.decodeTokensPerSecond / measured)));
        covered.push(within(calibrated.band, measured));
        coveredNarrow.push(within(narrow.band, measured));
      }
    }
    console.log(
      `held-out decode rows: ${before.length} on ${devices} device/backend groups; median |error| physics ${pct(median(before))} → community η ${pct(median(after))}; mean |log error| ${mean(before).toFixed(3)} → ${mean(after).toFixed(3)}; in the band ${share(coveredNarrow)} without the sources' spread → ${share(covered)} with it`,
    );
    expect(devices).toBeGreaterThanOrEqual(3);
    expect(median(after)).toBeLessThan(median(before));
    // The validation band alone, moved to the calibrated centre, holds fewer held-out rows than its nominal
    // p10-p90; widened by the sources' spread it holds more.
    expect(covered.filter(Boolean).length).toBeGreaterThan(coveredNarrow.filter(Boolean).length);
  });
});

describe('community prefill efficiency learned from half of a device’s runs', () => {
  it('predicts the other half’s prefill better than the physics model alone', () => {
    const before: number[] = [];
    const after: number[] = [];
    const covered: boolean[] = [];
    const coveredNarrow: boolean[] = [];
    let devices = 0;
    for (const group of byDevice((r) => r.measured.prefillTokensPerSecond).values()) {
      const estimated = group.flatMap((r) => {
        const e = estimateDetailed(scenarioOf(r));
        return e.fits ? [{ r, predicted: e.prefillTokensPerSecond }] : [];
      });
      if (estimated.length < 4) continue;
      const learn = estimated.filter((_, i) => i % 2 === 0);
      const test = estimated.filter((_, i) => i % 2 === 1);
      // As the server does: η from the learning half's decode, and each prefill measured against the estimate
      // with that η (prefill-efficiency.ts), the estimate that will carry both.
      const eta = robustAggregate(learn.flatMap(({ r }) => etaOf(r)));
      const decode = eta === undefined ? undefined : communityEta({ all: eta, byBackend: {} }, undefined, 2);
      const calibration = fromAggregates(
        eta,
        robustAggregate(
          learn.map(({ r }) => ({
            source: r.id,
            value: prefillEfficiencyOf(
              scenarioOf(r),
              r.measured.prefillTokensPerSecond as number,
              decode === undefined ? {} : { eta: decode },
            ),
          })),
        ),
      );
      if (calibration === undefined) continue;
      devices++;
      const { prefillSpread: _spread, ...withoutSpread } = calibration;
      for (const { r, predicted } of test) {
        const measured = r.measured.prefillTokensPerSecond as number;
        const calibrated = estimateDetailed({ ...scenarioOf(r), calibration });
        const narrow = estimateDetailed({ ...scenarioOf(r), calibration: withoutSpread });
        before.push(Math.abs(Math.log(predicted / measured)));
        after.push(Math.abs(Math.log(calibrated.prefillTokensPerSecond / measured)));
        covered.push(within(calibrated.prefillBand, measured));
        coveredNarrow.push(within(narrow.prefillBand, measured));
      }
    }
    console.log(
      `held-out prefill rows: ${before.length} on ${devices} device/backend groups; median |error| physics ${pct(median(before))} → community prefill efficiency ${pct(median(after))}; mean |log error| ${mean(before).toFixed(3)} → ${mean(after).toFixed(3)}; in the band ${share(coveredNarrow)} without the sources' spread → ${share(covered)} with it`,
    );
    expect(devices).toBeGreaterThanOrEqual(3);
    expect(median(after)).toBeLessThan(median(before));
    expect(mean(after)).toBeLessThan(mean(before));
    expect(covered.filter(Boolean).length).toBeGreaterThan(coveredNarrow.filter(Boolean).length);
  });
});
