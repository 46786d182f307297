/**
 * @module plan/decode-gemvs — the matrix-vector products one decode step runs, in order, derived from core's
 * tensor list (`tensorsOf`, llama.cpp names and GGUF shapes), so the benchmark's shapes follow the catalog.
 */
import {
  CliffbenchError,
  findModel,
  type ModelArchitecture,
  type TensorSpec,
  tensorsOf,
} from '@cliffbench/core';

/** One GEMV: `rows` outputs from `cols` inputs (a GGUF tensor of shape [cols, rows]). */
export interface GemvProblem {
  /** e.g. "gemma-4-31b blk.0.ffn_down". */
  readonly label: string;
  readonly rows: number;
  readonly cols: number;
  /** Repeating-layer index, or null for input/output tensors. */
  readonly layer: number | null;
}

/** Groups whose 2-D tensors are matrix-vector products every token. */
const GEMV_GROUPS = new Set(['attention', 'ffn', 'shared-expert', 'router', 'output', 'per-layer-embedding']);

const nameOf = (t: TensorSpec) => t.name.replace(/\.weight$/, '');

/** GEMVs of one tensor per token: none (lookups, norms, unused tensors), one, or top-k expert slices. */
function gemvsOf(arch: ModelArchitecture, t: TensorSpec): GemvProblem[] {
  const [cols, rows, experts] = t.shape;
  if (cols === undefined || rows === undefined) return [];
  const label = `${arch.id} ${nameOf(t)}`;
  const layer = t.layer === null ? undefined : arch.layers[t.layer];
  // KV-shared layers (Gemma E models) keep attn_k/attn_v in the file but never read them.
  if (layer?.kvSharedFrom !== undefined && /\.attn_[kv]\.weight$/.test(t.name)) return [];
  if (t.group === 'experts' && experts !== undefined && layer?.ffn.kind === 'moe') {
    return Array.from({ length: layer.ffn.expertsUsed }, (_, e) => ({
      label: `${label}[${e}]`,
      rows,
      cols,
      layer: t.layer,
    }));
  }
  if (experts !== undefined || !GEMV_GROUPS.has(t.group)) return [];
  // Tables indexed by token id (per-layer embeddings) are lookups: one row read, no product.
  if (rows === arch.vocabSize && t.group === 'per-layer-embedding') return [];
  return [{ label, rows, cols, layer: t.layer }];
}

/**
 * Every GEMV of one token's decode step, in execution order: per-layer inputs, each layer's projections
 * (top-k expert slices for MoE layers), then the output head (the token-embedding matrix when tied).
 */
export function decodeGemvs(arch: ModelArchitecture): GemvProblem[] {
  const tensors = tensorsOf(arch);
  const out = tensors.flatMap((t) => gemvsOf(arch, t));
  const embedding = tensors.find((t) => t.group === 'token-embedding');
  if (arch.tiedEmbeddings && embedding) {
    out.push({
      label: `${arch.id} output (tied token_embd)`,
      rows: arch.vocabSize,
      cols: arch.hiddenSize,
      layer: null,
    });
  }
  return out;
}

/**
 * The GEMV of tensor `tensor` (llama.cpp name without `.weight`, e.g. `blk.0.attn_q`, `blk.0.ffn_gate_up_exps`
 * for one expert's slice, `output` for the output head) in catalog model `model`.
 */
export function gemvProblem(model: string, tensor: string): GemvProblem {
  const arch = findModel(model);
  const all = decodeGemvs(arch);
  const wanted = tensor === 'output' ? `${arch.id} output` : `${arch.id} ${tensor}`;
  const hit = all.find(
    (p) => p.label === wanted || p.label.startsWith(`${wanted}[`) || p.label.startsWith(`${wanted} (`),
  );
  if (!hit) {
    throw new CliffbenchError(
      'invalid-config',
      `${arch.id} has no GEMV named ${tensor}; names look like blk.0.attn_q, blk.0.ffn_down, output.`,
      { model: arch.id, tensor },
    );
  }
  return { ...hit, label: hit.label.replace(/\[0\]$/, ' (one expert)') };
}
