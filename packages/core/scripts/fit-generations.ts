/**
 * Fits the per-GPU-generation factors (src/speed/backend-defaults.ts `generationFactors`) on top of the
 * backend coefficients: for each generation, the decode η factor is the geometric mean of its decode rows'
 * measured/predicted, shrunk toward 1 (the backend's own η) as if GENERATION_PRIOR_ROWS more rows had
 * residual 0; the prefill factor likewise over its prefill rows. A factor's log residuals are clipped at
 * ±log 3 so one broken row cannot swing it. Rows on the CPU backend have no generation; the reference
 * generations (REFERENCE_GENERATIONS) keep factor 1.
 */

import type { GpuGeneration } from '../src/device/gpu-generation.js';
import {
  GENERATION_PRIOR_ROWS,
  type GenerationFactor,
  REFERENCE_GENERATIONS,
} from '../src/speed/backend-defaults.js';
import type { SpeedParameters } from '../src/speed/coefficients.js';
import { decodeError, type Placed, withDecode } from './fit-backends.js';
import { prefillError } from './fit-prefill.js';

const CLIP = Math.log(3);

/** Parameters with no generation factors (where every fit starts, so no row's factor leaks into a fold). */
export function withoutGenerations(params: SpeedParameters): SpeedParameters {
  return { ...params, shared: { ...params.shared, generationFactors: {} } };
}

/** The shrunk factor of a generation whose rows have log residuals `logs` on top of its current factor. */
function shrunk(current: number, logs: readonly number[]): number {
  let sum = 0;
  for (const x of logs) sum += Math.max(-CLIP, Math.min(CLIP, Math.log(current) + x));
  return Math.exp(sum / (logs.length + GENERATION_PRIOR_ROWS));
}

function byGeneration(placed: readonly Placed[]): Map<GpuGeneration, Placed[]> {
  const groups = new Map<GpuGeneration, Placed[]>();
  for (const p of placed) {
    const hw = p.row.resolved.hardware;
    if (hw.layout === 'cpu' || hw.generation === undefined || REFERENCE_GENERATIONS.has(hw.generation))
      continue;
    groups.set(hw.generation, [...(groups.get(hw.generation) ?? []), p]);
  }
  return groups;
}

/** Generation factors for `which` ('eta' from decode rows, 'prefill' from prefill rows) under `params`. */
export function fitGenerations(
  placed: readonly Placed[],
  params: SpeedParameters,
  which: keyof GenerationFactor,
): SpeedParameters {
  const rows =
    which === 'eta'
      ? withDecode(placed)
      : placed.filter((p) => p.row.measured.prefillTokensPerSecond !== undefined);
  const error = which === 'eta' ? decodeError : prefillError;
  const factors: Partial<Record<GpuGeneration, GenerationFactor>> = { ...params.shared.generationFactors };
  for (const [generation, group] of byGeneration(rows)) {
    const current = factors[generation] ?? { eta: 1, prefill: 1 };
    const logs = group.map((p) => -Math.log(error(p, params)));
    factors[generation] = { ...current, [which]: shrunk(current[which], logs) };
  }
  return { ...params, shared: { ...params.shared, generationFactors: factors } };
}
