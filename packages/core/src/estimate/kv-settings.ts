/**
 * @module estimate/kv-settings — the KV-cache types and flash-attention setting a scenario asks for,
 * with llama.cpp's rule that a quantised V cache needs flash attention.
 */
import { CliffbenchError } from '../errors.js';
import { findKvCacheType, type KvCacheType } from '../quant/kv-cache-types.js';
import type { KvCacheTypeName } from './scenario.js';

/** The KV-cache configuration an estimate runs with. */
export interface KvCacheSettings {
  /** Element type of the K cache. */
  readonly k: KvCacheType;
  /** Element type of the V cache. */
  readonly v: KvCacheType;
  /** Whether flash attention is on. */
  readonly flashAttention: boolean;
}

/** The scenario fields this reads (all optional, so old scenarios keep their meaning). */
export interface KvCacheFields {
  /** @default 'f16' */
  readonly kvCacheType?: KvCacheTypeName;
  /** @default kvCacheType */
  readonly kvCacheTypeV?: KvCacheTypeName;
  /** @default true (llama.cpp `-fa auto` turns it on where the backend supports it) */
  readonly flashAttention?: boolean;
}

/**
 * Resolves K/V cache types and flash attention.
 *
 * llama.cpp stores V transposed when flash attention is off, which block-quantised types cannot
 * hold: with `-fa auto` it turns flash attention on for a quantised V cache, with `-fa off` it stops
 * with "quantized V cache was requested, but this requires Flash Attention"
 * (src/llama-context.cpp, llama_init_from_model / llama_context constructor,
 * https://github.com/ggml-org/llama.cpp/blob/master/src/llama-context.cpp). A quantised K cache is
 * allowed either way.
 * @throws CliffbenchError('invalid-scenario') for a quantised V cache with `flashAttention: false`.
 */
export function kvCacheSettings(fields: KvCacheFields): KvCacheSettings {
  const k = findKvCacheType(fields.kvCacheType ?? 'f16');
  const v = findKvCacheType(fields.kvCacheTypeV ?? fields.kvCacheType ?? 'f16');
  const vQuantised = v.name !== 'f16' && v.name !== 'bf16' && v.name !== 'f32';
  if (vQuantised && fields.flashAttention === false) {
    throw new CliffbenchError(
      'invalid-scenario',
      `A ${v.name} V cache needs flash attention: llama.cpp refuses to start with a quantised V cache and flash attention off. ` +
        'Set flashAttention to true (or leave it out), or use an f16 V cache (kvCacheTypeV: "f16").',
      { field: 'flashAttention', kvCacheTypeV: v.name },
    );
  }
  return { k, v, flashAttention: fields.flashAttention ?? true };
}
