/**
 * @module model/hf-config — builds a ModelArchitecture from a Hugging Face `config.json`. The catalog is
 * written as the same config data, so there is one way to build an architecture. Field names follow
 * transformers' configuration classes (configuration_llama.py, configuration_qwen2/3(_moe).py,
 * configuration_gpt_oss.py, configuration_gemma3.py, configuration_gemma4.py).
 */
import { z } from 'zod';
import { CliffbenchError } from '../errors.js';
import type { AttentionKind, FfnSpec, LayerSpec, ModelArchitecture } from './architecture.js';

const count = z.number().int().positive();
const optionalCount = count.nullish();

/** The config.json fields the estimator reads; everything else is ignored. */
const HfTextConfigSchema = z.looseObject({
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
  sliding_window: optionalCount,
  /** Gemma 3: every n-th layer is global. */
  sliding_window_pattern: optionalCount,
  layer_types: z.array(z.string()).nullish(),
  // Mixture of experts (Mixtral/Qwen-MoE/gpt-oss names, then Gemma 4 names).
  num_local_experts: optionalCount,
  num_experts: optionalCount,
  num_experts_per_tok: optionalCount,
  top_k_experts: optionalCount,
  moe_intermediate_size: optionalCount,
  shared_expert_intermediate_size: optionalCount,
  enable_moe_block: z.boolean().nullish(),
  // Gemma 4 (configuration_gemma4.py).
  num_global_key_value_heads: optionalCount,
  global_head_dim: optionalCount,
  attention_k_eq_v: z.boolean().nullish(),
  num_kv_shared_layers: z.number().int().nonnegative().nullish(),
  hidden_size_per_layer_input: z.number().int().nonnegative().nullish(),
  use_double_wide_mlp: z.boolean().nullish(),
});
type HfTextConfig = z.infer<typeof HfTextConfigSchema>;

interface FamilyRule {
  /** How the layer pattern is read: `types` (layer_types or sliding_window_pattern) or all full. */
  readonly attention: 'full' | 'types';
  /** Tied input/output embeddings when config.json omits `tie_word_embeddings`. */
  readonly tiedByDefault: boolean;
  /** head_dim when config.json omits it; undefined means hidden_size / heads. */
  readonly defaultHeadDim?: number;
  /** Default sliding-window pattern (every n-th layer global) when neither layer_types nor a pattern is given. */
  readonly defaultPattern?: number;
  readonly family: (c: HfTextConfig) => string;
}

/** Per model_type defaults — a table, not a chain of special cases. */
const FAMILY_RULES: Readonly<Record<string, FamilyRule>> = {
  llama: {
    attention: 'full',
    tiedByDefault: false,
    family: (c) => (c.vocab_size > 100_000 ? 'llama-3' : 'llama-2'),
  },
  mistral: { attention: 'full', tiedByDefault: false, family: () => 'mistral' },
  qwen2: { attention: 'full', tiedByDefault: false, family: () => 'qwen2.5' },
  qwen3: { attention: 'full', tiedByDefault: false, family: () => 'qwen3' },
  qwen3_moe: { attention: 'full', tiedByDefault: false, family: () => 'qwen3' },
  gpt_oss: { attention: 'types', tiedByDefault: false, family: () => 'gpt-oss' },
  gemma3_text: {
    attention: 'types',
    tiedByDefault: true,
    defaultHeadDim: 256,
    defaultPattern: 6,
    family: () => 'gemma-3',
  },
  gemma4_text: { attention: 'types', tiedByDefault: true, defaultHeadDim: 256, family: () => 'gemma-4' },
  gemma4_unified: { attention: 'types', tiedByDefault: true, defaultHeadDim: 256, family: () => 'gemma-4' },
};

/** Multimodal wrappers whose text model sits in `text_config`, and the text model_type it implies. */
const WRAPPERS: Readonly<Record<string, string>> = {
  gemma3: 'gemma3_text',
  gemma4: 'gemma4_text',
  mistral3: 'mistral',
  llama4: 'llama',
};

/** The model_types `architectureFromHfConfig` accepts. */
export const supportedModelTypes: readonly string[] = [
  ...Object.keys(FAMILY_RULES),
  ...Object.keys(WRAPPERS),
];

export interface HfConfigOptions {
  /** Catalog id; derived from the config when absent. */
  readonly id?: string;
  readonly name?: string;
  readonly source?: string;
}

function textConfigOf(json: unknown): Record<string, unknown> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new CliffbenchError(
      'invalid-config',
      'config.json must be a JSON object (a Hugging Face model config).',
    );
  }
  const outer = json as Record<string, unknown>;
  const modelType = outer.model_type;
  if (typeof modelType !== 'string') {
    throw new CliffbenchError(
      'invalid-config',
      'config.json has no "model_type" string; it is required to know the architecture.',
      {
        field: 'model_type',
      },
    );
  }
  const inner = outer.text_config;
  if (typeof inner === 'object' && inner !== null && !Array.isArray(inner)) {
    const innerType = (inner as Record<string, unknown>).model_type;
    return {
      ...(inner as Record<string, unknown>),
      model_type: typeof innerType === 'string' ? innerType : (WRAPPERS[modelType] ?? modelType),
      tie_word_embeddings:
        (inner as Record<string, unknown>).tie_word_embeddings ?? outer.tie_word_embeddings,
    };
  }
  return { ...outer, model_type: WRAPPERS[modelType] ?? modelType };
}

