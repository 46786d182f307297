/**
 * @module model/hf-config-schema — one zod schema per accepted Hugging Face config.json shape (the text
 * model's fields only) and the per-model_type defaults transformers applies when a field is absent.
 * Field names and defaults: huggingface/transformers src/transformers/models/<type>/configuration_<type>.py for
 * llama, mistral, qwen2, qwen3, qwen3_moe, gpt_oss, gemma3, gemma4, gemma4_unified, deepseek_v2, deepseek_v3,
 * glm4_moe, phi3, qwen3_next, gemma3n, cohere2, olmo2, granite and exaone4.
 */
import { z } from 'zod';

const count = z.number().int().positive();
const optionalCount = count.nullish();
const nonNegative = z.number().int().nonnegative().nullish();
const layerType = z.enum(['sliding_attention', 'full_attention']);
/** Qwen3-Next also marks its Gated DeltaNet layers `linear_attention` (configuration_qwen3_next.py). */
const hybridLayerType = z.enum(['sliding_attention', 'full_attention', 'linear_attention']);

/**
 * `rope_scaling` (transformers ≤ 4.x) or `rope_parameters` (5.x). Loose: Llama 3.1 adds low/high_freq_factor,
 * gpt-oss adds beta_fast/beta_slow; Gemma 4 nests one object per layer type (no scaling, ignored).
 */
const RopeSchema = z.looseObject({
  rope_type: z.string().optional(),
  type: z.string().optional(),
  factor: z.number().positive().optional(),
  original_max_position_embeddings: count.optional(),
});

/** Fields every decoder-only config has (Llama, Mistral, Qwen2, Qwen3). */
const DenseSchema = z.object({
  model_type: z.string(),
  hidden_size: count,
  num_hidden_layers: count,
  num_attention_heads: count,
  num_key_value_heads: optionalCount,
  intermediate_size: count,
  vocab_size: count,
  head_dim: optionalCount,
  max_position_embeddings: optionalCount,
  tie_word_embeddings: z.boolean().nullish(),
  rope_scaling: RopeSchema.nullish(),
  rope_parameters: RopeSchema.nullish(),
});

/** Qwen3-MoE: routed experts in every `decoder_sparse_step`-th layer not listed in `mlp_only_layers`. */
const Qwen3MoeSchema = DenseSchema.extend({
  num_experts: count,
  num_experts_per_tok: count,
  moe_intermediate_size: count,
  decoder_sparse_step: optionalCount,
  mlp_only_layers: z.array(z.number().int().nonnegative()).nullish(),
});

/** gpt-oss: experts of width `intermediate_size` in every layer; sliding/full layers alternate. */
const GptOssSchema = DenseSchema.extend({
  num_local_experts: count,
  num_experts_per_tok: count,
  sliding_window: optionalCount,
  layer_types: z.array(layerType).nullish(),
});

/** Gemma 3: a sliding window and every `sliding_window_pattern`-th layer global (or explicit layer_types). */
const Gemma3Schema = DenseSchema.extend({
  sliding_window: optionalCount,
  sliding_window_pattern: optionalCount,
  layer_types: z.array(layerType).nullish(),
});

/** Gemma 4 (and 4 Unified): global-layer geometry, K=V, KV sharing, PLE, double-wide FFN, MoE block. */
const Gemma4Schema = Gemma3Schema.extend({
  num_global_key_value_heads: optionalCount,
  global_head_dim: optionalCount,
  attention_k_eq_v: z.boolean().nullish(),
  num_kv_shared_layers: z.number().int().nonnegative().nullish(),
  hidden_size_per_layer_input: z.number().int().nonnegative().nullish(),
  use_double_wide_mlp: z.boolean().nullish(),
  enable_moe_block: z.boolean().nullish(),
  num_experts: optionalCount,
  top_k_experts: optionalCount,
  moe_intermediate_size: optionalCount,
});

