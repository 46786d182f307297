/**
 * @module model/tensors-of — every weight tensor of an architecture, named and shaped as llama.cpp's GGUF
 * files hold them (tensor lists in llama.cpp src/llama-arch.cpp; graphs in src/models/<arch>.cpp). The
 * extra tensors each family carries (biases, q/k norms, sandwich norms, sinks...) are a data table.
 */
import type { LayerSpec, ModelArchitecture } from './architecture.js';
import type { TensorGroup, TensorSpec } from './tensors.js';

interface Layout {
  /** Attention projections with a bias vector. */
  readonly attnBiases: readonly ('q' | 'k' | 'v' | 'output')[];
  /** Per-head RMS norms on q and k (Gemma 3/4, Qwen3). */
  readonly qkNorm: boolean;
  /** Gemma's extra norms after attention and after the FFN. */
  readonly sandwichNorms: boolean;
  /** gpt-oss: per-head attention sinks, router bias and per-expert biases. */
  readonly sinksAndExpertBiases: boolean;
  /** Gemma 4 stores gate and up of the experts as one tensor, plus router/down scales. */
  readonly gemma4Moe: boolean;
  /** Gemma 4 per-layer output scalar and the global-layer rope_freqs vector. */
  readonly gemma4Extras: boolean;
  /** ggml-org's Gemma 4 E-model files keep attn_k/attn_v of KV-shared layers although they are unused. */
  readonly keepSharedKv: boolean;
  /** Name of the norm in front of the FFN: gpt-oss calls it post_attention_norm (src/models/openai-moe-iswa.cpp). */
  readonly ffnNorm: 'ffn_norm' | 'post_attention_norm';
}

const PLAIN: Layout = {
  attnBiases: [],
  qkNorm: false,
  sandwichNorms: false,
  sinksAndExpertBiases: false,
  gemma4Moe: false,
  gemma4Extras: false,
  keepSharedKv: false,
  ffnNorm: 'ffn_norm',
};
const GEMMA4: Layout = {
  ...PLAIN,
  qkNorm: true,
  sandwichNorms: true,
  gemma4Moe: true,
  gemma4Extras: true,
  keepSharedKv: true,
};

/** Tensor layout per model_type; unknown types get the plain Llama layout. */
const LAYOUTS: Readonly<Record<string, Layout>> = {
  llama: PLAIN,
  mistral: PLAIN,
  qwen2: { ...PLAIN, attnBiases: ['q', 'k', 'v'] },
  qwen3: { ...PLAIN, qkNorm: true },
  qwen3_moe: { ...PLAIN, qkNorm: true },
  gpt_oss: {
    ...PLAIN,
    attnBiases: ['q', 'k', 'v', 'output'],
    sinksAndExpertBiases: true,
    ffnNorm: 'post_attention_norm',
  },
  gemma3_text: { ...PLAIN, qkNorm: true, sandwichNorms: true },
  gemma4_text: GEMMA4,
  gemma4_unified_text: GEMMA4,
};

const t = (name: string, layer: number | null, group: TensorGroup, shape: number[]): TensorSpec => ({
  name,
  layer,
  group,
  shape,
  elements: shape.reduce((a, b) => a * b, 1),
});

function attentionTensors(i: number, l: LayerSpec, d: number, layout: Layout): TensorSpec[] {
  const b = `blk.${i}`;
  const q = l.headCount * l.headDimK;
  const k = l.kvHeadCount * l.headDimK;
  const v = l.kvHeadCount * l.headDimV;
  const ownsKv = l.kvSharedFrom === undefined || layout.keepSharedKv;
  const out = [t(`${b}.attn_norm.weight`, i, 'norm', [d]), t(`${b}.attn_q.weight`, i, 'attention', [d, q])];
  if (ownsKv) out.push(t(`${b}.attn_k.weight`, i, 'attention', [d, k]));
  if (ownsKv && l.hasVProj) out.push(t(`${b}.attn_v.weight`, i, 'attention', [d, v]));
  out.push(t(`${b}.attn_output.weight`, i, 'attention', [l.headCount * l.headDimV, d]));
  const biasWidth = { q, k, v, output: d } as const;
  for (const p of layout.attnBiases) out.push(t(`${b}.attn_${p}.bias`, i, 'attention', [biasWidth[p]]));
  if (layout.qkNorm) {
    out.push(t(`${b}.attn_q_norm.weight`, i, 'norm', [l.headDimK]));
    if (ownsKv) out.push(t(`${b}.attn_k_norm.weight`, i, 'norm', [l.headDimK]));
  }
  if (layout.sandwichNorms) out.push(t(`${b}.post_attention_norm.weight`, i, 'norm', [d]));
  if (layout.sinksAndExpertBiases) out.push(t(`${b}.attn_sinks.weight`, i, 'attention', [l.headCount]));
  return out;
}

