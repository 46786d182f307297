/**
 * @module result/match-llama-run — a llama-bench run matched to a catalog model (by file name via findModel,
 * checked against its size and parameter count) and device (gpu_info via findDevice), the scenario it ran,
 * the estimate of that scenario, and the physics check every run passes before it is stored or calibrates.
 */
import type { Device } from '../device/device.js';
import { findDevice } from '../device/find-device.js';
import { estimateDetailed } from '../estimate/estimate.js';
import type { Backend, KvCacheTypeName, ScenarioInput } from '../estimate/scenario.js';
import { ggufQuantName } from '../import/gguf-file-types.js';
import type { ModelArchitecture } from '../model/architecture.js';
import { findModel } from '../model/find-model.js';
import { tensorsOf } from '../model/tensors-of.js';
import { findQuant, isKnownQuant } from '../quant/quant-mixes.js';
import { type LlamaBenchRun, type LlamaTestKind, llamaTestKind } from './llama-runs.js';

/**
 * A decode faster than reading its bytes once at the spec bandwidth is refused beyond this margin (measured
 * tokens/s ÷ ceiling). 1.25 leaves room for spec sheets rounded down, boost clocks and the last-level cache
 * holding part of a small model's weights (judgement).
 */
export const PHYSICS_MARGIN = 1.25;
/**
 * A run more than this factor above the estimate's band (or below it) is refused as outside what the
 * validated model allows for the scenario (judgement: the band is the p10-p90 of validation residuals; ×3
 * beyond it is a wrong model, device or unit, not a slow or fast system).
 */
export const BAND_FACTOR = 3;
/** Parameter counts of the file and the catalog model may differ by this fraction (tied embeddings, vision towers left out). */
const PARAMS_TOLERANCE = 0.2;

/** llama_model_ftype_name's descriptions (src/llama-model-loader.cpp) of the K mixes, as quant names. */
const FTYPE_SUFFIX: Readonly<Record<string, string>> = { small: 'S', medium: 'M', large: 'L' };

/** The quant a run's file is: an Unsloth Dynamic or llama.cpp tag in its file name, else its model_type's file type. */
export function llamaRunQuant(run: Pick<LlamaBenchRun, 'model_filename' | 'model_type'>): string | undefined {
  const file = run.model_filename.split(/[\\/]/).pop() ?? run.model_filename;
  const fromName =
    /(?:^|[-_.])((?:UD-)?(?:I?Q\d[A-Z0-9_]*|BF16|F16|F32|MXFP4))(?:-\d{5}-of-\d{5})?\.gguf$/i.exec(file)?.[1];
  if (fromName !== undefined && isKnownQuant(fromName))
    return ggufQuantName(undefined, file) ?? findQuant(fromName).name;
  // "qwen3 8B Q4_K - Medium", "llama 7B IQ2_XXS - 2.0625 bpw", "gpt-oss 20B MXFP4 MoE".
  const desc = /\b(I?Q\d\w*|BF16|F16|F32|MXFP4)(?:\s*-\s*(\w+))?/i.exec(run.model_type);
  if (desc === undefined || desc === null) return undefined;
  const base = desc[1] as string;
  const size = desc[2] === undefined ? undefined : FTYPE_SUFFIX[desc[2].toLowerCase()];
  const name = size === undefined ? base : `${base}_${size}`;
  return isKnownQuant(name) ? findQuant(name).name : isKnownQuant(base) ? findQuant(base).name : undefined;
}

/** The cliffbench backend of llama-bench's `backends` ("CUDA", "Metal,BLAS", "Vulkan", "ROCm"/"HIP", "CPU"). */
export function llamaRunBackend(backends: string): Backend {
  const b = backends.toLowerCase();
  if (b.includes('cuda')) return 'cuda';
  if (b.includes('metal') || b.includes('mtl')) return 'metal';
  if (b.includes('rocm') || b.includes('hip')) return 'rocm';
  if (b.includes('vulkan')) return 'vulkan';
  return 'cpu';
}

const KV_TYPES: readonly KvCacheTypeName[] = ['f16', 'q8_0', 'q4_0'];

/** A run matched to catalog entries, or why it could not be. */
export type LlamaRunMatch =
  | {
      readonly matched: true;
      readonly model: ModelArchitecture;
      readonly quant: string;
      readonly device: Device;
      readonly backend: Backend;
      readonly kind: LlamaTestKind;
      /** The scenario the run measured. */
      readonly scenario: ScenarioInput;
    }
  | { readonly matched: false; readonly reason: string };

function parameterCount(model: ModelArchitecture): number {
  return tensorsOf(model).reduce((sum, t) => sum + t.elements, 0);
}

