/**
 * @module footprint/weights — what a model's weights weigh: in total, by tensor group, per layer, and how
 * many of those bytes one decoded token actually reads.
 */
import type { ModelArchitecture } from '../model/architecture.js';
import type { QuantizedTensor, TensorGroup } from '../model/tensors.js';

/** The weights of one quantised model, in bytes. */
export interface WeightBreakdown {
  /** Sum of all tensor bytes (what llama-bench prints as "size"; the GGUF file adds its header). */
  readonly totalBytes: number;
  /** Bytes per tensor group; every group is present, 0 when unused. */
  readonly byGroup: Readonly<Record<TensorGroup, number>>;
  /** Bytes of each repeating layer (`blk.N.*`), index = layer. */
  readonly perLayerBytes: readonly number[];
  /** Bytes outside the repeating layers: token and per-layer embedding tables, output head, final norm. */
  readonly nonRepeatingBytes: number;
  /** Routed-expert bytes in each layer (0 for dense layers); included in perLayerBytes. */
  readonly expertBytesPerLayer: readonly number[];
  /** Bytes of the output head read per token: output.weight, or the token embedding when tied. */
  readonly outputHeadBytes: number;
  /** Input lookup tables (token_embd, per_layer_token_embd), which llama.cpp keeps in host memory. */
  readonly lookupTableBytes: number;
  /** Weight bytes read to decode one token at batch 1; see weightBreakdown. */
  readonly activeBytesPerToken: number;
}

const GROUPS: readonly TensorGroup[] = [
  'token-embedding',
  'per-layer-embedding',
  'output',
  'attention',
  'ffn',
  'shared-expert',
  'experts',
  'router',
  'norm',
  'other',
];

const LOOKUP_TABLES = new Set(['token_embd.weight', 'per_layer_token_embd.weight']);

/** Bytes of one row of a lookup table (ne1 rows of ne0 values). */
function rowBytes(t: QuantizedTensor): number {
  const rows = t.shape.slice(1).reduce((a, b) => a * b, 1);
  return t.bytes / rows;
}

/**
 * Sums a quantised model's tensors into a breakdown.
 *
 * `activeBytesPerToken` counts what batch-1 decode streams from memory per token:
 * - every always-active tensor in full (attention, dense FFN, shared experts, routers, norms);
 * - routed experts at the share `expertsUsed / experts` of their layer (top-k of E);
 * - the output head in full once, tied or not (a tied head is the token-embedding matrix itself);
 * - the token-embedding lookup and the Gemma E-models' per-layer-embedding (PLE) table at one row each:
 *   a lookup reads only the row of the current token, so these large tables cost almost nothing per token.
 *
 * @param arch supplies top-k and expert counts per layer; tensors are matched to it by `layer`.
 */
export function weightBreakdown(
  tensors: readonly QuantizedTensor[],
  arch: ModelArchitecture,
): WeightBreakdown {
  const byGroup = Object.fromEntries(GROUPS.map((g) => [g, 0])) as Record<TensorGroup, number>;
  const layerCount = Math.max(arch.layers.length, ...tensors.map((t) => (t.layer ?? -1) + 1));
  const perLayerBytes = new Array<number>(layerCount).fill(0);
  const expertBytesPerLayer = new Array<number>(layerCount).fill(0);
  const hasOutput = tensors.some((t) => t.name === 'output.weight');
  let totalBytes = 0;
  let nonRepeatingBytes = 0;
  let outputHeadBytes = 0;
  let lookupTableBytes = 0;
  let activeBytesPerToken = 0;

  for (const t of tensors) {
    totalBytes += t.bytes;
    byGroup[t.group] += t.bytes;
    if (t.layer === null) nonRepeatingBytes += t.bytes;
    else perLayerBytes[t.layer] = (perLayerBytes[t.layer] ?? 0) + t.bytes;

    const isHead = t.name === 'output.weight' || (!hasOutput && t.name === 'token_embd.weight');
    if (isHead) outputHeadBytes += t.bytes;
    if (LOOKUP_TABLES.has(t.name)) lookupTableBytes += t.bytes;

    if (t.group === 'experts' && t.layer !== null) {
      expertBytesPerLayer[t.layer] = (expertBytesPerLayer[t.layer] ?? 0) + t.bytes;
      const ffn = arch.layers[t.layer]?.ffn;
      const share = ffn?.kind === 'moe' ? ffn.expertsUsed / ffn.experts : 1;
      activeBytesPerToken += t.bytes * share;
    } else if (isHead) {
      activeBytesPerToken += t.bytes + (LOOKUP_TABLES.has(t.name) ? rowBytes(t) : 0);
    } else if (LOOKUP_TABLES.has(t.name)) {
      activeBytesPerToken += rowBytes(t);
    } else {
      activeBytesPerToken += t.bytes;
    }
  }

  return {
    totalBytes,
    byGroup,
    perLayerBytes,
    nonRepeatingBytes,
    expertBytesPerLayer,
    outputHeadBytes,
    lookupTableBytes,
    activeBytesPerToken,
  };
}
