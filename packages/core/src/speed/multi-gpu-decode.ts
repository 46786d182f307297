/**
 * @module speed/multi-gpu-decode — decode time per token on two or more GPUs, on top of the single-GPU model
 * (speed/decode): the GPU tier's bytes are read at a rate made from each GPU's own rate and share.
 *
 * Layer split: at batch 1 the GPUs run one after another (llama.cpp's scheduler runs the graph split by split,
 * each on its layer's device; ggml-org/llama.cpp ggml/src/ggml-backend.cpp `ggml_backend_sched_compute_splits`,
 * commit a5410f046c01d01330c8a42f13b64a211fedf2c3), so the GPU time is Σ bytes_i / rate_i: a second card adds
 * memory, not speed, and a slower card's share is read at its own rate. Each boundary hands the hidden state
 * (n_embd floats) to the next GPU over PCIe and synchronises the two (a graph split, no CUDA graph across it):
 * `LAYER_HANDOVER_SECONDS` each, assumed, not fitted.
 *
 * Row and tensor split: the GPUs read their shares at the same time, so the weight time is the slowest GPU's
 * max_i(bytes_i / rate_i); row split reads the whole KV cache on the main GPU, tensor split each GPU its share.
 * Both pay a synchronisation cost per layer. Row split gathers every matrix product on the main GPU, and
 * measured slower than layer split on PCIe (ggml-org/llama.cpp issue #5619: Mistral 7B on two P6000s, layer
 * 40 t/s, row 27 t/s; docs/multi-gpu.md, PR #22729, calls it deprecated and comparatively slow):
 * `ROW_SYNC_SECONDS_PER_LAYER`, sized so that 7B case comes out slower. Tensor split all-reduces twice per
 * layer: `TENSOR_SYNC_SECONDS_PER_LAYER`, sized to the 22.1 → 37.1 t/s layer → tensor gain two RTX 5060 Ti
 * showed (sudoingX/qwen38-mtp PR #24). Neither is fitted: no multi-GPU row is in the validation set yet.
 */

import { rangeSum } from '../estimate/model-sums.js';
import type { ResolvedScenario } from '../estimate/resolved.js';
import { meanAttendedPositions, STATE_TRAFFIC_PER_BYTE } from '../footprint/kv-cache.js';
import { firstGpuLayer } from '../placement/memory.js';
import type { Placement } from '../placement/place.js';
import { type DecodeBreakdown, decodeTime } from './decode.js';

/** Layer split: cost of one GPU-to-GPU boundary per token, seconds (assumed). */
export const LAYER_HANDOVER_SECONDS = 250e-6;
/** Row split: synchronisation and gathering per offloaded layer per token, seconds (assumed). */
export const ROW_SYNC_SECONDS_PER_LAYER = 200e-6;
/** Tensor split: two all-reduces per offloaded layer per token, seconds (assumed). */
export const TENSOR_SYNC_SECONDS_PER_LAYER = 70e-6;

function kvReadBytes(r: ResolvedScenario, from: number, to: number, full: number, sliding: number): number {
  return (
    rangeSum(r.kv.readFull, from, to) * full +
    rangeSum(r.kv.readSliding, from, to) * sliding +
    rangeSum(r.kv.state, from, to) * STATE_TRAFFIC_PER_BYTE
  );
}

/** Extra fixed seconds per token a multi-GPU placement costs (hand-overs or synchronisation). */
export function multiGpuFixedSeconds(r: ResolvedScenario, p: Placement): number {
  const shares = p.perDevice;
  if (shares === undefined) return 0;
  if (p.splitMode === 'layer') {
    const used = shares.filter((d) => d.layers > 0 || d.output).length;
    const handOver = LAYER_HANDOVER_SECONDS + (r.model.hiddenSize * 4) / (r.hardware.pcieGBs * 1e9);
    return Math.max(0, used - 1) * handOver;
  }
  const layers = Math.min(p.split.gpuLayers, r.sums.layerCount);
  return layers * (p.splitMode === 'row' ? ROW_SYNC_SECONDS_PER_LAYER : TENSOR_SYNC_SECONDS_PER_LAYER);
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
  const extra = multiGpuFixedSeconds(r, p);
  const secondsPerToken = d.secondsPerToken + extra;
  return { ...d, t0Seconds: d.t0Seconds + extra, secondsPerToken, tokensPerSecond: 1 / secondsPerToken };
}
