/**
 * @module estimate/estimate — the estimator's entry points: `estimate` (one batch result), `estimateDetailed`
 * (with breakdown and advice) and `estimateResolved`, the allocation-light fast path curves and the page use.
 */

import { gpuBytesOf, hostBytesOf, kvBytes } from '../placement/memory.js';
import { place } from '../placement/place.js';
import { decodeTimeAnyGpus } from '../speed/multi-gpu-decode.js';
import { prefillTimeAnyGpus } from '../speed/multi-gpu-prefill.js';
import { prefillBasis } from '../speed/prefill-basis.js';
import { ENCODE_RANGE } from '../speed/vision-encode.js';
import { bandFactors } from '../uncertainty/band.js';
import { bytesBand, timeToFirstTokenBand } from '../uncertainty/derived-bands.js';
import { deviceClassOf, prefillBandFactors } from '../uncertainty/prefill-band.js';
import { adviceFor } from './advice.js';
import type { Advice, DetailedEstimate, EstimateBands } from './detailed.js';
import { imageEncodeOf } from './mmproj.js';
import { multiGpuPlacement } from './multi-gpu-result.js';
import { parallelStreams } from './parallel-slots.js';
import { type ResolveOptions, resolveScenario } from './resolve-scenario.js';
import type { ResolvedScenario } from './resolved.js';
import type { EstimateResult, ScenarioInput } from './scenario.js';

const NO_ADVICE: readonly Advice[] = [];
const NO_WARNINGS: readonly string[] = [];

/** Options of `estimateResolved`. */
export interface EstimateOptions {
  /** Work out advice for slow or non-fitting placements (re-estimates variants). @default true */
  readonly advice?: boolean;
}

function contextWarnings(r: ResolvedScenario): string[] {
  const { contextTokens, depthTokens, generatedTokens, promptTokens } = r.settings;
  const out: string[] = [];
  if (contextTokens > r.model.maxContext) {
    out.push(
      `Context ${contextTokens} exceeds ${r.model.name}'s trained maximum of ${r.model.maxContext} tokens.`,
    );
  }
  if (depthTokens + generatedTokens > contextTokens) {
    out.push(
      `Depth ${depthTokens} + ${generatedTokens} generated tokens exceed the ${contextTokens}-token context: llama.cpp stops or shifts the cache.`,
    );
  }
  if (depthTokens + promptTokens > contextTokens) {
    const images = r.mmproj?.images ? ' (images included)' : '';
    out.push(
      `Depth ${depthTokens} + ${promptTokens} prompt tokens${images} exceed the ${contextTokens}-token context: llama-server refuses the request; raise -c.`,
    );
  }
  return out;
}

/** A time-to-first-token band with the images' encode time at the ends of its validation range added. */
const withEncodeRange = (b: { low: number; high: number }, encodeSeconds: number) =>
  encodeSeconds === 0
    ? b
    : { low: b.low + encodeSeconds * ENCODE_RANGE.low, high: b.high + encodeSeconds * ENCODE_RANGE.high };

/**
 * The full estimate of a resolved scenario: placement, regime, decode (with band), prefill, time to first
 * token, memory, basis, warnings and advice. Allocation-light and fast when `advice` is off or the model fits.
 */
