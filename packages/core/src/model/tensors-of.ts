/**
 * @module model/tensors-of — every weight tensor of an architecture, named and shaped as llama.cpp's GGUF
 * files hold them (tensor names in llama.cpp src/llama-arch.cpp LLM_TENSOR_NAMES; shapes from each
 * architecture's load_arch_tensors in src/models/<arch>.cpp; what the converter writes in conversion/<family>.py).
 * The extra tensors each family carries (biases, q/k norms, sandwich norms, sinks, fused projections...) are a
 * data table; latent attention (MLA), Gated DeltaNet mixers and MTP blocks follow from the layer specs.
 */
import type { LayerSpec, ModelArchitecture, RecurrentSpec } from './architecture.js';
import type { TensorGroup, TensorSpec } from './tensors.js';

interface Layout {
  /** Attention projections with a bias vector. */
  readonly attnBiases: readonly ('q' | 'k' | 'v' | 'output')[];
  /** RMS norms on q and k: per head (Gemma 3/4, Qwen3, EXAONE 4) or over all heads (OLMo 2). */
  readonly qkNorm: false | 'head' | 'all-heads';
  /** The norm in front of attention (`attn_norm`); OLMo 2 and EXAONE 4 normalise after instead. */
  readonly attnNorm: boolean;
  /**
   * The norm in front of the FFN: `ffn_norm`, or `post_attention_norm` (gpt-oss src/models/openai-moe-iswa.cpp,
   * GLM-4.5, Qwen3-Next), or none (Command R's parallel block; OLMo 2 and EXAONE 4's post-norms).
   */
  readonly ffnNorm: 'ffn_norm' | 'post_attention_norm' | 'none';
  /** Norms after attention and after the FFN (`post_attention_norm`, `post_ffw_norm`: Gemma, OLMo 2, EXAONE 4). */
  readonly postNorms: boolean;
  /** Q, K and V in one `attn_qkv` tensor and gate and up in one `ffn_up` (Phi-3: convert writes them fused). */
  readonly fused: boolean;
  /** Qwen3-Next full-attention layers project Q and its output gate together: attn_q is twice as wide. */
  readonly gatedQuery: boolean;
  /** gpt-oss: per-head attention sinks, router bias and per-expert biases. */
  readonly sinksAndExpertBiases: boolean;
  /** Gemma 4 stores gate and up of the experts as one tensor, plus router/down scales. */
  readonly gemma4Moe: boolean;
  /** Gemma 4 per-layer output scalar and the global-layer rope_freqs vector. */
  readonly gemma4Extras: boolean;
  /** Gemma 3n AltUp and LAuReL tensors (src/models/gemma3n.cpp: n_altup 4, laurel_rank 64). */
  readonly gemma3nExtras: boolean;
  /** ggml-org's Gemma E-model files keep attn_k/attn_v of KV-shared layers although they are unused. */
  readonly keepSharedKv: boolean;
  /** Shared experts as `ffn_*_shexp` (DeepSeek, GLM-4.5, Qwen3-Next) rather than a dense FFN beside the experts (Gemma 4). */
  readonly shexp: boolean;
  /** The router's selection bias `exp_probs_b` (DeepSeek-V3 noaux_tc routing, GLM-4.5). */
  readonly expProbsBias: boolean;
  /** Qwen3-Next's sigmoid gate on the shared expert (`ffn_gate_inp_shexp`). */
  readonly sharedExpertGate: boolean;
}

const PLAIN: Layout = {
  attnBiases: [],
  qkNorm: false,
  attnNorm: true,
  ffnNorm: 'ffn_norm',
  postNorms: false,
  fused: false,
  gatedQuery: false,
  sinksAndExpertBiases: false,
  gemma4Moe: false,
  gemma4Extras: false,
  gemma3nExtras: false,
  keepSharedKv: false,
  shexp: false,
  expProbsBias: false,
  sharedExpertGate: false,
};
const GEMMA4: Layout = {
  ...PLAIN,
  qkNorm: 'head',
  postNorms: true,
  gemma4Moe: true,
  gemma4Extras: true,
  keepSharedKv: true,
};
const DEEPSEEK: Layout = { ...PLAIN, shexp: true };

