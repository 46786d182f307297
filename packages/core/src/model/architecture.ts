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

/**
 * Multi-head latent attention (DeepSeek-V2/V3, GLM-4.7-Flash): K and V are projected up from a compressed latent
 * of `kvLoraRank` values plus a shared rotary key of `ropeDim`. llama.cpp caches only that latent and rotary key,
 * one "head" of kvLoraRank + ropeDim values per token and no separate V (src/llama-kv-cache.cpp: `has_v =
 * !is_mla`; the converter writes key_length = kv_lora_rank + n_rot and head_count_kv = 1).
 */
export interface MlaSpec {
  /** Width of the compressed KV latent (`kv_lora_rank`). */
  readonly kvLoraRank: number;
  /** Width of the compressed query (`q_lora_rank`); 0 when Q is projected directly (DeepSeek-V2-Lite). */
  readonly qLoraRank: number;
  /** Rotary part of each query/key head (`qk_rope_head_dim`, GGUF `rope.dimension_count`). */
  readonly ropeDim: number;
}

/** What kind of recurrent token mixer a layer has; decides its weight tensors, not its state size. */
export type RecurrentKind = 'mamba2' | 'gated-delta-net' | 'short-conv' | 'rwkv';

/**
 * A layer whose token mixer keeps a fixed-size state per sequence instead of a KV cache (Mamba-2, Gated DeltaNet,
 * LFM2 short convolutions, RWKV). Sizes as llama.cpp allocates them (src/llama-hparams.cpp n_embd_r / n_embd_s,
 * src/llama-memory-recurrent.cpp): one row of each per sequence, in f32.
 */
export interface RecurrentSpec {
  readonly kind: RecurrentKind;
  /** Values of the rolling convolution state per sequence (llama.cpp `n_embd_r`). */
  readonly convState: number;
  /** Values of the recurrent (SSM / delta-rule / WKV) state per sequence (llama.cpp `n_embd_s`). */
  readonly ssmState: number;
  /** Convolution width (`ssm.conv_kernel`, LFM2 `shortconv.l_cache`). */
  readonly convKernel: number;
  /** Inner width of the mixer (`ssm.inner_size`: Mamba d_inner, Gated DeltaNet value heads × head dim). */
  readonly innerSize: number;
  /** State size per head or group (`ssm.state_size`: Mamba d_state, Gated DeltaNet key head dim). */
  readonly stateSize: number;
  /** Groups (`ssm.group_count`: Mamba-2 n_groups, Gated DeltaNet key heads). */
  readonly groups: number;
  /** `ssm.time_step_rank`: Mamba-2 heads, Gated DeltaNet value heads. */
  readonly timeStepRank: number;
}

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
  /** Multi-head latent attention: the cache holds the compressed latent, not per-head K and V. */
  readonly mla?: MlaSpec;
  /**
   * A recurrent token mixer (hybrid and state-space models). With `headCount` 0 the layer has no attention and no
   * KV cache; Falcon-H1-style layers run both side by side.
   */
  readonly recurrent?: RecurrentSpec;
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
  /** Gated FFN (SwiGLU/GeGLU: gate and up, fused or not, then down) — false for plain up/down MLPs (StarCoder2). */
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
  /**
   * Multi-token-prediction (NextN) blocks stored after the layers (`blk.{n}.*`, GGUF `nextn_predict_layers`):
   * llama.cpp keeps them in the file but neither loads nor runs them unless it drafts with them (TENSOR_SKIP in
   * src/models/glm4-moe.cpp and others). Absent when the model has none.
   */
  readonly mtpLayers?: readonly LayerSpec[];
  /**
   * llama.cpp still allocates KV cache for the MTP blocks in the main context (its KV-cache layer filter covers
   * only some architectures: src/llama-model.cpp create_memory).
   */
  readonly mtpKvCached?: boolean;
  /** Where the numbers come from (URL or file and field), shown as the estimate's basis. */
  readonly source: string;
  /**
   * What had to be assumed to describe the model (an architecture cliffbench does not know), in words the estimate
   * shows beside its result; absent when nothing was.
   */
  readonly assumptions?: readonly string[];
}