/** The device a run's gpu_info (or, CPU-only, cpu_info) names; `fallbackDeviceId` (the document's claimed device) when it names none. */
function runDevice(run: LlamaBenchRun, fallbackDeviceId: string | undefined): Device | string {
  const gpus = run.gpu_info
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const split = run.tensor_split?.split('/').filter((s) => Number(s) > 0).length ?? 0;
  if (gpus.length > 1 && (split !== 1 || run.split_mode !== 'none')) {
    return `it ran on ${gpus.length} GPUs (${run.gpu_info}); only single-device runs are matched`;
  }
  const cpuOnly = llamaRunBackend(run.backends) === 'cpu' || run.n_gpu_layers === 0;
  const names = [cpuOnly ? run.cpu_info : gpus[0], fallbackDeviceId].filter(
    (s): s is string => s !== undefined && s !== '',
  );
  for (const name of names) {
    try {
      return findDevice(name);
    } catch {
      // try the next name
    }
  }
  return `no catalog device is "${names[0] ?? run.gpu_info}"`;
}

/** Matches a run to a catalog model (file name, then size and parameter count checked) and device. */
export function matchLlamaRun(run: LlamaBenchRun, fallbackDeviceId?: string): LlamaRunMatch {
  const file = run.model_filename.split(/[\\/]/).pop() ?? run.model_filename;
  let model: ModelArchitecture;
  try {
    model = findModel(file);
  } catch {
    return { matched: false, reason: `no catalog model matches the file name "${file}"` };
  }
  const params = parameterCount(model);
  if (Math.abs(run.model_n_params / params - 1) > PARAMS_TOLERANCE) {
    return {
      matched: false,
      reason: `"${file}" has ${(run.model_n_params / 1e9).toFixed(2)} B parameters, ${model.name} ${(params / 1e9).toFixed(2)} B`,
    };
  }
  const quant = llamaRunQuant(run);
  if (quant === undefined)
    return { matched: false, reason: `the quant of "${file}" (${run.model_type}) is not known` };
  // Bytes per parameter between 1 bit and 32 bits: anything else is not this model's file.
  const bitsPerWeight = (run.model_size * 8) / run.model_n_params;
  if (!(bitsPerWeight >= 1 && bitsPerWeight <= 33)) {
    return { matched: false, reason: `${bitsPerWeight.toFixed(1)} bits per weight is no GGUF quant` };
  }
  const device = runDevice(run, fallbackDeviceId);
  if (typeof device === 'string') return { matched: false, reason: device };
  const backend = llamaRunBackend(run.backends);
  const kind = llamaTestKind(run);
  const typeK = KV_TYPES.find((t) => t === run.type_k);
  const typeV = KV_TYPES.find((t) => t === run.type_v);
  const flash =
    typeof run.flash_attn === 'boolean'
      ? run.flash_attn
      : run.flash_attn < 0
        ? undefined
        : run.flash_attn === 1;
  const scenario: ScenarioInput = {
    model: model.id,
    quant,
    device: device.id,
    backend,
    weightsBytes: run.model_size,
    contextTokens: Math.max(run.n_prompt + run.n_gen + run.n_depth, 1),
    depthTokens: run.n_depth,
    generatedTokens: Math.max(run.n_gen, 1),
    promptTokens: run.n_prompt > 0 ? run.n_prompt : 512,
    ...(run.n_ubatch > 0 ? { ubatchTokens: run.n_ubatch } : {}),
    ...(run.n_gpu_layers >= 0
      ? { gpuLayers: backend === 'cpu' ? 0 : run.n_gpu_layers, offload: 'layers' as const }
      : {}),
    ...(run.n_cpu_moe !== undefined && run.n_cpu_moe > 0 ? { cpuMoeLayers: run.n_cpu_moe } : {}),
    ...(typeK === undefined ? {} : { kvCacheType: typeK }),
    ...(typeV === undefined || typeV === typeK ? {} : { kvCacheTypeV: typeV }),
    ...(flash === undefined ? {} : { flashAttention: flash }),
  };
  return { matched: true, model, quant, device, backend, kind, scenario };
}

/** A matched run set against physics and the estimate of its scenario. */
export interface LlamaRunCheck {
  readonly match: LlamaRunMatch;
  /** Measured tokens/s (avg_ts). */
  readonly measured: number;
  /** The estimate's tokens/s for the run's test (decode for tg, prefill for pp); absent for pg or unmatched. */
  readonly predicted?: number;
  /** The estimate's band for decode (tg runs). */
  readonly band?: { readonly low: number; readonly high: number };
  /** Most tokens/s reading each token's bytes once at spec bandwidth allows (tg runs). */
  readonly ceiling?: number;
  /** measured ÷ predicted. */
  readonly efficiency?: number;
  /**
   * Fraction of the spec bandwidth the measured decode reached (tg runs held wholly on the accelerator):
   * bytes per token ÷ (spec bandwidth × (1/measured − the estimate's t0)).
   */
  readonly eta?: number;
  /** The device's spec (or catalog) accelerator bandwidth, GB/s. */
  readonly specGBs?: number;
  /** Why the run cannot be true; undefined when it passes. */
  readonly refused?: string;
}

