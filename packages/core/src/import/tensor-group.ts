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
  [/_exps\./, 'experts'],
  [/ffn_gate_inp/, 'router'],
  [/_shexp\./, 'shared-expert'],
  [/\.ffn_(gate|up|down)\./, 'ffn'],
  [/\.attn_/, 'attention'],
];

/** What a tensor is for, from its GGUF name. */
export function tensorGroupOf(name: string): TensorGroup {
  return RULES.find(([pattern]) => pattern.test(name))?.[1] ?? 'other';
}
