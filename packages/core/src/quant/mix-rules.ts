/**
 * @module quant/mix-rules — llama-quantize's per-tensor type choices as data: which tensors of which mix get
 * a type other than the mix's base type. Transcribed from llama_tensor_get_type_impl() in llama.cpp
 * src/llama-quant.cpp (https://github.com/ggml-org/llama.cpp/blob/007dbbf3fd17eefe9b47fee45f48f7ba5e62b714/src/llama-quant.cpp),
 * for every file type llama-quantize offers (tools/quantize/quantize.cpp QUANT_OPTIONS). Where the rules differ
 * with and without an importance matrix (`has_imatrix`: IQ3_XXS attn_v/ffn_down, IQ4_NL/IQ4_XS ffn_down,
 * Q4_0/Q5_0 ffn_down), RuleContext.imatrix says which branch is taken; quant-mixes.ts says which one each
 * mix is modelled with (with one for the mixes llama-quantize refuses to make without one).
 */
import type { TensorCategory } from './tensor-category.js';

/** What a rule may look at: the tensor's role and position and a few model hyper-parameters. */
export interface RuleContext {
  /** QuantMix name, e.g. `Q4_K_M`. */
  readonly mix: string;
  /** The mix's base storage type, e.g. `Q4_K`. */
  readonly baseType: string;
  readonly category: TensorCategory;
  /** True for the output head and, in models with tied embeddings, the token embedding tables. */
  readonly isOutput: boolean;
  /** ne0: elements per row. */
  readonly rowElements: number;
  /** Blocks per row of the base type (ne0 / block size), non-integer when the row does not fit. */
  readonly baseBlockFits: boolean;
  /** ne2 > 1: a stacked-experts tensor. */
  readonly stacked: boolean;
  /** Ordinal of this tensor among attn_v-like tensors (llama.cpp `i_attention_wv`) and their count. */
  readonly vIndex: number;
  readonly vCount: number;
  /** Layer of the tensor and the model's layer count (`n_layer`). */
  readonly layer: number;
  readonly layerCount: number;
  /** n_head / n_head_kv of layer 0 (llama.cpp `hparams.n_gqa()`). */
  readonly gqa: number;
  /** Routed experts per layer, 0 for dense models (`hparams.n_expert`). */
  readonly experts: number;
  /** llama.cpp classifies the model as LLM_TYPE_70B (80-layer GQA Llama / Qwen2). */
  readonly is70B: boolean;
  /** Quantised with an importance matrix (llama.cpp `qs.has_imatrix`). */
  readonly imatrix: boolean;
  /**
   * Ordinal of this tensor among ffn_down-like tensors in load order (llama.cpp's `i_ffn_down` counter), which
   * the IQ1/IQ2 mixes compare with n_layer / 8 instead of the layer (two per layer with a shared expert).
   */
  readonly ffnDownIndex: number;
}

/** A row: when `categories` and `mixes` match and `when` holds, the tensor gets `type`. */
export interface MixRule {
  /**
   * Categories it applies to. `output-like` means the output head and tied token embeddings
   * (RuleContext.isOutput); the other categories never match those. Absent = any other tensor.
   */
  readonly categories?: readonly (TensorCategory | 'output-like')[];
  /** Mix names it applies to; absent = every quantised GGUF mix. */
  readonly mixes?: readonly string[];
  readonly when?: (c: RuleContext) => boolean;
  /** The resulting storage type, or `base` for "the mix's base type, stop here". */
  readonly type: string;
}

/** llama.cpp use_more_bits(i, n): the first and last eighth of layers plus every third one between. */
function useMoreBits(i: number, n: number): boolean {
  const eighth = Math.floor(n / 8);
  return i < eighth || i >= Math.floor((7 * n) / 8) || (i - eighth) % 3 === 2;
}

