import { ggmlType } from '@cliffbench/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formats,
  fromHalfBits,
  matrixBytes,
  packRows,
  randomVector,
  referenceRow,
  toHalfBits,
  Xorshift32,
} from '../src/index.js';

const weights = (format: keyof typeof formats, words: Uint32Array, scaleBits = 0) => {
  const out = new Float64Array(formats[format].blockSize);
  formats[format].dequantize(words, 0, scaleBits, out);
  return out;
};

describe('block layouts and their CPU dequantisation (ggml semantics)', () => {
  it('reads Q4_0 byte j as weight j (low nibble) and weight j + 16 (high nibble), offset by 8', () => {
    const words = new Uint32Array(4).fill(0x88888888);
    words[0] = 0x888888f9; // byte 0: low 9 → +1, high 15 → +7
    const w = weights('q4_0', words, toHalfBits(0.5));
    expect(w[0]).toBe(0.5);
    expect(w[16]).toBe(3.5);
    expect(w.filter((v) => v !== 0)).toHaveLength(2);
  });

  it('reads Q8_0 bytes as signed, little-endian', () => {
    const words = new Uint32Array(8);
    words[0] = 0x000000ff; // weight 0 = −1
    words[7] = 0x7f000000; // weight 31 = 127
    const w = weights('q8_0', words, toHalfBits(2));
    expect([w[0], w[31], w[1]]).toEqual([-2, 254, 0]);
  });

  it('decodes Q4_K sub-block scales and mins as get_scale_min_k4, including the 6-bit high parts', () => {
    const words = new Uint32Array(36);
    words[0] = toHalfBits(1) | (toHalfBits(0.5) << 16); // d = 1, dmin = 0.5
    const scales = new Uint8Array(words.buffer, 4, 12);
    scales[0] = 3; // sub-block 0: scale 3
    scales[4] = 2; // sub-block 0: min 2
    // Sub-block 5: scale = (q[9] & 15) | (q[1] >> 6) << 4, min = (q[9] >> 4) | (q[5] >> 6) << 4.
    scales[9] = 0x21; // low 4 bits 1 → scale 1 + 16; high 4 bits 2 → min 2 + 48
    scales[1] = 0x40; // q[1] >> 6 = 1
    scales[5] = 0xc0; // q[5] >> 6 = 3
    const quants = new Uint8Array(words.buffer, 16, 128);
    quants[0] = 0x05; // weight 0: nibble 5 (sub-block 0)
    quants[64] = 0x70; // chunk 2, byte 0: high nibble 7 → weight 160 (sub-block 5)
    const w = weights('q4_k', words);
    expect(w[0]).toBe(1 * 3 * 5 - 0.5 * 2);
    expect(w[1]).toBe(-0.5 * 2);
    expect(w[160]).toBe(1 * 17 * 7 - 0.5 * 50);
  });

  it('fills f16 and f32 weights with magnitudes in [0.5, 1) and both signs', () => {
    for (const format of ['f16', 'f32'] as const) {
      const words = new Uint32Array(formats[format].wordsPerBlock * 64);
      const rng = new Xorshift32(3);
      for (let b = 0; b < 64; b++) formats[format].fill(words, b * formats[format].wordsPerBlock, rng);
      const values = Array.from({ length: 64 }, (_, b) => [...weights(format, words.subarray(b * 4))]).flat();
      expect(values.every((v) => Math.abs(v) >= 0.5 && Math.abs(v) < 1)).toBe(true);
      expect(values.some((v) => v < 0) && values.some((v) => v > 0)).toBe(true);
    }
  });

  it('has the bytes per weight of core’s GGML type table', () => {
    const types = { q4_0: 'Q4_0', q4_k: 'Q4_K', q8_0: 'Q8_0', f16: 'F16', f32: 'F32' } as const;
    for (const [format, name] of Object.entries(types)) {
      const t = ggmlType(name);
      const spec = formats[format as keyof typeof types];
      const cols = 256 * t.blockSize; // a whole number of blocks in both tables
      expect(matrixBytes(spec, 3, cols)).toBe((3 * cols * t.bytesPerBlock) / t.blockSize);
    }
  });

  it('converts f16 exactly for representable values and rounds to nearest otherwise', () => {
    for (const v of [0, 1, -2, 0.5, 65504, 2 ** -24, -0.0078125]) expect(fromHalfBits(toHalfBits(v))).toBe(v);
    expect(fromHalfBits(toHalfBits(1 + 2 ** -11))).toBe(1);
    expect(fromHalfBits(toHalfBits(1e6))).toBe(Number.POSITIVE_INFINITY);
    expect(Math.abs(fromHalfBits(toHalfBits(0.1)) - 0.1)).toBeLessThan(0.1 * 2 ** -11);
  });
});

describe('seeded matrices', () => {
  it('pack the same bytes whether generated whole or piece by piece', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(formats) as (keyof typeof formats)[])),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 600 }),
        (format, rows, cut, cols) => {
          const f = formats[format];
          const even = 2 * Math.floor(Math.min(cut, rows) / 2); // pieces start on a scale-word boundary
          const whole = packRows(f, cols, 9, 0, rows);
          const head = packRows(f, cols, 9, 0, even);
          const tail = packRows(f, cols, 9, even, rows - even);
          expect([...whole.words]).toEqual([...head.words, ...tail.words]);
          if (f.scaled) {
            const halves = (s: Uint32Array, n: number) =>
              Array.from({ length: n }, (_, i) => ((s[i >> 1] as number) >>> (16 * (i & 1))) & 0xffff);
            const nb = Math.ceil(cols / f.blockSize);
            expect(halves(whole.scales, rows * nb)).toEqual([
              ...halves(head.scales, even * nb),
              ...halves(tail.scales, (rows - even) * nb),
            ]);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('give the reference the dot product of the packed row with x, ignoring x beyond the columns', () => {
    const f = formats.q4_0;
    const cols = 40; // one whole block and a partial one
    const { words, scales } = packRows(f, cols, 4, 2, 1);
    const x = randomVector(cols, 64, 8);
    expect(x.slice(cols).every((v) => v === 0)).toBe(true);
    let want = 0;
    for (let b = 0; b < 2; b++) {
      const w = new Float64Array(32);
      f.dequantize(words, 4 * b, ((scales[0] as number) >>> (16 * b)) & 0xffff, w);
      for (let i = 0; i < 32; i++) want += (w[i] as number) * (x[32 * b + i] as number);
    }
    expect(referenceRow(f, cols, 4, 2, x).sum).toBeCloseTo(want, 12);
  });
});
