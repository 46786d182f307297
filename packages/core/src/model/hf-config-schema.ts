/**
 * @module model/hf-config-schema — one zod schema per accepted Hugging Face config.json shape (the text
 * model's fields only) and the per-model_type defaults transformers applies when a field is absent.
 * Field names and defaults: transformers configuration_{llama,mistral,qwen2,qwen3,qwen3_moe,gpt_oss,
 * gemma3,gemma4,gemma4_unified}.py.
 */
import { z } from 'zod';

const count = z.number().int().positive();
const optionalCount = count.nullish();
const layerType = z.enum(['sliding_attention', 'full_attention']);

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

/** Every field any accepted shape has (each family's schema yields a subset). */
const AnyTextSchema = Gemma4Schema.extend({
  num_local_experts: optionalCount,
  num_experts_per_tok: optionalCount,
  decoder_sparse_step: optionalCount,
  mlp_only_layers: z.array(z.number().int().nonnegative()).nullish(),
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
};

/**
 * Wrapper model_types whose text model sits in `text_config` (or, written flat, is the config itself),
 * and the text model_type they imply when `text_config` names none.
 */
export const WRAPPERS: Readonly<Record<string, string>> = {
  gemma3: 'gemma3_text',
  gemma4: 'gemma4_text',
  gemma4_unified: 'gemma4_unified_text',
  mistral3: 'mistral',
};
