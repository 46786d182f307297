/**
 * @module model/tensors — weight tensors as llama.cpp names them. Footprint and placement sum over
 * these, whether they were derived from an architecture plus a quant mix or read from a GGUF header.
 */

/** What a tensor is for; decides its quant type in a mix and where placement puts it. */
export type TensorGroup =
  | 'token-embedding'
  | 'per-layer-embedding'
  | 'output'
  | 'attention'
  | 'ffn'
  | 'shared-expert'
  | 'experts'
  | 'router'
  | 'norm'
  | 'other';

export interface TensorSpec {
  /** llama.cpp / GGUF tensor name, e.g. `blk.3.attn_q.weight`, `token_embd.weight`. */
  readonly name: string;
  /** Repeating-layer index, or null for input/output tensors. */
  readonly layer: number | null;
  readonly group: TensorGroup;
  /** GGUF order: innermost dimension first. */
  readonly shape: readonly number[];
  /** Product of the shape. */
  readonly elements: number;
}

export interface QuantizedTensor extends TensorSpec {
  /** ggml type name, e.g. `Q4_K`, `Q6_K`, `F32`. */
  readonly type: string;
  /** Exact bytes in the file. */
  readonly bytes: number;
}
