/**
 * @module model/hf-config — builds a ModelArchitecture from a Hugging Face `config.json`. The catalog is
 * written as the same config data, so there is one way to build an architecture. Per-layer rules follow
 * transformers' modeling code (modular_gemma4.py for K=V, KV sharing and double-wide FFN;
 * modeling_qwen3_moe.py for sparse steps).
 */
import type { z } from 'zod';
import { CliffbenchError } from '../errors.js';
import type { AttentionKind, FfnSpec, LayerSpec, ModelArchitecture, RopeScaling } from './architecture.js';
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

function attentionKinds(c: HfTextConfig, rule: FamilyRule): AttentionKind[] {
  const n = c.num_hidden_layers;
  let kinds: AttentionKind[];
  if (c.layer_types) {
    if (c.layer_types.length !== n) {
      throw new CliffbenchError(
        'invalid-config',
        `config.json "layer_types" has ${c.layer_types.length} entries; it needs one per layer (${n}).`,
        { field: 'layer_types' },
      );
    }
    kinds = c.layer_types.map((t) => (t === 'sliding_attention' ? 'sliding' : 'full'));
  } else if (rule.layout === 'full') {
    kinds = Array.from({ length: n }, () => 'full');
  } else if (rule.layout === 'alternating') {
    kinds = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 'sliding' : 'full'));
  } else {
    const every = c.sliding_window_pattern ?? rule.defaultPattern ?? 1;
    kinds = Array.from({ length: n }, (_, i) => ((i + 1) % every === 0 ? 'full' : 'sliding'));
  }
  if (rule.lastLayerFull) kinds[n - 1] = 'full';
  return kinds;
}

function ffnOf(c: HfTextConfig, layer: number, firstShared: number): FfnSpec {
  if (c.num_local_experts) {
    // gpt-oss: every layer is MoE; an expert is as wide as intermediate_size.
    const used = c.num_experts_per_tok as number;
    return {
      kind: 'moe',
      experts: c.num_local_experts,
      expertsUsed: used,
      expertIntermediate: c.intermediate_size,
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
      sharedIntermediate: c.intermediate_size,
    };
  }
  const sparseStep = c.decoder_sparse_step ?? 1;
  const sparse = c.num_experts_per_tok && c.num_experts && c.moe_intermediate_size;
  if (sparse && !c.mlp_only_layers?.includes(layer) && (layer + 1) % sparseStep === 0) {
    // Qwen3-MoE (modeling_qwen3_moe.py Qwen3MoeDecoderLayer); no shared expert.
    return {
      kind: 'moe',
      experts: c.num_experts as number,
      expertsUsed: c.num_experts_per_tok as number,
      expertIntermediate: c.moe_intermediate_size as number,
      sharedIntermediate: 0,
    };
  }
  // Gemma 4 E2B: KV-shared layers get a twice-as-wide FFN when use_double_wide_mlp is set.
  const doubleWide = c.use_double_wide_mlp === true && layer >= firstShared;
  return { kind: 'dense', intermediate: doubleWide ? 2 * c.intermediate_size : c.intermediate_size };
}

function layersOf(c: HfTextConfig, rule: FamilyRule): LayerSpec[] {
  const kinds = attentionKinds(c, rule);
  const kvHeads = c.num_key_value_heads ?? c.num_attention_heads;
  const headDim = c.head_dim ?? rule.defaultHeadDim ?? c.hidden_size / c.num_attention_heads;
  const globalHeadDim = c.global_head_dim ?? rule.defaultGlobalHeadDim;
  const firstShared = c.num_hidden_layers - (c.num_kv_shared_layers ?? 0);
  return kinds.map((attention, i) => {
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
      ffn: ffnOf(c, i, firstShared),
    };
  });
}

/** Context-extension scaling; plain RoPE (`default`) and Gemma 4's per-kind `proportional` RoPE are none. */
function ropeScalingOf(c: HfTextConfig): RopeScaling | undefined {
  const rope: HfRopeConfig | null | undefined = c.rope_scaling ?? c.rope_parameters;
  const type = rope?.rope_type ?? rope?.type;
  if (!rope || !type || type === 'default' || type === 'proportional' || rope.factor === undefined)
    return undefined;
  const original = rope.original_max_position_embeddings;
  return { type, factor: rope.factor, ...(original ? { originalContext: original } : {}) };
}

/**
 * Builds the architecture of a Hugging Face `config.json` (a multimodal wrapper's `text_config` included).
 * @throws CliffbenchError `invalid-config` naming the missing or invalid field and what it accepts, or
 *   `unsupported-architecture` listing the supported model_types.
 */
export function architectureFromHfConfig(json: unknown, options: HfConfigOptions = {}): ModelArchitecture {
  const { config: c, rule } = parseTextConfig(json);
  const layers = layersOf(c, rule);
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
    source: options.source ?? 'config.json',
  };
}
