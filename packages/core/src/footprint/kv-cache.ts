/**
 * @module footprint/kv-cache — the KV cache and recurrent state: bytes llama.cpp allocates for a context (full,
 * sliding-window, shared-KV and latent (MLA) layers, K and V types separately; the fixed per-sequence state of
 * recurrent layers) and bytes attention and recurrent layers read per decoded token at a depth.
 */
import type { LayerSpec, ModelArchitecture } from '../model/architecture.js';
import { findKvCacheType, type KvCacheType } from '../quant/kv-cache-types.js';

/** K and V cache element types; a single type or name applies to both. */
export type KvTypes =
  | string
  | KvCacheType
  | { readonly k: string | KvCacheType; readonly v: string | KvCacheType };

/** How llama.cpp sizes the cache. */
export interface KvCacheOptions {
  /** Micro-batch size (`-ub`), which the sliding-window cache adds to its window. @default 512 */
  readonly ubatchTokens?: number;
  /** `--swa-full`: sliding-window layers keep the whole context. @default false */
  readonly swaFull?: boolean;
}

/** llama.cpp pads the context and the SWA cache to whole multiples of 256 cells. */
const CELL_PADDING = 256;
/** llama.cpp's default micro-batch (common/common.h n_ubatch). */
export const DEFAULT_UBATCH_TOKENS = 512;

const padCells = (n: number): number => Math.ceil(n / CELL_PADDING) * CELL_PADDING;

function resolveType(t: string | KvCacheType): KvCacheType {
  return typeof t === 'string' ? findKvCacheType(t) : t;
}

/** The K and V element types behind a `KvTypes` value. */
function kvTypePair(types: KvTypes): { readonly k: KvCacheType; readonly v: KvCacheType } {
  if (typeof types === 'object' && 'k' in types && 'v' in types) {
    return { k: resolveType(types.k), v: resolveType(types.v) };
  }
  const both = resolveType(types);
  return { k: both, v: both };
}

/**
 * Cells the full-attention and sliding-window caches hold for `contextTokens` (one sequence).
 * Full: the context padded to 256 (src/llama-context.cpp `GGML_PAD(cparams.n_ctx, 256)`). Sliding:
 * `pad256(min(n_ctx, n_swa + n_ubatch))` (src/llama-kv-cache-iswa.cpp, size_swa), or n_ctx with `--swa-full`.
 */
export function kvCacheCells(
  contextTokens: number,
  slidingWindow: number | undefined,
  options: KvCacheOptions = {},
): { readonly full: number; readonly sliding: number } {
  const full = padCells(contextTokens);
  if (slidingWindow === undefined || options.swaFull) return { full, sliding: full };
  const ubatch = options.ubatchTokens ?? DEFAULT_UBATCH_TOKENS;
  return { full, sliding: padCells(Math.min(full, slidingWindow + ubatch)) };
}

/** llama.cpp keeps recurrent state in f32 whatever the KV type (src/llama-model.cpp create_memory: GGML_TYPE_F32). */
const STATE_BYTES_PER_VALUE = 4;
/**
 * A recurrent layer reads its state and writes it back for every token (ggml_ssm_scan, ggml_gated_delta_net and
 * the conv-state shift read and write the whole row), so decode moves it twice.
 */
const STATE_PASSES_PER_TOKEN = 2;

/**
 * Per-layer KV geometry, precomputed once per model and KV type so estimates stay allocation-free.
 * "Per cell" = per cached token position.
 */
export interface KvLayout {
  /**
   * Bytes per cell of the cache each layer owns (0 for layers that reuse another layer's cache or have no
   * attention). The KV cache llama.cpp keeps for MTP blocks it does not run is counted with the last full-attention
   * layer (`ModelArchitecture.mtpKvCached`).
   */
  readonly ownBytesPerCell: Float64Array;
  /** Bytes of recurrent state each layer keeps per sequence, whatever the context (0 for attention layers). */
  readonly stateBytes: Float64Array;
  /** 1 when the layer (or the layer whose cache it owns) is sliding-window, else 0. */
  readonly sliding: Uint8Array;
  /** Bytes each layer reads per cached position it attends to (a shared layer reads its source's geometry). */
  readonly readBytesPerPosition: Float64Array;
  /** Sliding window in tokens; undefined when the model has none. */
  readonly slidingWindow: number | undefined;
}

