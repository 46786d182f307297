import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrationFromLlamaRuns, estimate, type LlamaBenchRun, parseLlamaBenchOutput } from '../index.js';

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
