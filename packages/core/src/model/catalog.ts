/**
 * @module model/catalog — the model catalog, written as the config.json fields each model publishes and
 * built by the same code that imports a user's config.json. Each entry cites where its numbers come from.
 */
import type { ModelArchitecture } from './architecture.js';
import { architectureFromHfConfig } from './hf-config.js';

interface CatalogEntry {
  readonly id: string;
  readonly name: string;
  readonly source: string;
  readonly config: Readonly<Record<string, unknown>>;
}

/** `count` layers of `[sliding × (every − 1), full]`, as Gemma's layer_types lists spell it out. */
const everyNthFull = (count: number, every: number): string[] =>
  Array.from({ length: count }, (_, i) => ((i + 1) % every === 0 ? 'full_attention' : 'sliding_attention'));

/** gpt-oss alternates sliding (128 tokens) and full attention, sliding first. */
const alternating = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => (i % 2 === 0 ? 'sliding_attention' : 'full_attention'));

const GEMMA4_SOURCE =
  'huggingface/transformers src/transformers/models/gemma4/convert_gemma4_weights.py (_VARIANTS) and configuration_gemma4.py; Gemma 4 model card (ai.google.dev/gemma/docs/core/model_card_4)';
const gemma4 = (c: Record<string, unknown>) => ({
  model_type: 'gemma4_text',
  vocab_size: 262144,
  head_dim: 256,
  global_head_dim: 512,
  tie_word_embeddings: true,
  ...c,
});

const GEMMA3_SOURCE =
  'Gemma 3 config.json files (huggingface.co/google/gemma-3-{1b,4b,12b,27b}-it); Gemma 3 technical report (arXiv 2503.19786)';
const gemma3 = (c: Record<string, unknown>) => ({
  model_type: 'gemma3_text',
  head_dim: 256,
  sliding_window_pattern: 6,
  tie_word_embeddings: true,
  max_position_embeddings: 131072,
  vocab_size: 262208,
  ...c,
});

const llama = (c: Record<string, unknown>) => ({ model_type: 'llama', tie_word_embeddings: false, ...c });
const qwen3 = (c: Record<string, unknown>) => ({
  model_type: 'qwen3',
  head_dim: 128,
  vocab_size: 151936,
  max_position_embeddings: 40960,
  tie_word_embeddings: false,
  ...c,
});
const gptOss = (c: Record<string, unknown>) => ({
  model_type: 'gpt_oss',
  hidden_size: 2880,
  intermediate_size: 2880,
  num_experts_per_tok: 4,
  num_attention_heads: 64,
  num_key_value_heads: 8,
  head_dim: 64,
  sliding_window: 128,
  vocab_size: 201088,
  max_position_embeddings: 131072,
  tie_word_embeddings: false,
  ...c,
});