/**
 * Bytes per cached position of one layer's K and V. A latent-attention (MLA) layer caches K only: the latent plus
 * the rotary key per KV head (llama.cpp src/llama-kv-cache.cpp `has_v = !is_mla`).
 */
function layerBytesPerCell(l: LayerSpec | undefined, k: KvCacheType, v: KvCacheType): number {
  if (l === undefined) return 0;
  if (l.mla) return l.kvHeadCount * (l.mla.kvLoraRank + l.mla.ropeDim) * k.bytesPerElement;
  return l.kvHeadCount * (l.headDimK * k.bytesPerElement + l.headDimV * v.bytesPerElement);
}

/** Recurrent-state bytes one layer keeps per sequence: conv state + SSM state in f32 (llama-memory-recurrent.cpp). */
export function layerStateBytes(l: LayerSpec | undefined): number {
  const r = l?.recurrent;
  return r ? (r.convState + r.ssmState) * STATE_BYTES_PER_VALUE : 0;
}

/** Recurrent-state bytes of the whole model for one sequence (llama.cpp's `llama_memory_recurrent: size`). */
export function recurrentStateBytes(arch: ModelArchitecture): number {
  return arch.layers.reduce((a, l) => a + layerStateBytes(l), 0);
}

/** Precomputes the per-layer KV geometry of `arch` for the given K/V types. */
export function kvLayout(arch: ModelArchitecture, types: KvTypes = 'f16'): KvLayout {
  const { k, v } = kvTypePair(types);
  const n = arch.layers.length;
  const ownBytesPerCell = new Float64Array(n);
  const stateBytes = new Float64Array(n);
  const sliding = new Uint8Array(n);
  const readBytesPerPosition = new Float64Array(n);
  const hasWindow = arch.slidingWindow !== undefined;
  arch.layers.forEach((layer, i) => {
    const source = layer.kvSharedFrom ?? i;
    const perCell = layerBytesPerCell(arch.layers[source], k, v);
    if (layer.kvSharedFrom === undefined) ownBytesPerCell[i] = perCell;
    readBytesPerPosition[i] = perCell;
    stateBytes[i] = layerStateBytes(layer);
    const kind = arch.layers[source]?.attention ?? layer.attention;
    sliding[i] = hasWindow && kind === 'sliding' ? 1 : 0;
  });
  if (arch.mtpKvCached && arch.mtpLayers) {
    // MTP blocks are full-attention (llama-hparams.cpp set_swa_pattern) and never read while decoding.
    let last = n - 1;
    while (last > 0 && (sliding[last] === 1 || ownBytesPerCell[last] === 0)) last--;
    for (const l of arch.mtpLayers)
      ownBytesPerCell[last] = (ownBytesPerCell[last] ?? 0) + layerBytesPerCell(l, k, v);
  }
  return { ownBytesPerCell, stateBytes, sliding, readBytesPerPosition, slidingWindow: arch.slidingWindow };
}

/** Bytes per cell summed over the owned full-attention and sliding-window caches of layers [from, to). */
function kvCellBytes(
  layout: KvLayout,
  from = 0,
  to = layout.ownBytesPerCell.length,
): { readonly full: number; readonly sliding: number } {
  let full = 0;
  let sliding = 0;
  for (let i = from; i < to; i++) {
    const b = layout.ownBytesPerCell[i] ?? 0;
    if (layout.sliding[i] === 1) sliding += b;
    else full += b;
  }
  return { full, sliding };
}

/**
 * Bytes llama.cpp allocates for the KV cache of `contextTokens` (one sequence): full-attention layers hold the
 * padded context, sliding-window layers llama.cpp's iSWA cell count, KV-sharing layers nothing of their own,
 * latent-attention layers their latent; plus the recurrent state of recurrent layers, which does not grow with
 * the context.
 * @param types K/V element types (`f16`, `q8_0`, `q4_0`...). @default 'f16'
 */
export function kvCacheBytes(
  arch: ModelArchitecture,
  contextTokens: number,
  types: KvTypes = 'f16',
  options: KvCacheOptions = {},
): number {
  const layout = kvLayout(arch, types);
  const cells = kvCacheCells(contextTokens, arch.slidingWindow, options);
  const sums = kvCellBytes(layout);
  const state = layout.stateBytes.reduce((a, b) => a + b, 0);
  return sums.full * cells.full + sums.sliding * cells.sliding + state;
}

