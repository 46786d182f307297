/**
 * @module estimate/model-sums — per-layer byte and FLOP figures of one quantised model, with prefix sums, so
 * placement and speed are O(1) range sums instead of loops over tensors.
 */
import type { WeightBreakdown } from '../footprint/weights.js';
import type { ModelArchitecture } from '../model/architecture.js';
import type { QuantizedTensor } from '../model/tensors.js';

/** Per-layer sums of one quantised model. Prefix arrays have `layerCount + 1` entries: cum[i] = Σ layers < i. */
export interface ModelSums {
  readonly layerCount: number;
  /** Σ weight bytes of layers. */
  readonly cumLayerBytes: Float64Array;
  /** Σ routed-expert bytes of layers (what `--n-cpu-moe` moves to RAM). */
  readonly cumExpertBytes: Float64Array;
  /** Σ weight bytes read per token by layers (routed experts at top-k/E). */
  readonly cumActiveBytes: Float64Array;
  /** Σ routed-expert bytes read per token by layers. */
  readonly cumActiveExpertBytes: Float64Array;
  /** Σ of 1 for each MoE layer. */
  readonly cumMoeLayers: Float64Array;
  /** Bytes outside the layers that live on the output device: output head (a tied one is duplicated), norms. */
  readonly outputSideBytes: number;
  /** The tied output head's bytes (0 when untied): on the CPU it is the lookup table itself, not a copy. */
  readonly tiedHeadBytes: number;
  /** Input lookup tables llama.cpp keeps in host memory (token and per-layer embeddings). */
  readonly lookupBytes: number;
  /** Bytes read per token outside the layers (output head, lookup rows). */
  readonly outputActiveBytes: number;
  /** All weight bytes. */
  readonly totalBytes: number;
  /** Weight bytes read per token. */
  readonly activeBytesPerToken: number;
  /** Multiply-accumulate weights used per token (parameters; routed experts at top-k/E; lookups excluded). */
  readonly activeParams: number;
  /** Σ over full-attention layers of query heads × (head_dim K + head_dim V): attention FLOPs/2 per position. */
  readonly attentionWidthFull: number;
  /** The same over sliding-window layers. */
  readonly attentionWidthSliding: number;
}

const LOOKUPS = new Set(['token_embd.weight', 'per_layer_token_embd.weight']);

function prefix(values: Float64Array): Float64Array {
  const cum = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i++) cum[i + 1] = (cum[i] ?? 0) + (values[i] ?? 0);
  return cum;
}

/** Routed experts used per token as a share of the layer's experts (1 for dense layers). */
function expertShare(arch: ModelArchitecture, layer: number): number {
  const ffn = arch.layers[layer]?.ffn;
  return ffn?.kind === 'moe' ? ffn.expertsUsed / ffn.experts : 1;
}

/**
 * Sums a model's weights per layer.
 * @param weights the breakdown (possibly rescaled to a real file size) the byte figures come from.
 * @param tensors the tensors, for parameter counts (FLOPs) and which tensor is the output head.
 */
export function modelSums(
  arch: ModelArchitecture,
  tensors: readonly QuantizedTensor[],
  weights: WeightBreakdown,
): ModelSums {
  const n = arch.layers.length;
  const layerBytes = new Float64Array(n);
  const expertBytes = new Float64Array(n);
  const activeBytes = new Float64Array(n);
  const activeExpertBytes = new Float64Array(n);
  const moe = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const all = weights.perLayerBytes[i] ?? 0;
    const experts = weights.expertBytesPerLayer[i] ?? 0;
    const share = expertShare(arch, i);
    layerBytes[i] = all;
    expertBytes[i] = experts;
    activeExpertBytes[i] = experts * share;
    activeBytes[i] = all - experts + experts * share;
    moe[i] = arch.layers[i]?.ffn.kind === 'moe' ? 1 : 0;
  }
  const cumActiveBytes = prefix(activeBytes);
  // Tensors past the layers are MTP (NextN) blocks llama.cpp neither loads nor runs (ModelArchitecture.mtpLayers):
  // no memory (they are outside every layer range) and no reads.
  let mtpBytes = 0;
  for (let i = n; i < weights.perLayerBytes.length; i++) mtpBytes += weights.perLayerBytes[i] ?? 0;
  const tied = !tensors.some((t) => t.name === 'output.weight');
  const tiedHeadBytes = tied ? weights.outputHeadBytes : 0;

  let activeParams = 0;
  for (const t of tensors) {
    if (LOOKUPS.has(t.name) && !(tied && t.name === 'token_embd.weight')) continue;
    if (t.layer !== null && t.layer >= n) continue;
    const share = t.group === 'experts' && t.layer !== null ? expertShare(arch, t.layer) : 1;
    if (t.shape.length >= 2) activeParams += t.elements * share;
  }
  let attentionWidthFull = 0;
  let attentionWidthSliding = 0;
  for (const layer of arch.layers) {
    const width = layer.headCount * (layer.headDimK + layer.headDimV);
    if (layer.attention === 'sliding' && arch.slidingWindow !== undefined) attentionWidthSliding += width;
    else attentionWidthFull += width;
  }

  return {
    layerCount: n,
    cumLayerBytes: prefix(layerBytes),
    cumExpertBytes: prefix(expertBytes),
    cumActiveBytes,
    cumActiveExpertBytes: prefix(activeExpertBytes),
    cumMoeLayers: prefix(moe),
    outputSideBytes: weights.nonRepeatingBytes - weights.lookupTableBytes + tiedHeadBytes,
    tiedHeadBytes,
    lookupBytes: weights.lookupTableBytes,
    outputActiveBytes: Math.max(0, weights.activeBytesPerToken - (cumActiveBytes[n] ?? 0) - mtpBytes),
    totalBytes: weights.totalBytes,
    activeBytesPerToken: weights.activeBytesPerToken,
    activeParams,
    attentionWidthFull,
    attentionWidthSliding,
  };
}

/** Σ of a prefix array over layers [from, to). */
export function rangeSum(cum: Float64Array, from: number, to: number): number {
  return to > from ? (cum[to] ?? 0) - (cum[from] ?? 0) : 0;
}