/**
 * DeepSeek-V2/V3 (configuration_deepseek_v2.py, configuration_deepseek_v3.py): multi-head latent attention —
 * `kv_lora_rank` (the cached latent), `q_lora_rank` (null: Q projected directly, V2-Lite), per-head
 * `qk_nope_head_dim` + `qk_rope_head_dim` for Q/K and `v_head_dim` for V; MoE after `first_k_dense_replace` dense
 * layers, every `moe_layer_freq`-th layer, `n_routed_experts` of width `moe_intermediate_size`, top
 * `num_experts_per_tok`, plus `n_shared_experts` always-on experts of the same width.
 */
const DeepseekSchema = DenseSchema.extend({
  kv_lora_rank: count,
  q_lora_rank: optionalCount,
  qk_nope_head_dim: count,
  qk_rope_head_dim: count,
  v_head_dim: count,
  n_routed_experts: optionalCount,
  n_shared_experts: nonNegative,
  num_experts_per_tok: optionalCount,
  moe_intermediate_size: optionalCount,
  first_k_dense_replace: nonNegative,
  moe_layer_freq: optionalCount,
  topk_method: z.string().nullish(),
});

/**
 * GLM-4.5 (configuration_glm4_moe.py): DeepSeek-style MoE (`first_k_dense_replace`, `n_routed_experts`,
 * `n_shared_experts`, `moe_intermediate_size`) on grouped-query attention with `attention_bias` and optional
 * `use_qk_norm`; `num_nextn_predict_layers` MTP blocks follow the layers in the checkpoint (and the GGUF).
 */
const Glm4MoeSchema = DenseSchema.extend({
  n_routed_experts: count,
  n_shared_experts: nonNegative,
  num_experts_per_tok: count,
  moe_intermediate_size: count,
  first_k_dense_replace: nonNegative,
  num_nextn_predict_layers: nonNegative,
  attention_bias: z.boolean().nullish(),
  use_qk_norm: z.boolean().nullish(),
  partial_rotary_factor: z.number().positive().nullish(),
});

/** Phi-3/3.5 (configuration_phi3.py): `sliding_window` (not applied by llama.cpp), longrope `rope_scaling`. */
const Phi3Schema = DenseSchema.extend({
  sliding_window: optionalCount,
  original_max_position_embeddings: optionalCount,
  partial_rotary_factor: z.number().positive().nullish(),
});

/**
 * Qwen3-Next (configuration_qwen3_next.py): every `full_attention_interval`-th layer is gated full attention, the
 * others Gated DeltaNet (`linear_*` sizes: key/value heads and head dims, conv kernel); MoE of `num_experts` ×
 * `moe_intermediate_size`, top `num_experts_per_tok`, plus a gated shared expert of
 * `shared_expert_intermediate_size`.
 */
const Qwen3NextSchema = DenseSchema.extend({
  num_experts: count,
  num_experts_per_tok: count,
  moe_intermediate_size: count,
  shared_expert_intermediate_size: nonNegative,
  decoder_sparse_step: optionalCount,
  mlp_only_layers: z.array(z.number().int().nonnegative()).nullish(),
  full_attention_interval: optionalCount,
  layer_types: z.array(hybridLayerType).nullish(),
  linear_conv_kernel_dim: count,
  linear_key_head_dim: count,
  linear_value_head_dim: count,
  linear_num_key_heads: count,
  linear_num_value_heads: count,
  partial_rotary_factor: z.number().positive().nullish(),
});

/**
 * Gemma 3n (configuration_gemma3n.py Gemma3nTextConfig): per-layer `intermediate_size` (a list), a 512-token
 * window on four of every five layers (`layer_types`), the last `num_kv_shared_layers` reading earlier caches,
 * per-layer embeddings of `hidden_size_per_layer_input`, AltUp (`altup_num_inputs`) and LAuReL (`laurel_rank`).
 */
const Gemma3nSchema = DenseSchema.extend({
  intermediate_size: z.union([count, z.array(count)]),
  sliding_window: optionalCount,
  layer_types: z.array(layerType).nullish(),
  num_kv_shared_layers: nonNegative,
  hidden_size_per_layer_input: nonNegative,
  altup_num_inputs: optionalCount,
  laurel_rank: optionalCount,
});

