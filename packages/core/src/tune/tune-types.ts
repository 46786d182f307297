/**
 * @module tune/tune-types — what the settings tuner takes and returns: the knobs it turns (GPU layers,
 * expert layers on the CPU, KV-cache type, context, GPU memory margin) and the configurations it ranks.
 */
import type { KvCacheTypeName, Regime, ScenarioInput } from '../estimate/scenario.js';
import type { TunedSplit } from './multi-gpu-tune.js';
import type { RenderedSettings } from './render-settings.js';

/**
 * A scenario to tune: everything but the settings the tuner chooses (GPU layers, offload, expert layers,
 * KV types, flash attention, the split of several GPUs). Server slots and the vision projector are kept as given
 * and named in the rendered commands. `contextTokens` is the context the user wants; the tuner never goes above it.
 */
export type TuneScenario = Pick<
  ScenarioInput,
  | 'model'
  | 'quant'
  | 'weightsBytes'
  | 'device'
  | 'devices'
  | 'tensorSplit'
  | 'mainGpu'
  | 'host'
  | 'backend'
  | 'contextTokens'
  | 'depthTokens'
  | 'generatedTokens'
  | 'promptTokens'
  | 'ubatchTokens'
  | 'gpuMemoryLimitGB'
  | 'calibration'
  | 'parallel'
  | 'kvUnified'
  | 'parallelRuntime'
  | 'mmproj'
  | 'mmprojBytes'
  | 'mmprojOffload'
  | 'images'
  | 'imageTokens'
>;

/** Options of the search. */
export interface TuneOptions {
  /** GPU memory kept free beyond the estimate, bytes. @default 1 GiB (llama.cpp `--fit-target` 1024 MiB) */
  readonly marginBytes?: number;
  /** Shortest context the tuner may fall back to, tokens. @default min(4096, contextTokens) (`--fit-ctx`) */
  readonly minContextTokens?: number;
  /** Also offer configurations that keep only half the margin free, when they are faster. @default true */
  readonly tightMargin?: boolean;
  /** KV-cache types the search may use (K and V alike). @default ['f16', 'q8_0', 'q4_0'] */
  readonly kvCacheTypes?: readonly KvCacheTypeName[];
  /** Configurations to return. @default 5 */
  readonly limit?: number;
  /** Look at smaller quants and smaller models of the same family when the best is slow or nothing fits. @default true */
  readonly alternatives?: boolean;
  /** The GGUF file as commands should name it. @default `<model id>-<quant>.gguf` */
  readonly modelPath?: string;
}

export type TuneInput = TuneScenario & TuneOptions;

/** The settings of one configuration: the values a user types into llama.cpp, Ollama or LM Studio. */
export interface TunedSettings {
  /** Allocated context, tokens (`-c`). */
  readonly contextTokens: number;
  /** Repeating layers whose weights sit in GPU memory (llama.cpp `-ngl` counts the output layer too). */
  readonly gpuLayers: number;
  /** Repeating layers of the model. */
  readonly totalLayers: number;
  /** MoE layers whose routed experts stay in system RAM, the first ones (`--n-cpu-moe`); 0 for dense models. */
  readonly cpuMoeLayers: number;
  /** MoE layers of the model; 0 for dense models. */
  readonly moeLayers: number;
  /** KV-cache element type, K and V alike (`-ctk`/`-ctv`). */
  readonly kvCacheType: KvCacheTypeName;
  /** Flash attention (`-fa on`); always on: it is what lets the V cache be quantised. */
  readonly flashAttention: boolean;
  /** GPU memory this configuration leaves free beyond the estimate, bytes. */
  readonly marginBytes: number;
}

/** What a configuration gives up against the request. */
export type TradeOff =
  | { readonly kind: 'shorter-context'; readonly requested: number; readonly chosen: number }
  | { readonly kind: 'quantised-kv'; readonly kvCacheType: KvCacheTypeName }
  | { readonly kind: 'tight-margin'; readonly marginBytes: number; readonly requestedMarginBytes: number };

/** Where the bytes go, bytes. */
export interface TunedMemory {
  readonly weightsBytes: number;
  readonly kvCacheBytes: number;
  /** In accelerator memory. */
  readonly deviceBytes: number;
  /** In system RAM. */
  readonly hostBytes: number;
  /** Accelerator memory the estimator counts as usable (VRAM, or the unified-memory GPU limit). */
  readonly deviceCapacityBytes: number;
  /** System RAM, bytes. */
  readonly hostCapacityBytes: number;
}

/** One configuration that fits, with its estimated speed. */
export interface TunedConfiguration {
  readonly settings: TunedSettings;
  /** Tokens/s at batch 1. */
  readonly decodeTokensPerSecond: number;
  /** Prompt tokens/s. */
  readonly prefillTokensPerSecond: number;
  /** Seconds. */
  readonly timeToFirstTokenSeconds: number;
  /** Decode tokens/s band. */
  readonly band: { readonly low: number; readonly high: number };
  readonly regime: Regime;
  readonly memory: TunedMemory;
  /** What it gives up; empty when it gives the full request at f16 KV with the requested margin. */
  readonly tradeOffs: readonly TradeOff[];
  /** One line for people, e.g. "all 30 layers on the GPU, experts of the first 9 in RAM, q8_0 KV". */
  readonly summary: string;
  /** Ready-to-paste settings for llama.cpp, Ollama and LM Studio. */
  readonly commands: RenderedSettings;
  /** Several GPUs: the split mode, `-ts` and card order this configuration uses. */
  readonly split?: TunedSplit;
}

/** Something the user could change when nothing fits, or when the best is slow. */
export interface TuneSuggestion {
  readonly kind: 'smaller-quant' | 'smaller-model' | 'more-ram';
  /** One sentence with the numbers. */
  readonly message: string;
  /** The quant or model id it points at, when it points at one. */
  readonly target?: string;
  /** Decode tokens/s the tuner estimates for it, when it fits. */
  readonly decodeTokensPerSecond?: number;
  /** RAM that would make it fit, GB (1e9 bytes), for `more-ram`. */
  readonly ramGB?: number;
}

export interface TuneResult {
  readonly model: { readonly id: string; readonly name: string; readonly family: string };
  readonly quant: string;
  readonly device: string;
  /** Context asked for, tokens. */
  readonly requestedContextTokens: number;
  /** Margin asked for, bytes. */
  readonly requestedMarginBytes: number;
  /** Fitting configurations, best first (empty when nothing fits). */
  readonly configurations: readonly TunedConfiguration[];
  /** What else would fit or run faster; never empty when `configurations` is. */
  readonly suggestions: readonly TuneSuggestion[];
  /** Estimates the search ran. */
  readonly evaluations: number;
}