function ffnTensors(i: number, l: LayerSpec, d: number, layout: Layout): TensorSpec[] {
  const b = `blk.${i}`;
  const out = [t(`${b}.${layout.ffnNorm}.weight`, i, 'norm', [d])];
  const ffn = l.ffn;
  const dense = (f: number, group: TensorGroup) => [
    t(`${b}.ffn_gate.weight`, i, group, [d, f]),
    t(`${b}.ffn_up.weight`, i, group, [d, f]),
    t(`${b}.ffn_down.weight`, i, group, [f, d]),
  ];
  if (ffn.kind === 'dense') {
    out.push(...dense(ffn.intermediate, 'ffn'));
  } else {
    const { experts: e, expertIntermediate: f } = ffn;
    if (ffn.sharedIntermediate > 0) out.push(...dense(ffn.sharedIntermediate, 'shared-expert'));
    out.push(t(`${b}.ffn_gate_inp.weight`, i, 'router', [d, e]));
    if (layout.gemma4Moe) {
      out.push(
        t(`${b}.ffn_gate_inp.scale`, i, 'router', [d]),
        t(`${b}.ffn_gate_up_exps.weight`, i, 'experts', [d, 2 * f, e]),
        t(`${b}.ffn_down_exps.weight`, i, 'experts', [f, d, e]),
        t(`${b}.ffn_down_exps.scale`, i, 'experts', [e]),
        t(`${b}.pre_ffw_norm_2.weight`, i, 'norm', [d]),
        t(`${b}.post_ffw_norm_1.weight`, i, 'norm', [d]),
        t(`${b}.post_ffw_norm_2.weight`, i, 'norm', [d]),
      );
    } else {
      out.push(
        t(`${b}.ffn_gate_exps.weight`, i, 'experts', [d, f, e]),
        t(`${b}.ffn_up_exps.weight`, i, 'experts', [d, f, e]),
        t(`${b}.ffn_down_exps.weight`, i, 'experts', [f, d, e]),
      );
    }
    if (layout.sinksAndExpertBiases) {
      out.push(
        t(`${b}.ffn_gate_inp.bias`, i, 'router', [e]),
        t(`${b}.ffn_gate_exps.bias`, i, 'experts', [f, e]),
        t(`${b}.ffn_up_exps.bias`, i, 'experts', [f, e]),
        t(`${b}.ffn_down_exps.bias`, i, 'experts', [d, e]),
      );
    }
  }
  if (layout.sandwichNorms) out.push(t(`${b}.post_ffw_norm.weight`, i, 'norm', [d]));
  return out;
}

function perLayerEmbeddingTensors(i: number, d: number, ple: number): TensorSpec[] {
  const b = `blk.${i}`;
  return [
    t(`${b}.inp_gate.weight`, i, 'per-layer-embedding', [d, ple]),
    t(`${b}.proj.weight`, i, 'per-layer-embedding', [ple, d]),
    t(`${b}.post_norm.weight`, i, 'norm', [d]),
  ];
}

/** Every weight tensor of `arch`, with llama.cpp names and GGUF shapes (innermost dimension first). */
export function tensorsOf(arch: ModelArchitecture): TensorSpec[] {
  const layout = LAYOUTS[arch.modelType] ?? PLAIN;
  const d = arch.hiddenSize;
  const ple = arch.perLayerInputSize ?? 0;
  const n = arch.layers.length;
  const out: TensorSpec[] = [t('token_embd.weight', null, 'token-embedding', [d, arch.vocabSize])];
  if (ple > 0) {
    out.push(
      t('per_layer_token_embd.weight', null, 'per-layer-embedding', [ple * n, arch.vocabSize]),
      t('per_layer_model_proj.weight', null, 'per-layer-embedding', [d, ple * n]),
      t('per_layer_proj_norm.weight', null, 'norm', [ple]),
    );
  }
  if (layout.gemma4Extras || arch.ropeScaling?.type === 'llama3') {
    // Gemma 4: proportional-RoPE factors of the global layers; Llama 3.1+: the llama3 scaling factors
    // (convert_hf_to_gguf.py LlamaModel.generate_extra_tensors). One per rotary pair of the widest head.
    const headDim = Math.max(...arch.layers.map((l) => l.headDimK));
    out.push(t('rope_freqs.weight', null, 'other', [headDim / 2]));
  }
  arch.layers.forEach((l, i) => {
    out.push(...attentionTensors(i, l, d, layout), ...ffnTensors(i, l, d, layout));
    if (ple > 0) out.push(...perLayerEmbeddingTensors(i, d, ple));
    if (layout.gemma4Extras) out.push(t(`blk.${i}.layer_output_scale.weight`, i, 'other', [1]));
  });
  out.push(t('output_norm.weight', null, 'norm', [d]));
  if (!arch.tiedEmbeddings) out.push(t('output.weight', null, 'output', [d, arch.vocabSize]));
  return out;
}
