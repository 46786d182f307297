/**
 * @module tune/flags — the setting names of llama.cpp, Ollama and LM Studio as data, each with where it
 * was read. Renderers look names up here; nothing else spells a flag.
 */

/** The knobs a tuned configuration sets, in the order commands list them. */
export type SettingKey =
  | 'model'
  | 'context'
  | 'gpuLayers'
  | 'cpuMoeLayers'
  | 'cacheTypeK'
  | 'cacheTypeV'
  | 'flashAttention'
  | 'parallel'
  | 'kvUnified'
  | 'mmproj'
  | 'mmprojOffload'
  | 'prompt'
  | 'generate'
  | 'depth';

/** One command-line flag. */
export interface CliFlag {
  readonly setting: SettingKey;
  readonly flag: string;
  /** The long spelling, for reference. */
  readonly long: string;
  /** A switch: written without a value, when its setting has one. */
  readonly switch?: true;
}

// llama-server: tools/server/README.md (generated from common/arg.cpp by llama-gen-docs),
// https://github.com/ggml-org/llama.cpp/blob/master/tools/server/README.md — `-m, --model FNAME`,
// `-c, --ctx-size N`, `-ngl, --gpu-layers, --n-gpu-layers N` ("an exact number, 'auto', or 'all'"),
// `-ncmoe, --n-cpu-moe N` ("keep the MoE weights of the first N layers in the CPU"),
// `-ctk/-ctv, --cache-type-k/-v TYPE` (f32, f16, bf16, q8_0, q4_0, q4_1, iq4_nl, q5_0, q5_1),
// `-fa, --flash-attn [on|off|auto]`, `-np, --parallel N` ("number of server slots"), `-kvu, --kv-unified`
// ("use single unified KV buffer shared across all sequences"), `-mm, --mmproj FILE`, `--no-mmproj-offload`.
export const LLAMA_SERVER_SOURCE =
  'https://github.com/ggml-org/llama.cpp/blob/master/tools/server/README.md (common/arg.cpp)';

/** llama-server flags, in command order. */
export const llamaServerFlags: readonly CliFlag[] = [
  { setting: 'model', flag: '-m', long: '--model' },
  { setting: 'context', flag: '-c', long: '--ctx-size' },
  { setting: 'gpuLayers', flag: '-ngl', long: '--n-gpu-layers' },
  { setting: 'cpuMoeLayers', flag: '--n-cpu-moe', long: '--n-cpu-moe' },
  { setting: 'cacheTypeK', flag: '-ctk', long: '--cache-type-k' },
  { setting: 'cacheTypeV', flag: '-ctv', long: '--cache-type-v' },
  { setting: 'flashAttention', flag: '-fa', long: '--flash-attn' },
  { setting: 'parallel', flag: '-np', long: '--parallel' },
  { setting: 'kvUnified', flag: '-kvu', long: '--kv-unified', switch: true },
  { setting: 'mmproj', flag: '--mmproj', long: '--mmproj' },
  { setting: 'mmprojOffload', flag: '--no-mmproj-offload', long: '--no-mmproj-offload', switch: true },
];

// llama-bench: tools/llama-bench/README.md, "Syntax",
// https://github.com/ggml-org/llama.cpp/blob/master/tools/llama-bench/README.md — `-m`, `-p, --n-prompt`
// (default 512), `-n, --n-gen` (default 128), `-d, --n-depth`, `-ngl, --n-gpu-layers`,
// `-ncmoe, --n-cpu-moe` (added in PR ggml-org/llama.cpp#15952), `-ctk`, `-ctv`, `-fa <on|off|auto>`.
// llama-bench has no `-c`: it allocates only what the test needs, so it checks speed, not fit.
export const LLAMA_BENCH_SOURCE =
  'https://github.com/ggml-org/llama.cpp/blob/master/tools/llama-bench/README.md';

