/**
 * Small hand-built models for the quant and weights tests: llama.cpp tensor names and GGUF shapes for a
 * dense Llama-style decoder and a Qwen3-MoE-style decoder, independent of the model catalog.
 */
import type { LayerSpec, ModelArchitecture, TensorSpec } from '@cliffbench/core';

export interface FixtureShape {
  readonly hidden: number;
  readonly ffn: number;
  readonly layers: number;
  readonly heads: number;
  readonly kvHeads: number;
  readonly headDim?: number;
  readonly vocab: number;
  readonly tied?: boolean;
  /** Routed experts (MoE when set), top-k and expert FFN width. */
  readonly experts?: number;
  readonly expertsUsed?: number;
  readonly expertFfn?: number;
  readonly modelType?: string;
  /** Attention projection biases: Qwen2 has q/k/v biases, gpt-oss q/k/v/o. */
  readonly attnBiases?: 'qkv' | 'qkvo';
  /** gpt-oss: per-head attention sinks, router bias and per-expert biases. */
  readonly sinksAndExpertBiases?: boolean;
}

const tensor = (
  name: string,
  layer: number | null,
  group: TensorSpec['group'],
  shape: number[],
): TensorSpec => ({
  name,
  layer,
  group,
  shape,
  elements: shape.reduce((a, b) => a * b, 1),
});

/** The architecture record for a fixture shape. */
export function fixtureArch(s: FixtureShape): ModelArchitecture {
  const headDim = s.headDim ?? s.hidden / s.heads;
  const layer: LayerSpec = {
    attention: 'full',
    headCount: s.heads,
    kvHeadCount: s.kvHeads,
    headDimK: headDim,
    headDimV: headDim,
    hasVProj: true,
    ffn: s.experts
      ? {
          kind: 'moe',
          experts: s.experts,
          expertsUsed: s.expertsUsed ?? 2,
          expertIntermediate: s.expertFfn ?? s.ffn,
          sharedIntermediate: 0,
        }
      : { kind: 'dense', intermediate: s.ffn },
  };
  return {
    id: 'fixture',
    name: 'Fixture',
    family: 'fixture',
    modelType: s.modelType ?? 'llama',
    hiddenSize: s.hidden,
    vocabSize: s.vocab,
    tiedEmbeddings: s.tied ?? false,
    gatedFfn: true,
    maxContext: 4096,
    layers: Array.from({ length: s.layers }, () => layer),
    source: 'test fixture',
  };
}

