/**
 * @module tune/render-settings — one tuned configuration as ready-to-paste settings: a llama-server
 * command, the llama-bench line that checks its speed, Ollama's server environment and Modelfile, and
 * LM Studio's load settings. Flag names come from the tables in ./flags.ts.
 */
import {
  type CliFlag,
  llamaBenchFlags,
  llamaFlashAttentionValue,
  llamaServerFlags,
  lmStudioNames,
  ollamaNames,
  type SettingKey,
} from './flags.js';
import type { TunedSettings } from './tune-types.js';

/** Options for rendering. */
export interface RenderOptions {
  /** The GGUF file as the user will type it. */
  readonly modelPath: string;
  /** Tokens already in the cache for the llama-bench check (`-d`). @default 0 */
  readonly depthTokens?: number;
  /** Prompt tokens of the llama-bench check (`-p`). @default 512 */
  readonly promptTokens?: number;
  /** Generated tokens of the llama-bench check (`-n`). @default 128 */
  readonly generatedTokens?: number;
  /** Server slots (`-np`, `OLLAMA_NUM_PARALLEL`), and whether they share one cache (`-kvu`). @default 1 */
  readonly parallel?: number;
  readonly kvUnified?: boolean;
  /** Whose rule sized the slots' cache. @default 'llama.cpp' */
  readonly parallelRuntime?: 'llama.cpp' | 'ollama';
  /** The vision projector file the server loads (`--mmproj`), and whether it stays in RAM. @default none */
  readonly mmprojPath?: string;
  readonly mmprojInRam?: boolean;
}

/** LM Studio's load configuration (the SDK's LLMLoadModelConfig fields the tuner sets). */
export interface LmStudioLoadConfig {
  readonly contextLength: number;
  readonly gpu: { readonly ratio: number | 'max' | 'off'; readonly numCpuExpertLayersRatio?: number };
  readonly flashAttention: boolean;
  readonly llamaKCacheQuantizationType: string;
  readonly llamaVCacheQuantizationType: string;
}

export interface RenderedSettings {
  /** `llama-server …` */
  readonly llamaServer: string;
  /** `llama-bench …` measuring the same placement (speed only: llama-bench allocates no full context). */
  readonly llamaBench: string;
  readonly ollama: {
    /** Environment for `ollama serve` (these apply to every model the server loads). */
    readonly serve: string;
    /** Modelfile for `ollama create`. */
    readonly modelfile: string;
    /** The same per-model settings as API `options`. */
    readonly options: Readonly<Record<string, number>>;
    /** What Ollama cannot express, when something. */
    readonly note?: string;
  };
  readonly lmStudio: {
    /** `lms load …` (context and GPU offload only: the CLI has no flags for the rest). */
    readonly cli: string;
    readonly loadConfig: LmStudioLoadConfig;
    readonly note: string;
  };
}

/**
 * llama.cpp's `-ngl` for `gpuLayers` repeating layers. llama.cpp counts the output layer as one more
 * layer and offloads the last `-ngl` of the n_layer + 1 (src/llama-model.cpp, load_tensors:
 * `i_gpu_start = n_layer + 1 - n_gpu_layers`), so N repeating layers plus the head is N + 1.
 */
export function llamaGpuLayersValue(settings: Pick<TunedSettings, 'gpuLayers'>): number {
  return settings.gpuLayers === 0 ? 0 : settings.gpuLayers + 1;
}

const SAFE_SHELL_WORD = /^[A-Za-z0-9_./:=@%+-]+$/;

