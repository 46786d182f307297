/**
 * Fits the prefill efficiencies (src/speed/backend-defaults.ts) to the validation rows with a prefill
 * measurement: per GPU backend the fraction of its matrix path's peak, the CPU's fraction of its int8/FP32
 * peak, one shared fraction for GPUs without usable matrix units, the MoE half-occupancy tokens per expert and
 * the attention efficiency. Loss: soft-L1 (scale 0.1) on log(predicted/measured) prefill tokens/s, by
 * Nelder–Mead from the current values, restarted until it stops improving. Efficiencies are bounded to
 * (0, 1]: no path runs faster than its units' peak.
 */
import type { Backend, BackendSpeed, ResolvedScenario, SharedSpeed } from '../src/index.js';
import type { Placement } from '../src/placement/place.js';
import { type SpeedParameters, speedCoefficients } from '../src/speed/coefficients.js';
import { prefillTime } from '../src/speed/prefill.js';
import { nelderMead } from './nelder-mead.js';
import type { ResolvedRow } from './validation.js';

/** A validation row placed once (placement does not depend on the coefficients). */
export interface PlacedRow {
  readonly row: ResolvedRow;
  readonly placement: Placement;
}

const MATRIX_BACKENDS = ['cuda', 'metal', 'vulkan', 'rocm', 'cpu'] as const satisfies readonly Backend[];

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const logit = (p: number): number =>
  Math.log(Math.min(0.999, Math.max(1e-4, p)) / (1 - Math.min(0.999, Math.max(1e-4, p))));

function decodeVector(x: readonly number[], base: SpeedParameters): SpeedParameters {
  const at = (i: number): number => x[i] as number;
  const backends = { ...base.backends } as Record<Backend, BackendSpeed>;
  MATRIX_BACKENDS.forEach((b, i) => {
    backends[b] = { ...base.backends[b], matrixEfficiency: sigmoid(at(i)) };
  });
  const k = MATRIX_BACKENDS.length;
  const shared: SharedSpeed = {
    ...base.shared,
    vectorEfficiency: sigmoid(at(k)),
    halfEfficiencyTokens: 30 * Math.exp(at(k + 1)),
    attentionEfficiency: sigmoid(at(k + 2)),
    floatEfficiencyRatio: Math.exp(at(k + 3)),
    expertLayerPassSeconds: 1e-3 * Math.exp(at(k + 4)),
    unifiedGpuPrefillFactor: sigmoid(at(k + 5)),
  };
  return { backends, shared };
}

function encodeVector(p: SpeedParameters): number[] {
  return [
    ...MATRIX_BACKENDS.map((b) => logit(p.backends[b].matrixEfficiency)),
    logit(p.shared.vectorEfficiency),
    Math.log(p.shared.halfEfficiencyTokens / 30),
    logit(p.shared.attentionEfficiency),
    Math.log(p.shared.floatEfficiencyRatio),
    Math.log(p.shared.expertLayerPassSeconds / 1e-3),
    logit(p.shared.unifiedGpuPrefillFactor),
  ];
}

function withParams(r: ResolvedScenario, params: SpeedParameters): ResolvedScenario {
  return { ...r, speed: speedCoefficients(r.hardware, r.calibration, params) };
}

/** predicted ÷ measured prefill tokens/s of one placed row under `params`. */
export const prefillError = (p: PlacedRow, params: SpeedParameters): number =>
  prefillTime(withParams(p.row.resolved, params), p.placement).tokensPerSecond /
  (p.row.measured.prefillTokensPerSecond as number);

const softL1 = (z: number): number => 2 * (Math.sqrt(1 + z * z) - 1);

/** The prefill coefficients that minimise the soft-L1 loss over the rows with a prefill measurement. */
export function fitPrefill(placed: readonly PlacedRow[], start: SpeedParameters): SpeedParameters {
  const rows = placed.filter((p) => p.row.measured.prefillTokensPerSecond !== undefined);
  if (rows.length === 0) return start;
  const loss = (x: readonly number[]): number => {
    const params = decodeVector(x, start);
    let sum = 0;
    for (const p of rows) sum += softL1(Math.log(prefillError(p, params)) / 0.1);
    return sum;
  };
  let x = encodeVector(start);
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 6; round++) {
    const result = nelderMead(loss, x, { step: 0.5, maxEvaluations: 3000, tolerance: 1e-6 });
    x = result.x;
    if (best - result.value < 1e-6) break;
    best = result.value;
  }
  return decodeVector(x, start);
}
