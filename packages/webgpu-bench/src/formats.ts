/**
 * @module formats — the weight layouts the GEMV kernels read, with the same bytes per weight as the GGUF
 * files people run (block layouts from ggml/src/ggml-common.h): how to fill them with random data and
 * the CPU reference the GPU result is checked against.
 *
 * Q8_0 and Q4_0 are stored as two arrays (the quants, then the f16 block scales), so every block stays
 * 4-byte aligned on the GPU; the bytes per weight are exactly GGUF's (34/32, 18/32). Q4_K keeps GGUF's
 * 144-byte super-block as is (d, dmin, 12 bytes of 6-bit scales/mins, 128 bytes of nibbles).
 */
import type { WeightFormat } from '@cliffbench/core';
import { fromHalfBits, toHalfBits } from './half.js';
import type { Xorshift32 } from './random.js';

export interface FormatSpec {
  readonly name: WeightFormat;
  /** Weights per block (a GEMV work item). */
  readonly blockSize: number;
  /** u32 words of the main array per block. */
  readonly wordsPerBlock: number;
  /** True when each block has an f16 scale in a second array. */
  readonly scaled: boolean;
  /** GGUF bytes per block (main words + scale): the bytes the kernel must read. */
  readonly bytesPerBlock: number;
  /** Fill one block's words (and return its scale as f16 bits when `scaled`). */
  fill(words: Uint32Array, at: number, rng: Xorshift32): number;
  /** Dot product of one block with x[from, from + blockSize). */
  dot(words: Uint32Array, at: number, scale: number, x: Float32Array, from: number): number;
}

const f32bits = new Float32Array(1);
const f32u = new Uint32Array(f32bits.buffer);
const floatBits = (v: number) => {
  f32bits[0] = v;
  return f32u[0] as number;
};
const bitsFloat = (u: number) => {
  f32u[0] = u;
  return f32bits[0] as number;
};
const smallScale = (rng: Xorshift32) => toHalfBits(rng.uniform(0.001, 0.01));
const byteOf = (word: number, k: number) => (word >>> (8 * k)) & 0xff;
const int8 = (b: number) => (b & 0x80 ? b - 256 : b);

/** ggml get_scale_min_k4: the 6-bit scale and min of sub-block j from the 12 packed bytes. */
function scaleMinK4(j: number, q: (i: number) => number): [number, number] {
  if (j < 4) return [q(j) & 63, q(j + 4) & 63];
  return [(q(j + 4) & 0xf) | ((q(j - 4) >> 6) << 4), (q(j + 4) >> 4) | ((q(j) >> 6) << 4)];
}