export function estimateResolved(r: ResolvedScenario, options: EstimateOptions = {}): DetailedEstimate {
  const p = place(r);
  const decode = decodeTimeAnyGpus(r, p);
  const prefill = prefillTimeAnyGpus(r, p);
  // Images: the vision encoder runs before their tokens are prefilled.
  const images = imageEncodeOf(r.mmproj, r.speed);
  const encodeSeconds =
    images?.encode === undefined ? 0 : images.encode.secondsPerImage * images.encode.images;
  const band = bandFactors(r.hardware.backend, p.regime, r.calibration?.decodeSpread);
  const advice = options.advice === false ? NO_ADVICE : adviceFor(r, p, decode.tokensPerSecond);
  const m = p.memory;
  const hw = r.hardware;
  const n = r.sums.layerCount;
  const splitMoe = Math.min(p.split.cpuMoeLayers, n);
  // 0 when those layers hold no routed experts (a dense model given --n-cpu-moe), as the contract says.
  const cpuMoeLayers = (r.sums.cumExpertBytes[splitMoe] ?? 0) > 0 ? splitMoe : 0;
  const tps = decode.tokensPerSecond;
  const fitsInContext = r.settings.contextTokens <= r.model.maxContext;
  const assumed = r.model.assumptions ?? NO_WARNINGS;
  const quiet =
    assumed.length === 0 &&
    p.notes.length === 0 &&
    advice.length === 0 &&
    fitsInContext &&
    r.settings.depthTokens + Math.max(r.settings.generatedTokens, r.settings.promptTokens) <=
      r.settings.contextTokens;
  const warnings = quiet
    ? NO_WARNINGS
    : [...assumed, ...p.notes, ...contextWarnings(r), ...advice.map((a) => a.message)];
  const gpuTier = decode.tiers[0];
  const cpuTier = decode.tiers[1];
  const prefillBand = prefillBandFactors(hw.backend, deviceClassOf(hw), r.calibration?.prefillSpread);
  // Memory bands widen with the predicted weights only (a file's or header's sizes are known).
  const predictedWeights = r.weightsSource === 'predicted' ? 1 : 0;
  const deviceBytes = gpuBytesOf(m) + (hw.layout === 'cpu' ? 0 : hw.runtimeBytes);
  const hostBytes = hostBytesOf(m);
  // One literal, no spreads: this runs hundreds of thousands of times a second for curves and the tuner.
  const result: DetailedEstimate = {
    id: r.id,
    decodeTokensPerSecond: tps,
    prefillTokensPerSecond: prefill.tokensPerSecond,
    timeToFirstTokenSeconds: prefill.seconds + encodeSeconds + decode.secondsPerToken,
    fits: p.fits,
    regime: p.regime,
    band: { low: tps * band.low, high: tps * band.high },
    memory: {
      weightsBytes: r.sums.totalBytes,
      kvCacheBytes: kvBytes(r, p.sizes, 0, n),
      overheadBytes: m.gpuComputeBytes + m.hostComputeBytes + hw.runtimeBytes,
      deviceBytes,
      hostBytes,
    },
    prefillBand: {
      low: prefill.tokensPerSecond * prefillBand.low,
      high: prefill.tokensPerSecond * prefillBand.high,
    },
    timeToFirstTokenBand: withEncodeRange(
      timeToFirstTokenBand(prefill.seconds, decode.secondsPerToken, prefillBand, band),
      encodeSeconds,
    ),
    memoryBand: {
      deviceBytes: bytesBand(
        deviceBytes,
        m.gpuWeightBytes * predictedWeights,
        hw.layout === 'cpu' ? 0 : hw.runtimeBytes,
      ),
      hostBytes: bytesBand(hostBytes, m.hostWeightBytes * predictedWeights),
    },
    placement:
      p.perDevice === undefined
        ? { gpuLayers: p.split.gpuLayers, totalLayers: n, cpuMoeLayers }
        : { gpuLayers: p.split.gpuLayers, totalLayers: n, cpuMoeLayers, ...multiGpuPlacement(p) },
    basis: `${r.basis}; ${prefillBasis(r.speed, prefill.bound, hw.layout === 'cpu' || p.split.gpuLayers === 0)}${images === undefined ? '' : `; ${images.note}`}; ${band.note}`,
    warnings,
    breakdown: {
      weightsByGroup: r.weights.byGroup,
      weightsSource: r.weightsSource,
      tiers: decode.tiers,
      decode,
      prefill,
      t0Seconds: decode.t0Seconds,
      eta: hw.gpuBandwidthGBs > 0 ? r.speed.gpuBytesPerSecond / (hw.gpuBandwidthGBs * 1e9) : 0,
      bandwidths: {
        gpuGBs: hw.gpuBandwidthGBs,
        gpuEffectiveGBs: (gpuTier?.bytesPerSecond ?? 0) / 1e9,
        ramGBs: hw.ramBandwidthGBs,
        cpuEffectiveGBs: (cpuTier?.bytesPerSecond ?? 0) / 1e9,
        pcieGBs: hw.pcieGBs,
      },
      memory: {
        gpuWeightBytes: m.gpuWeightBytes,
        gpuKvBytes: m.gpuKvBytes,
        gpuComputeBytes: m.gpuComputeBytes,
        hostWeightBytes: m.hostWeightBytes,
        hostKvBytes: m.hostKvBytes,
        hostComputeBytes: m.hostComputeBytes,
        layout: hw.layout,
        ramBytes: hw.ramBytes,
        runtimeBytes: hw.runtimeBytes,
        gpuUsableBytes: p.gpuUsableBytes,
        ramAvailableBytes: hw.ramAvailableBytes,
        gpuOverflowBytes: p.gpuOverflowBytes,
        hostOverflowBytes: p.hostOverflowBytes,
      },
      kvCacheTypes: { k: r.kvSettings.k.name, v: r.kvSettings.v.name },
      flashAttention: r.kvSettings.flashAttention,
      cpuMoeLayers,
      bandNote: band.note,
      prefillBandNote: prefillBand.note,
    },
    advice,
  };
  const withImages = images?.encode === undefined ? result : { ...result, imageEncode: images.encode };
  return (r.settings.parallel ?? 1) > 1
    ? { ...withImages, parallel: parallelStreams(r, decode) }
    : withImages;
}

/** The detailed estimate of a scenario (throws CliffbenchError for bad input). */
export function estimateDetailed(input: ScenarioInput, options?: ResolveOptions): DetailedEstimate {
  return estimateResolved(resolveScenario(input, options));
}

/** Strips a detailed estimate to the batch result (with its bands). */
export function toEstimateResult(d: DetailedEstimate): EstimateResult & EstimateBands {
  const { breakdown: _breakdown, advice: _advice, ...result } = d;
  return result;
}

/** The batch result of a scenario (throws CliffbenchError for bad input). */
export function estimate(input: ScenarioInput, options?: ResolveOptions): EstimateResult & EstimateBands {
  return toEstimateResult(estimateDetailed(input, options));
}
