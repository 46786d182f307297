/**
 * @module quant/tensor-category — which role a tensor plays for quantisation, read from its llama.cpp
 * name the way llama-quantize reads it, and which tensors llama-quantize leaves at their converted type.
 */
import type { TensorSpec } from '../model/tensors.js';

/** llama.cpp's broad tensor categories for choosing a quant type (`enum tensor_category`). */
export type TensorCategory =
  | 'token-embd'
  | 'output'
  | 'attn-qkv'
  | 'attn-kv-b'
  | 'attn-v'
  | 'attn-k'
  | 'attn-q'
  | 'attn-output'
  | 'ffn-up'
  | 'ffn-gate'
  | 'ffn-down'
  | 'other';

// Order and substrings follow tensor_get_category() in llama.cpp src/llama-quant.cpp
// (https://github.com/ggml-org/llama.cpp/blob/master/src/llama-quant.cpp): exact names first, then the first
// substring that matches. `per_layer_token_embd` (Gemma E-models) counts as a token embedding there too.
const categoryMatchers: readonly (readonly [(name: string) => boolean, TensorCategory])[] = [
  [(n) => n === 'output.weight', 'output'],
  [(n) => n === 'token_embd.weight' || n === 'per_layer_token_embd.weight', 'token-embd'],
  [(n) => n.includes('attn_qkv.weight'), 'attn-qkv'],
  [(n) => n.includes('attn_kv_b.weight'), 'attn-kv-b'],
  [(n) => n.includes('attn_v.weight'), 'attn-v'],
  [(n) => n.includes('attn_k.weight'), 'attn-k'],
  [(n) => n.includes('attn_q.weight'), 'attn-q'],
  [(n) => n.includes('attn_output.weight'), 'attn-output'],
  [(n) => n.includes('ffn_up'), 'ffn-up'],
  [(n) => n.includes('ffn_gate'), 'ffn-gate'],
  [(n) => n.includes('ffn_down'), 'ffn-down'],
];

/** The llama.cpp category of a tensor name (`blk.3.attn_v.weight` → `attn-v`). */
export function tensorCategory(name: string): TensorCategory {
  return categoryMatchers.find(([test]) => test(name))?.[1] ?? 'other';
}

/** llama.cpp treats attn_v, fused attn_qkv and MLA attn_kv_b alike (category_is_attn_v). */
export function isAttnVLike(category: TensorCategory): boolean {
  return category === 'attn-v' || category === 'attn-qkv' || category === 'attn-kv-b';
}

/** ggml_n_dims: 1 + index of the last dimension larger than 1 (a [2880, 1] tensor is 1-D). */
export function dimensionCount(shape: readonly number[]): number {
  for (let i = shape.length - 1; i > 0; i--) if ((shape[i] ?? 1) > 1) return i + 1;
  return 1;
}

// Name fragments llama-quantize never quantises (tensor_allows_quantization in src/llama-quant.cpp), for
// the architectures this project models: norms, MoE routers, Gemma 3n/4 small AltUp/Laurel/PLE-projection
// matrices, positional and token-type embeddings, SSM convolutions, relative position bias.
const keepFragments = [
  '_norm.weight',
  'ffn_gate_inp.weight',
  'altup',
  'laurel',
  'per_layer_model_proj',
  'position_embd',
  'token_types',
  'ssm_conv1d',
  'attn_rel_b.weight',
];

/** True when llama-quantize may change this tensor's type: a ≥2-D `.weight` not in the keep list. */
export function isQuantizable(tensor: TensorSpec): boolean {
  if (dimensionCount(tensor.shape) < 2) return false;
  if (!tensor.name.endsWith('weight')) return false;
  return !keepFragments.some((f) => tensor.name.includes(f));
}

// convert_hf_to_gguf.py (llama.cpp) writes these as F32 whatever --outtype says: 1-D tensors, `_norm.weight`,
// routers (FFN_GATE_INP), positional/token-type embeddings, SSM conv1d, and any tensor not named `.weight`
// (biases, attention sinks).
const f32Fragments = ['_norm.weight', 'ffn_gate_inp', 'position_embd', 'token_types', 'ssm_conv1d'];

/**
 * The type a tensor llama-quantize does not touch keeps from conversion: F32 for the cases above, else the
 * 16-bit float type of the conversion (`floatType`, F16 or BF16 — both 2 bytes).
 */
export function convertedType(tensor: TensorSpec, floatType: string): string {
  if (dimensionCount(tensor.shape) < 2 || !tensor.name.endsWith('.weight')) return 'F32';
  return f32Fragments.some((f) => tensor.name.includes(f)) ? 'F32' : floatType;
}
