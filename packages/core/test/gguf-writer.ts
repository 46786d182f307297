/**
 * Test helper: a minimal GGUF v3 writer (metadata of u32, u64, f32, bool, string and arrays of them, plus
 * tensor infos; no tensor data) and the metadata llama.cpp's converter writes for a catalog architecture.
 * Layout from the GGUF spec (ggml-org/ggml docs/gguf.md).
 */
import { ggmlType, type ModelArchitecture } from '../src/index.js';

/** A metadata value: integers are written as u32, bigints as u64, other numbers as f32. */
export type GgufValue = number | bigint | boolean | string | number[] | bigint[] | boolean[] | string[];

/** Tensor info as written: shape innermost first, ggml type id, and its data size for the offsets. */
export interface GgufTensorInfo {
  readonly name: string;
  readonly shape: readonly number[];
  readonly typeId: number;
  /** Bytes of the tensor's data (default: one byte per element); offsets advance by it, 32-aligned. */
  readonly bytes?: number;
}

const T = { UINT32: 4, FLOAT32: 6, BOOL: 7, STRING: 8, ARRAY: 9, UINT64: 10 } as const;

class Writer {
  private bytes: number[] = [];
  u8(v: number) {
    this.bytes.push(v & 0xff);
  }
  u32(v: number) {
    for (let i = 0; i < 4; i++) this.u8(v >>> (8 * i));
  }
  u64(v: number | bigint) {
    const n = BigInt(v);
    this.u32(Number(n & 0xffffffffn));
    this.u32(Number(n >> 32n));
  }
  f32(v: number) {
    for (const x of new Uint8Array(new Float32Array([v]).buffer)) this.u8(x);
  }
  str(s: string) {
    const b = new TextEncoder().encode(s);
    this.u64(b.length);
    for (const x of b) this.u8(x);
  }
  pad(alignment: number) {
    while (this.bytes.length % alignment !== 0) this.u8(0);
  }
  done(): Uint8Array {
    return new Uint8Array(this.bytes);
  }
}

function scalarType(v: number | bigint | boolean | string): number {
  if (typeof v === 'boolean') return T.BOOL;
  if (typeof v === 'string') return T.STRING;
  if (typeof v === 'bigint') return T.UINT64;
  return Number.isInteger(v) ? T.UINT32 : T.FLOAT32;
}

function writeScalar(w: Writer, type: number, v: number | bigint | boolean | string) {
  if (type === T.BOOL) w.u8(v ? 1 : 0);
  else if (type === T.STRING) w.str(String(v));
  else if (type === T.UINT32) w.u32(Number(v));
  else if (type === T.UINT64) w.u64(BigInt(v));
  else w.f32(Number(v));
}

/** A GGUF header with the given metadata and tensor infos (tensor data offsets packed, 32-byte aligned). */
export function writeGguf(
  metadata: Readonly<Record<string, GgufValue>>,
  tensors: readonly GgufTensorInfo[],
): Uint8Array {
  const w = new Writer();
  for (const c of 'GGUF') w.u8(c.charCodeAt(0));
  w.u32(3);
  w.u64(tensors.length);
  w.u64(Object.keys(metadata).length);
  for (const [key, value] of Object.entries(metadata)) {
    w.str(key);
    if (Array.isArray(value)) {
      const type = scalarType(value[0] ?? 0);
      w.u32(T.ARRAY);
      w.u32(type);
      w.u64(value.length);
      for (const v of value) writeScalar(w, type, v);
    } else {
      const type = scalarType(value);
      w.u32(type);
      writeScalar(w, type, value);
    }
  }
  let offset = 0;
  for (const t of tensors) {
    w.str(t.name);
    w.u32(t.shape.length);
    for (const d of t.shape) w.u64(d);
    w.u32(t.typeId);
    w.u64(offset);
    offset += 32 * Math.ceil((t.bytes ?? t.shape.reduce((a, b) => a * b, 1)) / 32);
  }
  w.pad(32);
  return w.done();
}

/** GGUF `general.architecture` of each Hugging Face model_type (llama.cpp convert_hf_to_gguf.py). */
const GGUF_ARCH: Readonly<Record<string, string>> = {
  llama: 'llama',
  mistral: 'llama',
  qwen2: 'qwen2',
  qwen3: 'qwen3',
  qwen3_moe: 'qwen3moe',
  gpt_oss: 'gpt-oss',
  gemma3_text: 'gemma3',
  gemma4_text: 'gemma4',
  gemma4_unified_text: 'gemma4',
};

/** The hyper-parameter metadata llama.cpp's converter writes for an architecture (no tokenizer). */
export function ggufMetadataOf(arch: ModelArchitecture): {
  ggufArch: string;
  metadata: Record<string, GgufValue>;
} {
  const a = GGUF_ARCH[arch.modelType] ?? 'llama';
  const first = arch.layers[0];
  const ffn = arch.layers.find((l) => l.ffn.kind === 'moe')?.ffn;
  const shared = arch.layers.filter((l) => l.kvSharedFrom !== undefined).length;
  const metadata: Record<string, GgufValue> = {
    'general.architecture': a,
    'general.name': arch.name,
    [`${a}.block_count`]: arch.layers.length,
    [`${a}.embedding_length`]: arch.hiddenSize,
    [`${a}.context_length`]: arch.maxContext,
    [`${a}.attention.head_count`]: first?.headCount ?? 0,
    [`${a}.attention.head_count_kv`]: arch.layers.map((l) => l.kvHeadCount),
  };
  if (arch.slidingWindow) metadata[`${a}.attention.sliding_window`] = arch.slidingWindow;
  if (a === 'gemma4') {
    metadata[`${a}.attention.sliding_window_pattern`] = arch.layers.map((l) => l.attention === 'sliding');
    metadata[`${a}.attention.shared_kv_layers`] = shared;
    metadata[`${a}.embedding_length_per_layer_input`] = arch.perLayerInputSize ?? 0;
  }
  if (ffn?.kind === 'moe') {
    metadata[`${a}.expert_count`] = ffn.experts;
    metadata[`${a}.expert_used_count`] = ffn.expertsUsed;
  }
  return { ggufArch: a, metadata };
}

/** A tensor as a GGUF header lists it: name, shape, ggml type name and its exact bytes. */
export interface TypedTensor {
  readonly name: string;
  readonly shape: readonly number[];
  readonly type: string;
  readonly bytes: number;
}

/** A GGUF header whose tensor infos carry each tensor's ggml type and exact size (offsets packed, 32-aligned). */
export function writeTypedGguf(
  metadata: Readonly<Record<string, GgufValue>>,
  tensors: readonly TypedTensor[],
): Uint8Array {
  return writeGguf(
    metadata,
    tensors.map((t) => ({ name: t.name, shape: t.shape, typeId: ggmlType(t.type).id, bytes: t.bytes })),
  );
}

const elements = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** A Q8_0 tensor: blocks of 32 weights in 34 bytes (ggml-common.h block_q8_0). */
export const q8Tensor = (name: string, shape: number[]): TypedTensor => ({
  name,
  shape,
  type: 'Q8_0',
  bytes: (elements(shape) * 34) / 32,
});

/** An F32 tensor. */
export const f32Tensor = (name: string, shape: number[]): TypedTensor => ({
  name,
  shape,
  type: 'F32',
  bytes: elements(shape) * 4,
});
