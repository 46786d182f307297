/**
 * @module speed/cpu-compute — the compute side of CPU decode. A decoded token multiplies every CPU-held weight
 * once: the CPU dequantises it and takes a dot product with the activations (int8 dot products against
 * activations quantised to 8 bits for quantised weights, FP32 FMAs for F16/BF16/F32 ones), so the CPU tier
 * takes the longer of reading the weights and computing with them. Small and low-power CPUs (few or narrow
 * cores, no dot-product instructions) hit the compute bound before their RAM's; large ones do not.
 */
import type { ResolvedScenario } from '../estimate/resolved.js';
import { prefillSums } from './prefill-sums.js';

/**
 * Seconds the CPU needs to compute with `weightBytes` of its weights for one token, at the fitted share of its
 * int8 (quantised weights) or FP32 (float weights) peak. Parameters are counted from bytes at the model's mean
 * bytes per active parameter.
 */
export function cpuDecodeComputeSeconds(
  r: Pick<ResolvedScenario, 'speed' | 'sums' | 'model' | 'tensors'>,
  weightBytes: number,
): number {
  if (weightBytes <= 0) return 0;
  const c = r.speed;
  const s = r.sums;
  const params = s.activeBytesPerToken > 0 ? (weightBytes * s.activeParams) / s.activeBytesPerToken : 0;
  const floatShare = prefillSums(r.model, r.tensors).floatShare;
  return 2 * params * ((1 - floatShare) / c.cpuDecodeQuantFlops + floatShare / c.cpuDecodeFloatFlops);
}
