/**
 * @module speed/prefill-sums — the per-model figures prompt processing needs beyond the byte sums: matmul
 * parameters per prompt token (dense and routed experts apart; the output head excluded, because a prompt
 * computes logits for its last token only), the share stored in float types, the experts per MoE layer, and
 * the attention heads. Computed once per tensor list.
 */
import type { ModelArchitecture } from '../model/architecture.js';
import type { QuantizedTensor } from '../model/tensors.js';

/** Per-model prefill figures. */
export interface PrefillSums {
  /** Matmul parameters per prompt token outside the routed experts (output head excluded). */
  readonly denseParams: number;
  /** Routed-expert parameters per token: top-k of E of each MoE layer's experts. */
  readonly expertActiveParams: number;
  /** All routed-expert parameters. */
  readonly expertParams: number;
  /** Share of the matmul parameters held as F16, BF16 or F32 (cuBLAS / FP32 FMAs instead of int8 kernels). */
  readonly floatShare: number;
  /** Experts per MoE layer and experts used per token (0 for dense models). */
  readonly experts: number;
  readonly expertsUsed: number;
  /** Σ query heads over full-attention layers, and over sliding-window layers. */
  readonly headsFull: number;
  readonly headsSliding: number;
}

const FLOAT_TYPES = new Set(['F16', 'BF16', 'F32']);
const LOOKUPS = new Set(['token_embd.weight', 'per_layer_token_embd.weight']);

const cache = new WeakMap<readonly QuantizedTensor[], PrefillSums>();

/** The prefill figures of a model's tensors (memoised per tensor list). */
export function prefillSums(arch: ModelArchitecture, tensors: readonly QuantizedTensor[]): PrefillSums {
  const cached = cache.get(tensors);
  if (cached !== undefined) return cached;
  const n = arch.layers.length;
  const moeLayer = arch.layers.find((layer) => layer.ffn.kind === 'moe')?.ffn;
  const share = (layer: number | null): number => {
    const ffn = layer === null ? undefined : arch.layers[layer]?.ffn;
    return ffn?.kind === 'moe' ? ffn.expertsUsed / ffn.experts : 1;
  };
  let dense = 0;
  let expertActive = 0;
  let expertAll = 0;
  let float = 0;
  let all = 0;
  for (const t of tensors) {
    // Lookup tables and the output head (logits of the last prompt token only) are not per-token matmuls.
    if (t.shape.length < 2 || LOOKUPS.has(t.name) || t.name === 'output.weight') continue;
    if (t.layer !== null && t.layer >= n) continue;
    if (t.group === 'experts') {
      expertActive += t.elements * share(t.layer);
      expertAll += t.elements;
    } else dense += t.elements;
    all += t.elements;
    if (FLOAT_TYPES.has(t.type)) float += t.elements;
  }
  let headsFull = 0;
  let headsSliding = 0;
  for (const layer of arch.layers) {
    if (layer.attention === 'sliding' && arch.slidingWindow !== undefined) headsSliding += layer.headCount;
    else headsFull += layer.headCount;
  }
  const sums: PrefillSums = {
    denseParams: dense,
    expertActiveParams: expertActive,
    expertParams: expertAll,
    floatShare: all > 0 ? float / all : 0,
    experts: moeLayer?.kind === 'moe' ? moeLayer.experts : 0,
    expertsUsed: moeLayer?.kind === 'moe' ? moeLayer.expertsUsed : 0,
    headsFull,
    headsSliding,
  };
  cache.set(tensors, sums);
  return sums;
}