/** Tensor layout per model_type; unknown types get the plain Llama layout. */
const LAYOUTS: Readonly<Record<string, Layout>> = {
  llama: PLAIN,
  mistral: PLAIN,
  granite: PLAIN,
  qwen2: { ...PLAIN, attnBiases: ['q', 'k', 'v'] },
  qwen3: { ...PLAIN, qkNorm: 'head' },
  qwen3_moe: { ...PLAIN, qkNorm: 'head' },
  gpt_oss: {
    ...PLAIN,
    attnBiases: ['q', 'k', 'v', 'output'],
    sinksAndExpertBiases: true,
    ffnNorm: 'post_attention_norm',
  },
  gemma3_text: { ...PLAIN, qkNorm: 'head', postNorms: true },
  gemma4_text: GEMMA4,
  gemma4_unified_text: GEMMA4,
  // conversion/deepseek.py: V3's e_score_correction_bias becomes exp_probs_b (noaux_tc routing); V2 has none.
  deepseek_v2: DEEPSEEK,
  deepseek_v3: { ...DEEPSEEK, expProbsBias: true },
  glm4_moe: {
    ...PLAIN,
    attnBiases: ['q', 'k', 'v'],
    ffnNorm: 'post_attention_norm',
    shexp: true,
    expProbsBias: true,
  },
  phi3: { ...PLAIN, fused: true },
  qwen3_next: {
    ...PLAIN,
    qkNorm: 'head',
    ffnNorm: 'post_attention_norm',
    gatedQuery: true,
    shexp: true,
    sharedExpertGate: true,
  },
  gemma3n_text: { ...PLAIN, qkNorm: 'head', postNorms: true, gemma3nExtras: true, keepSharedKv: true },
  cohere2: { ...PLAIN, ffnNorm: 'none' },
  olmo2: { ...PLAIN, qkNorm: 'all-heads', attnNorm: false, ffnNorm: 'none', postNorms: true },
  exaone4: { ...PLAIN, qkNorm: 'head', attnNorm: false, ffnNorm: 'none', postNorms: true },
};

/** Gemma 3n's AltUp inputs and LAuReL rank, fixed in llama.cpp (src/llama-hparams.h n_altup 4, laurel_rank 64). */
const ALTUP = 4;
const LAUREL_RANK = 64;

const t = (name: string, layer: number | null, group: TensorGroup, shape: number[]): TensorSpec => ({
  name,
  layer,
  group,
  shape,
  elements: shape.reduce((a, b) => a * b, 1),
});

/** DeepSeek's latent attention (src/models/deepseek2.cpp load_arch_tensors, as converted since PR #12801). */
function mlaTensors(i: number, l: LayerSpec, d: number): TensorSpec[] {
  const b = `blk.${i}`;
  const mla = l.mla;
  if (!mla) return [];
  const h = l.headCount;
  const nope = l.headDimK - mla.ropeDim;
  const out: TensorSpec[] = [];
  if (mla.qLoraRank > 0) {
    out.push(
      t(`${b}.attn_q_a_norm.weight`, i, 'norm', [mla.qLoraRank]),
      t(`${b}.attn_q_a.weight`, i, 'attention', [d, mla.qLoraRank]),
      t(`${b}.attn_q_b.weight`, i, 'attention', [mla.qLoraRank, h * l.headDimK]),
    );
  } else {
    out.push(t(`${b}.attn_q.weight`, i, 'attention', [d, h * l.headDimK]));
  }
  out.push(
    t(`${b}.attn_kv_a_norm.weight`, i, 'norm', [mla.kvLoraRank]),
    t(`${b}.attn_kv_a_mqa.weight`, i, 'attention', [d, mla.kvLoraRank + mla.ropeDim]),
    t(`${b}.attn_k_b.weight`, i, 'attention', [nope, mla.kvLoraRank, h]),
    t(`${b}.attn_v_b.weight`, i, 'attention', [mla.kvLoraRank, l.headDimV, h]),
    t(`${b}.attn_output.weight`, i, 'attention', [h * l.headDimV, d]),
  );
  return out;
}

/**
 * Qwen3-Next's Gated DeltaNet (src/models/qwen3next.cpp load_arch_tensors; conversion/qwen.py Qwen3NextModel writes
 * in_proj_qkvz as attn_qkv + attn_gate): q and k of groups × state, v of the inner width.
 */
function gatedDeltaNetTensors(i: number, r: RecurrentSpec, d: number): TensorSpec[] {
  const b = `blk.${i}`;
  const key = r.stateSize * r.groups;
  const value = r.innerSize;
  const headV = r.timeStepRank > 0 ? value / r.timeStepRank : 0;
  return [
    t(`${b}.attn_qkv.weight`, i, 'attention', [d, 2 * key + value]),
    t(`${b}.attn_gate.weight`, i, 'attention', [d, value]),
    t(`${b}.ssm_conv1d.weight`, i, 'attention', [r.convKernel, 2 * key + value]),
    t(`${b}.ssm_dt.bias`, i, 'attention', [r.timeStepRank]),
    t(`${b}.ssm_a`, i, 'attention', [r.timeStepRank]),
    t(`${b}.ssm_ba.weight`, i, 'attention', [d, 2 * r.timeStepRank]),
    t(`${b}.ssm_norm.weight`, i, 'norm', [headV]),
    t(`${b}.ssm_out.weight`, i, 'attention', [value, d]),
  ];
}