const ATTN_V: readonly TensorCategory[] = ['attn-v', 'attn-qkv', 'attn-kv-b'];
/** The 1-2 bit IQ mixes, which llama-quantize handles in a branch of their own (no 70B / 8-expert bumps). */
export const IQ12_MIXES: readonly string[] = ['IQ2_XXS', 'IQ2_XS', 'IQ1_S', 'IQ2_S', 'IQ2_M', 'IQ1_M'];
/** IQ2_S and IQ2_M raise to IQ3_S where the other 1-2 bit mixes raise to Q2_K. */
const IQ2_SM = ['IQ2_S', 'IQ2_M'];
const IQ1 = ['IQ1_S', 'IQ1_M'];
/** Mixes whose output head (and tied embeddings) go to Q5_K instead of Q6_K. */
const Q5_K_OUTPUT = ['IQ2_XXS', 'IQ2_XS', 'IQ3_XXS', 'IQ1_S', 'IQ2_S', 'IQ2_M', 'IQ1_M'];
/** Mixes whose attn_output is Q5_K in 8-expert (Mixtral-style) models. */
const EIGHT_EXPERT_ATTN_OUTPUT = [
  'Q2_K',
  'IQ3_XS',
  'IQ3_XXS',
  'Q3_K_S',
  'Q3_K_M',
  'IQ4_NL',
  'Q4_K_S',
  'Q4_K_M',
  'IQ3_S',
  'IQ3_M',
  'IQ4_XS',
];
const firstEighth = (c: RuleContext) => c.layer < Math.floor(c.layerCount / 8);
const moreBitsV = (c: RuleContext) => useMoreBits(c.vIndex, c.vCount);
const moreBitsLayer = (c: RuleContext) => useMoreBits(c.layer, c.layerCount);
const gqa4 = (c: RuleContext) => c.gqa >= 4;
const eightExperts = (c: RuleContext) => c.experts === 8;
const noImatrix = (c: RuleContext) => !c.imatrix;
const middleLayers = (c: RuleContext) =>
  c.layer >= Math.floor(c.layerCount / 8) && c.layer < Math.floor((7 * c.layerCount) / 8);

/**
 * The main table. Rows are tried in order; within a category the first match wins, as in llama.cpp's
 * if/else chain. A tensor no row matches keeps the mix's base type.
 */
