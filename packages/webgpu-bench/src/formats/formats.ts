/**
 * @module formats/formats — the weight layouts the GEMV kernels read, with GGUF's bytes per weight (block
 * structs in ggml/src/ggml-common.h, dequantisation in ggml/src/ggml-quants.c): how to fill a block with
 * random data and how to turn it back into weights, the CPU half of every kernel check.
 *
 * Q8_0 and Q4_0 keep their quants in one array and their f16 scales, two per word, in a second, so every
 * GPU load is 4-byte aligned; the bytes per weight stay GGUF's (34/32, 18/32). Q4_K keeps the 144-byte
 * super-block as is.
 */
import type { WeightFormat } from '@cliffbench/core';
import { fromHalfBits } from './half.js';
import type { Xorshift32 } from './random.js';

export interface FormatSpec {
  readonly name: WeightFormat;
  /** Weights per block. */
  readonly blockSize: number;
  /** u32 words of the main array per block. */
  readonly wordsPerBlock: number;
  /** True when each block has an f16 scale in the second array. */
  readonly scaled: boolean;
  /** Bytes per block in a GGUF file: what the kernel reads. */
  readonly bytesPerBlock: number;
  /** Where the layout is defined. */
  readonly source: string;
  /** Fills one block's words at `at` and returns its f16 scale bits (0 when not `scaled`). */
  fill(words: Uint32Array, at: number, rng: Xorshift32): number;
  /** Writes the block's `blockSize` weights to `out`, as ggml's dequantize_row_* does. */
  dequantize(words: ArrayLike<number>, at: number, scaleBits: number, out: Float64Array): void;
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const bitsFloat = (u: number) => {
  u32[0] = u;
  return f32[0] as number;
};
/**
 * A random f16 block scale in [2^-10, 2^-6) ≈ [0.001, 0.016), where trained models' block scales sit: exponent
 * field 5…8, random mantissa, built from bits (a filled 800 MB matrix must not cost seconds of conversions).
 */
const smallScale = (rng: Xorshift32) => {
  const r = rng.nextU32();
  return ((5 + (r & 3)) << 10) | ((r >>> 2) & 0x3ff);
};
/** Two random f16 values with magnitude in [0.5, 1) and random signs, in one word. */
const halfPair = (r: number) => (r & 0x83ff83ff) | 0x38003800;
/** A random f32 bit pattern with magnitude in [0.5, 1) and a random sign. */
const floatPattern = (r: number) => ((r & 0x807fffff) | 0x3f000000) >>> 0;
/** Byte i of the words starting at `at` (little-endian, as the GPU reads them). */
const byteAt = (w: ArrayLike<number>, at: number, i: number) =>
  ((w[at + (i >> 2)] as number) >>> (8 * (i & 3))) & 0xff;
const randomWords = (w: Uint32Array, at: number, n: number, rng: Xorshift32) => {
  for (let i = 0; i < n; i++) w[at + i] = rng.nextU32();
};

/** ggml get_scale_min_k4: the 6-bit scale and min of Q4_K sub-block j from the 12 packed bytes `q`. */
function scaleMinK4(j: number, q: (i: number) => number): readonly [number, number] {
  if (j < 4) return [q(j) & 63, q(j + 4) & 63];
  return [(q(j + 4) & 0xf) | ((q(j - 4) >> 6) << 4), (q(j + 4) >> 4) | ((q(j) >> 6) << 4)];
}

const COMMON_H = 'ggml-org/llama.cpp ggml/src/ggml-common.h';

export const formats: Readonly<Record<WeightFormat, FormatSpec>> = {
  f32: {
    name: 'f32',
    blockSize: 4,
    wordsPerBlock: 4,
    scaled: false,
    bytesPerBlock: 16,
    source: 'IEEE 754 binary32 (GGML_TYPE_F32)',
    fill(w, at, rng) {
      for (let i = 0; i < 4; i++) w[at + i] = floatPattern(rng.nextU32());
      return 0;
    },
    dequantize(w, at, _scale, out) {
      for (let i = 0; i < 4; i++) out[i] = bitsFloat(w[at + i] as number);
    },
  },
  f16: {
    name: 'f16',
    blockSize: 8,
    wordsPerBlock: 4,
    scaled: false,
    bytesPerBlock: 16,
    source: 'IEEE 754 binary16 (GGML_TYPE_F16), two per word, lower address in the low half',
    fill(w, at, rng) {
      for (let i = 0; i < 4; i++) w[at + i] = halfPair(rng.nextU32());
      return 0;
    },
    dequantize(w, at, _scale, out) {
      for (let i = 0; i < 4; i++) {
        const word = w[at + i] as number;
        out[2 * i] = fromHalfBits(word & 0xffff);
        out[2 * i + 1] = fromHalfBits(word >>> 16);
      }
    },
  },
  q8_0: {
    name: 'q8_0',
    blockSize: 32,
    wordsPerBlock: 8,
    scaled: true,
    bytesPerBlock: 34,
    source: `${COMMON_H} block_q8_0 (f16 d, int8 qs[32]); w = d·q`,
    fill(w, at, rng) {
      randomWords(w, at, 8, rng);
      return smallScale(rng);
    },
    dequantize(w, at, scale, out) {
      const d = fromHalfBits(scale);
      for (let i = 0; i < 32; i++) {
        const b = byteAt(w, at, i);
        out[i] = d * (b & 0x80 ? b - 256 : b);
      }
    },
  },
  q4_0: {
    name: 'q4_0',
    blockSize: 32,
    wordsPerBlock: 4,
    scaled: true,
    bytesPerBlock: 18,
    source: `${COMMON_H} block_q4_0 (f16 d, uint8 qs[16]); byte j: weight j low nibble, j + 16 high; w = d·(q − 8)`,
    fill(w, at, rng) {
      randomWords(w, at, 4, rng);
      return smallScale(rng);
    },
    dequantize(w, at, scale, out) {
      const d = fromHalfBits(scale);
      for (let j = 0; j < 16; j++) {
        const b = byteAt(w, at, j);
        out[j] = d * ((b & 0xf) - 8);
        out[j + 16] = d * ((b >> 4) - 8);
      }
    },
  },
  q4_k: {
    name: 'q4_k',
    blockSize: 256,
    wordsPerBlock: 36,
    scaled: false,
    bytesPerBlock: 144,
    source: `${COMMON_H} block_q4_K (f16 d, f16 dmin, uint8 scales[12], uint8 qs[128]); ggml-quants.c dequantize_row_q4_K`,
    fill(w, at, rng) {
      w[at] = smallScale(rng) | (smallScale(rng) << 16);
      randomWords(w, at + 1, 35, rng);
      return 0;
    },
    dequantize(w, at, _scale, out) {
      const d = fromHalfBits((w[at] as number) & 0xffff);
      const dmin = fromHalfBits((w[at] as number) >>> 16);
      const q = (i: number) => byteAt(w, at + 1, i);
      for (let chunk = 0; chunk < 4; chunk++) {
        const [sc1, m1] = scaleMinK4(2 * chunk, q);
        const [sc2, m2] = scaleMinK4(2 * chunk + 1, q);
        for (let l = 0; l < 32; l++) {
          const b = byteAt(w, at + 4 + chunk * 8, l);
          out[chunk * 64 + l] = d * sc1 * (b & 0xf) - dmin * m1;
          out[chunk * 64 + 32 + l] = d * sc2 * (b >> 4) - dmin * m2;
        }
      }
    },
  },
};

/** Blocks per row of `cols` weights (GGUF stores whole blocks; the last one may be partly padding). */
export const blocksPerRow = (format: FormatSpec, cols: number): number => Math.ceil(cols / format.blockSize);

/** Bytes a rows × cols matrix occupies in `format`. */
export const matrixBytes = (format: FormatSpec, rows: number, cols: number): number =>
  rows * blocksPerRow(format, cols) * format.bytesPerBlock;