/** llama-bench flags, in command order. */
export const llamaBenchFlags: readonly CliFlag[] = [
  { setting: 'model', flag: '-m', long: '--model' },
  { setting: 'prompt', flag: '-p', long: '--n-prompt' },
  { setting: 'generate', flag: '-n', long: '--n-gen' },
  { setting: 'depth', flag: '-d', long: '--n-depth' },
  { setting: 'gpuLayers', flag: '-ngl', long: '--n-gpu-layers' },
  { setting: 'cpuMoeLayers', flag: '-ncmoe', long: '--n-cpu-moe' },
  { setting: 'cacheTypeK', flag: '-ctk', long: '--cache-type-k' },
  { setting: 'cacheTypeV', flag: '-ctv', long: '--cache-type-v' },
  { setting: 'flashAttention', flag: '-fa', long: '--flash-attn' },
];

/** llama.cpp's values for flash attention (`-fa on|off`, both tools). */
export const llamaFlashAttentionValue = { on: 'on', off: 'off' } as const;

// Ollama: server environment variables in envconfig/config.go (OLLAMA_FLASH_ATTENTION,
// OLLAMA_KV_CACHE_TYPE "Quantization type for the K/V cache (default: f16)", OLLAMA_CONTEXT_LENGTH) and
// docs/faq.mdx ("How can I set the quantization type for the K/V cache?": f16, q8_0, q4_0; a quantised
// cache needs flash attention). Per-model load options are api.Runner fields in api/types.go
// (`num_ctx`, `num_gpu`), settable as Modelfile `PARAMETER`s (api.FormatParams) or API `options`.
// Ollama passes num_gpu to llama-server as `-ngl` unchanged (llm/llama_server.go), so it counts layers
// the way llama.cpp does. It has no setting for experts on the CPU (ollama PR #16688 proposes one).
export const OLLAMA_SOURCE =
  'https://github.com/ollama/ollama: envconfig/config.go, docs/faq.mdx, api/types.go (Runner), llm/llama_server.go';

export const ollamaNames = {
  flashAttentionEnv: 'OLLAMA_FLASH_ATTENTION',
  /** envconfig/config.go: "Maximum number of parallel requests". */
  parallelEnv: 'OLLAMA_NUM_PARALLEL',
  kvCacheTypeEnv: 'OLLAMA_KV_CACHE_TYPE',
  contextParameter: 'num_ctx',
  gpuLayersParameter: 'num_gpu',
} as const;

// LM Studio: LLMLoadModelConfig in lmstudio-js packages/lms-shared-types/src/llm/LLMLoadModelConfig.ts
// (https://lmstudio.ai/docs/typescript/api-reference/llm-load-model-config): `contextLength`,
// `gpu.ratio` (0-1, "max" or "off": share of layers offloaded), `gpu.numCpuExpertLayersRatio` (0-1:
// share of layers whose expert blocks are forced into CPU memory, the --n-cpu-moe mechanism, LM Studio
// 0.3.23 blog "Force MoE expert weights onto CPU"), `flashAttention`, `llamaKCacheQuantizationType`,
// `llamaVCacheQuantizationType` ("requires Flash Attention"). CLI: `lms load <model> --gpu <0-1|max|off>
// --context-length N` (https://lmstudio.ai/docs/cli/load).
export const LM_STUDIO_SOURCE =
  'lmstudio-js LLMLoadModelConfig.ts (https://lmstudio.ai/docs/typescript/api-reference/llm-load-model-config); https://lmstudio.ai/docs/cli/load';

export const lmStudioNames = {
  cliLoad: 'lms load',
  cliGpu: '--gpu',
  cliContext: '--context-length',
  contextLength: 'contextLength',
  gpuRatio: 'ratio',
  cpuExpertLayersRatio: 'numCpuExpertLayersRatio',
  flashAttention: 'flashAttention',
  kCacheType: 'llamaKCacheQuantizationType',
  vCacheType: 'llamaVCacheQuantizationType',
} as const;
