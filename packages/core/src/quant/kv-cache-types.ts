/**
 * @module quant/kv-cache-types — the element types llama.cpp accepts for the K and V caches
 * (`--cache-type-k` / `--cache-type-v`) with their bytes per cached element.
 */
import { CliffbenchError } from '../errors.js';
import { ggmlType } from './ggml-types.js';

/** One KV-cache element type. */
export interface KvCacheType {
  /** Lower-case name as the llama.cpp flag takes it: `f16`, `q8_0`, `q4_0`. */
  readonly name: string;
  /** The ggml storage type behind it. */
  readonly ggmlType: string;
  /** Bytes per cached element, block overhead included (q8_0: 34/32, q4_0: 18/32). */
  readonly bytesPerElement: number;
  readonly source: string;
}

// The list llama.cpp accepts: kv_cache_types in common/arg.cpp
// (https://github.com/ggml-org/llama.cpp/blob/master/common/arg.cpp); sizes from ggmlTypes.
const KV_SOURCE = 'llama.cpp common/arg.cpp kv_cache_types; bytes from ggml type_traits';

const kvRow = (name: string): KvCacheType => {
  const t = ggmlType(name);
  return {
    name,
    ggmlType: t.name,
    bytesPerElement: t.bytesPerBlock / t.blockSize,
    source: KV_SOURCE,
  };
};

/** KV-cache element types, most common first. */
export const kvCacheTypes: readonly KvCacheType[] = [
  kvRow('f16'),
  kvRow('q8_0'),
  kvRow('q4_0'),
  kvRow('bf16'),
  kvRow('f32'),
  kvRow('q5_0'),
  kvRow('q5_1'),
  kvRow('q4_1'),
  kvRow('iq4_nl'),
];

// Spellings people use for the same thing.
const aliases: Readonly<Record<string, string>> = {
  fp16: 'f16',
  half: 'f16',
  float16: 'f16',
  fp32: 'f32',
  float32: 'f32',
  bfloat16: 'bf16',
  q8: 'q8_0',
  int8: 'q8_0',
  '8bit': 'q8_0',
  q4: 'q4_0',
  int4: 'q4_0',
  '4bit': 'q4_0',
};

/**
 * Finds a KV-cache type by name, ignoring case, dashes and spaces (`Q8_0`, `q8`, `fp16`).
 * @throws CliffbenchError('unknown-quant') listing the accepted names.
 */
export function findKvCacheType(name: string): KvCacheType {
  const key = name.trim().toLowerCase().replace(/[-\s]/g, '_');
  const canonical = aliases[key.replace(/_/g, '')] ?? key;
  const found = kvCacheTypes.find((t) => t.name === canonical);
  if (!found) {
    throw new CliffbenchError('unknown-quant', `Unknown KV-cache type "${name}".`, {
      accepted: kvCacheTypes.map((t) => t.name),
    });
  }
  return found;
}
