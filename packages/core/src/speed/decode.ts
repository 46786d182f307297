/**
 * @module speed/decode — time per decoded token at batch 1: t = t0 + Σ over memory tiers of
 * bytes read from the tier / effective bandwidth of the tier. Weights are the MoE-active bytes of each layer;
 * KV reads grow with the depth of the cache, averaged over the generated tokens; recurrent layers move their
 * fixed-size state.
 */

import { rangeSum } from '../estimate/model-sums.js';
import type { ResolvedScenario } from '../estimate/resolved.js';
import { meanAttendedPositions, STATE_TRAFFIC_PER_BYTE } from '../footprint/kv-cache.js';
import { firstGpuLayer, gpuBytesOf, hostBytesOf } from '../placement/memory.js';
import type { Placement } from '../placement/place.js';
import { cpuDecodeComputeSeconds } from './cpu-compute.js';

/** A memory tier a token's bytes come from. */
export type Tier = 'gpu' | 'cpu' | 'pcie' | 'over-limit' | 'disk';

/** Bytes and seconds per token from one tier. */
export interface TierTime {
  readonly tier: Tier;
  /** Weight bytes read per token. */
  readonly weightBytes: number;
  /** KV-cache bytes read per token. */
  readonly kvBytes: number;
  /** Effective rate for weights, bytes/s. */
  readonly bytesPerSecond: number;
  /** Seconds per token spent on this tier. */
  readonly seconds: number;
}

/** The decode estimate and what it is made of. */
export interface DecodeBreakdown {
  readonly tokensPerSecond: number;
  readonly secondsPerToken: number;
  /** Fixed cost per token, seconds. */
  readonly t0Seconds: number;
  /** Tiers in a fixed order (gpu, cpu, pcie, over-limit, disk); unused ones have zero bytes. */
  readonly tiers: readonly TierTime[];
  /** All weight bytes read per token. */
  readonly weightBytes: number;
  /** All KV bytes read per token. */
  readonly kvBytes: number;
  /** Layer counts behind t0. */
  readonly gpuDenseLayers: number;
  readonly gpuMoeLayers: number;
  readonly cpuDenseLayers: number;
  readonly cpuMoeLayers: number;
  /** CPU↔GPU hand-overs per token beyond a full-GPU run. */
  readonly splits: number;
}

function tier(
  name: Tier,
  weightBytes: number,
  kvBytes: number,
  bytesPerSecond: number,
  kvBytesPerSecond: number,
): TierTime {
  const seconds =
    (weightBytes > 0 ? weightBytes / bytesPerSecond : 0) + (kvBytes > 0 ? kvBytes / kvBytesPerSecond : 0);
  return { tier: name, weightBytes, kvBytes, bytesPerSecond, seconds };
}

/**
 * KV bytes read per token by layers [from, to) at the given mean attended positions, plus the recurrent state of
 * recurrent layers, read and written back once per token.
 */
function kvRead(r: ResolvedScenario, from: number, to: number, full: number, sliding: number): number {
  return (
    rangeSum(r.kv.readFull, from, to) * full +
    rangeSum(r.kv.readSliding, from, to) * sliding +
    rangeSum(r.kv.state, from, to) * STATE_TRAFFIC_PER_BYTE
  );
}

/**
 * Decode time per token for a placement, with KV reads at `depthTokens` averaged over `generatedTokens`
 * (override both to evaluate another depth).
 */
