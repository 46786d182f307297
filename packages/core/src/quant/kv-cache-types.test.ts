import { describe, expect, it } from 'vitest';
import { CliffbenchError, findKvCacheType, kvCacheTypes } from '../index.js';

describe('KV-cache types', () => {
  it('stores f16 in 2 bytes, q8_0 in 34/32 and q4_0 in 18/32 bytes per element', () => {
    expect(findKvCacheType('f16').bytesPerElement).toBe(2);
    expect(findKvCacheType('q8_0').bytesPerElement).toBe(34 / 32);
    expect(findKvCacheType('q4_0').bytesPerElement).toBe(18 / 32);
    expect(findKvCacheType('q5_0').bytesPerElement).toBe(22 / 32);
    expect(findKvCacheType('bf16').bytesPerElement).toBe(2);
  });

  it('accepts the spellings people use', () => {
    expect(findKvCacheType('FP16').name).toBe('f16');
    expect(findKvCacheType('Q8_0').name).toBe('q8_0');
    expect(findKvCacheType('q8').name).toBe('q8_0');
    expect(findKvCacheType('4-bit').name).toBe('q4_0');
    expect(findKvCacheType('IQ4_NL').name).toBe('iq4_nl');
  });

  it('rejects an unknown type and lists the accepted ones', () => {
    try {
      findKvCacheType('q6_k');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CliffbenchError);
      expect((e as CliffbenchError).code).toBe('unknown-quant');
      expect((e as CliffbenchError).detail.accepted).toEqual(kvCacheTypes.map((t) => t.name));
    }
  });

  it('never stores an element in more than f32 or less than 4 bits', () => {
    for (const t of kvCacheTypes) {
      expect(t.bytesPerElement).toBeGreaterThanOrEqual(0.5);
      expect(t.bytesPerElement).toBeLessThanOrEqual(4);
    }
  });
});