/** Quotes a word for POSIX shells when it needs it. */
function shellWord(word: string): string {
  return SAFE_SHELL_WORD.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

function commandLine(
  program: string,
  flags: readonly CliFlag[],
  values: Partial<Record<SettingKey, string>>,
) {
  const words = flags.flatMap((f) => {
    const value = values[f.setting];
    return value === undefined ? [] : f.switch ? [f.flag] : [f.flag, value];
  });
  return [program, ...words].join(' ');
}

function llamaValues(s: TunedSettings, o: RenderOptions): Partial<Record<SettingKey, string>> {
  const quantisedKv = s.kvCacheType === 'f16' ? undefined : s.kvCacheType;
  const depth = o.depthTokens ?? 0;
  return {
    model: shellWord(o.modelPath),
    context: String(s.contextTokens),
    gpuLayers: String(llamaGpuLayersValue(s)),
    cpuMoeLayers: s.cpuMoeLayers > 0 ? String(s.cpuMoeLayers) : undefined,
    cacheTypeK: quantisedKv,
    cacheTypeV: quantisedKv,
    flashAttention: s.flashAttention ? llamaFlashAttentionValue.on : llamaFlashAttentionValue.off,
    ...serverValues(o),
    prompt: String(o.promptTokens ?? 512),
    generate: String(o.generatedTokens ?? 128),
    depth: depth > 0 ? String(depth) : undefined,
  };
}

/** What the server runs beside the model: its slots and the vision projector (llama-bench has neither). */
function serverValues(o: RenderOptions): Partial<Record<SettingKey, string>> {
  const slots = o.parallel ?? 1;
  return {
    parallel: slots > 1 ? String(slots) : undefined,
    kvUnified: slots > 1 && o.kvUnified === true ? '' : undefined,
    mmproj: o.mmprojPath === undefined ? undefined : shellWord(o.mmprojPath),
    mmprojOffload: o.mmprojPath !== undefined && o.mmprojInRam === true ? '' : undefined,
  };
}

/** Smallest ratio with 4 decimals whose product with `total` rounds and floors to `count`. */
function layerRatio(count: number, total: number): number {
  return Math.ceil((count / total) * 1e4) / 1e4;
}

function renderOllama(s: TunedSettings, o: RenderOptions): RenderedSettings['ollama'] {
  const expertsOnCpu = s.cpuMoeLayers > 0;
  const options: Record<string, number> = { [ollamaNames.contextParameter]: s.contextTokens };
  if (!expertsOnCpu) options[ollamaNames.gpuLayersParameter] = llamaGpuLayersValue(s);
  const env = [`${ollamaNames.flashAttentionEnv}=${s.flashAttention ? 1 : 0}`];
  if (s.kvCacheType !== 'f16') env.push(`${ollamaNames.kvCacheTypeEnv}=${s.kvCacheType}`);
  const slots = o.parallel ?? 1;
  if (slots > 1) env.push(`${ollamaNames.parallelEnv}=${slots}`);
  const modelfile = [
    `FROM ${o.modelPath}`,
    ...Object.entries(options).map(([k, v]) => `PARAMETER ${k} ${v}`),
  ].join('\n');
  const notes = [
    expertsOnCpu
      ? `Ollama has no setting that keeps only the experts of ${s.cpuMoeLayers} layers in RAM (llama.cpp --n-cpu-moe); ` +
        'it offloads whole layers, which is slower. Use llama-server or LM Studio for this configuration.'
      : undefined,
    // Ollama allocates num_ctx for each parallel request (ollama llm/server.go: `KvSize: opts.NumCtx * numParallel`).
    slots > 1 && o.parallelRuntime !== 'ollama'
      ? `Ollama gives each of the ${slots} requests the whole num_ctx (${slots}× this KV cache), more memory than ` +
        "llama-server's shared -c counted here (estimate with Ollama's rule to size it)."
      : undefined,
  ].filter((n) => n !== undefined);
  return {
    serve: `${env.join(' ')} ollama serve`,
    modelfile,
    options,
    ...(notes.length > 0 ? { note: notes.join(' ') } : {}),
  };
}

function renderLmStudio(s: TunedSettings, o: RenderOptions): RenderedSettings['lmStudio'] {
  const ratio: LmStudioLoadConfig['gpu']['ratio'] =
    s.gpuLayers >= s.totalLayers ? 'max' : s.gpuLayers === 0 ? 'off' : layerRatio(s.gpuLayers, s.totalLayers);
  const gpu =
    s.cpuMoeLayers > 0
      ? { ratio, numCpuExpertLayersRatio: layerRatio(s.cpuMoeLayers, s.totalLayers) }
      : { ratio };
  const loadConfig: LmStudioLoadConfig = {
    contextLength: s.contextTokens,
    gpu,
    flashAttention: s.flashAttention,
    llamaKCacheQuantizationType: s.kvCacheType,
    llamaVCacheQuantizationType: s.kvCacheType,
  };
  const n = lmStudioNames;
  const cli = `${n.cliLoad} ${shellWord(o.modelPath)} ${n.cliGpu} ${ratio} ${n.cliContext} ${s.contextTokens}`;
  const experts = s.cpuMoeLayers > 0 ? `, MoE expert layers on CPU ${s.cpuMoeLayers} of ${s.moeLayers}` : '';
  return {
    cli,
    loadConfig,
    note:
      `Load panel: GPU offload ${s.gpuLayers} of ${s.totalLayers} layers${experts}, context ${s.contextTokens}, ` +
      `flash attention ${s.flashAttention ? 'on' : 'off'}, K and V cache ${s.kvCacheType}. ` +
      'lms load sets only GPU offload and context; the rest go in the load panel or the SDK load config.',
  };
}

/** Renders one configuration for llama.cpp, Ollama and LM Studio. */
export function renderSettings(settings: TunedSettings, options: RenderOptions): RenderedSettings {
  const values = llamaValues(settings, options);
  return {
    llamaServer: commandLine('llama-server', llamaServerFlags, values),
    llamaBench: commandLine('llama-bench', llamaBenchFlags, values),
    ollama: renderOllama(settings, options),
    lmStudio: renderLmStudio(settings, options),
  };
}
