/**
 * @module quant/unsloth-dynamic — Unsloth Dynamic ("UD-…") GGUF files as tensor-type mixes.
 *
 * Unsloth picks per-tensor types per model ("the layers quantized in Gemma 3 differ significantly from those in
 * Llama 4", https://unsloth.ai/docs/basics/unsloth-dynamic-2.0-ggufs) and publishes no rules. What is known:
 * - a UD file's header names a llama-quantize file type and carries `quantize.imatrix.*` keys: UD-Q4_K_XL →
 *   15 (Q4_K_M), UD-Q5_K_XL → 17 (Q5_K_M), UD-Q3_K_XL → 12 (Q3_K_M) (llama.cpp loader logs in
 *   github.com/ikawrakow/ik_llama.cpp issues #398 (Qwen3-30B-A3B-UD-Q4_K_XL), #503 (Qwen3-32B-UD-Q4_K_XL),
 *   #641 (Qwen3-30B-A3B-128K-UD-Q5_K_XL: 1 Q8_0, 20 Q4_K, 227 Q5_K, 90 Q6_K) and one for
 *   DeepSeek-V3-0324-UD-Q3_K_XL);
 * - those logs' type counts: Qwen3-30B-A3B UD-Q4_K_XL holds 290 Q4_K, 37 Q5_K and only 11 Q6_K tensors where
 *   llama-quantize's Q4_K_M gives 49 Q6_K (the routed experts' ffn_down is not raised); Qwen3-32B UD-Q4_K_XL
 *   holds 293 Q4_K, 35 Q5_K, 94 Q6_K, 28 IQ4_XS (Q4_K_M: 385 Q4_K, 65 Q6_K);
 * - the published file sizes in test/published-quant-sizes.ts (six models, dense and MoE, 0.6B to 32B).
 *
 * So each UD mix is modelled as its file type's llama-quantize mix with an importance matrix, plus a few
 * category-wide changes (below) chosen to match those sizes: the largest error is 7.4% (UD-Q8_K_XL), most
 * are within 4% (the per-file errors are tabled in src/quant/quant-sizes-published.test.ts). A real header
 * (a `.gguf` path) or `weightsBytes` replaces the prediction.
 */

import type { RuleContext } from './mix-rules.js';
import type { QuantMix } from './quant-mixes.js';
import type { TensorCategory } from './tensor-category.js';

/**
 * A change a dynamic mix makes after its base mix's rules: raise matching tensors to at least `atLeast` (a
 * type with more bits is kept), or with `base: true` put them back at the base type (undo a base-mix raise).
 */
export interface DynamicUpcast {
  readonly categories?: readonly (TensorCategory | 'output-like')[];
  /** UD mix names it applies to. */
  readonly mixes: readonly string[];
  readonly when?: (c: RuleContext) => boolean;
  readonly atLeast?: string;
  readonly base?: true;
}

const OUT: readonly (TensorCategory | 'output-like')[] = ['output-like', 'token-embd'];
const ATTN_KV: readonly TensorCategory[] = ['attn-k', 'attn-v', 'attn-qkv', 'attn-kv-b'];
const ATTN_QO: readonly TensorCategory[] = ['attn-q', 'attn-output'];
const GATE_UP: readonly TensorCategory[] = ['ffn-gate', 'ffn-up'];
const routed = (c: RuleContext) => c.stacked;
const dense = (c: RuleContext) => !c.stacked;

/** The changes, first match per tensor; fitted to the published sizes (see the module comment). */
export const dynamicUpcasts: readonly DynamicUpcast[] = [
  // UD-Q8_K_XL: attention in 16-bit.
  { categories: [...ATTN_KV, ...ATTN_QO], mixes: ['UD-Q8_K_XL'], atLeast: 'BF16' },
  // UD-Q6_K_XL: attention, output head and token embeddings at Q8_0.
  { categories: [...OUT, ...ATTN_KV, ...ATTN_QO], mixes: ['UD-Q6_K_XL'], atLeast: 'Q8_0' },
  // UD-Q4_K_XL: dense ffn_down at least Q5_K, routed experts' ffn_down not raised (the header counts above).
  { categories: ['ffn-down'], mixes: ['UD-Q4_K_XL'], when: dense, atLeast: 'Q5_K' },
  { categories: ['ffn-down'], mixes: ['UD-Q4_K_XL', 'UD-Q3_K_XL'], when: routed, base: true },
  // UD-Q3_K_XL: output head and token embeddings Q6_K, attn_k/attn_v Q5_K.
  { categories: OUT, mixes: ['UD-Q3_K_XL', 'UD-Q2_K_XL'], atLeast: 'Q6_K' },
  { categories: ATTN_KV, mixes: ['UD-Q3_K_XL'], atLeast: 'Q5_K' },
  // UD-IQ3_XXS, UD-IQ2_M: attn_q/attn_output IQ3_S; routed experts' ffn_down IQ3_S / IQ3_XXS.
  { categories: ATTN_QO, mixes: ['UD-IQ3_XXS', 'UD-IQ2_M'], atLeast: 'IQ3_S' },
  { categories: ['ffn-down'], mixes: ['UD-IQ3_XXS', 'UD-IQ1_M'], when: routed, atLeast: 'IQ3_S' },
  { categories: ['ffn-down'], mixes: ['UD-IQ2_M', 'UD-IQ2_XXS'], when: routed, atLeast: 'IQ3_XXS' },
  // UD-IQ2_XXS, UD-IQ1_M, UD-IQ1_S: routed experts well above the base type, ffn_down most.
  { categories: ['ffn-down'], mixes: ['UD-IQ1_S'], when: routed, atLeast: 'Q2_K' },
  { categories: GATE_UP, mixes: ['UD-IQ2_XXS'], when: routed, atLeast: 'IQ2_S' },
  { categories: GATE_UP, mixes: ['UD-IQ1_M', 'UD-IQ1_S'], when: routed, atLeast: 'IQ2_XXS' },
  { categories: ATTN_KV, mixes: ['UD-IQ1_S'], atLeast: 'Q4_K' },
];