const ENTRIES: readonly CatalogEntry[] = [
  {
    id: 'gemma-4-e2b',
    name: 'Gemma 4 E2B',
    source: GEMMA4_SOURCE,
    config: gemma4({
      hidden_size: 1536,
      num_hidden_layers: 35,
      intermediate_size: 6144,
      use_double_wide_mlp: true,
      num_attention_heads: 8,
      num_key_value_heads: 1,
      num_global_key_value_heads: 1,
      layer_types: everyNthFull(35, 5),
      sliding_window: 512,
      num_kv_shared_layers: 20,
      hidden_size_per_layer_input: 256,
      max_position_embeddings: 131072,
    }),
  },
  {
    id: 'gemma-4-e4b',
    name: 'Gemma 4 E4B',
    source: GEMMA4_SOURCE,
    config: gemma4({
      hidden_size: 2560,
      num_hidden_layers: 42,
      intermediate_size: 10240,
      num_attention_heads: 8,
      num_key_value_heads: 2,
      num_global_key_value_heads: 2,
      layer_types: everyNthFull(42, 6),
      sliding_window: 512,
      num_kv_shared_layers: 18,
      hidden_size_per_layer_input: 256,
      max_position_embeddings: 131072,
    }),
  },
  {
    id: 'gemma-4-12b',
    name: 'Gemma 4 12B (Unified)',
    source:
      'huggingface/transformers src/transformers/models/gemma4_unified/convert_gemma4_unified_weights.py and configuration_gemma4_unified.py',
    config: gemma4({
      model_type: 'gemma4_unified',
      hidden_size: 3840,
      num_hidden_layers: 48,
      intermediate_size: 15360,
      num_attention_heads: 16,
      num_key_value_heads: 8,
      num_global_key_value_heads: 1,
      attention_k_eq_v: true,
      layer_types: everyNthFull(48, 6),
      sliding_window: 1024,
      max_position_embeddings: 262144,
    }),
  },
  {
    id: 'gemma-4-26b-a4b',
    name: 'Gemma 4 26B A4B (MoE)',
    source: `${GEMMA4_SOURCE}; MoE table "8 active / 128 total and 1 shared" (huggingface.co/google/gemma-4-26B-A4B-it)`,
    config: gemma4({
      hidden_size: 2816,
      num_hidden_layers: 30,
      intermediate_size: 2112,
      num_attention_heads: 16,
      num_key_value_heads: 8,
      num_global_key_value_heads: 2,
      attention_k_eq_v: true,
      layer_types: everyNthFull(30, 6),
      sliding_window: 1024,
      enable_moe_block: true,
      num_experts: 128,
      top_k_experts: 8,
      moe_intermediate_size: 704,
      max_position_embeddings: 262144,
    }),
  },
  {
    id: 'gemma-4-31b',
    name: 'Gemma 4 31B',
    source: GEMMA4_SOURCE,
    config: gemma4({
      hidden_size: 5376,
      num_hidden_layers: 60,
      intermediate_size: 21504,
      num_attention_heads: 32,
      num_key_value_heads: 16,
      num_global_key_value_heads: 4,
      attention_k_eq_v: true,
      layer_types: everyNthFull(60, 6),
      sliding_window: 1024,
      max_position_embeddings: 262144,
    }),
  },
  {
    id: 'gemma-3-1b',
    name: 'Gemma 3 1B',
    source: GEMMA3_SOURCE,
    config: gemma3({
      hidden_size: 1152,
      num_hidden_layers: 26,
      intermediate_size: 6912,
      num_attention_heads: 4,
      num_key_value_heads: 1,
      sliding_window: 512,
      vocab_size: 262144,
      max_position_embeddings: 32768,
    }),
  },
  {
    id: 'gemma-3-4b',
    name: 'Gemma 3 4B',
    source: GEMMA3_SOURCE,
    config: gemma3({
      hidden_size: 2560,
      num_hidden_layers: 34,
      intermediate_size: 10240,
      num_attention_heads: 8,
      num_key_value_heads: 4,
      sliding_window: 1024,
    }),
  },
  {
    id: 'gemma-3-12b',
    name: 'Gemma 3 12B',
    source: GEMMA3_SOURCE,
    config: gemma3({
      hidden_size: 3840,
      num_hidden_layers: 48,
      intermediate_size: 15360,
      num_attention_heads: 16,
      num_key_value_heads: 8,
      sliding_window: 1024,
    }),
  },
  {
    id: 'gemma-3-27b',
    name: 'Gemma 3 27B',
    source: GEMMA3_SOURCE,
    config: gemma3({
      hidden_size: 5376,
      num_hidden_layers: 62,
      intermediate_size: 21504,
      num_attention_heads: 32,
      num_key_value_heads: 16,
      head_dim: 128,
      sliding_window: 1024,
    }),
  },
  {
    id: 'llama-2-7b',
    name: 'Llama 2 7B',
    source: 'huggingface.co/meta-llama/Llama-2-7b-hf config.json; Llama 2 paper (arXiv 2307.09288) Table 1',
    config: llama({
      hidden_size: 4096,
      num_hidden_layers: 32,
      intermediate_size: 11008,
      num_attention_heads: 32,
      num_key_value_heads: 32,
      vocab_size: 32000,
      max_position_embeddings: 4096,
    }),
  },
  {
    id: 'llama-2-13b',
    name: 'Llama 2 13B',
    source: 'huggingface.co/meta-llama/Llama-2-13b-hf config.json',
    config: llama({
      hidden_size: 5120,
      num_hidden_layers: 40,
      intermediate_size: 13824,
      num_attention_heads: 40,
      num_key_value_heads: 40,
      vocab_size: 32000,
      max_position_embeddings: 4096,
    }),
  },
  {
    id: 'llama-2-70b',
    name: 'Llama 2 70B',
    source: 'huggingface.co/meta-llama/Llama-2-70b-hf config.json',
    config: llama({
      hidden_size: 8192,
      num_hidden_layers: 80,
      intermediate_size: 28672,
      num_attention_heads: 64,
      num_key_value_heads: 8,
      vocab_size: 32000,
      max_position_embeddings: 4096,
    }),
  },
  {
    id: 'llama-3-8b',
    name: 'Llama 3 8B',
    source: 'huggingface.co/meta-llama/Meta-Llama-3-8B config.json',
    config: llama({
      hidden_size: 4096,
      num_hidden_layers: 32,
      intermediate_size: 14336,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      vocab_size: 128256,
      max_position_embeddings: 8192,
    }),
  },
  {
    id: 'llama-3.1-8b',
    name: 'Llama 3.1 8B',
    source: 'huggingface.co/meta-llama/Llama-3.1-8B config.json',
    config: llama({
      hidden_size: 4096,
      num_hidden_layers: 32,
      intermediate_size: 14336,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      vocab_size: 128256,
      max_position_embeddings: 131072,
    }),
  },
  {
    id: 'llama-3-70b',
    name: 'Llama 3 70B',
    source: 'huggingface.co/meta-llama/Meta-Llama-3-70B config.json',
    config: llama({
      hidden_size: 8192,
      num_hidden_layers: 80,
      intermediate_size: 28672,
      num_attention_heads: 64,
      num_key_value_heads: 8,
      vocab_size: 128256,
      max_position_embeddings: 8192,
    }),
  },
  {
    id: 'mistral-7b',
    name: 'Mistral 7B v0.3',
    source: 'huggingface.co/mistralai/Mistral-7B-v0.3 config.json',
    config: {
      model_type: 'mistral',
      hidden_size: 4096,
      num_hidden_layers: 32,
      intermediate_size: 14336,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      vocab_size: 32768,
      max_position_embeddings: 32768,
      tie_word_embeddings: false,
    },
  },
  {
    id: 'qwen2.5-7b',
    name: 'Qwen2.5 7B',
    source: 'huggingface.co/Qwen/Qwen2.5-7B config.json (Qwen2.5-Coder-7B has the same shape)',
    config: {
      model_type: 'qwen2',
      hidden_size: 3584,
      num_hidden_layers: 28,
      intermediate_size: 18944,
      num_attention_heads: 28,
      num_key_value_heads: 4,
      vocab_size: 152064,
      max_position_embeddings: 32768,
      tie_word_embeddings: false,
    },
  },
  {
    id: 'qwen3-4b',
    name: 'Qwen3 4B',
    source: 'huggingface.co/Qwen/Qwen3-4B config.json',
    config: qwen3({
      hidden_size: 2560,
      num_hidden_layers: 36,
      intermediate_size: 9728,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      tie_word_embeddings: true,
    }),
  },
  {
    id: 'qwen3-8b',
    name: 'Qwen3 8B',
    source: 'huggingface.co/Qwen/Qwen3-8B config.json',
    config: qwen3({
      hidden_size: 4096,
      num_hidden_layers: 36,
      intermediate_size: 12288,
      num_attention_heads: 32,
      num_key_value_heads: 8,
    }),
  },
  {
    id: 'qwen3-14b',
    name: 'Qwen3 14B',
    source: 'huggingface.co/Qwen/Qwen3-14B config.json',
    config: qwen3({
      hidden_size: 5120,
      num_hidden_layers: 40,
      intermediate_size: 17408,
      num_attention_heads: 40,
      num_key_value_heads: 8,
    }),
  },
  {
    id: 'qwen3-32b',
    name: 'Qwen3 32B',
    source: 'huggingface.co/Qwen/Qwen3-32B config.json',
    config: qwen3({
      hidden_size: 5120,
      num_hidden_layers: 64,
      intermediate_size: 25600,
      num_attention_heads: 64,
      num_key_value_heads: 8,
    }),
  },
  {
    id: 'qwen3-30b-a3b',
    name: 'Qwen3 30B A3B (MoE)',
    source: 'huggingface.co/Qwen/Qwen3-30B-A3B config.json (Qwen3-Coder-30B-A3B has the same shape)',
    config: qwen3({
      model_type: 'qwen3_moe',
      hidden_size: 2048,
      num_hidden_layers: 48,
      intermediate_size: 6144,
      moe_intermediate_size: 768,
      num_experts: 128,
      num_experts_per_tok: 8,
      num_attention_heads: 32,
      num_key_value_heads: 4,
    }),
  },
  {
    id: 'gpt-oss-20b',
    name: 'gpt-oss 20B (MoE)',
    source: 'huggingface.co/openai/gpt-oss-20b config.json; gpt-oss model card (arXiv 2508.10925)',
    config: gptOss({ num_hidden_layers: 24, num_local_experts: 32, layer_types: alternating(24) }),
  },
  {
    id: 'gpt-oss-120b',
    name: 'gpt-oss 120B (MoE)',
    source: 'huggingface.co/openai/gpt-oss-120b config.json; gpt-oss model card (arXiv 2508.10925)',
    config: gptOss({ num_hidden_layers: 36, num_local_experts: 128, layer_types: alternating(36) }),
  },
];

/** Every catalog model, Gemma 4 first. */
export const models: readonly ModelArchitecture[] = ENTRIES.map((e) =>
  architectureFromHfConfig(e.config, { id: e.id, name: e.name, source: e.source }),
);

/** The config.json data a catalog model was built from (for tests and for "export config"). */
export function catalogConfig(id: string): Readonly<Record<string, unknown>> | undefined {
  return ENTRIES.find((e) => e.id === id)?.config;
}
