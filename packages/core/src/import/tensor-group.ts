/**
 * @module import/tensor-group — the TensorGroup of a llama.cpp tensor name (names from llama.cpp
 * src/llama-arch.cpp LLM_TENSOR_NAMES). One table of patterns, first match wins.
 */
import type { TensorGroup } from '../model/tensors.js';

const RULES: readonly (readonly [RegExp, TensorGroup])[] = [
  [/norm/, 'norm'],
  [/^token_embd\./, 'token-embedding'],
  [/^(per_layer_|blk\.\d+\.(inp_gate|proj)\.)/, 'per-layer-embedding'],
  [/^output\./, 'output'],
  // Routed experts, fused or not: ffn_{gate,up,down}_exps, ffn_gate_up_exps.
  [/_exps\./, 'experts'],
  // Shared experts (ffn_*_shexp) and Qwen3-Next's gate on them (ffn_gate_inp_shexp).
  [/_shexp\./, 'shared-expert'],
  // The router and its selection bias (DeepSeek-V3 / GLM-4.5 exp_probs_b).
  [/ffn_gate_inp|exp_probs_b/, 'router'],
  // Dense FFN, including Phi-3's fused gate-up ffn_up.
  [/\.ffn_(gate|up|down)\./, 'ffn'],
  // Attention (attn_q/k/v/output, fused attn_qkv, MLA's attn_q_a/q_b/kv_a_mqa/k_b/v_b) and recurrent token mixers
  // (Mamba / Gated DeltaNet ssm_*, LFM2 shortconv.*, RWKV time_mix_*), which take attention's place in their layers.
  [/\.(attn_|ssm_|shortconv\.|time_mix_)/, 'attention'],
];

/** What a tensor is for, from its GGUF name. */
export function tensorGroupOf(name: string): TensorGroup {
  return RULES.find(([pattern]) => pattern.test(name))?.[1] ?? 'other';
}
