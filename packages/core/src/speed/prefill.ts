/**
 * @module speed/prefill — prompt processing and time to first token, as llama.cpp runs it: the prompt in
 * micro-batches of `ubatchTokens` (512), each one pass over the layers. Per micro-batch:
 *
 * - matmuls: 2 FLOPs per weight per token at the rate of the path llama.cpp takes on this backend and GPU
 *   generation (speed/matmul-path.ts), quantised and float weights apart, at m/(m + m½) of the path's
 *   efficiency with m tokens per weight matrix (u for dense matrices; routed experts see only u·k/E each);
 * - attention over the cache at a fraction of that rate, plus, without flash attention, writing and reading the
 *   f32 score matrix;
 * - reading the accelerator-resident weights once (all dense weights; the experts the micro-batch routes to,
 *   1 − (1 − k/E)^u of them — nearly all at u = 512);
 * - partial offload on a discrete GPU: at u ≥ 32 llama.cpp runs the CPU-held layers' matmuls on the GPU and
 *   copies their weights over PCIe once per micro-batch (ggml-backend's op offload: `offload_op` is true for
 *   ops of batch ≥ GGML_OP_OFFLOAD_MIN_BATCH, default 32, in ggml/src/ggml-cuda/ggml-cuda.cu and
 *   ggml-vulkan.cpp of ggml-org/llama.cpp, PR #6083); below that the CPU computes its layers;
 * - the per-layer fixed cost of a pass (kernel launches), as in decode.
 *
 * The terms add; the largest names the bound in the basis line. Time to first token = prefill + one token.
 */

import { rangeSum } from '../estimate/model-sums.js';
import type { ResolvedScenario } from '../estimate/resolved.js';
import { meanAttendedPositions } from '../footprint/kv-cache.js';
import { firstGpuLayer } from '../placement/memory.js';
import type { Placement } from '../placement/place.js';
import { MMQ_DP4A_MAX_BATCH } from './matmul-path.js';
import { prefillSums } from './prefill-sums.js';

/** Batch size from which llama.cpp runs CPU-held weights' ops on the GPU (GGML_OP_OFFLOAD_MIN_BATCH, 32). */
export const OP_OFFLOAD_MIN_BATCH = 32;

/** Bytes of f32 score written and read per attended position per head without flash attention: KQ written,
 * read and written by softmax, read by KQV (4 passes × 4 bytes). */
const SCORE_BYTES_PER_POSITION = 16;

/** What bounds a prefill. */
export type PrefillBound = 'compute' | 'weight-read' | 'pcie' | 'cpu' | 'fixed' | 'experts';

/** Prefill estimate and its parts, seconds. */
export interface PrefillBreakdown {
  readonly tokensPerSecond: number;
  readonly seconds: number;
  /** Matmuls (dense and experts) at the effective rate of their path. */
  readonly computeSeconds: number;
  /** Attention over the cache (and, without flash attention, its score traffic). */
  readonly attentionSeconds: number;
  /** Reading the accelerator-resident weights once per micro-batch. */
  readonly weightReadSeconds: number;
  /** Copying RAM-held (or spilled) weights to the accelerator once per micro-batch. */
  readonly transferSeconds: number;
  /** Layers the CPU computes itself (CPU only, or partial offload below the op-offload batch). */
  readonly cpuSeconds: number;
  /** Per-layer fixed costs of every pass. */
  readonly fixedSeconds: number;
  /** FLOPs per prompt token (matmuls and attention). */
  readonly flopsPerToken: number;
  /** The largest term. */
  readonly bound: PrefillBound;
  /** The fastest matmul rate the units used could reach, FLOP/s: no prefill exceeds flopsPerToken × this. */
  readonly peakFlops: number;
}

/** Time of one pass of `u` tokens, by part; `overlapped` = max(compute, read): the GPU streams weights while it
 * multiplies, so a pass takes the longer of the two (a roofline). */
interface Pass {
  compute: number;
  read: number;
  overlapped: number;
  transfer: number;
  cpu: number;
  fixed: number;
}

/**
 * Matmul seconds of `u` tokens over `dense` and `experts` (routed, per token) weights at a rate pair, each at
 * its tile occupancy (the share of a matmul's full efficiency its tokens per weight matrix reach).
 */
function matmulSeconds(
  u: number,
  dense: number,
  experts: number,
  floatShare: number,
  quantFlops: number,
  floatFlops: number,
  denseOccupancy: number,
  expertOccupancy: number,
): number {
  if (quantFlops <= 0) return 0;
  const perParam = (1 - floatShare) / quantFlops + floatShare / floatFlops;
  return 2 * u * perParam * (dense / denseOccupancy + experts / expertOccupancy);
}

/**
 * Matmul seconds of a batch of `u` tokens through `dense` and routed-expert (active per token) parameters on the
 * accelerator: the rate of the path llama.cpp takes for a batch of `u` (Volta's small batches keep MMQ's dp4a
 * rate), each matrix at its tile occupancy. `expertTokens` is the tokens each routed expert multiplies: u·k/E
 * when the batch touches every expert (a prompt's micro-batch), more when it touches fewer (a batched decode
 * step, estimate/parallel-slots).
 */
