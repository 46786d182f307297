/**
 * Evidence for community calibration on the public validation rows (test/fixtures/validation-public.jsonl):
 * per device with at least four decode rows, η is learned from half of its rows (alternate rows, each its
 * own source, through `robustAggregate` as the server does) and the other half is predicted with it; the
 * held-out error must be smaller than the physics model's alone. The same for prefill: per device with at
 * least four rows carrying a measured prefill, the prefill efficiency (measured ÷ the physics estimate, as the
 * server stores it for pp runs) is learned from half and applied (`calibration.prefillEfficiency`) to the
 * other half. Prints the figures.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateDetailed, robustAggregate, type ScenarioInput } from '../index.js';

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
      const etas = learn.flatMap(({ r, e }) => {
        const perToken = 1 / (r.measured.decodeTokensPerSecond as number) - e.breakdown.t0Seconds;
        const d = e.breakdown.decode;
        return perToken > 0
          ? [
              {
                source: r.id,
                value: (d.weightBytes + d.kvBytes) / (e.breakdown.bandwidths.gpuGBs * 1e9 * perToken),
              },
            ]
          : [];
      });
      const agg = robustAggregate(etas);
      if (agg === undefined) continue;
      const eta = Math.min(Math.max(agg.median, 0.05), 1.2);
      for (const { r, e } of test) {
        const measured = r.measured.decodeTokensPerSecond as number;
        const calibrated = estimateDetailed({ ...scenarioOf(r), calibration: { eta } });
        before.push(Math.abs(Math.log(e.decodeTokensPerSecond / measured)));
        after.push(Math.abs(Math.log(calibrated.decodeTokensPerSecond / measured)));
      }
    }
    console.log(
      `held-out decode rows: ${before.length} on ${devices} device/backend groups; median |error| physics ${pct(median(before))} → community η ${pct(median(after))}; mean |log error| ${mean(before).toFixed(3)} → ${mean(after).toFixed(3)}`,
    );
    expect(devices).toBeGreaterThanOrEqual(3);
    expect(median(after)).toBeLessThan(median(before));
  });
});

describe('community prefill efficiency learned from half of a device’s runs', () => {
  it('predicts the other half’s prefill better than the physics model alone', () => {
    const before: number[] = [];
    const after: number[] = [];
    let devices = 0;
    for (const group of byDevice((r) => r.measured.prefillTokensPerSecond).values()) {
      const estimated = group.flatMap((r) => {
        const e = estimateDetailed(scenarioOf(r));
        return e.fits ? [{ r, predicted: e.prefillTokensPerSecond }] : [];
      });
      if (estimated.length < 4) continue;
      const learn = estimated.filter((_, i) => i % 2 === 0);
      const test = estimated.filter((_, i) => i % 2 === 1);
      const agg = robustAggregate(
        learn.map(({ r, predicted }) => ({
          source: r.id,
          value: (r.measured.prefillTokensPerSecond as number) / predicted,
        })),
      );
      if (agg === undefined) continue;
      devices++;
      for (const { r, predicted } of test) {
        const measured = r.measured.prefillTokensPerSecond as number;
        const calibrated = estimateDetailed({
          ...scenarioOf(r),
          calibration: { prefillEfficiency: agg.median },
        });
        before.push(Math.abs(Math.log(predicted / measured)));
        after.push(Math.abs(Math.log(calibrated.prefillTokensPerSecond / measured)));
      }
    }
    console.log(
      `held-out prefill rows: ${before.length} on ${devices} device/backend groups; median |error| physics ${pct(median(before))} → community prefill efficiency ${pct(median(after))}; mean |log error| ${mean(before).toFixed(3)} → ${mean(after).toFixed(3)}`,
    );
    expect(devices).toBeGreaterThanOrEqual(3);
    expect(median(after)).toBeLessThan(median(before));
    expect(mean(after)).toBeLessThan(mean(before));
  });
});
