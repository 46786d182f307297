/**
 * @module calibration/prefill-efficiency — the one convention for prefill efficiency: a run's measured prompt
 * tokens/s ÷ the estimate of its own scenario with the decode calibration (η, t0) that the estimate will carry
 * beside it. The estimate multiplies its prefill by `prefillEfficiency` on top of that η (speed/prefill.ts:
 * the weight reads of each ubatch go at spec × η), so an efficiency measured against any other η would not
 * return the measured speed: on a device whose prefill reads weights for a good part of its time (integrated
 * GPUs, Apple silicon) the two differ by up to the ratio of the η's. Used by a user's own llama-bench runs
 * (calibration-from-llama-runs) and by the server's community aggregate (against the community η).
 */
import { estimateDetailed } from '../estimate/estimate.js';
import type { Calibration, ScenarioInput } from '../estimate/scenario.js';

/** Measured prefill tokens/s ÷ the estimate of `scenario` with `decode` (η, t0; none: spec-sheet η) applied. */
export function prefillEfficiencyOf(
  scenario: ScenarioInput,
  measuredTokensPerSecond: number,
  decode: Pick<Calibration, 'eta' | 't0Seconds'>,
): number {
  return (
    measuredTokensPerSecond / estimateDetailed({ ...scenario, calibration: decode }).prefillTokensPerSecond
  );
}
