import { describe, expect, it } from 'vitest';
import { CliffbenchError, findQuant, quantMixByFileType, quantMixes, storageType } from '../index.js';
import { isKnownQuant } from './quant-mixes.js';

/** Every llama-quantize file type: include/llama.h enum llama_ftype and tools/quantize/quantize.cpp QUANT_OPTIONS. */
const LLAMA_FTYPES: Readonly<Record<string, number>> = {
  F32: 0,
  F16: 1,
  Q4_0: 2,
  Q4_1: 3,
  Q8_0: 7,
  Q5_0: 8,
  Q5_1: 9,
  Q2_K: 10,
  Q3_K_S: 11,
  Q3_K_M: 12,
  Q3_K_L: 13,
  Q4_K_S: 14,
  Q4_K_M: 15,
  Q5_K_S: 16,
  Q5_K_M: 17,
  Q6_K: 18,
  IQ2_XXS: 19,
  IQ2_XS: 20,
  Q2_K_S: 21,
  IQ3_XS: 22,
  IQ3_XXS: 23,
  IQ1_S: 24,
  IQ4_NL: 25,
  IQ3_S: 26,
  IQ3_M: 27,
  IQ2_S: 28,
  IQ2_M: 29,
  IQ4_XS: 30,
  IQ1_M: 31,
  BF16: 32,
  TQ1_0: 36,
  TQ2_0: 37,
  MXFP4: 38,
  NVFP4: 39,
  Q1_0: 40,
  Q2_0: 41,
};

const UNSLOTH = [
  'UD-IQ1_S',
  'UD-IQ1_M',
  'UD-IQ2_XXS',
  'UD-IQ2_M',
  'UD-IQ3_XXS',
  'UD-Q2_K_XL',
  'UD-Q3_K_XL',
  'UD-Q4_K_XL',
  'UD-Q5_K_XL',
  'UD-Q6_K_XL',
  'UD-Q8_K_XL',
];

describe('quant mixes', () => {
  it('offers every mix the estimator promises', () => {
    const names = quantMixes.map((m) => m.name);
    for (const n of [
      'F32',
      'F16',
      'BF16',
      'Q8_0',
      'Q6_K',
      'Q5_K_M',
      'Q5_K_S',
      'Q5_0',
      'Q4_K_M',
      'Q4_K_S',
      'Q4_0',
      'IQ4_XS',
      'Q3_K_L',
      'Q3_K_M',
      'Q3_K_S',
      'Q2_K',
      'MXFP4',
      'MLX 4-bit',
      'MLX 8-bit',
    ]) {
      expect(names).toContain(n);
    }
  });

  it('finds mixes by forgiving names', () => {
    expect(findQuant('q4_k_m').name).toBe('Q4_K_M');
    expect(findQuant('Q4-K-M').name).toBe('Q4_K_M');
    expect(findQuant('Q4_K').name).toBe('Q4_K_M');
    expect(findQuant('q3_k').name).toBe('Q3_K_M');
    expect(findQuant('MXFP4_MOE').name).toBe('MXFP4');
    expect(findQuant('mlx-4bit').name).toBe('MLX 4-bit');
    expect(findQuant('MLX 8-bit').name).toBe('MLX 8-bit');
    expect(findQuant('fp16').name).toBe('F16');
  });

  it('resolves every llama-quantize file type by name, with its GGUF file type id', () => {
    for (const [name, id] of Object.entries(LLAMA_FTYPES)) {
      const mix = findQuant(name);
      expect([mix.name, mix.fileType, mix.origin]).toEqual([name, id, 'llama.cpp']);
      expect(quantMixByFileType(id)?.name).toBe(name);
      expect(storageType(mix.baseType).name).toBe(mix.baseType);
    }
    expect(findQuant('MXFP4_MOE').name).toBe('MXFP4');
    expect(findQuant('iq2-xxs').name).toBe('IQ2_XXS');
  });

  it('models the mixes llama-quantize refuses to make without an importance matrix with one', () => {
    const needing = quantMixes.filter((m) => m.origin === 'llama.cpp' && m.imatrix).map((m) => m.name);
    expect(needing.sort()).toEqual(
      ['IQ1_M', 'IQ1_S', 'IQ2_M', 'IQ2_S', 'IQ2_XS', 'IQ2_XXS', 'IQ3_XS', 'IQ3_XXS', 'Q2_K_S'].sort(),
    );
  });

  it('resolves the Unsloth Dynamic names with and without UD- (the _XL ones)', () => {
    for (const name of UNSLOTH) {
      const mix = findQuant(name);
      expect([mix.name, mix.origin, mix.imatrix]).toEqual([name, 'unsloth-dynamic', true]);
      expect(findQuant(name.toLowerCase()).name).toBe(name);
      expect(findQuant(name.replace('UD-', 'UD_')).name).toBe(name);
      // each follows the llama-quantize mix its header's general.file_type names
      expect(findQuant(mix.rules ?? '').origin).toBe('llama.cpp');
    }
    for (const bare of ['Q2_K_XL', 'Q3_K_XL', 'Q4_K_XL', 'Q5_K_XL', 'Q6_K_XL', 'Q8_K_XL']) {
      expect(findQuant(bare).name).toBe(`UD-${bare}`);
    }
    expect(findQuant('UD-Q4_K_XL').rules).toBe('Q4_K_M');
    expect(findQuant('UD-Q5_K_XL').rules).toBe('Q5_K_M');
    expect(findQuant('UD-Q3_K_XL').rules).toBe('Q3_K_M');
    // UD- before an IQ name is Unsloth's file; the bare IQ name is llama-quantize's
    expect(findQuant('IQ2_M').origin).toBe('llama.cpp');
    expect(findQuant('UD-IQ2_M').origin).toBe('unsloth-dynamic');
  });

  it('names any other llama-quantize mix after UD- as Unsloth makes it (with an importance matrix)', () => {
    for (const name of ['UD-Q4_K_M', 'ud-iq4_xs', 'UD-TQ1_0', 'UD-Q3_K_S', 'UD-IQ3_S']) {
      const mix = findQuant(name);
      expect(mix.name).toBe(name.toUpperCase());
      expect([mix.origin, mix.imatrix, mix.rules]).toEqual([
        'unsloth-dynamic',
        true,
        name.toUpperCase().slice(3),
      ]);
    }
    expect(isKnownQuant('UD-Q4_K_M')).toBe(true);
    expect(isKnownQuant('UD-MLX 4-bit')).toBe(false);
    expect(isKnownQuant('UD-Q7_K')).toBe(false);
  });

  it('rejects an unknown mix and lists the accepted ones', () => {
    try {
      findQuant('Q4_K_XXL');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CliffbenchError);
      expect((e as CliffbenchError).code).toBe('unknown-quant');
      expect((e as CliffbenchError).detail.accepted).toContain('Q4_K_M');
    }
  });

  it('maps GGUF general.file_type ids to mixes', () => {
    expect(quantMixByFileType(15)?.name).toBe('Q4_K_M');
    expect(quantMixByFileType(7)?.name).toBe('Q8_0');
    expect(quantMixByFileType(38)?.name).toBe('MXFP4');
    expect(quantMixByFileType(19)?.name).toBe('IQ2_XXS');
    expect(quantMixByFileType(1024)).toBeUndefined();
    const ids = quantMixes.flatMap((m) => (m.fileType === undefined ? [] : [m.fileType]));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names a storage type that exists for every mix', () => {
    for (const m of quantMixes) expect(storageType(m.baseType).name).toBe(m.baseType);
  });
});
