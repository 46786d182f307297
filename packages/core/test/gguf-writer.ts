/**
 * A minimal GGUF v3 writer for tests: metadata (u32, f32, bool, string, arrays of u32/bool/string) and
 * tensor infos, no tensor data. Layout from the GGUF spec (ggml-org/ggml docs/gguf.md).
 */

export type GgufValue = number | boolean | string | number[] | boolean[] | string[];

/** Tensor info as written: shape innermost first, ggml type id. */
export interface GgufTensorInfo {
  readonly name: string;
  readonly shape: readonly number[];
  readonly typeId: number;
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
  u64(v: number) {
    this.u32(v % 2 ** 32);
    this.u32(Math.floor(v / 2 ** 32));
  }
  f32(v: number) {
    const b = new Uint8Array(new Float32Array([v]).buffer);
    for (const x of b) this.u8(x);
  }
  str(s: string) {
    const b = new TextEncoder().encode(s);
    this.u64(b.length);
    for (const x of b) this.u8(x);
  }
  pad(alignment: number) {
    while (this.bytes.length % alignment !== 0) this.u8(0);
  }
  get length() {
    return this.bytes.length;
  }
  done(): Uint8Array {
    return new Uint8Array(this.bytes);
  }
}

function scalarType(v: number | boolean | string): number {
  if (typeof v === 'boolean') return T.BOOL;
  if (typeof v === 'string') return T.STRING;
  return Number.isInteger(v) ? T.UINT32 : T.FLOAT32;
}

function writeScalar(w: Writer, type: number, v: number | boolean | string) {
  if (type === T.BOOL) w.u8(v ? 1 : 0);
  else if (type === T.STRING) w.str(String(v));
  else if (type === T.UINT32) w.u32(Number(v));
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
      const first = value[0] ?? 0;
      const type = scalarType(first);
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
    offset += 32 * Math.ceil(t.shape.reduce((a, b) => a * b, 1) / 32);
  }
  w.pad(32);
  return w.done();
}
