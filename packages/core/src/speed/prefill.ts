/**
 * @module speed/prefill — prompt processing and time to first token. Compute-bound: 2 FLOPs per active
 * parameter per token plus attention over the cache, at the backend's effective FLOP rate. With weights in
 * RAM, llama.cpp runs large batches on the GPU anyway and copies the CPU-held weights over PCIe once per
 * micro-batch (ggml-org/llama.cpp PR #6083, "offload large batches to GPU": ops with batch ≥ 32).
 */

import type { ResolvedScenario } from '../estimate/resolved.js';
import { meanAttendedPositions } from '../footprint/kv-cache.js';
import type { Placement } from '../placement/place.js';
import { decodeTime } from './decode.js';

/** Batch size from which llama.cpp runs CPU-held weights' ops on the GPU (ggml-backend op offload, PR #6083). */
const OP_OFFLOAD_MIN_BATCH = 32;

/** Prefill estimate and its parts, seconds. */
export interface PrefillBreakdown {
  readonly tokensPerSecond: number;
  readonly seconds: number;
  /** Arithmetic at the effective FLOP rate. */
  readonly computeSeconds: number;
  /** Reading the accelerator-resident weights once per micro-batch. */
  readonly weightReadSeconds: number;
  /** Copying RAM-held (or spilled) weights to the accelerator once per micro-batch. */
  readonly transferSeconds: number;
  /** FLOPs per prompt token. */
  readonly flopsPerToken: number;
}

/** FLOPs per prompt token for `promptTokens` processed from `depthTokens`. */
function prefillFlopsPerToken(r: ResolvedScenario, promptTokens: number, depthTokens: number): number {
  const full = meanAttendedPositions(depthTokens, promptTokens);
  const sliding = meanAttendedPositions(depthTokens, promptTokens, r.kv.slidingWindow);
  const attention = 2 * (r.sums.attentionWidthFull * full + r.sums.attentionWidthSliding * sliding);
  return 2 * r.sums.activeParams + attention;
}

/** Prefill time of `promptTokens` prompt tokens starting at `depthTokens`. */
export function prefillTime(
  r: ResolvedScenario,
  p: Placement,
  promptTokens = r.settings.promptTokens,
  depthTokens = r.settings.depthTokens,
): PrefillBreakdown {
  const c = r.speed;
  const flopsPerToken = prefillFlopsPerToken(r, promptTokens, depthTokens);
  const moe = (r.sums.cumMoeLayers[r.sums.layerCount] ?? 0) > 0 ? c.moePrefillFactor : 1;
  const onGpu = p.split.gpuLayers > 0 || p.memory.gpuWeightBytes > 0;
  let computeSeconds: number;
  let weightReadSeconds = 0;
  let transferSeconds = 0;
  if (!onGpu) {
    computeSeconds = (promptTokens * flopsPerToken) / (c.cpuFlops * moe);
  } else if (promptTokens < OP_OFFLOAD_MIN_BATCH) {
    // Small batches: the CPU computes its own layers, much like decoding token by token.
    computeSeconds = promptTokens * decodeTime(r, p, depthTokens, promptTokens).secondsPerToken;
  } else {
    const ubatches = Math.ceil(promptTokens / r.settings.ubatchTokens);
    computeSeconds = (promptTokens * flopsPerToken) / (c.gpuFlops * moe);
    weightReadSeconds = (ubatches * p.memory.gpuWeightBytes) / c.gpuBytesPerSecond;
    const ramWeights = p.memory.hostWeightBytes - r.sums.lookupBytes;
    const spillRate = r.hardware.layout === 'unified' ? c.overLimitBytesPerSecond : c.pcieBytesPerSecond;
    // On unified memory the GPU reads RAM-held weights in place; only paged-out bytes cost extra.
    const copied = r.hardware.layout === 'unified' ? 0 : ramWeights / c.pcieBytesPerSecond;
    transferSeconds =
      ubatches * (copied + p.gpuOverflowBytes / spillRate + p.hostOverflowBytes / c.diskBytesPerSecond);
  }
  const seconds = computeSeconds + weightReadSeconds + transferSeconds;
  return {
    tokensPerSecond: promptTokens / seconds,
    seconds,
    computeSeconds,
    weightReadSeconds,
    transferSeconds,
    flopsPerToken,
  };
}
