/**
 * @module estimate/resolved — a scenario with every lookup done and every per-model sum precomputed: what the
 * fast path (`estimateResolved`), curves and the tuner work on. Change settings with `reconfigure`, which
 * redoes only what the change touches.
 */
import { type KvPrefixSums, kvLayout, kvPrefixSums } from '../footprint/kv-cache.js';
import type { WeightBreakdown } from '../footprint/weights.js';
import type { ModelArchitecture } from '../model/architecture.js';
import type { QuantizedTensor } from '../model/tensors.js';
import { type SpeedCoefficients, speedCoefficients } from '../speed/coefficients.js';
import { staticBasis } from './basis.js';
import { type KvCacheSettings, kvCacheSettings } from './kv-settings.js';
import { type Mmproj, withMmproj } from './mmproj.js';
import type { ModelSums } from './model-sums.js';
import { type MultiGpu, scaleGpuMemory } from './multi-gpu-hardware.js';
import { type ResolvedHardware, resolveHardware } from './resolve-hardware.js';
import type { Calibration, HostSpec, KvCacheTypeName, Offload } from './scenario.js';

/** Where the weight figures come from. */
export type WeightsSource = 'predicted' | 'file size' | 'gguf header';

/** The run settings of a resolved scenario (defaults applied). */
export interface RunSettings {
  /** Allocated context, tokens. */
  readonly contextTokens: number;
  /** Tokens in the cache when generation starts. */
  readonly depthTokens: number;
  /** Tokens generated; decode speed is averaged over them. */
  readonly generatedTokens: number;
  /** Prompt tokens processed from `depthTokens` for prefill and TTFT. */
  readonly promptTokens: number;
  /** Micro-batch size. */
  readonly ubatchTokens: number;
  /** Explicit repeating layers on the GPU; undefined = automatic fit. */
  readonly gpuLayers: number | undefined;
  /** Explicit layers (the first ones) whose routed experts stay in RAM; undefined = per `offload`. */
  readonly cpuMoeLayers: number | undefined;
  readonly offload: Offload;
  readonly kvCacheType: KvCacheTypeName | undefined;
  readonly kvCacheTypeV: KvCacheTypeName | undefined;
  readonly flashAttention: boolean | undefined;
  /** Concurrent streams (llama-server `-np`, Ollama `OLLAMA_NUM_PARALLEL`); undefined = 1. */
  readonly parallel?: number | undefined;
  /** llama-server `--kv-unified`. */
  readonly kvUnified?: boolean | undefined;
  /** Whose rule `parallel` follows; undefined = llama.cpp. */
  readonly parallelRuntime?: 'llama.cpp' | 'ollama' | undefined;
}

/** A scenario ready for the fast path. Treat as immutable; derive variants with `reconfigure`. */
export interface ResolvedScenario {
  readonly id: string | undefined;
  readonly model: ModelArchitecture;
  readonly tensors: readonly QuantizedTensor[];
  /** Quant name as shown (the mix, or the GGUF file type). */
  readonly quantName: string;
  readonly weights: WeightBreakdown;
  readonly weightsSource: WeightsSource;
  readonly sums: ModelSums;
  readonly hardware: ResolvedHardware;
  readonly host: HostSpec | undefined;
  readonly gpuMemoryLimitGB: number | undefined;
  readonly calibration: Calibration | undefined;
  readonly speed: SpeedCoefficients;
  readonly settings: RunSettings;
  readonly kvSettings: KvCacheSettings;
  readonly kv: KvPrefixSums;
  /** The settings-independent part of the basis line (see `staticBasis`). */
  readonly basis: string;
  /** Two or more GPUs (then `hardware` is the first one's, with all of their memory). */
  readonly gpus?: MultiGpu | undefined;
  /** The vision projector loaded beside the model, if any (already taken off `hardware`'s memory). */
  readonly mmproj?: Mmproj | undefined;
}

/** Settings (and hardware knobs) a variant may change. */
export interface Reconfiguration extends Partial<RunSettings> {
  /** New accelerator memory limit, GB (= GiB). */
  readonly gpuMemoryLimitGB?: number | undefined;
}

/** KV layout for the given settings, shared by `resolveScenario` and `reconfigure`. */
export function kvFor(
  model: ModelArchitecture,
  settings: Pick<RunSettings, 'kvCacheType' | 'kvCacheTypeV' | 'flashAttention'>,
): { readonly kvSettings: KvCacheSettings; readonly kv: KvPrefixSums } {
  const kvSettings = kvCacheSettings({
    ...(settings.kvCacheType === undefined ? {} : { kvCacheType: settings.kvCacheType }),
    ...(settings.kvCacheTypeV === undefined ? {} : { kvCacheTypeV: settings.kvCacheTypeV }),
    ...(settings.flashAttention === undefined ? {} : { flashAttention: settings.flashAttention }),
  });
  return { kvSettings, kv: kvPrefixSums(kvLayout(model, { k: kvSettings.k, v: kvSettings.v })) };
}

/**
 * A copy of `r` with some settings changed; the model sums are shared, the KV layout and hardware are redone
 * only when a change touches them. Keys given as `undefined` reset a setting to automatic.
 */
export function reconfigure(r: ResolvedScenario, change: Reconfiguration): ResolvedScenario {
  const { gpuMemoryLimitGB, ...settingsChange } = change;
  const settings: RunSettings = { ...r.settings, ...settingsChange };
  const kvChanged =
    settings.kvCacheType !== r.settings.kvCacheType ||
    settings.kvCacheTypeV !== r.settings.kvCacheTypeV ||
    settings.flashAttention !== r.settings.flashAttention;
  const kv = kvChanged ? kvFor(r.model, settings) : { kvSettings: r.kvSettings, kv: r.kv };
  const limitChanged = 'gpuMemoryLimitGB' in change && gpuMemoryLimitGB !== r.gpuMemoryLimitGB;
  // Several GPUs: the limit is their total, shared in proportion to each card's memory.
  if (limitChanged && r.gpus !== undefined) {
    const total =
      gpuMemoryLimitGB === undefined
        ? r.gpus.units.reduce((a, u) => a + (u.device.memoryBytes ?? (u.device.memoryGB ?? 0) * 2 ** 30), 0)
        : gpuMemoryLimitGB * 2 ** 30;
    const scaled = scaleGpuMemory(r.hardware, r.gpus, total);
    return { ...r, settings, ...kv, ...scaled, gpuMemoryLimitGB };
  }
  const hardware = limitChanged
    ? withMmproj(
        resolveHardware(r.hardware.device, r.hardware.backend, r.host, gpuMemoryLimitGB, {
          gpuBandwidthGBs: r.calibration?.gpuBandwidthGBs,
          ramBandwidthGBs: r.calibration?.ramBandwidthGBs,
          pcieGBs: r.calibration?.pcieGBs,
        }),
        r.mmproj,
      )
    : r.hardware;
  if (!limitChanged) return { ...r, settings, ...kv };
  const next = {
    ...r,
    settings,
    ...kv,
    hardware,
    gpuMemoryLimitGB,
    speed: speedCoefficients(hardware, r.calibration),
  };
  return { ...next, basis: staticBasis(next) };
}
