/**
 * @module model/hf-config — builds a ModelArchitecture from a Hugging Face `config.json`. The catalog is
 * written as the same config data, so there is one way to build an architecture. Per-layer rules follow
 * transformers' modeling code (modular_gemma4.py for K=V, KV sharing and double-wide FFN;
 * modeling_qwen3_moe.py for sparse steps).
 */
import type { z } from 'zod';
import { CliffbenchError } from '../errors.js';
import type {
  AttentionKind,
  FfnSpec,
  LayerSpec,
  MlaSpec,
  ModelArchitecture,
  RecurrentSpec,
  RopeScaling,
} from './architecture.js';
import {
  FAMILY_RULES,
  type FamilyRule,
  type HfRopeConfig,
  type HfTextConfig,
  WRAPPERS,
} from './hf-config-schema.js';

/** The model_types `architectureFromHfConfig` accepts (text models, then multimodal wrappers). */
export const supportedModelTypes: readonly string[] = [
  ...Object.keys(FAMILY_RULES),
  ...Object.keys(WRAPPERS),
];

export interface HfConfigOptions {
  /** Catalog id; derived from the config when absent (`<model_type>-<layers>l-<hidden>d`). */
  readonly id?: string;
  /** Human name; derived from the config when absent. */
  readonly name?: string;
  /** Where the config came from. @default 'config.json' */
  readonly source?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The text model's fields: `text_config` of a multimodal wrapper, else the config itself. */
function textConfigOf(json: unknown): Record<string, unknown> {
  if (!isRecord(json)) {
    throw new CliffbenchError(
      'invalid-config',
      'config.json must be a JSON object (a Hugging Face model config).',
    );
  }
  const modelType = json.model_type;
  if (typeof modelType !== 'string') {
    throw new CliffbenchError(
      'invalid-config',
      `config.json has no "model_type" string; it names the architecture (one of: ${supportedModelTypes.join(', ')}).`,
      { field: 'model_type' },
    );
  }
  const inner = json.text_config;
  if (!isRecord(inner)) return { ...json, model_type: WRAPPERS[modelType] ?? modelType };
  const innerType = inner.model_type;
  return {
    ...inner,
    model_type: typeof innerType === 'string' ? innerType : (WRAPPERS[modelType] ?? modelType),
    tie_word_embeddings: inner.tie_word_embeddings ?? json.tie_word_embeddings,
  };
}

const ACCEPTED: Readonly<Record<string, string>> = {
  number: 'a positive integer',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  string: 'a string',
};

function invalidField(issue: z.core.$ZodIssue | undefined, modelType: string): CliffbenchError {
  const field = issue?.path.join('.') ?? '';
  const missing = issue?.code === 'invalid_type' && /received undefined/.test(issue.message);
  const expected = issue?.code === 'invalid_type' ? ACCEPTED[issue.expected] : undefined;
  const accepted =
    issue?.code === 'invalid_value'
      ? `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
      : (expected ?? 'a positive integer');
  return new CliffbenchError(
    'invalid-config',
    `config.json field "${field}" is ${missing ? 'missing' : `invalid (${issue?.message ?? 'invalid'})`}; a ${modelType} config needs ${accepted} there.`,
    { field },
  );
}

function parseTextConfig(json: unknown): { config: HfTextConfig; rule: FamilyRule } {
  const text = textConfigOf(json);
  const modelType = String(text.model_type);
  const rule = FAMILY_RULES[modelType];
  if (!rule) {
    throw new CliffbenchError(
      'unsupported-architecture',
      `model_type "${modelType}" is not supported; supported: ${supportedModelTypes.join(', ')}.`,
      { field: 'model_type', value: modelType },
    );
  }
  const parsed = rule.schema.safeParse(text);
  if (!parsed.success) throw invalidField(parsed.error.issues[0], modelType);
  return { config: parsed.data, rule };
}

/** What each layer mixes tokens with: attention over the whole context or a window, or a recurrent (linear) mixer. */
type Mixer = AttentionKind | 'linear';

/** EXAONE 4.0's `sliding_window_pattern` may be a string of L (local) and G (global), repeated over the layers. */
function patternKinds(pattern: string, n: number): Mixer[] {
  return Array.from({ length: n }, (_, i) => (pattern[i % pattern.length] === 'L' ? 'sliding' : 'full'));
}

function mixersOf(c: HfTextConfig, rule: FamilyRule): Mixer[] {
  const n = c.num_hidden_layers;
  let kinds: Mixer[];
  const linear = c.linear_num_value_heads !== undefined && c.linear_num_value_heads !== null;
  if (c.layer_types) {
    if (c.layer_types.length !== n) {
      throw new CliffbenchError(
        'invalid-config',
        `config.json "layer_types" has ${c.layer_types.length} entries; it needs one per layer (${n}).`,
        { field: 'layer_types' },
      );
    }
    kinds = c.layer_types.map((t) =>
      t === 'sliding_attention' ? 'sliding' : t === 'linear_attention' ? 'linear' : 'full',
    );
  } else if (linear) {
    // configuration_qwen3_next.py: layer_types default to full attention every full_attention_interval-th layer.
    const every = c.full_attention_interval ?? 4;
    kinds = Array.from({ length: n }, (_, i) => ((i + 1) % every === 0 ? 'full' : 'linear'));
  } else if (rule.layout === 'full') {
    kinds = Array.from({ length: n }, () => 'full');
  } else if (rule.layout === 'alternating') {
    kinds = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 'sliding' : 'full'));
  } else if (typeof c.sliding_window_pattern === 'string') {
    kinds = patternKinds(c.sliding_window_pattern, n);
  } else {
    const every = c.sliding_window_pattern ?? rule.defaultPattern ?? 1;
    kinds = Array.from({ length: n }, (_, i) => ((i + 1) % every === 0 ? 'full' : 'sliding'));
  }
  // A window of null (EXAONE 4.0 1.2B) means none: every layer attends over the whole context.
  if (c.sliding_window === null || (c.sliding_window === undefined && !rule.defaultSlidingWindow)) {
    if (rule.layout !== 'alternating') kinds = kinds.map((k) => (k === 'sliding' ? 'full' : k));
  }
  if (rule.lastLayerFull) kinds[n - 1] = 'full';
  return kinds;
}

/** FFN width of a layer: `intermediate_size`, or its entry when the config lists one per layer (Gemma 3n). */
function ffnWidth(c: HfTextConfig, layer: number): number {
  const width = c.intermediate_size;
  return typeof width === 'number' ? width : (width[layer] ?? width[width.length - 1] ?? 0);
}

function ffnOf(c: HfTextConfig, layer: number, firstShared: number): FfnSpec {
  const intermediate = ffnWidth(c, layer);
  if (c.num_local_experts) {
    // gpt-oss: every layer is MoE; an expert is as wide as intermediate_size.
    const used = c.num_experts_per_tok as number;
    return {
      kind: 'moe',
      experts: c.num_local_experts,
      expertsUsed: used,
      expertIntermediate: intermediate,
      sharedIntermediate: 0,
    };
  }
  if (c.enable_moe_block) {
    // Gemma 4 26B A4B: intermediate_size is the dense "shared" MLP that runs beside the routed experts.
    if (!c.num_experts || !c.top_k_experts || !c.moe_intermediate_size) {
      const field = !c.num_experts
        ? 'num_experts'
        : !c.top_k_experts
          ? 'top_k_experts'
          : 'moe_intermediate_size';
      throw new CliffbenchError(
        'invalid-config',
        `config.json has "enable_moe_block": true but no "${field}"; it needs a positive integer there.`,
        { field },
      );
    }
    return {
      kind: 'moe',
      experts: c.num_experts,
      expertsUsed: c.top_k_experts,
      expertIntermediate: c.moe_intermediate_size,
      sharedIntermediate: intermediate,
    };
  }
  if (c.n_routed_experts && c.moe_intermediate_size && c.num_experts_per_tok) {
    // DeepSeek-V2/V3 and GLM-4.5 (modeling_deepseek_v2.py, modeling_glm4_moe.py): dense below
    // first_k_dense_replace, then MoE every moe_layer_freq-th layer, with n_shared_experts experts always on.
    const dense = layer < (c.first_k_dense_replace ?? 0) || layer % (c.moe_layer_freq ?? 1) !== 0;
    if (dense) return { kind: 'dense', intermediate };
    return {
      kind: 'moe',
      experts: c.n_routed_experts,
      expertsUsed: c.num_experts_per_tok,
      expertIntermediate: c.moe_intermediate_size,
      sharedIntermediate: (c.n_shared_experts ?? 0) * c.moe_intermediate_size,
    };
  }
  const sparseStep = c.decoder_sparse_step ?? 1;
  const sparse = c.num_experts_per_tok && c.num_experts && c.moe_intermediate_size;
  if (sparse && !c.mlp_only_layers?.includes(layer) && (layer + 1) % sparseStep === 0) {
    // Qwen3-MoE (modeling_qwen3_moe.py Qwen3MoeDecoderLayer), no shared expert; Qwen3-Next adds a gated shared
    // expert of shared_expert_intermediate_size (modeling_qwen3_next.py Qwen3NextSparseMoeBlock).
    return {
      kind: 'moe',
      experts: c.num_experts as number,
      expertsUsed: c.num_experts_per_tok as number,
      expertIntermediate: c.moe_intermediate_size as number,
      sharedIntermediate: c.shared_expert_intermediate_size ?? 0,
    };
  }
  // Gemma 4 E2B: KV-shared layers get a twice-as-wide FFN when use_double_wide_mlp is set.
  const doubleWide = c.use_double_wide_mlp === true && layer >= firstShared;
  return { kind: 'dense', intermediate: doubleWide ? 2 * intermediate : intermediate };
}

/**
 * A Gated DeltaNet layer's state as llama.cpp sizes it (src/llama-hparams.cpp n_embd_r/n_embd_s with the GGUF keys
 * the converter writes from these fields: ssm.conv_kernel = linear_conv_kernel_dim, ssm.state_size =
 * linear_key_head_dim, ssm.group_count = linear_num_key_heads, ssm.time_step_rank = linear_num_value_heads,
 * ssm.inner_size = linear_value_head_dim × linear_num_value_heads; llama.cpp conversion/qwen.py Qwen3NextModel).
 */
function gatedDeltaNetOf(c: HfTextConfig): RecurrentSpec {
  const convKernel = c.linear_conv_kernel_dim ?? 4;
  const stateSize = c.linear_key_head_dim ?? 0;
  const groups = c.linear_num_key_heads ?? 0;
  const timeStepRank = c.linear_num_value_heads ?? 0;
  const innerSize = (c.linear_value_head_dim ?? 0) * timeStepRank;
  return {
    kind: 'gated-delta-net',
    convState: (convKernel - 1) * (innerSize + 2 * groups * stateSize),
    ssmState: stateSize * innerSize,
    convKernel,
    innerSize,
    stateSize,
    groups,
    timeStepRank,
  };
}

/** MLA geometry: llama.cpp caches one latent of kv_lora_rank plus the rotary key per token and layer. */
function mlaOf(c: HfTextConfig): MlaSpec | undefined {
  if (!c.kv_lora_rank || !c.qk_rope_head_dim) return undefined;
  return { kvLoraRank: c.kv_lora_rank, qLoraRank: c.q_lora_rank ?? 0, ropeDim: c.qk_rope_head_dim };
}

function layersOf(c: HfTextConfig, rule: FamilyRule): LayerSpec[] {
  const mixers = mixersOf(c, rule);
  const kinds: AttentionKind[] = mixers.map((m) => (m === 'linear' ? 'full' : m));
  const kvHeads = c.num_key_value_heads ?? c.num_attention_heads;
  const headDim = c.head_dim ?? rule.defaultHeadDim ?? c.hidden_size / c.num_attention_heads;
  const globalHeadDim = c.global_head_dim ?? rule.defaultGlobalHeadDim;
  const firstShared = c.num_hidden_layers - (c.num_kv_shared_layers ?? 0);
  const mla = rule.attention === 'mla' ? mlaOf(c) : undefined;
  const recurrent = mixers.includes('linear') ? gatedDeltaNetOf(c) : undefined;
  return kinds.map((attention, i) => {
    const ffn = ffnOf(c, i, firstShared);
    if (mixers[i] === 'linear' && recurrent) {
      return {
        attention,
        headCount: 0,
        kvHeadCount: 0,
        headDimK: 0,
        headDimV: 0,
        hasVProj: true,
        recurrent,
        ffn,
      };
    }
    if (mla) {
      // The converter writes head_count_kv 1 for MLA models (llama.cpp conversion/deepseek.py): one latent "head".
      return {
        attention,
        headCount: c.num_attention_heads,
        kvHeadCount: 1,
        headDimK: (c.qk_nope_head_dim ?? 0) + mla.ropeDim,
        headDimV: c.v_head_dim ?? headDim,
        hasVProj: true,
        mla,
        ffn,
      };
    }
    const global = attention === 'full' && globalHeadDim !== undefined;
    const dim = global ? globalHeadDim : headDim;
    // configuration_gemma4.py: num_global_key_value_heads applies only when attention_k_eq_v is set.
    const globalKvHeads = c.attention_k_eq_v ? (c.num_global_key_value_heads ?? kvHeads) : kvHeads;
    // modular_gemma4.py: a shared layer reads the cache of the last non-shared layer of the same kind.
    const kvSharedFrom = i >= firstShared ? kinds.lastIndexOf(attention, firstShared - 1) : -1;
    return {
      attention,
      headCount: c.num_attention_heads,
      kvHeadCount: global ? globalKvHeads : kvHeads,
      headDimK: dim,
      headDimV: dim,
      hasVProj: !(global && c.attention_k_eq_v === true),
      ...(kvSharedFrom >= 0 ? { kvSharedFrom } : {}),
      ffn,
    };
  });
}

/**
 * GLM-4.5's `num_nextn_predict_layers` MTP blocks, which its GGUFs keep after the layers (llama.cpp
 * conversion/glm.py Glm4MoeModel: block_count = num_hidden_layers + num_nextn_predict_layers): full-attention
 * layers of the same shape, MoE like the layers after the dense ones.
 */
function mtpLayersOf(c: HfTextConfig, layers: readonly LayerSpec[]): LayerSpec[] {
  const count = c.num_nextn_predict_layers ?? 0;
  const n = c.num_hidden_layers;
  return Array.from({ length: count }, (_, j) => {
    const base = layers[n - 1] as LayerSpec;
    return { ...base, attention: 'full', ffn: ffnOf(c, n + j, n) };
  });
}

/** Context-extension scaling; plain RoPE (`default`) and Gemma 4's per-kind `proportional` RoPE are none. */
function ropeScalingOf(c: HfTextConfig): RopeScaling | undefined {
  const rope: HfRopeConfig | null | undefined = c.rope_scaling ?? c.rope_parameters;
  const type = rope?.rope_type ?? rope?.type;
  const original = rope?.original_max_position_embeddings ?? c.original_max_position_embeddings ?? undefined;
  if (!rope || !type || type === 'default' || type === 'proportional') return undefined;
  // Phi-3 longrope (configuration_phi3.py): per-frequency factors and no scalar; the extension is
  // max_position_embeddings / original_max_position_embeddings.
  const factor =
    rope.factor ??
    ((type === 'longrope' || type === 'su') && original && c.max_position_embeddings
      ? c.max_position_embeddings / original
      : undefined);
  if (factor === undefined) return undefined;
  return { type, factor, ...(original ? { originalContext: original } : {}) };
}

/**
 * Builds the architecture of a Hugging Face `config.json` (a multimodal wrapper's `text_config` included).
 * @throws CliffbenchError `invalid-config` naming the missing or invalid field and what it accepts, or
 *   `unsupported-architecture` listing the supported model_types.
 */
export function architectureFromHfConfig(json: unknown, options: HfConfigOptions = {}): ModelArchitecture {
  const { config: c, rule } = parseTextConfig(json);
  const layers = layersOf(c, rule);
  const mtpLayers = mtpLayersOf(c, layers);
  const hasSliding = layers.some((l) => l.attention === 'sliding');
  const window = c.sliding_window ?? rule.defaultSlidingWindow;
  const ple = c.hidden_size_per_layer_input ?? 0;
  const ropeScaling = ropeScalingOf(c);
  return {
    id: options.id ?? `${c.model_type}-${c.num_hidden_layers}l-${c.hidden_size}d`,
    name: options.name ?? `${c.model_type} (${c.num_hidden_layers} layers × ${c.hidden_size})`,
    family: rule.family(c),
    modelType: c.model_type,
    hiddenSize: c.hidden_size,
    vocabSize: c.vocab_size,
    tiedEmbeddings: c.tie_word_embeddings ?? rule.tiedByDefault,
    gatedFfn: true,
    ...(hasSliding && window ? { slidingWindow: window } : {}),
    ...(ple > 0 ? { perLayerInputSize: ple } : {}),
    maxContext: c.max_position_embeddings ?? 4096,
    ...(ropeScaling ? { ropeScaling } : {}),
    layers,
    // llama.cpp allocates KV cache for GLM-4.5's MTP block in the main context (src/llama-model.cpp create_memory
    // filters only other architectures), as the GGUF path assumes.
    ...(mtpLayers.length > 0 ? { mtpLayers, mtpKvCached: true } : {}),
    source: options.source ?? 'config.json',
  };
}
