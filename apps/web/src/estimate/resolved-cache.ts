/**
 * @module estimate/resolved-cache — resolving a scenario (lookups, weight sums, hardware) costs about a
 * millisecond; the run settings on top of it (context, GPU layers, offload, KV type) cost microseconds through
 * core's `reconfigure`. The page keeps recent resolutions keyed by what they depend on, so dragging the
 * context, GPU layers or streams re-uses them and only a new model, quant, device, split, projector, images or
 * RAM size resolves again.
 */
import { type Calibration, type ResolvedScenario, reconfigure, resolveScenario } from '@cliffbench/core';
import type { ModelFile } from '../model-file/read-model-file.js';
import type { Inputs } from '../state/url-state.js';
import { scenarioOf, streamsOf } from './scenario-of.js';

/** Entries kept: the 25-row Gemma 4 table twice (spec and calibrated) plus the current model, with room. */
const CAPACITY = 96;

const fileIds = new WeakMap<ModelFile, number>();
let nextFileId = 1;
function fileKey(file: ModelFile | undefined): string {
  if (file === undefined) return '';
  let id = fileIds.get(file);
  if (id === undefined) {
    id = nextFileId++;
    fileIds.set(file, id);
  }
  return `file#${id}`;
}

const cache = new Map<string, ResolvedScenario>();

/** The run settings `reconfigure` applies; everything else in `Inputs` needs a fresh resolve. */
function runSettings(inputs: Inputs) {
  const streams = streamsOf(inputs);
  return {
    contextTokens: inputs.contextTokens,
    gpuLayers: inputs.gpuLayers,
    offload: inputs.offload,
    kvCacheType: inputs.kvCacheType,
    parallel: streams.parallel,
    parallelRuntime: streams.parallelRuntime,
    kvUnified: streams.kvUnified,
  };
}

/**
 * The resolved scenario for `inputs` (and `file`, `calibration`), from the cache when only run settings
 * changed. Throws CliffbenchError for input core rejects (unknown device, bad config...).
 */
export function resolvedFor(inputs: Inputs, file?: ModelFile, calibration?: Calibration): ResolvedScenario {
  const key = JSON.stringify([
    fileKey(file),
    file === undefined ? inputs.model : '',
    file?.kind === 'gguf' ? '' : inputs.quant,
    inputs.device,
    inputs.extraDevices ?? [],
    inputs.splitMode ?? 'layer',
    inputs.tensorSplit ?? null,
    inputs.mainGpu ?? 0,
    inputs.mmprojBytes ?? 0,
    inputs.mmprojOnCpu ?? false,
    inputs.images ?? 0,
    inputs.ramGB,
    calibration ?? null,
  ]);
  let base = cache.get(key);
  if (base === undefined) {
    const { input, options } = scenarioOf(inputs, file, calibration);
    base = resolveScenario(input, options);
    if (cache.size >= CAPACITY) cache.delete(cache.keys().next().value as string);
  } else {
    cache.delete(key);
  }
  cache.set(key, base);
  return reconfigure(base, runSettings(inputs));
}

/** Empties the cache (tests, and a dropped file replaced by another). */
export function clearResolvedCache(): void {
  cache.clear();
}