function parseTextConfig(json: unknown): HfTextConfig {
  const text = textConfigOf(json);
  const modelType = String(text.model_type);
  if (!FAMILY_RULES[modelType]) {
    throw new CliffbenchError(
      'unsupported-architecture',
      `model_type "${modelType}" is not supported; supported: ${supportedModelTypes.join(', ')}.`,
      { field: 'model_type', value: modelType },
    );
  }
  const parsed = HfTextConfigSchema.safeParse(text);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw new CliffbenchError(
      'invalid-config',
      `config.json field "${field}" is missing or invalid (${issue?.message ?? 'invalid'}); it must be a positive integer or the documented type.`,
      { field },
    );
  }
  return parsed.data;
}

function attentionKinds(c: HfTextConfig, rule: FamilyRule): AttentionKind[] {
  const n = c.num_hidden_layers;
  if (rule.attention === 'full') return Array.from({ length: n }, () => 'full');
  if (c.layer_types) {
    if (c.layer_types.length !== n) {
      throw new CliffbenchError(
        'invalid-config',
        `config.json "layer_types" has ${c.layer_types.length} entries for ${n} layers.`,
        {
          field: 'layer_types',
        },
      );
    }
    return c.layer_types.map((t) => (t === 'sliding_attention' ? 'sliding' : 'full'));
  }
  const pattern = c.sliding_window_pattern ?? rule.defaultPattern;
  if (!pattern) {
    throw new CliffbenchError(
      'invalid-config',
      'config.json needs "layer_types" (or "sliding_window_pattern") for this model_type.',
      {
        field: 'layer_types',
      },
    );
  }
  return Array.from({ length: n }, (_, i) => ((i + 1) % pattern === 0 ? 'full' : 'sliding'));
}

function ffnOf(c: HfTextConfig, layer: number, firstShared: number): FfnSpec {
  const experts = c.num_local_experts ?? c.num_experts;
  const moe = experts !== undefined && experts !== null && c.enable_moe_block !== false;
  if (moe) {
    const used = c.num_experts_per_tok ?? c.top_k_experts;
    if (!used) {
      throw new CliffbenchError(
        'invalid-config',
        'an MoE config.json needs "num_experts_per_tok" (or "top_k_experts").',
        {
          field: 'num_experts_per_tok',
        },
      );
    }
    // Gemma 4 26B A4B: intermediate_size is the dense "shared" MLP that runs beside the routed experts.
    const sharedIntermediate = c.model_type.startsWith('gemma4')
      ? c.intermediate_size
      : (c.shared_expert_intermediate_size ?? 0);
    return {
      kind: 'moe',
      experts,
      expertsUsed: used,
      expertIntermediate: c.moe_intermediate_size ?? c.intermediate_size,
      sharedIntermediate,
    };
  }
  const doubleWide = c.use_double_wide_mlp === true && layer >= firstShared;
  return { kind: 'dense', intermediate: doubleWide ? 2 * c.intermediate_size : c.intermediate_size };
}

function layersOf(c: HfTextConfig, rule: FamilyRule): LayerSpec[] {
  const kinds = attentionKinds(c, rule);
  const kvHeads = c.num_key_value_heads ?? c.num_attention_heads;
  const headDim = c.head_dim ?? rule.defaultHeadDim ?? c.hidden_size / c.num_attention_heads;
  const firstShared = c.num_hidden_layers - (c.num_kv_shared_layers ?? 0);
  return kinds.map((attention, i) => {
    const global = attention === 'full' && c.global_head_dim !== undefined && c.global_head_dim !== null;
    const dim = global ? (c.global_head_dim as number) : headDim;
    // Gemma 4: a shared layer reads the cache of the last non-shared layer of the same kind (modular_gemma4.py).
    const kvSharedFrom = i >= firstShared ? kinds.lastIndexOf(attention, firstShared - 1) : -1;
    return {
      attention,
      headCount: c.num_attention_heads,
      kvHeadCount: global ? (c.num_global_key_value_heads ?? kvHeads) : kvHeads,
      headDimK: dim,
      headDimV: dim,
      hasVProj: !(global && c.attention_k_eq_v === true),
      ...(kvSharedFrom >= 0 ? { kvSharedFrom } : {}),
      ffn: ffnOf(c, i, firstShared),
    };
  });
}

/**
 * Builds the architecture of a Hugging Face `config.json` (nested `text_config` included).
 * @throws CliffbenchError `invalid-config` naming the missing or invalid field, or `unsupported-architecture`.
 */
export function architectureFromHfConfig(json: unknown, options: HfConfigOptions = {}): ModelArchitecture {
  const c = parseTextConfig(json);
  const rule = FAMILY_RULES[c.model_type] as FamilyRule;
  const layers = layersOf(c, rule);
  const hasSliding = layers.some((l) => l.attention === 'sliding');
  if (hasSliding && !c.sliding_window) {
    throw new CliffbenchError(
      'invalid-config',
      'config.json has sliding-attention layers but no "sliding_window" size.',
      {
        field: 'sliding_window',
      },
    );
  }
  const ple = c.hidden_size_per_layer_input ?? 0;
  const id = options.id ?? `${c.model_type}-${c.num_hidden_layers}l-${c.hidden_size}d`;
  return {
    id,
    name: options.name ?? `${c.model_type} (${c.num_hidden_layers} layers × ${c.hidden_size})`,
    family: rule.family(c),
    modelType: c.model_type,
    hiddenSize: c.hidden_size,
    vocabSize: c.vocab_size,
    tiedEmbeddings: c.tie_word_embeddings ?? rule.tiedByDefault,
    gatedFfn: true,
    ...(hasSliding ? { slidingWindow: c.sliding_window as number } : {}),
    ...(ple > 0 ? { perLayerInputSize: ple } : {}),
    maxContext: c.max_position_embeddings ?? 4096,
    layers,
    source: options.source ?? 'config.json',
  };
}
