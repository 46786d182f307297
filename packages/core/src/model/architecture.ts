/**
 * @module model/architecture — the normalised description of a decoder-only transformer that every
 * estimate is computed from. Catalog entries, Hugging Face config.json files and GGUF headers are all
 * turned into this shape. Per-layer arrays (not scalars) because Gemma 3/4 and gpt-oss mix layer kinds.
 */

/** Attention span of one layer: `full` sees the whole context, `sliding` only the last `slidingWindow` tokens. */
export type AttentionKind = 'full' | 'sliding';

export interface DenseFfn {
  readonly kind: 'dense';
  /** Intermediate (hidden) size of the FFN. */
  readonly intermediate: number;
}

export interface MoeFfn {
  readonly kind: 'moe';
  /** Routed experts in the layer. */
  readonly experts: number;
  /** Routed experts used per token (top-k). */
  readonly expertsUsed: number;
  /** Intermediate size of one routed expert. */
  readonly expertIntermediate: number;
  /** Intermediate size of the always-active shared expert / dense MLP beside the experts; 0 if none. */
  readonly sharedIntermediate: number;
}

export type FfnSpec = DenseFfn | MoeFfn;

export interface LayerSpec {
  readonly attention: AttentionKind;
  readonly headCount: number;
  readonly kvHeadCount: number;
  /** Per-head dimension of Q and K. */
  readonly headDimK: number;
  /** Per-head dimension of V (equals headDimK in every model we know of). */
  readonly headDimV: number;
  /** False when the layer has no v_proj (Gemma 4 "K=V" global layers); V is still cached separately. */
  readonly hasVProj: boolean;
  /** Index of the layer whose KV cache this layer reads; undefined when it owns its own cache. */
  readonly kvSharedFrom?: number;
  readonly ffn: FfnSpec;
}

/** RoPE frequency scaling as config.json states it. */
export interface RopeScaling {
  /** `rope_type` (or legacy `type`): `llama3`, `yarn`, `linear`, `dynamic`, ... */
  readonly type: string;
  /** Context extension factor. */
  readonly factor: number;
  /** Context length the model was pre-trained with (tokens), when given. */
  readonly originalContext?: number;
}

export interface ModelArchitecture {
  /** Catalog id (kebab-case, e.g. `gemma-4-31b`), or a derived id for imported files. */
  readonly id: string;
  /** Human name, e.g. "Gemma 4 31B". */
  readonly name: string;
  /** Family for grouping and "a smaller model of the same family" advice, e.g. `gemma-4`. */
  readonly family: string;
  /** Hugging Face `model_type` (or GGUF `general.architecture`) it was built from. */
  readonly modelType: string;
  readonly hiddenSize: number;
  readonly vocabSize: number;
  /** Output head shares the token-embedding matrix. */
  readonly tiedEmbeddings: boolean;
  /** Gated FFN (SwiGLU/GeGLU: gate, up, down) — true for every model in the catalog. */
  readonly gatedFfn: boolean;
  /** Sliding-window size in tokens for `sliding` layers; undefined when the model has none. */
  readonly slidingWindow?: number;
  /** Gemma E-models' per-layer embedding width (256); undefined otherwise. */
  readonly perLayerInputSize?: number;
  readonly maxContext: number;
  /**
   * RoPE scaling from config.json `rope_scaling` / `rope_parameters` (e.g. Llama 3.1 `llama3` × 8, gpt-oss
   * `yarn` × 32); undefined when the model uses plain RoPE. `llama3` scaling adds a `rope_freqs` tensor.
   */
  readonly ropeScaling?: RopeScaling;
  readonly layers: readonly LayerSpec[];
  /** Where the numbers come from (URL or file and field), shown as the estimate's basis. */
  readonly source: string;
}
