/**
 * Test fixtures: real-shaped models of the architecture families the generic GGUF path and the config.json path
 * cover. Each case is the published config.json of one real model (its Hugging Face repo named in `source`; the
 * values as the repo publishes them, cross-checked against llama.cpp load logs where one was found), the
 * `<arch>.*` metadata llama.cpp's converter writes for it (ggml-org/llama.cpp conversion/<family>.py at upstream
 * 82bb48500, as mirrored in unslothai/llama.cpp 53fd974b), and what llama.cpp itself reported for that model.
 *
 * Log sources: llama.cpp load logs found by exact-string search of public GitHub files (the index names no repository
 * or path for those, so they are cited by the search index's file id) and GitHub threads (cited by URL).
 */
import type { GgufValue } from './gguf-writer.js';

/** A KV/state figure llama.cpp printed for the model. */
export interface LoggedSize {
  /** Context (cells) of the log line. */
  readonly contextTokens: number;
  /** `llama_kv_cache: size = … MiB` (all KV caches together), or `llama_memory_recurrent: size` per sequence. */
  readonly mib: number;
  /** The KV layer count the log states. */
  readonly layers?: number;
  readonly what: 'kv' | 'recurrent';
  readonly source: string;
}

export interface FamilyCase {
  /** Test label. */
  readonly id: string;
  /** GGUF `general.architecture`. */
  readonly ggufArch: string;
  /** Where the hyper-parameters come from. */
  readonly source: string;
  /** The model's config.json (the fields the estimator reads, as published). */
  readonly config: Readonly<Record<string, unknown>>;
  /** `<arch>.*` keys as llama.cpp's converter writes them for this config (without the prefix). */
  readonly keys: Readonly<Record<string, GgufValue>>;
  /** Tensor count of a published GGUF of this model, when a log states it. */
  readonly publishedTensors?: { readonly count: number; readonly source: string };
  /** `model params` llama.cpp printed for a GGUF of this model (billions, as printed). */
  readonly publishedParamsB?: { readonly value: number; readonly digits: number; readonly source: string };
  /** KV-cache (and recurrent-state) bytes at 8192 tokens of context, f16 K and V, one sequence, as llama.cpp sizes them. */
  readonly kv8kMiB: number;
  /** Recurrent state per sequence, MiB (hybrids). */
  readonly stateMiB?: number;
  readonly logged?: readonly LoggedSize[];
}

const sliding = (n: number, every: number) => Array.from({ length: n }, (_, i) => (i + 1) % every !== 0);

/** The families: one real model each. */
/** huggingface.co/mistralai/Mistral-Small-3.1-24B-Instruct-2503 config.json, `text_config`. */
export const MISTRAL_SMALL_31_TEXT = {
  model_type: 'mistral',
  hidden_size: 5120,
  intermediate_size: 32768,
  num_hidden_layers: 40,
  num_attention_heads: 32,
  num_key_value_heads: 8,
  head_dim: 128,
  vocab_size: 131072,
  max_position_embeddings: 131072,
  sliding_window: null,
} as const;