export const mixRules: readonly MixRule[] = [
  // Output head (and tied token_embd / per_layer_token_embd): Q8_0 for MXFP4 files and when the row is
  // not whole blocks of the base type; Q5_K in the 1-2 bit IQ mixes and IQ3_XXS; else Q6_K unless the base
  // already is Q8_0.
  { categories: ['output-like'], mixes: ['MXFP4'], type: 'Q8_0' },
  { categories: ['output-like'], when: (c) => !c.baseBlockFits, type: 'Q8_0' },
  { categories: ['output-like'], mixes: Q5_K_OUTPUT, type: 'Q5_K' },
  { categories: ['output-like'], when: (c) => c.baseType !== 'Q8_0', type: 'Q6_K' },
  { categories: ['output-like'], type: 'base' },
  // MXFP4_MOE: stacked expert tensors MXFP4, every other quantisable matrix Q8_0 (untied token_embd too).
  { mixes: ['MXFP4'], when: (c) => c.stacked, type: 'MXFP4' },
  { mixes: ['MXFP4'], type: 'Q8_0' },
  // Untied token_embd: its own branch, before any other rule.
  { categories: ['token-embd'], mixes: ['IQ2_XXS', 'IQ2_XS', 'IQ1_S', 'IQ1_M'], type: 'Q2_K' },
  { categories: ['token-embd'], mixes: ['IQ2_S', 'IQ2_M', 'IQ3_XXS'], type: 'IQ3_S' },
  { categories: ['token-embd'], mixes: ['TQ1_0', 'TQ2_0', 'Q2_0'], type: 'Q4_K' },
  { categories: ['token-embd'], type: 'base' },
  // The 1-2 bit IQ mixes (IQ1_S, IQ1_M, IQ2_XXS, IQ2_XS, IQ2_S, IQ2_M).
  { categories: ATTN_V, mixes: IQ12_MIXES, when: (c) => gqa4(c) || c.experts >= 4, type: 'Q4_K' },
  { categories: ATTN_V, mixes: IQ2_SM, type: 'IQ3_S' },
  { categories: ATTN_V, mixes: IQ12_MIXES, type: 'Q2_K' },
  { categories: ['attn-k'], mixes: IQ12_MIXES, when: eightExperts, type: 'Q4_K' },
  { categories: ['attn-k'], mixes: IQ12_MIXES, type: 'base' },
  {
    categories: ['ffn-down'],
    mixes: IQ2_SM,
    when: (c) => c.ffnDownIndex < Math.floor(c.layerCount / 8),
    type: 'IQ3_S',
  },
  {
    categories: ['ffn-down'],
    mixes: IQ12_MIXES,
    when: (c) => c.ffnDownIndex < Math.floor(c.layerCount / 8),
    type: 'Q2_K',
  },
  { categories: ['attn-output'], mixes: IQ12_MIXES, when: eightExperts, type: 'Q5_K' },
  { categories: ['attn-output'], mixes: IQ1, type: 'IQ2_XXS' },
  { categories: ['attn-output'], mixes: IQ2_SM, type: 'IQ3_S' },
  // attn_v (and fused attn_qkv, MLA attn_kv_b).
  { categories: ATTN_V, mixes: ['Q2_K'], when: gqa4, type: 'Q4_K' },
  { categories: ATTN_V, mixes: ['Q2_K'], type: 'Q3_K' },
  { categories: ATTN_V, mixes: ['Q2_K_S'], when: gqa4, type: 'Q4_K' },
  { categories: ATTN_V, mixes: ['IQ3_XXS'], when: gqa4, type: 'Q4_K' },
  { categories: ATTN_V, mixes: ['IQ3_XXS'], when: noImatrix, type: 'IQ3_S' },
  { categories: ATTN_V, mixes: ['IQ3_XS', 'IQ3_S'], when: gqa4, type: 'Q4_K' },
  { categories: ATTN_V, mixes: ['IQ3_M'], type: 'Q4_K' },
  { categories: ATTN_V, mixes: ['Q3_K_M'], when: (c) => c.vIndex < 2, type: 'Q5_K' },
  { categories: ATTN_V, mixes: ['Q3_K_M'], type: 'Q4_K' },
  { categories: ATTN_V, mixes: ['Q3_K_L'], type: 'Q5_K' },
  { categories: ATTN_V, mixes: ['IQ4_NL', 'IQ4_XS'], when: gqa4, type: 'Q5_K' },
  { categories: ATTN_V, mixes: ['Q4_K_M', 'Q5_K_M'], when: moreBitsV, type: 'Q6_K' },
  { categories: ATTN_V, mixes: ['Q4_K_S'], when: (c) => c.vIndex < 4, type: 'Q5_K' },
  // attn_k and attn_q: Mixtral-style 8-expert models keep attn_k at Q8_0; IQ3_XS and IQ3_XXS go lower.
  { categories: ['attn-k'], when: eightExperts, type: 'Q8_0' },
  { categories: ['attn-k', 'attn-q'], mixes: ['IQ3_XS'], type: 'IQ3_XXS' },
  { categories: ['attn-k', 'attn-q'], mixes: ['IQ3_XXS'], type: 'IQ2_S' },
  // ffn_down (dense, shared-expert and routed-expert alike; layer taken from the name).
  { categories: ['ffn-down'], mixes: ['Q2_K'], type: 'Q3_K' },
  { categories: ['ffn-down'], mixes: ['Q2_K_S'], when: firstEighth, type: 'Q4_K' },
  { categories: ['ffn-down'], mixes: ['IQ3_XXS'], when: (c) => noImatrix(c) && firstEighth(c), type: 'Q4_K' },
  { categories: ['ffn-down'], mixes: ['IQ3_XXS'], when: noImatrix, type: 'Q3_K' },
  {
    categories: ['ffn-down'],
    mixes: ['Q3_K_M'],
    when: (c) => c.layer < Math.floor(c.layerCount / 16),
    type: 'Q5_K',
  },
  { categories: ['ffn-down'], mixes: ['Q3_K_M'], type: 'Q4_K' },
  {
    categories: ['ffn-down'],
    mixes: ['IQ3_M'],
    when: (c) => firstEighth(c) || (eightExperts(c) && moreBitsLayer(c)),
    type: 'Q4_K',
  },
  { categories: ['ffn-down'], mixes: ['Q3_K_L'], type: 'Q5_K' },
  { categories: ['ffn-down'], mixes: ['Q4_K_M', 'Q5_K_M'], when: moreBitsLayer, type: 'Q6_K' },
  {
    categories: ['ffn-down'],
    mixes: ['IQ4_NL', 'IQ4_XS'],
    when: (c) => noImatrix(c) && firstEighth(c),
    type: 'Q5_K',
  },
  { categories: ['ffn-down'], mixes: ['Q4_K_S'], when: firstEighth, type: 'Q5_K' },
  // With an importance matrix, the first eighth of ffn_down in Q4_0/Q5_0 files goes to Q4_1/Q5_1.
  { categories: ['ffn-down'], mixes: ['Q4_0'], when: (c) => c.imatrix && firstEighth(c), type: 'Q4_1' },
  { categories: ['ffn-down'], mixes: ['Q5_0'], when: (c) => c.imatrix && firstEighth(c), type: 'Q5_1' },
  // attn_output.
  { categories: ['attn-output'], mixes: EIGHT_EXPERT_ATTN_OUTPUT, when: eightExperts, type: 'Q5_K' },
  { categories: ['attn-output'], mixes: ['Q2_K'], when: (c) => !eightExperts(c), type: 'Q3_K' },
  { categories: ['attn-output'], mixes: ['IQ3_XXS'], when: (c) => !eightExperts(c), type: 'IQ3_S' },
  { categories: ['attn-output'], mixes: ['Q3_K_M', 'IQ3_M'], when: (c) => !eightExperts(c), type: 'Q4_K' },
  { categories: ['attn-output'], mixes: ['Q3_K_L'], when: (c) => !eightExperts(c), type: 'Q5_K' },
  // ffn_gate / ffn_up: IQ3_XS keeps the first and last eighth of layers at IQ3_S, the rest IQ3_XXS.
  { categories: ['ffn-gate', 'ffn-up'], mixes: ['IQ3_XS'], when: middleLayers, type: 'IQ3_XXS' },
];

