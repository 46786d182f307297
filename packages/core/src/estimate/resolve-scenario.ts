/**
 * @module estimate/resolve-scenario — validates a scenario and does every lookup and per-model sum once:
 * model (catalog id, Hugging Face config, or a GGUF header's architecture and tensors), quant mix, weights
 * (predicted, or scaled to a real size), KV layout, device, host, backend and speed coefficients.
 */
import { CliffbenchError } from '../errors.js';
import { DEFAULT_UBATCH_TOKENS } from '../footprint/kv-cache.js';
import { weightBreakdown } from '../footprint/weights.js';
import { scaleBreakdownToFileSize } from '../footprint/weights-file.js';
import type { ModelArchitecture } from '../model/architecture.js';
import type { QuantizedTensor } from '../model/tensors.js';
import { findQuant, isKnownQuant } from '../quant/quant-mixes.js';
import { quantizeTensors } from '../quant/quantize-tensors.js';
import { speedCoefficients } from '../speed/coefficients.js';
import { staticBasis } from './basis.js';
import { imagePromptTokens, mmprojNote, mmprojOf, type ProjectorFile, withMmproj } from './mmproj.js';
import { architectureOf, tensorSpecsOf } from './model-input.js';
import { modelSums } from './model-sums.js';
import { deviceList, multiGpuBasis, resolveMultiGpu } from './multi-gpu-hardware.js';
import { resolveDevice, resolveHardware } from './resolve-hardware.js';
import { kvFor, type ResolvedScenario, type RunSettings, type WeightsSource } from './resolved.js';
import { type DeviceSpec, type ScenarioInput, ScenarioSchema } from './scenario.js';

/** llama-bench's default prompt length (`-p 512`, tools/llama-bench/README.md). */
const DEFAULT_PROMPT_TOKENS = 512;

/** What the caller already has, instead of looking it up from `input.model`. */
export interface ResolveOptions {
  /** The architecture (e.g. from a GGUF header); `input.model` is then only a label. */
  readonly model?: ModelArchitecture;
  /** Tensors with their real storage types (a GGUF header): the quant mix is not applied. */
  readonly tensors?: readonly QuantizedTensor[];
  /** What to call the quantisation when `tensors` are given (e.g. the GGUF file type). */
  readonly quantName?: string;
  /** The vision projector read from the file `mmproj` names (import/mmproj-header.ts). */
  readonly mmproj?: ProjectorFile;
}