function attentionTensors(i: number, l: LayerSpec, d: number, layout: Layout): TensorSpec[] {
  const b = `blk.${i}`;
  const out = layout.attnNorm ? [t(`${b}.attn_norm.weight`, i, 'norm', [d])] : [];
  if (l.recurrent && l.headCount === 0) {
    if (l.recurrent.kind === 'gated-delta-net') out.push(...gatedDeltaNetTensors(i, l.recurrent, d));
  } else if (l.mla) {
    out.push(...mlaTensors(i, l, d));
  } else {
    const q = l.headCount * l.headDimK;
    const k = l.kvHeadCount * l.headDimK;
    const v = l.kvHeadCount * l.headDimV;
    const ownsKv = l.kvSharedFrom === undefined || layout.keepSharedKv;
    if (layout.fused) {
      out.push(t(`${b}.attn_qkv.weight`, i, 'attention', [d, q + k + v]));
    } else {
      out.push(t(`${b}.attn_q.weight`, i, 'attention', [d, layout.gatedQuery ? 2 * q : q]));
      if (ownsKv) out.push(t(`${b}.attn_k.weight`, i, 'attention', [d, k]));
      if (ownsKv && l.hasVProj) out.push(t(`${b}.attn_v.weight`, i, 'attention', [d, v]));
    }
    out.push(t(`${b}.attn_output.weight`, i, 'attention', [l.headCount * l.headDimV, d]));
    const biasWidth = { q, k, v, output: d } as const;
    for (const p of layout.attnBiases) out.push(t(`${b}.attn_${p}.bias`, i, 'attention', [biasWidth[p]]));
    if (layout.qkNorm === 'head') {
      out.push(t(`${b}.attn_q_norm.weight`, i, 'norm', [l.headDimK]));
      if (ownsKv) out.push(t(`${b}.attn_k_norm.weight`, i, 'norm', [l.headDimK]));
    } else if (layout.qkNorm === 'all-heads') {
      out.push(t(`${b}.attn_q_norm.weight`, i, 'norm', [q]), t(`${b}.attn_k_norm.weight`, i, 'norm', [k]));
    }
    if (layout.sinksAndExpertBiases) out.push(t(`${b}.attn_sinks.weight`, i, 'attention', [l.headCount]));
  }
  if (layout.postNorms) out.push(t(`${b}.post_attention_norm.weight`, i, 'norm', [d]));
  return out;
}

