/**
 * Evidence for community calibration on the public validation rows (test/fixtures/validation-public.jsonl):
 * per device with at least four decode rows, η is learned from half of its rows (alternate rows, each its
 * own source, through `robustAggregate` as the server does) and the other half is predicted with it; the
 * held-out error must be smaller than the physics model's alone. Prints the figures.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateDetailed, robustAggregate, type ScenarioInput } from '../index.js';

type Row = ScenarioInput & {
  id: string;
  measured: { decodeTokensPerSecond?: number; prefillTokens?: number };
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

describe('community η learned from half of a device’s runs', () => {
  it('predicts the other half better than the physics model alone', () => {
    const byDevice = new Map<string, Row[]>();
    for (const r of rows) {
      if (!(r.measured.decodeTokensPerSecond !== undefined && r.measured.decodeTokensPerSecond > 0)) continue;
      const key = `${deviceName(r)} ${r.backend ?? ''}`;
      byDevice.set(key, [...(byDevice.get(key) ?? []), r]);
    }
    const before: number[] = [];
    const after: number[] = [];
    let devices = 0;
    for (const group of byDevice.values()) {
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
    const pct = (x: number) => `${((Math.exp(x) - 1) * 100).toFixed(1)} %`;
    console.log(
      `held-out decode rows: ${before.length} on ${devices} device/backend groups; median |error| physics ${pct(median(before))} → community η ${pct(median(after))}; mean |log error| ${(before.reduce((a, b) => a + b, 0) / before.length).toFixed(3)} → ${(after.reduce((a, b) => a + b, 0) / after.length).toFixed(3)}`,
    );
    expect(devices).toBeGreaterThanOrEqual(3);
    expect(median(after)).toBeLessThan(median(before));
  });
});