export const formats: Readonly<Record<WeightFormat, FormatSpec>> = {
  f32: {
    name: 'f32',
    blockSize: 4,
    wordsPerBlock: 4,
    scaled: false,
    bytesPerBlock: 16,
    fill(w, at, rng) {
      for (let i = 0; i < 4; i++) w[at + i] = floatBits(rng.uniform(-1, 1));
      return 0;
    },
    dot(w, at, _s, x, from) {
      let s = 0;
      for (let i = 0; i < 4; i++) s += bitsFloat(w[at + i] as number) * (x[from + i] as number);
      return s;
    },
  },
  f16: {
    name: 'f16',
    blockSize: 8,
    wordsPerBlock: 4,
    scaled: false,
    bytesPerBlock: 16,
    fill(w, at, rng) {
      for (let i = 0; i < 4; i++)
        w[at + i] = toHalfBits(rng.uniform(-1, 1)) | (toHalfBits(rng.uniform(-1, 1)) << 16);
      return 0;
    },
    dot(w, at, _s, x, from) {
      let s = 0;
      for (let i = 0; i < 4; i++) {
        const word = w[at + i] as number;
        s += fromHalfBits(word & 0xffff) * (x[from + 2 * i] as number);
        s += fromHalfBits(word >>> 16) * (x[from + 2 * i + 1] as number);
      }
      return s;
    },
  },
  q8_0: {
    name: 'q8_0',
    blockSize: 32,
    wordsPerBlock: 8,
    scaled: true,
    bytesPerBlock: 34,
    fill(w, at, rng) {
      for (let i = 0; i < 8; i++) w[at + i] = rng.nextU32();
      return smallScale(rng);
    },
    dot(w, at, scale, x, from) {
      let s = 0;
      for (let i = 0; i < 32; i++)
        s += int8(byteOf(w[at + (i >> 2)] as number, i & 3)) * (x[from + i] as number);
      return s * fromHalfBits(scale);
    },
  },
  q4_0: {
    name: 'q4_0',
    blockSize: 32,
    wordsPerBlock: 4,
    scaled: true,
    bytesPerBlock: 18,
    fill(w, at, rng) {
      for (let i = 0; i < 4; i++) w[at + i] = rng.nextU32();
      return smallScale(rng);
    },
    dot(w, at, scale, x, from) {
      // ggml block_q4_0: byte j holds weight j in its low nibble and weight j + 16 in its high nibble.
      let s = 0;
      for (let j = 0; j < 16; j++) {
        const b = byteOf(w[at + (j >> 2)] as number, j & 3);
        s += ((b & 0xf) - 8) * (x[from + j] as number) + ((b >> 4) - 8) * (x[from + j + 16] as number);
      }
      return s * fromHalfBits(scale);
    },
  },
  q4_k: {
    name: 'q4_k',
    blockSize: 256,
    wordsPerBlock: 36,
    scaled: false,
    bytesPerBlock: 144,
    fill(w, at, rng) {
      w[at] = smallScale(rng) | (smallScale(rng) << 16);
      for (let i = 1; i < 36; i++) w[at + i] = rng.nextU32();
      return 0;
    },
    dot(w, at, _s, x, from) {
      // ggml block_q4_K and dequantize_row_q4_K: 4 chunks of 64 weights; low nibbles then high nibbles.
      const d = fromHalfBits((w[at] as number) & 0xffff);
      const dmin = fromHalfBits((w[at] as number) >>> 16);
      const q = (i: number) => byteOf(w[at + 1 + (i >> 2)] as number, i & 3);
      let s = 0;
      for (let chunk = 0; chunk < 4; chunk++) {
        const [sc1, m1] = scaleMinK4(2 * chunk, q);
        const [sc2, m2] = scaleMinK4(2 * chunk + 1, q);
        for (let l = 0; l < 32; l++) {
          const b = byteOf(w[at + 4 + chunk * 8 + (l >> 2)] as number, l & 3);
          const x1 = x[from + chunk * 64 + l] as number;
          const x2 = x[from + chunk * 64 + 32 + l] as number;
          s += (d * sc1 * (b & 0xf) - dmin * m1) * x1 + (d * sc2 * (b >> 4) - dmin * m2) * x2;
        }
      }
      return s;
    },
  },
};

/** Bytes a rows × cols matrix occupies in `format` (the last block of each row padded, as GGUF requires whole blocks). */
export function matrixBytes(format: FormatSpec, rows: number, cols: number): number {
  return rows * Math.ceil(cols / format.blockSize) * format.bytesPerBlock;
}

/** A matrix packed for the GPU: the main words and, for scaled formats, f16 scales two per word. */
export interface PackedMatrix {
  readonly format: FormatSpec;
  readonly rows: number;
  readonly cols: number;
  /** Blocks per row. */
  readonly blocksPerRow: number;
  readonly words: Uint32Array<ArrayBuffer>;
  readonly scales: Uint32Array<ArrayBuffer>;
}

/** A random matrix in `format`. */
export function randomMatrix(format: FormatSpec, rows: number, cols: number, rng: Xorshift32): PackedMatrix {
  const nb = Math.ceil(cols / format.blockSize);
  const blocks = rows * nb;
  const words = new Uint32Array(blocks * format.wordsPerBlock);
  const scales = new Uint32Array(format.scaled ? Math.ceil(blocks / 2) : 0);
  for (let b = 0; b < blocks; b++) {
    const half = format.fill(words, b * format.wordsPerBlock, rng);
    if (format.scaled) scales[b >> 1] = (scales[b >> 1] as number) | (half << (16 * (b & 1)));
  }
  return { format, rows, cols, blocksPerRow: nb, words, scales };
}

/** A random input vector, zero-padded to whole blocks. */
export function randomVector(format: FormatSpec, cols: number, rng: Xorshift32): Float32Array<ArrayBuffer> {
  const x = new Float32Array(Math.ceil(cols / format.blockSize) * format.blockSize);
  for (let i = 0; i < cols; i++) x[i] = rng.uniform(-1, 1);
  return x;
}

/** y = W·x on the CPU, in f64: the reference every kernel result is checked against. */
export function referenceGemv(m: PackedMatrix, x: Float32Array): Float64Array {
  const y = new Float64Array(m.rows);
  const f = m.format;
  for (let r = 0; r < m.rows; r++) {
    let s = 0;
    for (let b = 0; b < m.blocksPerRow; b++) {
      const block = r * m.blocksPerRow + b;
      const scale = f.scaled ? ((m.scales[block >> 1] as number) >>> (16 * (block & 1))) & 0xffff : 0;
      s += f.dot(m.words, block * f.wordsPerBlock, scale, x, b * f.blockSize);
    }
    y[r] = s;
  }
  return y;
}