function ffnTensors(i: number, l: LayerSpec, d: number, layout: Layout): TensorSpec[] {
  const b = `blk.${i}`;
  const out = layout.ffnNorm === 'none' ? [] : [t(`${b}.${layout.ffnNorm}.weight`, i, 'norm', [d])];
  const ffn = l.ffn;
  const dense = (f: number, group: TensorGroup, suffix = '') =>
    layout.fused && suffix === ''
      ? [t(`${b}.ffn_up.weight`, i, group, [d, 2 * f]), t(`${b}.ffn_down.weight`, i, group, [f, d])]
      : [
          t(`${b}.ffn_gate${suffix}.weight`, i, group, [d, f]),
          t(`${b}.ffn_up${suffix}.weight`, i, group, [d, f]),
          t(`${b}.ffn_down${suffix}.weight`, i, group, [f, d]),
        ];
  if (ffn.kind === 'dense') {
    if (ffn.intermediate > 0) out.push(...dense(ffn.intermediate, 'ffn'));
  } else {
    const { experts: e, expertIntermediate: f } = ffn;
    if (ffn.sharedIntermediate > 0 && !layout.shexp)
      out.push(...dense(ffn.sharedIntermediate, 'shared-expert'));
    out.push(t(`${b}.ffn_gate_inp.weight`, i, 'router', [d, e]));
    if (layout.expProbsBias) out.push(t(`${b}.exp_probs_b.bias`, i, 'router', [e]));
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
    if (ffn.sharedIntermediate > 0 && layout.shexp) {
      if (layout.sharedExpertGate) out.push(t(`${b}.ffn_gate_inp_shexp.weight`, i, 'shared-expert', [d]));
      out.push(...dense(ffn.sharedIntermediate, 'shared-expert', '_shexp'));
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
  if (layout.postNorms) out.push(t(`${b}.post_ffw_norm.weight`, i, 'norm', [d]));
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

/** Gemma 3n's AltUp and LAuReL tensors of one layer (src/models/gemma3n.cpp load_arch_tensors). */
function gemma3nTensors(i: number, d: number): TensorSpec[] {
  const b = `blk.${i}`;
  return [
    t(`${b}.altup_correct_coef.weight`, i, 'other', [ALTUP, ALTUP]),
    t(`${b}.altup_correct_scale.weight`, i, 'other', [d]),
    t(`${b}.altup_predict_coef.weight`, i, 'other', [ALTUP, ALTUP * ALTUP]),
    t(`${b}.altup_router.weight`, i, 'other', [d, ALTUP]),
    t(`${b}.altup_router_norm.weight`, i, 'norm', [d]),
    t(`${b}.laurel_l.weight`, i, 'other', [d, LAUREL_RANK]),
    t(`${b}.laurel_r.weight`, i, 'other', [LAUREL_RANK, d]),
    t(`${b}.laurel_post_norm.weight`, i, 'norm', [d]),
  ];
}

/**
 * The extra tensors of an MTP (NextN) block after its ordinary layer tensors (src/models/glm4-moe.cpp: eh_proj,
 * enorm, hnorm, and the embed_tokens / shared_head_head / shared_head_norm GLM-4.5's checkpoint carries).
 */
function mtpTensors(i: number, d: number, vocab: number): TensorSpec[] {
  const b = `blk.${i}`;
  return [
    t(`${b}.nextn.eh_proj.weight`, i, 'other', [2 * d, d]),
    t(`${b}.nextn.enorm.weight`, i, 'norm', [d]),
    t(`${b}.nextn.hnorm.weight`, i, 'norm', [d]),
    t(`${b}.nextn.embed_tokens.weight`, i, 'other', [d, vocab]),
    t(`${b}.nextn.shared_head_head.weight`, i, 'other', [d, vocab]),
    t(`${b}.nextn.shared_head_norm.weight`, i, 'norm', [d]),
  ];
}

/** Every weight tensor of `arch`, with llama.cpp names and GGUF shapes (innermost dimension first). */
export function tensorsOf(arch: ModelArchitecture): TensorSpec[] {
  const layout = LAYOUTS[arch.modelType] ?? PLAIN;
  const d = arch.hiddenSize;
  const ple = arch.perLayerInputSize ?? 0;
  const n = arch.layers.length;
  const out: TensorSpec[] = [t('token_embd.weight', null, 'token-embedding', [d, arch.vocabSize])];
  if (layout.gemma3nExtras) {
    out.push(
      t('altup_proj.weight', null, 'other', [d, d, ALTUP - 1]),
      t('altup_unembd_proj.weight', null, 'other', [d, d, ALTUP - 1]),
    );
  }
  if (ple > 0) {
    out.push(
      t('per_layer_token_embd.weight', null, 'per-layer-embedding', [ple * n, arch.vocabSize]),
      t('per_layer_model_proj.weight', null, 'per-layer-embedding', [d, ple * n]),
      t('per_layer_proj_norm.weight', null, 'norm', [ple]),
    );
  }
  const headDim = Math.max(...arch.layers.map((l) => l.headDimK));
  if (layout.gemma4Extras || arch.ropeScaling?.type === 'llama3') {
    // Gemma 4: proportional-RoPE factors of the global layers; Llama 3.1+ and EXAONE 4.0: the llama3 scaling
    // factors (convert_hf_to_gguf.py LlamaModel / Exaone4Model.generate_extra_tensors). One per rotary pair.
    out.push(t('rope_freqs.weight', null, 'other', [headDim / 2]));
  }
  if (arch.ropeScaling?.type === 'longrope' || arch.ropeScaling?.type === 'su') {
    // Phi-3 long-context models: per-frequency factors for short and long contexts (conversion/phi.py).
    out.push(
      t('rope_factors_long.weight', null, 'other', [headDim / 2]),
      t('rope_factors_short.weight', null, 'other', [headDim / 2]),
    );
  }
  arch.layers.forEach((l, i) => {
    out.push(...attentionTensors(i, l, d, layout), ...ffnTensors(i, l, d, layout));
    if (ple > 0) out.push(...perLayerEmbeddingTensors(i, d, ple));
    if (layout.gemma3nExtras) out.push(...gemma3nTensors(i, d));
    if (layout.gemma4Extras) out.push(t(`blk.${i}.layer_output_scale.weight`, i, 'other', [1]));
  });
  (arch.mtpLayers ?? []).forEach((l, j) => {
    const i = n + j;
    out.push(...attentionTensors(i, l, d, layout), ...ffnTensors(i, l, d, layout));
    out.push(...mtpTensors(i, d, arch.vocabSize));
  });
  out.push(t('output_norm.weight', null, 'norm', [d]));
  if (!arch.tiedEmbeddings) out.push(t('output.weight', null, 'output', [d, arch.vocabSize]));
  return out;
}
