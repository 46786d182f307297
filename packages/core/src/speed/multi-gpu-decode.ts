/**
 * @module speed/multi-gpu-decode — decode time per token on two or more GPUs, on top of the single-GPU model
 * (speed/decode): the GPU tier's bytes are read at a rate made from each GPU's own rate and share.
 *
 * Layer split: at batch 1 the GPUs run one after another (llama.cpp's scheduler runs the graph split by split,
 * each on its layer's device; ggml-org/llama.cpp ggml/src/ggml-backend.cpp `ggml_backend_sched_compute_splits`,
 * commit a5410f046c01d01330c8a42f13b64a211fedf2c3), so the GPU time is Σ bytes_i / rate_i: a second card adds
 * memory, not speed, and a slower card's share is read at its own rate. Each boundary hands the hidden state
 * (n_embd floats) to the next GPU over PCIe and synchronises the two (a graph split): `layerHandoverSeconds`
 * each, fitted (0.121 ms). The 4× A100 SXM rows (8B decodes 26 % slower than on one A100 SXM of the same
 * table) are not a larger hand-over: that machine's 70B rows lose 19 %, where any per-token cost would take a
 * fifth as large a share of 70B's longer token (4× A100 PCIe: 8B −15 %, 70B +3 %). A slow machine, kept as
 * the worst row (docs/design.md §2.12).
 *
 * Row and tensor split: the GPUs read their shares at the same time, so the weight time is the slowest GPU's
 * max_i(bytes_i / rate_i); row split reads the whole KV cache on the main GPU, tensor split each GPU its share.
 * Row split synchronises around every matrix product and copies activations out and partial results back for
 * each GPU beyond the first: `rowSyncSecondsPerLayer` + `rowGatherSecondsPerLayerPeer` × (GPUs − 1) per
 * layer, fitted to the XiongjieDai Dec-2023 rows (2 to 6 cards; llama.cpp's CUDA backend split matrices by rows
 * before `-sm` existed) — slower than layer split on PCIe, as ggml-org/llama.cpp issue #5619 measured (Mistral
 * 7B on two P6000s, layer 40 t/s, row 27 t/s; held out). Tensor split all-reduces twice per layer:
 * `tensorSyncSecondsPerLayer`, fitted to llama.cpp PR #19378's 4× RTX 4090 rows.
 */

import { rangeSum } from '../estimate/model-sums.js';
import type { ResolvedScenario } from '../estimate/resolved.js';
import { meanAttendedPositions, STATE_TRAFFIC_PER_BYTE } from '../footprint/kv-cache.js';
import { firstGpuLayer } from '../placement/memory.js';
import type { Placement } from '../placement/place.js';
import { type DecodeBreakdown, decodeTime } from './decode.js';

/** The fixed per-token costs of a multi-GPU placement, seconds (fitted: see `MULTI_GPU_COSTS`). */
export interface MultiGpuCosts {
  /** Layer split: one GPU-to-GPU boundary (hand the hidden state over, synchronise the next GPU). */
  readonly layerHandoverSeconds: number;
  /** Row split: per offloaded layer (synchronising the GPUs around each matrix product). */
  readonly rowSyncSecondsPerLayer: number;
  /** Row split: per offloaded layer and per GPU beyond the first (copying activations and partial results). */
  readonly rowGatherSecondsPerLayerPeer: number;
  /** Tensor split: per offloaded layer (its two all-reduces). */
  readonly tensorSyncSecondsPerLayer: number;
}

/** No fixed multi-GPU cost: the base the fit in scripts/validate-multigpu.ts adds the costs to. */
export const NO_MULTI_GPU_COSTS: MultiGpuCosts = {
  layerHandoverSeconds: 0,
  rowSyncSecondsPerLayer: 0,
  rowGatherSecondsPerLayerPeer: 0,
  tensorSyncSecondsPerLayer: 0,
};

/**
 * Fitted by `npm run validate:multigpu` (scripts/validate-multigpu.ts) to the decode rows of
 * test/fixtures/validation-multigpu.jsonl not marked held out: least squares in log(predicted/measured), each
 * constant on its split mode's rows (layer: the XiongjieDai/GPU-Benchmarks-on-LLM-Inference May-2024 tables and
 * llama.cpp PR #19378; row: the same README's Dec-2023 tables, run before llama.cpp had `-sm`, and issue
 * #5619; tensor: PR #19378), each row with flash attention as its run had it (off in every run before llama.cpp's
 * llama-bench defaulted to it). The script prints leave-one-machine-out cross-validation and the held-out rows.
 */
export const MULTI_GPU_COSTS: MultiGpuCosts = {
  layerHandoverSeconds: 120e-6,
  rowSyncSecondsPerLayer: 201e-6,
  rowGatherSecondsPerLayerPeer: 119e-6,
  tensorSyncSecondsPerLayer: 55e-6,
};

function kvReadBytes(r: ResolvedScenario, from: number, to: number, full: number, sliding: number): number {
  return (
    rangeSum(r.kv.readFull, from, to) * full +
    rangeSum(r.kv.readSliding, from, to) * sliding +
    rangeSum(r.kv.state, from, to) * STATE_TRAFFIC_PER_BYTE
  );
}

/** How many times each fixed cost is paid per token: boundaries (layer), layers and layer × peer (row), layers
 * (tensor). */