function parse(input: ScenarioInput): ReturnType<typeof ScenarioSchema.parse> {
  const parsed = ScenarioSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'scenario'}: ${i.message}`);
  throw new CliffbenchError('invalid-scenario', `Invalid scenario: ${problems.join('; ')}.`, {
    issues: problems,
  });
}

/**
 * Predicted tensors of a catalog architecture in a quant mix, memoised: quantising ~800 tensors is most of a
 * resolve, and the page re-resolves the same (model, quant) pairs on every input change. Keyed by the
 * architecture object, so imported configs (new objects) are never served a stale entry.
 */
const predicted = new WeakMap<ModelArchitecture, Map<string, readonly QuantizedTensor[]>>();
function predictedTensors(
  model: ModelArchitecture,
  mix: ReturnType<typeof findQuant>,
): readonly QuantizedTensor[] {
  const byQuant = predicted.get(model) ?? new Map<string, readonly QuantizedTensor[]>();
  predicted.set(model, byQuant);
  const cached = byQuant.get(mix.name);
  if (cached) return cached;
  const tensors = quantizeTensors(tensorSpecsOf(model), mix, model);
  byQuant.set(mix.name, tensors);
  return tensors;
}

/** Validates `input` and precomputes everything the fast path needs. Throws CliffbenchError. */
export function resolveScenario(input: ScenarioInput, options: ResolveOptions = {}): ResolvedScenario {
  const s = parse(input);
  const model = options.model ?? architectureOf(s.model);
  let tensors: readonly QuantizedTensor[];
  let quantName: string;
  let weightsSource: WeightsSource;
  // A label no mix models (an ik_llama.cpp or vendor-specific type, say) is still estimated when the file's
  // size is given: the tensors are laid out as a 16-bit file and the given size spread over them in that
  // proportion (matrices by element count, norms at 4 bytes a value), and the basis says so.
  let unmodelledNote: string | undefined;
  if (options.tensors !== undefined) {
    tensors = options.tensors;
    quantName = options.quantName ?? s.quant;
    weightsSource = 'gguf header';
  } else if (s.weightsBytes !== undefined && !isKnownQuant(s.quant)) {
    tensors = predictedTensors(model, findQuant('F16'));
    quantName = s.quant.trim();
    weightsSource = 'file size';
    unmodelledNote = `quant ${quantName} not modelled: the given size is spread over the tensors in proportion to their 16-bit sizes`;
  } else {
    if (!isKnownQuant(s.quant)) {
      throw new CliffbenchError(
        'unknown-quant',
        `Unknown quantisation "${s.quant}". Give the file's size (weightsBytes, or --file-size) to estimate it anyway, or name a known mix (cliffbench quants).`,
        { quant: s.quant },
      );
    }
    const mix = findQuant(s.quant);
    tensors = predictedTensors(model, mix);
    quantName = mix.name;
    weightsSource = 'predicted';
  }
  let weights = weightBreakdown(tensors, model);
  if (s.weightsBytes !== undefined && options.tensors === undefined) {
    weights = scaleBreakdownToFileSize(weights, s.weightsBytes);
    weightsSource = 'file size';
  }
  const sums = modelSums(model, tensors, weights);
  const list = deviceList(s.device, s.devices);
  const multi = list.length > 1 ? resolveMultiGpu(list, s) : undefined;
  const bare =
    multi?.hardware ??
    resolveHardware(resolveDevice(list[0] as string | DeviceSpec), s.backend, s.host, s.gpuMemoryLimitGB, {
      gpuBandwidthGBs: s.calibration?.gpuBandwidthGBs,
      ramBandwidthGBs: s.calibration?.ramBandwidthGBs,
      pcieGBs: s.calibration?.pcieGBs,
    });
  const hfConfig = typeof s.model === 'string' ? undefined : s.model.hfConfig;
  const mmproj = mmprojOf(s, model, bare.layout, options.mmproj, hfConfig);
  const hardware = withMmproj(bare, mmproj);
  // Several GPUs: the projector sits on the first one.
  const gpus =
    multi === undefined || mmproj === undefined || !mmproj.onGpu
      ? multi?.gpus
      : {
          ...multi.gpus,
          units: multi.gpus.units.map((u, i) =>
            i === 0 ? { ...u, usableBytes: u.usableBytes - mmproj.bytes } : u,
          ),
        };
  const speed = speedCoefficients(hardware, s.calibration);
  const settings: RunSettings = {
    contextTokens: s.contextTokens,
    depthTokens: s.depthTokens,
    generatedTokens: s.generatedTokens,
    promptTokens: (s.promptTokens ?? DEFAULT_PROMPT_TOKENS) + imagePromptTokens(mmproj),
    ubatchTokens: s.ubatchTokens ?? DEFAULT_UBATCH_TOKENS,
    gpuLayers: s.gpuLayers,
    cpuMoeLayers: s.cpuMoeLayers,
    offload: s.offload,
    kvCacheType: s.kvCacheType,
    kvCacheTypeV: s.kvCacheTypeV,
    flashAttention: s.flashAttention,
    ...(s.parallel === undefined ? {} : { parallel: s.parallel }),
    ...(s.kvUnified === undefined ? {} : { kvUnified: s.kvUnified }),
    ...(s.parallelRuntime === undefined ? {} : { parallelRuntime: s.parallelRuntime }),
  };
  const base = {
    id: s.id,
    model,
    tensors,
    quantName,
    weights,
    weightsSource,
    sums,
    hardware,
    host: s.host,
    gpuMemoryLimitGB: s.gpuMemoryLimitGB,
    calibration: s.calibration,
    speed,
    settings,
    ...kvFor(model, settings),
  };
  let basis = staticBasis(base);
  if (gpus !== undefined) basis = `${multiGpuBasis(gpus)}; ${basis}`;
  if (mmproj !== undefined) basis = `${basis}; ${mmprojNote(mmproj)}`;
  return {
    ...base,
    basis: unmodelledNote === undefined ? basis : `${basis}; ${unmodelledNote}`,
    ...(gpus === undefined ? {} : { gpus }),
    ...(mmproj === undefined ? {} : { mmproj }),
  };
}