export function decodeTime(
  r: ResolvedScenario,
  p: Placement,
  depthTokens = r.settings.depthTokens,
  generatedTokens = r.settings.generatedTokens,
): DecodeBreakdown {
  const s = r.sums;
  const c = r.speed;
  const n = s.layerCount;
  const first = firstGpuLayer(r, p.split.gpuLayers);
  const expertsEnd = Math.max(first, Math.min(p.split.cpuMoeLayers, n));
  const onGpu = p.split.gpuLayers > 0;
  const ramExperts = rangeSum(s.cumActiveExpertBytes, first, expertsEnd);
  let gpuWeights = onGpu ? rangeSum(s.cumActiveBytes, first, n) - ramExperts + s.outputActiveBytes : 0;
  let cpuWeights = rangeSum(s.cumActiveBytes, 0, first) + ramExperts + (onGpu ? 0 : s.outputActiveBytes);
  // The CPU reads expert slices at cpuExpertEta of its rate: one blended rate for the tier's weights (the
  // spill and disk shares below scale experts and the rest alike).
  const cpuExperts = rangeSum(s.cumActiveExpertBytes, 0, first) + ramExperts;
  const cpuReadRate =
    cpuWeights > 0
      ? (c.cpuBytesPerSecond * cpuWeights) / (cpuWeights - cpuExperts + cpuExperts / c.cpuExpertEta)
      : c.cpuBytesPerSecond;
  // The CPU also dequantises and multiplies every weight it reads: the slower of reading and computing.
  const cpuWeightRate =
    cpuWeights > 0 ? Math.min(cpuReadRate, cpuWeights / cpuDecodeComputeSeconds(r, cpuWeights)) : cpuReadRate;

  const fullPositions = meanAttendedPositions(depthTokens, generatedTokens);
  const slidingPositions = meanAttendedPositions(depthTokens, generatedTokens, r.kv.slidingWindow);
  let gpuKv = kvRead(r, first, n, fullPositions, slidingPositions);
  let cpuKv = kvRead(r, 0, first, fullPositions, slidingPositions);

  // Accelerator bytes past its usable memory come over PCIe (sysmem) or from paging (Apple over the limit).
  let spillWeights = 0;
  let spillKv = 0;
  const gpuBytes = gpuBytesOf(p.memory);
  if (p.gpuOverflowBytes > 0 && gpuBytes > 0) {
    const f = Math.min(1, p.gpuOverflowBytes / gpuBytes);
    spillWeights = gpuWeights * f;
    spillKv = gpuKv * f;
    gpuWeights -= spillWeights;
    gpuKv -= spillKv;
  }
  // RAM past what is available is streamed from disk: unified pools lose it from both sides.
  let diskBytes = 0;
  if (p.hostOverflowBytes > 0) {
    const unified = r.hardware.layout === 'unified';
    const pool = hostBytesOf(p.memory) + (unified ? gpuBytes : p.gpuOverflowBytes);
    const h = pool > 0 ? Math.min(1, p.hostOverflowBytes / pool) : 0;
    diskBytes = h * (cpuWeights + cpuKv + (unified ? gpuWeights + gpuKv : spillWeights + spillKv));
    cpuWeights *= 1 - h;
    cpuKv *= 1 - h;
    if (unified) {
      gpuWeights *= 1 - h;
      gpuKv *= 1 - h;
    } else {
      spillWeights *= 1 - h;
      spillKv *= 1 - h;
    }
  }
  const overLimit = r.hardware.layout === 'unified';
  const spillRate = overLimit ? c.overLimitBytesPerSecond : c.pcieBytesPerSecond;
  const flash = r.kvSettings.flashAttention;
  const tiers: TierTime[] = [
    tier(
      'gpu',
      gpuWeights,
      gpuKv,
      c.gpuBytesPerSecond,
      flash ? c.gpuKvBytesPerSecond : c.gpuKvBytesPerSecondNoFlash,
    ),
    tier(
      'cpu',
      cpuWeights,
      cpuKv,
      cpuWeightRate,
      flash ? c.cpuKvBytesPerSecond : c.cpuKvBytesPerSecondNoFlash,
    ),
    tier('pcie', overLimit ? 0 : spillWeights, overLimit ? 0 : spillKv, spillRate, spillRate),
    tier('over-limit', overLimit ? spillWeights : 0, overLimit ? spillKv : 0, spillRate, spillRate),
    tier('disk', diskBytes, 0, c.diskBytesPerSecond, c.diskBytesPerSecond),
  ];

  const gpuMoeLayers = rangeSum(s.cumMoeLayers, first, n);
  const cpuMoeLayers = rangeSum(s.cumMoeLayers, 0, first);
  const gpuDenseLayers = n - first - gpuMoeLayers;
  const cpuDenseLayers = first - cpuMoeLayers;
  const expertSplits = 2 * rangeSum(s.cumMoeLayers, first, expertsEnd);
  const splits = (onGpu && first > 0 ? 1 : 0) + expertSplits;
  const gpuFixed =
    c.t0OverrideSeconds ?? (gpuDenseLayers + gpuMoeLayers * c.moeLayerFactor) * c.gpuLayerSeconds;
  const t0Seconds =
    (onGpu ? gpuFixed : 0) +
    (cpuDenseLayers + cpuMoeLayers * c.moeLayerFactor) * c.cpuLayerSeconds +
    splits * c.splitSeconds;
  let secondsPerToken = t0Seconds;
  let weightBytes = 0;
  let kvBytes = 0;
  for (const t of tiers) {
    secondsPerToken += t.seconds;
    weightBytes += t.weightBytes;
    kvBytes += t.kvBytes;
  }
  return {
    tokensPerSecond: 1 / secondsPerToken,
    secondsPerToken,
    t0Seconds,
    tiers,
    weightBytes,
    kvBytes,
    gpuDenseLayers,
    gpuMoeLayers,
    cpuDenseLayers,
    cpuMoeLayers,
    splits,
  };
}