/** Every weight tensor of a fixture, named and shaped as llama.cpp writes them. */
export function fixtureTensors(s: FixtureShape): TensorSpec[] {
  const headDim = s.headDim ?? s.hidden / s.heads;
  const q = s.heads * headDim;
  const kv = s.kvHeads * headDim;
  const out: TensorSpec[] = [tensor('token_embd.weight', null, 'token-embedding', [s.hidden, s.vocab])];
  for (let i = 0; i < s.layers; i++) {
    const b = `blk.${i}`;
    out.push(
      tensor(`${b}.attn_norm.weight`, i, 'norm', [s.hidden]),
      tensor(`${b}.attn_q.weight`, i, 'attention', [s.hidden, q]),
      tensor(`${b}.attn_k.weight`, i, 'attention', [s.hidden, kv]),
      tensor(`${b}.attn_v.weight`, i, 'attention', [s.hidden, kv]),
      tensor(`${b}.attn_output.weight`, i, 'attention', [q, s.hidden]),
      tensor(`${b}.ffn_norm.weight`, i, 'norm', [s.hidden]),
    );
    const biased = s.attnBiases === 'qkvo' ? ['q', 'k', 'v', 'output'] : s.attnBiases ? ['q', 'k', 'v'] : [];
    for (const p of biased) {
      out.push(
        tensor(`${b}.attn_${p}.bias`, i, 'attention', [p === 'q' ? q : p === 'output' ? s.hidden : kv]),
      );
    }
    if (s.sinksAndExpertBiases && s.experts) {
      const f = s.expertFfn ?? s.ffn;
      out.push(
        tensor(`${b}.attn_sinks.weight`, i, 'attention', [s.heads]),
        tensor(`${b}.ffn_gate_inp.bias`, i, 'router', [s.experts]),
        tensor(`${b}.ffn_gate_exps.bias`, i, 'experts', [f, s.experts]),
        tensor(`${b}.ffn_up_exps.bias`, i, 'experts', [f, s.experts]),
        tensor(`${b}.ffn_down_exps.bias`, i, 'experts', [s.hidden, s.experts]),
      );
    }
    if (s.experts) {
      const f = s.expertFfn ?? s.ffn;
      out.push(
        tensor(`${b}.ffn_gate_inp.weight`, i, 'router', [s.hidden, s.experts]),
        tensor(`${b}.ffn_gate_exps.weight`, i, 'experts', [s.hidden, f, s.experts]),
        tensor(`${b}.ffn_up_exps.weight`, i, 'experts', [s.hidden, f, s.experts]),
        tensor(`${b}.ffn_down_exps.weight`, i, 'experts', [f, s.hidden, s.experts]),
      );
    } else {
      out.push(
        tensor(`${b}.ffn_gate.weight`, i, 'ffn', [s.hidden, s.ffn]),
        tensor(`${b}.ffn_up.weight`, i, 'ffn', [s.hidden, s.ffn]),
        tensor(`${b}.ffn_down.weight`, i, 'ffn', [s.ffn, s.hidden]),
      );
    }
  }
  out.push(tensor('output_norm.weight', null, 'norm', [s.hidden]));
  if (!s.tied) out.push(tensor('output.weight', null, 'output', [s.hidden, s.vocab]));
  return out;
}

const num = (cfg: Readonly<Record<string, unknown>>, key: string): number | undefined =>
  typeof cfg[key] === 'number' ? (cfg[key] as number) : undefined;

/**
 * A fixture shape from a Hugging Face config.json of the simple families in the validation set (Llama,
 * Qwen2, Qwen3-MoE, gpt-oss, Gemma 3 text). A test stand-in, not the catalog's importer.
 */
export function fixtureFromHfConfig(cfg: Readonly<Record<string, unknown>>): FixtureShape {
  const modelType = String(cfg.model_type);
  const hidden = num(cfg, 'hidden_size') ?? 0;
  const heads = num(cfg, 'num_attention_heads') ?? 1;
  const experts = num(cfg, 'num_local_experts') ?? num(cfg, 'num_experts');
  const ffn = num(cfg, 'intermediate_size') ?? 0;
  return {
    hidden,
    ffn,
    layers: num(cfg, 'num_hidden_layers') ?? 0,
    heads,
    kvHeads: num(cfg, 'num_key_value_heads') ?? heads,
    headDim: num(cfg, 'head_dim') ?? hidden / heads,
    vocab: num(cfg, 'vocab_size') ?? 0,
    tied: cfg.tie_word_embeddings === true,
    modelType,
    ...(experts
      ? {
          experts,
          expertsUsed: num(cfg, 'num_experts_per_tok') ?? 2,
          expertFfn: num(cfg, 'moe_intermediate_size') ?? ffn,
        }
      : {}),
    ...(modelType === 'qwen2' ? { attnBiases: 'qkv' as const } : {}),
    ...(modelType === 'gpt_oss' ? { attnBiases: 'qkvo' as const, sinksAndExpertBiases: true } : {}),
  };
}

/** Llama 2 7B (meta-llama/Llama-2-7b-hf config.json). */
export const llama2_7b: FixtureShape = {
  hidden: 4096,
  ffn: 11008,
  layers: 32,
  heads: 32,
  kvHeads: 32,
  vocab: 32000,
};

/** Qwen3-30B-A3B (Qwen/Qwen3-30B-A3B config.json): 128 experts, top-8, expert FFN 768, head_dim 128. */
export const qwen3_30b_a3b: FixtureShape = {
  hidden: 2048,
  ffn: 6144,
  layers: 48,
  heads: 32,
  kvHeads: 4,
  headDim: 128,
  vocab: 151936,
  experts: 128,
  expertsUsed: 8,
  expertFfn: 768,
  modelType: 'qwen3_moe',
};

