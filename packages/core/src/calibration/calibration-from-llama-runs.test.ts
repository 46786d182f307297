import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  calibrationFromLlamaRuns,
  checkLlamaRun,
  estimate,
  estimateDetailed,
  type LlamaBenchRun,
  parseLlamaBenchOutput,
} from '../index.js';

// llama-bench's JSON as its printer writes it (RTX 4090, Llama 3.1 8B Q4_K_M): a pp512 and a tg128 run.
const runs = parseLlamaBenchOutput(
  readFileSync(new URL('../result/fixtures/llama-bench-4090.json', import.meta.url), 'utf8'),
);
const [pp, tg] = runs as [LlamaBenchRun, LlamaBenchRun];
const scenario = { model: 'llama-3.1-8b', quant: 'Q4_K_M', device: 'rtx 4090', promptTokens: 512 } as const;

describe('prefill efficiency from a user’s llama-bench pp runs', () => {
  it('makes the calibrated estimate reproduce the measured pp, and says so in the basis', () => {
    const { calibration, usedPrefill } = calibrationFromLlamaRuns(runs);
    expect(usedPrefill).toBe(1);
    const e = estimate({ ...scenario, calibration });
    expect(e.prefillTokensPerSecond).toBeCloseTo(pp.avg_ts, 6);
    expect(e.basis).toMatch(/1 pp runs → prefill ×\d\.\d\d/);
  });

  it('takes the median over pp runs, and leaves prefill alone without them', () => {
    const slower = { ...pp, avg_ts: pp.avg_ts * 0.8 };
    const faster = { ...pp, avg_ts: pp.avg_ts * 1.1 };
    const three = calibrationFromLlamaRuns([slower, pp, faster, tg]);
    expect(three.usedPrefill).toBe(3);
    expect(three.calibration.prefillEfficiency).toBe(
      calibrationFromLlamaRuns(runs).calibration.prefillEfficiency,
    );
    const tgOnly = calibrationFromLlamaRuns([tg]);
    expect(tgOnly.usedPrefill).toBe(0);
    expect(tgOnly.calibration.prefillEfficiency).toBeUndefined();
  });
});

describe('prefill efficiency where η moves prefill', () => {
  // llama-bench -ub 32 on the RTX 4090: each 32-token ubatch reads all the weights, which takes longer than its
  // matmuls, so the prefill estimate scales with η. The owner's card decodes at 0.9× the fixture's speed.
  const slowTg = { ...tg, avg_ts: tg.avg_ts * 0.9, samples_ts: [tg.avg_ts * 0.9] };
  const smallBatch = { ...pp, n_ubatch: 32, avg_ts: 3000, samples_ts: [3000] };

  it('returns the measured pp of the same scenario, inside its band, with the fitted η', () => {
    const { calibration, usedPrefill } = calibrationFromLlamaRuns([smallBatch, slowTg]);
    expect(usedPrefill).toBe(1);
    const match = checkLlamaRun(smallBatch).match;
    if (!match.matched) throw new Error(match.reason);
    const e = estimateDetailed({ ...match.scenario, calibration });
    expect(e.breakdown.prefill.bound).toBe('weight-read');
    expect(e.prefillTokensPerSecond).toBeCloseTo(smallBatch.avg_ts, 6);
    expect(smallBatch.avg_ts).toBeGreaterThan(e.prefillBand.low);
    expect(smallBatch.avg_ts).toBeLessThan(e.prefillBand.high);
    // The efficiency against the spec-sheet η, carried beside the fitted η, would miss it by over 10 %.
    const spec = smallBatch.avg_ts / estimateDetailed(match.scenario).prefillTokensPerSecond;
    const mixed = estimateDetailed({
      ...match.scenario,
      calibration: { ...calibration, prefillEfficiency: spec },
    });
    expect(Math.abs(mixed.prefillTokensPerSecond / smallBatch.avg_ts - 1)).toBeGreaterThan(0.1);
  });
});