export function gpuMatmulSeconds(
  r: Pick<ResolvedScenario, 'speed' | 'model' | 'tensors'>,
  u: number,
  dense: number,
  experts: number,
  expertTokens?: number,
): number {
  const pc = r.speed.prefill;
  const ps = prefillSums(r.model, r.tensors);
  // A weight matrix multiplied by few tokens leaves its tiles part empty: u tokens for dense matrices, u·k/E
  // (or `expertTokens`) for each expert.
  const m = expertTokens ?? (ps.experts > 0 ? u * (ps.expertsUsed / ps.experts) : u);
  const cublas = pc.gpuDequantPass && u >= MMQ_DP4A_MAX_BATCH;
  return matmulSeconds(
    u,
    dense,
    experts,
    ps.floatShare,
    cublas || !pc.gpuDequantPass ? pc.gpuQuantFlops : pc.gpuQuantFlopsSmallBatch,
    pc.gpuFloatFlops,
    u / (u + pc.halfEfficiencyTokens),
    ps.experts > 0 ? m / (m + pc.halfEfficiencyTokens) : 1,
  );
}

/** Prefill time of `promptTokens` prompt tokens starting at `depthTokens`. */
export function prefillTime(
  r: ResolvedScenario,
  p: Placement,
  promptTokens = r.settings.promptTokens,
  depthTokens = r.settings.depthTokens,
): PrefillBreakdown {
  const c = r.speed;
  const pc = c.prefill;
  const s = r.sums;
  const ps = prefillSums(r.model, r.tensors);
  const n = s.layerCount;
  const hw = r.hardware;
  const cpuOnly = hw.layout === 'cpu' || (p.split.gpuLayers === 0 && p.memory.gpuWeightBytes === 0);

  // Attention FLOPs and positions over the whole prompt.
  const full = meanAttendedPositions(depthTokens, promptTokens);
  const sliding = meanAttendedPositions(depthTokens, promptTokens, r.kv.slidingWindow);
  const attentionFlopsPerToken = 2 * (s.attentionWidthFull * full + s.attentionWidthSliding * sliding);
  const scorePositionsPerToken = ps.headsFull * full + ps.headsSliding * sliding;
  const params = ps.denseParams + ps.expertActiveParams;
  const flopsPerToken = 2 * params + attentionFlopsPerToken;

  // Where the weights are.
  const first = cpuOnly ? n : firstGpuLayer(r, p.split.gpuLayers);
  const expertsEnd = Math.max(first, Math.min(p.split.cpuMoeLayers, n));
  const ramExperts = rangeSum(s.cumExpertBytes, first, expertsEnd);
  const gpuExperts = cpuOnly ? 0 : rangeSum(s.cumExpertBytes, first, n) - ramExperts;
  const gpuDense = cpuOnly ? 0 : Math.max(0, p.memory.gpuWeightBytes - gpuExperts);
  const hostWeights = Math.max(0, p.memory.hostWeightBytes - s.lookupBytes);
  const cpuExperts = rangeSum(s.cumExpertBytes, 0, first) + ramExperts;
  const cpuDense = Math.max(0, hostWeights - cpuExperts);
  // Share of the per-token matmul work held by the CPU side (for passes it computes itself).
  const cpuActive =
    rangeSum(s.cumActiveBytes, 0, first) + rangeSum(s.cumActiveExpertBytes, first, expertsEnd);
  const cpuWorkShare = cpuOnly
    ? 1
    : s.activeBytesPerToken > 0
      ? Math.min(1, cpuActive / s.activeBytesPerToken)
      : 0;
  const expertShare = ps.experts > 0 ? ps.expertsUsed / ps.experts : 1;
  const moeLayers = s.cumMoeLayers[n] ?? 0;
  const layerUnits = n - moeLayers + moeLayers * c.moeLayerFactor;
  const unified = hw.layout === 'unified';

  const expertFixed = moeLayers * pc.expertLayerPassSeconds;
  const pass = (u: number): Pass => {
    const touched = ps.experts > 0 ? 1 - (1 - expertShare) ** u : 1;
    if (cpuOnly) {
      const compute = matmulSeconds(
        u,
        ps.denseParams,
        ps.expertActiveParams,
        ps.floatShare,
        pc.cpuQuantFlops,
        pc.cpuFloatFlops,
        1,
        1,
      );
      const read = (cpuDense + cpuExperts * touched) / c.cpuBytesPerSecond;
      return {
        compute: 0,
        read: 0,
        overlapped: 0,
        transfer: 0,
        cpu: Math.max(compute, read),
        fixed: layerUnits * c.cpuLayerSeconds + expertFixed,
      };
    }
    const offloaded = u >= OP_OFFLOAD_MIN_BATCH;
    const gpuShare = offloaded ? 1 : 1 - cpuWorkShare;
    const cublas = pc.gpuDequantPass && u >= MMQ_DP4A_MAX_BATCH;
    const read = (gpuDense + gpuExperts * touched) / c.gpuBytesPerSecond;
    // Volta's cuBLAS path first writes the quantised weights out as F16 and then reads them back: ~4 bytes per
    // weight beyond the quantised read, a pass of its own.
    const resident = (ps.denseParams + ps.expertParams * touched) * gpuShare * (1 - ps.floatShare);
    const dequant = cublas ? read + (4 * resident) / c.gpuBytesPerSecond : 0;
    const compute =
      dequant + gpuMatmulSeconds(r, u, ps.denseParams * gpuShare, ps.expertActiveParams * gpuShare);
    let transfer = 0;
    let cpu = 0;
    if (offloaded) {
      // CPU-held weights go to the GPU for the pass; unified memory reads them in place.
      const copied = unified ? 0 : hostWeights / c.pcieBytesPerSecond;
      const spillRate = unified ? c.overLimitBytesPerSecond : c.pcieBytesPerSecond;
      transfer = copied + p.gpuOverflowBytes / spillRate + p.hostOverflowBytes / c.diskBytesPerSecond;
    } else if (cpuWorkShare > 0) {
      const cpuCompute = matmulSeconds(
        u,
        ps.denseParams * cpuWorkShare,
        ps.expertActiveParams * cpuWorkShare,
        ps.floatShare,
        pc.cpuQuantFlops,
        pc.cpuFloatFlops,
        1,
        1,
      );
      cpu = Math.max(cpuCompute, (cpuDense + cpuExperts * touched) / c.cpuBytesPerSecond);
    }
    const fixed = layerUnits * c.gpuLayerSeconds + expertFixed + (offloaded ? 0 : first * c.cpuLayerSeconds);
    return { compute, read, overlapped: Math.max(compute, read), transfer, cpu, fixed };
  };

  const ubatch = Math.max(1, r.settings.ubatchTokens);
  const fullPasses = Math.floor(promptTokens / ubatch);
  const rest = promptTokens - fullPasses * ubatch;
  const total: Pass = { compute: 0, read: 0, overlapped: 0, transfer: 0, cpu: 0, fixed: 0 };
  const add = (q: Pass, times: number): void => {
    total.compute += q.compute * times;
    total.read += q.read * times;
    total.overlapped += q.overlapped * times;
    total.transfer += q.transfer * times;
    total.cpu += q.cpu * times;
    total.fixed += q.fixed * times;
  };
  if (fullPasses > 0) add(pass(ubatch), fullPasses);
  if (rest > 0) add(pass(rest), 1);

  // Attention: on the accelerator at its matmul rate, or on the CPU; without flash attention the f32 scores
  // make four passes through memory.
  const flash = r.kvSettings.flashAttention;
  let attentionSeconds: number;
  if (cpuOnly) {
    const rate = pc.cpuFloatFlops * pc.attentionEfficiency;
    const scores = flash
      ? 0
      : (promptTokens * scorePositionsPerToken * SCORE_BYTES_PER_POSITION) / c.cpuBytesPerSecond;
    attentionSeconds = (promptTokens * attentionFlopsPerToken) / rate + scores;
  } else {
    const rate = Math.max(pc.gpuQuantFlops, pc.gpuFloatFlops) * pc.attentionEfficiency;
    const scores = flash
      ? 0
      : (promptTokens * scorePositionsPerToken * SCORE_BYTES_PER_POSITION) / c.gpuBytesPerSecond;
    attentionSeconds = (promptTokens * attentionFlopsPerToken) / rate + scores;
  }
  // A calibration's measured ÷ predicted prefill (llama-bench pp runs, or the community's aggregate) scales the
  // prompt's time; the parts below stay the physics model's.
  const seconds =
    (total.overlapped + attentionSeconds + total.transfer + total.cpu + total.fixed) /
    (r.calibration?.prefillEfficiency ?? 1);
  const terms: readonly (readonly [PrefillBound, number])[] = [
    ['compute', total.compute + attentionSeconds],
    ['weight-read', total.read],
    ['pcie', total.transfer],
    ['cpu', total.cpu],
    ['fixed', total.fixed],
  ];
  let bound: PrefillBound = 'compute';
  let largest = -1;
  for (const [name, value] of terms) {
    if (value > largest) {
      largest = value;
      bound = name;
    }
  }
  // Fixed costs that are mostly MoE routing and expert gathers name their own bound.
  const passes = fullPasses + (rest > 0 ? 1 : 0);
  if (bound === 'fixed' && 2 * expertFixed * passes >= total.fixed) bound = 'experts';
  return {
    tokensPerSecond: promptTokens / seconds,
    seconds,
    computeSeconds: total.compute,
    attentionSeconds,
    weightReadSeconds: total.read,
    transferSeconds: total.transfer,
    cpuSeconds: total.cpu,
    fixedSeconds: total.fixed,
    flopsPerToken,
    bound,
    peakFlops: cpuOnly ? pc.cpuPeakFlops : Math.max(pc.gpuPeakFlops, pc.cpuPeakFlops),
  };
}