/** Command R7B (configuration_cohere2.py): a window on three of every four layers (`sliding_window_pattern` 4). */
const Cohere2Schema = DenseSchema.extend({
  sliding_window: optionalCount,
  sliding_window_pattern: optionalCount,
  layer_types: z.array(layerType).nullish(),
});

/**
 * EXAONE 4.0 (configuration_exaone4.py): `sliding_window` (null: none) on the layers `layer_types` marks, or by
 * `sliding_window_pattern` (an integer period, or a string of L and G repeated over the layers).
 */
const Exaone4Schema = DenseSchema.extend({
  sliding_window: optionalCount,
  sliding_window_pattern: z.union([count, z.string()]).nullish(),
  layer_types: z.array(layerType).nullish(),
});

/** Every field any accepted shape has (each family's schema yields a subset). */
const AnyTextSchema = Gemma4Schema.extend({
  intermediate_size: z.union([count, z.array(count)]),
  layer_types: z.array(hybridLayerType).nullish(),
  sliding_window_pattern: z.union([count, z.string()]).nullish(),
  num_local_experts: optionalCount,
  num_experts_per_tok: optionalCount,
  decoder_sparse_step: optionalCount,
  mlp_only_layers: z.array(z.number().int().nonnegative()).nullish(),
  kv_lora_rank: optionalCount,
  q_lora_rank: optionalCount,
  qk_nope_head_dim: optionalCount,
  qk_rope_head_dim: optionalCount,
  v_head_dim: optionalCount,
  n_routed_experts: optionalCount,
  n_shared_experts: nonNegative,
  first_k_dense_replace: nonNegative,
  moe_layer_freq: optionalCount,
  topk_method: z.string().nullish(),
  num_nextn_predict_layers: nonNegative,
  attention_bias: z.boolean().nullish(),
  use_qk_norm: z.boolean().nullish(),
  partial_rotary_factor: z.number().positive().nullish(),
  original_max_position_embeddings: optionalCount,
  shared_expert_intermediate_size: nonNegative,
  full_attention_interval: optionalCount,
  linear_conv_kernel_dim: optionalCount,
  linear_key_head_dim: optionalCount,
  linear_value_head_dim: optionalCount,
  linear_num_key_heads: optionalCount,
  linear_num_value_heads: optionalCount,
  altup_num_inputs: optionalCount,
  laurel_rank: optionalCount,
});
export type HfTextConfig = z.infer<typeof AnyTextSchema>;
export type HfRopeConfig = z.infer<typeof RopeSchema>;

/** How a model_type's layers are laid out and what transformers assumes for absent fields. */
export interface FamilyRule {
  readonly schema: z.ZodType<HfTextConfig>;
  readonly family: (c: HfTextConfig) => string;
  /** Tied input/output embeddings when config.json omits `tie_word_embeddings`. */
  readonly tiedByDefault: boolean;
  /** Layer attention kinds when config.json has no `layer_types`: all full, every n-th full, or alternating. */
  readonly layout: 'full' | 'every-nth-full' | 'alternating';
  /** n for `every-nth-full` when no `sliding_window_pattern` is given. */
  readonly defaultPattern?: number;
  readonly defaultSlidingWindow?: number;
  /** head_dim when absent; undefined means hidden_size / heads. */
  readonly defaultHeadDim?: number;
  /** Gemma 4: global layers' head_dim when `global_head_dim` is absent. */
  readonly defaultGlobalHeadDim?: number;
  /** Gemma 4: the last layer is always global (transformers forces it). */
  readonly lastLayerFull?: boolean;
  /** Multi-head latent attention from the DeepSeek fields (kv_lora_rank...). */
  readonly attention?: 'mla';
}

const gemma4Rule = (defaultSlidingWindow: number): FamilyRule => ({
  schema: Gemma4Schema,
  family: () => 'gemma-4',
  tiedByDefault: true,
  layout: 'every-nth-full',
  defaultPattern: 6,
  defaultSlidingWindow,
  defaultHeadDim: 256,
  defaultGlobalHeadDim: 512,
  lastLayerFull: true,
});

