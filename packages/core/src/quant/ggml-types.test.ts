import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ggmlTypeTraits } from '../../test/ggml-type-traits.js';
import { bitsPerWeight, CliffbenchError, ggmlType, ggmlTypeById, ggmlTypes, tensorBytes } from '../index.js';

// Struct layouts from ggml src/ggml-common.h, summed field by field (f16 = 2 bytes, QK_K = 256).
const QK_K = 256;
const structBytes: Record<string, [number, number]> = {
  Q4_0: [32, 2 + 32 / 2],
  Q4_1: [32, 2 * 2 + 32 / 2],
  Q5_0: [32, 2 + 4 + 32 / 2],
  Q5_1: [32, 2 * 2 + 4 + 32 / 2],
  Q8_0: [32, 2 + 32],
  Q2_K: [QK_K, 2 * 2 + QK_K / 16 + QK_K / 4],
  Q3_K: [QK_K, 2 + QK_K / 4 + QK_K / 8 + 12],
  Q4_K: [QK_K, 2 * 2 + 12 + QK_K / 2],
  Q5_K: [QK_K, 2 * 2 + 12 + QK_K / 2 + QK_K / 8],
  Q6_K: [QK_K, 2 + QK_K / 16 + (3 * QK_K) / 4],
  Q8_K: [QK_K, 4 + QK_K + (QK_K / 16) * 2],
  IQ2_XXS: [QK_K, 2 + (QK_K / 8) * 2],
  IQ2_XS: [QK_K, 2 + (QK_K / 8) * 2 + QK_K / 32],
  IQ2_S: [QK_K, 2 + QK_K / 4 + QK_K / 16],
  IQ3_XXS: [QK_K, 2 + 3 * (QK_K / 8)],
  IQ3_S: [QK_K, 2 + 13 * (QK_K / 32) + QK_K / 64],
  IQ1_S: [QK_K, 2 + QK_K / 8 + QK_K / 16],
  IQ1_M: [QK_K, QK_K / 8 + QK_K / 16 + QK_K / 32],
  IQ4_NL: [32, 2 + 32 / 2],
  IQ4_XS: [QK_K, 2 + 2 + QK_K / 64 + QK_K / 2],
  MXFP4: [32, 1 + 32 / 2],
  // block_tq1_0: qs[(QK_K - 4 * QK_K / 64) / 5] (5 trits a byte), qh[QK_K / 64], f16 d
  TQ1_0: [QK_K, (QK_K - (4 * QK_K) / 64) / 5 + QK_K / 64 + 2],
  // block_tq2_0: qs[QK_K / 4], f16 d
  TQ2_0: [QK_K, QK_K / 4 + 2],
  // block_nvfp4: 4 UE4M3 scales (one per 16 values) + 64 E2M1 nibbles
  NVFP4: [64, 64 / 16 + 64 / 2],
  // block_q1_0: f16 d + 128 bits; block_q2_0: f16 d + 64 2-bit values
  Q1_0: [128, 2 + 128 / 8],
  Q2_0: [64, 2 + 64 / 4],
};

describe('ggml types', () => {
  it("has exactly ggml's type traits: every id, name, block size and bytes per block of src/ggml.c", () => {
    const ours = ggmlTypes.map((t) => [t.id, t.name, t.blockSize, t.bytesPerBlock]);
    expect(ours).toEqual(ggmlTypeTraits.map((row) => [...row]));
  });

  it('matches the block layout of every quantised type in ggml-common.h', () => {
    for (const [name, [blockSize, bytes]] of Object.entries(structBytes)) {
      const t = ggmlType(name);
      expect([name, t.blockSize, t.bytesPerBlock]).toEqual([name, blockSize, bytes]);
    }
  });

  it('uses the GGUF numeric ids of enum ggml_type', () => {
    expect(ggmlType('F32').id).toBe(0);
    expect(ggmlType('Q4_0').id).toBe(2);
    expect(ggmlType('Q8_0').id).toBe(8);
    expect(ggmlType('Q4_K').id).toBe(12);
    expect(ggmlType('Q6_K').id).toBe(14);
    expect(ggmlType('IQ4_XS').id).toBe(23);
    expect(ggmlType('BF16').id).toBe(30);
    expect(ggmlType('MXFP4').id).toBe(39);
  });

  it('has unique names and ids', () => {
    expect(new Set(ggmlTypes.map((t) => t.name)).size).toBe(ggmlTypes.length);
    expect(new Set(ggmlTypes.map((t) => t.id)).size).toBe(ggmlTypes.length);
  });

  it('finds types whatever the spelling and by id', () => {
    expect(ggmlType('q4_k').name).toBe('Q4_K');
    expect(ggmlType('GGML_TYPE_Q6_K').name).toBe('Q6_K');
    expect(ggmlType(' iq4-xs ').name).toBe('IQ4_XS');
    expect(ggmlTypeById(13).name).toBe('Q5_K');
  });

  it('rejects unknown names and removed ids with the accepted list', () => {
    expect(() => ggmlType('Q4_2')).toThrowError(CliffbenchError);
    try {
      ggmlType('Q7_K');
    } catch (e) {
      expect((e as CliffbenchError).code).toBe('unknown-quant');
      expect((e as CliffbenchError).detail.accepted).toContain('Q4_K');
    }
    expect(() => ggmlTypeById(4)).toThrowError(/removed/);
  });

  it('gives the bits per weight ggml documents for the K-quants', () => {
    expect(bitsPerWeight(ggmlType('Q2_K'))).toBe(2.625);
    expect(bitsPerWeight(ggmlType('Q3_K'))).toBe(3.4375);
    expect(bitsPerWeight(ggmlType('Q4_K'))).toBe(4.5);
    expect(bitsPerWeight(ggmlType('Q5_K'))).toBe(5.5);
    expect(bitsPerWeight(ggmlType('Q6_K'))).toBe(6.5625);
    expect(bitsPerWeight(ggmlType('Q8_0'))).toBe(8.5);
  });

  it('sizes a tensor as rows of whole blocks', () => {
    expect(tensorBytes(ggmlType('Q8_0'), [4096, 4096])).toBe(4096 * 128 * 34);
    expect(tensorBytes(ggmlType('Q4_K'), [2816, 704, 128])).toBe(11 * 144 * 704 * 128);
    expect(tensorBytes(ggmlType('F32'), [4096])).toBe(16384);
    expect(() => tensorBytes(ggmlType('Q4_K'), [704, 2816])).toThrowError(/not a whole number/);
  });

  it('adds up: a tensor weighs the sum of its row slices', () => {
    const quantised = ggmlTypes.filter((t) => t.blockSize > 1);
    fc.assert(
      fc.property(
        fc.constantFrom(...quantised),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 500 }),
        (type, blocks, a, b) => {
          const ne0 = blocks * type.blockSize;
          const whole = tensorBytes(type, [ne0, a + b]);
          expect(whole).toBe(tensorBytes(type, [ne0, a]) + tensorBytes(type, [ne0, b]));
          expect(whole).toBeCloseTo(((a + b) * ne0 * bitsPerWeight(type)) / 8, 6);
        },
      ),
    );
  });
});
