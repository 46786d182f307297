/**
 * @module estimate/scenario-of — the scenario core estimates from the page's inputs: a catalog model, or a
 * dropped config.json (`{ hfConfig }`) or .gguf (its architecture and real tensors as resolve options).
 */
import type { Calibration, ResolveOptions, ScenarioInput, TuneScenario } from '@cliffbench/core';
import type { ModelFile } from '../model-file/read-model-file.js';
import type { Inputs } from '../state/url-state.js';

/** A scenario and the resolve options that go with it. */
export interface PageScenario {
  readonly input: ScenarioInput;
  readonly options: ResolveOptions;
}

/** `device` for one GPU; `devices`, `splitMode`, `tensorSplit` and `mainGpu` for several. */
function gpusOf(
  inputs: Inputs,
): Pick<ScenarioInput, 'device' | 'devices' | 'splitMode' | 'tensorSplit' | 'mainGpu'> {
  const extra = inputs.extraDevices ?? [];
  if (extra.length === 0) return { device: inputs.device };
  return {
    devices: [inputs.device, ...extra],
    ...(inputs.splitMode === undefined ? {} : { splitMode: inputs.splitMode }),
    ...(inputs.tensorSplit === undefined ? {} : { tensorSplit: [...inputs.tensorSplit] }),
    ...(inputs.mainGpu === undefined ? {} : { mainGpu: inputs.mainGpu }),
  };
}

/** Concurrent streams and the runtime whose rule they follow (`-np`, `--kv-unified`, `OLLAMA_NUM_PARALLEL`). */
export function streamsOf(inputs: Inputs): Pick<ScenarioInput, 'parallel' | 'parallelRuntime' | 'kvUnified'> {
  if ((inputs.parallel ?? 1) <= 1) return {};
  return {
    parallel: inputs.parallel,
    ...(inputs.parallelRuntime === undefined ? {} : { parallelRuntime: inputs.parallelRuntime }),
    ...(inputs.kvUnified === undefined ? {} : { kvUnified: inputs.kvUnified }),
  };
}

/**
 * The vision projector beside the model (`--mmproj`, `--no-mmproj-offload`) and the images in the prompt; with
 * images and no size, core loads the projector it knows for the model (or says that one is needed).
 */
function projectorOf(inputs: Inputs): Pick<ScenarioInput, 'mmprojBytes' | 'mmprojOffload' | 'images'> {
  const images = inputs.images ?? 0;
  if (inputs.mmprojBytes === undefined && images === 0) return {};
  return {
    ...(inputs.mmprojBytes === undefined ? {} : { mmprojBytes: inputs.mmprojBytes }),
    ...(images > 0 ? { images } : {}),
    ...(inputs.mmprojOnCpu === true ? { mmprojOffload: false } : {}),
  };
}

/**
 * The scenario for `inputs`, with `file` standing in for the catalog model when given.
 * @param calibration measured figures to apply; none gives the spec-sheet estimate.
 */
export function scenarioOf(inputs: Inputs, file?: ModelFile, calibration?: Calibration): PageScenario {
  const model: ScenarioInput['model'] =
    file === undefined
      ? inputs.model
      : file.kind === 'config'
        ? { hfConfig: file.config }
        : file.architecture.id;
  const quant = file?.kind === 'gguf' ? (file.fileType ?? 'GGUF') : inputs.quant;
  const input: ScenarioInput = {
    model,
    quant,
    ...gpusOf(inputs),
    ...streamsOf(inputs),
    ...projectorOf(inputs),
    host: { ramGB: inputs.ramGB },
    contextTokens: inputs.contextTokens,
    offload: inputs.offload,
    kvCacheType: inputs.kvCacheType,
    ...(inputs.gpuLayers === undefined ? {} : { gpuLayers: inputs.gpuLayers }),
    ...(calibration === undefined ? {} : { calibration }),
  };
  const options: ResolveOptions =
    file?.kind === 'gguf'
      ? { model: file.architecture, tensors: file.tensors, quantName: quant }
      : file?.kind === 'config'
        ? { model: file.architecture }
        : {};
  return { input, options };
}

/**
 * What the best-settings tuner starts from: the model, quant, machine, the context wanted, the concurrent
 * streams and the vision projector. GPU layers, offload, KV type and the split are what it searches, so they are
 * left out. Not for a dropped .gguf (the tuner takes a
 * scenario, not a header's tensors).
 */
export function tuneScenarioOf(inputs: Inputs, file?: ModelFile): TuneScenario {
  return {
    model: file?.kind === 'config' ? { hfConfig: file.config } : inputs.model,
    quant: inputs.quant,
    ...((inputs.extraDevices?.length ?? 0) > 0
      ? { devices: [inputs.device, ...(inputs.extraDevices ?? [])] }
      : { device: inputs.device }),
    ...streamsOf(inputs),
    ...projectorOf(inputs),
    host: { ramGB: inputs.ramGB },
    contextTokens: inputs.contextTokens,
  };
}
