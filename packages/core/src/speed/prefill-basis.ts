/**
 * @module speed/prefill-basis — the basis-line phrase that says what bounds a prefill: "prefill compute-bound:
 * MMQ int8 on tensor cores at 46% of 330 TFLOPS", "prefill weight-read-bound: …", "prefill PCIe-bound: …".
 * Phrases are built once per speed-coefficient set and bound, so the estimator's hot path only looks one up.
 */
import type { SpeedCoefficients } from './coefficients.js';
import type { PrefillBound } from './prefill.js';

const cache = new WeakMap<SpeedCoefficients, Map<string, string>>();

const GB = 1e9;
const pct = (x: number): string => `${(x * 100).toFixed(0)}%`;
const tera = (flops: number): string => {
  const t = flops / 1e12;
  return t >= 10 ? t.toFixed(0) : t >= 1 ? t.toFixed(1) : t.toFixed(2);
};

/** "Ryzen 7 5800X (assumed), 8 cores at 20% of 2.3 int8 TOPS". */
function cpuLabel(c: SpeedCoefficients): string {
  const p = c.prefill;
  return `${p.cpuName}, ${p.cpuThreads} cores at ${pct(p.cpuEfficiency)} of ${tera(p.cpuPeakFlops)} int8 TOPS`;
}

/** "MMQ int8 on tensor cores at 46% of 330 TFLOPS". */
function gpuLabel(c: SpeedCoefficients): string {
  const p = c.prefill;
  return `${p.gpuPathName} at ${pct(p.gpuEfficiency)} of ${tera(p.gpuPeakFlops)} TFLOPS`;
}

function phrase(c: SpeedCoefficients, bound: PrefillBound, cpuOnly: boolean): string {
  switch (bound) {
    case 'compute':
      return `prefill compute-bound: ${cpuOnly ? cpuLabel(c) : gpuLabel(c)}`;
    case 'weight-read':
      return `prefill weight-read-bound: the weights streamed once per micro-batch at ${(c.gpuBytesPerSecond / GB).toFixed(0)} GB/s`;
    case 'pcie':
      return `prefill PCIe-bound: RAM-held weights copied to the GPU every micro-batch at ${(c.pcieBytesPerSecond / GB).toFixed(1)} GB/s (llama.cpp op offload, batches ≥ 32)`;
    case 'cpu':
      return `prefill CPU-bound: ${cpuLabel(c)}`;
    case 'fixed':
      return 'prefill launch-bound: per-layer fixed costs of each micro-batch';
    case 'experts':
      return `prefill MoE-overhead-bound: routing, sorting tokens by expert and gathers, ${(c.prefill.expertLayerPassSeconds * 1e3).toFixed(2)} ms per MoE layer per micro-batch (fitted)`;
  }
}

/** The basis phrase for a prefill bound under coefficients `c` (`cpuOnly`: no accelerator used). */
export function prefillBasis(c: SpeedCoefficients, bound: PrefillBound, cpuOnly: boolean): string {
  let byBound = cache.get(c);
  if (byBound === undefined) {
    byBound = new Map();
    cache.set(c, byBound);
  }
  const key = `${bound}|${cpuOnly}`;
  let text = byBound.get(key);
  if (text === undefined) {
    text = phrase(c, bound, cpuOnly);
    byBound.set(key, text);
  }
  return text;
}