const UD_SOURCE =
  'Unsloth Dynamic 2.0 (unsloth.ai/docs/basics/unsloth-dynamic-2.0-ggufs); file type from real headers; sizes in test/published-quant-sizes.ts';

const ud = (
  name: string,
  rules: string,
  baseType: string,
  nominalBitsPerWeight: number,
  description: string,
  aliases: readonly string[] = [],
): QuantMix => ({
  name,
  format: 'gguf',
  baseType,
  nominalBitsPerWeight,
  aliases,
  description,
  source: UD_SOURCE,
  imatrix: true,
  rules,
  origin: 'unsloth-dynamic',
});

/**
 * The Unsloth Dynamic names Unsloth publishes for most models, largest first; `_XL` names are also accepted
 * without `UD-`. Nominal bits per weight (display and ordering only): unsloth/Qwen3-32B-GGUF's file sizes.
 */
export const unslothDynamicMixes: readonly QuantMix[] = [
  ud('UD-Q8_K_XL', 'Q8_0', 'Q8_0', 9.64, 'Unsloth Dynamic: Q8_0, attention in 16-bit', ['Q8_K_XL']),
  ud('UD-Q6_K_XL', 'Q6_K', 'Q6_K', 7.07, 'Unsloth Dynamic: Q6_K, attention and output Q8_0', ['Q6_K_XL']),
  ud('UD-Q5_K_XL', 'Q5_K_M', 'Q5_K', 5.67, 'Unsloth Dynamic: Q5_K_M as llama-quantize makes it', ['Q5_K_XL']),
  ud(
    'UD-Q4_K_XL',
    'Q4_K_M',
    'Q4_K',
    4.89,
    'Unsloth Dynamic: Q4_K_M, dense ffn_down ≥ Q5_K, expert ffn_down Q4_K',
    ['Q4_K_XL'],
  ),
  ud('UD-Q3_K_XL', 'Q3_K_M', 'Q3_K', 4.01, 'Unsloth Dynamic: Q3_K_M, output Q6_K, attn_k/attn_v Q5_K', [
    'Q3_K_XL',
  ]),
  ud('UD-Q2_K_XL', 'Q2_K', 'Q2_K', 3.13, 'Unsloth Dynamic: Q2_K, output and token embeddings Q6_K', [
    'Q2_K_XL',
  ]),
  ud(
    'UD-IQ3_XXS',
    'IQ3_XXS',
    'IQ3_XXS',
    3.17,
    'Unsloth Dynamic: IQ3_XXS, attn_q/attn_output and expert ffn_down IQ3_S',
  ),
  ud(
    'UD-IQ2_M',
    'IQ2_M',
    'IQ2_S',
    2.82,
    'Unsloth Dynamic: IQ2_M, attn_q/attn_output IQ3_S, expert ffn_down IQ3_XXS',
  ),
  ud(
    'UD-IQ2_XXS',
    'IQ2_XXS',
    'IQ2_XXS',
    2.27,
    'Unsloth Dynamic: IQ2_XXS, experts IQ2_S, their ffn_down IQ3_XXS',
  ),
  ud('UD-IQ1_M', 'IQ1_M', 'IQ1_M', 2.03, 'Unsloth Dynamic: IQ1_M, experts IQ2_XXS, their ffn_down IQ3_S'),
  ud('UD-IQ1_S', 'IQ1_S', 'IQ1_S', 1.89, 'Unsloth Dynamic: IQ1_S, experts IQ2_XXS/Q2_K, attn_k/attn_v Q4_K'),
];