/**
 * Checks one run: matched, it is estimated with its own settings and file size (`checkMatchedRun`). Unmatched
 * runs are not refused (nothing to check them against) and calibrate nothing.
 */
export function checkLlamaRun(run: LlamaBenchRun, fallbackDeviceId?: string): LlamaRunCheck {
  const match = matchLlamaRun(run, fallbackDeviceId);
  const test = match.matched && match.kind === 'pp' ? `pp${run.n_prompt}` : `tg${run.n_gen}`;
  return checkMatchedRun(match, run.avg_ts, test);
}

/**
 * Checks a matched run's `measured` tokens/s against its scenario's estimate (`test` names it in the reasons,
 * e.g. "tg128"): a tg run faster than PHYSICS_MARGIN × (bytes read per token ÷ spec bandwidth, tier by tier) or
 * BAND_FACTOR outside the decode band, or a pp run BAND_FACTOR outside the prefill estimate, is refused with
 * the reason. llama-bench runs and llama-server timings (result/server-timings-runs) share it.
 */
export function checkMatchedRun(match: LlamaRunMatch, measured: number, test: string): LlamaRunCheck {
  if (!match.matched || match.kind === 'pg') return { match, measured };
  let e: ReturnType<typeof estimateDetailed>;
  try {
    e = estimateDetailed(match.scenario);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { match: { matched: false, reason: `its scenario cannot be estimated: ${reason}` }, measured };
  }
  const label = `${match.model.name} ${match.quant} on ${match.device.name}`;
  if (match.kind === 'pp') {
    const predicted = e.prefillTokensPerSecond;
    const efficiency = measured / predicted;
    const refused =
      efficiency > BAND_FACTOR || efficiency < 1 / BAND_FACTOR
        ? `${test} of ${label} at ${measured.toFixed(1)} tok/s is ${efficiency.toFixed(2)}× the estimate (${predicted.toFixed(1)} tok/s), outside ${(1 / BAND_FACTOR).toFixed(2)}-${BAND_FACTOR}×`
        : undefined;
    return { match, measured, predicted, efficiency, ...(refused === undefined ? {} : { refused }) };
  }
  const bw = e.breakdown.bandwidths;
  const seconds = e.breakdown.decode.tiers.reduce((sum, tier) => {
    const bytes = tier.weightBytes + tier.kvBytes;
    const spec =
      tier.tier === 'gpu' ? bw.gpuGBs * 1e9 : tier.tier === 'cpu' ? bw.ramGBs * 1e9 : tier.bytesPerSecond;
    return sum + (bytes > 0 ? bytes / spec : 0);
  }, 0);
  const ceiling = seconds > 0 ? 1 / seconds : Number.POSITIVE_INFINITY;
  const predicted = e.decodeTokensPerSecond;
  const band = e.band;
  const efficiency = measured / predicted;
  const d = e.breakdown.decode;
  const wholly = e.fits && (e.regime === 'gpu' || e.regime === 'unified');
  const perToken = 1 / measured - e.breakdown.t0Seconds;
  const eta = wholly && perToken > 0 ? (d.weightBytes + d.kvBytes) / (bw.gpuGBs * 1e9 * perToken) : undefined;
  let refused: string | undefined;
  if (measured > PHYSICS_MARGIN * ceiling) {
    refused = `${test} of ${label} at ${measured.toFixed(1)} tok/s is faster than its memory allows: ${((1 / ceiling) * 1e3).toFixed(2)} ms per token just to read its bytes at spec bandwidth (${ceiling.toFixed(1)} tok/s, ×${PHYSICS_MARGIN} margin)`;
  } else if (measured > band.high * BAND_FACTOR || measured < band.low / BAND_FACTOR) {
    refused = `${test} of ${label} at ${measured.toFixed(1)} tok/s is far outside the estimate's band ${band.low.toFixed(1)}-${band.high.toFixed(1)} tok/s (more than ×${BAND_FACTOR})`;
  }
  return {
    match,
    measured,
    predicted,
    band,
    ceiling,
    efficiency,
    specGBs: bw.gpuGBs,
    ...(eta === undefined ? {} : { eta }),
    ...(refused === undefined ? {} : { refused }),
  };
}