export function multiGpuCostCounts(p: Placement, layerCount: number): Record<keyof MultiGpuCosts, number> {
  const counts = { ...NO_MULTI_GPU_COSTS };
  const shares = p.perDevice;
  if (shares === undefined || p.split.gpuLayers === 0) return counts;
  const layers = Math.min(p.split.gpuLayers, layerCount);
  if (p.splitMode === 'row') {
    const peers = shares.filter((d) => d.fraction > 0).length - 1;
    counts.rowSyncSecondsPerLayer = layers;
    counts.rowGatherSecondsPerLayerPeer = layers * Math.max(0, peers);
  } else if (p.splitMode === 'tensor') counts.tensorSyncSecondsPerLayer = layers;
  else counts.layerHandoverSeconds = Math.max(0, shares.filter((d) => d.layers > 0 || d.output).length - 1);
  return counts;
}

/** Extra fixed seconds per token a multi-GPU placement costs (hand-overs or synchronisation). */
export function multiGpuFixedSeconds(
  r: ResolvedScenario,
  p: Placement,
  costs: MultiGpuCosts = MULTI_GPU_COSTS,
): number {
  const counts = multiGpuCostCounts(p, r.sums.layerCount);
  // A boundary also moves one hidden state (n_embd f32) over PCIe.
  const handOverBytes = (r.model.hiddenSize * 4) / (r.hardware.pcieGBs * 1e9);
  return (
    counts.layerHandoverSeconds * (costs.layerHandoverSeconds + handOverBytes) +
    counts.rowSyncSecondsPerLayer * costs.rowSyncSecondsPerLayer +
    counts.rowGatherSecondsPerLayerPeer * costs.rowGatherSecondsPerLayerPeer +
    counts.tensorSyncSecondsPerLayer * costs.tensorSyncSecondsPerLayer
  );
}

/**
 * Decode time per token for any placement: `decodeTime` for one GPU; for several, the GPU tier's weight and KV
 * rates replaced by the effective rates of the split, plus the hand-overs or synchronisations.
 */
export function decodeTimeAnyGpus(
  r: ResolvedScenario,
  p: Placement,
  depthTokens = r.settings.depthTokens,
  generatedTokens = r.settings.generatedTokens,
  costs: MultiGpuCosts = MULTI_GPU_COSTS,
): DecodeBreakdown {
  const g = r.gpus;
  const shares = p.perDevice;
  if (g === undefined || shares === undefined || p.split.gpuLayers === 0) {
    return decodeTime(r, p, depthTokens, generatedTokens);
  }
  const s = r.sums;
  const n = s.layerCount;
  const first = firstGpuLayer(r, p.split.gpuLayers);
  const expertsEnd = Math.max(first, Math.min(p.split.cpuMoeLayers, n));
  const full = meanAttendedPositions(depthTokens, generatedTokens);
  const sliding = meanAttendedPositions(depthTokens, generatedTokens, r.kv.slidingWindow);
  const flash = r.kvSettings.flashAttention;
  const active = (from: number, to: number): number => {
    const lo = Math.max(from, first);
    const hi = Math.max(lo, Math.min(to, expertsEnd));
    return rangeSum(s.cumActiveBytes, from, to) - rangeSum(s.cumActiveExpertBytes, lo, hi);
  };
  let weights = 0;
  let kv = 0;
  let weightSeconds = 0;
  let kvSeconds = 0;
  const allWeights = active(first, n) + s.outputActiveBytes;
  const allKv = kvReadBytes(r, first, n, full, sliding);
  shares.forEach((d, i) => {
    const c = (g.units[i] as (typeof g.units)[number]).speed;
    const kvRate = flash ? c.gpuKvBytesPerSecond : c.gpuKvBytesPerSecondNoFlash;
    let w: number;
    let k: number;
    if (p.splitMode === 'layer') {
      w = active(d.from, d.to) + (d.output ? s.outputActiveBytes : 0);
      k = kvReadBytes(r, d.from, d.to, full, sliding);
      weightSeconds += w / c.gpuBytesPerSecond;
      kvSeconds += k / kvRate;
    } else {
      w = allWeights * d.fraction;
      k = p.splitMode === 'tensor' ? allKv * d.fraction : i === g.mainGpu ? allKv : 0;
      weightSeconds = Math.max(weightSeconds, w / c.gpuBytesPerSecond);
      kvSeconds = Math.max(kvSeconds, k / kvRate);
    }
    weights += w;
    kv += k;
  });
  const base = r.speed;
  const kvRate = kv > 0 && kvSeconds > 0 ? kv / kvSeconds : base.gpuKvBytesPerSecond;
  const speed = {
    ...base,
    gpuBytesPerSecond: weights > 0 && weightSeconds > 0 ? weights / weightSeconds : base.gpuBytesPerSecond,
    gpuKvBytesPerSecond: kvRate,
    gpuKvBytesPerSecondNoFlash: kvRate,
  };
  const d = decodeTime({ ...r, speed }, p, depthTokens, generatedTokens);
  const extra = multiGpuFixedSeconds(r, p, costs);
  const secondsPerToken = d.secondsPerToken + extra;
  return { ...d, t0Seconds: d.t0Seconds + extra, secondsPerToken, tokensPerSecond: 1 / secondsPerToken };
}