/** A Gemma 4 text decoder as llama.cpp lays it out (src/models/gemma4.cpp), for checking file sizes. */
export interface Gemma4Shape {
  readonly hidden: number;
  readonly layers: number;
  readonly ffn: (layer: number) => number;
  readonly heads: number;
  readonly kvHeadsSliding: number;
  readonly kvHeadsGlobal: number;
  /** Every n-th layer (1-based) is global: 5 for E2B, 6 otherwise. */
  readonly globalEvery: number;
  /** Global layers have no v_proj (K=V). */
  readonly kEqV: boolean;
  /** Per-layer embedding width (E-models). */
  readonly ple?: number;
  /** Trailing layers that reuse another layer's KV cache. */
  readonly kvShared?: number;
  /** Keep k/v projections in KV-shared layers (ggml-org's E-model GGUFs do). */
  readonly keepSharedKv?: boolean;
  readonly experts?: number;
  readonly expertFfn?: number;
  readonly expertsUsed?: number;
}

const GEMMA_VOCAB = 262144;

/** Gemma 4 tensors and architecture (head_dim 256 sliding, 512 global; tied embeddings). */
export function gemma4Fixture(g: Gemma4Shape): { tensors: TensorSpec[]; arch: ModelArchitecture } {
  const d = g.hidden;
  const ts: TensorSpec[] = [
    tensor('token_embd.weight', null, 'token-embedding', [d, GEMMA_VOCAB]),
    tensor('output_norm.weight', null, 'norm', [d]),
    tensor('rope_freqs.weight', null, 'other', [256]),
  ];
  if (g.ple) {
    ts.push(
      tensor('per_layer_token_embd.weight', null, 'per-layer-embedding', [g.ple * g.layers, GEMMA_VOCAB]),
      tensor('per_layer_model_proj.weight', null, 'per-layer-embedding', [d, g.ple * g.layers]),
      tensor('per_layer_proj_norm.weight', null, 'norm', [g.ple]),
    );
  }
  const layers: LayerSpec[] = [];
  for (let i = 0; i < g.layers; i++) {
    const global = (i + 1) % g.globalEvery === 0;
    const hd = global ? 512 : 256;
    const kvh = global ? g.kvHeadsGlobal : g.kvHeadsSliding;
    const hasKv = g.keepSharedKv || g.kvShared === undefined || i < g.layers - g.kvShared;
    const hasV = hasKv && !(global && g.kEqV);
    const b = `blk.${i}`;
    const ffnGroup = g.experts ? 'shared-expert' : 'ffn';
    const ff = g.ffn(i);
    ts.push(
      tensor(`${b}.attn_norm.weight`, i, 'norm', [d]),
      tensor(`${b}.attn_q.weight`, i, 'attention', [d, g.heads * hd]),
      tensor(`${b}.attn_q_norm.weight`, i, 'norm', [hd]),
      tensor(`${b}.attn_output.weight`, i, 'attention', [g.heads * hd, d]),
      tensor(`${b}.post_attention_norm.weight`, i, 'norm', [d]),
      tensor(`${b}.layer_output_scale.weight`, i, 'other', [1]),
      tensor(`${b}.ffn_norm.weight`, i, 'norm', [d]),
      tensor(`${b}.ffn_gate.weight`, i, ffnGroup, [d, ff]),
      tensor(`${b}.ffn_up.weight`, i, ffnGroup, [d, ff]),
      tensor(`${b}.ffn_down.weight`, i, ffnGroup, [ff, d]),
      tensor(`${b}.post_ffw_norm.weight`, i, 'norm', [d]),
    );
    if (hasKv) {
      ts.push(
        tensor(`${b}.attn_k.weight`, i, 'attention', [d, kvh * hd]),
        tensor(`${b}.attn_k_norm.weight`, i, 'norm', [hd]),
      );
    }
    if (hasV) ts.push(tensor(`${b}.attn_v.weight`, i, 'attention', [d, kvh * hd]));
    if (g.experts) {
      const e = g.experts;
      const f = g.expertFfn ?? ff;
      ts.push(
        tensor(`${b}.ffn_gate_inp.weight`, i, 'router', [d, e]),
        tensor(`${b}.ffn_gate_inp.scale`, i, 'router', [d]),
        tensor(`${b}.ffn_gate_up_exps.weight`, i, 'experts', [d, 2 * f, e]),
        tensor(`${b}.ffn_down_exps.weight`, i, 'experts', [f, d, e]),
        tensor(`${b}.ffn_down_exps.scale`, i, 'experts', [e]),
        tensor(`${b}.pre_ffw_norm_2.weight`, i, 'norm', [d]),
        tensor(`${b}.post_ffw_norm_1.weight`, i, 'norm', [d]),
        tensor(`${b}.post_ffw_norm_2.weight`, i, 'norm', [d]),
      );
    }
    if (g.ple) {
      ts.push(
        tensor(`${b}.inp_gate.weight`, i, 'per-layer-embedding', [d, g.ple]),
        tensor(`${b}.proj.weight`, i, 'per-layer-embedding', [g.ple, d]),
        tensor(`${b}.post_norm.weight`, i, 'norm', [d]),
      );
    }
    layers.push({
      attention: global ? 'full' : 'sliding',
      headCount: g.heads,
      kvHeadCount: kvh,
      headDimK: hd,
      headDimV: hd,
      hasVProj: !(global && g.kEqV),
      ffn: g.experts
        ? {
            kind: 'moe',
            experts: g.experts,
            expertsUsed: g.expertsUsed ?? 8,
            expertIntermediate: g.expertFfn ?? ff,
            sharedIntermediate: ff,
          }
        : { kind: 'dense', intermediate: ff },
    });
  }
  const arch: ModelArchitecture = {
    id: 'gemma-4-fixture',
    name: 'Gemma 4 fixture',
    family: 'gemma-4',
    modelType: 'gemma4',
    hiddenSize: d,
    vocabSize: GEMMA_VOCAB,
    tiedEmbeddings: true,
    gatedFfn: true,
    maxContext: 262144,
    layers,
    source: 'test fixture after llama.cpp src/models/gemma4.cpp and gemma4.md §1',
  };
  return { tensors: ts, arch };
}