/**
 * Mean over the `generatedTokens` decoded from `depthTokens` of the positions a layer attends to: token i
 * (0-based) sees depth + i + 1 positions, a sliding layer at most `window` of them.
 */
export function meanAttendedPositions(depthTokens: number, generatedTokens: number, window?: number): number {
  const n = Math.max(1, generatedTokens);
  const first = depthTokens + 1;
  const last = depthTokens + n;
  if (window === undefined || last <= window) return (first + last) / 2;
  if (first >= window) return window;
  // Positions rise first..window-1, then stay at window.
  const rising = window - first;
  const risingSum = ((first + window - 1) * rising) / 2;
  return (risingSum + (n - rising) * window) / n;
}

/** Read bytes per token split by full-attention and sliding layers among layers [from, to). */
function kvReadCoefficients(
  layout: KvLayout,
  from = 0,
  to = layout.readBytesPerPosition.length,
): { readonly full: number; readonly sliding: number } {
  let full = 0;
  let sliding = 0;
  for (let i = from; i < to; i++) {
    const b = layout.readBytesPerPosition[i] ?? 0;
    if (layout.sliding[i] === 1) sliding += b;
    else full += b;
  }
  return { full, sliding };
}

/**
 * KV bytes attention reads to decode one token with `depthTokens` already cached: every layer reads the cache
 * it attends over (shared layers re-read their source's), sliding layers only the last `window` positions.
 * The token's own K/V counts as one more position. Recurrent layers read and write their whole state.
 */
export function kvReadBytesPerToken(
  arch: ModelArchitecture,
  depthTokens: number,
  types: KvTypes = 'f16',
): number {
  return kvReadBytesAveraged(arch, depthTokens, 1, types);
}

/** `kvReadBytesPerToken` averaged over `generatedTokens` decoded one after another from `depthTokens`. */
export function kvReadBytesAveraged(
  arch: ModelArchitecture,
  depthTokens: number,
  generatedTokens: number,
  types: KvTypes = 'f16',
): number {
  const layout = kvLayout(arch, types);
  const c = kvReadCoefficients(layout);
  const full = meanAttendedPositions(depthTokens, generatedTokens);
  const sliding = meanAttendedPositions(depthTokens, generatedTokens, layout.slidingWindow);
  const state = layout.stateBytes.reduce((a, b) => a + b, 0);
  return c.full * full + c.sliding * sliding + STATE_PASSES_PER_TOKEN * state;
}

/** Prefix sums of a `KvLayout` (length layers + 1), for O(1) sums over a range of layers. */
export interface KvPrefixSums {
  readonly ownFull: Float64Array;
  readonly ownSliding: Float64Array;
  readonly readFull: Float64Array;
  readonly readSliding: Float64Array;
  /** Recurrent-state bytes per sequence, which a decoded token reads and writes once each. */
  readonly state: Float64Array;
  readonly slidingWindow: number | undefined;
}

/** Bytes of recurrent state a decoded token moves per byte held (read, then written back). */
export const STATE_TRAFFIC_PER_BYTE = STATE_PASSES_PER_TOKEN;

/** Prefix sums of owned-cache and read bytes per cell, split by full and sliding layers. */
export function kvPrefixSums(layout: KvLayout): KvPrefixSums {
  const n = layout.ownBytesPerCell.length;
  const ownFull = new Float64Array(n + 1);
  const ownSliding = new Float64Array(n + 1);
  const readFull = new Float64Array(n + 1);
  const readSliding = new Float64Array(n + 1);
  const state = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    state[i + 1] = (state[i] ?? 0) + (layout.stateBytes[i] ?? 0);
    const own = layout.ownBytesPerCell[i] ?? 0;
    const read = layout.readBytesPerPosition[i] ?? 0;
    const isSliding = layout.sliding[i] === 1;
    ownFull[i + 1] = (ownFull[i] ?? 0) + (isSliding ? 0 : own);
    ownSliding[i + 1] = (ownSliding[i] ?? 0) + (isSliding ? own : 0);
    readFull[i + 1] = (readFull[i] ?? 0) + (isSliding ? 0 : read);
    readSliding[i + 1] = (readSliding[i] ?? 0) + (isSliding ? read : 0);
  }
  return { ownFull, ownSliding, readFull, readSliding, state, slidingWindow: layout.slidingWindow };
}
