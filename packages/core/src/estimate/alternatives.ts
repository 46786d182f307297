/**
 * @module estimate/alternatives — the same model at the other GGUF quant mixes, for "a smaller quant fits"
 * advice. Quantised once per model (memoised on its tensor list) and shared by every variant of a scenario.
 */
import { weightBreakdown } from '../footprint/weights.js';
import type { QuantizedTensor } from '../model/tensors.js';
import { quantMixes } from '../quant/quant-mixes.js';
import { quantizeTensors } from '../quant/quantize-tensors.js';
import { modelSums } from './model-sums.js';
import type { ResolvedScenario } from './resolved.js';

/** One alternative quantisation of the scenario's model. */
export interface QuantAlternative {
  readonly quantName: string;
  readonly scenario: ResolvedScenario;
}

/** Mixes worth suggesting: the GGUF K-quants, Q8_0, Q4_0, IQ4_XS (not F32/BF16/legacy _1 types). */
const SUGGESTED = new Set([
  'Q8_0',
  'Q6_K',
  'Q5_K_M',
  'Q4_K_M',
  'Q4_K_S',
  'IQ4_XS',
  'Q3_K_M',
  'Q3_K_S',
  'Q2_K',
]);

type Weights = Pick<ResolvedScenario, 'quantName' | 'tensors' | 'weights' | 'sums'>;

const memo = new WeakMap<readonly QuantizedTensor[], readonly Weights[]>();

function quantised(r: ResolvedScenario): readonly Weights[] {
  const known = memo.get(r.tensors);
  if (known !== undefined) return known;
  const found: Weights[] = [];
  for (const mix of quantMixes) {
    if (mix.format !== 'gguf' || !SUGGESTED.has(mix.name)) continue;
    try {
      const tensors = quantizeTensors(r.tensors, mix, r.model);
      const weights = weightBreakdown(tensors, r.model);
      found.push({ quantName: mix.name, tensors, weights, sums: modelSums(r.model, tensors, weights) });
    } catch {
      // A mix whose block size does not fit this model's rows is not offered.
    }
  }
  found.sort((a, b) => b.sums.totalBytes - a.sums.totalBytes);
  memo.set(r.tensors, found);
  return found;
}

/** The scenario with its model at each suggested mix other than its own, largest first. */
export function quantAlternatives(r: ResolvedScenario): readonly QuantAlternative[] {
  return quantised(r)
    .filter((w) => w.quantName !== r.quantName)
    .map((w) => ({ quantName: w.quantName, scenario: { ...r, ...w, weightsSource: 'predicted' } }));
}