export const FAMILIES: readonly FamilyCase[] = [
  {
    id: 'deepseek2 — DeepSeek-V2-Lite-Chat (MLA, MoE after 1 dense layer, 2 shared experts)',
    ggufArch: 'deepseek2',
    source:
      'huggingface.co/deepseek-ai/DeepSeek-V2-Lite-Chat config.json; GGUF keys per conversion/deepseek.py DeepseekV2Model (MLA: head_count_kv 1, key_length kv_lora_rank + qk_rope_head_dim)',
    config: {
      model_type: 'deepseek_v2',
      hidden_size: 2048,
      intermediate_size: 10944,
      moe_intermediate_size: 1408,
      num_hidden_layers: 27,
      num_attention_heads: 16,
      num_key_value_heads: 16,
      n_shared_experts: 2,
      n_routed_experts: 64,
      num_experts_per_tok: 6,
      first_k_dense_replace: 1,
      moe_layer_freq: 1,
      kv_lora_rank: 512,
      q_lora_rank: null,
      qk_nope_head_dim: 128,
      qk_rope_head_dim: 64,
      v_head_dim: 128,
      vocab_size: 102400,
      max_position_embeddings: 163840,
      tie_word_embeddings: false,
      topk_method: 'greedy',
      rope_scaling: {
        type: 'yarn',
        factor: 40,
        original_max_position_embeddings: 4096,
        beta_fast: 32,
        beta_slow: 1,
      },
    },
    keys: {
      block_count: 27,
      context_length: 163840,
      embedding_length: 2048,
      feed_forward_length: 10944,
      'attention.head_count': 16,
      'attention.head_count_kv': 1,
      'attention.layer_norm_rms_epsilon': 0.000001,
      expert_used_count: 6,
      leading_dense_block_count: 1,
      vocab_size: 102400,
      'attention.kv_lora_rank': 512,
      'attention.key_length': 576,
      'attention.value_length': 512,
      'attention.key_length_mla': 192,
      'attention.value_length_mla': 128,
      expert_feed_forward_length: 1408,
      expert_count: 64,
      expert_shared_count: 2,
      'rope.dimension_count': 64,
      'rope.scaling.type': 'yarn',
      'rope.scaling.factor': 40,
      'rope.scaling.original_context_length': 4096,
    },
    publishedParamsB: {
      value: 15.71,
      digits: 2,
      source:
        'llama.cpp print_info "model params = 15.71 B" for DeepSeek V2 Lite Chat (search index file 60665970451)',
    },
    // MLA: 27 layers × (512 + 64) K values × 2 B, no V (src/llama-kv-cache.cpp has_v = !is_mla).
    kv8kMiB: 243,
    logged: [],
  },
  {
    id: 'glm4moe — GLM-4.5-Air (1 dense layer, 128 experts + 1 shared, an MTP block)',
    ggufArch: 'glm4moe',
    source:
      'huggingface.co/zai-org/GLM-4.5-Air config.json; the GGUF keys as an upstream-converted GLM-4.5-Air file lists them (ikawrakow/ik_llama.cpp issue #675 log)',
    config: {
      model_type: 'glm4_moe',
      attention_bias: true,
      first_k_dense_replace: 1,
      head_dim: 128,
      hidden_size: 4096,
      intermediate_size: 10944,
      max_position_embeddings: 131072,
      moe_intermediate_size: 1408,
      n_routed_experts: 128,
      n_shared_experts: 1,
      num_attention_heads: 96,
      num_experts_per_tok: 8,
      num_hidden_layers: 46,
      num_key_value_heads: 8,
      num_nextn_predict_layers: 1,
      partial_rotary_factor: 0.5,
      tie_word_embeddings: false,
      use_qk_norm: false,
      vocab_size: 151552,
    },
    keys: {
      block_count: 47,
      context_length: 131072,
      embedding_length: 4096,
      feed_forward_length: 10944,
      'attention.head_count': 96,
      'attention.head_count_kv': 8,
      expert_used_count: 8,
      'attention.key_length': 128,
      'attention.value_length': 128,
      'rope.dimension_count': 64,
      expert_count: 128,
      expert_feed_forward_length: 1408,
      expert_shared_count: 1,
      leading_dense_block_count: 1,
      expert_gating_func: 2,
      nextn_predict_layers: 1,
    },
    publishedTensors: {
      count: 803,
      source:
        'split.tensors.count = 803 of ubergarm/GLM-4.5-Air-GGUF (ikawrakow/ik_llama.cpp issue #675 log)',
    },
    publishedParamsB: {
      value: 110.469,
      digits: 3,
      source:
        'ik_llama.cpp print "model params = 110.469 B" for GLM 4.5 Air (ikawrakow/ik_llama.cpp issue #675)',
    },
    // 47 KV layers (46 + the MTP block, which llama.cpp at 82bb48500 does not filter out) × 8 × 128 × 2 × 2 B.
    kv8kMiB: 1504,
    logged: [
      {
        what: 'kv',
        contextTokens: 131072,
        mib: 23552,
        layers: 46,
        source:
          'upstream llama.cpp (Aug 2025, llama_kv_cache_unified) "size = 23552.00 MiB (131072 cells, 46 layers, 1/1 seqs)" for GLM-4.5-Air (search index file 39212517001); that build skipped the MTP block (n_layer_kv_from_start, PR #15504), the 2026-06 refactor #24060 dropped it',
      },
    ],
  },
  {
    id: 'phi3 — Phi-3.5-mini-instruct (fused qkv and gate-up, longrope)',
    ggufArch: 'phi3',
    source:
      'huggingface.co/microsoft/Phi-3.5-mini-instruct config.json; GGUF keys per conversion/phi.py Phi3MiniModel (sliding_window written, not applied: src/models/phi3.cpp)',
    config: {
      model_type: 'phi3',
      hidden_size: 3072,
      intermediate_size: 8192,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 32,
      vocab_size: 32064,
      max_position_embeddings: 131072,
      original_max_position_embeddings: 4096,
      sliding_window: 262144,
      tie_word_embeddings: false,
      rope_scaling: {
        type: 'longrope',
        long_factor: Array.from({ length: 48 }, () => 1),
        short_factor: Array.from({ length: 48 }, () => 1),
      },
    },
    keys: {
      context_length: 131072,
      'rope.scaling.original_context_length': 4096,
      embedding_length: 3072,
      feed_forward_length: 8192,
      block_count: 32,
      'attention.head_count': 32,
      'attention.head_count_kv': 32,
      'attention.layer_norm_rms_epsilon': 0.00001,
      'rope.dimension_count': 96,
      'attention.sliding_window': 262144,
      'rope.scaling.attn_factor': 1.19,
    },
    kv8kMiB: 3072,
    logged: [],
  },
  {
    id: 'qwen3next — Qwen3-Next-80B-A3B-Instruct (Gated DeltaNet hybrid, 512 experts + shared)',
    ggufArch: 'qwen3next',
    source:
      'huggingface.co/Qwen/Qwen3-Next-80B-A3B-Instruct config.json; GGUF keys per conversion/qwen.py Qwen3NextModel, as llama.cpp prints them for this model (ggml-org/llama.cpp issue #17578, lmstudio-ai/lmstudio-bug-tracker issue #1266)',
    config: {
      model_type: 'qwen3_next',
      hidden_size: 2048,
      num_hidden_layers: 48,
      num_attention_heads: 16,
      num_key_value_heads: 2,
      head_dim: 256,
      intermediate_size: 5120,
      moe_intermediate_size: 512,
      shared_expert_intermediate_size: 512,
      num_experts: 512,
      num_experts_per_tok: 10,
      decoder_sparse_step: 1,
      mlp_only_layers: [],
      full_attention_interval: 4,
      linear_conv_kernel_dim: 4,
      linear_key_head_dim: 128,
      linear_value_head_dim: 128,
      linear_num_key_heads: 16,
      linear_num_value_heads: 32,
      partial_rotary_factor: 0.25,
      vocab_size: 151936,
      max_position_embeddings: 262144,
      tie_word_embeddings: false,
    },
    keys: {
      block_count: 48,
      context_length: 262144,
      embedding_length: 2048,
      feed_forward_length: 5120,
      'attention.head_count': 16,
      'attention.head_count_kv': 2,
      expert_used_count: 10,
      'attention.key_length': 256,
      'attention.value_length': 256,
      expert_count: 512,
      expert_feed_forward_length: 512,
      expert_shared_feed_forward_length: 512,
      'ssm.conv_kernel': 4,
      'ssm.state_size': 128,
      'ssm.group_count': 16,
      'ssm.time_step_rank': 32,
      'ssm.inner_size': 4096,
      full_attention_interval: 4,
      'rope.dimension_count': 64,
    },
    publishedTensors: {
      count: 807,
      source:
        '"loaded meta data with 45 key-value pairs and 807 tensors" for Qwen3-Next-80B-A3B-Instruct-IQ1_M (ggml-org/llama.cpp PR #16095); files of that converter store the DeltaNet input as one ssm_in where conversion/qwen.py now writes attn_qkv + attn_gate (36 more tensors)',
    },
    // 12 attention layers × 2 KV heads × 256 × 2 × 2 B = 24 KiB per cell.
    kv8kMiB: 192 + 75.375,
    // 36 Gated DeltaNet layers × ((4 − 1) × (4096 + 2 · 16 · 128) + 128 · 4096) f32.
    stateMiB: 75.375,
    logged: [],
  },
  {
    id: 'gemma3n — gemma-3n-E4B-it (iSWA 4 of 5, last 15 layers share KV, per-layer embeddings, AltUp, LAuReL)',
    ggufArch: 'gemma3n',
    source:
      'huggingface.co/google/gemma-3n-E4B-it config.json text_config; GGUF keys per conversion/gemma.py Gemma3NModel (shared_kv_layers, sliding_window_pattern per layer; vocab padded to 262400)',
    config: {
      model_type: 'gemma3n',
      text_config: {
        model_type: 'gemma3n_text',
        hidden_size: 2048,
        num_hidden_layers: 35,
        num_attention_heads: 8,
        num_key_value_heads: 2,
        head_dim: 256,
        intermediate_size: Array.from({ length: 35 }, () => 16384),
        vocab_size: 262400,
        vocab_size_per_layer_input: 262144,
        hidden_size_per_layer_input: 256,
        num_kv_shared_layers: 15,
        sliding_window: 512,
        layer_types: Array.from({ length: 35 }, (_, i) =>
          (i + 1) % 5 === 0 ? 'full_attention' : 'sliding_attention',
        ),
        altup_num_inputs: 4,
        laurel_rank: 64,
        max_position_embeddings: 32768,
      },
    },
    keys: {
      block_count: 35,
      context_length: 32768,
      embedding_length: 2048,
      feed_forward_length: Array.from({ length: 35 }, () => 16384),
      'attention.head_count': 8,
      'attention.head_count_kv': 2,
      'attention.key_length': 256,
      'attention.value_length': 256,
      'attention.sliding_window': 512,
      'attention.sliding_window_pattern': sliding(35, 5),
      'attention.shared_kv_layers': 15,
      embedding_length_per_layer_input: 256,
      'altup.num_inputs': 4,
    },
    // The first 20 layers own caches: 4 full (8192 cells) and 16 sliding (min(8192, 512 + 512) cells), 2 KiB a cell.
    kv8kMiB: 64 + 32,
    logged: [],
  },
  {
    id: 'mistral3 — Mistral-Small-3.1-24B-Instruct-2503 (text model)',
    ggufArch: 'mistral3',
    source:
      'huggingface.co/mistralai/Mistral-Small-3.1-24B-Instruct-2503 config.json text_config; GGUF arch mistral3 per conversion/mistral3.py (Ministral3Model, a LlamaModel)',
    config: {
      model_type: 'mistral3',
      text_config: MISTRAL_SMALL_31_TEXT,
      tie_word_embeddings: false,
    },
    keys: {
      block_count: 40,
      context_length: 131072,
      embedding_length: 5120,
      feed_forward_length: 32768,
      'attention.head_count': 32,
      'attention.head_count_kv': 8,
      'attention.key_length': 128,
      'attention.value_length': 128,
      'rope.dimension_count': 128,
    },
    kv8kMiB: 1280,
    logged: [],
  },
  {
    id: 'cohere2 — c4ai-command-r7b-12-2024 (iSWA 3 of 4, parallel block, tied)',
    ggufArch: 'cohere2',
    source:
      'huggingface.co/CohereLabs/c4ai-command-r7b-12-2024 config.json; GGUF keys per conversion/command_r.py Cohere2Model (sliding_window; period 4 from src/models/cohere2.cpp)',
    config: {
      model_type: 'cohere2',
      hidden_size: 4096,
      intermediate_size: 14336,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      vocab_size: 256000,
      max_position_embeddings: 132096,
      sliding_window: 4096,
      sliding_window_pattern: 4,
      logit_scale: 0.25,
      tie_word_embeddings: true,
    },
    keys: {
      block_count: 32,
      context_length: 132096,
      embedding_length: 4096,
      feed_forward_length: 14336,
      'attention.head_count': 32,
      'attention.head_count_kv': 8,
      'attention.layer_norm_epsilon': 0.00001,
      logit_scale: 0.25,
      'attention.sliding_window': 4096,
      vocab_size: 256000,
      'rope.dimension_count': 128,
    },
    // 8 full layers × 8192 cells + 24 sliding × min(8192, 4096 + 512) cells, 4 KiB a cell.
    kv8kMiB: 256 + 432,
    logged: [],
  },
  {
    id: 'olmo2 — OLMo-2-1124-7B (post-norms, full-width q/k norms)',
    ggufArch: 'olmo2',
    source: 'huggingface.co/allenai/OLMo-2-1124-7B config.json; GGUF keys per conversion/olmo.py Olmo2Model',
    config: {
      model_type: 'olmo2',
      hidden_size: 4096,
      intermediate_size: 11008,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 32,
      vocab_size: 100352,
      max_position_embeddings: 4096,
      tie_word_embeddings: false,
    },
    keys: {
      block_count: 32,
      context_length: 4096,
      embedding_length: 4096,
      feed_forward_length: 11008,
      'attention.head_count': 32,
      'attention.head_count_kv': 32,
      'attention.layer_norm_rms_epsilon': 0.000001,
    },
    kv8kMiB: 4096,
    logged: [],
  },
  {
    id: 'granite — granite-3.3-8b-instruct (tied embeddings)',
    ggufArch: 'granite',
    source:
      'huggingface.co/ibm-granite/granite-3.3-8b-instruct config.json; GGUF keys per conversion/granite.py',
    config: {
      model_type: 'granite',
      hidden_size: 4096,
      intermediate_size: 12800,
      num_hidden_layers: 40,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      vocab_size: 49159,
      max_position_embeddings: 131072,
      attention_multiplier: 0.0078125,
      embedding_multiplier: 12,
      residual_multiplier: 0.22,
      logits_scaling: 16,
      tie_word_embeddings: true,
    },
    keys: {
      block_count: 40,
      context_length: 131072,
      embedding_length: 4096,
      feed_forward_length: 12800,
      'attention.head_count': 32,
      'attention.head_count_kv': 8,
      'attention.scale': 0.0078125,
      embedding_scale: 12,
      residual_scale: 0.22,
      logit_scale: 16,
    },
    kv8kMiB: 1280,
    logged: [],
  },
  {
    id: 'exaone4 — EXAONE-4.0-32B (iSWA 3 of 4 with a 4096 window, post-norms, llama3 RoPE)',
    ggufArch: 'exaone4',
    source:
      'huggingface.co/LGAI-EXAONE/EXAONE-4.0-32B config.json (hidden 5120, 64 layers, 40/8 heads of 128, FFN 27392, window 4096, "LLLG", llama3 RoPE × 16 from 8192 — the values NVIDIA TensorRT-LLM\'s EXAONE 4 test copies); GGUF keys per conversion/exaone.py Exaone4Model',
    config: {
      model_type: 'exaone4',
      hidden_size: 5120,
      intermediate_size: 27392,
      num_hidden_layers: 64,
      num_attention_heads: 40,
      num_key_value_heads: 8,
      head_dim: 128,
      vocab_size: 102400,
      max_position_embeddings: 131072,
      sliding_window: 4096,
      sliding_window_pattern: 'LLLG',
      rope_scaling: {
        factor: 16,
        high_freq_factor: 4,
        low_freq_factor: 1,
        original_max_position_embeddings: 8192,
        rope_type: 'llama3',
      },
      tie_word_embeddings: false,
    },
    keys: {
      block_count: 64,
      context_length: 131072,
      embedding_length: 5120,
      feed_forward_length: 27392,
      'attention.head_count': 40,
      'attention.head_count_kv': 8,
      'attention.key_length': 128,
      'attention.value_length': 128,
      vocab_size: 102400,
      'attention.sliding_window': 4096,
      'attention.sliding_window_pattern': sliding(64, 4),
    },
    // 16 full layers × 8192 cells + 48 sliding × 4608 cells, 4 KiB a cell.
    kv8kMiB: 512 + 864,
    logged: [],
  },
];
