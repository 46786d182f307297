/**
 * @module tune/tune-curve — decode speed against the setting the tuner turns, for plots: against
 * `--n-cpu-moe` for MoE models, against `-ngl` for dense ones, at the chosen context, KV type and other
 * half of the split, with the chosen point and the fitting range marked.
 */
import type { ResolveOptions } from '../estimate/resolve-scenario.js';
import { resolveScenario } from '../estimate/resolve-scenario.js';
import type { ResolvedScenario } from '../estimate/resolved.js';
import type { KvCacheTypeName } from '../estimate/scenario.js';
import { estimatorEvaluator } from './estimator-evaluator.js';
import { fitsWithMargin } from './evaluator.js';
import { DEFAULT_MARGIN_BYTES } from './search-configurations.js';
import { tuneResolved } from './tune-settings.js';
import type { TunedSettings, TuneInput } from './tune-types.js';

export type TuneCurveAxis = 'cpuMoeLayers' | 'gpuLayers';

export interface TuneCurvePoint {
  /** Setting value: MoE layers with experts in RAM, or repeating layers on the GPU. */
  readonly x: number;
  /** Tokens/s. */
  readonly decodeTokensPerSecond: number;
  /** Fits with the curve's margin. */
  readonly fits: boolean;
  /** Bytes in accelerator memory. */
  readonly deviceBytes: number;
  /** Bytes in system RAM. */
  readonly hostBytes: number;
}

export interface TuneCurve {
  readonly axis: TuneCurveAxis;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly contextTokens: number;
  readonly kvCacheType: KvCacheTypeName;
  readonly marginBytes: number;
  /** One point per setting value, ascending x. */
  readonly points: readonly TuneCurvePoint[];
  /** The chosen configuration's x, when it lies on this axis. */
  readonly chosenX: number | undefined;
}

const LABELS: Readonly<Record<TuneCurveAxis, string>> = {
  cpuMoeLayers: 'MoE layers with experts in RAM (--n-cpu-moe)',
  gpuLayers: 'Layers on the GPU (-ngl − 1)',
};

/**
 * The curve through `settings` (context, KV type, margin, and the other half of the split held fixed):
 * against `--n-cpu-moe` for MoE models, against GPU layers for dense ones, unless `axis` says otherwise.
 * The chosen split is always a point of it.
 */
export function tuneCurveResolved(
  r: ResolvedScenario,
  settings: TunedSettings,
  axis?: TuneCurveAxis,
): TuneCurve {
  const evaluator = estimatorEvaluator(r);
  const { totalLayers, moeLayers } = evaluator.shape;
  const chosenAxis: TuneCurveAxis = axis ?? (moeLayers > 0 ? 'cpuMoeLayers' : 'gpuLayers');
  const count = chosenAxis === 'cpuMoeLayers' ? moeLayers : totalLayers;
  const points: TuneCurvePoint[] = [];
  for (let x = 0; x <= count; x++) {
    const split =
      chosenAxis === 'cpuMoeLayers'
        ? { gpuLayers: settings.gpuLayers, cpuMoeLayers: x }
        : { gpuLayers: x, cpuMoeLayers: settings.cpuMoeLayers };
    const e = evaluator.estimate({
      contextTokens: settings.contextTokens,
      kvCacheType: settings.kvCacheType,
      ...split,
    });
    points.push({
      x,
      decodeTokensPerSecond: e.decodeTokensPerSecond,
      fits: fitsWithMargin(e, settings.marginBytes),
      deviceBytes: e.deviceBytes,
      hostBytes: e.hostBytes,
    });
  }
  return {
    axis: chosenAxis,
    xLabel: LABELS[chosenAxis],
    yLabel: 'Decode tokens/s',
    contextTokens: settings.contextTokens,
    kvCacheType: settings.kvCacheType,
    marginBytes: settings.marginBytes,
    points,
    chosenX: chosenAxis === 'cpuMoeLayers' ? settings.cpuMoeLayers : settings.gpuLayers,
  };
}

/**
 * The curve for a scenario through `settings`, or through the tuner's first choice when none are given
 * (at the requested context and f16 KV, with no chosen point, when nothing fits).
 */
export function tuneCurve(
  input: TuneInput,
  settings?: TunedSettings,
  axis?: TuneCurveAxis,
  resolve: ResolveOptions = {},
): TuneCurve {
  const {
    marginBytes,
    minContextTokens,
    tightMargin,
    kvCacheTypes,
    limit: _limit,
    alternatives: _a,
    modelPath: _p,
    ...scenario
  } = input;
  const r = resolveScenario(scenario, resolve);
  const chosen =
    settings ??
    tuneResolved(r, {
      marginBytes,
      minContextTokens,
      tightMargin,
      kvCacheTypes,
      limit: 1,
      alternatives: false,
    }).configurations[0]?.settings;
  const fallback: TunedSettings = {
    contextTokens: r.settings.contextTokens,
    gpuLayers: r.sums.layerCount,
    totalLayers: r.sums.layerCount,
    cpuMoeLayers: 0,
    moeLayers: 0,
    kvCacheType: 'f16',
    flashAttention: true,
    marginBytes: marginBytes ?? DEFAULT_MARGIN_BYTES,
  };
  const curve = tuneCurveResolved(r, chosen ?? fallback, axis);
  return chosen === undefined ? { ...curve, chosenX: undefined } : curve;
}
