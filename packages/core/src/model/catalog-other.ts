/**
 * @module model/catalog-other — the reference models beside Gemma: Llama 2/3/3.1, Mistral 7B, Qwen2.5 7B
 * (and Coder), Qwen3 dense and 30B-A3B MoE (and Coder), gpt-oss 20B/120B, as their config.json files state them.
 */
import type { CatalogEntry } from './catalog-entry.js';

const llama = (c: Record<string, unknown>) => ({ model_type: 'llama', tie_word_embeddings: false, ...c });
/** Llama 3.1: 128K context by `llama3` RoPE scaling (config.json rope_scaling; GGUFs carry rope_freqs). */
const LLAMA31_ROPE = {
  rope_type: 'llama3',
  factor: 8,
  low_freq_factor: 1,
  high_freq_factor: 4,
  original_max_position_embeddings: 8192,
};
const qwen25 = (c: Record<string, unknown>) => ({
  model_type: 'qwen2',
  hidden_size: 3584,
  num_hidden_layers: 28,
  intermediate_size: 18944,
  num_attention_heads: 28,
  num_key_value_heads: 4,
  vocab_size: 152064,
  max_position_embeddings: 32768,
  tie_word_embeddings: false,
  ...c,
});
const qwen3 = (c: Record<string, unknown>) => ({
  model_type: 'qwen3',
  head_dim: 128,
  vocab_size: 151936,
  max_position_embeddings: 40960,
  tie_word_embeddings: false,
  ...c,
});
const qwen3Moe = (c: Record<string, unknown>) =>
  qwen3({
    model_type: 'qwen3_moe',
    hidden_size: 2048,
    num_hidden_layers: 48,
    intermediate_size: 6144,
    moe_intermediate_size: 768,
    num_experts: 128,
    num_experts_per_tok: 8,
    decoder_sparse_step: 1,
    mlp_only_layers: [],
    num_attention_heads: 32,
    num_key_value_heads: 4,
    ...c,
  });
/** gpt-oss: 128K context by YaRN × 32 over 4096 (config.json rope_scaling). */
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
  rope_scaling: {
    rope_type: 'yarn',
    factor: 32,
    beta_fast: 32,
    beta_slow: 1,
    original_max_position_embeddings: 4096,
  },
  ...c,
});
const alternating = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => (i % 2 === 0 ? 'sliding_attention' : 'full_attention'));

export const OTHER_ENTRIES: readonly CatalogEntry[] = [
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
      rope_scaling: LLAMA31_ROPE,
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
    id: 'llama-3.1-70b',
    name: 'Llama 3.1 70B',
    source: 'huggingface.co/meta-llama/Llama-3.1-70B config.json (Llama 3.3 70B has the same shape)',
    config: llama({
      hidden_size: 8192,
      num_hidden_layers: 80,
      intermediate_size: 28672,
      num_attention_heads: 64,
      num_key_value_heads: 8,
      vocab_size: 128256,
      max_position_embeddings: 131072,
      rope_scaling: LLAMA31_ROPE,
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
    source: 'huggingface.co/Qwen/Qwen2.5-7B-Instruct config.json',
    config: qwen25({}),
  },
  {
    id: 'qwen2.5-coder-7b',
    name: 'Qwen2.5 Coder 7B',
    source: 'huggingface.co/Qwen/Qwen2.5-Coder-7B-Instruct config.json',
    config: qwen25({}),
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
    source: 'huggingface.co/Qwen/Qwen3-30B-A3B config.json',
    config: qwen3Moe({}),
  },
  {
    id: 'qwen3-coder-30b-a3b',
    name: 'Qwen3 Coder 30B A3B (MoE)',
    source: 'huggingface.co/Qwen/Qwen3-Coder-30B-A3B-Instruct config.json',
    config: qwen3Moe({ max_position_embeddings: 262144 }),
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