/**
 * Applied in order, after the main table, to attn_v-like tensors that went through llama.cpp's generic attn_v
 * branch (not the output head, not MXFP4 files, not the 1-2 bit IQ mixes, whose branch comes first), as
 * llama.cpp does at the end of that branch.
 */
export interface MixAdjustment {
  readonly categories: readonly TensorCategory[];
  /** `type` is the type chosen so far (base type resolved). */
  readonly when: (c: RuleContext, type: string) => boolean;
  readonly type: string;
}

export const mixAdjustments: readonly MixAdjustment[] = [
  // LLM_TYPE_70B: attn_v is 8x smaller than attn_q there, so more bits cost little.
  { categories: ATTN_V, when: (c, t) => c.is70B && (t === 'Q3_K' || t === 'Q4_K'), type: 'Q5_K' },
  // Mixtral-style 8-expert models: attn_v at Q8_0.
  { categories: ATTN_V, when: (c) => c.experts === 8, type: 'Q8_0' },
];

/**
 * tensor_type_fallback(): when a row is not whole blocks of the chosen type, use a 32-block type of about
 * the same size; if even that does not fit, F16.
 */
export const blockFallbacks: Readonly<Record<string, string>> = {
  // Q1_0, MXFP4 and NVFP4 have none (llama-quantize refuses the file); quantize-tensors falls back to F16.
  IQ1_S: 'IQ4_NL',
  IQ1_M: 'IQ4_NL',
  IQ2_XXS: 'IQ4_NL',
  IQ2_XS: 'IQ4_NL',
  IQ2_S: 'IQ4_NL',
  IQ3_XXS: 'IQ4_NL',
  IQ3_S: 'IQ4_NL',
  IQ4_XS: 'IQ4_NL',
  Q2_0: 'Q4_0',
  Q2_K: 'Q4_0',
  Q3_K: 'Q4_0',
  TQ1_0: 'Q4_0',
  TQ2_0: 'Q4_0',
  Q4_K: 'Q5_0',
  Q5_K: 'Q5_1',
  Q6_K: 'Q8_0',
};
