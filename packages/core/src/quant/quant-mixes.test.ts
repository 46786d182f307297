import { describe, expect, it } from 'vitest';
import { CliffbenchError, findQuant, quantMixByFileType, quantMixes, storageType } from '../index.js';

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

  it('rejects an unknown mix and lists the accepted ones', () => {
    try {
      findQuant('Q4_K_XL');
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
    expect(quantMixByFileType(19)).toBeUndefined();
    const ids = quantMixes.flatMap((m) => (m.fileType === undefined ? [] : [m.fileType]));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names a storage type that exists for every mix', () => {
    for (const m of quantMixes) expect(storageType(m.baseType).name).toBe(m.baseType);
  });
});