const deepseek: FamilyRule = {
  schema: DeepseekSchema,
  family: () => 'deepseek',
  tiedByDefault: false,
  layout: 'full',
  attention: 'mla',
};

/**
 * Text-model rules by model_type. Mistral's `sliding_window` is deliberately not read: llama.cpp converts
 * Mistral as `llama` and attends over the whole context (convert_hf_to_gguf.py MistralModel).
 */
export const FAMILY_RULES: Readonly<Record<string, FamilyRule>> = {
  llama: {
    schema: DenseSchema,
    family: (c) => (c.vocab_size > 100_000 ? 'llama-3' : 'llama-2'),
    tiedByDefault: false,
    layout: 'full',
  },
  mistral: { schema: DenseSchema, family: () => 'mistral', tiedByDefault: false, layout: 'full' },
  qwen2: { schema: DenseSchema, family: () => 'qwen2.5', tiedByDefault: false, layout: 'full' },
  qwen3: { schema: DenseSchema, family: () => 'qwen3', tiedByDefault: false, layout: 'full' },
  qwen3_moe: { schema: Qwen3MoeSchema, family: () => 'qwen3', tiedByDefault: false, layout: 'full' },
  gpt_oss: {
    schema: GptOssSchema,
    family: () => 'gpt-oss',
    tiedByDefault: false,
    layout: 'alternating',
    defaultSlidingWindow: 128,
  },
  gemma3_text: {
    schema: Gemma3Schema,
    family: () => 'gemma-3',
    tiedByDefault: true,
    layout: 'every-nth-full',
    defaultPattern: 6,
    defaultSlidingWindow: 4096,
    defaultHeadDim: 256,
  },
  gemma4_text: gemma4Rule(512),
  gemma4_unified_text: gemma4Rule(1024),
  deepseek_v2: deepseek,
  deepseek_v3: deepseek,
  glm4_moe: { schema: Glm4MoeSchema, family: () => 'glm-4.5', tiedByDefault: false, layout: 'full' },
  // Phi-3's sliding_window is not read: llama.cpp disables Phi SWA (src/models/phi3.cpp, PR #13676).
  phi3: { schema: Phi3Schema, family: () => 'phi-3', tiedByDefault: false, layout: 'full' },
  qwen3_next: {
    schema: Qwen3NextSchema,
    family: () => 'qwen3-next',
    tiedByDefault: false,
    layout: 'full',
  },
  gemma3n_text: {
    schema: Gemma3nSchema,
    family: () => 'gemma-3n',
    tiedByDefault: true,
    layout: 'every-nth-full',
    defaultPattern: 5,
    defaultSlidingWindow: 512,
    defaultHeadDim: 256,
  },
  cohere2: {
    schema: Cohere2Schema,
    family: () => 'command-r',
    tiedByDefault: true,
    layout: 'every-nth-full',
    defaultPattern: 4,
    defaultSlidingWindow: 4096,
  },
  olmo2: { schema: DenseSchema, family: () => 'olmo-2', tiedByDefault: false, layout: 'full' },
  granite: { schema: DenseSchema, family: () => 'granite', tiedByDefault: false, layout: 'full' },
  exaone4: {
    schema: Exaone4Schema,
    family: () => 'exaone-4',
    tiedByDefault: false,
    layout: 'every-nth-full',
    defaultPattern: 4,
    defaultSlidingWindow: 4096,
  },
};

/**
 * Wrapper model_types whose text model sits in `text_config` (or, written flat, is the config itself),
 * and the text model_type they imply when `text_config` names none.
 */
export const WRAPPERS: Readonly<Record<string, string>> = {
  gemma3: 'gemma3_text',
  gemma4: 'gemma4_text',
  gemma4_unified: 'gemma4_unified_text',
  gemma3n: 'gemma3n_text',
  mistral3: 'mistral',
};
