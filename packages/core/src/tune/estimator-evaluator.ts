/**
 * @module tune/estimator-evaluator — the tuner's evaluator over the estimator's fast path: one resolved
 * scenario, re-configured per candidate (`reconfigure`), estimated without advice (`estimateResolved`).
 */
import type { DetailedEstimate } from '../estimate/detailed.js';
import { estimateResolved } from '../estimate/estimate.js';
import { type ResolvedScenario, reconfigure } from '../estimate/resolved.js';
import type { KvCacheTypeName } from '../estimate/scenario.js';
import type { ModelArchitecture } from '../model/architecture.js';
import type { Candidate, CandidateEstimate, TuneEvaluator } from './evaluator.js';

/** The `--n-cpu-moe` value that keeps every routed expert in RAM: one past the last MoE layer; 0 when dense. */
function allExpertsValue(model: ModelArchitecture): number {
  for (let i = model.layers.length - 1; i >= 0; i--) {
    if (model.layers[i]?.ffn.kind === 'moe') return i + 1;
  }
  return 0;
}

/** Several GPUs: the device bytes plus the free memory of the GPU with the least left. */
function tightestCapacity(d: DetailedEstimate): number {
  let slack = Infinity;
  for (const g of d.placement.perDevice ?? []) {
    slack = Math.min(slack, g.usableBytes - g.weightsBytes - g.kvCacheBytes - g.computeBufferBytes);
  }
  return d.memory.deviceBytes + slack;
}

/** An evaluator for one resolved scenario (its context, KV and split settings are overridden per candidate). */
export function estimatorEvaluator(r: ResolvedScenario): TuneEvaluator {
  const hw = r.hardware;
  // One re-configured scenario per context and KV type: the KV layout is the only costly part to redo.
  const bases = new Map<string, ResolvedScenario>();
  const baseFor = (contextTokens: number, kvCacheType: KvCacheTypeName): ResolvedScenario => {
    const key = `${contextTokens}/${kvCacheType}`;
    let base = bases.get(key);
    if (base === undefined) {
      base = reconfigure(r, {
        contextTokens,
        kvCacheType,
        kvCacheTypeV: undefined,
        flashAttention: true,
        offload: 'auto',
      });
      bases.set(key, base);
    }
    return base;
  };
  return {
    shape: {
      id: r.model.id,
      name: r.model.name,
      family: r.model.family,
      totalLayers: r.sums.layerCount,
      moeLayers: allExpertsValue(r.model),
    },
    unified: hw.layout === 'unified',
    cpuOnly: hw.layout === 'cpu',
    estimate(c: Candidate): CandidateEstimate {
      const variant = reconfigure(baseFor(c.contextTokens, c.kvCacheType), {
        gpuLayers: c.gpuLayers,
        cpuMoeLayers: c.cpuMoeLayers,
      });
      const d = estimateResolved(variant, { advice: false });
      const unifiedPool = hw.layout === 'unified';
      return {
        decodeTokensPerSecond: d.decodeTokensPerSecond,
        prefillTokensPerSecond: d.prefillTokensPerSecond,
        timeToFirstTokenSeconds: d.timeToFirstTokenSeconds,
        band: d.band,
        regime: d.regime,
        weightsBytes: d.memory.weightsBytes,
        kvCacheBytes: d.memory.kvCacheBytes,
        deviceBytes: d.memory.deviceBytes,
        hostBytes: d.memory.hostBytes,
        // Several GPUs: each must keep the margin free, so the capacity is what the tightest GPU leaves.
        deviceCapacityBytes: d.placement.perDevice === undefined ? hw.gpuCapacityBytes : tightestCapacity(d),
        // On unified memory the GPU's share comes out of the same pool as everything else.
        hostCapacityBytes: unifiedPool
          ? Math.max(0, hw.ramAvailableBytes - d.memory.deviceBytes)
          : hw.ramAvailableBytes,
      };
    },
  };
}