/** Gemma 4 shapes from their config.json files (gemma4.md §1). */
export const gemma4Shapes: Readonly<Record<string, Gemma4Shape>> = {
  'gemma-4-e2b': {
    hidden: 1536,
    layers: 35,
    ffn: (i) => (i >= 15 ? 12288 : 6144),
    heads: 8,
    kvHeadsSliding: 1,
    kvHeadsGlobal: 1,
    globalEvery: 5,
    kEqV: false,
    ple: 256,
    kvShared: 20,
  },
  'gemma-4-e4b': {
    hidden: 2560,
    layers: 42,
    ffn: () => 10240,
    heads: 8,
    kvHeadsSliding: 2,
    kvHeadsGlobal: 2,
    globalEvery: 6,
    kEqV: false,
    ple: 256,
    kvShared: 18,
  },
  'gemma-4-12b': {
    hidden: 3840,
    layers: 48,
    ffn: () => 15360,
    heads: 16,
    kvHeadsSliding: 8,
    kvHeadsGlobal: 1,
    globalEvery: 6,
    kEqV: true,
  },
  'gemma-4-26b-a4b': {
    hidden: 2816,
    layers: 30,
    ffn: () => 2112,
    heads: 16,
    kvHeadsSliding: 8,
    kvHeadsGlobal: 2,
    globalEvery: 6,
    kEqV: true,
    experts: 128,
    expertFfn: 704,
    expertsUsed: 8,
  },
  'gemma-4-31b': {
    hidden: 5376,
    layers: 60,
    ffn: () => 21504,
    heads: 32,
    kvHeadsSliding: 16,
    kvHeadsGlobal: 4,
    globalEvery: 6,
    kEqV: true,
  },
};
